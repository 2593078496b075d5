//! Reads the Error entity page (Hugo Markdown) into the [`Spec`] model.
//!
//! The page is read by structure: `##` sections, `###` attribute and status
//! headings, `####` reason headings, `{#anchor}`s and the `NNN - Text` status
//! pattern. English text is relied on only where the page offers nothing
//! else: the section titles, the bold field labels and the `Error:` label.

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Errors};
use crate::model::{Attribute, Message, Reason, Spec, StatusGroup};
use crate::sink::Sink;
use crate::source::Source;

use crate::markdown::attributes::AttributeReader;
use crate::markdown::blocks::{self, Block, BlockKind};
use crate::markdown::front_matter::{self, PageKind};
use crate::markdown::{inline, runs};

/// Parses a (non-empty) page, reporting every problem found rather than only the first.
pub fn parse(source: &Source) -> Result<Spec, Errors> {
    let text = source.text();
    let mut sink = Sink::default();
    let (front, body_start) = front_matter::parse(text, PageKind::ErrorEntity, &mut sink);
    let blocks = blocks::parse(&text[body_start..], body_start);
    let mut reader = PageReader::default();
    for block in &blocks {
        reader.block(block, &mut sink);
    }
    let body = reader.finish(text.len(), &mut sink);
    match front {
        Some(front) if sink.is_empty() => Ok(Spec {
            title: front.title,
            title_span: front.title_span,
            description: front.description,
            attributes: body.attributes,
            groups: body.groups,
        }),
        // Front matter without a usable title always reported why.
        _ => Err(sink.into_error(source)),
    }
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Section {
    /// Before the first `##`, or a section we do not read (Example, See also).
    #[default]
    Ignored,
    /// `## Attributes`, `## Required attributes` or `## Optional attributes`.
    Attributes { all_optional: bool },
    /// `## Possible reasons`.
    Reasons,
}

#[derive(Default)]
struct PageReader {
    section: Section,
    attributes: AttributeReader,
    /// For each attribute read, whether its section is "Optional attributes".
    optional_section: Vec<bool>,
    /// The first attributes section's heading, and how many `###` headings
    /// the attributes sections hold, so an empty section is reported.
    attributes_span: Option<Range<usize>>,
    attribute_headings: usize,
    reasons_span: Option<Range<usize>>,
    status_headings: usize,
    groups: Vec<StatusGroup>,
    /// A `####` heading waiting for its `Error:` line.
    pending: Option<PendingReason>,
    /// Whether the last reason of the current group may take more paragraphs.
    reason_open: bool,
    group_has_reason_headings: bool,
    group: GroupState,
}

/// Where the reader is among the status headings.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum GroupState {
    /// Before the first status heading, or after a group was closed.
    #[default]
    NoGroup,
    /// Under a valid status heading: `groups.last()` is the current group.
    Open,
    /// Under a status heading already reported as invalid: its content is
    /// skipped, so it is neither misattributed nor reported a second time.
    Rejected,
}

struct PendingReason {
    heading: String,
    span: Range<usize>,
    anchor: Option<String>,
}

struct Body {
    attributes: Vec<Attribute>,
    groups: Vec<StatusGroup>,
}

impl PageReader {
    fn block(&mut self, block: &Block, sink: &mut Sink) {
        match &block.kind {
            BlockKind::Heading { level, id } => {
                let heading = inline::heading(block);
                if *level == 1 && self.section != Section::Ignored {
                    // Ending the section here would silently drop whatever
                    // follows it, so the heading is reported and skipped.
                    sink.push(level_one_heading(block.span.clone(), self.section));
                    return;
                }
                if *level <= 2 {
                    self.close_reason(sink);
                    self.close_group(sink);
                    self.section = classify_section(*level, &heading.text, id.as_deref());
                    match self.section {
                        Section::Reasons => {
                            if let Some(first) = &self.reasons_span {
                                sink.push(
                                    Diagnostic::error(
                                        block.span.clone(),
                                        "a second \"Possible reasons\" section",
                                    )
                                    .related(first.clone(), "the first one")
                                    .help("merge the two sections into one"),
                                );
                            }
                            self.reasons_span = Some(block.span.clone());
                        }
                        Section::Attributes { .. } => {
                            self.attributes_span.get_or_insert(block.span.clone());
                        }
                        Section::Ignored => {}
                    }
                    return;
                }
                match self.section {
                    Section::Attributes { all_optional } if *level == 3 => {
                        self.attribute_headings += 1;
                        let mut problems = Vec::new();
                        if self.attributes.heading(block, id.clone(), &mut problems) {
                            self.optional_section.push(all_optional);
                        }
                        problems.into_iter().for_each(|problem| sink.push(problem));
                    }
                    Section::Reasons => {
                        self.reasons_heading(block, *level, heading, id.clone(), sink)
                    }
                    _ => {}
                }
            }
            BlockKind::Paragraph => match self.section {
                Section::Attributes { .. } => {
                    let mut problems = Vec::new();
                    self.attributes.paragraph(block, &mut problems);
                    problems.into_iter().for_each(|problem| sink.push(problem));
                }
                Section::Reasons => self.reasons_paragraph(block, sink),
                _ => {}
            },
            BlockKind::CodeBlock { .. } | BlockKind::List | BlockKind::Table | BlockKind::Other => {
            }
        }
    }

