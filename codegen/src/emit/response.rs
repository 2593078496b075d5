//! What a client returns from every call: `ResponseError` (status, endpoint,
//! body, classification), and the http crate's types behind their gate.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::errors::{carries_message, has_description};
use super::{EmitOptions, eq_hash, gated, ident};
use crate::check::validate::Checked;

/// The response-level items. `ResponseError` needs the endpoint table and an
/// entity that carries the message; the http items need only what they extend.
pub(super) fn items(
    checked: &Checked<'_>,
    has_endpoints: bool,
    has_rate_limit_status: bool,
    options: &EmitOptions<'_>,
) -> TokenStream {
    let carries_message = carries_message(checked);
    let with_response = has_endpoints && carries_message;
    let entity = ident(&checked.entity_name);
    let oauth_shaped = if has_description(checked) {
        quote!(error.error_description.is_some())
    } else {
        quote!(false)
    };
    let response = with_response.then(|| {
        response_error(
            &entity,
            &eq_hash(checked),
            &oauth_shaped,
            has_rate_limit_status,
            options,
        )
    });
    let http =
        gated(&[options.http]).map(|cfg| http_items(&cfg, &entity, carries_message, has_endpoints));
    // The rate-limit headers, when the module reads them; a 429 says when
    // to try again.
    let from_response = quote! {
        Self::from_response(
            response.status().as_u16(),
            method.as_str(),
            uri.path(),
            response.body().as_ref(),
        )
    };
    let read_response = if has_rate_limit_status {
        quote! {
            #from_response.with_rate_limit(RateLimitStatus::from_header_map(response.headers()))
        }
    } else {
        from_response
    };
    let http_response = with_response
        .then(|| gated(&[options.http, options.serde]))
        .flatten()
        .map(|cfg| {
            quote! {
                #cfg
                impl ResponseError {
                    /// From an http crate response to a request with `method` and
                    /// `uri`; the body is read as by [`ResponseError::from_response`].
                    pub fn from_http_response<B: AsRef<[u8]>>(
                        method: &http::Method,
                        uri: &http::Uri,
                        response: &http::Response<B>,
                    ) -> Self {
                        #read_response
                    }
                }
            }
        });
    quote! {
        #response
        #http
        #http_response
    }
}

