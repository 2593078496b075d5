//! The module generated from every corpus Error page compiles clean in a
//! crate with no dependencies. (The seeds' modules are compiled by
//! `tests/standalone.rs`.)

use std::path::{Path, PathBuf};

use mastodon_error_codegen::Source;

use crate::Suite;
use crate::common::corpus::pinned_under;
use crate::common::scratch::{compiles_clean, modules_crate};

pub fn add(suite: &mut Suite) {
    suite.corpus_trial(
        "compile::every_error_page_compiles_clean_without_dependencies".to_owned(),
        every_error_page_compiles_clean_without_dependencies,
    );
}

fn every_error_page_compiles_clean_without_dependencies(root: &Path) {
    let config = crate::common::dependency_free_config();
    let modules: Vec<(String, String)> = pinned_under("error-page")
        .iter()
        .map(|pinned| {
            let label = pinned.rsplit('/').next().unwrap_or(pinned);
            let text = std::fs::read_to_string(root.join(pinned)).expect("pinned page");
            let code = config
                .generate_source(&Source::new(label, text))
                .unwrap_or_else(|e| panic!("{label}: {e}"));
            (format!("Generated from `{label}`."), code)
        })
        .collect();
    let project = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("corpus-error-pages");
    modules_crate(&project, "[workspace]\n", "page", &modules);
    compiles_clean(&project);
}
