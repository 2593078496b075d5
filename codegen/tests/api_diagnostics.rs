//! Every way the method pages' YAML copy, the reason catalogue and the
//! endpoints can be wrong gives a located error with help, and every docs
//! defect a located lint; never a panic or a module that quietly drops a method.

mod common;

use common::assert_reports;
use mastodon_error_codegen::{Config, Error, Source};

/// The YAML copy of the fixture pages (`codegen/tests/fixtures/methods`).
fn copy() -> String {
    let dir = common::fixture_path("methods/statuses.md");
    Config::new()
        .export_methods_yaml(
            dir.parent().expect("the fixture folder"),
            Some("methods.yaml"),
        )
        .expect("the fixture pages export")
}

fn edited(old: &str, new: &str) -> String {
    let copy = copy();
    assert_eq!(copy.matches(old).count(), 1, "{old:?} must occur once");
    copy.replacen(old, new, 1)
}

fn generate(config: &Config, copy: &str) -> Result<String, Error> {
    config.generate_api_source(
        &common::fixture("seed-000-current.md"),
        &Source::new("methods.yaml", copy),
    )
}

fn error_of(copy: &str) -> Error {
    generate(&Config::new(), copy).expect_err("the copy is broken")
}

#[test]
fn the_fixture_copy_generates() {
    let code = generate(&Config::new(), &copy()).expect("generates");
    assert!(code.contains("    StatusesGet,\n"));
    assert!(code.contains("// Methods: blob "));
}

#[test]
fn yaml_shape_errors_are_located() {
    let error = error_of(&edited(
        "        anchor: get\n        request: GET /api/v2/filters\n",
        "        anchr: get\n        request: GET /api/v2/filters\n",
    ));
    assert_reports(&error, 11, 9, "unknown key `anchr`", "did you mean");
    let error = error_of(&edited("schema: 1\n", ""));
    assert_reports(
        &error,
        5,
        1,
        "the document does not say which schema it is written in",
        "add `schema: 1`",
    );
    let error = error_of(&edited("schema: 1\n", "schema: 2\n"));
    assert_reports(
        &error,
        5,
        9,
        "this copy is written in schema 2",
        "use a mastodon-error-codegen",
    );
    let error = generate(&Config::new(), "  \n").expect_err("empty");
    assert_reports(&error, 1, 1, "the file is empty", "write a YAML copy");
}

/// A copy's `lints:` are the exporter's records: a name no lint has is the
/// user's edit, located with help.
#[test]
fn an_unknown_lint_in_the_copy_is_located() {
    let error = error_of(&edited(
        "    title: filters API methods\n    methods:\n",
        "    title: filters API methods\n    lints:\n      - lint: no-such-lint\n        at: admin/filters.md:1:1\n        message: m\n        outcome: o\n    methods:\n",
    ));
    assert_reports(
        &error,
        10,
        15,
        "unknown lint `no-such-lint`",
        "`lints` records what the generator found when it exported the copy",
    );
}

#[test]
fn yaml_content_errors_are_located() {
    let error = error_of(&edited(
        "request: GET /api/v2/filters\n",
        "request: GET api/v2/filters\n",
    ));
    assert_reports(
        &error,
        12,
        18,
        "a method's `request` is not `METHOD /path`",
        "write the request as the docs do",
    );
    let error = error_of(&edited(
        "        tokens:\n          - public\n          - app\n",
        "        tokens:\n          - public\n          - robot\n",
    ));
    assert_reports(
        &error,
        43,
        13,
        "unknown kind of token `robot`",
        "`tokens` lists some of public, app, user",
    );
    let error = error_of(&edited(
        "        tokens:\n          - public\n          - app\n",
        "        tokens: []\n",
    ));
    assert_reports(
        &error,
        38,
        9,
        "a method with no `tokens`",
        "list who may call it",
    );
    let error = error_of(&edited(
        "        anchor: get-one\n",
        "        anchor: get-one\n        lifecycle: retired\n",
    ));
    assert!(
        error
            .render()
            .contains("error: unknown lifecycle `retired`"),
        "{}",
        error.render()
    );
    assert!(
        error
            .render()
            .contains("= help: `lifecycle` is `deprecated` or `removed`"),
        "{}",
        error.render()
    );
    let error = error_of(&edited(
        "        anchor: get-one\n",
        "        anchor: get-one\n        lifecycle_since: \"4.0.0\"\n",
    ));
    let rendered = error.render();
    assert!(
        rendered.contains("error: `lifecycle_since` without `lifecycle`")
            && rendered.contains(
                "= help: `lifecycle_since` is the version that deprecated or removed the method"
            ),
        "{rendered}"
    );
    // With its lifecycle, the version reaches the deprecation note.
    let code = generate(
        &Config::new(),
        &edited(
            "        anchor: get-one\n",
            "        anchor: get-one\n        lifecycle: deprecated\n        lifecycle_since: \"4.0.0\"\n",
        ),
    )
    .expect("generates");
    assert!(
        code.contains("deprecated in Mastodon 4.0.0, as its API docs say; see Endpoint::docs_url"),
        "{code}"
    );
    let error = error_of(&edited(
        "          - status: 400\n",
        "          - status: 200\n",
    ));
    assert_reports(
        &error,
        46,
        21,
        "status 200 is not an error status",
        "an error response has a status from 400 to 599",
    );
}

