//! Checks each JSON example of an entity page against the attribute table
//! it illustrates. The type always follows the table; each disagreement is
//! an `example-contradicts-table` lint, so a reader of the docs (and of the
//! YAML copy's lint records) sees where the two part ways.

use serde_json::Value;

use crate::diagnostic::Diagnostic;
use crate::lint::{self, Found};
use crate::model::entities::flattened;
use crate::model::entities::{
    AttributeType, Entity, EntityAttribute, EntitySpec, StringFormat, display_path,
};
use crate::source::Source;

/// An example's JSON, and whether it elides keys (`// ...` lines, which the
/// docs use to shorten an example; such an example may omit required keys).
pub(crate) fn parse_example(text: &str) -> Result<(Value, bool), serde_json::Error> {
    let (json, elided) = without_elisions(text);
    Ok((serde_json::from_str(&json)?, elided))
}

/// The example without its elision lines, and the commas they leave.
pub(crate) fn cleaned(text: &str) -> String {
    without_elisions(text).0
}

/// [`cleaned`], and whether there was anything to remove.
fn without_elisions(text: &str) -> (String, bool) {
    let mut elided = false;
    let kept: String = text
        .lines()
        .filter(|line| {
            let comment = line.trim_start().starts_with("//");
            elided |= comment;
            !comment
        })
        .map(|line| format!("{line}\n"))
        .collect();
    if elided {
        (without_dangling_commas(&kept), true)
    } else {
        (kept, false)
    }
}

/// Removes the commas an elision leaves before `}` or `]` (outside strings):
/// `"id": "1", // ...` then `}`.
fn without_dangling_commas(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    let chars: Vec<char> = text.chars().collect();
    for (at, &c) in chars.iter().enumerate() {
        if in_string {
            in_string = c != '"' || escaped;
            escaped = c == '\\' && !escaped;
        } else if c == '"' {
            in_string = true;
        } else if c == ','
            && chars[at + 1..]
                .iter()
                .find(|next| !next.is_whitespace())
                .is_some_and(|next| matches!(next, '}' | ']'))
        {
            continue;
        }
        out.push(c);
    }
    out
}

/// Checks every example of `spec`; `sources` are its pages, in order.
pub(crate) fn check(spec: &EntitySpec, sources: &[Source], found: &mut Vec<Found>) {
    for (page, source) in spec.pages.iter().zip(sources) {
        for example in &page.examples {
            let Some(entity) = spec.entity(&example.entity) else {
                continue;
            };
            let (value, elided) = match parse_example(&example.json) {
                Ok(parsed) => parsed,
                Err(error) => {
                    found.push(Found {
                        lint: &lint::INVALID_ENTITY_EXAMPLE,
                        source: source.clone(),
                        diagnostic: Diagnostic::defect(
                            example.span.clone(),
                            format!(
                                "a JSON example of {} is not valid JSON: {error}",
                                entity.name
                            ),
                            "leaves the example out of the checks",
                        ),
                    });
                    continue;
                }
            };
            let mut checker = Checker::new(spec);
            // A list endpoint's example is an array of the entity.
            match &value {
                Value::Array(items) => {
                    for (index, item) in items.iter().enumerate() {
                        checker.entity_at(item, &entity.name, vec![index.to_string()]);
                    }
                }
                _ => checker.entity_at(&value, &entity.name, Vec::new()),
            }
            // One lint per example, listing what it contradicts.
            let mut problems: Vec<String> = checker
                .contradictions
                .iter()
                .map(Contradiction::message)
                .collect();
            problems.dedup();
            if !problems.is_empty() {
                let mut message = format!(
                    "the example of {} contradicts its table in {} place{}: {}",
                    entity.name,
                    problems.len(),
                    if problems.len() == 1 { "" } else { "s" },
                    problems[..problems.len().min(SHOWN)].join("; ")
                );
                if problems.len() > SHOWN {
                    message.push_str(&format!("; and {} more", problems.len() - SHOWN));
                }
                let mut diagnostic =
                    Diagnostic::defect(example.span.clone(), message, "the type follows the table");
                if elided {
                    diagnostic = diagnostic.help(
                        "the example elides keys with `// ...`, so some are missing on purpose",
                    );
                }
                found.push(Found {
                    lint: &lint::EXAMPLE_CONTRADICTS_TABLE,
                    source: source.clone(),
                    diagnostic,
                });
            }
        }
    }
}

