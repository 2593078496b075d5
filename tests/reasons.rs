//! The generated API, exercised as a client would use it.

use std::str::FromStr;

use mastodon_error::{Classification, Error, Match, Reason, STATUS_GROUPS, messages};

#[test]
fn classifies_the_documented_examples() {
    assert_eq!(
        Reason::classify(404, "Record not found"),
        Classification::Documented(Reason::RecordNotFound, Match::Exact)
    );
    assert_eq!(
        Reason::classify(422, "Validation failed: Text can't be blank"),
        Classification::Documented(Reason::RecordInvalid, Match::Template)
    );
    assert_eq!(
        Reason::classify(418, "I'm a teapot"),
        Classification::Undocumented {
            status: 418,
            message: "I'm a teapot"
        }
    );
}

#[test]
fn the_status_decides_before_the_message() {
    // The right message under the wrong status is not that reason.
    assert_eq!(
        Reason::classify(500, "Record not found"),
        Classification::Undocumented {
            status: 500,
            message: "Record not found"
        }
    );
    // 404 documents no template, so an unknown 404 message is undocumented.
    assert_eq!(Reason::classify(404, "Gone fishing").reason(), None);
    // `Not Found` is what a method page (async refreshes) documents for 404.
    assert_eq!(
        Reason::classify(404, "Not Found").reason(),
        Some(Reason::NotFound)
    );
}

#[test]
fn exact_messages_win_over_templates() {
    assert_eq!(
        Reason::classify(422, messages::RECORD_NOT_UNIQUE),
        Classification::Documented(Reason::RecordNotUnique, Match::Exact)
    );
    assert_eq!(
        Reason::classify(422, messages::NOT_CURRENT_USER),
        Classification::Documented(Reason::NotCurrentUser, Match::Exact)
    );
    assert_eq!(
        Reason::classify(400, "Missing parameter: id").reason(),
        Some(Reason::ParameterMissing)
    );
    assert_eq!(
        Reason::classify(429, "Too many requests").reason(),
        Some(Reason::TooManyRequests)
    );
}

#[test]
fn shared_messages_are_ambiguous_and_list_every_candidate() {
    let classified = Reason::classify(503, messages::NETWORKING_ERROR);
    assert_eq!(
        classified,
        Classification::Ambiguous(
            &[Reason::NetworkingError, Reason::RaceConditionError],
            Match::Exact
        )
    );
    assert_eq!(classified.reason(), None);
    assert_eq!(
        classified.candidates(),
        &[Reason::NetworkingError, Reason::RaceConditionError]
    );
    assert_eq!(messages::NETWORKING_ERROR, messages::RACE_CONDITION_ERROR);
}

#[test]
fn every_literal_reason_classifies_back_to_itself_or_its_twins() {
    for &reason in Reason::ALL {
        let Some(message) = reason.literal_message() else {
            continue;
        };
        let classified = Reason::classify(reason.status(), message);
        assert!(
            classified.candidates().contains(&reason),
            "{reason:?} → {classified:?}"
        );
    }
}

#[test]
fn statuses_map_both_ways() {
    assert_eq!(Reason::RecordNotFound.status(), 404);
    assert_eq!(Reason::RecordNotFound.status_text(), "Not found");
    // The Error page's reasons come first, then those only method pages document.
    assert_eq!(
        Reason::for_status(404),
        &[Reason::RecordNotFound, Reason::NotFound]
    );
    assert_eq!(
        Reason::for_status(422)[..3],
        [
            Reason::RecordInvalid,
            Reason::RecordNotUnique,
            Reason::NotCurrentUser
        ]
    );
    assert!(Reason::for_status(200).is_empty());
    for &reason in Reason::ALL {
        assert!(
            Reason::for_status(reason.status()).contains(&reason),
            "{reason:?}"
        );
    }
    let codes: Vec<u16> = STATUS_GROUPS.iter().map(|g| g.code).collect();
    // 409 and 500 are documented by method pages only.
    assert_eq!(codes, [400, 401, 403, 404, 409, 422, 429, 500, 503]);
    // The Error page's 15, and 16 that only the method pages document.
    assert_eq!(Reason::ALL.len(), 31);
}

#[test]
fn messages_are_exact_and_templates_are_not_constants() {
    assert_eq!(messages::RECORD_NOT_FOUND, "Record not found");
    assert_eq!(Reason::RecordNotFound.message(), "Record not found");
    assert_eq!(
        Reason::RecordNotFound.literal_message(),
        Some("Record not found")
    );
    assert_eq!(Reason::RecordInvalid.message(), "{string}");
    assert_eq!(Reason::RecordInvalid.literal_message(), None);
    assert_eq!(Reason::TooManyRequests.message(), "{translated string}");
}

#[test]
fn names_round_trip_and_headings_and_anchors_are_kept() {
    for &reason in Reason::ALL {
        assert_eq!(Reason::from_str(reason.as_str()), Ok(reason));
        assert_eq!(reason.to_string(), reason.as_str());
    }
    assert!(Reason::from_str("RecordNotFound").is_err());
    assert_eq!(Reason::SslError.as_str(), "ssl_error");
    assert_eq!(
        Reason::NotCurrentUserConfirmed.heading(),
        "!current_user.confirmed?"
    );
    assert_eq!(
        Reason::NotCurrentUserConfirmed.anchor(),
        Some("unconfirmed")
    );
    assert_eq!(Reason::TooManyRequests.heading(), "429 - Too many requests");
    assert_eq!(Reason::TooManyRequests.anchor(), Some("429"));
    assert_eq!(
        Reason::RecordNotFound.docs_url(),
        "https://docs.joinmastodon.org/entities/Error/#not-found"
    );
    assert_eq!(
        Reason::TooManyRequests.explanation(),
        "Appears when you have exceeded the rate limit. See Rate limits for more information."
    );
}

#[test]
fn the_entity_classifies_itself() {
    let error = Error::new("Record not found");
    assert_eq!(error.error_description, None);
    assert_eq!(
        error.classify(404),
        Classification::Documented(Reason::RecordNotFound, Match::Exact)
    );
    // The shape only OAuth errors have: never a reason that is not OAuth.
    let mut oauth = Error::new("Record not found");
    oauth.error_description = Some("The resource was not found.".to_owned());
    assert_eq!(
        oauth.classify(404),
        Classification::OAuth {
            status: 404,
            code: "Record not found"
        }
    );
}
