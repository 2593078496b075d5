#![cfg(feature = "openapi")]
//! The OpenAPI document from the checked-in copies: what only the whole
//! pipeline shows.

use mastodon_error_codegen::{Config, Source};

/// The checked-in copies: one operation per endpoint the crate generates,
/// named as its variant, with the docs' scope alternatives.
#[test]
fn the_copies_give_an_operation_per_endpoint() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut config = Config::new();
    config
        .methods(root.join("spec/methods.yaml"))
        .rate_limits(root.join("spec/rate-limits.yaml"))
        .scopes(root.join("spec/oauth-scopes.yaml"))
        .entities(root.join("spec/entities.yaml"));
    let error_page = Source::read(&root.join("spec/error.yaml")).expect("the Error page copy");
    let document = config
        .generate_openapi_report(&error_page)
        .expect("generates")
        .code;
    let operation_ids = document.matches("\"operationId\": ").count();
    let endpoints = std::fs::read_to_string(root.join("spec/methods.yaml"))
        .expect("the methods copy")
        .matches("request: ")
        .count();
    assert_eq!(operation_ids, endpoints);
    let verify = document
        .split("\"operationId\": \"AccountsVerifyCredentials\"")
        .nth(1)
        .and_then(|rest| rest.split("\"operationId\"").next())
        .expect("the operation");
    assert!(
        verify.contains("\"security\": [\n          {\n            \"UserToken\": [\n              \"profile\"\n            ]\n          },\n          {\n            \"UserToken\": [\n              \"read:accounts\"\n            ]"),
        "`profile` or `read:accounts`: two alternatives\n{verify}"
    );
}
