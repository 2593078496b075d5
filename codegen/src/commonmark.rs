//! Writing text so that a CommonMark reader shows exactly that text.
//!
//! Two readers consume what we write: rustdoc (the generated docs) and our
//! own Markdown reader (explanations in the YAML copy). Both are CommonMark,
//! so one escaper serves both; only the treatment of invisible characters
//! differs.

/// What to do with control and bidirectional-override characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Invisible {
    /// Keep them, so the text reads back byte for byte.
    #[cfg(feature = "tools")]
    Keep,
    /// Write them as visible `\u{…}` escapes, as rustc requires in doc comments.
    MakeVisible,
}

/// ASCII punctuation that means something inside a CommonMark line, or in
/// rustdoc's extensions (`|` tables, `~` strikethrough).
const INLINE_SPECIAL: &str = "\\`*_[]<>|&~";

/// Escapes `text` so it reads back literally. `at_line_start` says whether the
/// text opens a line, where `#`, `-`, `1.` and the like would start a block;
/// every line after a newline in `text` opens one regardless.
pub(crate) fn escape(text: &str, at_line_start: bool, invisible: Invisible) -> String {
    let mut out = String::with_capacity(text.len());
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let block_marker = if at_line_start || index > 0 {
            block_marker(line)
        } else {
            None
        };
        for (at, c) in line.char_indices() {
            if Some(at) == block_marker || INLINE_SPECIAL.contains(c) {
                out.push('\\');
            }
            push_char(&mut out, c, invisible);
        }
    }
    out
}

/// Where a backslash stops a line from starting a Markdown block (heading,
/// list, quote, rule, fence): before `#`, `-`, …, or before the `.` of `1.`.
fn block_marker(line: &str) -> Option<usize> {
    let indent = line.len() - line.trim_start().len();
    let trimmed = &line[indent..];
    // `>`, `*`, `_`, `` ` `` and `~` are escaped wherever they stand.
    if trimmed.starts_with(['#', '-', '+', '=']) {
        return Some(indent);
    }
    let digits = trimmed.len()
        - trimmed
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    (digits > 0 && trimmed[digits..].starts_with(['.', ')'])).then_some(indent + digits)
}

/// A code span showing `text` exactly, whatever backticks or spaces it holds.
/// CommonMark cannot write an empty code span; callers decide what to show.
pub(crate) fn code_span(text: &str, invisible: Invisible) -> String {
    let longest_run = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    // A reader strips one space from each end when both ends have one, and a
    // backtick at either end would merge with the fence: pad in both cases.
    let all_spaces = text.bytes().all(|b| b == b' ');
    let pad = if text.starts_with('`')
        || text.ends_with('`')
        || (!all_spaces && text.starts_with(' ') && text.ends_with(' '))
    {
        " "
    } else {
        ""
    };
    let mut body = String::with_capacity(text.len());
    for c in text.chars() {
        push_char(&mut body, c, invisible);
    }
    format!("{fence}{pad}{body}{pad}{fence}")
}

fn push_char(out: &mut String, c: char, invisible: Invisible) {
    let bidi = matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if invisible == Invisible::MakeVisible && (bidi || (c.is_control() && c != '\t')) {
        out.push_str(&format!("\\u{{{:04X}}}", c as u32));
    } else {
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHOW: Invisible = Invisible::MakeVisible;

    #[test]
    fn escaping_keeps_text_literal() {
        assert_eq!(
            escape("a_b *c* [d] <e> &amp;", true, SHOW),
            "a\\_b \\*c\\* \\[d\\] \\<e\\> \\&amp;"
        );
        assert_eq!(escape("# not a heading", true, SHOW), "\\# not a heading");
        assert_eq!(escape("1. not a list", true, SHOW), "1\\. not a list");
        assert_eq!(escape("a # b", false, SHOW), "a # b");
        assert_eq!(escape("x\n\n- y", false, SHOW), "x\n\n\\- y");
        assert_eq!(escape("rtl\u{202E}x", true, SHOW), "rtl\\u{202E}x");
    }

    #[cfg(feature = "tools")]
    #[test]
    fn keeping_invisible_characters_keeps_them() {
        assert_eq!(
            escape("rtl\u{202E}x", true, Invisible::Keep),
            "rtl\u{202E}x"
        );
    }

    #[test]
    fn code_spans_survive_backticks_and_spaces() {
        assert_eq!(code_span("x", SHOW), "`x`");
        assert_eq!(code_span("a`b", SHOW), "``a`b``");
        assert_eq!(code_span("`a", SHOW), "`` `a ``");
        assert_eq!(code_span(" a ", SHOW), "`  a  `");
        assert_eq!(code_span("  ", SHOW), "`  `");
    }
}
