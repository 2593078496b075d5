//! An explanation on its own, as the YAML copy holds it: inline Markdown
//! (text, `code`, [links](target)), with a blank line between paragraphs.
//!
//! The copy is on the build path, so its explanations are read here without
//! the Markdown reader: paragraphs of text, code spans and inline links, the
//! CommonMark that [`write`] writes. What it cannot read for certain
//! (emphasis, HTML, entities, images, link titles, a line that could open a
//! block) is refused, never guessed; a test reads random text with both
//! readers, and wherever this one reads, the two agree. The runs it builds go
//! through the same conversion as the pages' ([`super::runs::explanation`]).

use std::ops::Range;

use super::runs::{self, Run, RunKind};
#[cfg(feature = "tools")]
use crate::commonmark::{self, Invisible};
use crate::model::Inline;

/// What [`read`] cannot read for certain, and where in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unread {
    pub at: Range<usize>,
    /// What CommonMark would make of it: `emphasis`, `a heading or list`.
    pub what: &'static str,
}

/// Reads an explanation: paragraphs separated by blank lines, each of text
/// (with backslash escapes), code spans and inline links.
pub(crate) fn read(text: &str) -> Result<Vec<Inline>, Unread> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut explanation = Vec::new();
    let mut paragraph: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        if line.trim_matches([' ', '\t']).is_empty() {
            read_paragraph(&text, &paragraph, &mut explanation)?;
            paragraph.clear();
        } else {
            paragraph.push((at, line));
        }
        at += line.len() + 1;
    }
    read_paragraph(&text, &paragraph, &mut explanation)?;
    Ok(explanation)
}

/// Appends one paragraph, given as its lines with their offsets.
fn read_paragraph(
    text: &str,
    lines: &[(usize, &str)],
    explanation: &mut Vec<Inline>,
) -> Result<(), Unread> {
    let Some((first_at, first)) = lines.first() else {
        return Ok(());
    };
    let indent = first.len() - first.trim_start_matches(' ').len();
    if indent >= 4 || first[indent..].starts_with('\t') {
        return Err(Unread {
            at: *first_at..first_at + first.len(),
            what: "an indented code block",
        });
    }
    // `[label]: destination` opening a paragraph defines a link, and is no text.
    if defines_link(lines) {
        return Err(Unread {
            at: *first_at..first_at + first.len(),
            what: "a link reference definition",
        });
    }
    // CommonMark strips each line's leading white space; the content keeps
    // its offsets so a refusal points into the text.
    let mut content = String::new();
    let mut offsets = Vec::new();
    for (index, (at, line)) in lines.iter().enumerate() {
        let stripped = line.trim_start_matches([' ', '\t']);
        let start = at + line.len() - stripped.len();
        if let Some(what) = opens_block(stripped) {
            return Err(Unread {
                at: start..at + line.len(),
                what,
            });
        }
        if index > 0 {
            content.push('\n');
            offsets.push(at - 1);
        }
        content.push_str(stripped);
        offsets.extend((0..stripped.len()).map(|byte| start + byte));
    }
    offsets.push(text.len());
    let content = content.trim_end_matches([' ', '\t']);
    let runs = Inlines {
        text: content,
        offsets: &offsets,
        runs: Vec::new(),
        pending: String::new(),
    }
    .read()?;
    runs::append_paragraph(explanation, runs::explanation(&runs));
    Ok(())
}

/// Whether a paragraph of `lines` may be a link reference definition: `[`,
/// a label without brackets, then `]:`.
fn defines_link(lines: &[(usize, &str)]) -> bool {
    let joined: Vec<&str> = lines.iter().map(|(_, line)| *line).collect();
    let joined = joined.join("\n");
    let label = joined.trim_start_matches([' ', '\t']);
    if !label.starts_with('[') {
        return false;
    }
    let bytes = label.as_bytes();
    let mut index = 1;
    while let Some(&byte) = bytes.get(index) {
        match byte {
            b'\\' => index += 2,
            b'[' => return false,
            b']' => return bytes.get(index + 1) == Some(&b':'),
            _ => index += 1,
        }
    }
    false
}

