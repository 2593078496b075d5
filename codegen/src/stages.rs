//! The pipeline one stage at a time, for the benchmarks that split the cost
//! of generation (parsing is [`crate::parse`]). Not a stable API: use
//! [`Config`](crate::Config). Compiled with the `tools` feature only, so it
//! never reaches a consumer's `build.rs`.

use proc_macro2::TokenStream;

use crate::diff::{self, ApiView, Diff};
use crate::{Config, Error, Generated, Source, emit, model::Spec, validate};

/// The module's tokens, before formatting.
#[derive(Clone)]
pub struct Tokens(TokenStream);

/// Model → checked names and types → tokens.
pub fn tokens(source: &Source, spec: &Spec, config: &Config) -> Result<Tokens, Error> {
    let checked = validate::check(source, spec, &config.renames)?;
    let outputs = emit::outputs(&checked, None, &crate::emit_options(source, config, None));
    Ok(Tokens(
        outputs.into_iter().map(|output| output.tokens).collect(),
    ))
}

/// The whole module from the Error page and method pages already in memory:
/// (path below the methods folder without `.md`, text), as a build would
/// read them, without touching the disk.
pub fn generate_from_pages(
    error_page: &Source,
    pages: &[(String, Source)],
    config: &Config,
) -> Result<String, Error> {
    let methods = in_memory(pages)?;
    crate::generate_all(
        error_page,
        Some(&methods),
        crate::ApiExtras::default(),
        config,
    )
    .map(|generated| generated.code)
}

/// Pages in memory as the generator's input, named as a folder would not be.
fn in_memory(
    pages: &[(String, Source)],
) -> Result<
    (
        crate::pages::methods::MethodsInput,
        crate::gate::InputOrigin,
    ),
    Error,
> {
    let input = crate::pages::methods::from_sources(pages.to_vec())?;
    let origin = crate::gate::InputOrigin {
        name: "methods".to_owned(),
        identity: format!("{} pages in memory", pages.len()),
    };
    Ok((input, origin))
}

/// One version of the whole API, read from pages in memory: what it
/// generates (with its lints) and what the semantic diff compares, from one
/// run of the checks. For the replay of the docs' history.
pub struct ApiVersion {
    pub generated: Generated,
    view: ApiView,
}

impl ApiVersion {
    /// Every documented request parameter, as the `Endpoint` variant it
    /// belongs to and where it goes: what the replay counts.
    pub fn params(&self) -> impl Iterator<Item = (&str, crate::model::methods::ParamLocation)> {
        self.view.endpoints.iter().flat_map(|endpoint| {
            endpoint
                .params
                .iter()
                .flatten()
                .map(|param| (endpoint.variant.as_str(), param.location))
        })
    }
}

/// [`generate_from_pages`], keeping the lints and the diff's view.
pub fn api_version(
    error_page: &Source,
    pages: &[(String, Source)],
    config: &Config,
) -> Result<ApiVersion, Error> {
    let (input, origin) = in_memory(pages)?;
    let ((module, view), lints) = crate::with_checked_api(
        error_page,
        &input,
        crate::ApiExtras::default(),
        config,
        |checked, endpoints, resolved| {
            let api = emit::Api {
                endpoints,
                scopes: &resolved.scopes,
            };
            let module = emit::emit(
                checked,
                Some(api),
                &crate::emit_options(error_page, config, Some(&origin)),
            );
            (module, ApiView::of_api(checked, endpoints))
        },
    )?;
    let module = module.map_err(|bug| {
        crate::diagnostic::internal_error(
            error_page,
            &format!("the generated code does not parse ({bug})"),
        )
    })?;
    Ok(ApiVersion {
        generated: Generated::module(module, &config.include_file_name(error_page)?, lints),
        view: view.with_lints(&input.spec),
    })
}

/// What changed from `old` to `new`, as [`diff::diff_api`] reports it.
pub fn diff_versions(old: &ApiVersion, new: &ApiVersion, old_name: &str, new_name: &str) -> Diff {
    Diff {
        old_name: old_name.to_owned(),
        new_name: new_name.to_owned(),
        changes: diff::compare_views(&old.view, &new.view),
    }
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
    emit::unformatted(tokens.0)
}

/// Reads a YAML copy of the method pages into the model, as the build
/// script does, and nothing more: the generator's own YAML reading, against
/// the serde-saphyr floor of the benchmarks. Returns the number of methods.
pub fn read_methods_copy(copy: &Source) -> Result<usize, Error> {
    let (spec, _) = crate::pages::methods::read_yaml::parse(copy)?;
    Ok(spec.pages.iter().map(|page| page.methods.len()).sum())
}

/// The entities module from entity pages already in memory: (file name
/// without `.md`, text), with the lints found, without touching the disk.
pub fn entities_from_pages(
    pages: Vec<(String, Source)>,
    config: &Config,
) -> Result<Generated, Error> {
    let input = crate::pages::entities::from_sources(pages)?;
    crate::entities_module(input, config)
}

/// The entities module from a YAML copy already in memory.
pub fn entities_from_copy(copy: &Source, config: &Config) -> Result<Generated, Error> {
    let spec = crate::pages::entities::read_yaml::parse(copy)?;
    let found =
        crate::input::copy::recorded_lints(spec.pages.iter().flat_map(|page| &page.lints), copy);
    let input = crate::pages::entities::EntitiesInput {
        page_source: vec![0; spec.pages.len()],
        spec,
        found,
        sources: vec![copy.clone()],
        origin: crate::gate::InputOrigin {
            name: copy.name().to_owned(),
            identity: String::new(),
        },
    };
    crate::entities_module(input, config)
}
