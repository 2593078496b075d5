//! What the entity pages document: for each entity (and sub-entity such as
//! `Status::Mention`), its attributes with their types, nullability,
//! optionality, enumerated values and versions. Facts only; the prose stays
//! on the docs site, which each item's docs link reaches.

use std::ops::Range;

use super::HistoryEntry;
use super::LintRecord;

/// Every entity page of the docs (or of their YAML copy), in file order,
/// with what the copy's maintainer reviewed: the oldest server the types
/// must read, and the corrections the servers' own responses prove.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EntitySpec {
    pub pages: Vec<EntityPage>,
    /// The copy's `baseline:`, the oldest server version the generated types
    /// read; `None` when it names none (the generator's default applies).
    pub baseline: Option<Baseline>,
    /// The copy's reviewed corrections, in the copy's order. The pages have none.
    pub corrections: Vec<Correction>,
}

impl EntitySpec {
    /// Every entity, in page order.
    pub fn entities(&self) -> impl Iterator<Item = (&EntityPage, &Entity)> {
        self.pages
            .iter()
            .flat_map(|page| page.entities.iter().map(move |entity| (page, entity)))
    }

    /// The entity the docs call `name`, e.g. `Status::Mention`.
    pub fn entity(&self, name: &str) -> Option<&Entity> {
        self.entities()
            .map(|(_, entity)| entity)
            .find(|entity| entity.name == name)
    }

    /// Each correction whose every change the docs now say themselves, with
    /// what they say: the refresh reports these as redundant.
    pub fn redundant_corrections(&self) -> Vec<&Correction> {
        self.corrections
            .iter()
            .filter(|correction| {
                self.entity(&correction.entity)
                    .and_then(|entity| {
                        entity
                            .attributes
                            .iter()
                            .find(|attribute| attribute.path == correction.attribute)
                    })
                    .is_some_and(|attribute| {
                        (!correction.nullable || attribute.nullable)
                            && (!correction.optional || attribute.optional)
                            && correction.ty.as_ref().is_none_or(|ty| *ty == attribute.ty)
                    })
            })
            .collect()
    }

    /// The same content with every span emptied.
    pub fn without_spans(&self) -> EntitySpec {
        let mut spec = self.clone();
        for page in &mut spec.pages {
            for entity in &mut page.entities {
                entity.span = 0..0;
                for attribute in &mut entity.attributes {
                    attribute.span = 0..0;
                    attribute.type_span = 0..0;
                }
            }
            page.examples
                .iter_mut()
                .for_each(|example| example.span = 0..0);
            page.lints.iter_mut().for_each(|lint| lint.span = 0..0);
        }
        spec.corrections
            .iter_mut()
            .for_each(|correction| correction.span = 0..0);
        spec
    }
}

/// The oldest Mastodon server the generated entity types must read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Baseline {
    /// Every server from this version on: an attribute added later is an
    /// `Option`, `None` from older servers.
    Version(Version),
    /// Only the newest server, the one the docs describe: every attribute
    /// as its table says.
    Latest,
}

impl Baseline {
    /// What the generator assumes when neither the `Config`, the command
    /// line nor the copy names one: Mastodon 4.0.0, the first release the
    /// docs' 4.0 rewrite of the method pages describes.
    pub const DEFAULT: &'static str = "4.0.0";

    /// `4.0.0`, or `latest`.
    pub fn parse(text: &str) -> Option<Baseline> {
        match text.trim() {
            "latest" => Some(Baseline::Latest),
            text => Version::parse(text).map(Baseline::Version),
        }
    }

    /// As [`Baseline::parse`] reads it.
    pub fn as_str(&self) -> &str {
        match self {
            Baseline::Version(version) => version.as_str(),
            Baseline::Latest => "latest",
        }
    }
}

impl Default for Baseline {
    fn default() -> Self {
        Baseline::Version(Version::parse(Baseline::DEFAULT).expect("a valid default"))
    }
}

/// A Mastodon version as the docs' histories write one (`4.3.0`,
/// `4.0.0-beta1`), ordered as releases are: `4.0.0-beta1` < `4.0.0` <
/// `4.0.1` < `4.10.0`, and `4.3` is `4.3.0`.
#[derive(Debug, Clone)]
pub struct Version {
    text: String,
    numbers: Vec<u64>,
    pre_release: Option<String>,
}

