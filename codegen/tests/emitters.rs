//! One small golden output per emitter: a few reasons, methods, scopes and
//! rate limits in `fixtures/golden/`, and each file the generator writes for
//! them, pinned. Review a change with `cargo insta review` (or
//! `INSTA_UPDATE=always`); the entities emitter's golden is in `entities_golden.rs`.

use std::path::{Path, PathBuf};

use mastodon_error_codegen::{Config, Generated, Source};

/// Relative, as cargo runs tests from `codegen/`: the headers name the
/// inputs as given, so the golden files are the same on every machine.
fn golden(name: &str) -> PathBuf {
    Path::new("tests/fixtures/golden").join(name)
}

fn generated(config: &mut Config) -> Generated {
    let error_page = Source::read(&golden("error.yaml")).expect("the golden error copy");
    config
        .checked_in_as("golden/mastodon_error.rs")
        .generate_report(&error_page)
        .unwrap_or_else(|error| panic!("the golden inputs generate:\n{error}"))
}

/// Each output's file, by its name.
fn file<'g>(generated: &'g Generated, name: &str) -> &'g str {
    &generated
        .files
        .iter()
        .find(|file| file.name == name)
        .unwrap_or_else(|| panic!("no {name} among the outputs"))
        .code
}

#[test]
fn every_emitter_writes_its_golden_file() {
    let generated = generated(
        Config::new()
            .methods(golden("methods.yaml"))
            .scopes(golden("oauth-scopes.yaml"))
            .rate_limits(golden("rate-limits.yaml")),
    );
    let names: Vec<&str> = generated
        .files
        .iter()
        .map(|file| file.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "mastodon_error.rs",
            "errors.rs",
            "endpoints.rs",
            "endpoint_table.rs",
            "params.rs",
            "router.rs",
            "scopes.rs",
            "rate_limits.rs",
            "response.rs",
        ]
    );
    for name in names {
        insta::assert_snapshot!(
            format!("golden_{}", name.trim_end_matches(".rs")),
            file(&generated, name)
        );
    }
}

/// The Error page alone: only the errors and the response type, and an
/// include file that names just those.
#[test]
fn the_error_page_alone_writes_two_outputs() {
    let generated = generated(&mut Config::new());
    let names: Vec<&str> = generated
        .files
        .iter()
        .map(|file| file.name.as_str())
        .collect();
    assert_eq!(names, ["mastodon_error.rs", "errors.rs", "response.rs"]);
    insta::assert_snapshot!(
        "golden_error_page_alone_include",
        file(&generated, "mastodon_error.rs")
    );
    // The one-file form is the header, then every output in order.
    let parts: Vec<&str> = generated.files[1..]
        .iter()
        .map(|file| file.code.split_once("\n\n").expect("a header").1)
        .collect();
    assert!(generated.code.ends_with(&parts.join("\n")));
}

/// An include file may not take an output's name: it would include itself.
#[test]
fn an_include_file_named_as_an_output_is_refused() {
    let error_page = Source::read(&golden("error.yaml")).expect("the golden error copy");
    let error = Config::new()
        .file_name("errors.rs")
        .generate_report(&error_page)
        .expect_err("refused");
    let rendered = error.render();
    assert!(
        rendered.contains(
            "the include file cannot be named `errors.rs`: an output of the module has that name"
        ) && rendered.contains("help: name it otherwise with `Config::file_name`"),
        "{rendered}"
    );
}
