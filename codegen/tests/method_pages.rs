//! The method page reader on small pages: what it reads, and for every
//! defect a page can have, the located lint and what was kept or left out.

mod common;

use common::assert_reports;
use mastodon_error_codegen::model::methods::{Lifecycle, LintRecord, MethodPage};
use mastodon_error_codegen::{Source, parse_method_page, read_method_pages};

const FRONT: &str = "---\ntitle: statuses API methods\n---\n\n";

fn page(body: &str) -> String {
    format!("{FRONT}{body}")
}

const METHOD: &str = "## View a status {#get}\n\n```http\nGET /api/v1/statuses/:id HTTP/1.1\n```\n\n**Returns:** Status\\\n**OAuth:** Public for public statuses, user token + `read:statuses` for private ones\\\n**Version history:**\\\n0.0.0 - added\n\n#### Response\n##### 200: OK\n\n```json\n{\"id\": \"1\"}\n```\n\n##### 404: Not found\n\nNo such status.\n\n```json\n{\n  \"error\": \"Record not found\"\n}\n```\n";

#[test]
fn a_method_is_read_with_its_request_auth_version_and_errors() {
    let text = page(&["Intro.\n\n" , METHOD, "\n## {{%deprecated%}} Old way {#old}\n\n```http\nPOST https://mastodon.example/api/v1/old\n```\n\n**OAuth**: App token + `write`\\\n**Version history**:\\\n4.0.0-beta1 - added\\\n4.1.0 - add `min_id`\\\n4.2.0 - Deprecated, in favour of the new way\n\n##### Older Mastodon Versions – 400: Bad Request\n\n```json\n{\"error\": \"invalid_grant\", \"error_description\": \"The grant is invalid.\"}\n```\n\n###### Local user\n\n```json\n{\"error\": \"Record invalid\"}\n```\n\n## See also\n\n```http\nwss://mastodon.example/api/v1/streaming\n```\n"].concat());
    let page = parse_method_page(&Source::new("statuses.md", text), "statuses").unwrap();
    assert_eq!(page.title, "statuses API methods");
    assert_eq!(page.path, "statuses");
    let [get, old] = &page.methods[..] else {
        panic!("two methods: {:?}", page.methods)
    };
    assert_eq!(
        (get.http_method.as_str(), get.path.as_str()),
        ("GET", "/api/v1/statuses/:id")
    );
    assert_eq!(get.anchor.as_deref(), Some("get"));
    assert_eq!(get.title, "View a status");
    assert!(get.auth.public && get.auth.user && !get.auth.app);
    assert_eq!(get.auth.scopes, ["read:statuses"]);
    assert_eq!(get.added_in.as_deref(), Some("0.0.0"));
    assert_eq!(get.lifecycle, Lifecycle::Current);
    assert_eq!(get.lifecycle_since, None);
    let errors: Vec<_> = get
        .errors
        .iter()
        .map(|e| (e.status, e.status_text.as_str(), e.error.as_str()))
        .collect();
    assert_eq!(errors, [(404, "Not found", "Record not found")]);

    assert_eq!(
        (old.http_method.as_str(), old.path.as_str()),
        ("POST", "/api/v1/old")
    );
    assert_eq!(old.lifecycle, Lifecycle::Deprecated);
    assert!(old.auth.app && !old.auth.user);
    assert_eq!(old.added_in.as_deref(), Some("4.0.0-beta1"));
    // The first history entry that says what the heading's marker says.
    assert_eq!(old.lifecycle_since.as_deref(), Some("4.2.0"));
    let errors: Vec<_> = old
        .errors
        .iter()
        .map(|e| (e.status, e.error.as_str(), e.error_description.as_deref()))
        .collect();
    assert_eq!(
        errors,
        [
            (400, "invalid_grant", Some("The grant is invalid.")),
            (400, "Record invalid", None)
        ]
    );
}

/// The filters page nests methods under `##` group headings; a `###` heading
/// is a method when a request follows it, and a sub-heading otherwise.
#[test]
fn methods_nested_under_a_group_heading_are_methods() {
    let nested = METHOD.replace("## View a status {#get}", "### View a status {#get}");
    let second = nested
        .replace("{#get}", "{#delete}")
        .replace("GET /api/v1/statuses/:id", "DELETE /api/v1/statuses/:id")
        .replace("View a status", "Delete a status");
    let text = page(&[
        "## Server-side (v2) methods {#v2}\n\nIntro.\n\n",
        &nested,
        "\n### 401: Unauthorized\n\n```json\n{\"error\": \"The access token is invalid\"}\n```\n\n",
        &second,
    ]
    .concat());
    let page = parse_method_page(&Source::new("filters.md", text), "filters").unwrap();
    let methods: Vec<_> = page
        .methods
        .iter()
        .map(|m| (m.anchor.as_deref(), m.http_method.as_str(), m.errors.len()))
        .collect();
    // The group heading is no method; the `### 401` stays under its method.
    assert_eq!(
        methods,
        [(Some("get"), "GET", 2), (Some("delete"), "DELETE", 1)]
    );
}

