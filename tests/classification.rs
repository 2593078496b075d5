//! A classification a client can trust: how a response matched, and never an
//! OAuth error filed under another reason. The responses are ones Mastodon's
//! server really sends.

use mastodon_error::{
    Classification, Endpoint, Error, ErrorBody, Match, OAUTH_ERROR_CODES, Reason, ResponseError,
};

fn classify(status: u16, message: &str) -> (Option<Reason>, Option<Match>) {
    let classification = Reason::classify(status, message);
    (classification.reason(), classification.matched())
}

#[test]
fn a_bare_placeholder_matches_by_status_only() {
    for message in [
        "Unknown origin: remote",
        "Pagination values for `offset` and `limit` must be positive",
        "Bad Request",
    ] {
        let classification = Reason::classify(400, message);
        assert_eq!(
            classification,
            Classification::Documented(Reason::ParameterMissing, Match::StatusOnly),
            "{message}"
        );
        // The message's own words say nothing about a missing parameter.
        assert_eq!(classification.reason_by_message(), None, "{message}");
        assert_eq!(classification.reason(), Some(Reason::ParameterMissing));
    }
    let rack = Reason::classify(422, "Unprocessable Content");
    assert_eq!(
        rack,
        Classification::Documented(Reason::RecordInvalid, Match::StatusOnly)
    );
    assert_eq!(rack.reason_by_message(), None);
    assert_eq!(
        classify(429, "Too many requests"),
        (Some(Reason::TooManyRequests), Some(Match::StatusOnly))
    );
}

#[test]
fn templates_match_by_their_literal_words() {
    // What Rails sends for the exceptions the two `{string}` reasons are named after.
    for message in [
        "param is missing or the value is empty: status",
        "param is missing or the value is empty or invalid: status",
    ] {
        let classification = Reason::classify(400, message);
        assert_eq!(
            classification,
            Classification::Documented(Reason::ParameterMissing, Match::Template)
        );
        assert_eq!(
            classification.reason_by_message(),
            Some(Reason::ParameterMissing)
        );
    }
    assert_eq!(
        classify(422, "Validation failed: Text can't be blank"),
        (Some(Reason::RecordInvalid), Some(Match::Template))
    );
    // The docs write `example.com` as a stand-in for any domain.
    assert_eq!(
        Reason::YouHaveAlreadyImposedStricterLimitsOnDomain.message(),
        "You have already imposed stricter limits on {domain}."
    );
    assert_eq!(
        classify(
            422,
            "You have already imposed stricter limits on evil.example."
        ),
        (
            Some(Reason::YouHaveAlreadyImposedStricterLimitsOnDomain),
            Some(Match::Template)
        )
    );
}

#[test]
fn exact_messages_and_what_no_page_documents() {
    assert_eq!(
        classify(404, "Record not found"),
        (Some(Reason::RecordNotFound), Some(Match::Exact))
    );
    // A method page documents `Not Found` for 404.
    assert_eq!(
        classify(404, "Not Found"),
        (Some(Reason::NotFound), Some(Match::Exact))
    );
    // 401 has no placeholder reason: an unknown message is undocumented.
    assert_eq!(
        Reason::classify(401, "The access token was revoked"),
        Classification::Undocumented {
            status: 401,
            message: "The access token was revoked"
        }
    );
    let shared = Reason::classify(
        503,
        "There was a temporary problem serving your request, please try again",
    );
    assert_eq!(shared.matched(), Some(Match::Exact));
    assert_eq!(shared.reason(), None);
    assert_eq!(shared.reason_by_message(), None);
    assert_eq!(shared.candidates().len(), 2);
}

#[test]
fn doorkeepers_oauth_codes_are_oauth_errors() {
    // Documented for the token endpoint: an OAuth reason.
    let grant = Reason::classify(400, "invalid_grant");
    assert_eq!(
        grant,
        Classification::Documented(Reason::InvalidGrant, Match::Exact)
    );
    assert!(Reason::InvalidGrant.is_oauth());
    assert_eq!(grant.oauth_code(), Some("invalid_grant"));
    // Documented by no page: still an OAuth error, with its code, never ParameterMissing.
    for (status, code) in [
        (400, "unsupported_grant_type"),
        (400, "invalid_request"),
        (401, "invalid_token"),
        (403, "insufficient_scope"),
        (400, "unsupported_token_type"),
        (400, "access_denied"),
    ] {
        let classification = Reason::classify(status, code);
        assert_eq!(
            classification,
            Classification::OAuth { status, code },
            "{status} {code}"
        );
        assert_eq!(classification.reason(), None);
        assert_eq!(classification.oauth_code(), Some(code));
    }
    assert!(!Reason::RecordNotFound.is_oauth());
    assert_eq!(Reason::classify(404, "Record not found").oauth_code(), None);
}

