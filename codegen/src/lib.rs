//! Generates Rust from Mastodon's `Error` entity docs page.
//!
//! The pipeline is pure: [`parse`] reads the page into a [`model::Spec`],
//! [`validate::check`] resolves names and types and reports every problem
//! with its `file:line:col`, and emission renders the module. [`Config`] wraps
//! it for `build.rs`; the `mastodon-error-codegen` binary wraps it for the
//! command line. [`diff`] compares two versions of the page and judges the
//! semver impact of each change on the generated module.
//!
//! ```
//! use mastodon_error_codegen::{Config, Source};
//!
//! let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/error.md")).unwrap();
//! let code = Config::new().generate_source(&Source::new("spec/error.md", page)).unwrap();
//! assert!(code.starts_with("// @generated"));
//! assert!(code.contains("pub enum Reason"));
//! ```

#![forbid(unsafe_code)]

use std::collections::BTreeMap;

mod api;
mod api_page;
mod commonmark;
mod config;
#[cfg(feature = "tools")]
pub mod corpus;
mod diagnostic;
#[cfg(feature = "tools")]
pub mod diff;
mod emit;
#[cfg(feature = "entities")]
mod entities;
#[cfg(feature = "markdown-entities")]
mod entity_examples;
pub mod hash;
pub mod ident;
pub mod lint;
mod markdown;
mod method_pages;
pub mod model;
mod pages_folder;
mod rate_limits;
#[cfg(feature = "tools")]
pub mod responses;
mod scopes;
mod source;
#[cfg(feature = "tools")]
#[doc(hidden)]
pub mod stages;
pub mod validate;
mod yaml;

pub use config::{Config, Gate, Http, Serde, write_if_changed};
pub use diagnostic::{Diagnostic, Error};
pub use lint::{Level, Lints};
#[cfg(feature = "markdown-methods")]
pub use method_pages::{parse_method_page, read_method_pages};
pub use rate_limits::parse_rate_limits_page;
pub use scopes::parse_scopes_page;
pub use source::{MAX_SPEC_BYTES, Source};
pub use yaml::SCHEMA_VERSION;

/// Which reader a spec goes through, chosen by its file extension:
/// `.yaml` and `.yml` are the YAML copy, anything else is the Markdown page
/// (the seeds, for one, are `.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Yaml,
}

impl Format {
    pub fn of(file_name: &str) -> Format {
        let extension = std::path::Path::new(file_name).extension();
        match extension.map(|extension| extension.to_ascii_lowercase()) {
            Some(extension) if extension == "yaml" || extension == "yml" => Format::Yaml,
            _ => Format::Markdown,
        }
    }
}

/// Reads a spec into the model, without naming or type checks.
pub fn parse(source: &Source) -> Result<model::Spec, Error> {
    let format = Format::of(source.name());
    if source.text().trim().is_empty() {
        let help = match format {
            Format::Markdown => {
                "point the generator at the Error entity page (`error.md` in Mastodon's documentation)"
            }
            Format::Yaml => {
                "write a YAML copy with `mastodon-error-codegen export-yaml spec/error.md --out FILE`"
            }
        };
        return Err(Error::single(
            source.clone(),
            Diagnostic::error(0..0, "the file is empty").help(help),
        ));
    }
    match format {
        Format::Markdown => markdown::parse(source),
        Format::Yaml => yaml::parse(source),
    }
}

/// What a run produced, and the docs defects found on the way that are
/// reported at warn level (see [`lint`]).
#[derive(Debug, Clone)]
pub struct Generated {
    /// The module, or the YAML copy.
    pub code: String,
    /// The files `code` includes by name (`include!("entity_kinds.rs")`),
    /// as (file name, text), to be written beside it; empty but for the
    /// entities module, which is split so no file grows past 6,000 lines.
    pub included: Vec<(String, String)>,
    pub lints: Lints,
}

