//! What the tests read: the committed seed fixtures, and (in `corpus`) the
//! docs corpus, which lives outside the repository.

#![allow(dead_code)] // Each test binary uses its own subset.

pub mod corpus;
pub mod defect_pages;
pub mod markers;
pub mod scratch;

use std::path::{Path, PathBuf};

use mastodon_error_codegen::{Config, Error, Gate, Source};

/// The seeds the project started from, committed byte for byte as fixtures:
/// (fixture, its file in `shared/seeds/`, its git blob id).
pub const SEEDS: [(&str, &str, &str); 5] = [
    (
        "seed-000-current.md",
        "000_641df72007f9da64.txt",
        "626b7f47c5ec00ce6ca23d8a37b5cf5518ae20a7",
    ),
    (
        "seed-001-rendered.txt",
        "001_d95021d5f6212856.txt",
        "37396bd9fe46cb6ccd08cf54238256286ebb31c1",
    ),
    (
        "seed-002-2020-layout.md",
        "002_5faba4e5f24426da.txt",
        "4b6cecc8984b609bdd50b6dcf5d9b85e8d03dd05",
    ),
    (
        "seed-003-rendered.txt",
        "003_fed188ba46261a73.txt",
        "05d7cbca93ad0f07cab4bdae43a7dce0d5c70991",
    ),
    (
        "seed-004-rendered.txt",
        "004_8454637e0d510fb9.txt",
        "730937521f5f83f551254120030216054b1f4e87",
    ),
];

/// The seeds that are pages the generator must read: the current layout and
/// the 2020 one. The others are the page as a browser renders it.
pub const PAGE_SEEDS: [&str; 2] = ["seed-000-current.md", "seed-002-2020-layout.md"];
pub const RENDERED_SEEDS: [&str; 3] = [
    "seed-001-rendered.txt",
    "seed-003-rendered.txt",
    "seed-004-rendered.txt",
];

pub fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|dir| dir.join("codegen/tests/fixtures").join(name))
        .find(|path| path.is_file())
        .unwrap_or_else(|| panic!("no fixture {name} under codegen/tests/fixtures"))
}

/// A committed fixture under `codegen/tests/fixtures`.
pub fn fixture(name: &str) -> Source {
    let text = std::fs::read_to_string(fixture_path(name)).expect("fixture is readable");
    Source::new(name, text)
}

/// A config whose output needs no crate but `std`: no serde, no http. What
/// the tests compile in scratch crates without dependencies or lint tables.
pub fn dependency_free_config() -> Config {
    let mut config = Config::new();
    config.serde(Gate::Never).http(Gate::Never);
    config
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
