//! Any bytes, read as an entity page (beside the current Status page, which
//! it may link) and as a YAML copy of the entity pages: the generator returns
//! a located error, or a module that parses, with lints that name known
//! lints. It must never panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mastodon_error_codegen::stages::{entities_from_copy, entities_from_pages};
use mastodon_error_codegen::{Config, Source, lint};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let config = Config::new();
    let pages = vec![("Fuzz".to_owned(), Source::new("Fuzz.md", text))];
    let results = [
        entities_from_pages(pages, &config),
        entities_from_copy(&Source::new("entities.yaml", text), &config),
    ];
    for result in results {
        match result {
            Ok(generated) => {
                if let Err(error) = syn::parse_file(&generated.code) {
                    panic!("generated code does not parse: {error}\n{}", generated.code);
                }
                for fired in generated.lints.iter() {
                    assert!(lint::find(fired.lint().name).is_some());
                }
            }
            Err(error) => {
                let _ = error.render();
            }
        }
    }
});