#[test]
fn endpoint_names_that_collide_or_fail_are_located() {
    let error = error_of(&edited(
        "        anchor: get-one\n",
        "        anchor: get-one\n        name: AdminFiltersGet\n",
    ));
    assert_reports(
        &error,
        33,
        18,
        "`GET /api/v2/filters/:id` would be named `AdminFiltersGet`, like `GET /api/v2/filters` (admin/filters.md)",
        "name one of them",
    );
    let error = error_of(&edited(
        "        anchor: get-one\n",
        "        anchor: get-one\n        name: 1st\n",
    ));
    assert!(
        error
            .render()
            .contains("error: the method `GET /api/v2/filters/:id` gets no variant name"),
        "{}",
        error.render()
    );
    let error = error_of(&edited(
        "request: GET /api/v2/filters/:id\n",
        "request: Get /api/v2/filters/:id\n",
    ));
    assert_reports(
        &error,
        32,
        18,
        "`Get` is not an HTTP method",
        "write the method in capitals",
    );
}

/// A route no request could reach is a docs defect: the method is left out
/// with a located warning, and denied, the same lint fails at the same place.
#[test]
fn unroutable_methods_are_left_out_with_a_lint() {
    let cases = [
        (
            "request: GET /api/v2/filters/:id\n",
            "request: GET /api/v2/filters//x\n",
            "empty-path-segment",
            "the path of `GET /api/v2/filters//x` has an empty segment",
            "left out `GET /api/v2/filters//x`: the router cannot match it",
            "AdminFiltersGetOne",
        ),
        (
            "request: GET /api/v2/filters/keywords/:id\n",
            "request: GET /api/v2/filters/:name\n",
            "duplicate-route",
            "`GET /api/v2/filters/:id` routes like `GET /api/v2/filters/:name`: no request could tell them apart",
            "left out `GET /api/v2/filters/:id`; `GET /api/v2/filters/:name`, earlier in page order, keeps the route",
            "AdminFiltersGetOne",
        ),
    ];
    for (old, new, lint, message, outcome, left_out) in cases {
        let copy = edited(old, new);
        let generated = Config::new()
            .generate_api_report(
                &common::fixture("seed-000-current.md"),
                &Source::new("methods.yaml", copy.as_str()),
            )
            .unwrap_or_else(|error| panic!("{lint} only warns:\n{error}"));
        let fired: Vec<_> = generated.lints.iter().collect();
        let [fired] = &fired[..] else {
            panic!("one lint: {}", generated.lints.render())
        };
        assert_eq!(fired.lint().name, lint);
        assert_eq!(fired.location(), "methods.yaml:32:18");
        assert_eq!(fired.message(), message);
        assert_eq!(fired.outcome(), outcome);
        assert!(!generated.code.contains(&format!("    {left_out},\n")));
        assert!(generated.code.contains("    AdminFiltersGet,\n"));

        let mut deny = Config::new();
        deny.lint(lint, mastodon_error_codegen::Level::Deny);
        let error = generate(&deny, &copy).expect_err("denied");
        let help = if lint == "duplicate-route" {
            "two methods with the same HTTP method need paths"
        } else {
            "the path should be written as the server routes it"
        };
        assert_reports(&error, 32, 18, message, help);
        assert!(error.render().contains(&format!("= note: {outcome}")));
    }
}

/// The first documented 401, under `GET /api/v2/filters`.
const FIRST_401: &str = "error: The access token is invalid\n      - title: View one keyword";