impl Generated {
    /// The module as one text, each `include!` of an [`Generated::included`]
    /// file replaced by that file's items: for a module kept in one file.
    pub fn single_file(&self) -> String {
        let mut code = self.code.clone();
        for (name, text) in &self.included {
            // The included file's items, after its header's `//` lines.
            let items = text
                .split_once("\n\n")
                .filter(|(header, _)| header.lines().all(|line| line.starts_with("//")))
                .map_or(text.as_str(), |(_, items)| items);
            code = code.replace(&format!("include!({name:?});\n"), items);
        }
        code
    }
}

fn generate(source: &Source, config: &Config) -> Result<Generated, Error> {
    let methods = config
        .methods
        .as_deref()
        .map(|path| load_methods(path, config))
        .transpose()?;
    let loaded = LoadedExtras::load(config)?;
    generate_all(source, methods.as_ref(), loaded.extras(), config)
}

/// The extras `config` names, read once.
pub(crate) struct LoadedExtras {
    rate_limits: Option<rate_limits::RateLimitsInput>,
    scopes: Option<scopes::ScopesInput>,
}

impl LoadedExtras {
    pub(crate) fn load(config: &Config) -> Result<LoadedExtras, Error> {
        Ok(LoadedExtras {
            rate_limits: config
                .rate_limits
                .as_deref()
                .map(rate_limits::load)
                .transpose()?,
            scopes: config.scopes.as_deref().map(scopes::load).transpose()?,
        })
    }

    pub(crate) fn extras(&self) -> ApiExtras<'_> {
        ApiExtras {
            rate_limits: self.rate_limits.as_ref(),
            scopes: self.scopes.as_ref(),
        }
    }
}

/// The inputs beside the method pages that name API methods, so come only
/// with them.
#[derive(Default, Clone, Copy)]
pub(crate) struct ApiExtras<'a> {
    pub rate_limits: Option<&'a rate_limits::RateLimitsInput>,
    pub scopes: Option<&'a scopes::ScopesInput>,
}

impl ApiExtras<'_> {
    /// The first extra given, by its source and its `Config` method: what a
    /// run without method pages refuses.
    fn first_given(&self) -> Option<(&Source, &'static str, &'static str)> {
        let rate_limits = self
            .rate_limits
            .map(|input| (&input.source, "rate limits", "rate_limits"));
        let scopes = self
            .scopes
            .map(|input| (&input.source, "OAuth scopes", "scopes"));
        rate_limits.or(scopes)
    }
}

/// The extras resolved against the endpoints.
pub(crate) struct Resolved {
    pub rate_limits: Option<model::rate_limits::RateLimits>,
    pub scopes: model::scopes::ResolvedScopes,
}

/// The module for the Error page, and for the method pages with their
/// extras when given.
pub(crate) fn generate_all(
    source: &Source,
    methods: Option<&(api::MethodsInput, emit::InputOrigin)>,
    extras: ApiExtras<'_>,
    config: &Config,
) -> Result<Generated, Error> {
    let bug = |bug: String| {
        internal_error(
            source,
            &format!("the generated code does not parse ({bug})"),
        )
    };
    let Some((input, origin)) = methods else {
        if let Some((given, what, method)) = extras.first_given() {
            let flag = method.replace('_', "-");
            return Err(Error::single(
                given.clone(),
                Diagnostic::error(0..0, format!("{what} name API methods, and no method pages were given"))
                    .help(format!("give the method pages too: `Config::methods`, or `--methods` on the command line (beside `Config::{method}` or `--{flag}`)")),
            ));
        }
        let spec = parse(source)?;
        let checked = validate::check(source, &spec, &config.renames)?;
        let lints = lint::apply(&config.lints, Vec::new())?;
        let code = emit::emit(&checked, None, &emit_options(source, config, None)).map_err(bug)?;
        return Ok(Generated {
            code,
            included: Vec::new(),
            lints,
        });
    };
    let (code, lints) = with_checked_api(
        source,
        input,
        extras,
        config,
        |checked, endpoints, resolved| {
            let mut options = emit_options(source, config, Some(origin));
            options.rate_limits = extras
                .rate_limits
                .zip(resolved.rate_limits.as_ref())
                .map(|(input, resolved)| (input.origin.clone(), resolved));
            options.scopes = extras.scopes.map(|input| input.origin.clone());
            let api = emit::Api {
                endpoints,
                scopes: &resolved.scopes,
            };
            emit::emit(checked, Some(api), &options).map_err(bug)
        },
    )?;
    Ok(Generated {
        code: code?,
        included: Vec::new(),
        lints,
    })
}

