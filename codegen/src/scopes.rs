//! Reading the OAuth scopes page (`content/en/api/oauth-scopes.md`) or its
//! YAML copy, and resolving the scopes each method page names against it.

use std::path::Path;

use crate::api::Endpoint;
use crate::api_page::{ApiPageInput, ApiPageKind};
use crate::diagnostic::{Diagnostic, Error};
use crate::ident;
use crate::lint::{self, Found};
#[cfg(feature = "markdown-api-pages")]
use crate::markdown::scopes_page;
use crate::model::methods::Lifecycle;
use crate::model::scopes::{EndpointScopes, ResolvedScopes, ScopeDef, ScopePage};
use crate::source::Source;
use crate::yaml;

/// Reads the scopes page (`.md`) or its YAML copy (`.yaml`, `.yml`) from
/// memory, without resolving the method pages' scopes against it.
pub fn parse_scopes_page(source: &Source) -> Result<ScopePage, Error> {
    from_source(source.clone()).map(|input| input.page)
}

/// The page as read, where it came from, and the docs defects found in it.
pub(crate) type ScopesInput = ApiPageInput<ScopePage>;

/// The OAuth scopes page among the `api/` pages.
pub(crate) const PAGE: ApiPageKind<ScopePage> = ApiPageKind {
    docs_path: "api/oauth-scopes.md",
    flag: "scopes",
    what: "the OAuth scopes page",
    read_copy: yaml::scopes::parse,
    #[cfg(feature = "markdown-api-pages")]
    read_page: scopes_page::parse_with_lints,
    #[cfg(feature = "tools")]
    write_copy: yaml::scopes_write::write,
    lint_records: |page| &page.lints,
    #[cfg(feature = "tools")]
    without_spans: ScopePage::without_spans,
};

/// Reads the page (`.md`) or its YAML copy (`.yaml`, `.yml`) at `path`.
pub(crate) fn load(path: &Path) -> Result<ScopesInput, Error> {
    from_source(Source::read(path)?)
}

/// [`PAGE`]'s reading, refusing a page that defines no scope: every
/// method's scopes would be undefined.
pub(crate) fn from_source(source: Source) -> Result<ScopesInput, Error> {
    let input = PAGE.read(source)?;
    if input.page.scopes.is_empty() {
        return Err(Error::single(
            input.source,
            Diagnostic::error(0..0, "no scope is defined here")
                .help("point at the docs' `content/en/api/oauth-scopes.md`, or at its YAML copy; a page that defines no scope would make every method's scopes undefined"),
        ));
    }
    Ok(input)
}

/// Every scope with its variant, and each endpoint's scopes resolved. A name
/// a method's line gives that the page does not define is a lint at that
/// method. Without a page, the scopes are the names the method pages use,
/// with no versions and no hierarchy: the generated docs say so.
pub(crate) fn resolve(
    input: Option<&ScopesInput>,
    endpoints: &[Endpoint<'_>],
    methods: &crate::api::MethodsInput,
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

#[cfg(all(test, not(feature = "markdown-api-pages")))]
mod tests {
    use super::*;

    #[test]
    fn the_markdown_page_needs_the_feature_and_says_so() {
        let page = Source::new(
            "oauth-scopes.md",
            "---\ntitle: OAuth Scopes\n---\n\n### `read`\n",
        );
        let error = parse_scopes_page(&page).expect_err("no Markdown reader");
        let text = error.render();
        assert!(
            text.contains("needs the `markdown-api-pages` feature"),
            "{text}"
        );
        assert!(text.contains("export-yaml --scopes"), "{text}");
    }
}
