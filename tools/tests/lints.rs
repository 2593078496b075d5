//! Docs defects as lints on the command line: the levels work as rustc's
//! do, the YAML copy records what fired, the semantic diff shows a defect
//! come and go, and the `lints` report lists them for upstream.

#[path = "../../codegen/tests/common/mod.rs"]
mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::defect_pages::{AT, MESSAGE, OUTCOME, pages};
use mastodon_error_codegen::diff::{self, ChangeKind, Impact};
use mastodon_error_codegen::{Config, Source};

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mastodon-error-codegen"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_defect_warns_recovers_and_is_denied_at_the_same_place() {
    let dir = pages("levels", true);
    let generate = |extra: &[&str]| {
        let mut args = vec!["generate", "error.md", "--methods", "methods"];
        args.extend(extra);
        run(&dir, &args)
    };
    let warned = generate(&[]);
    let stderr = text(&warned.stderr);
    assert!(warned.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!("{AT}: warning: {MESSAGE}")),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("= note: {OUTCOME}")), "{stderr}");
    assert!(
        stderr.contains("`invalid-example-json` is warn by default"),
        "{stderr}"
    );
    // The recovered reason is in the module, under its method.
    let code = text(&warned.stdout);
    let clean = run(
        &pages("levels-clean", false),
        &["generate", "error.md", "--methods", "methods"],
    );
    assert!(
        clean.status.success() && clean.stderr.is_empty(),
        "{}",
        text(&clean.stderr)
    );
    // The same module but for the header, which names the pages by their git tree.
    let body = |module: &str| module.split_once("\n\n").expect("a header").1.to_owned();
    assert_eq!(
        body(&code),
        body(&text(&clean.stdout)),
        "the recovered example gives the same module"
    );

    for deny in [
        &["--deny", "invalid-example-json"][..],
        &["-D", "warnings"],
        &["-D", "method-pages"],
        &["--strict"],
    ] {
        let denied = generate(deny);
        let stderr = text(&denied.stderr);
        assert_eq!(denied.status.code(), Some(1), "{deny:?}: {stderr}");
        assert!(
            stderr.contains(&format!("{AT}: error: {MESSAGE}")),
            "{deny:?}: {stderr}"
        );
        assert!(denied.stdout.is_empty());
    }
    // A lint's own level wins over the group's.
    let allowed = generate(&["--strict", "--allow", "invalid-example-json"]);
    assert!(allowed.status.success(), "{}", text(&allowed.stderr));
    assert!(allowed.stderr.is_empty(), "{}", text(&allowed.stderr));
    // A group holds only its pages' lints, and wins over `warnings`.
    let other_group = generate(&["-D", "entity-pages"]);
    assert!(
        other_group.status.success(),
        "{}",
        text(&other_group.stderr)
    );
    let allowed = generate(&["--strict", "-A", "method-pages"]);
    assert!(allowed.status.success(), "{}", text(&allowed.stderr));
    assert!(allowed.stderr.is_empty(), "{}", text(&allowed.stderr));
    let warned = generate(&["-A", "warnings", "-W", "method-pages"]);
    let stderr = text(&warned.stderr);
    assert!(warned.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "= note: `method-pages`, a group holding `invalid-example-json`, is set to warn"
        ),
        "{stderr}"
    );

    let unknown = generate(&["--deny", "invalid-exmaple-json"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stderr).contains("unknown lint `invalid-exmaple-json`"));
}

