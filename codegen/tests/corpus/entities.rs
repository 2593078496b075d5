//! The entity pages of every pinned snapshot: they generate, the modules
//! compile clean with and without serde, and every JSON example of every
//! page deserializes into its generated type and serializes back to the same
//! JSON, or is an example the generator linted. And the semantic diff of
//! two snapshots names what the docs changed.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::{Path, PathBuf};

use mastodon_error_codegen::diff::{self, ChangeKind, DiffFormat, Impact};
use mastodon_error_codegen::model::entities::EntitySpec;
use mastodon_error_codegen::{Config, entity_example_json, read_entities};

use crate::Suite;
use crate::common::corpus::pinned_under;
use crate::common::scratch::{cargo, compiles_clean, write};

pub fn add(suite: &mut Suite) {
    suite.corpus_trial(
        "entities::every_snapshot_generates_and_its_examples_round_trip".to_owned(),
        every_snapshot_generates_and_its_examples_round_trip,
    );
    suite.corpus_trial(
        "entities::the_2025_to_2026_diff_names_the_real_changes".to_owned(),
        the_2025_to_2026_diff_names_the_real_changes,
    );
}

/// Each snapshot's entities, attributes and examples, as docs/entities.md's table gives them.
const FIGURES: [(&str, usize, usize, usize); 3] = [
    ("2022-12-14_ffbe66a3", 64, 489, 83),
    ("2025-11-21_42184ef1", 84, 617, 94),
    ("2026-07-02_2903485d", 97, 711, 105),
];

/// The snapshots of `entities/`, as pinned.
fn snapshots() -> Vec<String> {
    let snapshots: BTreeSet<String> = pinned_under("entities")
        .iter()
        .filter_map(|pinned| pinned.split('/').nth(1).map(str::to_owned))
        .collect();
    snapshots.into_iter().collect()
}

