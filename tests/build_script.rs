//! A consumer's `build.rs` generates from the pages, method pages included;
//! a bad page fails the build with the located diagnostics in cargo's
//! output, every problem at once, and no panic.

#[path = "../codegen/tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};

use common::scratch::{cargo, write};

/// The smallest consumer `build.rs`: the Error page alone.
const ERROR_PAGE_BUILD_RS: &str = r#"fn main() -> Result<(), mastodon_error_codegen::Error> {
    mastodon_error_codegen::Config::new().compile("spec/error.md")?;
    Ok(())
}
"#;

/// The README's ```` ```rust ```` block that opens with `// {file}`, without
/// that line: the consumer builds what the README shows, not a copy of it.
fn readme_snippet(file: &str) -> String {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let opening = format!("```rust\n// {file}\n");
    let start = readme
        .find(&opening)
        .unwrap_or_else(|| panic!("README.md has no ```rust block opening with `// {file}`"))
        + opening.len();
    let len = readme[start..].find("```\n").expect("the block ends");
    readme[start..start + len].to_owned()
}

/// The checked-in page with two independent mistakes, and where they are.
fn broken_page(root: &Path) -> (String, [String; 2]) {
    let page = std::fs::read_to_string(root.join("spec/error.md")).expect("spec/error.md");
    let status = "### 503 - Remote service unavailable";
    let message = "Error: Record not found.";
    assert_eq!(page.matches(status).count(), 1);
    assert_eq!(page.matches(message).count(), 1);
    let page = page
        .replacen(status, "### 999 - Remote service unavailable", 1)
        .replacen(message, "Record not found.", 1);
    let line_of = |prefix: &str| {
        page.lines()
            .position(|line| line.starts_with(prefix))
            .expect("line")
            + 1
    };
    let expected = [
        format!(
            "spec/error.md:{}:1: error: status code 999 is outside 100–599",
            line_of("### 999")
        ),
        format!(
            "spec/error.md:{}:1: error: reason `RecordNotFound` has no `Error:` line",
            line_of("#### RecordNotFound")
        ),
    ];
    (page, expected)
}

/// A consumer crate with `build_rs`, depending on the generator as the
/// README says, with the generator's `features`.
fn consumer(name: &str, build_rs: &str, features: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let workspace = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let codegen = root.join("codegen").display().to_string();
    write(
        &workspace.join("Cargo.toml"),
        &format!(
            "[package]\nname = \"consumer\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[build-dependencies]\nmastodon-error-codegen = {{ path = {codegen:?}, default-features = false, features = [{features}] }}\n\n[workspace]\n\n[lints.rust]\nunexpected_cfgs = {{ level = \"warn\", check-cfg = ['cfg(feature, values(\"serde\"))'] }}\n"
        ),
    );
    // The project's own lock file keeps the offline build on cached versions.
    std::fs::copy(root.join("Cargo.lock"), workspace.join("Cargo.lock")).expect("Cargo.lock");
    write(&workspace.join("build.rs"), build_rs);
    write(&workspace.join("src/lib.rs"), &readme_snippet("src/lib.rs"));
    workspace
}

