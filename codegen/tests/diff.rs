//! The semantic diff: every kind of change with its semver impact, the three
//! output forms, and reading a generated module back. Real history (every
//! pair of corpus pages, pinned summaries) is in `tests/corpus/history.rs`.

mod common;

use mastodon_error_codegen::diff::{self, ChangeKind, DiffFormat, Impact};
use mastodon_error_codegen::{Config, Source};

fn current_page() -> String {
    common::fixture("seed-000-current.md").text().to_owned()
}

fn edited(old: &str, new: &str) -> String {
    let page = current_page();
    assert_eq!(page.matches(old).count(), 1, "{old:?} must occur once");
    page.replacen(old, new, 1)
}

fn diff_pages(old: &str, new: &str) -> diff::Diff {
    diff::diff(
        &Source::new("old.md", old),
        &Source::new("new.md", new),
        &Config::new(),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

const RECORD_NOT_UNIQUE: &str = "#### RecordNotUnique {#not-unique}\n\nError: Duplicate record. Appears when you are trying to pin an account or status that is already pinned.\n\n";
const NEW_ATTRIBUTE: &str = "### `error_code` {#error_code}\n\n**Description:** A code.\\\n**Type:** String\\\n**Version history:**\\\n4.5.0 - added\n\n## Possible reasons";

#[test]
fn each_kind_of_change_has_its_impact() {
    use ChangeKind::*;
    let cases: Vec<(&str, String, ChangeKind, Impact, &str)> = vec![
        (
            "entity renamed",
            edited("title: Error", "title: ApiError"),
            EntityRenamed,
            Impact::Major,
            "ApiError",
        ),
        (
            "literal message",
            edited("Error: Duplicate record.", "Error: Record exists."),
            MessageChanged,
            Impact::Major,
            "RecordNotUnique",
        ),
        (
            "literal to placeholder",
            edited("Error: Duplicate record.", "Error: {string}."),
            MessageLiteralToPlaceholder,
            Impact::Major,
            "RecordNotUnique",
        ),
        (
            "placeholder to literal",
            edited(
                "Error: {string}. Appears when a required",
                "Error: Parameter missing. Appears when a required",
            ),
            MessagePlaceholderToLiteral,
            Impact::Major,
            "ParameterMissing",
        ),
        (
            "explanation",
            edited(
                "May appear when entity creation failed.",
                "Appears when entity creation failed.",
            ),
            ExplanationChanged,
            Impact::Patch,
            "RecordInvalid",
        ),
        (
            "renamed",
            edited("#### SSLError {#ssl}", "#### TlsError {#ssl}"),
            ReasonRenamed,
            Impact::Major,
            "TlsError",
        ),
        (
            "anchor",
            edited("#### SSLError {#ssl}", "#### SSLError {#tls}"),
            AnchorChanged,
            Impact::Patch,
            "SslError",
        ),
        (
            "removed",
            edited(RECORD_NOT_UNIQUE, ""),
            ReasonRemoved,
            Impact::Major,
            "RecordNotUnique",
        ),
        (
            "moved",
            edited(RECORD_NOT_UNIQUE, "").replacen(
                "### 422 - Unprocessable entity",
                &format!("{RECORD_NOT_UNIQUE}### 422 - Unprocessable entity"),
                1,
            ),
            ReasonMoved,
            Impact::Major,
            "RecordNotUnique",
        ),
        (
            "group added",
            edited(
                "### 429 - Too many requests",
                "### 418 - I'm a teapot\n\n#### Teapot {#teapot}\n\nError: I'm a teapot. Appears never.\n\n### 429 - Too many requests",
            ),
            GroupAdded,
            Impact::Minor,
            "418",
        ),
        (
            "group text",
            edited("### 404 - Not found", "### 404 - Not Found"),
            GroupTextChanged,
            Impact::Patch,
            "404",
        ),
        (
            "attribute made required",
            edited(
                "### `error_description` {{%optional%}}",
                "### `error_description`",
            ),
            AttributeMadeRequired,
            Impact::Major,
            "error_description",
        ),
        (
            "attribute added, optional",
            edited(
                "## Possible reasons",
                &NEW_ATTRIBUTE.replace("`error_code`", "`error_code` {{%optional%}}"),
            ),
            AttributeAddedOptional,
            Impact::Minor,
            "error_code",
        ),
        (
            "attribute added, required",
            edited("## Possible reasons", NEW_ATTRIBUTE),
            AttributeAddedRequired,
            Impact::Major,
            "error_code",
        ),
        (
            "attribute type",
            edited(
                "**Description:** The error message.\\\n**Type:** String",
                "**Description:** The error message.\\\n**Type:** Integer",
            ),
            AttributeTypeChanged,
            Impact::Major,
            "error",
        ),
        (
            "attribute description",
            edited("The error message.", "The error message, in English."),
            AttributeDescriptionChanged,
            Impact::Patch,
            "error",
        ),
        (
            "history entry",
            edited(
                "0.6.0 - added\n\n### `error_description`",
                "0.6.0 - added\\\n4.4.0 - clarified\n\n### `error_description`",
            ),
            HistoryEntryAdded,
            Impact::Patch,
            "error",
        ),
    ];
    let page = current_page();
    for (label, new, kind, impact, subject) in cases {
        let diff = diff_pages(&page, &new);
        let change = diff
            .changes
            .iter()
            .find(|change| change.kind == kind)
            .unwrap_or_else(|| panic!("{label}: no {kind:?} in {:#?}", diff.changes));
        assert_eq!(change.impact(), impact, "{label}");
        assert_eq!(change.subject, subject, "{label}");
        assert_eq!(
            diff.impact(),
            diff.changes.iter().map(|c| c.impact()).max(),
            "{label}"
        );
        // The reverse edit is a change too, never a silent no-op.
        assert!(
            !diff_pages(&new, &page).changes.is_empty(),
            "{label}: reverse"
        );
    }
    assert!(diff_pages(&page, &page).changes.is_empty());
    assert_eq!(diff_pages(&page, &page).impact(), None);
}

#[test]
fn a_group_added_brings_its_reasons_as_minor_changes() {
    let new = edited(
        "### 429 - Too many requests",
        "### 418 - I'm a teapot\n\n#### Teapot {#teapot}\n\nError: I'm a teapot. Appears never.\n\n### 429 - Too many requests",
    );
    let diff = diff_pages(&current_page(), &new);
    let kinds: Vec<_> = diff
        .changes
        .iter()
        .map(|c| (c.kind, c.subject.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (ChangeKind::GroupAdded, "418"),
            (ChangeKind::ReasonAdded, "Teapot")
        ]
    );
    assert_eq!(diff.impact(), Some(Impact::Minor));
}

#[test]
fn hostile_values_stay_inside_their_strings() {
    let new = edited("Error: Duplicate record.", "Error: Say \"hi\" \\ a|b.");
    let diff = diff_pages(&current_page(), &new);
    let json: serde_json::Value =
        serde_json::from_str(&diff.render(DiffFormat::Json)).expect("valid JSON");
    assert_eq!(json["changes"][0]["new"], "Say \"hi\" \\ a|b");
    let markdown = diff.render(DiffFormat::Markdown);
    let row = markdown
        .lines()
        .find(|line| line.contains("RecordNotUnique"))
        .expect("row");
    let cells = row.replace("\\|", "").matches('|').count();
    assert_eq!(
        cells, 3,
        "a `|` in a value must not split the table row: {row}"
    );
}

#[test]
fn reading_back_sees_what_changed() {
    let module = Config::new()
        .generate_source(&Source::new("error.md", current_page()))
        .expect("generates");
    let new = edited("#### SSLError {#ssl}", "#### TlsError {#ssl}")
        .replace("Error: Duplicate record.", "Error: {string}.");
    let diff = diff::diff_generated(
        &module,
        "error.rs",
        &Source::new("error.md", new),
        &Config::new(),
    )
    .expect("valid")
    .expect("reads back");
    let kinds: Vec<_> = diff.changes.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            ChangeKind::MessageLiteralToPlaceholder,
            ChangeKind::ReasonRenamed,
            ChangeKind::HeadingChanged
        ]
    );
}

