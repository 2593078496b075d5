//! Any bytes, read as an API method page and as a YAML copy of the method
//! pages (with the current Error page): the generator returns a located error
//! or a module that parses. It must never panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mastodon_error_codegen::{Config, Source, parse_method_page};

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
        }
        Err(error) => {
            let _ = error.render();
        }
    }
    let error_page = Source::new("spec/error.md", ERROR_PAGE);
    match Config::new().generate_api_source(&error_page, &Source::new("fuzz.yaml", text)) {
        Ok(code) => {
            if let Err(error) = syn::parse_file(&code) {
                panic!("generated code does not parse: {error}\n{code}");
            }
        }
        Err(error) => {
            let _ = error.render();
        }
    }
});
