//! Turns a checked spec into the Rust module: tokens with quote, then text
//! behind an `@generated` header. The text is formatted with prettyplease for
//! people (the `format` feature: the checked-in files, the command line), or
//! is the tokens as rustc reads them (a build script's `OUT_DIR`).

mod docs;
mod endpoints;
#[cfg(feature = "entities")]
pub(crate) mod entities;
mod errors;
#[cfg(feature = "openapi")]
pub(crate) mod openapi;
mod params;
pub(crate) mod rate_limits;
mod response;
mod scopes;

#[cfg(feature = "tools")]
pub(crate) use endpoints::reason_variants;

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use crate::check::endpoints::Endpoint;
use crate::check::validate::{Checked, FieldType};
use crate::gate::{Gate, InputOrigin, Serde};
use crate::model::methods::Lifecycle;

/// What emission needs from the configuration.
pub(crate) struct EmitOptions<'a> {
    pub serde: &'a Serde,
    pub http: &'a Gate,
    pub docs_site: &'a str,
    /// The spec path for the header, as given (relative paths keep output portable).
    pub source_name: &'a str,
    /// The checked-in output path, when known, for the header's regenerate command.
    pub out_name: Option<&'a str>,
    /// The spec's git blob id, so reviewers can tell which docs revision it came from.
    pub spec_blob: String,
    /// The method pages' input, as given, and what identifies its content.
    pub methods: Option<InputOrigin>,
    /// The rate-limits page's input, for the header, and its limits,
    /// resolved against the endpoints.
    pub rate_limits: Option<(InputOrigin, &'a crate::model::rate_limits::RateLimits)>,
    /// The scopes page's input, for the header; `None` when the scopes
    /// are only the names the method pages use.
    pub scopes: Option<InputOrigin>,
    /// Formats the code for people (see [`render`]).
    pub formatted: bool,
}

/// One generated file of the module: its name, what it holds (for its
/// header and the include file), and its items as text.
#[derive(Debug, Clone)]
pub(crate) struct Part {
    pub file: &'static str,
    pub holds: &'static str,
    pub code: String,
}

/// The module: the header that names its inputs, and one part per output.
#[derive(Debug, Clone)]
pub(crate) struct Module {
    pub header: String,
    pub parts: Vec<Part>,
}

/// Renders the module, one part per output.
///
/// Emission builds tokens only from checked names and escaped literals, so
/// an `Err` here is a generator bug; the caller reports it instead of
/// writing code that does not parse.
pub(crate) fn emit(
    checked: &Checked<'_>,
    api: Option<Api<'_, '_>>,
    options: &EmitOptions<'_>,
) -> Result<Module, String> {
    let parts = outputs(checked, api, options)
        .into_iter()
        .map(|output| {
            Ok(Part {
                file: output.file,
                holds: output.holds,
                code: render(output.tokens, options.formatted)?,
            })
        })
        .collect::<Result<_, String>>()?;
    Ok(Module {
        header: header(options),
        parts,
    })
}

/// The tokens as Rust source: formatted for people when `formatted` (with
/// the `format` feature), else as rustc reads them, an item a line.
pub(crate) fn render(tokens: TokenStream, formatted: bool) -> Result<String, String> {
    #[cfg(feature = "format")]
    if formatted {
        return format(tokens);
    }
    debug_assert!(
        !formatted,
        "Config::format(true) is refused without the feature"
    );
    Ok(unformatted(tokens))
}

/// Formats the module's tokens as Rust source, one blank line between items.
#[cfg(feature = "format")]
pub(crate) fn format(tokens: TokenStream) -> Result<String, String> {
    let mut file = syn::parse2::<syn::File>(tokens).map_err(|err| err.to_string())?;
    // prettyplease separates nothing; a blank line between top-level items
    // keeps the checked-in file readable and its diffs tight.
    let mut items = Vec::with_capacity(file.items.len());
    for item in std::mem::take(&mut file.items) {
        file.items = vec![item];
        items.push(prettyplease::unparse(&file));
    }
    Ok(items.join("\n"))
}

