//! The entity's JSON form, with the `serde` feature.
#![cfg(feature = "serde")]

use mastodon_error::{Classification, Error, Match, Reason};

#[test]
fn deserializes_a_real_body_and_tolerates_unknown_fields() {
    let body = r#"{"error":"Record not found","error_code":"NOT_FOUND","details":{"x":1}}"#;
    let error: Error = serde_json::from_str(body).expect("unknown fields are ignored");
    assert_eq!(error.error, "Record not found");
    assert_eq!(error.error_description, None);
    assert_eq!(
        error.classify(404),
        Classification::Documented(Reason::RecordNotFound, Match::Exact)
    );
}

#[test]
fn optional_attributes_are_optional_both_ways() {
    let oauth = r#"{"error":"invalid_grant","error_description":"The provided authorization grant is invalid."}"#;
    let error: Error = serde_json::from_str(oauth).expect("deserializes");
    assert_eq!(
        error.error_description.as_deref(),
        Some("The provided authorization grant is invalid.")
    );
    let bare = serde_json::to_string(&Error::new("x")).expect("serializes");
    assert_eq!(bare, r#"{"error":"x"}"#);
    assert!(serde_json::from_str::<Error>(r#"{"error_description":"no error"}"#).is_err());
}
