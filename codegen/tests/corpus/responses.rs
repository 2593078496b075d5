//! The `responses` report over the servers' real responses (`responses/` in
//! the corpus: Mastodon.py's recordings at Mastodon 4.0.2, 4.3.0 and 4.6.4),
//! read against the checked-in copies as the loader gives them. The data
//! stays in the corpus; these trials assert what must hold of any report on
//! it, and that three disagreements seen in the data itself are found, as
//! long as the loaded model still says what they contradict.

use std::path::Path;

use mastodon_error_codegen::model::entities::{EntityAttribute, EntitySpec, Version};
use mastodon_error_codegen::model::methods::MethodSpec;
use mastodon_error_codegen::responses::{
    self, ContradictionKind, FindingKind, Report, ReportFormat, ResponseRecord,
};
use serde_json::Value;

use crate::Suite;
use crate::common::corpus::workspace_root;
use crate::common::markers;

const FILES: [&str; 3] = [
    "mastodonpy-4.0.2.jsonl",
    "mastodonpy-4.3.0.jsonl",
    "mastodonpy-4.6.4.jsonl",
];

pub fn add(suite: &mut Suite) {
    suite.responses_trial(
        "responses::every_record_is_counted_once_and_most_route".to_owned(),
        every_record_is_counted_once_and_most_route,
    );
    suite.responses_trial(
        "responses::findings_point_at_what_the_servers_sent".to_owned(),
        findings_point_at_what_the_servers_sent,
    );
    suite.responses_trial(
        "responses::known_disagreements_are_found".to_owned(),
        known_disagreements_are_found,
    );
    suite.responses_trial(
        "responses::each_correction_cites_records_that_show_it".to_owned(),
        each_correction_cites_records_that_show_it,
    );
    suite.responses_trial(
        "responses::docs_hold_the_current_report".to_owned(),
        docs_hold_the_current_report,
    );
}

const REPORT_START: &str =
    "<!-- responses report: written by codegen/tests/corpus/responses.rs -->";
const REPORT_END: &str = "<!-- end of responses report -->";

/// docs/responses.md holds the report on the three recordings: the summary
/// before the corrections, then the whole report with them. A stale one is
/// rewritten, and the trial fails so that the change is reviewed.
fn docs_hold_the_current_report(root: &Path) {
    let before = run_with(root, false).report.render(ReportFormat::Markdown);
    let after = run(root).report.render(ReportFormat::Markdown);
    let summary = |report: &str| {
        let table = report.find("\n|").map_or("", |at| &report[at + 1..]);
        table[..table.find("\n\n").unwrap_or(table.len())].to_owned()
    };
    // One heading level down, under the page's own.
    let demoted: String = after
        .lines()
        .map(|line| {
            if line.starts_with('#') {
                format!("#{line}\n")
            } else {
                format!("{line}\n")
            }
        })
        .collect();
    let section = format!(
        "\n### The docs' facts alone (`--without-corrections`)\n\n{}\n\n### With the copy's corrections\n\n{}\n\n{demoted}",
        summary(&before),
        summary(&after),
    );
    let path = workspace_root().join("docs/responses.md");
    if let Err(stale) = markers::ensure_between(&path, REPORT_START, REPORT_END, &section) {
        panic!("{stale}");
    }
}

struct Run {
    methods: MethodSpec,
    entities: EntitySpec,
    records: Vec<ResponseRecord>,
    report: Report,
}

/// The report against the copies as the `responses` command reads them:
/// with the copy's reviewed corrections, or (`corrected` false) the docs'
/// facts alone.
fn run_with(root: &Path, corrected: bool) -> Run {
    let workspace = workspace_root();
    let entities_path = workspace.join("spec/entities.yaml");
    let mut entities = mastodon_error_codegen::read_entities(&entities_path)
        .unwrap_or_else(|error| panic!("{}", error.render()));
    if !corrected {
        entities.corrections.clear();
    }
    let entities = mastodon_error_codegen::corrected_entities(&entities);
    let methods = mastodon_error_codegen::read_methods(
        &workspace.join("spec/methods.yaml"),
        Some(&entities_path),
    )
    .unwrap_or_else(|error| panic!("{}", error.render()));
    let mut records = responses::read_records(&[root.join("responses")])
        .unwrap_or_else(|error| panic!("{error}"));
    // Named as in the corpus, `responses/…`, wherever the corpus is.
    for record in &mut records {
        if let Some(name) = Path::new(&record.file).file_name() {
            record.file = format!("responses/{}", name.to_string_lossy());
        }
    }
    let report = responses::check(&methods, &entities, &records);
    Run {
        methods,
        entities,
        records,
        report,
    }
}

