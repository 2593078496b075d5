//! Real servers' answers, read with the crate's generated types: every 2xx
//! response that Mastodon.py recorded against Mastodon 4.0.2, 4.3.0 and
//! 4.6.4 (`responses/` in the corpus) whose method returns a documented
//! entity is routed with `Endpoint::from_request`, read with the type
//! `Endpoint::returns()` names, and written back. The JSON written back must
//! be the one sent, up to key order, the keys the docs do not define, an
//! absent key against `null`, and numbers by value.
//!
//! The figures per server version are kept in docs/responses.md between markers;
//! this test rewrites them when they are stale, and fails so that the change
//! is reviewed. Any response that does not read must be listed, with its
//! reason, in docs/responses.md's exceptions table.
//!
//! The recordings are derived files that only `shared/corpus` has: without
//! them the trials are listed as ignored, unless `MASTODON_ERROR_REQUIRE_CORPUS`
//! is set (as CI sets it), when their absence fails the run.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[path = "../codegen/tests/common/markers.rs"]
mod markers;

use libtest_mimic::{Arguments, Failed, Trial};
use mastodon_error::entities::{AnyEntity, EntityKind};
use mastodon_error::{Endpoint, ReturnShape};
use mastodon_error_codegen::model::entities::Version;
use mastodon_error_codegen::responses::{self, ResponseRecord};
use serde_json::Value;

const FIGURES_START: &str = "<!-- responses figures: written by tests/responses.rs -->";
const FIGURES_END: &str = "<!-- end of responses figures -->";
const EXCEPTIONS_START: &str = "<!-- responses exceptions: checked by tests/responses.rs -->";
const EXCEPTIONS_END: &str = "<!-- end of responses exceptions -->";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The corpus's `responses/`, when it is here.
fn recordings() -> Option<PathBuf> {
    let corpus = match std::env::var_os(mastodon_error_codegen::corpus::CORPUS_ENV) {
        Some(dir) => PathBuf::from(dir),
        None => match mastodon_error_codegen::corpus::locate(root()) {
            Ok(mastodon_error_codegen::corpus::Lookup::Found(dir)) => dir,
            _ => return None,
        },
    };
    let dir = corpus.join("responses");
    dir.is_dir().then_some(dir)
}

/// The recordings in `dir`, as the generator's `responses` command reads
/// them, each with its location as the corpus names it (`responses/…:LINE`),
/// grouped by file in name order.
fn read_records(dir: &Path) -> Vec<(String, Vec<ResponseRecord>)> {
    let records = responses::read_records(&[dir.to_path_buf()])
        .unwrap_or_else(|error| panic!("the recordings read: {error}"));
    let mut files: Vec<(String, Vec<ResponseRecord>)> = Vec::new();
    for mut record in records {
        let name = Path::new(&record.file)
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        record.file = format!("responses/{name}");
        match files.last_mut() {
            Some((file, group)) if *file == name => group.push(record),
            _ => files.push((name, vec![record])),
        }
    }
    assert!(!files.is_empty(), "no recordings in {}", dir.display());
    files
}

fn location(record: &ResponseRecord) -> String {
    format!("{}:{}", record.file, record.line)
}

/// What became of one response.
enum Outcome {
    /// No method of the docs has this path.
    Unrouted,
    /// The method returns no documented entity (empty, or no entity named).
    NotTyped,
    Read,
    /// It did not read, or did not write back as sent: why.
    Failed(String),
}

/// What became of `record`; `router` is the generator's, which must pick
/// the method `Endpoint::from_request` picks.
fn outcome(record: &ResponseRecord, router: &responses::Router<'_>) -> Outcome {
    let path = record.path.split('?').next().unwrap_or_default();
    let endpoint = Endpoint::from_request(&record.method, path);
    let generator = router
        .route(&record.method, &record.path)
        .map(|method| format!("{} {}", method.http_method, method.path));
    assert_eq!(
        endpoint.map(|endpoint| format!("{} {}", endpoint.method(), endpoint.path())),
        generator,
        "{}: the crate's router and the report's disagree",
        location(record)
    );
    let Some(endpoint) = endpoint else {
        return Outcome::Unrouted;
    };
    let returns = endpoint.returns();
    if !matches!(returns.shape, ReturnShape::One | ReturnShape::Array)
        || returns.entities.is_empty()
    {
        return Outcome::NotTyped;
    }
    // Of several entities, the first that reads and writes back.
    let mut why = String::new();
    for name in returns.entities {
        let kind = EntityKind::from_name(name).expect("a generated entity");
        match read_as(kind, returns.shape, &record.body) {
            Ok(()) => return Outcome::Read,
            Err(problem) => why = format!("{endpoint} as {name}: {problem}"),
        }
    }
    Outcome::Failed(why)
}

fn read_as(kind: EntityKind, shape: ReturnShape, body: &Value) -> Result<(), String> {
    let items: Vec<&Value> = match (shape, body) {
        (ReturnShape::Array, Value::Array(items)) => items.iter().collect(),
        (ReturnShape::Array, _) => return Err("not an array".to_owned()),
        _ => vec![body],
    };
    for item in items {
        let mut track = serde_path_to_error::Track::new();
        let entity: AnyEntity = kind
            .deserialize(serde_path_to_error::Deserializer::new(item, &mut track))
            .map_err(|error| format!("at {}: {error}", track.path()))?;
        let back = serde_json::to_value(&entity).map_err(|error| error.to_string())?;
        if let Some(difference) = difference(item, &back, "") {
            return Err(format!("written back differently at {difference}"));
        }
    }
    Ok(())
}

