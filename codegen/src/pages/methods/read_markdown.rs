//! Reads an API method page (`content/en/methods/*.md`) into a [`MethodPage`].
//!
//! A method is a `##` section whose first ```` ```http ```` block starts with
//! a request line (`GET /api/v1/statuses/:id HTTP/1.1`, or a full URL), or a
//! `###` section whose own content, before the next heading, has one: the
//! filters page nests its methods under `## Server-side (v2) methods`.
//! Under it, the `**OAuth:**` and `**Version history:**` lines give its
//! authorization and version, and each `NNN: Text` response heading with a
//! JSON example whose body has `"error"` is a documented error response.
//! Sections without an `http` block (`See also`) and WebSocket sections
//! (`wss://…`) are not methods. Anything else that looks like a method but
//! cannot be read is a docs defect: a lint (see `crate::lint`) that says what
//! was recovered or left out, so a method never goes missing silently. Only a
//! file that is no Hugo page at all (no front matter) is an error.

use std::ops::Range;

use super::read_params;
use crate::diagnostic::{Diagnostic, Errors};
use crate::lint::{self, Found};
use crate::markdown::blocks::{self, Block, BlockKind};
use crate::markdown::front_matter::{self, PageKind};
use crate::markdown::lenient_json;
use crate::markdown::{inline, runs};
use crate::model::Inline;
use crate::model::methods::{
    Auth, EntityLink, ErrorResponse, Lifecycle, Method, MethodPage, ParamLocation, Parameter,
    ReturnShape, Returns,
};
use crate::sink::Sink;
use crate::source::Source;

/// HTTP methods a request line may start with.
const HTTP_METHODS: [&str; 7] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

const OAUTH_HELP: &str = "say who may call the method, under the request: a line `**OAuth:** Public`, `**OAuth:** App token`, or `**OAuth:** User token + ` followed by the scopes in code spans";

/// The first segment of an OAuth scope (`read`, `write:statuses`, `admin:read:accounts`).
const SCOPE_ROOTS: [&str; 6] = ["read", "write", "follow", "push", "admin", "profile"];

/// Parses one page. `page_path` is its path below the methods folder, without `.md`.
pub fn parse(source: &Source, page_path: &str) -> Result<MethodPage, Errors> {
    parse_with_lints(source, page_path).map(|(page, _)| page)
}

/// [`parse`], with each lint's whole diagnostic (label, related spans,
/// help), which the page's records keep only as facts.
pub(crate) fn parse_with_lints(
    source: &Source,
    page_path: &str,
) -> Result<(MethodPage, Vec<Found>), Errors> {
    let text = source.text();
    let mut sink = Sink::default();
    let (front, body_start) = front_matter::parse(text, PageKind::Methods, &mut sink);
    let mut reader = Reader::default();
    let blocks = blocks::parse(&text[body_start..], body_start);
    for (index, block) in blocks.iter().enumerate() {
        let opens_method = matches!(block.kind, BlockKind::Heading { level: 3, .. })
            && has_request_before_next_heading(&blocks[index + 1..]);
        reader.block(text, block, opens_method, &mut sink);
    }
    reader.close_section(&mut sink);
    let (found, records) =
        crate::markdown::found_lints(&mut sink, source, &format!("{page_path}.md"));
    match front {
        Some(front) if sink.is_empty() => Ok((
            MethodPage {
                path: page_path.to_owned(),
                title: front.title,
                methods: reader.methods,
                lints: records,
            },
            found,
        )),
        _ => Err(sink.into_error(source)),
    }
}

#[derive(Default)]
struct Reader {
    section: Option<Section>,
    methods: Vec<Method>,
}

struct Section {
    title: String,
    title_span: Range<usize>,
    anchor: Option<String>,
    lifecycle: Lifecycle,
    request: RequestState,
    auth: Option<(Auth, Range<usize>)>,
    added_in: Option<String>,
    /// The version of the history's first entry that deprecates or removes
    /// the method, by the word its heading's marker uses.
    lifecycle_since: Option<String>,
    returns: Option<Returns>,
    /// `**Version history:**` entries: the version, and what the entry says.
    history: Vec<(String, String)>,
    /// Where the definition items being read go: set by a `#####` heading
    /// under `#### Request`.
    param_location: Option<ParamLocation>,
    params: Vec<Parameter>,
    /// The response heading that JSON examples belong to.
    status: Option<(u16, String)>,
    errors: Vec<ErrorResponse>,
    /// The JSON examples under `200`: whether each is exactly `{}`, and where.
    ok_examples: Vec<(bool, Range<usize>)>,
}

enum RequestState {
    /// No `http` block yet.
    None,
    Method {
        http_method: String,
        path: String,
        span: Range<usize>,
    },
    /// The first `http` block opens a WebSocket: not an HTTP method.
    WebSocket,
    /// The first `http` block was reported as not a request line.
    Invalid,
}

