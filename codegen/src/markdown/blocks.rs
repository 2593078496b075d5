//! Flattens pulldown-cmark's event stream into the top-level blocks the page
//! structure is read from: headings, paragraphs, lists and tables, with their
//! inline runs. A list's items and a table's cells are kept as parts of the
//! block, each naming the runs it holds.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

pub(crate) use super::runs::{Run, RunKind};

#[derive(Debug)]
pub(crate) enum BlockKind {
    Heading {
        level: u8,
        id: Option<String>,
    },
    Paragraph,
    /// A fenced or indented code block; its text is in the runs.
    /// `info` is the fence's info string (`http`, `json`), empty if none.
    CodeBlock {
        #[cfg_attr(
            not(any(feature = "markdown-methods", feature = "markdown-entities")),
            expect(
                dead_code,
                reason = "only method and entity pages' examples have a language"
            )
        )]
        info: String,
    },
    /// A bullet or numbered list; its items are the block's parts.
    List,
    /// A pipe table; its cells are the block's parts, the header row first.
    Table,
    /// Quotes, HTML, rules: nothing we read.
    Other,
}

/// One list item or table cell of a [`BlockKind::List`] or [`BlockKind::Table`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Part {
    /// A table's row (0 is the header row), or a list item's index in
    /// document order, nested items included.
    pub row: usize,
    /// A table cell's column; 0 for a list item.
    pub column: usize,
    /// A list item's nesting: 0 for a top-level item, 1 under it, …
    pub depth: usize,
    /// The block's runs this part holds; a list item's own text, without
    /// the items nested in it.
    pub runs: Range<usize>,
}

#[derive(Debug)]
pub(crate) struct Block {
    pub kind: BlockKind,
    pub span: Range<usize>,
    pub runs: Vec<Run>,
    /// A list's items or a table's cells; empty for other blocks.
    pub parts: Vec<Part>,
}

impl Block {
    /// A code block's content, as written.
    #[cfg(any(feature = "markdown-methods", feature = "markdown-entities"))]
    pub fn code_text(&self) -> String {
        self.runs.iter().map(|run| run.text.as_str()).collect()
    }

    /// The block's text with code spans unquoted and breaks as spaces.
    pub fn plain_text(&self) -> String {
        plain_text(&self.runs)
    }

    /// The runs a part holds.
    #[cfg(feature = "markdown-api-pages")]
    pub fn part_runs(&self, part: &Part) -> &[Run] {
        &self.runs[part.runs.clone()]
    }
}

/// `runs` as text, with code spans unquoted and breaks as spaces.
pub(crate) fn plain_text(runs: &[Run]) -> String {
    runs.iter()
        .map(|run| match run.kind {
            RunKind::Break => " ",
            _ => run.text.as_str(),
        })
        .collect()
}

/// Parses `body` (which starts at byte `offset` of the page) into blocks
/// whose spans are page offsets. Pipe tables stay paragraphs, as the pages
/// that read no table have always read them.
pub(crate) fn parse(body: &str, offset: usize) -> Vec<Block> {
    parse_with(body, offset, Options::ENABLE_HEADING_ATTRIBUTES)
}

/// [`parse`], with pipe tables read as [`BlockKind::Table`].
#[cfg(feature = "markdown-api-pages")]
pub(crate) fn parse_with_tables(body: &str, offset: usize) -> Vec<Block> {
    parse_with(
        body,
        offset,
        Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_TABLES,
    )
}