/// The tokens as text, one top-level item a line: what rustc reads, at the
/// cost of printing them. An item ends at a `;` or at a `{…}` that no `;`
/// follows.
pub(crate) fn unformatted(tokens: TokenStream) -> String {
    use proc_macro2::{Delimiter, TokenTree};
    use std::fmt::Write;

    let mut out = String::new();
    let mut item = TokenStream::new();
    let mut tokens = tokens.into_iter().peekable();
    while let Some(token) = tokens.next() {
        let ends = match &token {
            TokenTree::Punct(punct) => punct.as_char() == ';',
            TokenTree::Group(group) => {
                group.delimiter() == Delimiter::Brace
                    && !matches!(tokens.peek(), Some(TokenTree::Punct(next)) if next.as_char() == ';')
            }
            _ => false,
        };
        item.extend([token]);
        if ends {
            // Writing to a String cannot fail.
            let _ = writeln!(out, "{item}");
            item = TokenStream::new();
        }
    }
    if !item.is_empty() {
        let _ = writeln!(out, "{item}");
    }
    out
}

/// `text` as one line of a header comment: without control characters,
/// so no input name can end the comment.
pub(crate) fn clean(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).collect()
}

fn header(options: &EmitOptions<'_>) -> String {
    let source = clean(options.source_name);
    let methods = options.methods.as_ref().map(|methods| clean(&methods.name));
    let rate_limits = options
        .rate_limits
        .as_ref()
        .map(|(origin, _)| clean(&origin.name));
    let scopes = options.scopes.as_ref().map(|origin| clean(&origin.name));
    let mut inputs_option = methods
        .as_ref()
        .map_or(String::new(), |methods| format!(" --methods {methods}"));
    if let Some(rate_limits) = &rate_limits {
        inputs_option.push_str(&format!(" --rate-limits {rate_limits}"));
    }
    if let Some(scopes) = &scopes {
        inputs_option.push_str(&format!(" --scopes {scopes}"));
    }
    let command = match options.out_name {
        Some(out) => format!(
            "mastodon-error-codegen generate {source}{inputs_option} --out {}",
            clean(out)
        ),
        None => format!("mastodon-error-codegen generate {source}{inputs_option}"),
    };
    let mut inputs: Vec<&String> = vec![&source];
    inputs.extend(&methods);
    inputs.extend(&rate_limits);
    inputs.extend(&scopes);
    let inputs = match inputs.split_last() {
        Some((last, first)) if !first.is_empty() => {
            let first: Vec<&str> = first.iter().map(|input| input.as_str()).collect();
            format!("{} and {last}", first.join(", "))
        }
        _ => source.clone(),
    };
    let mut identity_lines = options.methods.as_ref().map_or(String::new(), |origin| {
        format!("// Methods: {}\n", clean(&origin.identity))
    });
    if let Some((origin, _)) = &options.rate_limits {
        identity_lines.push_str(&format!("// Rate limits: {}\n", clean(&origin.identity)));
    }
    if let Some(origin) = &options.scopes {
        identity_lines.push_str(&format!("// Scopes: {}\n", clean(&origin.identity)));
    }
    format!(
        "// @generated by mastodon-error-codegen from {inputs}. Do not edit by hand.\n\
         // Spec blob: {blob} (`git hash-object {source}`)\n\
         {identity_lines}\
         // Regenerate with: {command}\n\n",
        blob = options.spec_blob
    )
}

/// The API methods, named and routed, with the scopes their lines name.
#[derive(Clone, Copy)]
pub(crate) struct Api<'a, 'e> {
    pub endpoints: &'a [Endpoint<'e>],
    pub scopes: &'a crate::model::scopes::ResolvedScopes,
}

