//! Reads one entity page (`content/en/entities/*.md`) into its entities.
//!
//! The page's own entity is named by its title; each `## X attributes`,
//! `## X entity attributes` or `## X entity` section defines a sub-entity.
//! Attribute headings are read by the reader the Error page uses. JSON code
//! blocks are the examples of the entity whose section holds them; those of
//! `## Example(s)` show the page's own entity. Every defect is a lint.

use crate::diagnostic::{Diagnostic, Error};
use crate::lint::{self, Found};
use crate::model::HistoryEntry;
use crate::model::entities::{AttributeLifecycle, Entity, EntityAttribute, EntityPage, Example};
use crate::sink::Sink;
use crate::source::Source;

use crate::markdown::attributes::{AttributeReader, ReadAttribute};
use crate::markdown::blocks::{self, Block, BlockKind};
use crate::markdown::front_matter::{self, PageKind};
use crate::markdown::{inline, type_line};

/// Reads a page; `file` is its file name without `.md` (`Admin_Account`).
pub(crate) fn parse(source: &Source, file: &str) -> Result<(EntityPage, Vec<Found>), Error> {
    let text = source.text();
    let mut sink = Sink::default();
    let (front, body_start) = front_matter::parse(text, PageKind::Entity, &mut sink);
    let title = front
        .map(|front| front.title)
        .filter(|title| !title.trim().is_empty())
        .unwrap_or_else(|| file.replace('_', "::"));
    let mut reader = PageReader::new(title.trim(), body_start);
    for block in &blocks::parse(&text[body_start..], body_start) {
        reader.block(block, &mut sink);
    }
    let mut page = reader.finish(file, &mut sink);
    if !sink.is_empty() {
        return Err(sink.into_error(source));
    }
    let (found, records) =
        crate::markdown::found_lints(&mut sink, source, &format!("entities/{file}.md"));
    page.lints = records;
    Ok((page, found))
}

/// Where in the page the reader is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    /// Before the first `##`, or a section we do not read (See also).
    Ignored,
    /// `## Example(s)`: examples of the page's own entity.
    Examples,
    /// An attributes section of `entities[index]`.
    Attributes {
        index: usize,
        all_optional: bool,
        deprecated: bool,
    },
}

struct PageReader {
    title: String,
    entities: Vec<(Entity, AttributeReader, Vec<SectionFlags>)>,
    examples: Vec<Example>,
    section: Section,
}

/// What the section an attribute was read in says about all its attributes.
#[derive(Debug, Clone, Copy)]
struct SectionFlags {
    all_optional: bool,
    deprecated: bool,
}

impl PageReader {
    fn new(title: &str, at: usize) -> PageReader {
        let own = Entity {
            name: title.to_owned(),
            anchor: None,
            span: at..at,
            extends: None,
            attributes: Vec::new(),
        };
        PageReader {
            title: title.to_owned(),
            entities: vec![(own, AttributeReader::default(), Vec::new())],
            examples: Vec::new(),
            section: Section::Ignored,
        }
    }

    fn block(&mut self, block: &Block, sink: &mut Sink) {
        match &block.kind {
            BlockKind::Heading { level, id } if *level <= 2 => {
                self.section_heading(block, id.clone());
            }
            BlockKind::Heading { id, .. } => self.inner_heading(block, id.clone(), sink),
            BlockKind::Paragraph => {
                if let Section::Attributes { index, .. } = self.section {
                    let mut problems = Vec::new();
                    self.entities[index].1.paragraph(block, &mut problems);
                    lint_problems(problems, sink);
                }
            }
            BlockKind::CodeBlock { info } if is_json(info) => {
                let entity = match self.section {
                    Section::Examples => Some(0),
                    Section::Attributes { index, .. } => Some(index),
                    Section::Ignored => None,
                };
                if let Some(index) = entity {
                    self.examples.push(Example {
                        entity: self.entities[index].0.name.clone(),
                        json: block.code_text(),
                        span: block.span.clone(),
                    });
                }
            }
            _ => {}
        }
    }

