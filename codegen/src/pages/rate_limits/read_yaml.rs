//! The YAML copy of the rate-limits page (`spec/rate-limits.yaml`), read
//! into the same [`RateLimitPage`] the page reader fills.

use crate::diagnostic::{Diagnostic, Error};
use crate::model::rate_limits::{
    Applies, LimitScope, RateLimit, RateLimitHeader, RateLimitPage, is_request,
};
use crate::source::Source;
use crate::yaml::document::{document_root, lint_records};
use crate::yaml::tree::{Node, Read, Schema};

const SCHEMA: Schema = Schema {
    expects: key_expects,
};

pub(crate) fn parse(source: &Source) -> Result<RateLimitPage, Error> {
    let root = document_root(source, &SCHEMA)?;
    document(&root).map_err(|error| Error::single(source.clone(), *error))
}

fn document(node: &Node) -> Read<RateLimitPage> {
    let mapping = SCHEMA.mapping(
        node,
        "the document",
        "the document",
        &["schema", "lints", "headers", "limits"],
    )?;
    let lints = lint_records(&SCHEMA, mapping.get("lints"))?;
    let headers = SCHEMA.required(&mapping, "headers", |schema, node, key| {
        schema.sequence(node, key)?.iter().map(header).collect()
    })?;
    let limits = SCHEMA.required(&mapping, "limits", |schema, node, key| {
        schema.sequence(node, key)?.iter().map(limit).collect()
    })?;
    Ok(RateLimitPage {
        headers,
        limits,
        lints,
    })
}

fn header(node: &Node) -> Read<RateLimitHeader> {
    let mapping = SCHEMA.mapping(node, "headers", "a header", &["name"])?;
    let name = SCHEMA.required(&mapping, "name", Schema::string)?;
    Ok(RateLimitHeader {
        name: name.value,
        span: name.span,
    })
}

fn limit(node: &Node) -> Read<RateLimit> {
    let keys = ["scope", "name", "requests", "count", "period_seconds"];
    let mapping = SCHEMA.mapping(node, "limits", "a limit", &keys)?;
    let scope = SCHEMA.required(&mapping, "scope", Schema::string)?;
    let Some(scope_value) = LimitScope::from_name(&scope.value) else {
        return Err(Diagnostic::error(scope.span, format!("unknown scope `{}`", scope.value))
            .help("a limit's `scope` is `account` or `ip`, as the page's `### Per account` and `### Per IP`")
            .into());
    };
    let applies = match mapping.get("requests") {
        None => Applies::All,
        Some(node) => {
            let items = SCHEMA.sequence(node, "requests")?;
            if items.is_empty() {
                return Err(Diagnostic::error(node.span.clone(), "`requests` is empty")
                    .help("leave `requests` out for a limit on every call; a limit the page gives for some calls names them")
                    .into());
            }
            let mut requests = Vec::new();
            for item in items {
                let request = SCHEMA.string(item, "requests")?;
                if !is_request(&request.value) {
                    return Err(Diagnostic::error(
                        request.span,
                        format!("`{}` is not a request", request.value),
                    )
                    .help("write a request as the method pages do, e.g. `POST /api/v1/media`")
                    .into());
                }
                requests.push(request.value);
            }
            Applies::Requests(requests)
        }
    };
    Ok(RateLimit {
        scope: scope_value,
        name: SCHEMA
            .optional(mapping.get("name"), "name", Schema::string)?
            .map(|name| name.value),
        applies,
        count: SCHEMA.required(&mapping, "count", Schema::number)?.value,
        period_seconds: SCHEMA
            .required(&mapping, "period_seconds", Schema::number)?
            .value,
        span: node.span.clone(),
    })
}

fn key_expects(key: &str) -> &'static str {
    match key {
        "schema" => "the schema version, `1`",
        "lints" => "a list of lint records (`- lint:` items), as `export-yaml` writes them",
        "lint" => "a lint's name, such as `unreadable-rate-limit`",
        "headers" => "a list of headers (`- name:` items)",
        "limits" => "a list of limits (`- scope:` items)",
        "name" => "a name, such as `X-RateLimit-Limit` or `Uploading media`",
        "scope" => "`account` or `ip`",
        "requests" => {
            "a list of requests, such as `[POST /api/v1/media]`; leave it out for a limit on every request"
        }
        "count" => "a number of requests, such as `300`",
        "period_seconds" => "a period in seconds, such as `300`",
        _ => "a value",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "tools")]
    const PAGE: &str = "---\ntitle: Rate limits\n---\n\n## Headers\n\n`X-RateLimit-Limit`\n: The calls allowed.\n\n## Limits\n\n### Per account\n\nAll endpoints and methods can be called 300 times within 5 minutes.\n\n#### Uploading media\n\n`POST /api/v1/media` can be called 30 times within 30 minutes.\n";

    #[cfg(feature = "tools")]
    #[test]
    fn the_copy_reads_back_as_the_page() {
        let (page, _) =
            super::super::read_markdown::parse_with_lints(&Source::new("rate-limits.md", PAGE))
                .expect("reads");
        let copy = super::super::write_yaml::write(&page, "blob x", Some("rate-limits.yaml"))
            .expect("writes");
        let read = parse(&Source::new("rate-limits.yaml", copy.clone())).expect("the copy reads");
        assert_eq!(read.without_spans(), page.without_spans(), "{copy}");
        assert!(copy.contains("  - scope: account\n    name: Uploading media\n    requests:\n      - POST /api/v1/media\n    count: 30\n    period_seconds: 1800\n"), "{copy}");
    }

    #[test]
    fn an_unknown_scope_is_located() {
        let copy = "schema: 1\nheaders: []\nlimits:\n  - scope: app\n    count: 1\n    period_seconds: 1\n";
        let error = parse(&Source::new("rate-limits.yaml", copy)).expect_err("refused");
        let text = error.render();
        assert!(
            text.starts_with("rate-limits.yaml:4:12: error: unknown scope `app`"),
            "{text}"
        );
    }

    /// Each mistake in a hand-edited copy: located, with how to fix it.
    #[test]
    fn copy_mistakes_are_located_with_help() {
        let limit = |extra: &str| {
            format!(
                "schema: 1\nheaders: []\nlimits:\n  - scope: ip\n{extra}    count: 1\n    period_seconds: 1\n"
            )
        };
        let cases = [
            (limit(""), "rate-limits.yaml:4:12: error: unknown scope `app`", "  - scope: ip\n", "  - scope: app\n", "= help: a limit's `scope` is `account` or `ip`"),
            (limit("    requests: []\n"), "rate-limits.yaml:5:15: error: `requests` is empty", "", "", "= help: leave `requests` out for a limit on every call"),
            (limit("    requests: [media]\n"), "rate-limits.yaml:5:16: error: `media` is not a request", "", "", "= help: write a request as the method pages do"),
            (
                "schema: 1\nlints:\n  - lint: no-such-lint\n    at: a\n    message: m\n    outcome: o\nheaders: []\nlimits: []\n".to_owned(),
                "rate-limits.yaml:3:11: error: unknown lint `no-such-lint`",
                "",
                "",
                "= help: `lints` records what the generator found",
            ),
        ];
        for (copy, location, old, new, help) in cases {
            let copy = if old.is_empty() {
                copy
            } else {
                copy.replacen(old, new, 1)
            };
            let text = parse(&Source::new("rate-limits.yaml", copy.as_str()))
                .expect_err("refused")
                .render();
            assert!(text.starts_with(location), "{text}");
            assert!(text.contains(help), "{text}");
        }
    }
}