/// Runs every check on the Error page and the method pages together, with
/// the extras resolved against the endpoints, and hands the result (the
/// catalogue, checked, the named endpoints and the resolved extras) to
/// `then`; the docs defects found go through the configured lint levels, so
/// a denied one fails here.
pub(crate) fn with_checked_api<R>(
    source: &Source,
    input: &api::MethodsInput,
    extras: ApiExtras<'_>,
    config: &Config,
    then: impl FnOnce(&validate::Checked<'_>, &[api::Endpoint<'_>], &Resolved) -> R,
) -> Result<(R, Lints), Error> {
    let spec = parse(source)?;
    let (page_renames, method_renames): (BTreeMap<_, _>, BTreeMap<_, _>) = config
        .renames
        .clone()
        .into_iter()
        .partition(|(key, _)| !api::is_reason_key(key) && !api::is_endpoint_key(key));
    let page_checked = validate::check(source, &spec, &page_renames)?;
    let page_variants: Vec<String> = page_checked
        .reasons
        .iter()
        .map(|r| r.variant.clone())
        .collect();
    let catalogue = api::catalogue(
        &spec,
        &page_variants,
        input,
        &method_renames,
        &config.docs_site,
    )?;
    let checked = validate::check(source, &catalogue.spec, &page_renames)?;
    let (endpoints, endpoint_lints) =
        api::endpoints(input, &catalogue, &method_renames, &config.docs_site)?;
    let mut found = input.lints.clone();
    found.extend(endpoint_lints);
    let rate_limits = extras.rate_limits.map(|rate_limits| {
        let (resolved, limit_lints) =
            rate_limits::resolve(rate_limits, &endpoints, &config.docs_site);
        found.extend(limit_lints);
        resolved
    });
    let (scopes, scope_lints) =
        scopes::resolve(extras.scopes, &endpoints, input, &config.docs_site)?;
    found.extend(scope_lints);
    let lints = lint::apply(&config.lints, found)?;
    let resolved = Resolved {
        rate_limits,
        scopes,
    };
    Ok((then(&checked, &endpoints, &resolved), lints))
}

fn emit_options<'a>(
    source: &'a Source,
    config: &'a Config,
    methods: Option<&emit::InputOrigin>,
) -> emit::EmitOptions<'a> {
    emit::EmitOptions {
        serde: &config.serde,
        http: &config.http,
        docs_site: &config.docs_site,
        source_name: source.name(),
        out_name: config.checked_in_as.as_deref(),
        spec_blob: hash::spec_blob_id(source),
        methods: methods.cloned(),
        rate_limits: None,
        scopes: None,
    }
}

#[cfg(feature = "tools")]
fn export_yaml(source: &Source, config: &Config, out_name: Option<&str>) -> Result<String, Error> {
    let mut spec = parse(source)?;
    // A copy that could not generate code is not worth writing.
    validate::check(source, &spec, &config.renames)?;
    validate::apply_renames(&mut spec, &config.renames);
    let yaml = yaml::write(&spec, source.name(), out_name).map_err(|bug| {
        internal_error(source, &format!("the YAML copy cannot be written ({bug})"))
    })?;
    // The copy must hold exactly what the input holds: read it back and compare.
    let copy = Source::new(out_name.unwrap_or("export.yaml"), yaml.as_str());
    let same = yaml::parse(&copy).is_ok_and(|read| read.without_spans() == spec.without_spans());
    if !same {
        return Err(internal_error(
            source,
            "the YAML copy would not read back as the same content",
        ));
    }
    Ok(yaml)
}