    fn section_heading(&mut self, block: &Block, id: Option<String>) {
        for (_, reader, _) in &mut self.entities {
            reader.close();
        }
        let heading = inline::heading(block);
        let title = heading.text.trim().to_ascii_lowercase();
        self.section = match title.as_str() {
            "attributes" | "required attributes" => Section::Attributes {
                index: 0,
                all_optional: false,
                deprecated: false,
            },
            "optional attributes" => Section::Attributes {
                index: 0,
                all_optional: true,
                deprecated: false,
            },
            "deprecated attributes" => Section::Attributes {
                index: 0,
                all_optional: false,
                deprecated: true,
            },
            "example" | "examples" => Section::Examples,
            _ => match sub_entity_name(&heading.text) {
                Some(name) => {
                    let name = self.qualified(&name);
                    self.entities.push((
                        Entity {
                            name,
                            anchor: id,
                            span: block.span.clone(),
                            extends: None,
                            attributes: Vec::new(),
                        },
                        AttributeReader::default(),
                        Vec::new(),
                    ));
                    Section::Attributes {
                        index: self.entities.len() - 1,
                        all_optional: false,
                        deprecated: false,
                    }
                }
                None => Section::Ignored,
            },
        };
    }

    /// A `###` or deeper heading: an attribute in an attributes section;
    /// `### Attributes` and `### Example` structure a sub-entity's section.
    fn inner_heading(&mut self, block: &Block, id: Option<String>, sink: &mut Sink) {
        let Section::Attributes {
            index,
            all_optional,
            deprecated,
        } = self.section
        else {
            return;
        };
        let heading = inline::heading(block);
        if heading.code_name.is_none()
            && matches!(
                heading.text.trim().to_ascii_lowercase().as_str(),
                "attributes" | "example" | "examples"
            )
        {
            self.entities[index].1.close();
            return;
        }
        let mut problems = Vec::new();
        let mut recovered = Vec::new();
        let (_, reader, flags) = &mut self.entities[index];
        if reader.heading_recovering(block, id, &mut problems, &mut recovered) {
            flags.push(SectionFlags {
                all_optional,
                deprecated,
            });
        }
        for defect in recovered {
            sink.lint(&lint::MALFORMED_ATTRIBUTE_HEADING, defect);
        }
        lint_problems(problems, sink);
    }

    /// A sub-entity's docs name: `Status::Mention` as written; a bare name
    /// that does not contain the page entity's own (`Field` on Account) is
    /// qualified by it (`Account::Field`), so two pages' `Field`s stay apart.
    fn qualified(&self, name: &str) -> String {
        let own = self.title.rsplit("::").next().unwrap_or(&self.title);
        if name.contains("::") || name.contains(own) {
            name.to_owned()
        } else {
            format!("{}::{name}", self.title)
        }
    }

    fn finish(self, file: &str, sink: &mut Sink) -> EntityPage {
        let mut entities = Vec::new();
        for (mut entity, reader, flags) in self.entities {
            for (read, flags) in reader.attributes.into_iter().zip(flags) {
                let Some(attribute) = attribute(read, flags, sink) else {
                    continue;
                };
                // A second heading for the same key: the first stays.
                if let Some(first) = entity.attributes.iter().find(|a| a.path == attribute.path) {
                    sink.lint(
                        &lint::UNREADABLE_ENTITY_ATTRIBUTE,
                        Diagnostic::defect(
                            attribute.span.clone(),
                            format!(
                                "`{}` of {} is documented twice",
                                attribute.display_name(),
                                entity.name
                            ),
                            "keeps the first, and leaves out this one",
                        )
                        .related(first.span.clone(), "the first"),
                    );
                    continue;
                }
                entity.attributes.push(attribute);
            }
            lint_orphans(&entity, sink);
            entities.push(entity);
        }
        EntityPage {
            file: file.to_owned(),
            entities,
            examples: self.examples,
            lints: Vec::new(),
        }
    }
}

