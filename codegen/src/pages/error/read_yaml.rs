//! Reads the YAML copy into the same [`Spec`] model the page reader fills,
//! so validation and emission cannot tell the two inputs apart.

use std::ops::Range;

use super::schema::{self, SCHEMA};
use crate::diagnostic::{Diagnostic, Error};
use crate::markdown::explanation;
use crate::model::{Attribute, HistoryEntry, Inline, Message, Reason, Spec, StatusGroup};
use crate::sink::Sink;
use crate::source::Source;
use crate::yaml::document::{document_root, first_line};
use crate::yaml::tree::Spanned;

/// Reads a YAML copy, reporting every problem in its content, or the first
/// problem in its shape.
pub(crate) fn parse(source: &Source) -> Result<Spec, Error> {
    let root = document_root(source, &SCHEMA)?;
    let document =
        schema::document(&root).map_err(|error| Error::single(source.clone(), *error))?;
    let mut reader = Reader {
        source,
        sink: Sink::default(),
    };
    let spec = reader.document(document);
    reader.sink.into_result(source, spec)
}

struct Reader<'s> {
    source: &'s Source,
    sink: Sink,
}

/// A mapping being read: where it starts and what messages call it.
struct Mapping {
    span: Range<usize>,
    name: &'static str,
}

impl Reader<'_> {
    fn mapping(&self, span: &Range<usize>, name: &'static str) -> Mapping {
        Mapping {
            span: first_line(self.source, span.start),
            name,
        }
    }

    fn missing(&mut self, mapping: &Mapping, key: &str) {
        self.sink
            .push(SCHEMA.missing_at(mapping.span.clone(), mapping.name, key));
    }

    /// A module with no attributes or no reasons is no use, and the page
    /// always has both, so an empty list is a mistake.
    fn non_empty<T>(&mut self, list: &Spanned<Vec<T>>, key: &str, help: &str) {
        if list.value.is_empty() {
            self.sink
                .push(Diagnostic::error(list.span.clone(), format!("`{key}` is empty")).help(help));
        }
    }

    /// A key the schema requires, with its value and the value's span.
    fn required<T>(
        &mut self,
        value: Option<Spanned<T>>,
        mapping: &Mapping,
        key: &str,
    ) -> Option<(T, Range<usize>)> {
        match value {
            Some(value) => Some((value.value, value.span)),
            None => {
                self.missing(mapping, key);
                None
            }
        }
    }

    fn document(&mut self, document: schema::Document) -> Spec {
        let mapping = self.mapping(&document.span, "the document");
        let (title, title_span) = self
            .required(document.title, &mapping, "title")
            .unwrap_or_default();
        let attributes = match document.attributes {
            Some(attributes) => {
                self.non_empty(
                    &attributes,
                    "attributes",
                    "list each attribute as a `- name:` item with its `description` and `type`",
                );
                attributes
                    .value
                    .into_iter()
                    .filter_map(|attribute| self.attribute(attribute))
                    .collect()
            }
            None => {
                self.missing(&mapping, "attributes");
                Vec::new()
            }
        };
        let groups = match document.groups {
            Some(groups) => {
                self.non_empty(
                    &groups,
                    "groups",
                    "list each status group as a `- code:` item with its `text` and `reasons`",
                );
                groups
                    .value
                    .into_iter()
                    .filter_map(|group| self.group(group))
                    .collect()
            }
            None => {
                self.missing(&mapping, "groups");
                Vec::new()
            }
        };
        Spec {
            title,
            title_span,
            description: document.description.map(|description| description.value),
            attributes,
            groups,
        }
    }

    fn attribute(&mut self, attribute: Spanned<schema::Attribute>) -> Option<Attribute> {
        let mapping = self.mapping(&attribute.span, "an attribute");
        let attribute = attribute.value;
        let name = self.required(attribute.name, &mapping, "name");
        let type_text = self.required(attribute.type_text, &mapping, "type");
        let history = attribute
            .history
            .unwrap_or_default()
            .into_iter()
            .filter_map(|entry| self.history_entry(entry))
            .collect();
        let ((name, span), (type_text, type_span)) = (name?, type_text?);
        Some(Attribute {
            name,
            span,
            description: attribute
                .description
                .map(|description| description.value)
                .unwrap_or_default(),
            type_text,
            type_span,
            optional: attribute.optional.is_some_and(|flag| flag.value),
            deprecated: attribute.deprecated.is_some_and(|flag| flag.value),
            history,
        })
    }

    fn history_entry(&mut self, entry: Spanned<schema::HistoryEntry>) -> Option<HistoryEntry> {
        let mapping = self.mapping(&entry.span, "a history entry");
        let entry = entry.value;
        let (change, _) = self.required(entry.change, &mapping, "change")?;
        Some(HistoryEntry {
            version: entry
                .version
                .map(|version| version.value)
                .unwrap_or_default(),
            change,
        })
    }

    fn group(&mut self, group: Spanned<schema::Group>) -> Option<StatusGroup> {
        let mapping = self.mapping(&group.span, "a status group");
        let group = group.value;
        let code = self.required(group.code, &mapping, "code");
        let text = self.required(group.text, &mapping, "text");
        let (code, span) = code?;
        let (text, text_span) = text?;
        if text.trim().is_empty() {
            self.sink.push(
                Diagnostic::error(text_span, format!("status {code} has an empty `text`"))
                    .help("give the status text the page shows, e.g. `text: Not found`"),
            );
            return None;
        }
        let mut status = StatusGroup {
            code,
            text,
            anchor: group.anchor.map(|anchor| anchor.value),
            span,
            reasons: Vec::new(),
        };
        match group.message {
            Some(message) => {
                let explanation = self.explanation(group.explanation);
                status.reasons.push(Reason {
                    heading: status.own_reason_heading(),
                    heading_span: status.span.clone(),
                    anchor: status.anchor.clone(),
                    is_group_reason: true,
                    name_override: group.name.map(|name| name.value),
                    message: Message {
                        span: message.span,
                        text: message.value,
                    },
                    explanation,
                    docs_url: None,
                    oauth: false,
                });
            }
            None => {
                let strays = [("explanation", &group.explanation), ("name", &group.name)];
                for (key, stray) in strays {
                    if let Some(stray) = stray {
                        self.sink.push(
                            Diagnostic::error(
                                stray.span.clone(),
                                format!("`{key}` on a status group belongs to the group's own reason, which has no `message`"),
                            )
                            .help("add the group's `message:`, or move this under one of its `reasons:`"),
                        );
                    }
                }
            }
        }
        let reasons = group.reasons.unwrap_or_default();
        if reasons.is_empty() && status.reasons.is_empty() {
            self.sink.push(
                Diagnostic::error(
                    status.span.clone(),
                    format!("status {code} documents no reason"),
                )
                .label("no `reasons:` and no `message:`")
                .help("list its reasons under `reasons:`, or give the group's own `message:` as 429 has"),
            );
        }
        for reason in reasons {
            status.reasons.extend(self.reason(reason));
        }
        Some(status)
    }

    fn reason(&mut self, reason: Spanned<schema::Reason>) -> Option<Reason> {
        let mapping = self.mapping(&reason.span, "a reason");
        let reason = reason.value;
        let heading = self.required(reason.heading, &mapping, "heading");
        let message = self.required(reason.message, &mapping, "message");
        let explanation = self.explanation(reason.explanation);
        let ((heading, heading_span), (message, message_span)) = (heading?, message?);
        Some(Reason {
            heading,
            heading_span,
            anchor: reason.anchor.map(|anchor| anchor.value),
            is_group_reason: false,
            name_override: reason.name.map(|name| name.value),
            message: Message {
                text: message,
                span: message_span,
            },
            explanation,
            docs_url: None,
            oauth: false,
        })
    }

    fn explanation(&mut self, text: Option<Spanned<String>>) -> Vec<Inline> {
        let Some(text) = text else {
            return Vec::new();
        };
        explanation::read(&text.value).unwrap_or_else(|unread| {
            self.sink.push(
                Diagnostic::error(
                    text.span,
                    format!(
                        "this explanation holds {} at bytes {}..{} of its text, which a copy's explanation does not hold",
                        unread.what, unread.at.start, unread.at.end
                    ),
                )
                .label("text, `code` and [links](target) only")
                .help("explanations are paragraphs of text, `code` and [links](target), as `export-yaml` writes them: escape the character with `\\` (`\\*`, `\\#`, `1\\.`) to mean it as text"),
            );
            Vec::new()
        })
    }
}
