//! What every YAML copy shares when read: the document root with its
//! schema version checked first, and the lint records a copy keeps.

use std::ops::Range;

use super::SCHEMA_VERSION;
use super::tree::{self, Kind, Node, Schema, Spanned};
use crate::diagnostic::{Diagnostic, Error};
use crate::lint;
use crate::model::LintRecord;
use crate::source::Source;

/// The copy's tree, once its `schema:` says this generator reads it. The
/// version is checked before any other key, so that a copy written for
/// another schema is refused for its version, not for keys it does not know.
pub(crate) fn document_root(source: &Source, schema: &Schema) -> Result<Node, Error> {
    let fail = |diagnostic: Box<Diagnostic>| Error::single(source.clone(), *diagnostic);
    let root = tree::read(source.text(), true).map_err(fail)?;
    let Kind::Mapping(entries) = &root.kind else {
        return Err(fail(Box::new(
            Diagnostic::error(root.span.start..root.span.start, "the document is not a mapping")
                .label(root.describe())
                .help(format!(
                    "a copy is a mapping of keys that starts with `schema: {SCHEMA_VERSION}`; spec/README.md describes the schema"
                )),
        )));
    };
    let version = entries
        .iter()
        .find(|(key, _)| matches!(&key.kind, Kind::Scalar { text, .. } if text == "schema"))
        .map(|(_, value)| schema.number::<u32>(value, "schema"))
        .transpose()
        .map_err(fail)?;
    check_version(source, version, root.span.start)?;
    Ok(root)
}

/// `schema` of the document that starts at byte `document`.
fn check_version(
    source: &Source,
    schema: Option<Spanned<u32>>,
    document: usize,
) -> Result<(), Error> {
    let diagnostic = match schema {
        Some(schema) if schema.value == SCHEMA_VERSION => return Ok(()),
        Some(schema) => Diagnostic::error(
            schema.span,
            format!(
                "this copy is written in schema {}, but this generator reads schema {SCHEMA_VERSION}",
                schema.value
            ),
        )
        .label("unsupported schema version")
        .help(format!(
            "use a mastodon-error-codegen that reads schema {}, or re-export the copy with this one",
            schema.value
        )),
        None => Diagnostic::error(
            first_line(source, document),
            "the document does not say which schema it is written in",
        )
        .label("no `schema:` key in this document")
        .help(format!("add `schema: {SCHEMA_VERSION}` as the first line")),
    };
    Err(Error::single(source.clone(), diagnostic))
}

/// The `lints` of a copy of an `api/` page; none when the key is absent.
pub(crate) fn lint_records(schema: &Schema, lints: Option<&Node>) -> tree::Read<Vec<LintRecord>> {
    match lints {
        None => Ok(Vec::new()),
        Some(node) => schema
            .sequence(node, "lints")?
            .iter()
            .map(|node| lint_record(schema, node))
            .collect(),
    }
}

/// A docs defect the exporter found, in a copy of an `api/` page, recorded
/// as the methods copy records them.
fn lint_record(schema: &Schema, node: &Node) -> tree::Read<LintRecord> {
    let keys = ["lint", "at", "message", "outcome"];
    let mapping = schema.mapping(node, "lints", "a lint record", &keys)?;
    let name = schema.required(&mapping, "lint", Schema::string)?;
    if lint::find(&name.value).is_none() {
        return Err(Diagnostic::error(name.span, format!("unknown lint `{}`", name.value))
            .help("`lints` records what the generator found when it exported the copy; re-export it rather than editing it by hand")
            .into());
    }
    let text = |key: &str| {
        schema
            .required(&mapping, key, Schema::string)
            .map(|text| text.value)
    };
    Ok(LintRecord {
        lint: name.value,
        at: text("at")?,
        message: text("message")?,
        outcome: text("outcome")?,
        span: node.span.clone(),
    })
}

/// The first line of a mapping, which is where a missing key is reported.
pub(crate) fn first_line(source: &Source, start: usize) -> Range<usize> {
    let text = source.text();
    let start = start.min(text.len());
    let end = text[start..].find('\n').map_or(text.len(), |at| start + at);
    start..end.max(start)
}
