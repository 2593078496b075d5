//! The attribute sections every entity page shares, the Error page's
//! included: a heading that is the attribute's name in backticks, with
//! `{{%optional%}}`-style markers and an `{#anchor}`, then the labelled
//! `**Description:**`, `**Type:**` and `**Version history:**` fields.
//! The Error page's reader and the entity pages' reader both use this one.

use std::ops::Range;

use crate::diagnostic::Diagnostic;
use crate::model::HistoryEntry;

use super::blocks::Block;
use super::inline;

/// One attribute as its heading and fields write it.
#[derive(Debug, Clone)]
pub(crate) struct ReadAttribute {
    pub name: String,
    pub span: Range<usize>,
    #[cfg_attr(
        not(feature = "markdown-entities"),
        expect(
            dead_code,
            reason = "the Error page has no attribute anchors in its model"
        )
    )]
    pub anchor: Option<String>,
    pub description: String,
    /// The whole `Type:` field, its continuation lines included.
    pub type_text: String,
    pub type_span: Range<usize>,
    /// The code spans of the `Type:` field, unquoted, in order.
    pub type_code: Vec<String>,
    /// The link texts of the `Type:` field: entity names.
    pub type_links: Vec<String>,
    /// `{{%optional%}}` on the heading.
    pub optional: bool,
    /// `{{%nullable%}}` on the heading.
    pub nullable: bool,
    pub deprecated: bool,
    pub removed: bool,
    pub history: Vec<HistoryEntry>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Description,
    Type,
    VersionHistory,
}

/// Reads attribute headings and the paragraphs under them. Problems are
/// returned to the caller, which decides whether they are errors (the Error
/// page, which our user controls) or lints (the docs' entity pages).
#[derive(Default)]
pub(crate) struct AttributeReader {
    pub attributes: Vec<ReadAttribute>,
    /// The field that a following unlabelled paragraph continues.
    last_field: Option<Field>,
    /// Whether paragraphs belong to the last attribute: not after a heading
    /// that was refused, or after [`AttributeReader::close`].
    open: bool,
}

impl AttributeReader {
    /// Starts an attribute at a heading; `false` (with the problem pushed)
    /// when the heading is not an attribute's name in backticks.
    pub fn heading(
        &mut self,
        block: &Block,
        id: Option<String>,
        problems: &mut Vec<Diagnostic>,
    ) -> bool {
        self.read_heading(block, id, problems, None)
    }

    /// As [`AttributeReader::heading`], but a malformed heading whose name
    /// (and anchor) are intact is read, and the defect, saying what was
    /// read, is pushed to `recovered`. Only the entity pages recover: the
    /// Error page is the user's to fix.
    #[cfg(feature = "markdown-entities")]
    pub fn heading_recovering(
        &mut self,
        block: &Block,
        id: Option<String>,
        problems: &mut Vec<Diagnostic>,
        recovered: &mut Vec<Diagnostic>,
    ) -> bool {
        self.read_heading(block, id, problems, Some(recovered))
    }

    fn read_heading(
        &mut self,
        block: &Block,
        id: Option<String>,
        problems: &mut Vec<Diagnostic>,
        recovered: Option<&mut Vec<Diagnostic>>,
    ) -> bool {
        self.last_field = None;
        self.open = false;
        let heading = inline::heading(block);
        let read = match (heading.code_name.clone(), recovered) {
            (Some(name), _) => Some((name, id)),
            (None, Some(recovered)) => recover(&heading, id.as_deref()).map(|read| {
                let anchor = match &read.anchor {
                    Some(anchor) => format!("the anchor `{anchor}`"),
                    None => "no anchor".to_owned(),
                };
                recovered.push(Diagnostic::defect(
                    block.span.clone(),
                    format!("the attribute heading's {}", read.defect),
                    format!(
                        "read the name `{}` and {anchor}, and the fields under it",
                        read.name
                    ),
                ));
                (read.name, read.anchor)
            }),
            (None, None) => None,
        };
        let (name, anchor) = match read {
            Some(read) => read,
            None => {
                problems.push(
                    Diagnostic::error(
                        block.span.clone(),
                        "an attribute heading must be the attribute's name in backticks",
                    )
                    .label(refused_label(&heading))
                    .help(
                        "write it as ### `name`, optionally followed by {{%optional%}} and {#anchor}",
                    ),
                );
                return false;
            }
        };
        let mut attribute = ReadAttribute {
            name,
            span: block.span.clone(),
            anchor,
            description: String::new(),
            type_text: String::new(),
            type_span: block.span.clone(),
            type_code: Vec::new(),
            type_links: Vec::new(),
            optional: false,
            nullable: false,
            deprecated: false,
            removed: false,
            history: Vec::new(),
        };
        for marker in &heading.markers {
            match marker.name.as_str() {
                "optional" => attribute.optional = true,
                "nullable" => attribute.nullable = true,
                "deprecated" => attribute.deprecated = true,
                "removed" => attribute.removed = true,
                other => problems.push(
                    Diagnostic::error(marker.span.clone(), format!("unknown shortcode `{other}` in an attribute heading"))
                        .label("not a known marker")
                        .help("attribute headings accept the markers {{%optional%}}, {{%nullable%}}, {{%deprecated%}} and {{%removed%}}"),
                ),
            }
        }
        self.attributes.push(attribute);
        self.open = true;
        true
    }

