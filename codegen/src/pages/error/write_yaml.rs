//! Writes a [`Spec`] as the YAML copy, in a fixed layout: keys in schema
//! order, defaults left out, long text on one line so that a changed word
//! changes one line of a review diff.

use serde::{Serialize, Serializer};
use serde_saphyr::LitStr;

use crate::markdown::explanation;
use crate::model::{Attribute, HistoryEntry, Reason, Spec, StatusGroup};
use crate::yaml::SCHEMA_VERSION;
use crate::yaml::document_write::to_yaml;

/// The YAML text for `spec`, headed by a comment naming where it came from.
/// Fails only if serde-saphyr cannot serialize, which would be a bug.
pub(crate) fn write(
    spec: &Spec,
    source_name: &str,
    out_name: Option<&str>,
) -> Result<String, String> {
    let document = Document {
        schema: SCHEMA_VERSION,
        title: &spec.title,
        description: spec.description.as_deref(),
        attributes: spec.attributes.iter().map(attribute).collect(),
        groups: spec.groups.iter().map(group).collect(),
    };
    let body = to_yaml(&document)?;
    let out = out_name.unwrap_or("FILE");
    Ok(format!(
        "# Mastodon's Error entity page as data: a mastodon-error-codegen YAML copy, schema {SCHEMA_VERSION}.\n\
         # Exported from {source_name} by: mastodon-error-codegen export-yaml {source_name} --out {out}\n\
         # If this copy is your source, edit it freely; spec/README.md describes every key.\n\
         {body}"
    ))
}

#[derive(Serialize)]
struct Document<'a> {
    schema: u32,
    title: &'a str,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "block_if_multiline_opt"
    )]
    description: Option<&'a str>,
    attributes: Vec<AttributeOut<'a>>,
    groups: Vec<GroupOut<'a>>,
}

#[derive(Serialize)]
struct AttributeOut<'a> {
    name: &'a str,
    #[serde(
        skip_serializing_if = "str::is_empty",
        serialize_with = "block_if_multiline"
    )]
    description: &'a str,
    #[serde(rename = "type")]
    type_text: &'a str,
    optional: bool,
    #[serde(skip_serializing_if = "is_false")]
    deprecated: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    history: Vec<HistoryOut<'a>>,
}

#[derive(Serialize)]
struct GroupOut<'a> {
    code: u16,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    anchor: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<&'a str>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "block_if_multiline_opt"
    )]
    explanation: Option<String>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    reasons: Vec<ReasonOut<'a>>,
}

#[derive(Serialize)]
struct ReasonOut<'a> {
    heading: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    anchor: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    message: &'a str,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "block_if_multiline_opt"
    )]
    explanation: Option<String>,
}

#[derive(Serialize)]
struct HistoryOut<'a> {
    #[serde(skip_serializing_if = "str::is_empty")]
    version: &'a str,
    change: &'a str,
}

fn attribute(attribute: &Attribute) -> AttributeOut<'_> {
    AttributeOut {
        name: &attribute.name,
        description: &attribute.description,
        type_text: &attribute.type_text,
        optional: attribute.optional,
        deprecated: attribute.deprecated,
        history: attribute.history.iter().map(history_entry).collect(),
    }
}

fn history_entry(entry: &HistoryEntry) -> HistoryOut<'_> {
    HistoryOut {
        version: &entry.version,
        change: &entry.change,
    }
}

fn group(group: &StatusGroup) -> GroupOut<'_> {
    let (own, reasons) = match group.reasons.split_first() {
        Some((first, rest)) if first.is_group_reason => (Some(first), rest),
        _ => (None, group.reasons.as_slice()),
    };
    GroupOut {
        code: group.code,
        text: &group.text,
        anchor: group.anchor.as_deref(),
        name: own.and_then(|own| own.name_override.as_deref()),
        message: own.map(|own| own.message.text.as_str()),
        explanation: own.and_then(explanation_text),
        reasons: reasons.iter().map(reason).collect(),
    }
}

fn reason(reason: &Reason) -> ReasonOut<'_> {
    ReasonOut {
        heading: &reason.heading,
        anchor: reason.anchor.as_deref(),
        name: reason.name_override.as_deref(),
        message: &reason.message.text,
        explanation: explanation_text(reason),
    }
}

fn explanation_text(reason: &Reason) -> Option<String> {
    (!reason.explanation.is_empty()).then(|| explanation::write(&reason.explanation))
}

fn is_false(flag: &bool) -> bool {
    !flag
}

/// Paragraphs read best as a literal block; one line stays a plain scalar.
fn block_if_multiline<S: Serializer>(text: &&str, serializer: S) -> Result<S::Ok, S::Error> {
    if text.contains('\n') {
        LitStr(text).serialize(serializer)
    } else {
        text.serialize(serializer)
    }
}

fn block_if_multiline_opt<S: Serializer, T: AsRef<str>>(
    text: &Option<T>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match text {
        Some(text) => block_if_multiline(&text.as_ref(), serializer),
        None => serializer.serialize_none(),
    }
}