/// Whether the blocks up to the next heading hold an `http` block whose first
/// line is a request: what makes a `###` heading a method of its own, as the
/// filters page nests its methods under `## Server-side (v2) methods`.
fn has_request_before_next_heading(blocks: &[Block]) -> bool {
    blocks
        .iter()
        .take_while(|block| !matches!(block.kind, BlockKind::Heading { .. }))
        .any(|block| match &block.kind {
            BlockKind::CodeBlock { info } if language(info) == "http" => {
                looks_like_request(block.code_text().lines().next().unwrap_or_default().trim())
            }
            _ => false,
        })
}

/// A fence's language: `http` for ```` ```http title ````.
fn language(info: &str) -> &str {
    info.split_whitespace().next().unwrap_or_default()
}

/// A WebSocket URL opens a connection, not an HTTP method.
fn is_websocket(line: &str) -> bool {
    line.starts_with("wss://") || line.starts_with("ws://")
}

/// Whether a first line means to be a request: a WebSocket URL, or an HTTP
/// method first. Whether it is a valid one is `request_line`'s to say.
fn looks_like_request(line: &str) -> bool {
    is_websocket(line)
        || line
            .split_whitespace()
            .next()
            .is_some_and(|word| HTTP_METHODS.contains(&word))
}

impl Reader {
    /// `opens_method`: a `###` heading that starts a method section of its own.
    fn block(&mut self, text: &str, block: &Block, opens_method: bool, sink: &mut Sink) {
        match &block.kind {
            BlockKind::Heading { level, id } if *level <= 2 || opens_method => {
                self.close_section(sink);
                self.section = Some(open_section(block, id.as_deref(), sink));
            }
            BlockKind::Heading { level, .. } => {
                if let Some(section) = &mut self.section {
                    section.heading(*level, block, sink);
                }
            }
            BlockKind::CodeBlock { info } => {
                if let Some(section) = &mut self.section {
                    section.code_block(info, block, sink);
                }
            }
            BlockKind::Paragraph => {
                if let Some(section) = &mut self.section {
                    section.paragraph(text, block, sink);
                }
            }
            BlockKind::List | BlockKind::Table | BlockKind::Other => {}
        }
    }

    fn close_section(&mut self, sink: &mut Sink) {
        let Some(section) = self.section.take() else {
            return;
        };
        match section.request {
            RequestState::Method {
                http_method,
                path,
                span,
            } => {
                let request = format!("{http_method} {path}");
                let auth = match section.auth {
                    Some((auth, span)) if !auth.public && !auth.app && !auth.user => {
                        let scopes = if auth.scopes.is_empty() {
                            "no scopes".to_owned()
                        } else {
                            format!("its scopes {}", code_list(&auth.scopes))
                        };
                        sink.lint(
                            &lint::OAUTH_WITHOUT_TOKEN_KIND,
                            Diagnostic::defect(
                                span,
                                "the `**OAuth:**` line names no kind of token",
                                format!("kept `{request}` with {scopes} and no kind of token"),
                            )
                            .help(OAUTH_HELP),
                        );
                        auth
                    }
                    Some((auth, _)) => auth,
                    None => {
                        sink.lint(
                            &lint::MISSING_OAUTH,
                            Diagnostic::defect(
                                section.title_span.clone(),
                                "this method has no `**OAuth:**` line",
                                format!("kept `{request}` with no documented kind of token and no scopes"),
                            )
                            .label("this method")
                            .help(OAUTH_HELP),
                        );
                        Auth::default()
                    }
                };
                let returns = section.returns.map(|returns| {
                    returns_against_example(returns, &section.ok_examples, &request, sink)
                });
                self.methods.push(Method {
                    title: section.title,
                    title_span: section.title_span,
                    anchor: section.anchor,
                    http_method,
                    path,
                    request_span: span,
                    auth,
                    added_in: section.added_in,
                    lifecycle_since: section
                        .lifecycle_since
                        .filter(|_| section.lifecycle != Lifecycle::Current),
                    lifecycle: section.lifecycle,
                    params: {
                        let mut params = section.params;
                        read_params::versions(&mut params, &section.history);
                        read_params::resolve_conditions(&mut params);
                        params
                    },
                    errors: section.errors,
                    returns,
                    name_override: None,
                });
            }
            RequestState::WebSocket | RequestState::Invalid => {}
            // An OAuth line is what only a method has.
            RequestState::None => {
                if let Some((_, span)) = section.auth {
                    sink.lint(
                        &lint::METHOD_WITHOUT_REQUEST,
                        Diagnostic::defect(
                            section.title_span.clone(),
                            "this section documents a method but has no request line",
                            format!("left out the method `{}`: there is no request to route", section.title),
                        )
                        .related(span, "its `**OAuth:**` line")
                        .help("add a ```http block under the heading whose first line is the request, e.g. `GET /api/v1/statuses/:id HTTP/1.1`"),
                    );
                }
            }
        }
    }
}

