//! Reading the API method pages: one page from memory, or a whole folder
//! (`content/en/methods/` of the docs) from disk.

use std::path::Path;

use crate::Format;
use crate::api::MethodsInput;
use crate::diagnostic::{Diagnostic, Error};
use crate::emit::InputOrigin;
use crate::lint::{self, Found};
#[cfg(feature = "markdown-methods")]
use crate::markdown::method_page;
use crate::model::methods::LintRecord;
#[cfg(feature = "markdown-methods")]
use crate::model::methods::{MethodPage, MethodSpec};
use crate::source::{Source, display_path};
use crate::yaml;

#[cfg(feature = "markdown-methods")]
/// Reads one method page. `page_path` is its path below the methods folder
/// without `.md` (`statuses`, `admin/accounts`), which names its docs URL.
pub fn parse_method_page(source: &Source, page_path: &str) -> Result<MethodPage, Error> {
    method_page::parse(source, page_path)
}

#[cfg(feature = "markdown-methods")]
/// Reads every `.md` file below `dir`, in path order, reporting the problems
/// of every page at once.
pub fn read_method_pages(dir: &Path) -> Result<Vec<MethodPage>, Error> {
    read_folder(dir).map(|(input, _)| input.spec.pages)
}

/// Reads the method pages at `path`: a folder of Markdown pages, or a YAML
/// copy of them (`.yaml`, `.yml`).
pub(crate) fn load(path: &Path) -> Result<(MethodsInput, InputOrigin), Error> {
    let name = display_path(path);
    #[cfg(not(feature = "markdown-methods"))]
    if path.is_dir() {
        return Err(Error::single(
            Source::new(display_path(path), String::new()),
            Diagnostic::error(
                0..0,
                "reading the method pages from Markdown needs the `markdown-methods` feature of mastodon-error-codegen",
            )
            .help("add `features = [\"markdown-methods\"]` to the generator's dependency, or point at a YAML copy (`export-yaml --methods`)"),
        ));
    }
    #[cfg(feature = "markdown-methods")]
    if path.is_dir() {
        let (input, tree) = read_folder(path)?;
        let identity = format!(
            "{} pages, git tree {tree} (`git rev-parse <commit>:content/en/methods` in the docs)",
            input.spec.pages.len(),
        );
        return Ok((input, InputOrigin { name, identity }));
    }
    if Format::of(&name) != Format::Yaml {
        return Err(crate::pages_folder::error(
            path,
            "methods",
            "the method pages are neither a folder nor a YAML copy (`.yaml`, `.yml`)",
        ));
    }
    let source = Source::read(path)?;
    load_copy(source)
}

/// Reads a YAML copy of the method pages already in memory.
pub(crate) fn load_copy(source: Source) -> Result<(MethodsInput, InputOrigin), Error> {
    if source.text().trim().is_empty() {
        return Err(Error::single(
            source,
            Diagnostic::error(0..0, "the file is empty")
                .help("write a YAML copy with `mastodon-error-codegen export-yaml --methods FOLDER --out FILE`"),
        ));
    }
    let (spec, reason_name_spans) = yaml::methods::parse(&source)?;
    let origin = InputOrigin::copy(&source);
    let page_source = vec![0; spec.pages.len()];
    let lints = recorded_lints(spec.pages.iter().flat_map(|page| &page.lints), &source);
    Ok((
        MethodsInput {
            spec,
            sources: vec![source],
            page_source,
            reason_name_spans,
            lints,
        },
        origin,
    ))
}

/// A copy's lint records as the lints they were, each pointing at its record
/// and saying where in the docs it was found. The copy's reader has checked
/// every name.
pub(crate) fn recorded_lints<'r>(
    records: impl Iterator<Item = &'r LintRecord>,
    copy: &Source,
) -> Vec<Found> {
    records
        .filter_map(|record| {
            let diagnostic =
                Diagnostic::defect(record.span.clone(), &record.message, &record.outcome)
                    .label(format!("found at {} when the copy was exported", record.at));
            Some(Found {
                lint: lint::find(&record.lint)?,
                source: copy.clone(),
                diagnostic,
            })
        })
        .collect()
}

#[cfg(feature = "markdown-methods")]
/// Reads the folder once: its pages, and the git tree id of every file in it.
fn read_folder(dir: &Path) -> Result<(MethodsInput, String), Error> {
    let (pages, tree) =
        crate::pages_folder::read(dir, "methods", "no method pages (`*.md`) in this folder")?;
    Ok((from_sources(pages)?, tree))
}

#[cfg(feature = "markdown-methods")]
/// Reads pages already in memory: (path below the methods folder without
/// `.md`, its text), in path order, reporting every page's problems at once.
pub(crate) fn from_sources(pages_in: Vec<(String, Source)>) -> Result<MethodsInput, Error> {
    let mut pages = Vec::new();
    let mut sources = Vec::new();
    let mut lints = Vec::new();
    let mut errors = Vec::new();
    for (page_path, source) in pages_in {
        match method_page::parse_with_lints(&source, &page_path) {
            Ok((page, found)) => {
                pages.push(page);
                sources.push(source);
                lints.extend(found);
            }
            Err(error) => errors.push(error),
        }
    }
    if let Some(error) = Error::combine(errors) {
        return Err(error);
    }
    let page_source = (0..pages.len()).collect();
    Ok(MethodsInput {
        spec: MethodSpec {
            pages,
            reason_names: Default::default(),
        },
        sources,
        page_source,
        reason_name_spans: Default::default(),
        lints,
    })
}

#[cfg(all(test, not(feature = "markdown-methods")))]
mod tests {
    /// Without the Markdown reader, a folder of pages is refused, saying
    /// which feature reads it; a YAML copy still reads.
    #[test]
    fn a_folder_needs_the_markdown_feature() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/methods");
        let Err(error) = super::load(std::path::Path::new(folder)) else {
            panic!("a folder read without markdown-methods");
        };
        let text = error.render();
        assert!(
            text.contains("needs the `markdown-methods` feature"),
            "{text}"
        );
        let copy = concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/methods.yaml");
        assert!(super::load(std::path::Path::new(copy)).is_ok());
    }
}
