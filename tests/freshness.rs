//! The checked-in `generated/error.rs` and `spec/error.yaml` must be exactly
//! what `spec/error.md` (with `spec/methods.yaml`, for the module) gives.
//! Whether `spec/methods.yaml` is fresh against the method pages is a corpus
//! test (`codegen/tests/corpus/methods.rs`): the pages are not in this repository.
//!
//! As in rust-analyzer's `ensure_file_contents`: a stale file is rewritten
//! and the test fails, so the fix is to review and commit the new file.

use std::path::Path;

use mastodon_error_codegen::diff::{self, DiffFormat};
use mastodon_error_codegen::{Config, Source};

const REGENERATE: &str = "cargo run -p mastodon-error-codegen";

/// The spec, named relative to the root as the CLI and build.rs name it.
fn spec() -> Source {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("spec/error.md"))
        .expect("spec/error.md is readable");
    Source::new("spec/error.md", text)
}

/// Rewrites `relative` (from the workspace root) when it is not `fresh`, and
/// fails, saying what changed and its semver impact when the old file reads.
fn ensure_file_contents(relative: &str, fresh: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if current != fresh {
        let summary = if relative.ends_with(".yaml") {
            diff::diff(
                &Source::new(relative, current.as_str()),
                &spec(),
                &Config::new(),
            )
            .ok()
        } else {
            let methods = Path::new(env!("CARGO_MANIFEST_DIR")).join("spec/methods.yaml");
            diff::diff_generated_api(&current, relative, &spec(), &methods, &Config::new())
                .ok()
                .flatten()
                .map(|mut diff| {
                    diff.new_name = "spec/methods.yaml".to_owned();
                    diff
                })
        }
        .map(|diff| diff.render(DiffFormat::Text))
        .unwrap_or_default();
        std::fs::write(&path, fresh).unwrap_or_else(|e| panic!("{relative} is not writable: {e}"));
        panic!(
            "{summary}{relative} was stale and has been rewritten from spec/error.md.\n\
             Review the change (`git diff {relative}`) and commit it.\n\
             To regenerate by hand: `{REGENERATE}`."
        );
    }
}

#[test]
fn checked_in_module_is_fresh() {
    // As build.rs configures it; cargo runs tests from the crate's root.
    let fresh = Config::new()
        .checked_in_as("generated/error.rs")
        .methods("spec/methods.yaml")
        .rate_limits("spec/rate-limits.yaml")
        .scopes("spec/oauth-scopes.yaml")
        .generate_source(&spec())
        .unwrap_or_else(|error| {
            panic!("spec/error.md with the copies in spec/ does not generate:\n{error}")
        });
    ensure_file_contents("generated/error.rs", &fresh);
}

#[test]
fn checked_in_yaml_copy_is_fresh() {
    let fresh = Config::new()
        .export_yaml_source(&spec(), Some("spec/error.yaml"))
        .unwrap_or_else(|error| panic!("spec/error.md does not export:\n{error}"));
    ensure_file_contents("spec/error.yaml", &fresh);
}

#[test]
fn the_crate_compiles_exactly_the_checked_in_module() {
    let built = include_str!(concat!(env!("OUT_DIR"), "/error.rs"));
    let checked_in = include_str!("../generated/error.rs");
    assert!(
        built == checked_in,
        "build.rs output differs from generated/error.rs; run `{REGENERATE}` and commit"
    );
}

#[test]
fn checked_in_entities_are_fresh() {
    // As build.rs configures it, from the YAML copy of the entity pages.
    let generated = Config::new()
        .checked_in_as("generated/entities.rs")
        .generate_entities_report("spec/entities.yaml")
        .unwrap_or_else(|error| panic!("spec/entities.yaml does not generate:\n{error}"));
    let mut files = vec![("entities.rs".to_owned(), generated.code)];
    files.extend(generated.included);
    assert_eq!(files.len(), 3, "entities.rs and the two files it includes");
    let mut stale = Vec::new();
    for (name, fresh) in &files {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("generated")
            .join(name);
        assert!(
            fresh.lines().count() <= 6_000,
            "generated/{name} has over 6,000 lines: split the entities output further"
        );
        if std::fs::read_to_string(&path).unwrap_or_default() != *fresh {
            std::fs::write(&path, fresh).expect("generated/ is writable");
            stale.push(format!("generated/{name}"));
        }
    }
    assert!(
        stale.is_empty(),
        "{} stale and rewritten from spec/entities.yaml.\n\
         Review the change (`git diff generated/`) and commit it.\n\
         To regenerate by hand: `{REGENERATE}`.",
        stale.join(", ")
    );
}

#[cfg(feature = "entities")]
#[test]
fn the_crate_compiles_exactly_the_checked_in_entities() {
    let files = [
        (
            include_str!(concat!(env!("OUT_DIR"), "/entities.rs")),
            include_str!("../generated/entities.rs"),
        ),
        (
            include_str!(concat!(env!("OUT_DIR"), "/entity_kinds.rs")),
            include_str!("../generated/entity_kinds.rs"),
        ),
        (
            include_str!(concat!(env!("OUT_DIR"), "/entity_values.rs")),
            include_str!("../generated/entity_values.rs"),
        ),
    ];
    for (built, checked_in) in files {
        assert!(
            built == checked_in,
            "build.rs output differs from generated/; run `{REGENERATE}` and commit"
        );
    }
}
