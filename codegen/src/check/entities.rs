//! The entities against the rest: each method's `**Returns:**` link
//! resolved to the entity it names, and the spec the entities module is
//! generated from, with the reviewed corrections and the baseline applied.

use crate::diagnostic::Diagnostic;
use crate::lint::Found;
use crate::model::entities::{Baseline, Correction, Entity, EntityAttribute, EntitySpec, Version};
use crate::pages::entities::EntityIndex;
use crate::pages::methods::MethodsInput;

/// Resolves each `**Returns:**` link of the method pages to the entity it
/// names: by its text when an entity has that name (`V1::Instance`, even
/// where the link points at `entities/instance`), else by its target, the
/// page and the section anchor (`Account#CredentialAccount`, `Tag#admin`).
/// A link to nothing fires `unresolved-entity` and is left out.
pub(crate) fn resolve_returns(methods: &mut MethodsInput, entities: &EntitySpec) {
    let mut found = Vec::new();
    let index = EntityIndex::of(entities);
    for (page_index, page) in methods.spec.pages.iter_mut().enumerate() {
        let source = &methods.sources[methods.page_source[page_index]];
        for method in &mut page.methods {
            let Some(returns) = method.returns.as_mut() else {
                continue;
            };
            for link in &mut returns.entities {
                link.resolved = index.resolve(None, &link.text, link.page.as_deref());
            }
            for link in returns
                .entities
                .iter()
                .filter(|link| link.resolved.is_none())
            {
                {
                    let target = link.page.clone().map_or_else(
                        || format!("#{}", link.anchor.clone().unwrap_or_default()),
                        |page| format!("entities/{page}"),
                    );
                    let message = format!(
                        "`{} {}` returns `{}` ({target}), which no entity page defines",
                        method.http_method, method.path, link.text
                    );
                    let outcome = "leaves it out of `Endpoint::returns()`, which says `Other` if no other entity is named";
                    let unresolved = Found {
                        lint: &crate::lint::UNRESOLVED_ENTITY,
                        source: source.clone(),
                        diagnostic: Diagnostic::defect(returns.span.clone(), message, outcome),
                    };
                    page.lints
                        .push(unresolved.record(&format!("{}.md", page.path)));
                    found.push(unresolved);
                }
            }
            // A line whose only link names no entity says nothing the
            // generator reads as an entity.
            let had_links = !returns.entities.is_empty();
            returns.entities.retain(|link| link.resolved.is_some());
            if had_links && returns.entities.is_empty() {
                returns.shape = crate::model::methods::ReturnShape::Other;
            }
        }
    }
    for page in &mut methods.spec.pages {
        page.lints.sort_by_key(|record| record.span.start);
    }
    methods.lints.extend(found);
}

/// The spec the entities module is generated from: the docs' facts with the
/// copy's reviewed corrections that hold at `baseline` applied, and each
/// attribute that servers older than `baseline` leave out marked with the
/// version that added it. The readers, the copy's writer, the examples'
/// check and the semantic diff keep to the docs' facts.
pub(crate) fn reviewed(spec: &EntitySpec, baseline: &Baseline) -> EntitySpec {
    let mut reviewed = corrected(spec, |correction| correction.applies_at(baseline));
    let Baseline::Version(baseline) = baseline else {
        return reviewed;
    };
    let is_admin = |entity: &Entity| entity.name.starts_with("Admin::");
    for entity in reviewed
        .pages
        .iter_mut()
        .flat_map(|page| &mut page.entities)
    {
        let admin = is_admin(entity);
        mark_sent_from(&mut entity.attributes, baseline, admin);
    }
    // An entity that extends one of the other audience (`Admin::Tag` extends
    // `Tag`) takes the base's attributes as its own, marked for itself.
    let inherited: Vec<(String, Vec<EntityAttribute>)> = reviewed
        .entities()
        .filter_map(|(_, entity)| {
            let base = reviewed.entity(entity.extends.as_deref()?)?;
            let mut attributes = base.attributes.clone();
            mark_sent_from(&mut attributes, baseline, is_admin(entity));
            let differs = attributes
                .iter()
                .zip(&base.attributes)
                .any(|(own, base)| own.sent_from != base.sent_from);
            let overridden = |path: &[String]| entity.attributes.iter().any(|own| own.path == path);
            attributes.retain(|attribute| !overridden(&attribute.path));
            differs.then(|| (entity.name.clone(), attributes))
        })
        .collect();
    for (name, mut attributes) in inherited {
        let Some(entity) = reviewed
            .pages
            .iter_mut()
            .flat_map(|page| &mut page.entities)
            .find(|entity| entity.name == name)
        else {
            continue;
        };
        attributes.append(&mut entity.attributes);
        entity.attributes = attributes;
    }
    reviewed
}

