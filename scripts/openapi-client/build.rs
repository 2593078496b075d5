//! Runs progenitor on the checked-in document. Progenitor reads one media type
//! per request body and no `multipart/form-data`, so the document is narrowed
//! first, in memory: a form body offered both ways keeps its
//! `application/x-www-form-urlencoded` form, and an operation whose body is a
//! file upload (multipart only) is left out and named in
//! `MULTIPART_ONLY_LEFT_OUT`. And a form field's `default` on an open enum
//! (`anyOf`) is dropped: typify reads an `anyOf` as a struct of optional
//! flattened members, which no string default fits. Anything else progenitor
//! refuses fails the build with its own message.
use serde_json::Value;
use std::path::Path;

const FORM: &str = "application/x-www-form-urlencoded";
const MULTIPART: &str = "multipart/form-data";

fn main() {
    let document = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../generated/openapi.json");
    println!("cargo:rerun-if-changed={}", document.display());
    let text = std::fs::read_to_string(&document)
        .unwrap_or_else(|error| panic!("{}: {error}", document.display()));
    let mut json: Value = serde_json::from_str(&text)
        .unwrap_or_else(|error| panic!("{}: not JSON: {error}", document.display()));
    let left_out = narrow_bodies(&mut json);
    let spec = serde_json::from_value(json).unwrap_or_else(|error| {
        panic!(
            "{}: not an OpenAPI 3.0 document: {error}",
            document.display()
        )
    });
    let mut generator = progenitor::Generator::default();
    let tokens = generator
        .generate_tokens(&spec)
        .unwrap_or_else(|error| panic!("progenitor refuses {}: {error}", document.display()));
    let file = syn::parse2(tokens).expect("progenitor emits Rust items");
    let mut client = prettyplease::unparse(&file);
    client.push_str(&format!(
        "\n/// The operations left out: their body is multipart only, which progenitor cannot send.\n\
         pub const MULTIPART_ONLY_LEFT_OUT: &[&str] = &{left_out:?};\n"
    ));
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("client.rs");
    std::fs::write(&out, client).expect("OUT_DIR is writable");
}

/// Keeps the urlencoded form of each two-way form body and removes the
/// operations whose body is multipart only; returns their `operationId`s.
fn narrow_bodies(document: &mut Value) -> Vec<String> {
    let mut left_out = Vec::new();
    let paths = document["paths"]
        .as_object_mut()
        .expect("paths is an object");
    for item in paths.values_mut() {
        let item = item.as_object_mut().expect("a path item is an object");
        item.retain(|_, operation| {
            let Some(content) = operation
                .pointer_mut("/requestBody/content")
                .and_then(Value::as_object_mut)
            else {
                return true;
            };
            if content.contains_key(FORM) {
                content.remove(MULTIPART);
                if let Some(fields) = content[FORM]
                    .pointer_mut("/schema/properties")
                    .and_then(Value::as_object_mut)
                {
                    for field in fields.values_mut().filter_map(Value::as_object_mut) {
                        if field.contains_key("anyOf") {
                            field.remove("default");
                        }
                    }
                }
                return true;
            }
            if content.contains_key(MULTIPART) {
                let id = operation["operationId"].as_str().unwrap_or_default();
                left_out.push(id.to_owned());
                return false;
            }
            true
        });
    }
    left_out.sort();
    left_out
}
