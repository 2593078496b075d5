//! The round trip for what methods return: a server on 127.0.0.1 answers
//! every documented method that returns an entity with a body of that
//! entity, and the client reads each answer with the generated type it finds
//! through `Endpoint::returns()`. The bodies are the docs' own examples when
//! the docs corpus is here (those the generator did not lint), else a body
//! built from `spec/entities.yaml`: every required attribute with a value of
//! its type. The server also sends what the docs do not list yet: a new
//! enumerated value, a new attribute, and `null` in a nullable field.

#[path = "support/mock_server.rs"]
mod mock_server;
#[path = "support/requests.rs"]
mod requests;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use mastodon_error::entities::{AnyEntity, EntityKind, StatusVisibility};
use mastodon_error::{Endpoint, ReturnShape};
use mastodon_error_codegen::model::entities::{
    AttributeType, Entity, EntityAttribute, EntitySpec, StringFormat, Version,
};
use mock_server::{Canned, MockServer};
use serde_json::{Map, Value, json};

/// The copy's facts as the crate's types have them: with its reviewed corrections.
fn copy() -> EntitySpec {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("spec/entities.yaml");
    let read = mastodon_error_codegen::read_entities(&path).expect("spec/entities.yaml reads");
    mastodon_error_codegen::corrected_entities(&read)
}

/// The docs' examples by entity, from the current snapshot of the corpus,
/// when it is here; only those the generator did not lint.
fn docs_examples() -> BTreeMap<String, Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = match std::env::var_os("MASTODON_ERROR_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => root.join("../shared/corpus"),
    };
    let Some(snapshot) = mastodon_error_codegen::corpus::current_snapshot(root, "entities") else {
        return BTreeMap::new();
    };
    let Ok(spec) = mastodon_error_codegen::read_entities(&corpus.join(snapshot)) else {
        return BTreeMap::new();
    };
    let mut examples = BTreeMap::new();
    for page in &spec.pages {
        for example in &page.examples {
            let linted = page.lints.iter().any(|lint| lint.span == example.span);
            let json = mastodon_error_codegen::entity_example_json(&example.json);
            if let (false, Ok(value)) = (linted, serde_json::from_str::<Value>(&json)) {
                let one = match value {
                    Value::Array(mut items) if !items.is_empty() => items.swap_remove(0),
                    other => other,
                };
                examples.entry(example.entity.clone()).or_insert(one);
            }
        }
    }
    examples
}

/// A body the table allows: every required attribute, with a value of its
/// type; nullable ones `null`, optional ones left out.
fn synthesized(spec: &EntitySpec, name: &str, depth: usize) -> Value {
    synthesized_by(spec, name, depth, None)
}

/// [`synthesized`] as a server at `server` sends it: without the attributes
/// a later version added.
fn synthesized_by(spec: &EntitySpec, name: &str, depth: usize, server: Option<&Version>) -> Value {
    let entity = spec
        .entity(name)
        .unwrap_or_else(|| panic!("`{name}` is not in spec/entities.yaml"));
    let attributes: Vec<&EntityAttribute> = attributes(spec, entity)
        .into_iter()
        .filter(|attribute| {
            let added = attribute.added_in().and_then(Version::parse);
            server.is_none_or(|server| added.is_none_or(|added| added <= *server))
        })
        .collect();
    object(spec, &attributes, &[], depth, server)
}

fn attributes<'s>(spec: &'s EntitySpec, entity: &'s Entity) -> Vec<&'s EntityAttribute> {
    let mut all: Vec<&EntityAttribute> = Vec::new();
    if let Some(base) = entity.extends.as_deref().and_then(|base| spec.entity(base)) {
        all.extend(
            base.attributes
                .iter()
                .filter(|a| !entity.attributes.iter().any(|own| own.path == a.path)),
        );
    }
    all.extend(&entity.attributes);
    all
}

fn object(
    spec: &EntitySpec,
    attributes: &[&EntityAttribute],
    prefix: &[String],
    depth: usize,
    server: Option<&Version>,
) -> Value {
    let mut map = Map::new();
    let keys: Vec<&String> = attributes
        .iter()
        .filter(|a| a.path.len() > prefix.len() && a.path.starts_with(prefix))
        .map(|a| &a.path[prefix.len()])
        .collect();
    for key in keys {
        if map.contains_key(key) {
            continue;
        }
        let mut path = prefix.to_vec();
        path.push(key.clone());
        let own = attributes.iter().find(|a| a.path == path);
        let nested = attributes
            .iter()
            .any(|a| a.path.len() > path.len() && a.path.starts_with(&path));
        let value = match own {
            Some(a) if a.optional => continue,
            Some(a) if a.nullable => Value::Null,
            Some(a) if nested && a.ty == AttributeType::Array(Box::new(AttributeType::Hash)) => {
                json!([object(spec, attributes, &path, depth, server)])
            }
            Some(a) if nested && a.ty == AttributeType::Hash => {
                object(spec, attributes, &path, depth, server)
            }
            Some(a) => value(spec, &a.ty, &a.values, depth, server),
            // `configuration[vapid][public_key]` with no `configuration[vapid]`.
            None => object(spec, attributes, &path, depth, server),
        };
        map.insert(key.clone(), value);
    }
    Value::Object(map)
}