#[cfg(feature = "tools")]
fn export_methods_yaml(
    path: &std::path::Path,
    config: &Config,
    out_name: Option<&str>,
) -> Result<Generated, Error> {
    let (mut input, origin) = load_methods(path, config)?;
    // The copy records every lint; the levels decide what is reported now.
    let lints = lint::apply(&config.lints, input.lints.clone())?;
    // Configured names go into the copy, as they do for the Error page.
    for (key, name) in &config.renames {
        if api::is_reason_key(key) {
            input.spec.reason_names.insert(key.clone(), name.clone());
        } else if api::is_endpoint_key(key) {
            for page in &mut input.spec.pages {
                for method in &mut page.methods {
                    if format!("{} {}", method.http_method, method.path) == *key {
                        method.name_override = Some(name.clone());
                    }
                }
            }
        }
    }
    let first = input.sources[0].clone();
    let yaml =
        yaml::methods_write::write(&input.spec, &origin.identity, out_name).map_err(|bug| {
            internal_error(&first, &format!("the YAML copy cannot be written ({bug})"))
        })?;
    // The copy must hold exactly what the pages hold, returned entities by
    // name: read it back and compare.
    let copy = Source::new(out_name.unwrap_or("methods.yaml"), yaml.as_str());
    let same = yaml::methods::parse(&copy)
        .is_ok_and(|(read, _)| read.copied_facts() == input.spec.copied_facts());
    if !same {
        return Err(internal_error(
            &first,
            "the YAML copy would not read back as the same content",
        ));
    }
    Ok(Generated {
        code: yaml,
        included: Vec::new(),
        lints,
    })
}

#[cfg(feature = "tools")]
fn export_rate_limits_yaml(
    path: &std::path::Path,
    config: &Config,
    out_name: Option<&str>,
) -> Result<Generated, Error> {
    let input = rate_limits::load(path)?;
    let lints = lint::apply(&config.lints, input.lints.clone())?;
    let code = rate_limits::PAGE.export(&input, out_name)?;
    Ok(Generated {
        code,
        included: Vec::new(),
        lints,
    })
}

#[cfg(feature = "tools")]
fn export_scopes_yaml(
    path: &std::path::Path,
    config: &Config,
    out_name: Option<&str>,
) -> Result<Generated, Error> {
    let input = scopes::load(path)?;
    let lints = lint::apply(&config.lints, input.lints.clone())?;
    let code = scopes::PAGE.export(&input, out_name)?;
    Ok(Generated {
        code,
        included: Vec::new(),
        lints,
    })
}

/// Every docs defect in the method pages at `methods` (a folder or a YAML
/// copy), read against the Error page, with the configured rate-limits and
/// scopes pages, whatever the configured levels: the report a user files upstream.
#[cfg(feature = "tools")]
fn docs_defects(
    error_page: &Source,
    methods: &std::path::Path,
    config: &Config,
) -> Result<Lints, Error> {
    let (input, _) = load_methods(methods, config)?;
    let loaded = LoadedExtras::load(config)?;
    let extras = loaded.extras();
    let mut every_lint = config.clone();
    every_lint.lints = lint::Levels::report_all();
    let ((), lints) = with_checked_api(error_page, &input, extras, &every_lint, |_, _, _| ())?;
    Ok(lints)
}

pub(crate) fn internal_error(source: &Source, what: &str) -> Error {
    Error::single(
        source.clone(),
        Diagnostic::error(0..0, format!("internal error: {what}")).help(
            "this is a bug in mastodon-error-codegen; please report it with this input attached",
        ),
    )
}

/// The entities module for the entity pages (or copy) at `path`.
#[cfg(feature = "entities")]
fn generate_entities(path: &std::path::Path, config: &Config) -> Result<Generated, Error> {
    entities_module(entities::load(path)?, config)
}

