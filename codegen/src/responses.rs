//! Recorded server responses read against the docs' model: each response
//! routed to the method that answered it, typed by the method's
//! `**Returns:**` line, and checked against the entity tables. The report
//! counts what reads with the generated types and lists every disagreement
//! (the `responses` command).
//!
//! A recording is JSON Lines: one object a line with `m` (the HTTP method),
//! `p` (the path as sent, query string included), `body` (the JSON body),
//! and optionally `v` (the server's version, or `unknown`), `st` (the
//! status) and `n` (how often it occurred). Other keys are ignored.
//!
//! ```
//! use mastodon_error_codegen::model::entities::EntitySpec;
//! use mastodon_error_codegen::model::methods::MethodSpec;
//! use mastodon_error_codegen::responses::{self, ReportFormat};
//!
//! let line = r#"{"m":"GET","p":"/health","v":"4.3.0","body":{}}"#;
//! let source = mastodon_error_codegen::Source::new("example.jsonl", line);
//! let records = responses::parse_records(&source).unwrap();
//! let report = responses::check(&MethodSpec::default(), &EntitySpec::default(), &records);
//! assert_eq!(report.total().unrouted, 1);
//! assert!(report.render(ReportFormat::Markdown).contains("| example.jsonl | 4.3.0 | 1 |"));
//! ```

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::diagnostic::{Diagnostic, Error};
use crate::model::entities::{EntityAttribute, EntitySpec, StringFormat, Version};
use crate::model::methods::{Method, MethodSpec, ReturnShape};
use crate::pages::entities::examples::{Checker, kind};
pub use crate::pages::entities::examples::{Contradiction, ContradictionKind};
use crate::source::Source;

/// One recorded response: a line of a recording.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseRecord {
    /// The recording, as its name was given: `responses/mastodonpy-4.3.0.jsonl`.
    pub file: String,
    /// The line, from 1.
    pub line: usize,
    /// `GET`, `POST`, …
    pub method: String,
    /// The path as sent, with its query string.
    pub path: String,
    pub status: Option<u16>,
    /// The server's version; `None` when the record says `unknown` or has none.
    pub version: Option<String>,
    /// How often the same response occurred in the recording (`n`, else 1).
    pub occurrences: u64,
    pub body: Value,
}

impl ResponseRecord {
    /// The version as the report shows it: `unknown` when there is none.
    pub fn version_label(&self) -> &str {
        self.version.as_deref().unwrap_or(UNKNOWN)
    }
}

const UNKNOWN: &str = "unknown";

const RECORD_HELP: &str = "each line of a recording is one JSON object with `m` (the HTTP method), `p` (the path as sent) and `body` (the JSON body), and optionally `v` (the server version), `st` and `n`";

/// The recordings at `paths`: each a JSONL file, or a folder whose `*.jsonl`
/// files are read in name order. Records keep the order of the files given.
/// A recording that cannot be read is a located error, as a page is.
pub fn read_records(paths: &[PathBuf]) -> Result<Vec<ResponseRecord>, Error> {
    let mut records = Vec::new();
    for path in paths {
        for file in recordings(path)? {
            records.extend(parse_records(&Source::read(&file)?)?);
        }
    }
    Ok(records)
}

