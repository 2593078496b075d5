//! Loading a spec file into text that every later stage can point into.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Errors};

/// Inputs above this size are refused before parsing: the real page is about
/// 4 KiB, and a build script should not spend seconds on a runaway file.
pub const MAX_SPEC_BYTES: usize = 8 * 1024 * 1024;

/// A spec's text, its display name and a line index for `line:col` positions.
///
/// CRLF line endings are folded to LF on load, so both give the same output
/// and the same line numbers; columns are counted in characters.
#[derive(Debug, Clone)]
pub struct Source {
    name: String,
    text: String,
    line_starts: Vec<usize>,
}

impl Source {
    /// Wraps in-memory text. `name` is what diagnostics and the generated
    /// header call the file; keep it relative so output is the same on every machine.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let mut text = text.into();
        if text.contains('\r') {
            text = text.replace("\r\n", "\n");
        }
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Source {
            name: name.into(),
            text,
            line_starts,
        }
    }

    /// Reads `path` from disk, refusing what no page could be: missing files,
    /// oversized or non-UTF-8 content, and byte-order marks.
    pub fn read(path: &Path) -> Result<Self, Errors> {
        let name = display_path(path);
        let bytes = std::fs::read(path).map_err(|err| {
            let help = if err.kind() == std::io::ErrorKind::NotFound {
                "check the path; relative paths are resolved from the current directory (in build.rs, the crate root)"
            } else {
                "check that the file is readable"
            };
            Errors::single(
                Source::new(name.clone(), String::new()),
                Diagnostic::error(0..0, format!("cannot read `{name}`: {err}")).help(help),
            )
        })?;
        Self::from_bytes(name, bytes)
    }

    /// Decodes bytes read from somewhere, with the same checks as [`Source::read`].
    pub fn from_bytes(name: impl Into<String>, bytes: Vec<u8>) -> Result<Self, Errors> {
        let name = name.into();
        if bytes.len() > MAX_SPEC_BYTES {
            return Err(Errors::single(
                Source::new(name, String::new()),
                Diagnostic::error(
                    0..0,
                    format!(
                        "the file is {} bytes, over the {} byte limit for a spec",
                        bytes.len(),
                        MAX_SPEC_BYTES
                    ),
                )
                .help("point the generator at the Error entity page itself; it is a few KiB"),
            ));
        }
        if bytes.starts_with(b"\xEF\xBB\xBF") {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            return Err(Errors::single(
                Source::new(name, text),
                Diagnostic::error(0..3, "the file starts with a UTF-8 byte-order mark")
                    .label("byte-order mark")
                    .help("save the file as UTF-8 without a BOM"),
            ));
        }
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Source::new(name, text)),
            Err(err) => {
                let valid_up_to = err.utf8_error().valid_up_to();
                let bad_len = err.utf8_error().error_len().unwrap_or(1);
                let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
                // Lossy decoding keeps the valid prefix byte-for-byte, so the
                // offset still points at the first bad byte, which is now U+FFFD.
                let replacement = char::REPLACEMENT_CHARACTER.len_utf8();
                Err(Errors::single(
                    Source::new(name, text),
                    Diagnostic::error(
                        valid_up_to..valid_up_to + replacement,
                        format!(
                            "the file is not valid UTF-8: {bad_len} invalid byte(s) at byte offset {valid_up_to}"
                        ),
                    )
                    .label("invalid UTF-8")
                    .help("re-encode the file as UTF-8"),
                ))
            }
        }
    }

    /// The name given to diagnostics and the generated header.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The text, with CRLF folded to LF.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// 1-based line and character column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let col = self.text[start..floor_char_boundary(&self.text, offset)]
            .chars()
            .count();
        (line + 1, col + 1)
    }

    /// The byte range of the whole lines that `span` touches, for snippets.
    #[cfg(feature = "snippets")]
    pub(crate) fn line_range(
        &self,
        span: &std::ops::Range<usize>,
    ) -> (usize, std::ops::Range<usize>) {
        let first = self
            .line_starts
            .partition_point(|&start| start <= span.start.min(self.text.len()))
            - 1;
        let last_offset = span.end.max(span.start).min(self.text.len());
        let last = self
            .line_starts
            .partition_point(|&start| start <= last_offset)
            - 1;
        let start = self.line_starts[first];
        let end = self
            .line_starts
            .get(last + 1)
            .map_or(self.text.len(), |&next| next.saturating_sub(1).max(start));
        (first + 1, start..end.max(start))
    }
}

/// Paths are shown with `/` so messages and headers read the same on every OS.
pub(crate) fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

pub(crate) fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

pub(crate) fn ceil_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_from_one() {
        let source = Source::new("x.md", "ab\nçd\n");
        assert_eq!(source.line_col(0), (1, 1));
        assert_eq!(source.line_col(3), (2, 1));
        assert_eq!(source.line_col(5), (2, 2));
        assert_eq!(source.line_col(100), (3, 1));
    }

    #[test]
    fn crlf_is_folded_to_lf() {
        let source = Source::new("x.md", "a\r\nb\r\n");
        assert_eq!(source.text(), "a\nb\n");
        assert_eq!(source.line_col(2), (2, 1));
    }
}