impl Version {
    /// `None` for anything [`is_history_version`] refuses.
    pub fn parse(text: &str) -> Option<Version> {
        let text = text.trim();
        if !is_history_version(text) {
            return None;
        }
        let (numbers, suffix) = text.split_once('-').unwrap_or((text, ""));
        let numbers = numbers
            .split('.')
            .map(|part| part.parse().ok())
            .collect::<Option<Vec<u64>>>()?;
        Some(Version {
            text: text.to_owned(),
            numbers,
            pre_release: (!suffix.is_empty()).then(|| suffix.to_owned()),
        })
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let width = self.numbers.len().max(other.numbers.len());
        let padded = |numbers: &[u64]| -> Vec<u64> {
            let mut numbers = numbers.to_vec();
            numbers.resize(width, 0);
            numbers
        };
        padded(&self.numbers)
            .cmp(&padded(&other.numbers))
            .then_with(|| match (&self.pre_release, &other.pre_release) {
                (None, None) => std::cmp::Ordering::Equal,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (Some(_), None) => std::cmp::Ordering::Less,
                (Some(a), Some(b)) => a.cmp(b),
            })
    }
}

impl PartialEq for Version {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Version {}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// A fact the docs get wrong, which recorded server responses prove and the
/// copy's maintainer reviewed: `Status.content` may be absent (`DELETE
/// /api/v1/statuses/:id` answers without it). Corrections only widen what the
/// types accept, or retype an attribute the servers send as another type.
#[derive(Debug, Clone, PartialEq)]
pub struct Correction {
    /// The docs name of the entity whose table has the attribute.
    pub entity: String,
    /// The attribute's key path, as [`EntityAttribute::path`].
    pub attribute: Vec<String>,
    /// The servers send `null`.
    pub nullable: bool,
    /// The servers leave the key out.
    pub optional: bool,
    /// The type the servers send instead of the docs' type.
    pub ty: Option<AttributeType>,
    /// The last server version the correction holds for (later servers send
    /// what the docs say); `None` when every recorded server does. It applies
    /// only to types whose baseline is at or before it.
    pub until: Option<Version>,
    /// Where the servers show it: `responses/FILE.jsonl:LINE`, then what the
    /// record shows.
    pub evidence: Vec<String>,
    /// The correction's item in the copy.
    pub span: Range<usize>,
}

impl Correction {
    /// What it changes, as a phrase: `may be null`, `may be absent`, `is an integer`.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if let Some(ty) = &self.ty {
            parts.push(format!("is {}", ty.spelling()));
        }
        if self.nullable {
            parts.push("may be null".to_owned());
        }
        if self.optional {
            parts.push("may be absent".to_owned());
        }
        parts.join(" and ")
    }

    /// Whether it holds for types that read every server from `baseline` on.
    pub fn applies_at(&self, baseline: &Baseline) -> bool {
        match (&self.until, baseline) {
            (None, _) => true,
            (Some(until), Baseline::Version(baseline)) => baseline <= until,
            (Some(_), Baseline::Latest) => false,
        }
    }

    /// The `responses/FILE.jsonl:LINE` locations its evidence cites.
    pub fn evidence_records(&self) -> Vec<(&str, usize)> {
        self.evidence
            .iter()
            .filter_map(|line| evidence_record(line))
            .collect()
    }
}

/// The record an evidence line starts with: `responses/x.jsonl:12 …` is
/// (`responses/x.jsonl`, 12).
pub fn evidence_record(line: &str) -> Option<(&str, usize)> {
    let location = line.split_whitespace().next()?;
    let (file, number) = location.rsplit_once(':')?;
    let number: usize = number.parse().ok().filter(|number| *number > 0)?;
    file.ends_with(".jsonl").then_some((file, number))
}