/// `path` itself, or the `*.jsonl` files in it, sorted.
fn recordings(path: &Path) -> Result<Vec<PathBuf>, Error> {
    let name = crate::source::display_path(path);
    let refused = |message: String, help: &str| {
        Error::single(
            Source::new(name.clone(), String::new()),
            Diagnostic::error(0..0, message).help(help),
        )
    };
    if !path.is_dir() {
        if !path.exists() {
            return Err(refused(
                format!("`{name}` does not exist"),
                "give a recording (`.jsonl`) or a folder of them; relative paths are resolved from the current directory",
            ));
        }
        return Ok(vec![path.to_owned()]);
    }
    let entries = std::fs::read_dir(path).map_err(|err| {
        refused(
            format!("cannot read the folder `{name}`: {err}"),
            "check that the folder is readable",
        )
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|file| file.is_file() && file.extension().is_some_and(|ext| ext == "jsonl"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(refused(
            format!("no recordings (`*.jsonl`) in the folder `{name}`"),
            "give the folder that holds the `.jsonl` files, or the files themselves",
        ));
    }
    Ok(files)
}

/// The records of one recording, named in locations as `source` is. Blank
/// lines are skipped; the first line that is no record is the error.
pub fn parse_records(source: &Source) -> Result<Vec<ResponseRecord>, Error> {
    let mut records = Vec::new();
    let mut start = 0;
    for (index, line) in source.text().split('\n').enumerate() {
        let (number, line_start) = (index + 1, start);
        start += line.len() + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        // At byte `col` (from 1) of the line, or the whole line from 1.
        let at = |col: usize, message: String| {
            let from = line_start + (col - 1).min(line.len());
            let span = if col == 1 {
                from..line_start + line.len()
            } else {
                from..from
            };
            Error::single(
                source.clone(),
                Diagnostic::error(span, message).help(RECORD_HELP),
            )
        };
        let value: Value = serde_json::from_str(line).map_err(|err| {
            let text = err.to_string();
            let what = text
                .rsplit_once(" at line ")
                .map_or(text.as_str(), |(what, _)| what);
            at(err.column().max(1), format!("the line is not JSON: {what}"))
        })?;
        let Value::Object(object) = value else {
            return Err(at(
                1,
                format!("the line is {}, not a JSON object", kind(&value)),
            ));
        };
        let string = |key: &str, what: &str| match object.get(key) {
            Some(Value::String(text)) => Ok(text.clone()),
            Some(other) => Err(at(
                1,
                format!("`{key}` ({what}) is {}, not a string", kind(other)),
            )),
            None => Err(at(1, format!("the record has no `{key}` ({what})"))),
        };
        let method = string("m", "the HTTP method")?;
        let path = string("p", "the request path")?;
        if !path.starts_with('/') {
            return Err(at(
                1,
                format!("`p` is `{path}`, where a request path starting with `/` is expected"),
            ));
        }
        let version = match object.get("v") {
            None | Some(Value::Null) => None,
            Some(Value::String(version)) if version == UNKNOWN => None,
            Some(Value::String(version)) => Some(version.clone()),
            Some(other) => {
                return Err(at(
                    1,
                    format!("`v` (the server version) is {}, not a string", kind(other)),
                ));
            }
        };
        let status = match object.get("st") {
            None | Some(Value::Null) => None,
            Some(value) => match value.as_u64().and_then(|st| u16::try_from(st).ok()) {
                Some(status) => Some(status),
                None => {
                    return Err(at(
                        1,
                        format!("`st` (the HTTP status) is {value}, not a status code"),
                    ));
                }
            },
        };
        let occurrences = match object.get("n") {
            None | Some(Value::Null) => 1,
            Some(value) => match value.as_u64() {
                Some(n) => n,
                None => {
                    return Err(at(
                        1,
                        format!("`n` (how often it occurred) is {value}, not a count"),
                    ));
                }
            },
        };
        let Some(body) = object.get("body") else {
            return Err(at(1, "the record has no `body` (the JSON body)".to_owned()));
        };
        records.push(ResponseRecord {
            file: source.name().to_owned(),
            line: number,
            method,
            path,
            status,
            version,
            occurrences,
            body: body.clone(),
        });
    }
    Ok(records)
}

/// Versions in order, `unknown` (or anything unparsable) last.
fn version_order(a: &str, b: &str) -> Ordering {
    match (Version::parse(a), Version::parse(b)) {
        (Some(x), Some(y)) => x.cmp(&y).then(a.cmp(b)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.cmp(b),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Literal(String),
    Param,
}

/// Finds the documented method that answered a request.
pub struct Router<'m> {
    routes: Vec<(Vec<Segment>, &'m Method)>,
}

impl<'m> Router<'m> {
    pub fn new(methods: &'m MethodSpec) -> Router<'m> {
        let routes = methods
            .methods()
            .map(|(_, method)| {
                let segments = segments(&method.path)
                    .into_iter()
                    .map(|segment| match segment.strip_prefix(':') {
                        Some(_) => Segment::Param,
                        None => Segment::Literal(segment.to_owned()),
                    })
                    .collect();
                (segments, method)
            })
            .collect();
        Router { routes }
    }

    /// The method documented for `method` and `path` (the path as sent: its
    /// query string is ignored, and one trailing slash). A `:param` segment
    /// matches any one segment; of several matches, the one with the most
    /// literal segments wins, then the first in page order.
    pub fn route(&self, method: &str, path: &str) -> Option<&'m Method> {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let path = match path.strip_suffix('/') {
            Some(trimmed) if !trimmed.is_empty() => trimmed,
            _ => path,
        };
        let sent = segments(path);
        let mut best: Option<(usize, &'m Method)> = None;
        for (route, candidate) in &self.routes {
            if !candidate.http_method.eq_ignore_ascii_case(method) || route.len() != sent.len() {
                continue;
            }
            let fits = route
                .iter()
                .zip(&sent)
                .all(|(segment, sent)| match segment {
                    Segment::Literal(literal) => literal == sent,
                    Segment::Param => !sent.is_empty(),
                });
            if !fits {
                continue;
            }
            let literals = route
                .iter()
                .filter(|segment| matches!(segment, Segment::Literal(_)))
                .count();
            if best.is_none_or(|(most, _)| literals > most) {
                best = Some((literals, *candidate));
            }
        }
        best.map(|(_, method)| method)
    }
}

/// A path's segments, without its query string.
fn segments(path: &str) -> Vec<&str> {
    let path = path.split('?').next().unwrap_or_default();
    path.strip_prefix('/').unwrap_or(path).split('/').collect()
}

/// Why a routed response is not checked against an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NotTyped {
    /// The method has no `**Returns:**` line.
    NoReturns,
    /// It returns `Empty`.
    Empty,
    /// Its Returns line names no entity (prose, a hash, a string).
    Other,
    /// It names an entity that the entity pages do not define.
    UnknownEntity,
}

impl NotTyped {
    pub const ALL: [NotTyped; 4] = [
        NotTyped::NoReturns,
        NotTyped::Empty,
        NotTyped::Other,
        NotTyped::UnknownEntity,
    ];

    /// How the report says it.
    pub fn label(self) -> &'static str {
        match self {
            NotTyped::NoReturns => "no Returns line",
            NotTyped::Empty => "returns Empty",
            NotTyped::Other => "returns no entity",
            NotTyped::UnknownEntity => "unknown entity",
        }
    }
}

/// What became of one record.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Unrouted,
    NotTyped(NotTyped),
    /// Checked against `entity` (the one of the method's entities with the
    /// fewest contradictions): every contradiction found, and whether the
    /// generated types read the response.
    Checked {
        entity: String,
        contradictions: Vec<Contradiction>,
        reads: bool,
    },
}

/// The counts of one recording file at one server version.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SummaryRow {
    /// The recording; empty in the total.
    pub file: String,
    /// The server version; empty in the total.
    pub version: String,
    pub records: usize,
    /// Matched a documented method.
    pub routed: usize,
    /// Checked against a documented entity: `read` + `failing`.
    pub typed: usize,
    /// Typed, and read by the generated types.
    pub read: usize,
    /// Typed, and not read: a key missing, a `null` or a type the docs do not allow.
    pub failing: usize,
    /// Typed, with at least one key the docs do not document.
    pub undocumented_keys: usize,
    /// Routed but not typed, by reason.
    pub not_typed: BTreeMap<NotTyped, usize>,
    pub unrouted: usize,
}

impl SummaryRow {
    fn count(&mut self, outcome: &Outcome) {
        self.records += 1;
        match outcome {
            Outcome::Unrouted => self.unrouted += 1,
            Outcome::NotTyped(reason) => {
                self.routed += 1;
                *self.not_typed.entry(*reason).or_default() += 1;
            }
            Outcome::Checked {
                contradictions,
                reads,
                ..
            } => {
                self.routed += 1;
                self.typed += 1;
                if *reads {
                    self.read += 1;
                } else {
                    self.failing += 1;
                }
                if contradictions
                    .iter()
                    .any(|found| found.kind == ContradictionKind::UndocumentedKey)
                {
                    self.undocumented_keys += 1;
                }
            }
        }
    }

    /// Routed records not typed, whatever the reason.
    pub fn not_typed_total(&self) -> usize {
        self.not_typed.values().sum()
    }

    fn add(&mut self, other: &SummaryRow) {
        self.records += other.records;
        self.routed += other.routed;
        self.typed += other.typed;
        self.read += other.read;
        self.failing += other.failing;
        self.undocumented_keys += other.undocumented_keys;
        for (reason, count) in &other.not_typed {
            *self.not_typed.entry(*reason).or_default() += count;
        }
        self.unrouted += other.unrouted;
    }
}

/// Where one response shows a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub method: String,
    /// The path as sent.
    pub path: String,
    /// The JSON pointer in the body.
    pub pointer: String,
}

/// Which of the report's lists a finding is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FindingKind {
    Missing,
    Null,
    NullInArray,
    WrongType,
    UndocumentedValue,
    UndocumentedKey,
}

impl FindingKind {
    fn of(kind: &ContradictionKind) -> Option<FindingKind> {
        Some(match kind {
            ContradictionKind::Missing => FindingKind::Missing,
            ContradictionKind::Null => FindingKind::Null,
            ContradictionKind::NullInArray => FindingKind::NullInArray,
            ContradictionKind::WrongType { .. } => FindingKind::WrongType,
            ContradictionKind::UndocumentedValue { .. } => FindingKind::UndocumentedValue,
            ContradictionKind::UndocumentedKey => FindingKind::UndocumentedKey,
            ContradictionKind::AddedLater { .. } => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            FindingKind::Missing => "Missing",
            FindingKind::Null => "Null",
            FindingKind::NullInArray => "NullInArray",
            FindingKind::WrongType => "WrongType",
            FindingKind::UndocumentedValue => "UndocumentedValue",
            FindingKind::UndocumentedKey => "UndocumentedKey",
        }
    }

    /// A contradiction of the table's types, rather than something it does
    /// not list.
    pub fn contradicts_types(self) -> bool {
        !matches!(
            self,
            FindingKind::UndocumentedKey | FindingKind::UndocumentedValue
        )
    }
}

/// One disagreement between the docs and the servers: an (entity,
/// attribute, kind), with every response that shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The entity whose table defines the attribute (or holds the key).
    pub entity: String,
    /// The attribute's docs path; empty for a response as a whole.
    pub attribute: String,
    pub kind: FindingKind,
    /// What the docs say: the type, nullable or not, optional or not, the
    /// values listed.
    pub docs: String,
    /// What the servers sent, each way once: `null`, `an integer`, `` `local` ``, `key absent`.
    pub sent: Vec<String>,
    /// Whether it keeps the generated types from reading a response.
    pub stops_read: bool,
    /// How many responses show it.
    pub responses: usize,
    /// The server versions that sent them, in order.
    pub versions: Vec<String>,
    /// The documented methods whose responses show it (`DELETE
    /// /api/v1/statuses/:id`), with how many responses each: most first.
    pub requests: Vec<(String, usize)>,
    /// The first response that shows it.
    pub example: Location,
}

