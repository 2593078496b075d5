//! The API method pages of every pinned snapshot: each is read whole, with
//! every method and every documented error response.

use std::collections::BTreeSet;
use std::path::Path;

use mastodon_error_codegen::model::methods::MethodPage;
use mastodon_error_codegen::read_method_pages;

use crate::Suite;

/// Each snapshot with what it documents, by the reader's count: methods,
/// and error responses (JSON examples with `"error"` under a status ≥ 400,
/// counting every example where a method shows several for one status).
pub const SNAPSHOTS: [(&str, usize, usize); 3] = [
    ("2022-12-14_ffbe66a3", 190, 333),
    ("2025-11-21_42184ef1", 232, 388),
    ("2026-07-02_2903485d", 248, 411),
];

pub fn add(suite: &mut Suite) {
    for (snapshot, methods, errors) in SNAPSHOTS {
        suite.corpus_trial(
            format!("methods::every_method_and_error_is_read::{snapshot}"),
            move |root| every_method_and_error_is_read(root, snapshot, methods, errors),
        );
    }
}

pub fn read_snapshot(root: &Path, snapshot: &str) -> Vec<MethodPage> {
    read_method_pages(&root.join("methods").join(snapshot))
        .unwrap_or_else(|e| panic!("{snapshot}:\n{}", e.render()))
}

fn every_method_and_error_is_read(root: &Path, snapshot: &str, methods: usize, errors: usize) {
    let pages = read_snapshot(root, snapshot);
    let all: Vec<_> = pages
        .iter()
        .flat_map(|page| page.methods.iter().map(move |m| (page, m)))
        .collect();
    assert_eq!(all.len(), methods, "{snapshot}: methods");
    let error_count: usize = all.iter().map(|(_, m)| m.errors.len()).sum();
    assert_eq!(error_count, errors, "{snapshot}: error responses");

    let mut routes = BTreeSet::new();
    for (page, method) in &all {
        let at = format!(
            "{snapshot}/{}.md {} {}",
            page.path, method.http_method, method.path
        );
        assert!(
            routes.insert((&method.http_method, &method.path)),
            "{at}: documented twice"
        );
        assert!(method.path.starts_with("/"), "{at}: path");
        let auth = &method.auth;
        assert!(
            auth.public || auth.app || auth.user,
            "{at}: no kind of token"
        );
        assert!(method.added_in.is_some(), "{at}: no version");
        for error in &method.errors {
            assert!(
                (400..=599).contains(&error.status),
                "{at}: status {}",
                error.status
            );
            assert!(!error.error.trim().is_empty(), "{at}: empty error");
            assert!(!error.status_text.is_empty(), "{at}: status text");
        }
    }
    // The OAuth errors carry a description; the others do not.
    for (_, method) in &all {
        for error in &method.errors {
            let oauth_code = [
                "invalid_grant",
                "invalid_scope",
                "invalid_client",
                "unauthorized_client",
            ]
            .contains(&error.error.as_str());
            assert_eq!(
                error.error_description.is_some(),
                oauth_code,
                "{snapshot} {}: {}",
                method.path,
                error.error
            );
        }
    }
}
