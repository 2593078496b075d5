//! Reading the rate-limits page (`content/en/api/rate-limits.md`) or its
//! YAML copy; [`crate::check::rate_limits`] resolves each limit's requests
//! to the documented methods.

#[cfg(feature = "markdown-api-pages")]
pub(crate) mod read_markdown;
mod read_yaml;
#[cfg(feature = "tools")]
mod write_yaml;

use std::path::Path;

use crate::diagnostic::Error;
use crate::input::page_kind::{ApiPageInput, ApiPageKind};
use crate::model::rate_limits::RateLimitPage;
use crate::source::Source;

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
    read_copy: read_yaml::parse,
    #[cfg(feature = "markdown-api-pages")]
    read_page: read_markdown::parse_with_lints,
    #[cfg(feature = "tools")]
    write_copy: write_yaml::write,
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