/// An attribute that servers older than the version that added it did not
/// send: evidence for the oldest version a client supports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotYetSent {
    pub entity: String,
    pub attribute: String,
    pub added_in: String,
    /// The server versions whose responses lacked it.
    pub versions: Vec<String>,
    pub responses: usize,
}

/// Responses that matched no documented method, by method and path (query
/// string left out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unrouted {
    pub method: String,
    pub path: String,
    pub responses: usize,
    pub versions: Vec<String>,
}

/// Routed responses that were not checked, by documented method.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotTypedMethod {
    /// `DELETE /api/v1/lists/:id`, as documented.
    pub request: String,
    pub reason: NotTyped,
    pub responses: usize,
}

/// What the `responses` command reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// One row per recording and server version, in input order then version order.
    pub rows: Vec<SummaryRow>,
    /// Contradictions of the types first, then undocumented values, then
    /// undocumented keys; in each, the most responses first.
    pub findings: Vec<Finding>,
    pub not_yet_sent: Vec<NotYetSent>,
    pub unrouted: Vec<Unrouted>,
    pub not_typed: Vec<NotTypedMethod>,
}

impl Report {
    /// Every row added up.
    pub fn total(&self) -> SummaryRow {
        let mut total = SummaryRow::default();
        for row in &self.rows {
            total.add(row);
        }
        total
    }
}

/// Routes, types and checks one record.
pub fn outcome(router: &Router<'_>, entities: &EntitySpec, record: &ResponseRecord) -> Outcome {
    let Some(method) = router.route(&record.method, &record.path) else {
        return Outcome::Unrouted;
    };
    let Some(returns) = &method.returns else {
        return Outcome::NotTyped(NotTyped::NoReturns);
    };
    match returns.shape {
        ReturnShape::Empty => return Outcome::NotTyped(NotTyped::Empty),
        ReturnShape::Other => return Outcome::NotTyped(NotTyped::Other),
        ReturnShape::One | ReturnShape::Array => {}
    }
    let names: Vec<&str> = returns
        .entities
        .iter()
        .map(|link| link.name())
        .filter(|name| entities.entity(name).is_some())
        .collect();
    if names.is_empty() {
        let reason = if returns.entities.is_empty() {
            NotTyped::Other
        } else {
            NotTyped::UnknownEntity
        };
        return Outcome::NotTyped(reason);
    }
    let server = record.version.as_deref().and_then(Version::parse);
    let added_later = |added: &str| {
        server
            .as_ref()
            .zip(Version::parse(added))
            .is_some_and(|(server, added)| added > *server)
    };
    let mut best: Option<((usize, usize), &str, Vec<Contradiction>)> = None;
    for name in names {
        let mut checker = Checker::with_server(entities, &added_later);
        match (returns.shape, &record.body) {
            (ReturnShape::Array, Value::Array(items)) => {
                for (index, item) in items.iter().enumerate() {
                    checker.entity_at(item, name, vec![index.to_string()]);
                }
            }
            (ReturnShape::Array, other) => checker.contradictions.push(Contradiction {
                entity: name.to_owned(),
                attribute: String::new(),
                path: Vec::new(),
                kind: ContradictionKind::WrongType {
                    docs: "an array".to_owned(),
                    sent: kind(other),
                },
            }),
            (_, body) => checker.entity_at(body, name, Vec::new()),
        }
        let stopping = checker
            .contradictions
            .iter()
            .filter(|found| stops_read(entities, found))
            .count();
        let rank = (checker.counted(), stopping);
        if best.as_ref().is_none_or(|(best, ..)| rank < *best) {
            best = Some((rank, name, checker.contradictions));
        }
    }
    let Some(((_, stopping), entity, contradictions)) = best else {
        return Outcome::NotTyped(NotTyped::UnknownEntity);
    };
    Outcome::Checked {
        entity: entity.to_owned(),
        contradictions,
        reads: stopping == 0,
    }
}

/// The attribute a contradiction names, if the tables have it.
fn attribute_of<'s>(
    entities: &'s EntitySpec,
    found: &Contradiction,
) -> Option<&'s EntityAttribute> {
    entities
        .entity(&found.entity)?
        .attributes
        .iter()
        .find(|attribute| attribute.display_name() == found.attribute)
}

/// Whether the generated types fail on it: a required key that is neither
/// optional nor nullable absent (a nullable one reads as `None`), `null` in
/// a field that is not an `Option` (one neither nullable nor optional), a
/// `null` in an array, or another type (but for a `Hash` without documented
/// keys, which is raw JSON). Undocumented keys and values are read: the
/// structs ignore unknown keys and the enums are open.
pub fn stops_read(entities: &EntitySpec, found: &Contradiction) -> bool {
    let attribute = attribute_of(entities, found);
    match &found.kind {
        ContradictionKind::Missing => attribute.is_none_or(|a| !a.nullable && !a.optional),
        ContradictionKind::Null => attribute.is_none_or(|a| !a.optional),
        ContradictionKind::NullInArray => true,
        ContradictionKind::WrongType { docs, .. } => docs != "hash",
        ContradictionKind::UndocumentedKey
        | ContradictionKind::UndocumentedValue { .. }
        | ContradictionKind::AddedLater { .. } => false,
    }
}

/// What the docs say of the attribute a finding names.
fn docs_of(entities: &EntitySpec, found: &Contradiction, shape: Option<ReturnShape>) -> String {
    if found.attribute.is_empty() {
        return match shape {
            Some(ReturnShape::Array) => format!("an array of {}", found.entity),
            _ => format!("a {} object", found.entity),
        };
    }
    if found.kind == ContradictionKind::UndocumentedKey {
        return format!("not in {}'s table", found.entity);
    }
    let Some(attribute) = attribute_of(entities, found) else {
        return "not in the table".to_owned();
    };
    let mut text = attribute.ty.spelling();
    if matches!(
        attribute.ty.element(),
        crate::model::entities::AttributeType::String(StringFormat::Enumerable)
    ) && !attribute.values.is_empty()
    {
        let values: Vec<String> = attribute.values.iter().map(|v| format!("`{v}`")).collect();
        text.push_str(&format!(" of {}", values.join(", ")));
    }
    text.push_str(if attribute.nullable {
        ", nullable"
    } else {
        ", not nullable"
    });
    text.push_str(if attribute.optional {
        ", optional"
    } else {
        ", required"
    });
    if let Some(added) = attribute.added_in() {
        text.push_str(&format!(", added in {added}"));
    }
    text
}

