//! Located, rustc-style diagnostics, rendered with annotate-snippets.

use std::fmt;
use std::ops::Range;

#[cfg(feature = "snippets")]
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use crate::source::Source;
#[cfg(feature = "snippets")]
use crate::source::{ceil_char_boundary, floor_char_boundary};

/// One problem in a spec: where it is, what is wrong and how to fix it; or,
/// for a lint, what the generator did about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    span: Range<usize>,
    message: String,
    label: Option<String>,
    help: Option<String>,
    related: Vec<(Range<usize>, String)>,
    /// For a lint: first what was recovered or left out, then why it has its level.
    notes: Vec<String>,
    /// The lint this is, known by name as rustc's diagnostics know one, and
    /// whether its level makes it a warning; `None` for an error.
    lint: Option<(&'static str, bool)>,
}

impl Diagnostic {
    pub(crate) fn error(span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            span,
            message: message.into(),
            label: None,
            help: None,
            related: Vec::new(),
            notes: Vec::new(),
            lint: None,
        }
    }

    /// A docs defect, before its level is known: `outcome` says what the
    /// generator recovered or left out.
    pub(crate) fn defect(
        span: Range<usize>,
        message: impl Into<String>,
        outcome: impl Into<String>,
    ) -> Self {
        Diagnostic::error(span, message).outcome(outcome)
    }

    /// Turns an error into a docs defect: `outcome` says what the generator
    /// recovered or left out.
    pub(crate) fn outcome(mut self, outcome: impl Into<String>) -> Self {
        self.notes.insert(0, outcome.into());
        self
    }

    /// This defect as the lint `name`, a warning or (denied) an error, with
    /// the note that says why.
    pub(crate) fn reported_as_lint(
        mut self,
        name: &'static str,
        warning: bool,
        why: String,
    ) -> Self {
        self.lint = Some((name, warning));
        self.notes.push(why);
        self
    }

    /// The notes: for a lint, what the generator did, then why it has its level.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// The lint's name, for a docs defect; `None` for an error in the input.
    pub fn lint_name(&self) -> Option<&'static str> {
        self.lint.map(|(name, _)| name)
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

    /// A lint below deny level: rendered as a warning.
    fn is_warning(&self) -> bool {
        matches!(self.lint, Some((_, true)))
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
        location(&self.source, diagnostic)
    }

    /// Renders every diagnostic as plain text: a `file:line:col: error:` line,
    /// the source snippet with the span underlined (with the `snippets`
    /// feature; without it, the label), then the notes and the help line.
    pub fn render(&self) -> String {
        self.render_with(false)
    }

    /// Like [`Error::render`], with terminal colours (with `snippets`).
    pub fn render_styled(&self) -> String {
        self.render_with(true)
    }

    fn render_with(&self, styled: bool) -> String {
        let mut out = String::new();
        let files = std::iter::once(self).chain(&self.more);
        for file in files.clone() {
            for diagnostic in &file.diagnostics {
                out.push_str(&render_diagnostic(&file.source, diagnostic, styled));
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
}

/// `file:line:col` of a diagnostic in `source`.
pub(crate) fn location(source: &Source, diagnostic: &Diagnostic) -> String {
    let (line, col) = source.line_col(diagnostic.span.start);
    format!("{}:{line}:{col}", source.name())
}

/// The first line of a rendered diagnostic: `file:line:col: error: …`.
fn title(source: &Source, diagnostic: &Diagnostic) -> String {
    let severity = if diagnostic.is_warning() {
        "warning"
    } else {
        "error"
    };
    format!(
        "{}: {severity}: {}",
        location(source, diagnostic),
        diagnostic.message
    )
}

/// One diagnostic as rustc shows it, errors and lints alike: the title,
/// the source lines with the span underlined, then notes and help.
#[cfg(feature = "snippets")]
pub(crate) fn render_diagnostic(source: &Source, diagnostic: &Diagnostic, styled: bool) -> String {
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let level = if diagnostic.is_warning() {
        Level::WARNING
    } else {
        Level::ERROR
    };
    let title = title(source, diagnostic);
    let mut group = Group::with_title(level.no_name().primary_title(title));
    if source.text().is_empty() {
        // Unreadable, oversized or empty: there is no line to show.
        group = group.element(Origin::path(source.name()).line(1).char_column(1));
    } else {
        group = group.element(snippet(
            source,
            &diagnostic.span,
            AnnotationKind::Primary,
            diagnostic.label.as_deref(),
        ));
    }
    for (span, label) in &diagnostic.related {
        group = group.element(snippet(source, span, AnnotationKind::Context, Some(label)));
    }
    for note in &diagnostic.notes {
        group = group.element(Level::NOTE.message(note.as_str()));
    }
    if let Some(help) = &diagnostic.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    renderer.render(&[group])
}

/// Without the `snippets` feature (a build script that only needs to say
/// where and what): the title, the label, notes and help, one per line.
#[cfg(not(feature = "snippets"))]
pub(crate) fn render_diagnostic(source: &Source, diagnostic: &Diagnostic, _styled: bool) -> String {
    let mut out = title(source, diagnostic);
    let mut line = |kind: &str, text: &str| {
        out.push_str(&format!("\n  = {kind}: {text}"));
    };
    if let Some(label) = &diagnostic.label {
        line("label", label);
    }
    for (span, label) in &diagnostic.related {
        let (line_number, col) = source.line_col(span.start);
        line(
            "related",
            &format!("{}:{line_number}:{col}: {label}", source.name()),
        );
    }
    for note in &diagnostic.notes {
        line("note", note);
    }
    if let Some(help) = &diagnostic.help {
        line("help", help);
    }
    out.push('\n');
    out
}

#[cfg(feature = "snippets")]
/// A snippet of just the lines the span touches, so rendering cost does
/// not grow with the file.
fn snippet<'a>(
    source: &'a Source,
    span: &Range<usize>,
    kind: AnnotationKind,
    label: Option<&'a str>,
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let (first_line, lines) = source.line_range(span);
    let snippet_text = &source.text()[lines.clone()];
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
        .path(source.name())
        .annotation(annotation)
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

/// A bug of the generator's own, reported against the input that found it.
pub(crate) fn internal_error(source: &Source, what: &str) -> Error {
    Error::single(
        source.clone(),
        Diagnostic::error(0..0, format!("internal error: {what}")).help(
            "this is a bug in mastodon-error-codegen; please report it with this input attached",
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each part of a diagnostic reaches the text, with or without the
    /// source excerpt that the `snippets` feature adds.
    #[test]
    fn a_diagnostic_renders_its_location_label_and_help() {
        let source = Source::new("spec/methods.yaml", "schema: 1\npages: none\n");
        let diagnostic = Diagnostic::error(17..21, "invalid value for `pages`")
            .label("found `none`")
            .help("give `pages` a list of pages");
        let text = render_diagnostic(&source, &diagnostic, false);
        assert!(
            text.starts_with("spec/methods.yaml:2:8: error: invalid value for `pages`\n"),
            "{text}"
        );
        assert!(text.contains("found `none`"), "{text}");
        assert!(
            text.contains("= help: give `pages` a list of pages"),
            "{text}"
        );
    }
}
