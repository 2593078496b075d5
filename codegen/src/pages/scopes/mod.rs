//! Reading the OAuth scopes page (`content/en/api/oauth-scopes.md`) or its
//! YAML copy; [`crate::check::scopes`] resolves the method pages' scopes
//! against it.

#[cfg(feature = "markdown-api-pages")]
mod read_markdown;
mod read_yaml;
#[cfg(feature = "tools")]
mod write_yaml;

use std::path::Path;

use crate::diagnostic::{Diagnostic, Error};
use crate::input::page_kind::{ApiPageInput, ApiPageKind};
use crate::model::scopes::ScopePage;
use crate::source::Source;

/// Reads the scopes page (`.md`) or its YAML copy (`.yaml`, `.yml`) from
/// memory, without resolving the method pages' scopes against it.
pub fn parse_scopes_page(source: &Source) -> Result<ScopePage, Error> {
    from_source(source.clone()).map(|input| input.page)
}

/// The page as read, where it came from, and the docs defects found in it.
pub(crate) type ScopesInput = ApiPageInput<ScopePage>;

/// The OAuth scopes page among the `api/` pages.
pub(crate) const PAGE: ApiPageKind<ScopePage> = ApiPageKind {
    docs_path: "api/oauth-scopes.md",
    flag: "scopes",
    what: "the OAuth scopes page",
    read_copy: read_yaml::parse,
    #[cfg(feature = "markdown-api-pages")]
    read_page: read_markdown::parse_with_lints,
    #[cfg(feature = "tools")]
    write_copy: write_yaml::write,
    lint_records: |page| &page.lints,
    #[cfg(feature = "tools")]
    without_spans: ScopePage::without_spans,
};

/// Reads the page (`.md`) or its YAML copy (`.yaml`, `.yml`) at `path`.
pub(crate) fn load(path: &Path) -> Result<ScopesInput, Error> {
    from_source(Source::read(path)?)
}

/// [`PAGE`]'s reading, refusing a page that defines no scope: every
/// method's scopes would be undefined.
pub(crate) fn from_source(source: Source) -> Result<ScopesInput, Error> {
    let input = PAGE.read(source)?;
    if input.page.scopes.is_empty() {
        return Err(Error::single(
            input.source,
            Diagnostic::error(0..0, "no scope is defined here")
                .help("point at the docs' `content/en/api/oauth-scopes.md`, or at its YAML copy; a page that defines no scope would make every method's scopes undefined"),
        ));
    }
    Ok(input)
}

#[cfg(all(test, not(feature = "markdown-api-pages")))]
mod tests {
    use super::*;

    #[test]
    fn the_markdown_page_needs_the_feature_and_says_so() {
        let page = Source::new(
            "oauth-scopes.md",
            "---\ntitle: OAuth Scopes\n---\n\n### `read`\n",
        );
        let error = parse_scopes_page(&page).expect_err("no Markdown reader");
        let text = error.render();
        assert!(
            text.contains("needs the `markdown-api-pages` feature"),
            "{text}"
        );
        assert!(text.contains("export-yaml --scopes"), "{text}");
    }
}
