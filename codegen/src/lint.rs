//! Lints: defects in the docs' own pages, which the user cannot fix.
//!
//! What the user writes (a YAML copy, a rename, a [`Config`](crate::Config))
//! fails with an error. A defect upstream is a lint, as in rustc and clippy:
//! a stable name, a level (allow, warn or deny; warn by default), a location,
//! and what the generator did about it: the fact it recovered, or the
//! smallest part it left out. Nothing is invented and nothing is dropped
//! without a lint saying so.
//!
//! [`ALL`] lists every lint; `docs/lints.md` is the
//! same table, and a test keeps the two equal.

use std::collections::BTreeMap;
use std::fmt;

use crate::diagnostic::{Diagnostic, Error};
use crate::source::Source;

/// How a lint is reported, as rustc's `-A`, `-W` and `-D`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Not reported. The YAML copy still records that it fired.
    Allow,
    /// Reported; generation goes on (cargo's `warning:` in a build script).
    Warn,
    /// Generation fails with the lint as an error, at the same location.
    Deny,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Deny => "deny",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One kind of docs defect.
#[derive(Debug, PartialEq, Eq)]
pub struct Lint {
    /// Stable, kebab-case: what `--deny` and [`Config::lint`](crate::Config::lint) take.
    pub name: &'static str,
    pub default_level: Level,
    /// What is wrong in the page.
    pub defect: &'static str,
    /// What the generator does about it.
    pub action: &'static str,
}

/// The name that sets every lint at once, as rustc's `-D warnings`.
pub const ALL_LINTS_GROUP: &str = "warnings";

pub static INVALID_FRONT_MATTER: Lint = Lint {
    name: "invalid-front-matter",
    default_level: Level::Warn,
    defect: "a method page's front matter is not valid YAML, or has no `title`",
    action: "reads the page's methods, and leaves its title (which only the YAML copy shows) empty",
};

pub static INVALID_EXAMPLE_JSON: Lint = Lint {
    name: "invalid-example-json",
    default_level: Level::Warn,
    defect: "a JSON example of an error response is not valid JSON",
    action: "reads the example's top-level `\"error\"` (and `\"error_description\"`) string if it is intact, and says so; otherwise leaves out that one example",
};

pub static MALFORMED_ERROR_EXAMPLE: Lint = Lint {
    name: "malformed-error-example",
    default_level: Level::Warn,
    defect: "an error example's `error` or `error_description` is not a string",
    action: "leaves out that one example",
};

pub static METHOD_WITHOUT_REQUEST: Lint = Lint {
    name: "method-without-request",
    default_level: Level::Warn,
    defect: "a section has an `**OAuth:**` line, as only a method has, but no ```` ```http ```` request block",
    action: "leaves out that method: there is no request to route",
};

pub static INVALID_REQUEST_LINE: Lint = Lint {
    name: "invalid-request-line",
    default_level: Level::Warn,
    defect: "a section's first ```` ```http ```` block does not start with `METHOD /path`",
    action: "leaves out that method",
};

pub static MISSING_OAUTH: Lint = Lint {
    name: "missing-oauth",
    default_level: Level::Warn,
    defect: "a method has no `**OAuth:**` line",
    action: "keeps the method with no documented kind of token and no scopes",
};

pub static OAUTH_WITHOUT_TOKEN_KIND: Lint = Lint {
    name: "oauth-without-token-kind",
    default_level: Level::Warn,
    defect: "an `**OAuth:**` line names no kind of token (public, app token, user token)",
    action: "keeps the method and the scopes the line names, with no kind of token",
};

pub static UNKNOWN_HEADING_MARKER: Lint = Lint {
    name: "unknown-heading-marker",
    default_level: Level::Warn,
    defect: "a method heading has a shortcode other than `{{%deprecated%}}` or `{{%removed%}}`",
    action: "ignores that marker; the method keeps the lifecycle its known markers give",
};

pub static RETURNS_CONTRADICTS_EXAMPLE: Lint = Lint {
    name: "returns-contradicts-example",
    default_level: Level::Warn,
    defect: "a method's `**Returns:**` line names an entity, but every 200 response example it documents is exactly `{}`",
    action: "reads what the method returns as an empty body, as the example shows (`Endpoint::returns()` says empty), and leaves out the entity the line names",
};

