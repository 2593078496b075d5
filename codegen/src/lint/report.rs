//! What happens to the lints found: levels applied, warnings kept for
//! the caller, and the record a YAML copy keeps of each.

use super::{Level, Levels, Lint};
use crate::diagnostic::{Diagnostic, Error};
use crate::source::Source;

/// A lint that fired: where, what is wrong, and what the generator did.
#[derive(Debug, Clone)]
pub struct Fired {
    lint: &'static Lint,
    source: Source,
    diagnostic: Diagnostic,
}

impl Fired {
    pub fn lint(&self) -> &'static Lint {
        self.lint
    }

    /// Warn: [`Lints`] holds the lints reported as warnings.
    pub fn level(&self) -> Level {
        Level::Warn
    }

    /// `file:line:col`.
    pub fn location(&self) -> String {
        crate::diagnostic::location(&self.source, &self.diagnostic)
    }

    /// What is wrong, in one line.
    pub fn message(&self) -> &str {
        self.diagnostic.message()
    }

    /// What the generator recovered or left out.
    pub fn outcome(&self) -> &str {
        self.diagnostic.notes().first().map_or("", String::as_str)
    }
}

/// The lints that fired at warn level in one run, in the order found.
#[derive(Debug, Clone, Default)]
pub struct Lints {
    fired: Vec<Fired>,
}

impl Lints {
    pub fn is_empty(&self) -> bool {
        self.fired.is_empty()
    }

    pub fn len(&self) -> usize {
        self.fired.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Fired> {
        self.fired.iter()
    }

    /// Each warning as rustc renders one: `file:line:col: warning: …`, the
    /// snippet, and notes saying what was done and why it is a warning.
    pub fn render(&self) -> String {
        self.render_with(false)
    }

    /// Like [`Lints::render`], with terminal colours.
    pub fn render_styled(&self) -> String {
        self.render_with(true)
    }

    fn render_with(&self, styled: bool) -> String {
        let mut out = String::new();
        for fired in &self.fired {
            out.push_str(&crate::diagnostic::render_diagnostic(
                &fired.source,
                &fired.diagnostic,
                styled,
            ));
            out.push('\n');
        }
        if self.fired.len() > 1 {
            out.push_str(&format!("warning: {} docs defects\n", self.fired.len()));
        }
        out
    }

    /// One line per warning for a build script's `cargo::warning=`, which
    /// takes no line breaks.
    pub fn cargo_warnings(&self) -> Vec<String> {
        self.fired
            .iter()
            .map(|fired| {
                format!(
                    "{}: {} [{}]: {}",
                    fired.location(),
                    fired.message(),
                    fired.lint.name,
                    fired.outcome()
                )
            })
            .collect()
    }
}

/// The `lints` command's Markdown: one table row per defect, located in the
/// docs repository (`content/en/methods/…`) when `methods` is the folder the
/// pages were read from, ready for an upstream issue.
pub fn markdown_report(lints: &Lints, methods: &str) -> String {
    let folder = format!("{}/", methods.trim_end_matches('/'));
    let cell = |text: &str| text.replace('|', "\\|");
    let mut out = format!("### Docs defects in the method pages ({})\n\n", lints.len());
    if lints.is_empty() {
        out.push_str("None found.\n");
        return out;
    }
    out.push_str("| Where | Lint | Defect | What the generator did |\n|---|---|---|---|\n");
    for fired in lints.iter() {
        let location = fired.location();
        let location = match location.strip_prefix(&folder) {
            Some(in_folder) => format!("content/en/methods/{in_folder}"),
            None => location,
        };
        out.push_str(&format!(
            "| `{}` | `{}` | {} | {} |\n",
            location,
            fired.lint.name,
            cell(fired.message()),
            cell(fired.outcome())
        ));
    }
    out
}

/// A lint found in a page, before levels apply.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub lint: &'static Lint,
    pub source: Source,
    pub diagnostic: Diagnostic,
}

impl Found {
    /// The lints a page's reader collected in `sink`, as found in `source`.
    #[cfg(any(
        feature = "markdown-methods",
        feature = "markdown-api-pages",
        feature = "markdown-entities"
    ))]
    pub(crate) fn collected(sink: &mut crate::sink::Sink, source: &Source) -> Vec<Found> {
        sink.take_lints()
            .into_iter()
            .map(|(name, diagnostic)| Found {
                // The sink knows a lint by name, so that `diagnostic` needs
                // nothing of this module; `Sink::lint` takes only a `Lint`.
                lint: super::find(name).expect("a lint in a sink is a declared lint"),
                source: source.clone(),
                diagnostic,
            })
            .collect()
    }

    #[cfg(any(
        feature = "markdown-methods",
        feature = "markdown-api-pages",
        feature = "entities"
    ))]
    /// The record a YAML copy keeps of it, located at `docs_path` (the
    /// page's path in the docs: `statuses.md`, `entities/Status.md`).
    pub(crate) fn record(&self, docs_path: &str) -> crate::model::methods::LintRecord {
        let (line, col) = self.source.line_col(self.diagnostic.span().start);
        crate::model::methods::LintRecord {
            lint: self.lint.name.to_owned(),
            at: format!("{docs_path}:{line}:{col}"),
            message: self.diagnostic.message().to_owned(),
            outcome: self.diagnostic.notes().first().cloned().unwrap_or_default(),
            span: self.diagnostic.span(),
        }
    }
}

/// Applies the levels: allowed lints go, warned ones are returned, and any
/// denied one fails the run with every denied lint as an error.
pub(crate) fn apply(levels: &Levels, found: Vec<Found>) -> Result<Lints, Error> {
    levels.check()?;
    let mut warned = Vec::new();
    let mut denied = Vec::new();
    for Found {
        lint,
        source,
        diagnostic,
    } in found
    {
        let (level, why) = levels.level_and_why(lint);
        let diagnostic = diagnostic.reported_as_lint(lint.name, level != Level::Deny, why);
        match level {
            Level::Allow => {}
            Level::Warn => warned.push(Fired {
                lint,
                source,
                diagnostic,
            }),
            Level::Deny => denied.push(Error::single(source, diagnostic)),
        }
    }
    match Error::combine(denied) {
        Some(error) => Err(error),
        None => Ok(Lints { fired: warned }),
    }
}