#[test]
fn a_consumer_generates_endpoints_from_markdown_method_pages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The README's build.rs reads the method pages from Markdown.
    let build_rs = readme_snippet("build.rs");
    assert!(build_rs.contains(".methods(\"methods\")"), "{build_rs}");
    let workspace = consumer("build-script-methods", &build_rs, "\"markdown-methods\"");
    let page = std::fs::read_to_string(root.join("spec/error.md")).expect("spec/error.md");
    write(&workspace.join("spec/error.md"), &page);
    let fixtures = root.join("codegen/tests/fixtures/methods");
    for page in ["statuses.md", "admin/filters.md"] {
        let text = std::fs::read_to_string(fixtures.join(page)).expect("fixture page");
        write(&workspace.join("methods").join(page), &text);
    }
    write(
        &workspace.join("tests/endpoints.rs"),
        "use consumer::{Classification, Endpoint, Reason};\n\n#[test]\nfn routes_and_classifies() {\n    let endpoint = Endpoint::from_request(\"GET\", \"/api/v1/statuses/1\").unwrap();\n    assert_eq!(endpoint, Endpoint::StatusesGet);\n    assert_eq!(endpoint.classify(404, \"Record not found\"), Classification::ForEndpoint(Reason::RecordNotFound));\n}\n",
    );
    let output = cargo(&workspace, &["test", "--offline", "--quiet"], &[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    // Two defects in the docs' pages: each is a located cargo warning, and
    // the build goes on without the method it could not read.
    let broken = |page: &str, old: &str, new: &str| {
        let path = workspace.join("methods").join(page);
        let text = std::fs::read_to_string(&path).expect("page");
        assert_eq!(text.matches(old).count(), 1, "{old}");
        write(&path, &text.replacen(old, new, 1));
    };
    broken(
        "statuses.md",
        "GET /api/v1/statuses/:id HTTP/1.1",
        "FETCH /api/v1/statuses/:id",
    );
    broken(
        "admin/filters.md",
        "**OAuth level:** User token + `read:filters`\\\n",
        "",
    );
    write(
        &workspace.join("tests/endpoints.rs"),
        "use consumer::Endpoint;\n\n#[test]\nfn the_unreadable_method_is_left_out() {\n    assert_eq!(Endpoint::from_request(\"GET\", \"/api/v1/statuses/1\"), None);\n    assert!(Endpoint::from_request(\"GET\", \"/api/v1/statuses/1/context\").is_some());\n}\n",
    );
    let output = cargo(
        &workspace,
        &["test", "--offline"],
        &[("RUST_BACKTRACE", "1")],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "a docs defect warns:\n{stderr}");
    let request_line = "methods/statuses.md:43:1: the section's first `http` block is not a request line [invalid-request-line]: left out this section's method";
    let oauth = "methods/admin/filters.md:35:1: this method has no `**OAuth:**` line [missing-oauth]: kept `GET /api/v2/filters/:id` with no documented kind of token";
    for warning in [request_line, oauth] {
        assert!(
            stderr.contains(&format!("warning: consumer@0.0.0: {warning}")),
            "expected a cargo warning `{warning}` in:\n{stderr}"
        );
    }

    // Denied, the same defects fail the build, at the same locations.
    write(
        &workspace.join("build.rs"),
        &build_rs.replace(
            ".methods(\"methods\")",
            ".methods(\"methods\")\n        .lint(\"warnings\", mastodon_error_codegen::Level::Deny)",
        ),
    );
    let output = cargo(
        &workspace,
        &["build", "--offline", "--quiet"],
        &[("RUST_BACKTRACE", "1")],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "the build must fail:\n{stderr}");
    assert!(
        stderr.contains("methods/statuses.md:43:1: error: the section's first `http` block is not a request line"),
        "{stderr}"
    );
    assert!(
        stderr
            .contains("methods/admin/filters.md:35:1: error: this method has no `**OAuth:**` line"),
        "{stderr}"
    );
    assert!(stderr.contains("`warnings` is set to deny"), "{stderr}");
    assert!(stderr.contains("error: 2 problems in 2 files"), "{stderr}");
    for sign_of_a_panic in ["panicked", "stack backtrace", "RUST_BACKTRACE"] {
        assert!(!stderr.contains(sign_of_a_panic), "{stderr}");
    }
}

#[test]
fn a_bad_page_fails_the_build_with_diagnostics_and_no_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The Error page from Markdown, which `markdown-error` reads.
    let workspace = consumer("build-script", ERROR_PAGE_BUILD_RS, "\"markdown-error\"");
    let (page, expected) = broken_page(root);
    write(&workspace.join("spec/error.md"), &page);

    // A panic would print its backtrace with this set; there must be none.
    let output = cargo(
        &workspace,
        &["build", "--offline", "--quiet"],
        &[("RUST_BACKTRACE", "1")],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);

    assert!(!output.status.success(), "the build must fail:\n{stderr}");
    assert!(
        stderr.contains("failed to run custom build command for `consumer"),
        "{stderr}"
    );
    for header in &expected {
        assert!(
            stderr.contains(header.as_str()),
            "expected `{header}` in:\n{stderr}"
        );
    }
    assert!(stderr.contains("= help: "), "{stderr}");
    for sign_of_a_panic in ["panicked", "stack backtrace", "RUST_BACKTRACE"] {
        assert!(!stderr.contains(sign_of_a_panic), "{stderr}");
    }
}
