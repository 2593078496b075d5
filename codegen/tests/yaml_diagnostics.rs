//! Every way a YAML copy can be wrong gets `file:line:col: error: …` and a
//! help line. Each case breaks an exported copy of the current page in one
//! place; semantic problems must read exactly as they do for the page.

mod common;

use common::assert_reports;
use mastodon_error_codegen::{Config, Error, Source};

/// The current page's YAML copy, as `export-yaml` writes it.
fn current_copy() -> String {
    Config::new()
        .export_yaml_source(&common::fixture("seed-000-current.md"), Some("error.yaml"))
        .expect("the current page exports")
}

/// `text` with `old` replaced by `new` (which must occur once).
fn replaced(text: &str, old: &str, new: &str) -> String {
    assert_eq!(text.matches(old).count(), 1, "{old:?} must occur once");
    text.replacen(old, new, 1)
}

fn copy_with(old: &str, new: &str) -> String {
    replaced(&current_copy(), old, new)
}

/// 1-based line and column of the only occurrence of `needle`.
fn position(text: &str, needle: &str) -> (usize, usize) {
    assert_eq!(
        text.matches(needle).count(),
        1,
        "{needle:?} must occur once"
    );
    let at = text.find(needle).unwrap();
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    (
        text[..at].matches('\n').count() + 1,
        text[line_start..at].chars().count() + 1,
    )
}

fn read(text: &str) -> Error {
    Config::new()
        .generate_source(&Source::new("error.yaml", text))
        .expect_err("the copy is broken on purpose")
}

#[track_caller]
fn assert_at(text: &str, needle: &str, message: &str, help: &str) {
    let (line, col) = position(text, needle);
    assert_reports(&read(text), line, col, message, help);
}

#[test]
fn the_exported_copy_is_valid() {
    Config::new()
        .generate_source(&Source::new("error.yaml", current_copy()))
        .expect("a fresh copy generates");
}

#[test]
fn empty_file() {
    assert_reports(
        &read("\n  \n"),
        1,
        1,
        "the file is empty",
        "write a YAML copy with `mastodon-error-codegen export-yaml",
    );
}

#[test]
fn malformed_yaml() {
    let copy = copy_with("title: Error\n", "title: 'Error\n");
    assert_at(
        &copy,
        "description: Represents",
        "invalid YAML: invalid indentation in multiline quoted scalar",
        "fix the YAML here; spec/README.md describes the schema",
    );
}

#[test]
fn tab_indentation() {
    let copy = copy_with(
        "    text: Not found\n",
        "    text:\tNot found\n\ttext: again\n",
    );
    let error = read(&copy);
    assert!(
        error
            .render()
            .contains("= help: indent with spaces: YAML does not allow tabs there"),
        "{error}"
    );
}

#[test]
fn misspelt_key_gets_a_suggestion() {
    let copy = copy_with("message: Record not found\n", "mesage: Record not found\n");
    assert_at(
        &copy,
        "mesage:",
        "unknown key `mesage` in a reason",
        "did you mean `message`? a reason takes `heading`, `anchor`, `name`, `message`, `explanation`",
    );
}

#[test]
fn misspelt_top_level_key() {
    let copy = copy_with("title: Error\n", "tittle: Error\n");
    assert_at(
        &copy,
        "tittle:",
        "unknown key `tittle` in the document",
        "did you mean `title`? the document takes `schema`, `title`, `description`, `attributes`, `groups`",
    );
}

#[test]
fn unknown_key_without_a_near_match() {
    let copy = copy_with(
        "    text: Not found\n",
        "    text: Not found\n    colour: red\n",
    );
    assert_at(
        &copy,
        "colour:",
        "unknown key `colour` in a status group",
        "a status group takes `code`, `text`, `anchor`, `name`, `message`, `explanation`, `reasons`",
    );
}

#[test]
fn missing_key_points_at_its_mapping() {
    let copy = copy_with("        message: Record not found\n", "");
    assert_at(
        &copy,
        "heading: RecordNotFound",
        "a reason is missing `message`",
        "add `message:` with the message the server sends, such as `Record not found`",
    );
}

#[test]
fn missing_key_of_an_attribute() {
    let copy = copy_with(
        "    description: The error message.\n    type: String\n",
        "    description: The error message.\n",
    );
    assert_at(
        &copy,
        "name: error\n",
        "an attribute is missing `type`",
        "add `type:` with a type as the page writes it, such as `String`",
    );
}

#[test]
fn missing_top_level_key() {
    let copy = current_copy();
    let copy = &copy[..copy.find("groups:\n").unwrap()];
    assert_at(
        copy,
        "schema: 1",
        "the document is missing `groups`",
        "add `groups:` with a list of mappings",
    );
}

