//! Every historical version of the page, 2020 to 2025, plus seeds 000 and 002:
//! each must parse, keep every reason's name and message, and give valid Rust.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use mastodon_error_codegen::{Config, Source, validate};

/// Every reason any version documents: heading as written → (variant,
/// stable name, status, message). One row per reason, so a name that drifts
/// between versions fails here.
const KNOWN_REASONS: &[(&str, &str, &str, u16, &str)] = &[
    (
        "ParameterMissing",
        "ParameterMissing",
        "parameter_missing",
        400,
        "{string}",
    ),
    (
        "require_authenticated_user!",
        "RequireAuthenticatedUser",
        "require_authenticated_user",
        401,
        "This API requires an authenticated user",
    ),
    (
        "NotPermitted",
        "NotPermitted",
        "not_permitted",
        403,
        "This action is not allowed",
    ),
    (
        "current_user.disabled?",
        "CurrentUserDisabled",
        "current_user_disabled",
        403,
        "Your login is currently disabled",
    ),
    (
        "!current_user.confirmed?",
        "NotCurrentUserConfirmed",
        "not_current_user_confirmed",
        403,
        "Your login is missing a confirmed e-mail address",
    ),
    (
        "!current_user.approved?",
        "NotCurrentUserApproved",
        "not_current_user_approved",
        403,
        "Your login is currently pending approval",
    ),
    (
        "RecordNotFound",
        "RecordNotFound",
        "record_not_found",
        404,
        "Record not found",
    ),
    (
        "RecordInvalid",
        "RecordInvalid",
        "record_invalid",
        422,
        "{string}",
    ),
    (
        "RecordNotUnique",
        "RecordNotUnique",
        "record_not_unique",
        422,
        "Duplicate record",
    ),
    (
        "!current_user",
        "NotCurrentUser",
        "not_current_user",
        422,
        "This method requires an authenticated user",
    ),
    (
        "429 - Too many requests",
        "TooManyRequests",
        "too_many_requests",
        429,
        "{translated string}",
    ),
    (
        "UnexpectedResponseError",
        "UnexpectedResponseError",
        "unexpected_response_error",
        503,
        "Remote data could not be fetched",
    ),
    (
        "SSLError",
        "SslError",
        "ssl_error",
        503,
        "Remote SSL certificate could not be verified",
    ),
    (
        "NetworkingError",
        "NetworkingError",
        "networking_error",
        503,
        "There was a temporary problem serving your request, please try again",
    ),
    (
        "RaceConditionError",
        "RaceConditionError",
        "race_condition_error",
        503,
        "There was a temporary problem serving your request, please try again",
    ),
];

/// What a page of each layout documents.
struct Expected {
    reasons: usize,
    statuses: &'static [u16],
}

const LAYOUT_2020: Expected = Expected {
    reasons: 8,
    statuses: &[401, 403, 404, 422],
};
const LAYOUT_CURRENT: Expected = Expected {
    reasons: 15,
    statuses: &[400, 401, 403, 404, 422, 429, 503],
};

/// The 400, 429 and 503 groups arrived on 2022-09-23; seed 002 is the 2020 layout.
fn expected_for(path: &Path) -> Expected {
    let name = common::page_label(path);
    let date = name.split('_').next().unwrap_or_default();
    if name.starts_with("002_") || (date.len() == 10 && date < "2022-09-23") {
        LAYOUT_2020
    } else {
        LAYOUT_CURRENT
    }
}