/// `Status::Mention attributes`, `CredentialAccount entity attributes`,
/// `` `PartialAccountWithAvatar` entity `` → the name; `None` for any other
/// section title.
fn sub_entity_name(title: &str) -> Option<String> {
    let title = title.trim();
    let name = title
        .strip_suffix(" entity attributes")
        .or_else(|| title.strip_suffix(" attributes"))
        .or_else(|| title.strip_suffix(" entity"))?
        .trim()
        .trim_matches('`');
    // `Deprecated attributes` and the like are sections of the page's own entity.
    let is_section = ["Required", "Optional", "Deprecated"].contains(&name);
    let is_name = !name.is_empty()
        && !is_section
        && name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == ':');
    is_name.then(|| name.to_owned())
}

fn attribute(read: ReadAttribute, flags: SectionFlags, sink: &mut Sink) -> Option<EntityAttribute> {
    let path = crate::model::entities::key_path(&read.name);
    if path.is_empty() {
        sink.lint(
            &lint::UNREADABLE_ENTITY_ATTRIBUTE,
            Diagnostic::defect(
                read.span.clone(),
                format!("the attribute heading `{}` names no key", read.name),
                "leaves out that heading",
            ),
        );
        return None;
    }
    let line = type_line::read(&read.type_text, &read.type_code, &read.type_links);
    if let Some(why) = &line.unread {
        let diagnostic = if read.type_text.trim().is_empty() {
            Diagnostic::defect(
                read.span.clone(),
                format!("attribute `{}` has no `**Type:**` line", read.name),
                "the field keeps the raw JSON value",
            )
        } else {
            Diagnostic::defect(
                read.type_span.clone(),
                format!(
                    "the type of `{}` is not one this generator reads: {why}",
                    read.name
                ),
                "the field keeps the raw JSON value; a YAML copy can give it a type",
            )
        };
        sink.lint(&lint::UNKNOWN_ATTRIBUTE_TYPE, diagnostic);
    }
    let history = versioned(&read, sink);
    let lifecycle = [
        (read.removed, AttributeLifecycle::Removed),
        (
            read.deprecated || flags.deprecated,
            AttributeLifecycle::Deprecated,
        ),
        (true, lifecycle_in(&history)),
    ]
    .into_iter()
    .filter_map(|(said, lifecycle)| said.then_some(lifecycle))
    .max()
    .unwrap_or(AttributeLifecycle::Current);
    Some(EntityAttribute {
        path,
        anchor: read.anchor,
        span: read.span,
        type_text: line.text,
        type_span: read.type_span,
        ty: line.ty,
        nullable: line.nullable || read.nullable,
        // A server since the removal leaves a removed attribute out.
        optional: line.optional
            || read.optional
            || flags.all_optional
            || lifecycle == AttributeLifecycle::Removed,
        lifecycle,
        values: line.values,
        history,
        type_override: false,
        sent_from: None,
        corrections: Vec::new(),
    })
}

/// The history as facts: each entry's version without the notes the docs
/// put after it (`4.4.0 (`mastodon` API version 3)`). An entry without a
/// version (`4.x`, or prose that ran into the field) is left out, with a lint.
fn versioned(read: &ReadAttribute, sink: &mut Sink) -> Vec<HistoryEntry> {
    let mut history = Vec::new();
    for entry in &read.history {
        match entry.version.split_whitespace().next() {
            Some(version) if crate::model::entities::is_history_version(version) => {
                history.push(HistoryEntry {
                    version: version.to_owned(),
                    change: entry.change.clone(),
                });
            }
            _ => sink.lint(
                &lint::UNREADABLE_ENTITY_ATTRIBUTE,
                Diagnostic::defect(
                    read.span.clone(),
                    format!(
                        "a version history line of `{}` names no version: `{} {}`",
                        read.name, entry.version, entry.change
                    ),
                    "leaves that line out of the history",
                ),
            ),
        }
    }
    history
}

