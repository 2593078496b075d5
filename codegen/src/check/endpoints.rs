//! One named, routable endpoint per documented method.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use crate::check::catalogue::{Assignment, Catalogue};
use crate::check::naming::{endpoint_name, fragment, heading_id, is_endpoint_key, method_docs_url};
use crate::check::routing::{path_segments, route, route_path};
use crate::diagnostic::{Diagnostic, Error};
use crate::ident;
use crate::lint::{self, Found};
use crate::model::methods::{Method, MethodPage};
use crate::pages::methods::MethodsInput;

/// One method, named and routed.
pub(crate) struct Endpoint<'a> {
    pub page: &'a MethodPage,
    /// The page's index in the input, for lints at the page.
    pub page_index: usize,
    pub method: &'a Method,
    pub variant: String,
    pub docs_url: String,
    /// The path without its query, split into segments; `None` for a `:parameter`.
    pub route: Vec<Option<&'a str>>,
    /// For each example, its reasons in the augmented spec.
    pub example_reasons: &'a [Assignment],
}

/// Names and routes every method, reporting every collision. A route no
/// request could reach is a docs defect: that method is left out, with a lint.
pub(crate) fn endpoints<'a>(
    input: &'a MethodsInput,
    catalogue: &'a Catalogue,
    renames: &BTreeMap<String, String>,
    docs_site: &str,
) -> Result<(Vec<Endpoint<'a>>, Vec<Found>), Error> {
    let mut errors = Vec::new();
    let mut lints = Vec::new();
    let mut endpoints: Vec<Endpoint<'a>> = Vec::new();
    let mut by_name: HashMap<String, (usize, String)> = HashMap::new();
    let mut by_route: HashMap<(String, Vec<Option<&str>>), String> = HashMap::new();
    let mut used_renames: Vec<&str> = Vec::new();
    for (page_index, page) in input.spec.pages.iter().enumerate() {
        for (method_index, method) in page.methods.iter().enumerate() {
            let request = format!("{} {}", method.http_method, method.path);
            let span: Range<usize> = method.request_span.clone();
            // The router compares methods as written, and `http::Method` takes them as tokens.
            if !method.http_method.bytes().all(|b| b.is_ascii_uppercase()) {
                errors.push(input.error_at(
                    page_index,
                    Diagnostic::error(span, format!("`{}` is not an HTTP method", method.http_method))
                        .help("write the method in capitals, as the docs do: `GET`, `POST`, `PUT`, `PATCH` or `DELETE`"),
                ));
                continue;
            }
            let configured = renames.get_key_value(&request);
            used_renames.extend(configured.map(|(key, _)| key.as_str()));
            let anchor_taken = method.anchor.as_ref().is_some_and(|anchor| {
                page.methods[..method_index]
                    .iter()
                    .any(|earlier| earlier.anchor.as_ref() == Some(anchor))
            });
            let name = match configured
                .map(|(_, name)| name)
                .or(method.name_override.as_ref())
            {
                Some(name) => ident::checked_override(name),
                // Named as a section without an anchor is: by its heading.
                None if anchor_taken => {
                    let name = endpoint_name(&page.path, &heading_id(&method.title));
                    lints.push(input.lint_at(
                        page_index,
                        &lint::DUPLICATE_ANCHOR,
                        Diagnostic::defect(
                            method.title_span.clone(),
                            format!("`{request}` has the anchor `#{}`, like an earlier method on the page", method.anchor.as_deref().unwrap_or_default()),
                            format!("named it `{name}` by its heading, as a section without an anchor is named"),
                        )
                        .help("each method's heading needs an anchor of its own; `Config::rename` names it if the heading's name is not wanted"),
                    ));
                    ident::checked_override(&name)
                }
                None => ident::checked_override(&endpoint_name(&page.path, &fragment(method))),
            };
            let name = match name {
                Ok(name) => name,
                Err(problem) => {
                    errors.push(input.error_at(
                        page_index,
                        Diagnostic::error(span, format!("the method `{request}` gets no variant name: {}", problem.describe()))
                            .help(format!("name it with `name:` in the YAML copy, or `Config::rename(\"{request}\", \"Name\")`")),
                    ));
                    continue;
                }
            };
            if let Some((first_page, first)) = by_name.get(&name) {
                errors.push(input.error_at(
                    page_index,
                    Diagnostic::error(span.clone(), format!("`{request}` would be named `{name}`, like `{first}` ({}.md)", input.spec.pages[*first_page].path))
                        .label("this method")
                        .help(format!("name one of them with `name:` in the YAML copy, or `Config::rename(\"{request}\", \"Name\")`")),
                ));
                continue;
            }
            let path = route_path(&method.path);
            let segments = path_segments(path);
            if segments.iter().any(|s| s.is_empty() || *s == ":") && path != "/" {
                lints.push(input.lint_at(
                    page_index,
                    &lint::EMPTY_PATH_SEGMENT,
                    Diagnostic::defect(
                        span.clone(),
                        format!("the path of `{request}` has an empty segment"),
                        format!("left out `{request}`: the router cannot match it"),
                    )
                    .help("the path should be written as the server routes it, e.g. `/api/v1/statuses/:id`"),
                ));
                continue;
            }
            let route = route(&segments);
            let shape = (method.http_method.clone(), route.clone());
            if let Some(first) = by_route.get(&shape) {
                lints.push(input.lint_at(
                    page_index,
                    &lint::DUPLICATE_ROUTE,
                    Diagnostic::defect(
                        span.clone(),
                        format!("`{request}` routes like `{first}`: no request could tell them apart"),
                        format!("left out `{request}`; `{first}`, earlier in page order, keeps the route"),
                    )
                    .label("this method")
                    .help("two methods with the same HTTP method need paths that differ in a literal segment"),
                ));
                continue;
            }
            by_route.insert(shape, request.clone());
            by_name.insert(name.clone(), (page_index, request));
            endpoints.push(Endpoint {
                page,
                page_index,
                method,
                variant: name,
                docs_url: method_docs_url(docs_site, page, method),
                route,
                example_reasons: &catalogue.example_reasons[page_index][method_index],
            });
        }
    }
    for key in renames.keys().filter(|key| is_endpoint_key(key)) {
        if !used_renames.contains(&key.as_str()) {
            errors.push(Error::single(
                input.sources[0].clone(),
                Diagnostic::error(0..0, format!("the configured rename `{key}` matches no method"))
                    .help("a method's key is its HTTP method and path as documented, e.g. `GET /api/v1/statuses/:id`"),
            ));
        }
    }
    match Error::combine(errors) {
        Some(error) => Err(error),
        None => Ok((endpoints, lints)),
    }
}
