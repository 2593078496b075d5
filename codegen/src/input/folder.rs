//! A folder of one docs section's Markdown pages (`content/en/methods/`,
//! `content/en/entities/`), read whole: each page's text, by its path below
//! the folder without `.md`, and the folder's git tree id, which names it
//! in a generated header the same way on every machine.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Error};
use crate::source::{Source, display_path};

#[cfg(any(feature = "markdown-methods", feature = "markdown-entities"))]
/// The pages below `dir` in path order, and the folder's tree id. `section`
/// names the docs folder for the help (`methods`, `entities`); `no_pages`
/// is the error when there is no `*.md` file.
pub(crate) fn read(
    dir: &Path,
    section: &str,
    no_pages: &str,
) -> Result<(Vec<(String, Source)>, String), Error> {
    let mut files = Vec::new();
    collect_files(dir, dir, &mut files)
        .map_err(|err| error(dir, section, &format!("cannot read the folder: {err}")))?;
    files.sort();
    let tree = crate::hash::git_tree_id(&files);
    let mut pages = Vec::new();
    let mut errors = Vec::new();
    for (relative, bytes) in files {
        let Some(page_path) = relative.strip_suffix(".md") else {
            continue;
        };
        match Source::from_bytes(display_path(&dir.join(&relative)), bytes) {
            Ok(source) => pages.push((page_path.to_owned(), source)),
            Err(error) => errors.push(error),
        }
    }
    if pages.is_empty() && errors.is_empty() {
        return Err(error(dir, section, no_pages));
    }
    if let Some(error) = Error::combine(errors) {
        return Err(error);
    }
    Ok((pages, tree))
}

/// A problem with the folder itself, and where the right one is.
pub(crate) fn error(dir: &Path, section: &str, message: &str) -> Error {
    Error::single(
        Source::new(display_path(dir), String::new()),
        Diagnostic::error(0..0, message.to_owned()).help(format!(
            "point at the {section} folder of the docs (`content/en/{section}/`), or at a YAML copy of it"
        )),
    )
}

#[cfg(any(feature = "markdown-methods", feature = "markdown-entities"))]
/// Every file below `dir` with its bytes, as a `/`-separated path relative to `root`.
fn collect_files(
    root: &Path,
    dir: &Path,
    files: &mut Vec<(String, Vec<u8>)>,
) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_files(root, &path, files)?;
        } else {
            let relative = path.strip_prefix(root).unwrap_or(&path);
            files.push((display_path(relative), std::fs::read(&path)?));
        }
    }
    Ok(())
}
