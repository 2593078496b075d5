//! Reading the API method pages: one page from memory, or a whole folder
//! (`content/en/methods/` of the docs) from disk, or their YAML copy.

#[cfg(feature = "markdown-methods")]
mod read_markdown;
#[cfg(feature = "markdown-methods")]
mod read_params;
pub(crate) mod read_yaml;
#[cfg(feature = "tools")]
pub(crate) mod write_yaml;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Error};
use crate::gate::InputOrigin;
use crate::input::Format;
use crate::input::copy::recorded_lints;
use crate::lint::{self, Found};
#[cfg(feature = "markdown-methods")]
use crate::model::methods::MethodPage;
use crate::model::methods::MethodSpec;
use crate::source::{Source, display_path};

/// The method pages as read, with the sources their spans point into.
pub(crate) struct MethodsInput {
    pub spec: MethodSpec,
    pub sources: Vec<Source>,
    /// For each page, the index in `sources` of the text its spans point into.
    pub page_source: Vec<usize>,
    /// Where each of the copy's `reason_names` is (a YAML copy's only).
    pub reason_name_spans: BTreeMap<String, Range<usize>>,
    /// The docs defects found on the pages, in page order: the readers' own
    /// diagnostics, or for a YAML copy its records, pointing into the copy.
    pub lints: Vec<Found>,
}

impl MethodsInput {
    fn source_of(&self, page: usize) -> &Source {
        &self.sources[self.page_source[page]]
    }

    pub(crate) fn error_at(&self, page: usize, diagnostic: Diagnostic) -> Error {
        Error::single(self.source_of(page).clone(), diagnostic)
    }

    pub(crate) fn lint_at(
        &self,
        page: usize,
        lint: &'static lint::Lint,
        diagnostic: Diagnostic,
    ) -> Found {
        Found {
            lint,
            source: self.source_of(page).clone(),
            diagnostic,
        }
    }
}

#[cfg(feature = "markdown-methods")]
/// Reads one method page. `page_path` is its path below the methods folder
/// without `.md` (`statuses`, `admin/accounts`), which names its docs URL.
pub fn parse_method_page(source: &Source, page_path: &str) -> Result<MethodPage, Error> {
    read_markdown::parse(source, page_path)
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
        return Err(crate::input::needs_feature(
            Source::new(display_path(path), String::new()),
            "the method pages",
            "markdown-methods",
            "--methods",
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
        return Err(crate::input::folder::error(
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
    let source = crate::input::refuse_empty(source, || {
        "write a YAML copy with `mastodon-error-codegen export-yaml --methods FOLDER --out FILE`"
            .to_owned()
    })?;
    let (spec, reason_name_spans) = read_yaml::parse(&source)?;
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

#[cfg(feature = "markdown-methods")]
/// Reads the folder once: its pages, and the git tree id of every file in it.
fn read_folder(dir: &Path) -> Result<(MethodsInput, String), Error> {
    let (pages, tree) =
        crate::input::folder::read(dir, "methods", "no method pages (`*.md`) in this folder")?;
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
        match read_markdown::parse_with_lints(&source, &page_path) {
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