/// What the history says of the attribute's lifecycle: the last entry that
/// says `deprecated` or `removed` (`4.3.0 - deprecated, use sources instead`).
fn lifecycle_in(history: &[HistoryEntry]) -> AttributeLifecycle {
    history
        .iter()
        .rev()
        .find_map(|entry| {
            let change = entry.change.trim().to_ascii_lowercase();
            if change.starts_with("removed") {
                Some(AttributeLifecycle::Removed)
            } else if change.starts_with("deprecated") {
                Some(AttributeLifecycle::Deprecated)
            } else {
                None
            }
        })
        .unwrap_or(AttributeLifecycle::Current)
}

/// Nested attributes (`count[inner]`) under one whose type is no hash: the
/// struct has no place for them, so each is a lint.
fn lint_orphans(entity: &Entity, sink: &mut Sink) {
    for attribute in &entity.attributes {
        let parent = entity.attributes.iter().find(|other| {
            other.path.len() + 1 == attribute.path.len() && attribute.path.starts_with(&other.path)
        });
        if let Some(parent) = parent
            && !matches!(
                parent.ty.element(),
                crate::model::entities::AttributeType::Hash
            )
        {
            sink.lint(
                &lint::UNREADABLE_ENTITY_ATTRIBUTE,
                Diagnostic::defect(
                    attribute.span.clone(),
                    format!(
                        "`{}` is nested in `{}`, whose type ({}) is not a hash",
                        attribute.display_name(),
                        parent.display_name(),
                        parent.ty.spelling()
                    ),
                    "leaves it out: the field's type has no place for it",
                ),
            );
        }
    }
}

fn is_json(info: &str) -> bool {
    info.split_whitespace().next() == Some("json")
}