/// No OAuth code, under any status, classifies under a reason that is not an
/// OAuth error; nor does any body with an `error_description`.
#[test]
fn no_oauth_error_is_ever_filed_under_another_reason() {
    let messages: Vec<&str> = Reason::ALL
        .iter()
        .map(|reason| reason.message())
        .chain(["Bad Request", "Validation failed: x", "Record not found"])
        .collect();
    for status in 100..=599 {
        for &code in OAUTH_ERROR_CODES {
            let classification = Reason::classify(status, code);
            assert!(
                classification.candidates().iter().all(|r| r.is_oauth()),
                "{status} {code}: {classification:?}"
            );
            assert_eq!(classification.oauth_code(), Some(code), "{status} {code}");
        }
        for &message in &messages {
            let mut error = Error::new(message);
            error.error_description = Some("described".to_owned());
            let classification = error.classify(status);
            assert!(
                classification.candidates().iter().all(|r| r.is_oauth()),
                "{status} {message} with a description: {classification:?}"
            );
            assert!(
                classification.oauth_code().is_some() || classification.candidates().is_empty()
            );
        }
    }
    assert_eq!(OAUTH_ERROR_CODES.len(), 13);
}

#[test]
fn endpoints_and_response_errors_follow_the_same_rules() {
    let token = Endpoint::from_request("POST", "/oauth/token").expect("the token endpoint");
    let mut unsupported = Error::new("unsupported_grant_type");
    unsupported.error_description = Some(
        "The authorization grant type is not supported by the authorization server.".to_owned(),
    );
    assert_eq!(
        token.classify_error(400, &unsupported),
        Classification::OAuth {
            status: 400,
            code: "unsupported_grant_type"
        }
    );
    let response = ResponseError::new(400, Some(token), ErrorBody::Error(unsupported));
    assert_eq!(response.reason(), None);
    assert_eq!(
        response.classification().and_then(|c| c.oauth_code()),
        Some("unsupported_grant_type")
    );
    // An endpoint's own exact example stays exact; others go by the general rules.
    let create = Endpoint::StatusesCreate;
    assert_eq!(
        create.classify(422, "Unprocessable Content"),
        Classification::Documented(Reason::RecordInvalid, Match::StatusOnly)
    );
    assert_eq!(
        create.classify(422, "Validation failed: Text can't be blank"),
        Classification::ForEndpoint(Reason::RecordInvalid)
    );
    assert_eq!(
        create
            .classify(422, "Validation failed: Text can't be blank")
            .matched(),
        Some(Match::Exact)
    );
    let rack = ResponseError::new(
        422,
        Some(create),
        ErrorBody::Error(Error::new("Unprocessable Content")),
    );
    assert_eq!(rack.reason(), Some(Reason::RecordInvalid));
    assert_eq!(
        rack.classification().and_then(|c| c.reason_by_message()),
        None
    );
}

/// The generated rustdoc says what the table says.
#[test]
fn the_generated_docs_agree_with_the_table() {
    let module = include_str!("../generated/errors.rs");
    let start = module.find("pub enum Reason {").expect("the enum");
    let body = &module[start..module[start..].find("\n}\n").expect("its end") + start];
    let mut docs_line = None;
    let mut checked = 0;
    for line in body.lines().map(str::trim) {
        if let Some(url) = line
            .strip_prefix("/// - Docs: <")
            .and_then(|rest| rest.strip_suffix('>'))
        {
            docs_line = Some(url);
        } else if let Some(variant) = line.strip_suffix(',') {
            let reason = Reason::ALL
                .iter()
                .find(|reason| format!("{reason:?}") == variant)
                .unwrap_or_else(|| panic!("{variant} is in Reason::ALL"));
            assert_eq!(docs_line.take(), Some(reason.docs_url()), "{variant}");
            checked += 1;
        }
        // Explanations name requests as code, not escaped text.
        assert!(!line.contains("\\`") && !line.contains("\\_"), "{line}");
    }
    assert_eq!(checked, Reason::ALL.len());
    let endpoints = include_str!("../generated/endpoints.rs");
    assert!(endpoints.contains("/// Each variant is named after its docs page and anchor"));
    assert!(!endpoints.contains("named after its HTTP method and path"));
}
