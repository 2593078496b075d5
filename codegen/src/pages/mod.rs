//! The page kinds, one folder each: its Markdown reader, its YAML copy's
//! reader and writer, and its loader, which reads either through
//! [`crate::input`]. What a kind reads is a fact of [`crate::model`]; what
//! is resolved across kinds is [`crate::check`]'s.

#[cfg(feature = "entities")]
pub(crate) mod entities;
pub(crate) mod error;
pub(crate) mod methods;
pub(crate) mod rate_limits;
pub(crate) mod scopes;
