//! Every way a page can be wrong gets `file:line:col: error: …` and a help
//! line. Each case breaks the real page in one place and checks the
//! diagnostic that place produces.

mod common;

use std::path::PathBuf;

use mastodon_error_codegen::{Config, Error, MAX_SPEC_BYTES, Source};

fn current_page() -> String {
    common::fixture("seed-000-current.md").text().to_owned()
}

/// The current page with `old` replaced by `new` (which must occur once).
fn page_with(old: &str, new: &str) -> String {
    let page = current_page();
    assert_eq!(
        page.matches(old).count(),
        1,
        "fixture must contain {old:?} once"
    );
    page.replacen(old, new, 1)
}

/// 1-based line of the first line of `text` that starts with `prefix`.
fn line_of(text: &str, prefix: &str) -> usize {
    text.lines()
        .position(|line| line.starts_with(prefix))
        .unwrap_or_else(|| panic!("no line starts with {prefix:?}"))
        + 1
}

fn generate(text: &str) -> Error {
    Config::new()
        .generate_source(&Source::new("error.md", text))
        .expect_err("the page is broken on purpose")
}

use common::assert_reports;

#[test]
fn empty_file() {
    assert_reports(
        &generate(""),
        1,
        1,
        "the file is empty",
        "point the generator at the Error entity page",
    );
}

#[test]
fn byte_order_mark() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(current_page().into_bytes());
    let error = Source::from_bytes("error.md", bytes).expect_err("BOM refused");
    assert_reports(
        &error,
        1,
        1,
        "the file starts with a UTF-8 byte-order mark",
        "save the file as UTF-8 without a BOM",
    );
}

#[test]
fn non_utf8_bytes() {
    let error = Source::from_bytes("error.md", b"---\ntitle: \xFF\n---\n".to_vec())
        .expect_err("invalid UTF-8 refused");
    assert_reports(
        &error,
        2,
        8,
        "the file is not valid UTF-8: 1 invalid byte(s) at byte offset 11",
        "re-encode the file as UTF-8",
    );
}

#[test]
fn oversized_input() {
    let error =
        Source::from_bytes("error.md", vec![b'a'; MAX_SPEC_BYTES + 1]).expect_err("too large");
    assert_reports(
        &error,
        1,
        1,
        &format!(
            "the file is {} bytes, over the {MAX_SPEC_BYTES} byte limit for a spec",
            MAX_SPEC_BYTES + 1
        ),
        "point the generator at the Error entity page itself",
    );
}

#[test]
fn unterminated_front_matter() {
    assert_reports(
        &generate("---\ntitle: Error\n\n## Attributes\n"),
        1,
        1,
        "the front matter is never closed",
        "end the front matter with a line containing only `---`",
    );
}

#[test]
fn invalid_yaml_in_front_matter() {
    // The flow list never closes; YAML finds out on the next line.
    let page = page_with("title: Error\n", "title: [Error\n");
    assert_reports(
        &generate(&page),
        3,
        8,
        "the front matter is not valid YAML: illegal placement of ':' indicator",
        "fix the YAML between the `---` lines",
    );
}

#[test]
fn front_matter_keys_are_read_once_and_as_text() {
    let page = page_with("title: Error\n", "title: Error\ntitle: Again\n");
    assert_reports(
        &generate(&page),
        3,
        1,
        "the front matter is not valid YAML: duplicate mapping key `title` is not allowed here",
        "fix the YAML between the `---` lines",
    );
    let page = page_with("title: Error\n", "title: [Error]\n");
    assert_reports(
        &generate(&page),
        2,
        8,
        "the front matter is not valid YAML: invalid value for `title`: expected the page title",
        "fix the YAML between the `---` lines",
    );
}

#[test]
fn missing_title() {
    let page = page_with("title: Error\n", "");
    assert_reports(
        &generate(&page),
        1,
        1,
        "the front matter has no `title`",
        "add a line `title: Error`",
    );
}

#[test]
fn title_that_names_a_generated_type() {
    let page = page_with("title: Error\n", "title: Reason\n");
    assert_reports(
        &generate(&page),
        2,
        1,
        "the title gives the entity name `Reason`, which the generated module already uses",
        "the module also defines Reason, Classification, StatusGroup, ParseReasonError; retitle the page",
    );
}

