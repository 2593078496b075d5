//! The semantic diff over real history: every consecutive pair of Error
//! pages both ways, pinned summaries of real changes, and docs/semver.md's
//! examples kept true.

use std::path::Path;

use mastodon_error_codegen::diff::{self, ChangeKind, DiffFormat, Impact};
use mastodon_error_codegen::{Config, Source};

use crate::Suite;
use crate::common::corpus::pinned_under;

pub fn add(suite: &mut Suite) {
    suite.corpus_trial(
        "history::every_consecutive_pair_diffs_cleanly_both_ways".to_owned(),
        every_consecutive_pair_diffs_cleanly_both_ways,
    );
    suite.corpus_trial(
        "history::pinned_summaries_of_real_history".to_owned(),
        pinned_summaries_of_real_history,
    );
    suite.corpus_trial(
        "history::the_docs_examples_are_the_real_output".to_owned(),
        the_docs_examples_are_the_real_output,
    );
    for pair in METHOD_PAIRS {
        suite.corpus_trial(
            format!(
                "history::method_pages_diff_both_ways_as_reverses::{}_to_{}",
                pair.0, pair.1
            ),
            move |root| method_pages_diff_both_ways_as_reverses(root, pair),
        );
    }
    suite.corpus_trial(
        "history::pinned_summaries_of_real_api_history".to_owned(),
        pinned_summaries_of_real_api_history,
    );
}

/// Consecutive method-page snapshots.
const METHOD_PAIRS: [(&str, &str); 2] = [
    ("2022-12-14_ffbe66a3", "2025-11-21_42184ef1"),
    ("2025-11-21_42184ef1", "2026-07-02_2903485d"),
];

/// The diff of two snapshots, read against the current Error page, named by snapshot.
fn api_pair(root: &Path, old: &str, new: &str) -> diff::Diff {
    let error_page = crate::common::fixture("seed-000-current.md");
    let mut diff = diff::diff_api(
        &error_page,
        &root.join("methods").join(old),
        &root.join("methods").join(new),
        &Config::new(),
    )
    .unwrap_or_else(|e| panic!("{old} → {new}:\n{}", e.render()));
    // Name the sides as the corpus does, not by where it lives here.
    diff.old_name = format!("methods/{old}");
    diff.new_name = format!("methods/{new}");
    diff
}

/// The kind a change is reported as in the other direction.
fn reverse(kind: ChangeKind) -> ChangeKind {
    use ChangeKind::*;
    match kind {
        MethodAdded => MethodRemoved,
        MethodRemoved => MethodAdded,
        MethodErrorAdded => MethodErrorRemoved,
        MethodErrorRemoved => MethodErrorAdded,
        ReasonAdded => ReasonRemoved,
        ReasonRemoved => ReasonAdded,
        GroupAdded => GroupRemoved,
        GroupRemoved => GroupAdded,
        ScopeAdded => ScopeRemoved,
        ScopeRemoved => ScopeAdded,
        LintFired => LintCleared,
        LintCleared => LintFired,
        other => other,
    }
}

/// Every change reported forward is reported backward as its reverse: the
/// opposite kind, the values swapped, on the same status and page.
fn method_pages_diff_both_ways_as_reverses(root: &Path, (old, new): (&str, &str)) {
    let forward = api_pair(root, old, new);
    let backward = api_pair(root, new, old);
    assert!(
        !forward.changes.is_empty(),
        "{old} → {new}: no change at all"
    );
    let key = |c: &diff::Change, kind: ChangeKind, swap: bool| {
        let (before, after) = if swap {
            (&c.new, &c.old)
        } else {
            (&c.old, &c.new)
        };
        (
            kind.as_str(),
            before.clone(),
            after.clone(),
            c.status,
            c.page.clone(),
        )
    };
    let mut expected: Vec<_> = forward
        .changes
        .iter()
        .map(|c| key(c, reverse(c.kind), true))
        .collect();
    let mut actual: Vec<_> = backward
        .changes
        .iter()
        .map(|c| key(c, c.kind, false))
        .collect();
    expected.sort();
    actual.sort();
    assert_eq!(
        expected, actual,
        "{old} → {new}: the backward diff is not the reverse"
    );
    assert_eq!(forward.changes.len(), backward.changes.len());
}

