//! Rust names derived from the page: the naming rule, keyword safety, and
//! the checks that keep a name usable.
//!
//! The variant rule reads only the heading text (not the anchor: the oldest
//! pages have none), so a reason keeps its name across every page version.

use heck::{ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};

/// Why a heading gives no usable name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameProblem {
    /// Nothing alphanumeric (in ASCII) is left, e.g. `???` or `エラー`.
    Empty,
    StartsWithDigit(String),
    /// `Self`, the one UpperCamelCase keyword, which cannot be a raw identifier.
    Keyword(String),
    /// A configured name that is not UpperCamelCase, e.g. `SSLError`.
    NotUpperCamelCase {
        given: String,
        suggestion: String,
    },
}

impl NameProblem {
    pub fn describe(&self) -> String {
        match self {
            NameProblem::Empty => "has no ASCII letters or digits to build a name from".to_owned(),
            NameProblem::StartsWithDigit(name) => {
                format!("gives `{name}`, which starts with a digit")
            }
            NameProblem::Keyword(name) => format!("gives `{name}`, a Rust keyword"),
            NameProblem::NotUpperCamelCase { given, suggestion } => {
                format!("`{given}` is not UpperCamelCase (try `{suggestion}`)")
            }
        }
    }
}

/// The enum variant for a reason heading.
///
/// 1. A leading `!` (Ruby's "not") becomes the word `Not`.
/// 2. Every character that is not an ASCII letter or digit separates words.
/// 3. The words are joined in UpperCamelCase, acronyms included:
///    `SSLError` → `SslError`, `!current_user.confirmed?` → `NotCurrentUserConfirmed`.
pub fn variant_name(heading: &str) -> Result<String, NameProblem> {
    let heading = heading.trim();
    let words = match heading.strip_prefix('!') {
        Some(rest) => format!("Not {rest}"),
        None => heading.to_owned(),
    };
    let spaced: String = words
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    check_variant(upper_camel_case(&spaced))
}

/// Checks a configured variant name; it must already be UpperCamelCase.
pub fn checked_override(name: &str) -> Result<String, NameProblem> {
    let suggestion = variant_name(name)?;
    if suggestion != name {
        return Err(NameProblem::NotUpperCamelCase {
            given: name.to_owned(),
            suggestion,
        });
    }
    Ok(suggestion)
}

fn check_variant(name: String) -> Result<String, NameProblem> {
    if name.is_empty() {
        Err(NameProblem::Empty)
    } else if name.starts_with(|c: char| c.is_ascii_digit()) {
        Err(NameProblem::StartsWithDigit(name))
    } else if name == "Self" {
        Err(NameProblem::Keyword(name))
    } else {
        Ok(name)
    }
}

/// The stable string name of a variant: `SslError` → `ssl_error`.
pub fn stable_name(variant: &str) -> String {
    if variant.is_ascii() {
        joined(variant, "_", |word, out| {
            out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        })
    } else {
        variant.to_snake_case()
    }
}

/// The message constant of a variant: `RecordNotFound` → `RECORD_NOT_FOUND`.
pub fn const_name(variant: &str) -> String {
    if variant.is_ascii() {
        joined(variant, "_", |word, out| {
            out.extend(word.bytes().map(|b| char::from(b.to_ascii_uppercase())));
        })
    } else {
        variant.to_shouty_snake_case()
    }
}

/// `text` in UpperCamelCase, as heck writes it.
pub(crate) fn upper_camel_case(text: &str) -> String {
    if !text.is_ascii() {
        return text.to_upper_camel_case();
    }
    joined(text, "", |word, out| {
        let mut bytes = word.bytes();
        out.extend(bytes.next().map(|b| char::from(b.to_ascii_uppercase())));
        out.extend(bytes.map(|b| char::from(b.to_ascii_lowercase())));
    })
}

