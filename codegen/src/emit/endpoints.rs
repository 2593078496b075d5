//! The API methods as Rust: `Endpoint`, one table that drives its const
//! accessors (as http's `StatusCode` does), a generated router, and
//! classification of a method's responses.

use std::collections::HashMap;

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::docs::{self, DocBuilder};
use super::{ident, lit, option_lit};
use crate::api::{Endpoint, ReasonRef};
use crate::model::methods::Lifecycle;
use crate::validate::Checked;

/// The `Endpoint` items: the enum, its table and impl, and their types.
pub(super) fn items(checked: &Checked<'_>, endpoints: &[Endpoint<'_>]) -> TokenStream {
    let reasons = reason_variants(checked);
    let enum_item = endpoint_enum(endpoints);
    let table = table(endpoints, &reasons);
    let impl_item = endpoint_impl(endpoints);
    let types = types();
    quote! {
        #enum_item
        #types
        #table
        #impl_item
    }
}

/// Each reason's variant by its place in the (augmented) spec.
pub(crate) fn reason_variants<'c>(checked: &'c Checked<'_>) -> HashMap<ReasonRef, &'c str> {
    let mut in_group: HashMap<usize, usize> = HashMap::new();
    checked
        .reasons
        .iter()
        .map(|reason| {
            let index = in_group.entry(reason.group_index).or_default();
            let key = ReasonRef {
                group: reason.group_index,
                index: *index,
            };
            *index += 1;
            (key, reason.variant.as_str())
        })
        .collect()
}

fn request(endpoint: &Endpoint<'_>) -> String {
    format!("{} {}", endpoint.method.http_method, endpoint.method.path)
}

fn endpoint_enum(endpoints: &[Endpoint<'_>]) -> TokenStream {
    let variants = endpoints.iter().map(|endpoint| {
        let method = endpoint.method;
        let mut doc = DocBuilder::new();
        doc.line(&format!(
            "{}: {}.",
            docs::code_span(&request(endpoint)),
            docs::escape_inline(&method.title)
        ));
        let deprecated = match method.lifecycle {
            Lifecycle::Current => quote!(),
            Lifecycle::Deprecated => {
                let note = lit("deprecated in Mastodon's API docs; see Endpoint::docs_url");
                quote!(#[deprecated(note = #note)])
            }
            Lifecycle::Removed => {
                let note =
                    lit("removed from Mastodon according to its API docs; see Endpoint::docs_url");
                quote!(#[deprecated(note = #note)])
            }
        };
        let doc = doc.attrs();
        let variant = ident(&endpoint.variant);
        quote! {
            #doc
            #deprecated
            #variant,
        }
    });
    let mut doc = DocBuilder::new();
    doc.line("A documented Mastodon API method, from the [API method pages](https://docs.joinmastodon.org/methods/).");
    doc.blank();
    doc.line("Each variant is named after its HTTP method and path. New documentation adds methods, so the enum");
    doc.line(
        "is `#[non_exhaustive]`; methods the docs mark deprecated or removed are `#[deprecated]`.",
    );
    doc.line("[`Endpoint::from_request`] finds the method of a request, and [`Endpoint::classify`] its error responses.");
    let doc = doc.attrs();
    quote! {
        #doc
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Endpoint {
            #(#variants)*
        }
    }
}

fn types() -> TokenStream {
    quote! {
        /// Who may call an [`Endpoint`], from its `OAuth` line in the docs.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct Authorization {
            /// Callable without a token.
            pub public: bool,
            /// Callable with an app token (client credentials).
            pub app_token: bool,
            /// Callable with a user token.
            pub user_token: bool,
            /// The OAuth scopes the docs name, e.g. `"write:statuses"`.
            pub scopes: &'static [&'static str],
        }

        /// Whether the docs still describe an [`Endpoint`] as current.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Lifecycle {
            /// Documented for use.
            Current,
            /// Marked deprecated in the docs.
            Deprecated,
            /// Marked removed in the docs: current servers no longer have it.
            Removed,
        }

        /// An error response that the docs show for an [`Endpoint`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct DocumentedError {
            /// The HTTP status.
            pub status: u16,
            /// The status text as the docs write it, e.g. `"Unauthorized"`.
            pub status_text: &'static str,
            /// The example body's `error`.
            pub error: &'static str,
            /// The example body's `error_description`, which OAuth errors carry.
            pub error_description: Option<&'static str>,
            /// The reason (or, for a message several reasons share, the reasons) it is.
            pub classification: Classification<'static>,
        }

        /// One row of the endpoint table, which every accessor reads.
        #[derive(Debug)]
        struct EndpointInfo {
            method: &'static str,
            path: &'static str,
            title: &'static str,
            page: &'static str,
            anchor: Option<&'static str>,
            docs_url: &'static str,
            authorization: Authorization,
            added_in: Option<&'static str>,
            lifecycle: Lifecycle,
            errors: &'static [DocumentedError],
        }
    }
}