/// What a server sent, as a finding says it.
fn sent_of(found: &Contradiction, body: &Value) -> String {
    match &found.kind {
        ContradictionKind::Missing | ContradictionKind::AddedLater { .. } => {
            "key absent".to_owned()
        }
        ContradictionKind::Null => "`null`".to_owned(),
        ContradictionKind::NullInArray => "`null` in the array".to_owned(),
        ContradictionKind::WrongType { sent, .. } => (*sent).to_owned(),
        ContradictionKind::UndocumentedValue { value } => format!("`{value}`"),
        ContradictionKind::UndocumentedKey => body
            .pointer(&found.pointer())
            .map_or("a value", kind)
            .to_owned(),
    }
}

/// Reads every record against the docs' model: `methods` routes and types
/// it, `entities` checks its body. Pure: the same inputs give the same report.
pub fn check(methods: &MethodSpec, entities: &EntitySpec, records: &[ResponseRecord]) -> Report {
    let router = Router::new(methods);
    let mut rows: Vec<SummaryRow> = Vec::new();
    let mut files: Vec<&str> = Vec::new();
    let mut findings: BTreeMap<(String, String, FindingKind), Building> = BTreeMap::new();
    let mut later: BTreeMap<(String, String, String), (BTreeSet<String>, usize)> = BTreeMap::new();
    let mut unrouted: BTreeMap<(String, String), (usize, BTreeSet<String>)> = BTreeMap::new();
    let mut not_typed: BTreeMap<(String, NotTyped), usize> = BTreeMap::new();
    for record in records {
        if !files.contains(&record.file.as_str()) {
            files.push(&record.file);
        }
        let version = record.version_label().to_owned();
        let outcome = outcome(&router, entities, record);
        match rows
            .iter_mut()
            .find(|row| row.file == record.file && row.version == version)
        {
            Some(row) => row.count(&outcome),
            None => {
                let mut row = SummaryRow {
                    file: record.file.clone(),
                    version: version.clone(),
                    ..SummaryRow::default()
                };
                row.count(&outcome);
                rows.push(row);
            }
        }
        let path = record.path.split('?').next().unwrap_or_default().to_owned();
        match &outcome {
            Outcome::Unrouted => {
                let entry = unrouted.entry((record.method.clone(), path)).or_default();
                entry.0 += 1;
                entry.1.insert(version);
            }
            Outcome::NotTyped(reason) => {
                let request = router
                    .route(&record.method, &record.path)
                    .map(|method| format!("{} {}", method.http_method, method.path))
                    .unwrap_or_default();
                *not_typed.entry((request, *reason)).or_default() += 1;
            }
            Outcome::Checked { contradictions, .. } => {
                let routed = router.route(&record.method, &record.path);
                let shape = routed
                    .and_then(|method| method.returns.as_ref())
                    .map(|returns| returns.shape);
                let request = routed
                    .map(|method| format!("{} {}", method.http_method, method.path))
                    .unwrap_or_default();
                let mut seen = BTreeSet::new();
                let mut seen_later = BTreeSet::new();
                for found in contradictions {
                    if let ContradictionKind::AddedLater { added_in } = &found.kind {
                        let key = (
                            found.entity.clone(),
                            found.attribute.clone(),
                            added_in.clone(),
                        );
                        if seen_later.insert(key.clone()) {
                            let entry = later.entry(key).or_default();
                            entry.0.insert(version.clone());
                            entry.1 += 1;
                        }
                        continue;
                    }
                    let Some(kind) = FindingKind::of(&found.kind) else {
                        continue;
                    };
                    let key = (found.entity.clone(), found.attribute.clone(), kind);
                    let building = findings.entry(key.clone()).or_insert_with(|| Building {
                        docs: docs_of(entities, found, shape),
                        stops_read: stops_read(entities, found),
                        sent: BTreeSet::new(),
                        responses: 0,
                        versions: BTreeSet::new(),
                        requests: BTreeMap::new(),
                        example: Location {
                            file: record.file.clone(),
                            line: record.line,
                            method: record.method.clone(),
                            path: record.path.clone(),
                            pointer: found.pointer(),
                        },
                    });
                    building.sent.insert(sent_of(found, &record.body));
                    building.versions.insert(version.clone());
                    if seen.insert(key) {
                        building.responses += 1;
                        *building.requests.entry(request.clone()).or_default() += 1;
                    }
                }
            }
        }
    }
    // Rows: by file as given, then by version.
    rows.sort_by(|a, b| {
        let file = |row: &SummaryRow| files.iter().position(|file| *file == row.file);
        file(a)
            .cmp(&file(b))
            .then_with(|| version_order(&a.version, &b.version))
    });
    let sorted_versions = |versions: BTreeSet<String>| {
        let mut versions: Vec<String> = versions.into_iter().collect();
        versions.sort_by(|a, b| version_order(a, b));
        versions
    };
    let mut findings: Vec<Finding> = findings
        .into_iter()
        .map(|((entity, attribute, kind), building)| Finding {
            entity,
            attribute,
            kind,
            docs: building.docs,
            sent: building.sent.into_iter().collect(),
            stops_read: building.stops_read,
            responses: building.responses,
            versions: sorted_versions(building.versions),
            requests: {
                let mut requests: Vec<(String, usize)> = building.requests.into_iter().collect();
                requests.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                requests
            },
            example: building.example,
        })
        .collect();
    let section = |finding: &Finding| match finding.kind {
        FindingKind::UndocumentedValue => 1,
        FindingKind::UndocumentedKey => 2,
        _ => 0,
    };
    findings.sort_by(|a, b| {
        section(a)
            .cmp(&section(b))
            .then(b.responses.cmp(&a.responses))
            .then_with(|| a.entity.cmp(&b.entity))
            .then_with(|| a.attribute.cmp(&b.attribute))
            .then(a.kind.cmp(&b.kind))
    });
    let mut not_yet_sent: Vec<NotYetSent> = later
        .into_iter()
        .map(
            |((entity, attribute, added_in), (versions, responses))| NotYetSent {
                entity,
                attribute,
                added_in,
                versions: sorted_versions(versions),
                responses,
            },
        )
        .collect();
    not_yet_sent.sort_by(|a, b| {
        version_order(&a.added_in, &b.added_in)
            .then_with(|| a.entity.cmp(&b.entity))
            .then_with(|| a.attribute.cmp(&b.attribute))
    });
    let mut unrouted: Vec<Unrouted> = unrouted
        .into_iter()
        .map(|((method, path), (responses, versions))| Unrouted {
            method,
            path,
            responses,
            versions: sorted_versions(versions),
        })
        .collect();
    unrouted.sort_by(|a, b| {
        b.responses
            .cmp(&a.responses)
            .then_with(|| a.path.cmp(&b.path))
            .then_with(|| a.method.cmp(&b.method))
    });
    let mut not_typed: Vec<NotTypedMethod> = not_typed
        .into_iter()
        .map(|((request, reason), responses)| NotTypedMethod {
            request,
            reason,
            responses,
        })
        .collect();
    not_typed.sort_by(|a, b| {
        a.reason
            .cmp(&b.reason)
            .then(b.responses.cmp(&a.responses))
            .then_with(|| a.request.cmp(&b.request))
    });
    Report {
        rows,
        findings,
        not_yet_sent,
        unrouted,
        not_typed,
    }
}

