//! The Error entity page (`content/en/entities/Error.md`) or its YAML copy.

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
        Format::Markdown => read_markdown::parse(source),
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
