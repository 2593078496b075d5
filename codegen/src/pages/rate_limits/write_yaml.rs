//! Writes a [`RateLimitPage`] as `spec/rate-limits.yaml`: keys in schema
//! order, one line per fact.

use serde::Serialize;

use crate::model::rate_limits::{Applies, RateLimitPage};
use crate::yaml::SCHEMA_VERSION;
use crate::yaml::document_write::{LintOut, lint};
use crate::yaml::document_write::{api_copy_header, to_yaml};

/// `identity` names the page by content (its git blob id).
pub(crate) fn write(
    page: &RateLimitPage,
    identity: &str,
    out_name: Option<&str>,
) -> Result<String, String> {
    let document = Document {
        schema: SCHEMA_VERSION,
        lints: page.lints.iter().map(lint).collect(),
        headers: page
            .headers
            .iter()
            .map(|header| HeaderOut { name: &header.name })
            .collect(),
        limits: page
            .limits
            .iter()
            .map(|limit| LimitOut {
                scope: limit.scope.as_str(),
                name: limit.name.as_deref(),
                requests: match &limit.applies {
                    Applies::All => None,
                    Applies::Requests(requests) => Some(requests),
                },
                count: limit.count,
                period_seconds: limit.period_seconds,
            })
            .collect(),
    };
    let header = api_copy_header(
        "rate-limits page",
        "header names, scopes, requests, counts, periods",
        "api/rate-limits.md",
        "rate-limits",
        identity,
        out_name,
    );
    Ok(format!("{header}{}", to_yaml(&document)?))
}

#[derive(Serialize)]
struct Document<'a> {
    schema: u32,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    lints: Vec<LintOut<'a>>,
    headers: Vec<HeaderOut<'a>>,
    limits: Vec<LimitOut<'a>>,
}

#[derive(Serialize)]
struct HeaderOut<'a> {
    name: &'a str,
}

#[derive(Serialize)]
struct LimitOut<'a> {
    scope: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    /// Absent when the limit counts every request.
    #[serde(skip_serializing_if = "Option::is_none")]
    requests: Option<&'a Vec<String>>,
    count: u32,
    period_seconds: u32,
}
