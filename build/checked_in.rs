// The generator's settings for this crate's checked-in files, in one place:
// build.rs compiles with them, the main job (`tools/`) writes `generated/`
// with them, and tests/freshness.rs checks `generated/` against them. Each
// `include!`s this file.

/// The page the checked-in errors module is generated from.
#[allow(dead_code)] // Not every includer reads both modules.
const CHECKED_IN_SPEC: &str = "spec/error.md";

/// The copy of [`CHECKED_IN_SPEC`] that build.rs reads, so the build needs
/// no Markdown reader: the same code (tests/freshness.rs parses both to the
/// same tokens), under a header that names it.
#[allow(dead_code)]
const BUILD_SPEC: &str = "spec/error.yaml";

/// The errors module: the Error page with the copies of the method,
/// rate-limits and scopes pages, written as `generated/mastodon_error.rs`
/// and the files it includes.
#[allow(dead_code)]
fn checked_in_module(
    config: &mut mastodon_error_codegen::Config,
) -> &mut mastodon_error_codegen::Config {
    config
        .checked_in_as("generated/mastodon_error.rs")
        .methods("spec/methods.yaml")
        .rate_limits("spec/rate-limits.yaml")
        .scopes("spec/oauth-scopes.yaml")
}

/// The copy the entities module is generated from.
#[allow(dead_code)]
const CHECKED_IN_ENTITIES: &str = "spec/entities.yaml";

/// The entities module, written as `generated/entities.rs`.
#[allow(dead_code)]
fn checked_in_entities(
    config: &mut mastodon_error_codegen::Config,
) -> &mut mastodon_error_codegen::Config {
    use mastodon_error_codegen::Level;
    config
        .checked_in_as("generated/entities.rs")
        // The examples' defects change no type (the type follows the
        // table): the copy records them, and CI shows a new one.
        .lint("example-contradicts-table", Level::Allow)
        .lint("invalid-entity-example", Level::Allow)
}

/// The OpenAPI document of the module's inputs with the entities copy,
/// written by the main job (the build generates no OpenAPI).
#[allow(dead_code)]
const CHECKED_IN_OPENAPI: &str = "generated/openapi.json";