#[test]
fn title_with_no_name_in_it() {
    let page = page_with("title: Error\n", "title: \"???\"\n");
    assert_reports(
        &generate(&page),
        2,
        1,
        "the title `???` has no ASCII letters or digits to build a name from",
        "the title names the entity struct",
    );
}

#[test]
fn no_possible_reasons_section() {
    let page = page_with("## Possible reasons {#reasons}", "## Possible causes");
    let end_line = page.matches('\n').count() + 1;
    assert_reports(
        &generate(&page),
        end_line,
        1,
        "the page has no \"Possible reasons\" section",
        "add `## Possible reasons {#reasons}`",
    );
}

#[test]
fn second_possible_reasons_section() {
    let mut page = current_page();
    page.push_str(
        "## Possible reasons\n\n### 500 - Internal {#500}\n\nError: Boom. Appears rarely.\n",
    );
    let line = page
        .lines()
        .position(|l| l == "## Possible reasons")
        .expect("appended")
        + 1;
    assert_reports(
        &generate(&page),
        line,
        1,
        "a second \"Possible reasons\" section",
        "merge the two sections into one",
    );
}

#[test]
fn no_attributes_section() {
    let page = page_with("## Attributes\n", "## Fields\n");
    let end_line = page.matches('\n').count() + 1;
    assert_reports(
        &generate(&page),
        end_line,
        1,
        "the page has no attributes section",
        "add `## Attributes`",
    );
}

#[test]
fn status_heading_without_a_code() {
    let page = page_with("### 404 - Not found {#404}", "### Not found {#404}");
    assert_reports(
        &generate(&page),
        line_of(&page, "### Not found"),
        1,
        "a status heading without a status code",
        "write status headings as `### 404 - Not found`",
    );
}

#[test]
fn status_heading_without_text() {
    let page = page_with("### 404 - Not found {#404}", "### 404 {#404}");
    assert_reports(
        &generate(&page),
        line_of(&page, "### 404 {#404}"),
        1,
        "a status heading without status text",
        "add the status text after the code",
    );
}

#[test]
fn status_code_out_of_range() {
    let page = page_with("### 404 - Not found {#404}", "### 999 - Not found {#404}");
    assert_reports(
        &generate(&page),
        line_of(&page, "### 999"),
        1,
        "status code 999 is outside 100–599",
        "use the HTTP status the server answers with, from 100 to 599",
    );
}

#[test]
fn duplicate_status_group() {
    let page = page_with(
        "### 503 - Remote service unavailable {#503}",
        "### 404 - Remote service unavailable {#503}",
    );
    assert_reports(
        &generate(&page),
        line_of(&page, "### 404 - Remote"),
        1,
        "status 404 has two groups",
        "merge the reasons into one status group",
    );
}

#[test]
fn status_group_without_a_reason() {
    let page = page_with(
        "### 503 - Remote service unavailable {#503}",
        "### 500 - Internal server error {#500}\n\n### 503 - Remote service unavailable {#503}",
    );
    assert_reports(
        &generate(&page),
        line_of(&page, "### 500"),
        1,
        "status 500 documents no reason",
        "add `#### Name` with an `Error: <message>. <explanation>` line",
    );
}

#[test]
fn prose_under_a_status_heading() {
    let page = page_with(
        "### 503 - Remote service unavailable {#503}",
        "### 500 - Internal server error {#500}\n\nSomething broke.\n\n### 503 - Remote service unavailable {#503}",
    );
    assert_reports(
        &generate(&page),
        line_of(&page, "Something broke."),
        1,
        "a paragraph under a status heading that is not an `Error:` line",
        "document the status's reason as `Error: <message>. <explanation>`",
    );
}

#[test]
fn reason_heading_outside_any_status_group() {
    let page = page_with(
        "## Possible reasons {#reasons}\n",
        "## Possible reasons {#reasons}\n\n#### Orphan {#orphan}\n\nError: Lost. Appears nowhere.\n",
    );
    assert_reports(
        &generate(&page),
        line_of(&page, "#### Orphan"),
        1,
        "a reason heading outside any status group",
        "put it under a status heading such as `### 404 - Not found`",
    );
}