#[test]
fn a_module_that_is_not_ours_gives_no_summary() {
    let page = Source::new("error.md", current_page());
    for module in [
        "",
        "fn main() {}",
        "pub struct Error { pub error: String }",
        "not rust {",
    ] {
        let diff =
            diff::diff_generated(module, "error.rs", &page, &Config::new()).expect("page is valid");
        assert_eq!(diff, None, "{module:?}");
    }
}

#[test]
fn an_invalid_version_gives_its_located_error() {
    let broken = edited("### 404 - Not found", "### 999 - Not found");
    let error = diff::diff(
        &Source::new("old.md", current_page()),
        &Source::new("new.md", broken),
        &Config::new(),
    )
    .expect_err("new is broken");
    assert!(error.render().contains("new.md:"), "{}", error.render());
}

/// The YAML copy of the fixture method pages, and that copy edited.
fn methods_copy() -> String {
    let dir = common::fixture_path("methods/statuses.md");
    Config::new()
        .export_methods_yaml(dir.parent().expect("folder"), Some("methods.yaml"))
        .expect("the fixture pages export")
}

fn edited_copy(old: &str, new: &str) -> String {
    let copy = methods_copy();
    assert_eq!(copy.matches(old).count(), 1, "{old:?} must occur once");
    copy.replacen(old, new, 1)
}

