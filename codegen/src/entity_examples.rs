//! Checks each JSON example of an entity page against the attribute table
//! it illustrates. The type always follows the table; each disagreement is
//! an `example-contradicts-table` lint, so a reader of the docs (and of the
//! YAML copy's lint records) sees where the two part ways.

use serde_json::Value;

use crate::diagnostic::Diagnostic;
use crate::entities::flattened;
use crate::lint::{self, Found};
use crate::model::entities::{AttributeType, EntityAttribute, EntitySpec, StringFormat};
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
            let mut checker = Checker {
                spec,
                problems: Vec::new(),
            };
            // A list endpoint's example is an array of the entity.
            match &value {
                Value::Array(items) => {
                    for (index, item) in items.iter().enumerate() {
                        checker.entity(item, &entity.name, &format!("/{index}"));
                    }
                }
                _ => checker.entity(&value, &entity.name, ""),
            }
            // One lint per example, listing what it contradicts.
            let mut problems = checker.problems;
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

struct Checker<'s> {
    spec: &'s EntitySpec,
    problems: Vec<String>,
}

impl<'s> Checker<'s> {
    fn entity(&mut self, value: &Value, name: &str, at: &str) {
        let Some(entity) = self.spec.entity(name) else {
            return;
        };
        let attributes = flattened(self.spec, entity);
        self.object(value, &attributes, &[], at);
    }

    /// `value` against the attributes whose path extends `prefix`.
    fn object(
        &mut self,
        value: &Value,
        attributes: &[&'s EntityAttribute],
        prefix: &[String],
        at: &str,
    ) {
        let Value::Object(object) = value else {
            self.problems.push(format!(
                "`{}` is {}, where the table says an object",
                pointer(at),
                kind(value)
            ));
            return;
        };
        let depth = prefix.len() + 1;
        let children: Vec<&EntityAttribute> = attributes
            .iter()
            .copied()
            .filter(|attribute| attribute.path.len() == depth && attribute.path.starts_with(prefix))
            .collect();
        for (key, item) in object {
            let implied = || {
                attributes.iter().any(|attribute| {
                    attribute.path.len() > depth
                        && attribute.path.starts_with(prefix)
                        && attribute.path[depth - 1] == *key
                })
            };
            match children
                .iter()
                .find(|attribute| attribute.path[depth - 1] == *key)
            {
                Some(attribute) => {
                    self.attribute(item, attribute, attributes, &format!("{at}/{key}"))
                }
                // `configuration[vapid][public_key]` without `configuration[vapid]`.
                None if implied() => {
                    let mut path = prefix.to_vec();
                    path.push(key.clone());
                    self.object(item, attributes, &path, &format!("{at}/{key}"));
                }
                None => {
                    // A hash whose keys the table does not list (`Hash` with
                    // no `name[key]` attributes) takes any key.
                    if !children.is_empty() || prefix.is_empty() {
                        self.problems.push(format!(
                            "`{}` is a key the table does not document",
                            pointer(&format!("{at}/{key}"))
                        ));
                    }
                }
            }
        }
        for attribute in &children {
            if !attribute.optional && !object.contains_key(&attribute.path[depth - 1]) {
                self.problems.push(format!(
                    "`{}` is missing, and the table does not say it is optional",
                    pointer(&format!("{at}/{}", attribute.path[depth - 1]))
                ));
            }
        }
    }

    fn attribute(
        &mut self,
        value: &Value,
        attribute: &EntityAttribute,
        all: &[&'s EntityAttribute],
        at: &str,
    ) {
        if value.is_null() {
            if !attribute.nullable {
                self.problems.push(format!(
                    "`{}` is null, and the table does not say it is nullable",
                    pointer(at)
                ));
            }
            return;
        }
        let nested = all.iter().any(|other| {
            other.path.len() > attribute.path.len() && other.path.starts_with(&attribute.path)
        });
        if nested && matches!(attribute.ty, AttributeType::Hash) {
            self.object(value, all, &attribute.path, at);
            return;
        }
        if nested && attribute.ty == AttributeType::Array(Box::new(AttributeType::Hash)) {
            match value {
                Value::Array(items) => {
                    for (index, item) in items.iter().enumerate() {
                        self.object(item, all, &attribute.path, &format!("{at}/{index}"));
                    }
                }
                _ => self.problems.push(format!(
                    "`{}` is {}, where the table says an array",
                    pointer(at),
                    kind(value)
                )),
            }
            return;
        }
        self.value(value, &attribute.ty, &attribute.values, at);
    }

    fn value(&mut self, value: &Value, ty: &AttributeType, values: &[String], at: &str) {
        let fits = match ty {
            AttributeType::String(format) => match value.as_str() {
                Some(text) => {
                    if *format == StringFormat::Enumerable
                        && !values.iter().any(|known| known == text)
                    {
                        self.problems.push(format!(
                            "`{}` is `{text}`, which the table does not list",
                            pointer(at)
                        ));
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
                self.entity(value, name, at);
                true
            }
            AttributeType::OneOf(names) => {
                // The first alternative the value fits; the problems of the
                // closest one when none does.
                let mut best: Option<Vec<String>> = None;
                for name in names {
                    let mut trial = Checker {
                        spec: self.spec,
                        problems: Vec::new(),
                    };
                    trial.entity(value, name, at);
                    if best
                        .as_ref()
                        .is_none_or(|best| trial.problems.len() < best.len())
                    {
                        best = Some(trial.problems);
                    }
                }
                self.problems.extend(best.unwrap_or_default());
                true
            }
            AttributeType::Array(inner) => match value {
                Value::Array(items) => {
                    for (index, item) in items.iter().enumerate() {
                        if item.is_null() {
                            self.problems.push(format!(
                                "`{}` is null inside an array",
                                pointer(&format!("{at}/{index}"))
                            ));
                        } else {
                            self.value(item, inner, values, &format!("{at}/{index}"));
                        }
                    }
                    true
                }
                _ => false,
            },
        };
        if !fits {
            self.problems.push(format!(
                "`{}` is {}, where the table says {}",
                pointer(at),
                kind(value),
                ty.spelling()
            ));
        }
    }
}

fn pointer(at: &str) -> &str {
    at.trim_start_matches('/')
}

fn kind(value: &Value) -> &'static str {
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