fn run(root: &Path) -> Run {
    run_with(root, true)
}

fn every_record_is_counted_once_and_most_route(root: &Path) {
    let Run {
        records, report, ..
    } = run(root);
    // Every non-blank line of every file is a record, in file order.
    let lines: usize = FILES
        .iter()
        .map(|file| {
            std::fs::read_to_string(root.join("responses").join(file))
                .expect("readable")
                .lines()
                .filter(|line| !line.trim().is_empty())
                .count()
        })
        .sum();
    assert_eq!(records.len(), lines);
    let total = report.total();
    assert_eq!(total.records, records.len());
    for row in report.rows.iter().chain([&total]) {
        assert_eq!(
            row.records,
            row.unrouted + row.not_typed_total() + row.read + row.failing,
            "{row:?}"
        );
        assert_eq!(row.typed, row.read + row.failing, "{row:?}");
        assert_eq!(row.routed, row.typed + row.not_typed_total(), "{row:?}");
        assert!(row.undocumented_keys <= row.typed, "{row:?}");
    }
    // One row per file and version the records name, each file in order.
    for file in FILES {
        let in_file: Vec<&ResponseRecord> = records
            .iter()
            .filter(|record| record.file.ends_with(file))
            .collect();
        let counted: usize = report
            .rows
            .iter()
            .filter(|row| row.file.ends_with(file))
            .map(|row| row.records)
            .sum();
        assert_eq!(counted, in_file.len(), "{file}");
        let version = file
            .trim_start_matches("mastodonpy-")
            .trim_end_matches(".jsonl");
        assert!(
            report
                .rows
                .iter()
                .any(|row| row.file.ends_with(file) && row.version == version),
            "no {version} row for {file}"
        );
    }
    // Most responses route to a documented method, and most of those are typed.
    assert!(total.routed * 10 >= total.records * 9, "{total:?}");
    assert!(total.typed * 10 >= total.routed * 8, "{total:?}");
    assert!(total.read > 0 && total.failing > 0, "{total:?}");
    // The same input, the same report.
    let again = run(root).report;
    assert_eq!(again, report);
    let markdown = report.render(ReportFormat::Markdown);
    assert_eq!(markdown, again.render(ReportFormat::Markdown));
    for file in FILES {
        assert!(markdown.contains(file), "{file} in the summary");
    }
}

