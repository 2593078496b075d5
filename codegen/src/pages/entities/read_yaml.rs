//! The YAML copy of the entity pages (`spec/entities.yaml`): facts only,
//! page by page, read into the same [`EntitySpec`] the page reader fills.
//! spec/README.md documents the schema.
//!
//! The copy's shape is read first, stopping at the first key that is not
//! where the schema has it; then every value is checked, and every problem
//! reported at once: a type that is not a spelling, a version that is not a
//! version, a name defined twice, an entity named that the copy does not
//! define.

use std::collections::HashMap;
use std::ops::Range;

use crate::diagnostic::{Diagnostic, Error};
use crate::model::HistoryEntry;
use crate::model::LintRecord;
use crate::model::entities::{
    AttributeLifecycle, AttributeType, Baseline, Correction, Entity, EntityAttribute, EntityPage,
    EntitySpec, StringFormat, Version,
};
use crate::sink::Sink;
use crate::source::Source;
use crate::yaml::document::{document_root, lint_records};
use crate::yaml::tree::{Node, Read, Schema, Spanned};

const SCHEMA: Schema = Schema {
    expects: key_expects,
};

/// Reads a YAML copy of the entity pages.
// Only the writer and the tests read a copy until the entity pipeline does.
pub(crate) fn parse(source: &Source) -> Result<EntitySpec, Error> {
    let root = document_root(source, &SCHEMA)?;
    let document = document(&root).map_err(|error| Error::single(source.clone(), *error))?;
    let mut checker = Checker {
        text: source.text(),
        sink: Sink::default(),
        entities: HashMap::new(),
        corrected: HashMap::new(),
    };
    let mut spec = checker.spec(document.pages);
    spec.baseline = document
        .baseline
        .and_then(|baseline| checker.baseline(&baseline));
    spec.corrections = document
        .corrections
        .into_iter()
        .filter_map(|correction| checker.correction(&spec, correction))
        .collect();
    checker.sink.into_result(source, spec)
}

/// The copy as written, before its values are checked.
struct DocumentIn {
    baseline: Option<Spanned<String>>,
    corrections: Vec<CorrectionIn>,
    pages: Vec<PageIn>,
}

/// A correction as written.
struct CorrectionIn {
    entity: Spanned<String>,
    attribute: Spanned<String>,
    ty: Option<Spanned<String>>,
    until: Option<Spanned<String>>,
    nullable: Option<Spanned<bool>>,
    optional: Option<Spanned<bool>>,
    evidence: Vec<Spanned<String>>,
    span: Range<usize>,
}

/// A page as written, before its values are checked.
struct PageIn {
    file: Spanned<String>,
    lints: Vec<LintRecord>,
    entities: Spanned<Vec<EntityIn>>,
}

struct EntityIn {
    name: Spanned<String>,
    anchor: Option<String>,
    extends: Option<Spanned<String>>,
    attributes: Vec<AttributeIn>,
    /// The entity's mapping.
    span: Range<usize>,
}

struct AttributeIn {
    name: Spanned<String>,
    anchor: Option<String>,
    /// The docs' type, as a spelling.
    ty: Spanned<String>,
    /// The type the copy's user set by hand.
    type_override: Option<Spanned<String>>,
    nullable: bool,
    optional: bool,
    lifecycle: Option<Spanned<String>>,
    values: Vec<String>,
    history: Vec<Spanned<String>>,
}

fn document(node: &Node) -> Read<DocumentIn> {
    let keys = ["schema", "baseline", "corrections", "pages"];
    let mapping = SCHEMA.mapping(node, "the document", "the document", &keys)?;
    let baseline = SCHEMA.optional(mapping.get("baseline"), "baseline", Schema::string)?;
    let corrections = match mapping.get("corrections") {
        None => Vec::new(),
        Some(node) => SCHEMA
            .sequence(node, "corrections")?
            .iter()
            .map(correction)
            .collect::<Read<_>>()?,
    };
    let pages = SCHEMA.required(&mapping, "pages", |schema, node, key| {
        let items = schema.sequence(node, key)?;
        if items.is_empty() {
            return Err(Diagnostic::error(node.span.clone(), "`pages` is empty")
                .label("no entity page")
                .help("list each entity page as a `- file:` item with its `entities`, as `export-yaml` writes them")
                .into());
        }
        items.iter().map(page).collect()
    })?;
    Ok(DocumentIn {
        baseline,
        corrections,
        pages,
    })
}

fn correction(node: &Node) -> Read<CorrectionIn> {
    let keys = [
        "entity",
        "attribute",
        "type",
        "nullable",
        "optional",
        "until",
        "evidence",
    ];
    let mapping = SCHEMA.mapping(node, "corrections", "a correction", &keys)?;
    let flag = |key: &str| SCHEMA.optional(mapping.get(key), key, Schema::boolean);
    Ok(CorrectionIn {
        entity: SCHEMA.required(&mapping, "entity", Schema::string)?,
        attribute: SCHEMA.required(&mapping, "attribute", Schema::string)?,
        ty: SCHEMA.optional(mapping.get("type"), "type", Schema::string)?,
        until: SCHEMA.optional(mapping.get("until"), "until", Schema::string)?,
        nullable: flag("nullable")?,
        optional: flag("optional")?,
        evidence: SCHEMA.required(&mapping, "evidence", |schema, node, key| {
            schema
                .sequence(node, key)?
                .iter()
                .map(|item| schema.string(item, key))
                .collect()
        })?,
        span: node.span.clone(),
    })
}

fn page(node: &Node) -> Read<PageIn> {
    let mapping = SCHEMA.mapping(node, "pages", "a page", &["file", "lints", "entities"])?;
    Ok(PageIn {
        file: SCHEMA.required(&mapping, "file", Schema::string)?,
        lints: lint_records(&SCHEMA, mapping.get("lints"))?,
        entities: SCHEMA.required(&mapping, "entities", |schema, node, key| {
            Ok(Spanned {
                value: schema
                    .sequence(node, key)?
                    .iter()
                    .map(entity)
                    .collect::<Read<_>>()?,
                span: node.span.clone(),
            })
        })?,
    })
}

fn entity(node: &Node) -> Read<EntityIn> {
    let keys = ["name", "anchor", "extends", "attributes"];
    let mapping = SCHEMA.mapping(node, "entities", "an entity", &keys)?;
    Ok(EntityIn {
        name: SCHEMA.required(&mapping, "name", Schema::string)?,
        anchor: SCHEMA
            .optional(mapping.get("anchor"), "anchor", Schema::string)?
            .map(|anchor| anchor.value),
        extends: SCHEMA.optional(mapping.get("extends"), "extends", Schema::string)?,
        attributes: SCHEMA.required(&mapping, "attributes", |schema, node, key| {
            schema.sequence(node, key)?.iter().map(attribute).collect()
        })?,
        span: node.span.clone(),
    })
}