/// How many of an example's contradictions its lint's message lists.
const SHOWN: usize = 4;

/// One place where a JSON value contradicts the entity tables.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Contradiction {
    /// The docs name of the entity whose table defines the attribute (or,
    /// for an undocumented key, holds the object): `Account` for an account
    /// inside a `Status`.
    pub entity: String,
    /// The attribute's docs path, `source[language]`; for an undocumented
    /// key, the path it would have (`meta[original]`). Empty for the value
    /// as a whole (a response that is not the object its method returns).
    pub attribute: String,
    /// Where in the JSON: the keys and array indexes from its root.
    pub path: Vec<String>,
    pub kind: ContradictionKind,
}

/// What a [`Contradiction`] is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ContradictionKind {
    /// A key the table neither marks optional nor shows absent is absent.
    Missing,
    /// `null` where the table does not say nullable.
    Null,
    /// `null` as an element of an array.
    NullInArray,
    /// Another type than the table's: `docs` says what the table says (`an
    /// object`, `an array`, or the type as the YAML copy spells it), `sent`
    /// what the value is (`an integer`).
    WrongType { docs: String, sent: &'static str },
    /// A key the table does not document.
    UndocumentedKey,
    /// A string an enumerated attribute does not list.
    UndocumentedValue { value: String },
    /// A required key absent from a server older than the version that added
    /// it (`added_in`): not a contradiction, checked only against a server
    /// version (never for the docs' examples).
    AddedLater { added_in: String },
}

impl Contradiction {
    /// The JSON pointer (RFC 6901) to the value: `/0/account/uri`; empty for
    /// the root.
    #[cfg(feature = "tools")]
    pub fn pointer(&self) -> String {
        self.path
            .iter()
            .map(|key| format!("/{}", key.replace('~', "~0").replace('/', "~1")))
            .collect()
    }

    /// What the `example-contradicts-table` lint says of it, e.g. ``
    /// `source/language` is null, and the table does not say it is nullable ``.
    pub fn message(&self) -> String {
        let at: String = self.path.iter().map(|key| format!("/{key}")).collect();
        let at = at.trim_start_matches('/');
        match &self.kind {
            ContradictionKind::Missing => {
                format!("`{at}` is missing, and the table does not say it is optional")
            }
            ContradictionKind::Null => {
                format!("`{at}` is null, and the table does not say it is nullable")
            }
            ContradictionKind::NullInArray => format!("`{at}` is null inside an array"),
            ContradictionKind::WrongType { docs, sent } => {
                format!("`{at}` is {sent}, where the table says {docs}")
            }
            ContradictionKind::UndocumentedKey => {
                format!("`{at}` is a key the table does not document")
            }
            ContradictionKind::UndocumentedValue { value } => {
                format!("`{at}` is `{value}`, which the table does not list")
            }
            ContradictionKind::AddedLater { added_in } => {
                format!("`{at}` is missing, and the table says it was added in {added_in}")
            }
        }
    }
}

/// Whether an attribute the history says was added in a version (the
/// argument) is newer than the server that sent the value.
pub(crate) type AddedLater<'a> = &'a dyn Fn(&str) -> bool;

/// Checks JSON against the entity tables, collecting every [`Contradiction`].
pub(crate) struct Checker<'s> {
    spec: &'s EntitySpec,
    added_later: Option<AddedLater<'s>>,
    pub contradictions: Vec<Contradiction>,
}

/// The attribute whose value is being checked, as a contradiction names it.
#[derive(Clone)]
struct Holder<'a> {
    entity: &'a str,
    attribute: String,
}

/// An entity's attributes as its JSON has them, with the entity itself.
struct Scope<'s> {
    entity: &'s Entity,
    attributes: Vec<&'s EntityAttribute>,
}

impl<'s> Scope<'s> {
    /// The entity whose table defines `attribute`: this one, or the one it extends.
    fn owner(&self, attribute: &EntityAttribute) -> &'s str {
        let own = self
            .entity
            .attributes
            .iter()
            .any(|candidate| std::ptr::eq(candidate, attribute));
        match (&self.entity.extends, own) {
            (Some(base), false) => base,
            _ => &self.entity.name,
        }
    }

    fn holder(&self, attribute: &EntityAttribute) -> Holder<'s> {
        Holder {
            entity: self.owner(attribute),
            attribute: attribute.display_name(),
        }
    }
}