#[test]
fn reason_names_that_collide_or_fail_are_located() {
    // A message whose name is a page reason's, under another status.
    let error = error_of(&edited(
        FIRST_401,
        "error: Record not found\n      - title: View one keyword",
    ));
    assert_reports(
        &error,
        19,
        13,
        "the reason for `401 Record not found` would be named `RecordNotFound`, like the Error page reason `RecordNotFound`",
        "name it with `reason_names:",
    );
    let error = error_of(&edited(
        FIRST_401,
        "error: \"404\"\n      - title: View one keyword",
    ));
    assert!(
        error
            .render()
            .contains("error: the reason for `401 404` gets no name"),
        "{}",
        error.render()
    );
    let error = error_of(&edited(
        FIRST_401,
        "error: \"Token {id} is invalid\"\n      - title: View one keyword",
    ));
    assert!(
        error
            .render()
            .contains("which the catalogue would read as a placeholder"),
        "{}",
        error.render()
    );
}

#[test]
fn renames_name_endpoints_and_reasons_and_unknown_keys_are_errors() {
    let mut config = Config::new();
    config
        .rename("GET /api/v1/statuses/:id", "ViewStatus")
        .rename("401 The access token is invalid", "InvalidToken");
    let code = generate(&config, &copy()).expect("renamed");
    assert!(code.contains("    ViewStatus,\n") && !code.contains("StatusesGet"));
    assert!(code.contains("    InvalidToken,\n") && !code.contains("TheAccessTokenIsInvalid"));
    // The same from the copy itself.
    let named = edited(
        "schema: 1\n",
        "schema: 1\nreason_names:\n  401 The access token is invalid: InvalidToken\n",
    );
    assert!(
        generate(&Config::new(), &named)
            .expect("named")
            .contains("    InvalidToken,\n")
    );
    // Naming a message after a template reason of its status makes it an instance.
    let mut instance = Config::new();
    instance.rename(
        "422 Validation failed: Text can't be blank",
        "RecordInvalid",
    );
    generate(&instance, &copy()).expect("an instance of RecordInvalid");

    let mut typo = Config::new();
    typo.rename("GET /api/v1/statuses/:ident", "ViewStatus");
    let error = generate(&typo, &copy()).expect_err("matches nothing");
    assert_reports(
        &error,
        1,
        1,
        "the configured rename `GET /api/v1/statuses/:ident` matches no method",
        "a method's key is its HTTP method and path",
    );
    let stray = edited(
        "schema: 1\n",
        "schema: 1\nreason_names:\n  401 The token is invalid: InvalidToken\n",
    );
    let error = generate(&Config::new(), &stray).expect_err("matches nothing");
    assert_reports(
        &error,
        7,
        29,
        "`reason_names` names `401 The token is invalid`, which matches no error example",
        "a key is an error example's status and message",
    );
    let mut typo = Config::new();
    typo.rename("401 The token is invalid", "InvalidToken");
    let error = generate(&typo, &copy()).expect_err("matches nothing");
    assert_reports(
        &error,
        1,
        1,
        "the configured rename `401 The token is invalid` matches no error example",
        "a method reason's key is its status and message",
    );
}

#[test]
fn the_schema_document_example_generates() {
    let readme = std::fs::read_to_string(common::corpus::workspace_root().join("spec/README.md"))
        .expect("spec/README.md");
    let section = &readme[readme
        .find("## The method pages' copy")
        .expect("the section")..];
    let start = section.find("```yaml\n").expect("a yaml example") + "```yaml\n".len();
    let example = &section[start..start + section[start..].find("```").expect("closed")];
    let code = generate(&Config::new(), example)
        .unwrap_or_else(|e| panic!("the spec/README.md example does not generate:\n{e}"));
    assert!(code.contains("deprecated in Mastodon 3.5.0, as its API docs say"));
    assert!(code.contains("    ViewStatus,\n"));
    assert!(code.contains("    InvalidToken,\n"));
}

#[test]
fn methods_that_are_neither_a_folder_nor_a_copy_are_refused() {
    let mut config = Config::new();
    config.methods(common::fixture_path("seed-001-rendered.txt"));
    let error = config
        .generate_source(&common::fixture("seed-000-current.md"))
        .expect_err("not method pages");
    assert!(
        error
            .render()
            .contains("error: the method pages are neither a folder nor a YAML copy"),
        "{}",
        error.render()
    );
    assert!(
        error
            .render()
            .contains("= help: point at the methods folder")
    );
}

