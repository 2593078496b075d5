//! Writes a [`MethodSpec`] as `spec/methods.yaml`, in a fixed layout: keys in
//! schema order, defaults left out, one line per fact, so that a docs change
//! shows as the lines it changes.

use std::collections::BTreeMap;

use serde::Serialize;

use super::SCHEMA_VERSION;
use super::write::to_yaml;
use crate::model::methods::{ErrorResponse, Lifecycle, LintRecord, Method, MethodSpec};

/// `identity` names the pages by content (a git tree or blob id), so the copy
/// is the same wherever the pages were read from.
pub(crate) fn write(
    spec: &MethodSpec,
    identity: &str,
    out_name: Option<&str>,
) -> Result<String, String> {
    let document = Document {
        schema: SCHEMA_VERSION,
        pages: spec
            .pages
            .iter()
            .map(|page| PageOut {
                path: &page.path,
                title: &page.title,
                lints: page.lints.iter().map(lint).collect(),
                methods: page.methods.iter().map(method).collect(),
            })
            .collect(),
        reason_names: &spec.reason_names,
    };
    let body = to_yaml(&document)?;
    let out = out_name.unwrap_or("FILE");
    Ok(format!(
        "# Mastodon's API method pages as data: a mastodon-error-codegen YAML copy, schema {SCHEMA_VERSION}.\n\
         # Facts only (names, paths, scopes, versions, statuses, messages); the docs site has the prose.\n\
         # Exported from the docs' method pages: {identity}\n\
         # Re-export with: mastodon-error-codegen export-yaml --methods <FOLDER> --out {out}\n\
         {body}"
    ))
}

#[derive(Serialize)]
struct Document<'a> {
    schema: u32,
    pages: Vec<PageOut<'a>>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    reason_names: &'a BTreeMap<String, String>,
}

#[derive(Serialize)]
struct PageOut<'a> {
    path: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    lints: Vec<LintOut<'a>>,
    methods: Vec<MethodOut<'a>>,
}

/// A docs defect found on the page, and what the generator did about it.
#[derive(Serialize)]
pub(super) struct LintOut<'a> {
    lint: &'a str,
    at: &'a str,
    message: &'a str,
    outcome: &'a str,
}

#[derive(Serialize)]
struct MethodOut<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    anchor: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    request: String,
    tokens: Vec<&'static str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    scopes: &'a [String],
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    any_scope: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    added_in: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lifecycle: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<ErrorOut<'a>>,
}

#[derive(Serialize)]
struct ErrorOut<'a> {
    status: u16,
    status_text: &'a str,
    error: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error_description: Option<&'a str>,
}

fn method(method: &Method) -> MethodOut<'_> {
    let auth = &method.auth;
    let tokens = auth.token_kinds();
    MethodOut {
        title: &method.title,
        anchor: method.anchor.as_deref(),
        name: method.name_override.as_deref(),
        request: format!("{} {}", method.http_method, method.path),
        tokens,
        scopes: &auth.scopes,
        any_scope: auth.any_scope,
        added_in: method.added_in.as_deref(),
        lifecycle: (method.lifecycle != Lifecycle::Current).then(|| method.lifecycle.as_str()),
        errors: method.errors.iter().map(error).collect(),
    }
}

fn error(error: &ErrorResponse) -> ErrorOut<'_> {
    ErrorOut {
        status: error.status,
        status_text: &error.status_text,
        error: &error.error,
        error_description: error.error_description.as_deref(),
    }
}

pub(super) fn lint(record: &LintRecord) -> LintOut<'_> {
    LintOut {
        lint: &record.lint,
        at: &record.at,
        message: &record.message,
        outcome: &record.outcome,
    }
}