/// What a line would open in CommonMark, when it may open anything but
/// paragraph text: `#`, `-`, `+`, `=`, `>`, a fence, `1.` or `1)`. The writer
/// escapes each of these with `\\`; `*`, `_` and `<` are refused wherever
/// they stand.
fn opens_block(line: &str) -> Option<&'static str> {
    let first = line.chars().next()?;
    // A backtick fence's info string holds no backtick.
    let fence = backtick_run(line) >= 3 && !line.trim_start_matches('`').contains('`');
    if matches!(first, '#' | '-' | '+' | '=' | '>') || fence || line.starts_with("~~~") {
        return Some("a line that may open a heading, list, quote, rule or fence");
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (digits > 0 && line[digits..].starts_with(['.', ')']))
        .then_some("a line that may open a numbered list")
}

/// One paragraph's inline content into runs.
struct Inlines<'a> {
    text: &'a str,
    /// The offset in the explanation of each byte of `text`, and its end.
    offsets: &'a [usize],
    runs: Vec<Run>,
    /// Text not yet pushed as a run.
    pending: String,
}

impl Inlines<'_> {
    fn read(mut self) -> Result<Vec<Run>, Unread> {
        let bytes = self.text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            at = match bytes[at] {
                b'\\' => self.escape(at),
                b'`' => self.code_span(at),
                b'[' => self.link(at)?,
                b'\n' => {
                    self.push(RunKind::Break, "\n".to_owned());
                    at + 1
                }
                b'*' => return Err(self.unread(at, at + 1, "emphasis")),
                b'_' if !self.intraword(at) => return Err(self.unread(at, at + 1, "emphasis")),
                b'<' if opens_html(bytes.get(at + 1)) => {
                    return Err(self.unread(at, at + 1, "an autolink or inline HTML"));
                }
                b'!' if bytes.get(at + 1) == Some(&b'[') => {
                    return Err(self.unread(at, at + 2, "an image"));
                }
                b'&' if entity_length(&self.text[at..]).is_some() => {
                    return Err(self.unread(at, at + 1, "an entity reference"));
                }
                _ => push_char(&mut self.pending, self.text, at),
            };
        }
        self.flush();
        Ok(self.runs)
    }

    fn unread(&self, start: usize, end: usize, what: &'static str) -> Unread {
        Unread {
            at: self.offsets[start]..self.offsets[end.min(self.text.len())],
            what,
        }
    }

    /// `_` between two letters or digits, which never delimits emphasis.
    fn intraword(&self, at: usize) -> bool {
        let before = self.text[..at].chars().next_back();
        let after = self.text[at + 1..].chars().next();
        before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric)
    }

    /// A backslash: an escaped punctuation character, a hard line break, or itself.
    fn escape(&mut self, at: usize) -> usize {
        match self.text.as_bytes().get(at + 1) {
            Some(&next) if next.is_ascii_punctuation() => {
                self.pending.push(char::from(next));
                at + 2
            }
            Some(b'\n') => {
                self.push(RunKind::Break, "\n".to_owned());
                at + 2
            }
            _ => {
                self.pending.push('\\');
                at + 1
            }
        }
    }

    /// A code span, or the backticks themselves when no run of the same
    /// length closes it.
    fn code_span(&mut self, at: usize) -> usize {
        let fence = backtick_run(&self.text[at..]);
        let body_start = at + fence;
        let mut search = body_start;
        while let Some(found) = self.text[search..].find('`') {
            let start = search + found;
            let run = backtick_run(&self.text[start..]);
            if run == fence {
                let body = self.text[body_start..start].replace('\n', " ");
                let stripped = match body.strip_prefix(' ').and_then(|b| b.strip_suffix(' ')) {
                    Some(inner) if !body.bytes().all(|b| b == b' ') => inner.to_owned(),
                    _ => body,
                };
                self.push(RunKind::Code, stripped);
                return start + run;
            }
            search = start + run;
        }
        self.pending.push_str(&self.text[at..body_start]);
        body_start
    }

    /// `[text](destination)`; a bracket that opens no link is text. Link
    /// text is plain text with escapes; anything more is refused.
    fn link(&mut self, at: usize) -> Result<usize, Unread> {
        let bytes = self.text.as_bytes();
        let mut link_text = String::new();
        let mut index = at + 1;
        let close = loop {
            match bytes.get(index) {
                None => {
                    self.pending.push('[');
                    return Ok(at + 1);
                }
                Some(b']') => break index,
                Some(b'\\') if bytes.get(index + 1).is_some_and(u8::is_ascii_punctuation) => {
                    link_text.push(char::from(bytes[index + 1]));
                    index += 2;
                }
                Some(b'[' | b'`' | b'*' | b'_' | b'<' | b'&' | b'\n') => {
                    // Whether this bracket opens a link decides what these mean.
                    return Err(self.unread(
                        at,
                        index + 1,
                        "a link whose text is more than plain text",
                    ));
                }
                Some(_) => index = push_char(&mut link_text, self.text, index),
            }
        };
        let Some(after) = self.text[close + 1..].strip_prefix('(') else {
            self.pending.push('[');
            return Ok(at + 1);
        };
        let dest_start = close + 2;
        match destination(after) {
            Destination::Link { url, length } => {
                self.push(RunKind::Link { url }, link_text);
                Ok(dest_start + length)
            }
            Destination::NotALink => {
                self.pending.push('[');
                Ok(at + 1)
            }
            Destination::Unsure(what) => Err(self.unread(at, close + 1, what)),
        }
    }

    fn push(&mut self, kind: RunKind, text: String) {
        self.flush();
        self.runs.push(Run {
            kind,
            text,
            span: 0..0,
            strong: false,
        });
    }

    fn flush(&mut self) {
        if !self.pending.is_empty() {
            let text = std::mem::take(&mut self.pending);
            self.runs.push(Run {
                kind: RunKind::Text,
                text,
                span: 0..0,
                strong: false,
            });
        }
    }
}

