//! Inline runs (text, code spans, links, line breaks) and what an
//! explanation makes of them. Both explanation readers build runs: the
//! Markdown pages' (over pulldown-cmark, in [`super::blocks`]) and the YAML
//! copy's (in [`super::explanation`], which the build path compiles alone),
//! so one conversion here gives both the same inlines.

use std::ops::Range;

use crate::model::Inline;

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
    // What a page's reader points at and reads labels by; an explanation
    // needs neither.
    #[cfg_attr(
        not(feature = "markdown-error"),
        expect(dead_code, reason = "read by the pages' readers")
    )]
    pub span: Range<usize>,
    #[cfg_attr(
        not(feature = "markdown-error"),
        expect(dead_code, reason = "read by the pages' readers")
    )]
    pub strong: bool,
}

/// Converts runs to explanation inlines, resolving Hugo `relref` links.
pub(crate) fn explanation(runs: &[Run]) -> Vec<Inline> {
    let mut inlines: Vec<Inline> = Vec::new();
    for run in runs {
        let inline = match &run.kind {
            RunKind::Text => Inline::Text(run.text.clone()),
            RunKind::Break => Inline::Text(" ".to_owned()),
            RunKind::Code => Inline::Code(run.text.clone()),
            RunKind::Link { url } => Inline::Link {
                text: run.text.clone(),
                url: url.clone(),
            },
        };
        push_merged(&mut inlines, inline);
    }
    let mut out = Vec::new();
    for inline in inlines {
        match inline {
            Inline::Text(text) => out.extend(resolve_shortcode_links(&collapse_inner(&text))),
            other => out.push(other),
        }
    }
    trim_inlines(&mut out);
    out
}

/// `[Rate limits]({{< relref "api/rate-limits" >}})` is not a CommonMark link
/// (its target has spaces); Hugo resolves it before Markdown runs, so do we.
fn resolve_shortcode_links(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some((link_text, target, consumed)) = parse_shortcode_link(&rest[open..]) else {
            push_merged(&mut out, Inline::Text(rest[..open + 1].to_owned()));
            rest = &rest[open + 1..];
            continue;
        };
        push_merged(&mut out, Inline::Text(rest[..open].to_owned()));
        out.push(Inline::Link {
            text: link_text.to_owned(),
            url: target.to_owned(),
        });
        rest = &rest[open + consumed..];
    }
    push_merged(&mut out, Inline::Text(rest.to_owned()));
    out
}

/// Adds a further paragraph to an explanation, after a blank line.
pub(crate) fn append_paragraph(explanation: &mut Vec<Inline>, paragraph: Vec<Inline>) {
    if paragraph.is_empty() {
        return;
    }
    if !explanation.is_empty() {
        push_merged(explanation, Inline::Text(PARAGRAPH_BREAK.to_owned()));
    }
    for inline in paragraph {
        push_merged(explanation, inline);
    }
}

/// How paragraphs are separated inside an explanation's text.
const PARAGRAPH_BREAK: &str = "\n\n";

/// Appends an inline, joining adjacent text and dropping empty text.
fn push_merged(inlines: &mut Vec<Inline>, inline: Inline) {
    match (inlines.last_mut(), inline) {
        (_, Inline::Text(text)) if text.is_empty() => {}
        (Some(Inline::Text(last)), Inline::Text(text)) => last.push_str(&text),
        (_, inline) => inlines.push(inline),
    }
}

/// Parses `[text]({{< relref "target" >}})` at the start of `text`.
fn parse_shortcode_link(text: &str) -> Option<(&str, &str, usize)> {
    let close = text.find("](")?;
    let link_text = &text[1..close];
    let after = &text[close + 2..];
    let inner_end = after.find(">}})")?;
    let target = shortcode_target(&after[..inner_end + ">}}".len()])?;
    let consumed = close + 2 + inner_end + ">}})".len();
    Some((link_text, target, consumed))
}

/// The target of a link written as a Hugo `{{< relref "target" >}}` (or
/// `ref`) shortcode: `api/rate-limits`. `None` for any other text.
pub(crate) fn shortcode_target(url: &str) -> Option<&str> {
    let inner = url.trim().strip_prefix("{{<")?.strip_suffix(">}}")?.trim();
    let target = inner
        .strip_prefix("relref")
        .or_else(|| inner.strip_prefix("ref"))?
        .trim()
        .trim_matches('"');
    Some(target)
}

fn trim_inlines(inlines: &mut Vec<Inline>) {
    if let Some(Inline::Text(first)) = inlines.first_mut() {
        *first = first.trim_start().to_owned();
    }
    if let Some(Inline::Text(last)) = inlines.last_mut() {
        *last = last.trim_end().to_owned();
    }
    inlines.retain(|inline| !matches!(inline, Inline::Text(text) if text.is_empty()));
}

pub(crate) fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Collapses inner white space but keeps a single leading or trailing space,
/// which separates text from a neighbouring code span or link.
fn collapse_inner(text: &str) -> String {
    let lead = text.starts_with(char::is_whitespace);
    let trail = text.ends_with(char::is_whitespace) && !text.trim().is_empty();
    let mut out = String::new();
    if lead {
        out.push(' ');
    }
    out.push_str(&collapse_whitespace(text));
    if trail {
        out.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relref_links_become_links() {
        let inlines = resolve_shortcode_links(
            r#"See [Rate limits]({{< relref "api/rate-limits" >}}) for more information."#,
        );
        assert_eq!(
            inlines,
            vec![
                Inline::Text("See ".into()),
                Inline::Link {
                    text: "Rate limits".into(),
                    url: "api/rate-limits".into()
                },
                Inline::Text(" for more information.".into()),
            ]
        );
        assert_eq!(
            resolve_shortcode_links("a [b] c"),
            vec![Inline::Text("a [b] c".into())]
        );
    }
}