/// Reads a page with one docs defect: the page still reads, and records
/// the one lint that fired.
fn defect_of(body: &str) -> (MethodPage, LintRecord) {
    let page = parse_method_page(&Source::new("statuses.md", page(body)), "statuses")
        .unwrap_or_else(|error| panic!("a docs defect never fails the page:\n{error}"));
    let [record] = &page.lints[..] else {
        panic!("one lint: {:?}", page.lints)
    };
    let record = record.clone();
    (page, record)
}

/// The lint's name, `file:line:col` below the methods folder, message and outcome.
fn assert_lint(record: &LintRecord, lint: &str, at: &str, message: &str, outcome: &str) {
    assert_eq!(record.lint, lint, "{record:?}");
    assert_eq!(record.at, at, "{record:?}");
    assert!(record.message.contains(message), "{record:?}");
    assert!(record.outcome.contains(outcome), "{record:?}");
}

#[test]
fn a_request_line_that_is_not_one_leaves_out_its_method() {
    for request in ["FETCH /api/v1/statuses/:id", "GET api/v1/statuses"] {
        let (page, record) =
            defect_of(&METHOD.replace("GET /api/v1/statuses/:id HTTP/1.1", request));
        assert_lint(
            &record,
            "invalid-request-line",
            "statuses.md:8:1",
            "the section's first `http` block is not a request line",
            "left out this section's method",
        );
        assert!(page.methods.is_empty(), "{:?}", page.methods);
    }
}

#[test]
fn an_unknown_heading_marker_is_ignored() {
    let (page, record) = defect_of(&METHOD.replace("## View", "## {{%beta%}} View"));
    assert_lint(
        &record,
        "unknown-heading-marker",
        "statuses.md:5:4",
        "unknown marker `beta` in a section heading",
        "ignored `beta`",
    );
    assert_eq!(page.methods[0].lifecycle, Lifecycle::Current);
}

#[test]
fn a_method_without_an_oauth_line_is_kept_without_authorization() {
    let (page, record) = defect_of(&METHOD.replace(
        "**OAuth:** Public for public statuses, user token + `read:statuses` for private ones\\\n",
        "",
    ));
    assert_lint(
        &record,
        "missing-oauth",
        "statuses.md:5:1",
        "this method has no `**OAuth:**` line",
        "kept `GET /api/v1/statuses/:id` with no documented kind of token and no scopes",
    );
    assert_eq!(page.methods[0].auth, Default::default());
    let (page, record) = defect_of(&METHOD.replace(
        "Public for public statuses, user token + `read:statuses` for private ones",
        "`read`",
    ));
    assert_lint(
        &record,
        "oauth-without-token-kind",
        "statuses.md:12:3",
        "the `**OAuth:**` line names no kind of token",
        "kept `GET /api/v1/statuses/:id` with its scopes `read` and no kind of token",
    );
    assert_eq!(page.methods[0].auth.scopes, ["read"]);
    assert!(page.methods[0].auth.token_kinds().is_empty());
}

#[test]
fn a_section_with_an_oauth_line_but_no_request_is_left_out() {
    let (page, record) =
        defect_of(&METHOD.replace("```http\nGET /api/v1/statuses/:id HTTP/1.1\n```\n", ""));
    assert_lint(
        &record,
        "method-without-request",
        "statuses.md:5:1",
        "this section documents a method but has no request line",
        "left out the method `View a status`",
    );
    assert!(page.methods.is_empty());
}

#[test]
fn a_broken_json_example_gives_its_intact_error_or_is_left_out() {
    let errors = |page: &MethodPage| -> Vec<(u16, String)> {
        page.methods[0]
            .errors
            .iter()
            .map(|e| (e.status, e.error.clone()))
            .collect()
    };
    // The issue's case: a missing comma after the `"error"` line.
    let (page, record) = defect_of(&METHOD.replace(
        "\"error\": \"Record not found\"",
        "\"error\": \"Record not found\"\n  \"details\": {\"id\": \"1\"}",
    ));
    assert_lint(
        &record,
        "invalid-example-json",
        "statuses.md:30:3",
        "the JSON example of a 404 response is not valid JSON: expected `,` or `}`",
        "read its `error` from the broken example: `404 Record not found`",
    );
    assert_eq!(errors(&page), [(404, "Record not found".to_owned())]);
    let (page, record) = defect_of(&METHOD.replace(
        "\"error\": \"Record not found\"",
        "\"error\": \"Record not found\",,",
    ));
    assert_lint(
        &record,
        "invalid-example-json",
        "statuses.md:29:31",
        "is not valid JSON",
        "read its `error`",
    );
    assert_eq!(errors(&page), [(404, "Record not found".to_owned())]);
    // Nothing intact: the example alone is left out, the method stays.
    let (page, record) = defect_of(&METHOD.replace(
        "\"error\": \"Record not found\"",
        "\"error\": \"Record not found",
    ));
    assert_lint(
        &record,
        "invalid-example-json",
        "statuses.md:30:1",
        "is not valid JSON",
        "left out this 404 example",
    );
    assert_eq!(page.methods.len(), 1);
    assert!(errors(&page).is_empty());
}

