//! Overrides and collisions: names are chosen, never silently suffixed.

mod common;

use mastodon_error_codegen::{Config, Source};

fn page_with(extra_reason: &str) -> Source {
    let page = common::fixture("seed-000-current.md").text().replace(
        "### 503 - Remote service unavailable {#503}\n",
        &format!("### 503 - Remote service unavailable {{#503}}\n\n{extra_reason}\n"),
    );
    Source::new("error.md", page)
}

fn line_of(source: &Source, needle: &str) -> usize {
    source
        .text()
        .lines()
        .position(|l| l.starts_with(needle))
        .expect("needle present")
        + 1
}

#[test]
fn colliding_names_are_a_located_error_pointing_at_both() {
    // `SSL_Error` and `SSLError` both give `SslError`.
    let source = page_with(
        "#### SSL_Error {#ssl-underscore}\n\nError: Other TLS failure. Appears sometimes.\n",
    );
    let error = Config::new()
        .generate_source(&source)
        .expect_err("collision");
    let rendered = error.render();
    let second = line_of(&source, "#### SSL_Error");
    let first = line_of(&source, "#### SSLError");
    assert!(
        rendered.starts_with(&format!("error.md:{first}:1: error: reason `SSLError` gets the variant `SslError`, already taken")),
        "{rendered}"
    );
    assert!(
        rendered.contains(&format!("{second} | #### SSL_Error")),
        "{rendered}"
    );
    assert!(rendered.contains("took it first"), "{rendered}");
    assert!(
        rendered.contains("names are never suffixed silently"),
        "{rendered}"
    );
    assert!(
        rendered.contains("Config::rename(\"#ssl\", \"Name\")"),
        "{rendered}"
    );
}

#[test]
fn a_rename_resolves_a_collision() {
    let source = page_with(
        "#### SSL_Error {#ssl-underscore}\n\nError: Other TLS failure. Appears sometimes.\n",
    );
    let code = Config::new()
        .rename("#ssl-underscore", "OtherTlsError")
        .generate_source(&source)
        .expect("renamed");
    assert!(code.contains("    OtherTlsError,\n"));
    assert!(code.contains("    SslError,\n"));
}

#[test]
fn renames_must_match_a_reason_and_be_upper_camel_case() {
    let source = common::fixture("seed-000-current.md");
    let unused = Config::new()
        .rename("#no-such-anchor", "Whatever")
        .generate_source(&source)
        .expect_err("unused");
    assert!(
        unused
            .render()
            .contains("the configured rename `#no-such-anchor` matches no reason on this page")
    );

    let bad = Config::new()
        .rename("#ssl", "SSLError")
        .generate_source(&source)
        .expect_err("not camel");
    let rendered = bad.render();
    assert!(
        rendered.contains("`SSLError` is not UpperCamelCase (try `SslError`)"),
        "{rendered}"
    );
    assert!(
        rendered.contains(&format!(
            "seed-000-current.md:{}:1",
            line_of(&source, "#### SSLError")
        )),
        "{rendered}"
    );
}

#[test]
fn unnameable_headings_are_refused_not_guessed() {
    let source = page_with("#### ??? {#mystery}\n\nError: Mystery. Appears rarely.\n");
    let rendered = Config::new()
        .generate_source(&source)
        .expect_err("no name")
        .render();
    assert!(
        rendered.contains(
            "error: the heading `???` has no ASCII letters or digits to build a name from"
        ),
        "{rendered}"
    );
    assert!(rendered.contains("--rename '#mystery=Name'"), "{rendered}");
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let page = common::fixture("seed-000-current.md")
        .text()
        .replace("Error: Record not found.", "Record not found.")
        .replace(
            "### 429 - Too many requests {#429}",
            "### 999 - Too many requests {#429}",
        );
    let error = Config::new()
        .generate_source(&Source::new("error.md", page))
        .expect_err("two problems");
    assert_eq!(error.diagnostics().len(), 2, "{error}");
    assert!(error.render().ends_with("error: 2 problems in error.md\n"));
}
