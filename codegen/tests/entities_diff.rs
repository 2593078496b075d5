//! The semantic diff of the entity pages: every kind of change on a small
//! hand-written copy (`fixtures/entities/base.yaml`), edited one fact at a
//! time, with its semver impact and its sentence. The real pages are in
//! `tests/corpus/entities.rs`.

use std::path::PathBuf;

use mastodon_error_codegen::diff::{self, ChangeKind, DiffFormat, Impact};
use mastodon_error_codegen::{Config, Level};

const BASE: &str = include_str!("fixtures/entities/base.yaml");

/// The base copy with `old` replaced by `new`, which must occur once.
fn edited(old: &str, new: &str) -> String {
    assert_eq!(BASE.matches(old).count(), 1, "{old:?} must occur once");
    BASE.replacen(old, new, 1)
}

/// Writes both copies to a scratch folder named `name` and diffs them.
fn diff_copies(name: &str, old: &str, new: &str) -> diff::Diff {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("entities-diff")
        .join(name.replace(|c: char| !c.is_ascii_alphanumeric(), "-"));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let (old_path, new_path) = (dir.join("old.yaml"), dir.join("new.yaml"));
    std::fs::write(&old_path, old).expect("write");
    std::fs::write(&new_path, new).expect("write");
    diff::diff_entities(&old_path, &new_path, &Config::new())
        .unwrap_or_else(|error| panic!("{name}: {}", error.render()))
}

/// `(kind, subject, the change's line in the text form)` of each change.
fn summary(diff: &diff::Diff) -> Vec<(ChangeKind, String, String)> {
    let text = diff.render(DiffFormat::Text);
    let lines: Vec<&str> = text.lines().skip(2).collect();
    assert_eq!(lines.len(), diff.changes.len(), "{text}");
    diff.changes
        .iter()
        .zip(lines)
        .map(|(change, line)| {
            let sentence = line
                .split_once(change.impact().as_str())
                .map_or(line, |(_, rest)| rest)
                .trim();
            (change.kind, change.subject.clone(), sentence.to_owned())
        })
        .collect()
}

const QUOTE: &str = "          - name: quote\n            type: one_of(Quote, ShallowQuote)\n            nullable: true\n";
const STATUS_END: &str =
    "          - name: text\n            type: string\n            optional: true\n";