/// A finding while the records are read.
struct Building {
    docs: String,
    stops_read: bool,
    sent: BTreeSet<String>,
    responses: usize,
    versions: BTreeSet<String>,
    requests: BTreeMap<String, usize>,
    example: Location,
}

/// How [`Report::render`] writes the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// For a terminal.
    Text,
    /// Headings and tables, ready to file upstream.
    Markdown,
}

/// How many unrouted paths and not-typed methods the report lists.
const LISTED: usize = 15;

impl Report {
    pub fn render(&self, format: ReportFormat) -> String {
        let mut out = String::new();
        let markdown = format == ReportFormat::Markdown;
        let heading = |out: &mut String, level: usize, text: &str| {
            if markdown {
                out.push_str(&format!("{} {text}\n\n", "#".repeat(level)));
            } else {
                out.push_str(&format!("{text}\n{}\n\n", "=".repeat(text.chars().count())));
            }
        };
        heading(&mut out, 2, "Recorded responses against the docs");
        out.push_str(
            "Each response is routed to the documented method (method and path), typed by its \
             Returns line, and checked against the entity tables. It reads when the generated \
             types accept it: no required non-nullable key absent, no `null` in a field that is \
             not optional or nullable, no other type than documented (undocumented keys and values \
             do not stop a read).\n\n",
        );
        let total = self.total();
        let mut rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|row| summary_cells(row, markdown))
            .collect();
        if self.rows.len() > 1 {
            let mut cells = summary_cells(&total, markdown);
            cells[0] = if markdown {
                "**total**".to_owned()
            } else {
                "total".to_owned()
            };
            rows.push(cells);
        }
        let mut header = vec![
            "Recording",
            "Server",
            "Records",
            "Routed",
            "Typed",
            "Read",
            "Failing",
            "Undocumented keys",
        ];
        header.extend(NotTyped::ALL.iter().map(|reason| match reason {
            NotTyped::NoReturns => "Not typed: no Returns",
            NotTyped::Empty => "Not typed: Empty",
            NotTyped::Other => "Not typed: no entity",
            NotTyped::UnknownEntity => "Not typed: unknown entity",
        }));
        header.push("Unrouted");
        table(&mut out, &header, &rows, markdown);
        out.push('\n');

        let sections = [
            (
                0,
                "Contradictions of the documented types",
                "A key absent that the table requires, `null` where it does not say nullable, or another type.",
            ),
            (
                1,
                "Values the docs do not list",
                "Strings of enumerated attributes that the table does not list (the generated enums are open, so they read).",
            ),
            (
                2,
                "Keys the docs do not document",
                "Keys the table does not have (ignored when read).",
            ),
        ];
        for (section, title, what) in sections {
            let findings: Vec<&Finding> = self
                .findings
                .iter()
                .filter(|finding| match section {
                    0 => finding.kind.contradicts_types(),
                    1 => finding.kind == FindingKind::UndocumentedValue,
                    _ => finding.kind == FindingKind::UndocumentedKey,
                })
                .collect();
            heading(&mut out, 3, &format!("{title} ({})", findings.len()));
            out.push_str(what);
            out.push_str("\n\n");
            if findings.is_empty() {
                out.push_str("None.\n\n");
                continue;
            }
            if markdown {
                let rows: Vec<Vec<String>> = findings
                    .iter()
                    .map(|finding| {
                        let mut cells = vec![
                            format!("`{}`", finding.entity),
                            attribute_cell(&finding.attribute, true),
                        ];
                        if section == 0 {
                            let kind = if finding.stops_read {
                                finding.kind.name().to_owned()
                            } else {
                                format!("{} (reads)", finding.kind.name())
                            };
                            cells.push(kind);
                        }
                        cells.extend([
                            cell(&finding.docs),
                            cell(&finding.sent.join(", ")),
                            finding.responses.to_string(),
                            finding.versions.join(", "),
                            requests_label(&finding.requests, true),
                            format!(
                                "`{}:{}` `{} {}` at `{}`",
                                finding.example.file,
                                finding.example.line,
                                finding.example.method,
                                cell(&finding.example.path),
                                pointer_label(&finding.example.pointer)
                            ),
                        ]);
                        cells
                    })
                    .collect();
                let mut header = vec!["Entity", "Attribute"];
                if section == 0 {
                    header.push("Kind");
                }
                header.extend([
                    "Docs say",
                    "Servers sent",
                    "Responses",
                    "Versions",
                    "Methods",
                    "Example",
                ]);
                table(&mut out, &header, &rows, true);
                out.push('\n');
            } else {
                for finding in findings {
                    let reads = if section == 0 && !finding.stops_read {
                        " (reads)"
                    } else {
                        ""
                    };
                    out.push_str(&format!(
                        "{} {}: {}{reads}\n  docs: {}\n  sent: {}\n  {} response{} from {}, to {}\n  first at {}:{} {} {} ({})\n",
                        finding.entity,
                        attribute_cell(&finding.attribute, false),
                        finding.kind.name(),
                        finding.docs,
                        finding.sent.join(", "),
                        finding.responses,
                        if finding.responses == 1 { "" } else { "s" },
                        finding.versions.join(", "),
                        requests_label(&finding.requests, false),
                        finding.example.file,
                        finding.example.line,
                        finding.example.method,
                        finding.example.path,
                        pointer_label(&finding.example.pointer),
                    ));
                }
                out.push('\n');
            }
        }

        heading(
            &mut out,
            3,
            &format!("Not yet sent ({})", self.not_yet_sent.len()),
        );
        out.push_str("Required attributes absent from servers older than the version the docs say added them: not disagreements, but evidence for the oldest version the types can read.\n\n");
        if self.not_yet_sent.is_empty() {
            out.push_str("None.\n\n");
        } else {
            let rows: Vec<Vec<String>> = self
                .not_yet_sent
                .iter()
                .map(|later| {
                    vec![
                        code(&later.entity, markdown),
                        attribute_cell(&later.attribute, markdown),
                        later.added_in.clone(),
                        later.versions.join(", "),
                        later.responses.to_string(),
                    ]
                })
                .collect();
            table(
                &mut out,
                &["Entity", "Attribute", "Added in", "Lacked by", "Responses"],
                &rows,
                markdown,
            );
            out.push('\n');
        }

        heading(
            &mut out,
            3,
            &format!(
                "Not typed ({} responses, {} methods)",
                total.not_typed_total(),
                self.not_typed.len()
            ),
        );
        if self.not_typed.is_empty() {
            out.push_str("None.\n\n");
        } else {
            let rows: Vec<Vec<String>> = self
                .not_typed
                .iter()
                .take(LISTED)
                .map(|method| {
                    vec![
                        code(&method.request, markdown),
                        method.reason.label().to_owned(),
                        method.responses.to_string(),
                    ]
                })
                .collect();
            table(&mut out, &["Method", "Why", "Responses"], &rows, markdown);
            if self.not_typed.len() > LISTED {
                out.push_str(&format!(
                    "\nand {} more methods.\n",
                    self.not_typed.len() - LISTED
                ));
            }
            out.push('\n');
        }