#[test]
fn an_error_that_is_not_a_string_leaves_out_its_example() {
    let (page, record) =
        defect_of(&METHOD.replace("\"error\": \"Record not found\"", "\"error\": 404"));
    assert_lint(
        &record,
        "malformed-error-example",
        "statuses.md:27:1",
        "the `error` of a 404 example is not a string",
        "left out this 404 example",
    );
    assert!(page.methods[0].errors.is_empty());
    let (_, record) = defect_of(&METHOD.replace(
        "\"error\": \"Record not found\"",
        "\"error\": \"x\", \"error_description\": 1",
    ));
    assert_lint(
        &record,
        "malformed-error-example",
        "statuses.md:27:1",
        "the `error_description` of a 404 example is not a string",
        "left out this 404 example",
    );
}

#[test]
fn broken_front_matter_leaves_the_title_empty_and_reads_the_methods() {
    for (front, at, message) in [
        (
            "---\ntitle: [statuses\n---\n\n",
            "statuses.md:",
            "the front matter is not valid YAML",
        ),
        (
            "---\ndescription: x\n---\n\n",
            "statuses.md:1:1",
            "the front matter has no `title`",
        ),
    ] {
        let source = Source::new("statuses.md", format!("{front}{METHOD}"));
        let page =
            parse_method_page(&source, "statuses").expect("a docs defect never fails the page");
        let [record] = &page.lints[..] else {
            panic!("one lint: {:?}", page.lints)
        };
        assert_eq!(record.lint, "invalid-front-matter");
        assert!(record.at.starts_with(at), "{record:?}");
        assert!(record.message.contains(message), "{record:?}");
        assert!(
            record
                .outcome
                .contains("its title, which only the YAML copy shows, is left empty")
        );
        assert_eq!(page.title, "");
        assert_eq!(page.methods.len(), 1);
    }
}

#[test]
fn a_page_without_front_matter_is_located_with_a_methods_help() {
    let error = parse_method_page(&Source::new("statuses.md", METHOD), "statuses")
        .expect_err("no front matter");
    assert_reports(
        &error,
        1,
        1,
        "the page has no front matter",
        "start the page with Hugo front matter: `---`, a line `title: statuses API methods`",
    );
}

#[test]
fn a_folder_reports_every_broken_page_at_once() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("method-pages-broken");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("admin")).unwrap();
    // A file that is no Hugo page is the one error a page can still give.
    std::fs::write(dir.join("statuses.md"), METHOD).unwrap();
    std::fs::write(
        dir.join("admin/accounts.md"),
        METHOD.replace("## View", "## {{%beta%}} View"),
    )
    .unwrap();
    std::fs::write(dir.join("fine.md"), page(METHOD)).unwrap();
    let rendered = read_method_pages(&dir)
        .expect_err("two pages are broken")
        .render();
    let at = |file: &str| {
        rendered
            .find(&format!("{}/{file}:", dir.display()))
            .unwrap_or_else(|| panic!("{file} in:\n{rendered}"))
    };
    assert!(
        at("admin/accounts.md") < at("statuses.md"),
        "path order:\n{rendered}"
    );
    assert!(
        rendered.ends_with("error: 2 problems in 2 files\n"),
        "{rendered}"
    );

    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let error = read_method_pages(&empty).expect_err("no pages");
    assert_reports(
        &error,
        1,
        1,
        "no method pages (`*.md`) in this folder",
        "point at the methods folder",
    );
}

#[test]
fn a_folder_is_read_in_path_order() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("method-pages-fine");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("admin")).unwrap();
    std::fs::write(dir.join("statuses.md"), page(METHOD)).unwrap();
    std::fs::write(
        dir.join("admin/accounts.md"),
        page(&METHOD.replace("statuses/:id", "admin/accounts/:id")),
    )
    .unwrap();
    let pages = read_method_pages(&dir).unwrap();
    let paths: Vec<_> = pages.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["admin/accounts", "statuses"]);
}
