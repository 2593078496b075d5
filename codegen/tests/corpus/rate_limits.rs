//! The rate-limits page of every pinned `api/` snapshot: read whole, with no
//! docs defect, its copy fresh, and every limit's requests resolved to a
//! documented method of the same snapshot.

use std::path::Path;

use mastodon_error_codegen::Config;

use crate::Suite;

/// Each snapshot with its `methods/` snapshot of the same day.
const SNAPSHOTS: [(&str, &str); 3] = [
    ("2022-12-14_ffbe66a3", "2022-12-14_ffbe66a3"),
    ("2025-11-21_42184ef1", "2025-11-21_42184ef1"),
    ("2026-07-02_2903485d", "2026-07-02_2903485d"),
];

pub fn add(suite: &mut Suite) {
    for (api, methods) in SNAPSHOTS {
        suite.corpus_trial(
            format!("rate_limits::the_page_reads_whole_and_resolves::{api}"),
            move |root| the_page_reads_whole_and_resolves(root, api, methods),
        );
    }
    suite.corpus_trial(
        "rate_limits::spec_rate_limits_yaml_is_fresh".to_owned(),
        spec_rate_limits_yaml_is_fresh,
    );
}

/// Three headers and five limits, as the page has had since 2022; the page
/// and its copy give the same module; no lint fires, so every request named
/// is a documented method.
fn the_page_reads_whole_and_resolves(root: &Path, api: &str, methods: &str) {
    let page = root.join("api").join(api).join("rate-limits.md");
    let folder = root.join("methods").join(methods);
    let error_page = crate::common::fixture("seed-000-current.md");
    let copy_path = std::env::temp_dir().join(format!("rate-limits-{api}.yaml"));
    let copy = Config::new()
        .export_rate_limits_report(&page, Some("rate-limits.yaml"))
        .unwrap_or_else(|e| panic!("{api}: export:\n{}", e.render()));
    assert!(copy.lints.is_empty(), "{api}:\n{}", copy.lints.render());
    assert_eq!(
        copy.code.matches("\n  - name: ").count(),
        3,
        "{}",
        copy.code
    );
    assert_eq!(
        copy.code.matches("\n  - scope: ").count(),
        5,
        "{}",
        copy.code
    );
    std::fs::write(&copy_path, &copy.code).expect("a temporary file");
    let generate = |rate_limits: &Path| {
        let generated = Config::new()
            .methods(&folder)
            .rate_limits(rate_limits)
            .generate_report(&error_page)
            .unwrap_or_else(|e| panic!("{api}:\n{}", e.render()));
        assert!(
            generated
                .lints
                .iter()
                .all(|fired| fired.lint().name != "unreadable-rate-limit"),
            "{api}:\n{}",
            generated.lints.render()
        );
        generated
            .code
            .split_once("\n\n")
            .expect("a header")
            .1
            .to_owned()
    };
    assert_eq!(generate(&page), generate(&copy_path));
    let module = generate(&page);
    for limit in [
        "Endpoint::MediaV1",
        "Endpoint::StatusesDelete",
        "Endpoint::AccountsCreate",
    ] {
        assert!(module.contains(limit), "{api}: {limit}");
    }
}

/// `spec/rate-limits.yaml` is what the current snapshot's page exports.
fn spec_rate_limits_yaml_is_fresh(root: &Path) {
    let workspace = crate::common::corpus::workspace_root();
    let snapshot = mastodon_error_codegen::corpus::current_snapshot(&workspace, "api")
        .expect("scripts/corpus.pins pins an api/ snapshot");
    let page = root.join(&snapshot).join("rate-limits.md");
    let fresh = Config::new()
        .export_rate_limits_report(&page, Some("spec/rate-limits.yaml"))
        .unwrap_or_else(|e| panic!("{snapshot}:\n{}", e.render()));
    let checked_in = std::fs::read_to_string(workspace.join("spec/rate-limits.yaml"))
        .expect("spec/rate-limits.yaml");
    assert!(
        checked_in == fresh.code,
        "spec/rate-limits.yaml is stale against {snapshot}: run `cargo run -p mastodon-error-tools` and commit"
    );
}
