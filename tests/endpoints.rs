//! The crate's `Endpoint`, generated from `spec/methods.yaml`: what
//! docs/methods.md promises a client, on the checked-in data.

use mastodon_error::{Classification, Endpoint, Lifecycle, Match, Reason, Scope, messages};

#[test]
fn the_methods_page_example_holds() {
    let endpoint = Endpoint::from_request("POST", "/api/v1/statuses/109404970108594430/favourite")
        .expect("a documented method");
    assert_eq!(endpoint, Endpoint::StatusesFavourite);
    assert_eq!(endpoint.path(), "/api/v1/statuses/:id/favourite");
    assert_eq!(endpoint.scopes(), [Scope::WriteFavourites]);
    assert_eq!(
        endpoint.classify(401, "The access token is invalid"),
        Classification::ForEndpoint(Reason::TheAccessTokenIsInvalid)
    );
    assert_eq!(endpoint.to_string(), "POST /api/v1/statuses/:id/favourite");
    assert_eq!(
        endpoint.docs_url(),
        "https://docs.joinmastodon.org/methods/statuses/#favourite"
    );
}

#[test]
fn a_literal_segment_wins_over_a_parameter() {
    assert_eq!(
        Endpoint::from_request("GET", "/api/v1/accounts/verify_credentials"),
        Some(Endpoint::AccountsVerifyCredentials)
    );
    assert_eq!(
        Endpoint::from_request("GET", "/api/v1/accounts/109404970108594430"),
        Some(Endpoint::AccountsGet)
    );
    assert_eq!(
        Endpoint::from_request("GET", "/api/v1/accounts/verify_credentials?x=1"),
        Some(Endpoint::AccountsVerifyCredentials)
    );
    assert_eq!(Endpoint::from_request("GET", "/api/v1/nothing/here"), None);
    assert_eq!(Endpoint::from_request("GET", "api/v1/accounts/1"), None);
    assert_eq!(Endpoint::from_request("GET", "//api/v1/accounts/1"), None);
}

#[test]
fn one_trailing_slash_is_the_same_path() {
    // Rails serves `/api/v1/instance/` as `/api/v1/instance`.
    for path in [
        "/api/v2/instance/",
        "/api/v2/instance/?x=1",
        "/api/v2/instance?x=1",
    ] {
        assert_eq!(
            Endpoint::from_request("GET", path),
            Some(Endpoint::InstanceV2),
            "{path}"
        );
    }
    #[allow(deprecated)]
    let v1 = Endpoint::InstanceV1;
    assert_eq!(Endpoint::from_request("GET", "/api/v1/instance/"), Some(v1));
    // After a parameter, and where a literal child could follow.
    assert_eq!(
        Endpoint::from_request("GET", "/api/v1/accounts/109404970108594430/"),
        Some(Endpoint::AccountsGet)
    );
    assert_eq!(
        Endpoint::from_request("GET", "/api/v1/accounts/verify_credentials/"),
        Some(Endpoint::AccountsVerifyCredentials)
    );
    // Only one, and only at the end: any other empty segment matches nothing.
    for path in [
        "/api/v2/instance//",
        "/api/v2//instance",
        "/api/v2/instance//?x=1",
        "/",
        "//",
        "",
        "/api/v1/accounts//",
    ] {
        assert_eq!(Endpoint::from_request("GET", path), None, "{path}");
    }
}

#[test]
fn the_method_decides_before_the_path() {
    assert_eq!(
        Endpoint::from_request("POST", "/api/v1/statuses"),
        Some(Endpoint::StatusesCreate)
    );
    assert_eq!(
        Endpoint::from_request("DELETE", "/api/v1/statuses/1"),
        Some(Endpoint::StatusesDelete)
    );
    assert_eq!(Endpoint::from_request("PATCH", "/api/v1/statuses"), None);
    assert_eq!(Endpoint::from_request("get", "/api/v1/statuses/1"), None);
}