/// Where `back` differs from `sent`, up to key order, keys `back` lacks
/// (those the docs do not define), an absent key against `null`, and
/// numbers by value.
fn difference(sent: &Value, back: &Value, at: &str) -> Option<String> {
    match (sent, back) {
        (Value::Number(x), Value::Number(y)) if x.as_f64() == y.as_f64() => None,
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(index, (x, y))| difference(x, y, &format!("{at}/{index}"))),
        (Value::Object(x), Value::Object(y)) => {
            let sent_keys = x.iter().find_map(|(key, value)| match y.get(key) {
                Some(other) => difference(value, other, &format!("{at}/{key}")),
                None => None,
            });
            sent_keys.or_else(|| {
                y.iter()
                    .filter(|(key, value)| !x.contains_key(*key) && !value.is_null())
                    .map(|(key, _)| format!("{at}/{key} (not sent)"))
                    .next()
            })
        }
        _ if sent == back => None,
        _ => Some(format!(
            "{} (sent {sent}, back {back})",
            at.trim_start_matches('/')
        )),
    }
}

/// Counts for one recording.
#[derive(Default)]
struct Figures {
    version: String,
    records: usize,
    typed: usize,
    read: usize,
    not_typed: usize,
    unrouted: usize,
}

fn figures_table(all: &[(String, Figures)]) -> String {
    let mut table = String::from(
        "| Recording | Server | Responses | Typed with a documented entity | Read and written back | Not typed (empty or no entity) | Unrouted |\n|---|---|---|---|---|---|---|\n",
    );
    for (file, figures) in all {
        table.push_str(&format!(
            "| `{file}` | {} | {} | {} | {} | {} | {} |\n",
            figures.version,
            figures.records,
            figures.typed,
            figures.read,
            figures.not_typed,
            figures.unrouted
        ));
    }
    table
}

fn every_recorded_response_reads(dir: &Path) -> Result<(), Failed> {
    let methods_path = root().join("spec/methods.yaml");
    let methods = mastodon_error_codegen::read_methods(
        &methods_path,
        Some(&root().join("spec/entities.yaml")),
    )
    .unwrap_or_else(|error| panic!("{}", error.render()));
    let router = responses::Router::new(&methods);
    let mut all = Vec::new();
    let mut failed = BTreeMap::new();
    for (file, records) in read_records(dir) {
        let mut figures = Figures {
            version: records
                .iter()
                .filter_map(|record| record.version.as_deref().and_then(Version::parse))
                .max()
                .map_or_else(
                    || "unknown".to_owned(),
                    |version| version.as_str().to_owned(),
                ),
            records: records.len(),
            ..Figures::default()
        };
        for record in &records {
            match outcome(record, &router) {
                Outcome::Unrouted => figures.unrouted += 1,
                Outcome::NotTyped => figures.not_typed += 1,
                Outcome::Read => {
                    figures.typed += 1;
                    figures.read += 1;
                }
                Outcome::Failed(why) => {
                    figures.typed += 1;
                    failed.insert(location(record), why);
                }
            }
        }
        all.push((file, figures));
    }

    let docs_path = root().join("docs/responses.md");
    let docs = std::fs::read_to_string(&docs_path).expect("docs/responses.md reads");
    let listed: BTreeMap<String, String> =
        markers::between(&docs, EXCEPTIONS_START, EXCEPTIONS_END)
            .expect("docs/responses.md has the exceptions markers")
            .lines()
            .filter_map(|line| {
                let cells: Vec<&str> = line.split('|').map(str::trim).collect();
                let at = cells.get(1)?.trim_matches('`');
                at.starts_with("responses/").then(|| {
                    (
                        at.to_owned(),
                        cells.get(2).copied().unwrap_or_default().to_owned(),
                    )
                })
            })
            .collect();
    let unlisted: Vec<String> = failed
        .iter()
        .filter(|(at, _)| !listed.contains_key(*at))
        .map(|(at, why)| format!("{at}: {why}"))
        .collect();
    let stale: Vec<&String> = listed
        .keys()
        .filter(|at| !failed.contains_key(*at))
        .collect();

    let table = figures_table(&all);
    let mut problems = Vec::new();
    let figures_page = root().join("docs/responses.md");
    if let Err(stale) = markers::ensure_between(
        &figures_page,
        FIGURES_START,
        FIGURES_END,
        &format!("\n{table}"),
    ) {
        problems.push(format!("{stale}:\n{table}"));
    }
    if !unlisted.is_empty() {
        problems.push(format!(
            "{} recorded responses do not read, and docs/responses.md does not list them:\n{}",
            unlisted.len(),
            unlisted.join("\n")
        ));
    }
    if !stale.is_empty() {
        problems.push(format!(
            "docs/responses.md lists responses that now read; remove them: {stale:?}"
        ));
    }
    eprintln!("{table}");
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n\n").into())
    }
}

fn main() -> ExitCode {
    let args = Arguments::from_args();
    let name = "responses::every_recorded_response_reads";
    let trial = match recordings() {
        Some(dir) => Trial::test(name, move || every_recorded_response_reads(&dir)),
        None => {
            let required = std::env::var_os("MASTODON_ERROR_REQUIRE_CORPUS").is_some();
            Trial::test(name, || {
                Err("this test reads responses/ in the corpus, which only shared/corpus has".into())
            })
            .with_ignored_flag(!required)
        }
    };
    libtest_mimic::run(&args, vec![trial]).exit_code()
}
