//! Generates the modules from the YAML copies in `spec/` into `OUT_DIR`, with
//! the settings `build/checked_in.rs` holds, so what reviewers read in
//! `generated/` is the code this crate compiles: the same tokens, which the
//! tools format for review and the build leaves as rustc reads them
//! (tests/freshness.rs checks both).

use std::process::ExitCode;

include!("build/checked_in.rs");

fn main() -> ExitCode {
    println!("cargo:rerun-if-changed=build/checked_in.rs");
    let result = checked_in_module(&mut mastodon_error_codegen::Config::new()).compile(BUILD_SPEC);
    // Only a crate that asks for the entities generates (and compiles) them.
    #[cfg(feature = "entities")]
    let result = result.and_then(|_| {
        checked_in_entities(&mut mastodon_error_codegen::Config::new())
            .compile_entities(CHECKED_IN_ENTITIES)
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