#[test]
fn status_code_that_is_not_a_number() {
    let copy = copy_with("  - code: 404\n", "  - code: abc\n");
    assert_at(
        &copy,
        "abc",
        "invalid value for `code`: expected an HTTP status code from 100 to 599, such as `404`",
        "give `code` an HTTP status code from 100 to 599, such as `404`",
    );
}

#[test]
fn status_code_too_large_for_http() {
    let copy = copy_with("  - code: 404\n", "  - code: 70000\n");
    assert_at(
        &copy,
        "70000",
        "invalid value for `code`: expected an HTTP status code from 100 to 599, such as `404`",
        "give `code` an HTTP status code",
    );
}

#[test]
fn flag_that_is_not_a_boolean() {
    let copy = copy_with("    optional: true\n", "    optional: yes\n");
    assert_at(
        &copy,
        "yes",
        "invalid value for `optional`: expected `true` or `false`",
        "give `optional` `true` or `false`",
    );
}

#[test]
fn text_that_is_a_list() {
    let copy = copy_with("title: Error\n", "title: [Error]\n");
    assert_at(
        &copy,
        "[Error]",
        "invalid value for `title`: expected the page title, such as `Error`",
        "give `title` the page title",
    );
}

#[test]
fn list_that_is_text() {
    let copy = current_copy();
    let start = copy.find("groups:\n").unwrap();
    let copy = format!("{}groups: none\n", &copy[..start]);
    assert_at(
        &copy,
        "none",
        "invalid value for `groups`: expected a list of mappings (`- ` items)",
        "give `groups` a list of mappings",
    );
}

#[test]
fn no_schema_version() {
    let copy = copy_with("schema: 1\n", "");
    assert_at(
        &copy,
        "title: Error",
        "the document does not say which schema it is written in",
        "add `schema: 1` as the first line",
    );
}

#[test]
fn newer_schema_version() {
    // Keys of a future schema must not hide the version mismatch.
    let copy = copy_with("schema: 1\n", "schema: 2\nlocales: [en]\n");
    assert_at(
        &copy,
        "2\nlocales",
        "this copy is written in schema 2, but this generator reads schema 1",
        "use a mastodon-error-codegen that reads schema 2, or re-export the copy with this one",
    );
}

#[test]
fn duplicate_key() {
    let copy = copy_with("title: Error\n", "title: Error\ntitle: Again\n");
    assert_at(
        &copy,
        "title: Again",
        "invalid YAML: duplicate mapping key `title` is not allowed here",
        "fix the YAML here",
    );
}

#[test]
fn second_document() {
    let copy = format!("{}---\nschema: 1\n", current_copy());
    let (line, _) = position(&copy, "---\n");
    assert_reports(
        &read(&copy),
        line + 1,
        1,
        "invalid YAML: only single YAML document expected but multiple found",
        "fix the YAML here",
    );
}

#[test]
fn document_that_is_not_a_mapping() {
    assert_reports(
        &read("- schema: 1\n"),
        1,
        1,
        "the document is not a mapping",
        "a copy is a mapping of keys that starts with `schema: 1`",
    );
}

#[test]
fn status_group_without_a_reason() {
    let copy = copy_with(
        "  - code: 404\n",
        "  - code: 418\n    text: I'm a teapot\n  - code: 404\n",
    );
    assert_at(
        &copy,
        "418",
        "status 418 documents no reason",
        "list its reasons under `reasons:`, or give the group's own `message:` as 429 has",
    );
}

#[test]
fn group_explanation_without_a_group_message() {
    let copy = copy_with(
        "    anchor: \"404\"\n",
        "    anchor: \"404\"\n    explanation: Orphaned.\n",
    );
    assert_at(
        &copy,
        "Orphaned.",
        "`explanation` on a status group belongs to the group's own reason, which has no `message`",
        "add the group's `message:`, or move this under one of its `reasons:`",
    );
}

#[test]
fn explanation_that_is_not_a_paragraph() {
    let copy = copy_with(
        "explanation: May appear when entity creation failed.\n",
        "explanation: \"- May appear\"\n",
    );
    assert_at(
        &copy,
        "\"- May appear\"",
        "this explanation holds a line that may open a heading, list, quote, rule or fence",
        "explanations are paragraphs of text, `code` and [links](target)",
    );
}

#[test]
fn empty_status_text() {
    let copy = copy_with("    text: Not found\n", "    text: \"\"\n");
    assert_at(
        &copy,
        "\"\"",
        "status 404 has an empty `text`",
        "give the status text the page shows, e.g. `text: Not found`",
    );
}

