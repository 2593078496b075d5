//! Docs defects as lints, end to end: the levels work as rustc's do on the
//! command line and in `Config`, by lint, group or `warnings`, the YAML copy
//! records what fired, the semantic diff shows a defect come and go,
//! and the `lints` report lists them for upstream.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use mastodon_error_codegen::diff::{self, ChangeKind, Impact};
use mastodon_error_codegen::{Config, Level, Source, lint};

/// The fixture pages with the 2024 defect of `admin/domain_blocks.md` made in
/// `statuses.md`: no comma after the `"error"` line of a 422 example.
const BROKEN_FROM: &str =
    "  \"error\": \"Validation failed: Someone else's post cannot be pinned\"\n";
const BROKEN_TO: &str =
    "  \"error\": \"Validation failed: Someone else's post cannot be pinned\"\n  \"details\": {}\n";

fn pages(name: &str, broken: bool) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("lints")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    for page in ["statuses.md", "admin/filters.md"] {
        let mut text = common::fixture(&format!("methods/{page}"))
            .text()
            .to_owned();
        if broken && page == "statuses.md" {
            assert_eq!(text.matches(BROKEN_FROM).count(), 1);
            text = text.replace(BROKEN_FROM, BROKEN_TO);
        }
        let path = dir.join("methods").join(page);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write page");
    }
    std::fs::write(
        dir.join("error.md"),
        common::fixture("seed-000-current.md").text(),
    )
    .expect("write the Error page");
    dir
}

/// Where the defect is, as the lint reports it from the folder `methods`.
const AT: &str = "methods/statuses.md:84:3";
const MESSAGE: &str =
    "the JSON example of a 422 response is not valid JSON: expected `,` or `}` at line 3 column 3";
const OUTCOME: &str = "read its `error` from the broken example: `422 Validation failed: Someone else's post cannot be pinned`";

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
        &["-D", "method-pages"],
        &["-D", "warnings"],
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

