//! The checked-in `generated/error.rs` and `spec/error.yaml` must be exactly
//! what `spec/error.md` (with `spec/methods.yaml`, for the module) gives.
//! Whether `spec/methods.yaml` is fresh against the method pages is a corpus
//! test (`codegen/tests/corpus/methods.rs`): the pages are not in this repository.
//!
//! As in rust-analyzer's `ensure_file_contents`: a stale file is rewritten
//! and the test fails, so the fix is to review and commit the new file.

use std::path::Path;
use std::sync::OnceLock;

use mastodon_error_codegen::diff::{self, DiffFormat};
use mastodon_error_codegen::{Config, Generated, Source};

include!("../build/checked_in.rs");

const REGENERATE: &str = "cargo run -p mastodon-error-tools";

/// The spec, named relative to the root as the CLI and build.rs name it.
fn spec() -> Source {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("spec/error.md"))
        .expect("spec/error.md is readable");
    Source::new("spec/error.md", text)
}

/// The module as build.rs configures it, generated once for every test here.
fn fresh_module() -> &'static Generated {
    static FRESH: OnceLock<Generated> = OnceLock::new();
    FRESH.get_or_init(|| {
        checked_in_module(&mut Config::new())
            .generate_report(&spec())
            .unwrap_or_else(|error| {
                panic!("spec/error.md with the copies in spec/ does not generate:\n{error}")
            })
    })
}

/// The entities module as build.rs configures it, generated once.
fn fresh_entities() -> &'static Generated {
    static FRESH: OnceLock<Generated> = OnceLock::new();
    FRESH.get_or_init(|| {
        checked_in_entities(&mut Config::new())
            .generate_entities_report(CHECKED_IN_ENTITIES)
            .unwrap_or_else(|error| panic!("spec/entities.yaml does not generate:\n{error}"))
    })
}

