//! The entity pages as one set: read from a folder of Markdown pages (or a
//! YAML copy), with every entity link resolved, sub-entities that extend
//! their page's entity marked, and each JSON example checked against the
//! table it illustrates.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Error};
#[cfg(feature = "markdown-entities")]
use crate::lint;
use crate::lint::Found;
#[cfg(feature = "markdown-entities")]
use crate::model::entities::AttributeType;
use crate::model::entities::{Baseline, Correction, Entity, EntityAttribute, EntitySpec, Version};
use crate::source::{Source, display_path};

/// The entity pages, with the lints found reading them.
pub(crate) struct EntitiesInput {
    pub spec: EntitySpec,
    pub found: Vec<Found>,
    /// The text each page was read from: its own page, or the one copy.
    pub sources: Vec<Source>,
    /// For each page of `spec`, its index in `sources`.
    pub page_source: Vec<usize>,
    /// What the module's header names as its input.
    pub origin: crate::emit::InputOrigin,
}

/// Reads the entity pages at `path`: a folder of Markdown pages, or a YAML
/// copy (`.yaml`, `.yml`).
pub(crate) fn load(path: &Path) -> Result<EntitiesInput, Error> {
    let name = display_path(path);
    if path.is_dir() {
        #[cfg(feature = "markdown-entities")]
        return read_folder(path);
        #[cfg(not(feature = "markdown-entities"))]
        return Err(Error::single(
            Source::new(name, String::new()),
            Diagnostic::error(
                0..0,
                "reading the entity pages from Markdown needs the `markdown-entities` feature of mastodon-error-codegen",
            )
            .help("add `features = [\"markdown-entities\"]` to the generator's dependency, or point at a YAML copy (`export-yaml --entities`)"),
        ));
    }
    if crate::Format::of(&name) != crate::Format::Yaml {
        return Err(crate::pages_folder::error(
            path,
            "entities",
            "the entity pages are neither a folder nor a YAML copy (`.yaml`, `.yml`)",
        ));
    }
    let source = Source::read(path)?;
    if source.text().trim().is_empty() {
        return Err(Error::single(
            source,
            Diagnostic::error(0..0, "the file is empty")
                .help("write a YAML copy with `mastodon-error-codegen export-yaml --entities FOLDER --out FILE`"),
        ));
    }
    let spec = crate::yaml::entities::parse(&source)?;
    let found = crate::method_pages::recorded_lints(
        spec.pages.iter().flat_map(|page| &page.lints),
        &source,
    );
    let origin = crate::emit::InputOrigin::copy(&source);
    let page_source = vec![0; spec.pages.len()];
    Ok(EntitiesInput {
        spec,
        found,
        sources: vec![source],
        page_source,
        origin,
    })
}

#[cfg(feature = "markdown-entities")]
fn read_folder(dir: &Path) -> Result<EntitiesInput, Error> {
    let (pages, tree) =
        crate::pages_folder::read(dir, "entities", "no entity pages (`*.md`) in this folder")?;
    // The pages themselves: neither Hugo's `_index.md` nor a subfolder's.
    let sources: Vec<(String, Source)> = pages
        .into_iter()
        .filter(|(page, _)| !page.starts_with('_') && !page.contains('/'))
        .collect();
    let count = sources.len();
    let mut input = from_sources(sources)?;
    input.origin = crate::emit::InputOrigin {
        name: display_path(dir),
        identity: format!(
            "{count} pages, git tree {tree} (`git rev-parse <commit>:content/en/entities` in the docs)"
        ),
    };
    Ok(input)
}

/// Reads pages already in memory: (file name without `.md`, its text).
#[cfg(feature = "markdown-entities")]
pub(crate) fn from_sources(pages_in: Vec<(String, Source)>) -> Result<EntitiesInput, Error> {
    let mut spec = EntitySpec::default();
    let mut found = Vec::new();
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for (file, source) in pages_in {
        match crate::markdown::entity_page::parse(&source, &file) {
            Ok((page, page_found)) => {
                spec.pages.push(page);
                found.extend(page_found);
                sources.push(source);
            }
            Err(error) => errors.push(error),
        }
    }
    if let Some(error) = Error::combine(errors) {
        return Err(error);
    }
    let mut late = Vec::new();
    resolve(&mut spec, &sources, &mut late);
    mark_extensions(&mut spec);
    super::entity_examples::check(&spec, &sources, &mut late);
    // The copy records every lint its page fired, in page order.
    for (page, source) in spec.pages.iter_mut().zip(&sources) {
        let docs_path = format!("entities/{}.md", page.file);
        page.lints.extend(
            late.iter()
                .filter(|found| found.source.name() == source.name())
                .map(|found| found.record(&docs_path)),
        );
        page.lints.sort_by_key(|record| record.span.start);
    }
    found.extend(late);
    let page_source = (0..sources.len()).collect();
    Ok(EntitiesInput {
        spec,
        found,
        sources,
        page_source,
        origin: crate::emit::InputOrigin {
            name: String::new(),
            identity: String::new(),
        },
    })
}

