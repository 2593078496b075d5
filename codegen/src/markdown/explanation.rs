//! An explanation on its own, as the YAML copy holds it: inline Markdown
//! (text, `code`, [links](target)), with a blank line between paragraphs.
//!
//! Reading goes through the same block and inline readers as the page, so an
//! explanation means the same in either input; writing escapes just enough
//! for the text to read back identically.

use std::ops::Range;

use super::{blocks, inline};
#[cfg(feature = "tools")]
use crate::commonmark::{self, Invisible};
use crate::model::Inline;

/// Reads explanation Markdown. On failure, returns the byte range (within
/// `text`) of a block that is not a paragraph: a heading, list, quote or code block.
pub(crate) fn read(text: &str) -> Result<Vec<Inline>, Range<usize>> {
    let mut explanation = Vec::new();
    for block in blocks::parse(text, 0) {
        match block.kind {
            blocks::BlockKind::Paragraph => {
                inline::append_paragraph(&mut explanation, inline::explanation(&block.runs));
            }
            _ => return Err(block.span),
        }
    }
    Ok(explanation)
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
        assert_eq!(read("Fine.\n\n# Heading"), Err(7..16));
        assert!(read("- a list").is_err());
    }
}
