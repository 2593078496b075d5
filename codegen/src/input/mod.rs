//! The input stage's shared part: which reader a file goes through, the
//! refusals every page kind makes the same way (an empty file, a Markdown
//! reader not compiled in), a folder of pages read whole, a copy's lint
//! records, and the loader the `api/` pages share. Each kind's own loader
//! is in its folder under [`crate::pages`].

pub(crate) mod copy;
pub(crate) mod folder;
pub(crate) mod page_kind;

use crate::diagnostic::{Diagnostic, Error};
use crate::source::Source;

/// Which reader a spec goes through, chosen by its file extension:
/// `.yaml` and `.yml` are the YAML copy, anything else is the Markdown page
/// (the seeds, for one, are `.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Yaml,
}

impl Format {
    pub fn of(file_name: &str) -> Format {
        let extension = std::path::Path::new(file_name).extension();
        match extension.map(|extension| extension.to_ascii_lowercase()) {
            Some(extension) if extension == "yaml" || extension == "yml" => Format::Yaml,
            _ => Format::Markdown,
        }
    }
}

/// `source` unless it is empty (or only whitespace): then the located
/// refusal every page kind gives, with `help` saying what to point at.
pub(crate) fn refuse_empty(source: Source, help: impl FnOnce() -> String) -> Result<Source, Error> {
    if source.text().trim().is_empty() {
        return Err(Error::single(
            source,
            Diagnostic::error(0..0, "the file is empty").help(help()),
        ));
    }
    Ok(source)
}

/// The refusal of a Markdown input whose reader is not compiled in: `what`
/// (`the method pages`) needs `feature`; `export` is the `export-yaml`
/// command line's options that write the copy to point at instead
/// (`--methods`).
#[cfg(not(all(
    feature = "markdown-error",
    feature = "markdown-methods",
    feature = "markdown-api-pages",
    feature = "markdown-entities"
)))]
pub(crate) fn needs_feature(source: Source, what: &str, feature: &str, export: &str) -> Error {
    Error::single(
        source,
        Diagnostic::error(
            0..0,
            format!("reading {what} from Markdown needs the `{feature}` feature of mastodon-error-codegen"),
        )
        .help(format!("add `features = [\"{feature}\"]` to the generator's dependency, or point at a YAML copy (`export-yaml {export}`)")),
    )
}
