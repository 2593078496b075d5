//! The Error page copy's document shape, read from the YAML tree.
//!
//! Every key is optional at this level and unknown keys are refused, so that
//! a missing key is reported by the reader against the mapping it is missing
//! from, and a misspelt one at the key itself. `Spanned` keeps each value's
//! location for later diagnostics. spec/README.md documents the schema.

use std::ops::Range;

use crate::yaml::tree::{Mapping, Node, Read, Schema, Spanned};

pub(super) const SCHEMA: Schema = Schema {
    expects: key_expects,
};

#[derive(Debug)]
pub(super) struct Document {
    pub span: Range<usize>,
    pub title: Option<Spanned<String>>,
    pub description: Option<Spanned<String>>,
    pub attributes: Option<Spanned<Vec<Spanned<Attribute>>>>,
    pub groups: Option<Spanned<Vec<Spanned<Group>>>>,
}

#[derive(Debug)]
pub(super) struct Attribute {
    pub name: Option<Spanned<String>>,
    pub description: Option<Spanned<String>>,
    pub type_text: Option<Spanned<String>>,
    pub optional: Option<Spanned<bool>>,
    pub deprecated: Option<Spanned<bool>>,
    pub history: Option<Vec<Spanned<HistoryEntry>>>,
}

#[derive(Debug)]
pub(super) struct HistoryEntry {
    pub version: Option<Spanned<String>>,
    pub change: Option<Spanned<String>>,
}

/// A status group. `message` (with `explanation` and `name`) is the group's
/// own reason, as 429 has on the page; `reasons` are its `####` reasons.
#[derive(Debug)]
pub(super) struct Group {
    pub code: Option<Spanned<u16>>,
    pub text: Option<Spanned<String>>,
    pub anchor: Option<Spanned<String>>,
    pub name: Option<Spanned<String>>,
    pub message: Option<Spanned<String>>,
    pub explanation: Option<Spanned<String>>,
    pub reasons: Option<Vec<Spanned<Reason>>>,
}

#[derive(Debug)]
pub(super) struct Reason {
    pub heading: Option<Spanned<String>>,
    pub anchor: Option<Spanned<String>>,
    pub name: Option<Spanned<String>>,
    pub message: Option<Spanned<String>>,
    pub explanation: Option<Spanned<String>>,
}

fn string(mapping: &Mapping<'_>, key: &str) -> Read<Option<Spanned<String>>> {
    SCHEMA.optional(mapping.get(key), key, Schema::string)
}

/// A list of mappings, each read by `item`.
fn list<T>(
    mapping: &Mapping<'_>,
    key: &str,
    item: fn(&Node) -> Read<T>,
) -> Read<Option<Spanned<Vec<Spanned<T>>>>> {
    // `Option<Vec<…>>` as serde read it: absent or null is `None`.
    let Some(node) = mapping.get(key).filter(|node| !node.is_null()) else {
        return Ok(None);
    };
    let items = SCHEMA
        .sequence(node, key)?
        .iter()
        .map(|node| {
            Ok(Spanned {
                value: item(node)?,
                span: node.span.clone(),
            })
        })
        .collect::<Read<_>>()?;
    Ok(Some(Spanned {
        value: items,
        span: node.span.clone(),
    }))
}

/// The whole document, once its `schema` has been checked.
pub(super) fn document(node: &Node) -> Read<Document> {
    let keys = ["schema", "title", "description", "attributes", "groups"];
    let mapping = SCHEMA.mapping(node, "the document", "the document", &keys)?;
    Ok(Document {
        span: node.span.clone(),
        title: string(&mapping, "title")?,
        description: string(&mapping, "description")?,
        attributes: list(&mapping, "attributes", attribute)?,
        groups: list(&mapping, "groups", group)?,
    })
}

fn attribute(node: &Node) -> Read<Attribute> {
    let keys = [
        "name",
        "description",
        "type",
        "optional",
        "deprecated",
        "history",
    ];
    let mapping = SCHEMA.mapping(node, "attributes", "an attribute", &keys)?;
    Ok(Attribute {
        name: string(&mapping, "name")?,
        description: string(&mapping, "description")?,
        type_text: string(&mapping, "type")?,
        optional: SCHEMA.optional(mapping.get("optional"), "optional", Schema::boolean)?,
        deprecated: SCHEMA.optional(mapping.get("deprecated"), "deprecated", Schema::boolean)?,
        history: list(&mapping, "history", history_entry)?.map(|list| list.value),
    })
}

fn history_entry(node: &Node) -> Read<HistoryEntry> {
    let mapping = SCHEMA.mapping(node, "history", "a history entry", &["version", "change"])?;
    Ok(HistoryEntry {
        version: string(&mapping, "version")?,
        change: string(&mapping, "change")?,
    })
}

fn group(node: &Node) -> Read<Group> {
    let keys = [
        "code",
        "text",
        "anchor",
        "name",
        "message",
        "explanation",
        "reasons",
    ];
    let mapping = SCHEMA.mapping(node, "groups", "a status group", &keys)?;
    Ok(Group {
        code: SCHEMA.optional(mapping.get("code"), "code", Schema::number)?,
        text: string(&mapping, "text")?,
        anchor: string(&mapping, "anchor")?,
        name: string(&mapping, "name")?,
        message: string(&mapping, "message")?,
        explanation: string(&mapping, "explanation")?,
        reasons: list(&mapping, "reasons", reason)?.map(|list| list.value),
    })
}

fn reason(node: &Node) -> Read<Reason> {
    let keys = ["heading", "anchor", "name", "message", "explanation"];
    let mapping = SCHEMA.mapping(node, "reasons", "a reason", &keys)?;
    Ok(Reason {
        heading: string(&mapping, "heading")?,
        anchor: string(&mapping, "anchor")?,
        name: string(&mapping, "name")?,
        message: string(&mapping, "message")?,
        explanation: string(&mapping, "explanation")?,
    })
}

/// What a key holds, for type errors and for missing keys.
pub(super) fn key_expects(key: &str) -> &'static str {
    match key {
        "schema" => "the schema version, `1`",
        "title" => "the page title, such as `Error`",
        "description" | "explanation" | "change" => "text",
        "attributes" | "groups" | "reasons" | "history" => "a list of mappings (`- ` items)",
        "name" => "a name, such as `error_description` or `RecordNotFound`",
        "type" => "a type as the page writes it, such as `String`",
        "optional" | "deprecated" => "`true` or `false`",
        "version" => "a Mastodon version, such as `\"0.6.0\"`",
        "code" => "an HTTP status code from 100 to 599, such as `404`",
        "text" => "the status text, such as `Not found`",
        "anchor" => "the heading's anchor, such as `not-found`",
        "heading" => "the reason's heading, such as `RecordNotFound`",
        "message" => "the message the server sends, such as `Record not found`",
        _ => "a value",
    }
}
