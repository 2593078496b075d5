//! The semantic diff: every kind of change with its semver impact, every
//! consecutive pair of historical pages, pinned summaries for real pairs,
//! the three output forms, and reading a generated module back.

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

fn page_source(path: &std::path::Path) -> Source {
    Source::new(
        common::page_label(path),
        std::fs::read_to_string(path).expect("page"),
    )
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
fn every_consecutive_corpus_pair_diffs_cleanly_both_ways() {
    let pages = common::corpus_pages();
    assert!(pages.len() >= 2);
    for pair in pages.windows(2) {
        let (old, new) = (page_source(&pair[0]), page_source(&pair[1]));
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

fn corpus_pair(old: &str, new: &str) -> diff::Diff {
    let find = |prefix: &str| {
        common::corpus_pages()
            .into_iter()
            .find(|path| common::page_label(path).starts_with(prefix))
            .unwrap_or_else(|| panic!("no corpus page {prefix}*"))
    };
    diff::diff(
        &page_source(&find(old)),
        &page_source(&find(new)),
        &Config::new(),
    )
    .expect("both pages are valid")
}

#[test]
fn pinned_summaries_of_real_history() {
    for (old, new) in [
        ("2020-01-01", "2020-01-12"),
        ("2022-04-28", "2022-09-23"),
        ("2025-06-25", "2025-11-21"),
    ] {
        let diff = corpus_pair(old, new);
        insta::assert_snapshot!(format!("{old}_to_{new}"), diff.render(DiffFormat::Text));
    }
    let diff = corpus_pair("2022-04-28", "2022-09-23");
    insta::assert_snapshot!(
        "2022-04-28_to_2022-09-23_json",
        diff.render(DiffFormat::Json)
    );
}

/// The README shows the real Markdown summary for 2022-04-28 → 2022-09-23;
/// this keeps it true.
#[test]
fn the_readme_example_is_the_real_output() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .expect("README");
    let markdown = corpus_pair("2022-04-28", "2022-09-23").render(DiffFormat::Markdown);
    assert!(
        readme.contains(&format!("```markdown\n{markdown}```\n")),
        "README's example is stale; it should read:\n{markdown}"
    );
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
fn a_generated_module_and_a_yaml_copy_match_their_page() {
    for path in common::readable_pages() {
        let page = page_source(&path);
        let module = Config::new()
            .generate_source(&page)
            .expect("page generates");
        let diff = diff::diff_generated(&module, "module.rs", &page, &Config::new())
            .expect("page is valid")
            .unwrap_or_else(|| panic!("{}: the module does not read back", page.name()));
        assert_eq!(diff.changes, [], "{}", page.name());

        let copy_name = format!("{}.yaml", page.name());
        let copy = Config::new()
            .export_yaml_source(&page, Some(&copy_name))
            .expect("exports");
        let diff =
            diff::diff(&page, &Source::new(copy_name, copy), &Config::new()).expect("both valid");
        assert_eq!(
            diff.changes,
            [],
            "{}: the page and its YAML copy",
            page.name()
        );
    }
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
