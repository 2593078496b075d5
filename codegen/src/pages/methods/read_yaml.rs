//! The YAML copy of the method pages (`spec/methods.yaml`): facts only,
//! page by page, read into the same [`MethodSpec`] the page reader fills.
//! spec/README.md documents the schema.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::diagnostic::{Diagnostic, Error};
use crate::lint;
use crate::model::methods::{
    Auth, EntityLink, ErrorResponse, Lifecycle, LintRecord, Method, MethodPage, MethodSpec,
    ParamLocation, ParamType, Parameter, Requirement, ReturnShape, Returns, TOKEN_KINDS,
};
use crate::sink::Sink;
use crate::source::Source;
use crate::yaml::document::document_root;
use crate::yaml::tree::{Node, Read, Schema, Spanned};

const SCHEMA: Schema = Schema {
    expects: key_expects,
};

struct Document {
    pages: Vec<Page>,
    reason_names: Vec<(String, Spanned<String>)>,
}

struct Page {
    path: String,
    title: String,
    lints: Vec<Spanned<LintIn>>,
    methods: Vec<Spanned<MethodIn>>,
}

/// A docs defect that fired when the copy was exported.
struct LintIn {
    lint: Spanned<String>,
    at: String,
    message: String,
    outcome: String,
}

struct MethodIn {
    title: Spanned<String>,
    anchor: Option<String>,
    name: Option<String>,
    /// `GET /api/v1/statuses/:id`.
    request: Spanned<String>,
    tokens: Vec<Spanned<String>>,
    scopes: Vec<String>,
    any_scope: bool,
    added_in: Option<String>,
    lifecycle: Option<Spanned<String>>,
    lifecycle_since: Option<Spanned<String>>,
    returns: Option<Spanned<ReturnsIn>>,
    params: Vec<Spanned<ParamIn>>,
    errors: Vec<Spanned<ErrorIn>>,
}

/// `{name: status, in: form, type: string, required_unless: ["media_ids[]"]}`.
struct ParamIn {
    name: Spanned<String>,
    location: Spanned<String>,
    ty: Spanned<String>,
    values: Vec<String>,
    default: Option<String>,
    required: Option<Spanned<bool>>,
    required_unless: Option<Spanned<Vec<String>>>,
    required_if: Option<Spanned<String>>,
    added_in: Option<String>,
    deprecated: bool,
    internal: bool,
}

/// `returns: {shape: array, entities: [Account]}`.
struct ReturnsIn {
    shape: Spanned<String>,
    /// The list, when given, and its names.
    entities: Option<Spanned<Vec<Spanned<String>>>>,
}

struct ErrorIn {
    status: Spanned<u16>,
    status_text: String,
    error: String,
    error_description: Option<String>,
}

fn string(schema: &Schema, node: &Node, key: &str) -> Read<String> {
    schema.string(node, key).map(|text| text.value)
}

/// A list of names, and where it is: `entities: [Status]`, `required_unless: [status]`.
fn names(schema: &Schema, node: &Node, key: &str) -> Read<Spanned<Vec<Spanned<String>>>> {
    let names = schema
        .sequence(node, key)?
        .iter()
        .map(|name| schema.string(name, key))
        .collect::<Read<Vec<_>>>()?;
    Ok(Spanned {
        value: names,
        span: node.span.clone(),
    })
}

/// A list whose items `item` reads; absent is empty, as `#[serde(default)]`
/// had it, and a null is refused.
fn list<T>(node: Option<&Node>, key: &str, item: fn(&Node) -> Read<T>) -> Read<Vec<T>> {
    let Some(node) = node else {
        return Ok(Vec::new());
    };
    SCHEMA.sequence(node, key)?.iter().map(item).collect()
}

fn spanned<T>(read: fn(&Node) -> Read<T>) -> impl Fn(&Node) -> Read<Spanned<T>> {
    move |node| {
        Ok(Spanned {
            value: read(node)?,
            span: node.span.clone(),
        })
    }
}