fn attribute(node: &Node) -> Read<AttributeIn> {
    let keys = [
        "name",
        "anchor",
        "type",
        "type_override",
        "nullable",
        "optional",
        "lifecycle",
        "values",
        "history",
    ];
    let mapping = SCHEMA.mapping(node, "attributes", "an attribute", &keys)?;
    let text = |key: &str| SCHEMA.optional(mapping.get(key), key, Schema::string);
    let flag = |key: &str| {
        SCHEMA
            .optional(mapping.get(key), key, Schema::boolean)
            .map(|flag| flag.is_some_and(|flag| flag.value))
    };
    let list = |key: &str| -> Read<Vec<Spanned<String>>> {
        match mapping.get(key) {
            None => Ok(Vec::new()),
            Some(node) => SCHEMA
                .sequence(node, key)?
                .iter()
                .map(|item| SCHEMA.string(item, key))
                .collect(),
        }
    };
    Ok(AttributeIn {
        name: SCHEMA.required(&mapping, "name", Schema::string)?,
        anchor: text("anchor")?.map(|anchor| anchor.value),
        ty: SCHEMA.required(&mapping, "type", Schema::string)?,
        type_override: text("type_override")?,
        nullable: flag("nullable")?,
        optional: flag("optional")?,
        lifecycle: text("lifecycle")?,
        values: list("values")?
            .into_iter()
            .map(|value| value.value)
            .collect(),
        history: list("history")?,
    })
}

/// What a key of the entities copy holds, for type errors and missing keys.
fn key_expects(key: &str) -> &'static str {
    match key {
        "schema" => "the schema version, `1`",
        "baseline" => {
            "the oldest server version the types read, such as `4.0.0`, or `latest` for the newest only"
        }
        "corrections" => {
            "a list of reviewed corrections (`- entity:` items with `attribute`, a change and `evidence`)"
        }
        "entity" => "the docs name of the entity whose table has the attribute, such as `Status`",
        "attribute" => "the attribute's key path as the docs write it, such as `source[language]`",
        "until" => "the last server version the correction holds for, such as `4.0.2`",
        "evidence" => {
            "a list of recorded responses that show it, each `responses/FILE.jsonl:LINE` and what the record shows"
        }
        "pages" => "a list of entity pages (`- file:` items)",
        "file" => "the page's file name without `.md`, such as `Admin_Account`",
        "lints" => "a list of lint records (`- lint:` items), as `export-yaml` writes them",
        "lint" => "a lint's name, such as `unknown-attribute-type`",
        "entities" => "a list of entities (`- name:` items), the page's own first",
        "name" => {
            "a name: an entity's, such as `Status::Mention`, or an attribute's key path, such as `source[note]`"
        }
        "anchor" => "the heading's `{#anchor}`, such as `source-note`",
        "extends" => "the name of the entity whose attributes this one also has, such as `Account`",
        "attributes" => "a list of attributes (`- name:` items)",
        "type" => "the docs' type as a spelling, such as `string(url)` or `array(entity(Account))`",
        "type_override" => {
            "the type to use instead of `type`, such as `array(entity(Account::Field))`"
        }
        "nullable" | "optional" => "`true` or `false`",
        "lifecycle" => "`deprecated` or `removed`",
        "values" => "a list of the values an enumerated string takes, such as `[public, unlisted]`",
        "history" => "a list of `VERSION - change` entries, such as `[4.0.0 - added]`",
        _ => "text",
    }
}

/// The forms of [`AttributeType::spelling`], for the help of a type that is not one.
fn type_forms() -> String {
    let formats = [
        StringFormat::Id,
        StringFormat::Url,
        StringFormat::Html,
        StringFormat::Datetime,
        StringFormat::Date,
        StringFormat::Enumerable,
    ]
    .iter()
    .filter_map(|format| format.name())
    .map(|name| format!("`{name}`"))
    .collect::<Vec<_>>()
    .join(", ");
    format!(
        "a type is `string`, or `string(FORMAT)` with FORMAT one of {formats}; `integer`, `float`, `boolean`, `hash` (a JSON object), or `json` (any JSON value); `entity(Name)` with an entity's name; `one_of(Name, Name, …)` with two names or more; or `array(TYPE)`, such as `array(entity(Account))`"
    )
}

/// A name as a type spelling takes it: words of letters, digits and `_`
/// joined by `::`, as in `Status`, `Admin::Account`, `Status::Mention`.
fn is_entity_name(name: &str) -> bool {
    name.split("::").all(|word| {
        !word.is_empty() && word.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    })
}

/// `source[note]` → `["source", "note"]`: the inverse of
/// [`crate::model::entities::display_path`]. A key holds no bracket and the
/// first is not empty; `options[]` (an array's items) adds no key, as on the
/// pages.
fn key_path(name: &str) -> Option<Vec<String>> {
    let (first, mut rest) = name.split_at(name.find('[').unwrap_or(name.len()));
    if first.is_empty() || first.contains(']') {
        return None;
    }
    while !rest.is_empty() {
        let (key, after) = rest.strip_prefix('[')?.split_once(']')?;
        if key.contains('[') {
            return None;
        }
        rest = after;
    }
    Some(crate::model::entities::key_path(name))
}

/// The entity names a type names: `array(one_of(A, B))` names `A` and `B`.
fn named_entities(ty: &AttributeType) -> Vec<&str> {
    match ty {
        AttributeType::Entity(name) => vec![name.as_str()],
        AttributeType::OneOf(names) => names.iter().map(String::as_str).collect(),
        AttributeType::Array(inner) => named_entities(inner),
        _ => Vec::new(),
    }
}

/// Checks the values the shape reader read, reporting every problem.
struct Checker<'t> {
    text: &'t str,
    sink: Sink,
    /// Every entity defined, by name, where its `name` is written.
    entities: HashMap<String, Range<usize>>,
    /// Every attribute corrected, by entity and key path, where its correction is.
    corrected: HashMap<(String, Vec<String>), Range<usize>>,
}

/// An entity name that an `extends` or a type gives, and where.
struct Reference {
    /// What names it, for messages: `` `CredentialAccount` extends `` or
    /// `` the type of `fields` in `Account` names ``.
    what: String,
    name: String,
    span: Range<usize>,
    /// Whether the name is a type's: the help then offers `type_override`.
    in_type: bool,
}

