//! The Error entity page (`content/en/entities/Error.md`) or its YAML copy.

#[cfg(feature = "markdown-error")]
mod read_markdown;
pub(crate) mod read_yaml;
mod schema;
#[cfg(feature = "tools")]
pub(crate) mod write_yaml;

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Error};
use crate::input::{Format, refuse_empty};
use crate::model::Spec;
use crate::source::Source;

/// Reads a spec into the model, without naming or type checks.
pub fn parse(source: &Source) -> Result<Spec, Error> {
    let format = Format::of(source.name());
    refuse_empty(source.clone(), || {
        match format {
            Format::Markdown => {
                "point the generator at the Error entity page (`error.md` in Mastodon's documentation)"
            }
            Format::Yaml => {
                "write a YAML copy with `mastodon-error-codegen export-yaml spec/error.md --out FILE`"
            }
        }
        .to_owned()
    })?;
    match format {
        #[cfg(feature = "markdown-error")]
        Format::Markdown => read_markdown::parse(source),
        #[cfg(not(feature = "markdown-error"))]
        Format::Markdown => Err(crate::input::needs_feature(
            source.clone(),
            "the Error page",
            "markdown-error",
            &format!("{} --out error.yaml", source.name()),
        )),
        Format::Yaml => read_yaml::parse(source),
    }
}

/// Shared by the Markdown reader, which must refuse a code too large for a
/// `u16` before any model exists, and the check of the page.
pub(crate) fn status_out_of_range(span: Range<usize>, code: &dyn std::fmt::Display) -> Diagnostic {
    Diagnostic::error(span, format!("status code {code} is outside 100–599"))
        .label("not an HTTP status")
        .help("use the HTTP status the server answers with, from 100 to 599")
}

#[cfg(all(test, not(feature = "markdown-error")))]
mod tests {
    use super::*;

    #[test]
    fn the_markdown_page_needs_the_feature_and_says_so() {
        let page = Source::new("error.md", "---\ntitle: Error\n---\n");
        let text = parse(&page).expect_err("no Markdown reader").render();
        assert!(
            text.contains("needs the `markdown-error` feature"),
            "{text}"
        );
        assert!(
            text.contains("export-yaml error.md --out error.yaml"),
            "{text}"
        );
    }
}