/// Rewrites `relative` (from the workspace root) when it is not `fresh`, and
/// fails, saying what changed and its semver impact when the old file reads.
fn ensure_file_contents(relative: &str, fresh: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if current != fresh {
        let summary = if relative.ends_with(".json") {
            None
        } else if relative.ends_with(".yaml") {
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
    let fresh = fresh_module();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let current: Vec<String> = fresh
        .files
        .iter()
        .map(|file| {
            std::fs::read_to_string(root.join("generated").join(&file.name)).unwrap_or_default()
        })
        .collect();
    let stale: Vec<&str> = fresh
        .files
        .iter()
        .zip(&current)
        .filter(|(file, current)| file.code != **current)
        .map(|(file, _)| file.name.as_str())
        .collect();
    if stale.is_empty() {
        return;
    }
    // The semantic summary reads the whole module, every file of it.
    let methods = root.join("spec/methods.yaml");
    let summary = diff::diff_generated_api(
        &current.join("\n"),
        "generated/ (checked in)",
        &spec(),
        &methods,
        &Config::new(),
    )
    .ok()
    .flatten()
    .map(|mut diff| {
        diff.new_name = "spec/methods.yaml".to_owned();
        diff.render(DiffFormat::Text)
    })
    .unwrap_or_default();
    for file in &fresh.files {
        let path = root.join("generated").join(&file.name);
        std::fs::write(&path, &file.code)
            .unwrap_or_else(|e| panic!("generated/{} is not writable: {e}", file.name));
    }
    panic!(
        "{summary}generated/{{{}}} were stale and have been rewritten from spec/error.md.\n\
         Review the change (`git diff generated/`) and commit it.\n\
         To regenerate by hand: `{REGENERATE}`.",
        stale.join(",")
    );
}

/// `generated/` holds what the generator writes, and nothing left over
/// from an older layout.
#[test]
fn generated_holds_only_the_outputs() {
    let fresh = fresh_module();
    let mut expected: Vec<String> = fresh.files.iter().map(|file| file.name.clone()).collect();
    expected.extend(checked_in_entity_files());
    expected.push(
        CHECKED_IN_OPENAPI
            .trim_start_matches("generated/")
            .to_owned(),
    );
    expected.sort();
    let mut present: Vec<String> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("generated"))
            .expect("generated/ is readable")
            .map(|entry| {
                entry
                    .expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
    present.sort();
    assert_eq!(
        present, expected,
        "generated/ should hold exactly the generator's files; remove the others"
    );
}

/// The entities module's files, as the generator names them.
fn checked_in_entity_files() -> Vec<String> {
    let generated = fresh_entities();
    generated
        .files
        .iter()
        .map(|file| file.name.clone())
        .collect()
}

#[test]
fn checked_in_yaml_copy_is_fresh() {
    let fresh = Config::new()
        .export_yaml_source(&spec(), Some("spec/error.yaml"))
        .unwrap_or_else(|error| panic!("spec/error.md does not export:\n{error}"));
    ensure_file_contents("spec/error.yaml", &fresh);
}

/// `code` parsed, then printed by prettyplease: the same text for the same
/// code whatever its layout (trailing commas, `///` or `#[doc]`, comments).
fn printed(code: &str, name: &str) -> String {
    let file =
        syn::parse_file(code).unwrap_or_else(|error| panic!("{name} does not parse: {error}"));
    prettyplease::unparse(&file)
}

/// build.rs writes the module unformatted, from the Error page's YAML copy;
/// the checked-in files are formatted, from the page: the same code.
fn assert_same_code(built: &str, checked_in: &str, name: &str) {
    assert!(!built.is_empty(), "build.rs wrote no {name}");
    let (built, checked_in) = (
        printed(built, &format!("OUT_DIR/{name}")),
        printed(checked_in, &format!("generated/{name}")),
    );
    if let Some((at, (ours, theirs))) = built
        .lines()
        .zip(checked_in.lines())
        .enumerate()
        .find(|(_, (ours, theirs))| ours != theirs)
    {
        panic!(
            "build.rs compiles other code than generated/{name}: printed, line {} is\n  {ours}\nagainst\n  {theirs}\nrun `{REGENERATE}` and commit",
            at + 1
        );
    }
    assert_eq!(
        built.lines().count(),
        checked_in.lines().count(),
        "build.rs compiles other code than generated/{name}: one is longer; run `{REGENERATE}` and commit"
    );
}

#[test]
fn the_crate_compiles_exactly_the_checked_in_module() {
    let fresh = fresh_module();
    for file in &fresh.files {
        let built = std::fs::read_to_string(Path::new(env!("OUT_DIR")).join(&file.name))
            .unwrap_or_default();
        let checked_in = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("generated")
                .join(&file.name),
        )
        .unwrap_or_default();
        assert_same_code(&built, &checked_in, &file.name);
    }
}

/// The build's files are not formatted: formatting is the tools' job.
#[test]
fn the_build_formats_nothing() {
    let router = std::fs::read_to_string(Path::new(env!("OUT_DIR")).join("router.rs"))
        .expect("build.rs wrote router.rs");
    let checked_in = include_str!("../generated/router.rs");
    assert!(
        router.lines().count() * 4 < checked_in.lines().count(),
        "OUT_DIR/router.rs has {} lines, generated/router.rs {}: the build path formats",
        router.lines().count(),
        checked_in.lines().count()
    );
}

#[test]
fn checked_in_entities_are_fresh() {
    // As build.rs configures it, from the YAML copy of the entity pages.
    let generated = fresh_entities();
    assert_eq!(
        generated.files.len(),
        3,
        "entities.rs and the two files it includes"
    );
    let mut stale = Vec::new();
    for file in &generated.files {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("generated")
            .join(&file.name);
        if std::fs::read_to_string(&path).unwrap_or_default() != file.code {
            std::fs::write(&path, &file.code).expect("generated/ is writable");
            stale.push(format!("generated/{}", file.name));
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

/// The OpenAPI document is what the copies and the entities give.
#[test]
fn checked_in_openapi_is_fresh() {
    let mut config = Config::new();
    checked_in_module(&mut config).entities(CHECKED_IN_ENTITIES);
    let fresh = config
        .generate_openapi_report(&spec())
        .unwrap_or_else(|error| panic!("the copies in spec/ give no OpenAPI document:\n{error}"));
    ensure_file_contents(CHECKED_IN_OPENAPI, &fresh.code);
}

/// Every generated Rust file stays readable in review: at most 6,000 lines.
/// The OpenAPI document is one JSON file, as its consumers read it.
#[test]
fn no_generated_file_is_over_6000_lines() {
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("generated"))
        .expect("generated/ is readable")
    {
        let path = entry.expect("an entry").path();
        if path
            .extension()
            .is_some_and(|extension| extension == "json")
        {
            continue;
        }
        let lines = std::fs::read_to_string(&path)
            .expect("a generated file")
            .lines()
            .count();
        assert!(
            lines <= 6_000,
            "{} has {lines} lines, over 6,000: split its output further",
            path.display()
        );
    }
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
    for ((built, checked_in), name) in
        files
            .into_iter()
            .zip(["entities.rs", "entity_kinds.rs", "entity_values.rs"])
    {
        assert_same_code(built, checked_in, name);
    }
}