#[test]
fn config_levels_and_an_unknown_name() {
    let dir = pages("config", true);
    let error_page = Source::new("error.md", common::fixture("seed-000-current.md").text());
    let mut config = Config::new();
    config.methods(dir.join("methods"));
    let generated = config.generate_report(&error_page).expect("warns");
    let fired: Vec<_> = generated.lints.iter().collect();
    assert_eq!(fired.len(), 1);
    assert_eq!(fired[0].lint().name, "invalid-example-json");
    assert_eq!(fired[0].level(), Level::Warn);
    assert_eq!(fired[0].message(), MESSAGE);
    assert_eq!(fired[0].outcome(), OUTCOME);
    let [warning] = &generated.lints.cargo_warnings()[..] else {
        panic!("one cargo warning")
    };
    assert!(!warning.contains('\n'));
    assert!(warning.ends_with(&format!("{MESSAGE} [invalid-example-json]: {OUTCOME}")));

    let error = config
        .clone()
        .lint("invalid-example-json", Level::Deny)
        .generate_source(&error_page)
        .expect_err("denied");
    assert_eq!(
        error.diagnostics()[0].lint_name(),
        Some("invalid-example-json")
    );
    assert!(
        error
            .render()
            .contains(": error: the JSON example of a 422 response")
    );

    let error = config
        .clone()
        .lint("method-pages", Level::Deny)
        .generate_source(&error_page)
        .expect_err("the group denies its lints");
    assert_eq!(
        error.diagnostics()[0].lint_name(),
        Some("invalid-example-json")
    );
    let allowed = config
        .clone()
        .lint("warnings", Level::Deny)
        .lint("method-pages", Level::Allow)
        .generate_report(&error_page)
        .expect("the group's level wins over `warnings`");
    assert!(allowed.lints.is_empty());

    let error = config
        .clone()
        .lint("no-such-lint", Level::Allow)
        .generate_source(&error_page)
        .expect_err("an unknown lint is the user's mistake");
    let rendered = error.render();
    assert!(
        rendered.contains("error: unknown lint `no-such-lint`"),
        "{rendered}"
    );
    assert!(rendered.contains("`invalid-example-json`"), "{rendered}");
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

/// The lints that fire on entity pages, which have their own fixture.
const ENTITY_PAGE_LINTS: [&str; 6] = [
    lint::UNREADABLE_ENTITY_ATTRIBUTE.name,
    lint::MALFORMED_ATTRIBUTE_HEADING.name,
    lint::UNKNOWN_ATTRIBUTE_TYPE.name,
    lint::UNRESOLVED_ENTITY.name,
    lint::INVALID_ENTITY_EXAMPLE.name,
    lint::EXAMPLE_CONTRADICTS_TABLE.name,
];

/// `fixtures/entities/defects/` has one of each defect an entity page can
/// have: each entity lint fires on it once, and the module still generates.
#[test]
fn every_entity_lint_fires_on_the_entity_defects_fixture() {
    let page = common::fixture_path("entities/defects/Status.md");
    let folder = page.parent().expect("the fixture folder");
    let generated = Config::new()
        .generate_entities_report(folder)
        .unwrap_or_else(|error| panic!("{}", error.render()));
    let mut fired: Vec<(&str, String)> = generated
        .lints
        .iter()
        .map(|fired| {
            let location = fired.location();
            let at = location.rsplit('/').next().unwrap_or_default().to_owned();
            (fired.lint().name, at)
        })
        .collect();
    fired.sort();
    assert_eq!(
        fired,
        [
            ("example-contradicts-table", "Status.md:8:1".to_owned()),
            ("invalid-entity-example", "Status.md:15:1".to_owned()),
            ("malformed-attribute-heading", "Status.md:32:1".to_owned()),
            ("unknown-attribute-type", "Status.md:42:11".to_owned()),
            ("unreadable-entity-attribute", "Status.md:60:1".to_owned()),
            ("unresolved-entity", "Status.md:49:11".to_owned()),
        ]
    );
    let mut names: Vec<&str> = fired.iter().map(|(name, _)| *name).collect();
    names.dedup();
    let mut expected = ENTITY_PAGE_LINTS.to_vec();
    expected.sort_unstable();
    assert_eq!(names, expected);
}

/// `fixtures/defects/` has one of each docs defect: every lint in the table
/// fires on it once, in page order, and the module still generates.
#[test]
fn every_lint_fires_on_the_defects_fixture() {
    let folder = common::fixture_path("defects/defects.md");
    let folder = folder.parent().expect("the fixture folder");
    let error_page = common::fixture("seed-000-current.md");
    let lints = Config::new()
        .docs_defects(&error_page, folder)
        .expect("defects never fail the report");
    let fired: Vec<&str> = lints.iter().map(|fired| fired.lint().name).collect();
    // The rate-limits and scopes pages' lints fire on their own fixtures, below.
    let of_other_pages = [
        lint::UNREADABLE_RATE_LIMIT.name,
        lint::UNREADABLE_SCOPE_TABLE.name,
        lint::CONFLICTING_SCOPE_GRANTS.name,
        lint::UNREADABLE_SCOPE_HISTORY.name,
        lint::UNDEFINED_SCOPE.name,
    ];
    let on_method_pages: Vec<&str> = lint::ALL
        .iter()
        .map(|lint| lint.name)
        .filter(|name| !of_other_pages.contains(name) && !ENTITY_PAGE_LINTS.contains(name))
        .collect();
    assert_eq!(fired, on_method_pages);
    // The scopes page's defects, then the method pages' scopes it does not define.
    let with_scopes = Config::new()
        .scopes(common::fixture_path("oauth-scopes-defects.md"))
        .docs_defects(&error_page, folder)
        .expect("defects never fail the report");
    let scope_lints: Vec<(&str, String)> = with_scopes
        .iter()
        .filter(|fired| of_other_pages[1..].contains(&fired.lint().name))
        .map(|fired| {
            let location = fired.location();
            let file = location.rsplit('/').next().unwrap_or_default().to_owned();
            (fired.lint().name, file)
        })
        .collect();
    assert_eq!(
        scope_lints,
        [
            (
                "unreadable-scope-table",
                "oauth-scopes-defects.md:29:1".to_owned()
            ),
            (
                "conflicting-scope-grants",
                "oauth-scopes-defects.md:17:5".to_owned()
            ),
            (
                "unreadable-scope-history",
                "oauth-scopes-defects.md:11:17".to_owned()
            ),
            (
                "unreadable-scope-history",
                "oauth-scopes-defects.md:12:3".to_owned()
            ),
            ("undefined-scope", "defects.md:10:1".to_owned()),
        ],
        "{}",
        with_scopes.render()
    );
    // The undefined name stays in the module, where no token can meet it.
    let module = Config::new()
        .methods(folder)
        .scopes(common::fixture_path("oauth-scopes-defects.md"))
        .generate_report(&error_page)
        .expect("warns only");
    assert!(
        module
            .code
            .contains("undefined_scopes: &[\"write:defects\"]")
    );
    assert!(module.code.contains("scopes: &[Scope::ReadDefects]"));
    let rate_limits = Config::new()
        .export_rate_limits_report(common::fixture_path("rate-limits-defects.md"), None)
        .expect("a defect is a warning");
    let fired: Vec<&str> = rate_limits
        .lints
        .iter()
        .map(|fired| fired.lint().name)
        .collect();
    assert_eq!(fired, [lint::UNREADABLE_RATE_LIMIT.name]);
    assert!(
        rate_limits
            .code
            .contains("  - scope: account\n    count: 300\n")
    );
    assert!(!rate_limits.code.contains("Something vaguer"));
    // The copy records the defect, and generating from it reports it again,
    // at its record, saying where in the docs it was.
    assert!(
        rate_limits
            .code
            .contains("lints:\n  - lint: unreadable-rate-limit\n    at: api/rate-limits.md:24:1\n"),
        "{}",
        rate_limits.code
    );
    let copy = std::env::temp_dir().join("mastodon-error-rate-limits-defects.yaml");
    std::fs::write(&copy, &rate_limits.code).expect("a temporary file");
    let mut from_copy = Config::new();
    from_copy
        .methods(
            common::fixture_path("methods/statuses.md")
                .parent()
                .expect("the folder"),
        )
        .rate_limits(&copy);
    let rendered = from_copy
        .generate_report(&error_page)
        .expect("warns only")
        .lints
        .render();
    assert!(
        rendered.contains("found at api/rate-limits.md:24:1 when the copy was exported"),
        "{rendered}"
    );
    let mut config = Config::new();
    config.methods(folder);
    let generated = config.generate_report(&error_page).expect("warns only");
    // The report adds the lints that the default levels would also show.
    assert_eq!(generated.lints.len(), on_method_pages.len());
    syn::parse_file(&generated.code).expect("the module parses");
    for left_out in [
        "FETCH",
        "/api/v1/defects//empty",
        "/api/v1/defects/:name/first",
    ] {
        assert!(!generated.code.contains(left_out), "{left_out}");
    }
    assert!(generated.code.contains("DefectsSecondWithTheAnchor"));
    assert!(
        generated
            .code
            .contains("\"You have already imposed stricter limits on example.com.\"")
    );
}

/// Mistakes in a scopes copy that only show against the whole copy: one
/// that defines no scope, and two names that would share a variant. Each is
/// an error at its place, with help.
#[test]
fn a_scopes_copy_with_no_scope_or_colliding_names_is_refused_with_help() {
    let dir = std::env::temp_dir().join("mastodon-error-scopes-mistakes");
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let error_page = common::fixture("seed-000-current.md");
    let methods = common::fixture_path("methods/statuses.md");
    let methods = methods.parent().expect("the fixture folder");
    let generate = |copy: &str| {
        let path = dir.join("oauth-scopes.yaml");
        std::fs::write(&path, copy).expect("a temporary file");
        Config::new()
            .methods(methods)
            .scopes(&path)
            .generate_report(&error_page)
            .expect_err("refused")
            .render()
    };
    let empty = generate("schema: 1\nscopes: []\n");
    assert!(
        empty.contains("oauth-scopes.yaml:1:1: error: no scope is defined here"),
        "{empty}"
    );
    assert!(
        empty.contains("= help: point at the docs' `content/en/api/oauth-scopes.md`"),
        "{empty}"
    );
    let colliding = generate("schema: 1\nscopes:\n  - name: read:a_b\n  - name: read_a:b\n");
    assert!(
        colliding.contains("oauth-scopes.yaml:4:11: error: the scopes `read:a_b` and `read_a:b` would both be named `ReadAB`"),
        "{colliding}"
    );
    assert!(
        colliding.contains("= help: the page is the docs': correct the name in a YAML copy"),
        "{colliding}"
    );
}

/// docs/entities.md lists every example of the current entity pages that
/// contradicts its table or is not JSON, as `spec/entities.yaml` records them.
#[test]
fn the_docs_list_the_examples_that_contradict_their_tables() {
    let root = common::corpus::workspace_root();
    let spec = mastodon_error_codegen::read_entities(&root.join("spec/entities.yaml"))
        .expect("spec/entities.yaml");
    let mut expected = String::from("| Where | What |\n|---|---|\n");
    for page in &spec.pages {
        for record in &page.lints {
            if record.lint == "example-contradicts-table" || record.lint == "invalid-entity-example"
            {
                let what = record.message.split(':').next().unwrap_or_default();
                expected.push_str(&format!("| `{}` | {what} |\n", record.at));
            }
        }
    }
    const START: &str = "<!-- example lints: checked by codegen/tests/lints.rs -->\n";
    const END: &str = "<!-- end of example lints -->\n";
    let docs = std::fs::read_to_string(root.join("docs/entities.md")).expect("docs/entities.md");
    assert!(
        docs.contains(&format!("{START}{expected}{END}")),
        "docs/entities.md's list of example lints should read, between its markers:\n{expected}"
    );
    assert!(expected.lines().count() > 30, "{expected}");
}