/// A `**Returns:**` line that names an entity, where every 200 example of
/// the method is exactly `{}`, is read as an empty body: the example is the
/// body servers send (the four admin `DELETE`s of 2026 answer `{}`), and a
/// client told to expect an entity would fail on it. Any other line stands.
fn returns_against_example(
    returns: Returns,
    ok_examples: &[(bool, Range<usize>)],
    request: &str,
    sink: &mut Sink,
) -> Returns {
    let all_empty = !ok_examples.is_empty() && ok_examples.iter().all(|(empty, _)| *empty);
    if !returns.shape.has_entities() || !all_empty {
        return returns;
    }
    let named: Vec<String> = returns
        .entities
        .iter()
        .map(|entity| entity.name().to_owned())
        .collect();
    let named = code_list(&named);
    let what = match returns.shape {
        ReturnShape::Array => format!("an array of {named}"),
        _ => named,
    };
    let mut diagnostic = Diagnostic::defect(
        returns.span.clone(),
        format!("the `**Returns:**` line says {what}, but the 200 response example is `{{}}`"),
        format!("read what `{request}` returns as an empty body, as its example shows: `Endpoint::returns()` says empty"),
    )
    .help("the docs can fix the line upstream: `**Returns:** Empty`, or an example of the entity");
    for (_, span) in ok_examples {
        diagnostic = diagnostic.related(span.clone(), "the 200 example");
    }
    sink.lint(&lint::RETURNS_CONTRADICTS_EXAMPLE, diagnostic);
    Returns {
        shape: ReturnShape::Empty,
        entities: Vec::new(),
        span: returns.span,
    }
}

fn open_section(block: &Block, anchor: Option<&str>, sink: &mut Sink) -> Section {
    let heading = inline::heading(block);
    let mut lifecycle = Lifecycle::Current;
    for marker in &heading.markers {
        match marker.name.as_str() {
            "deprecated" => lifecycle = lifecycle.max(Lifecycle::Deprecated),
            "removed" => lifecycle = Lifecycle::Removed,
            other => sink.lint(
                &lint::UNKNOWN_HEADING_MARKER,
                Diagnostic::defect(
                    marker.span.clone(),
                    format!("unknown marker `{other}` in a section heading"),
                    format!(
                        "ignored `{other}`; the section's lifecycle comes from its other markers"
                    ),
                )
                .help("a method heading takes `{{%deprecated%}}` or `{{%removed%}}`"),
            ),
        }
    }
    Section {
        title: heading.text,
        title_span: block.span.clone(),
        anchor: anchor.map(str::to_owned),
        lifecycle,
        request: RequestState::None,
        auth: None,
        added_in: None,
        lifecycle_since: None,
        returns: None,
        history: Vec::new(),
        param_location: None,
        params: Vec::new(),
        status: None,
        errors: Vec::new(),
        ok_examples: Vec::new(),
    }
}

impl Section {
    fn heading(&mut self, level: u8, block: &Block, sink: &mut Sink) {
        let text = inline::heading(block).text;
        self.param_location = None;
        if level == 5 {
            match read_params::location_of_heading(&text) {
                Some(Some(location)) => self.param_location = Some(location),
                Some(None) if matches!(self.request, RequestState::Method { .. }) => sink.lint(
                    &lint::UNKNOWN_PARAMETER_SECTION,
                    Diagnostic::defect(
                        block.span.clone(),
                        format!("`{text}` names no place in a request"),
                        "left out the parameters under this heading: where they go is not known",
                    )
                    .help("use `##### Path parameters`, `##### Query parameters`, `##### Form data parameters` or `##### Headers`"),
                ),
                Some(None) | None => {}
            }
        }
        match status_heading(&text) {
            Some(status) => self.status = Some(status),
            // `###### Local user` sub-examples stay under their status.
            None if level >= 6 => {}
            None => self.status = None,
        }
    }

    fn paragraph(&mut self, text: &str, block: &Block, sink: &mut Sink) {
        if let Some(location) = self.param_location {
            let raw = &text[block.span.clone()];
            for item in read_params::items(raw, block.span.start, sink) {
                if let Some(param) = read_params::parameter(&item, location, sink) {
                    self.params.push(param);
                }
            }
            return;
        }
        for field in inline::labelled_fields(block) {
            match field.label.as_str() {
                "OAuth" | "OAuth level" if self.auth.is_none() => {
                    let span = field.label_span.start..field.value_span.end;
                    self.auth = Some((auth(&field.value, &field.code), span));
                }
                "Returns" if self.returns.is_none() => {
                    let span = field.label_span.start..field.value_span.end;
                    self.returns = Some(returns(&runs::explanation(&field.runs), span));
                }
                "Version history" | "Version" if self.added_in.is_none() => {
                    let version = |line: &str| {
                        line.trim_start_matches(['-', ' '])
                            .split_whitespace()
                            .next()
                            .map(str::to_owned)
                    };
                    self.added_in = field.value.lines().next().and_then(version);
                    // The raw lines: the entries' code spans name parameters.
                    self.history = text[field.value_span.clone()]
                        .lines()
                        .filter_map(|line| {
                            let (head, what) = line.split_once(" - ")?;
                            let what = what.trim().trim_end_matches('\\').trim_end();
                            Some((version(head)?, what.to_owned()))
                        })
                        .collect();
                    let word = match self.lifecycle {
                        Lifecycle::Current => None,
                        Lifecycle::Deprecated => Some("deprecated"),
                        Lifecycle::Removed => Some("removed"),
                    };
                    self.lifecycle_since = word.and_then(|word| {
                        field
                            .value
                            .lines()
                            .find(|line| {
                                line.split_once(" - ").is_some_and(|(_, what)| {
                                    what.to_ascii_lowercase().contains(word)
                                })
                            })
                            .and_then(version)
                            .filter(|version| version.starts_with(|c: char| c.is_ascii_digit()))
                    });
                }
                _ => {}
            }
        }
    }