fn document(node: &Node) -> Read<Document> {
    let mapping = SCHEMA.mapping(
        node,
        "the document",
        "the document",
        &["schema", "pages", "reason_names"],
    )?;
    let pages = SCHEMA.required(&mapping, "pages", |_, node, key| {
        list(Some(node), key, page)
    })?;
    let mut reason_names = Vec::new();
    if let Some(names) = mapping.get("reason_names").filter(|node| !node.is_null()) {
        let names = SCHEMA.any_mapping(names, "reason_names", "`reason_names`")?;
        for (key, value) in names.entries() {
            let key = SCHEMA.string(key, "reason_names")?;
            reason_names.push((key.value, SCHEMA.string(value, "reason_names")?));
        }
    }
    Ok(Document {
        pages,
        reason_names,
    })
}

fn page(node: &Node) -> Read<Page> {
    let mapping = SCHEMA.mapping(
        node,
        "pages",
        "a page",
        &["path", "title", "lints", "methods"],
    )?;
    Ok(Page {
        path: SCHEMA.required(&mapping, "path", string)?,
        title: SCHEMA.required(&mapping, "title", string)?,
        lints: list(mapping.get("lints"), "lints", |node| spanned(lint_in)(node))?,
        methods: SCHEMA.required(&mapping, "methods", |_, node, key| {
            list(Some(node), key, |node| spanned(method_in)(node))
        })?,
    })
}

fn lint_in(node: &Node) -> Read<LintIn> {
    let mapping = SCHEMA.mapping(
        node,
        "lints",
        "a lint record",
        &["lint", "at", "message", "outcome"],
    )?;
    Ok(LintIn {
        lint: SCHEMA.required(&mapping, "lint", Schema::string)?,
        at: SCHEMA.required(&mapping, "at", string)?,
        message: SCHEMA.required(&mapping, "message", string)?,
        outcome: SCHEMA.required(&mapping, "outcome", string)?,
    })
}

fn method_in(node: &Node) -> Read<MethodIn> {
    let keys = [
        "title",
        "anchor",
        "name",
        "request",
        "tokens",
        "scopes",
        "any_scope",
        "added_in",
        "lifecycle",
        "lifecycle_since",
        "returns",
        "params",
        "errors",
    ];
    let mapping = SCHEMA.mapping(node, "methods", "a method", &keys)?;
    Ok(MethodIn {
        title: SCHEMA.required(&mapping, "title", Schema::string)?,
        anchor: SCHEMA.optional(mapping.get("anchor"), "anchor", string)?,
        name: SCHEMA.optional(mapping.get("name"), "name", string)?,
        request: SCHEMA.required(&mapping, "request", Schema::string)?,
        tokens: SCHEMA.required(&mapping, "tokens", |schema, node, key| {
            schema
                .sequence(node, key)?
                .iter()
                .map(|token| schema.string(token, key))
                .collect()
        })?,
        scopes: list(mapping.get("scopes"), "scopes", |node| {
            string(&SCHEMA, node, "scopes")
        })?,
        any_scope: SCHEMA
            .optional(mapping.get("any_scope"), "any_scope", Schema::boolean)?
            .is_some_and(|any| any.value),
        added_in: SCHEMA.optional(mapping.get("added_in"), "added_in", string)?,
        lifecycle: SCHEMA.optional(mapping.get("lifecycle"), "lifecycle", Schema::string)?,
        lifecycle_since: SCHEMA.optional(
            mapping.get("lifecycle_since"),
            "lifecycle_since",
            Schema::string,
        )?,
        returns: SCHEMA.optional(mapping.get("returns"), "returns", |_, node, _| {
            spanned(returns_in)(node)
        })?,
        params: list(mapping.get("params"), "params", |node| {
            spanned(param_in)(node)
        })?,
        errors: list(mapping.get("errors"), "errors", |node| {
            spanned(error_in)(node)
        })?,
    })
}