/// heck's words of ASCII `text`, each written by `word`, `separator`
/// between them: the same names as heck's, without its formatting machinery
/// per character (every method and reason is named on every run).
fn joined(text: &str, separator: &str, mut word: impl FnMut(&str, &mut String)) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut push = |text: &str| {
        if !out.is_empty() {
            out.push_str(separator);
        }
        word(text, &mut out);
    };
    #[derive(Clone, Copy, PartialEq)]
    enum Mode {
        Boundary,
        Lower,
        Upper,
    }
    for part in text.split(|c: char| !c.is_ascii_alphanumeric()) {
        let bytes = part.as_bytes();
        let (mut start, mut mode) = (0, Mode::Boundary);
        for (i, &c) in bytes.iter().enumerate() {
            let Some(&next) = bytes.get(i + 1) else {
                push(&part[start..]);
                break;
            };
            let next_mode = if c.is_ascii_lowercase() {
                Mode::Lower
            } else if c.is_ascii_uppercase() {
                Mode::Upper
            } else {
                mode
            };
            if next_mode == Mode::Lower && next.is_ascii_uppercase() {
                // `fooBar`: a word ends after the lowercase letter.
                push(&part[start..=i]);
                (start, mode) = (i + 1, Mode::Boundary);
            } else if mode == Mode::Upper && c.is_ascii_uppercase() && next.is_ascii_lowercase() {
                // `SSLError`: a word ends before the last capital.
                push(&part[start..i]);
                (start, mode) = (i, Mode::Boundary);
            } else {
                mode = next_mode;
            }
        }
    }
    out
}

/// How an attribute becomes a struct field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldName {
    /// The identifier as written in Rust, e.g. `error`, `r#type` or `crate_`.
    pub ident: String,
    /// Set when serde must be told the JSON name (`crate_` ← `crate`).
    pub json_rename: Option<String>,
}

/// Why an attribute name gives no field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldNameProblem;

/// A struct field for a JSON attribute name. Keywords become raw identifiers;
/// the four that cannot (`self`, `Self`, `super`, `crate`) get a `_` suffix.
pub fn field_name(attribute: &str) -> Result<FieldName, FieldNameProblem> {
    let valid = attribute.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
        && attribute
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && attribute != "_";
    if !valid {
        return Err(FieldNameProblem);
    }
    if matches!(attribute, "self" | "super" | "crate") {
        return Ok(FieldName {
            ident: format!("{attribute}_"),
            json_rename: Some(attribute.to_owned()),
        });
    }
    let ident = if KEYWORDS.contains(&attribute) {
        format!("r#{attribute}")
    } else {
        attribute.to_owned()
    };
    Ok(FieldName {
        ident,
        json_rename: None,
    })
}

/// Strict and reserved keywords of the 2024 edition, in lowercase.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_become_upper_camel_case_variants() {
        let cases = [
            ("RecordNotFound", "RecordNotFound"),
            ("SSLError", "SslError"),
            ("require_authenticated_user!", "RequireAuthenticatedUser"),
            ("current_user.disabled?", "CurrentUserDisabled"),
            ("!current_user.confirmed?", "NotCurrentUserConfirmed"),
            ("!current_user", "NotCurrentUser"),
            ("Too many requests", "TooManyRequests"),
        ];
        for (heading, variant) in cases {
            assert_eq!(variant_name(heading).as_deref(), Ok(variant), "{heading}");
        }
    }

    #[test]
    fn unusable_headings_are_refused() {
        assert_eq!(variant_name("???"), Err(NameProblem::Empty));
        assert_eq!(variant_name("エラー"), Err(NameProblem::Empty));
        assert!(matches!(
            variant_name("2fa"),
            Err(NameProblem::StartsWithDigit(_))
        ));
        assert!(matches!(variant_name("self"), Err(NameProblem::Keyword(_))));
    }

    #[test]
    fn overrides_must_already_be_upper_camel_case() {
        assert_eq!(
            checked_override("Unconfirmed").as_deref(),
            Ok("Unconfirmed")
        );
        assert!(matches!(
            checked_override("SSLError"),
            Err(NameProblem::NotUpperCamelCase { .. })
        ));
    }

    #[test]
    fn stable_and_const_names_follow_the_variant() {
        assert_eq!(stable_name("SslError"), "ssl_error");
        assert_eq!(const_name("NotCurrentUser"), "NOT_CURRENT_USER");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        /// The ASCII fast path names everything as heck does.
        #[test]
        fn ascii_case_conversion_is_hecks(text in "[a-zA-Z0-9 _.!?#/:-]{0,24}") {
            proptest::prop_assert_eq!(upper_camel_case(&text), text.to_upper_camel_case());
            proptest::prop_assert_eq!(stable_name(&text), text.to_snake_case());
            proptest::prop_assert_eq!(const_name(&text), text.to_shouty_snake_case());
        }
    }

    #[test]
    fn keyword_attributes_stay_usable() {
        assert_eq!(field_name("type").unwrap().ident, "r#type");
        let krate = field_name("crate").unwrap();
        assert_eq!(krate.ident, "crate_");
        assert_eq!(krate.json_rename.as_deref(), Some("crate"));
        assert!(field_name("account.id").is_err());
        assert!(field_name("Error").is_err());
    }
}
