//! The entity pages' whole history since the 4.0 rewrite (ffbe66a3,
//! 2022-12-14): every commit that touched `content/en/entities/` generates
//! the entities module, and the first and the last compile clean.
//!
//! Like the API replay, it reads `history/documentation.bundle`, which only
//! `shared/corpus` has: without it, this trial is ignored.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use mastodon_error_codegen::Config;

use crate::Suite;
use crate::common::scratch::{compiles_clean, modules_crate};
use crate::replay::{clone_bundle, files_at, since_rewrite, touching};

/// What the commits touch that the entities are generated from.
const ENTITY_PATHS: [&str; 1] = ["content/en/entities"];
/// The commits from the rewrite on that touched the entity pages.
const ENTITY_COMMITS_SINCE_REWRITE: usize = 146;

pub fn add(suite: &mut Suite) {
    suite.history_trial(
        "entity_history::every_commit_since_the_rewrite_generates_the_entities".to_owned(),
        replay,
    );
}

fn replay(root: &Path) {
    let repo = clone_bundle(
        &root.join("history/documentation.bundle"),
        "history-entities.git",
    );
    let map = std::fs::read_to_string(root.join("history/commits.tsv")).expect("commits.tsv");
    let since = since_rewrite(&map);
    let touched = touching(&repo, &since, &ENTITY_PATHS);
    let (trees, blobs) = files_at(&repo, &touched, &ENTITY_PATHS);
    let folder = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("entity-history");
    let mut modules = Vec::new();
    let mut seen = BTreeSet::new();
    for (index, ([upstream, _, date], files)) in touched.iter().zip(&trees).enumerate() {
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).expect("mkdir");
        for (path, blob) in files {
            // The pages themselves: `content/en/entities/Status.md`.
            if let Some(file) = path.strip_prefix("content/en/entities/")
                && file.ends_with(".md")
                && !file.contains('/')
            {
                std::fs::write(folder.join(file), &blobs[blob]).expect("write page");
            }
        }
        let generated = Config::new()
            .generate_entities_report(&folder)
            .unwrap_or_else(|error| {
                panic!(
                    "{date} {upstream}: the entities do not generate:\n{}",
                    error.render()
                )
            });
        if (index == 0 || index == touched.len() - 1) && seen.insert(generated.code.clone()) {
            modules.push((
                format!("Entities at upstream {upstream} ({date})."),
                generated.code.clone(),
            ));
        }
    }
    assert_eq!(
        touched.len(),
        ENTITY_COMMITS_SINCE_REWRITE,
        "commits since the rewrite that touched the entity pages"
    );
    let project = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("entity-history-sample");
    // The entities always derive serde.
    modules_crate(
        &project,
        "serde = { version = \"1\", features = [\"derive\"] }\n\n[workspace]\n",
        "commit",
        &modules,
    );
    compiles_clean(&project);
}
