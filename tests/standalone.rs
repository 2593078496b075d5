//! The checked-in module stands alone: it compiles, warning-free under
//! clippy, through `include!` and as `mod x;`, in crates with no
//! dependencies; so does the output for the seed pages (and, in
//! `codegen/tests/corpus`, for every historical page).

#[path = "../codegen/tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};

use common::scratch::{cargo_succeeds, compiles_clean, manifest, modules_crate, write};
use mastodon_error_codegen::Source;

/// Declares the `serde` and `http` cfgs the module gates code on, as the
/// README tells `include!` users to; a crate without it gets `unexpected_cfgs`.
const SERDE_CFG_LINT: &str = "[lints.rust]\nunexpected_cfgs = { level = \"warn\", check-cfg = ['cfg(feature, values(\"serde\", \"http\"))'] }\n";

/// A crate that turns both gates on, with what they need.
const WITH_FEATURES: &str = "serde = { version = \"1\", features = [\"derive\"], optional = true }\nserde_json = { version = \"1\", optional = true }\nhttp = { version = \"1\", optional = true }\n\n[features]\ndefault = [\"serde\", \"http\"]\nserde = [\"dep:serde\", \"dep:serde_json\"]\nhttp = [\"dep:http\"]\n";

/// What the gated items must do in a crate that includes the file.
const FEATURES_TEST: &str = r##"
#[cfg(test)]
mod feature_tests {
    use super::mastodon_error::{Endpoint, ErrorBody, Reason, ResponseError};

    #[test]
    fn reads_bodies_and_speaks_http() {
        let error = ResponseError::from_response(404, "GET", "/api/v1/statuses/1", br#"{"error":"Record not found"}"#);
        assert_eq!(error.reason(), Some(Reason::RecordNotFound));
        assert_eq!(error.to_string(), "404 Record not found (GET /api/v1/statuses/:id)");
        assert_eq!(ErrorBody::parse(b"<html>"), ErrorBody::Unrecognised(b"<html>".to_vec()));
        assert_eq!(Reason::RecordNotFound.status_code(), http::StatusCode::NOT_FOUND);
        assert_eq!(Endpoint::StatusesGet.http_method(), http::Method::GET);
        let response = http::Response::builder().status(401).body(br#"{"error":"The access token is invalid"}"#.to_vec()).unwrap();
        let uri: http::Uri = "https://example.social/api/v1/notifications".parse().unwrap();
        let error = ResponseError::from_http_response(&http::Method::GET, &uri, &response);
        assert_eq!(error.reason(), Some(Reason::TheAccessTokenIsInvalid));
    }

    #[test]
    fn reads_an_entity_by_name() {
        let kind = super::entities::EntityKind::from_name("Marker").unwrap();
        let json = serde_json::json!({"last_read_id": "1", "version": 2, "updated_at": "2026-11-30T00:00:00.000Z"});
        let read = kind.deserialize(&json).unwrap();
        assert_eq!(read.kind(), kind);
        assert_eq!(serde_json::to_value(&read).unwrap(), json);
    }
}
"##;

const CLIENT_TEST: &str = r#"
#[cfg(test)]
mod tests {
    use super::mastodon_error::{Classification, Match, Reason};

    #[test]
    fn classifies() {
        assert_eq!(Reason::classify(404, "Record not found"), Classification::Documented(Reason::RecordNotFound, Match::Exact));
        assert_eq!(Reason::classify(418, "I'm a teapot").reason(), None);
    }

    #[test]
    fn routes() {
        use super::mastodon_error::Endpoint;
        let endpoint = Endpoint::from_request("GET", "/api/v1/statuses/1").unwrap();
        assert_eq!(endpoint.classify(404, "Record not found"), Classification::ForEndpoint(Reason::RecordNotFound));
    }
}
"#;

/// What the reason added by hand to `hand-edited.yaml` must give.
const HAND_EDITED_TEST: &str = r##"
#[cfg(test)]
mod tests {
    use super::mastodon_error::{messages, Classification, Match, Reason};

    #[test]
    fn the_added_reason_reaches_every_item() {
        let added = Reason::InvalidDate;
        assert!(Reason::ALL.contains(&added));
        assert_eq!(added.status(), 422);
        assert_eq!(added.heading(), "Date::Error");
        assert_eq!(added.as_str(), "invalid_date");
        assert_eq!("invalid_date".parse::<Reason>(), Ok(added));
        assert!(Reason::for_status(422).contains(&added));
        assert_eq!(messages::INVALID_DATE, "Invalid date supplied");
        assert_eq!(added.literal_message(), Some(messages::INVALID_DATE));
        assert_eq!(Reason::classify(422, "Invalid date supplied"), Classification::Documented(added, Match::Exact));
        // The documented reasons of 422 are unchanged around it.
        assert_eq!(Reason::classify(422, "Duplicate record"), Classification::Documented(Reason::RecordNotUnique, Match::Exact));
        assert_eq!(Reason::classify(404, "Invalid date supplied").reason(), None);
        assert!(added.docs_url().ends_with("#invalid-date"));
    }
}
"##;

/// The current page with quotes, backslashes, comment and attribute openers,
/// backticks, line breaks, right-to-left and zero-width characters, emoji
/// and Rust keywords put where the generator copies text into code.
fn hostile_page() -> String {
    const NASTY: &str =
        "\\*/ /\\* #[doc = \\\"x\\\"] #![deny(warnings)] \u{202E}rtl\u{2066} zero\u{200B}width 🦀";
    let page = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("codegen/tests/fixtures/seed-000-current.md"),
    )
    .expect("fixture");
    let replacements = [
        (
            "summary: Represents an error message.",
            "summary: \"Quote \\\" backslash \\\\ */ #[x] {} `tick` \\u202E \\u200B 🦀\"",
        ),
        (
            "### `error_description` {{%optional%}} {#error_description}",
            "### `type` {{%optional%}} {#error_description}",
        ),
        (
            "**Description:** The error message.",
            &format!("**Description:** The \"error\" \\\\ `a``b` {NASTY}."),
        ),
        (
            "#### RecordNotFound {#not-found}",
            "#### crate {#not-found}",
        ),
        (
            "Error: Record not found. Appears when",
            &format!(
                "Error: Say \"hi\" \\\\ */ #[x] 🦀\u{200B}. {NASTY}\n\n\\# Not a heading, `code`, and\n\n1\\. not a list. Appears when"
            ),
        ),
        ("#### RecordInvalid {#invalid}", "#### Self? {#invalid}"),
    ];
    replacements.iter().fold(page, |page, (old, new)| {
        assert_eq!(page.matches(old).count(), 1, "{old}");
        page.replacen(old, new, 1)
    })
}

/// What the hostile page must still give: exact strings, usable names.
const HOSTILE_TEST: &str = r##"
#[cfg(test)]
mod tests {
    use super::mastodon_error::{messages, Classification, Error, Match, Reason};

