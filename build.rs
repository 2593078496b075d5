//! Generates the module from the Error page and the YAML copy of the API
//! method pages into `OUT_DIR`.
//!
//! The same configuration produces `generated/error.rs`, so what reviewers
//! read there is byte-for-byte what this crate compiles.

use std::process::ExitCode;

fn main() -> ExitCode {
    let result = mastodon_error_codegen::Config::new()
        .checked_in_as("generated/error.rs")
        .methods("spec/methods.yaml")
        .rate_limits("spec/rate-limits.yaml")
        .scopes("spec/oauth-scopes.yaml")
        .compile("spec/error.md");
    // Only a crate that asks for the entities generates (and compiles) them.
    #[cfg(feature = "entities")]
    let result = result.and_then(|_| {
        use mastodon_error_codegen::Level;
        mastodon_error_codegen::Config::new()
            .checked_in_as("generated/entities.rs")
            // The examples' defects change no type (the type follows the
            // table): the copy records them, and CI shows a new one.
            .lint("example-contradicts-table", Level::Allow)
            .lint("invalid-entity-example", Level::Allow)
            .compile_entities("spec/entities.yaml")
    });
    match result {
        Ok(_) => ExitCode::SUCCESS,
        Err(error) => {
            // Cargo shows a failing build script's stderr; no panic, no backtrace.
            eprint!("{}", error.render());
            ExitCode::FAILURE
        }
    }
}