fn param_in(node: &Node) -> Read<ParamIn> {
    let keys = [
        "name",
        "in",
        "type",
        "values",
        "default",
        "required",
        "required_unless",
        "required_if",
        "added_in",
        "deprecated",
        "internal",
    ];
    let mapping = SCHEMA.mapping(node, "params", "a parameter", &keys)?;
    let flag = |key: &str| -> Read<bool> {
        Ok(SCHEMA
            .optional(mapping.get(key), key, Schema::boolean)?
            .is_some_and(|flag| flag.value))
    };
    Ok(ParamIn {
        name: SCHEMA.required(&mapping, "name", Schema::string)?,
        location: SCHEMA.required(&mapping, "in", Schema::string)?,
        ty: SCHEMA.required(&mapping, "type", Schema::string)?,
        values: list(mapping.get("values"), "values", |node| {
            string(&SCHEMA, node, "values")
        })?,
        default: SCHEMA.optional(mapping.get("default"), "default", string)?,
        required: SCHEMA.optional(mapping.get("required"), "required", Schema::boolean)?,
        required_unless: SCHEMA
            .optional(mapping.get("required_unless"), "required_unless", names)?
            .map(|list| Spanned {
                value: list.value.into_iter().map(|name| name.value).collect(),
                span: list.span,
            }),
        required_if: SCHEMA.optional(mapping.get("required_if"), "required_if", Schema::string)?,
        added_in: SCHEMA.optional(mapping.get("added_in"), "added_in", string)?,
        deprecated: flag("deprecated")?,
        internal: flag("internal")?,
    })
}

/// A method's parameters, checked together: each (location, name) once, and
/// every `required_unless` naming one of them.
fn params_agree(params: &[Parameter], sink: &mut Sink) {
    for (index, param) in params.iter().enumerate() {
        if let Some(first) = params[..index]
            .iter()
            .find(|earlier| earlier.location == param.location && earlier.name == param.name)
        {
            sink.push(
                Diagnostic::error(
                    param.span.clone(),
                    format!(
                        "the {} parameter `{}` is listed twice",
                        param.location.as_str(),
                        param.name
                    ),
                )
                .label("the second")
                .related(first.span.clone(), "the first")
                .help("a method lists each parameter once; remove one, or re-export the copy"),
            );
        }
        if let Requirement::RequiredUnless(names) = &param.requirement {
            for name in names {
                if !params.iter().any(|other| other.name == *name) {
                    sink.push(
                        Diagnostic::error(
                            param.span.clone(),
                            format!("`{}` is required unless `{name}`, which the method does not list", param.name),
                        )
                        .help("`required_unless` names parameters of the same method, as written in their `name`"),
                    );
                }
            }
        }
    }
}

/// A parameter, checked: a known location and type, and one requirement.
/// `None`, reported, when it cannot be read.
fn param(param: Spanned<ParamIn>, sink: &mut Sink) -> Option<Parameter> {
    let span = param.span;
    let param = param.value;
    let location = ParamLocation::from_name(&param.location.value);
    if location.is_none() {
        let names: Vec<&str> = ParamLocation::ALL.iter().map(|l| l.as_str()).collect();
        sink.push(
            Diagnostic::error(
                param.location.span.clone(),
                format!("unknown parameter location `{}`", param.location.value),
            )
            .label("not a location")
            .help(format!("`in` is one of {}", names.join(", "))),
        );
    }
    let ty = ParamType::from_spelling(&param.ty.value);
    if ty.is_none() {
        sink.push(
            Diagnostic::error(
                param.ty.span.clone(),
                format!("unknown parameter type `{}`", param.ty.value),
            )
            .label("not a type spelling")
            .help("a type is spelled as an entity attribute's (`string`, `string(datetime)`, `integer`, `boolean`, `float`, `hash`, `array(string)`), or `file`, or `unknown`"),
        );
    }
    let required = param.required.as_ref().is_some_and(|flag| flag.value);
    let requirement = match (required, param.required_unless, param.required_if) {
        (false, None, None) => Some(Requirement::Optional),
        (true, None, None) => Some(Requirement::Required),
        (false, Some(names), None) if !names.value.is_empty() => {
            Some(Requirement::RequiredUnless(names.value))
        }
        (false, None, Some(text)) => Some(Requirement::Conditional(text.value)),
        (_, Some(names), _) if names.value.is_empty() => {
            sink.push(
                Diagnostic::error(names.span, "`required_unless` names no parameter")
                    .help("list the parameters whose presence makes this one optional, such as `[\"media_ids[]\"]`, or leave the key out"),
            );
            None
        }
        _ => {
            sink.push(
                Diagnostic::error(span.clone(), "a parameter with more than one of `required`, `required_unless` and `required_if`")
                    .help("give one: `required: true`, `required_unless: [NAME]`, or `required_if: CONDITION`"),
            );
            None
        }
    };
    Some(Parameter {
        name: param.name.value,
        location: location?,
        ty: ty?,
        values: param.values,
        default: param.default,
        requirement: requirement?,
        added_in: param.added_in,
        deprecated: param.deprecated,
        internal: param.internal,
        span,
    })
}

