//! Any bytes, read as a page and as a YAML copy: the generator returns a
//! located error or a module that parses. It must never panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mastodon_error_codegen::{Config, Source};

fuzz_target!(|data: &[u8]| {
    for name in ["fuzz.md", "fuzz.yaml"] {
        let source = match Source::from_bytes(name, data.to_vec()) {
            Ok(source) => source,
            Err(error) => {
                let _ = error.render();
                continue;
            }
        };
        match Config::new().generate_source(&source) {
            Ok(code) => {
                if let Err(error) = syn::parse_file(&code) {
                    panic!("generated code does not parse: {error}\n{code}");
                }
            }
            Err(error) => {
                let _ = error.render();
            }
        }
    }
});
