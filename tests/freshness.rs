//! The checked-in `generated/error.rs` and `spec/error.yaml` must be exactly
//! what `spec/error.md` gives.
//!
//! As in rust-analyzer's `ensure_file_contents`: a stale file is rewritten
//! and the test fails, so the fix is to review and commit the new file.

use std::path::Path;

use mastodon_error_codegen::{Config, Source};

const REGENERATE: &str = "cargo run -p mastodon-error-codegen";

#[test]
fn checked_in_module_is_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let spec = root.join("spec/error.md");
    let generated = root.join("generated/error.rs");
    let text = std::fs::read_to_string(&spec).expect("spec/error.md is readable");
    // Named relative to the root, as the CLI and build.rs name it.
    let source = Source::new("spec/error.md", text);
    let fresh = Config::new()
        .checked_in_as("generated/error.rs")
        .generate_source(&source)
        .unwrap_or_else(|error| panic!("spec/error.md does not generate:\n{error}"));
    let current = std::fs::read_to_string(&generated).unwrap_or_default();
    if current != fresh {
        std::fs::write(&generated, &fresh).expect("generated/error.rs is writable");
        panic!(
            "generated/error.rs was stale and has been rewritten from spec/error.md.\n\
             Review the change (`git diff generated/`) and commit it.\n\
             To regenerate by hand: `{REGENERATE}`."
        );
    }
}

#[test]
fn checked_in_yaml_copy_is_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text =
        std::fs::read_to_string(root.join("spec/error.md")).expect("spec/error.md is readable");
    let fresh = Config::new()
        .export_yaml_source(&Source::new("spec/error.md", text), Some("spec/error.yaml"))
        .unwrap_or_else(|error| panic!("spec/error.md does not export:\n{error}"));
    let copy = root.join("spec/error.yaml");
    let current = std::fs::read_to_string(&copy).unwrap_or_default();
    if current != fresh {
        std::fs::write(&copy, &fresh).expect("spec/error.yaml is writable");
        panic!(
            "spec/error.yaml was stale and has been re-exported from spec/error.md.\n\
             Review the change (`git diff spec/`) and commit it.\n\
             To re-export by hand: `{REGENERATE}`."
        );
    }
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