fn every_snapshot_generates_and_its_examples_round_trip(root: &Path) {
    let snapshots = snapshots();
    assert_eq!(snapshots.len(), 3, "three pinned snapshots: {snapshots:?}");
    let project = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("corpus-entities");
    let _ = std::fs::remove_dir_all(project.join("src"));
    let mut lib = String::from("#![forbid(unsafe_code)]\n//! The entities of each snapshot.\n");
    let mut examples = Vec::new();
    for (index, snapshot) in snapshots.iter().enumerate() {
        let dir = root.join("entities").join(snapshot);
        let generated = Config::new()
            .generate_entities_report(&dir)
            .unwrap_or_else(|error| panic!("{snapshot}: {}", error.render()));
        let spec = read_entities(&dir).expect("read again");
        let counts = Counts::of(&spec);
        let figures = FIGURES
            .iter()
            .find(|(pinned, ..)| pinned == snapshot)
            .map(|&(_, entities, attributes, examples)| (entities, attributes, examples));
        assert_eq!(
            Some((counts.entities, counts.attributes, counts.examples)),
            figures,
            "{snapshot}: the figures of docs/entities.md's table"
        );
        let module = format!("snapshot_{index}");
        write(&project.join(format!("src/{module}.rs")), &generated.code);
        writeln!(lib, "/// From `entities/{snapshot}`.\npub mod {module};").unwrap();
        for page in &spec.pages {
            for example in &page.examples {
                let linted = page.lints.iter().any(|record| record.span == example.span);
                examples.push((
                    module.clone(),
                    example.entity.clone(),
                    entity_example_json(&example.json),
                    format!("{snapshot}/{}.md", page.file),
                    linted,
                ));
            }
        }
        eprintln!("{snapshot}: {counts:?}");
    }
    write(&project.join("src/lib.rs"), &lib);
    write(&project.join("src/main.rs"), &runner(snapshots.len()));
    write(
        &project.join("Cargo.toml"),
        "[package]\nname = \"corpus-entities\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\nserde = { version = \"1\", features = [\"derive\"] }\nserde_json = \"1\"\n\n[[bin]]\nname = \"round-trip\"\npath = \"src/main.rs\"\n\n[workspace]\n",
    );
    // The entities always derive serde: clippy, tests and rustdoc with it.
    compiles_clean(&project);

    let input: Vec<(String, String, String)> = examples
        .iter()
        .map(|(module, entity, json, _, _)| (module.clone(), entity.clone(), json.clone()))
        .collect();
    let list = project.join("examples.json");
    std::fs::write(&list, serde_json::to_string(&input).unwrap()).unwrap();
    let run = cargo(
        &project,
        &[
            &["run", "--bin", "round-trip", "--offline", "--quiet"][..],
            &["--", list.to_str().unwrap()],
        ]
        .concat(),
        &[],
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stdout = String::from_utf8_lossy(&run.stdout);
    let mut passed = 0;
    let mut unexplained = Vec::new();
    let mut explained = 0;
    for line in stdout.lines() {
        let mut fields = line.splitn(3, '\t');
        let (verdict, index) = (fields.next().unwrap(), fields.next().unwrap());
        let (_, entity, _, page, linted) = &examples[index.parse::<usize>().unwrap()];
        match verdict {
            "ok" => passed += 1,
            _ if *linted => explained += 1,
            _ => unexplained.push(format!("{page}: {entity}: {}", fields.next().unwrap_or(""))),
        }
    }
    assert_eq!(
        passed + explained + unexplained.len(),
        examples.len(),
        "{stdout}"
    );
    eprintln!(
        "examples: {} in all, {passed} round-trip, {explained} fail and are linted",
        examples.len()
    );
    assert!(
        unexplained.is_empty(),
        "examples that fail without a lint:\n{}",
        unexplained.join("\n")
    );
    assert_eq!(
        (examples.len(), passed, explained),
        (282, 187, 95),
        "the figures of docs/entities.md"
    );
}

#[derive(Debug)]
struct Counts {
    entities: usize,
    attributes: usize,
    examples: usize,
}

impl Counts {
    fn of(spec: &EntitySpec) -> Counts {
        Counts {
            entities: spec.entities().count(),
            attributes: spec
                .entities()
                .map(|(_, entity)| entity.attributes.len())
                .sum(),
            examples: spec.pages.iter().map(|page| page.examples.len()).sum(),
        }
    }
}

/// A program that reads each example with its generated type, found by name
/// as `Endpoint::returns()` names it, and checks that it serializes back to
/// the same JSON: keys in any order, an absent key against an absent key or
/// (for an optional field written back absent) nothing else, and numbers by
/// value, as a `Float` field writes `0` back as `0.0`.
fn runner(modules: usize) -> String {
    let mut dispatch = String::new();
    for index in 0..modules {
        writeln!(
            dispatch,
            "        \"snapshot_{index}\" => {{\n            let kind = corpus_entities::snapshot_{index}::EntityKind::from_name(entity).ok_or(\"no such entity\")?;\n            let read = kind.deserialize(value).map_err(|e| e.to_string())?;\n            serde_json::to_value(&read).map_err(|e| e.to_string())\n        }}"
        )
        .unwrap();
    }
    format!(
        r#"//! Round-trips the docs' examples.
use serde_json::Value;

fn same(a: &Value, b: &Value) -> bool {{
    match (a, b) {{
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y)),
        (Value::Object(x), Value::Object(y)) => x.len() == y.len() && x.iter().all(|(key, value)| y.get(key).is_some_and(|other| same(value, other))),
        _ => a == b,
    }}
}}

fn read(module: &str, entity: &str, value: &Value) -> Result<Value, String> {{
    match module {{
{dispatch}        _ => Err("no such module".to_owned()),
    }}
}}

fn check(module: &str, entity: &str, value: &Value) -> Result<(), String> {{
    let back = read(module, entity, value)?;
    if same(value, &back) {{ Ok(()) }} else {{ Err(format!("serialized back as {{back}}")) }}
}}

fn main() {{
    let path = std::env::args().nth(1).expect("examples file");
    let examples: Vec<(String, String, String)> =
        serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("list");
    for (index, (module, entity, json)) in examples.iter().enumerate() {{
        let verdict = match serde_json::from_str::<Value>(json) {{
            Err(error) => Err(format!("not JSON: {{error}}")),
            // A list method's example is an array of the entity.
            Ok(Value::Array(items)) => items.iter().try_for_each(|item| check(module, entity, item)),
            Ok(value) => check(module, entity, &value),
        }};
        match verdict {{
            Ok(()) => println!("ok\t{{index}}"),
            Err(why) => println!("fail\t{{index}}\t{{}}", why.replace(['\n', '\t'], " ")),
        }}
    }}
}}
"#
    )
}

const OLDER: &str = "2025-11-21_42184ef1";
const NEWER: &str = "2026-07-02_2903485d";

/// The diff of two snapshots' entity folders, named as the corpus names them.
fn entities_pair(root: &Path, old: &str, new: &str) -> diff::Diff {
    let mut diff = diff::diff_entities(
        &root.join("entities").join(old),
        &root.join("entities").join(new),
        &Config::new(),
    )
    .unwrap_or_else(|e| panic!("{old} → {new}:\n{}", e.render()));
    diff.old_name = format!("entities/{old}");
    diff.new_name = format!("entities/{new}");
    diff
}

