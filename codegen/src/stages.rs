//! The pipeline one stage at a time, for the benchmarks that split the cost
//! of generation (parsing is [`crate::parse`]). Not a stable API: use
//! [`Config`](crate::Config). Compiled with the `tools` feature only, so it
//! never reaches a consumer's `build.rs`.

use proc_macro2::TokenStream;

use crate::{Config, Error, Source, emit, model::Spec, validate};

/// The module's tokens, before formatting.
#[derive(Clone)]
pub struct Tokens(TokenStream);

/// Model → checked names and types → tokens.
pub fn tokens(source: &Source, spec: &Spec, config: &Config) -> Result<Tokens, Error> {
    let checked = validate::check(source, spec, &config.renames)?;
    Ok(Tokens(emit::module(
        &checked,
        None,
        &crate::emit_options(source, config, None),
    )))
}

/// The whole module from the Error page and method pages already in memory:
/// (path below the methods folder without `.md`, text), as a build would
/// read them, without touching the disk.
pub fn generate_from_pages(
    error_page: &Source,
    pages: &[(String, Source)],
    config: &Config,
) -> Result<String, Error> {
    let input = crate::method_pages::from_sources(pages.to_vec())?;
    let origin = crate::emit::MethodsOrigin {
        name: "methods".to_owned(),
        identity: format!("{} pages in memory", pages.len()),
    };
    crate::generate_with(error_page, Some(&(input, origin)), config)
}

/// Tokens → formatted Rust (without the header).
pub fn format(tokens: Tokens) -> Result<String, String> {
    emit::format(tokens.0)
}

/// A valid page with `reasons` reasons, twenty per status group (so at most
/// 10,000), for the scaling tests and benchmarks.
pub fn synthetic_page(reasons: usize) -> String {
    let mut page = String::from(
        "---\ntitle: Error\n---\n\n## Attributes\n\n### `error` {#error}\n\n**Description:** The error message.\\\n**Type:** String\n\n## Possible reasons\n",
    );
    for index in 0..reasons {
        if index % 20 == 0 {
            let code = 100 + index / 20;
            page.push_str(&format!("\n### {code} - Status {code} {{#s{code}}}\n"));
        }
        page.push_str(&format!(
            "\n#### Reason{index} {{#r{index}}}\n\nError: Message number {index}. Appears in test number {index}.\n"
        ));
    }
    page
}

/// Tokens → Rust on one line, as `TokenStream` prints it: what skipping the
/// formatter would write.
pub fn unformatted(tokens: Tokens) -> String {
    tokens.0.to_string()
}