fn parse_with(body: &str, offset: usize, options: Options) -> Vec<Block> {
    let parser = Parser::new_ext(body, options).into_offset_iter();
    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    // Nesting depth of container blocks, so nested paragraphs stay "Other".
    let mut depth = 0usize;
    let mut strong = 0usize;
    let mut link: Option<(String, String, Range<usize>)> = None;
    // The parts still open: list items, each with whether its own text has
    // ended (at a nested list), and the table row being read.
    let mut open_items: Vec<(usize, bool)> = Vec::new();
    let mut items = 0usize;
    let mut row = 0usize;
    let mut column = 0usize;

    for (event, range) in parser {
        let span = range.start + offset..range.end + offset;
        match event {
            Event::Start(tag) => {
                depth += 1;
                if depth == 1 {
                    let kind = match &tag {
                        Tag::Heading { level, id, .. } => BlockKind::Heading {
                            level: *level as u8,
                            id: id.as_ref().map(|id| id.to_string()),
                        },
                        Tag::Paragraph => BlockKind::Paragraph,
                        Tag::List(_) => BlockKind::List,
                        Tag::Table(_) => BlockKind::Table,
                        Tag::CodeBlock(kind) => BlockKind::CodeBlock {
                            info: match kind {
                                CodeBlockKind::Fenced(info) => info.trim().to_owned(),
                                CodeBlockKind::Indented => String::new(),
                            },
                        },
                        _ => BlockKind::Other,
                    };
                    current = Some(Block {
                        kind,
                        span: span.clone(),
                        runs: Vec::new(),
                        parts: Vec::new(),
                    });
                    (items, row, column) = (0, 0, 0);
                }
                if let Some(block) = &mut current {
                    let at = block.runs.len();
                    match &tag {
                        Tag::Item => {
                            block.parts.push(Part {
                                row: items,
                                column: 0,
                                depth: open_items.len(),
                                runs: at..at,
                            });
                            open_items.push((block.parts.len() - 1, false));
                            items += 1;
                        }
                        Tag::List(_) => end_own_text(block, &mut open_items),
                        Tag::TableRow => (row, column) = (row + 1, 0),
                        Tag::TableCell => block.parts.push(Part {
                            row,
                            column,
                            depth: 0,
                            runs: at..at,
                        }),
                        _ => {}
                    }
                }
                match tag {
                    Tag::Strong => strong += 1,
                    Tag::Link { dest_url, .. } => {
                        link = Some((dest_url.to_string(), String::new(), span));
                    }
                    _ => {}
                }
            }
            Event::End(end) => {
                if let Some(block) = &mut current {
                    match end {
                        TagEnd::Item => {
                            end_own_text(block, &mut open_items);
                            open_items.pop();
                        }
                        TagEnd::TableCell => {
                            let at = block.runs.len();
                            if let Some(cell) = block.parts.last_mut() {
                                cell.runs.end = at;
                            }
                            column += 1;
                        }
                        _ => {}
                    }
                }
                match end {
                    TagEnd::Strong => strong = strong.saturating_sub(1),
                    TagEnd::Link => {
                        if let (Some((url, text, span)), Some(block)) = (link.take(), &mut current)
                        {
                            block.runs.push(Run {
                                kind: RunKind::Link { url },
                                text,
                                span,
                                strong: strong > 0,
                            });
                        }
                    }
                    _ => {}
                }
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    blocks.extend(current.take());
                }
            }
            Event::Text(text) | Event::Code(text) if link.is_some() => {
                if let Some((_, link_text, _)) = &mut link {
                    link_text.push_str(&text);
                }
            }
            Event::Text(text) => push_run(&mut current, RunKind::Text, &text, span, strong),
            Event::Code(text) => push_run(&mut current, RunKind::Code, &text, span, strong),
            Event::SoftBreak | Event::HardBreak => {
                push_run(&mut current, RunKind::Break, "\n", span, strong);
            }
            Event::InlineHtml(html) | Event::Html(html) => {
                push_run(&mut current, RunKind::Text, &html, span, strong);
            }
            _ => {}
        }
    }
    blocks
}

/// Ends the own text of the innermost open list item, if it has not ended:
/// at a list nested in it, or at its end.
fn end_own_text(block: &mut Block, open_items: &mut [(usize, bool)]) {
    if let Some((part, ended)) = open_items.last_mut()
        && !*ended
    {
        block.parts[*part].runs.end = block.runs.len();
        *ended = true;
    }
}

fn push_run(
    current: &mut Option<Block>,
    kind: RunKind,
    text: &str,
    span: Range<usize>,
    strong: usize,
) {
    let Some(block) = current else { return };
    // pulldown-cmark splits text at escapes and special characters; merging
    // adjacent text keeps `require\_authenticated\_user!` one run.
    // A list item or cell that starts here starts a run of its own.
    let part_starts = block
        .parts
        .last()
        .is_some_and(|part| part.runs.start == block.runs.len());
    if kind == RunKind::Text
        && !part_starts
        && let Some(last) = block.runs.last_mut()
        && last.kind == RunKind::Text
        && last.strong == (strong > 0)
    {
        last.text.push_str(text);
        last.span.end = span.end;
        return;
    }
    block.runs.push(Run {
        kind,
        text: text.to_owned(),
        span,
        strong: strong > 0,
    });
}
