//! What every YAML copy shares when written: serde-saphyr in one fixed
//! layout, the header of an `api/` page's copy, and the lint records.

use serde::Serialize;
use serde_saphyr::SerializerOptions;

use super::SCHEMA_VERSION;
use crate::model::LintRecord;

/// serde-saphyr in both copies' fixed layout: keys in struct order, long
/// text on one line, lists indented under their key, a final newline.
pub(crate) fn to_yaml<T: Serialize>(document: &T) -> Result<String, String> {
    let mut options = SerializerOptions::default();
    options.prefer_block_scalars = false;
    options.compact_list_indent = false;
    let mut body = serde_saphyr::to_string_with_options(document, options)
        .map_err(|error| error.to_string())?;
    if !body.ends_with('\n') {
        body.push('\n');
    }
    Ok(body)
}

/// The comment lines that open the copy of an `api/` page: what it is, that
/// it holds `facts` only, the page it came from (`identity` names its
/// content), and the command that re-exports it to `out_name`.
pub(crate) fn api_copy_header(
    page: &str,
    facts: &str,
    docs_path: &str,
    flag: &str,
    identity: &str,
    out_name: Option<&str>,
) -> String {
    let out = out_name.unwrap_or("FILE");
    format!(
        "# Mastodon's {page} as data: a mastodon-error-codegen YAML copy, schema {SCHEMA_VERSION}.\n\
         # Facts only ({facts}); the docs site has the prose.\n\
         # Exported from the docs' {docs_path}: {identity}\n\
         # Re-export with: mastodon-error-codegen export-yaml --{flag} <PAGE> --out {out}\n"
    )
}

/// A docs defect found on the page, and what the generator did about it.
#[derive(Serialize)]
pub(crate) struct LintOut<'a> {
    lint: &'a str,
    at: &'a str,
    message: &'a str,
    outcome: &'a str,
}

pub(crate) fn lint(record: &LintRecord) -> LintOut<'_> {
    LintOut {
        lint: &record.lint,
        at: &record.at,
        message: &record.message,
        outcome: &record.outcome,
    }
}