pub static DUPLICATE_ANCHOR: Lint = Lint {
    name: "duplicate-anchor",
    default_level: Level::Warn,
    defect: "two methods on one page have the same `{#anchor}`, which names them",
    action: "names the later one by its heading, as a section without an anchor is named; a name collision after that is still an error",
};

pub static DUPLICATE_ROUTE: Lint = Lint {
    name: "duplicate-route",
    default_level: Level::Warn,
    defect: "two methods have the same HTTP method and the same path up to parameter names",
    action: "keeps the first in page order and leaves out the later one: no request could reach it",
};

pub static EMPTY_PATH_SEGMENT: Lint = Lint {
    name: "empty-path-segment",
    default_level: Level::Warn,
    defect: "a method's path has an empty segment (`//`, a trailing `/`, or a bare `:`)",
    action: "leaves out that method: the router cannot match it",
};

pub static UNREADABLE_RATE_LIMIT: Lint = Lint {
    name: "unreadable-rate-limit",
    default_level: Level::Warn,
    defect: "the rate-limits page has a limit the generator cannot read: a paragraph under `## Limits` that is not one of the page's sentences (`` `POST /api/v1/media` can be called 30 times within 30 minutes. ``), one under a heading other than `### Per account` or `### Per IP`, or one naming a call no method page documents; or the page lacks one of its three headers",
    action: "leaves out a limit it cannot read; keeps a call no method page documents only as text in `RateLimit::requests`; without the three headers, generates no `RateLimitStatus`. The warning says which",
};

pub static UNREADABLE_SCOPE_TABLE: Lint = Lint {
    name: "unreadable-scope-table",
    default_level: Level::Warn,
    defect: "the OAuth scopes page has a table or list of scopes the generator cannot read: a table whose header row neither names a scope in each column nor is headed `Scope` and `Granular Scopes`, a granular scope with no scope above it, a scope listed under itself, or a list item that names scopes among other words",
    action: "leaves out what that table, row or item says about the hierarchy; the scopes named elsewhere are still defined",
};

pub static CONFLICTING_SCOPE_GRANTS: Lint = Lint {
    name: "conflicting-scope-grants",
    default_level: Level::Warn,
    defect: "the OAuth scopes page lists different granular scopes under the same scope in two places (a table and a list)",
    action: "takes the union: the scope grants every granular scope either place lists",
};

pub static UNREADABLE_SCOPE_HISTORY: Lint = Lint {
    name: "unreadable-scope-history",
    default_level: Level::Warn,
    defect: "an entry of the OAuth scopes page's version history names no scope and no group of scopes the generator reads, says neither Added, Deprecated nor Removed while being more than scope names, is nested, or names a scope the page does not define",
    action: "leaves the entry out; a name one plural `s` away from exactly one defined scope is read as that scope, and the warning says so",
};

pub static UNDEFINED_SCOPE: Lint = Lint {
    name: "undefined-scope",
    default_level: Level::Warn,
    defect: "a method's `**OAuth:**` line names a scope that the OAuth scopes page does not define",
    action: "keeps the name in `Authorization::undefined_scopes`, out of `Endpoint::scopes()`; a token cannot meet it, so `ScopeSet::permits` says no unless the line offers a defined alternative",
};

pub static UNREADABLE_ENTITY_ATTRIBUTE: Lint = Lint {
    name: "unreadable-entity-attribute",
    default_level: Level::Warn,
    defect: "an entity page has an attribute heading that is not a name in backticks, an unknown marker on one, or a field other than Description, Type and Version history",
    action: "leaves out that heading or field; the entity keeps its other attributes",
};

pub static MALFORMED_ATTRIBUTE_HEADING: Lint = Lint {
    name: "malformed-attribute-heading",
    default_level: Level::Warn,
    defect: "an entity page's attribute heading is malformed but its name is intact: the name's backtick is not closed, or its anchor is written `(#anchor)` instead of `{#anchor}`",
    action: "reads the attribute (its name, the anchor when the heading gives one, and its fields), and says what it read",
};

