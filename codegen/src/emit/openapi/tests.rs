use super::*;
use crate::model::HistoryEntry;
use crate::model::entities::{
    AttributeLifecycle, Entity, EntityAttribute, EntityPage, StringFormat,
};

fn method(path: &str, params: Vec<Parameter>) -> Method {
    Method {
        title: "A method".to_owned(),
        title_span: 0..0,
        anchor: None,
        http_method: "POST".to_owned(),
        path: path.to_owned(),
        request_span: 0..0,
        auth: Auth::default(),
        added_in: None,
        lifecycle: Lifecycle::Current,
        lifecycle_since: None,
        params,
        errors: Vec::new(),
        returns: None,
        name_override: None,
    }
}

fn param(
    name: &str,
    location: ParamLocation,
    ty: ParamType,
    requirement: Requirement,
) -> Parameter {
    Parameter {
        requirement,
        ..Parameter::new(name, location, ty)
    }
}

fn string() -> ParamType {
    ParamType::Value(AttributeType::String(StringFormat::Plain))
}

fn no_entity(_: &str) -> bool {
    false
}

fn names(json: &Json) -> Vec<String> {
    match json {
        Json::Array(items) => items
            .iter()
            .map(|item| match item {
                Json::Object(entries) => entries
                    .iter()
                    .map(|(key, value)| format!("{key}={}", value.pretty().trim()))
                    .collect::<Vec<_>>()
                    .join(" "),
                other => other.pretty(),
            })
            .collect(),
        other => vec![other.pretty()],
    }
}

#[test]
fn any_scope_is_one_requirement_per_scope_and_all_needed_is_one() {
    let mut auth = Auth {
        user: true,
        scopes: vec!["profile".to_owned(), "read:accounts".to_owned()],
        any_scope: true,
        ..Auth::default()
    };
    let one_each = names(&security(&auth));
    assert_eq!(
        one_each,
        [
            "UserToken=[\n  \"profile\"\n]",
            "UserToken=[\n  \"read:accounts\"\n]"
        ]
    );
    auth.any_scope = false;
    assert_eq!(
        names(&security(&auth)),
        ["UserToken=[\n  \"profile\",\n  \"read:accounts\"\n]"],
        "every scope needed: one requirement holding both"
    );
}

#[test]
fn public_or_user_is_optional_security_and_app_tokens_are_their_own_scheme() {
    let auth = Auth {
        public: true,
        app: true,
        user: true,
        scopes: vec!["read:statuses".to_owned()],
        any_scope: false,
    };
    let alternatives = names(&security(&auth));
    assert_eq!(alternatives.len(), 3, "{alternatives:?}");
    assert!(alternatives[0].starts_with("AppToken="), "{alternatives:?}");
    assert!(
        alternatives[1].starts_with("UserToken="),
        "{alternatives:?}"
    );
    assert_eq!(
        alternatives[2], "",
        "the empty requirement: no token at all"
    );
    let public_only = Auth {
        public: true,
        ..Auth::default()
    };
    assert_eq!(security(&public_only), Json::Array(vec![Json::object()]));
}