/// The copy's reader walks a YAML tree by hand (issue 21): a missing key, a
/// value of the wrong kind and a tag are each located with what to write.
#[test]
fn copy_shape_errors_say_what_the_key_takes() {
    let error = error_of(&edited("        request: GET /api/v2/filters\n", ""));
    assert_reports(
        &error,
        10,
        9,
        "a method is missing `request`",
        "add `request:` with the request, such as `GET /api/v1/statuses/:id`",
    );
    let error = error_of(&edited(
        "          - status: 401\n            status_text: Unauthorized\n            error: The access token is invalid\n      - title: View one keyword",
        "          - status: [401]\n            status_text: Unauthorized\n            error: The access token is invalid\n      - title: View one keyword",
    ));
    assert_reports(
        &error,
        19,
        21,
        "invalid value for `status`: expected an HTTP error status from 400 to 599, such as `404`",
        "give `status` an HTTP error status",
    );
    let error = error_of(&edited(
        "        scopes:\n          - read:filters\n        added_in: \"4.0.0\"\n        errors:\n          - status: 401",
        "        scopes:\n        added_in: \"4.0.0\"\n        errors:\n          - status: 401",
    ));
    assert_reports(
        &error,
        15,
        15,
        "invalid value for `scopes`: expected a list of OAuth scopes",
        "give `scopes` a list of OAuth scopes",
    );
    let error = error_of(&edited(
        "        request: GET /api/v2/filters\n",
        "        request: !custom GET /api/v2/filters\n",
    ));
    assert_reports(
        &error,
        12,
        18,
        "invalid YAML: unsupported tag `!custom`",
        "fix the YAML here",
    );
}

/// Anchors and aliases are YAML, and a copy may use them.
#[test]
fn aliases_in_the_copy_read_as_their_anchors() {
    let copy = edited(
        "        tokens:\n          - user\n        scopes:\n          - read:filters\n        added_in: \"4.0.0\"\n        errors:\n          - status: 401",
        "        tokens: &user_only\n          - user\n        scopes:\n          - read:filters\n        added_in: \"4.0.0\"\n        errors:\n          - status: 401",
    );
    let copy = copy.replacen(
        "        tokens:\n          - user\n",
        "        tokens: *user_only\n",
        1,
    );
    let aliased = generate(&Config::new(), &copy).expect("an alias reads");
    let plain = generate(&Config::new(), &self::copy()).expect("generates");
    // The same module; only the header's blob id of the copy differs.
    let body = |code: &str| code.split_once("\n\n").map(|(_, body)| body.to_owned());
    assert!(aliased.contains("// Methods: blob "), "{aliased}");
    assert_eq!(body(&aliased), body(&plain));
}

/// The copy's `returns` is what the pages' `**Returns:**` lines read as, by
/// name; the module lists those names.
#[test]
fn returns_go_from_the_pages_through_the_copy_into_the_module() {
    let copy = copy();
    assert!(copy.contains("        returns: {shape: other}\n"), "{copy}");
    assert!(
        copy.contains("        returns: {shape: one, entities: [Status]}\n"),
        "{copy}"
    );
    let code = generate(&Config::new(), &copy).expect("generates");
    assert!(
        code.contains("returns: Returns {\n            shape: ReturnShape::One,\n            entities: &[\"Status\"],\n        },"),
        "{code}"
    );
    assert!(code.contains("shape: ReturnShape::Undocumented,"), "{code}");
    let edited = edited(
        "        returns: {shape: one, entities: [Status]}\n",
        "        returns:\n          shape: array\n          entities:\n            - Admin::Account\n            - Trends::Link\n",
    );
    let code = generate(&Config::new(), &edited).expect("generates");
    assert!(
        code.contains("shape: ReturnShape::Array,\n            entities: &[\"Admin::Account\", \"Trends::Link\"],"),
        "{code}"
    );
}