    fn code_block(&mut self, info: &str, block: &Block, sink: &mut Sink) {
        match language(info) {
            "http" if matches!(self.request, RequestState::None) => {
                self.request = request_line(block, sink);
            }
            "json"
                if self
                    .status
                    .as_ref()
                    .is_some_and(|(status, _)| *status == 200) =>
            {
                let value = serde_json::from_str::<serde_json::Value>(&block.code_text());
                let empty =
                    value.is_ok_and(|value| value.as_object().is_some_and(|o| o.is_empty()));
                self.ok_examples.push((empty, block.span.clone()));
            }
            "json" => {
                if let Some((status, status_text)) = &self.status
                    && *status >= 400
                    && let Some(response) = error_body(block, *status, status_text, sink)
                {
                    self.errors.push(response);
                }
            }
            _ => {}
        }
    }
}

/// `401: Unauthorized`, `Older Mastodon Versions – 404: Not Found`,
/// `422: Unprocessable entity - Missing Parameter`: the status and its text.
fn status_heading(text: &str) -> Option<(u16, String)> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|at| {
        let digits = bytes.get(at..at + 3)?;
        let boundary = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        if !boundary || !digits.iter().all(u8::is_ascii_digit) || bytes.get(at + 3) != Some(&b':') {
            return None;
        }
        let status: u16 = text[at..at + 3].parse().ok()?;
        let rest = text[at + 4..].trim();
        (100..=599)
            .contains(&status)
            .then(|| (status, rest.to_owned()))
    })
}

fn request_line(block: &Block, sink: &mut Sink) -> RequestState {
    let code = block.code_text();
    let content_start = block
        .runs
        .first()
        .map_or(block.span.start, |run| run.span.start);
    let line = code.lines().next().unwrap_or_default();
    let span = content_start..content_start + line.len();
    let trimmed = line.trim();
    if is_websocket(trimmed) {
        return RequestState::WebSocket;
    }
    let mut words = trimmed.split_whitespace();
    let (Some(method), Some(target)) = (words.next(), words.next()) else {
        return bad_request_line(span, sink);
    };
    let version_ok = match words.next() {
        None => true,
        Some(version) => version.starts_with("HTTP/") && words.next().is_none(),
    };
    if !HTTP_METHODS.contains(&method) || !version_ok {
        return bad_request_line(span, sink);
    }
    let path = match target.find("://") {
        // A full URL: keep the path.
        Some(scheme_end) => match target[scheme_end + 3..].find('/') {
            Some(slash) => &target[scheme_end + 3 + slash..],
            None => return bad_request_line(span, sink),
        },
        None => target,
    };
    if !path.starts_with('/') {
        return bad_request_line(span, sink);
    }
    RequestState::Method {
        http_method: method.to_owned(),
        path: path.to_owned(),
        span,
    }
}

fn bad_request_line(span: Range<usize>, sink: &mut Sink) -> RequestState {
    sink.lint(
        &lint::INVALID_REQUEST_LINE,
        Diagnostic::defect(
            span,
            "the section's first `http` block is not a request line",
            "left out this section's method: its request cannot be read",
        )
        .label("expected `METHOD /path HTTP/1.1`")
            .help(format!(
                "start the block with the request, e.g. `GET /api/v1/statuses/:id HTTP/1.1`; the method is one of {}",
                HTTP_METHODS.join(", ")
            )),
    );
    RequestState::Invalid
}

