//! The YAML copy is a second input for the same code: exporting a page and
//! generating from the copy gives the module the page gives, for every seed
//! and historical page.

mod common;

use std::path::Path;

use mastodon_error_codegen::{Config, Format, Source, parse};

/// The three `//` header lines name the input and its hash; everything
/// after them is the module.
fn split_header(code: &str) -> (&str, &str) {
    let mut lines = code.match_indices('\n');
    let (end, _) = lines.nth(2).expect("a three-line header");
    code.split_at(end + 1)
}

/// The header without its `// Spec blob:` line, which differs with the input's bytes.
fn without_blob(header: &str) -> String {
    header
        .lines()
        .filter(|line| !line.starts_with("// Spec blob: "))
        .map(|line| format!("{line}\n"))
        .collect()
}

fn page_source(path: &Path) -> Source {
    let text = std::fs::read_to_string(path).expect("page is readable");
    Source::new(common::page_label(path), text)
}

#[test]
fn the_yaml_copy_generates_the_same_module_for_every_page() {
    for path in common::readable_pages() {
        let page = page_source(&path);
        let label = page.name().to_owned();
        let config = Config::new();
        let from_page = config
            .generate_source(&page)
            .unwrap_or_else(|e| panic!("{label}: {e}"));
        let copy_name = format!("{label}.yaml");
        let yaml = config
            .export_yaml_source(&page, Some(&copy_name))
            .unwrap_or_else(|e| panic!("{label}: export: {e}"));
        let from_copy = config
            .generate_source(&Source::new(copy_name.as_str(), yaml.as_str()))
            .unwrap_or_else(|e| panic!("{label}: generate from its copy: {e}\n{yaml}"));

        let (page_header, page_module) = split_header(&from_page);
        let (copy_header, copy_module) = split_header(&from_copy);
        assert!(
            page_module == copy_module,
            "{label}: the module from the YAML copy differs from the page's"
        );
        assert_eq!(
            without_blob(copy_header),
            without_blob(page_header).replace(&label, &copy_name),
            "{label}: the headers differ in more than the input's name and hash"
        );

        // What the copy holds is what the page holds.
        let read_page = parse(&page).expect("page parses").without_spans();
        let read_copy = parse(&Source::new(copy_name.as_str(), yaml.as_str()))
            .expect("copy parses")
            .without_spans();
        assert_eq!(read_page, read_copy, "{label}: content differs");
    }
}

#[test]
fn exporting_a_copy_again_changes_nothing_but_the_header() {
    for path in common::readable_pages() {
        let page = page_source(&path);
        let config = Config::new();
        let first = config
            .export_yaml_source(&page, Some("copy.yaml"))
            .expect("export");
        let second = config
            .export_yaml_source(&Source::new("copy.yaml", first.as_str()), Some("copy.yaml"))
            .expect("re-export");
        let body = |yaml: &str| {
            yaml.lines()
                .skip_while(|line| line.starts_with('#'))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(body(&first), body(&second), "{}", page.name());
    }
}

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
fn a_page_without_anchors_exports_without_anchors() {
    let oldest = common::corpus_pages()
        .into_iter()
        .find(|path| common::page_label(path).starts_with("2020-01-01"))
        .expect("the 2020-01-01 page");
    let yaml = Config::new()
        .export_yaml_source(&page_source(&oldest), None)
        .unwrap();
    assert!(!yaml.contains("anchor:"), "{yaml}");
    assert!(yaml.contains("--out FILE\n"), "{yaml}");
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
