//! Reading Mastodon's docs pages (Hugo Markdown). The Error entity page and
//! the API method pages have their own readers; both stand on the pieces here:
//! front matter, blocks with their spans, headings with shortcode markers and
//! `{#anchor}`s, labelled `**Field:**` lines and inline text.

mod attributes;
mod blocks;
#[cfg(feature = "markdown-entities")]
pub(crate) mod entity_page;
mod error_page;
pub(crate) mod explanation;
mod front_matter;
mod inline;
#[cfg(feature = "markdown-methods")]
mod lenient_json;
#[cfg(feature = "markdown-methods")]
pub(crate) mod method_page;
#[cfg(feature = "markdown-api-pages")]
pub(crate) mod rate_limits_page;
#[cfg(feature = "markdown-api-pages")]
pub(crate) mod scopes_page;
#[cfg(feature = "markdown-entities")]
mod type_line;

pub use error_page::parse;

#[cfg(any(
    feature = "markdown-methods",
    feature = "markdown-api-pages",
    feature = "markdown-entities"
))]
use crate::{diagnostic::Sink, lint::Found, model::methods::LintRecord, source::Source};

/// The lints a page's reader collected in `sink`, as lints found in
/// `source`, and the records a YAML copy keeps of them, located at
/// `docs_path`, the page's path in the docs (`statuses.md`, `api/rate-limits.md`).
#[cfg(any(
    feature = "markdown-methods",
    feature = "markdown-api-pages",
    feature = "markdown-entities"
))]
pub(crate) fn found_lints(
    sink: &mut Sink,
    source: &Source,
    docs_path: &str,
) -> (Vec<Found>, Vec<LintRecord>) {
    let found = Found::collected(sink, source);
    let records = found.iter().map(|found| found.record(docs_path)).collect();
    (found, records)
}