/// `oauth_shaped`: whether `error`, the entity, has the shape of an OAuth error.
fn response_error(
    entity: &Ident,
    eq_hash: &TokenStream,
    oauth_shaped: &TokenStream,
    has_rate_limit_status: bool,
    options: &EmitOptions<'_>,
) -> TokenStream {
    let (rate_limit_field, rate_limit_init, rate_limit_methods) = if has_rate_limit_status {
        (
            quote!(rate_limit: Option<RateLimitStatus>,),
            quote!(rate_limit: None,),
            quote! {
                /// The response's rate-limit headers, when it had any:
                /// `ResponseError::from_http_response` (with the http and
                /// serde features) reads them, and
                /// [`ResponseError::with_rate_limit`] sets them.
                pub const fn rate_limit(&self) -> Option<&RateLimitStatus> {
                    self.rate_limit.as_ref()
                }
                /// This error with the response's rate-limit headers, as
                /// [`RateLimitStatus::from_headers`] reads them: after a 429,
                /// `reset` says when to try again.
                pub fn with_rate_limit(mut self, rate_limit: Option<RateLimitStatus>) -> Self {
                    self.rate_limit = rate_limit;
                    self
                }
            },
        )
    } else {
        (quote!(), quote!(), quote!())
    };
    let parse = gated(&[options.serde]).map(|cfg| {
        quote! {
            #cfg
            impl ErrorBody {
                /// Reads a response body. The documented JSON gives
                /// [`ErrorBody::Error`], and so does the form that nests it one
                /// level down (`{"error": {"error": "…", "details": …}}`), which
                /// the collections page shows. Anything else is kept, byte for
                /// byte, as [`ErrorBody::Unrecognised`].
                pub fn parse(body: &[u8]) -> Self {
                    #[derive(serde::Deserialize)]
                    struct Nested {
                        error: #entity,
                    }
                    if let Ok(error) = serde_json::from_slice::<#entity>(body) {
                        return ErrorBody::Error(error);
                    }
                    match serde_json::from_slice::<Nested>(body) {
                        Ok(nested) => ErrorBody::Error(nested.error),
                        Err(_) => ErrorBody::Unrecognised(body.to_vec()),
                    }
                }
            }

            #cfg
            impl ResponseError {
                /// From the raw parts of a response: its status, the request's
                /// method and path (a query is ignored), and the body's bytes,
                /// read with [`ErrorBody::parse`]. Never fails: a body that is not
                /// the documented JSON is kept as [`ErrorBody::Unrecognised`].
                pub fn from_response(status: u16, method: &str, path: &str, body: &[u8]) -> Self {
                    Self::for_request(status, method, path, ErrorBody::parse(body))
                }
            }
        }
    });
    quote! {
        /// The body of an error response, as [`ResponseError`] found it.
        #[derive(Clone, Debug, PartialEq, #eq_hash)]
        pub enum ErrorBody {
            /// The documented JSON: the error entity.
            Error(#entity),
            /// Anything else, byte for byte: an HTML page from a proxy, an
            /// empty body, or JSON of another shape.
            Unrecognised(Vec<u8>),
        }

        impl Endpoint {
            /// [`Endpoint::classify`] for a whole error body: one with an
            /// `error_description`, which only OAuth errors have, is never
            /// classified under a reason that is not an OAuth error.
            pub fn classify_error(self, status: u16, error: &#entity) -> Classification<'_> {
                self.classify_shaped(status, &error.error, #oauth_shaped)
            }
        }

        /// An error response from a Mastodon server, for a client to return from
        /// every call: the HTTP status, the [`Endpoint`] when the request was a
        /// documented one, and the body.
        ///
        /// Match on [`ResponseError::reason`], or on
        /// [`ResponseError::classification`] to tell documented, ambiguous and
        /// undocumented responses apart. It displays as
        /// `404 Record not found (GET /api/v1/statuses/:id)`.
        #[derive(Clone, Debug, PartialEq, #eq_hash)]
        #[non_exhaustive]
        pub struct ResponseError {
            status: u16,
            endpoint: Option<Endpoint>,
            body: ErrorBody,
            #rate_limit_field
        }

        impl ResponseError {
            /// From parts already known: the response's HTTP status, the
            /// request's endpoint, and the body.
            pub fn new(status: u16, endpoint: Option<Endpoint>, body: ErrorBody) -> Self {
                Self { status, endpoint, body, #rate_limit_init }
            }
            /// From the request's method and path (a query is ignored), which
            /// [`Endpoint::from_request`] matches, and a body already read.
            pub fn for_request(status: u16, method: &str, path: &str, body: ErrorBody) -> Self {
                Self::new(status, Endpoint::from_request(method, path), body)
            }
            /// The response's HTTP status.
            pub const fn status(&self) -> u16 {
                self.status
            }
            /// The documented method the request matched, if any.
            pub const fn endpoint(&self) -> Option<Endpoint> {
                self.endpoint
            }
            /// The body, as read.
            pub const fn body(&self) -> &ErrorBody {
                &self.body
            }
            #rate_limit_methods
            /// The body, when it is the documented JSON.
            pub const fn error(&self) -> Option<&#entity> {
                match &self.body {
                    ErrorBody::Error(error) => Some(error),
                    ErrorBody::Unrecognised(_) => None,
                }
            }
            /// What the docs make of this response: [`Endpoint::classify_error`]
            /// when the endpoint is known, else the body's own `classify`, so an
            /// OAuth-shaped body is never filed under a reason that is not an
            /// OAuth error. `None` when the body is not the documented JSON, so
            /// there is no message.
            pub fn classification(&self) -> Option<Classification<'_>> {
                let error = self.error()?;
                Some(match self.endpoint {
                    Some(endpoint) => endpoint.classify_error(self.status, error),
                    None => error.classify(self.status),
                })
            }
            /// The documented reason, when exactly one fits.
            pub fn reason(&self) -> Option<Reason> {
                self.classification()?.reason()
            }
            /// Where the docs describe this response: the method's page when it
            /// shows this response, else the reason's entry, else the method's page.
            pub fn docs_url(&self) -> Option<&'static str> {
                match self.classification() {
                    Some(Classification::Documented(reason, _)) => Some(reason.docs_url()),
                    _ => self.endpoint.map(Endpoint::docs_url),
                }
            }
        }

        impl core::fmt::Display for ResponseError {
            /// `404 Record not found (GET /api/v1/statuses/:id)`: the status, the
            /// message (and description), and the endpoint when known.
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                write!(f, "{}", self.status)?;
                match &self.body {
                    ErrorBody::Error(error) => write!(f, " {error}")?,
                    ErrorBody::Unrecognised(body) if body.is_empty() => f.write_str(" [empty body]")?,
                    ErrorBody::Unrecognised(body) => write!(
                        f,
                        " [{}-byte body that is not the documented error JSON]",
                        body.len()
                    )?,
                }
                if let Some(endpoint) = self.endpoint {
                    write!(f, " ({endpoint})")?;
                }
                Ok(())
            }
        }

        /// The message is part of `Display`, so there is no `source`.
        impl std::error::Error for ResponseError {}

        #parse
    }
}