/// Reads a JSON example under an error status. `None` when the body is not
/// an error body (it has no `"error"`), or when a defect leaves nothing to read.
fn error_body(
    block: &Block,
    status: u16,
    status_text: &str,
    sink: &mut Sink,
) -> Option<ErrorResponse> {
    let code = block.code_text();
    let content_start = block
        .runs
        .first()
        .map_or(block.span.start, |run| run.span.start);
    let response = |error: &str, description: Option<&str>| ErrorResponse {
        status,
        status_text: status_text.to_owned(),
        error: error.to_owned(),
        error_description: description.map(str::to_owned),
        span: block.span.clone(),
    };
    let value: serde_json::Value = match serde_json::from_str(&code) {
        Ok(value) => value,
        Err(err) => {
            let offset = line_col_offset(&code, err.line(), err.column());
            let at = content_start + offset;
            let span = at..(at + 1).min(content_start + code.len());
            let message =
                format!("the JSON example of a {status} response is not valid JSON: {err}");
            let recovered = lenient_json::top_level_string(&code, "error");
            let outcome = match &recovered {
                Some(error) => {
                    format!("read its `error` from the broken example: `{status} {error}`")
                }
                None => format!(
                    "left out this {status} example: no `\"error\": \"…\"` string can be read from it"
                ),
            };
            sink.lint(
                &lint::INVALID_EXAMPLE_JSON,
                Diagnostic::defect(span, message, outcome)
                    .help("the docs can fix the example upstream; an error example is an object such as `{\"error\": \"Record not found\"}`"),
            );
            let description = lenient_json::top_level_string(&code, "error_description");
            return recovered.map(|error| response(&error, description.as_deref()));
        }
    };
    let mut object = value.as_object()?;
    // collections.md (2026) nests the body one level down:
    // `{"error": {"error": "Validation failed: …", "details": …}}`.
    if let Some(inner) = object.get("error").and_then(serde_json::Value::as_object)
        && inner.get("error").is_some_and(serde_json::Value::is_string)
    {
        object = inner;
    }
    let error = object.get("error")?;
    let string = |key: &str| object.get(key).and_then(serde_json::Value::as_str);
    let malformed = |sink: &mut Sink, field: &str| {
        sink.lint(
            &lint::MALFORMED_ERROR_EXAMPLE,
            Diagnostic::defect(
                block.span.clone(),
                format!("the `{field}` of a {status} example is not a string"),
                format!("left out this {status} example"),
            )
            .help("an error example writes the message the server sends as a JSON string: `\"error\": \"Record not found\"`"),
        );
    };
    let Some(error) = error.as_str() else {
        malformed(sink, "error");
        return None;
    };
    if object.contains_key("error_description") && string("error_description").is_none() {
        malformed(sink, "error_description");
        return None;
    }
    Some(response(error, string("error_description")))
}

/// The byte offset of serde_json's 1-based line and column in `text`.
fn line_col_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column.saturating_sub(1)).min(text.len())
}

