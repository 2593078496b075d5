//! Reading Mastodon's docs pages (Hugo Markdown). The Error entity page and
//! the API method pages have their own readers; both stand on the pieces here:
//! front matter, blocks with their spans, headings with shortcode markers and
//! `{#anchor}`s, labelled `**Field:**` lines and inline text.

mod blocks;
mod error_page;
pub(crate) mod explanation;
mod front_matter;
mod inline;
#[cfg(feature = "markdown-methods")]
mod lenient_json;
#[cfg(feature = "markdown-methods")]
pub(crate) mod method_page;
pub(crate) mod rate_limits_page;

pub use error_page::parse;
