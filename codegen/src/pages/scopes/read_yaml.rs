//! The YAML copy of the OAuth scopes page (`spec/oauth-scopes.yaml`), read
//! into the same [`ScopePage`] the page reader fills.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Error};
use crate::model::methods::Lifecycle;
use crate::model::scopes::{ScopeDef, ScopePage, is_scope_name, is_version};
use crate::source::Source;
use crate::yaml::document::{document_root, lint_records};
use crate::yaml::tree::{Node, Read, Schema, Spanned};

const SCHEMA: Schema = Schema {
    expects: key_expects,
};

pub(crate) fn parse(source: &Source) -> Result<ScopePage, Error> {
    let root = document_root(source, &SCHEMA)?;
    document(&root).map_err(|error| Error::single(source.clone(), *error))
}

fn document(node: &Node) -> Read<ScopePage> {
    let mapping = SCHEMA.mapping(
        node,
        "the document",
        "the document",
        &["schema", "lints", "scopes"],
    )?;
    let lints = lint_records(&SCHEMA, mapping.get("lints"))?;
    let scopes = SCHEMA.required(&mapping, "scopes", |schema, node, key| {
        schema.sequence(node, key)?.iter().map(scope).collect()
    })?;
    Ok(ScopePage {
        scopes: defined(scopes)?,
        lints,
    })
}

/// A scope as written, before the copy's scopes are checked against each other.
struct ScopeIn {
    def: ScopeDef,
    /// Each entry of `grants`, where it is written.
    grants: Vec<Spanned<String>>,
}

/// A scope name: `name`, or an entry of `grants`.
fn scope_name(node: &Node, key: &str) -> Read<Spanned<String>> {
    let name = SCHEMA.string(node, key)?;
    if !is_scope_name(&name.value) {
        return Err(Diagnostic::error(
            name.span,
            format!("`{}` is not a scope name", name.value),
        )
        .help("a scope name is lowercase words joined by `:`, as a token names it, e.g. `read:accounts`")
        .into());
    }
    Ok(name)
}

fn scope(node: &Node) -> Read<ScopeIn> {
    let keys = ["name", "grants", "added_in", "lifecycle", "lifecycle_since"];
    let mapping = SCHEMA.mapping(node, "scopes", "a scope", &keys)?;
    let name = SCHEMA.required(&mapping, "name", |_, node, key| scope_name(node, key))?;
    let grants = match mapping.get("grants") {
        None => Vec::new(),
        Some(node) => SCHEMA
            .sequence(node, "grants")?
            .iter()
            .map(|item| scope_name(item, "grants"))
            .collect::<Read<_>>()?,
    };
    let text = |key: &str| SCHEMA.optional(mapping.get(key), key, Schema::string);
    // A version as the page's history writes one: `2.4.3`, `4.0.0-beta1`.
    let version = |key: &str| -> Read<Option<Spanned<String>>> {
        let Some(version) = text(key)? else {
            return Ok(None);
        };
        let (numbers, suffix) = version
            .value
            .split_once('-')
            .unwrap_or((version.value.as_str(), ""));
        let numeric = is_version(numbers);
        let suffix_ok = suffix
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.');
        if !numeric || !suffix_ok {
            return Err(Diagnostic::error(
                version.span.clone(),
                format!("`{}` is not a Mastodon version", version.value),
            )
            .help(format!("write `{key}` as the docs' version history does, e.g. `\"4.3.0\"`, or leave it out when the docs give none"))
            .into());
        }
        Ok(Some(version))
    };
    let lifecycle = match text("lifecycle")? {
        None => None,
        Some(lifecycle) => match Lifecycle::from_name(&lifecycle.value) {
            Some(value) => Some(value),
            None => {
                return Err(Diagnostic::error(
                    lifecycle.span,
                    format!("unknown lifecycle `{}`", lifecycle.value),
                )
                .help("`lifecycle` is `deprecated` or `removed`; leave it out for a current scope")
                .into());
            }
        },
    };
    let lifecycle = lifecycle.unwrap_or(Lifecycle::Current);
    let lifecycle_since = version("lifecycle_since")?;
    if let Some(since) = &lifecycle_since
        && lifecycle == Lifecycle::Current
    {
        return Err(Diagnostic::error(
            since.span.clone(),
            "`lifecycle_since` without `lifecycle`",
        )
        .help("`lifecycle_since` is the version that deprecated or removed the scope: add `lifecycle: deprecated` or `lifecycle: removed`, or leave `lifecycle_since` out")
        .into());
    }
    Ok(ScopeIn {
        def: ScopeDef {
            name: name.value,
            grants: grants.iter().map(|grant| grant.value.clone()).collect(),
            added_in: version("added_in")?.map(|version| version.value),
            lifecycle,
            lifecycle_since: lifecycle_since.map(|since| since.value),
            span: name.span,
        },
        grants,
    })
}