impl Checker<'_> {
    fn spec(&mut self, pages: Vec<PageIn>) -> EntitySpec {
        let mut files: HashMap<String, Range<usize>> = HashMap::new();
        let mut references = Vec::new();
        let mut spec = EntitySpec::default();
        for page in pages {
            let file = page.file;
            if !file
                .value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            {
                self.sink.push(
                    Diagnostic::error(file.span.clone(), format!("`{}` is not an entity page's file name", file.value))
                        .help("`file` is the page's file name below `content/en/entities/` without `.md`, as in `Admin_Account`"),
                );
            }
            if let Some(first) = files.get(&file.value) {
                self.sink.push(
                    Diagnostic::error(
                        file.span.clone(),
                        format!("page `{}` is listed twice", file.value),
                    )
                    .related(first.clone(), "first listed here")
                    .help("keep one entry per page in `pages`, with all of its entities"),
                );
            } else {
                files.insert(file.value.clone(), file.span.clone());
            }
            if page.entities.value.is_empty() {
                self.sink.push(
                    Diagnostic::error(page.entities.span.clone(), format!("page `{}` defines no entity", file.value))
                        .help("list the page's own entity first, then its sub-entities, each as a `- name:` item with its `attributes`"),
                );
            }
            let entities = page
                .entities
                .value
                .into_iter()
                .filter_map(|entity| self.entity(entity, &mut references))
                .collect();
            spec.pages.push(EntityPage {
                file: file.value,
                entities,
                examples: Vec::new(),
                lints: page.lints,
            });
        }
        for reference in references {
            self.reference(reference);
        }
        spec
    }

    fn entity(&mut self, entity: EntityIn, references: &mut Vec<Reference>) -> Option<Entity> {
        let name = entity.name;
        let mut valid = true;
        if !is_entity_name(&name.value) {
            self.sink.push(
                Diagnostic::error(name.span.clone(), format!("`{}` is not an entity name", name.value))
                    .help("an entity's name is its docs name: words of letters, digits and `_` joined by `::`, as in `Status` or `Status::Mention`"),
            );
            valid = false;
        }
        if let Some(first) = self.entities.get(&name.value) {
            self.sink.push(
                Diagnostic::error(name.span.clone(), format!("entity `{}` is defined twice", name.value))
                    .related(first.clone(), "first defined here")
                    .help("an entity's name is unique across the copy's pages: keep one entry, or name a sub-entity after its page's entity, as in `Account::Field`"),
            );
            valid = false;
        } else {
            self.entities.insert(name.value.clone(), name.span.clone());
        }
        if let Some(extends) = &entity.extends {
            references.push(Reference {
                what: format!("`{}` extends", name.value),
                name: extends.value.clone(),
                span: extends.span.clone(),
                in_type: false,
            });
        }
        let mut paths: HashMap<Vec<String>, Range<usize>> = HashMap::new();
        let mut attributes = Vec::new();
        for attribute in entity.attributes {
            let Some(attribute) = self.attribute(&name.value, attribute, references) else {
                valid = false;
                continue;
            };
            if let Some(first) = paths.get(&attribute.path) {
                self.sink.push(
                    Diagnostic::error(
                        attribute.span.clone(),
                        format!("attribute `{}` is defined twice in `{}`", attribute.display_name(), name.value),
                    )
                    .related(first.clone(), "first defined here")
                    .help("keep one entry per attribute in the entity's `attributes`; a key of a hash is its own attribute, as `source[note]`"),
                );
                valid = false;
                continue;
            }
            paths.insert(attribute.path.clone(), attribute.span.clone());
            attributes.push(attribute);
        }
        valid.then(|| Entity {
            name: name.value,
            anchor: entity.anchor,
            span: entity.span,
            extends: entity.extends.map(|extends| extends.value),
            attributes,
        })
    }

    fn attribute(
        &mut self,
        entity: &str,
        attribute: AttributeIn,
        references: &mut Vec<Reference>,
    ) -> Option<EntityAttribute> {
        let name = attribute.name;
        let path = key_path(&name.value);
        if path.is_none() {
            self.sink.push(
                Diagnostic::error(name.span.clone(), format!("`{}` is not an attribute name", name.value))
                    .help("write the attribute's key path as the docs do: `key`, `key[sub]` for a key of a hash, `key[sub][subsub]` deeper, `key[]` for an array's items; a key holds no bracket"),
            );
        }
        let docs_type = self.type_spelling(&attribute.ty, "type");
        let overridden = attribute
            .type_override
            .as_ref()
            .map(|spelling| (self.type_spelling(spelling, "type_override"), spelling));
        let lifecycle = match &attribute.lifecycle {
            None => Some(AttributeLifecycle::Current),
            Some(lifecycle) => {
                let value = AttributeLifecycle::from_name(&lifecycle.value);
                if value.is_none() {
                    self.sink.push(
                        Diagnostic::error(lifecycle.span.clone(), format!("unknown lifecycle `{}`", lifecycle.value))
                            .help("`lifecycle` is `deprecated` or `removed`; leave it out for a current attribute"),
                    );
                }
                value
            }
        };
        let history: Vec<Option<HistoryEntry>> = attribute
            .history
            .iter()
            .map(|entry| self.history_entry(entry))
            .collect();
        let (path, docs_type, lifecycle) = (path?, docs_type?, lifecycle?);
        let history = history.into_iter().collect::<Option<Vec<_>>>()?;
        let display = name.value;
        let (ty, type_span, type_override) = match overridden {
            Some((ty, spelling)) => (ty?, spelling.span.clone(), true),
            None => (docs_type.clone(), attribute.ty.span.clone(), false),
        };
        for named in named_entities(&ty) {
            references.push(Reference {
                what: format!("the type of `{display}` in `{entity}` names"),
                name: named.to_owned(),
                span: type_span.clone(),
                in_type: true,
            });
        }
        Some(EntityAttribute {
            path,
            anchor: attribute.anchor,
            span: name.span,
            type_text: docs_type.spelling(),
            type_span,
            ty,
            nullable: attribute.nullable,
            optional: attribute.optional,
            lifecycle,
            values: attribute.values,
            history,
            type_override,
            sent_from: None,
            corrections: Vec::new(),
        })
    }

    fn type_spelling(&mut self, spelling: &Spanned<String>, key: &str) -> Option<AttributeType> {
        let ty = AttributeType::from_spelling(&spelling.value);
        if ty.is_none() {
            self.sink.push(
                Diagnostic::error(
                    spelling.span.clone(),
                    format!("`{}` is not a type spelling", spelling.value),
                )
                .label(format!("`{key}` takes a type as the copy spells it"))
                .help(type_forms()),
            );
        }
        ty
    }

    /// `4.0.0 - now nullable`, or a version alone.
    fn history_entry(&mut self, entry: &Spanned<String>) -> Option<HistoryEntry> {
        let (version, change) = entry
            .value
            .split_once(" - ")
            .unwrap_or((entry.value.as_str(), ""));
        let version = version.trim();
        if version.is_empty() {
            self.sink.push(
                Diagnostic::error(entry.span.clone(), "a history entry without a version")
                    .help("write each entry as the docs' version history does, `VERSION - change`, as in `4.0.0 - now nullable`; the copy keeps versions only"),
            );
            return None;
        }
        if crate::model::entities::is_history_version(version) {
            return Some(HistoryEntry {
                version: version.to_owned(),
                change: change.trim().to_owned(),
            });
        }
        // At the version itself when the scalar is written as it reads.
        let span = if self.text.get(entry.span.clone()) == Some(entry.value.as_str()) {
            let start = entry.span.start + entry.value.len() - entry.value.trim_start().len();
            start..start + version.len()
        } else {
            entry.span.clone()
        };
        self.sink.push(
            Diagnostic::error(span, format!("`{version}` is not a Mastodon version"))
                .label("a history entry starts with the version")
                .help("write each entry as the docs' version history does, `VERSION - change`, as in `4.0.0 - now nullable`, with a version such as `4.3.0` or `4.0.0-beta1`"),
        );
        None
    }

    fn baseline(&mut self, baseline: &Spanned<String>) -> Option<Baseline> {
        let read = Baseline::parse(&baseline.value);
        if read.is_none() {
            self.sink.push(
                Diagnostic::error(baseline.span.clone(), format!("`{}` is not a Mastodon version", baseline.value))
                    .label("`baseline` names the oldest server the types read")
                    .help(format!("write a version such as `{}` (the default), or `latest` for types that read only the newest server", Baseline::DEFAULT)),
            );
        }
        read
    }

    /// A correction, checked against the pages: it names an attribute they
    /// define, changes something, and cites a recorded response.
    fn correction(&mut self, spec: &EntitySpec, correction: CorrectionIn) -> Option<Correction> {
        let (entity, name) = (&correction.entity, &correction.attribute);
        let path = key_path(&name.value);
        let mut valid = true;
        match spec.entity(&entity.value) {
            // Defined, but refused for its own problems, already reported.
            None if self.entities.contains_key(&entity.value) => valid = false,
            None => {
                self.sink.push(
                    Diagnostic::error(entity.span.clone(), format!("the correction names entity `{}`, which the copy does not define", entity.value))
                        .help("name the entity by its docs name, as its `- name:` item in `pages` does, such as `Status` or `CredentialAccount`; remove the correction if the docs no longer define it"),
                );
                valid = false;
            }
            Some(defined) => {
                let known = path.as_ref().is_some_and(|path| {
                    defined
                        .attributes
                        .iter()
                        .any(|attribute| attribute.path == *path)
                });
                if !known {
                    self.sink.push(
                        Diagnostic::error(name.span.clone(), format!("entity `{}` has no attribute `{}`", entity.value, name.value))
                            .help("name one of the entity's own attributes as its `- name:` item does, such as `source[language]`; an inherited attribute is corrected on the entity that defines it"),
                    );
                    valid = false;
                }
            }
        }
        let ty = match &correction.ty {
            Some(spelling) => {
                let ty = self.type_spelling(spelling, "type");
                valid &= ty.is_some();
                ty.inspect(|ty| valid &= self.correction_type(spec, &correction, ty, spelling))
            }
            None => None,
        };
        let until = correction.until.as_ref().and_then(|until| {
            let version = Version::parse(&until.value);
            if version.is_none() {
                self.sink.push(
                    Diagnostic::error(until.span.clone(), format!("`{}` is not a Mastodon version", until.value))
                        .label("`until` names the last server version the correction holds for")
                        .help("write the newest version whose responses show it, such as `4.0.2`; leave `until` out when every server does"),
                );
                valid = false;
            }
            version
        });
        let key = (entity.value.clone(), path.clone().unwrap_or_default());
        if let Some(first) = self.corrected.get(&key) {
            self.sink.push(
                Diagnostic::error(
                    correction.span.clone(),
                    format!("`{}` of `{}` is corrected twice", name.value, entity.value),
                )
                .related(first.clone(), "first corrected here")
                .help("keep one correction per attribute, with every change and all the evidence"),
            );
            valid = false;
        } else {
            self.corrected.insert(key, correction.span.clone());
        }
        let on = |flag: &Option<Spanned<bool>>| flag.as_ref().is_some_and(|flag| flag.value);
        let (nullable, optional) = (on(&correction.nullable), on(&correction.optional));
        for flag in [&correction.nullable, &correction.optional]
            .into_iter()
            .flatten()
        {
            if !flag.value {
                self.sink.push(
                    Diagnostic::error(flag.span.clone(), "a correction only widens what the docs say")
                        .help("write `true`, for what the servers send; a correction that narrows the docs is not one the responses can prove"),
                );
                valid = false;
            }
        }
        if ty.is_none() && !nullable && !optional {
            self.sink.push(
                Diagnostic::error(correction.span.clone(), format!("the correction of `{}` changes nothing", name.value))
                    .help("say what the servers send: `nullable: true`, `optional: true`, or `type:` with a type spelling"),
            );
            valid = false;
        }
        if correction.evidence.is_empty() {
            self.sink.push(
                Diagnostic::error(correction.span.clone(), format!("the correction of `{}` cites no evidence", name.value))
                    .help("a correction needs a recorded response that shows it: list it under `evidence` as `responses/FILE.jsonl:LINE` and what it shows (`mastodon-error-codegen responses` finds them)"),
            );
            valid = false;
        }
        for line in &correction.evidence {
            if crate::model::entities::evidence_record(&line.value).is_none() {
                self.sink.push(
                    Diagnostic::error(line.span.clone(), "evidence must start with the record it cites")
                        .label("no `FILE.jsonl:LINE` here")
                        .help("start each line with the recorded response's file and line, as in `responses/mastodonpy-4.3.0.jsonl:12 DELETE /api/v1/statuses/:id has no content`"),
                );
                valid = false;
            }
        }
        (valid && path.is_some()).then(|| Correction {
            entity: entity.value.clone(),
            attribute: path.unwrap_or_default(),
            nullable,
            optional,
            ty,
            until,
            evidence: correction
                .evidence
                .into_iter()
                .map(|line| line.value)
                .collect(),
            span: correction.span,
        })
    }

    /// A correction's type names entities the copy defines, and keeps the
    /// keys nested under the attribute typed: only `hash` has keys.
    fn correction_type(
        &mut self,
        spec: &EntitySpec,
        correction: &CorrectionIn,
        ty: &AttributeType,
        spelling: &Spanned<String>,
    ) -> bool {
        let mut valid = true;
        for named in named_entities(ty) {
            if !self.entities.contains_key(named) {
                self.reference(Reference {
                    what: format!("the correction of `{}` names", correction.attribute.value),
                    name: named.to_owned(),
                    span: spelling.span.clone(),
                    in_type: false,
                });
                valid = false;
            }
        }
        let nested = key_path(&correction.attribute.value).is_some_and(|path| {
            spec.entity(&correction.entity.value).is_some_and(|entity| {
                entity.attributes.iter().any(|attribute| {
                    attribute.path.len() > path.len() && attribute.path.starts_with(&path)
                })
            })
        });
        if nested && *ty != AttributeType::Hash {
            self.sink.push(
                Diagnostic::error(spelling.span.clone(), format!("`{}` has keys of its own, which `{}` would drop", correction.attribute.value, spelling.value))
                    .help("correct the keys one by one (`key[sub]`); the hash that holds them stays a `hash`"),
            );
            valid = false;
        }
        valid
    }

    fn reference(&mut self, reference: Reference) {
        if self.entities.contains_key(&reference.name) {
            return;
        }
        let name = &reference.name;
        // `Field` is likely `Account::Field` or `Profile::Field`.
        let suffix = format!("::{name}");
        let mut near: Vec<&str> = self
            .entities
            .keys()
            .filter(|defined| defined.ends_with(&suffix))
            .map(String::as_str)
            .collect();
        near.sort_unstable();
        let near = match near.as_slice() {
            [] => String::new(),
            [one] => format!("did you mean `{one}`? "),
            many => format!(
                "did you mean one of {}? ",
                many.iter()
                    .map(|name| format!("`{name}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let fix = if reference.in_type {
            "name an entity this copy defines, by its full name, or set the type by hand with `type_override:` (`json` keeps the raw JSON value)"
        } else {
            "name an entity this copy defines, by its full name, or leave `extends` out"
        };
        self.sink.push(
            Diagnostic::error(
                reference.span,
                format!(
                    "{} `{name}`, which the copy does not define",
                    reference.what
                ),
            )
            .help(format!("{near}{fix}")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint;

    fn attribute(path: &[&str], ty: AttributeType) -> EntityAttribute {
        EntityAttribute {
            path: path.iter().map(|key| (*key).to_owned()).collect(),
            anchor: None,
            span: 0..0,
            type_text: ty.spelling(),
            type_span: 0..0,
            ty,
            nullable: false,
            optional: false,
            lifecycle: AttributeLifecycle::Current,
            values: Vec::new(),
            history: vec![HistoryEntry {
                version: "4.0.0".to_owned(),
                change: "added".to_owned(),
            }],
            type_override: false,
            sent_from: None,
            corrections: Vec::new(),
        }
    }

    fn entity(name: &str, attributes: Vec<EntityAttribute>) -> Entity {
        Entity {
            name: name.to_owned(),
            anchor: None,
            span: 0..0,
            extends: None,
            attributes,
        }
    }

    fn string(format: StringFormat) -> AttributeType {
        AttributeType::String(format)
    }

    /// A spec with every feature the copy holds, as the copy's reader fills
    /// it: each `type_text` the spelling of the docs' type.
    fn spec() -> EntitySpec {
        let entity_type = |name: &str| AttributeType::Entity(name.to_owned());
        let account = entity(
            "Account",
            vec![
                EntityAttribute {
                    anchor: Some("id".to_owned()),
                    history: vec![
                        HistoryEntry {
                            version: "0.1.0".to_owned(),
                            change: "added".to_owned(),
                        },
                        HistoryEntry {
                            version: "4.0.0-beta1".to_owned(),
                            change: "now a string: cast from an integer".to_owned(),
                        },
                        HistoryEntry {
                            version: "4.3.0".to_owned(),
                            change: String::new(),
                        },
                    ],
                    ..attribute(&["id"], string(StringFormat::Id))
                },
                attribute(&["url"], string(StringFormat::Url)),
                attribute(&["note"], string(StringFormat::Html)),
                attribute(&["created_at"], string(StringFormat::Datetime)),
                attribute(&["last_status_at"], string(StringFormat::Date)),
                EntityAttribute {
                    nullable: true,
                    optional: true,
                    values: vec!["public".to_owned(), "unlisted".to_owned(), "0".to_owned()],
                    ..attribute(&["source", "privacy"], string(StringFormat::Enumerable))
                },
                attribute(&["source", "note"], string(StringFormat::Plain)),
                attribute(&["followers_count"], AttributeType::Integer),
                attribute(&["focus", "x"], AttributeType::Float),
                EntityAttribute {
                    lifecycle: AttributeLifecycle::Deprecated,
                    ..attribute(&["bot"], AttributeType::Boolean)
                },
                EntityAttribute {
                    lifecycle: AttributeLifecycle::Removed,
                    history: Vec::new(),
                    ..attribute(&["meta"], AttributeType::Hash)
                },
                // A nested key whose parent is no attribute, as the docs'
                // `configuration[vapid][public_key]`.
                attribute(
                    &["configuration", "vapid", "public_key"],
                    AttributeType::Json,
                ),
                attribute(&["thumbnail", "versions", "@1x"], string(StringFormat::Url)),
                attribute(
                    &["params", "poll", "options"],
                    AttributeType::Array(Box::new(string(StringFormat::Plain))),
                ),
                attribute(
                    &["fields"],
                    AttributeType::Array(Box::new(entity_type("Account::Field"))),
                ),
                attribute(
                    &["quote"],
                    AttributeType::OneOf(vec!["Account".to_owned(), "Account::Field".to_owned()]),
                ),
                attribute(
                    &["nested"],
                    AttributeType::Array(Box::new(AttributeType::Array(Box::new(
                        AttributeType::OneOf(vec!["Account".to_owned(), "Role".to_owned()]),
                    )))),
                ),
                EntityAttribute {
                    // The docs say `hash`; the copy's user says more.
                    type_text: "hash".to_owned(),
                    type_override: true,
                    ..attribute(&["role"], entity_type("Role"))
                },
            ],
        );
        let credential = Entity {
            anchor: Some("CredentialAccount".to_owned()),
            extends: Some("Account".to_owned()),
            ..entity(
                "CredentialAccount",
                vec![attribute(&["source"], AttributeType::Hash)],
            )
        };
        let field = Entity {
            anchor: Some("Field".to_owned()),
            ..entity(
                "Account::Field",
                vec![attribute(&["name"], string(StringFormat::Plain))],
            )
        };
        EntitySpec {
            pages: vec![
                EntityPage {
                    file: "Account".to_owned(),
                    entities: vec![account, credential, field],
                    examples: Vec::new(),
                    lints: vec![LintRecord {
                        lint: lint::UNKNOWN_ATTRIBUTE_TYPE.name.to_owned(),
                        at: "entities/Account.md:223:11".to_owned(),
                        message: "the type of `emojis` is not one this generator reads: the field names no type".to_owned(),
                        outcome: "the field keeps the raw JSON value; a YAML copy can give it a type".to_owned(),
                        span: 0..0,
                    }],
                },
                EntityPage {
                    file: "Admin_Role".to_owned(),
                    entities: vec![entity("Role", vec![attribute(&["id"], AttributeType::Integer)])],
                    examples: Vec::new(),
                    lints: Vec::new(),
                },
            ],
            baseline: Baseline::parse("4.0.0"),
            corrections: vec![Correction {
                entity: "Account".to_owned(),
                attribute: vec!["source".to_owned(), "note".to_owned()],
                nullable: true,
                optional: false,
                ty: Some(string(StringFormat::Html)),
                until: Version::parse("4.0.2"),
                evidence: vec!["responses/a.jsonl:3 GET /api/v1/accounts/verify_credentials sends null".to_owned()],
                span: 0..0,
            }],
        }
    }

    #[cfg(feature = "tools")]
    #[test]
    fn the_copy_reads_back_as_the_spec() {
        let spec = spec();
        let copy = super::super::write_yaml::write(&spec, "tree x", Some("entities.yaml"))
            .expect("writes");
        let read = parse(&Source::new("entities.yaml", copy.clone())).expect("the copy reads");
        assert_eq!(read.without_spans(), spec.without_spans(), "{copy}");
        assert!(
            copy.starts_with(
                "# Mastodon's entity pages as data: a mastodon-error-codegen YAML copy, schema 1.\n"
            ),
            "{copy}"
        );
        assert!(
            copy.contains("# Re-export with: mastodon-error-codegen export-yaml --entities <FOLDER> --out entities.yaml\n"),
            "{copy}"
        );
        // One key per line, in schema order, defaults left out.
        let privacy = "          - name: source[privacy]\n            type: string(enum)\n            nullable: true\n            optional: true\n            values:\n              - public\n              - unlisted\n              - \"0\"\n            history:\n              - 4.0.0 - added\n";
        assert!(copy.contains(privacy), "{copy}");
        let role = "          - name: role\n            type: hash\n            type_override: entity(Role)\n";
        assert!(copy.contains(role), "{copy}");
        let credential = "      - name: CredentialAccount\n        anchor: CredentialAccount\n        extends: Account\n        attributes:\n";
        assert!(copy.contains(credential), "{copy}");
        // Each item is where the copy writes it.
        for (_, entity) in read.entities() {
            let text = &copy[entity.span.clone()];
            assert!(
                text.starts_with(&format!("name: {}", entity.name)),
                "{text}"
            );
            for attribute in &entity.attributes {
                assert_eq!(&copy[attribute.span.clone()], attribute.display_name());
                let ty = &copy[attribute.type_span.clone()];
                assert_eq!(
                    AttributeType::from_spelling(ty),
                    Some(attribute.ty.clone()),
                    "{ty}"
                );
            }
        }
        // Written again, the copy is the same text.
        let again = super::super::write_yaml::write(&read, "tree x", Some("entities.yaml"))
            .expect("writes");
        assert_eq!(again, copy);
    }

    /// What the copy cannot hold is refused when it is written, in the
    /// reader's words.
    #[cfg(feature = "tools")]
    #[test]
    fn a_spec_the_copy_cannot_hold_is_not_written() {
        let write = |spec: &EntitySpec| {
            super::super::write_yaml::write(spec, "tree x", None).expect_err("refused")
        };
        let mut versionless = spec();
        versionless.pages[0].entities[0].attributes[0].history[0].version = String::new();
        let error = write(&versionless);
        assert!(
            error.contains("the copy would not read back: a history entry without a version"),
            "{error}"
        );
        let mut unresolved = spec();
        unresolved.pages[0].entities[0].attributes[0].ty =
            AttributeType::Entity("Field".to_owned());
        let error = write(&unresolved);
        assert!(
            error.contains(
                "the type of `id` in `Account` names `Field`, which the copy does not define"
            ),
            "{error}"
        );
        let mut bracket = spec();
        bracket.pages[0].entities[0].attributes[0].path =
            vec!["poll.options".to_owned(), "].title".to_owned()];
        let error = write(&bracket);
        assert!(
            error.contains("`poll.options[].title]` is not an attribute name"),
            "{error}"
        );
        let mut padded = spec();
        padded.pages[0].entities[0].attributes[0].history[0].change = "added ".to_owned();
        let error = write(&padded);
        assert!(
            error.contains("the copy would not read back as the same facts: entity `Account` of page `Account` differs"),
            "{error}"
        );
        let mut docs_text = spec();
        docs_text.pages[0].entities[0].attributes[0].type_text =
            "String (cast from an integer)".to_owned();
        docs_text.pages[0].entities[0].attributes[0].type_override = true;
        let error = write(&docs_text);
        assert!(error.contains("attribute `id` of `Account` has a type override, but its docs type `String (cast from an integer)` is not a type spelling"), "{error}");
    }

    #[test]
    fn key_paths_read_as_the_docs_write_them() {
        let path = |name: &str| key_path(name);
        assert_eq!(path("id"), Some(vec!["id".to_owned()]));
        assert_eq!(
            path("source[note]"),
            Some(vec!["source".to_owned(), "note".to_owned()])
        );
        // `[]`, an array's items, adds no key: the same path as on the pages.
        assert_eq!(
            path("params[poll][options][]"),
            Some(vec![
                "params".to_owned(),
                "poll".to_owned(),
                "options".to_owned(),
            ])
        );
        // A dot inside brackets is the key's own: `"admin.sign_up"` in `alerts`.
        assert_eq!(
            path("alerts[admin.sign_up]"),
            Some(vec!["alerts".to_owned(), "admin.sign_up".to_owned()])
        );
        for refused in [
            "",
            "[note]",
            "source[note",
            "source]note",
            "source[no[te]]",
            "a[b]c",
            "poll.options[].title]",
        ] {
            assert_eq!(path(refused), None, "{refused}");
        }
    }

    const COPY: &str = "\
schema: 1
pages:
  - file: Account
    entities:
      - name: Account
        attributes:
          - name: id
            type: string(id)
            history:
              - 0.1.0 - added
          - name: source[note]
            type: string
      - name: CredentialAccount
        anchor: CredentialAccount
        extends: Account
        attributes:
          - name: role
            type: entity(Role)
  - file: Role
    entities:
      - name: Role
        attributes:
          - name: id
            type: string(id)
";

    /// spec/README.md's example is a copy this reader reads.
    #[test]
    fn the_readme_example_reads() {
        let readme = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/README.md"),
        )
        .expect("spec/README.md");
        let section = &readme[readme
            .find("## The entity pages' copy")
            .expect("the section")..];
        let start = section.find("```yaml\n").expect("a yaml example") + "```yaml\n".len();
        let example = &section[start..start + section[start..].find("```").expect("closed")];
        let spec = parse(&Source::new("README.md", example))
            .unwrap_or_else(|error| panic!("the spec/README.md example does not read:\n{error}"));
        let credential = spec.entity("CredentialAccount").expect("defined");
        assert_eq!(credential.extends.as_deref(), Some("Account"));
        let note = &credential.attributes[0];
        assert_eq!(note.path, ["source", "note"]);
        assert_eq!(note.lifecycle, AttributeLifecycle::Deprecated);
        assert_eq!(note.history[1].change, "now nullable");
        let role = &spec.entity("Account").expect("defined").attributes[2];
        assert!(role.type_override);
        assert_eq!(role.ty, AttributeType::Entity("Role".to_owned()));
        assert_eq!(spec.pages[0].lints.len(), 1);
    }

    /// A type override replaces the docs' type, which may name an entity no
    /// page defines: the override is how a copy fixes it.
    #[test]
    fn a_type_override_replaces_the_docs_type() {
        let copy = COPY.replacen(
            "type: entity(Role)\n",
            "type: entity(Field)\n            type_override: array(entity(Role))\n",
            1,
        );
        let spec = parse(&Source::new("entities.yaml", copy.as_str())).expect("reads");
        let role = &spec
            .entity("CredentialAccount")
            .expect("defined")
            .attributes[0];
        assert!(role.type_override);
        assert_eq!(
            role.ty,
            AttributeType::Array(Box::new(AttributeType::Entity("Role".to_owned())))
        );
        assert_eq!(role.type_text, "entity(Field)");
        assert_eq!(&copy[role.type_span.clone()], "array(entity(Role))");
        assert_eq!(
            spec.pages[0].entities[1].extends.as_deref(),
            Some("Account")
        );
        assert_eq!(
            spec.pages[0].entities[0].attributes[0].added_in(),
            Some("0.1.0")
        );
    }

    /// Each mistake in a hand-edited copy: located, with how to fix it.
    #[test]
    fn copy_mistakes_are_located_with_help() {
        parse(&Source::new("entities.yaml", COPY)).expect("the copy reads");
        let cases = [
            (
                "            type: string\n",
                "            typ: string\n",
                "entities.yaml:12:13: error: unknown key `typ` in an attribute",
                "= help: did you mean `type`? an attribute takes `name`, `anchor`, `type`, `type_override`, `nullable`, `optional`, `lifecycle`, `values`, `history`",
            ),
            (
                "    entities:\n      - name: Account\n",
                "    entites:\n      - name: Account\n",
                "entities.yaml:4:5: error: unknown key `entites` in a page",
                "= help: did you mean `entities`?",
            ),
            (
                "          - name: source[note]\n            type: string\n",
                "          - type: string\n",
                "entities.yaml:11:13: error: an attribute is missing `name`",
                "= help: add `name:` with a name",
            ),
            (
                "          - name: source[note]\n            type: string\n",
                "          - name: source[note]\n",
                "entities.yaml:11:13: error: an attribute is missing `type`",
                "= help: add `type:` with the docs' type as a spelling, such as `string(url)`",
            ),
            (
                "      - name: Role\n",
                "      - anchor: Role\n",
                "entities.yaml:21:9: error: an entity is missing `name`",
                "= help: add `name:` with a name",
            ),
            (
                "  - file: Role\n",
                "  - lints: []\n",
                "entities.yaml:19:5: error: a page is missing `file`",
                "= help: add `file:` with the page's file name without `.md`",
            ),
            (
                "type: string\n",
                "type: String\n",
                "entities.yaml:12:19: error: `String` is not a type spelling",
                "= help: a type is `string`, or `string(FORMAT)` with FORMAT one of `id`, `url`, `html`, `datetime`, `date`, `enum`; `integer`, `float`, `boolean`, `hash` (a JSON object), or `json` (any JSON value); `entity(Name)`",
            ),
            (
                "type: entity(Role)\n",
                "type: entity(Role)\n            type_override: one_of(Role)\n",
                "entities.yaml:19:28: error: `one_of(Role)` is not a type spelling",
                "`one_of(Name, Name, …)` with two names or more",
            ),
            (
                "            type: string\n",
                "            type: string\n            lifecycle: obsolete\n",
                "entities.yaml:13:24: error: unknown lifecycle `obsolete`",
                "= help: `lifecycle` is `deprecated` or `removed`; leave it out for a current attribute",
            ),
            (
                "0.1.0 - added",
                "0.1 beta - added",
                "entities.yaml:10:17: error: `0.1 beta` is not a Mastodon version",
                "= help: write each entry as the docs' version history does, `VERSION - change`, as in `4.0.0 - now nullable`",
            ),
            (
                "0.1.0 - added",
                "\"soon\"",
                "entities.yaml:10:17: error: `soon` is not a Mastodon version",
                "with a version such as `4.3.0` or `4.0.0-beta1`",
            ),
            (
                "0.1.0 - added",
                "\" - added\"",
                "entities.yaml:10:17: error: a history entry without a version",
                "the copy keeps versions only",
            ),
            (
                "      - name: CredentialAccount\n",
                "      - name: Account\n",
                "entities.yaml:13:15: error: entity `Account` is defined twice",
                "= help: an entity's name is unique across the copy's pages",
            ),
            (
                "name: source[note]",
                "name: id",
                "entities.yaml:11:19: error: attribute `id` is defined twice in `Account`",
                "= help: keep one entry per attribute in the entity's `attributes`",
            ),
            (
                "extends: Account",
                "extends: Acount",
                "entities.yaml:15:18: error: `CredentialAccount` extends `Acount`, which the copy does not define",
                "= help: name an entity this copy defines, by its full name, or leave `extends` out",
            ),
            (
                "type: entity(Role)",
                "type: array(one_of(Role, Rule))",
                "entities.yaml:18:19: error: the type of `role` in `CredentialAccount` names `Rule`, which the copy does not define",
                "= help: name an entity this copy defines, by its full name, or set the type by hand with `type_override:` (`json` keeps the raw JSON value)",
            ),
            (
                "      - name: Role\n",
                "      - name: Account::Role\n",
                "entities.yaml:18:19: error: the type of `role` in `CredentialAccount` names `Role`, which the copy does not define",
                "= help: did you mean `Account::Role`? name an entity this copy defines",
            ),
            (
                "name: source[note]",
                "name: source[note",
                "entities.yaml:11:19: error: `source[note` is not an attribute name",
                "= help: write the attribute's key path as the docs do: `key`, `key[sub]` for a key of a hash",
            ),
            (
                "name: CredentialAccount",
                "name: Credential Account",
                "entities.yaml:13:15: error: `Credential Account` is not an entity name",
                "= help: an entity's name is its docs name",
            ),
            (
                "  - file: Role\n",
                "  - file: Account\n",
                "entities.yaml:19:11: error: page `Account` is listed twice",
                "= help: keep one entry per page in `pages`",
            ),
            (
                "  - file: Role\n    entities:\n      - name: Role\n        attributes:\n          - name: id\n            type: string(id)\n",
                "  - file: Role\n    entities: []\n",
                "entities.yaml:20:15: error: page `Role` defines no entity",
                "= help: list the page's own entity first",
            ),
            (
                "type: string\n",
                "type: string\n            nullable: yes\n",
                "entities.yaml:13:23: error: invalid value for `nullable`: expected `true` or `false`",
                "= help: give `nullable` `true` or `false`",
            ),
            (
                &COPY["schema: 1\n".len()..],
                "pages: []\n",
                "entities.yaml:2:8: error: `pages` is empty",
                "= help: list each entity page as a `- file:` item with its `entities`",
            ),
            (
                "    entities:\n      - name: Account\n",
                "    lints:\n      - lint: no-such-lint\n        at: a\n        message: m\n        outcome: o\n    entities:\n      - name: Account\n",
                "entities.yaml:5:15: error: unknown lint `no-such-lint`",
                "= help: `lints` records what the generator found",
            ),
            (
                "schema: 1",
                "schema: 2",
                "entities.yaml:1:9: error: this copy is written in schema 2, but this generator reads schema 1",
                "= help: use a mastodon-error-codegen that reads schema 2",
            ),
        ];
        assert_each_refused(COPY, &cases);
    }

    /// Each edit of `copy` (old text, new text) is refused at its location,
    /// with its help.
    fn assert_each_refused(copy: &str, cases: &[(&str, &str, &str, &str)]) {
        for &(old, new, location, help) in cases {
            assert!(copy.contains(old), "{old}");
            let copy = copy.replacen(old, new, 1);
            let text = parse(&Source::new("entities.yaml", copy.as_str()))
                .expect_err("refused")
                .render();
            let at = text
                .find(location)
                .unwrap_or_else(|| panic!("{location}\n{text}"));
            // The help of this diagnostic, not of one after it.
            let own = &text[at..];
            let own = own.find("\nentities.yaml:").map_or(own, |end| &own[..end]);
            assert!(own.contains(help), "{help}\n{text}");
        }
    }

    /// [`COPY`] with a baseline and a correction, as a maintainer writes them.
    fn reviewed_copy() -> String {
        COPY.replacen(
            "schema: 1\n",
            "schema: 1\nbaseline: 4.0.0\ncorrections:\n  - entity: Account\n    attribute: source[note]\n    nullable: true\n    evidence:\n      - responses/mastodonpy-4.0.2.jsonl:1 GET /api/v1/accounts/verify_credentials sends null\n",
            1,
        )
    }

    #[test]
    fn a_baseline_and_corrections_read() {
        let spec = parse(&Source::new("entities.yaml", reviewed_copy())).expect("the copy reads");
        assert_eq!(spec.baseline, Baseline::parse("4.0.0"));
        let [correction] = spec.corrections.as_slice() else {
            panic!("{:?}", spec.corrections);
        };
        assert_eq!(correction.entity, "Account");
        assert_eq!(correction.attribute, ["source", "note"]);
        assert!(correction.nullable && !correction.optional && correction.ty.is_none());
        assert_eq!(
            correction.evidence_records(),
            [("responses/mastodonpy-4.0.2.jsonl", 1)]
        );
        let latest = reviewed_copy().replacen("baseline: 4.0.0", "baseline: latest", 1);
        let spec = parse(&Source::new("entities.yaml", latest)).expect("the copy reads");
        assert_eq!(spec.baseline, Some(Baseline::Latest));
    }

    #[test]
    fn correction_mistakes_are_located_with_help() {
        let cases = [
            (
                "baseline: 4.0.0",
                "baseline: four",
                "entities.yaml:2:11: error: `four` is not a Mastodon version",
                "or `latest` for types that read only the newest server",
            ),
            (
                "entity: Account",
                "entity: Acount",
                "entities.yaml:4:13: error: the correction names entity `Acount`, which the copy does not define",
                "= help: name the entity by its docs name",
            ),
            (
                "attribute: source[note]",
                "attribute: source[language]",
                "entities.yaml:5:16: error: entity `Account` has no attribute `source[language]`",
                "an inherited attribute is corrected on the entity that defines it",
            ),
            (
                "nullable: true",
                "nullable: false",
                "entities.yaml:6:15: error: a correction only widens what the docs say",
                "= help: write `true`",
            ),
            (
                "    nullable: true\n",
                "",
                "entities.yaml:4:5: error: the correction of `source[note]` changes nothing",
                "`nullable: true`, `optional: true`, or `type:`",
            ),
            (
                "nullable: true",
                "type: strin",
                "entities.yaml:6:11: error: `strin` is not a type spelling",
                "= help: a type is `string`",
            ),
            (
                "      - responses/mastodonpy-4.0.2.jsonl:1 GET",
                "      - seen on my server, GET",
                "entities.yaml:8:9: error: evidence must start with the record it cites",
                "`responses/mastodonpy-4.3.0.jsonl:12",
            ),
            (
                "    evidence:\n      - responses/mastodonpy-4.0.2.jsonl:1 GET /api/v1/accounts/verify_credentials sends null\n",
                "    evidence: []\n",
                "entities.yaml:4:5: error: the correction of `source[note]` cites no evidence",
                "a correction needs a recorded response that shows it",
            ),
            (
                "    nullable: true\n",
                "    nullable: true\n    reason: trust me\n",
                "entities.yaml:7:5: error: unknown key `reason` in a correction",
                "a correction takes `entity`, `attribute`, `type`, `nullable`, `optional`, `until`, `evidence`",
            ),
            (
                "nullable: true",
                "type: entity(Rol)",
                "entities.yaml:6:11: error: the correction of `source[note]` names `Rol`, which the copy does not define",
                "= help: name an entity this copy defines",
            ),
            (
                "attribute: source[note]\n    nullable: true",
                "attribute: source\n    type: string",
                "entities.yaml:6:11: error: `source` has keys of its own, which `string` would drop",
                "= help: correct the keys one by one (`key[sub]`)",
            ),
            (
                "    nullable: true\n",
                "    nullable: true\n    until: four\n",
                "entities.yaml:7:12: error: `four` is not a Mastodon version",
                "write the newest version whose responses show it",
            ),
            (
                "pages:\n",
                "  - entity: Account\n    attribute: source[note]\n    optional: true\n    evidence:\n      - responses/mastodonpy-4.3.0.jsonl:2 sends none\npages:\n",
                "entities.yaml:9:5: error: `source[note]` of `Account` is corrected twice",
                "= help: keep one correction per attribute",
            ),
        ];
        assert_each_refused(&reviewed_copy(), &cases);
    }

    /// Every problem in the values is reported at once.
    #[test]
    fn every_value_problem_is_reported() {
        let copy = COPY
            .replacen(
                "type: string\n",
                "type: strin\n            type_override: entity()\n            lifecycle: gone\n",
                1,
            )
            .replacen("extends: Account", "extends: Acount", 1)
            .replacen("0.1.0 - added", "soon", 1);
        let error = parse(&Source::new("entities.yaml", copy.as_str())).expect_err("refused");
        let at: Vec<String> = error
            .diagnostics()
            .iter()
            .map(|diagnostic| error.location(diagnostic))
            .collect();
        assert_eq!(
            at,
            [
                "entities.yaml:10:17",
                "entities.yaml:12:19",
                "entities.yaml:13:28",
                "entities.yaml:14:24",
                "entities.yaml:17:18",
            ]
        );
    }

    /// An entity defined twice points at its first entry too.
    #[test]
    fn an_entity_defined_twice_points_at_both() {
        let copy = COPY.replacen(
            "      - name: CredentialAccount\n",
            "      - name: Account\n",
            1,
        );
        let text = parse(&Source::new("entities.yaml", copy.as_str()))
            .expect_err("refused")
            .render();
        let first = if cfg!(feature = "snippets") {
            "5 |       - name: Account"
        } else {
            "= related: entities.yaml:5:15: first defined here"
        };
        assert!(text.contains(first), "{text}");
    }
}
