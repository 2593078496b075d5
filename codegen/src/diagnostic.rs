//! Located, rustc-style diagnostics, rendered with annotate-snippets.

use std::fmt;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use crate::source::{Source, ceil_char_boundary, floor_char_boundary};

/// One problem in a spec: where it is, what is wrong and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    span: Range<usize>,
    message: String,
    label: Option<String>,
    help: Option<String>,
    related: Vec<(Range<usize>, String)>,
}

impl Diagnostic {
    pub(crate) fn error(span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            span,
            message: message.into(),
            label: None,
            help: None,
            related: Vec::new(),
        }
    }

    pub(crate) fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub(crate) fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Points at a second place that explains the first, e.g. "first defined here".
    pub(crate) fn related(mut self, span: Range<usize>, label: impl Into<String>) -> Self {
        self.related.push((span, label.into()));
        self
    }

    /// What is wrong, in one line.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// How to fix it, if there is advice to give.
    pub fn help_text(&self) -> Option<&str> {
        self.help.as_deref()
    }

    /// The byte range in the (LF-normalised) source that the problem is about.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }
}

/// Everything wrong with one spec, reported together.
///
/// `Display` and `Debug` both render the diagnostics as text, so a build
/// script's `fn main() -> Result<(), Error>` prints them readably.
#[derive(Clone)]
pub struct Error {
    source: Source,
    diagnostics: Vec<Diagnostic>,
    /// The problems of further files read in the same run (a folder of method pages).
    more: Vec<Error>,
}

/// The crate's internal name for a batch of diagnostics.
pub(crate) type Errors = Error;

impl Error {
    pub(crate) fn new(source: Source, mut diagnostics: Vec<Diagnostic>) -> Self {
        // Source order, so the report reads top to bottom however the checks ran.
        diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
        diagnostics.dedup();
        Error {
            source,
            diagnostics,
            more: Vec::new(),
        }
    }

    /// One error for the problems of several files, in the order given, so a
    /// run reports every broken file at once. `None` when there are none.
    pub(crate) fn combine(errors: Vec<Error>) -> Option<Error> {
        let mut errors = errors.into_iter().flat_map(Error::files);
        let mut first = errors.next()?;
        first.more = errors.collect();
        Some(first)
    }

    /// This file's problems, then each further file's, each without `more`.
    fn files(mut self) -> Vec<Error> {
        let more = std::mem::take(&mut self.more);
        std::iter::once(self).chain(more).collect()
    }

    pub(crate) fn single(source: Source, diagnostic: Diagnostic) -> Self {
        Error::new(source, vec![diagnostic])
    }

    /// The problems found, in source order.
    /// The first file's problems; [`Error::render`] shows every file's.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The file the diagnostics point into.
    pub fn source_name(&self) -> &str {
        self.source.name()
    }

    /// `file:line:col` of a diagnostic.
    pub fn location(&self, diagnostic: &Diagnostic) -> String {
        let (line, col) = self.source.line_col(diagnostic.span.start);
        format!("{}:{line}:{col}", self.source.name())
    }

    /// Renders every diagnostic as plain text: a `file:line:col: error:` line,
    /// the source snippet with the span underlined, then the help line.
    pub fn render(&self) -> String {
        self.render_with(&Renderer::plain())
    }

    /// Like [`Error::render`], with terminal colours.
    pub fn render_styled(&self) -> String {
        self.render_with(&Renderer::styled())
    }

    fn render_with(&self, renderer: &Renderer) -> String {
        let mut out = String::new();
        let files = std::iter::once(self).chain(&self.more);
        for file in files.clone() {
            for diagnostic in &file.diagnostics {
                out.push_str(&file.render_one(renderer, diagnostic));
                out.push('\n');
            }
        }
        let total: usize = files.clone().map(|file| file.diagnostics.len()).sum();
        if self.more.is_empty() && total > 1 {
            out.push_str(&format!(
                "error: {total} problems in {}\n",
                self.source.name()
            ));
        } else if !self.more.is_empty() {
            out.push_str(&format!(
                "error: {total} problems in {} files\n",
                self.more.len() + 1
            ));
        }
        out
    }

    fn render_one(&self, renderer: &Renderer, diagnostic: &Diagnostic) -> String {
        let title = format!(
            "{}: error: {}",
            self.location(diagnostic),
            diagnostic.message
        );
        let mut group = Group::with_title(Level::ERROR.no_name().primary_title(title));
        if self.source.text().is_empty() {
            // Unreadable, oversized or empty: there is no line to show.
            group = group.element(Origin::path(self.source.name()).line(1).char_column(1));
        } else {
            group = group.element(self.snippet(
                &diagnostic.span,
                AnnotationKind::Primary,
                diagnostic.label.as_deref(),
            ));
        }
        for (span, label) in &diagnostic.related {
            group = group.element(self.snippet(span, AnnotationKind::Context, Some(label)));
        }
        if let Some(help) = &diagnostic.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        renderer.render(&[group])
    }

    /// A snippet of just the lines the span touches, so rendering cost does
    /// not grow with the file.
    fn snippet<'a>(
        &'a self,
        span: &Range<usize>,
        kind: AnnotationKind,
        label: Option<&'a str>,
    ) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
        let (first_line, lines) = self.source.line_range(span);
        let snippet_text = &self.source.text()[lines.clone()];
        // Whatever span a stage produced, snap it to whole characters:
        // annotate-snippets panics on a span that splits one.
        let local_start = span.start.clamp(lines.start, lines.end) - lines.start;
        let local_end = span.end.clamp(lines.start, lines.end) - lines.start;
        let local_start = floor_char_boundary(snippet_text, local_start);
        let local_end = ceil_char_boundary(snippet_text, local_end.max(local_start));
        let mut annotation = kind.span(local_start..local_end);
        if let Some(label) = label {
            annotation = annotation.label(label);
        }
        Snippet::source(snippet_text)
            .line_start(first_line)
            .path(self.source.name())
            .annotation(annotation)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.render().trim_end())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f)?;
        f.write_str(&self.render())
    }
}

impl std::error::Error for Error {}

/// Collects diagnostics while a stage keeps going, so one run reports every problem.
#[derive(Debug, Default)]
pub(crate) struct Sink {
    diagnostics: Vec<Diagnostic>,
}

impl Sink {
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
