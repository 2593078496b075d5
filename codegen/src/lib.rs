//! Generates Rust from Mastodon's `Error` entity docs page.
//!
//! The pipeline is pure: [`parse`] reads the page into a [`model::Spec`],
//! [`validate::check`] resolves names and types and reports every problem
//! with its `file:line:col`, and emission renders the module. [`Config`] wraps
//! it for `build.rs`; the `mastodon-error-codegen` binary wraps it for the
//! command line.
//!
//! ```
//! use mastodon_error_codegen::{Config, Source};
//!
//! let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/error.md")).unwrap();
//! let code = Config::new().generate_source(&Source::new("spec/error.md", page)).unwrap();
//! assert!(code.starts_with("// @generated"));
//! assert!(code.contains("pub enum Reason"));
//! ```

#![forbid(unsafe_code)]

mod config;
mod diagnostic;
mod emit;
pub mod ident;
mod markdown;
pub mod model;
mod source;
pub mod validate;

pub use config::{Config, Serde, write_if_changed};
pub use diagnostic::{Diagnostic, Error};
pub use source::{MAX_SPEC_BYTES, Source};

/// Reads a page into the model, without naming or type checks.
pub fn parse(source: &Source) -> Result<model::Spec, Error> {
    markdown::parse(source)
}

fn generate(source: &Source, config: &Config) -> Result<String, Error> {
    let spec = parse(source)?;
    let checked = validate::check(source, &spec, &config.renames)?;
    let options = emit::EmitOptions {
        serde: &config.serde,
        docs_site: &config.docs_site,
        source_name: source.name(),
        out_name: config.checked_in_as.as_deref(),
    };
    emit::emit(&checked, &options).map_err(|bug| {
        Error::single(
            source.clone(),
            Diagnostic::error(
                0..0,
                format!("internal error: the generated code does not parse ({bug})"),
            )
            .help(
                "this is a bug in mastodon-error-codegen; please report it with this page attached",
            ),
        )
    })
}