        heading(
            &mut out,
            3,
            &format!(
                "Unrouted ({} responses, {} paths)",
                total.unrouted,
                self.unrouted.len()
            ),
        );
        if self.unrouted.is_empty() {
            out.push_str("None.\n");
        } else {
            out.push_str("No documented method has this method and path.\n\n");
            let rows: Vec<Vec<String>> = self
                .unrouted
                .iter()
                .take(LISTED)
                .map(|path| {
                    vec![
                        code(&format!("{} {}", path.method, path.path), markdown),
                        path.responses.to_string(),
                        path.versions.join(", "),
                    ]
                })
                .collect();
            table(
                &mut out,
                &["Request", "Responses", "Versions"],
                &rows,
                markdown,
            );
            if self.unrouted.len() > LISTED {
                out.push_str(&format!(
                    "\nand {} more paths.\n",
                    self.unrouted.len() - LISTED
                ));
            }
        }
        out
    }
}

fn summary_cells(row: &SummaryRow, markdown: bool) -> Vec<String> {
    let mut cells = vec![
        if markdown {
            cell(&row.file)
        } else {
            row.file.clone()
        },
        row.version.clone(),
        row.records.to_string(),
        row.routed.to_string(),
        row.typed.to_string(),
        row.read.to_string(),
        row.failing.to_string(),
        row.undocumented_keys.to_string(),
    ];
    cells.extend(
        NotTyped::ALL
            .iter()
            .map(|reason| row.not_typed.get(reason).copied().unwrap_or(0).to_string()),
    );
    cells.push(row.unrouted.to_string());
    cells
}

/// An attribute's docs path, or what stands for the response as a whole.
fn attribute_cell(attribute: &str, markdown: bool) -> String {
    match (attribute.is_empty(), markdown) {
        (true, _) => "(the response)".to_owned(),
        (false, true) => format!("`{attribute}`"),
        (false, false) => attribute.to_owned(),
    }
}

/// The first methods of a finding, with their counts.
fn requests_label(requests: &[(String, usize)], markdown: bool) -> String {
    const SHOWN: usize = 3;
    let mut shown: Vec<String> = requests
        .iter()
        .take(SHOWN)
        .map(|(request, count)| format!("{} ({count})", code(request, markdown)))
        .collect();
    if requests.len() > SHOWN {
        shown.push(format!("and {} more", requests.len() - SHOWN));
    }
    shown.join(", ")
}

fn pointer_label(pointer: &str) -> &str {
    if pointer.is_empty() { "/" } else { pointer }
}

fn code(text: &str, markdown: bool) -> String {
    if markdown {
        format!("`{}`", cell(text))
    } else {
        text.to_owned()
    }
}