fn diff_copies(old: &str, new: &str) -> diff::Diff {
    diff::diff_api_copies(
        &common::fixture("seed-000-current.md"),
        &Source::new("old.yaml", old),
        &Source::new("new.yaml", new),
        &Config::new(),
    )
    .unwrap_or_else(|e| panic!("{}", e.render()))
}

#[test]
fn each_kind_of_method_change_has_its_impact() {
    use ChangeKind::*;
    let get = "        anchor: get\n        request: GET /api/v1/statuses/:id\n";
    let cases: Vec<(String, ChangeKind, Impact, &str)> = vec![
        (
            edited_copy(
                get,
                "        anchor: get\n        name: ViewStatus\n        request: GET /api/v1/statuses/:id\n",
            ),
            MethodRenamed,
            Impact::Major,
            "ViewStatus",
        ),
        (
            edited_copy(
                get,
                "        anchor: get\n        request: GET /api/v2/statuses/:id\n",
            ),
            MethodMoved,
            Impact::Major,
            "StatusesGet",
        ),
        (
            edited_copy(
                get,
                "        anchor: get\n        request: GET /api/v1/statuses/:status_id\n",
            ),
            MethodParametersRenamed,
            Impact::Patch,
            "StatusesGet",
        ),
        (
            edited_copy(
                "        added_in: \"1.6.0\"\n        lifecycle: deprecated\n",
                "        added_in: \"1.6.0\"\n        lifecycle: removed\n",
            ),
            MethodLifecycleChanged,
            Impact::Minor,
            "StatusesPin",
        ),
        (
            edited_copy(
                "          - write:accounts\n",
                "          - write:statuses\n",
            ),
            MethodAuthorizationChanged,
            Impact::Major,
            "StatusesPin",
        ),
        (
            edited_copy(
                "        added_in: \"1.6.0\"\n",
                "        added_in: \"1.5.0\"\n",
            ),
            MethodAddedInChanged,
            Impact::Patch,
            "StatusesPin",
        ),
        (
            edited_copy(
                "      - title: Pin a status\n",
                "      - title: Pin a post\n",
            ),
            MethodDocsChanged,
            Impact::Patch,
            "StatusesPin",
        ),
        (
            edited_copy(
                "            error: \"Validation failed: Someone else's post cannot be pinned\"\n",
                "            error: \"Validation failed: Not yours\"\n",
            ),
            MethodErrorMessageChanged,
            Impact::Major,
            "StatusesPin",
        ),
        (
            edited_copy(
                "          - status: 422
            status_text: Unprocessable entity
            error: \"Validation failed: Text can't be blank\"
",
                "          - status: 400
            status_text: Unprocessable entity
            error: \"Validation failed: Text can't be blank\"
",
            ),
            MethodErrorStatusChanged,
            Impact::Major,
            "StatusesCreate",
        ),
    ];
    for (new, kind, impact, subject) in cases {
        let diff = diff_copies(&methods_copy(), &new);
        let change = diff
            .changes
            .iter()
            .find(|c| c.kind == kind)
            .unwrap_or_else(|| panic!("no {kind:?} in {:?}", diff.changes));
        assert_eq!(change.impact(), impact, "{kind:?}");
        assert_eq!(change.subject, subject, "{kind:?}");
        assert!(
            change.page.is_some(),
            "{kind:?}: a method change names its page"
        );
        // And the reverse edit is never a silent no-op.
        assert!(
            !diff_copies(&new, &methods_copy()).changes.is_empty(),
            "{kind:?} reversed"
        );
    }
}