#[test]
fn each_kind_of_change_has_its_impact() {
    use ChangeKind::*;
    type Expected = (ChangeKind, Impact, &'static str, &'static str);
    let cases: Vec<(&str, String, Vec<Expected>)> = vec![
        (
            "entity added",
            format!(
                "{BASE}  - file: Tag\n    entities:\n      - name: Tag\n        attributes:\n          - name: name\n            type: string\n          - name: url\n            type: string(url)\n"
            ),
            vec![(
                EntityAdded,
                Impact::Minor,
                "Tag",
                "entity `Tag` added (2 attributes)",
            )],
        ),
        (
            "entity removed",
            edited(
                "  - file: Application\n    entities:\n      - name: Application\n        attributes:\n          - name: name\n            type: string\n          - name: website\n            type: string(url)\n            nullable: true\n",
                "",
            ),
            vec![(
                EntityRemoved,
                Impact::Major,
                "Application",
                "entity `Application` removed (had 2 attributes)",
            )],
        ),
        (
            "attribute added",
            edited(STATUS_END, &format!("{STATUS_END}{QUOTE}")),
            vec![(
                EntityAttributeAdded,
                Impact::Minor,
                "Status.quote",
                "`Status`: attribute `quote` added (`one_of(Quote, ShallowQuote)`, nullable)",
            )],
        ),
        (
            "attribute removed",
            edited(
                "          - name: statuses_count\n            type: integer\n",
                "",
            ),
            vec![(
                EntityAttributeRemoved,
                Impact::Major,
                "Account.statuses_count",
                "`Account`: attribute `statuses_count` removed (was `integer`)",
            )],
        ),
        (
            "attribute removed, with its flags",
            edited(
                "          - name: moved\n            type: entity(Account)\n            nullable: true\n            optional: true\n",
                "",
            ),
            vec![(
                EntityAttributeRemoved,
                Impact::Major,
                "Account.moved",
                "`Account`: attribute `moved` removed (was `entity(Account)`, nullable, optional)",
            )],
        ),
        (
            "attribute retyped",
            edited(
                "          - name: statuses_count\n            type: integer\n",
                "          - name: statuses_count\n            type: float\n",
            ),
            vec![(
                EntityAttributeRetyped,
                Impact::Major,
                "Account.statuses_count",
                "`Account`: attribute `statuses_count` retyped: `integer` → `float`",
            )],
        ),
        (
            "attribute retyped into an open enum",
            edited(
                "          - name: language\n            type: string\n",
                "          - name: language\n            type: string(enum)\n            values:\n              - en\n              - de\n",
            ),
            vec![(
                EntityAttributeRetyped,
                Impact::Major,
                "Status.language",
                "`Status`: attribute `language` retyped: `string` → `string(enum)`",
            )],
        ),
        (
            "attribute retyped out of an open enum",
            edited(
                "          - name: visibility\n            type: string(enum)\n",
                "          - name: visibility\n            type: string\n",
            ),
            vec![(
                EntityAttributeRetyped,
                Impact::Major,
                "Status.visibility",
                "`Status`: attribute `visibility` retyped: `string(enum)` → `string`",
            )],
        ),
        (
            "a hash gains its first documented key: a struct instead of Json",
            edited(
                "          - name: emojis\n            type: hash\n",
                "          - name: emojis\n            type: hash\n          - name: emojis[shortcode]\n            type: string\n",
            ),
            vec![
                (
                    EntityAttributeRetyped,
                    Impact::Major,
                    "Account.emojis",
                    "`Account`: attribute `emojis` retyped: `hash` → `hash with keys`",
                ),
                (
                    EntityAttributeAdded,
                    Impact::Minor,
                    "Account.emojis[shortcode]",
                    "`Account`: attribute `emojis[shortcode]` added (`string`)",
                ),
            ],
        ),
        (
            "a one_of gains an alternative",
            edited(
                "          - name: account\n            type: entity(Account)\n",
                "          - name: account\n            type: one_of(Account, Application)\n",
            ),
            vec![(
                EntityAttributeRetyped,
                Impact::Major,
                "Status.account",
                "`Status`: attribute `account` retyped: `entity(Account)` → `one_of(Account, Application)`",
            )],
        ),
        (
            "a string's format: the same Rust type",
            edited(
                "          - name: url\n            anchor: url\n            type: string(url)\n",
                "          - name: url\n            anchor: url\n            type: string(datetime)\n",
            ),
            vec![(
                EntityAttributeFormatChanged,
                Impact::Patch,
                "Account.url",
                "`Account`: attribute `url` type: `string(url)` → `string(datetime)` (the same Rust type)",
            )],
        ),
        (
            "made nullable",
            edited(
                "            type: string(url)\n            history:\n              - 0.1.0 - added\n",
                "            type: string(url)\n            nullable: true\n            history:\n              - 0.1.0 - added\n",
            ),
            vec![(
                EntityAttributeNullability,
                Impact::Major,
                "Account.url",
                "`Account`: attribute `url` made nullable (was not nullable)",
            )],
        ),
        (
            "made not nullable",
            edited(
                "          - name: language\n            type: string\n            nullable: true\n",
                "          - name: language\n            type: string\n",
            ),
            vec![(
                EntityAttributeNullability,
                Impact::Major,
                "Status.language",
                "`Status`: attribute `language` made not nullable (was nullable)",
            )],
        ),
        (
            "made optional",
            edited(
                "          - name: note\n            type: string(html)\n",
                "          - name: note\n            type: string(html)\n            optional: true\n",
            ),
            vec![(
                EntityAttributeOptionality,
                Impact::Major,
                "Account.note",
                "`Account`: attribute `note` made optional (was required)",
            )],
        ),
        (
            "made required",
            edited(
                "          - name: source\n            type: hash\n            optional: true\n",
                "          - name: source\n            type: hash\n",
            ),
            vec![(
                EntityAttributeOptionality,
                Impact::Major,
                "Account.source",
                "`Account`: attribute `source` made required (was optional)",
            )],
        ),
        (
            "enumerated value added",
            edited(
                "              - private\n              - direct\n",
                "              - private\n              - direct\n              - local\n",
            ),
            vec![(
                EntityValueAdded,
                Impact::Minor,
                "Status.visibility",
                "`Status`: attribute `visibility` value `local` added",
            )],
        ),
        (
            "enumerated value removed",
            edited(
                "              - private\n              - direct\n",
                "              - private\n",
            ),
            vec![(
                EntityValueRemoved,
                Impact::Major,
                "Status.visibility",
                "`Status`: attribute `visibility` value `direct` removed",
            )],
        ),
        (
            "a nested attribute's value removed",
            edited(
                "              - private\n          - name: emojis\n",
                "          - name: emojis\n",
            ),
            vec![(
                EntityValueRemoved,
                Impact::Major,
                "Account.source[privacy]",
                "`Account`: attribute `source[privacy]` value `private` removed",
            )],
        ),
        (
            "deprecated",
            edited(
                "          - name: note\n            type: string(html)\n",
                "          - name: note\n            type: string(html)\n            lifecycle: deprecated\n",
            ),
            vec![(
                EntityAttributeLifecycle,
                Impact::Minor,
                "Account.note",
                "`Account`: attribute `note` current → deprecated in the docs",
            )],
        ),
        (
            "extends changed",
            edited("        extends: Account\n", ""),
            vec![(
                EntityExtendsChanged,
                Impact::Major,
                "CredentialAccount",
                "entity `CredentialAccount` extends: `Account` → `none`",
            )],
        ),
        (
            "a docs defect fixed",
            edited(
                "    lints:\n      - lint: example-contradicts-table\n        at: entities/Account.md:37:1\n        message: \"the example of Account contradicts its table in 1 place: `uri` is missing, and the table does not say it is optional\"\n        outcome: the type follows the table\n",
                "",
            ),
            vec![(
                LintCleared,
                Impact::Patch,
                "example-contradicts-table",
                "docs defect `example-contradicts-table` fixed upstream: the example of Account contradicts its table in 1 place: `uri` is missing, and the table does not say it is optional",
            )],
        ),
        (
            "a docs defect's message changed",
            edited(
                "in 1 place: `uri` is missing",
                "in 1 place: `url` is missing",
            ),
            vec![
                (
                    LintFired,
                    Impact::Patch,
                    "example-contradicts-table",
                    "docs defect `example-contradicts-table` appeared: the example of Account contradicts its table in 1 place: `url` is missing, and the table does not say it is optional",
                ),
                (
                    LintCleared,
                    Impact::Patch,
                    "example-contradicts-table",
                    "docs defect `example-contradicts-table` fixed upstream: the example of Account contradicts its table in 1 place: `uri` is missing, and the table does not say it is optional",
                ),
            ],
        ),
    ];
    for (name, new, expected) in cases {
        let diff = diff_copies(name, BASE, &new);
        let got = summary(&diff);
        let want: Vec<(ChangeKind, String, String)> = expected
            .iter()
            .map(|(kind, _, subject, sentence)| {
                (*kind, (*subject).to_owned(), (*sentence).to_owned())
            })
            .collect();
        assert_eq!(got, want, "{name}");
        for (change, (kind, impact, _, _)) in diff.changes.iter().zip(&expected) {
            assert_eq!(change.impact(), *impact, "{name}: {kind:?}");
            assert_eq!(kind.impact(), *impact, "{name}: {kind:?}");
        }
        let page = diff.changes[0].page.as_deref().unwrap_or_default();
        assert!(page.starts_with("entities/"), "{name}: page {page:?}");
    }
}