#[test]
fn nullable_is_apart_from_optional() {
    let attribute =
        |name: &str, ty: AttributeType, nullable: bool, optional: bool| EntityAttribute {
            path: crate::model::entities::key_path(name),
            anchor: None,
            span: 0..0,
            type_text: String::new(),
            type_span: 0..0,
            ty,
            nullable,
            optional,
            lifecycle: AttributeLifecycle::Current,
            values: Vec::new(),
            history: vec![HistoryEntry {
                version: "4.2.0".to_owned(),
                change: "added".to_owned(),
            }],
            type_override: false,
            sent_from: None,
            corrections: Vec::new(),
        };
    let text = AttributeType::String(StringFormat::Plain);
    let mut enumerated = attribute(
        "visibility",
        AttributeType::String(StringFormat::Enumerable),
        false,
        false,
    );
    enumerated.values = vec!["public".to_owned(), "private".to_owned()];
    // Nullable, and newer than the baseline: older servers leave it out.
    let mut newer = attribute("newer_null", text.clone(), true, false);
    newer.sent_from = Some("4.4.0".to_owned());
    let spec = EntitySpec {
        pages: vec![EntityPage {
            file: "Thing".to_owned(),
            entities: vec![
                Entity {
                    name: "Thing".to_owned(),
                    anchor: None,
                    span: 0..0,
                    extends: None,
                    attributes: vec![
                        attribute("null_but_sent", text.clone(), true, false),
                        attribute("absent_not_null", text.clone(), false, true),
                        attribute(
                            "other",
                            AttributeType::Entity("Thing::Other".to_owned()),
                            true,
                            false,
                        ),
                        enumerated,
                        attribute("source", AttributeType::Hash, false, false),
                        attribute("source[note]", text.clone(), false, true),
                        newer,
                    ],
                },
                Entity {
                    name: "Thing::Other".to_owned(),
                    anchor: Some("Other".to_owned()),
                    span: 0..0,
                    extends: None,
                    attributes: vec![attribute("id", text, false, false)],
                },
            ],
            examples: Vec::new(),
            lints: Vec::new(),
        }],
        baseline: None,
        corrections: Vec::new(),
    };
    let schemas = schemas::entity_schemas(&spec, "https://docs");
    assert_eq!(
        schemas
            .iter()
            .map(|(name, _)| name.as_str())
            .collect::<Vec<_>>(),
        ["Thing", "ThingOther"]
    );
    let thing = &schemas[0].1;
    assert_eq!(
        thing.get("required"),
        Some(&Json::strings([
            "null_but_sent",
            "other",
            "visibility",
            "source"
        ])),
        "sent keys are required, null or not; the optional one and the newer one are not"
    );
    let properties = thing.get("properties").expect("properties");
    let property = |key: &str| properties.get(key).expect(key);
    assert_eq!(
        property("null_but_sent").get("nullable"),
        Some(&Json::Bool(true))
    );
    assert_eq!(property("absent_not_null").get("nullable"), None);
    assert_eq!(
        property("absent_not_null").get("x-added-in"),
        Some(&Json::str("4.2.0"))
    );
    // A nullable reference: the `$ref` or the null alone, since `nullable`
    // beside a `type` would not reach through to the referenced schema.
    let other = property("other");
    assert_eq!(other.get("nullable"), None);
    assert_eq!(
        other.get("anyOf"),
        Some(&Json::Array(vec![
            Json::object().with("$ref", Json::str("#/components/schemas/ThingOther")),
            schemas::null_only(),
        ]))
    );
    assert_eq!(
        schemas::null_only().get("enum"),
        Some(&Json::Array(vec![Json::Null]))
    );
    // The nested hash is an object of its own, with its own required list.
    let source = property("source");
    assert!(
        source
            .get("properties")
            .and_then(|p| p.get("note"))
            .is_some()
    );
    assert_eq!(source.get("required"), None);
    // The open enum: the listed values, or any other string.
    let Some(Json::Array(branches)) = property("visibility").get("anyOf") else {
        panic!(
            "an open enum is an anyOf: {}",
            property("visibility").pretty()
        );
    };
    assert_eq!(
        branches[0].get("enum"),
        Some(&Json::strings(["public", "private"]))
    );
    assert_eq!(
        branches[1],
        Json::object().with("type", Json::str("string"))
    );
}

#[test]
fn a_nullable_open_enum_takes_null_in_its_plain_string_branch() {
    let schema = schemas::nullable(schemas::open_enum(&["a".to_owned()]));
    let Some(Json::Array(branches)) = schema.get("anyOf") else {
        panic!("{}", schema.pretty());
    };
    assert_eq!(branches[0].get("nullable"), None);
    assert_eq!(branches[1].get("nullable"), Some(&Json::Bool(true)));
}

