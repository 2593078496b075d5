//! Mastodon's documented API errors and methods, generated from the docs.
//!
//! [`Error`] is the error entity a Mastodon server returns as JSON, and
//! [`Reason`] lists every reason the docs give for it: the Error page's, and
//! those that only the API method pages document. [`Endpoint`] lists every
//! documented API method, with its request, authorization, version and
//! documented error responses.
//!
//! ```
//! use mastodon_error::{Classification, Endpoint, Match, Reason};
//!
//! assert_eq!(
//!     Reason::classify(404, "Record not found"),
//!     Classification::Documented(Reason::RecordNotFound, Match::Exact),
//! );
//! // Any 400 fits ParameterMissing, documented as `{string}`: the words say nothing.
//! let bare = Reason::classify(400, "Bad Request");
//! assert_eq!(bare.matched(), Some(Match::StatusOnly));
//! assert_eq!(bare.reason_by_message(), None);
//! assert_eq!(Reason::RecordNotFound.status(), 404);
//!
//! let endpoint = Endpoint::from_request("GET", "/api/v1/statuses/109404970108594430").unwrap();
//! assert_eq!(endpoint, Endpoint::StatusesGet);
//! assert_eq!(endpoint.path(), "/api/v1/statuses/:id");
//! // The method's own docs show this response: the caller can tell.
//! assert_eq!(
//!     endpoint.classify(404, "Record not found"),
//!     Classification::ForEndpoint(Reason::RecordNotFound),
//! );
//! ```
//!
//! The code is generated at build time from `spec/error.md`, a copy of the
//! [Error entity page](https://docs.joinmastodon.org/entities/Error/), and
//! `spec/methods.yaml`, the facts of the
//! [API method pages](https://docs.joinmastodon.org/methods/). The same
//! output is checked in under `generated/`, one file per output.
//!
//! A client returns [`ResponseError`] from every call: the status, the
//! [`Endpoint`] when known, and the body, classified against the docs.
//!
//! ```
//! use mastodon_error::{Endpoint, Error, ErrorBody, Reason, ResponseError};
//!
//! let error = ResponseError::for_request(
//!     404,
//!     "GET",
//!     "/api/v1/statuses/109404970108594430",
//!     ErrorBody::Error(Error::new("Record not found")),
//! );
//! assert_eq!(error.reason(), Some(Reason::RecordNotFound));
//! assert_eq!(error.endpoint(), Some(Endpoint::StatusesGet));
//! assert_eq!(error.to_string(), "404 Record not found (GET /api/v1/statuses/:id)");
//! ```
//!
//! [`RATE_LIMITS`] are the limits the rate-limits page documents, and
//! [`Endpoint::rate_limits`] the ones that count a method; a response's
//! `X-RateLimit-*` headers are read into [`RateLimitStatus`].
//!
//! ```
//! use mastodon_error::{Endpoint, RateLimitScope, RateLimitStatus};
//!
//! let upload: Vec<_> = Endpoint::from_request("POST", "/api/v1/media")
//!     .unwrap()
//!     .rate_limits()
//!     .filter(|limit| limit.scope == RateLimitScope::Account)
//!     .map(|limit| (limit.count, limit.period_seconds))
//!     .collect();
//! assert_eq!(upload, [(300, 300), (30, 1800)]);
//!
//! let headers = [("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "2026-11-30T01:00:00.000Z")];
//! let status = RateLimitStatus::from_headers(|name| {
//!     headers.iter().find(|(key, _)| key.eq_ignore_ascii_case(name)).map(|(_, value)| *value)
//! })
//! .unwrap();
//! assert_eq!(status.remaining, Some(0));
//! assert_eq!(status.limit, None);
//! // After a 429: wait until the reset, in seconds since the Unix epoch.
//! assert_eq!(status.reset_unix_seconds(), Some(1_796_000_400));
//! ```
//!
//! [`Endpoint::params`] are the request parameters a method's page documents
//! (path, query, form data, headers), and [`Endpoint::missing_params`] tells
//! before the call which documented requirements a request does not meet:
//! [`Missing::Required`] is the 400 or 422 the server would answer, and
//! [`Missing::Conditional`] a requirement the docs state in words, reported
//! but never decided.
//!
//! ```
//! use mastodon_error::{Endpoint, Missing};
//!
//! let post = Endpoint::from_request("POST", "/api/v1/statuses").unwrap();
//! let lacks_status = |sent: &[&str]| {
//!     post.missing_params(sent.iter().copied())
//!         .iter()
//!         .any(|missing| matches!(missing, Missing::Required(param) if param.name == "status"))
//! };
//! // Neither a text nor media: refused.
//! assert!(lacks_status(&[]));
//! // Either is enough; `media_ids` is `media_ids[]`, as a JSON body names it.
//! assert!(!lacks_status(&["status"]));
//! assert!(!lacks_status(&["media_ids"]));
//! ```
//!
//! Features: `serde` (de)serializes [`Error`] and lets
//! `ResponseError::from_response` read a JSON body; `http` adds the http
//! crate's types (`Reason::status_code`, `Endpoint::http_method`,
//! `Endpoint::from_http_request`, `ResponseError::from_http_response`).
//! `entities` adds the `entities` module, a struct for every entity the docs define.
//! Without features the crate has no dependencies.

#![forbid(unsafe_code)]

include!(concat!(env!("OUT_DIR"), "/mastodon_error.rs"));

/// Every entity the docs define, typed: a `#[non_exhaustive]` struct per
/// entity (`entities::Status`, `entities::StatusMention`) and per nested hash,
/// an open enum per enumerated attribute, and [`entities::EntityKind`] to
/// read the entity an [`Endpoint::returns`] names.
///
/// Generated from `spec/entities.yaml`, the facts of the
/// [entity pages](https://docs.joinmastodon.org/entities/); the same output
/// is checked in as `generated/entities.rs` (the structs), which includes
/// `entity_kinds.rs` (`EntityKind`, `AnyEntity`) and `entity_values.rs` (the
/// open enums) from beside it. Behind the `entities` feature, which
/// turns on `serde`: the types have no constructors, and are read from JSON.
///
/// A field that may be both absent and null is an `Option<Option<T>>`:
/// `None` when the key is absent, `Some(None)` when it is `null`.
///
/// ```
/// use mastodon_error::entities::{EntityKind, StatusVisibility};
///
/// assert_eq!(StatusVisibility::from("public"), StatusVisibility::Public);
/// // A value the docs do not list yet is kept, and written back unchanged.
/// let local = StatusVisibility::from("local");
/// assert_eq!(local.as_str(), "local");
/// assert_eq!(EntityKind::from_name("Status::Mention"), Some(EntityKind::StatusMention));
/// ```
///
/// A listed value is never `Undocumented`: only reading builds its payload.
///
/// ```compile_fail
/// use mastodon_error::entities::{StatusVisibility, UndocumentedValue};
///
/// let _ = StatusVisibility::Undocumented(UndocumentedValue("public".to_owned()));
/// ```
#[cfg(feature = "entities")]
pub mod entities {
    include!(concat!(env!("OUT_DIR"), "/entities.rs"));
}