fn table(endpoints: &[Endpoint<'_>], reasons: &HashMap<ReasonRef, &str>) -> TokenStream {
    let rows = endpoints.iter().map(|endpoint| {
        let method = endpoint.method;
        let http_method = lit(&method.http_method);
        let path = lit(&method.path);
        let title = lit(&method.title);
        let page = lit(&endpoint.page.path);
        let anchor = option_lit(method.anchor.as_deref());
        let docs_url = lit(&endpoint.docs_url);
        let auth = &method.auth;
        let (public, app, user) = (auth.public, auth.app, auth.user);
        let scopes = auth.scopes.iter().map(|scope| lit(scope));
        let added_in = option_lit(method.added_in.as_deref());
        let lifecycle = ident(match method.lifecycle {
            Lifecycle::Current => "Current",
            Lifecycle::Deprecated => "Deprecated",
            Lifecycle::Removed => "Removed",
        });
        let errors = method
            .errors
            .iter()
            .zip(endpoint.example_reasons)
            .map(|(error, refs)| {
                let status = Literal::u16_unsuffixed(error.status);
                let status_text = lit(&error.status_text);
                let message = lit(&error.error);
                let description = option_lit(error.error_description.as_deref());
                let variants: Vec<_> = refs.iter().map(|r| ident(reasons[r])).collect();
                let classification = match &variants[..] {
                    [only] => quote!(Classification::Documented(Reason::#only)),
                    several => quote!(Classification::Ambiguous(&[#(Reason::#several),*])),
                };
                quote! {
                    DocumentedError {
                        status: #status,
                        status_text: #status_text,
                        error: #message,
                        error_description: #description,
                        classification: #classification,
                    },
                }
            });
        quote! {
            EndpointInfo {
                method: #http_method,
                path: #path,
                title: #title,
                page: #page,
                anchor: #anchor,
                docs_url: #docs_url,
                authorization: Authorization {
                    public: #public,
                    app_token: #app,
                    user_token: #user,
                    scopes: &[#(#scopes),*],
                },
                added_in: #added_in,
                lifecycle: Lifecycle::#lifecycle,
                errors: &[#(#errors)*],
            },
        }
    });
    quote! {
        /// One row per [`Endpoint`], in variant order.
        const ENDPOINT_TABLE: &[EndpointInfo] = &[#(#rows)*];
    }
}

fn endpoint_impl(endpoints: &[Endpoint<'_>]) -> TokenStream {
    let all = endpoints.iter().map(|endpoint| ident(&endpoint.variant));
    let router = router(endpoints);
    quote! {
        #[allow(deprecated)] // Deprecated methods are still documented and routed.
        impl Endpoint {
            /// Every documented method, in the docs' page order.
            pub const ALL: &'static [Endpoint] = &[#(Endpoint::#all),*];

            const fn info(self) -> &'static EndpointInfo {
                &ENDPOINT_TABLE[self as usize]
            }

            /// The HTTP method, e.g. `"GET"`.
            pub const fn method(self) -> &'static str {
                self.info().method
            }

            /// The path as documented, with `:name` parameters, e.g. `"/api/v1/statuses/:id"`.
            pub const fn path(self) -> &'static str {
                self.info().path
            }

            /// The method's title in the docs, e.g. `"View a single status"`.
            pub const fn title(self) -> &'static str {
                self.info().title
            }

            /// The docs page it is on, below `methods/`: `"statuses"`, `"admin/accounts"`.
            pub const fn page(self) -> &'static str {
                self.info().page
            }

            /// Its heading's anchor on that page, if it has one.
            pub const fn anchor(self) -> Option<&'static str> {
                self.info().anchor
            }

            /// A link to the method in the docs.
            pub const fn docs_url(self) -> &'static str {
                self.info().docs_url
            }

            /// Who may call it: the kinds of token and the scopes.
            pub const fn authorization(self) -> &'static Authorization {
                &self.info().authorization
            }

            /// The OAuth scopes the docs name for it.
            pub const fn scopes(self) -> &'static [&'static str] {
                self.info().authorization.scopes
            }

            /// The Mastodon version that added it, as the docs write it (`"0.0.0"`, `"4.0.0-beta1"`).
            pub const fn added_in(self) -> Option<&'static str> {
                self.info().added_in
            }

            /// Whether the docs mark it deprecated or removed.
            pub const fn lifecycle(self) -> Lifecycle {
                self.info().lifecycle
            }

            /// The error responses the docs show for it.
            pub const fn errors(self) -> &'static [DocumentedError] {
                self.info().errors
            }

            #router

            /// Matches an error response of this method: its own documented
            /// responses first ([`Classification::ForEndpoint`]), then the
            /// reasons that apply to every method ([`Reason::classify`]).
            pub fn classify(self, status: u16, message: &str) -> Classification<'_> {
                let own = self
                    .errors()
                    .iter()
                    .find(|error| error.status == status && error.error == message);
                match own.map(|error| error.classification) {
                    Some(Classification::Documented(reason)) => Classification::ForEndpoint(reason),
                    Some(other) => other,
                    None => Reason::classify(status, message),
                }
            }
        }

        impl core::fmt::Display for Endpoint {
            /// `GET /api/v1/statuses/:id`.
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                write!(f, "{} {}", self.method(), self.path())
            }
        }
    }
}