#[test]
fn reason_without_an_error_line() {
    let page = page_with("Error: Duplicate record.", "Duplicate record.");
    assert_reports(
        &generate(&page),
        line_of(&page, "#### RecordNotUnique"),
        1,
        "reason `RecordNotUnique` has no `Error:` line",
        "follow the heading with a paragraph `Error: <message>. <explanation>`",
    );
}

#[test]
fn reason_with_an_empty_message() {
    let page = page_with("Error: Duplicate record. Appears", "Error: . Appears");
    assert_reports(
        &generate(&page),
        line_of(&page, "Error: . Appears"),
        8,
        "reason `RecordNotUnique` has an empty message",
        "write the message the server sends",
    );
}

#[test]
fn second_error_line_for_one_reason() {
    let page = page_with(
        "### 503 - Remote service unavailable {#503}",
        "Error: Slow down. Appears twice.\n\n### 503 - Remote service unavailable {#503}",
    );
    assert_reports(
        &generate(&page),
        line_of(&page, "Error: Slow down."),
        8,
        "a second `Error:` line for the same reason",
        "give each reason its own `#### Name` heading",
    );
}

#[test]
fn heading_too_deep_inside_reasons() {
    let page = page_with(
        "### 503 - Remote service unavailable {#503}",
        "##### Detail\n\n### 503 - Remote service unavailable {#503}",
    );
    assert_reports(
        &generate(&page),
        line_of(&page, "##### Detail"),
        1,
        "a level-5 heading inside \"Possible reasons\"",
        "use `###` for status groups",
    );
}

#[test]
fn level_one_heading_inside_reasons() {
    // Reading goes on after the heading: the broken 503 reason below it is
    // reported too, so the heading cannot hide the reasons that follow.
    let page = page_with(
        "### 503 - Remote service unavailable {#503}",
        "# Detail\n\n### 503 - Remote service unavailable {#503}",
    )
    .replacen("Error: Remote data", "Remote data", 1);
    let error = generate(&page);
    assert_reports(
        &error,
        line_of(&page, "# Detail"),
        1,
        "a level-1 heading inside \"Possible reasons\"",
        "use `##` to start a new section, `###` for status groups and `####` for reasons",
    );
    assert_eq!(error.diagnostics().len(), 2, "{}", error.render());
}

#[test]
fn level_one_heading_inside_attributes() {
    let page = page_with(
        "### `error_description`",
        "Errors\n======\n\n### `error_description`",
    );
    assert_reports(
        &generate(&page),
        line_of(&page, "Errors"),
        1,
        "a level-1 heading inside the attributes",
        "use `##` to start a new section and `###` for attributes",
    );
}

#[test]
fn reasons_section_without_status_groups() {
    let page = current_page();
    let start = page.find("### 400 - Bad request").unwrap();
    let end = page.find("## See also").unwrap();
    let page = format!("{}{}", &page[..start], &page[end..]);
    assert_reports(
        &generate(&page),
        line_of(&page, "## Possible reasons"),
        1,
        "\"Possible reasons\" lists no status groups",
        "add `### NNN - Text` status headings with `#### Name` reasons under them",
    );
}

#[test]
fn attributes_section_without_attributes() {
    let page = current_page();
    let start = page.find("### `error` {#error}").unwrap();
    let end = page.find("## Possible reasons").unwrap();
    let page = format!("{}{}", &page[..start], &page[end..]);
    assert_reports(
        &generate(&page),
        line_of(&page, "## Attributes"),
        1,
        "the attributes section lists no attributes",
        "add one `### `name`` heading per attribute, with its `**Description:**` and `**Type:**` lines",
    );
}

#[test]
fn duplicate_anchor() {
    let page = page_with("#### SSLError {#ssl}", "#### SSLError {#networking-error}");
    assert_reports(
        &generate(&page),
        line_of(&page, "#### NetworkingError"),
        1,
        "the anchor `#networking-error` is used twice",
        "give every heading its own anchor (`{#anchor}` on the page, `anchor:` in the YAML copy)",
    );
}