/// One output of the module, before formatting.
pub(crate) struct Output {
    pub file: &'static str,
    pub holds: &'static str,
    pub tokens: TokenStream,
}

/// The module's outputs, in the order the include file names them: the
/// errors always; with the method pages, the endpoints, their router and
/// scopes, and the rate limits when given; the response type last, as it
/// reads them all.
pub(crate) fn outputs(
    checked: &Checked<'_>,
    api: Option<Api<'_, '_>>,
    options: &EmitOptions<'_>,
) -> Vec<Output> {
    let endpoints = api.map(|api| api.endpoints);
    let mut outputs = vec![Output {
        file: file::ERRORS,
        holds: "the Error entity, its documented reasons and their classification (`Error`, `Reason`, `Classification`)",
        tokens: errors::items(checked, endpoints.is_some(), options),
    }];
    // Rate limits name endpoints, so they come only with them.
    let rate_limits = endpoints
        .and(options.rate_limits.as_ref())
        .map(|(_, rate_limits)| *rate_limits);
    let has_status = rate_limits.is_some_and(|rate_limits| rate_limits.headers.is_some());
    if let Some(Api { endpoints, scopes }) = api {
        outputs.push(Output {
            file: file::ENDPOINTS,
            holds: "every documented API method (`Endpoint`)",
            tokens: endpoints::items(endpoints),
        });
        outputs.push(Output {
            file: file::ENDPOINT_TABLE,
            holds: "the documented facts of every method, a row each (the endpoint table)",
            tokens: endpoints::table_items(checked, endpoints, scopes),
        });
        outputs.push(Output {
            file: file::PARAMS,
            holds: "every method's documented request parameters, and a request checked against them (`Param`, `Endpoint::params`, `Endpoint::missing_params`)",
            tokens: params::items(endpoints),
        });
        outputs.push(Output {
            file: file::ROUTER,
            holds: "the router (`Endpoint::from_request`)",
            tokens: endpoints::router_items(endpoints),
        });
        outputs.push(Output {
            file: file::SCOPES,
            holds: "the OAuth scopes (`Scope`, `ScopeSet`, `TokenKind`)",
            tokens: scopes::items(scopes, checked),
        });
    }
    if let Some(rate_limits) = rate_limits {
        outputs.push(Output {
            file: file::RATE_LIMITS,
            holds: "the rate limits (`RATE_LIMITS`, `RateLimitStatus`)",
            tokens: rate_limits::items(rate_limits, options.http),
        });
    }
    outputs.push(Output {
        file: file::RESPONSE,
        holds: "what a client returns from every call (`ResponseError`)",
        tokens: response::items(checked, endpoints.is_some(), has_status, options),
    });
    outputs
}

/// The output files' names: each output's, and all of them, which an
/// include file's own name must not take.
pub(crate) mod file {
    pub(crate) const ERRORS: &str = "errors.rs";
    pub(crate) const ENDPOINTS: &str = "endpoints.rs";
    pub(crate) const ENDPOINT_TABLE: &str = "endpoint_table.rs";
    pub(crate) const PARAMS: &str = "params.rs";
    pub(crate) const ROUTER: &str = "router.rs";
    pub(crate) const SCOPES: &str = "scopes.rs";
    pub(crate) const RATE_LIMITS: &str = "rate_limits.rs";
    pub(crate) const RESPONSE: &str = "response.rs";
    pub(crate) const ALL: &[&str] = &[
        ERRORS,
        ENDPOINTS,
        ENDPOINT_TABLE,
        PARAMS,
        ROUTER,
        SCOPES,
        RATE_LIMITS,
        RESPONSE,
    ];
}

/// The generated `Lifecycle` variant for `lifecycle`.
fn lifecycle_variant(lifecycle: Lifecycle) -> Ident {
    ident(match lifecycle {
        Lifecycle::Current => "Current",
        Lifecycle::Deprecated => "Deprecated",
        Lifecycle::Removed => "Removed",
    })
}

