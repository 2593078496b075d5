//! Every version of the Error page, 2020 to 2025, and seeds 000 and 002: each
//! must parse, keep every reason's name and message, give valid and
//! deterministic Rust, and give the same module through its YAML copy.

use std::collections::BTreeMap;

use mastodon_error_codegen::{Config, Source, diff, parse, validate};

use crate::Page;
use crate::{PageCheck, Suite};

pub fn add(suite: &mut Suite) {
    let pages = suite.error_pages();
    let checks: [(&str, PageCheck); 7] = [
        (
            "documents_the_expected_reasons_and_statuses",
            documents_the_expected_reasons_and_statuses,
        ),
        (
            "keeps_every_reason_name_message_and_status",
            keeps_every_reason_name_message_and_status,
        ),
        (
            "generates_valid_deterministic_rust",
            generates_valid_deterministic_rust,
        ),
        (
            "gives_the_same_output_with_crlf",
            gives_the_same_output_with_crlf,
        ),
        (
            "yaml_copy_generates_the_same_module",
            yaml_copy_generates_the_same_module,
        ),
        (
            "exporting_a_copy_again_changes_nothing_but_the_header",
            exporting_a_copy_again_changes_nothing_but_the_header,
        ),
        (
            "module_and_yaml_copy_read_back_as_the_page",
            module_and_yaml_copy_read_back_as_the_page,
        ),
    ];
    for (check, test) in checks {
        suite.per_page("error_page", check, &pages, test);
    }
    suite.corpus_trial(
        "error_page::a_page_without_anchors_exports_without_anchors".to_owned(),
        a_page_without_anchors_exports_without_anchors,
    );
}

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
fn expected_for(label: &str) -> Expected {
    let date = label.split('_').next().unwrap_or_default();
    if label.starts_with("seed-002") || (date.len() == 10 && date < "2022-09-23") {
        LAYOUT_2020
    } else {
        LAYOUT_CURRENT
    }
}

fn documents_the_expected_reasons_and_statuses(page: &Page) {
    let label = &page.label;
    let spec = parse(&page.source()).unwrap_or_else(|e| panic!("{label}: {e}"));
    let expected = expected_for(label);
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
        let name = &attribute.name;
        assert_eq!(attribute.type_text, "String", "{label}: {name} type");
        assert_eq!(attribute.history.len(), 1, "{label}: {name} history");
        assert_eq!(
            attribute.history[0].version, "0.6.0",
            "{label}: {name} history"
        );
    }
}