#[test]
fn every_entity_kind_has_a_snake_case_name() {
    use ChangeKind::*;
    let kinds = [
        (EntityAdded, "entity_added", Impact::Minor),
        (EntityRemoved, "entity_removed", Impact::Major),
        (
            EntityAttributeAdded,
            "entity_attribute_added",
            Impact::Minor,
        ),
        (
            EntityAttributeRemoved,
            "entity_attribute_removed",
            Impact::Major,
        ),
        (
            EntityAttributeRetyped,
            "entity_attribute_retyped",
            Impact::Major,
        ),
        (
            EntityAttributeFormatChanged,
            "entity_attribute_format_changed",
            Impact::Patch,
        ),
        (
            EntityAttributeNullability,
            "entity_attribute_nullability",
            Impact::Major,
        ),
        (
            EntityAttributeOptionality,
            "entity_attribute_optionality",
            Impact::Major,
        ),
        (EntityValueAdded, "entity_value_added", Impact::Minor),
        (EntityValueRemoved, "entity_value_removed", Impact::Major),
        (
            EntityAttributeLifecycle,
            "entity_attribute_lifecycle",
            Impact::Minor,
        ),
        (
            EntityExtendsChanged,
            "entity_extends_changed",
            Impact::Major,
        ),
    ];
    for (kind, name, impact) in kinds {
        assert_eq!(kind.as_str(), name);
        assert_eq!(kind.impact(), impact, "{name}");
    }
}

/// What the docs change without changing the module is not reported: the
/// version history, anchors, the order of values, a lint's line.
#[test]
fn history_anchors_order_and_lint_lines_are_not_changes() {
    let new = edited("              - 0.1.0 - added\n          - name: url\n            anchor: url\n", "              - 0.1.0 - added\n              - 4.0.0 - now a snowflake\n          - name: url\n            anchor: the-url\n")
        .replacen(
            "              - public\n              - unlisted\n              - private\n              - direct\n",
            "              - direct\n              - public\n              - unlisted\n              - private\n",
            1,
        )
        .replacen("at: entities/Account.md:37:1", "at: entities/Account.md:52:1", 1);
    assert_ne!(new, BASE);
    let diff = diff_copies("no change", BASE, &new);
    assert_eq!(diff.changes, Vec::new());
    assert_eq!(diff.impact(), None);
    assert!(diff.render(DiffFormat::Text).ends_with(
        "semver impact: none (no change to reasons, statuses, messages or attributes)\n"
    ));
}