enum Destination {
    /// The destination, unescaped, and the bytes read through the closing `)`.
    Link {
        url: String,
        length: usize,
    },
    /// CommonMark reads the bracket as text.
    NotALink,
    Unsure(&'static str),
}

/// A link's destination and closing parenthesis, after the opening one.
fn destination(after: &str) -> Destination {
    let bytes = after.as_bytes();
    let mut url = String::new();
    let mut index = 0;
    if bytes.first() == Some(&b'<') {
        index = 1;
        loop {
            match bytes.get(index) {
                None | Some(b'\n' | b'<') => return Destination::NotALink,
                Some(b'>') => {
                    index += 1;
                    break;
                }
                Some(b'\\') if bytes.get(index + 1).is_some_and(u8::is_ascii_punctuation) => {
                    url.push(char::from(bytes[index + 1]));
                    index += 2;
                }
                Some(b'&') if entity_length(&after[index..]).is_some() => {
                    return Destination::Unsure("an entity reference in a link");
                }
                // Code spans bind more tightly than links do.
                Some(b'`') => return Destination::Unsure("a backtick or `<` in a link"),
                Some(_) => index = push_char(&mut url, after, index),
            }
        }
    } else {
        let mut depth = 0usize;
        loop {
            match bytes.get(index) {
                None => return Destination::NotALink,
                Some(b')') if depth == 0 => break,
                Some(byte) if byte.is_ascii_whitespace() || byte.is_ascii_control() => break,
                Some(b'(') => {
                    depth += 1;
                    url.push('(');
                    index += 1;
                }
                Some(b')') => {
                    depth -= 1;
                    url.push(')');
                    index += 1;
                }
                Some(b'\\') if bytes.get(index + 1).is_some_and(u8::is_ascii_punctuation) => {
                    url.push(char::from(bytes[index + 1]));
                    index += 2;
                }
                Some(b'&') if entity_length(&after[index..]).is_some() => {
                    return Destination::Unsure("an entity reference in a link");
                }
                // Code spans, HTML and autolinks bind more tightly than links do.
                Some(b'`') => return Destination::Unsure("a backtick or `<` in a link"),
                Some(b'<') if opens_html(bytes.get(index + 1)) => {
                    return Destination::Unsure("a backtick or `<` in a link");
                }
                Some(_) => index = push_char(&mut url, after, index),
            }
        }
        if depth > 0 {
            return Destination::NotALink;
        }
    }
    let rest = &after[index..];
    let trimmed = rest.trim_start_matches([' ', '\t', '\n']);
    match trimmed.as_bytes().first() {
        Some(b')') => Destination::Link {
            url,
            length: index + (rest.len() - trimmed.len()) + 1,
        },
        Some(b'"' | b'\'' | b'(') if trimmed.len() < rest.len() => {
            Destination::Unsure("a link with a title")
        }
        _ => Destination::NotALink,
    }
}

/// Pushes the character at `index` of `text`; returns the index after it.
fn push_char(out: &mut String, text: &str, index: usize) -> usize {
    let end = text[index..]
        .char_indices()
        .nth(1)
        .map_or(text.len(), |(next, _)| index + next);
    out.push_str(&text[index..end]);
    end
}

/// Whether a `<` before `next` may open an HTML tag, comment or autolink:
/// before a letter, `/`, `!` or `?`. Before anything else it is text.
fn opens_html(next: Option<&u8>) -> bool {
    next.is_some_and(|next| next.is_ascii_alphabetic() || b"/!?".contains(next))
}

/// How many backticks open `text`.
fn backtick_run(text: &str) -> usize {
    text.len() - text.trim_start_matches('`').len()
}

/// The length of an entity or numeric character reference opening `text`
/// (`&amp;`, `&#38;`, `&#x26;`), which CommonMark decodes.
fn entity_length(text: &str) -> Option<usize> {
    let body = text.strip_prefix('&')?;
    let (digits, allowed): (&str, fn(&u8) -> bool) =
        if let Some(hex) = body.strip_prefix("#x").or_else(|| body.strip_prefix("#X")) {
            (hex, u8::is_ascii_hexdigit)
        } else if let Some(decimal) = body.strip_prefix('#') {
            (decimal, u8::is_ascii_digit)
        } else {
            (body, u8::is_ascii_alphanumeric)
        };
    let length = digits.bytes().take_while(allowed).count();
    (length > 0 && digits.as_bytes().get(length) == Some(&b';'))
        .then_some(text.len() - digits.len() + length + 1)
}

/// Writes an explanation as Markdown that [`read`] turns back into the same inlines.
#[cfg(feature = "tools")]
pub(crate) fn write(explanation: &[Inline]) -> String {
    let mut out = String::new();
    for inline in explanation {
        let at_line_start = out.is_empty() || out.ends_with('\n');
        match inline {
            Inline::Text(text) => {
                out.push_str(&commonmark::escape(text, at_line_start, Invisible::Keep));
            }
            Inline::Code(code) => out.push_str(&commonmark::code_span(code, Invisible::Keep)),
            Inline::Link { text, url } => {
                // `!` before a link makes it an image.
                if out.ends_with('!') {
                    out.pop();
                    out.push_str("\\!");
                }
                out.push('[');
                out.push_str(&commonmark::escape(text, false, Invisible::Keep));
                out.push_str("](");
                out.push_str(&link_destination(url));
                out.push(')');
            }
        }
    }
    out
}

/// A bare destination when that reads back unchanged, else the `<…>` form.
#[cfg(feature = "tools")]
fn link_destination(url: &str) -> String {
    let bare_ok = !url.is_empty()
        && url
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~/:#?=%+@!$'*,;".contains(&b));
    if bare_ok {
        return url.to_owned();
    }
    let mut out = String::from("<");
    for c in url.chars() {
        if matches!(c, '\\' | '<' | '>' | '&') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('>');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(text: &str) -> Inline {
        Inline::Text(text.to_owned())
    }

    #[cfg(feature = "tools")]
    #[track_caller]
    fn round_trips(explanation: Vec<Inline>) {
        let markdown = write(&explanation);
        assert_eq!(read(&markdown), Ok(explanation), "via {markdown:?}");
    }

    #[cfg(feature = "tools")]
    #[test]
    fn explanations_read_back_as_written() {
        round_trips(vec![text("Appears when a required parameter is missing.")]);
        round_trips(vec![
            text("See "),
            Inline::Link {
                text: "Rate limits".into(),
                url: "api/rate-limits".into(),
            },
            text(" for more."),
        ]);
        round_trips(vec![text(
            "# not a heading, *not* emphasis, [not] a link, &amp; <b>",
        )]);
        round_trips(vec![text("1. not a list\n\n- nor this\n\n> nor a quote")]);
        round_trips(vec![
            Inline::Code("a`b".into()),
            text(" and "),
            Inline::Code(" padded ".into()),
        ]);
        round_trips(vec![Inline::Link {
            text: "odd [target]".into(),
            url: "https://x.example/a b(c)<d>&amp;".into(),
        }]);
        round_trips(vec![text("back\\slash and rtl\u{202E}x")]);
    }

    #[test]
    fn paragraphs_are_separated_by_a_blank_line() {
        let read = read("First.\nstill first.\n\nSecond.").unwrap();
        assert_eq!(read, vec![text("First. still first.\n\nSecond.")]);
    }

    #[test]
    fn blocks_other_than_paragraphs_are_refused() {
        assert_eq!(
            read("Fine.\n\n# Heading").map_err(|unread| unread.at),
            Err(7..16)
        );
        assert!(read("- a list").is_err());
        assert!(read("    indented code").is_err());
        assert!(read("[x]: /url").is_err());
    }

    #[test]
    fn what_cannot_be_read_for_certain_is_refused() {
        for (text, what) in [
            ("a *b* c", "emphasis"),
            ("_b_", "emphasis"),
            ("a <b> c", "an autolink or inline HTML"),
            ("a &amp; b", "an entity reference"),
            ("![alt](x)", "an image"),
            ("[a](b \"title\")", "a link with a title"),
            ("[a `b`](c)", "a link whose text is more than plain text"),
        ] {
            assert_eq!(
                read(text).map_err(|unread| unread.what),
                Err(what),
                "{text:?}"
            );
        }
    }

    #[test]
    fn text_code_links_and_escapes_are_read() {
        assert_eq!(
            read("See [Rate limits](api/rate-limits), `x` and a\\_b & snake_case."),
            Ok(vec![
                text("See "),
                Inline::Link {
                    text: "Rate limits".into(),
                    url: "api/rate-limits".into()
                },
                text(", "),
                Inline::Code("x".into()),
                text(" and a_b & snake_case."),
            ])
        );
        // Hugo's `relref` is no CommonMark link: the conversion both readers share resolves it.
        assert_eq!(
            read(r#"See [limits]({{< relref "api/rate-limits" >}})."#),
            Ok(vec![
                text("See "),
                Inline::Link {
                    text: "limits".into(),
                    url: "api/rate-limits".into()
                },
                text("."),
            ])
        );
        assert_eq!(read("a ` b"), Ok(vec![text("a ` b")]));
        assert_eq!(read("[not a link] (x)"), Ok(vec![text("[not a link] (x)")]));
    }

    /// The Markdown pages' reader (pulldown-cmark), as the copy was read
    /// before: `None` for a block other than a paragraph.
    #[cfg(feature = "markdown-error")]
    fn read_with_pulldown(text: &str) -> Option<Vec<Inline>> {
        let mut explanation = Vec::new();
        for block in super::super::blocks::parse(text, 0) {
            match block.kind {
                super::super::blocks::BlockKind::Paragraph => {
                    runs::append_paragraph(&mut explanation, runs::explanation(&block.runs))
                }
                _ => return None,
            }
        }
        Some(explanation)
    }

    #[cfg(feature = "markdown-error")]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]

        /// Wherever the copy's reader reads, it reads what pulldown-cmark does.
        #[test]
        fn reads_as_pulldown_cmark_does_or_refuses(
            text in "([a-z_ `\\\\\\[\\]()<>*&#!.:;'\"{}%1\n\t-]|&amp;|\\{\\{< relref \"a\" >\\}\\}|https://x){0,40}"
        ) {
            if let Ok(read) = read(&text) {
                proptest::prop_assert_eq!(Some(read), read_with_pulldown(&text), "{:?}", text);
            }
        }

        /// Whatever the writer writes, the copy's reader reads back.
        #[cfg(feature = "tools")]
        #[test]
        fn reads_what_the_writer_writes(
            parts in proptest::collection::vec(
                (0u8..3, "[a-z_ `\\\\\\[\\]()<>*&#!.:;'\"{}%1-]{1,12}", "[a-z/:.()<> #-]{1,10}"),
                1..6
            )
        ) {
            // As the model holds it: adjacent text merged (the writer
            // escapes it as one), and no two code spans side by side (one
            // run of backticks in CommonMark; no page's reader makes them).
            let mut explanation: Vec<Inline> = Vec::new();
            for (kind, text, url) in parts {
                match (kind, explanation.last_mut()) {
                    (0, Some(Inline::Text(last))) => last.push_str(&text),
                    (0, _) => explanation.push(Inline::Text(text)),
                    (1, last) => {
                        if matches!(last, Some(Inline::Code(_))) {
                            explanation.push(Inline::Text(" ".into()));
                        }
                        explanation.push(Inline::Code(text));
                    }
                    _ => explanation.push(Inline::Link { text, url }),
                }
            }
            let written = write(&explanation);
            // What the model holds is what the pages' reader makes: compare
            // with it, not with the raw parts (it trims and merges text).
            let expected = read_with_pulldown(&written);
            proptest::prop_assert!(expected.is_some(), "{:?}", written);
            proptest::prop_assert_eq!(read(&written).ok(), expected, "{:?}", written);
        }
    }
}