/// One entity page, e.g. `Status.md` or `Admin_Account.md`.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityPage {
    /// The file name without `.md`: `Status`, `Admin_Account`. Its docs URL
    /// is `/entities/<file>/`.
    pub file: String,
    /// The page's entity first, then the sub-entities its `##` sections define.
    pub entities: Vec<Entity>,
    /// The page's JSON examples (not in the YAML copy: they are the docs' text).
    pub examples: Vec<Example>,
    /// The docs defects found on the page, as the YAML copy records them.
    pub lints: Vec<LintRecord>,
}

/// An entity: the page's own (`Status`, named by the page title) or a
/// sub-entity of a `## … attributes` section (`Status::Mention`).
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// The docs' name: `Status`, `Admin::Account`, `Status::Mention`,
    /// `CredentialAccount`, `Account::Field`.
    pub name: String,
    /// The section's `{#anchor}`; `None` for the page's own entity.
    pub anchor: Option<String>,
    pub span: Range<usize>,
    /// The entity whose attributes this one also has: `CredentialAccount`
    /// extends `Account`.
    pub extends: Option<String>,
    /// In page order; nested hash attributes (`source[note]`) follow the
    /// hash they belong to.
    pub attributes: Vec<EntityAttribute>,
}

/// One attribute heading, e.g. `` ### `source[note]` ``.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityAttribute {
    /// The key path: `["source", "note"]` for `source[note]`.
    pub path: Vec<String>,
    pub anchor: Option<String>,
    pub span: Range<usize>,
    /// The first line of the `Type:` field as written, links as their text:
    /// `{{<nullable>}} String (URL) or null`.
    pub type_text: String,
    pub type_span: Range<usize>,
    pub ty: AttributeType,
    /// The value may be `null`.
    pub nullable: bool,
    /// The key may be absent.
    pub optional: bool,
    pub lifecycle: AttributeLifecycle,
    /// Enumerated values (`` `public` = … ``), in page order.
    pub values: Vec<String>,
    pub history: Vec<HistoryEntry>,
    /// A type set by the YAML copy, overriding the one the `Type:` line gives.
    pub type_override: bool,
    /// Set by the baseline stage, never by a reader: the version servers
    /// send it from, when that is after the baseline and after its
    /// container's, so that older servers leave it out.
    pub sent_from: Option<String>,
    /// Set by the corrections stage, never by a reader: the reviewed
    /// corrections applied to it.
    pub corrections: Vec<Correction>,
}

impl EntityAttribute {
    /// `source[note]`, as the docs write the path.
    pub fn display_name(&self) -> String {
        display_path(&self.path)
    }

    /// The version that added it: the latest history entry that adds the
    /// attribute itself (`added`, `added to public APIs`, `added, returns
    /// …`), since that is when a client can count on it (`Tag.id`: `3.5.0 -
    /// added to admin APIs`, then `4.3.1 - added to public APIs`). Without
    /// one, the first entry's version: a history opens with the attribute's
    /// arrival even when it words it otherwise (`4.5.0 - added
    /// posting:default:quoted_policy`). Entries that add a value or a key to
    /// it (`added poll`, `added alerts[status]`) do not count.
    pub fn added_in(&self) -> Option<&str> {
        self.added_for(false)
    }

    /// [`EntityAttribute::added_in`] for an admin entity (`admin`) or any
    /// other: an `added to admin APIs` entry counts only for the first, an
    /// `added to public APIs` one only for the others (`Tag.id` is in
    /// `Admin::Tag` from 3.5.0, and in `Tag` from 4.3.1).
    pub fn added_for(&self, admin: bool) -> Option<&str> {
        let adds = |change: &str| match change.strip_prefix("added to ") {
            Some(audience) if audience.starts_with("admin ") => admin,
            Some(audience) if audience.starts_with("public ") => !admin,
            Some(_) => true,
            None => change == "added" || change.starts_with("added,"),
        };
        self.history
            .iter()
            .rev()
            .find(|entry| adds(&entry.change))
            .or_else(|| self.history.first())
            .map(|entry| entry.version.as_str())
            .filter(|version| !version.is_empty())
    }

    /// Whether the generated field is an `Option` for an absent key: the
    /// table says it is optional, or a newer server than the baseline added
    /// it (a nullable one already reads absent as `None`).
    pub fn may_be_absent(&self) -> bool {
        self.optional || (self.sent_from.is_some() && !self.nullable)
    }
}

