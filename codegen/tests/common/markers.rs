//! Sections of the docs that a test writes, between two HTML comments: like
//! rust-analyzer's `ensure_file_contents`, a stale section is rewritten and
//! the test fails, so that the change is reviewed and committed.

use std::path::Path;

/// The text between `start` and `end` in `text`.
pub fn between<'t>(text: &'t str, start: &str, end: &str) -> Option<&'t str> {
    let from = text.find(start)? + start.len();
    let to = from + text[from..].find(end)?;
    Some(&text[from..to])
}

/// Keeps `section` between the markers `start` and `end` of the file at
/// `path`: when it differs, rewrites it and says so.
pub fn ensure_between(path: &Path, start: &str, end: &str, section: &str) -> Result<(), String> {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let current = between(&text, start, end)
        .unwrap_or_else(|| panic!("{} lacks the markers {start} … {end}", path.display()));
    if current == section {
        return Ok(());
    }
    let from = text.find(start).expect("found above") + start.len();
    let mut rewritten = text.clone();
    rewritten.replace_range(from..from + current.len(), section);
    std::fs::write(path, rewritten).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    Err(format!(
        "{} was stale between {start} and {end}, and is rewritten: review and commit it",
        path.display()
    ))
}