    #[test]
    fn hostile_text_stays_data() {
        let message = "Say \"hi\" \\ */ #[x] 🦀\u{200B}";
        assert_eq!(messages::CRATE, message);
        assert_eq!(Reason::Crate.heading(), "crate");
        assert_eq!(Reason::classify(404, message), Classification::Documented(Reason::Crate, Match::Exact));
        assert_eq!(Reason::SelfReason.heading(), "Self?");
        let error = Error::new(message);
        assert_eq!(error.r#type, None);
        assert_eq!(error.classify(404), Classification::Documented(Reason::Crate, Match::Exact));
        assert!(Reason::Crate.explanation().contains("*/ /* #[doc"));
    }
}
"##;

#[test]
fn generated_modules_compile_warning_free_without_dependencies() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let checked_in = root.join("generated/mastodon_error.rs");
    // The entities module, which needs serde: in the crate that has it.
    let entities = format!(
        "pub mod entities {{\n    include!({:?});\n}}\n",
        root.join("generated/entities.rs").display().to_string()
    );
    let workspace = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("standalone");
    write(
        &workspace.join("Cargo.toml"),
        "[workspace]\nmembers = [\"via-include\", \"via-mod\", \"with-features\", \"seeds\", \"hand-edited\", \"hostile\", \"unscoped\"]\nresolver = \"2\"\n",
    );

    // 1. `include!` of the checked-in file.
    write(
        &workspace.join("via-include/Cargo.toml"),
        &manifest("via-include", SERDE_CFG_LINT),
    );
    let include = format!(
        "#![forbid(unsafe_code)]\npub mod mastodon_error {{\n    include!({:?});\n}}\n{CLIENT_TEST}",
        checked_in.display().to_string()
    );
    write(&workspace.join("via-include/src/lib.rs"), &include);

    // 2. The file copied in as `mod mastodon_error;`.
    write(
        &workspace.join("via-mod/Cargo.toml"),
        &manifest("via-mod", SERDE_CFG_LINT),
    );
    copy_module(&workspace.join("via-mod/src"));
    write(
        &workspace.join("via-mod/src/lib.rs"),
        &format!("#![forbid(unsafe_code)]\npub mod mastodon_error;\n{CLIENT_TEST}"),
    );

    // 2b. `include!` with both gates on: serde and serde_json, and http.
    write(
        &workspace.join("with-features/Cargo.toml"),
        &manifest("with-features", "").replace(
            "[dependencies]\n",
            &format!("[dependencies]\n{WITH_FEATURES}"),
        ),
    );
    write(
        &workspace.join("with-features/src/lib.rs"),
        &format!(
            "#![forbid(unsafe_code)]\npub mod mastodon_error {{\n    include!({:?});\n}}\n{entities}{CLIENT_TEST}{FEATURES_TEST}",
            checked_in.display().to_string()
        ),
    );

    // 3. The seed pages (current and 2020 layouts), with no serde at all and
    // no lint table. The corpus pages get the same in `codegen/tests/corpus`.
    let config = common::dependency_free_config();
    let seeds: Vec<(String, String)> = common::PAGE_SEEDS
        .iter()
        .map(|&name| {
            let code = config
                .generate_source(&common::fixture(name))
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            (format!("Generated from `{name}`."), code)
        })
        .collect();
    modules_crate(&workspace.join("seeds"), "", "page", &seeds);