#[test]
fn methods_and_their_errors_added_and_removed() {
    let old = methods_copy();
    let without = old.replacen(
        "        errors:\n          - status: 404\n            status_text: Not found\n            error: Record not found\n",
        "",
        1,
    );
    assert_ne!(without, old);
    let kinds = |diff: &diff::Diff| {
        diff.changes
            .iter()
            .map(|c| (c.kind, c.impact()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        kinds(&diff_copies(&old, &without)),
        [(ChangeKind::MethodErrorRemoved, Impact::Major)]
    );
    assert_eq!(
        kinds(&diff_copies(&without, &old)),
        [(ChangeKind::MethodErrorAdded, Impact::Minor)]
    );

    // A method whose 401 is the only one documenting `invalid_client` takes that reason with it.
    let token = old
        .find("      - title: Obtain a token\n")
        .expect("the token method");
    let end = old[token..]
        .find("  - path: statuses\n")
        .map(|at| token + at)
        .expect("next page");
    let no_token = format!("{}{}", &old[..token], &old[end..]);
    let removed = diff_copies(&old, &no_token);
    let kinds: Vec<_> = removed
        .changes
        .iter()
        .map(|c| (c.kind, c.subject.as_str()))
        .collect();
    assert!(
        kinds.contains(&(ChangeKind::MethodRemoved, "AdminFiltersToken")),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&(ChangeKind::ReasonRemoved, "InvalidClient")),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&(ChangeKind::ReasonRemoved, "InvalidGrant")),
        "{kinds:?}"
    );
    assert_eq!(removed.impact(), Some(Impact::Major));
    let added = diff_copies(&no_token, &old);
    assert!(
        added
            .changes
            .iter()
            .any(|c| c.kind == ChangeKind::MethodAdded && c.subject == "AdminFiltersToken")
    );
    assert_eq!(added.impact(), Some(Impact::Minor));
}

#[test]
fn a_generated_api_module_reads_back_as_its_own_pages() {
    let dir = common::fixture_path("methods/statuses.md");
    let folder = dir.parent().expect("folder");
    let page = common::fixture("seed-000-current.md");
    let module = Config::new()
        .methods(folder)
        .generate_source(&page)
        .expect("generates");
    let diff = diff::diff_generated_api(&module, "module.rs", &page, folder, &Config::new())
        .expect("valid")
        .expect("reads back");
    assert_eq!(diff.changes, [], "a fresh module differs from itself");
    // A stale module shows what changed since.
    let stale = module.replace("\"/api/v1/statuses/:id\"", "\"/api/v1/statuses/:sid\"");
    let diff = diff::diff_generated_api(&stale, "module.rs", &page, folder, &Config::new())
        .expect("valid")
        .expect("reads back");
    let kinds: Vec<_> = diff.changes.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [ChangeKind::MethodParametersRenamed]);
}

/// A stale module's parameters read back: a parameter it had as optional is
/// required in the copy now.
#[test]
fn parameter_changes_in_a_stale_module_are_reported() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let spec = Source::new(
        "spec/error.md",
        std::fs::read_to_string(root.join("spec/error.md")).expect("spec/error.md"),
    );
    let methods = root.join("spec/methods.yaml");
    let module = Config::new()
        .methods(&methods)
        .generate_source(&spec)
        .expect("generates");
    let fresh = diff::diff_generated_api(&module, "module.rs", &spec, &methods, &Config::new())
        .expect("valid")
        .expect("reads back");
    assert_eq!(fresh.changes, [], "a fresh module differs from itself");
    let required = "requirement: Requirement::Required,";
    let stale = module.replacen(required, "requirement: Requirement::Optional,", 1);
    assert_ne!(stale, module, "the module writes a required parameter");
    let diff = diff::diff_generated_api(&stale, "module.rs", &spec, &methods, &Config::new())
        .expect("valid")
        .expect("reads back");
    let kinds: Vec<_> = diff.changes.iter().map(|c| c.kind).collect();
    assert!(!kinds.is_empty());
    assert!(
        kinds
            .iter()
            .all(|kind| *kind == ChangeKind::MethodParamMadeRequired),
        "{kinds:?}"
    );
    assert_eq!(diff.impact(), Some(Impact::Major));
}