/// `source[note]` for `["source", "note"]`.
pub fn display_path(path: &[String]) -> String {
    let mut name = path.first().cloned().unwrap_or_default();
    for key in &path[1.min(path.len())..] {
        name.push('[');
        name.push_str(key);
        name.push(']');
    }
    name
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AttributeLifecycle {
    Current,
    Deprecated,
    Removed,
}

impl AttributeLifecycle {
    /// `deprecated`, as the YAML copy and the semantic diff name it.
    pub fn as_str(self) -> &'static str {
        match self {
            AttributeLifecycle::Current => "current",
            AttributeLifecycle::Deprecated => "deprecated",
            AttributeLifecycle::Removed => "removed",
        }
    }

    pub fn from_name(name: &str) -> Option<AttributeLifecycle> {
        [
            AttributeLifecycle::Current,
            AttributeLifecycle::Deprecated,
            AttributeLifecycle::Removed,
        ]
        .into_iter()
        .find(|lifecycle| lifecycle.as_str() == name)
    }
}

/// `meta[focus][x]` → `["meta", "focus", "x"]`. An array's element, `[]` in
/// `history[][day]`, adds no key: the key is the element's. StatusEdit's
/// `poll.options[].title` reads the same way, but a dot splits only outside
/// brackets: servers send WebPushSubscription's `alerts[admin.sign_up]` as
/// the key `"admin.sign_up"` inside `alerts`.
pub fn key_path(name: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut key = String::new();
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '.' if depth == 0 => {}
            _ => {
                key.push(c);
                continue;
            }
        }
        keys.push(std::mem::take(&mut key));
    }
    keys.push(key);
    keys.into_iter()
        .map(|key| key.trim().to_owned())
        .filter(|key| !key.is_empty())
        .collect()
}

/// A version as the docs' histories write one: numbers joined by dots, with
/// an optional `-suffix`: `2.4.3`, `4.0.0-beta1`.
pub fn is_history_version(text: &str) -> bool {
    let (numbers, suffix) = text.split_once('-').unwrap_or((text, ""));
    super::scopes::is_version(numbers)
        && suffix
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.')
}

/// What a `Type:` line says, without nullability.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AttributeType {
    String(StringFormat),
    Integer,
    /// `Float`, or `Number`: any JSON number.
    Float,
    Boolean,
    /// A JSON object: a nested struct when `name[key]` attributes describe
    /// it, the raw JSON otherwise.
    Hash,
    /// An entity, by its docs name as linked (`Account`, `Status::Tag`).
    Entity(String),
    /// One of several entities: `Quote or ShallowQuote`.
    OneOf(Vec<String>),
    Array(Box<AttributeType>),
    /// A spelling the generator does not read: the raw JSON value.
    Json,
}

impl AttributeType {
    /// The innermost type of an array.
    pub fn element(&self) -> &AttributeType {
        match self {
            AttributeType::Array(inner) => inner.element(),
            other => other,
        }
    }

    /// The canonical spelling the YAML copy writes and reads:
    /// `string`, `string(url)`, `array(entity(Account))`.
    pub fn spelling(&self) -> String {
        match self {
            AttributeType::String(format) => match format.name() {
                None => "string".to_owned(),
                Some(name) => format!("string({name})"),
            },
            AttributeType::Integer => "integer".to_owned(),
            AttributeType::Float => "float".to_owned(),
            AttributeType::Boolean => "boolean".to_owned(),
            AttributeType::Hash => "hash".to_owned(),
            AttributeType::Entity(name) => format!("entity({name})"),
            AttributeType::OneOf(names) => format!("one_of({})", names.join(", ")),
            AttributeType::Array(inner) => format!("array({})", inner.spelling()),
            AttributeType::Json => "json".to_owned(),
        }
    }

