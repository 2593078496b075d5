//! The generated module for the current page and the 2020 layout, pinned.
//! Review a change with `cargo insta review` (or `INSTA_UPDATE=always`).

mod common;

use mastodon_error_codegen::Config;

#[test]
fn current_page() {
    let source = common::fixture("seed-000-current.md");
    let code = Config::new()
        .generate_source(&source)
        .expect("seed 000 generates");
    insta::assert_snapshot!("seed_000_current", code);
}

#[test]
fn layout_2020() {
    let source = common::fixture("seed-002-2020-layout.md");
    let code = Config::new()
        .generate_source(&source)
        .expect("seed 002 generates");
    insta::assert_snapshot!("seed_002_2020_layout", code);
}

/// The seeds are committed byte for byte; their git blob ids were taken from
/// `shared/seeds/`, which `.ci/run` also compares with the fixtures.
#[test]
fn fixtures_are_the_seeds_unchanged() {
    for (fixture, seed, blob) in common::SEEDS {
        let bytes = std::fs::read(common::fixture_path(fixture)).expect("fixture readable");
        assert_eq!(
            mastodon_error_codegen::hash::git_blob_id(&bytes),
            blob,
            "{fixture} drifted from seed {seed}"
        );
    }
}

/// The entities emitter's files for a tiny copy: a nullable, an optional and
/// a nullable optional attribute, an enum, a nested hash and an admin entity.
#[cfg(feature = "entities")]
#[test]
fn entities_golden() {
    let generated = Config::new()
        .checked_in_as("entities.rs")
        // Relative, as cargo runs tests from `codegen/`: the header names it.
        .generate_entities_report("tests/fixtures/entities/golden.yaml")
        .unwrap_or_else(|error| panic!("{}", error.render()));
    let files: Vec<String> = generated
        .files
        .iter()
        .map(|file| format!("==> {}\n{}", file.name, file.code))
        .collect();
    let files = files.join("\n");
    insta::assert_snapshot!("entities_golden", files);
}
