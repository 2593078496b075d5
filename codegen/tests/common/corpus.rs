//! The docs corpus: where the tests look for it, and the pins it must match.
//! The corpus stays out of the repository; `scripts/corpus.pins` names every
//! file by docs commit, path and git blob id, and `scripts/fetch-corpus.sh`
//! extracts them.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use mastodon_error_codegen::corpus;
pub use mastodon_error_codegen::corpus::{CORPUS_ENV, Lookup};
use mastodon_error_codegen::hash::git_blob_id;

/// Set by `.ci/run`: a missing corpus fails the run instead of being skipped.
pub const REQUIRE_ENV: &str = "MASTODON_ERROR_REQUIRE_CORPUS";
/// The one command that gets the corpus.
pub const FETCH_COMMAND: &str = "scripts/fetch-corpus.sh";

/// One pinned file of the corpus.
pub struct Pin {
    /// Relative to the corpus folder: `error-page/2020-01-01_33cb69ad_en.md`.
    pub path: String,
    pub blob: String,
    /// A derived file (`-` for commit): in `shared/corpus` only, never fetched.
    pub derived: bool,
}

/// The workspace root, found from whichever package runs the test.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .find(|dir| dir.join("scripts/corpus.pins").is_file())
        .expect("the workspace holds scripts/corpus.pins")
        .to_path_buf()
}

/// Every pinned file, in the pins' order.
pub fn pins() -> Vec<Pin> {
    let path = workspace_root().join("scripts/corpus.pins");
    let text = std::fs::read_to_string(&path).expect("scripts/corpus.pins is readable");
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.starts_with('#') && !line.trim().is_empty())
        .map(|(index, line)| match line.split_whitespace().collect::<Vec<_>>()[..] {
            [path, commit, _docs_path, blob] => Pin {
                path: path.to_owned(),
                blob: blob.to_owned(),
                derived: commit == "-",
            },
            _ => panic!(
                "scripts/corpus.pins:{}:1: expected `<corpus path> <commit> <docs path> <blob id>`",
                index + 1
            ),
        })
        .collect()
}

/// The pinned paths under `folder/` (`error-page`, `methods/2026-07-02_2903485d`), sorted.
pub fn pinned_under(folder: &str) -> Vec<String> {
    let prefix = format!("{folder}/");
    let mut paths: Vec<String> = pins()
        .into_iter()
        .map(|pin| pin.path)
        .filter(|path| path.starts_with(&prefix))
        .collect();
    paths.sort();
    paths
}

/// See `mastodon_error_codegen::corpus::locate`, which the CLI's refresh uses too.
pub fn locate() -> Result<Lookup, String> {
    corpus::locate(&workspace_root())
}

/// Checks `dir` against the pins: every pinned file present with its blob
/// id, and no file that is not pinned (its top-level README aside). A
/// derived file may be absent (a fetched corpus has none); its trials say so.
pub fn verify(dir: &Path) -> Result<(), String> {
    let pins = pins();
    let mut problems = String::new();
    for pin in &pins {
        match std::fs::read(dir.join(&pin.path)) {
            Ok(bytes) => {
                let actual = git_blob_id(&bytes);
                if actual != pin.blob {
                    let _ = writeln!(
                        problems,
                        "  changed: {} is blob {actual}, pinned as {}",
                        pin.path, pin.blob
                    );
                }
            }
            Err(_) if pin.derived => {}
            Err(_) => {
                let _ = writeln!(problems, "  missing: {}", pin.path);
            }
        }
    }
    let pinned: BTreeSet<&str> = pins.iter().map(|pin| pin.path.as_str()).collect();
    for path in files_under(dir, dir) {
        if path != "README.md" && !pinned.contains(path.as_str()) {
            let _ = writeln!(problems, "  not pinned: {path}");
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    Err(format!(
        "the corpus at {} differs from scripts/corpus.pins:\n{problems}  = help: run {FETCH_COMMAND} for the pinned corpus, or point {CORPUS_ENV} at one",
        dir.display()
    ))
}

/// Every file below `dir`, as a `/`-separated path relative to `root`.
fn files_under(root: &Path, dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(files_under(root, &path));
        } else {
            let relative = path.strip_prefix(root).expect("below the root");
            let parts: Vec<_> = relative
                .components()
                .map(|part| part.as_os_str().to_string_lossy())
                .collect();
            files.push(parts.join("/"));
        }
    }
    files
}
