//! The Error entity page (`content/en/entities/Error.md`) or its YAML copy.

mod read_markdown;
pub(crate) mod read_yaml;
mod schema;
#[cfg(feature = "tools")]
pub(crate) mod write_yaml;

use crate::diagnostic::Error;
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
