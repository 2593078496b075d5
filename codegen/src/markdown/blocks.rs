//! Flattens pulldown-cmark's event stream into the top-level blocks the page
//! structure is read from: headings and paragraphs, with their inline runs.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

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
            not(feature = "markdown-methods"),
            expect(dead_code, reason = "only method pages' examples have a language")
        )]
        info: String,
    },
    /// Lists, quotes, HTML, rules, tables: nothing we read.
    Other,
}

#[derive(Debug)]
pub(crate) struct Block {
    pub kind: BlockKind,
    pub span: Range<usize>,
    pub runs: Vec<Run>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RunKind {
    Text,
    Code,
    /// A soft or hard line break.
    Break,
    Link {
        url: String,
    },
}

#[derive(Debug, Clone)]
pub(crate) struct Run {
    pub kind: RunKind,
    pub text: String,
    pub span: Range<usize>,
    pub strong: bool,
}

impl Block {
    /// A code block's content, as written.
    #[cfg(feature = "markdown-methods")]
    pub fn code_text(&self) -> String {
        self.runs.iter().map(|run| run.text.as_str()).collect()
    }

    /// The block's text with code spans unquoted and breaks as spaces.
    pub fn plain_text(&self) -> String {
        self.runs
            .iter()
            .map(|run| match run.kind {
                RunKind::Break => " ",
                _ => run.text.as_str(),
            })
            .collect()
    }
}

/// Parses `body` (which starts at byte `offset` of the page) into blocks
/// whose spans are page offsets.
pub(crate) fn parse(body: &str, offset: usize) -> Vec<Block> {
    let parser = Parser::new_ext(body, Options::ENABLE_HEADING_ATTRIBUTES).into_offset_iter();
    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    // Nesting depth of container blocks, so nested paragraphs stay "Other".
    let mut depth = 0usize;
    let mut strong = 0usize;
    let mut link: Option<(String, String, Range<usize>)> = None;

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
                    });
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
    if kind == RunKind::Text
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
