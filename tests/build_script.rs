//! A bad page fails a consumer's build through `build.rs` with the located
//! diagnostics in cargo's output, every problem at once, and no panic.

#[path = "../codegen/tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};

use common::scratch::{cargo, write};

/// The README's `build.rs` for consumers, verbatim apart from the rename.
const README_BUILD_RS: &str = r#"fn main() -> Result<(), mastodon_error_codegen::Error> {
    mastodon_error_codegen::Config::new().compile("spec/error.md")?;
    Ok(())
}
"#;

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

#[test]
fn a_bad_page_fails_the_build_with_diagnostics_and_no_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let workspace = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("build-script");
    let codegen = root.join("codegen").display().to_string();
    write(
        &workspace.join("Cargo.toml"),
        &format!(
            "[package]\nname = \"consumer\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[build-dependencies]\nmastodon-error-codegen = {{ path = {codegen:?}, default-features = false }}\n\n[workspace]\n"
        ),
    );
    // The project's own lock file keeps the offline build on cached versions.
    std::fs::copy(root.join("Cargo.lock"), workspace.join("Cargo.lock")).expect("Cargo.lock");
    write(&workspace.join("build.rs"), README_BUILD_RS);
    write(
        &workspace.join("src/lib.rs"),
        "include!(concat!(env!(\"OUT_DIR\"), \"/error.rs\"));\n",
    );
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
