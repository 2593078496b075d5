//! The error types a client returns: the entity's `Display`, `ResponseError`
//! built from parts, and (with their features) JSON bodies and the http
//! crate's types.

use mastodon_error::{Classification, Endpoint, Error, ErrorBody, Reason, ResponseError};

fn entity(error: &str, description: Option<&str>) -> Error {
    let mut entity = Error::new(error);
    entity.error_description = description.map(str::to_owned);
    entity
}

#[test]
fn the_entity_displays_its_message_then_its_description() {
    assert_eq!(
        Error::new("Record not found").to_string(),
        "Record not found"
    );
    let oauth = entity(
        "invalid_grant",
        Some("The provided authorization grant is invalid."),
    );
    assert_eq!(
        oauth.to_string(),
        "invalid_grant: The provided authorization grant is invalid."
    );
    let boxed: Box<dyn std::error::Error> = Box::new(oauth);
    assert!(boxed.source().is_none());
}

#[test]
fn a_response_error_carries_status_endpoint_body_and_classification() {
    let error = ResponseError::for_request(
        404,
        "GET",
        "/api/v1/statuses/1?with=query",
        ErrorBody::Error(Error::new("Record not found")),
    );
    assert_eq!(error.status(), 404);
    assert_eq!(error.endpoint(), Some(Endpoint::StatusesGet));
    assert_eq!(
        error.classification(),
        Some(Classification::ForEndpoint(Reason::RecordNotFound))
    );
    assert_eq!(error.reason(), Some(Reason::RecordNotFound));
    assert_eq!(
        error.to_string(),
        "404 Record not found (GET /api/v1/statuses/:id)"
    );
    // The method's page shows this response, so the link goes there.
    assert_eq!(error.docs_url(), Some(Endpoint::StatusesGet.docs_url()));

    // A status the docs give no reason for is undocumented, not guessed.
    let error = ResponseError::new(418, None, ErrorBody::Error(Error::new("I'm a teapot")));
    assert_eq!(
        error.classification(),
        Some(Classification::Undocumented {
            status: 418,
            message: "I'm a teapot"
        })
    );
    assert_eq!(error.reason(), None);
    assert_eq!(error.docs_url(), None);
    assert_eq!(error.to_string(), "418 I'm a teapot");

    // Without an endpoint, every reason is a candidate; the link is the reason's.
    let error = ResponseError::new(
        400,
        None,
        ErrorBody::Error(entity("invalid_grant", Some("The grant is invalid."))),
    );
    assert_eq!(error.reason(), Some(Reason::InvalidGrant));
    assert_eq!(error.docs_url(), Some(Reason::InvalidGrant.docs_url()));
    assert_eq!(
        error.to_string(),
        "400 invalid_grant: The grant is invalid."
    );

    // A body that is not the entity has nothing to classify, and says so.
    let error = ResponseError::new(
        502,
        Some(Endpoint::StatusesGet),
        ErrorBody::Unrecognised(b"<html>".to_vec()),
    );
    assert_eq!(error.classification(), None);
    assert_eq!(error.error(), None);
    assert_eq!(error.docs_url(), Some(Endpoint::StatusesGet.docs_url()));
    assert_eq!(
        error.to_string(),
        "502 [6-byte body that is not the documented error JSON] (GET /api/v1/statuses/:id)"
    );
}

#[cfg(feature = "serde")]
#[test]
fn bodies_are_read_as_json_and_anything_else_is_kept() {
    assert_eq!(
        ErrorBody::parse(br#"{"error":"Record not found","error_code":"ERR_FUTURE"}"#),
        ErrorBody::Error(Error::new("Record not found"))
    );
    assert_eq!(
        ErrorBody::parse(
            br#"{"error":"invalid_grant","error_description":"The grant is invalid."}"#
        ),
        ErrorBody::Error(entity("invalid_grant", Some("The grant is invalid.")))
    );
    // The collections page nests the body one level down.
    assert_eq!(
        ErrorBody::parse(
            br#"{"error":{"error":"Validation failed: Name is too long","details":{}}}"#
        ),
        ErrorBody::Error(Error::new("Validation failed: Name is too long"))
    );
    for other in [
        &b"<html>502</html>"[..],
        b"",
        b"[1,2]",
        b"{\"message\":\"x\"}",
        b"{\"error\":42}",
        b"\xff\xfe",
    ] {
        assert_eq!(
            ErrorBody::parse(other),
            ErrorBody::Unrecognised(other.to_vec())
        );
    }
    let error = ResponseError::from_response(
        401,
        "GET",
        "/api/v1/notifications",
        br#"{"error":"The access token is invalid"}"#,
    );
    assert_eq!(error.reason(), Some(Reason::TheAccessTokenIsInvalid));
    assert_eq!(
        error.endpoint(),
        Endpoint::from_request("GET", "/api/v1/notifications")
    );
}

#[cfg(feature = "http")]
#[test]
fn the_http_crate_types() {
    assert_eq!(
        Reason::RecordNotFound.status_code(),
        http::StatusCode::NOT_FOUND
    );
    assert_eq!(
        Reason::TooManyRequests.status_code(),
        http::StatusCode::TOO_MANY_REQUESTS
    );
    for &reason in Reason::ALL {
        assert_eq!(reason.status_code().as_u16(), reason.status());
    }
    assert_eq!(
        Reason::classify_status_code(http::StatusCode::NOT_FOUND, "Record not found"),
        Classification::Documented(Reason::RecordNotFound, mastodon_error::Match::Exact)
    );
    assert_eq!(
        Error::new("Record not found").classify_status_code(http::StatusCode::NOT_FOUND),
        Classification::Documented(Reason::RecordNotFound, mastodon_error::Match::Exact)
    );
    for &endpoint in Endpoint::ALL {
        assert_eq!(endpoint.http_method().as_str(), endpoint.method());
    }
    let request = http::Request::builder()
        .method(http::Method::GET)
        .uri("https://mastodon.example/api/v1/statuses/1?x=y")
        .body(())
        .expect("a request");
    assert_eq!(
        Endpoint::from_http_request(&request),
        Some(Endpoint::StatusesGet)
    );
    assert_eq!(
        Endpoint::StatusesGet.classify_status_code(http::StatusCode::NOT_FOUND, "Record not found"),
        Classification::ForEndpoint(Reason::RecordNotFound)
    );
    let uri: http::Uri = "/api/v1/nothing".parse().expect("a URI");
    assert_eq!(
        Endpoint::from_method_and_uri(&http::Method::GET, &uri),
        None
    );
}
