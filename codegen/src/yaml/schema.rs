//! The YAML copy's document shape, as serde reads it.
//!
//! Every key is optional at this level and unknown keys are refused, so that
//! a missing key is reported by the reader against the mapping it is missing
//! from, and a misspelt one by serde at the key itself. `Spanned` keeps each
//! value's location for later diagnostics. spec/README.md documents the schema.

use serde::Deserialize;
use serde_saphyr::Spanned;

/// Read alone when a document does not deserialize, so that a copy written
/// for another schema version is refused for its version, not for the keys
/// this version does not know.
#[derive(Debug, Deserialize)]
pub(super) struct VersionOnly {
    pub schema: Option<Spanned<u32>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Document {
    pub schema: Option<Spanned<u32>>,
    pub title: Option<Spanned<String>>,
    pub description: Option<Spanned<String>>,
    pub attributes: Option<Spanned<Vec<Spanned<Attribute>>>>,
    pub groups: Option<Spanned<Vec<Spanned<Group>>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Attribute {
    pub name: Option<Spanned<String>>,
    pub description: Option<Spanned<String>>,
    #[serde(rename = "type")]
    pub type_text: Option<Spanned<String>>,
    pub optional: Option<Spanned<bool>>,
    pub deprecated: Option<Spanned<bool>>,
    pub history: Option<Vec<Spanned<HistoryEntry>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct HistoryEntry {
    pub version: Option<Spanned<String>>,
    pub change: Option<Spanned<String>>,
}

/// A status group. `message` (with `explanation` and `name`) is the group's
/// own reason, as 429 has on the page; `reasons` are its `####` reasons.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Group {
    pub code: Option<Spanned<u16>>,
    pub text: Option<Spanned<String>>,
    pub anchor: Option<Spanned<String>>,
    pub name: Option<Spanned<String>>,
    pub message: Option<Spanned<String>>,
    pub explanation: Option<Spanned<String>>,
    pub reasons: Option<Vec<Spanned<Reason>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Reason {
    pub heading: Option<Spanned<String>>,
    pub anchor: Option<Spanned<String>>,
    pub name: Option<Spanned<String>>,
    pub message: Option<Spanned<String>>,
    pub explanation: Option<Spanned<String>>,
}

/// What each mapping is called in messages, told apart by its first key,
/// which serde lists first among the keys it expected.
pub(super) fn mapping_name(first_key: &str) -> &'static str {
    match first_key {
        "schema" => "the document",
        "name" => "an attribute",
        "version" => "a history entry",
        "code" => "a status group",
        "heading" => "a reason",
        _ => "this mapping",
    }
}

/// What a key holds, for type errors and for missing keys.
pub(super) fn key_expects(key: &str) -> Option<&'static str> {
    Some(match key {
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
        _ => return None,
    })
}
