//! The YAML copies' shared part: the tree with spans, the schema's
//! messages, and what every copy's reader and writer share. Each page
//! kind's reader and writer are in its folder under [`crate::pages`];
//! spec/README.md documents the schema.

pub(crate) mod document;
#[cfg(feature = "tools")]
pub(crate) mod document_write;
pub(crate) mod tree;

/// The schema version this generator reads and writes (`schema: 1`).
pub const SCHEMA_VERSION: u32 = 1;
