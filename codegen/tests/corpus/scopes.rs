//! The OAuth scopes page of every pinned `api/` snapshot: every scope it
//! names is a `Scope` variant, its copy gives the same module, and every
//! scope a method page of the same day names resolves, or fires the lint
//! docs/lints.md lists.

use std::collections::BTreeSet;
use std::path::Path;

use mastodon_error_codegen::model::methods::Lifecycle;
use mastodon_error_codegen::{Config, Source, parse_scopes_page};

use crate::Suite;

/// Each snapshot with its `methods/` snapshot of the same day, how many
/// scopes it defines, and the docs defects its history and the method
/// pages show (lint and message fragment).
/// A lint's name and a fragment of its message.
type ExpectedLint = (&'static str, &'static str);

const SNAPSHOTS: [(&str, usize, &[ExpectedLint]); 3] = [
    ("2022-12-14_ffbe66a3", 45, &[]),
    ("2025-11-21_42184ef1", 47, &[]),
    (
        "2026-07-02_2903485d",
        49,
        &[
            ("unreadable-scope-history", "adds `read:collection`"),
            ("unreadable-scope-history", "adds `write:collection`"),
        ],
    ),
];

pub fn add(suite: &mut Suite) {
    for (snapshot, count, lints) in SNAPSHOTS {
        suite.corpus_trial(
            format!("scopes::every_scope_is_a_variant_and_every_method_resolves::{snapshot}"),
            move |root| {
                every_scope_is_a_variant_and_every_method_resolves(root, snapshot, count, lints)
            },
        );
    }
    suite.corpus_trial(
        "scopes::spec_oauth_scopes_yaml_is_fresh".to_owned(),
        spec_oauth_scopes_yaml_is_fresh,
    );
}

/// Every word of the page shaped like a scope with a documented root, an
/// independent count: what the reader must have made a variant.
fn scope_words(text: &str) -> BTreeSet<String> {
    let roots = [
        "read",
        "write",
        "follow",
        "push",
        "profile",
        "crypto",
        "admin:read",
        "admin:write",
    ];
    text.split(|c: char| !(c.is_ascii_lowercase() || c == ':' || c == '_'))
        .filter(|word| {
            roots
                .iter()
                .any(|root| *word == *root || word.starts_with(&format!("{root}:")))
        })
        .map(str::to_owned)
        .collect()
}

fn every_scope_is_a_variant_and_every_method_resolves(
    root: &Path,
    snapshot: &str,
    count: usize,
    expected_lints: &[ExpectedLint],
) {
    let path = root.join("api").join(snapshot).join("oauth-scopes.md");
    let text = std::fs::read_to_string(&path).expect("the pinned page");
    let page = parse_scopes_page(&Source::new(path.display().to_string(), text.clone()))
        .unwrap_or_else(|e| panic!("{snapshot}:\n{}", e.render()));
    assert_eq!(page.scopes.len(), count, "{snapshot}");
    let defined: BTreeSet<&str> = page
        .scopes
        .iter()
        .map(|scope| scope.name.as_str())
        .collect();
    for word in scope_words(&text) {
        // The two names the 2026 history misspells are lints, not scopes.
        let misspelt = word.ends_with(":collection");
        assert!(
            defined.contains(word.as_str()) || misspelt,
            "{snapshot}: `{word}` is on the page but not a scope"
        );
    }
    // The hierarchy the page states, at every snapshot.
    let grants = |name: &str| &page.scope(name).expect("defined").grants;
    assert!(
        grants("read")
            .iter()
            .all(|child| child.starts_with("read:"))
    );
    assert!(grants("read").contains(&"read:accounts".to_owned()));
    assert!(grants("write").contains(&"write:statuses".to_owned()));
    assert_eq!(grants("follow").len(), 6, "{snapshot}");
    assert_eq!(grants("admin:read").len(), 7, "{snapshot}");
    assert_eq!(grants("admin:write").len(), 7, "{snapshot}");
    let follow = page.scope("follow").expect("defined");
    assert_eq!(
        (follow.lifecycle, follow.lifecycle_since.as_deref()),
        (Lifecycle::Deprecated, Some("3.5.0")),
        "{snapshot}"
    );
    // Every scope but the two only the history keeps has a version.
    for scope in &page.scopes {
        let history_only = ["read:reports", "crypto"].contains(&scope.name.as_str());
        assert_eq!(
            scope.added_in.is_some(),
            !history_only,
            "{snapshot}: `{}`",
            scope.name
        );
    }

    // The module from the page and from its copy are the same, and the
    // lints are exactly the expected ones: no method names an undefined scope.
    let copy = Config::new()
        .export_scopes_report(&path, Some("oauth-scopes.yaml"))
        .unwrap_or_else(|e| panic!("{snapshot}: export:\n{}", e.render()));
    let copy_path = std::env::temp_dir().join(format!("oauth-scopes-{snapshot}.yaml"));
    std::fs::write(&copy_path, &copy.code).expect("a temporary file");
    let error_page = crate::common::fixture("seed-000-current.md");
    let folder = root.join("methods").join(snapshot);
    let generate = |scopes: &Path| {
        let generated = Config::new()
            .methods(&folder)
            .scopes(scopes)
            .generate_report(&error_page)
            .unwrap_or_else(|e| panic!("{snapshot}:\n{}", e.render()));
        let scope_lints: Vec<(String, String)> = generated
            .lints
            .iter()
            .filter(|fired| fired.lint().name.contains("scope"))
            .map(|fired| (fired.lint().name.to_owned(), fired.message().to_owned()))
            .collect();
        let module = generated
            .code
            .split_once("\n\n")
            .expect("a header")
            .1
            .to_owned();
        (module, scope_lints)
    };
    let (from_page, lints) = generate(&path);
    let (from_copy, _) = generate(&copy_path);
    assert!(
        from_page == from_copy,
        "{snapshot}: the page and its copy differ"
    );
    assert_eq!(lints.len(), expected_lints.len(), "{snapshot}: {lints:#?}");
    for ((lint, message), (expected, fragment)) in lints.iter().zip(expected_lints) {
        assert_eq!(lint, expected, "{snapshot}");
        assert!(message.contains(fragment), "{snapshot}: {message}");
    }
    assert!(from_page.contains("pub enum Scope"), "{snapshot}");
    assert!(
        !from_page.contains("undefined_scopes: &[\""),
        "{snapshot}: a method names an undefined scope"
    );
}

/// `spec/oauth-scopes.yaml` is what the current snapshot's page exports.
fn spec_oauth_scopes_yaml_is_fresh(root: &Path) {
    let workspace = crate::common::corpus::workspace_root();
    let snapshot = mastodon_error_codegen::corpus::current_snapshot(&workspace, "api")
        .expect("scripts/corpus.pins pins an api/ snapshot");
    let page = root.join(&snapshot).join("oauth-scopes.md");
    let fresh = Config::new()
        .export_scopes_report(&page, Some("spec/oauth-scopes.yaml"))
        .unwrap_or_else(|e| panic!("{snapshot}:\n{}", e.render()));
    let checked_in = std::fs::read_to_string(workspace.join("spec/oauth-scopes.yaml"))
        .expect("spec/oauth-scopes.yaml");
    assert!(
        checked_in == fresh.code,
        "spec/oauth-scopes.yaml is stale against {snapshot}: run `cargo run -p mastodon-error-tools` and commit"
    );
}
