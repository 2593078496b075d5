//! Collecting while a stage keeps going: the errors, which fail the stage,
//! and the docs defects, kept apart as lints for their levels to decide.
//! Here, not in `diagnostic`, so that diagnostics know nothing of lints.

use crate::diagnostic::{Diagnostic, Error};
use crate::lint::{Level, Lint};
use crate::source::Source;

impl Diagnostic {
    /// This defect as `lint` at `level`, with the note that says why.
    pub(crate) fn at_level(self, lint: &'static Lint, level: Level, why: String) -> Self {
        self.into_lint(lint.name, matches!(level, Level::Warn | Level::Allow), why)
    }
}

/// Collects diagnostics while a stage keeps going, so one run reports every
/// problem; docs defects are kept apart, as lints.
#[derive(Debug, Default)]
pub(crate) struct Sink {
    diagnostics: Vec<Diagnostic>,
    lints: Vec<(&'static Lint, Diagnostic)>,
}

impl Sink {
    /// A docs defect (made with [`Diagnostic::defect`]): reported at its
    /// lint's level later, never failing the stage by itself.
    pub(crate) fn lint(&mut self, lint: &'static Lint, diagnostic: Diagnostic) {
        self.lints.push((lint, diagnostic));
    }

    /// The lints collected so far, in the order found.
    #[cfg(any(
        feature = "markdown-methods",
        feature = "markdown-api-pages",
        feature = "markdown-entities"
    ))]
    pub(crate) fn take_lints(&mut self) -> Vec<(&'static Lint, Diagnostic)> {
        std::mem::take(&mut self.lints)
    }

    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// For paths that have already pushed at least one diagnostic.
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
