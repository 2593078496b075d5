//! The method page reader on small pages: what it reads, and a located
//! error with help for every way a page can fail to be read.

mod common;

use common::assert_reports;
use mastodon_error_codegen::model::methods::Lifecycle;
use mastodon_error_codegen::{Source, parse_method_page, read_method_pages};

const FRONT: &str = "---\ntitle: statuses API methods\n---\n\n";

fn page(body: &str) -> String {
    format!("{FRONT}{body}")
}

const METHOD: &str = "## View a status {#get}\n\n```http\nGET /api/v1/statuses/:id HTTP/1.1\n```\n\n**Returns:** Status\\\n**OAuth:** Public for public statuses, user token + `read:statuses` for private ones\\\n**Version history:**\\\n0.0.0 - added\n\n#### Response\n##### 200: OK\n\n```json\n{\"id\": \"1\"}\n```\n\n##### 404: Not found\n\nNo such status.\n\n```json\n{\n  \"error\": \"Record not found\"\n}\n```\n";

#[test]
fn a_method_is_read_with_its_request_auth_version_and_errors() {
    let text = page(&["Intro.\n\n" , METHOD, "\n## {{%deprecated%}} Old way {#old}\n\n```http\nPOST https://mastodon.example/api/v1/old\n```\n\n**OAuth**: App token + `write`\\\n**Version history**:\\\n4.0.0-beta1 - added\n\n##### Older Mastodon Versions – 400: Bad Request\n\n```json\n{\"error\": \"invalid_grant\", \"error_description\": \"The grant is invalid.\"}\n```\n\n###### Local user\n\n```json\n{\"error\": \"Record invalid\"}\n```\n\n## See also\n\n```http\nwss://mastodon.example/api/v1/streaming\n```\n"].concat());
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

fn error_of(body: &str) -> mastodon_error_codegen::Error {
    parse_method_page(&Source::new("statuses.md", page(body)), "statuses")
        .expect_err("the page is broken")
}

#[test]
fn a_request_line_that_is_not_one_is_located() {
    let error = error_of(&METHOD.replace(
        "GET /api/v1/statuses/:id HTTP/1.1",
        "FETCH /api/v1/statuses/:id",
    ));
    assert_reports(
        &error,
        8,
        1,
        "the section's first `http` block is not a request line",
        "start the block with the request",
    );
    let error =
        error_of(&METHOD.replace("GET /api/v1/statuses/:id HTTP/1.1", "GET api/v1/statuses"));
    assert_reports(
        &error,
        8,
        1,
        "the section's first `http` block is not a request line",
        "start the block with the request",
    );
}

#[test]
fn an_unknown_heading_marker_is_located() {
    let error = error_of(&METHOD.replace("## View", "## {{%beta%}} View"));
    assert_reports(
        &error,
        5,
        4,
        "unknown marker `beta` in a section heading",
        "a method heading takes",
    );
}

#[test]
fn a_method_without_an_oauth_line_is_located() {
    let error = error_of(&METHOD.replace(
        "**OAuth:** Public for public statuses, user token + `read:statuses` for private ones\\\n",
        "",
    ));
    assert_reports(
        &error,
        5,
        1,
        "this method has no `**OAuth:**` line",
        "say who may call the method",
    );
    let error = error_of(&METHOD.replace(
        "Public for public statuses, user token + `read:statuses` for private ones",
        "`read`",
    ));
    assert_reports(
        &error,
        12,
        3,
        "the `**OAuth:**` line names no kind of token",
        "say who may call the method",
    );
}

#[test]
fn a_section_with_an_oauth_line_but_no_request_is_located() {
    let error = error_of(&METHOD.replace("```http\nGET /api/v1/statuses/:id HTTP/1.1\n```\n", ""));
    assert_reports(
        &error,
        5,
        1,
        "this section documents a method but has no request line",
        "add a ```http block",
    );
}

#[test]
fn broken_error_examples_are_located() {
    let error = error_of(&METHOD.replace(
        "\"error\": \"Record not found\"",
        "\"error\": \"Record not found\",,",
    ));
    assert_reports(
        &error,
        29,
        31,
        "the JSON example of a 404 response is not valid JSON",
        "fix the example",
    );
    let error = error_of(&METHOD.replace("\"error\": \"Record not found\"", "\"error\": 404"));
    assert_reports(
        &error,
        27,
        1,
        "the `error` of a 404 example is not a string",
        "write the message the server sends as a JSON string",
    );
    let error = error_of(&METHOD.replace(
        "\"error\": \"Record not found\"",
        "\"error\": \"x\", \"error_description\": 1",
    ));
    assert_reports(
        &error,
        27,
        1,
        "the `error_description` of a 404 example is not a string",
        "write it as a JSON string",
    );
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
    std::fs::write(
        dir.join("statuses.md"),
        page(&METHOD.replace("GET /api", "FETCH /api")),
    )
    .unwrap();
    std::fs::write(
        dir.join("admin/accounts.md"),
        page(&METHOD.replace("## View", "## {{%beta%}} View")),
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
