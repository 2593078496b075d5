//! The check stage: what was read, resolved across the pages. Names and
//! types of the Error page; one catalogue of reasons over the Error page and
//! the method pages; one named, routable endpoint per method; each scope,
//! rate limit and returned entity resolved against the endpoints; the entity
//! examples read against their tables. Every problem is located.

pub(crate) mod catalogue;
pub(crate) mod endpoints;
#[cfg(feature = "entities")]
pub(crate) mod entities;
pub(crate) mod naming;
pub(crate) mod rate_limits;
pub(crate) mod routing;
pub(crate) mod scopes;
pub mod validate;