/// `#[deprecated]` for a variant the docs mark deprecated or removed;
/// `see` names where its docs are (`Endpoint::docs_url`).
/// `#[deprecated]` for what the docs deprecate or remove, with the version
/// their history gives (`since`), when it gives one.
fn deprecated_attribute(lifecycle: Lifecycle, since: Option<&str>, see: &str) -> TokenStream {
    let when = since.map_or(String::new(), |version| format!(" {version}"));
    let note = match lifecycle {
        Lifecycle::Current => return quote!(),
        Lifecycle::Deprecated => {
            format!("deprecated in Mastodon{when}, as its API docs say; see {see}")
        }
        Lifecycle::Removed => {
            format!("removed from Mastodon{when}, as its API docs say; see {see}")
        }
    };
    let note = lit(&note);
    quote!(#[deprecated(note = #note)])
}

/// A string literal, as `Literal::string` writes it. Text that needs no
/// escape (most of it) is read as the literal itself: proc-macro2 escapes
/// one character at a time, which costs more than reading the quoted text.
fn lit(text: &str) -> Literal {
    let plain = text
        .bytes()
        .all(|b| (b' '..=b'~').contains(&b) && b != b'"' && b != b'\\');
    if plain {
        let mut quoted = String::with_capacity(text.len() + 2);
        quoted.push('"');
        quoted.push_str(text);
        quoted.push('"');
        if let Ok(literal) = quoted.parse() {
            return literal;
        }
    }
    Literal::string(text)
}

fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

fn option_lit(value: Option<&str>) -> TokenStream {
    match value {
        Some(value) => {
            let value = lit(value);
            quote!(Some(#value))
        }
        None => quote!(None),
    }
}

pub(crate) fn rust_type(ty: &FieldType) -> TokenStream {
    match ty {
        FieldType::String => quote!(String),
        FieldType::Integer => quote!(i64),
        FieldType::Boolean => quote!(bool),
        FieldType::Float => quote!(f64),
        FieldType::Array(item) => {
            let item = rust_type(item);
            quote!(Vec<#item>)
        }
        FieldType::Optional(inner) => {
            let inner = rust_type(inner);
            quote!(Option<#inner>)
        }
    }
}

fn has_float(ty: &FieldType) -> bool {
    match ty {
        FieldType::Float => true,
        FieldType::Array(inner) | FieldType::Optional(inner) => has_float(inner),
        _ => false,
    }
}

/// `Eq, Hash,` for the derives of the entity and of what holds it, unless a
/// float field rules them out.
fn eq_hash(checked: &Checked<'_>) -> TokenStream {
    if checked.fields.iter().any(|field| has_float(&field.ty)) {
        quote!()
    } else {
        quote!(Eq, Hash,)
    }
}

/// `#[inner]` (e.g. `derive(serde::…)`), gated as configured.
fn serde_attr(serde: &Serde, inner: TokenStream) -> TokenStream {
    match serde {
        Gate::Never => quote!(),
        Gate::Always => quote!(#[#inner]),
        Gate::Feature(feature) => {
            let feature = lit(feature);
            quote!(#[cfg_attr(feature = #feature, #inner)])
        }
    }
}

/// The `#[cfg(…)]` that puts an item behind every gate in `gates`, or
/// `None` when one of them leaves it out.
fn gated(gates: &[&Gate]) -> Option<TokenStream> {
    let mut features = Vec::new();
    for gate in gates {
        match gate {
            Gate::Never => return None,
            Gate::Always => {}
            Gate::Feature(feature) => {
                let feature = lit(feature);
                features.push(quote!(feature = #feature));
            }
        }
    }
    Some(match features.as_slice() {
        [] => quote!(),
        [one] => quote!(#[cfg(#one)]),
        all => quote!(#[cfg(all(#(#all),*))]),
    })
}
