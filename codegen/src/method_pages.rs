//! Reading the API method pages: one page from memory, or a whole folder
//! (`content/en/methods/` of the docs) from disk.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Error};
use crate::markdown::method_page;
use crate::model::methods::MethodPage;
use crate::source::{Source, display_path};

/// Reads one method page. `page_path` is its path below the methods folder
/// without `.md` (`statuses`, `admin/accounts`), which names its docs URL.
pub fn parse_method_page(source: &Source, page_path: &str) -> Result<MethodPage, Error> {
    method_page::parse(source, page_path)
}

/// Reads every `.md` file below `dir`, in path order, reporting the problems
/// of every page at once.
pub fn read_method_pages(dir: &Path) -> Result<Vec<MethodPage>, Error> {
    let mut files = Vec::new();
    collect_markdown(dir, dir, &mut files)
        .map_err(|err| folder_error(dir, &format!("cannot read the folder: {err}")))?;
    files.sort();
    if files.is_empty() {
        return Err(folder_error(dir, "no method pages (`*.md`) in this folder"));
    }
    let mut pages = Vec::new();
    let mut errors = Vec::new();
    for relative in files {
        let path = dir.join(&relative);
        let page_path = relative.strip_suffix(".md").unwrap_or(&relative);
        let result = Source::read(&path).and_then(|source| parse_method_page(&source, page_path));
        match result {
            Ok(page) => pages.push(page),
            Err(error) => errors.push(error),
        }
    }
    match Error::combine(errors) {
        Some(error) => Err(error),
        None => Ok(pages),
    }
}

/// Every `.md` below `dir`, as `/`-separated paths relative to `root`.
fn collect_markdown(root: &Path, dir: &Path, files: &mut Vec<String>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_markdown(root, &path, files)?;
        } else if path.extension().is_some_and(|ext| ext == "md") {
            let relative = path.strip_prefix(root).unwrap_or(&path);
            files.push(display_path(relative));
        }
    }
    Ok(())
}

fn folder_error(dir: &Path, message: &str) -> Error {
    Error::single(
        Source::new(display_path(dir), String::new()),
        Diagnostic::error(0..0, message.to_owned()).help(
            "point at the methods folder of the docs (`content/en/methods/`), or at a YAML copy of it",
        ),
    )
}