fn keeps_every_reason_name_message_and_status(page: &Page) {
    let label = &page.label;
    let known: BTreeMap<&str, _> = KNOWN_REASONS.iter().map(|row| (row.0, row)).collect();
    let source = page.source();
    let spec = parse(&source).unwrap_or_else(|e| panic!("{label}: {e}"));
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

fn generates_valid_deterministic_rust(page: &Page) {
    let label = &page.label;
    let code = Config::new()
        .generate_source(&page.source())
        .unwrap_or_else(|e| panic!("{label}: {e}"));
    assert!(
        code.starts_with("// @generated by mastodon-error-codegen from "),
        "{label}: header"
    );
    if let Err(err) = syn::parse_file(&code) {
        panic!("{label}: generated code does not parse: {err}");
    }
    let again = Config::new()
        .generate_source(&page.source())
        .expect("second run");
    assert_eq!(code, again, "{label}: two runs differ");
}

fn gives_the_same_output_with_crlf(page: &Page) {
    let label = &page.label;
    let crlf = page.text.replace('\n', "\r\n");
    let from_lf = Config::new().generate_source(&page.source()).expect("lf");
    let from_crlf = Config::new()
        .generate_source(&Source::new(label.as_str(), crlf))
        .expect("crlf");
    assert_eq!(from_lf, from_crlf, "{label}");
}

/// The three `//` header lines name the input and its hash; everything
/// after them is the module.
fn split_header(code: &str) -> (&str, &str) {
    let mut lines = code.match_indices('\n');
    let (end, _) = lines.nth(2).expect("a three-line header");
    code.split_at(end + 1)
}

/// The header without its `// Spec blob:` line, which differs with the input's bytes.
fn without_blob(header: &str) -> String {
    header
        .lines()
        .filter(|line| !line.starts_with("// Spec blob: "))
        .map(|line| format!("{line}\n"))
        .collect()
}

fn yaml_copy_generates_the_same_module(page: &Page) {
    let source = page.source();
    let label = &page.label;
    let config = Config::new();
    let from_page = config
        .generate_source(&source)
        .unwrap_or_else(|e| panic!("{label}: {e}"));
    let copy_name = format!("{label}.yaml");
    let yaml = config
        .export_yaml_source(&source, Some(&copy_name))
        .unwrap_or_else(|e| panic!("{label}: export: {e}"));
    let from_copy = config
        .generate_source(&Source::new(copy_name.as_str(), yaml.as_str()))
        .unwrap_or_else(|e| panic!("{label}: generate from its copy: {e}\n{yaml}"));

    let (page_header, page_module) = split_header(&from_page);
    let (copy_header, copy_module) = split_header(&from_copy);
    assert!(
        page_module == copy_module,
        "{label}: the module from the YAML copy differs from the page's"
    );
    assert_eq!(
        without_blob(copy_header),
        without_blob(page_header).replace(label.as_str(), &copy_name),
        "{label}: the headers differ in more than the input's name and hash"
    );

    // What the copy holds is what the page holds.
    let read_page = parse(&source).expect("page parses").without_spans();
    let read_copy = parse(&Source::new(copy_name.as_str(), yaml.as_str()))
        .expect("copy parses")
        .without_spans();
    assert_eq!(read_page, read_copy, "{label}: content differs");
}

fn exporting_a_copy_again_changes_nothing_but_the_header(page: &Page) {
    let config = Config::new();
    let first = config
        .export_yaml_source(&page.source(), Some("copy.yaml"))
        .expect("export");
    let second = config
        .export_yaml_source(&Source::new("copy.yaml", first.as_str()), Some("copy.yaml"))
        .expect("re-export");
    let body = |yaml: &str| {
        yaml.lines()
            .skip_while(|line| line.starts_with('#'))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(body(&first), body(&second), "{}", page.label);
}

fn module_and_yaml_copy_read_back_as_the_page(page: &Page) {
    let source = page.source();
    let label = &page.label;
    let module = Config::new()
        .generate_source(&source)
        .expect("page generates");
    let diff = diff::diff_generated(&module, "module.rs", &source, &Config::new())
        .expect("page is valid")
        .unwrap_or_else(|| panic!("{label}: the module does not read back"));
    assert_eq!(diff.changes, [], "{label}");

    let copy_name = format!("{label}.yaml");
    let copy = Config::new()
        .export_yaml_source(&source, Some(&copy_name))
        .expect("exports");
    let diff =
        diff::diff(&source, &Source::new(copy_name, copy), &Config::new()).expect("both valid");
    assert_eq!(diff.changes, [], "{label}: the page and its YAML copy");
}

/// The oldest page has no `{#anchor}`s; its copy must not invent any.
fn a_page_without_anchors_exports_without_anchors(root: &std::path::Path) {
    let path = root.join("error-page/2020-01-01_33cb69ad_en.md");
    let text = std::fs::read_to_string(&path).expect("the 2020-01-01 page");
    assert!(!text.contains("{#"), "the page has anchors after all");
    let yaml = Config::new()
        .export_yaml_source(&Source::new("2020-01-01_33cb69ad_en.md", text), None)
        .unwrap();
    assert!(!yaml.contains("anchor:"), "{yaml}");
    assert!(yaml.contains("--out FILE\n"), "{yaml}");
}
