//! The OAuth scopes page (`content/en/api/oauth-scopes.md`) as facts: every
//! documented scope, the granular scopes each high-level scope grants, and
//! the versions its version history gives.

use std::ops::Range;

use super::LintRecord;
use super::methods::Lifecycle;

/// What the page says about scopes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ScopePage {
    /// Every documented scope, in the order the page first names it.
    pub scopes: Vec<ScopeDef>,
    /// The docs defects the page's reader found, which its copy records.
    pub lints: Vec<LintRecord>,
}

/// One documented scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeDef {
    /// As a token names it: `read`, `read:accounts`, `admin:write:reports`.
    pub name: String,
    /// The scopes that requesting this one also grants, in page order:
    /// `read` grants `read:accounts`, …; empty for a granular scope.
    pub grants: Vec<String>,
    /// The version that added it, from the version history.
    pub added_in: Option<String>,
    pub lifecycle: Lifecycle,
    /// The version that deprecated or removed it, when the history says.
    pub lifecycle_since: Option<String>,
    /// Where the page first names it.
    pub span: Range<usize>,
}

impl ScopePage {
    pub fn scope(&self, name: &str) -> Option<&ScopeDef> {
        self.scopes.iter().find(|scope| scope.name == name)
    }

    /// The same facts with every span emptied, to compare a page with its copy.
    pub fn without_spans(&self) -> ScopePage {
        let mut page = self.clone();
        for scope in &mut page.scopes {
            scope.span = 0..0;
        }
        for record in &mut page.lints {
            record.span = 0..0;
        }
        page
    }
}

/// Whether `text` is a version as the scopes page's history writes one:
/// numbers joined by dots, `2.4.3`.
pub fn is_version(text: &str) -> bool {
    let parts: Vec<&str> = text.split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether `text` is shaped like a scope name: lowercase words joined by
/// `:`, as in `read`, `admin:read:ip_blocks`.
pub fn is_scope_name(text: &str) -> bool {
    !text.is_empty()
        && text.split(':').all(|word| {
            !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
        })
}

/// The scopes as the generated module has them: every scope with its Rust
/// variant, and for each endpoint the scopes its `**OAuth:**` line names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedScopes {
    /// The scopes page on the docs site; `None` when no scopes page was
    /// given and the scopes are only the names the method pages use.
    pub docs_url: Option<String>,
    /// Each scope with its variant name, in page order.
    pub scopes: Vec<(ScopeDef, String)>,
    /// By endpoint variant: the defined scopes its line names (as variants)
    /// and the names the page does not define.
    pub endpoints: Vec<EndpointScopes>,
}

impl ResolvedScopes {
    /// What requesting `name` grants, transitively and without `name`
    /// itself, its own grants first: a copy may nest grants, or loop.
    pub fn granted_by(&self, name: &str) -> Vec<String> {
        let mut closure: Vec<String> = Vec::new();
        let mut next = vec![name.to_owned()];
        while let Some(current) = next.pop() {
            let Some((def, _)) = self.scopes.iter().find(|(def, _)| def.name == current) else {
                continue;
            };
            for child in &def.grants {
                if child != name && !closure.contains(child) {
                    closure.push(child.clone());
                    next.push(child.clone());
                }
            }
        }
        closure
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EndpointScopes {
    pub endpoint: String,
    pub scopes: Vec<String>,
    pub undefined: Vec<String>,
}
