//! The YAML copy of the page: the same content as data, for teams that
//! review, pin or patch the docs. spec/README.md documents the schema.

#[cfg(feature = "entities")]
pub(crate) mod entities;
#[cfg(all(feature = "tools", feature = "entities"))]
pub(crate) mod entities_write;
pub(crate) mod methods;
#[cfg(feature = "tools")]
pub(crate) mod methods_write;
pub(crate) mod rate_limits;
#[cfg(feature = "tools")]
pub(crate) mod rate_limits_write;
mod read;
mod schema;
pub(crate) mod scopes;
#[cfg(feature = "tools")]
pub(crate) mod scopes_write;
pub(crate) mod tree;
#[cfg(feature = "tools")]
mod write;

/// The schema version this generator reads and writes (`schema: 1`).
pub const SCHEMA_VERSION: u32 = 1;

pub(crate) use read::parse;
#[cfg(feature = "tools")]
pub(crate) use write::write;
