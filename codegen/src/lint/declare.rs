//! What a lint and a lint group are, and `declare_lints!`, which builds them
//! from one declaration each, as rustc_lint_defs' `declare_lint!` does.

use super::{ALL, GROUPS, Level};

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
    /// The groups that hold it: each kind of page it can fire on.
    pub groups: &'static [&'static LintGroup],
}

/// Lints set together by one name, as rustc's `unused`: `--deny entity-pages`.
#[derive(Debug, PartialEq, Eq)]
pub struct LintGroup {
    /// Kebab-case, in the same namespace as the lints' names.
    pub name: &'static str,
    /// What its lints have in common.
    pub summary: &'static str,
}

impl LintGroup {
    /// Its lints, in the order of [`ALL`].
    pub fn lints(&'static self) -> impl Iterator<Item = &'static Lint> {
        ALL.iter()
            .copied()
            .filter(move |lint| lint.groups.iter().any(|group| std::ptr::eq(*group, self)))
    }
}

/// The lint named `name`.
pub fn find(name: &str) -> Option<&'static Lint> {
    ALL.iter().copied().find(|lint| lint.name == name)
}

/// The group named `name` (`warnings` is no group: it sets every lint).
pub fn find_group(name: &str) -> Option<&'static LintGroup> {
    GROUPS.iter().copied().find(|group| group.name == name)
}

/// `INVALID_FRONT_MATTER` → `invalid-front-matter`, while compiling: a name
/// cannot drift from its identifier, and two lints (or a lint and a group)
/// cannot share a name, since two statics cannot share an identifier.
pub(super) const fn kebab_case<const N: usize>(identifier: &str) -> [u8; N] {
    let bytes = identifier.as_bytes();
    assert!(bytes.len() == N);
    let mut out = [0u8; N];
    let mut i = 0;
    while i < N {
        let at_edge = i == 0 || i == N - 1 || bytes[i - 1] == b'_';
        out[i] = match bytes[i] {
            b'A'..=b'Z' => bytes[i].to_ascii_lowercase(),
            b'_' if !at_edge => b'-',
            _ => panic!("a lint's identifier is SCREAMING_SNAKE_CASE words of A-Z"),
        };
        i += 1;
    }
    out
}

/// The kebab-case name of the static `$id`, as a `&'static str` constant.
macro_rules! kebab_name {
    ($id:ident) => {{
        const NAME: [u8; stringify!($id).len()] =
            $crate::lint::declare::kebab_case(stringify!($id));
        match ::std::str::from_utf8(&NAME) {
            Ok(name) => name,
            Err(_) => panic!("kebab_case writes ASCII"),
        }
    }};
}

/// Every group, then every lint, once: builds a static for each (its name
/// derived from its identifier, its rustdoc from its text), [`ALL`] in the
/// order declared, and `GROUPS`.
macro_rules! declare_lints {
    (
        groups {
            $( $group:ident: $summary:literal; )*
        }
        lints {
            $(
                $lint:ident {
                    level: $level:ident,
                    groups: [$($in:ident),+ $(,)?],
                    defect: $defect:literal,
                    action: $action:literal $(,)?
                }
            )*
        }
    ) => {
        $(
            #[doc = concat!("Lint group: ", $summary, ".")]
            pub static $group: $crate::lint::LintGroup = $crate::lint::LintGroup {
                name: kebab_name!($group),
                summary: $summary,
            };
        )*

        $(
            #[doc = concat!("Docs defect: ", $defect, ".")]
            #[doc = ""]
            #[doc = concat!("The generator ", $action, ".")]
            pub static $lint: $crate::lint::Lint = $crate::lint::Lint {
                name: kebab_name!($lint),
                default_level: $crate::lint::Level::$level,
                defect: $defect,
                action: $action,
                groups: &[$(&$in),+],
            };
        )*

        /// Every lint, in the order of the docs table.
        pub static ALL: [&$crate::lint::Lint; [$(stringify!($lint)),*].len()] = [$(&$lint),*];

        /// Every lint group, in the order of the docs.
        pub static GROUPS: [&$crate::lint::LintGroup; [$(stringify!($group)),*].len()] =
            [$(&$group),*];
    };
}