/// A module with the rate limits, read back and compared with an edited
/// copy of the rate-limits page: each limit is matched by scope and heading.
#[test]
fn rate_limit_changes_are_reported() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let spec = Source::new(
        "spec/error.md",
        std::fs::read_to_string(root.join("spec/error.md")).expect("spec/error.md"),
    );
    let methods = root.join("spec/methods.yaml");
    let copy = std::fs::read_to_string(root.join("spec/rate-limits.yaml")).expect("the copy");
    let old_module = Config::new()
        .methods(&methods)
        .rate_limits(root.join("spec/rate-limits.yaml"))
        .generate_source(&spec)
        .expect("generates");
    let uploading =
        "    name: Uploading media\n    requests:\n      - POST /api/v1/media\n    count: 30\n";
    assert_eq!(copy.matches(uploading).count(), 1);
    let creating = "  - scope: ip\n    name: Creating accounts\n    requests:\n      - POST /api/v1/accounts\n    count: 5\n    period_seconds: 1800\n";
    assert_eq!(copy.matches(creating).count(), 1);
    let edited = copy
        .replacen(uploading, &uploading.replace("count: 30", "count: 20"), 1)
        .replacen(creating, "", 1);
    let edited_path = std::env::temp_dir().join("mastodon-error-rate-limits-edited.yaml");
    std::fs::write(&edited_path, edited).expect("a temporary file");
    let diff = diff::diff_generated_api(
        &old_module,
        "old.rs",
        &spec,
        &methods,
        Config::new().rate_limits(&edited_path),
    )
    .expect("generates")
    .expect("the old module reads back");
    let changes: Vec<_> = diff
        .changes
        .iter()
        .map(|change| (change.kind, change.subject.as_str(), change.impact()))
        .collect();
    assert_eq!(
        changes,
        [
            (
                ChangeKind::RateLimitChanged,
                "Uploading media (per account)",
                Impact::Minor
            ),
            (
                ChangeKind::RateLimitRemoved,
                "Creating accounts (per ip)",
                Impact::Minor
            ),
        ]
    );
    let text = diff.render(DiffFormat::Text);
    assert!(
        text.contains("rate limit `Uploading media (per account)` changed: 30 calls within 1800 s (POST /api/v1/media) → 20 calls within 1800 s (POST /api/v1/media)"),
        "{text}"
    );

    // Without its reset header the page gives no `RateLimitStatus`: major.
    let reset = "  - name: X-RateLimit-Reset\n";
    assert_eq!(copy.matches(reset).count(), 1);
    std::fs::write(&edited_path, copy.replacen(reset, "", 1)).expect("a temporary file");
    let diff = diff::diff_generated_api(
        &old_module,
        "old.rs",
        &spec,
        &methods,
        Config::new().rate_limits(&edited_path),
    )
    .expect("generates, with a warning")
    .expect("the old module reads back");
    let changes: Vec<_> = diff
        .changes
        .iter()
        .map(|change| (change.kind, change.impact()))
        .collect();
    assert_eq!(
        changes,
        [(ChangeKind::RateLimitHeadersChanged, Impact::Major)]
    );
}

/// The real methods copy, and the copy with one line edited.
fn spec_copy() -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    std::fs::read_to_string(root.join("spec/methods.yaml")).expect("spec/methods.yaml")
}

fn diff_spec_copies(old: &str, new: &str) -> diff::Diff {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let error_page = Source::new(
        "spec/error.md",
        std::fs::read_to_string(root.join("spec/error.md")).expect("spec/error.md"),
    );
    diff::diff_api_copies(
        &error_page,
        &Source::new("old.yaml", old),
        &Source::new("new.yaml", new),
        &Config::new(),
    )
    .unwrap_or_else(|e| panic!("{}", e.render()))
}