fn pinned_summaries_of_real_api_history(root: &Path) {
    for (old, new) in METHOD_PAIRS {
        for (from, to) in [(old, new), (new, old)] {
            let diff = api_pair(root, from, to);
            insta::assert_snapshot!(format!("api_{from}_to_{to}"), diff.render(DiffFormat::Text));
        }
    }
    let (old, new) = METHOD_PAIRS[1];
    insta::assert_snapshot!(
        format!("api_{old}_to_{new}_markdown"),
        api_pair(root, old, new).render(DiffFormat::Markdown)
    );
    // Over three dozen changes, the Markdown groups them by page.
    let (old, new) = METHOD_PAIRS[0];
    let grouped = api_pair(root, old, new).render(DiffFormat::Markdown);
    assert!(grouped.contains("##### `methods/statuses`: "), "{grouped}");
    assert!(
        grouped.contains("##### `Reason` and status groups: "),
        "{grouped}"
    );
}

fn page_source(root: &Path, pinned: &str) -> Source {
    let label = pinned.rsplit('/').next().unwrap_or(pinned);
    let text = std::fs::read_to_string(root.join(pinned)).expect("pinned page");
    Source::new(label, text)
}

fn every_consecutive_pair_diffs_cleanly_both_ways(root: &Path) {
    let pages = pinned_under("error-page");
    assert!(pages.len() >= 2);
    for pair in pages.windows(2) {
        let (old, new) = (page_source(root, &pair[0]), page_source(root, &pair[1]));
        let label = format!("{} → {}", old.name(), new.name());
        let forward =
            diff::diff(&old, &new, &Config::new()).unwrap_or_else(|e| panic!("{label}: {e}"));
        let backward =
            diff::diff(&new, &old, &Config::new()).unwrap_or_else(|e| panic!("{label}: {e}"));
        let count =
            |diff: &diff::Diff, kind| diff.changes.iter().filter(|c| c.kind == kind).count();
        assert_eq!(
            count(&forward, ChangeKind::ReasonAdded),
            count(&backward, ChangeKind::ReasonRemoved),
            "{label}"
        );
        assert_eq!(
            count(&forward, ChangeKind::GroupAdded),
            count(&backward, ChangeKind::GroupRemoved),
            "{label}"
        );

        let json: serde_json::Value = serde_json::from_str(&forward.render(DiffFormat::Json))
            .unwrap_or_else(|e| panic!("{label}: JSON: {e}"));
        assert_eq!(
            json["changes"].as_array().map(Vec::len),
            Some(forward.changes.len()),
            "{label}"
        );
        assert_eq!(
            json["impact"],
            forward.impact().map_or("none", Impact::as_str),
            "{label}"
        );
        let markdown = forward.render(DiffFormat::Markdown);
        let rows = markdown
            .lines()
            .filter(|line| line.starts_with("| ") && !line.starts_with("| Impact"))
            .count();
        assert_eq!(rows, forward.changes.len(), "{label}");
        let text = forward.render(DiffFormat::Text);
        assert_eq!(text.lines().count(), 2 + forward.changes.len(), "{label}");
    }
}

fn corpus_pair(root: &Path, old: &str, new: &str) -> diff::Diff {
    let pages = pinned_under("error-page");
    let find = |date: &str| {
        pages
            .iter()
            .find(|path| path.starts_with(&format!("error-page/{date}")))
            .unwrap_or_else(|| panic!("no pinned Error page of {date}"))
    };
    diff::diff(
        &page_source(root, find(old)),
        &page_source(root, find(new)),
        &Config::new(),
    )
    .expect("both pages are valid")
}

fn pinned_summaries_of_real_history(root: &Path) {
    for (old, new) in [
        ("2020-01-01", "2020-01-12"),
        ("2022-04-28", "2022-09-23"),
        ("2025-06-25", "2025-11-21"),
    ] {
        let diff = corpus_pair(root, old, new);
        insta::assert_snapshot!(format!("{old}_to_{new}"), diff.render(DiffFormat::Text));
    }
    let diff = corpus_pair(root, "2022-04-28", "2022-09-23");
    insta::assert_snapshot!(
        "2022-04-28_to_2022-09-23_json",
        diff.render(DiffFormat::Json)
    );
}

/// docs/semver.md shows the real Markdown summaries for 2022-04-28 →
/// 2022-09-23 (the Error page) and for a pair of method-page snapshots.
fn the_docs_examples_are_the_real_output(root: &Path) {
    let page = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/semver.md");
    let docs = std::fs::read_to_string(page).expect("docs/semver.md");
    let markdown = corpus_pair(root, "2022-04-28", "2022-09-23").render(DiffFormat::Markdown);
    assert!(
        docs.contains(&format!("```markdown\n{markdown}```\n")),
        "docs/semver.md's Error page example is stale; it should read:\n{markdown}"
    );
    let (old, new) = METHOD_PAIRS[1];
    let markdown = api_pair(root, old, new).render(DiffFormat::Markdown);
    assert!(
        docs.contains(&format!("```markdown\n{markdown}```\n")),
        "docs/semver.md's method-pages example is stale; it should read:\n{markdown}"
    );
}