/// Entities match by name wherever they are: one moved to another page is
/// no change, and a renamed one is one removed and one added.
#[test]
fn entities_match_by_name() {
    let moved = edited(
        "      - name: Account::Field\n        anchor: Field\n        attributes:\n          - name: name\n            type: string\n          - name: value\n            type: string(html)\n",
        "",
    )
    .replacen(
        "  - file: Application\n",
        "  - file: Field\n    entities:\n      - name: Account::Field\n        attributes:\n          - name: name\n            type: string\n          - name: value\n            type: string(html)\n  - file: Application\n",
        1,
    );
    assert_eq!(diff_copies("moved", BASE, &moved).changes, Vec::new());

    let renamed = BASE
        .replace("Account::Field", "Account::ProfileField")
        .replacen("anchor: Field\n", "anchor: ProfileField\n", 1);
    let diff = diff_copies("renamed", BASE, &renamed);
    let kinds: Vec<(ChangeKind, &str)> = diff
        .changes
        .iter()
        .map(|change| (change.kind, change.subject.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (ChangeKind::EntityAttributeRetyped, "Account.fields"),
            (ChangeKind::EntityAdded, "Account::ProfileField"),
            (ChangeKind::EntityRemoved, "Account::Field"),
        ]
    );
    assert_eq!(diff.impact(), Some(Impact::Major));
}

/// An attribute added to an entity that others extend shows once, on it.
#[test]
fn an_attribute_of_an_extended_entity_shows_once() {
    let new = edited(
        "          - name: statuses_count\n            type: integer\n",
        "          - name: statuses_count\n            type: integer\n          - name: followers_count\n            type: integer\n",
    );
    let diff = diff_copies("extended", BASE, &new);
    let subjects: Vec<&str> = diff.changes.iter().map(|c| c.subject.as_str()).collect();
    assert_eq!(subjects, ["Account.followers_count"]);
}

#[test]
fn markdown_and_json_name_the_entity_pages() {
    let new = edited(STATUS_END, &format!("{STATUS_END}{QUOTE}")).replacen(
        "              - direct\n",
        "",
        1,
    );
    let diff = diff_copies("formats", BASE, &new);
    let markdown = diff.render(DiffFormat::Markdown);
    assert!(markdown.starts_with("#### Entity pages: `"), "{markdown}");
    assert!(
        markdown.contains("**Semver impact: major** (1 major, 1 minor, 0 patch)"),
        "{markdown}"
    );
    assert!(
        markdown.contains(
            "| minor | `Status`: attribute `quote` added (`one_of(Quote, ShallowQuote)`, nullable) |"
        ),
        "{markdown}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&diff.render(DiffFormat::Json)).expect("JSON");
    // In the entity's attribute order: `visibility`, then `quote`.
    assert_eq!(json["changes"][0]["kind"], "entity_value_removed");
    assert_eq!(json["changes"][0]["old"], "direct");
    let added = &json["changes"][1];
    assert_eq!(added["kind"], "entity_attribute_added");
    assert_eq!(added["subject"], "Status.quote");
    assert_eq!(added["page"], "entities/Status");
    assert_eq!(added["new"], "one_of(Quote, ShallowQuote), nullable");
    assert_eq!(json["impact"], "major");
}

/// A lint the configuration denies fails the diff, as it fails generation.
#[test]
fn a_denied_lint_fails_the_diff() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("entities-diff/denied");
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join("base.yaml");
    std::fs::write(&path, BASE).expect("write");
    let mut config = Config::new();
    assert!(diff::diff_entities(&path, &path, &config).is_ok());
    config.lint("example-contradicts-table", Level::Deny);
    let error = diff::diff_entities(&path, &path, &config).expect_err("denied");
    assert!(
        error
            .render()
            .contains("the example of Account contradicts its table"),
        "{}",
        error.render()
    );
}

/// Every entity change's impact follows from its kind, and the diff's is
/// the largest.
#[test]
fn the_diff_impact_is_the_largest() {
    let new = format!(
        "{}  - file: Tag\n    entities:\n      - name: Tag\n        attributes: []\n",
        edited(
            "          - name: note\n            type: string(html)\n",
            "          - name: note\n            type: string\n",
        )
    );
    let diff = diff_copies("largest", BASE, &new);
    let impacts: Vec<Impact> = diff.changes.iter().map(|c| c.impact()).collect();
    assert_eq!(impacts, [Impact::Patch, Impact::Minor]);
    assert_eq!(diff.impact(), Some(Impact::Minor));
}
