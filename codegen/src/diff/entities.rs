//! The entities half of the semantic diff: two versions of the entity pages
//! (folders of pages or YAML copies), entity by entity and attribute by
//! attribute, each change judged against the generated entities module.
//!
//! Entities match by their docs name (`Status`, `Status::Mention`), never by
//! page or by likeness: a renamed entity is one removed and one added, as its
//! struct is. Attributes match by key path (`source[note]`) within their
//! entity. Each entity is compared as the docs write it: an attribute added to
//! `Account` shows once, on `Account`, although `CredentialAccount`, which
//! extends it, gets the field too.
//!
//! The impacts follow the generated Rust: structs and open enums are
//! `#[non_exhaustive]`, so what is added beside them is minor; a field whose
//! type changes (its type, `Option` around it, an enum variant going) is
//! major; what only the field's rustdoc shows (a string's format) is patch.
//! Not reported: descriptions, anchors, version history, and the order of
//! attributes and values.

use std::path::Path;

use super::view::LintView;
use super::{Change, ChangeKind, Diff};
use crate::emit::entities::rust_type;
use crate::model::entities::{
    AttributeLifecycle, AttributeType, Entity, EntityAttribute, EntitySpec, StringFormat,
};
use crate::{Config, Error};

/// Compares two versions of the entity pages, each a folder of pages
/// (`content/en/entities/`) or a YAML copy (`spec/entities.yaml`): entities
/// added or removed, their `extends`, and each attribute's type, nullability,
/// optionality, enumerated values and lifecycle; and the docs defects each
/// side's pages show. A lint that `config` denies fails the diff, as it fails
/// generation.
///
/// ```
/// use std::path::Path;
/// use mastodon_error_codegen::{Config, diff};
///
/// let copy = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/entities.yaml"));
/// let same = diff::diff_entities(copy, copy, &Config::new()).unwrap();
/// assert_eq!(same.impact(), None);
/// ```
pub fn diff_entities(old: &Path, new: &Path, config: &Config) -> Result<Diff, Error> {
    let old_input = crate::pages::entities::load(old)?;
    let new_input = crate::pages::entities::load(new)?;
    crate::lint::apply(&config.lints, old_input.found)?;
    crate::lint::apply(&config.lints, new_input.found)?;
    Ok(Diff {
        old_name: old_input.origin.name,
        new_name: new_input.origin.name,
        changes: compare_entities(&old_input.spec, &new_input.spec),
    })
}

/// What changed between two sets of entity pages: the entities in the new
/// pages' order, then the removed ones in the old pages' order, then the
/// docs defects.
pub(crate) fn compare_entities(old: &EntitySpec, new: &EntitySpec) -> Vec<Change> {
    let mut changes = Vec::new();
    for (page, entity) in new.entities() {
        let page = page_of(&page.file);
        match old.entity(&entity.name) {
            None => changes.push(
                Change::new(
                    ChangeKind::EntityAdded,
                    &entity.name,
                    None,
                    Some(entity_terms(entity)),
                )
                .on_page(&page),
            ),
            Some(before) => compare_entity(before, entity, &page, &mut changes),
        }
    }
    for (page, entity) in old.entities() {
        if new.entity(&entity.name).is_none() {
            changes.push(
                Change::new(
                    ChangeKind::EntityRemoved,
                    &entity.name,
                    Some(entity_terms(entity)),
                    None,
                )
                .on_page(&page_of(&page.file)),
            );
        }
    }
    super::compare::compare_lints(&lints(old), &lints(new), &mut changes);
    changes
}

/// What the `page` of an entity change names: `entities/Status`, the page
/// below `content/en/`, so a reader tells it from a method page (`statuses`).
fn page_of(file: &str) -> String {
    format!("entities/{file}")
}

/// The subject of an attribute's change: `Status.quote`,
/// `CredentialAccount.source[note]`. Entity names hold no `.`, so
/// the renderer finds the two parts again.
fn attribute_subject(entity: &Entity, attribute: &EntityAttribute) -> String {
    format!("{}.{}", entity.name, attribute.display_name())
}

/// `15 attributes`, `extends Account, 2 attributes`.
fn entity_terms(entity: &Entity) -> String {
    let count = entity.attributes.len();
    let plural = if count == 1 { "" } else { "s" };
    match &entity.extends {
        Some(base) => format!("extends {base}, {count} attribute{plural}"),
        None => format!("{count} attribute{plural}"),
    }
}

/// An attribute as an added or removed one is shown: its type spelling, then
/// its flags: `one_of(Quote, ShallowQuote), nullable`, which the renderer
/// reads back.
fn attribute_terms(attribute: &EntityAttribute) -> String {
    let mut terms = attribute.ty.spelling();
    for (on, flag) in [
        (attribute.nullable, "nullable"),
        (attribute.optional, "optional"),
        (
            attribute.lifecycle == AttributeLifecycle::Deprecated,
            "deprecated",
        ),
        (
            attribute.lifecycle == AttributeLifecycle::Removed,
            "removed",
        ),
    ] {
        if on {
            terms.push_str(", ");
            terms.push_str(flag);
        }
    }
    terms
}