/// Resolves each attribute's entity links; an unresolved one fires
/// `unresolved-entity` and the attribute keeps the raw JSON.
#[cfg(feature = "markdown-entities")]
fn resolve(spec: &mut EntitySpec, sources: &[Source], found: &mut Vec<Found>) {
    let index = EntityIndex::of(spec);
    for (page, source) in spec.pages.iter_mut().zip(sources) {
        let title = page.entities[0].name.clone();
        for entity in &mut page.entities {
            for attribute in &mut entity.attributes {
                let mut missing = Vec::new();
                let resolved = resolve_type(&attribute.ty, &mut |link| {
                    let name = index.resolve(Some(&title), link, None);
                    if name.is_none() {
                        missing.push(link.to_owned());
                    }
                    name
                });
                match resolved {
                    Some(ty) => attribute.ty = ty,
                    None => {
                        found.push(Found {
                            lint: &lint::UNRESOLVED_ENTITY,
                            source: source.clone(),
                            diagnostic: Diagnostic::defect(
                                attribute.type_span.clone(),
                                format!(
                                    "`{}` has the type {}, which no entity page defines",
                                    attribute.display_name(),
                                    missing.join(", ")
                                ),
                                "the field keeps the raw JSON value",
                            ),
                        });
                        attribute.ty = AttributeType::Json;
                    }
                }
            }
        }
    }
}

#[cfg(feature = "markdown-entities")]
/// `ty` with every entity name resolved; `None` when one does not resolve.
pub(crate) fn resolve_type(
    ty: &AttributeType,
    resolve: &mut dyn FnMut(&str) -> Option<String>,
) -> Option<AttributeType> {
    Some(match ty {
        AttributeType::Entity(name) => AttributeType::Entity(resolve(name)?),
        AttributeType::OneOf(names) => AttributeType::OneOf(
            names
                .iter()
                .map(|name| resolve(name))
                .collect::<Option<Vec<_>>>()?,
        ),
        AttributeType::Array(inner) => {
            AttributeType::Array(Box::new(resolve_type(inner, resolve)?))
        }
        other => other.clone(),
    })
}

/// A sub-entity extends its page's entity when most keys of its example that
/// its own table lacks (two at least) are that entity's (`CredentialAccount`,
/// `Admin::Tag`, `Trends::Link`), or, without an example, when its name ends
/// with the page entity's (`MutedAccount`).
#[cfg(feature = "markdown-entities")]
fn mark_extensions(spec: &mut EntitySpec) {
    for page in &mut spec.pages {
        let Some((own, subs)) = page.entities.split_first_mut() else {
            continue;
        };
        let own_keys: Vec<&str> = top_level_keys(own);
        let own_last = own.name.rsplit("::").next().unwrap_or(&own.name).to_owned();
        for sub in subs {
            let examples: Vec<serde_json::Value> = page
                .examples
                .iter()
                .filter(|example| example.entity == sub.name)
                .filter_map(|example| {
                    super::entity_examples::parse_example(&example.json)
                        .ok()
                        .map(|(value, _)| value)
                })
                .collect();
            let sub_keys = top_level_keys(sub);
            let extends = if examples.is_empty() {
                sub.name.ends_with(&own_last) && sub.name != own.name
            } else {
                // Of the keys its own table lacks, most (and two at least)
                // are the page entity's: one stray key is a defect, not a base.
                examples.iter().any(|value| {
                    first_object(value).is_some_and(|object| {
                        let extra: Vec<&str> = object
                            .keys()
                            .map(String::as_str)
                            .filter(|key| !sub_keys.contains(key))
                            .collect();
                        let inherited = extra.iter().filter(|key| own_keys.contains(key)).count();
                        inherited >= 2 && inherited * 2 > extra.len()
                    })
                })
            };
            if extends {
                sub.extends = Some(own.name.clone());
            }
        }
    }
}

