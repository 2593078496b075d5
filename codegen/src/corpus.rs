//! Where the docs corpus is looked for: the same order for the tests and for
//! the command line's refresh of `spec/methods.yaml`. The corpus is the docs'
//! text at pinned commits (`scripts/corpus.pins`); it is never in the repository.

use std::path::{Path, PathBuf};

/// Points at a corpus folder (the one holding `error-page/` and `methods/`).
pub const CORPUS_ENV: &str = "MASTODON_ERROR_CORPUS";

/// Where the corpus was found, or each place looked in, as a notice prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    Found(PathBuf),
    Missing(Vec<String>),
}

/// `$MASTODON_ERROR_CORPUS`, then `shared/corpus` beside the checkout at
/// `root`, then the cache `target/docs-corpus` that `scripts/fetch-corpus.sh`
/// fills. A variable that names a missing folder is an error, not a fallback.
pub fn locate(root: &Path) -> Result<Lookup, String> {
    if let Some(dir) = std::env::var_os(CORPUS_ENV) {
        let dir = PathBuf::from(dir);
        return if dir.is_dir() {
            Ok(Lookup::Found(dir))
        } else {
            Err(format!(
                "{CORPUS_ENV} is set to {}, which is not a folder\n  = help: point it at a corpus folder (holding error-page/ and methods/), or unset it",
                dir.display()
            ))
        };
    }
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let beside = root.parent().unwrap_or(&root).join("shared/corpus");
    let candidates = [beside, root.join("target/docs-corpus")];
    if let Some(found) = candidates.iter().find(|dir| dir.is_dir()) {
        return Ok(Lookup::Found(found.clone()));
    }
    let mut looked_in = vec![format!("${CORPUS_ENV} (not set)")];
    looked_in.extend(candidates.iter().map(|dir| dir.display().to_string()));
    Ok(Lookup::Missing(looked_in))
}

/// The newest method-page snapshot that `scripts/corpus.pins` at `root`
/// pins, e.g. `methods/2026-07-02_2903485d`: the project's current input.
pub fn current_methods_snapshot(root: &Path) -> Option<String> {
    current_snapshot(root, "methods")
}

/// The newest pinned snapshot of the corpus folder `kind` (`methods`,
/// `api`), as `kind/<date>_<commit>`.
pub fn current_snapshot(root: &Path, kind: &str) -> Option<String> {
    let pins = std::fs::read_to_string(root.join("scripts/corpus.pins")).ok()?;
    let prefix = format!("{kind}/");
    pins.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_whitespace().next())
        .filter_map(|path| {
            let rest = path.strip_prefix(&prefix)?;
            Some(format!("{kind}/{}", rest.split('/').next()?))
        })
        .max()
}