/// Text for a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// A table: Markdown's, or columns padded for a terminal.
fn table(out: &mut String, header: &[&str], rows: &[Vec<String>], markdown: bool) {
    if markdown {
        out.push_str(&format!("| {} |\n", header.join(" | ")));
        out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
        for row in rows {
            out.push_str(&format!("| {} |\n", row.join(" | ")));
        }
        return;
    }
    let widths: Vec<usize> = (0..header.len())
        .map(|column| {
            rows.iter()
                .filter_map(|row| row.get(column))
                .map(|text| text.chars().count())
                .chain([header[column].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: Vec<&str>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(text, width)| format!("{text:<width$}"))
            .collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    out.push_str(&line(header.to_vec()));
    out.push_str(&line(
        widths
            .iter()
            .map(|width| "-".repeat(*width))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect(),
    ));
    for row in rows {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Invented tables: an account (with a sub-entity that extends it), a
    /// status holding one, and a widget.
    const ENTITIES: &str = r#"schema: 1
pages:
  - file: Account
    entities:
      - name: Account
        attributes:
          - name: id
            type: string(id)
            history:
              - 0.1.0 - added
          - name: username
            type: string
          - name: note
            type: string
            nullable: true
          - name: pronouns
            type: string
            history:
              - 4.5.0 - added
          - name: source
            type: hash
            optional: true
          - name: source[privacy]
            type: string(enum)
            values:
              - public
              - private
      - name: CredentialAccount
        anchor: CredentialAccount
        extends: Account
        attributes:
          - name: locale
            type: string
  - file: Status
    entities:
      - name: Status
        attributes:
          - name: id
            type: string(id)
          - name: content
            type: string(html)
          - name: account
            type: entity(Account)
          - name: visibility
            type: string(enum)
            values:
              - public
              - private
  - file: Widget
    entities:
      - name: Widget
        attributes:
          - name: id
            type: string(id)
"#;

    const METHODS: &str = r#"schema: 1
pages:
  - path: statuses
    title: statuses API methods
    methods:
      - title: View a status
        request: GET /api/v1/statuses/:id
        tokens: [user]
        returns: {shape: one, entities: [Status]}
      - title: My statuses
        request: GET /api/v1/statuses/mine
        tokens: [user]
        returns: {shape: array, entities: [Status]}
      - title: Delete a status
        request: DELETE /api/v1/statuses/:id
        tokens: [user]
        returns: {shape: one, entities: [Status]}
      - title: Post a thing
        request: POST /api/v1/things
        tokens: [user]
        returns: {shape: one, entities: [Widget, Status]}
      - title: Me
        request: GET /api/v1/me
        tokens: [user]
        returns: {shape: one, entities: [CredentialAccount]}
      - title: Link timeline
        request: GET /api/v1/timelines/link?url=:url
        tokens: [user]
        returns: {shape: array, entities: [Status]}
      - title: Forget
        request: DELETE /api/v1/lists/:id
        tokens: [user]
        returns: {shape: empty}
      - title: Prose
        request: GET /api/v1/prose
        tokens: [user]
        returns: {shape: other}
      - title: Silent
        request: GET /api/v1/silent
        tokens: [user]
"#;

    fn entities() -> EntitySpec {
        crate::pages::entities::read_yaml::parse(&Source::new("entities.yaml", ENTITIES))
            .unwrap_or_else(|error| panic!("{}", error.render()))
    }

    fn methods() -> MethodSpec {
        crate::pages::methods::read_yaml::parse(&Source::new("methods.yaml", METHODS))
            .unwrap_or_else(|error| panic!("{}", error.render()))
            .0
    }

    fn record(method: &str, path: &str, version: &str, body: Value) -> ResponseRecord {
        let line = serde_json::json!({"m": method, "p": path, "v": version, "body": body});
        parse_records(&Source::new("fixture.jsonl", line.to_string()))
            .expect("a valid record")
            .remove(0)
    }

    fn account() -> Value {
        serde_json::json!({"id": "1", "username": "a", "note": null, "pronouns": "they", "source": {"privacy": "public"}})
    }

    fn status() -> Value {
        serde_json::json!({"id": "2", "content": "<p>hi</p>", "account": account(), "visibility": "public"})
    }

    fn checked(record: &ResponseRecord) -> (String, Vec<Contradiction>, bool) {
        let methods = methods();
        match outcome(&Router::new(&methods), &entities(), record) {
            Outcome::Checked {
                entity,
                contradictions,
                reads,
            } => (entity, contradictions, reads),
            other => panic!("not checked: {other:?}"),
        }
    }

    #[test]
    fn routes_by_segments_preferring_literals() {
        let methods = methods();
        let router = Router::new(&methods);
        let title = |method: &str, path: &str| router.route(method, path).map(|m| m.title.as_str());
        assert_eq!(title("GET", "/api/v1/statuses/123"), Some("View a status"));
        assert_eq!(title("GET", "/api/v1/statuses/mine"), Some("My statuses"));
        assert_eq!(
            title("get", "/api/v1/statuses/123?x=1"),
            Some("View a status")
        );
        assert_eq!(title("GET", "/api/v1/statuses/123/"), Some("View a status"));
        assert_eq!(
            title("DELETE", "/api/v1/statuses/123"),
            Some("Delete a status")
        );
        // The docs' own query string is no segment.
        assert_eq!(
            title("GET", "/api/v1/timelines/link?url=https%3A%2F%2Fx"),
            Some("Link timeline")
        );
        assert_eq!(title("PUT", "/api/v1/statuses/123"), None);
        assert_eq!(title("GET", "/api/v1/statuses/123/context"), None);
        assert_eq!(title("GET", "/api/v1/statuses//"), None);
        assert_eq!(title("GET", "/api/v1/statuses"), None);
    }

    #[test]
    fn contradictions_name_the_defining_entity_the_attribute_and_the_pointer() {
        let mut body = status();
        body["account"]["username"] = Value::Null;
        body["account"]["source"]["extra"] = serde_json::json!(1);
        body["account"]["source"]["privacy"] = serde_json::json!("local");
        body["id"] = serde_json::json!(2);
        body.as_object_mut().expect("an object").remove("content");
        body["shiny"] = serde_json::json!(true);
        let (entity, found, reads) = checked(&record("GET", "/api/v1/statuses/2", "4.6.0", body));
        assert_eq!(entity, "Status");
        assert!(!reads);
        let summary: Vec<(&str, &str, String, &ContradictionKind)> = found
            .iter()
            .map(|c| {
                (
                    c.entity.as_str(),
                    c.attribute.as_str(),
                    c.pointer(),
                    &c.kind,
                )
            })
            .collect();
        let expect = |entity: &str, attribute: &str, pointer: &str, kind: ContradictionKind| {
            assert!(
                summary.contains(&(entity, attribute, pointer.to_owned(), &kind)),
                "no {entity} {attribute} {pointer} {kind:?} in {summary:#?}"
            );
        };
        expect(
            "Account",
            "username",
            "/account/username",
            ContradictionKind::Null,
        );
        expect(
            "Account",
            "source[extra]",
            "/account/source/extra",
            ContradictionKind::UndocumentedKey,
        );
        expect(
            "Account",
            "source[privacy]",
            "/account/source/privacy",
            ContradictionKind::UndocumentedValue {
                value: "local".to_owned(),
            },
        );
        expect(
            "Status",
            "id",
            "/id",
            ContradictionKind::WrongType {
                docs: "string(id)".to_owned(),
                sent: "an integer",
            },
        );
        expect("Status", "content", "/content", ContradictionKind::Missing);
        expect(
            "Status",
            "shiny",
            "/shiny",
            ContradictionKind::UndocumentedKey,
        );
        assert_eq!(found.len(), 6, "{summary:#?}");
        // The lint's words, as the YAML copy records them.
        let messages: Vec<String> = found.iter().map(Contradiction::message).collect();
        assert!(messages.contains(
            &"`account/username` is null, and the table does not say it is nullable".to_owned()
        ));
        assert!(
            messages.contains(&"`id` is an integer, where the table says string(id)".to_owned())
        );
        assert!(messages.contains(
            &"`account/source/privacy` is `local`, which the table does not list".to_owned()
        ));
        assert!(messages.contains(
            &"`content` is missing, and the table does not say it is optional".to_owned()
        ));
    }

    #[test]
    fn an_extended_entity_names_its_base_for_inherited_attributes() {
        let mut body = account();
        body["locale"] = Value::Null;
        body["source"]["privacy"] = Value::Null;
        let (entity, found, _) = checked(&record("GET", "/api/v1/me", "4.6.0", body));
        assert_eq!(entity, "CredentialAccount");
        let named: Vec<(&str, &str)> = found
            .iter()
            .map(|c| (c.entity.as_str(), c.attribute.as_str()))
            .collect();
        assert_eq!(
            named,
            [
                ("CredentialAccount", "locale"),
                ("Account", "source[privacy]")
            ]
        );
    }

    #[test]
    fn keys_added_after_the_server_version_are_not_yet_sent() {
        let mut body = account();
        body.as_object_mut().expect("an object").remove("pronouns");
        let kinds = |version: &str| {
            let (_, found, reads) = checked(&record("GET", "/api/v1/me", version, body.clone()));
            let kinds: Vec<ContradictionKind> = found
                .into_iter()
                .filter(|c| c.attribute == "pronouns")
                .map(|c| c.kind)
                .collect();
            (kinds, reads)
        };
        let later = ContradictionKind::AddedLater {
            added_in: "4.5.0".to_owned(),
        };
        // `locale` is missing as well: it is required, with no history.
        assert_eq!(kinds("4.3.0"), (vec![later.clone()], false));
        assert_eq!(kinds("4.4.9"), (vec![later], false));
        assert_eq!(kinds("4.5.0").0, vec![ContradictionKind::Missing]);
        // Numerically: 4.10 is after 4.5.
        assert_eq!(kinds("4.10.0").0, vec![ContradictionKind::Missing]);
        assert_eq!(kinds("unknown").0, vec![ContradictionKind::Missing]);
    }

    #[test]
    fn several_entities_take_the_one_with_the_fewest_contradictions() {
        let (entity, found, reads) = checked(&record("POST", "/api/v1/things", "4.6.0", status()));
        assert_eq!((entity.as_str(), found.len(), reads), ("Status", 0, true));
        let widget = serde_json::json!({"id": "3"});
        let (entity, found, _) = checked(&record("POST", "/api/v1/things", "4.6.0", widget));
        assert_eq!((entity.as_str(), found.len()), ("Widget", 0));
    }

    #[test]
    fn a_list_that_is_no_array_is_a_wrong_type_of_the_response() {
        let (_, found, reads) = checked(&record("GET", "/api/v1/statuses/mine", "4.6.0", status()));
        assert!(!reads);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].attribute.as_str(), found[0].pointer()),
            ("", String::new())
        );
        assert_eq!(
            found[0].kind,
            ContradictionKind::WrongType {
                docs: "an array".to_owned(),
                sent: "an object"
            }
        );
    }

    #[test]
    fn a_missing_nullable_key_and_a_null_optional_one_still_read() {
        let mut body = account();
        body.as_object_mut().expect("an object").remove("note");
        body["source"] = Value::Null;
        body["locale"] = serde_json::json!("en");
        let (_, found, reads) = checked(&record("GET", "/api/v1/me", "4.6.0", body));
        let kinds: Vec<&ContradictionKind> = found.iter().map(|c| &c.kind).collect();
        assert_eq!(
            kinds,
            [&ContradictionKind::Null, &ContradictionKind::Missing]
        );
        assert!(reads, "{found:#?}");
    }

    fn fixture() -> Vec<ResponseRecord> {
        let mut without_content = status();
        without_content
            .as_object_mut()
            .expect("an object")
            .remove("content");
        let mut old_account = account();
        old_account
            .as_object_mut()
            .expect("an object")
            .remove("pronouns");
        old_account["locale"] = serde_json::json!("en");
        let mut local = status();
        local["visibility"] = serde_json::json!("local");
        let lines = [
            serde_json::json!({"m": "GET", "p": "/api/v1/statuses/1", "v": "4.3.0", "body": status()}),
            serde_json::json!({"m": "DELETE", "p": "/api/v1/statuses/1", "v": "4.3.0", "body": without_content}),
            serde_json::json!({"m": "DELETE", "p": "/api/v1/statuses/2", "v": "4.6.0", "body": without_content}),
            serde_json::json!({"m": "GET", "p": "/api/v1/me", "v": "4.3.0", "body": old_account}),
            serde_json::json!({"m": "GET", "p": "/api/v1/statuses/mine", "v": "4.6.0", "body": [local, status()]}),
            serde_json::json!({"m": "DELETE", "p": "/api/v1/lists/1", "v": "4.6.0", "body": {}}),
            serde_json::json!({"m": "GET", "p": "/api/v1/prose", "v": "4.6.0", "body": "text"}),
            serde_json::json!({"m": "GET", "p": "/api/v1/silent", "v": "unknown", "body": {}}),
            serde_json::json!({"m": "GET", "p": "/nodeinfo/2.0?x", "v": "4.6.0", "body": {}}),
        ];
        let text: String = lines.iter().map(|line| format!("{line}\n\n")).collect();
        parse_records(&Source::new("fixture.jsonl", text.as_str())).expect("the fixture reads")
    }

    #[test]
    fn the_report_counts_every_record_once_and_groups_findings() {
        let records = fixture();
        assert_eq!(records.len(), 9);
        assert_eq!(records[1].line, 3, "blank lines count as lines");
        let report = check(&methods(), &entities(), &records);
        let versions: Vec<&str> = report.rows.iter().map(|row| row.version.as_str()).collect();
        assert_eq!(versions, ["4.3.0", "4.6.0", "unknown"]);
        for row in &report.rows {
            assert_eq!(
                row.records,
                row.unrouted + row.not_typed_total() + row.typed
            );
            assert_eq!(row.typed, row.read + row.failing);
            assert_eq!(row.routed, row.typed + row.not_typed_total());
        }
        let total = report.total();
        assert_eq!(total.records, records.len());
        assert_eq!((total.typed, total.read, total.failing), (5, 3, 2));
        assert_eq!(total.unrouted, 1);
        assert_eq!(total.not_typed.get(&NotTyped::Empty), Some(&1));
        assert_eq!(total.not_typed.get(&NotTyped::Other), Some(&1));
        assert_eq!(total.not_typed.get(&NotTyped::NoReturns), Some(&1));

        let content = report
            .findings
            .iter()
            .find(|f| {
                f.entity == "Status" && f.attribute == "content" && f.kind == FindingKind::Missing
            })
            .expect("the missing content");
        assert_eq!(content.responses, 2);
        assert_eq!(content.versions, ["4.3.0", "4.6.0"]);
        assert_eq!(
            content.requests,
            [("DELETE /api/v1/statuses/:id".to_owned(), 2)]
        );
        assert_eq!(
            (
                content.example.file.as_str(),
                content.example.line,
                content.example.pointer.as_str()
            ),
            ("fixture.jsonl", 3, "/content")
        );
        assert!(content.stops_read);
        assert!(
            content.docs.contains("string(html)") && content.docs.contains("required"),
            "{}",
            content.docs
        );

        let local = report
            .findings
            .iter()
            .find(|f| f.kind == FindingKind::UndocumentedValue)
            .expect("the undocumented value");
        assert_eq!(
            (local.entity.as_str(), local.attribute.as_str()),
            ("Status", "visibility")
        );
        assert_eq!(local.sent, ["`local`"]);
        assert_eq!(local.example.pointer, "/0/visibility");
        // The types first, then values, then keys.
        assert_eq!(
            report.findings.last().map(|f| f.kind),
            Some(FindingKind::UndocumentedValue)
        );

        assert_eq!(report.not_yet_sent.len(), 1);
        let later = &report.not_yet_sent[0];
        assert_eq!(
            (
                later.entity.as_str(),
                later.attribute.as_str(),
                later.added_in.as_str(),
                later.responses
            ),
            ("Account", "pronouns", "4.5.0", 1)
        );
        assert_eq!(later.versions, ["4.3.0"]);
        assert_eq!(report.unrouted.len(), 1);
        assert_eq!(report.unrouted[0].path, "/nodeinfo/2.0");

        // Deterministic, in both formats.
        let again = check(&methods(), &entities(), &records);
        for format in [ReportFormat::Text, ReportFormat::Markdown] {
            assert_eq!(report.render(format), again.render(format));
        }
        let markdown = report.render(ReportFormat::Markdown);
        assert!(
            markdown.contains("| `Status` | `content` | Missing |"),
            "{markdown}"
        );
        assert!(
            markdown.contains("`fixture.jsonl:3` `DELETE /api/v1/statuses/1` at `/content`"),
            "{markdown}"
        );
        assert!(
            markdown.contains("| fixture.jsonl | 4.3.0 | 3 |"),
            "{markdown}"
        );
        let text = report.render(ReportFormat::Text);
        assert!(text.contains("Status content: Missing"), "{text}");
        assert!(!text.contains("| "), "{text}");
    }

    #[test]
    fn a_bad_line_is_located_with_what_is_wrong() {
        let good = r#"{"m":"GET","p":"/a","body":{}}"#;
        let read = |text: &str| {
            let error = parse_records(&Source::new("x.jsonl", text)).expect_err("refused");
            let diagnostic = &error.diagnostics()[0];
            (
                error.location(diagnostic),
                diagnostic.message().to_owned(),
                error.render(),
            )
        };
        let (location, message, error) = read(&format!("{good}\n{{\"m\": \"GET\",, }}\n"));
        assert!(location.starts_with("x.jsonl:2:"), "{error}");
        assert!(message.starts_with("the line is not JSON"), "{error}");
        assert!(!message.contains("at line"), "{error}");
        let (location, message, error) =
            read(&format!("{good}\n{good}\n{{\"m\":\"GET\",\"body\":1}}"));
        assert_eq!(location, "x.jsonl:3:1");
        assert!(message.contains("`p`"), "{error}");
        let (_, message, _) = read("[1]");
        assert_eq!(message, "the line is an array, not a JSON object");
        let (_, message, error) = read(r#"{"m":"GET","p":"a","body":1}"#);
        assert!(message.contains("starting with `/`"), "{error}");
        assert!(
            error.contains("= help: each line of a recording"),
            "{error}"
        );
    }
}