fn findings_point_at_what_the_servers_sent(root: &Path) {
    let Run {
        records,
        report,
        entities,
        ..
    } = run(root);
    assert!(!report.findings.is_empty());
    for finding in &report.findings {
        assert!(finding.responses >= 1, "{finding:?}");
        assert!(!finding.versions.is_empty() && !finding.sent.is_empty());
        assert_eq!(
            finding.requests.iter().map(|(_, n)| n).sum::<usize>(),
            finding.responses,
            "{finding:?}"
        );
        let example = &finding.example;
        let record = records
            .iter()
            .find(|record| record.file == example.file && record.line == example.line)
            .unwrap_or_else(|| panic!("no record at {}:{}", example.file, example.line));
        assert_eq!(
            (&record.method, &record.path),
            (&example.method, &example.path)
        );
        let at = record.body.pointer(&example.pointer);
        match finding.kind {
            FindingKind::Missing => {
                assert!(at.is_none(), "{finding:?}");
                let parent = example.pointer.rsplit_once('/').map_or("", |(p, _)| p);
                assert!(
                    record.body.pointer(parent).is_some_and(Value::is_object),
                    "{finding:?}"
                );
            }
            FindingKind::Null | FindingKind::NullInArray => {
                assert_eq!(at, Some(&Value::Null), "{finding:?}")
            }
            FindingKind::UndocumentedValue => {
                let sent = at.and_then(Value::as_str).expect("a string");
                assert!(finding.sent.contains(&format!("`{sent}`")), "{finding:?}");
            }
            FindingKind::WrongType | FindingKind::UndocumentedKey => {
                assert!(at.is_some(), "{finding:?}")
            }
        }
        // A key the docs document is no undocumented key, and the reverse.
        if !finding.attribute.is_empty() {
            let documented = attribute(&entities, &finding.entity, &finding.attribute).is_some();
            assert_eq!(
                documented,
                finding.kind != FindingKind::UndocumentedKey,
                "{finding:?}"
            );
        }
    }
    // What servers did not send yet, they were older than the docs' version for.
    assert!(!report.not_yet_sent.is_empty());
    for later in &report.not_yet_sent {
        assert!(later.responses >= 1);
        for version in &later.versions {
            let (server, added) = (Version::parse(version), Version::parse(&later.added_in));
            assert!(
                server
                    .zip(added)
                    .is_some_and(|(server, added)| server < added),
                "{later:?}"
            );
        }
    }
}

fn attribute<'s>(
    entities: &'s EntitySpec,
    entity: &str,
    display: &str,
) -> Option<&'s EntityAttribute> {
    entities
        .entity(entity)?
        .attributes
        .iter()
        .find(|attribute| attribute.display_name() == display)
}

/// Three disagreements, each first seen in the data itself: the docs' facts
/// alone contradict them, and the copy's reviewed corrections settle them.
fn known_disagreements_are_found(root: &Path) {
    let docs = run_with(root, false);
    let corrected = run(root);
    let routed_to = |record: &ResponseRecord| {
        responses::Router::new(&docs.methods)
            .route(&record.method, &record.path)
            .map(|method| format!("{} {}", method.http_method, method.path))
    };
    let finding = |report: &Report, entity: &str, attribute: &str, kind: FindingKind| {
        report
            .findings
            .iter()
            .find(|f| f.entity == entity && f.attribute == attribute && f.kind == kind)
            .cloned()
    };

    // A deleted status comes back with its source `text` and no `content`.
    let deleted = docs
        .records
        .iter()
        .filter(|record| {
            routed_to(record).as_deref() == Some("DELETE /api/v1/statuses/:id")
                && record.body.get("content").is_none()
        })
        .count();
    assert!(deleted > 0, "the data has such responses");
    let found = finding(&docs.report, "Status", "content", FindingKind::Missing)
        .expect("Status content Missing");
    let via = found
        .requests
        .iter()
        .find(|(request, _)| request == "DELETE /api/v1/statuses/:id");
    assert_eq!(via.map(|(_, n)| *n), Some(deleted), "{found:?}");
    assert!(found.stops_read);
    let settled = finding(&corrected.report, "Status", "content", FindingKind::Missing);
    assert!(settled.is_none(), "{settled:?}");

    // Web push subscriptions have an integer `id`.
    let integer_ids = docs
        .records
        .iter()
        .filter(|record| {
            routed_to(record).is_some_and(|request| request.ends_with("/api/v1/push/subscription"))
                && record.body.get("id").is_some_and(Value::is_i64)
        })
        .count();
    assert!(integer_ids > 0, "the data has such responses");
    let found = finding(
        &docs.report,
        "WebPushSubscription",
        "id",
        FindingKind::WrongType,
    )
    .expect("WebPushSubscription id WrongType");
    assert_eq!(found.sent, ["an integer"]);
    assert!(found.responses >= integer_ids);
    let settled = finding(
        &corrected.report,
        "WebPushSubscription",
        "id",
        FindingKind::WrongType,
    );
    assert!(settled.is_none(), "{settled:?}");

    // The credential account's `source[language]` is null.
    let null_language = docs
        .records
        .iter()
        .filter(|record| {
            routed_to(record).as_deref() == Some("GET /api/v1/accounts/verify_credentials")
                && record.body.pointer("/source/language") == Some(&Value::Null)
        })
        .count();
    assert!(null_language > 0, "the data has such responses");
    let found = finding(
        &docs.report,
        "CredentialAccount",
        "source[language]",
        FindingKind::Null,
    )
    .expect("source[language] Null");
    assert!(found.responses >= null_language);
    assert!(found.versions.iter().any(|version| version == "4.6.4"));
    let settled = finding(
        &corrected.report,
        "CredentialAccount",
        "source[language]",
        FindingKind::Null,
    );
    assert!(settled.is_none(), "{settled:?}");
    // The corrections leave fewer responses failing, and none newly failing.
    assert!(corrected.report.total().failing < docs.report.total().failing);
    assert!(corrected.report.total().read > docs.report.total().read);
}

