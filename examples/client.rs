//! A Mastodon client's error handling, end to end: a real HTTP client (ureq)
//! calls a server on 127.0.0.1, and every error response becomes a
//! `ResponseError` that the client returns and matches on.
//!
//! Run: `cargo run --example client --features serde,http`

#[path = "../tests/support/mock_server.rs"]
mod mock_server;

use mastodon_error::{Classification, Match, Reason, ResponseError};
use mock_server::{Canned, MockServer};

/// What a client's calls return: either the request never got an answer, or
/// the server answered with an error.
#[derive(Debug)]
enum ClientError {
    Transport(ureq::Error),
    Response(ResponseError),
}

impl std::fmt::Display for ClientError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ClientError::Transport(error) => write!(f, "no answer: {error}"),
            ClientError::Response(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for ClientError {}

/// One API call: the body on success, a `ResponseError` for any other status.
fn call(
    agent: &ureq::Agent,
    base: &str,
    method: http::Method,
    path: &str,
) -> Result<Vec<u8>, ClientError> {
    let uri: http::Uri = format!("{base}{path}").parse().expect("a valid URI");
    // `Content-Length: 0` on bodyless requests keeps tiny_http's keep-alive in step.
    let request = http::Request::builder()
        .method(method.clone())
        .uri(&uri)
        .body(Vec::<u8>::new())
        .expect("a valid request");
    let response = agent.run(request).map_err(ClientError::Transport)?;
    let (parts, mut body) = response.into_parts();
    let bytes = body.read_to_vec().map_err(ClientError::Transport)?;
    let response = http::Response::from_parts(parts, bytes);
    if response.status().is_success() {
        Ok(response.into_body())
    } else {
        Err(ClientError::Response(ResponseError::from_http_response(
            &method, &uri, &response,
        )))
    }
}

/// What the client does with each error: the docs' reasons are the cases.
fn handle(error: &ClientError) -> String {
    let ClientError::Response(error) = error else {
        return format!("retry later: {error}");
    };
    let Some(classification) = error.classification() else {
        return format!("not from Mastodon itself (a proxy?): {error}");
    };
    // OAuth errors, documented or not, are never filed under another reason.
    if let Some(code) = classification.oauth_code() {
        return format!("OAuth error `{code}`, authorize again: {error}");
    }
    match error.reason() {
        Some(Reason::RecordNotFound) => format!("gone, drop it from the cache: {error}"),
        // The status alone says it: any 429 message is this reason.
        Some(Reason::TooManyRequests) => format!("back off, then retry: {error}"),
        Some(Reason::TheAccessTokenIsInvalid) => format!("log in again: {error}"),
        // Tell the user only what the message's own words say.
        _ => match (classification.reason_by_message(), classification) {
            (Some(reason), _) => format!(
                "{reason:?}: {error}, documented at {}",
                error.docs_url().unwrap_or("the docs")
            ),
            (None, Classification::Ambiguous(reasons, _)) => {
                format!("one of {reasons:?}: {error}")
            }
            (None, Classification::Documented(reason, Match::StatusOnly)) => format!(
                "status {} (the docs' catch-all is {reason:?}, which the message does not confirm): {error}",
                error.status()
            ),
            (None, _) => format!("not in the docs: {error}"),
        },
    }
}

fn main() {
    let answers = [
        (
            "GET",
            "/api/v1/statuses/109404970108594430",
            404,
            "application/json",
            &br#"{"error":"Record not found"}"#[..],
        ),
        (
            "POST",
            "/api/v1/statuses",
            422,
            "application/json",
            br#"{"error":"Validation failed: Text can't be blank"}"#,
        ),
        (
            "GET",
            "/api/v1/timelines/home",
            429,
            "application/json",
            br#"{"error":"Too many requests"}"#,
        ),
        (
            "GET",
            "/api/v1/notifications",
            401,
            "application/json",
            br#"{"error":"The access token is invalid"}"#,
        ),
        (
            "GET",
            "/api/v1/admin/accounts",
            400,
            "application/json",
            br#"{"error":"Unknown origin: remote"}"#,
        ),
        (
            "POST",
            "/oauth/token",
            400,
            "application/json",
            br#"{"error":"unsupported_grant_type","error_description":"The authorization grant type is not supported by the authorization server."}"#,
        ),
        (
            "GET",
            "/api/v1/timelines/public",
            502,
            "text/html",
            b"<html><h1>502 Bad Gateway</h1></html>",
        ),
    ];
    let server = MockServer::start(
        answers
            .iter()
            .map(|&(method, path, status, content_type, body)| Canned {
                headers: Vec::new(),
                method: method.to_owned(),
                path: path.to_owned(),
                status,
                content_type,
                body: body.to_vec(),
            })
            .collect(),
    );
    // Error statuses come back as responses, for `ResponseError` to read.
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();

    for (method, path, ..) in answers {
        let method: http::Method = method.parse().expect("a method");
        match call(&agent, &server.base_url, method, path) {
            Ok(body) => println!("ok: {} bytes", body.len()),
            Err(error) => println!("{}", handle(&error)),
        }
    }
    server.finish().expect("the server answered every request");
}