#[test]
fn explicit_name_that_is_not_upper_camel_case() {
    let copy = copy_with(
        "        anchor: not-found\n",
        "        anchor: not-found\n        name: record_not_found\n",
    );
    let error = read(&copy);
    let rendered = error.render();
    let (line, col) = position(&copy, "RecordNotFound\n        anchor: not-found");
    assert!(
        rendered.contains(&format!(
            "error.yaml:{line}:{col}: error: the configured name"
        )),
        "{rendered}"
    );
}

#[test]
fn empty_anchor() {
    let copy = copy_with("        anchor: not-found\n", "        anchor: \"\"\n");
    assert_at(
        &copy,
        "RecordNotFound\n",
        "the anchor `#` cannot end a docs link",
        "use an anchor like `not-found`",
    );
}

#[test]
fn message_on_two_lines() {
    let copy = copy_with(
        "message: Record not found\n",
        "message: \"Record\\nnot found\"\n",
    );
    assert_at(
        &copy,
        "\"Record\\nnot found\"",
        "the message of reason `RecordNotFound` has line breaks, control characters or surrounding spaces",
        "write the message on one line, exactly as the server sends it",
    );
}

/// The first diagnostic of each input, which must say the same thing.
#[track_caller]
fn assert_same_message(page: &str, copy: &str) {
    let page_error = Config::new()
        .generate_source(&Source::new("error.md", page))
        .expect_err("broken page");
    let copy_error = read(copy);
    let messages = |error: &Error| {
        error
            .diagnostics()
            .iter()
            .map(|d| (d.message().to_owned(), d.help_text().map(str::to_owned)))
            .collect::<Vec<_>>()
    };
    assert_eq!(messages(&page_error), messages(&copy_error));
}

fn page_with(old: &str, new: &str) -> String {
    replaced(common::fixture("seed-000-current.md").text(), old, new)
}

#[test]
fn semantic_checks_read_the_same_for_both_inputs() {
    // Status out of range.
    assert_same_message(
        &page_with("### 404 - Not found {#404}", "### 999 - Not found {#404}"),
        &copy_with("  - code: 404\n", "  - code: 999\n"),
    );
    // Two groups for one status.
    assert_same_message(
        &page_with(
            "### 503 - Remote service unavailable {#503}",
            "### 404 - Remote service unavailable {#503}",
        ),
        &copy_with("  - code: 503\n", "  - code: 404\n"),
    );
    // An anchor used twice.
    assert_same_message(
        &page_with("#### SSLError {#ssl}", "#### SSLError {#networking-error}"),
        &copy_with(
            "        anchor: ssl\n",
            "        anchor: networking-error\n",
        ),
    );
    // Two reasons that name the same variant.
    assert_same_message(
        &page_with("#### NotPermitted {#not-permitted}", "#### Not-Permitted {#not-permitted}\n\nError: Also not allowed. x\n\n#### NotPermitted {#not-permitted-2}"),
        &copy_with(
            "      - heading: NotPermitted\n",
            "      - heading: Not-Permitted\n        anchor: not-permitted\n        message: Also not allowed\n        explanation: x\n      - heading: NotPermitted\n",
        )
        .replacen("        anchor: not-permitted\n        message: This action", "        anchor: not-permitted-2\n        message: This action", 1),
    );
    // An empty message.
    assert_same_message(
        &page_with("Error: Duplicate record.", "Error: ."),
        &copy_with("message: Duplicate record\n", "message: \"\"\n"),
    );
    // An unsupported attribute type.
    assert_same_message(
        &page_with(
            "**Type:** String\\\n**Version history:**\\\n0.6.0 - added\n\n### `error_description`",
            "**Type:** Hash\\\n**Version history:**\\\n0.6.0 - added\n\n### `error_description`",
        ),
        &copy_with(
            "    type: String\n    optional: false\n",
            "    type: Hash\n    optional: false\n",
        ),
    );
}

#[test]
fn empty_attribute_list() {
    let copy = current_copy();
    let start = copy.find("attributes:\n").unwrap();
    let end = copy.find("groups:\n").unwrap();
    let copy = format!("{}attributes: []\n{}", &copy[..start], &copy[end..]);
    assert_at(
        &copy,
        "[]",
        "`attributes` is empty",
        "list each attribute as a `- name:` item with its `description` and `type`",
    );
}

#[test]
fn empty_group_list() {
    let copy = current_copy();
    let start = copy.find("groups:\n").unwrap();
    let copy = format!("{}groups: []\n", &copy[..start]);
    assert_at(
        &copy,
        "[]",
        "`groups` is empty",
        "list each status group as a `- code:` item with its `text` and `reasons`",
    );
}
