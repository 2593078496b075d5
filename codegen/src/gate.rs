//! What the emitters are told beside the facts, shared by `Config`, the
//! loaders and the emitters without any of them depending on another: how
//! generated code is gated, and what names each input in a header.

use crate::hash::spec_blob_id;
use crate::source::Source;

/// How the module gates code that needs another crate: serde's derives and
/// JSON parsing ([`Config::serde`](crate::Config::serde)), or the http crate's types ([`Config::http`](crate::Config::http)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gate {
    /// Behind `#[cfg(feature = "<name>")]` (or `cfg_attr`).
    ///
    /// The crate that compiles the module must declare that feature (or tell
    /// cargo it is expected), or rustc warns about an unexpected `cfg`.
    Feature(String),
    /// Always compiled; the including crate must depend on what it needs.
    Always,
    /// Left out: the module depends on nothing but `std`.
    Never,
}

/// How the module gets serde support: the entity's derives, and parsing a
/// response body as JSON, which needs serde_json as well.
/// Default: `Gate::Feature("serde")`.
pub type Serde = Gate;

/// How the module gets the http crate's types (`http::StatusCode`,
/// `http::Method`, `http::Request`). Default: `Gate::Feature("http")`.
pub type Http = Gate;

/// Names an input in the header: a YAML copy or a page by its blob id, a
/// folder of pages by its git tree id.
#[derive(Debug, Clone)]
pub(crate) struct InputOrigin {
    pub name: String,
    pub identity: String,
}

impl InputOrigin {
    /// A YAML copy, by its blob id: the same on every machine.
    pub(crate) fn copy(source: &Source) -> InputOrigin {
        InputOrigin {
            name: source.name().to_owned(),
            identity: format!(
                "blob {} (`git hash-object {}`)",
                spec_blob_id(source),
                source.name()
            ),
        }
    }
}
