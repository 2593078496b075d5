//! Mastodon's documented API errors, generated from the docs page.
//!
//! [`Error`] is the error entity a Mastodon server returns as JSON, and
//! [`Reason`] lists every reason the docs give for it, with its status,
//! message, anchor and docs link. [`Reason::classify`] matches a real
//! response against them:
//!
//! ```
//! use mastodon_error::{Classification, Reason};
//!
//! assert_eq!(
//!     Reason::classify(404, "Record not found"),
//!     Classification::Documented(Reason::RecordNotFound),
//! );
//! assert_eq!(Reason::RecordNotFound.status(), 404);
//! assert_eq!(Reason::for_status(404), &[Reason::RecordNotFound]);
//! ```
//!
//! The code is generated at build time from `spec/error.md`, a copy of the
//! [Error entity page](https://docs.joinmastodon.org/entities/Error/). The
//! same output is checked in as `generated/error.rs`.
//!
//! Enable the `serde` feature to (de)serialize [`Error`].

#![forbid(unsafe_code)]

include!(concat!(env!("OUT_DIR"), "/error.rs"));