pub static UNKNOWN_ATTRIBUTE_TYPE: Lint = Lint {
    name: "unknown-attribute-type",
    default_level: Level::Warn,
    defect: "an entity attribute's `**Type:**` line is missing, or is a spelling the generator does not read (see docs/entities.md)",
    action: "types the field as the raw JSON value (`Json`), never a guess; a YAML copy can give it a type",
};

pub static UNRESOLVED_ENTITY: Lint = Lint {
    name: "unresolved-entity",
    default_level: Level::Warn,
    defect: "an attribute's type, or a method's `**Returns:**` line, links an entity that no entity page defines",
    action: "types the attribute as the raw JSON value; leaves the entity out of `Endpoint::returns()`",
};

pub static INVALID_ENTITY_EXAMPLE: Lint = Lint {
    name: "invalid-entity-example",
    default_level: Level::Warn,
    defect: "a JSON example on an entity page is not valid JSON, even with its `// ...` elision lines removed",
    action: "leaves that example out of the checks; the types come from the attribute tables",
};

pub static EXAMPLE_CONTRADICTS_TABLE: Lint = Lint {
    name: "example-contradicts-table",
    default_level: Level::Warn,
    defect: "an entity page's JSON example disagrees with the page's attribute table: a required attribute missing, `null` where the table does not say nullable, a value of another type, or a key the table does not document",
    action: "the type follows the table, never the example; the lint says which key, and the example test lists it as a known contradiction",
};

/// Every lint, in the order of the docs table.
pub static ALL: [&Lint; 23] = [
    &INVALID_FRONT_MATTER,
    &INVALID_EXAMPLE_JSON,
    &MALFORMED_ERROR_EXAMPLE,
    &METHOD_WITHOUT_REQUEST,
    &INVALID_REQUEST_LINE,
    &MISSING_OAUTH,
    &OAUTH_WITHOUT_TOKEN_KIND,
    &UNKNOWN_HEADING_MARKER,
    &RETURNS_CONTRADICTS_EXAMPLE,
    &DUPLICATE_ANCHOR,
    &DUPLICATE_ROUTE,
    &EMPTY_PATH_SEGMENT,
    &UNREADABLE_RATE_LIMIT,
    &UNREADABLE_SCOPE_TABLE,
    &CONFLICTING_SCOPE_GRANTS,
    &UNREADABLE_SCOPE_HISTORY,
    &UNDEFINED_SCOPE,
    &UNREADABLE_ENTITY_ATTRIBUTE,
    &MALFORMED_ATTRIBUTE_HEADING,
    &UNKNOWN_ATTRIBUTE_TYPE,
    &UNRESOLVED_ENTITY,
    &INVALID_ENTITY_EXAMPLE,
    &EXAMPLE_CONTRADICTS_TABLE,
];

/// The lint named `name`.
pub fn find(name: &str) -> Option<&'static Lint> {
    ALL.iter().copied().find(|lint| lint.name == name)
}

/// The levels set for a run: by lint name, or for all at once with
/// [`ALL_LINTS_GROUP`] (`warnings`). A lint's own setting wins over the
/// group's; `deny` on the group turns every lint still at warn into an error,
/// as `-D warnings` does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Levels {
    set: BTreeMap<String, Level>,
    /// The upstream report: every lint at warn, whatever is set.
    report_all: bool,
}

impl Levels {
    /// Every lint at warn: the `lints` report lists every defect.
    #[cfg(feature = "tools")]
    pub(crate) fn report_all() -> Levels {
        Levels {
            set: BTreeMap::new(),
            report_all: true,
        }
    }

    /// Sets `name`'s level; a later setting for the same name wins.
    pub fn set(&mut self, name: impl Into<String>, level: Level) {
        self.set.insert(name.into(), level);
    }

    /// The level `lint` is reported at.
    pub fn level_of(&self, lint: &Lint) -> Level {
        if self.report_all {
            return Level::Warn;
        }
        let own = self.set.get(lint.name).copied();
        let level = own.unwrap_or(lint.default_level);
        match self.set.get(ALL_LINTS_GROUP) {
            Some(&group) if own.is_none() => group,
            Some(Level::Deny) if level == Level::Warn => Level::Deny,
            _ => level,
        }
    }