fn value(
    spec: &EntitySpec,
    ty: &AttributeType,
    values: &[String],
    depth: usize,
    server: Option<&Version>,
) -> Value {
    match ty {
        AttributeType::String(StringFormat::Enumerable) if !values.is_empty() => json!(values[0]),
        AttributeType::String(StringFormat::Datetime) => json!("2026-11-30T00:00:00.000Z"),
        AttributeType::String(StringFormat::Date) => json!("2026-11-30"),
        AttributeType::String(StringFormat::Url) => json!("https://mastodon.example/"),
        AttributeType::String(_) => json!("1"),
        AttributeType::Integer => json!(1),
        AttributeType::Float => json!(1.5),
        AttributeType::Boolean => json!(true),
        AttributeType::Hash | AttributeType::Json => json!({}),
        AttributeType::Entity(name) => synthesized_by(spec, name, depth + 1, server),
        AttributeType::OneOf(names) => synthesized_by(spec, &names[0], depth + 1, server),
        // One element near the top, so entities in arrays are read too; an
        // empty array deeper down, where a body would grow without end.
        AttributeType::Array(inner) if depth < 2 => {
            json!([value(spec, inner, values, depth + 1, server)])
        }
        AttributeType::Array(_) => json!([]),
    }
}

/// Numbers by value: an `f64` field writes `1` back as `1.0`. Keys in any
/// order; an absent key only against an absent key.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(key, value)| y.get(key).is_some_and(|other| same(value, other)))
        }
        _ => a == b,
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

fn get(agent: &ureq::Agent, method: &str, url: &str) -> Vec<u8> {
    let request = http::Request::builder()
        .method(method)
        .uri(url)
        .body(Vec::<u8>::new())
        .expect("a valid request");
    let response = agent.run(request).expect("the server answers");
    assert_eq!(response.status(), 200, "{method} {url}");
    response.into_body().read_to_vec().expect("a readable body")
}

/// Reads a body as `Endpoint::returns()` says: one entity or an array of them.
fn read(endpoint: Endpoint, body: &[u8]) -> Vec<AnyEntity> {
    let returns = endpoint.returns();
    let kind = EntityKind::from_name(returns.entities[0]).expect("a generated entity");
    let value: Value = serde_json::from_slice(body).expect("JSON");
    let items = match returns.shape {
        ReturnShape::Array => value.as_array().expect("an array").clone(),
        _ => vec![value],
    };
    items
        .iter()
        .map(|item| {
            kind.deserialize(item)
                .unwrap_or_else(|error| panic!("{endpoint}: {}: {error}\n{item}", kind.name()))
        })
        .collect()
}

#[test]
fn every_documented_return_round_trips() {
    let spec = copy();
    let examples = docs_examples();
    let mut canned = Vec::new();
    let mut expected = Vec::new();
    let mut from_docs = 0;
    for &endpoint in Endpoint::ALL {
        let returns = endpoint.returns();
        if !matches!(returns.shape, ReturnShape::One | ReturnShape::Array)
            || returns.entities.is_empty()
        {
            continue;
        }
        let name = returns.entities[0];
        let one = match examples.get(name) {
            Some(example) => {
                from_docs += 1;
                example.clone()
            }
            None => synthesized(&spec, name, 0),
        };
        let body = match returns.shape {
            ReturnShape::Array => json!([one]),
            _ => one,
        };
        let path = requests::concrete_path(endpoint.path());
        canned.push(Canned {
            headers: Vec::new(),
            method: endpoint.method().to_owned(),
            path: path.clone(),
            status: 200,
            content_type: "application/json; charset=utf-8",
            body: serde_json::to_vec(&body).expect("serialises"),
        });
        expected.push((endpoint, path, body));
    }
    assert!(
        expected.len() > 150,
        "only {} methods return an entity",
        expected.len()
    );
    let server = MockServer::start(canned);
    let agent = agent();
    for (endpoint, path, sent) in &expected {
        let body = get(
            &agent,
            endpoint.method(),
            &format!("{}{path}", server.base_url),
        );
        let read = read(*endpoint, &body);
        let back = match endpoint.returns().shape {
            ReturnShape::Array => serde_json::to_value(&read).expect("serialises"),
            _ => serde_json::to_value(&read[0]).expect("serialises"),
        };
        assert!(
            same(sent, &back),
            "{endpoint}: sent {sent}\nread back {back}"
        );
    }
    server.finish().expect("the server saw every request");
    eprintln!(
        "{} methods, {from_docs} answered with the docs' example",
        expected.len()
    );
}