impl<'s> Checker<'s> {
    pub(crate) fn new(spec: &'s EntitySpec) -> Checker<'s> {
        Checker {
            spec,
            added_later: None,
            contradictions: Vec::new(),
        }
    }

    /// A checker that takes a required key absent as [`ContradictionKind::AddedLater`]
    /// when `added_later` says its version is newer than the server's.
    #[cfg(feature = "tools")]
    pub(crate) fn with_server(spec: &'s EntitySpec, added_later: AddedLater<'s>) -> Checker<'s> {
        Checker {
            added_later: Some(added_later),
            ..Checker::new(spec)
        }
    }

    /// `value` as the entity the docs call `name`, found at `path`.
    pub(crate) fn entity_at(&mut self, value: &Value, name: &str, mut path: Vec<String>) {
        let holder = Holder {
            entity: name,
            attribute: String::new(),
        };
        self.entity(value, name, &mut path, &holder);
    }

    fn push(&mut self, holder: &Holder<'_>, path: &[String], kind: ContradictionKind) {
        self.contradictions.push(Contradiction {
            entity: holder.entity.to_owned(),
            attribute: holder.attribute.clone(),
            path: path.to_vec(),
            kind,
        });
    }

    fn entity(&mut self, value: &Value, name: &str, at: &mut Vec<String>, holder: &Holder<'_>) {
        let Some(entity) = self.spec.entity(name) else {
            return;
        };
        let scope = Scope {
            entity,
            attributes: flattened(self.spec, entity),
        };
        self.object(value, &scope, &[], at, holder);
    }

    /// `value` against the attributes whose path extends `prefix`; `holder`
    /// is the attribute (or entity) whose value it is.
    fn object(
        &mut self,
        value: &Value,
        scope: &Scope<'s>,
        prefix: &[String],
        at: &mut Vec<String>,
        holder: &Holder<'_>,
    ) {
        let Value::Object(object) = value else {
            let kind = ContradictionKind::WrongType {
                docs: "an object".to_owned(),
                sent: kind(value),
            };
            self.push(holder, at, kind);
            return;
        };
        let attributes = &scope.attributes;
        let depth = prefix.len() + 1;
        let children: Vec<&EntityAttribute> = attributes
            .iter()
            .copied()
            .filter(|attribute| attribute.path.len() == depth && attribute.path.starts_with(prefix))
            .collect();
        for (key, item) in object {
            at.push(key.clone());
            let implied = || {
                attributes.iter().copied().find(|attribute| {
                    attribute.path.len() > depth
                        && attribute.path.starts_with(prefix)
                        && attribute.path[depth - 1] == *key
                })
            };
            match children
                .iter()
                .find(|attribute| attribute.path[depth - 1] == *key)
            {
                Some(attribute) => self.attribute(item, attribute, scope, at),
                None => match implied() {
                    // `configuration[vapid][public_key]` without `configuration[vapid]`.
                    Some(nested) => {
                        let mut path = prefix.to_vec();
                        path.push(key.clone());
                        let inner = Holder {
                            entity: scope.owner(nested),
                            attribute: display_path(&path),
                        };
                        self.object(item, scope, &path, at, &inner);
                    }
                    None => {
                        // A hash whose keys the table does not list (`Hash` with
                        // no `name[key]` attributes) takes any key.
                        if !children.is_empty() || prefix.is_empty() {
                            let mut path = prefix.to_vec();
                            path.push(key.clone());
                            let undocumented = Holder {
                                entity: if prefix.is_empty() {
                                    &scope.entity.name
                                } else {
                                    holder.entity
                                },
                                attribute: display_path(&path),
                            };
                            self.push(&undocumented, at, ContradictionKind::UndocumentedKey);
                        }
                    }
                },
            }
            at.pop();
        }
        for attribute in &children {
            let key = &attribute.path[depth - 1];
            if !attribute.optional && !object.contains_key(key) {
                at.push(key.clone());
                let later = attribute
                    .added_in()
                    .filter(|added| self.added_later.is_some_and(|later| later(added)));
                let kind = match later {
                    Some(added_in) => ContradictionKind::AddedLater {
                        added_in: added_in.to_owned(),
                    },
                    None => ContradictionKind::Missing,
                };
                self.push(&scope.holder(attribute), at, kind);
                at.pop();
            }
        }
    }