    /// Ends the current attribute: a following paragraph is not its field.
    #[cfg_attr(
        not(feature = "markdown-entities"),
        expect(
            dead_code,
            reason = "only the entity pages' reader has sections that end one"
        )
    )]
    pub fn close(&mut self) {
        self.last_field = None;
        self.open = false;
    }

    /// A paragraph under the current attribute: its labelled fields, or the
    /// continuation of the field above.
    pub fn paragraph(&mut self, block: &Block, problems: &mut Vec<Diagnostic>) {
        let Some(attribute) = self.attributes.last_mut().filter(|_| self.open) else {
            return; // Prose before the first attribute, or after a refused heading.
        };
        let fields = inline::labelled_fields(block);
        if fields.is_empty() {
            if let Some(field) = self.last_field {
                let text = block.plain_text();
                apply_field(attribute, field, text.trim(), block.span.clone());
            }
            return;
        }
        for field in fields {
            let kind = match field.label.to_ascii_lowercase().as_str() {
                "description" => Field::Description,
                "type" => Field::Type,
                "version history" => Field::VersionHistory,
                _ => {
                    problems.push(
                        Diagnostic::error(field.label_span.clone(), format!("unknown attribute field `{}`", field.label))
                            .label("not a field this generator reads")
                            .help("attribute fields are **Description:**, **Type:** and **Version history:**"),
                    );
                    continue;
                }
            };
            if kind == Field::Type {
                attribute.type_code.extend(field.code.iter().cloned());
                attribute.type_links.extend(field.links.iter().cloned());
            }
            apply_field(attribute, kind, &field.value, field.value_span.clone());
            self.last_field = Some(kind);
        }
    }
}

/// What a malformed heading still says.
struct Recovered {
    name: String,
    anchor: Option<String>,
    /// How the heading is malformed: "the attribute heading's …".
    defect: String,
}

/// Reads the two malformations whose facts are intact: a name whose
/// backtick is not closed (AnnualReport, 2026: `` `data[percentiles] {#…} ``),
/// and a name in backticks followed by its anchor in parentheses (Instance,
/// 2023: `(#vapid_public_key)`). Anything else is not read with confidence,
/// and stays left out.
fn recover(heading: &inline::Heading, id: Option<&str>) -> Option<Recovered> {
    let rest = heading.plain_rest.as_deref()?.trim();
    match heading.code_spans.as_slice() {
        [] => {
            let name = rest
                .strip_prefix('`')
                .or_else(|| rest.strip_suffix('`'))
                .filter(|name| is_name(name))?;
            Some(Recovered {
                name: name.to_owned(),
                anchor: id.map(str::to_owned),
                defect: "backtick is not closed".to_owned(),
            })
        }
        [name] if id.is_none() && is_name(name.trim()) => {
            let anchor = rest
                .strip_prefix("(#")
                .and_then(|rest| rest.strip_suffix(')'))
                .filter(|anchor| is_anchor(anchor))?;
            Some(Recovered {
                name: name.trim().to_owned(),
                anchor: Some(anchor.to_owned()),
                defect: format!("anchor is written `{rest}`, not `{{#{anchor}}}`"),
            })
        }
        _ => None,
    }
}

/// An attribute name as the pages write them: `source[note]`,
/// `thumbnail[versions][@1x]`, `posting:default:visibility`.
fn is_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_[].:@-".contains(c))
}

fn is_anchor(anchor: &str) -> bool {
    !anchor.is_empty()
        && anchor
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// What is wrong with a heading that is not read, in the words of its label.
fn refused_label(heading: &inline::Heading) -> String {
    match heading.code_spans.as_slice() {
        [] => "no `name` in backticks here".to_owned(),
        [name] => format!("`{}` has other text beside it", name.trim()),
        _ => "more than one code span here".to_owned(),
    }
}

fn apply_field(attribute: &mut ReadAttribute, field: Field, value: &str, span: Range<usize>) {
    match field {
        Field::Description => append(&mut attribute.description, value),
        Field::Type => {
            if attribute.type_text.is_empty() {
                attribute.type_span = span;
            }
            if !attribute.type_text.is_empty() && !value.is_empty() {
                attribute.type_text.push('\n');
            }
            attribute.type_text.push_str(value);
        }
        Field::VersionHistory => attribute.history.extend(parse_history(value)),
    }
}

fn append(target: &mut String, value: &str) {
    if !target.is_empty() && !value.is_empty() {
        target.push(' ');
    }
    target.push_str(value);
}

/// Reads `0.6.0 - added` lines and the 2020 layout's `Added in 0.6.0`.
/// Lines of any other shape are kept whole, with no version.
pub(crate) fn parse_history(value: &str) -> Vec<HistoryEntry> {
    value
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| {
            if let Some(version) = line.strip_prefix("Added in ") {
                return HistoryEntry {
                    version: version.trim().to_owned(),
                    change: "added".to_owned(),
                };
            }
            match line.split_once(" - ") {
                Some((version, change)) if version.starts_with(|c: char| c.is_ascii_digit()) => {
                    HistoryEntry {
                        version: version.trim().to_owned(),
                        change: change.trim().to_owned(),
                    }
                }
                _ => HistoryEntry {
                    version: String::new(),
                    change: line.to_owned(),
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_reads_both_layouts() {
        let current = parse_history("0.6.0 - added\n4.0.0 - now nullable");
        assert_eq!(current[1].version, "4.0.0");
        assert_eq!(current[1].change, "now nullable");
        let legacy = parse_history("Added in 0.6.0");
        assert_eq!(legacy[0].version, "0.6.0");
        assert_eq!(legacy[0].change, "added");
    }
}