fn http_items(
    cfg: &TokenStream,
    entity: &Ident,
    carries_message: bool,
    has_endpoints: bool,
) -> TokenStream {
    let entity_items = carries_message.then(|| {
        quote! {
            #cfg
            impl #entity {
                /// [`Self::classify`] with the http crate's status.
                pub fn classify_status_code(&self, status: http::StatusCode) -> Classification<'_> {
                    self.classify(status.as_u16())
                }
            }
        }
    });
    let endpoint_items = has_endpoints.then(|| {
        quote! {
            #cfg
            impl Endpoint {
                /// [`Endpoint::method`] as the http crate's type.
                pub fn http_method(self) -> http::Method {
                    match self.method() {
                        "GET" => http::Method::GET,
                        "POST" => http::Method::POST,
                        "PUT" => http::Method::PUT,
                        "PATCH" => http::Method::PATCH,
                        "DELETE" => http::Method::DELETE,
                        other => match http::Method::from_bytes(other.as_bytes()) {
                            Ok(method) => method,
                            Err(_) => unreachable!("the generator checks that every method is uppercase ASCII"),
                        },
                    }
                }
                /// [`Endpoint::from_request`] for an http crate request.
                pub fn from_http_request<B>(request: &http::Request<B>) -> Option<Endpoint> {
                    Endpoint::from_method_and_uri(request.method(), request.uri())
                }
                /// [`Endpoint::from_request`] with the http crate's method and URI.
                pub fn from_method_and_uri(method: &http::Method, uri: &http::Uri) -> Option<Endpoint> {
                    Endpoint::from_request(method.as_str(), uri.path())
                }
                /// [`Endpoint::classify`] with the http crate's status.
                pub fn classify_status_code(self, status: http::StatusCode, message: &str) -> Classification<'_> {
                    self.classify(status.as_u16(), message)
                }
            }
        }
    });
    quote! {
        #cfg
        impl Reason {
            /// [`Reason::status`] as the http crate's type.
            pub fn status_code(self) -> http::StatusCode {
                match http::StatusCode::from_u16(self.status()) {
                    Ok(code) => code,
                    Err(_) => unreachable!("the generator checks that every status is within 100–599"),
                }
            }
            /// [`Reason::classify`] with the http crate's status.
            pub fn classify_status_code(status: http::StatusCode, message: &str) -> Classification<'_> {
                Reason::classify(status.as_u16(), message)
            }
        }

        #entity_items
        #endpoint_items
    }
}
