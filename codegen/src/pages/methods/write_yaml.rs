//! Writes a [`MethodSpec`] as `spec/methods.yaml`, in a fixed layout: keys in
//! schema order, defaults left out, one line per fact, so that a docs change
//! shows as the lines it changes.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_saphyr::FlowMap;

use crate::model::methods::{
    ErrorResponse, Lifecycle, Method, MethodSpec, Parameter, Requirement, Returns,
};
use crate::yaml::SCHEMA_VERSION;
use crate::yaml::document_write::{LintOut, lint, to_yaml};

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
    #[serde(skip_serializing_if = "Option::is_none")]
    lifecycle_since: Option<&'a str>,
    /// On one line: `{shape: array, entities: [Account]}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    returns: Option<FlowMap<ReturnsOut<'a>>>,
    /// One line each: `{name: status, in: form, type: string, required: true}`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    params: Vec<FlowMap<ParamOut<'a>>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<ErrorOut<'a>>,
}

#[derive(Serialize)]
struct ParamOut<'a> {
    name: &'a str,
    #[serde(rename = "in")]
    location: &'static str,
    #[serde(rename = "type")]
    ty: String,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    values: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    default: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    required: bool,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    required_unless: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    required_if: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    added_in: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    deprecated: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    internal: bool,
}

fn param(param: &Parameter) -> FlowMap<ParamOut<'_>> {
    let (required, required_unless, required_if): (bool, &[String], Option<&str>) =
        match &param.requirement {
            Requirement::Optional => (false, &[], None),
            Requirement::Required => (true, &[], None),
            Requirement::RequiredUnless(names) => (false, names, None),
            Requirement::Conditional(text) => (false, &[], Some(text)),
        };
    FlowMap(ParamOut {
        name: &param.name,
        location: param.location.as_str(),
        ty: param.ty.spelling(),
        values: &param.values,
        default: param.default.as_deref(),
        required,
        required_unless,
        required_if,
        added_in: param.added_in.as_deref(),
        deprecated: param.deprecated,
        internal: param.internal,
    })
}

#[derive(Serialize)]
struct ReturnsOut<'a> {
    shape: &'static str,
    /// Resolved names, else link texts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    entities: Vec<&'a str>,
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
        lifecycle_since: method.lifecycle_since.as_deref(),
        returns: method.returns.as_ref().map(returns),
        params: method.params.iter().map(param).collect(),
        errors: method.errors.iter().map(error).collect(),
    }
}

fn returns(returns: &Returns) -> FlowMap<ReturnsOut<'_>> {
    FlowMap(ReturnsOut {
        shape: returns.shape.as_str(),
        entities: returns
            .entities
            .iter()
            .map(|entity| entity.name())
            .collect(),
    })
}

fn error(error: &ErrorResponse) -> ErrorOut<'_> {
    ErrorOut {
        status: error.status,
        status_text: &error.status_text,
        error: &error.error,
        error_description: error.error_description.as_deref(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::methods::{Auth, EntityLink, MethodPage, ReturnShape};
    use crate::source::Source;

    fn method(path: &str, returns: Option<Returns>) -> Method {
        Method {
            title: format!("Method {path}"),
            title_span: 0..0,
            anchor: None,
            http_method: "GET".to_owned(),
            path: path.to_owned(),
            request_span: 0..0,
            auth: Auth {
                user: true,
                ..Auth::default()
            },
            added_in: None,
            lifecycle: Lifecycle::Current,
            lifecycle_since: None,
            params: Vec::new(),
            errors: Vec::new(),
            returns,
            name_override: None,
        }
    }

    fn returns(shape: ReturnShape, entities: Vec<EntityLink>) -> Option<Returns> {
        Some(Returns {
            shape,
            entities,
            span: 3..9,
        })
    }

    /// A link as the Markdown reader gives it, resolved or not.
    fn link(
        text: &str,
        page: Option<&str>,
        anchor: Option<&str>,
        resolved: Option<&str>,
    ) -> EntityLink {
        EntityLink {
            text: text.to_owned(),
            page: page.map(str::to_owned),
            anchor: anchor.map(str::to_owned),
            resolved: resolved.map(str::to_owned),
        }
    }

    /// Every shape is written on one line and read back as written: the
    /// entities by name, the resolved name over the link text.
    #[test]
    fn returns_round_trip_by_name() {
        let methods = vec![
            method("/none", None),
            method("/empty", returns(ReturnShape::Empty, vec![])),
            method("/other", returns(ReturnShape::Other, vec![])),
            method(
                "/one",
                returns(
                    ReturnShape::One,
                    vec![link("Status", Some("status"), None, None)],
                ),
            ),
            method(
                "/several",
                returns(
                    ReturnShape::One,
                    vec![
                        link("Status", Some("status"), None, None),
                        link("ScheduledStatus", Some("scheduledstatus"), None, None),
                    ],
                ),
            ),
            method(
                "/resolved",
                returns(
                    ReturnShape::Array,
                    vec![link(
                        "an account",
                        Some("Account#CredentialAccount"),
                        None,
                        Some("CredentialAccount"),
                    )],
                ),
            ),
            method(
                "/anchor",
                returns(
                    ReturnShape::One,
                    vec![link("Admin::Account", None, Some("admin-account"), None)],
                ),
            ),
        ];
        let spec = MethodSpec {
            pages: vec![MethodPage {
                path: "things".to_owned(),
                title: "things API methods".to_owned(),
                methods,
                lints: Vec::new(),
            }],
            reason_names: BTreeMap::new(),
        };
        let yaml = write(&spec, "a test", None).expect("writes");
        for line in [
            "        returns: {shape: empty}\n",
            "        returns: {shape: other}\n",
            "        returns: {shape: one, entities: [Status]}\n",
            "        returns: {shape: one, entities: [Status, ScheduledStatus]}\n",
            "        returns: {shape: array, entities: [CredentialAccount]}\n",
            "        returns: {shape: one, entities: [Admin::Account]}\n",
        ] {
            assert!(yaml.contains(line), "{line:?} in:\n{yaml}");
        }
        assert_eq!(
            yaml.matches("returns:").count(),
            6,
            "none for /none:\n{yaml}"
        );

        let copy = Source::new("methods.yaml", yaml.as_str());
        let (read, _) = crate::pages::methods::read_yaml::parse(&copy).expect("reads back");
        assert_eq!(read.copied_facts(), spec.copied_facts());
        // The copy keeps names, not where the links pointed.
        assert_ne!(read.without_spans(), spec.without_spans());
        let read_returns = |path: &str| {
            read.methods()
                .find(|(_, method)| method.path == path)
                .and_then(|(_, method)| method.returns.clone())
        };
        assert_eq!(read_returns("/none"), None);
        let resolved = read_returns("/resolved").expect("returns");
        assert_eq!(resolved.shape, ReturnShape::Array);
        assert_eq!(resolved.entities, [EntityLink::named("CredentialAccount")]);
        // Located at its value (which, as every collection's span, ends
        // with its last item).
        assert!(
            yaml[resolved.span.clone()].starts_with("{shape: array, entities: [CredentialAccount"),
            "{:?}",
            &yaml[resolved.span]
        );
    }
}