#[test]
fn a_nullable_one_of_gains_a_null_branch() {
    let reference = |name: &str| Json::object().with("$ref", Json::str(name));
    let schema = schemas::nullable(
        Json::object().with("oneOf", Json::Array(vec![reference("A"), reference("B")])),
    );
    assert_eq!(
        schema,
        Json::object().with(
            "oneOf",
            Json::Array(vec![reference("A"), reference("B"), schemas::null_only()])
        )
    );
}

#[test]
fn every_documented_error_is_an_exact_example_under_its_status() {
    let mut method = method("/api/v1/statuses", Vec::new());
    let error = |status: u16, text: &str, error: &str, description: Option<&str>| ErrorResponse {
        status,
        status_text: text.to_owned(),
        error: error.to_owned(),
        error_description: description.map(str::to_owned),
        span: 0..0,
    };
    method.errors = vec![
        error(
            422,
            "Unprocessable entity",
            "Validation failed: Text can't be blank",
            None,
        ),
        error(
            401,
            "Unauthorized",
            "invalid_token",
            Some("The access token is invalid"),
        ),
        error(
            422,
            "Unprocessable entity",
            "Validation failed: Text can't be blank",
            None,
        ),
    ];
    let responses = responses(&method, &no_entity);
    let Json::Object(entries) = &responses else {
        panic!()
    };
    let statuses: Vec<&str> = entries.iter().map(|(status, _)| status.as_str()).collect();
    assert_eq!(statuses, ["200", "401", "422"], "statuses in order");
    let examples = |status: &str| {
        responses
            .get(status)
            .and_then(|r| r.get("content"))
            .and_then(|c| c.get("application/json"))
            .and_then(|m| m.get("examples"))
            .cloned()
            .expect("examples")
    };
    let Json::Object(unprocessable) = examples("422") else {
        panic!()
    };
    assert_eq!(
        unprocessable
            .iter()
            .map(|(key, _)| key.as_str())
            .collect::<Vec<_>>(),
        [
            "validation-failed-text-can-t-be-blank",
            "validation-failed-text-can-t-be-blank-2"
        ],
        "two examples of one status keep distinct keys"
    );
    assert_eq!(
        examples("401")
            .get("invalid-token")
            .and_then(|e| e.get("value"))
            .cloned(),
        Some(
            Json::object()
                .with("error", Json::str("invalid_token"))
                .with(
                    "error_description",
                    Json::str("The access token is invalid")
                )
        )
    );
}

