//! A page of the docs' `content/en/api/` (the rate limits, the OAuth
//! scopes) or its YAML copy, read the same way for each: the page's own
//! reader or the copy's, the lints either found, and what names the input
//! in the generated header.

use std::path::Path;

use crate::diagnostic::Error;
#[cfg(feature = "markdown-api-pages")]
use crate::diagnostic::Errors;
#[cfg(feature = "tools")]
use crate::diagnostic::internal_error;
use crate::gate::InputOrigin;
use crate::input::Format;
use crate::input::copy::recorded_lints;
use crate::lint::Found;
use crate::model::LintRecord;
use crate::source::{Source, display_path};

/// The page as read, where it came from, and the docs defects found in it.
pub(crate) struct ApiPageInput<P> {
    pub page: P,
    pub source: Source,
    pub lints: Vec<Found>,
    pub origin: InputOrigin,
}

/// What differs between the pages: their path, their readers, their writer.
pub(crate) struct ApiPageKind<P> {
    /// Below `content/en/`: `api/rate-limits.md`.
    pub docs_path: &'static str,
    /// The `export-yaml` option that writes the copy: `rate-limits`.
    pub flag: &'static str,
    /// For messages: `the rate-limits page`.
    pub what: &'static str,
    pub read_copy: fn(&Source) -> Result<P, Error>,
    #[cfg(feature = "markdown-api-pages")]
    pub read_page: PageReader<P>,
    #[cfg(feature = "tools")]
    pub write_copy: fn(&P, &str, Option<&str>) -> Result<String, String>,
    pub lint_records: fn(&P) -> &[LintRecord],
    #[cfg(feature = "tools")]
    pub without_spans: fn(&P) -> P,
}

/// A page reader: the page and the docs defects found on it.
#[cfg(feature = "markdown-api-pages")]
type PageReader<P> = fn(&Source) -> Result<(P, Vec<Found>), Errors>;

impl<P> ApiPageKind<P> {
    /// Reads the page (`.md`) or its YAML copy (`.yaml`, `.yml`) at `path`.
    pub(crate) fn load(&self, path: &Path) -> Result<ApiPageInput<P>, Error> {
        self.read(Source::read(path)?)
    }

    /// Reads the page or its copy, by `source`'s extension.
    pub(crate) fn read(&self, source: Source) -> Result<ApiPageInput<P>, Error> {
        let source = super::refuse_empty(source, || {
            format!(
                "point at {}, the docs' `content/en/{}`, or at its YAML copy (`export-yaml --{}`)",
                self.what, self.docs_path, self.flag
            )
        })?;
        let blob = crate::hash::spec_blob_id(&source);
        // Named by content, so that the header is the same on every machine.
        let (page, lints, identity) = match Format::of(source.name()) {
            Format::Yaml => {
                let page = (self.read_copy)(&source)?;
                // The copy's records are the lints they were, at each record.
                let lints = recorded_lints((self.lint_records)(&page).iter(), &source);
                let identity = format!(
                    "blob {blob} (`git hash-object {}`)",
                    display_path(Path::new(source.name()))
                );
                (page, lints, identity)
            }
            #[cfg(feature = "markdown-api-pages")]
            Format::Markdown => {
                let (page, lints) = (self.read_page)(&source)?;
                let identity = format!(
                    "blob {blob} (`git rev-parse <commit>:content/en/{}` in the docs)",
                    self.docs_path
                );
                (page, lints, identity)
            }
            #[cfg(not(feature = "markdown-api-pages"))]
            Format::Markdown => {
                return Err(super::needs_feature(
                    source,
                    self.what,
                    "markdown-api-pages",
                    &format!("--{}", self.flag),
                ));
            }
        };
        let origin = InputOrigin {
            name: source.name().to_owned(),
            identity,
        };
        Ok(ApiPageInput {
            page,
            source,
            lints,
            origin,
        })
    }
}

#[cfg(feature = "tools")]
impl<P: PartialEq> ApiPageKind<P> {
    /// The YAML copy of the page at `path`, read back before it is returned:
    /// it always holds exactly what the page holds. `out_name` names the
    /// copy in its header.
    pub(crate) fn export(
        &self,
        input: &ApiPageInput<P>,
        out_name: Option<&str>,
    ) -> Result<String, Error> {
        let yaml =
            (self.write_copy)(&input.page, &input.origin.identity, out_name).map_err(|bug| {
                internal_error(
                    &input.source,
                    &format!("the YAML copy cannot be written ({bug})"),
                )
            })?;
        let default_name = self
            .docs_path
            .trim_start_matches("api/")
            .replace(".md", ".yaml");
        let copy = Source::new(out_name.unwrap_or(&default_name), yaml.as_str());
        let same = (self.read_copy)(&copy)
            .is_ok_and(|read| (self.without_spans)(&read) == (self.without_spans)(&input.page));
        if !same {
            return Err(internal_error(
                &input.source,
                "the YAML copy would not read back as the same content",
            ));
        }
        Ok(yaml)
    }
}