/// The entities module for entity pages already read.
#[cfg(feature = "entities")]
pub(crate) fn entities_module(
    input: entities::EntitiesInput,
    config: &Config,
) -> Result<Generated, Error> {
    let lints = lint::apply(&config.lints, input.found)?;
    let baseline = entities_baseline(config, &input.spec)?;
    let spec = entities::reviewed(&input.spec, &baseline);
    let files =
        emit::entities::emit(&spec, &baseline, &config.docs_site).map_err(|error| {
            let clash = match error {
                emit::entities::EmitError::Clash(clash) => clash,
                emit::entities::EmitError::Bug(bug) => {
                    return internal_error(
                        &input.sources[0],
                        &format!("the generated entities do not parse ({bug})"),
                    );
                }
            };
            let source_of = |page: usize| input.sources[input.page_source[page]].clone();
            let mut diagnostic = Diagnostic::error(
                clash.second.1.clone(),
                format!("{} would both be named `{}`", clash.what, clash.name),
            )
            .help("the generator never suffixes names: in your YAML copy of the entity pages, edit the entity's `name:` (and the methods copy's `returns` names with it) or the attribute's key");
            if clash.first != clash.second
                && input.page_source[clash.first.0] == input.page_source[clash.second.0]
            {
                diagnostic =
                    diagnostic.related(clash.first.1.clone(), "the first to take the name");
            }
            Error::single(source_of(clash.second.0), diagnostic)
        })?;
    let clean = |s: &str| s.chars().filter(|c| !c.is_control()).collect::<String>();
    let name = clean(&input.origin.name);
    let out = config
        .checked_in_as
        .as_deref()
        .map_or(String::new(), |out| format!(" --out {}", clean(out)));
    let baseline_flag = config
        .entities_baseline
        .as_deref()
        .map_or(String::new(), |text| format!(" --baseline {}", clean(text)));
    let header = format!(
        "// @generated by mastodon-error-codegen from {name}. Do not edit by hand.\n\
         // Entities: {identity}\n\
         // Baseline: {baseline}; reviewed corrections: {corrections}\n\
         // Regenerate with: mastodon-error-codegen entities {name}{baseline_flag}{out}\n\n",
        identity = clean(&input.origin.identity),
        baseline = clean(baseline.as_str()),
        corrections = spec
            .corrections
            .iter()
            .filter(|correction| correction.applies_at(&baseline))
            .count(),
    );
    let mut files = files
        .into_iter()
        .map(|(file, body)| (file.to_owned(), format!("{header}{body}")));
    let code = files.next().map(|(_, code)| code).unwrap_or_default();
    Ok(Generated {
        code,
        included: files.collect(),
        lints,
    })
}

/// The baseline the entities module is generated for: the `Config`'s, else
/// the copy's, else the default.
#[cfg(feature = "entities")]
fn entities_baseline(
    config: &Config,
    spec: &model::entities::EntitySpec,
) -> Result<model::entities::Baseline, Error> {
    use model::entities::Baseline;
    match &config.entities_baseline {
        Some(text) => Baseline::parse(text).ok_or_else(|| {
            Error::single(
                Source::new("the entities baseline (Config::entities_baseline, --baseline)", String::new()),
                Diagnostic::error(0..0, format!("`{text}` is not a Mastodon version"))
                    .help(format!("name the oldest server the types read, such as `{}` (the default) or `4.3.0`, or `latest` for types that read only the newest server", Baseline::DEFAULT)),
            )
        }),
        None => Ok(spec.baseline.clone().unwrap_or_default()),
    }
}

/// Reads the entity pages at `path`: the docs' `content/en/entities/` (with
/// the `markdown-entities` feature) or their YAML copy. Every entity with its
/// attributes; from the pages, also their JSON examples and, in each page's
/// `lints`, the docs defects found (an example that contradicts its table is
/// recorded at the example's span).
#[cfg(feature = "entities")]
pub fn read_entities(path: &std::path::Path) -> Result<model::entities::EntitySpec, Error> {
    entities::load(path).map(|input| input.spec)
}

/// The method pages at `path` (a folder of Markdown pages, or their YAML
/// copy), with each `**Returns:**` link of a folder's pages resolved against
/// the entity pages at `entities` (a copy stores the names its export
/// resolved).
#[cfg(feature = "tools")]
pub fn read_methods(
    path: &std::path::Path,
    entities: Option<&std::path::Path>,
) -> Result<model::methods::MethodSpec, Error> {
    let mut config = Config::new();
    if let Some(entities) = entities {
        config.entities(entities);
    }
    load_methods(path, &config).map(|(input, _)| input.spec)
}