/// `` `a`, `b` `` for a lint's outcome.
fn code_list(items: &[String]) -> String {
    items
        .iter()
        .map(|item| format!("`{item}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Which tokens and scopes an `**OAuth:**` line names. The line is prose
/// (`Public, or app token + \`read\``), so kinds are read from its words and
/// scopes from its code spans. Scopes joined only by "or" (or "and/or") are
/// alternatives; any other joining (`+`, "and"), or a mix, needs them all,
/// so that a client is never told it may call what the server refuses.
fn auth(value: &str, code: &[String]) -> Auth {
    let lower = value.to_lowercase();
    let mut scopes: Vec<String> = Vec::new();
    let mut joins: Vec<&str> = Vec::new();
    let mut cursor: Option<usize> = None;
    for span in code {
        let span = span.trim();
        let root = span.split(':').next().unwrap_or_default();
        let well_formed = span
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == ':' || c == '_');
        // Code spans also hold parameter names (`resolve`): a span is a
        // scope when its root is one, or it has a `:` (a new root is then
        // kept, for the scopes page to define or `undefined-scope` to report).
        let has_root = SCOPE_ROOTS.contains(&root) && well_formed;
        let new_root = crate::model::scopes::is_scope_name(span) && span.contains(':');
        if !(has_root || new_root) {
            continue;
        }
        // What the line says between this scope and the one before it.
        let from = cursor.unwrap_or(0);
        if let Some(at) = value[from..].find(span).map(|at| at + from) {
            if cursor.is_some() {
                joins.push(&value[from..at]);
            }
            cursor = Some(at + span.len());
        }
        if !scopes.iter().any(|s| s == span) {
            scopes.push(span.to_owned());
        }
    }
    let is_or = |join: &&str| {
        let words: Vec<&str> = join
            .split(|c: char| !c.is_ascii_alphabetic() && c != '/' && c != '+')
            .filter(|word| !word.is_empty())
            .collect();
        matches!(words[..], ["or"] | ["and/or"])
    };
    Auth {
        public: lower.starts_with("public") || lower.contains(" public"),
        app: lower.contains("app token"),
        user: lower.contains("user token") || lower.contains("user +"),
        any_scope: scopes.len() > 1 && !joins.is_empty() && joins.iter().all(is_or),
        scopes,
    }
}

/// Reads a `**Returns:**` line, as [`runs::explanation`] gives its
/// inlines. It names entities only when it starts with an entity link
/// (`[Status](…)`: [`ReturnShape::One`]) or with `Array of ` (also `List of `)
/// and one ([`ReturnShape::Array`]); then every entity link on the line is
/// one of what it returns, as in ``[Status](…). When `scheduled_at` is
/// present, [ScheduledStatus](…) is returned instead.`` A line that is just
/// `Empty` (also `empty object`) is [`ReturnShape::Empty`]. Anything else is
/// [`ReturnShape::Other`], and its links (a hash's values, a stream's events,
/// a word in prose) are not claimed.
fn returns(inlines: &[Inline], span: Range<usize>) -> Returns {
    let read = |shape, entities| Returns {
        shape,
        entities,
        span: span.clone(),
    };
    let lead = match inlines {
        [Inline::Text(text)] if is_empty_body(text) => {
            return read(ReturnShape::Empty, Vec::new());
        }
        [Inline::Link { .. }, ..] => ReturnShape::One,
        [Inline::Text(text), Inline::Link { .. }, ..] if is_array_of(text) => ReturnShape::Array,
        _ => return read(ReturnShape::Other, Vec::new()),
    };
    let first_link = inlines
        .iter()
        .find(|inline| matches!(inline, Inline::Link { .. }));
    if first_link.and_then(entity_link).is_none() {
        return read(ReturnShape::Other, Vec::new());
    }
    let mut entities: Vec<EntityLink> = Vec::new();
    for link in inlines.iter().filter_map(entity_link) {
        if !entities.contains(&link) {
            entities.push(link);
        }
    }
    read(lead, entities)
}

/// `Empty`, `empty object`: what the docs write for a method that returns
/// an empty body.
fn is_empty_body(text: &str) -> bool {
    let text = text.trim().trim_end_matches('.');
    ["Empty", "Empty object"]
        .iter()
        .any(|empty| text.eq_ignore_ascii_case(empty))
}

/// `Array of `, `List of `: what comes before the entity link of a method
/// that returns several.
fn is_array_of(text: &str) -> bool {
    let text = text.trim();
    ["Array of", "List of"]
        .iter()
        .any(|array| text.eq_ignore_ascii_case(array))
}

/// A link to an entity: below `entities/` (`entities/Account#CredentialAccount`,
/// through a relref shortcode or not), or to an anchor on the same page
/// (`#GroupedNotificationsResults`), which the page defines. Nothing else.
fn entity_link(inline: &Inline) -> Option<EntityLink> {
    let Inline::Link { text, url } = inline else {
        return None;
    };
    let text = text.trim();
    let url = runs::shortcode_target(url).unwrap_or(url).trim();
    let (page, anchor) = match url.strip_prefix('#') {
        Some(anchor) => (None, Some(anchor)),
        None => (
            Some(url.trim_start_matches('/').strip_prefix("entities/")?),
            None,
        ),
    };
    if text.is_empty() || page.or(anchor).is_none_or(str::is_empty) {
        return None;
    }
    Some(EntityLink {
        text: text.to_owned(),
        page: page.map(str::to_owned),
        anchor: anchor.map(str::to_owned),
        resolved: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_headings_in_every_written_form() {
        assert_eq!(
            status_heading("401: Unauthorized"),
            Some((401, "Unauthorized".into()))
        );
        assert_eq!(
            status_heading("Older Mastodon Versions – 404: Not Found"),
            Some((404, "Not Found".into()))
        );
        assert_eq!(
            status_heading("422: Unprocessable entity - Missing Parameter"),
            Some((422, "Unprocessable entity - Missing Parameter".into()))
        );
        assert_eq!(status_heading("Headers"), None);
        assert_eq!(status_heading("1401: x"), None);
        assert_eq!(status_heading("999: x"), None);
    }

    #[test]
    fn auth_reads_kinds_from_words_and_scopes_from_code() {
        let code = |spans: &[&str]| spans.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let user = auth("User token + write:statuses", &code(&["write:statuses"]));
        assert!(user.user && !user.app && !user.public);
        assert_eq!(user.scopes, ["write:statuses"]);
        let public = auth("Public, or app token + read", &code(&["read"]));
        assert!(public.public && public.app && !public.user);
        let none = auth("", &[]);
        assert_eq!(none, Auth::default());
        let repeated = auth("User token + read + read", &code(&["read", "read", "id"]));
        assert_eq!(repeated.scopes, ["read"]);
        assert!(!repeated.any_scope);
    }

    #[test]
    fn scopes_joined_by_or_are_alternatives_and_any_other_join_needs_all() {
        let code = |spans: &[&str]| spans.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let either = auth(
            "User token + read:follows or follow",
            &code(&["read:follows", "follow"]),
        );
        assert!(either.any_scope);
        let nested = auth(
            "User token + read (or read:statuses and/or read:notifications)",
            &code(&["read", "read:statuses", "read:notifications"]),
        );
        assert!(nested.any_scope);
        let both = auth(
            "User token + read:statuses + read:notifications",
            &code(&["read:statuses", "read:notifications"]),
        );
        assert!(!both.any_scope);
        let mixed = auth(
            "User token + read or follow + push",
            &code(&["read", "follow", "push"]),
        );
        assert!(!mixed.any_scope, "a mix of joins needs every scope");
        // An "or" between code spans that are not scopes is not a join.
        let words = auth(
            "Public (without resolve or offset), or User token + read:search",
            &code(&["resolve", "offset", "read:search"]),
        );
        assert_eq!(words.scopes, ["read:search"]);
        assert!(!words.any_scope);
    }

    #[test]
    fn a_returns_line_that_names_an_entity_where_the_200_example_is_empty_reads_as_empty() {
        let method = |verb: &str, path: &str, returns: &str, examples: &[&str]| {
            let examples: String = examples
                .iter()
                .map(|json| format!("```json\n{json}\n```\n\n"))
                .collect();
            format!(
                "## {verb} {path} {{#{verb}{}}}\n\n```http\n{verb} {path} HTTP/1.1\n```\n\n**Returns:** {returns}\\\n**OAuth:** App token + `admin:write`\\\n**Version history:**\\\n4.0.0 - added\n\n#### Response\n##### 200: OK\n\n{examples}",
                path.len()
            )
        };
        let block = "[Admin::DomainBlock]({{< relref \"entities/Admin_DomainBlock\" >}})";
        let page = [
            "---\ntitle: x\n---\n\n".to_owned(),
            method("DELETE", "/api/v1/admin/domain_blocks/:id", block, &["{}"]),
            method(
                "DELETE",
                "/api/v1/admin/ip_blocks/:id",
                &format!("Array of {block}"),
                &["{ }"],
            ),
            method(
                "GET",
                "/api/v1/admin/domain_blocks/:id",
                block,
                &["{\"id\": \"1\"}"],
            ),
            method(
                "POST",
                "/api/v1/admin/domain_blocks",
                block,
                &["{}", "{\"id\": \"1\"}"],
            ),
            method("DELETE", "/api/v1/admin/accounts/:id", "Empty", &["{}"]),
            method("PUT", "/api/v1/admin/accounts/:id", block, &["[]"]),
            method("PATCH", "/api/v1/admin/accounts/:id", block, &[]),
        ]
        .concat();
        let (page, found) = parse_with_lints(&Source::new("admin.md", page), "admin").unwrap();
        let shapes: Vec<_> = page
            .methods
            .iter()
            .map(|method| {
                let returns = method.returns.as_ref().expect("a Returns line");
                (returns.shape, returns.entities.len())
            })
            .collect();
        assert_eq!(
            shapes,
            [
                (ReturnShape::Empty, 0),
                (ReturnShape::Empty, 0),
                (ReturnShape::One, 1),
                (ReturnShape::One, 1),
                (ReturnShape::Empty, 0),
                (ReturnShape::One, 1),
                (ReturnShape::One, 1),
            ]
        );
        let lints: Vec<_> = found
            .iter()
            .map(|found| (found.lint.name, found.diagnostic.message().to_owned()))
            .collect();
        assert_eq!(
            lints,
            [
                (
                    "returns-contradicts-example",
                    "the `**Returns:**` line says `Admin::DomainBlock`, but the 200 response example is `{}`".to_owned()
                ),
                (
                    "returns-contradicts-example",
                    "the `**Returns:**` line says an array of `Admin::DomainBlock`, but the 200 response example is `{}`".to_owned()
                ),
            ]
        );
        assert_eq!(
            found[0].diagnostic.notes()[0],
            "read what `DELETE /api/v1/admin/domain_blocks/:id` returns as an empty body, as its example shows: `Endpoint::returns()` says empty"
        );
        // The copy records it, as the other method lints.
        assert_eq!(page.lints[0].lint, "returns-contradicts-example");
    }

    /// The `Returns` line of a paragraph as the page reader reads it.
    fn read_returns(line: &str) -> Option<Returns> {
        let text =
            format!("{line}\\\n**OAuth:** Public\\\n**Version history:**\\\n4.0.0 - added\n");
        let blocks = blocks::parse(&text, 0);
        let mut section = open_section_for_tests();
        section.paragraph(&text, &blocks[0], &mut Sink::default());
        let returns = section.returns?;
        // From the label (inside its `**`) to the end of the value.
        assert_eq!(
            &text[returns.span.clone()],
            line.trim_start_matches('*'),
            "the span is the line"
        );
        Some(returns)
    }

    fn open_section_for_tests() -> Section {
        let blocks = blocks::parse("## A method {#a}\n", 0);
        open_section(&blocks[0], Some("a"), &mut Sink::default())
    }

    /// The shape, and each entity as `text page#anchor`.
    fn shape_of(line: &str) -> (ReturnShape, Vec<String>) {
        let returns = read_returns(line).expect("a Returns line");
        let entities = returns
            .entities
            .iter()
            .map(|entity| {
                assert_eq!(entity.resolved, None, "the reader resolves nothing");
                format!(
                    "{} {}#{}",
                    entity.text,
                    entity.page.as_deref().unwrap_or_default(),
                    entity.anchor.as_deref().unwrap_or_default()
                )
            })
            .collect();
        (returns.shape, entities)
    }

    #[test]
    fn an_empty_body_is_empty() {
        for line in [
            "**Returns:** Empty",
            "**Returns:** empty object",
            "**Returns:** Empty object",
        ] {
            assert_eq!(shape_of(line), (ReturnShape::Empty, vec![]), "{line}");
        }
        // Only the whole line: anything more is prose.
        assert_eq!(
            shape_of("**Returns:** Empty, or a [Status]({{< relref \"entities/status\" >}})").0,
            ReturnShape::Other
        );
        assert_eq!(shape_of("**Returns:** none").0, ReturnShape::Other);
    }

    #[test]
    fn a_line_that_starts_with_an_entity_link_returns_one() {
        assert_eq!(
            shape_of(r#"**Returns:** [Status]({{< relref "entities/status" >}})"#),
            (ReturnShape::One, vec!["Status status#".to_owned()])
        );
        assert_eq!(
            shape_of(
                r#"**Returns:** [CredentialAccount]({{< relref "entities/Account#CredentialAccount">}})"#
            ),
            (
                ReturnShape::One,
                vec!["CredentialAccount Account#CredentialAccount#".to_owned()]
            )
        );
        assert_eq!(
            shape_of(r#"**Returns:** [V1::Filter]({{< relref "entities/V1_Filter" >}})"#),
            (ReturnShape::One, vec!["V1::Filter V1_Filter#".to_owned()])
        );
        // A same-page anchor: the page defines the entity.
        assert_eq!(
            shape_of("**Returns:** [GroupedNotificationsResults](#GroupedNotificationsResults)"),
            (
                ReturnShape::One,
                vec!["GroupedNotificationsResults #GroupedNotificationsResults".to_owned()]
            )
        );
        // Prose after the link keeps it one; words that are no link are no entity.
        assert_eq!(
            shape_of(
                r#"**Returns:** [Search]({{< relref "entities/Search" >}}), but `hashtags` is an array of strings instead of an array of Tag."#
            ),
            (ReturnShape::One, vec!["Search Search#".to_owned()])
        );
        assert_eq!(
            shape_of(r#"**Returns:** [MediaAttachment]({{< relref "entities/MediaAttachment" >}}), but without a URL"#).0,
            ReturnShape::One
        );
        // A plain word is no link.
        assert_eq!(
            shape_of("**Returns:** Status"),
            (ReturnShape::Other, vec![])
        );
        // A first link to something other than an entity claims nothing.
        assert_eq!(
            shape_of(
                "**Returns:** [RFC 8414](https://datatracker.ietf.org/doc/html/rfc8414) metadata"
            ),
            (ReturnShape::Other, vec![])
        );
        assert_eq!(
            shape_of(r#"**Returns:** [Rate limits]({{< relref "api/rate-limits" >}})"#),
            (ReturnShape::Other, vec![])
        );
    }

    #[test]
    fn every_entity_link_of_a_one_line_is_one_of_several() {
        assert_eq!(
            shape_of(
                r#"**Returns:** [Status]({{<relref "entities/status">}}). When `scheduled_at` is present, [ScheduledStatus]({{<relref "entities/scheduledstatus">}}) is returned instead."#
            ),
            (
                ReturnShape::One,
                vec![
                    "Status status#".to_owned(),
                    "ScheduledStatus scheduledstatus#".to_owned()
                ]
            )
        );
    }

    #[test]
    fn array_of_then_an_entity_link_returns_an_array() {
        assert_eq!(
            shape_of(r#"**Returns:** Array of [Account]({{< relref "entities/Account">}})"#),
            (ReturnShape::Array, vec!["Account Account#".to_owned()])
        );
        assert_eq!(
            shape_of(
                r#"**Returns:** Array of [Trends::Link]({{< relref "entities/PreviewCard#trends-link" >}})"#
            ),
            (
                ReturnShape::Array,
                vec!["Trends::Link PreviewCard#trends-link#".to_owned()]
            )
        );
        assert_eq!(
            shape_of(r#"**Returns:** List of [V1::Filter]({{< relref "entities/V1_Filter" >}})"#).0,
            ReturnShape::Array
        );
        for line in [
            "**Returns:** Array of String",
            "**Returns:** Array of Hash",
            // A stream is no array; its events are not entities of the method.
            "**Returns:** Stream of [Event](#events)",
            r#"**Returns:** Array of [Account](https://example.com/entities/Account)"#,
        ] {
            assert_eq!(shape_of(line), (ReturnShape::Other, vec![]), "{line}");
        }
    }

    #[test]
    fn anything_else_is_other_and_claims_no_link() {
        for line in [
            r#"**Returns:** Hash of String (Enumerable, anyOf `home` or `notifications`) key and associated [Marker]({{< relref "entities/Marker" >}}) value"#,
            "**Returns:** `update`, `delete`, `status.update`",
            "**Returns:** Hash with a single key of `count`",
            r#"**Returns:** the user's own [Account]({{< relref "entities/Account">}}) with [`source`]({{< relref "entities/Account#source">}}) attribute"#,
            "**Returns:** String (URL) or HTML response",
        ] {
            assert_eq!(shape_of(line), (ReturnShape::Other, vec![]), "{line}");
        }
    }

    #[test]
    fn a_method_without_the_line_returns_nothing_documented() {
        let text = "**OAuth:** Public\\\n**Version history:**\\\n4.0.0 - added\n";
        let blocks = blocks::parse(text, 0);
        let mut section = open_section_for_tests();
        section.paragraph(text, &blocks[0], &mut Sink::default());
        assert_eq!(section.returns, None);
    }

    #[test]
    fn line_and_column_become_offsets() {
        assert_eq!(line_col_offset("ab\ncd", 2, 2), 4);
        assert_eq!(line_col_offset("ab", 1, 1), 0);
    }
}