/// Order of routes within a method: literal segments before parameters, at
/// the first place two routes differ, so `/accounts/verify_credentials`
/// wins over `/accounts/:id`.
fn route_order(route: &[Option<&str>]) -> (usize, Vec<(bool, String)>) {
    let key = route
        .iter()
        .map(|segment| match segment {
            Some(literal) => (false, (*literal).to_owned()),
            None => (true, String::new()),
        })
        .collect();
    (route.len(), key)
}

fn router(endpoints: &[Endpoint<'_>]) -> TokenStream {
    let depth = endpoints.iter().map(|e| e.route.len()).max().unwrap_or(0);
    let mut methods: Vec<&str> = endpoints
        .iter()
        .map(|e| e.method.http_method.as_str())
        .collect();
    methods.sort_unstable();
    methods.dedup();
    let method_arms = methods.iter().map(|http_method| {
        let mut routes: Vec<&Endpoint<'_>> = endpoints
            .iter()
            .filter(|e| e.method.http_method == *http_method)
            .collect();
        routes.sort_by_key(|e| route_order(&e.route));
        let arms = routes.iter().map(|endpoint| {
            let segments = endpoint.route.iter().map(|segment| match segment {
                Some(literal) => {
                    let literal = lit(literal);
                    quote!(#literal)
                }
                None => quote!(_),
            });
            let variant = ident(&endpoint.variant);
            quote!([#(#segments),*] => Some(Endpoint::#variant),)
        });
        let http_method = lit(http_method);
        quote! {
            #http_method => match segments {
                #(#arms)*
                _ => None,
            },
        }
    });
    let depth = Literal::usize_unsuffixed(depth);
    quote! {
        /// The method a request is for, from its HTTP method and path
        /// (`/api/v1/statuses/109404970108594430/favourite`). A literal
        /// segment wins over a parameter, the query string is ignored, and
        /// an empty segment matches nothing. It allocates nothing.
        pub fn from_request(method: &str, path: &str) -> Option<Endpoint> {
            const MAX_SEGMENTS: usize = #depth;
            let path = match path.split_once('?') {
                Some((path, _query)) => path,
                None => path,
            };
            let mut buffer = [""; MAX_SEGMENTS];
            let mut len = 0;
            for segment in path.strip_prefix('/')?.split('/') {
                if segment.is_empty() || len == MAX_SEGMENTS {
                    return None;
                }
                buffer[len] = segment;
                len += 1;
            }
            let segments = &buffer[..len];
            match method {
                #(#method_arms)*
                _ => None,
            }
        }
    }
}
