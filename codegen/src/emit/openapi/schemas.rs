//! The entities as OpenAPI 3.0 schemas, and the type grammar the entity and
//! method pages share as a schema: nullable apart from optional, enums open,
//! nested hashes as nested objects.

use super::json::Json;
use crate::emit::entities::{Node, tree, type_name};
use crate::model::entities::{
    AttributeLifecycle, AttributeType, Entity, EntityAttribute, EntitySpec, StringFormat, flattened,
};

/// Where a schema's `$ref` points.
pub(crate) fn reference(docs_name: &str) -> String {
    format!("#/components/schemas/{}", type_name(docs_name))
}

fn ref_to(docs_name: &str) -> Json {
    Json::object().with("$ref", Json::str(reference(docs_name)))
}

/// What a `type` schema holds: an OpenAPI 3.0 `type`, with its `format`.
fn plain(ty: &str) -> Json {
    Json::object().with("type", Json::str(ty))
}

/// An open enum: one of `values`, or any other string, so a value a newer
/// server adds still validates. The listed values stay visible to tools
/// (a generator makes them an enum beside a string).
pub(crate) fn open_enum(values: &[String]) -> Json {
    Json::object().with(
        "anyOf",
        Json::Array(vec![
            plain("string").with("enum", Json::strings(values)),
            plain("string"),
        ]),
    )
}

/// The schema of `ty`; `values` are an enumerable string's (or an array of
/// them's). `known` says whether an entity has a schema: one no entity page
/// defines is any JSON, with its name kept.
pub(crate) fn type_schema(
    ty: &AttributeType,
    values: &[String],
    known: &dyn Fn(&str) -> bool,
) -> Json {
    match ty {
        AttributeType::String(_) if !values.is_empty() => open_enum(values),
        AttributeType::String(format) => {
            let schema = plain("string");
            match format {
                StringFormat::Url => schema.with("format", Json::str("uri")),
                StringFormat::Datetime => schema.with("format", Json::str("date-time")),
                StringFormat::Date => schema.with("format", Json::str("date")),
                StringFormat::Plain
                | StringFormat::Id
                | StringFormat::Html
                | StringFormat::Enumerable => schema,
            }
        }
        AttributeType::Integer => plain("integer"),
        AttributeType::Float => plain("number"),
        AttributeType::Boolean => plain("boolean"),
        AttributeType::Hash => plain("object"),
        AttributeType::Entity(name) if known(name) => ref_to(name),
        AttributeType::Entity(name) => {
            Json::object().with("x-unresolved-entity", Json::str(name.as_str()))
        }
        AttributeType::OneOf(names) => Json::object().with(
            "oneOf",
            Json::Array(
                names
                    .iter()
                    .map(|name| type_schema(&AttributeType::Entity(name.clone()), &[], known))
                    .collect(),
            ),
        ),
        AttributeType::Array(inner) => {
            plain("array").with("items", type_schema(inner, values, known))
        }
        AttributeType::Json => Json::object(),
    }
}

/// `schema`, also accepting `null`. OpenAPI 3.0 has `nullable: true` beside
/// a `type`, and it holds in that schema object alone (3.0.3): a `$ref` or a
/// `oneOf` whose branches refuse `null` still refuses it. So a `$ref` becomes
/// an `anyOf` of it and [`null_only`], a `oneOf` gains that branch, and an
/// open enum's plain-string branch takes the null, so each branch stays a
/// typed schema.
pub(crate) fn nullable(mut schema: Json) -> Json {
    if schema.get("$ref").is_some() {
        return Json::object().with("anyOf", Json::Array(vec![schema, null_only()]));
    }
    if let Some(Json::Array(branches)) = schema.get_mut("oneOf") {
        branches.push(null_only());
        return schema;
    }
    if schema.get("type").is_some() {
        schema.set("nullable", Json::Bool(true));
        return schema;
    }
    if let Some(Json::Array(branches)) = schema.get_mut("anyOf") {
        if let Some(last) = branches.last_mut() {
            last.set("nullable", Json::Bool(true));
        }
        return schema;
    }
    // Any JSON already takes null.
    schema
}

/// The schema of `null` alone: 3.0 has no `null` type, and `nullable` needs
/// a `type` beside it.
pub(crate) fn null_only() -> Json {
    Json::object()
        .with("type", Json::str("object"))
        .with("nullable", Json::Bool(true))
        .with("enum", Json::Array(vec![Json::Null]))
}