/// The copy records the lint, generating from it fires it again at the
/// record, and the diff shows it appear and go away.
#[test]
fn the_copy_records_lints_and_the_diff_shows_them() {
    let dir = pages("copy", true);
    let export = run(
        &dir,
        &[
            "export-yaml",
            "--methods",
            "methods",
            "--out",
            "methods.yaml",
        ],
    );
    assert!(export.status.success(), "{}", text(&export.stderr));
    assert!(text(&export.stderr).contains(&format!("{AT}: warning: {MESSAGE}")));
    let copy = std::fs::read_to_string(dir.join("methods.yaml")).expect("copy");
    let record = format!(
        "    lints:\n      - lint: invalid-example-json\n        at: statuses.md:84:3\n        message: \"{MESSAGE}\"\n        outcome: \"{OUTCOME}\"\n    methods:\n"
    );
    assert!(copy.contains(&record), "{copy}");

    let from_copy = run(&dir, &["generate", "error.md", "--methods", "methods.yaml"]);
    let stderr = text(&from_copy.stderr);
    assert!(from_copy.status.success(), "{stderr}");
    assert!(stderr.contains("methods.yaml:"), "{stderr}");
    assert!(
        stderr.contains(": warning: the JSON example of a 422 response"),
        "{stderr}"
    );
    assert!(
        stderr.contains("found at statuses.md:84:3 when the copy was exported"),
        "{stderr}"
    );
    let denied = run(
        &dir,
        &[
            "generate",
            "error.md",
            "--methods",
            "methods.yaml",
            "--strict",
        ],
    );
    assert_eq!(denied.status.code(), Some(1));

    let clean = pages("copy-clean", false);
    let error_page = Source::new("error.md", common::fixture("seed-000-current.md").text());
    let fixed = diff::diff_api(
        &error_page,
        &dir.join("methods"),
        &clean.join("methods"),
        &Config::new(),
    )
    .expect("diffs");
    let [change] = &fixed.changes[..] else {
        panic!("one change: {}", fixed.render(diff::DiffFormat::Text))
    };
    assert_eq!(change.kind, ChangeKind::LintCleared);
    assert_eq!(change.impact(), Impact::Patch);
    assert_eq!(change.page.as_deref(), Some("statuses"));
    assert!(
        fixed
            .render(diff::DiffFormat::Text)
            .contains("docs defect `invalid-example-json` fixed upstream")
    );
    let broke = diff::diff_api(
        &error_page,
        &clean.join("methods"),
        &dir.join("methods"),
        &Config::new(),
    )
    .expect("diffs");
    assert_eq!(broke.changes.len(), 1);
    assert_eq!(broke.changes[0].kind, ChangeKind::LintFired);
    assert_eq!(broke.changes[0].kind.as_str(), "lint_fired");
}

#[test]
fn the_report_lists_every_defect_whatever_its_level() {
    let dir = pages("report", true);
    let report = run(
        &dir,
        &[
            "lints",
            "--methods",
            "methods",
            "--error-page",
            "error.md",
            "--allow",
            "warnings",
        ],
    );
    let stdout = text(&report.stdout);
    assert!(report.status.success(), "{}", text(&report.stderr));
    assert!(
        stdout.contains(&format!("{AT}: warning: {MESSAGE}")),
        "{stdout}"
    );
    assert!(stdout.contains("this report lists every docs defect, whatever its level"));

    let markdown = run(
        &dir,
        &[
            "lints",
            "--methods",
            "methods",
            "--error-page",
            "error.md",
            "--format",
            "markdown",
        ],
    );
    assert_eq!(
        text(&markdown.stdout),
        format!(
            "### Docs defects in the method pages (1)\n\n| Where | Lint | Defect | What the generator did |\n|---|---|---|---|\n| `content/en/methods/statuses.md:84:3` | `invalid-example-json` | {MESSAGE} | {OUTCOME} |\n"
        )
    );

    let clean = pages("report-clean", false);
    let none = run(
        &clean,
        &["lints", "--methods", "methods", "--error-page", "error.md"],
    );
    assert!(none.status.success());
    assert_eq!(text(&none.stdout), "no docs defects in methods\n");
    let no_methods = run(&clean, &["lints", "--error-page", "error.md"]);
    assert_eq!(no_methods.status.code(), Some(2));
}

/// A method kept without authorization survives the copy: the copy records
/// why its `tokens` is empty, and generates the same module as the pages.
#[test]
fn a_kept_method_without_oauth_round_trips_through_the_copy() {
    let dir = pages("no-oauth", false);
    let filters = dir.join("methods/admin/filters.md");
    let page = std::fs::read_to_string(&filters).expect("page");
    let line = "**OAuth level:** User token + `read:filters`\\\n";
    assert_eq!(page.matches(line).count(), 1);
    std::fs::write(&filters, page.replace(line, "")).expect("write");
    let copy = run(
        &dir,
        &[
            "export-yaml",
            "--methods",
            "methods",
            "--out",
            "methods.yaml",
        ],
    );
    assert!(copy.status.success(), "{}", text(&copy.stderr));
    let yaml = std::fs::read_to_string(dir.join("methods.yaml")).expect("copy");
    assert!(yaml.contains("      - lint: missing-oauth\n"), "{yaml}");
    assert!(yaml.contains("        tokens: []\n"), "{yaml}");
    let body = |output: Output| {
        assert!(output.status.success(), "{}", text(&output.stderr));
        let module = text(&output.stdout);
        module.split_once("\n\n").expect("a header").1.to_owned()
    };
    let from_pages = body(run(&dir, &["generate", "error.md", "--methods", "methods"]));
    let from_copy = body(run(
        &dir,
        &["generate", "error.md", "--methods", "methods.yaml"],
    ));
    assert_eq!(from_pages, from_copy);
}