    /// Names set that are no lint: a typo in a `Config` is the user's to fix.
    pub(crate) fn check(&self) -> Result<(), Error> {
        let unknown: Vec<Diagnostic> = self
            .set
            .keys()
            .filter(|name| *name != ALL_LINTS_GROUP && find(name).is_none())
            .map(|name| {
                Diagnostic::error(0..0, format!("unknown lint `{name}`")).help(format!(
                    "the lints are {}, and `{ALL_LINTS_GROUP}` for all of them",
                    ALL.iter()
                        .map(|lint| format!("`{}`", lint.name))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })
            .collect();
        if unknown.is_empty() {
            return Ok(());
        }
        Err(Error::new(
            Source::new("the generator's lint levels (Config::lint)", String::new()),
            unknown,
        ))
    }

    /// The notes that say why a lint is at its level, as rustc's
    /// ``#[warn(unused)]` on by default`.
    fn why(&self, lint: &Lint, level: Level) -> String {
        let name = lint.name;
        if self.report_all {
            return format!(
                "`{name}` is {} by default; this report lists every docs defect, whatever its level",
                lint.default_level
            );
        }
        match (self.set.get(name), self.set.get(ALL_LINTS_GROUP)) {
            (Some(_), _) => format!("`{name}` is set to {level}"),
            (None, Some(_)) => format!("`{ALL_LINTS_GROUP}` is set to {level}"),
            (None, None) => format!(
                "`{name}` is {level} by default; set it with `--allow`/`--deny {name}` or `Config::lint(\"{name}\", Level::Deny)`"
            ),
        }
    }
}

/// A lint that fired: where, what is wrong, and what the generator did.
#[derive(Debug, Clone)]
pub struct Fired {
    lint: &'static Lint,
    source: Source,
    diagnostic: Diagnostic,
}

impl Fired {
    pub fn lint(&self) -> &'static Lint {
        self.lint
    }

    /// Warn: [`Lints`] holds the lints reported as warnings.
    pub fn level(&self) -> Level {
        Level::Warn
    }

    /// `file:line:col`.
    pub fn location(&self) -> String {
        crate::diagnostic::location(&self.source, &self.diagnostic)
    }

    /// What is wrong, in one line.
    pub fn message(&self) -> &str {
        self.diagnostic.message()
    }

    /// What the generator recovered or left out.
    pub fn outcome(&self) -> &str {
        self.diagnostic.notes().first().map_or("", String::as_str)
    }
}

/// The lints that fired at warn level in one run, in the order found.
#[derive(Debug, Clone, Default)]
pub struct Lints {
    fired: Vec<Fired>,
}

impl Lints {
    pub fn is_empty(&self) -> bool {
        self.fired.is_empty()
    }