fn returns_in(node: &Node) -> Read<ReturnsIn> {
    let mapping = SCHEMA.mapping(node, "returns", "`returns`", &["shape", "entities"])?;
    Ok(ReturnsIn {
        shape: SCHEMA.required(&mapping, "shape", Schema::string)?,
        entities: SCHEMA.optional(mapping.get("entities"), "entities", names)?,
    })
}

/// A method's `returns`, checked: a known shape, and entity names exactly
/// where the shape has them. `None`, reported, when it cannot be read.
fn returns(returns: Spanned<ReturnsIn>, sink: &mut Sink) -> Option<Returns> {
    let span = returns.span;
    let ReturnsIn { shape, entities } = returns.value;
    let Some(read_shape) = ReturnShape::from_name(&shape.value) else {
        let names: Vec<&str> = ReturnShape::ALL
            .iter()
            .map(|shape| shape.as_str())
            .collect();
        sink.push(
            Diagnostic::error(shape.span, format!("unknown return shape `{}`", shape.value))
                .label("not a return shape")
                .help(format!(
                    "`shape` is one of {}: `one` and `array` with the `entities` the docs link, `empty` for an empty body, `other` for anything else",
                    names.join(", ")
                )),
        );
        return None;
    };
    let names = entities.as_ref().map_or(&[][..], |list| &list.value[..]);
    let mut sound = true;
    match (read_shape.has_entities(), &entities) {
        (true, None) => {
            sink.push(
                Diagnostic::error(shape.span.clone(), format!("a return of shape `{}` names no entity", shape.value))
                    .help("add `entities:` with the entities the docs' `Returns:` line links, such as `entities: [Status]`; a line that links none is `shape: other`"),
            );
            sound = false;
        }
        (true, Some(list)) if list.value.is_empty() => {
            sink.push(
                Diagnostic::error(list.span.clone(), format!("a return of shape `{}` names no entity", shape.value))
                    .label("an empty list")
                    .help("list the entities the docs' `Returns:` line links, such as `entities: [Status]`; a line that links none is `shape: other`"),
            );
            sound = false;
        }
        (false, Some(list)) => {
            sink.push(
                Diagnostic::error(list.span.clone(), format!("a return of shape `{}` lists entities", shape.value))
                    .label("entities of a shape that has none")
                    .help("only `one` and `array` name entities; leave `entities` out, or give the shape the line reads as"),
            );
            sound = false;
        }
        _ => {}
    }
    for name in names {
        if name.value.trim().is_empty() {
            sink.push(
                Diagnostic::error(name.span.clone(), "an empty entity name")
                    .help("name an entity as the docs do, such as `Status`, `CredentialAccount` or `Admin::Account`"),
            );
            sound = false;
        }
    }
    sound.then(|| Returns {
        shape: read_shape,
        entities: names
            .iter()
            .map(|name| EntityLink::named(&name.value))
            .collect(),
        span,
    })
}