/// The shared attribute reader's problems are defects in the docs here.
fn lint_problems(problems: Vec<Diagnostic>, sink: &mut Sink) {
    for problem in problems {
        sink.lint(
            &lint::UNREADABLE_ENTITY_ATTRIBUTE,
            problem.outcome("leaves out that heading or field"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_entity_titles() {
        assert_eq!(
            sub_entity_name("Status::Mention attributes").as_deref(),
            Some("Status::Mention")
        );
        assert_eq!(
            sub_entity_name("CredentialAccount entity attributes").as_deref(),
            Some("CredentialAccount")
        );
        assert_eq!(
            sub_entity_name("`PartialAccountWithAvatar` entity").as_deref(),
            Some("PartialAccountWithAvatar")
        );
        assert_eq!(sub_entity_name("See also"), None);
        // `Deprecated attributes` is matched as a section before this runs.
        assert_eq!(sub_entity_name("Data attributes").as_deref(), Some("Data"));
        assert_eq!(sub_entity_name("Permission flags"), None);
    }

    #[test]
    fn key_paths() {
        use crate::model::entities::key_path;
        assert_eq!(key_path("meta[focus][x]"), ["meta", "focus", "x"]);
        assert_eq!(key_path("id"), ["id"]);
        assert_eq!(key_path("history[][day]"), ["history", "day"]);
        assert_eq!(
            key_path("poll.options[].title"),
            ["poll", "options", "title"]
        );
        // A dot inside brackets is part of the key, as servers send it.
        assert_eq!(
            key_path("alerts[admin.sign_up]"),
            ["alerts", "admin.sign_up"]
        );
        assert_eq!(key_path("a.b[c.d][e]"), ["a", "b", "c.d", "e"]);
    }

    #[test]
    fn malformed_headings_with_intact_names_are_read_with_a_lint() {
        let field =
            "**Description:** x.\\\n**Type:** String\\\n**Version history:**\\\n4.0.0 - added\n\n";
        let page = format!(
            "---\ntitle: Report\n---\n\n## Attributes\n\n### `data` {{#data}}\n\n**Description:** x.\\\n**Type:** Hash\\\n**Version history:**\\\n4.0.0 - added\n\n#### `data[most_used_apps] {{#data-most_used_apps}}\n\n{field}### `configuration[vapid][public_key]` (#vapid_public_key)\n\n{field}### `c` (see below)\n\n{field}### Just words\n\n{field}"
        );
        let (page, found) = parse(&Source::new("Report.md", page), "Report").unwrap();
        let read: Vec<_> = page.entities[0]
            .attributes
            .iter()
            .map(|a| (a.display_name(), a.anchor.clone(), a.type_text.clone()))
            .collect();
        let some = |text: &str| Some(text.to_owned());
        assert_eq!(
            read,
            [
                ("data".to_owned(), some("data"), "Hash".to_owned()),
                (
                    "data[most_used_apps]".to_owned(),
                    some("data-most_used_apps"),
                    "String".to_owned()
                ),
                (
                    "configuration[vapid][public_key]".to_owned(),
                    some("vapid_public_key"),
                    "String".to_owned()
                ),
            ]
        );
        let lints: Vec<_> = found
            .iter()
            .map(|found| {
                let outcome = found
                    .diagnostic
                    .notes()
                    .first()
                    .cloned()
                    .unwrap_or_default();
                (
                    found.lint.name,
                    found.diagnostic.message().to_owned(),
                    outcome,
                )
            })
            .collect();
        assert_eq!(lints[0].0, "malformed-attribute-heading");
        assert_eq!(lints[0].1, "the attribute heading's backtick is not closed");
        assert_eq!(
            lints[0].2,
            "read the name `data[most_used_apps]` and the anchor `data-most_used_apps`, and the fields under it"
        );
        assert_eq!(lints[1].0, "malformed-attribute-heading");
        assert_eq!(
            lints[1].1,
            "the attribute heading's anchor is written `(#vapid_public_key)`, not `{#vapid_public_key}`"
        );
        // What cannot be read with confidence is left out, as before.
        assert_eq!(lints.len(), 4, "{lints:?}");
        assert!(
            lints[2..]
                .iter()
                .all(|(name, ..)| *name == "unreadable-entity-attribute")
        );
        assert_eq!(
            found[2].diagnostic.notes()[0],
            "leaves out that heading or field"
        );
        // The label says what is there, not that no name is.
        let rendered =
            crate::diagnostic::render_diagnostic(&found[2].source, &found[2].diagnostic, false);
        assert!(
            rendered.contains("`c` has other text beside it"),
            "{rendered}"
        );
        let rendered =
            crate::diagnostic::render_diagnostic(&found[3].source, &found[3].diagnostic, false);
        assert!(
            rendered.contains("no `name` in backticks here"),
            "{rendered}"
        );
    }

    #[test]
    fn a_page_reads_into_entities() {
        let page = "---\ntitle: Poll\n---\n\n## Attributes\n\n### `id` {#id}\n\n**Description:** x.\\\n**Type:** String (cast from an integer)\\\n**Version history:**\\\n2.8.0 - added\n\n### `expires_at` {#expires_at}\n\n**Description:** x.\\\n**Type:** {{<nullable>}} String ([Datetime](/api/datetime-format#datetime)), or null\\\n**Version history:**\\\n2.8.0 - added\n\n## Poll::Option attributes {#Option}\n\n### `title` {#title}\n\n**Description:** x.\\\n**Type:** String\\\n**Version history:**\\\n2.8.0 - added\n\n## Field entity attributes {#Field}\n\n### `votes_count` {{%optional%}}\n\n**Description:** x.\\\n**Type:** Mystery\\\n**Version history:**\\\n2.8.0 - added\n";
        let (page, found) = parse(&Source::new("Poll.md", page), "Poll").unwrap();
        let names: Vec<_> = page.entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Poll", "Poll::Option", "Poll::Field"]);
        let expires = &page.entities[0].attributes[1];
        assert!(expires.nullable && !expires.optional);
        assert_eq!(expires.added_in(), Some("2.8.0"));
        let votes = &page.entities[2].attributes[0];
        assert!(votes.optional);
        assert_eq!(votes.ty, crate::model::entities::AttributeType::Json);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].lint.name, "unknown-attribute-type");
    }
}
