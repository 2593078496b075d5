//! Mastodon's documented API errors and methods, generated from the docs.
//!
//! [`Error`] is the error entity a Mastodon server returns as JSON, and
//! [`Reason`] lists every reason the docs give for it: the Error page's, and
//! those that only the API method pages document. [`Endpoint`] lists every
//! documented API method, with its request, authorization, version and
//! documented error responses.
//!
//! ```
//! use mastodon_error::{Classification, Endpoint, Reason};
//!
//! assert_eq!(
//!     Reason::classify(404, "Record not found"),
//!     Classification::Documented(Reason::RecordNotFound),
//! );
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
//! output is checked in as `generated/error.rs`.
//!
//! Enable the `serde` feature to (de)serialize [`Error`].

#![forbid(unsafe_code)]

include!(concat!(env!("OUT_DIR"), "/error.rs"));
