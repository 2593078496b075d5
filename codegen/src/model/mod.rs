//! What a page documents, independent of how it was written down.
//!
//! Parsing fills this in; validation and emission only read it. Every item
//! keeps the span it came from so later checks can point at the source.

use std::ops::Range;

pub mod entities;
pub mod methods;
pub mod rate_limits;
pub mod scopes;

/// The whole Error entity page.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    /// The page title (`title:` in the front matter), e.g. `Error`.
    pub title: String,
    pub title_span: Range<usize>,
    /// `description:` or `summary:` from the front matter.
    pub description: Option<String>,
    pub attributes: Vec<Attribute>,
    pub groups: Vec<StatusGroup>,
}

impl Spec {
    /// Every reason, in page order.
    pub fn reasons(&self) -> impl Iterator<Item = &Reason> {
        self.groups.iter().flat_map(|group| group.reasons.iter())
    }

    /// The same content with every span emptied, for comparing what two
    /// inputs document regardless of where they wrote it.
    pub fn without_spans(&self) -> Spec {
        let mut spec = self.clone();
        spec.title_span = 0..0;
        for attribute in &mut spec.attributes {
            attribute.span = 0..0;
            attribute.type_span = 0..0;
        }
        for group in &mut spec.groups {
            group.span = 0..0;
            for reason in &mut group.reasons {
                reason.heading_span = 0..0;
                reason.message.span = 0..0;
            }
        }
        spec
    }
}

/// One attribute of the entity, e.g. `error_description`.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribute {
    pub name: String,
    pub span: Range<usize>,
    pub description: String,
    /// The `Type:` text as written, e.g. `String`.
    pub type_text: String,
    pub type_span: Range<usize>,
    /// `{{%optional%}}`, `{{%nullable%}}`, an "Optional attributes" section, or `… or null`.
    pub optional: bool,
    pub deprecated: bool,
    pub history: Vec<HistoryEntry>,
}

/// One line of an attribute's version history, e.g. `0.6.0 - added`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    pub version: String,
    pub change: String,
}

/// An HTTP status heading such as `### 404 - Not found {#404}`.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusGroup {
    pub code: u16,
    /// The status text as the page writes it, e.g. `Not found`.
    pub text: String,
    pub anchor: Option<String>,
    pub span: Range<usize>,
    pub reasons: Vec<Reason>,
}

impl StatusGroup {
    /// The heading a group's own reason (429) goes by: `429 - Too many requests`.
    pub fn own_reason_heading(&self) -> String {
        format!("{} - {}", self.code, self.text)
    }
}

/// A documented reason: a `####` heading with its `Error:` line, or the
/// `Error:` line of a status group that has no reason headings (429).
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    /// The heading as the page writes it, e.g. `!current_user.confirmed?`.
    pub heading: String,
    pub heading_span: Range<usize>,
    pub anchor: Option<String>,
    /// True when the reason is its status group's own `Error:` line.
    pub is_group_reason: bool,
    /// An explicit variant name (from YAML or the config), overriding the naming rule.
    pub name_override: Option<String>,
    pub message: Message,
    pub explanation: Vec<Inline>,
    /// Where the docs document it, when not at its anchor on the Error page:
    /// a reason only the method pages document links to the first method.
    pub docs_url: Option<String>,
    /// An OAuth error, which only the method pages document: its message is
    /// an OAuth code, or its example has an `error_description`. A response
    /// of that shape is classified under OAuth reasons only.
    pub oauth: bool,
}

/// The error codes of OAuth 2.0: RFC 6749 §4.1.2.1 (the authorization
/// endpoint) and §5.2 (the token endpoint), RFC 6750 §3.1 (bearer tokens) and
/// RFC 7009 §2.2.1 (revocation). Doorkeeper, Mastodon's OAuth provider,
/// answers with these, always with an `error_description`.
pub const OAUTH_ERROR_CODES: [&str; 13] = [
    "invalid_request",
    "unauthorized_client",
    "access_denied",
    "unsupported_response_type",
    "invalid_scope",
    "server_error",
    "temporarily_unavailable",
    "invalid_client",
    "invalid_grant",
    "unsupported_grant_type",
    "invalid_token",
    "insufficient_scope",
    "unsupported_token_type",
];

/// What Rails sends for the exceptions two Error page reasons are named
/// after, which the page writes as `{string}`: the reason's heading, its
/// status, and the literal start of every such message. A message that
/// starts so is an instance of that reason's template, not a match by
/// status alone.
pub const RAILS_MESSAGES: [(&str, u16, &str); 2] = [
    // ActionController::ParameterMissing: `param is missing or the value is empty: status`
    // (Rails 7.1 adds ` or invalid`).
    (
        "ParameterMissing",
        400,
        "param is missing or the value is empty",
    ),
    // ActiveRecord::RecordInvalid: `Validation failed: Text can't be blank`.
    ("RecordInvalid", 422, "Validation failed: "),
];

/// The `Error:` message, exactly as servers send it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// e.g. `Record not found` or `{string}`.
    pub text: String,
    pub span: Range<usize>,
}

impl Message {
    /// Literal pieces between `{placeholder}`s; one piece means a literal message.
    pub fn pieces(&self) -> Vec<&str> {
        split_template(&self.text)
    }

    pub fn is_template(&self) -> bool {
        self.pieces().len() > 1
    }

    /// A message whose whole text is one placeholder (`{string}`): any message fits it.
    pub fn is_bare_placeholder(&self) -> bool {
        self.is_template() && self.pieces().iter().all(|piece| piece.is_empty())
    }
}

/// Splits `a {x} b {y}` into `["a ", " b ", ""]`.
pub fn split_template(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some((open, close)) = rest
        .find('{')
        .and_then(|open| rest[open..].find('}').map(|close| (open, open + close)))
    {
        pieces.push(&rest[..open]);
        rest = &rest[close + 1..];
    }
    pieces.push(rest);
    pieces
}

/// Explanation text, kept just structured enough to render as a doc link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Code(String),
    Link { text: String, url: String },
}

/// Renders inline content as plain text, the form `explanation()` returns.
pub fn plain_text(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(text) | Inline::Code(text) | Inline::Link { text, .. } => text.as_str(),
        })
        .collect()
}

/// A lint that fired on a page, as a fact the YAML copy records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LintRecord {
    /// The lint's stable name, e.g. `invalid-example-json`.
    pub lint: String,
    /// Where in the docs: the page's path below the methods folder, line and
    /// column, e.g. `admin/domain_blocks.md:248:3`.
    pub at: String,
    /// What is wrong.
    pub message: String,
    /// What the generator recovered or left out.
    pub outcome: String,
    /// Where the record is in the text that was read: the page, or the YAML copy.
    pub span: Range<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_split_on_placeholders() {
        assert_eq!(split_template("Record not found"), ["Record not found"]);
        assert_eq!(split_template("{string}"), ["", ""]);
        assert_eq!(
            split_template("Validation failed: {string}"),
            ["Validation failed: ", ""]
        );
        assert_eq!(split_template("a {x} b {y} c"), ["a ", " b ", " c"]);
        assert_eq!(split_template("unclosed {brace"), ["unclosed {brace"]);
    }
}
