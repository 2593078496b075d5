//! Any bytes, read as an API method page, a rate-limits page, and a YAML copy
//! of each (the methods copy with the current Error page): the generator returns a located error,
//! or a page or module with lints that name known lints and render. A broken
//! JSON example goes through the recovery of its `"error"` string. It must
//! never panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mastodon_error_codegen::{
    Config, Source, lint, parse_method_page, parse_rate_limits_page, parse_scopes_page,
};

const ERROR_PAGE: &str = include_str!("../../spec/error.md");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse_method_page(&Source::new("fuzz.md", text), "fuzz") {
        Ok(page) => {
            for method in &page.methods {
                assert!(method.path.starts_with('/'), "{}", method.path);
            }
            for record in &page.lints {
                assert!(lint::find(&record.lint).is_some(), "{}", record.lint);
                assert!(record.at.starts_with("fuzz.md:"), "{}", record.at);
                assert!(!record.outcome.is_empty());
            }
        }
        Err(error) => {
            let _ = error.render();
        }
    }
    // The same bytes as a rate-limits page, a scopes page, and their copies.
    for name in ["rate-limits.md", "rate-limits.yaml"] {
        if let Err(error) = parse_rate_limits_page(&Source::new(name, text)) {
            let _ = error.render();
        }
    }
    for name in ["oauth-scopes.md", "oauth-scopes.yaml"] {
        if let Err(error) = parse_scopes_page(&Source::new(name, text)) {
            let _ = error.render();
        }
    }
    let error_page = Source::new("spec/error.md", ERROR_PAGE);
    match Config::new().generate_api_report(&error_page, &Source::new("fuzz.yaml", text)) {
        Ok(generated) => {
            if let Err(error) = syn::parse_file(&generated.code) {
                panic!("generated code does not parse: {error}\n{}", generated.code);
            }
            let _ = generated.lints.render();
            let _ = generated.lints.cargo_warnings();
        }
        Err(error) => {
            let _ = error.render();
        }
    }
});