#[test]
fn what_the_docs_do_not_list_yet_still_reads() {
    let endpoint = Endpoint::from_request("GET", "/api/v1/statuses/1").expect("a method");
    assert_eq!(endpoint.returns().entities, ["Status"]);
    let mut status = synthesized(&copy(), "Status", 0);
    // A visibility no docs list, an attribute no docs document, and `null`
    // where the docs say nullable.
    status["visibility"] = json!("local_only");
    status["brand_new_attribute"] = json!({"nested": [1, 2]});
    status["in_reply_to_id"] = Value::Null;
    let read = served_status(endpoint, &status);
    assert_eq!(read.visibility, StatusVisibility::from("local_only"));
    assert!(
        matches!(&read.visibility, StatusVisibility::Undocumented(value) if value.as_str() == "local_only")
    );
    assert_eq!(read.in_reply_to_id, None);
    let back = serde_json::to_value(&*read).expect("serialises");
    // The new value is written back unchanged; the unknown attribute is dropped.
    assert_eq!(back["visibility"], "local_only");
    assert!(back.get("brand_new_attribute").is_none());
    assert_eq!(back["in_reply_to_id"], Value::Null);
}

/// A 4.0.0 server's answer reads: it has none of the attributes later
/// versions added (an account's `uri`, 4.2.0; a status's `quotes_count`,
/// 4.5.0), and the types, made for servers from the baseline on, take it.
#[test]
fn an_older_servers_answer_reads() {
    assert_eq!(mastodon_error::entities::BASELINE, "4.0.0");
    let endpoint = Endpoint::from_request("GET", "/api/v1/statuses/1").expect("a method");
    let old = Version::parse("4.0.0").unwrap();
    let status = synthesized_by(&copy(), "Status", 0, Some(&old));
    let newest = synthesized(&copy(), "Status", 0);
    for key in ["uri", "indexable", "avatar_description"] {
        assert!(newest["account"].get(key).is_some() && status["account"].get(key).is_none());
    }
    assert!(newest.get("quotes_count").is_some() && status.get("quotes_count").is_none());
    let read = served_status(endpoint, &status);
    assert_eq!(read.account.uri, None);
    assert_eq!(read.quotes_count, None);
    let back = serde_json::to_value(&*read).expect("serialises");
    // A nullable attribute the server did not send is written back as `null`.
    assert!(
        same(&without_nulls(&status), &without_nulls(&back)),
        "sent {status}\nread back {back}"
    );
    assert_eq!(back["account"]["hide_collections"], Value::Null);
}

/// `value` without its `null` object members: an absent key and `null` alike.
fn without_nulls(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, value)| !value.is_null())
                .map(|(key, value)| (key.clone(), without_nulls(value)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}

/// `status`, answered by a server on 127.0.0.1 to `GET` of `endpoint`, as
/// the client reads it.
fn served_status(endpoint: Endpoint, status: &Value) -> Box<mastodon_error::entities::Status> {
    let path = requests::concrete_path(endpoint.path());
    let server = MockServer::start(vec![Canned {
        headers: Vec::new(),
        method: "GET".to_owned(),
        path: path.clone(),
        status: 200,
        content_type: "application/json; charset=utf-8",
        body: serde_json::to_vec(status).expect("serialises"),
    }]);
    let body = get(&agent(), "GET", &format!("{}{path}", server.base_url));
    server.finish().expect("one request");
    let AnyEntity::Status(read) = read(endpoint, &body).remove(0) else {
        panic!("not a Status");
    };
    read
}

/// Every entity a method returns is one the entities module generates: the
/// methods copy and the entities copy name the same entities.
#[test]
fn every_returned_entity_is_generated() {
    let mut named = 0;
    for &endpoint in Endpoint::ALL {
        for name in endpoint.returns().entities {
            assert!(
                EntityKind::from_name(name).is_some(),
                "{endpoint} returns `{name}`, which the entities module lacks"
            );
            named += 1;
        }
    }
    assert!(named > 190, "only {named} returned entities");
}

/// A `one_of` reads as the alternative whose own keys the JSON has: a quote
/// that carries only the quoted status's id is a `ShallowQuote`, though
/// `Quote` comes first and its `quoted_status` may be null.
#[test]
fn an_alternative_is_told_by_its_own_keys() {
    use mastodon_error::entities::StatusQuote;

    let shallow: StatusQuote =
        serde_json::from_value(json!({"state": "accepted", "quoted_status_id": "123"})).unwrap();
    assert!(
        matches!(shallow, StatusQuote::ShallowQuote(_)),
        "{shallow:?}"
    );
    let full: StatusQuote =
        serde_json::from_value(json!({"state": "accepted", "quoted_status": null})).unwrap();
    assert!(matches!(full, StatusQuote::Quote(_)), "{full:?}");
}
