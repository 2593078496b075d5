//! The OAuth scopes each method page names, resolved against the scopes
//! page when it is given.

use crate::check::endpoints::Endpoint;
use crate::diagnostic::{Diagnostic, Error};
use crate::ident;
use crate::lint::{self, Found};
use crate::model::methods::Lifecycle;
use crate::model::scopes::{EndpointScopes, ResolvedScopes, ScopeDef};
use crate::pages::methods::MethodsInput;
use crate::pages::scopes::ScopesInput;

/// Every scope with its variant, and each endpoint's scopes resolved. A name
/// a method's line gives that the page does not define is a lint at that
/// method. Without a page, the scopes are the names the method pages use,
/// with no versions and no hierarchy: the generated docs say so.
pub(crate) fn resolve(
    input: Option<&ScopesInput>,
    endpoints: &[Endpoint<'_>],
    methods: &MethodsInput,
    docs_site: &str,
) -> Result<(ResolvedScopes, Vec<Found>), Error> {
    let mut found = Vec::new();
    let defs: Vec<ScopeDef> = match input {
        Some(input) => input.page.scopes.clone(),
        None => {
            let mut names: Vec<String> = endpoints
                .iter()
                .flat_map(|endpoint| endpoint.method.auth.scopes.iter().cloned())
                .collect();
            names.sort();
            names.dedup();
            names
                .into_iter()
                .map(|name| ScopeDef {
                    name,
                    grants: Vec::new(),
                    added_in: None,
                    lifecycle: Lifecycle::Current,
                    lifecycle_since: None,
                    span: 0..0,
                })
                .collect()
        }
    };
    // A name that gives no variant, or the variant of another, is an error
    // where the name is written: on the scopes page, else at the first
    // method naming it.
    let refuse = |def: &ScopeDef, message: String| -> Error {
        match input {
            Some(input) => Error::single(
                input.source.clone(),
                Diagnostic::error(def.span.clone(), message).help(
                    "the page is the docs': correct the name in a YAML copy of it (`export-yaml --scopes`), and report it upstream",
                ),
            ),
            None => {
                let naming = endpoints
                    .iter()
                    .find(|endpoint| endpoint.method.auth.scopes.contains(&def.name));
                let (page, span) = naming.map_or((0, 0..0), |endpoint| {
                    (endpoint.page_index, endpoint.method.request_span.clone())
                });
                methods.error_at(
                    page,
                    Diagnostic::error(span, message).help(
                        "correct the name in the method pages' YAML copy (`export-yaml --methods`), and report it upstream",
                    ),
                )
            }
        }
    };
    let mut scopes: Vec<(ScopeDef, String)> = Vec::new();
    for def in defs {
        let variant = match ident::variant_name(&def.name.replace(':', " ")) {
            Ok(variant) => variant,
            Err(problem) => {
                let message = format!(
                    "the scope `{}` gets no variant name: it {}",
                    def.name,
                    problem.describe()
                );
                return Err(refuse(&def, message));
            }
        };
        if let Some((first, _)) = scopes.iter().find(|(_, known)| *known == variant) {
            let message = format!(
                "the scopes `{}` and `{}` would both be named `{variant}`",
                first.name, def.name
            );
            return Err(refuse(&def, message));
        }
        scopes.push((def, variant));
    }
    let mut resolved = Vec::new();
    for endpoint in endpoints {
        let mut scopes_of = EndpointScopes {
            endpoint: endpoint.variant.clone(),
            ..EndpointScopes::default()
        };
        for name in &endpoint.method.auth.scopes {
            match scopes.iter().find(|(def, _)| def.name == *name) {
                Some((_, variant)) => scopes_of.scopes.push(variant.clone()),
                None => {
                    scopes_of.undefined.push(name.clone());
                    let request =
                        format!("{} {}", endpoint.method.http_method, endpoint.method.path);
                    found.push(methods.lint_at(
                        endpoint.page_index,
                        &lint::UNDEFINED_SCOPE,
                        Diagnostic::defect(
                            endpoint.method.request_span.clone(),
                            format!("`{request}` names the scope `{name}`, which the OAuth scopes page does not define"),
                            format!("kept `{name}` in `Authorization::undefined_scopes`; no token meets it"),
                        ),
                    ));
                }
            }
        }
        resolved.push(scopes_of);
    }
    let mut lints = input.map(|input| input.lints.clone()).unwrap_or_default();
    lints.extend(found);
    Ok((
        ResolvedScopes {
            docs_url: input
                .map(|_| format!("{}/api/oauth-scopes/", docs_site.trim_end_matches('/'))),
            scopes,
            endpoints: resolved,
        },
        lints,
    ))
}