/// Every mistake in a method's `returns` is located, with help.
#[test]
fn returns_mistakes_are_located() {
    let line = "        returns: {shape: one, entities: [Status]}\n";
    let cases: [(&str, usize, &str, &str); 10] = [
        (
            "        returns: {shape: many, entities: [Status]}\n",
            26,
            "unknown return shape `many`",
            "`shape` is one of empty, one, array, other",
        ),
        (
            "        returns: one\n",
            18,
            "invalid value for `returns`: expected a mapping such as `{shape: array, entities: [Account]}`",
            "give `returns` a mapping",
        ),
        (
            "        returns: {shape: [one], entities: [Status]}\n",
            26,
            "invalid value for `shape`: expected a return shape",
            "give `shape` a return shape: `empty`, `one`, `array` or `other`",
        ),
        (
            "        returns: {shape: one, entities: Status}\n",
            41,
            "invalid value for `entities`: expected a list of entity names",
            "give `entities` a list of entity names",
        ),
        (
            "        returns: {shape: one, entities: [Status, \"\"]}\n",
            50,
            "an empty entity name",
            "name an entity as the docs do, such as `Status`",
        ),
        (
            "        returns: {shape: one}\n",
            26,
            "a return of shape `one` names no entity",
            "add `entities:` with the entities the docs' `Returns:` line links",
        ),
        (
            "        returns: {shape: array, entities: []}\n",
            43,
            "a return of shape `array` names no entity",
            "list the entities the docs' `Returns:` line links",
        ),
        (
            "        returns: {shape: empty, entities: [Status]}\n",
            43,
            "a return of shape `empty` lists entities",
            "only `one` and `array` name entities",
        ),
        (
            "        returns: {shap: one, entities: [Status]}\n",
            19,
            "unknown key `shap` in `returns`",
            "did you mean `shape`?",
        ),
        (
            "        returns: {entities: [Status]}\n",
            19,
            "`returns` is missing `shape`",
            "add `shape:` with a return shape",
        ),
    ];
    // The line of the `View a status` method's `returns` in the fixture copy.
    let at = copy()
        .lines()
        .position(|copied| format!("{copied}\n") == line)
        .expect("the copy has the line")
        + 1;
    for (new, col, message, help) in cases {
        let error = error_of(&edited(line, new));
        assert_reports(&error, at, col, message, help);
    }
}

/// Every mistake in a method's `params` is located, with help; a sound list
/// generates.
#[test]
fn params_mistakes_are_located() {
    let line = "        returns: {shape: one, entities: [Status]}\n";
    let with = |param: &str| {
        edited(
            line,
            &format!("{line}        params:\n          - {param}\n"),
        )
    };
    generate(
        &Config::new(),
        &with("{name: \"media_ids[]\", in: form, type: array(string), required_unless: [status]}"),
    )
    .expect_err("`status` is not among the method's parameters");
    let two = |first: &str, second: &str| {
        edited(
            line,
            &format!("{line}        params:\n          - {first}\n          - {second}\n"),
        )
    };
    generate(
        &Config::new(),
        &two(
            "{name: status, in: form, type: string}",
            "{name: \"media_ids[]\", in: form, type: array(string), required_unless: [status]}",
        ),
    )
    .expect("a sound list generates");
    let error = error_of(&two(
        "{name: status, in: form, type: string}",
        "{name: status, in: form, type: integer}",
    ));
    let at = copy()
        .lines()
        .position(|copied| format!("{copied}\n") == line)
        .expect("the copy has the line")
        + 4;
    assert_reports(
        &error,
        at,
        13,
        "the form parameter `status` is listed twice",
        "a method lists each parameter once",
    );
    // Each case points at its needle, or at the mapping (`{`).
    let cases: [(&str, &str, &str, &str); 6] = [
        (
            "{name: status, in: body, type: string}",
            "body",
            "unknown parameter location `body`",
            "`in` is one of path, query, form, header",
        ),
        (
            "{name: status, in: form, type: text}",
            "text",
            "unknown parameter type `text`",
            "a type is spelled as an entity attribute's",
        ),
        (
            "{name: status, in: form, type: string, required: true, required_if: When}",
            "{",
            "a parameter with more than one of `required`, `required_unless` and `required_if`",
            "give one: `required: true`",
        ),
        (
            "{name: status, in: form, type: string, required_unless: []}",
            "[]",
            "`required_unless` names no parameter",
            "list the parameters whose presence makes this one optional",
        ),
        (
            "{name: status, type: string}",
            "name",
            "a parameter is missing `in`",
            "add `in:`",
        ),
        (
            "{name: status, in: form, type: string, requred: true}",
            "requred",
            "unknown key `requred` in a parameter",
            "did you mean `required`?",
        ),
    ];
    let at = copy()
        .lines()
        .position(|copied| format!("{copied}\n") == line)
        .expect("the copy has the line")
        + 3;
    for (param, needle, message, help) in cases {
        let col = "          - ".len() + param.find(needle).expect("the needle") + 1;
        let error = error_of(&with(param));
        assert_reports(&error, at, col, message, help);
    }
}
