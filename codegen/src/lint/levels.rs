//! The levels a run reports lints at: set by name (a lint, a group, or
//! `warnings`) from [`Config::lint`](crate::Config::lint) or `-A`/`-W`/`-D`.

use std::fmt;

use super::{ALL, GROUPS, Lint, find, find_group};
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

/// The name that sets every lint at once, as rustc's `-D warnings`.
pub const ALL_LINTS_GROUP: &str = "warnings";

/// Whether `name` is a lint, a lint group or `warnings`: what `-A`, `-W`
/// and `-D` take. The error lists every name, for a usage message.
pub fn check_name(name: &str) -> Result<(), String> {
    if name == ALL_LINTS_GROUP || find(name).is_some() || find_group(name).is_some() {
        return Ok(());
    }
    Err(format!("unknown lint `{name}`; {}", known_names()))
}

/// Every name a level can be set for, as one sentence.
fn known_names() -> String {
    let list = |names: &mut dyn Iterator<Item = &str>| {
        names
            .map(|name| format!("`{name}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "the lints are {}; the groups {}; and `{ALL_LINTS_GROUP}` for all of them",
        list(&mut ALL.iter().map(|lint| lint.name)),
        list(&mut GROUPS.iter().map(|group| group.name)),
    )
}

/// The levels set for a run, by name: a lint, a group, or [`ALL_LINTS_GROUP`]
/// (`warnings`). The most specific setting wins: a lint's own, then its
/// groups' (the latest set, if two hold it), then `warnings`'. `deny` on
/// `warnings` also turns every lint still at warn into an error, as
/// `-D warnings` does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Levels {
    /// In the order set; setting a name again moves it to the end.
    set: Vec<(String, Level)>,
    /// The upstream report: every lint at warn, whatever is set.
    report_all: bool,
}

/// Which setting decided a lint's level, for the note that says so.
enum Decided<'a> {
    ReportAll,
    Own,
    Group(&'a str),
    Warnings,
    Default,
}

impl Levels {
    /// Every lint at warn: the `lints` report lists every defect.
    #[cfg(feature = "tools")]
    pub(crate) fn report_all() -> Levels {
        Levels {
            set: Vec::new(),
            report_all: true,
        }
    }

    /// Sets the level of `name`, a lint, a group or `warnings`; a later
    /// setting for the same name wins.
    pub fn set(&mut self, name: impl Into<String>, level: Level) {
        let name = name.into();
        self.set.retain(|(set, _)| *set != name);
        self.set.push((name, level));
    }

    /// The level `lint` is reported at.
    pub fn level_of(&self, lint: &Lint) -> Level {
        self.decide(lint).0
    }

    fn decide(&self, lint: &Lint) -> (Level, Decided<'_>) {
        if self.report_all {
            return (Level::Warn, Decided::ReportAll);
        }
        let setting = |name: &str| {
            self.set
                .iter()
                .find(|(set, _)| set == name)
                .map(|&(_, level)| level)
        };
        let in_group = |set: &str| lint.groups.iter().any(|group| group.name == set);
        let warnings = setting(ALL_LINTS_GROUP);
        let (level, decided) = if let Some(level) = setting(lint.name) {
            (level, Decided::Own)
        } else if let Some((group, level)) = self.set.iter().rev().find(|(set, _)| in_group(set)) {
            (*level, Decided::Group(group))
        } else if let Some(level) = warnings {
            (level, Decided::Warnings)
        } else {
            (lint.default_level, Decided::Default)
        };
        match (warnings, level) {
            (Some(Level::Deny), Level::Warn) => (Level::Deny, Decided::Warnings),
            _ => (level, decided),
        }
    }

    /// Names set that are no lint or group: a typo in a `Config` is the
    /// user's to fix.
    pub(crate) fn check(&self) -> Result<(), Error> {
        let unknown: Vec<Diagnostic> = self
            .set
            .iter()
            .filter(|(name, _)| check_name(name).is_err())
            .map(|(name, _)| {
                Diagnostic::error(0..0, format!("unknown lint `{name}`")).help(known_names())
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

    /// The level of `lint`, and the note that says why, as rustc's
    /// ``#[warn(unused)]` on by default`.
    pub(super) fn level_and_why(&self, lint: &Lint) -> (Level, String) {
        let name = lint.name;
        let (level, decided) = self.decide(lint);
        let why = match decided {
            Decided::ReportAll => format!(
                "`{name}` is {} by default; this report lists every docs defect, whatever its level",
                lint.default_level
            ),
            Decided::Own => format!("`{name}` is set to {level}"),
            Decided::Group(group) => {
                format!("`{group}`, a group holding `{name}`, is set to {level}")
            }
            Decided::Warnings => format!("`{ALL_LINTS_GROUP}` is set to {level}"),
            Decided::Default => format!(
                "`{name}` is {level} by default; set it with `--allow`/`--deny {name}` or `Config::lint(\"{name}\", Level::Deny)`"
            ),
        };
        (level, why)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{
        DUPLICATE_ROUTE, ENTITY_PAGES, INVALID_EXAMPLE_JSON, METHOD_PAGES, UNRESOLVED_ENTITY,
    };
    use super::*;

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

    /// Own, then group (the latest of two), then `warnings`; `-D warnings`
    /// still denies what a group leaves at warn.
    #[test]
    fn a_group_sits_between_a_lint_and_warnings() {
        let mut levels = Levels::default();
        levels.set(ALL_LINTS_GROUP, Level::Allow);
        levels.set(METHOD_PAGES.name, Level::Deny);
        assert_eq!(levels.level_of(&DUPLICATE_ROUTE), Level::Deny);
        assert_eq!(levels.level_of(&UNRESOLVED_ENTITY), Level::Deny);
        levels.set(ENTITY_PAGES.name, Level::Warn);
        assert_eq!(levels.level_of(&UNRESOLVED_ENTITY), Level::Warn);
        assert_eq!(levels.level_of(&DUPLICATE_ROUTE), Level::Deny);
        levels.set(DUPLICATE_ROUTE.name, Level::Allow);
        assert_eq!(levels.level_of(&DUPLICATE_ROUTE), Level::Allow);
        let (_, why) = levels.level_and_why(&UNRESOLVED_ENTITY);
        assert_eq!(
            why,
            "`entity-pages`, a group holding `unresolved-entity`, is set to warn"
        );
        levels.set(ALL_LINTS_GROUP, Level::Deny);
        assert_eq!(levels.level_of(&UNRESOLVED_ENTITY), Level::Deny);
        assert_eq!(levels.level_of(&DUPLICATE_ROUTE), Level::Allow);
    }

    #[test]
    fn an_unknown_name_is_the_users_error() {
        let mut levels = Levels::default();
        levels.set(ENTITY_PAGES.name, Level::Deny);
        levels.set("invalid-exmaple-json", Level::Deny);
        let error = levels.check().unwrap_err().render();
        assert!(
            error.contains("unknown lint `invalid-exmaple-json`"),
            "{error}"
        );
        assert!(error.contains("`invalid-example-json`"), "{error}");
        assert!(error.contains("the groups `method-pages`"), "{error}");
        assert!(!error.contains("unknown lint `entity-pages`"), "{error}");
        assert_eq!(check_name("entity-pages"), Ok(()));
        assert_eq!(check_name(ALL_LINTS_GROUP), Ok(()));
        assert!(check_name("entity-page").is_err());
    }
}