/// Every entity as a schema, in page order, by its Rust type's name.
pub(crate) fn entity_schemas(spec: &EntitySpec, docs_site: &str) -> Vec<(String, Json)> {
    let known = |name: &str| spec.entity(name).is_some();
    spec.pages
        .iter()
        .flat_map(|page| {
            page.entities
                .iter()
                .enumerate()
                .map(move |(index, entity)| {
                    let mut schema = entity_schema(spec, entity, &known);
                    let anchor = entity
                        .anchor
                        .as_deref()
                        .map_or(String::new(), |anchor| format!("#{anchor}"));
                    schema.set(
                        "externalDocs",
                        Json::object().with(
                            "url",
                            Json::str(format!("{docs_site}/entities/{}/{anchor}", page.file)),
                        ),
                    );
                    // The page's defects that change a fact, once, on its own entity.
                    let lints: Vec<Json> = page
                        .lints
                        .iter()
                        .filter(|_| index == 0)
                        .filter(|record| !EXAMPLE_LINTS.contains(&record.lint.as_str()))
                        .map(super::lint_record)
                        .collect();
                    if !lints.is_empty() {
                        schema.set("x-lints", Json::Array(lints));
                    }
                    (type_name(&entity.name), schema)
                })
        })
        .collect()
}

/// The entity pages' lints about their JSON examples: the types follow the
/// tables, so these change no fact of a schema.
const EXAMPLE_LINTS: [&str; 2] = ["example-contradicts-table", "invalid-entity-example"];

fn entity_schema(spec: &EntitySpec, entity: &Entity, known: &dyn Fn(&str) -> bool) -> Json {
    let admin = entity.name.starts_with("Admin::");
    let attributes = flattened(spec, entity);
    let mut schema = object_schema(&tree(&attributes), admin, known);
    schema.set("x-docs-name", Json::str(entity.name.as_str()));
    schema
}

/// An object with `nodes` as its properties: `required` lists the keys a
/// server always sends (null or not), apart from `nullable` on each value.
/// A key newer than the baseline is not required, nullable or not: older
/// servers leave it out (the Rust types read that absence of a nullable key
/// as `None`, so `may_be_absent` leaves it out; a schema cannot).
fn object_schema(nodes: &[Node<'_>], admin: bool, known: &dyn Fn(&str) -> bool) -> Json {
    let properties = nodes
        .iter()
        .map(|node| (node.key.clone(), node_schema(node, admin, known)))
        .collect();
    let required: Vec<&str> = nodes
        .iter()
        .filter(|node| {
            node.attribute
                .is_some_and(|a| !a.may_be_absent() && a.sent_from.is_none())
        })
        .map(|node| node.key.as_str())
        .collect();
    let mut schema = plain("object").with("properties", Json::Object(properties));
    if !required.is_empty() {
        schema.set("required", Json::strings(required));
    }
    schema
}

fn node_schema(node: &Node<'_>, admin: bool, known: &dyn Fn(&str) -> bool) -> Json {
    let Some(attribute) = node.attribute else {
        // Keys the docs name only inside it (`a[b]` without `a`): an object.
        return object_schema(&node.children, admin, known);
    };
    let mut schema = match (&attribute.ty, node.children.is_empty()) {
        (_, true) => type_schema(&attribute.ty, &attribute.values, known),
        (AttributeType::Array(_), false) => {
            plain("array").with("items", object_schema(&node.children, admin, known))
        }
        (_, false) => object_schema(&node.children, admin, known),
    };
    if attribute.nullable {
        schema = nullable(schema);
    }
    attribute_extensions(&mut schema, attribute, admin);
    schema
}

/// Versions, lifecycle and the reviewed corrections, as `x-` keys.
fn attribute_extensions(schema: &mut Json, attribute: &EntityAttribute, admin: bool) {
    // A `$ref` takes no siblings: the facts go on an `allOf` around it.
    if schema.get("$ref").is_some() {
        let reference = std::mem::replace(schema, Json::object());
        schema.set("allOf", Json::Array(vec![reference]));
    }
    if let Some(version) = attribute.added_for(admin) {
        schema.set("x-added-in", Json::str(version));
    }
    if let Some(version) = &attribute.sent_from {
        schema.set("x-sent-from", Json::str(version.as_str()));
    }
    match attribute.lifecycle {
        AttributeLifecycle::Current => {}
        AttributeLifecycle::Deprecated => {
            schema.set("deprecated", Json::Bool(true));
        }
        AttributeLifecycle::Removed => {
            schema.set("deprecated", Json::Bool(true));
            schema.set("x-lifecycle", Json::str("removed"));
        }
    }
    if !attribute.corrections.is_empty() {
        let corrections = attribute
            .corrections
            .iter()
            .map(|correction| {
                let mut json = Json::object().with("change", Json::str(correction.summary()));
                if let Some(until) = &correction.until {
                    json.set("until", Json::str(until.as_str()));
                }
                json.with("evidence", Json::strings(&correction.evidence))
            })
            .collect();
        schema.set("x-corrections", Json::Array(corrections));
    }
}
