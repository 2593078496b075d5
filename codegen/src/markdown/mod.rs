//! Reading Mastodon's docs pages (Hugo Markdown): the pieces every page
//! kind's reader (under [`crate::pages`]) stands on. Front matter, blocks
//! with their spans, headings with shortcode markers and `{#anchor}`s,
//! labelled `**Field:**` lines and inline text.

#[cfg(feature = "markdown-error")]
pub(crate) mod attributes;
#[cfg(feature = "markdown-error")]
pub(crate) mod blocks;
pub(crate) mod explanation;
#[cfg(feature = "markdown-error")]
pub(crate) mod front_matter;
#[cfg(feature = "markdown-error")]
pub(crate) mod inline;
#[cfg(feature = "markdown-methods")]
pub(crate) mod lenient_json;
pub(crate) mod runs;
#[cfg(any(feature = "markdown-methods", feature = "markdown-entities"))]
pub(crate) mod type_line;

#[cfg(any(
    feature = "markdown-methods",
    feature = "markdown-api-pages",
    feature = "markdown-entities"
))]
use crate::{lint::Found, model::LintRecord, sink::Sink, source::Source};

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