/// Reads a YAML copy of the entity pages already in memory, as
/// [`read_entities`] reads one from a file.
#[cfg(feature = "entities")]
pub fn read_entities_copy(copy: &Source) -> Result<model::entities::EntitySpec, Error> {
    yaml::entities::parse(copy)
}

/// `spec` with every reviewed correction applied (those with an `until`
/// too): what recorded responses are checked against. No baseline marks: a
/// reader of responses judges each by its own server's version.
#[cfg(feature = "entities")]
pub fn corrected_entities(spec: &model::entities::EntitySpec) -> model::entities::EntitySpec {
    entities::corrected(spec, |_| true)
}

/// An entity page's JSON example as JSON: without the `// ...` lines the
/// docs use to elide keys, and without the commas those leave dangling.
#[cfg(feature = "markdown-entities")]
pub fn entity_example_json(example: &str) -> String {
    entity_examples::cleaned(example)
}

/// The YAML copy of the entity pages (or of a copy) at `path`.
#[cfg(all(feature = "tools", feature = "entities"))]
fn export_entities_yaml(
    path: &std::path::Path,
    config: &Config,
    out_name: Option<&str>,
) -> Result<Generated, Error> {
    let mut input = entities::load(path)?;
    let lints = lint::apply(&config.lints, input.found)?;
    if let Some(previous) = out_name
        .map(std::path::Path::new)
        .filter(|out| out.is_file())
    {
        keep_reviewed(&mut input.spec, previous)?;
    }
    let code = yaml::entities_write::write(&input.spec, &input.origin.identity, out_name).map_err(
        |why| {
            internal_error(
                &input.sources[0],
                &format!("the entities copy cannot be written ({why})"),
            )
        },
    )?;
    Ok(Generated {
        code,
        included: Vec::new(),
        lints,
    })
}

/// Carries the reviewed part of the copy at `previous` (its baseline and
/// corrections, which no page has) into `spec`, read afresh from the pages.
/// A correction of an attribute the pages no longer define is refused where
/// the previous copy has it.
#[cfg(all(feature = "tools", feature = "entities"))]
fn keep_reviewed(
    spec: &mut model::entities::EntitySpec,
    previous: &std::path::Path,
) -> Result<(), Error> {
    if Format::of(&source::display_path(previous)) != Format::Yaml {
        return Ok(());
    }
    let source = Source::read(previous)?;
    let old = yaml::entities::parse(&source)?;
    let orphans: Vec<Diagnostic> = old
        .corrections
        .iter()
        .filter(|correction| {
            spec.entity(&correction.entity).is_none_or(|entity| {
                !entity
                    .attributes
                    .iter()
                    .any(|attribute| attribute.path == correction.attribute)
            })
        })
        .map(|correction| {
            Diagnostic::error(
                correction.span.clone(),
                format!(
                    "the pages no longer define `{}` of `{}`, which this correction corrects",
                    model::entities::display_path(&correction.attribute),
                    correction.entity
                ),
            )
            .help("remove the correction, or move it to the attribute's new name; the refresh keeps every other correction")
        })
        .collect();
    if !orphans.is_empty() {
        return Err(Error::new(source, orphans));
    }
    spec.baseline = old.baseline;
    spec.corrections = old.corrections;
    Ok(())
}

/// The method pages at `path`, with their `**Returns:**` links resolved
/// against the entity pages [`Config::entities`] names.
fn load_methods(
    path: &std::path::Path,
    config: &Config,
) -> Result<(api::MethodsInput, emit::InputOrigin), Error> {
    #[cfg_attr(not(feature = "entities"), allow(unused_mut))]
    let (mut input, origin) = method_pages::load(path)?;
    #[cfg(feature = "entities")]
    if let Some(entities) = &config.entities {
        // A copy stores the names its export resolved.
        if path.is_dir() {
            let entities = entities::load(entities)?;
            entities::resolve_returns(&mut input, &entities.spec);
        }
    }
    #[cfg(not(feature = "entities"))]
    let _ = config;
    Ok((input, origin))
}
