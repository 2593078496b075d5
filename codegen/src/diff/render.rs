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
        MethodParamAdded
        | MethodParamAddedRequired
        | MethodParamRemoved
        | MethodParamMoved
        | MethodParamRetyped
        | MethodParamMadeRequired
        | MethodParamMadeOptional
        | MethodParamConditionChanged
        | MethodParamValueAdded
        | MethodParamValueRemoved
        | MethodParamDefaultChanged
        | MethodParamLifecycleChanged
        | MethodParamAddedInChanged
        | MethodParamInternalChanged => {
            let (method, rest) = split_param_subject(&change.subject);
            let (location, name) = rest.split_once(' ').unwrap_or(("", rest));
            let param_terms = |terms: &str| match terms.split_once("; ") {
                Some((ty, requirement)) => format!("{}, {requirement}", q(ty)),
                None => q(terms),
            };
            let stated = |value: &str| {
                if value == "none" {
                    value.to_owned()
                } else {
                    q(value)
                }
            };
            let what = match change.kind {
                MethodParamAdded | MethodParamAddedRequired => {
                    format!("added ({})", param_terms(new))
                }
                MethodParamRemoved => format!("removed (was {})", param_terms(old)),
                MethodParamMoved => format!("moved: {old} → {new}"),
                MethodParamRetyped => format!("retyped: {} → {}", q(old), q(new)),
                MethodParamMadeRequired => format!("made required: {old} → {new}"),
                MethodParamMadeOptional => format!("made optional: {old} → {new}"),
                MethodParamConditionChanged => format!("condition: {old} → {new}"),
                MethodParamValueAdded => format!("value {} added", q(new)),
                MethodParamValueRemoved => format!("value {} removed", q(old)),
                MethodParamDefaultChanged => {
                    format!("default: {} → {}", stated(old), stated(new))
                }
                MethodParamAddedInChanged => format!("added in {old} → {new}"),
                _ => format!("{old} → {new} in the docs"),
            };
            format!(
                "method {} {location} parameter {} {what}",
                q(method),
                q(name)
            )
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
        EntityAdded => format!("entity {subject} added ({new})"),
        EntityRemoved => format!("entity {subject} removed (had {old})"),
        EntityExtendsChanged => format!("entity {subject} extends: {} → {}", q(old), q(new)),
        EntityAttributeAdded
        | EntityAttributeRemoved
        | EntityAttributeRetyped
        | EntityAttributeFormatChanged
        | EntityAttributeNullability
        | EntityAttributeOptionality
        | EntityValueAdded
        | EntityValueRemoved
        | EntityAttributeLifecycle => {
            let (entity, attribute) = split_subject(&change.subject);
            let what = match change.kind {
                EntityAttributeAdded => format!("added ({})", terms(new, quote)),
                EntityAttributeRemoved => format!("removed (was {})", terms(old, quote)),
                EntityAttributeRetyped => format!("retyped: {} → {}", q(old), q(new)),
                EntityAttributeFormatChanged => {
                    format!("type: {} → {} (the same Rust type)", q(old), q(new))
                }
                EntityAttributeNullability | EntityAttributeOptionality => {
                    format!("made {new} (was {old})")
                }
                EntityValueAdded => format!("value {} added", q(new)),
                EntityValueRemoved => format!("value {} removed", q(old)),
                _ => format!("{old} → {new} in the docs"),
            };
            format!("{}: attribute {} {what}", q(entity), q(attribute))
        }
    }
}

/// `("Status", "quote")` for an attribute's subject `Status.quote`: entity
/// names hold no `.`, attribute paths may.
fn split_subject(subject: &str) -> (&str, &str) {
    subject.split_once('.').unwrap_or((subject, ""))
}

/// `("StatusesCreate", "form media_ids[]")` for a parameter's subject: an
/// `Endpoint` variant holds no space.
fn split_param_subject(subject: &str) -> (&str, &str) {
    subject.split_once(' ').unwrap_or((subject, ""))
}

/// The flags an entity attribute's terms may end with, in their order.
const FLAGS: [&str; 4] = ["nullable", "optional", "deprecated", "removed"];

/// The type spelling and the flags of an attribute's terms
/// (`one_of(Quote, ShallowQuote), nullable`). A spelling never ends in
/// `, nullable` (`one_of(…)` ends in `)`), so the flags are the known words
/// at the end.
fn split_terms(terms: &str) -> (&str, Vec<&str>) {
    let mut rest = terms;
    let mut flags = Vec::new();
    'strip: loop {
        for flag in FLAGS {
            if let Some(head) = rest
                .strip_suffix(flag)
                .and_then(|head| head.strip_suffix(", "))
            {
                flags.push(flag);
                rest = head;
                continue 'strip;
            }
        }
        break;
    }
    flags.reverse();
    (rest, flags)
}

/// `` `one_of(Quote, ShallowQuote)`, nullable ``: the type quoted, the flags not.
fn terms(terms: &str, quote: Quote) -> String {
    let (ty, flags) = split_terms(terms);
    let mut out = quote.code(ty);
    for flag in flags {
        out.push_str(", ");
        out.push_str(flag);
    }
    out
}

/// How the `page` of an entity change starts: `entities/Status`.
const ENTITY_PAGES: &str = "entities/";

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
    let pages = diff.changes.iter().filter_map(|c| c.page.as_deref());
    let what = if pages.clone().any(|page| page.starts_with(ENTITY_PAGES)) {
        "Entity pages"
    } else if pages.clone().next().is_some() {
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
            if page.starts_with(ENTITY_PAGES) {
                Quote::Markdown.code(page)
            } else {
                Quote::Markdown.code(&format!("methods/{page}"))
            }
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

#[cfg(test)]
mod tests {
    use super::split_terms;

    #[test]
    fn terms_split_into_the_type_and_its_flags() {
        assert_eq!(
            split_terms("one_of(Quote, ShallowQuote), nullable"),
            ("one_of(Quote, ShallowQuote)", vec!["nullable"])
        );
        assert_eq!(
            split_terms("string(url), nullable, optional, deprecated"),
            ("string(url)", vec!["nullable", "optional", "deprecated"])
        );
        assert_eq!(split_terms("array(string)"), ("array(string)", vec![]));
    }
}
