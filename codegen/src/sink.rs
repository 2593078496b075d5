//! Collecting while a stage keeps going: the errors, which fail the stage,
//! and the docs defects, kept apart by lint name for the levels to decide.

use crate::diagnostic::{Diagnostic, Error};
use crate::source::Source;

/// A lint as a sink knows it: by its name. `lint::Lint` is one; this trait
/// lets [`Sink::lint`] take it while neither `sink` nor `diagnostic`
/// depends on `lint`. Only the Markdown readers find docs defects.
#[cfg(feature = "markdown-error")]
pub(crate) trait LintName {
    fn lint_name(&self) -> &'static str;
}

/// Collects diagnostics while a stage keeps going, so one run reports every
/// problem; docs defects are kept apart, as lints.
#[derive(Debug, Default)]
pub(crate) struct Sink {
    diagnostics: Vec<Diagnostic>,
    #[cfg(feature = "markdown-error")]
    lints: Vec<(&'static str, Diagnostic)>,
}

impl Sink {
    /// A docs defect (made with [`Diagnostic::defect`]): reported at its
    /// lint's level later, never failing the stage by itself.
    #[cfg(feature = "markdown-error")]
    pub(crate) fn lint(&mut self, lint: &impl LintName, diagnostic: Diagnostic) {
        self.lints.push((lint.lint_name(), diagnostic));
    }

    /// The lints collected so far, in the order found.
    #[cfg(any(
        feature = "markdown-methods",
        feature = "markdown-api-pages",
        feature = "markdown-entities"
    ))]
    pub(crate) fn take_lints(&mut self) -> Vec<(&'static str, Diagnostic)> {
        std::mem::take(&mut self.lints)
    }

    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    #[cfg(feature = "markdown-error")]
    pub(crate) fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// For paths that have already pushed at least one diagnostic.
    #[cfg(feature = "markdown-error")]
    pub(crate) fn into_error(self, source: &Source) -> Error {
        Error::new(source.clone(), self.diagnostics)
    }

    pub(crate) fn into_result<T>(self, source: &Source, value: T) -> Result<T, Error> {
        if self.diagnostics.is_empty() {
            Ok(value)
        } else {
            Err(Error::new(source.clone(), self.diagnostics))
        }
    }
}
