//! Finding the seeds and the corpus, which live outside the repository.

#![allow(dead_code)] // Each test binary uses its own subset.

pub mod scratch;

use std::path::{Path, PathBuf};

use mastodon_error_codegen::{Config, Error, Source};

/// `$MASTODON_ERROR_SHARED`, else the `shared` folder beside the checkout
/// (found from whichever package of the workspace runs the test).
pub fn shared_dir() -> PathBuf {
    let dir = match std::env::var_os("MASTODON_ERROR_SHARED") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR"))
            .ancestors()
            .map(|dir| dir.join("shared"))
            .find(|dir| dir.join("corpus/error-page").is_dir())
            .unwrap_or_else(|| PathBuf::from("../shared")),
    };
    assert!(
        dir.join("corpus/error-page").is_dir(),
        "the shared data is missing at {}: set MASTODON_ERROR_SHARED to the folder holding corpus/ and seeds/",
        dir.display()
    );
    dir
}

/// Every historical page, oldest first.
pub fn corpus_pages() -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(shared_dir().join("corpus/error-page"))
        .expect("corpus folder is readable")
        .map(|entry| entry.expect("corpus entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    pages.sort();
    assert!(!pages.is_empty(), "no corpus pages found");
    pages
}

/// The seed whose name starts with `prefix`, e.g. `000_`.
pub fn seed(prefix: &str) -> PathBuf {
    let seeds = shared_dir().join("seeds");
    std::fs::read_dir(&seeds)
        .expect("seeds folder is readable")
        .map(|entry| entry.expect("seed entry").path())
        .find(|path| {
            path.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no seed {prefix}* in {}", seeds.display()))
}

/// The pages the generator must read: seeds 000 and 002 and the whole corpus.
pub fn readable_pages() -> Vec<PathBuf> {
    let mut pages = vec![seed("000_"), seed("002_")];
    pages.extend(corpus_pages());
    pages
}

/// A committed fixture under `codegen/tests/fixtures`.
pub fn fixture(name: &str) -> Source {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("fixture is readable");
    Source::new(name, text)
}

/// Generates with the default config, naming the source by file name only so
/// output does not depend on where the data lives.
pub fn generate_page(path: &Path) -> Result<String, mastodon_error_codegen::Error> {
    let name = path
        .file_name()
        .expect("file name")
        .to_string_lossy()
        .into_owned();
    let text = std::fs::read_to_string(path).expect("page is readable");
    Config::new().generate_source(&Source::new(name, text))
}

pub fn page_label(path: &Path) -> String {
    path.file_name()
        .expect("file name")
        .to_string_lossy()
        .into_owned()
}

/// Asserts one of the rendered diagnostics starts with
/// `{file}:{line}:{col}: error: {message}` and carries `help` in its own block.
#[track_caller]
pub fn assert_reports(error: &Error, line: usize, col: usize, message: &str, help: &str) {
    let rendered = error.render();
    let file = error.source_name();
    let header = format!("{file}:{line}:{col}: error: {message}");
    let start = rendered
        .find(&header)
        .unwrap_or_else(|| panic!("expected `{header}` in:\n{rendered}"));
    let block_end = rendered[start + header.len()..]
        .find(&format!("\n{file}:"))
        .map_or(rendered.len(), |end| start + header.len() + end);
    let block = &rendered[start..block_end];
    assert!(
        block.contains(&format!("= help: {help}")),
        "expected help `{help}` in:\n{block}"
    );
    assert!(!rendered.contains("panicked"), "{rendered}");
}