#[cfg(feature = "markdown-entities")]
fn top_level_keys(entity: &Entity) -> Vec<&str> {
    entity
        .attributes
        .iter()
        .filter(|attribute| attribute.path.len() == 1)
        .map(|attribute| attribute.path[0].as_str())
        .collect()
}

#[cfg(feature = "markdown-entities")]
fn first_object(value: &serde_json::Value) -> Option<&serde_json::Map<String, serde_json::Value>> {
    match value {
        serde_json::Value::Object(object) => Some(object),
        serde_json::Value::Array(items) => items.first().and_then(first_object),
        _ => None,
    }
}

/// Each entity's attributes as the JSON has them: its own after those it
/// extends, by top-level key, each with its nested attributes.
pub(crate) fn flattened<'s>(
    spec: &'s EntitySpec,
    entity: &'s Entity,
) -> Vec<&'s crate::model::entities::EntityAttribute> {
    let mut attributes = Vec::new();
    if let Some(base) = entity.extends.as_deref().and_then(|name| spec.entity(name)) {
        let own: Vec<&[String]> = entity
            .attributes
            .iter()
            .map(|a| a.path.as_slice())
            .collect();
        attributes.extend(
            base.attributes
                .iter()
                .filter(|attribute| !own.contains(&attribute.path.as_slice())),
        );
    }
    attributes.extend(entity.attributes.iter());
    attributes
}

/// Resolves each `**Returns:**` link of the method pages to the entity it
/// names: by its text when an entity has that name (`V1::Instance`, even
/// where the link points at `entities/instance`), else by its target, the
/// page and the section anchor (`Account#CredentialAccount`, `Tag#admin`).
/// A link to nothing fires `unresolved-entity` and is left out.
pub(crate) fn resolve_returns(methods: &mut crate::api::MethodsInput, entities: &EntitySpec) {
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

/// Where each entity is, to resolve the docs' links to it.
struct EntityIndex {
    /// (docs name, page file, section anchor): the page's own entity has none.
    entries: Vec<(String, String, Option<String>)>,
}

impl EntityIndex {
    fn of(spec: &EntitySpec) -> EntityIndex {
        let entries = spec
            .pages
            .iter()
            .flat_map(|page| {
                page.entities.iter().map(|entity| {
                    (
                        entity.name.clone(),
                        page.file.clone(),
                        entity.anchor.clone(),
                    )
                })
            })
            .collect();
        EntityIndex { entries }
    }

    /// The docs name a link to an entity resolves to, the one place every
    /// link is resolved: on `local`'s page, that page's own sub-entity
    /// (`[Field](#Field)` on Account is `Account::Field`); then the name as
    /// linked (`V1::Instance`, even where the link points at
    /// `entities/instance`); then the link's target, a page and a section
    /// anchor (`Account#CredentialAccount`, `Tag#admin`); then the one name
    /// that matches up to case (`entities/status`).
    fn resolve(&self, local: Option<&str>, text: &str, target: Option<&str>) -> Option<String> {
        let named = |name: &str| self.entries.iter().any(|(known, ..)| known == name);
        if let Some(qualified) = local.map(|page| format!("{page}::{text}"))
            && named(&qualified)
        {
            return Some(qualified);
        }
        if named(text) {
            return Some(text.to_owned());
        }
        if let Some(target) = target {
            let (file, anchor) = match target.split_once('#') {
                Some((file, anchor)) => (file, Some(anchor)),
                None => (target, None),
            };
            let on_page = |(_, page, own): &&(String, String, Option<String>)| {
                page.eq_ignore_ascii_case(file)
                    && match (anchor, own) {
                        (None, None) => true,
                        (Some(anchor), Some(own)) => own.eq_ignore_ascii_case(anchor),
                        _ => false,
                    }
            };
            if let Some((name, ..)) = self.entries.iter().find(on_page) {
                return Some(name.clone());
            }
        }
        let mut folded = self
            .entries
            .iter()
            .filter(|(name, ..)| name.eq_ignore_ascii_case(text));
        match (folded.next(), folded.next()) {
            (Some((name, ..)), None) => Some(name.clone()),
            _ => None,
        }
    }
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
