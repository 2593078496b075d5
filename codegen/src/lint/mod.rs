//! Lints: defects in the docs' own pages, which the user cannot fix.
//!
//! What the user writes (a YAML copy, a rename, a [`Config`](crate::Config))
//! fails with an error. A defect upstream is a lint, as in rustc and clippy:
//! a stable name, a level (allow, warn or deny; warn by default), a location,
//! and what the generator did about it: the fact it recovered, or the
//! smallest part it left out. Nothing is invented and nothing is dropped
//! without a lint saying so.
//!
//! Each lint and group is declared once, in `declarations.rs`; [`ALL`],
//! [`GROUPS`] and `docs/lints.md` ([`reference_markdown`]) come from there.

#[macro_use]
mod declare;
mod declarations;
mod levels;
mod reference;
mod report;

pub use declarations::*;
pub use declare::{Lint, LintGroup, find, find_group};
pub use levels::{ALL_LINTS_GROUP, Level, Levels, check_name};
pub use reference::reference_markdown;
pub use report::{Fired, Lints, markdown_report};
pub(crate) use report::{Found, apply};

#[cfg(feature = "markdown-error")]
impl crate::sink::LintName for Lint {
    fn lint_name(&self) -> &'static str {
        self.name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names come from identifiers, so they are kebab-case and unique among
    /// lints and groups while compiling; this adds `warnings`, which is neither.
    #[test]
    fn names_are_unique_kebab_case_and_found() {
        let names: Vec<&str> = ALL
            .iter()
            .map(|lint| lint.name)
            .chain(GROUPS.iter().map(|group| group.name))
            .chain([ALL_LINTS_GROUP])
            .collect();
        for (index, name) in names.iter().enumerate() {
            assert!(
                name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{name}"
            );
            assert!(!names[..index].contains(name), "`{name}` is declared twice");
        }
        for lint in ALL {
            assert_eq!(find(lint.name), Some(lint));
        }
        assert_eq!(INVALID_FRONT_MATTER.name, "invalid-front-matter");
        assert_eq!(find_group("entity-pages"), Some(&ENTITY_PAGES));
        assert_eq!(find("no-such-lint"), None);
        assert_eq!(find("entity-pages"), None);
    }

    /// Every group holds a lint (the macro gives every lint a group).
    #[test]
    fn groups_hold_the_lints_that_name_them() {
        for group in GROUPS {
            assert!(group.lints().next().is_some(), "{}", group.name);
        }
        let entity_lints: Vec<&str> = ENTITY_PAGES.lints().map(|lint| lint.name).collect();
        assert!(
            entity_lints.contains(&"unresolved-entity"),
            "{entity_lints:?}"
        );
        assert!(
            !entity_lints.contains(&"duplicate-route"),
            "{entity_lints:?}"
        );
    }
}