/// The copy's scopes, once each is defined once and grants only scopes
/// the copy defines, other than itself.
fn defined(scopes: Vec<ScopeIn>) -> Read<Vec<ScopeDef>> {
    let mut first = HashMap::with_capacity(scopes.len());
    for scope in &scopes {
        let def = &scope.def;
        if let Some(first) = first.insert(def.name.as_str(), &def.span) {
            return Err(Diagnostic::error(
                def.span.clone(),
                format!("scope `{}` is defined twice", def.name),
            )
            .related(first.clone(), "first defined here")
            .help("keep one entry per scope in `scopes`, with all of its `grants`")
            .into());
        }
    }
    for scope in &scopes {
        let name = &scope.def.name;
        for grant in &scope.grants {
            if grant.value == *name {
                return Err(Diagnostic::error(
                    grant.span.clone(),
                    format!("scope `{name}` grants itself"),
                )
                .help(format!(
                    "`grants` lists the other scopes that `{name}` grants; remove `{name}` from it"
                ))
                .into());
            }
            if !first.contains_key(grant.value.as_str()) {
                let granted = &grant.value;
                return Err(Diagnostic::error(
                    grant.span.clone(),
                    format!("scope `{name}` grants `{granted}`, which `scopes` does not define"),
                )
                .help(format!(
                    "add `{granted}` to `scopes` as its own entry (`- name: {granted}`), or remove it from `grants`"
                ))
                .into());
            }
        }
    }
    Ok(scopes.into_iter().map(|scope| scope.def).collect())
}

