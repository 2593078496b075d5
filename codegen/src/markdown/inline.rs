//! Reading inside a block: heading text and markers, labelled attribute
//! fields, and `Error: <message>. <explanation>` lines.

use std::ops::{Not, Range};

use super::blocks::Block;
use super::runs::{Run, RunKind, collapse_whitespace, explanation};
use crate::model::Inline;

pub(crate) struct Heading {
    /// The heading as a reader sees it, without markers or `{#anchor}`.
    pub text: String,
    /// Set when the heading is just a code span: ### `error_description`.
    pub code_name: Option<String>,
    /// Every code span, in order.
    pub code_spans: Vec<String>,
    /// The text outside code spans, markers stripped; `None` when the
    /// heading holds a link. What recovers a malformed attribute heading.
    pub plain_rest: Option<String>,
    pub markers: Vec<Marker>,
}

/// A Hugo shortcode used as a flag in a heading, e.g. `{{%optional%}}`.
pub(crate) struct Marker {
    pub name: String,
    pub span: Range<usize>,
}

pub(crate) fn heading(block: &Block) -> Heading {
    labelled_runs(&block.runs)
}

/// A heading, a list item or a table cell read as a heading is: its text
/// without markers, and its one code span when it is nothing else.
pub(crate) fn labelled_runs(runs: &[Run]) -> Heading {
    let mut text = String::new();
    let mut markers = Vec::new();
    let mut code_names = Vec::new();
    let mut other_text = false;
    let mut plain_rest = Some(String::new());
    for run in runs {
        match &run.kind {
            RunKind::Text => {
                let stripped = strip_shortcodes(run, &mut markers);
                other_text |= !stripped.trim().is_empty();
                text.push_str(&stripped);
                if let Some(rest) = &mut plain_rest {
                    rest.push_str(&stripped);
                }
            }
            RunKind::Code => {
                code_names.push(run.text.clone());
                text.push_str(&run.text);
            }
            RunKind::Link { .. } => {
                other_text = true;
                text.push_str(&run.text);
                plain_rest = None;
            }
            RunKind::Break => text.push(' '),
        }
    }
    let code_name = match (code_names.as_slice(), other_text) {
        ([name], false) => Some(name.trim().to_owned()),
        _ => None,
    };
    Heading {
        text: collapse_whitespace(&text),
        code_name,
        code_spans: code_names,
        plain_rest,
        markers,
    }
}