/// Every correction in `spec/entities.yaml` is a fact the servers show, never
/// a guess: each record its evidence cites exists, the docs' facts alone
/// contradict it there in the way the correction says (an absent key for
/// `optional`, `null` for `nullable`, another type for `type`), and the
/// corrected facts no longer do.
fn each_correction_cites_records_that_show_it(root: &Path) {
    let docs = run_with(root, false);
    let corrected = run(root);
    let raw = mastodon_error_codegen::read_entities(&workspace_root().join("spec/entities.yaml"))
        .unwrap_or_else(|error| panic!("{}", error.render()));
    assert!(!raw.corrections.is_empty(), "the copy has corrections");
    let router = responses::Router::new(&docs.methods);
    let mut cited = 0;
    for correction in &raw.corrections {
        let attribute =
            mastodon_error_codegen::model::entities::display_path(&correction.attribute);
        let what = format!("the correction of `{attribute}` of `{}`", correction.entity);
        let records = correction.evidence_records();
        assert!(!records.is_empty(), "{what} cites no record");
        // What the cited records show, of what the correction says.
        let (mut absent, mut null, mut retyped) = (false, false, false);
        for (file, line) in records {
            let record = docs
                .records
                .iter()
                .find(|record| record.file == file && record.line == line)
                .unwrap_or_else(|| {
                    panic!("{what} cites {file}:{line}, which the corpus does not have")
                });
            let shown = |entities: &EntitySpec| -> Vec<ContradictionKind> {
                match responses::outcome(&router, entities, record) {
                    responses::Outcome::Checked { contradictions, .. } => contradictions
                        .into_iter()
                        .filter(|found| {
                            found.entity == correction.entity && found.attribute == attribute
                        })
                        .map(|found| found.kind)
                        .collect(),
                    other => panic!(
                        "{what} cites {file}:{line}, which is not checked against an entity: {other:?}"
                    ),
                }
            };
            let before = shown(&docs.entities);
            let this = (
                correction.optional && before.contains(&ContradictionKind::Missing),
                correction.nullable && before.contains(&ContradictionKind::Null),
                correction.ty.is_some()
                    && before
                        .iter()
                        .any(|kind| matches!(kind, ContradictionKind::WrongType { .. })),
            );
            assert!(
                this.0 || this.1 || this.2,
                "{what}: {file}:{line} does not show it: the docs' facts alone read it there ({before:?})"
            );
            (absent, null, retyped) = (absent || this.0, null || this.1, retyped || this.2);
            let after = shown(&corrected.entities);
            assert!(
                !after.iter().any(|kind| matches!(
                    kind,
                    ContradictionKind::Missing
                        | ContradictionKind::Null
                        | ContradictionKind::WrongType { .. }
                )),
                "{what}: {file}:{line} still contradicts the corrected facts: {after:?}"
            );
            cited += 1;
        }
        // Every change it makes is shown by a record it cites.
        assert_eq!(
            (absent, null, retyped),
            (
                correction.optional,
                correction.nullable,
                correction.ty.is_some()
            ),
            "{what}: a change that no cited record shows"
        );
    }
    eprintln!(
        "{} corrections, {cited} cited records, each checked",
        raw.corrections.len()
    );
}