/// 2025-11-21 → 2026-07-02, checked against the pages themselves: the
/// Collections entities are new (`Collection.md`, `CollectionItem.md`),
/// `EncryptedMessage.md` is gone, `Account` gained `avatar_description`
/// (`### \`avatar_description\``, "4.6.0 - added"), `Status` gained
/// `tagged_collections`, and `Notification`'s `type` gained
/// `added_to_collection` and `collection_update`. The one major change is
/// the removed entity. Reversed, every change is its opposite; and a YAML
/// copy of the older pages diffs as the pages do.
fn the_2025_to_2026_diff_names_the_real_changes(root: &Path) {
    let forward = entities_pair(root, OLDER, NEWER);
    let text = forward.render(DiffFormat::Text);
    assert_eq!(forward.impact(), Some(Impact::Major), "{text}");
    for line in [
        "  minor  entity `Collection` added (15 attributes)\n",
        "  minor  entity `CollectionItem` added (4 attributes)\n",
        "  minor  `Account`: attribute `avatar_description` added (`string`)\n",
        "  minor  `Status`: attribute `tagged_collections` added (`array(entity(Collection))`)\n",
        "  minor  `Notification`: attribute `type` value `added_to_collection` added\n",
        "  minor  `Notification`: attribute `type` value `collection_update` added\n",
        "  minor  `Notification`: attribute `collection` added (`entity(Collection)`, optional)\n",
        "  major  entity `EncryptedMessage` removed (had 8 attributes)\n",
    ] {
        assert!(text.contains(line), "{line}:\n{text}");
    }
    let collection = forward
        .changes
        .iter()
        .find(|change| change.subject == "Collection")
        .expect("Collection added");
    assert_eq!(collection.page.as_deref(), Some("entities/Collection"));

    // Every entity change, by kind; the docs defects come and go besides.
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for change in &forward.changes {
        if !matches!(change.kind, ChangeKind::LintFired | ChangeKind::LintCleared) {
            *counts.entry(change.kind.as_str()).or_default() += 1;
        }
    }
    assert_eq!(
        counts,
        BTreeMap::from([
            ("entity_added", 14),
            ("entity_attribute_added", 23),
            ("entity_removed", 1),
            ("entity_value_added", 2),
        ]),
        "{text}"
    );
    let majors: Vec<&str> = forward
        .changes
        .iter()
        .filter(|change| change.impact() == Impact::Major)
        .map(|change| change.subject.as_str())
        .collect();
    assert_eq!(majors, ["EncryptedMessage"], "{text}");

    // Backward, each change is reported as its opposite.
    let backward = entities_pair(root, NEWER, OLDER);
    let reverse = |kind: ChangeKind| {
        use ChangeKind::*;
        match kind {
            EntityAdded => EntityRemoved,
            EntityRemoved => EntityAdded,
            EntityAttributeAdded => EntityAttributeRemoved,
            EntityAttributeRemoved => EntityAttributeAdded,
            EntityValueAdded => EntityValueRemoved,
            EntityValueRemoved => EntityValueAdded,
            LintFired => LintCleared,
            LintCleared => LintFired,
            other => other,
        }
    };
    let key = |change: &diff::Change, kind: ChangeKind, swap: bool| {
        let (before, after) = if swap {
            (change.new.clone(), change.old.clone())
        } else {
            (change.old.clone(), change.new.clone())
        };
        (
            kind.as_str(),
            change.subject.clone(),
            before,
            after,
            change.page.clone(),
        )
    };
    let mut expected: Vec<_> = forward
        .changes
        .iter()
        .map(|change| key(change, reverse(change.kind), true))
        .collect();
    let mut actual: Vec<_> = backward
        .changes
        .iter()
        .map(|change| key(change, change.kind, false))
        .collect();
    expected.sort();
    actual.sort();
    assert_eq!(expected, actual, "the backward diff is not the reverse");
    assert_eq!(backward.impact(), Some(Impact::Major));

    // The older pages' YAML copy diffs as the pages do.
    let copy = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("entities-2025-copy.yaml");
    let exported = Config::new()
        .export_entities_report(root.join("entities").join(OLDER), None)
        .unwrap_or_else(|e| panic!("{}", e.render()));
    std::fs::write(&copy, &exported.code).expect("write the copy");
    let from_copy = diff::diff_entities(&copy, &root.join("entities").join(NEWER), &Config::new())
        .unwrap_or_else(|e| panic!("{}", e.render()));
    assert_eq!(from_copy.changes, forward.changes);
}
