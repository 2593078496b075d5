//! The YAML copy is a second input for the same code. That every page and
//! its copy give the same module is checked page by page in
//! `tests/corpus/error_page.rs`; these are the copy's own properties.

mod common;

use std::path::Path;

use mastodon_error_codegen::{Config, Format, Source, parse};

#[test]
fn export_is_deterministic_and_names_its_source() {
    let page = common::fixture("seed-000-current.md");
    let config = Config::new();
    let first = config
        .export_yaml_source(&page, Some("spec/error.yaml"))
        .unwrap();
    let second = config
        .export_yaml_source(&page, Some("spec/error.yaml"))
        .unwrap();
    assert_eq!(first, second);
    assert!(first.starts_with("# Mastodon's Error entity page as data"));
    assert!(first.contains(
        "# Exported from seed-000-current.md by: mastodon-error-codegen export-yaml seed-000-current.md --out spec/error.yaml\n"
    ));
    assert!(first.contains("\nschema: 1\n"));
    assert!(first.ends_with('\n'));
}

#[test]
fn renames_are_written_into_the_copy_as_names() {
    let page = common::fixture("seed-000-current.md");
    let yaml = Config::new()
        .rename("#unconfirmed", "Unconfirmed")
        .rename("429 - Too many requests", "RateLimited")
        .export_yaml_source(&page, Some("error.yaml"))
        .unwrap();
    assert!(
        yaml.contains("        anchor: unconfirmed\n        name: Unconfirmed\n"),
        "{yaml}"
    );
    assert!(
        yaml.contains("    anchor: \"429\"\n    name: RateLimited\n"),
        "{yaml}"
    );
    // The copy alone now names them, with no configuration.
    let code = Config::new()
        .generate_source(&Source::new("error.yaml", yaml))
        .unwrap();
    assert!(code.contains("    Unconfirmed,\n"));
    assert!(code.contains("    RateLimited,\n"));
    assert!(!code.contains("NotCurrentUserConfirmed"));
}

#[test]
fn a_reason_added_by_hand_flows_into_the_model() {
    let copy = common::fixture("hand-edited.yaml");
    let spec = parse(&copy).expect("the hand-edited copy reads");
    let group = spec.groups.iter().find(|g| g.code == 422).expect("422");
    let added = group.reasons.last().expect("a reason");
    assert_eq!(added.heading, "Date::Error");
    assert_eq!(added.name_override.as_deref(), Some("InvalidDate"));
    assert_eq!(added.message.text, "Invalid date supplied");
    assert_eq!(group.reasons.len(), 4);
    // Everything else is the current page, unchanged.
    let page = parse(&common::fixture("seed-000-current.md")).unwrap();
    assert_eq!(spec.reasons().count(), page.reasons().count() + 1);
    // What it generates is compiled and exercised in tests/standalone.rs.
    let code = Config::new().generate_source(&copy).unwrap();
    assert!(code.contains("pub const INVALID_DATE: &str = \"Invalid date supplied\";"));
}

#[test]
fn the_input_format_follows_the_extension() {
    assert_eq!(Format::of("spec/error.yaml"), Format::Yaml);
    assert_eq!(Format::of("copy.YML"), Format::Yaml);
    assert_eq!(Format::of("spec/error.md"), Format::Markdown);
    assert_eq!(Format::of("000_641df72007f9da64.txt"), Format::Markdown);
    assert_eq!(Format::of("error"), Format::Markdown);
}

#[test]
fn the_schema_document_example_generates() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/README.md"))
            .expect("spec/README.md");
    let start = readme.find("```yaml\n").expect("a yaml example") + "```yaml\n".len();
    let end = start + readme[start..].find("```").expect("closed");
    let example = &readme[start..end];
    let code = Config::new()
        .generate_source(&Source::new("example.yaml", example))
        .unwrap_or_else(|e| panic!("the spec/README.md example does not generate:\n{e}"));
    assert!(code.contains("    RecordNotFound,\n"));
    assert!(code.contains("    TooManyRequests,\n"));
    assert!(code.contains("pub error_description: Option<String>"));
}
