//! The rate-limits page (`content/en/api/rate-limits.md`) as facts: the
//! headers a response carries, and each documented limit.

use std::ops::Range;

use super::LintRecord;

/// What the page says about rate limits.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RateLimitPage {
    /// The response headers, in page order (`X-RateLimit-Limit`, …).
    pub headers: Vec<RateLimitHeader>,
    pub limits: Vec<RateLimit>,
    /// The docs defects the page's reader found, which its copy records.
    pub lints: Vec<LintRecord>,
}

impl RateLimitPage {
    /// The same facts with every span emptied, to compare a page with its copy.
    pub fn without_spans(&self) -> RateLimitPage {
        let mut page = self.clone();
        for header in &mut page.headers {
            header.span = 0..0;
        }
        for limit in &mut page.limits {
            limit.span = 0..0;
        }
        for record in &mut page.lints {
            record.span = 0..0;
        }
        page
    }
}

/// A header the page defines, by name: its meaning is the page's prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateLimitHeader {
    pub name: String,
    pub span: Range<usize>,
}

/// Whom a limit counts against: `### Per account` or `### Per IP`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LimitScope {
    Account,
    Ip,
}

impl LimitScope {
    /// The name the YAML copy and the diff use: `account`, `ip`.
    pub fn as_str(self) -> &'static str {
        match self {
            LimitScope::Account => "account",
            LimitScope::Ip => "ip",
        }
    }

    pub fn from_name(name: &str) -> Option<LimitScope> {
        match name {
            "account" => Some(LimitScope::Account),
            "ip" => Some(LimitScope::Ip),
            _ => None,
        }
    }
}

/// `METHOD /path`, as the method pages write a request.
pub fn is_request(text: &str) -> bool {
    matches!(
        text.split(' ').collect::<Vec<_>>()[..],
        [method, path] if !method.is_empty()
            && method.bytes().all(|b| b.is_ascii_uppercase())
            && path.starts_with('/')
    )
}

/// Which requests a limit counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applies {
    /// "All endpoints and methods".
    All,
    /// The requests the sentence names, as written: `POST /api/v1/media`.
    Requests(Vec<String>),
}

/// One documented limit: `count` requests within `period_seconds`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateLimit {
    pub scope: LimitScope,
    /// The `####` heading the limit sits under (`Uploading media`), if any.
    pub name: Option<String>,
    pub applies: Applies,
    pub count: u32,
    pub period_seconds: u32,
    pub span: Range<usize>,
}

/// The rate-limits page, resolved against the endpoints.
pub(crate) struct RateLimits {
    pub docs_url: String,
    pub limits: Vec<ResolvedLimit>,
    /// The three headers by role, when the page defines all three.
    pub headers: Option<Headers>,
}

pub(crate) struct ResolvedLimit {
    pub scope: LimitScope,
    pub name: Option<String>,
    /// As the page writes them; empty for a limit on every call.
    pub requests: Vec<String>,
    /// The variants of the documented methods among `requests`; `None`
    /// for a limit on every call.
    pub endpoints: Option<Vec<String>>,
    pub count: u32,
    pub period_seconds: u32,
}

/// Each header's name, by its role.
pub(crate) struct Headers {
    pub limit: String,
    pub remaining: String,
    pub reset: String,
}
