//! Reading the rate-limits page (`content/en/api/rate-limits.md`) or its
//! YAML copy, and resolving each limit's requests to the documented methods.

use std::path::Path;

use crate::api::{self, Endpoint};
use crate::api_page::{ApiPageInput, ApiPageKind};
use crate::diagnostic::{Diagnostic, Error};
use crate::lint::{self, Found};
#[cfg(feature = "markdown-api-pages")]
use crate::markdown::rate_limits_page;
use crate::model::rate_limits::{Applies, RateLimitPage};
use crate::model::rate_limits::{Headers, RateLimits, ResolvedLimit};
use crate::source::Source;
use crate::yaml;

/// Reads the rate-limits page (`.md`) or its YAML copy (`.yaml`, `.yml`)
/// from memory, without resolving its requests against the method pages.
pub fn parse_rate_limits_page(source: &Source) -> Result<RateLimitPage, Error> {
    from_source(source.clone()).map(|input| input.page)
}

/// The page as read, where it came from, and the docs defects found in it.
pub(crate) type RateLimitsInput = ApiPageInput<RateLimitPage>;

/// The rate-limits page among the `api/` pages.
pub(crate) const PAGE: ApiPageKind<RateLimitPage> = ApiPageKind {
    docs_path: "api/rate-limits.md",
    flag: "rate-limits",
    what: "the rate-limits page",
    read_copy: yaml::rate_limits::parse,
    #[cfg(feature = "markdown-api-pages")]
    read_page: rate_limits_page::parse_with_lints,
    #[cfg(feature = "tools")]
    write_copy: yaml::rate_limits_write::write,
    lint_records: |page| &page.lints,
    #[cfg(feature = "tools")]
    without_spans: RateLimitPage::without_spans,
};

/// Reads the page (`.md`) or its YAML copy (`.yaml`, `.yml`) at `path`.
pub(crate) fn load(path: &Path) -> Result<RateLimitsInput, Error> {
    PAGE.load(path)
}

pub(crate) fn from_source(source: Source) -> Result<RateLimitsInput, Error> {
    PAGE.read(source)
}

/// Each limit with the methods it names, and the headers by role. A request
/// no method page documents is a lint: it stays in the limit's text, and no
/// `Endpoint` reaches it. A page without all three headers is a lint too,
/// and then no header reader is generated.
pub(crate) fn resolve(
    input: &RateLimitsInput,
    endpoints: &[Endpoint<'_>],
    docs_site: &str,
) -> (RateLimits, Vec<Found>) {
    let mut found = Vec::new();
    let mut lint_at = |span: std::ops::Range<usize>, message: String, outcome: &str| {
        found.push(Found {
            lint: &lint::UNREADABLE_RATE_LIMIT,
            source: input.source.clone(),
            diagnostic: Diagnostic::defect(span, message, outcome),
        });
    };
    let mut limits = Vec::new();
    for limit in &input.page.limits {
        let (requests, endpoints) = match &limit.applies {
            Applies::All => (Vec::new(), None),
            Applies::Requests(requests) => {
                let mut variants = Vec::new();
                for request in requests {
                    match endpoint_for(request, endpoints) {
                        Some(endpoint) => variants.push(endpoint.variant.clone()),
                        None => lint_at(
                            limit.span.clone(),
                            format!("a limit names `{request}`, which no method page documents"),
                            "kept the request in `RateLimit::requests`; no `Endpoint` counts it",
                        ),
                    }
                }
                (requests.clone(), Some(variants))
            }
        };
        limits.push(ResolvedLimit {
            scope: limit.scope,
            name: limit.name.clone(),
            requests,
            endpoints,
            count: limit.count,
            period_seconds: limit.period_seconds,
        });
    }
    let role = |suffix: &str| {
        input
            .page
            .headers
            .iter()
            .find(|header| header.name.rsplit('-').next() == Some(suffix))
            .map(|header| header.name.clone())
    };
    let headers = match (role("Limit"), role("Remaining"), role("Reset")) {
        (Some(limit), Some(remaining), Some(reset)) => Some(Headers {
            limit,
            remaining,
            reset,
        }),
        _ => {
            // At the headers the page has, else at its start.
            let at = input
                .page
                .headers
                .first()
                .map_or(0..0, |header| header.span.clone());
            lint_at(
                at,
                "the page does not define the three rate-limit headers (`…-Limit`, `…-Remaining`, `…-Reset`)".to_owned(),
                "generated no `RateLimitStatus`: there is no header to read it from",
            );
            None
        }
    };
    let mut all = input.lints.clone();
    all.extend(found);
    let rate_limits = RateLimits {
        docs_url: format!("{}/api/rate-limits/", docs_site.trim_end_matches('/')),
        limits,
        headers,
    };
    (rate_limits, all)
}

/// The documented method that `request` (`POST /api/v1/media`) names:
/// the same HTTP method and the same path, up to parameter names.
fn endpoint_for<'e, 'a>(request: &str, endpoints: &'e [Endpoint<'a>]) -> Option<&'e Endpoint<'a>> {
    let (method, path) = request.split_once(' ')?;
    let route = api::route(&api::path_segments(path));
    endpoints
        .iter()
        .find(|endpoint| endpoint.method.http_method == method && endpoint.route == route)
}
