//! A real HTTP round trip: a server on 127.0.0.1 answers every documented
//! method with each of its documented error responses, a real HTTP client
//! (ureq) calls each method, and every response becomes a `ResponseError`
//! with the right endpoint and a documented reason.

#[path = "support/mock_server.rs"]
mod mock_server;
#[path = "support/requests.rs"]
mod requests;

use mastodon_error::{
    Classification, DocumentedError, Endpoint, Error, ErrorBody, RateLimitScope, RateLimitStatus,
    ResponseError, rate_limit_headers,
};
use mock_server::{Canned, MockServer};

/// The documented body of `documented`, as the server sends it.
fn documented_body(documented: &DocumentedError) -> Vec<u8> {
    let mut body = Error::new(documented.error);
    body.error_description = documented.error_description.map(str::to_owned);
    serde_json::to_vec(&body).expect("serialises")
}

/// Calls `method path` on the server with ureq and reads the whole response.
fn call(agent: &ureq::Agent, method: http::Method, uri: &http::Uri) -> http::Response<Vec<u8>> {
    // An empty body rather than none: ureq then sends `Content-Length: 0`,
    // without which tiny_http reads a bodyless POST's successor as its body.
    let request = http::Request::builder()
        .method(method)
        .uri(uri)
        .body(Vec::<u8>::new())
        .expect("a valid request");
    let response = agent.run(request).expect("the server answers");
    let (parts, mut body) = response.into_parts();
    let bytes = body.read_to_vec().expect("a readable body");
    http::Response::from_parts(parts, bytes)
}