    pub fn len(&self) -> usize {
        self.fired.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Fired> {
        self.fired.iter()
    }

    /// Each warning as rustc renders one: `file:line:col: warning: …`, the
    /// snippet, and notes saying what was done and why it is a warning.
    pub fn render(&self) -> String {
        self.render_with(false)
    }

    /// Like [`Lints::render`], with terminal colours.
    pub fn render_styled(&self) -> String {
        self.render_with(true)
    }

    fn render_with(&self, styled: bool) -> String {
        let mut out = String::new();
        for fired in &self.fired {
            out.push_str(&crate::diagnostic::render_diagnostic(
                &fired.source,
                &fired.diagnostic,
                styled,
            ));
            out.push('\n');
        }
        if self.fired.len() > 1 {
            out.push_str(&format!("warning: {} docs defects\n", self.fired.len()));
        }
        out
    }

    /// One line per warning for a build script's `cargo::warning=`, which
    /// takes no line breaks.
    pub fn cargo_warnings(&self) -> Vec<String> {
        self.fired
            .iter()
            .map(|fired| {
                format!(
                    "{}: {} [{}]: {}",
                    fired.location(),
                    fired.message(),
                    fired.lint.name,
                    fired.outcome()
                )
            })
            .collect()
    }
}

/// The `lints` command's Markdown: one table row per defect, located in the
/// docs repository (`content/en/methods/…`) when `methods` is the folder the
/// pages were read from, ready for an upstream issue.
pub fn markdown_report(lints: &Lints, methods: &str) -> String {
    let folder = format!("{}/", methods.trim_end_matches('/'));
    let cell = |text: &str| text.replace('|', "\\|");
    let mut out = format!("### Docs defects in the method pages ({})\n\n", lints.len());
    if lints.is_empty() {
        out.push_str("None found.\n");
        return out;
    }
    out.push_str("| Where | Lint | Defect | What the generator did |\n|---|---|---|---|\n");
    for fired in lints.iter() {
        let location = fired.location();
        let location = match location.strip_prefix(&folder) {
            Some(in_folder) => format!("content/en/methods/{in_folder}"),
            None => location,
        };
        out.push_str(&format!(
            "| `{}` | `{}` | {} | {} |\n",
            location,
            fired.lint.name,
            cell(fired.message()),
            cell(fired.outcome())
        ));
    }
    out
}

/// A lint found in a page, before levels apply.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub lint: &'static Lint,
    pub source: Source,
    pub diagnostic: Diagnostic,
}

#[cfg(any(
    feature = "markdown-methods",
    feature = "markdown-api-pages",
    feature = "entities"
))]
impl Found {
    /// The record a YAML copy keeps of it, located at `docs_path` (the
    /// page's path in the docs: `statuses.md`, `entities/Status.md`).
    pub(crate) fn record(&self, docs_path: &str) -> crate::model::methods::LintRecord {
        let (line, col) = self.source.line_col(self.diagnostic.span().start);
        crate::model::methods::LintRecord {
            lint: self.lint.name.to_owned(),
            at: format!("{docs_path}:{line}:{col}"),
            message: self.diagnostic.message().to_owned(),
            outcome: self.diagnostic.notes().first().cloned().unwrap_or_default(),
            span: self.diagnostic.span(),
        }
    }
}

/// Applies the levels: allowed lints go, warned ones are returned, and any
/// denied one fails the run with every denied lint as an error.
pub(crate) fn apply(levels: &Levels, found: Vec<Found>) -> Result<Lints, Error> {
    levels.check()?;
    let mut warned = Vec::new();
    let mut denied = Vec::new();
    for Found {
        lint,
        source,
        diagnostic,
    } in found
    {
        let level = levels.level_of(lint);
        let diagnostic = diagnostic.at_level(lint, level, levels.why(lint, level));
        match level {
            Level::Allow => {}
            Level::Warn => warned.push(Fired {
                lint,
                source,
                diagnostic,
            }),
            Level::Deny => denied.push(Error::single(source, diagnostic)),
        }
    }
    match Error::combine(denied) {
        Some(error) => Err(error),
        None => Ok(Lints { fired: warned }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_kebab_case_and_found() {
        for (index, lint) in ALL.iter().enumerate() {
            assert!(
                lint.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                lint.name
            );
            assert_eq!(find(lint.name), Some(*lint));
            assert!(ALL[..index].iter().all(|other| other.name != lint.name));
        }
        assert_eq!(find("no-such-lint"), None);
    }

    #[test]
    fn a_lints_own_level_wins_over_the_group() {
        let mut levels = Levels::default();
        assert_eq!(levels.level_of(&INVALID_EXAMPLE_JSON), Level::Warn);
        levels.set(ALL_LINTS_GROUP, Level::Deny);
        assert_eq!(levels.level_of(&INVALID_EXAMPLE_JSON), Level::Deny);
        levels.set(INVALID_EXAMPLE_JSON.name, Level::Allow);
        assert_eq!(levels.level_of(&INVALID_EXAMPLE_JSON), Level::Allow);
        assert_eq!(levels.level_of(&DUPLICATE_ROUTE), Level::Deny);
        levels.set(ALL_LINTS_GROUP, Level::Allow);
        assert_eq!(levels.level_of(&DUPLICATE_ROUTE), Level::Allow);
    }

    #[test]
    fn an_unknown_name_is_the_users_error() {
        let mut levels = Levels::default();
        levels.set("invalid-exmaple-json", Level::Deny);
        let error = levels.check().unwrap_err().render();
        assert!(
            error.contains("unknown lint `invalid-exmaple-json`"),
            "{error}"
        );
        assert!(error.contains("`invalid-example-json`"), "{error}");
    }
}