fn error_in(node: &Node) -> Read<ErrorIn> {
    let keys = ["status", "status_text", "error", "error_description"];
    let mapping = SCHEMA.mapping(node, "errors", "an error response", &keys)?;
    Ok(ErrorIn {
        status: SCHEMA.required(&mapping, "status", Schema::number)?,
        status_text: SCHEMA.required(&mapping, "status_text", string)?,
        error: SCHEMA.required(&mapping, "error", string)?,
        error_description: SCHEMA.optional(
            mapping.get("error_description"),
            "error_description",
            string,
        )?,
    })
}

/// What a key of the methods copy holds, for type errors and missing keys.
fn key_expects(key: &str) -> &'static str {
    match key {
        "schema" => "the schema version, `1`",
        "pages" => "a list of pages (`- path:` items)",
        "methods" => "a list of methods (`- title:` items)",
        "lints" | "errors" | "params" => "a list of mappings (`- ` items)",
        "in" => "where the parameter goes: `path`, `query`, `form` or `header`",
        "type" => "a type spelling, such as `string`, `array(string)` or `file`",
        "values" => "a list of values, such as `[public, unlisted]`",
        "required_unless" => "a list of parameter names, such as `[\"media_ids[]\"]`",
        "required" | "deprecated" | "internal" => "`true`",
        "reason_names" => "a mapping from `STATUS message` to a reason's name",
        "path" => "the page's path below `content/en/methods`, such as `statuses`",
        "title" => "a title as the page writes it",
        "request" => "the request, such as `GET /api/v1/statuses/:id`",
        "tokens" => "a list of kinds of token, such as `[user]`",
        "scopes" => "a list of OAuth scopes, such as `[read:statuses]`",
        "status" => "an HTTP error status from 400 to 599, such as `404`",
        "added_in" | "lifecycle_since" => "a Mastodon version, such as `\"4.0.0\"`",
        "lifecycle" => "`deprecated` or `removed`",
        "returns" => "a mapping such as `{shape: array, entities: [Account]}`",
        "shape" => "a return shape: `empty`, `one`, `array` or `other`",
        "entities" => "a list of entity names, such as `[Status, ScheduledStatus]`",
        "lint" => "a lint's name, such as `invalid-example-json`",
        _ => "text",
    }
}