    // 4. A YAML copy with a reason added by hand, which must reach every item.
    write(
        &workspace.join("hand-edited/Cargo.toml"),
        &manifest("hand-edited", ""),
    );
    let fixture = root.join("codegen/tests/fixtures/hand-edited.yaml");
    let code = config
        .generate(&fixture)
        .unwrap_or_else(|e| panic!("hand-edited.yaml: {e}"));
    write(&workspace.join("hand-edited/src/mastodon_error.rs"), &code);
    write(
        &workspace.join("hand-edited/src/lib.rs"),
        &format!("#![forbid(unsafe_code)]\npub mod mastodon_error;\n{HAND_EDITED_TEST}"),
    );

    // 5. A page whose text tries to break out of strings, comments and docs.
    write(
        &workspace.join("hostile/Cargo.toml"),
        &manifest("hostile", ""),
    );
    let mut hostile_config = config.clone();
    hostile_config.rename("#invalid", "SelfReason");
    let code = hostile_config
        .generate_source(&Source::new("hostile.md", hostile_page()))
        .unwrap_or_else(|e| panic!("hostile page: {e}"));
    write(&workspace.join("hostile/src/mastodon_error.rs"), &code);
    write(
        &workspace.join("hostile/src/lib.rs"),
        &format!("#![forbid(unsafe_code)]\npub mod mastodon_error;\n{HOSTILE_TEST}"),
    );

    // 6. Method pages that name no scope: `Scope` is an empty enum.
    let unscoped = "schema: 1\npages:\n  - path: health\n    title: health API methods\n    methods:\n      - title: Health check\n        anchor: health\n        request: GET /health\n        tokens: [public]\n";
    let code = config
        .generate_api_source(
            &common::fixture("seed-000-current.md"),
            &Source::new("methods.yaml", unscoped),
        )
        .unwrap_or_else(|e| panic!("a copy naming no scope: {e}"));
    assert!(code.contains("pub enum Scope {}"), "the enum is empty");
    modules_crate(
        &workspace.join("unscoped"),
        "",
        "unscoped",
        &[("Method pages that name no scope.".to_owned(), code)],
    );

    compiles_clean(&workspace);
}

/// Copies the checked-in module into `src` as `mod mastodon_error;`: the
/// include file as its `mod.rs`, the files it includes beside it.
fn copy_module(src: &Path) {
    let generated = Path::new(env!("CARGO_MANIFEST_DIR")).join("generated");
    // An earlier layout's single file would make the module ambiguous.
    let _ = std::fs::remove_file(src.join("mastodon_error.rs"));
    for entry in std::fs::read_dir(&generated).expect("generated/") {
        let path = entry.expect("an entry").path();
        let name = path
            .file_name()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        if name.starts_with("entit") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a generated file");
        let target = if name == "mastodon_error.rs" {
            "mod.rs".to_owned()
        } else {
            name
        };
        write(&src.join("mastodon_error").join(target), &text);
    }
}

/// A client that names a method the docs deprecate gets rustc's warning, so
/// `-D deprecated` fails its build; the generated module alone stays clean.
#[test]
fn naming_a_deprecated_method_warns_the_client() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let module = std::fs::read_to_string(root.join("generated/endpoints.rs"))
        .expect("generated/endpoints.rs");
    let deprecated = module
        .lines()
        .skip_while(|line| !line.starts_with("pub enum Endpoint"))
        .skip_while(|line| !line.trim_start().starts_with("#[deprecated"))
        // The variant: past the attribute, which may span lines.
        .find(|line| {
            let line = line.trim();
            line.ends_with(',') && line.starts_with(|c: char| c.is_ascii_uppercase())
        })
        .map(|line| line.trim().trim_end_matches(',').to_owned())
        .expect("the docs deprecate some method");
    let project = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("deprecated-client");
    write(
        &project.join("Cargo.toml"),
        &manifest(
            "deprecated-client",
            &format!("[workspace]\n{SERDE_CFG_LINT}"),
        ),
    );
    copy_module(&project.join("src"));
    write(
        &project.join("src/lib.rs"),
        &format!(
            "pub mod mastodon_error;\n\npub fn old() -> mastodon_error::Endpoint {{\n    mastodon_error::Endpoint::{deprecated}\n}}\n"
        ),
    );
    let output = common::scratch::cargo(
        &project,
        &["build", "--offline", "--quiet"],
        &[("RUSTFLAGS", "-D deprecated")],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !output.status.success(),
        "naming {deprecated} must warn:\n{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "use of deprecated unit variant `mastodon_error::Endpoint::{deprecated}`"
        )),
        "{stderr}"
    );
    // Without the client's use, the module builds under the same flags.
    write(&project.join("src/lib.rs"), "pub mod mastodon_error;\n");
    cargo_succeeds(
        &project,
        &["build", "--offline", "--quiet"],
        &[("RUSTFLAGS", "-D deprecated")],
    );
}