#[test]
fn every_page_documents_the_expected_reasons_and_statuses() {
    for path in common::readable_pages() {
        let label = common::page_label(&path);
        let source = Source::read(&path).expect("page is readable");
        let spec =
            mastodon_error_codegen::parse(&source).unwrap_or_else(|e| panic!("{label}: {e}"));
        let expected = expected_for(&path);
        let statuses: Vec<u16> = spec.groups.iter().map(|g| g.code).collect();
        assert_eq!(statuses, expected.statuses, "{label}: status groups");
        assert_eq!(
            spec.reasons().count(),
            expected.reasons,
            "{label}: reason count"
        );
        assert_eq!(spec.title, "Error", "{label}: title");
        let attributes: Vec<(&str, bool)> = spec
            .attributes
            .iter()
            .map(|a| (a.name.as_str(), a.optional))
            .collect();
        assert_eq!(
            attributes,
            [("error", false), ("error_description", true)],
            "{label}: attributes"
        );
        for attribute in &spec.attributes {
            assert_eq!(
                attribute.type_text, "String",
                "{label}: {} type",
                attribute.name
            );
            assert_eq!(
                attribute.history.len(),
                1,
                "{label}: {} history",
                attribute.name
            );
            assert_eq!(
                attribute.history[0].version, "0.6.0",
                "{label}: {} history",
                attribute.name
            );
        }
    }
}

#[test]
fn every_reason_keeps_its_name_message_and_status_across_versions() {
    let known: BTreeMap<&str, _> = KNOWN_REASONS.iter().map(|row| (row.0, row)).collect();
    for path in common::readable_pages() {
        let label = common::page_label(&path);
        let source = Source::read(&path).expect("page is readable");
        let spec =
            mastodon_error_codegen::parse(&source).unwrap_or_else(|e| panic!("{label}: {e}"));
        let checked = validate::check(&source, &spec, &BTreeMap::new())
            .unwrap_or_else(|e| panic!("{label}: {e}"));
        for reason in &checked.reasons {
            let heading = reason.reason.heading.as_str();
            let &&(_, variant, stable, status, message) = known
                .get(heading)
                .unwrap_or_else(|| panic!("{label}: unknown reason heading {heading:?}"));
            assert_eq!(reason.variant, variant, "{label}: variant of {heading}");
            assert_eq!(
                reason.stable_name, stable,
                "{label}: stable name of {heading}"
            );
            assert_eq!(reason.group.code, status, "{label}: status of {heading}");
            assert_eq!(
                reason.reason.message.text, message,
                "{label}: message of {heading}"
            );
            assert!(
                !reason.reason.explanation.is_empty(),
                "{label}: explanation of {heading}"
            );
        }
    }
}

#[test]
fn every_page_generates_valid_deterministic_rust() {
    for path in common::readable_pages() {
        let label = common::page_label(&path);
        let code = common::generate_page(&path).unwrap_or_else(|e| panic!("{label}: {e}"));
        assert!(
            code.starts_with("// @generated by mastodon-error-codegen from "),
            "{label}: header"
        );
        if let Err(err) = syn::parse_file(&code) {
            panic!("{label}: generated code does not parse: {err}");
        }
        let again = common::generate_page(&path).expect("second run");
        assert_eq!(code, again, "{label}: two runs differ");
    }
}

#[test]
fn crlf_pages_give_the_same_output_as_lf() {
    for path in common::readable_pages() {
        let label = common::page_label(&path);
        let lf = std::fs::read_to_string(&path).expect("readable");
        let crlf = lf.replace('\n', "\r\n");
        let from_lf = Config::new()
            .generate_source(&Source::new(&label, lf))
            .expect("lf");
        let from_crlf = Config::new()
            .generate_source(&Source::new(&label, crlf))
            .expect("crlf");
        assert_eq!(from_lf, from_crlf, "{label}");
    }
}

#[test]
fn rendered_text_seeds_are_refused_with_located_errors() {
    // Seeds 001, 003 and 004 are the page as a browser renders it: no front
    // matter, no Markdown structure. They must fail, never half-generate.
    for prefix in ["001_", "003_", "004_"] {
        let path = common::seed(prefix);
        let error = common::generate_page(&path).expect_err("rendered text is not a page");
        let rendered = error.render();
        let name = common::page_label(&path);
        assert!(
            rendered.starts_with(&format!("{name}:1:1: error: the page has no front matter")),
            "{rendered}"
        );
        assert!(
            rendered.contains("the page has no \"Possible reasons\" section"),
            "{rendered}"
        );
        assert!(rendered.contains("= help: "), "{rendered}");
    }
}