#[test]
fn attribute_heading_without_backticks() {
    let page = page_with("### `error` {#error}", "### error {#error}");
    assert_reports(
        &generate(&page),
        line_of(&page, "### error {#error}"),
        1,
        "an attribute heading must be the attribute's name in backticks",
        "write it as ### `name`",
    );
}

#[test]
fn attribute_name_that_is_not_a_field() {
    let page = page_with("### `error` {#error}", "### `Error` {#error}");
    assert_reports(
        &generate(&page),
        line_of(&page, "### `Error`"),
        1,
        "the attribute name `Error` cannot be a struct field",
        "attribute names must be lowercase ASCII letters, digits and `_`",
    );
}

#[test]
fn attribute_documented_twice() {
    let page = page_with(
        "### `error_description` {{%optional%}} {#error_description}",
        "### `error` {{%optional%}} {#error_description}",
    );
    assert_reports(
        &generate(&page),
        line_of(&page, "### `error` {{%optional%}}"),
        1,
        "attribute `error` is documented twice",
        "remove one of the two",
    );
}

#[test]
fn attribute_without_a_type() {
    let page = page_with(
        "**Description:** The error message.\\\n**Type:** String\\\n",
        "**Description:** The error message.\\\n",
    );
    assert_reports(
        &generate(&page),
        line_of(&page, "### `error` {#error}"),
        1,
        "attribute `error` has no type",
        "give its type: `**Type:** String` under the heading",
    );
}

#[test]
fn attribute_with_an_unsupported_type() {
    let page = page_with(
        "**Description:** The error message.\\\n**Type:** String",
        "**Description:** The error message.\\\n**Type:** Hash",
    );
    assert_reports(
        &generate(&page),
        line_of(&page, "**Type:** Hash"),
        11,
        "unsupported type `Hash` for attribute `error`",
        "supported types: String, Integer, Boolean, Float",
    );
}

#[test]
fn unknown_attribute_field() {
    let page = page_with(
        "**Description:** The error message.",
        "**Summary:** The error message.",
    );
    assert_reports(
        &generate(&page),
        line_of(&page, "**Summary:**"),
        3,
        "unknown attribute field `Summary`",
        "attribute fields are **Description:**, **Type:** and **Version history:**",
    );
}

#[test]
fn unknown_shortcode_where_a_marker_is_expected() {
    let page = page_with("{{%optional%}}", "{{%sometimes%}}");
    assert_reports(
        &generate(&page),
        line_of(&page, "### `error_description`"),
        25,
        "unknown shortcode `sometimes` in an attribute heading",
        "attribute headings accept the markers {{%optional%}}, {{%nullable%}}, {{%deprecated%}} and {{%removed%}}",
    );
}

#[test]
fn compile_reports_an_unwritable_output() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("diagnostics-compile");
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let spec = dir.join("error.md");
    std::fs::write(&spec, current_page()).expect("spec written");
    let error = Config::new()
        .out_dir(dir.join("no/such/dir"))
        .compile(&spec)
        .expect_err("the output directory does not exist");
    let rendered = error.render();
    assert!(
        rendered.contains(":1:1: error: cannot write `"),
        "{rendered}"
    );
    assert!(
        rendered.contains("= help: check that the output directory exists and is writable"),
        "{rendered}"
    );
}

#[test]
fn rendered_text_seeds_are_refused_with_located_errors() {
    // Seeds 001, 003 and 004 are the page as a browser renders it: no front
    // matter, no Markdown structure. They must fail, never half-generate.
    for name in common::RENDERED_SEEDS {
        let error = Config::new()
            .generate_source(&common::fixture(name))
            .expect_err("rendered text is not a page");
        let rendered = error.render();
        assert!(
            rendered.starts_with(&format!("{name}:1:1: error: the page has no front matter")),
            "{rendered}"
        );
        assert!(
            rendered.contains("the page has no \"Possible reasons\" section"),
            "{rendered}"
        );
        assert!(rendered.contains("= help: "), "{rendered}");
    }
}
