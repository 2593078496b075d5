//! The YAML copy of the method pages (`spec/methods.yaml`): facts only,
//! page by page, read into the same [`MethodSpec`] the page reader fills.
//! spec/README.md documents the schema.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::diagnose::span_in;
use super::read::{check_version, deserialize};
use crate::diagnostic::{Diagnostic, Error, Sink};
use crate::lint;
use crate::model::methods::{
    Auth, ErrorResponse, Lifecycle, LintRecord, Method, MethodPage, MethodSpec, TOKEN_KINDS,
};
use crate::source::Source;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Document {
    pub schema: Option<Spanned<u32>>,
    pub pages: Vec<Page>,
    #[serde(default)]
    pub reason_names: BTreeMap<String, Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Page {
    pub path: String,
    pub title: String,
    #[serde(default)]
    pub lints: Vec<Spanned<LintIn>>,
    pub methods: Vec<Spanned<MethodIn>>,
}

/// A docs defect that fired when the copy was exported.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LintIn {
    pub lint: Spanned<String>,
    pub at: String,
    pub message: String,
    pub outcome: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct MethodIn {
    pub title: Spanned<String>,
    #[serde(default)]
    pub anchor: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    /// `GET /api/v1/statuses/:id`.
    pub request: Spanned<String>,
    pub tokens: Vec<Spanned<String>>,
    #[serde(default)]
    pub scopes: Vec<String>,
    #[serde(default)]
    pub added_in: Option<String>,
    #[serde(default)]
    pub lifecycle: Option<Spanned<String>>,
    #[serde(default)]
    pub errors: Vec<Spanned<ErrorIn>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ErrorIn {
    pub status: Spanned<u16>,
    pub status_text: String,
    pub error: String,
    #[serde(default)]
    pub error_description: Option<String>,
}

/// Reads a YAML copy of the method pages, with where each of its
/// `reason_names` is, for the check that every one names an example.
pub(crate) fn parse(
    source: &Source,
) -> Result<(MethodSpec, BTreeMap<String, Range<usize>>), Error> {
    let document: Spanned<Document> = deserialize(source)?;
    check_version(source, &document.value.schema, &document.referenced)?;
    let text = source.text();
    let mut sink = Sink::default();
    let mut pages = Vec::new();
    for page in document.value.pages {
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
            let span = span_in(text, &method.referenced);
            let method = method.value;
            let request_span = span_in(text, &method.request.referenced);
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
                ..Auth::default()
            };
            for token in &method.tokens {
                if !auth.accept(&token.value) {
                    let other = &token.value;
                    sink.push(
                        Diagnostic::error(
                            span_in(text, &token.referenced),
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
                        Diagnostic::error(span_in(text, &lifecycle.referenced), format!("unknown lifecycle `{}`", lifecycle.value))
                            .help("`lifecycle` is `deprecated` or `removed`; leave it out for a current method"),
                    );
                    Lifecycle::Current
                }),
            };
            let errors = method
                .errors
                .into_iter()
                .filter_map(|error| {
                    let error_span = span_in(text, &error.referenced);
                    let error = error.value;
                    if !(400..=599).contains(&error.status.value) {
                        sink.push(
                            Diagnostic::error(
                                span_in(text, &error.status.referenced),
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
            methods.push(Method {
                title: method.title.value,
                title_span: span_in(text, &method.title.referenced),
                anchor: method.anchor,
                http_method,
                path,
                request_span,
                auth,
                added_in: method.added_in,
                lifecycle,
                errors,
                name_override: method.name,
            });
        }
        let mut lints = Vec::new();
        for record in page.lints {
            let span = span_in(text, &record.referenced);
            let record = record.value;
            if lint::find(&record.lint.value).is_none() {
                sink.push(
                    Diagnostic::error(span_in(text, &record.lint.referenced), format!("unknown lint `{}`", record.lint.value))
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
    for (key, name) in document.value.reason_names {
        name_spans.insert(key.clone(), span_in(text, &name.referenced));
        reason_names.insert(key, name.value);
    }
    let spec = MethodSpec {
        pages,
        reason_names,
    };
    sink.into_result(source, (spec, name_spans))
}