#[test]
fn parameters_go_where_the_docs_put_them() {
    let mut status = param(
        "status",
        ParamLocation::Form,
        string(),
        Requirement::RequiredUnless(vec!["media_ids[]".to_owned()]),
    );
    status.added_in = Some("0.0.0".to_owned());
    let mut visibility = param(
        "visibility",
        ParamLocation::Form,
        string(),
        Requirement::Optional,
    );
    visibility.values = vec!["public".to_owned(), "direct".to_owned()];
    visibility.default = Some("public".to_owned());
    let mut limit = param(
        "limit",
        ParamLocation::Query,
        ParamType::Value(AttributeType::Integer),
        Requirement::Optional,
    );
    limit.default = Some("20".to_owned());
    let method = method(
        "/api/v1/statuses/:id",
        vec![
            param(
                "Authorization",
                ParamLocation::Header,
                string(),
                Requirement::Required,
            ),
            param(
                "Idempotency-Key",
                ParamLocation::Header,
                string(),
                Requirement::Optional,
            ),
            limit,
            status,
            visibility,
            param(
                "code_verifier",
                ParamLocation::Form,
                string(),
                Requirement::Conditional("Required if PKCE is used".to_owned()),
            ),
        ],
    );
    let (parameters, unmatched) = parameters(&method, &no_entity);
    assert!(unmatched.is_empty());
    let listed: Vec<(String, String)> = parameters
        .iter()
        .map(|p| {
            (
                p.get("name").expect("name").pretty().trim().to_owned(),
                p.get("in").expect("in").pretty().trim().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            ("\"Idempotency-Key\"".to_owned(), "\"header\"".to_owned()),
            ("\"limit\"".to_owned(), "\"query\"".to_owned()),
            ("\"id\"".to_owned(), "\"path\"".to_owned()),
        ],
        "no Authorization (security covers it), no form data, the path's :id required"
    );
    assert_eq!(
        parameters[1].get("schema").and_then(|s| s.get("default")),
        Some(&Json::Int(20))
    );
    assert_eq!(parameters[2].get("required"), Some(&Json::Bool(true)));
    let body = request_body(&method, &no_entity).expect("form data");
    assert_eq!(
        body.get("required"),
        None,
        "no unconditionally required field"
    );
    let content = body.get("content").expect("content");
    let schema = content
        .get("application/x-www-form-urlencoded")
        .and_then(|media| media.get("schema"))
        .expect("urlencoded");
    assert!(content.get("multipart/form-data").is_some());
    assert_eq!(schema.get("required"), None);
    let properties = schema.get("properties").expect("properties");
    assert_eq!(
        properties
            .get("status")
            .and_then(|s| s.get("x-required-unless")),
        Some(&Json::strings(["media_ids[]"]))
    );
    assert_eq!(
        properties
            .get("code_verifier")
            .and_then(|s| s.get("x-required-if")),
        Some(&Json::str("Required if PKCE is used"))
    );
    assert_eq!(
        properties.get("visibility").and_then(|s| s.get("default")),
        Some(&Json::str("public"))
    );
}

#[test]
fn a_file_makes_the_body_multipart_only_and_a_required_field_requires_it() {
    let method = method(
        "/api/v2/media",
        vec![
            param(
                "file",
                ParamLocation::Form,
                ParamType::File,
                Requirement::Required,
            ),
            param(
                "description",
                ParamLocation::Form,
                string(),
                Requirement::Optional,
            ),
        ],
    );
    let body = request_body(&method, &no_entity).expect("form data");
    assert_eq!(body.get("required"), Some(&Json::Bool(true)));
    let content = body.get("content").expect("content");
    assert!(content.get("application/x-www-form-urlencoded").is_none());
    let schema = content
        .get("multipart/form-data")
        .and_then(|m| m.get("schema"))
        .expect("multipart");
    assert_eq!(schema.get("required"), Some(&Json::strings(["file"])));
    assert_eq!(
        schema
            .get("properties")
            .and_then(|p| p.get("file"))
            .and_then(|f| f.get("format")),
        Some(&Json::str("binary"))
    );
}

#[test]
fn a_default_the_type_does_not_read_is_kept_as_written() {
    let mut flag = param(
        "local",
        ParamLocation::Query,
        ParamType::Value(AttributeType::Boolean),
        Requirement::Optional,
    );
    flag.default = Some("false".to_owned());
    assert_eq!(
        param_schema(&flag, &no_entity).get("default"),
        Some(&Json::Bool(false))
    );
    flag.default = Some("the server's setting".to_owned());
    let schema = param_schema(&flag, &no_entity);
    assert_eq!(schema.get("default"), None);
    assert_eq!(
        schema.get("x-default"),
        Some(&Json::str("the server's setting"))
    );
}

#[test]
fn paths_are_templates_without_their_query() {
    assert_eq!(
        path_template("/api/v1/statuses/:id/context"),
        "/api/v1/statuses/{id}/context"
    );
    assert_eq!(
        path_template("/api/v1/timelines/link?url=:url"),
        "/api/v1/timelines/link"
    );
    let (parameters, _) = parameters(
        &method("/api/v1/timelines/link?url=:url", Vec::new()),
        &no_entity,
    );
    assert_eq!(parameters.len(), 1);
    assert_eq!(parameters[0].get("in"), Some(&Json::str("query")));
    assert_eq!(parameters[0].get("required"), Some(&Json::Bool(true)));
}