    /// Reads [`AttributeType::spelling`] back.
    pub fn from_spelling(text: &str) -> Option<AttributeType> {
        let text = text.trim();
        let inner = |prefix: &str| {
            text.strip_prefix(prefix)
                .and_then(|rest| rest.strip_prefix('('))
                .and_then(|rest| rest.strip_suffix(')'))
                .map(str::trim)
        };
        let is_name = |name: &str| {
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == ':' || c == '_')
        };
        Some(match text {
            "string" => AttributeType::String(StringFormat::Plain),
            "integer" => AttributeType::Integer,
            "float" => AttributeType::Float,
            "boolean" => AttributeType::Boolean,
            "hash" => AttributeType::Hash,
            "json" => AttributeType::Json,
            _ => {
                if let Some(format) = inner("string") {
                    AttributeType::String(StringFormat::from_name(format)?)
                } else if let Some(name) = inner("entity").filter(|name| is_name(name)) {
                    AttributeType::Entity(name.to_owned())
                } else if let Some(names) = inner("one_of") {
                    let names: Vec<String> =
                        names.split(',').map(|n| n.trim().to_owned()).collect();
                    if names.len() < 2 || !names.iter().all(|name| is_name(name)) {
                        return None;
                    }
                    AttributeType::OneOf(names)
                } else if let Some(element) = inner("array") {
                    AttributeType::Array(Box::new(AttributeType::from_spelling(element)?))
                } else {
                    return None;
                }
            }
        })
    }
}

/// What a `String (…)` says about the string. All are Rust `String`s: the
/// format goes into the field's docs, and into the YAML copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StringFormat {
    Plain,
    /// `cast from an integer`: an ID.
    Id,
    Url,
    Html,
    Datetime,
    Date,
    /// `Enumerable oneOf`, `one of …`: the attribute's `values`.
    Enumerable,
}

impl StringFormat {
    const NAMED: [(StringFormat, &'static str); 6] = [
        (StringFormat::Id, "id"),
        (StringFormat::Url, "url"),
        (StringFormat::Html, "html"),
        (StringFormat::Datetime, "datetime"),
        (StringFormat::Date, "date"),
        (StringFormat::Enumerable, "enum"),
    ];

    pub fn name(self) -> Option<&'static str> {
        Self::NAMED
            .iter()
            .find(|(format, _)| *format == self)
            .map(|(_, name)| *name)
    }

    pub fn from_name(name: &str) -> Option<StringFormat> {
        Self::NAMED
            .iter()
            .find(|(_, known)| *known == name)
            .map(|(format, _)| *format)
    }
}

/// A JSON example on an entity page, and the entity it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// The docs name of the entity whose section holds it.
    pub entity: String,
    /// The code block's text.
    pub json: String,
    /// The code block's text in the page.
    pub span: Range<usize>,
}

/// Each entity's attributes as the JSON has them: its own after those it
/// extends, by top-level key, each with its nested attributes.
#[cfg(feature = "entities")]
pub(crate) fn flattened<'s>(spec: &'s EntitySpec, entity: &'s Entity) -> Vec<&'s EntityAttribute> {
    let mut attributes = Vec::new();
    if let Some(base) = entity.extends.as_deref().and_then(|name| spec.entity(name)) {
        let own: Vec<&[String]> = entity
            .attributes
            .iter()
            .map(|a| a.path.as_slice())
            .collect();
        attributes.extend(
            base.attributes
                .iter()
                .filter(|attribute| !own.contains(&attribute.path.as_slice())),
        );
    }
    attributes.extend(entity.attributes.iter());
    attributes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_order_as_releases_do() {
        let v = |text: &str| Version::parse(text).unwrap();
        assert!(v("4.0.0-beta1") < v("4.0.0"));
        assert!(v("4.0.0-beta1") < v("4.0.0-beta2"));
        assert!(v("4.0.0") < v("4.0.1"));
        assert!(v("4.9.0") < v("4.10.0"));
        assert!(v("4.3") < v("4.3.1"));
        assert_eq!(v("4.3"), v("4.3.0"));
        assert!(Version::parse("four").is_none() && Version::parse("4").is_none());
        assert_eq!(Baseline::default().as_str(), Baseline::DEFAULT);
        assert_eq!(Baseline::parse("latest"), Some(Baseline::Latest));
        assert_eq!(
            evidence_record("responses/x.jsonl:12 what"),
            Some(("responses/x.jsonl", 12))
        );
        assert_eq!(evidence_record("responses/x.jsonl:0"), None);
        assert_eq!(evidence_record("x.json:3"), None);
    }
}