/// Reads a YAML copy of the method pages, with where each of its
/// `reason_names` is, for the check that every one names an example.
pub(crate) fn parse(
    source: &Source,
) -> Result<(MethodSpec, BTreeMap<String, Range<usize>>), Error> {
    let root = document_root(source, &SCHEMA)?;
    let document = document(&root).map_err(|error| Error::single(source.clone(), *error))?;
    let mut sink = Sink::default();
    let mut pages = Vec::new();
    for page in document.pages {
        // An empty `tokens` is a fact only where the docs name no kind of
        // token, which the page's lints then record.
        let tokenless_recorded = page.lints.iter().any(|record| {
            [
                lint::MISSING_OAUTH.name,
                lint::OAUTH_WITHOUT_TOKEN_KIND.name,
            ]
            .contains(&record.value.lint.value.as_str())
        });
        let mut methods = Vec::new();
        for method in page.methods {
            let span = method.span.clone();
            let method = method.value;
            let request_span = method.request.span.clone();
            let mut words = method.request.value.split_whitespace();
            let (http_method, path) = match (words.next(), words.next(), words.next()) {
                (Some(http_method), Some(path), None) if path.starts_with('/') => {
                    (http_method.to_owned(), path.to_owned())
                }
                _ => {
                    sink.push(
                        Diagnostic::error(request_span.clone(), "a method's `request` is not `METHOD /path`")
                            .help("write the request as the docs do, e.g. `request: GET /api/v1/statuses/:id`"),
                    );
                    continue;
                }
            };
            let mut auth = Auth {
                scopes: method.scopes,
                any_scope: method.any_scope,
                ..Auth::default()
            };
            for token in &method.tokens {
                if !auth.accept(&token.value) {
                    let other = &token.value;
                    sink.push(
                        Diagnostic::error(
                            token.span.clone(),
                            format!("unknown kind of token `{other}`"),
                        )
                        .help(format!("`tokens` lists some of {}", TOKEN_KINDS.join(", "))),
                    );
                }
            }
            if method.tokens.is_empty() && !tokenless_recorded {
                sink.push(
                    Diagnostic::error(span.clone(), "a method with no `tokens`").help(format!(
                        "list who may call it: some of {}; an empty list is for a method whose docs name no kind of token, which the page's `lints` then record",
                        TOKEN_KINDS.join(", ")
                    )),
                );
            }
            let lifecycle = match &method.lifecycle {
                None => Lifecycle::Current,
                Some(lifecycle) => Lifecycle::from_name(&lifecycle.value).unwrap_or_else(|| {
                    sink.push(
                        Diagnostic::error(lifecycle.span.clone(), format!("unknown lifecycle `{}`", lifecycle.value))
                            .help("`lifecycle` is `deprecated` or `removed`; leave it out for a current method"),
                    );
                    Lifecycle::Current
                }),
            };
            if let Some(since) = &method.lifecycle_since
                && lifecycle == Lifecycle::Current
            {
                sink.push(
                    Diagnostic::error(since.span.clone(), "`lifecycle_since` without `lifecycle`")
                        .help("`lifecycle_since` is the version that deprecated or removed the method: add `lifecycle: deprecated` or `lifecycle: removed`, or leave `lifecycle_since` out"),
                );
            }
            let errors = method
                .errors
                .into_iter()
                .filter_map(|error| {
                    let error_span = error.span.clone();
                    let error = error.value;
                    if !(400..=599).contains(&error.status.value) {
                        sink.push(
                            Diagnostic::error(
                                error.status.span.clone(),
                                format!("status {} is not an error status", error.status.value),
                            )
                            .help("an error response has a status from 400 to 599"),
                        );
                        return None;
                    }
                    Some(ErrorResponse {
                        status: error.status.value,
                        status_text: error.status_text,
                        error: error.error,
                        error_description: error.error_description,
                        span: error_span,
                    })
                })
                .collect();
            let returns = method.returns.and_then(|read| returns(read, &mut sink));
            let params: Vec<Parameter> = method
                .params
                .into_iter()
                .filter_map(|read| param(read, &mut sink))
                .collect();
            params_agree(&params, &mut sink);
            methods.push(Method {
                title: method.title.value,
                title_span: method.title.span.clone(),
                anchor: method.anchor,
                http_method,
                path,
                request_span,
                auth,
                added_in: method.added_in,
                lifecycle,
                lifecycle_since: method.lifecycle_since.map(|since| since.value),
                params,
                errors,
                returns,
                name_override: method.name,
            });
        }
        let mut lints = Vec::new();
        for record in page.lints {
            let span = record.span.clone();
            let record = record.value;
            if lint::find(&record.lint.value).is_none() {
                sink.push(
                    Diagnostic::error(record.lint.span.clone(), format!("unknown lint `{}`", record.lint.value))
                        .help("`lints` records what the generator found when it exported the copy; re-export it rather than editing it by hand"),
                );
                continue;
            }
            lints.push(LintRecord {
                lint: record.lint.value,
                at: record.at,
                message: record.message,
                outcome: record.outcome,
                span,
            });
        }
        pages.push(MethodPage {
            path: page.path,
            title: page.title,
            methods,
            lints,
        });
    }
    let mut reason_names = BTreeMap::new();
    let mut name_spans = BTreeMap::new();
    for (key, name) in document.reason_names {
        name_spans.insert(key.clone(), name.span.clone());
        reason_names.insert(key, name.value);
    }
    let spec = MethodSpec {
        pages,
        reason_names,
    };
    sink.into_result(source, (spec, name_spans))
}
