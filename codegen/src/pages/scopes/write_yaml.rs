//! Writes a [`ScopePage`] as `spec/oauth-scopes.yaml`: keys in schema
//! order, one line per fact.

use serde::Serialize;

use crate::model::methods::Lifecycle;
use crate::model::scopes::ScopePage;
use crate::yaml::SCHEMA_VERSION;
use crate::yaml::document_write::{LintOut, lint};
use crate::yaml::document_write::{api_copy_header, to_yaml};

/// `identity` names the page by content (its git blob id).
pub(crate) fn write(
    page: &ScopePage,
    identity: &str,
    out_name: Option<&str>,
) -> Result<String, String> {
    let mut scopes = Vec::with_capacity(page.scopes.len());
    for scope in &page.scopes {
        // The reader refuses `lifecycle_since` on a current scope, so a copy
        // written with one would not read back.
        if scope.lifecycle == Lifecycle::Current
            && let Some(since) = &scope.lifecycle_since
        {
            return Err(format!(
                "scope `{}` is current but has `lifecycle_since: {since}`",
                scope.name
            ));
        }
        scopes.push(ScopeOut {
            name: &scope.name,
            grants: &scope.grants,
            added_in: scope.added_in.as_deref(),
            lifecycle: (scope.lifecycle != Lifecycle::Current).then(|| scope.lifecycle.as_str()),
            lifecycle_since: scope.lifecycle_since.as_deref(),
        });
    }
    let document = Document {
        schema: SCHEMA_VERSION,
        lints: page.lints.iter().map(lint).collect(),
        scopes,
    };
    let header = api_copy_header(
        "OAuth scopes page",
        "scope names, what each grants, versions",
        "api/oauth-scopes.md",
        "scopes",
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
    scopes: Vec<ScopeOut<'a>>,
}

#[derive(Serialize)]
struct ScopeOut<'a> {
    name: &'a str,
    /// Absent for a scope that grants no other.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    grants: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    added_in: Option<&'a str>,
    /// Absent for a current scope.
    #[serde(skip_serializing_if = "Option::is_none")]
    lifecycle: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lifecycle_since: Option<&'a str>,
}