/// Removes `{{% name %}}` and `{{< name >}}` from a run, recording each.
fn strip_shortcodes(run: &Run, markers: &mut Vec<Marker>) -> String {
    let mut out = String::new();
    let mut rest = run.text.as_str();
    let mut consumed = 0;
    // Offsets map one-to-one only when the run's text is its source text.
    let exact = run.text.len() == run.span.len();
    while let Some(open) = rest.find("{{") {
        let close_pattern = match rest[open + 2..].chars().next() {
            Some('%') => "%}}",
            Some('<') => ">}}",
            _ => "}}",
        };
        let Some(close) = rest[open..].find(close_pattern) else {
            break;
        };
        let close = open + close + close_pattern.len();
        let inner = rest[open + 2..close - 2].trim_matches(['%', '<', '>', ' ']);
        let name = inner
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_owned();
        let span = if exact {
            run.span.start + consumed + open..run.span.start + consumed + close
        } else {
            run.span.clone()
        };
        markers.push(Marker { name, span });
        out.push_str(&rest[..open]);
        consumed += close;
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

pub(crate) struct LabelledField {
    pub label: String,
    pub label_span: Range<usize>,
    pub value: String,
    pub value_span: Range<usize>,
    /// The code spans in the value, unquoted: `write:statuses`.
    pub code: Vec<String>,
    /// The texts of the links in the value: `Account` for an entity link.
    pub links: Vec<String>,
    /// The value's runs as written, links and their targets included, for
    /// [`explanation`] to read.
    pub runs: Vec<Run>,
}

/// Splits `**Label:** value` pairs. A label is bold text ending in `:` at the
/// start of a line; the 2020 layout separates fields with soft breaks only.
pub(crate) fn labelled_fields(block: &Block) -> Vec<LabelledField> {
    let mut fields: Vec<LabelledField> = Vec::new();
    let mut at_line_start = true;
    let mut runs = block.runs.iter().peekable();
    while let Some(run) = runs.next() {
        if run.strong && at_line_start && run.kind != RunKind::Break {
            let mut label = run.text.clone();
            let mut label_span = run.span.clone();
            while let Some(next) = runs.peek().filter(|r| r.strong && r.kind != RunKind::Break) {
                label.push_str(&next.text);
                label_span.end = next.span.end;
                runs.next();
            }
            // `**Label:**`, or `**Label**:` with the colon outside the bold.
            let colon_after = label.trim_end().ends_with(':').not()
                && runs.peek().is_some_and(|next| {
                    next.kind == RunKind::Text && !next.strong && next.text.starts_with(':')
                });
            let after = if colon_after { runs.next() } else { None };
            if colon_after {
                label.push(':');
            }
            if let Some(label) = label.trim().strip_suffix(':') {
                fields.push(LabelledField {
                    label: label.trim().to_owned(),
                    label_span: label_span.clone(),
                    value: String::new(),
                    value_span: label_span.end..label_span.end,
                    code: Vec::new(),
                    links: Vec::new(),
                    runs: Vec::new(),
                });
                if let Some(after) = after {
                    let rest = Run {
                        kind: RunKind::Text,
                        text: after.text[1..].to_owned(),
                        span: after.span.start + 1..after.span.end,
                        strong: false,
                    };
                    push_value(&mut fields, &rest.text, rest.span.clone());
                    push_run(&mut fields, rest);
                }
                at_line_start = false;
                continue;
            }
            push_value(&mut fields, &label, label_span.clone());
            push_run(
                &mut fields,
                Run {
                    kind: RunKind::Text,
                    text: label,
                    span: label_span,
                    strong: true,
                },
            );
            at_line_start = false;
            continue;
        }
        match run.kind {
            RunKind::Break => {
                push_value(&mut fields, "\n", run.span.clone());
                at_line_start = true;
            }
            _ => {
                if run.kind == RunKind::Code
                    && let Some(field) = fields.last_mut()
                {
                    field.code.push(run.text.clone());
                }
                if matches!(run.kind, RunKind::Link { .. })
                    && let Some(field) = fields.last_mut()
                {
                    field.links.push(run.text.clone());
                }
                push_value(&mut fields, &run.text, run.span.clone());
                at_line_start &= run.text.trim().is_empty();
            }
        }
        push_run(&mut fields, run.clone());
    }
    for field in &mut fields {
        field.value = field
            .value
            .lines()
            .map(collapse_whitespace)
            .filter(|line| !line.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
    }
    fields
}

fn push_run(fields: &mut [LabelledField], run: Run) {
    if let Some(field) = fields.last_mut() {
        field.runs.push(run);
    }
}

fn push_value(fields: &mut [LabelledField], text: &str, span: Range<usize>) {
    let Some(field) = fields.last_mut() else {
        return;
    };
    let content = text.trim();
    if !content.is_empty() {
        // Point at the words themselves, not the spaces or line break around
        // them; that is only knowable when the run is its own source text.
        let (start, end) = if text.len() == span.len() {
            let start = span.start + text.len() - text.trim_start().len();
            (start, start + content.len())
        } else {
            (span.start, span.end)
        };
        if field.value.trim().is_empty() {
            field.value_span.start = start;
        }
        field.value_span.end = end;
    }
    field.value.push_str(text);
}

pub(crate) struct ErrorLine {
    pub message: String,
    pub message_span: Range<usize>,
    pub explanation: Vec<Inline>,
}

const ERROR_LABEL: &str = "Error:";

/// Reads `Error: <message>. <explanation>`. The message runs to the first
/// period that ends a sentence: one followed by white space or the end.
pub(crate) fn error_line(block: &Block) -> Option<ErrorLine> {
    let first = block.runs.first()?;
    if first.kind != RunKind::Text {
        return None;
    }
    let leading = first.text.len() - first.text.trim_start().len();
    let after_label = first.text.trim_start().strip_prefix(ERROR_LABEL)?;
    let label_end = leading + ERROR_LABEL.len();
    let message_start = label_end + (after_label.len() - after_label.trim_start().len());
    let exact = first.text.len() == first.span.len();

    let mut message = String::new();
    let mut rest_runs: Vec<Run> = Vec::new();
    let mut message_end_in_first = None;
    for (index, run) in block.runs.iter().enumerate() {
        let text = if index == 0 {
            &run.text[message_start..]
        } else {
            run.text.as_str()
        };
        let next_is_break_or_end = block
            .runs
            .get(index + 1)
            .is_none_or(|next| next.kind == RunKind::Break);
        let end = match run.kind {
            RunKind::Break => None,
            _ => sentence_end(text, next_is_break_or_end),
        };
        let Some(period) = end else {
            match run.kind {
                RunKind::Break => message.push(' '),
                _ => message.push_str(text),
            }
            continue;
        };
        message.push_str(&text[..period]);
        if index == 0 {
            message_end_in_first = Some(message_start + period);
        }
        let remainder = text[period + 1..].to_owned();
        if !remainder.is_empty() {
            rest_runs.push(Run {
                kind: run.kind.clone(),
                text: remainder,
                span: run.span.clone(),
                strong: run.strong,
            });
        }
        rest_runs.extend(block.runs[index + 1..].iter().cloned());
        break;
    }
    let message_span = match (exact, message_end_in_first) {
        (true, Some(end)) => first.span.start + message_start..first.span.start + end,
        (true, None) => first.span.start + message_start..first.span.end,
        _ => first.span.clone(),
    };
    Some(ErrorLine {
        message: collapse_whitespace(&message),
        message_span,
        explanation: explanation(&rest_runs),
    })
}

/// The byte index of a sentence-ending period in `text`, if any.
fn sentence_end(text: &str, at_end_of_line: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().find_map(|(i, &b)| {
        let ends = match bytes.get(i + 1) {
            Some(next) => next.is_ascii_whitespace(),
            None => at_end_of_line,
        };
        (b == b'.' && ends).then_some(i)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_end_needs_whitespace_or_line_end() {
        assert_eq!(sentence_end("Record not found. Appears", false), Some(16));
        assert_eq!(sentence_end("entity.operates", true), None);
        assert_eq!(sentence_end("done.", true), Some(4));
        assert_eq!(sentence_end("done.", false), None);
    }
}