    fn reasons_heading(
        &mut self,
        block: &Block,
        level: u8,
        heading: inline::Heading,
        id: Option<String>,
        sink: &mut Sink,
    ) {
        self.close_reason(sink);
        match level {
            3 => {
                self.status_headings += 1;
                self.close_group(sink);
                match parse_status(&heading.text) {
                    Ok((code, text)) => {
                        self.group_has_reason_headings = false;
                        self.group = GroupState::Open;
                        self.groups.push(StatusGroup {
                            code,
                            text,
                            anchor: id,
                            span: block.span.clone(),
                            reasons: Vec::new(),
                        });
                    }
                    Err(problem) => {
                        self.group = GroupState::Rejected;
                        sink.push(problem.diagnostic(block.span.clone()));
                    }
                }
            }
            4 if self.group == GroupState::Rejected => {}
            4 => {
                if self.group == GroupState::NoGroup {
                    sink.push(
                        Diagnostic::error(
                            block.span.clone(),
                            "a reason heading outside any status group",
                        )
                        .label("this reason has no status")
                        .help("put it under a status heading such as `### 404 - Not found`"),
                    );
                    return;
                }
                self.group_has_reason_headings = true;
                self.pending = Some(PendingReason {
                    heading: heading.text,
                    span: block.span.clone(),
                    anchor: id,
                });
            }
            _ => sink.push(
                Diagnostic::error(
                    block.span.clone(),
                    format!("a level-{level} heading inside \"Possible reasons\""),
                )
                .help("use `###` for status groups (`### 404 - Not found`) and `####` for reasons"),
            ),
        }
    }

    fn reasons_paragraph(&mut self, block: &Block, sink: &mut Sink) {
        if self.group != GroupState::Open {
            return; // Prose before the first status, or under a rejected one.
        }
        let error_line = inline::error_line(block);
        if let Some(pending) = self.pending.take() {
            let Some(line) = error_line else {
                sink.push(missing_error_line(
                    &pending.heading,
                    pending.span,
                    Some(block.span.clone()),
                ));
                return;
            };
            self.push_reason(pending.heading, pending.span, pending.anchor, false, line);
            return;
        }
        let Some(group) = self.groups.last() else {
            return;
        };
        match error_line {
            // A group's own `Error:` line, as 429 has: the group is the reason.
            Some(line) if group.reasons.is_empty() => {
                let heading = group.own_reason_heading();
                let (span, anchor) = (group.span.clone(), group.anchor.clone());
                self.push_reason(heading, span, anchor, true, line);
            }
            Some(line) => sink.push(
                Diagnostic::error(line.message_span, "a second `Error:` line for the same reason")
                    .help("give each reason its own `#### Name` heading"),
            ),
            None if self.reason_open => {
                if let Some(reason) = self.groups.last_mut().and_then(|g| g.reasons.last_mut()) {
                    runs::append_paragraph(&mut reason.explanation, runs::explanation(&block.runs));
                }
            }
            None => sink.push(
                Diagnostic::error(block.span.clone(), "a paragraph under a status heading that is not an `Error:` line")
                    .label("expected `Error: <message>. <explanation>`")
                    .help("document the status's reason as `Error: <message>. <explanation>`, or under a `#### Name` heading"),
            ),
        }
    }

    fn push_reason(
        &mut self,
        heading: String,
        heading_span: Range<usize>,
        anchor: Option<String>,
        is_group_reason: bool,
        line: inline::ErrorLine,
    ) {
        // An empty message is a semantic problem: validation reports it, for every input.
        let Some(group) = self.groups.last_mut() else {
            return;
        };
        group.reasons.push(Reason {
            heading,
            heading_span,
            anchor,
            is_group_reason,
            name_override: None,
            message: Message {
                text: line.message,
                span: line.message_span,
            },
            explanation: line.explanation,
            docs_url: None,
            oauth: false,
        });
        self.reason_open = true;
    }

    fn close_reason(&mut self, sink: &mut Sink) {
        if let Some(pending) = self.pending.take() {
            sink.push(missing_error_line(&pending.heading, pending.span, None));
        }
        self.reason_open = false;
    }

    fn close_group(&mut self, sink: &mut Sink) {
        // A group whose `####` reasons were already reported gets no second error.
        let was_open = std::mem::replace(&mut self.group, GroupState::NoGroup) == GroupState::Open;
        if let Some(group) = self.groups.last()
            && was_open
            && group.reasons.is_empty()
            && !self.group_has_reason_headings
        {
            sink.push(
                Diagnostic::error(group.span.clone(), format!("status {} documents no reason", group.code))
                    .label("no `Error:` line and no `####` reason follows")
                    .help("add `#### Name` with an `Error: <message>. <explanation>` line, or an `Error:` line right under the status heading"),
            );
        }
    }