#[test]
fn the_issues_examples_are_classified_for_their_method() {
    // The 401 every client must handle, documented on most methods.
    let documented = Endpoint::ALL
        .iter()
        .filter(|e| {
            e.errors()
                .iter()
                .any(|d| d.error == messages::THE_ACCESS_TOKEN_IS_INVALID)
        })
        .count();
    assert!(documented > 150, "{documented}");
    // OAuth errors are reasons of their own, not ParameterMissing.
    assert_eq!(
        Reason::classify(400, "invalid_grant"),
        Classification::Documented(Reason::InvalidGrant, Match::Exact)
    );
    assert_eq!(
        Reason::classify(400, "invalid_scope"),
        Classification::Documented(Reason::InvalidScope, Match::Exact)
    );
    // A message another method documents falls back to the general reasons.
    let other = Endpoint::StatusesCreate.classify(404, "Record not found");
    assert_eq!(
        other,
        Classification::Documented(Reason::RecordNotFound, Match::Exact)
    );
    // Validation messages are instances of RecordInvalid, for their method and in general.
    let create = Endpoint::AccountsCreate
        .errors()
        .iter()
        .find(|e| e.status == 422)
        .expect("a 422");
    assert_eq!(
        create.classification,
        Classification::Documented(Reason::RecordInvalid, Match::Template)
    );
}

#[test]
fn the_table_answers_every_accessor() {
    assert!(Endpoint::ALL.len() >= 265);
    for &endpoint in Endpoint::ALL {
        assert!(endpoint.path().starts_with('/'), "{endpoint}");
        assert!(
            endpoint
                .docs_url()
                .starts_with("https://docs.joinmastodon.org/methods/")
        );
        let auth = endpoint.authorization();
        assert!(
            auth.public || auth.app_token || auth.user_token,
            "{endpoint}"
        );
        assert!(endpoint.added_in().is_some(), "{endpoint}");
    }
    assert!(Endpoint::AccountsCreate.authorization().app_token);
    assert_eq!(Endpoint::AccountsCreate.added_in(), Some("2.7.0"));
    let deprecated = Endpoint::ALL
        .iter()
        .filter(|e| e.lifecycle() == Lifecycle::Deprecated)
        .count();
    let removed = Endpoint::ALL
        .iter()
        .filter(|e| e.lifecycle() == Lifecycle::Removed)
        .count();
    assert!(
        deprecated > 0 && removed > 0,
        "{deprecated} deprecated, {removed} removed"
    );
}

/// `returns()` is the docs' `Returns` line: its shape and the entities it
/// links, resolved against the entity pages (`Tag#admin` is `Admin::Tag`).
#[test]
fn returns_reads_the_docs_returns_line() {
    use mastodon_error::{ReturnShape, Returns};

    let create = Endpoint::StatusesCreate.returns();
    assert_eq!(create.shape, ReturnShape::One);
    assert_eq!(create.entities, ["Status", "ScheduledStatus"]);
    assert!(create.is_one_of_several());
    const FOLLOWERS: Returns = Endpoint::AccountsFollowers.returns();
    assert_eq!(FOLLOWERS.shape, ReturnShape::Array);
    assert_eq!(FOLLOWERS.entities, ["Account"]);
    assert!(!FOLLOWERS.is_one_of_several());
    let health = Endpoint::StreamingHealth.returns();
    assert_eq!(health.shape, ReturnShape::Other);
    assert!(health.entities.is_empty());
    let userinfo = Endpoint::OauthUserinfo.returns();
    assert_eq!(userinfo.shape, ReturnShape::Undocumented);
    assert!(userinfo.entities.is_empty());
    let shapes = |shape| {
        Endpoint::ALL
            .iter()
            .filter(|endpoint| endpoint.returns().shape == shape)
            .count()
    };
    // Five DELETEs name an entity while their 200 example is `{}`, as
    // servers answer: empty, with `returns-contradicts-example`.
    assert_eq!(shapes(ReturnShape::Empty), 39);
    let unblocked = Endpoint::from_request("DELETE", "/api/v1/admin/domain_blocks/1")
        .unwrap()
        .returns();
    assert_eq!(unblocked.shape, ReturnShape::Empty);
    assert!(unblocked.entities.is_empty());
    // The four grouped-notification methods link an entity their own page
    // defines, which no entity page does: `Other`, with a lint.
    assert_eq!(shapes(ReturnShape::One), 126);
    assert_eq!(shapes(ReturnShape::Array), 67);
    assert_eq!(shapes(ReturnShape::Other), 31);
    let grouped = Endpoint::from_request("GET", "/api/v2/notifications").unwrap();
    assert_eq!(grouped.returns().shape, ReturnShape::Other);
    // Resolved by the link's target: `[Admin::Tag](entities/Tag#admin)`.
    assert!(
        Endpoint::ALL
            .iter()
            .any(|endpoint| endpoint.returns().entities == ["Admin::Tag"])
    );
    assert_eq!(shapes(ReturnShape::Undocumented), 2);
}
