//! serde-saphyr's errors, restated as located diagnostics that say what the
//! schema expected and how to fix it.

use std::ops::Range;

use serde_saphyr::{Location, MessageFormatter, UserMessageFormatter};

use super::schema::{key_expects, mapping_name};
use crate::diagnostic::Diagnostic;
use crate::source::{Source, ceil_char_boundary};

/// The diagnostic for a document serde could not read.
pub(super) fn from_serde(source: &Source, error: &serde_saphyr::Error) -> Diagnostic {
    let span = error_span(source.text(), error);
    if let serde_saphyr::Error::SerdeUnknownField {
        field, expected, ..
    } = innermost(error)
    {
        return unknown_key(span, field, expected);
    }
    let message = error_message(error);
    let key = key_before(source.text(), span.start)
        .and_then(|key| key_expects(key).map(|expects| (key, expects)));
    match key {
        Some((key, expects)) if is_type_error(innermost(error)) => {
            Diagnostic::error(span, format!("invalid value for `{key}`: expected {expects}"))
                .label(message)
                .help(format!("give `{key}` {expects}; spec/README.md describes every key"))
        }
        _ if message.contains("found a tab") => {
            Diagnostic::error(span, format!("invalid YAML: {message}"))
                .help("indent with spaces: YAML does not allow tabs there")
        }
        _ => Diagnostic::error(span, format!("invalid YAML: {message}")).help(
            "fix the YAML here; spec/README.md describes the schema, and `mastodon-error-codegen export-yaml` writes a valid copy",
        ),
    }
}

/// What went wrong, without serde-saphyr's location suffix: we print our own.
pub(crate) fn error_message(error: &serde_saphyr::Error) -> String {
    UserMessageFormatter
        .format_message(innermost(error))
        .into_owned()
}

/// Where an error is, as a byte range of the `text` that was deserialized.
pub(crate) fn error_span(text: &str, error: &serde_saphyr::Error) -> Range<usize> {
    error
        .location()
        .map_or(0..0, |location| span_in(text, &location))
}

/// A well-formed value of the wrong kind, as opposed to malformed YAML.
fn is_type_error(error: &serde_saphyr::Error) -> bool {
    use serde_saphyr::Error as E;
    matches!(
        error,
        E::InvalidScalar { .. }
            | E::InvalidBooleanStrict { .. }
            | E::Unexpected { .. }
            | E::NullIntoString { .. }
            | E::SerdeInvalidType { .. }
            | E::SerdeInvalidValue { .. }
            | E::TaggedScalarCannotDeserializeIntoString { .. }
    )
}

/// The error itself, without the snippet and alias wrappers serde-saphyr adds.
fn innermost(error: &serde_saphyr::Error) -> &serde_saphyr::Error {
    match error.without_snippet() {
        serde_saphyr::Error::AliasError { error, .. } => innermost(error),
        other => other,
    }
}

/// A location's byte range in `text`, from its byte offsets when known,
/// else from its line and (character) column.
pub(crate) fn span_in(text: &str, location: &Location) -> Range<usize> {
    let span = location.span();
    if let (Some(start), Some(len)) = (span.byte_offset(), span.byte_len()) {
        let start = usize::try_from(start).unwrap_or(usize::MAX).min(text.len());
        let len = usize::try_from(len).unwrap_or(0);
        return start..ceil_char_boundary(text, start.saturating_add(len));
    }
    let line = usize::try_from(location.line()).unwrap_or(1).max(1);
    let column = usize::try_from(location.column()).unwrap_or(1).max(1);
    let line_start = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum::<usize>();
    let start = text[line_start.min(text.len())..]
        .char_indices()
        .nth(column - 1)
        .map_or(text.len(), |(at, _)| line_start + at);
    start..start
}

fn unknown_key(span: Range<usize>, key: &str, expected: &[&str]) -> Diagnostic {
    let mapping = expected
        .first()
        .map_or("this mapping", |first| mapping_name(first));
    let keys = expected
        .iter()
        .map(|key| format!("`{key}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let help = match closest(key, expected) {
        Some(suggestion) => format!("did you mean `{suggestion}`? {mapping} takes {keys}"),
        None => format!("{mapping} takes {keys}"),
    };
    Diagnostic::error(span, format!("unknown key `{key}` in {mapping}"))
        .label("not part of the schema")
        .help(help)
}

/// The expected key nearest to a misspelt one, if it is near enough to be a typo.
fn closest<'a>(key: &str, expected: &[&'a str]) -> Option<&'a str> {
    let key = key.to_ascii_lowercase();
    expected
        .iter()
        .map(|candidate| (edit_distance(&key, candidate), *candidate))
        .filter(|(distance, candidate)| *distance <= (candidate.len() / 3).max(1))
        .min()
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance, counted in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == *cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The key whose value starts at `offset`, when it is written on the same
/// line (`code: abc`, `- heading: x`), so a type error can say what it takes.
fn key_before(text: &str, offset: usize) -> Option<&str> {
    let offset = offset.min(text.len());
    let line_start = text[..offset].rfind('\n').map_or(0, |at| at + 1);
    let before = text.get(line_start..offset)?.trim_end();
    let key = before.strip_suffix(':')?.trim_start();
    let key = key.strip_prefix("- ").unwrap_or(key).trim();
    (!key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_their_key() {
        let expected = ["code", "text", "anchor", "message", "reasons"];
        assert_eq!(closest("txt", &expected), Some("text"));
        assert_eq!(closest("mesage", &expected), Some("message"));
        assert_eq!(closest("Reasons", &expected), Some("reasons"));
        assert_eq!(closest("colour", &expected), None);
    }

    #[test]
    fn keys_are_found_on_the_value_line() {
        let text = "groups:\n  - code: abc\n    optional: maybe\n";
        assert_eq!(key_before(text, text.find("abc").unwrap()), Some("code"));
        assert_eq!(
            key_before(text, text.find("maybe").unwrap()),
            Some("optional")
        );
        assert_eq!(key_before(text, 0), None);
    }
}
