//! The three output forms of a [`Diff`]: plain text, Markdown for a PR
//! comment, and JSON for bots. All are deterministic.

use super::{Change, ChangeKind, Diff, Impact};
use crate::commonmark::{Invisible, code_span};

/// How a value is quoted in a sentence: as a Markdown code span, or in
/// backticks for terminals.
#[derive(Clone, Copy)]
enum Quote {
    Plain,
    Markdown,
}

impl Quote {
    fn code(self, text: &str) -> String {
        match self {
            Quote::Plain => format!("`{text}`"),
            Quote::Markdown => code_span(text, Invisible::MakeVisible),
        }
    }
}

/// One sentence per change, e.g. "reason `X` added under 400: message `…`".
fn describe(change: &Change, quote: Quote) -> String {
    use ChangeKind::*;
    let q = |text: &str| quote.code(text);
    let subject = q(&change.subject);
    let old = change.old.as_deref().unwrap_or_default();
    let new = change.new.as_deref().unwrap_or_default();
    let status = change
        .status
        .map(|code| code.to_string())
        .unwrap_or_default();
    match change.kind {
        EntityRenamed => format!("entity struct renamed {} → {}", q(old), q(new)),
        AttributeAddedOptional => format!("attribute {subject} added, optional ({})", q(new)),
        AttributeAddedRequired => {
            format!(
                "attribute {subject} added, required ({}): `new()` takes it",
                q(new)
            )
        }
        AttributeRemoved => format!("attribute {subject} removed (was {})", q(old)),
        AttributeMadeOptional => {
            format!("attribute {subject} made optional: {} → {}", q(old), q(new))
        }
        AttributeMadeRequired => {
            format!("attribute {subject} made required: {} → {}", q(old), q(new))
        }
        AttributeTypeChanged => format!("attribute {subject} type: {} → {}", q(old), q(new)),
        AttributeDescriptionChanged => format!("attribute {subject} description changed"),
        HistoryEntryAdded => format!("attribute {subject} version history: {} added", q(new)),
        HistoryEntryRemoved => format!("attribute {subject} version history: {} removed", q(old)),
        GroupAdded => format!("status group {} added", q(&format!("{status} {new}"))),
        GroupRemoved => format!("status group {} removed", q(&format!("{status} {old}"))),
        GroupTextChanged => format!("status {status} text: {} → {}", q(old), q(new)),
        ReasonAdded => format!("reason {subject} added under {status}, message {}", q(new)),
        ReasonRemoved => format!(
            "reason {subject} removed from {status} (message {})",
            q(old)
        ),
        ReasonRenamed => format!("reason renamed {} → {}", q(old), q(new)),
        ReasonMoved => format!("reason {subject} moved from status {old} to {new}"),
        MessageChanged => format!("message of {subject}: {} → {}", q(old), q(new)),
        MessageLiteralToPlaceholder => format!(
            "message of {subject} became a placeholder: {} → {}",
            q(old),
            q(new)
        ),
        MessagePlaceholderToLiteral => format!(
            "message of {subject} became a literal: {} → {}",
            q(old),
            q(new)
        ),
        ExplanationChanged => format!("explanation of {subject} changed"),
        HeadingChanged => format!("heading of {subject}: {} → {}", q(old), q(new)),
        AnchorChanged => format!("anchor of {subject}: {old} → {new}"),
        MethodAdded => format!("method {subject} added: {}", q(new)),
        MethodRemoved => format!("method {subject} removed (was {})", q(old)),
        MethodRenamed => format!("method renamed {} → {}", q(old), q(new)),
        MethodMoved => format!("method {subject} moved: {} → {}", q(old), q(new)),
        MethodParametersRenamed => {
            format!(
                "method {subject} path parameters renamed: {} → {}",
                q(old),
                q(new)
            )
        }
        MethodLifecycleChanged => format!("method {subject}: {old} → {new} in the docs"),
        MethodAuthorizationChanged => {
            format!("method {subject} authorization: {} → {}", q(old), q(new))
        }
        MethodAddedInChanged => format!("method {subject} added in {old} → {new}"),
        MethodDocsChanged => format!("method {subject} docs: {} → {}", q(old), q(new)),
        MethodErrorAdded => format!("method {subject} documents {status} {}", q(new)),
        MethodErrorRemoved => format!("method {subject} no longer documents {status} {}", q(old)),
        MethodErrorMessageChanged => {
            format!("method {subject} {status} message: {} → {}", q(old), q(new))
        }
        MethodErrorStatusChanged => {
            format!("method {subject} error moved: {} → {}", q(old), q(new))
        }
        LintFired => format!("docs defect {subject} appeared: {new}"),
        LintCleared => format!("docs defect {subject} fixed upstream: {old}"),
        RateLimitAdded => format!("rate limit {subject} added: {new}"),
        RateLimitRemoved => format!("rate limit {subject} removed (was {old})"),
        RateLimitChanged => format!("rate limit {subject} changed: {old} → {new}"),
        RateLimitHeadersChanged => format!("the rate-limit headers changed: [{old}] → [{new}]"),
        ScopeAdded => format!("scope {subject} added ({new})"),
        ScopeRemoved => format!("scope {subject} removed (was {old})"),
        ScopeGrantsChanged => format!("scope {subject} grants changed: [{old}] → [{new}]"),
        ScopeDatesChanged => format!("scope {subject} changed: {old} → {new}"),
    }
}