fn key_expects(key: &str) -> &'static str {
    match key {
        "schema" => "the schema version, `1`",
        "lints" => "a list of lint records (`- lint:` items), as `export-yaml` writes them",
        "lint" => "a lint's name, such as `invalid-front-matter`",
        "scopes" => "a list of scopes (`- name:` items)",
        "name" => "a scope's name, such as `read:accounts`",
        "grants" => {
            "a list of the scopes it grants, such as `[read:accounts, read:blocks]`; leave it out for a scope that grants no other"
        }
        "added_in" | "lifecycle_since" => "a Mastodon version, such as `\"4.0.0\"`",
        "lifecycle" => "`deprecated` or `removed`",
        _ => "text",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(feature = "tools")]
    use crate::lint;
    #[cfg(feature = "tools")]
    use crate::model::LintRecord;

    /// A page as the page reader would fill it, for the tests that write it out.
    #[cfg(feature = "tools")]
    fn page() -> ScopePage {
        let scope = |name: &str, grants: &[&str], added_in: &str| ScopeDef {
            name: name.to_owned(),
            grants: grants.iter().map(|grant| (*grant).to_owned()).collect(),
            added_in: Some(added_in.to_owned()),
            lifecycle: Lifecycle::Current,
            lifecycle_since: None,
            span: 0..0,
        };
        ScopePage {
            scopes: vec![
                scope("read", &["read:accounts", "read:blocks"], "0.9.0"),
                scope("read:accounts", &[], "2.4.3"),
                ScopeDef {
                    added_in: None,
                    ..scope("read:blocks", &[], "")
                },
                ScopeDef {
                    lifecycle: Lifecycle::Deprecated,
                    lifecycle_since: Some("3.5.0".to_owned()),
                    ..scope("follow", &["read:blocks"], "0.9.0")
                },
            ],
            lints: vec![LintRecord {
                lint: lint::INVALID_FRONT_MATTER.name.to_owned(),
                at: "oauth-scopes.md:2:1".to_owned(),
                message: "a message".to_owned(),
                outcome: "an outcome".to_owned(),
                span: 0..0,
            }],
        }
    }

    #[cfg(feature = "tools")]
    #[test]
    fn the_copy_reads_back_as_the_page() {
        let page = page();
        let copy = super::super::write_yaml::write(&page, "blob x", Some("oauth-scopes.yaml"))
            .expect("writes");
        let read = parse(&Source::new("oauth-scopes.yaml", copy.clone())).expect("the copy reads");
        assert_eq!(read.without_spans(), page.without_spans(), "{copy}");
        assert!(copy.starts_with("# Mastodon's OAuth scopes page as data: a mastodon-error-codegen YAML copy, schema 1.\n"), "{copy}");
        assert!(copy.contains("# Re-export with: mastodon-error-codegen export-yaml --scopes <PAGE> --out oauth-scopes.yaml\n"), "{copy}");
        assert!(copy.contains("  - name: read:blocks\n  - name: follow\n    grants:\n      - read:blocks\n    added_in: \"0.9.0\"\n    lifecycle: deprecated\n    lifecycle_since: \"3.5.0\"\n"), "{copy}");
        // Each scope is where its `name` is.
        for scope in &read.scopes {
            assert_eq!(&copy[scope.span.clone()], scope.name, "{copy}");
        }
    }

    /// A current scope with `lifecycle_since` would not read back.
    #[cfg(feature = "tools")]
    #[test]
    fn a_current_scope_with_lifecycle_since_is_not_written() {
        let mut page = page();
        page.scopes[0].lifecycle_since = Some("4.0.0".to_owned());
        let error = super::super::write_yaml::write(&page, "blob x", None).expect_err("refused");
        assert!(error.contains("`read` is current"), "{error}");
    }

    /// Each mistake in a hand-edited copy: located, with how to fix it.
    #[test]
    fn copy_mistakes_are_located_with_help() {
        let copy = "schema: 1\nscopes:\n  - name: read\n    grants: [read:accounts]\n  - name: read:accounts\n";
        parse(&Source::new("oauth-scopes.yaml", copy)).expect("the copy reads");
        let cases = [
            (
                "    grants:",
                "    grant:",
                "oauth-scopes.yaml:4:5: error: unknown key `grant` in a scope",
                "= help: did you mean `grants`? a scope takes `name`, `grants`, `added_in`, `lifecycle`, `lifecycle_since`",
            ),
            (
                "  - name: read\n",
                "  - added_in: 0.9.0\n",
                "oauth-scopes.yaml:3:5: error: a scope is missing `name`",
                "= help: add `name:` with a scope's name",
            ),
            (
                "name: read\n",
                "name: Read\n",
                "oauth-scopes.yaml:3:11: error: `Read` is not a scope name",
                "= help: a scope name is lowercase words joined by `:`",
            ),
            (
                "[read:accounts]",
                "[read accounts]",
                "oauth-scopes.yaml:4:14: error: `read accounts` is not a scope name",
                "= help: a scope name is lowercase words joined by `:`",
            ),
            (
                "name: read:accounts",
                "name: read",
                "oauth-scopes.yaml:5:11: error: scope `read` is defined twice",
                "= help: keep one entry per scope",
            ),
            (
                "[read:accounts]",
                "[read:accounts, read:blocks]",
                "oauth-scopes.yaml:4:29: error: scope `read` grants `read:blocks`, which `scopes` does not define",
                "= help: add `read:blocks` to `scopes` as its own entry (`- name: read:blocks`)",
            ),
            (
                "[read:accounts]",
                "[read]",
                "oauth-scopes.yaml:4:14: error: scope `read` grants itself",
                "= help: `grants` lists the other scopes that `read` grants; remove `read` from it",
            ),
            (
                "read:accounts\n",
                "read:accounts\n    lifecycle: obsolete\n",
                "oauth-scopes.yaml:6:16: error: unknown lifecycle `obsolete`",
                "= help: `lifecycle` is `deprecated` or `removed`",
            ),
            (
                "read:accounts\n",
                "read:accounts\n    lifecycle_since: 3.5.0\n",
                "oauth-scopes.yaml:6:22: error: `lifecycle_since` without `lifecycle`",
                "= help: `lifecycle_since` is the version that deprecated or removed the scope",
            ),
            (
                "read:accounts\n",
                "read:accounts\n    added_in: soon\n",
                "oauth-scopes.yaml:6:15: error: `soon` is not a Mastodon version",
                "= help: write `added_in` as the docs' version history does, e.g. `\"4.3.0\"`",
            ),
            (
                "scopes:\n",
                "lints:\n  - lint: no-such-lint\n    at: a\n    message: m\n    outcome: o\nscopes:\n",
                "oauth-scopes.yaml:3:11: error: unknown lint `no-such-lint`",
                "= help: `lints` records what the generator found",
            ),
            (
                "schema: 1",
                "schema: 2",
                "oauth-scopes.yaml:1:9: error: this copy is written in schema 2, but this generator reads schema 1",
                "= help: use a mastodon-error-codegen that reads schema 2",
            ),
            (
                "scopes:\n  - name: read\n    grants: [read:accounts]\n  - name: read:accounts\n",
                "",
                "oauth-scopes.yaml:1:1: error: the document is missing `scopes`",
                "= help: add `scopes:` with a list of scopes",
            ),
        ];
        for (old, new, location, help) in cases {
            assert!(copy.contains(old), "{old}");
            let copy = copy.replacen(old, new, 1);
            let text = parse(&Source::new("oauth-scopes.yaml", copy.as_str()))
                .expect_err("refused")
                .render();
            assert!(text.starts_with(location), "{text}");
            assert!(text.contains(help), "{text}");
        }
    }

    /// A scope named twice points at its first entry too.
    #[test]
    fn a_scope_named_twice_points_at_both() {
        let copy = "schema: 1\nscopes:\n  - name: read\n  - name: write\n  - name: read\n";
        let error = parse(&Source::new("oauth-scopes.yaml", copy)).expect_err("refused");
        let diagnostic = &error.diagnostics()[0];
        assert_eq!(error.location(diagnostic), "oauth-scopes.yaml:5:11");
        let text = error.render();
        assert!(text.contains("first defined here"), "{text}");
        let first = if cfg!(feature = "snippets") {
            "3 |   - name: read"
        } else {
            "= related: oauth-scopes.yaml:3:11: first defined here"
        };
        assert!(text.contains(first), "{text}");
    }
}
