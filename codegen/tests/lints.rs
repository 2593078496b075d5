//! Docs defects as lints in the library: the levels work in `Config`, by
//! lint, group or `warnings`, and each lint fires on its fixture.
//! tools/tests/lints.rs has them on the command line.

mod common;

use common::defect_pages::{MESSAGE, OUTCOME, pages};
use mastodon_error_codegen::{Config, Level, Source, lint};

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