fn agent() -> ureq::Agent {
    // Error statuses are what this test is about: they come back as responses.
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

#[test]
fn every_documented_error_response_round_trips() {
    let mut expected = Vec::new();
    let mut canned = Vec::new();
    for &endpoint in Endpoint::ALL {
        let path = requests::concrete_path(endpoint.path());
        for documented in endpoint.errors() {
            canned.push(Canned {
                headers: Vec::new(),
                method: endpoint.method().to_owned(),
                path: path.clone(),
                status: documented.status,
                content_type: "application/json; charset=utf-8",
                body: documented_body(documented),
            });
            expected.push((endpoint, path.clone(), documented));
        }
    }
    assert!(
        expected.len() > 400,
        "only {} documented error responses",
        expected.len()
    );
    let server = MockServer::start(canned);
    let agent = agent();

    for (endpoint, path, documented) in &expected {
        let method = endpoint.http_method();
        let uri: http::Uri = format!("{}{path}", server.base_url).parse().expect("a URI");
        let response = call(&agent, method.clone(), &uri);
        let error = ResponseError::from_http_response(&method, &uri, &response);
        let what = format!("{endpoint} → {} {}", documented.status, documented.error);

        assert_eq!(error.status(), documented.status, "{what}");
        assert_eq!(error.endpoint(), Some(*endpoint), "{what}");
        let body = error
            .error()
            .unwrap_or_else(|| panic!("{what}: body not read as the Error entity"));
        assert_eq!(body.error, documented.error, "{what}");
        assert_eq!(
            body.error_description.as_deref(),
            documented.error_description,
            "{what}"
        );
        // Classified for its endpoint, as the docs classify the example.
        let classification = error.classification().expect("a message to classify");
        match documented.classification {
            Classification::Documented(reason, _) => {
                assert_eq!(
                    classification,
                    Classification::ForEndpoint(reason),
                    "{what}"
                );
                assert_eq!(error.reason(), Some(reason), "{what}");
                assert_eq!(error.docs_url(), Some(endpoint.docs_url()), "{what}");
            }
            Classification::Ambiguous(reasons, matched) => {
                assert_eq!(
                    classification,
                    Classification::Ambiguous(reasons, matched),
                    "{what}"
                );
            }
            other => panic!("{what}: the docs' own example is {other:?}"),
        }
        assert!(
            !classification.candidates().is_empty(),
            "{what}: no documented reason"
        );
        let shown = error.to_string();
        assert!(
            shown.starts_with(&format!("{} {}", documented.status, documented.error)),
            "{shown}"
        );
        assert!(shown.ends_with(&format!("({endpoint})")), "{shown}");
    }
    server
        .finish()
        .expect("the server saw every request, in order");
}

/// What a client meets beyond the docs' examples: a proxy's HTML page, an
/// empty body, the nested body of the collections page, and a path the docs
/// do not list.
#[test]
fn responses_beyond_the_examples() {
    let html = b"<html><body><h1>502 Bad Gateway</h1></body></html>".to_vec();
    let nested = br#"{"error":{"error":"Validation failed: Name is too long (maximum is 40 characters)","details":{"name":[{"error":"ERR_TOO_LONG"}]}}}"#.to_vec();
    let cases = [
        (
            "GET",
            "/api/v1/timelines/home",
            502,
            "text/html",
            html.clone(),
        ),
        (
            "DELETE",
            "/api/v1/statuses/1",
            503,
            "text/plain",
            Vec::new(),
        ),
        (
            "POST",
            "/api/v1/collections",
            422,
            "application/json",
            nested,
        ),
        (
            "GET",
            "/api/v9/nothing/here",
            404,
            "application/json",
            br#"{"error":"Record not found"}"#.to_vec(),
        ),
    ];
    let server = MockServer::start(
        cases
            .iter()
            .map(|(method, path, status, content_type, body)| Canned {
                headers: Vec::new(),
                method: (*method).to_owned(),
                path: (*path).to_owned(),
                status: *status,
                content_type,
                body: body.clone(),
            })
            .collect(),
    );
    let agent = agent();
    let mut errors = Vec::new();
    for (method, path, ..) in &cases {
        let method: http::Method = method.parse().expect("a method");
        let uri: http::Uri = format!("{}{path}", server.base_url).parse().expect("a URI");
        let response = call(&agent, method.clone(), &uri);
        errors.push(ResponseError::from_http_response(&method, &uri, &response));
    }
    server
        .finish()
        .expect("the server saw every request, in order");

    let [proxy, empty, collection, unknown] = &errors[..] else {
        unreachable!()
    };
    assert_eq!(
        proxy.endpoint(),
        Endpoint::from_request("GET", "/api/v1/timelines/home")
    );
    assert!(proxy.endpoint().is_some());
    assert_eq!(proxy.body(), &ErrorBody::Unrecognised(html.clone()));
    assert_eq!(proxy.classification(), None);
    assert_eq!(proxy.reason(), None);
    assert_eq!(
        proxy.to_string(),
        format!(
            "502 [{}-byte body that is not the documented error JSON] (GET /api/v1/timelines/home)",
            html.len()
        )
    );
    assert_eq!(
        empty.to_string(),
        "503 [empty body] (DELETE /api/v1/statuses/:id)"
    );

    assert_eq!(
        collection.error().map(|error| error.error.as_str()),
        Some("Validation failed: Name is too long (maximum is 40 characters)")
    );
    assert_eq!(
        collection.endpoint(),
        Endpoint::from_request("POST", "/api/v1/collections")
    );
    assert!(collection.reason().is_some(), "{collection:?}");

    assert_eq!(unknown.endpoint(), None);
    assert_eq!(
        unknown.reason(),
        Some(mastodon_error::Reason::RecordNotFound)
    );
    assert_eq!(unknown.to_string(), "404 Record not found");
    assert_eq!(
        unknown.docs_url(),
        Some(mastodon_error::Reason::RecordNotFound.docs_url())
    );
}

/// A 429 with the rate-limit headers the docs define: the client reads when
/// to try again, and knows before the call which limits count it.
#[test]
fn a_429_says_when_to_try_again() {
    let reset = "2026-11-30T01:00:00.000Z";
    let server = MockServer::start(vec![Canned {
        method: "POST".to_owned(),
        path: "/api/v1/media".to_owned(),
        status: 429,
        content_type: "application/json",
        headers: vec![
            // Header names match whatever their case on the wire.
            ("x-ratelimit-limit", "30".to_owned()),
            ("X-RateLimit-Remaining", "0".to_owned()),
            ("X-RateLimit-Reset", reset.to_owned()),
        ],
        body: br#"{"error":"Too many requests"}"#.to_vec(),
    }]);
    let method = http::Method::POST;
    let uri: http::Uri = format!("{}/api/v1/media", server.base_url)
        .parse()
        .expect("a URI");
    let response = call(&agent(), method.clone(), &uri);
    server.finish().expect("the server saw the request");

    let error = ResponseError::from_http_response(&method, &uri, &response);
    assert_eq!(error.status(), 429);
    let status = error.rate_limit().expect("the rate-limit headers");
    assert_eq!(status.limit, Some(30));
    assert_eq!(status.remaining, Some(0));
    assert_eq!(status.reset.as_deref(), Some(reset));
    // 2026-11-30T01:00:00Z, as `date -u -d … +%s` gives it.
    assert_eq!(status.reset_unix_seconds(), Some(1_796_000_400));
    assert_eq!(
        RateLimitStatus::from_header_map(response.headers()).as_ref(),
        Some(status)
    );
    assert_eq!(
        response
            .headers()
            .get(rate_limit_headers::RESET)
            .map(|value| value.as_bytes()),
        Some(reset.as_bytes())
    );

    // Before the call: the limits that count `POST /api/v1/media`.
    let endpoint = error.endpoint().expect("a documented method");
    let limits: Vec<_> = endpoint
        .rate_limits()
        .map(|limit| (limit.scope, limit.name, limit.count, limit.period_seconds))
        .collect();
    assert!(
        limits.contains(&(RateLimitScope::Account, Some("Uploading media"), 30, 1800)),
        "{limits:?}"
    );
    assert!(
        limits.contains(&(RateLimitScope::Account, None, 300, 300)),
        "{limits:?}"
    );
    // A response without the headers has no status; a number that does
    // not parse is left out rather than guessed.
    assert_eq!(RateLimitStatus::from_headers(|_| None), None);
    let garbled =
        RateLimitStatus::from_headers(|name| (name == rate_limit_headers::LIMIT).then_some("many"))
            .expect("one header is there");
    assert_eq!(garbled.limit, None);
}

/// The reset timestamp as the server writes it, and what is refused.
#[test]
fn reset_timestamps_read_as_unix_seconds() {
    let seconds = |reset: &str| {
        RateLimitStatus::from_headers(|name| (name == rate_limit_headers::RESET).then_some(reset))
            .and_then(|status| status.reset_unix_seconds())
    };
    assert_eq!(seconds("1970-01-01T00:00:00Z"), Some(0));
    // A leap day, one second before midnight, with a fraction.
    assert_eq!(seconds("2000-02-29T23:59:59.999Z"), Some(951_868_799));
    for refused in [
        "2026-13-01T00:00:00Z",
        "2026-02-31T00:00:00Z",
        "2100-02-29T00:00:00Z",
        "2026-11-30 01:00:00",
        "2026-11-30T01:00:00+01:00",
        "+9223372036854775807-03-01T00:00:00Z",
        "99999-03-01T00:00:00Z",
        "soon",
        "1969-12-31T23:59:59Z",
    ] {
        assert_eq!(seconds(refused), None, "{refused}");
    }
}