/// `spec` with the corrections that `applies` keeps applied to the
/// attributes they name, each attribute keeping the corrections it got.
pub(crate) fn corrected(spec: &EntitySpec, applies: impl Fn(&Correction) -> bool) -> EntitySpec {
    let mut corrected = spec.clone();
    for correction in spec
        .corrections
        .iter()
        .filter(|correction| applies(correction))
    {
        let attribute = corrected
            .pages
            .iter_mut()
            .flat_map(|page| &mut page.entities)
            .filter(|entity| entity.name == correction.entity)
            .flat_map(|entity| &mut entity.attributes)
            .find(|attribute| attribute.path == correction.attribute);
        // The copy's reader refuses a correction of an attribute it lacks.
        let Some(attribute) = attribute else {
            continue;
        };
        attribute.nullable |= correction.nullable;
        attribute.optional |= correction.optional;
        if let Some(ty) = &correction.ty {
            attribute.ty = ty.clone();
        }
        attribute.corrections.push(correction.clone());
    }
    corrected
}

/// Marks each of an entity's attributes that a server at `baseline` does
/// not send: one added after the baseline, and after what holds it (its
/// hash, else its entity, whose version is its earliest attribute's), for an
/// admin entity (`admin`) or another. An attribute whose history names no
/// version is there whenever what holds it is.
fn mark_sent_from(attributes: &mut [EntityAttribute], baseline: &Version, admin: bool) {
    let added: Vec<Option<Version>> = attributes
        .iter()
        .map(|attribute| attribute.added_for(admin).and_then(Version::parse))
        .collect();
    let entity_version = added.iter().flatten().min().cloned();
    let paths: Vec<Vec<String>> = attributes
        .iter()
        .map(|attribute| attribute.path.clone())
        .collect();
    // The version of what holds `path`: the nearest hash above it with a
    // version, else the entity's.
    let holder = |path: &[String]| -> Option<Version> {
        (1..path.len())
            .rev()
            .find_map(|depth| {
                paths
                    .iter()
                    .position(|other| other.as_slice() == &path[..depth])
                    .and_then(|at| added[at].clone())
            })
            .or_else(|| entity_version.clone())
    };
    let marks: Vec<Option<String>> = paths
        .iter()
        .zip(&added)
        .map(|(path, added)| {
            let added = added.as_ref()?;
            let after_holder = holder(path).is_none_or(|holder| *added > holder);
            (added > baseline && after_holder).then(|| added.as_str().to_owned())
        })
        .collect();
    for (attribute, mark) in attributes.iter_mut().zip(marks) {
        attribute.sent_from = mark;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::HistoryEntry;
    use crate::model::entities::{
        AttributeLifecycle, AttributeType, Correction, EntityAttribute, EntityPage, StringFormat,
    };

    fn attribute(path: &[&str], history: &[(&str, &str)]) -> EntityAttribute {
        EntityAttribute {
            path: path.iter().map(|key| (*key).to_owned()).collect(),
            anchor: None,
            span: 0..0,
            type_text: "string".to_owned(),
            type_span: 0..0,
            ty: AttributeType::String(StringFormat::Plain),
            nullable: false,
            optional: false,
            lifecycle: AttributeLifecycle::Current,
            values: Vec::new(),
            history: history
                .iter()
                .map(|(version, change)| HistoryEntry {
                    version: (*version).to_owned(),
                    change: (*change).to_owned(),
                })
                .collect(),
            type_override: false,
            sent_from: None,
            corrections: Vec::new(),
        }
    }

    fn spec(entities: Vec<(&str, Vec<EntityAttribute>)>) -> EntitySpec {
        EntitySpec {
            pages: vec![EntityPage {
                file: "Page".to_owned(),
                entities: entities
                    .into_iter()
                    .map(|(name, attributes)| Entity {
                        name: name.to_owned(),
                        anchor: None,
                        span: 0..0,
                        extends: None,
                        attributes,
                    })
                    .collect(),
                examples: Vec::new(),
                lints: Vec::new(),
            }],
            ..EntitySpec::default()
        }
    }

    /// Each attribute's `sent_from`, by its docs name.
    fn marks(spec: &EntitySpec, baseline: &str) -> Vec<(String, Option<String>)> {
        reviewed(spec, &Baseline::parse(baseline).unwrap())
            .entities()
            .flat_map(|(_, entity)| &entity.attributes)
            .map(|attribute| (attribute.display_name(), attribute.sent_from.clone()))
            .collect()
    }

    #[test]
    fn what_a_baseline_server_lacks_is_marked() {
        let spec = spec(vec![
            (
                "Account",
                vec![
                    attribute(&["id"], &[("0.1.0", "added")]),
                    attribute(&["uri"], &[("4.2.0", "added")]),
                    // Latest `added` entry: a client can count on it from 4.3.1.
                    attribute(
                        &["tag_id"],
                        &[
                            ("3.5.0", "added to admin APIs"),
                            ("4.3.1", "added to public APIs"),
                        ],
                    ),
                    // Adding a value is no addition of the attribute.
                    attribute(&["kind"], &[("2.0.0", "added"), ("4.5.0", "added quote")]),
                    // No `added` entry: the first entry's version.
                    attribute(&["source"], &[("2.4.0", "added")]),
                    attribute(
                        &["source", "quote_policy"],
                        &[("4.5.0", "added posting:default:quoted_policy")],
                    ),
                    // No version at all: there when its container is.
                    attribute(&["source", "note"], &[]),
                    attribute(&["wrapped"], &[("4.6.0", "added")]),
                    // Added with its hash: an older server sends neither.
                    attribute(&["wrapped", "inner"], &[("4.6.0", "added")]),
                ],
            ),
            // A whole entity newer than the baseline keeps its table.
            (
                "Collection",
                vec![
                    attribute(&["id"], &[("4.6.0", "added")]),
                    attribute(&["name"], &[("4.6.0", "added")]),
                    attribute(&["later"], &[("4.7.0", "added")]),
                ],
            ),
        ]);
        let got = marks(&spec, "4.0.0");
        let marked: Vec<(&str, &str)> = got
            .iter()
            .filter_map(|(name, mark)| Some((name.as_str(), mark.as_deref()?)))
            .collect();
        assert_eq!(
            marked,
            [
                ("uri", "4.2.0"),
                ("tag_id", "4.3.1"),
                ("source[quote_policy]", "4.5.0"),
                ("wrapped", "4.6.0"),
                ("later", "4.7.0"),
            ]
        );
        let at_4_3: Vec<String> = marks(&spec, "4.3.1")
            .into_iter()
            .filter(|(_, mark)| mark.is_some())
            .map(|(name, _)| name)
            .collect();
        assert_eq!(at_4_3, ["source[quote_policy]", "wrapped", "later"]);
        assert!(
            reviewed(&spec, &Baseline::Latest)
                .entities()
                .flat_map(|(_, entity)| &entity.attributes)
                .all(|attribute| attribute.sent_from.is_none())
        );
    }

    /// `Tag.id` came to the admin APIs in 3.5.0 and to the public ones in
    /// 4.3.1: `Admin::Tag`, which extends `Tag`, has it from 3.5.0.
    #[test]
    fn an_admin_entity_reads_its_own_history() {
        let mut spec = spec(vec![
            (
                "Tag",
                vec![
                    attribute(&["name"], &[("0.9.0", "added")]),
                    attribute(
                        &["id"],
                        &[
                            ("3.5.0", "added to admin APIs"),
                            ("4.3.1", "added to public APIs"),
                        ],
                    ),
                ],
            ),
            (
                "Admin::Tag",
                vec![attribute(&["trendable"], &[("3.5.0", "added")])],
            ),
        ]);
        spec.pages[0].entities[1].extends = Some("Tag".to_owned());
        let reviewed = reviewed(&spec, &Baseline::default());
        let marks = |name: &str| -> Vec<(String, Option<String>)> {
            reviewed
                .entity(name)
                .unwrap()
                .attributes
                .iter()
                .map(|attribute| (attribute.display_name(), attribute.sent_from.clone()))
                .collect()
        };
        assert_eq!(
            marks("Tag"),
            [
                ("name".to_owned(), None),
                ("id".to_owned(), Some("4.3.1".to_owned()))
            ]
        );
        // Its own now, in the base's order, before its own attributes.
        assert_eq!(
            marks("Admin::Tag"),
            [
                ("name".to_owned(), None),
                ("id".to_owned(), None),
                ("trendable".to_owned(), None)
            ]
        );
        // Without such an entry, an extending entity keeps the base's attributes.
        spec.pages[0].entities[0].attributes[1].history.truncate(1);
        spec.pages[0].entities[0].attributes[1].history[0].change = "added".to_owned();
        let reviewed = super::reviewed(&spec, &Baseline::default());
        assert_eq!(reviewed.entity("Admin::Tag").unwrap().attributes.len(), 1);
    }

    #[test]
    fn corrections_apply_and_are_kept_on_the_attribute() {
        let mut spec = spec(vec![(
            "Status",
            vec![
                attribute(&["content"], &[("0.1.0", "added")]),
                attribute(&["id"], &[("0.1.0", "added")]),
            ],
        )]);
        spec.corrections = vec![
            Correction {
                entity: "Status".to_owned(),
                attribute: vec!["content".to_owned()],
                nullable: false,
                optional: true,
                ty: None,
                until: None,
                evidence: vec!["responses/a.jsonl:2 DELETE answers without content".to_owned()],
                span: 0..0,
            },
            Correction {
                entity: "Status".to_owned(),
                attribute: vec!["id".to_owned()],
                nullable: true,
                optional: false,
                ty: Some(AttributeType::Integer),
                until: None,
                evidence: vec!["responses/a.jsonl:3".to_owned()],
                span: 0..0,
            },
        ];
        let reviewed = reviewed(&spec, &Baseline::default());
        let status = reviewed.entity("Status").unwrap();
        let (content, id) = (&status.attributes[0], &status.attributes[1]);
        assert!(content.optional && !content.nullable && content.may_be_absent());
        assert_eq!(content.corrections.len(), 1);
        assert!(id.nullable && id.ty == AttributeType::Integer);
        assert_eq!(id.corrections[0].summary(), "is integer and may be null");
        // A correction that holds only up to a version applies only to types for servers that old.
        spec.corrections[0].until = Version::parse("4.0.2");
        let newer = super::reviewed(&spec, &Baseline::parse("4.3.0").unwrap());
        assert!(!newer.entity("Status").unwrap().attributes[0].optional);
        let older = super::reviewed(&spec, &Baseline::parse("4.0.0").unwrap());
        assert!(older.entity("Status").unwrap().attributes[0].optional);
        assert!(
            !super::reviewed(&spec, &Baseline::Latest)
                .entity("Status")
                .unwrap()
                .attributes[0]
                .optional
        );
        // The docs' facts stay as they were.
        assert!(!spec.entity("Status").unwrap().attributes[0].optional);
        assert!(spec.redundant_corrections().is_empty());
        spec.pages[0].entities[0].attributes[0].optional = true;
        assert_eq!(spec.redundant_corrections().len(), 1);
    }
}
