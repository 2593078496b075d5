//! docs/lints.md is generated from the lint declarations: this fails while
//! the checked-in page differs from what the main job would write.

use mastodon_error_codegen::lint;

#[test]
fn docs_lints_md_is_generated_from_the_declarations() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/lints.md");
    let checked_in = std::fs::read_to_string(path).expect("docs/lints.md");
    let expected = lint::reference_markdown();
    assert!(
        checked_in == expected,
        "docs/lints.md is stale: the lint declarations changed; run the main job \
         (`cargo run -p mastodon-error-tools` from the workspace root), which rewrites it, and commit it"
    );
    // The page holds every lint and group, so a test of the page is a test of them.
    for lint in lint::ALL {
        assert!(expected.contains(&format!("| `{}` | {} |", lint.name, lint.default_level)));
    }
    for group in lint::GROUPS {
        assert!(expected.contains(&format!("| `{}` | {} |", group.name, group.summary)));
    }
}
