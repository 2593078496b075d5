//! The entity pages as one set: read from a folder of Markdown pages (or a
//! YAML copy), with every entity link resolved, sub-entities that extend
//! their page's entity marked, and each JSON example checked against the
//! table it illustrates.

#[cfg(feature = "markdown-entities")]
pub(crate) mod examples;
#[cfg(feature = "markdown-entities")]
mod read_markdown;
pub(crate) mod read_yaml;
#[cfg(feature = "tools")]
pub(crate) mod write_yaml;

use std::path::Path;

use crate::diagnostic::Error;
use crate::lint::Found;
use crate::model::entities::EntitySpec;
use crate::source::{Source, display_path};
#[cfg(feature = "markdown-entities")]
use crate::{
    diagnostic::Diagnostic,
    lint,
    model::entities::{AttributeType, Entity},
};

/// The entity pages, with the lints found reading them.
pub(crate) struct EntitiesInput {
    pub spec: EntitySpec,
    pub found: Vec<Found>,
    /// The text each page was read from: its own page, or the one copy.
    pub sources: Vec<Source>,
    /// For each page of `spec`, its index in `sources`.
    pub page_source: Vec<usize>,
    /// What the module's header names as its input.
    pub origin: crate::gate::InputOrigin,
}

/// Reads the entity pages at `path`: a folder of Markdown pages, or a YAML
/// copy (`.yaml`, `.yml`).
pub(crate) fn load(path: &Path) -> Result<EntitiesInput, Error> {
    let name = display_path(path);
    if path.is_dir() {
        #[cfg(feature = "markdown-entities")]
        return read_folder(path);
        #[cfg(not(feature = "markdown-entities"))]
        return Err(crate::input::needs_feature(
            Source::new(name, String::new()),
            "the entity pages",
            "markdown-entities",
            "--entities",
        ));
    }
    if crate::input::Format::of(&name) != crate::input::Format::Yaml {
        return Err(crate::input::folder::error(
            path,
            "entities",
            "the entity pages are neither a folder nor a YAML copy (`.yaml`, `.yml`)",
        ));
    }
    let source = Source::read(path)?;
    let source = crate::input::refuse_empty(source, || {
        "write a YAML copy with `mastodon-error-codegen export-yaml --entities FOLDER --out FILE`"
            .to_owned()
    })?;
    let spec = read_yaml::parse(&source)?;
    let found =
        crate::input::copy::recorded_lints(spec.pages.iter().flat_map(|page| &page.lints), &source);
    let origin = crate::gate::InputOrigin::copy(&source);
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
        crate::input::folder::read(dir, "entities", "no entity pages (`*.md`) in this folder")?;
    // The pages themselves: neither Hugo's `_index.md` nor a subfolder's.
    let sources: Vec<(String, Source)> = pages
        .into_iter()
        .filter(|(page, _)| !page.starts_with('_') && !page.contains('/'))
        .collect();
    let count = sources.len();
    let mut input = from_sources(sources)?;
    input.origin = crate::gate::InputOrigin {
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
        match read_markdown::parse(&source, &file) {
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
    examples::check(&spec, &sources, &mut late);
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
        origin: crate::gate::InputOrigin {
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
                    examples::parse_example(&example.json)
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

/// Where each entity is, to resolve the docs' links to it.
pub(crate) struct EntityIndex {
    /// (docs name, page file, section anchor): the page's own entity has none.
    entries: Vec<(String, String, Option<String>)>,
}

impl EntityIndex {
    pub(crate) fn of(spec: &EntitySpec) -> EntityIndex {
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
    pub(crate) fn resolve(
        &self,
        local: Option<&str>,
        text: &str,
        target: Option<&str>,
    ) -> Option<String> {
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
