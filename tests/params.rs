//! `Endpoint::params` and `Endpoint::missing_params` on the checked-in data:
//! what docs/methods.md promises a client before it sends a request.

use mastodon_error::{Endpoint, Missing, ParamLocation, Requirement};

/// The names a check reported, and whether each is certain.
fn reported(missing: &[Missing]) -> Vec<(&'static str, bool)> {
    missing
        .iter()
        .map(|missing| {
            (
                missing.param().name,
                matches!(missing, Missing::Required(_)),
            )
        })
        .collect()
}

#[test]
fn posting_a_status_needs_its_text_or_media() {
    let post = Endpoint::from_request("POST", "/api/v1/statuses").expect("a documented method");
    assert_eq!(post, Endpoint::StatusesCreate);
    let status = post
        .params()
        .iter()
        .find(|param| param.name == "status")
        .expect("`status` is documented");
    assert_eq!(status.location, ParamLocation::Form);
    assert!(
        matches!(status.requirement, Requirement::RequiredUnless(names) if names.iter().any(|name| name.starts_with("media_ids"))),
        "{status:?}"
    );

    let certain = |sent: &[&str]| -> Vec<&'static str> {
        post.missing_params(sent.iter().copied())
            .into_iter()
            .filter_map(|missing| match missing {
                Missing::Required(param) => Some(param.name),
                _ => None,
            })
            .collect()
    };
    // Neither: the text or the media is missing, the 422 the server answers;
    // each names the other as its alternative.
    assert_eq!(certain(&[]), ["status", "media_ids[]"]);
    // The text alone lacks nothing for certain; the poll's fields are reported
    // as what they are, conditional, with the docs' condition.
    let with_text = post.missing_params(["status"]);
    assert_eq!(
        reported(&with_text),
        [("poll[options][]", false), ("poll[expires_in]", false)]
    );
    assert!(
        matches!(with_text[0], Missing::Conditional(_, condition) if condition.contains("must be provided")),
        "{with_text:?}"
    );
    // Either one is enough, and `media_ids` names `media_ids[]`, as a JSON body does.
    for sent in [&["status"][..], &["media_ids[]"], &["media_ids"]] {
        let missing = certain(sent);
        assert!(!missing.contains(&"status"), "{sent:?}: {missing:?}");
        assert!(!missing.contains(&"media_ids[]"), "{sent:?}: {missing:?}");
    }
    // The token is the 401's business, not this check's.
    let everything = post.missing_params(["status", "media_ids[]"]);
    assert!(
        everything
            .iter()
            .all(|missing| !missing.param().name.eq_ignore_ascii_case("Authorization")),
        "{everything:?}"
    );
}

#[test]
fn path_parameters_are_always_sent() {
    let favourite = Endpoint::StatusesFavourite;
    assert!(
        favourite
            .params()
            .iter()
            .any(|param| param.name == "id" && param.location == ParamLocation::Path),
        "{:?}",
        favourite.params()
    );
    assert_eq!(reported(&favourite.missing_params([])), []);
}

/// Over every method: a request that sends every parameter lacks none, and
/// one that sends none lacks exactly its unconditionally required ones
/// (and reports its conditional ones), in `params()` order.
#[test]
fn the_check_agrees_with_every_methods_params() {
    let mut required = 0;
    let mut conditional = 0;
    for &endpoint in Endpoint::ALL {
        let all: Vec<&str> = endpoint.params().iter().map(|param| param.name).collect();
        assert_eq!(reported(&endpoint.missing_params(all)), [], "{endpoint}");
        let expected: Vec<(&str, bool)> = endpoint
            .params()
            .iter()
            .filter(|param| {
                param.location != ParamLocation::Path
                    && !(param.location == ParamLocation::Header
                        && param.name.eq_ignore_ascii_case("authorization"))
            })
            .filter_map(|param| match param.requirement {
                Requirement::Optional => None,
                Requirement::Required | Requirement::RequiredUnless(_) => Some((param.name, true)),
                Requirement::Conditional(_) => Some((param.name, false)),
                other => panic!("{endpoint}: a requirement this test does not know: {other:?}"),
            })
            .collect();
        required += expected.iter().filter(|(_, certain)| *certain).count();
        conditional += expected.iter().filter(|(_, certain)| !*certain).count();
        let nothing_sent = endpoint.missing_params([]);
        assert_eq!(reported(&nothing_sent), expected, "{endpoint}");
        // A conditional requirement comes with the docs' condition.
        for missing in nothing_sent {
            if let Missing::Conditional(param, condition) = missing {
                assert_eq!(
                    param.requirement,
                    Requirement::Conditional(condition),
                    "{endpoint}"
                );
            }
        }
    }
    assert!(
        required > 0 && conditional > 0,
        "{required} required, {conditional} conditional"
    );
}