    fn attribute(
        &mut self,
        value: &Value,
        attribute: &'s EntityAttribute,
        scope: &Scope<'s>,
        at: &mut Vec<String>,
    ) {
        let holder = scope.holder(attribute);
        if value.is_null() {
            if !attribute.nullable {
                self.push(&holder, at, ContradictionKind::Null);
            }
            return;
        }
        let nested = scope.attributes.iter().any(|other| {
            other.path.len() > attribute.path.len() && other.path.starts_with(&attribute.path)
        });
        if nested && matches!(attribute.ty, AttributeType::Hash) {
            self.object(value, scope, &attribute.path, at, &holder);
            return;
        }
        if nested && attribute.ty == AttributeType::Array(Box::new(AttributeType::Hash)) {
            match value {
                Value::Array(items) => {
                    for (index, item) in items.iter().enumerate() {
                        at.push(index.to_string());
                        self.object(item, scope, &attribute.path, at, &holder);
                        at.pop();
                    }
                }
                _ => {
                    let kind = ContradictionKind::WrongType {
                        docs: "an array".to_owned(),
                        sent: kind(value),
                    };
                    self.push(&holder, at, kind);
                }
            }
            return;
        }
        self.value(value, &attribute.ty, &attribute.values, at, &holder);
    }

    fn value(
        &mut self,
        value: &Value,
        ty: &AttributeType,
        values: &[String],
        at: &mut Vec<String>,
        holder: &Holder<'_>,
    ) {
        let fits = match ty {
            AttributeType::String(format) => match value.as_str() {
                Some(text) => {
                    if *format == StringFormat::Enumerable
                        && !values.iter().any(|known| known == text)
                    {
                        let kind = ContradictionKind::UndocumentedValue {
                            value: text.to_owned(),
                        };
                        self.push(holder, at, kind);
                    }
                    true
                }
                None => false,
            },
            AttributeType::Integer => value.is_i64() || value.is_u64(),
            AttributeType::Float => value.is_number(),
            AttributeType::Boolean => value.is_boolean(),
            AttributeType::Hash => value.is_object(),
            AttributeType::Json => true,
            AttributeType::Entity(name) => {
                self.entity(value, name, at, holder);
                true
            }
            AttributeType::OneOf(names) => {
                // The first alternative the value fits; the contradictions of
                // the closest one when none does.
                let mut best: Option<(usize, Vec<Contradiction>)> = None;
                for name in names {
                    let mut trial = Checker {
                        spec: self.spec,
                        added_later: self.added_later,
                        contradictions: Vec::new(),
                    };
                    trial.entity(value, name, at, holder);
                    let count = trial.counted();
                    if best.as_ref().is_none_or(|(best, _)| count < *best) {
                        best = Some((count, trial.contradictions));
                    }
                }
                self.contradictions
                    .extend(best.map(|(_, found)| found).unwrap_or_default());
                true
            }
            AttributeType::Array(inner) => match value {
                Value::Array(items) => {
                    for (index, item) in items.iter().enumerate() {
                        at.push(index.to_string());
                        if item.is_null() {
                            self.push(holder, at, ContradictionKind::NullInArray);
                        } else {
                            self.value(item, inner, values, at, holder);
                        }
                        at.pop();
                    }
                    true
                }
                _ => false,
            },
        };
        if !fits {
            let kind = ContradictionKind::WrongType {
                docs: ty.spelling(),
                sent: kind(value),
            };
            self.push(holder, at, kind);
        }
    }

    /// The contradictions found, but for keys the server was too old to send.
    pub(crate) fn counted(&self) -> usize {
        self.contradictions
            .iter()
            .filter(|found| !matches!(found.kind, ContradictionKind::AddedLater { .. }))
            .count()
    }
}

/// What a JSON value is, as a contradiction says it: `an integer`.
pub(crate) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(number) if number.is_f64() => "a float",
        Value::Number(_) => "an integer",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
