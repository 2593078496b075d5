//! Writes an [`EntitySpec`] as `spec/entities.yaml`, in a fixed layout: keys
//! in schema order, defaults left out, one line per fact, so that a docs
//! change shows as the lines it changes. The docs' prose, their `Type:`
//! lines as written and their JSON examples stay out.

use serde::Serialize;

use super::read_yaml::parse;
use crate::model::HistoryEntry;
use crate::model::entities::{
    AttributeLifecycle, AttributeType, Baseline, Correction, Entity, EntityAttribute, EntitySpec,
    Version, display_path,
};
use crate::source::Source;
use crate::yaml::SCHEMA_VERSION;
use crate::yaml::document_write::to_yaml;
use crate::yaml::document_write::{LintOut, lint};

/// `identity` names the pages by content (a git tree id), so the copy is the
/// same wherever the pages were read from. The copy is read back before it
/// is returned: a spec the copy cannot hold (a history entry without a
/// version, a type naming an entity no page defines, …) is refused, with
/// the reader's words.
pub(crate) fn write(
    spec: &EntitySpec,
    identity: &str,
    out_name: Option<&str>,
) -> Result<String, String> {
    let mut pages = Vec::with_capacity(spec.pages.len());
    for page in &spec.pages {
        let mut entities = Vec::with_capacity(page.entities.len());
        for entity in &page.entities {
            entities.push(EntityOut {
                name: &entity.name,
                anchor: entity.anchor.as_deref(),
                extends: entity.extends.as_deref(),
                attributes: entity
                    .attributes
                    .iter()
                    .map(|attribute| attribute_out(entity, attribute))
                    .collect::<Result<_, _>>()?,
            });
        }
        pages.push(PageOut {
            file: &page.file,
            lints: page.lints.iter().map(lint).collect(),
            entities,
        });
    }
    let document = Document {
        schema: SCHEMA_VERSION,
        baseline: spec.baseline.as_ref().map(Baseline::as_str),
        corrections: spec.corrections.iter().map(correction_out).collect(),
        pages,
    };
    let body = to_yaml(&document)?;
    let out = out_name.unwrap_or("FILE");
    let copy = format!(
        "# Mastodon's entity pages as data: a mastodon-error-codegen YAML copy, schema {SCHEMA_VERSION}.\n\
         # Facts only (entity and attribute names, types, flags, values, versions); the docs site has the prose and the examples.\n\
         # Exported from the docs' entity pages: {identity}\n\
         # Re-export with: mastodon-error-codegen export-yaml --entities <FOLDER> --out {out}\n\
         {body}"
    );
    read_back(spec, &copy, out_name.unwrap_or("entities.yaml"))?;
    Ok(copy)
}

/// Refuses a copy that would not read back as `spec`'s facts.
fn read_back(spec: &EntitySpec, copy: &str, name: &str) -> Result<(), String> {
    let read = parse(&Source::new(name, copy)).map_err(|error| {
        let problems: Vec<String> = error
            .diagnostics()
            .iter()
            .map(|diagnostic| format!("{} ({})", diagnostic.message(), error.location(diagnostic)))
            .collect();
        format!("the copy would not read back: {}", problems.join("; "))
    })?;
    let facts = copied_facts(spec)?.without_spans();
    let read = read.without_spans();
    if read == facts {
        return Ok(());
    }
    // The first entity that differs, to say where.
    let differs = facts
        .entities()
        .zip(read.entities())
        .find(|((_, written), (_, read))| written != read)
        .map_or_else(
            || "its pages differ".to_owned(),
            |((page, entity), _)| {
                format!("entity `{}` of page `{}` differs", entity.name, page.file)
            },
        );
    Err(format!(
        "the copy would not read back as the same facts: {differs}"
    ))
}

/// `spec` as its copy holds it: no examples, and each `type_text` the
/// spelling of the docs' type, which the copy writes as `type`.
fn copied_facts(spec: &EntitySpec) -> Result<EntitySpec, String> {
    let mut spec = spec.clone();
    for page in &mut spec.pages {
        page.examples.clear();
        for entity in &mut page.entities {
            let name = entity.name.clone();
            for attribute in &mut entity.attributes {
                attribute.type_text = docs_type(&name, attribute)?.spelling();
            }
        }
    }
    Ok(spec)
}

/// The docs' type: the attribute's own type, unless the copy overrides it;
/// then the one its `type_text` spells, as the copy's reader keeps it.
fn docs_type(entity: &str, attribute: &EntityAttribute) -> Result<AttributeType, String> {
    if !attribute.type_override {
        return Ok(attribute.ty.clone());
    }
    AttributeType::from_spelling(&attribute.type_text).ok_or_else(|| {
        format!(
            "attribute `{}` of `{entity}` has a type override, but its docs type `{}` is not a type spelling: the copy writes the docs' type as `type` beside `type_override`",
            attribute.display_name(),
            attribute.type_text,
        )
    })
}

#[derive(Serialize)]
struct Document<'a> {
    schema: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    corrections: Vec<CorrectionOut<'a>>,
    pages: Vec<PageOut<'a>>,
}

#[derive(Serialize)]
struct CorrectionOut<'a> {
    entity: &'a str,
    attribute: String,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    ty: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    nullable: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    optional: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    until: Option<&'a str>,
    evidence: &'a [String],
}

fn correction_out(correction: &Correction) -> CorrectionOut<'_> {
    CorrectionOut {
        entity: &correction.entity,
        attribute: display_path(&correction.attribute),
        ty: correction.ty.as_ref().map(AttributeType::spelling),
        nullable: correction.nullable,
        optional: correction.optional,
        until: correction.until.as_ref().map(Version::as_str),
        evidence: &correction.evidence,
    }
}

#[derive(Serialize)]
struct PageOut<'a> {
    file: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    lints: Vec<LintOut<'a>>,
    entities: Vec<EntityOut<'a>>,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    anchor: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    extends: Option<&'a str>,
    attributes: Vec<AttributeOut<'a>>,
}

#[derive(Serialize)]
struct AttributeOut<'a> {
    /// The key path as the docs write it: `source[note]`.
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    anchor: Option<&'a str>,
    /// The docs' type, as [`AttributeType::spelling`] writes it.
    #[serde(rename = "type")]
    ty: String,
    /// Only for a type the copy's user set by hand.
    #[serde(skip_serializing_if = "Option::is_none")]
    type_override: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    nullable: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    optional: bool,
    /// Absent for a current attribute.
    #[serde(skip_serializing_if = "Option::is_none")]
    lifecycle: Option<&'static str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    values: &'a [String],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    history: Vec<String>,
}

fn attribute_out<'a>(
    entity: &Entity,
    attribute: &'a EntityAttribute,
) -> Result<AttributeOut<'a>, String> {
    Ok(AttributeOut {
        name: display_path(&attribute.path),
        anchor: attribute.anchor.as_deref(),
        ty: docs_type(&entity.name, attribute)?.spelling(),
        type_override: attribute.type_override.then(|| attribute.ty.spelling()),
        nullable: attribute.nullable,
        optional: attribute.optional,
        lifecycle: (attribute.lifecycle != AttributeLifecycle::Current)
            .then(|| attribute.lifecycle.as_str()),
        values: &attribute.values,
        history: attribute.history.iter().map(history_text).collect(),
    })
}

/// `4.0.0 - now nullable`, or the version alone when the docs give no change.
fn history_text(entry: &HistoryEntry) -> String {
    if entry.change.is_empty() {
        entry.version.clone()
    } else {
        format!("{} - {}", entry.version, entry.change)
    }
}