/// Each kind of parameter change, made by editing one parameter's line of the
/// real copy: its kind, impact and subject, and a reverse that is never silent.
#[test]
fn each_kind_of_parameter_change_has_its_impact() {
    use ChangeKind::*;
    let copy = spec_copy();
    let edited = |old: &str, new: &str| {
        assert_eq!(copy.matches(old).count(), 1, "{old:?} must occur once");
        copy.replacen(old, new, 1)
    };
    let reason = "          - {name: reason, in: form, type: string, added_in: \"3.0.0\"}\n";
    let cases: Vec<(String, ChangeKind, Impact, &str)> = vec![
        (
            edited(reason, ""),
            MethodParamRemoved,
            Impact::Major,
            "form reason",
        ),
        (
            edited(
                reason,
                &format!("{reason}          - {{name: nickname, in: form, type: string}}\n"),
            ),
            MethodParamAdded,
            Impact::Minor,
            "form nickname",
        ),
        (
            edited(
                reason,
                &format!(
                    "{reason}          - {{name: nickname, in: form, type: string, required: true}}\n"
                ),
            ),
            MethodParamAddedRequired,
            Impact::Major,
            "form nickname",
        ),
        (
            edited(
                "{name: reason, in: form, type: string, added_in",
                "{name: reason, in: query, type: string, added_in",
            ),
            MethodParamMoved,
            Impact::Major,
            "query reason",
        ),
        (
            edited(
                "{name: agreement, in: form, type: boolean,",
                "{name: agreement, in: form, type: string,",
            ),
            MethodParamRetyped,
            Impact::Major,
            "form agreement",
        ),
        (
            edited(
                "{name: reason, in: form, type: string, added_in",
                "{name: reason, in: form, type: string, required: true, added_in",
            ),
            MethodParamMadeRequired,
            Impact::Major,
            "form reason",
        ),
        (
            edited(
                "{name: status, in: form, type: string, required_unless: [\"media_ids[]\"]}",
                "{name: status, in: form, type: string}",
            ),
            MethodParamMadeOptional,
            Impact::Minor,
            "form status",
        ),
        (
            edited(
                "required if the server has a minimum age requirement.",
                "required if the server has a minimum age.",
            ),
            MethodParamConditionChanged,
            Impact::Minor,
            "form date_of_birth",
        ),
        (
            edited(
                "values: [public, unlisted, private]}",
                "values: [public, unlisted, private, direct]}",
            ),
            MethodParamValueAdded,
            Impact::Minor,
            "form source[privacy]",
        ),
        (
            edited(
                "values: [public, unlisted, private]}",
                "values: [public, private]}",
            ),
            MethodParamValueRemoved,
            Impact::Major,
            "form source[privacy]",
        ),
        (
            edited(
                "{name: pinned, in: query, type: boolean, default: \"false\",",
                "{name: pinned, in: query, type: boolean, default: \"true\",",
            ),
            MethodParamDefaultChanged,
            Impact::Minor,
            "query pinned",
        ),
        (
            edited(
                "{name: reason, in: form, type: string, added_in: \"3.0.0\"}",
                "{name: reason, in: form, type: string, added_in: \"3.1.0\"}",
            ),
            MethodParamAddedInChanged,
            Impact::Patch,
            "form reason",
        ),
        (
            edited(
                "{name: reason, in: form, type: string, added_in",
                "{name: reason, in: form, type: string, deprecated: true, added_in",
            ),
            MethodParamLifecycleChanged,
            Impact::Minor,
            "form reason",
        ),
    ];
    for (new, kind, impact, param) in cases {
        let diff = diff_spec_copies(&copy, &new);
        let [change] = &diff.changes[..] else {
            panic!("{kind:?}: one change expected, got {:?}", diff.changes);
        };
        assert_eq!((change.kind, change.impact()), (kind, impact));
        assert!(
            change.subject.ends_with(&format!(" {param}")),
            "{kind:?}: {}",
            change.subject
        );
        assert!(change.page.is_some(), "{kind:?} names its page");
        assert!(
            !diff_spec_copies(&new, &copy).changes.is_empty(),
            "{kind:?} reversed"
        );
    }
}