    fn finish(mut self, end: usize, sink: &mut Sink) -> Body {
        self.close_reason(sink);
        self.close_group(sink);
        match &self.reasons_span {
            None => sink.push(
                Diagnostic::error(end..end, "the page has no \"Possible reasons\" section")
                    .help("add `## Possible reasons {#reasons}` with `### NNN - Text` status headings and `#### Name` reasons"),
            ),
            Some(span) if self.status_headings == 0 => sink.push(
                Diagnostic::error(span.clone(), "\"Possible reasons\" lists no status groups")
                    .label("no `###` status heading follows")
                    .help("add `### NNN - Text` status headings with `#### Name` reasons under them"),
            ),
            Some(_) => {}
        }
        match &self.attributes_span {
            None => sink.push(
                Diagnostic::error(end..end, "the page has no attributes section")
                    .help("add `## Attributes` with one `### `name`` heading per attribute"),
            ),
            Some(span) if self.attribute_headings == 0 => sink.push(
                Diagnostic::error(span.clone(), "the attributes section lists no attributes")
                    .label("no `###` attribute heading follows")
                    .help("add one `### `name`` heading per attribute, with its `**Description:**` and `**Type:**` lines"),
            ),
            Some(_) => {}
        }
        let attributes = self
            .attributes
            .attributes
            .into_iter()
            .zip(self.optional_section)
            .map(|(read, in_optional_section)| Attribute {
                name: read.name,
                span: read.span,
                description: read.description,
                type_text: read.type_text,
                type_span: read.type_span,
                optional: in_optional_section || read.optional || read.nullable,
                deprecated: read.deprecated || read.removed,
                history: read.history,
            })
            .collect();
        Body {
            attributes,
            groups: self.groups,
        }
    }
}

fn missing_error_line(
    heading: &str,
    span: Range<usize>,
    found: Option<Range<usize>>,
) -> Diagnostic {
    let mut diagnostic =
        Diagnostic::error(span, format!("reason `{heading}` has no `Error:` line"))
            .label("this reason")
            .help("follow the heading with a paragraph `Error: <message>. <explanation>`");
    if let Some(found) = found {
        diagnostic = diagnostic.related(found, "this paragraph does not start with `Error:`");
    }
    diagnostic
}

fn level_one_heading(span: Range<usize>, section: Section) -> Diagnostic {
    let (name, help) = match section {
        Section::Reasons => (
            "\"Possible reasons\"",
            "use `##` to start a new section, `###` for status groups and `####` for reasons",
        ),
        _ => (
            "the attributes",
            "use `##` to start a new section and `###` for attributes",
        ),
    };
    Diagnostic::error(span, format!("a level-1 heading inside {name}"))
        .label("this would end the section and drop everything after it")
        .help(help)
}

fn classify_section(level: u8, title: &str, id: Option<&str>) -> Section {
    if level < 2 {
        return Section::Ignored;
    }
    let title = title.trim().to_ascii_lowercase();
    if id == Some("reasons") || title == "possible reasons" {
        return Section::Reasons;
    }
    match title.as_str() {
        "attributes" | "required attributes" => Section::Attributes {
            all_optional: false,
        },
        "optional attributes" => Section::Attributes { all_optional: true },
        _ => Section::Ignored,
    }
}

enum StatusProblem {
    NoCode,
    OutOfRange(String),
    NoText,
}

impl StatusProblem {
    fn diagnostic(self, span: Range<usize>) -> Diagnostic {
        match self {
            StatusProblem::NoCode => {
                Diagnostic::error(span, "a status heading without a status code")
                    .label("expected `NNN - Text`")
                    .help("write status headings as `### 404 - Not found`")
            }
            StatusProblem::OutOfRange(code) => super::status_out_of_range(span, &code),
            StatusProblem::NoText => {
                Diagnostic::error(span, "a status heading without status text")
                    .label("expected `NNN - Text`")
                    .help("add the status text after the code, as in `### 404 - Not found`")
            }
        }
    }
}

/// `404 - Not found` → (404, "Not found").
fn parse_status(heading: &str) -> Result<(u16, String), StatusProblem> {
    let heading = heading.trim();
    let digits = heading.len()
        - heading
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    if digits == 0 {
        return Err(StatusProblem::NoCode);
    }
    let (code_text, rest) = heading.split_at(digits);
    let code = code_text
        .parse::<u16>()
        .ok()
        .filter(|code| (100..=599).contains(code))
        .ok_or_else(|| StatusProblem::OutOfRange(code_text.to_owned()))?;
    let text = rest
        .trim_start()
        .strip_prefix(['-', '–', '—', ':'])
        .unwrap_or(rest)
        .trim();
    if text.is_empty() {
        return Err(StatusProblem::NoText);
    }
    Ok((code, text.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_headings_split_into_code_and_text() {
        assert_eq!(
            parse_status("404 - Not found").ok(),
            Some((404, "Not found".into()))
        );
        assert!(matches!(
            parse_status("Not found"),
            Err(StatusProblem::NoCode)
        ));
        assert!(matches!(
            parse_status("999 - Odd"),
            Err(StatusProblem::OutOfRange(_))
        ));
        assert!(matches!(parse_status("404"), Err(StatusProblem::NoText)));
    }
}