fn compare_entity(old: &Entity, new: &Entity, page: &str, changes: &mut Vec<Change>) {
    if old.extends != new.extends {
        let base = |extends: &Option<String>| extends.clone().unwrap_or_else(|| "none".to_owned());
        changes.push(
            Change::new(
                ChangeKind::EntityExtendsChanged,
                &new.name,
                Some(base(&old.extends)),
                Some(base(&new.extends)),
            )
            .on_page(page),
        );
    }
    for attribute in &new.attributes {
        let subject = attribute_subject(new, attribute);
        let Some(before) = old.attributes.iter().find(|a| a.path == attribute.path) else {
            changes.push(
                Change::new(
                    ChangeKind::EntityAttributeAdded,
                    &subject,
                    None,
                    Some(attribute_terms(attribute)),
                )
                .on_page(page),
            );
            continue;
        };
        let mut push = |kind, old: String, new: String| {
            changes.push(Change::new(kind, &subject, Some(old), Some(new)).on_page(page));
        };
        let old_shape = Shape::of(old, before);
        let new_shape = Shape::of(new, attribute);
        if old_shape != new_shape {
            let kind = if old_shape.rust == new_shape.rust && !old_shape.rust.contains(OWN) {
                // `string(url)` → `string`, `hash` → `json`: the field's
                // docs change, its Rust type does not.
                ChangeKind::EntityAttributeFormatChanged
            } else {
                ChangeKind::EntityAttributeRetyped
            };
            push(kind, old_shape.shown, new_shape.shown);
        }
        if before.nullable != attribute.nullable {
            let word = |nullable| if nullable { "nullable" } else { "not nullable" };
            push(
                ChangeKind::EntityAttributeNullability,
                word(before.nullable).to_owned(),
                word(attribute.nullable).to_owned(),
            );
        }
        if before.optional != attribute.optional {
            let word = |optional| if optional { "optional" } else { "required" };
            push(
                ChangeKind::EntityAttributeOptionality,
                word(before.optional).to_owned(),
                word(attribute.optional).to_owned(),
            );
        }
        if before.lifecycle != attribute.lifecycle {
            push(
                ChangeKind::EntityAttributeLifecycle,
                AttributeLifecycle::as_str(before.lifecycle).to_owned(),
                AttributeLifecycle::as_str(attribute.lifecycle).to_owned(),
            );
        }
        // Values count only while both sides are open enums; becoming or
        // ceasing to be one is a retype.
        if old_shape.rust.contains(OWN)
            && new_shape.rust == old_shape.rust
            && is_enumerated(before)
            && is_enumerated(attribute)
        {
            for value in attribute
                .values
                .iter()
                .filter(|v| !before.values.contains(v))
            {
                changes.push(
                    Change::new(
                        ChangeKind::EntityValueAdded,
                        &subject,
                        None,
                        Some(value.clone()),
                    )
                    .on_page(page),
                );
            }
            for value in before
                .values
                .iter()
                .filter(|v| !attribute.values.contains(v))
            {
                changes.push(
                    Change::new(
                        ChangeKind::EntityValueRemoved,
                        &subject,
                        Some(value.clone()),
                        None,
                    )
                    .on_page(page),
                );
            }
        }
    }
    for attribute in &old.attributes {
        if !new.attributes.iter().any(|a| a.path == attribute.path) {
            changes.push(
                Change::new(
                    ChangeKind::EntityAttributeRemoved,
                    &attribute_subject(old, attribute),
                    Some(attribute_terms(attribute)),
                    None,
                )
                .on_page(page),
            );
        }
    }
}

/// An open enum: an enumerated string (or a list of them) with values.
fn is_enumerated(attribute: &EntityAttribute) -> bool {
    *attribute.ty.element() == AttributeType::String(StringFormat::Enumerable)
        && !attribute.values.is_empty()
}

/// Stands for the type the generator makes for the field itself (its open
/// enum, its `one_of` enum, the struct of its hash), whose name is the same
/// on both sides.
const OWN: &str = "{own}";

/// An attribute's type as far as the diff compares it.
#[derive(PartialEq)]
struct Shape {
    /// The field's Rust type without `Option`, the type made for it as [`OWN`].
    rust: String,
    /// How a change shows it: the type spelling, with what else decides the
    /// Rust type (`hash with keys`, `string(enum) without values`).
    shown: String,
}

impl Shape {
    fn of(entity: &Entity, attribute: &EntityAttribute) -> Shape {
        // The generator makes a struct of a hash whose keys the entity
        // documents (`source[note]` under `source`).
        let has_keys = entity.attributes.iter().any(|other| {
            other.path.len() > attribute.path.len() && other.path.starts_with(&attribute.path)
        });
        let spelling = attribute.ty.spelling();
        let enumerated = !attribute.values.is_empty();
        let is_hash = matches!(attribute.ty.element(), AttributeType::Hash);
        let rust = match (&attribute.ty, has_keys) {
            (AttributeType::Hash, true) => OWN.to_owned(),
            (AttributeType::Array(inner), true) if **inner == AttributeType::Hash => {
                format!("Vec<{OWN}>")
            }
            (ty, _) => rust_type(ty, OWN, enumerated),
        };
        let shown = if is_hash && has_keys {
            format!("{spelling} with keys")
        } else if *attribute.ty.element() == AttributeType::String(StringFormat::Enumerable)
            && !enumerated
        {
            format!("{spelling} without values")
        } else {
            spelling
        };
        Shape { rust, shown }
    }
}

/// The lints each page recorded, by lint and message: the line and column
/// move with every edit above them.
fn lints(spec: &EntitySpec) -> Vec<LintView> {
    spec.pages
        .iter()
        .flat_map(|page| {
            page.lints.iter().map(|record| LintView {
                lint: record.lint.clone(),
                page: page_of(&page.file),
                what: record.message.clone(),
            })
        })
        .collect()
}