/// Past this many changes, the Markdown summary groups them by page.
const GROUP_BY_PAGE_OVER: usize = 36;

fn counts(diff: &Diff) -> String {
    let count = |impact: Impact| {
        diff.changes
            .iter()
            .filter(|change| change.impact() == impact)
            .count()
    };
    format!(
        "{} major, {} minor, {} patch",
        count(Impact::Major),
        count(Impact::Minor),
        count(Impact::Patch)
    )
}

const NOTHING_CHANGED: &str = "no change to reasons, statuses, messages or attributes";

fn verdict(diff: &Diff) -> &'static str {
    diff.impact().map_or("none", Impact::as_str)
}

pub(super) fn text(diff: &Diff) -> String {
    let mut out = format!("{} → {}\n", diff.old_name, diff.new_name);
    if diff.changes.is_empty() {
        out.push_str(&format!("semver impact: none ({NOTHING_CHANGED})\n"));
        return out;
    }
    out.push_str(&format!(
        "semver impact: {} ({})\n",
        verdict(diff),
        counts(diff)
    ));
    for change in &diff.changes {
        out.push_str(&format!(
            "  {:<5}  {}\n",
            change.impact().as_str(),
            describe(change, Quote::Plain)
        ));
    }
    out
}

pub(super) fn markdown(diff: &Diff) -> String {
    let what = if diff.changes.iter().any(|c| c.page.is_some()) {
        "API docs"
    } else {
        "Error page"
    };
    let mut out = format!(
        "#### {what}: {} → {}\n\n",
        Quote::Markdown.code(&diff.old_name),
        Quote::Markdown.code(&diff.new_name)
    );
    if diff.changes.is_empty() {
        out.push_str(&format!("**Semver impact: none** ({NOTHING_CHANGED})\n"));
        return out;
    }
    out.push_str(&format!(
        "**Semver impact: {}** ({})\n\n",
        verdict(diff),
        counts(diff)
    ));
    const TABLE_HEAD: &str = "| Impact | Change |\n|---|---|\n";
    let row = |change: &Change| {
        // A `|` would end the table cell, even inside a code span.
        let sentence = describe(change, Quote::Markdown).replace('|', "\\|");
        format!("| {} | {sentence} |\n", change.impact().as_str())
    };
    if diff.changes.len() <= GROUP_BY_PAGE_OVER {
        out.push_str(TABLE_HEAD);
        out.extend(diff.changes.iter().map(row));
        return out;
    }
    // Many changes: one table per page, each with a count line, so a PR
    // comment stays readable. The catalogue's own changes come first.
    let mut pages: Vec<Option<&str>> = Vec::new();
    for change in &diff.changes {
        if !pages.contains(&change.page.as_deref()) {
            pages.push(change.page.as_deref());
        }
    }
    pages.sort();
    for page in pages {
        let on_page: Vec<&Change> = diff
            .changes
            .iter()
            .filter(|c| c.page.as_deref() == page)
            .collect();
        let impact = on_page
            .iter()
            .map(|c| c.impact())
            .max()
            .map_or("none", Impact::as_str);
        let title = page.map_or("`Reason` and status groups".to_owned(), |page| {
            Quote::Markdown.code(&format!("methods/{page}"))
        });
        let plural = if on_page.len() == 1 { "" } else { "s" };
        out.push_str(&format!(
            "##### {title}: {} change{plural}, {impact}\n\n{TABLE_HEAD}",
            on_page.len()
        ));
        out.extend(on_page.into_iter().map(row));
        out.push('\n');
    }
    out
}

/// The JSON form: `{"old", "new", "impact", "changes": [{"kind", "impact",
/// "subject", "status", "old", "new", "summary"}]}`, pretty-printed.
pub(super) fn json(diff: &Diff) -> String {
    #[derive(serde::Serialize)]
    struct Document<'a> {
        old: &'a str,
        new: &'a str,
        impact: &'static str,
        changes: Vec<ChangeOut<'a>>,
    }
    #[derive(serde::Serialize)]
    struct ChangeOut<'a> {
        kind: &'static str,
        impact: &'static str,
        subject: &'a str,
        status: Option<u16>,
        page: Option<&'a str>,
        old: Option<&'a str>,
        new: Option<&'a str>,
        summary: String,
    }
    let document = Document {
        old: &diff.old_name,
        new: &diff.new_name,
        impact: verdict(diff),
        changes: diff
            .changes
            .iter()
            .map(|change| ChangeOut {
                kind: change.kind.as_str(),
                impact: change.impact().as_str(),
                subject: &change.subject,
                status: change.status,
                page: change.page.as_deref(),
                old: change.old.as_deref(),
                new: change.new.as_deref(),
                summary: describe(change, Quote::Plain),
            })
            .collect(),
    };
    // Strings and options only: serializing cannot fail.
    let mut out = serde_json::to_string_pretty(&document).unwrap_or_default();
    out.push('\n');
    out
}
