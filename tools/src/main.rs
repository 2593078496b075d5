//! `mastodon-error-codegen`: the generator on the command line. Arguments
//! are parsed by clap. It is its own crate, so that a build script depending
//! on the generator never compiles it or its dependencies.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use mastodon_error_codegen::corpus;
use mastodon_error_codegen::diff::{self, DiffFormat};
use mastodon_error_codegen::responses;
use mastodon_error_codegen::{
    Config, Error, Format, Gate, Generated, Level, Lints, Source, lint, write_if_changed,
};

// The settings of the crate's checked-in files, which build.rs and
// tests/freshness.rs share.
include!("../../build/checked_in.rs");

const DEFAULT_SPEC: &str = CHECKED_IN_SPEC;
const DEFAULT_OUT: &str = "generated/mastodon_error.rs";
const DEFAULT_YAML: &str = "spec/error.yaml";
const DEFAULT_METHODS: &str = "spec/methods.yaml";
const DEFAULT_RATE_LIMITS: &str = "spec/rate-limits.yaml";
const DEFAULT_SCOPES: &str = "spec/oauth-scopes.yaml";
const DEFAULT_ENTITIES: &str = CHECKED_IN_ENTITIES;
const DEFAULT_ENTITIES_OUT: &str = "generated/entities.rs";

const AFTER_HELP: &str = "\
SPEC is the Error page in Markdown, or its YAML copy if the name ends in .yaml or .yml.
PATH is a folder of the docs' method pages (content/en/methods/), or their YAML copy.
PAGE is the docs' rate-limits page (content/en/api/rate-limits.md) or OAuth scopes page
(content/en/api/oauth-scopes.md), or its YAML copy.
FOLDER for --entities is the docs' entity pages (content/en/entities/), or their YAML copy.

A defect in the docs' own pages is a lint: warned about, with what the generator
recovered or left out, unless --allow or --deny sets its level (docs/lints.md lists the lints and their groups).

Exit status: 0 success, 1 invalid spec, denied lint or stale output, 2 bad command line.";

/// Rust from Mastodon's Error entity page and API method pages.
///
/// With no command, refreshes what is checked in (run from the workspace
/// root): spec/methods.yaml, spec/rate-limits.yaml, spec/oauth-scopes.yaml
/// and spec/entities.yaml from the pages in --methods FOLDER, --rate-limits
/// PAGE, --scopes PAGE and --entities FOLDER, or in the docs corpus if it is
/// found; generated/entities.rs from spec/entities.yaml; generated/mastodon_error.rs (and the files it includes)
/// from spec/error.md and the other copies; generated/openapi.json from them
/// with spec/entities.yaml; and spec/error.yaml.
#[derive(Parser)]
#[command(name = "mastodon-error-codegen", version, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    options: Options,
}

#[derive(Subcommand)]
enum Command {
    /// Write the module to stdout, or to FILE if its content changed. With
    /// --methods, the module also has Endpoint and the method pages' reasons.
    Generate {
        spec: String,
        /// Where to write; the file is rewritten only if its content changed.
        #[arg(long, short)]
        out: Option<String>,
    },
    /// Write the entities module (structs, open enums, `EntityKind`) for the
    /// entity pages in FOLDER (`content/en/entities/`) or their YAML copy.
    Entities {
        pages: String,
        /// Write the YAML copy of the pages instead of the module.
        #[arg(long)]
        yaml: bool,
        /// Where to write, with the files it includes (`entity_kinds.rs`,
        /// `entity_values.rs`) beside it; each is rewritten only if its
        /// content changed. Without it, stdout gets the module in one piece.
        #[arg(long, short)]
        out: Option<String>,
    },
    /// Write the YAML copy of SPEC, of the method pages in --methods FOLDER,
    /// of the rate-limits page in --rate-limits PAGE, of the OAuth scopes
    /// page in --scopes PAGE, or of the entity pages in --entities FOLDER.
    ExportYaml {
        #[arg(
            required_unless_present_any = ["methods", "rate_limits", "scopes", "entities"],
            conflicts_with_all = ["methods", "rate_limits", "scopes", "entities"]
        )]
        spec: Option<String>,
        /// Where to write; the file is rewritten only if its content changed.
        #[arg(long, short)]
        out: Option<String>,
    },
    /// Exit 0 if GENERATED is what SPEC gives (the module, or the YAML copy
    /// if it ends in .yaml or .yml), or COPY what --methods FOLDER (or
    /// --rate-limits, --scopes, --entities) gives; else print what changed,
    /// with its semver impact, then a unified diff, and exit 1.
    #[command(
        override_usage = "mastodon-error-codegen check <SPEC> <GENERATED> [--methods PATH]\n       mastodon-error-codegen check --methods FOLDER | --rate-limits PAGE | --scopes PAGE | --entities FOLDER <COPY>"
    )]
    Check {
        #[arg(num_args = 1..=2, required = true, value_name = "FILE")]
        files: Vec<String>,
    },
    /// Every docs defect in the method pages at --methods PATH, whatever the
    /// levels, for filing upstream: as rustc-style text, or a Markdown table.
    Lints {
        /// The Error page that method pages are read against.
        #[arg(long, value_name = "SPEC", default_value = DEFAULT_SPEC)]
        error_page: String,
        /// `text` for terminals, `markdown` for an upstream issue.
        #[arg(long, value_enum, default_value_t = LintFormat::Text)]
        format: LintFormat,
    },
    /// What changed between two versions of the Error page, of the method
    /// pages or the entity pages (folders or YAML copies), or, with
    /// --methods, of the rate-limits or OAuth scopes page, with the semver
    /// impact of each change on the generated module.
    Diff {
        old: String,
        new: String,
        /// The Error page that method pages are read against.
        #[arg(long, value_name = "SPEC", default_value = DEFAULT_SPEC)]
        error_page: String,
        /// `text` for terminals, `markdown` for a PR comment, `json` for bots.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Read recorded server responses (JSON Lines: `m`, `p`, `v`, `body` a
    /// line) against the method and entity copies (--methods, --entities;
    /// by default spec/methods.yaml and spec/entities.yaml) and report every
    /// disagreement. Findings are no failure: exit 0 when the report is made.
    Responses {
        /// Recordings (`.jsonl`), or folders whose `*.jsonl` files are read, in name order.
        #[arg(required = true, value_name = "FILE_OR_DIR")]
        inputs: Vec<String>,
        /// `text` for terminals, `markdown` for an upstream issue.
        #[arg(long, value_enum, default_value_t = LintFormat::Text)]
        format: LintFormat,
        /// Read against the docs' facts alone, without the copy's reviewed
        /// corrections: what the docs say, as an upstream issue wants it.
        #[arg(long)]
        without_corrections: bool,
    },
    /// Write the samples that scripts/validate-openapi-samples.py validates
    /// generated/openapi.json with, as JSON: the JSON examples of the entity
    /// pages in --entities FOLDER, and the recorded responses (as for
    /// `responses`) with the method --methods (default spec/methods.yaml)
    /// routes each to.
    OpenapiSamples {
        /// Recordings (`.jsonl`), or folders whose `*.jsonl` files are read, in name order.
        #[arg(required = true, value_name = "FILE_OR_DIR")]
        inputs: Vec<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum LintFormat {
    Text,
    #[value(alias = "md")]
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    Text,
    #[value(alias = "md")]
    Markdown,
    Json,
}

impl From<OutputFormat> for DiffFormat {
    fn from(format: OutputFormat) -> Self {
        match format {
            OutputFormat::Text => DiffFormat::Text,
            OutputFormat::Markdown => DiffFormat::Markdown,
            OutputFormat::Json => DiffFormat::Json,
        }
    }
}

/// What every command takes.
#[derive(Args)]
struct Options {
    /// The API method pages: a folder of Markdown pages, or their YAML copy.
    #[arg(long, global = true, value_name = "PATH")]
    methods: Option<String>,
    /// The rate-limits page, or its YAML copy: the module also has
    /// RATE_LIMITS and RateLimitStatus. Needs --methods.
    #[arg(long = "rate-limits", global = true, value_name = "PAGE")]
    rate_limits: Option<String>,
    /// The OAuth scopes page, or its YAML copy: Scope then has versions
    /// and the hierarchy, and an undefined scope is a lint. Needs --methods.
    #[arg(long, global = true, value_name = "PAGE")]
    scopes: Option<String>,
    /// The entity pages, a folder of Markdown pages or their YAML copy: for
    /// `export-yaml`, `check` and the refresh; beside --methods FOLDER, what
    /// the method pages' Returns lines resolve against.
    #[arg(long, global = true, value_name = "FOLDER")]
    entities: Option<String>,
    /// The oldest server the entity types read (default: the copy's
    /// `baseline:`, else 4.0.0): an attribute a later version added is an
    /// Option. `latest` types every attribute as its table says.
    #[arg(long, global = true, value_name = "VERSION", value_parser = baseline_version)]
    baseline: Option<String>,
    /// Name a variant. KEY is a reason's `#anchor` or heading as written, a
    /// method's `GET /api/v1/statuses/:id`, or a method reason's `401 The access token is invalid`.
    #[arg(long = "rename", global = true, value_name = "KEY=Name", value_parser = parse_rename)]
    renames: Vec<(String, String)>,
    /// `feature` (cfg_attr(feature = "serde"), the default), `feature=NAME`, `always`, or `never`.
    #[arg(long, global = true, value_name = "MODE", value_parser = |mode: &str| parse_gate(mode, "serde"))]
    serde: Option<Gate>,
    /// The http crate's types: `feature` (cfg(feature = "http"), the default), `feature=NAME`, `always`, or `never`.
    #[arg(long, global = true, value_name = "MODE", value_parser = |mode: &str| parse_gate(mode, "http"))]
    http: Option<Gate>,
    /// Where doc links point (default https://docs.joinmastodon.org).
    #[arg(long, global = true, value_name = "URL")]
    docs_site: Option<String>,
    /// Report the lint or lint group NAME (`warnings`: every lint) as a warning.
    #[arg(long, short = 'W', global = true, value_name = "NAME", value_parser = lint_name)]
    warn: Vec<String>,
    /// Make the lint or lint group NAME (`warnings`: every lint) an error. Wins over --warn and --allow.
    #[arg(long, short = 'D', global = true, value_name = "NAME", value_parser = lint_name)]
    deny: Vec<String>,
    /// Do not report the lint or lint group NAME (`warnings`: every lint).
    #[arg(long, short = 'A', global = true, value_name = "NAME", value_parser = lint_name)]
    allow: Vec<String>,
    /// Every docs defect fails the run: `--deny warnings`.
    #[arg(long, global = true)]
    strict: bool,
}

/// A lint's name, a group's, or `warnings`; anything else is a usage error listing the names.
fn lint_name(name: &str) -> Result<String, String> {
    lint::check_name(name).map(|()| name.to_owned())
}

/// `--baseline`: a version, or `latest`; anything else is a usage error.
fn baseline_version(text: &str) -> Result<String, String> {
    match mastodon_error_codegen::model::entities::Baseline::parse(text) {
        Some(_) => Ok(text.to_owned()),
        None => Err(format!(
            "`{text}` is not a Mastodon version: name the oldest server the entity types read, such as 4.3.0, or `latest`"
        )),
    }
}

fn parse_rename(rename: &str) -> Result<(String, String), String> {
    rename
        .rsplit_once('=')
        .map(|(key, name)| (key.to_owned(), name.to_owned()))
        .ok_or_else(|| format!("takes KEY=Name, got `{rename}`"))
}

/// `--serde` and `--http`: `feature` means the feature named `default_feature`.
fn parse_gate(mode: &str, default_feature: &str) -> Result<Gate, String> {
    match mode {
        "feature" => Ok(Gate::Feature(default_feature.to_owned())),
        "always" => Ok(Gate::Always),
        "never" => Ok(Gate::Never),
        other => match other.strip_prefix("feature=") {
            Some(name) if !name.is_empty() => Ok(Gate::Feature(name.to_owned())),
            _ => Err(format!(
                "unknown mode `{other}`: use feature, feature=NAME, always or never"
            )),
        },
    }
}

/// One input whose YAML copy `export-yaml` writes and `check` compares.
enum CopyInput {
    Methods(String),
    RateLimits(String),
    Scopes(String),
    Entities(String),
}

impl CopyInput {
    fn export(&self, config: &Config, out: Option<&str>) -> Result<Generated, Failure> {
        Ok(match self {
            CopyInput::Methods(path) => config.export_methods_report(path, out)?,
            CopyInput::RateLimits(page) => config.export_rate_limits_report(page, out)?,
            CopyInput::Scopes(page) => config.export_scopes_report(page, out)?,
            CopyInput::Entities(folder) => {
                let copy = config.export_entities_report(folder, out)?;
                // The refresh keeps the copy's corrections: say which the docs now make.
                if let Some(out) = out {
                    warn_redundant_corrections(out, &copy.code);
                }
                copy
            }
        })
    }

    fn flag_and_path(&self) -> (&'static str, &str) {
        match self {
            CopyInput::Methods(path) => ("methods", path),
            CopyInput::RateLimits(page) => ("rate-limits", page),
            CopyInput::Scopes(page) => ("scopes", page),
            CopyInput::Entities(folder) => ("entities", folder),
        }
    }

    /// What changed between a stale copy's content and what the input gives
    /// now, when the copy can be read: the entity pages only.
    fn summary(&self, config: &Config, copy: &str, current: &str) -> Option<diff::Diff> {
        let CopyInput::Entities(folder) = self else {
            return None;
        };
        if current.is_empty() {
            return None;
        }
        let mut summary = diff::diff_entities(Path::new(copy), Path::new(folder), config).ok()?;
        summary.old_name = format!("{copy} (checked in)");
        Some(summary)
    }
}

impl Options {
    /// The one input given for a copy; more than one is a usage error
    /// (`what` says which command refuses it).
    fn one_copy(&self, what: &str) -> Result<Option<CopyInput>, Failure> {
        // Beside --methods, --entities is what the Returns lines resolve
        // against, not a copy of its own.
        let entities = self.entities.clone().filter(|_| self.methods.is_none());
        let given: Vec<CopyInput> = [
            self.methods.clone().map(CopyInput::Methods),
            self.rate_limits.clone().map(CopyInput::RateLimits),
            self.scopes.clone().map(CopyInput::Scopes),
            entities.map(CopyInput::Entities),
        ]
        .into_iter()
        .flatten()
        .collect();
        match <[CopyInput; 1]>::try_from(given) {
            Ok([copy]) => Ok(Some(copy)),
            Err(given) if given.is_empty() => Ok(None),
            Err(_) => Err(Failure::Usage(format!(
                "{what} one copy: give one of --methods FOLDER, --rate-limits PAGE, --scopes PAGE, --entities FOLDER, not several"
            ))),
        }
    }

    fn config(&self) -> Config {
        let mut config = Config::new();
        for (key, name) in &self.renames {
            config.rename(key, name);
        }
        if let Some(serde) = &self.serde {
            config.serde(serde.clone());
        }
        if let Some(http) = &self.http {
            config.http(http.clone());
        }
        if let Some(site) = &self.docs_site {
            config.docs_site(site);
        }
        if let Some(methods) = &self.methods {
            config.methods(methods);
        }
        if let Some(rate_limits) = &self.rate_limits {
            config.rate_limits(rate_limits);
        }
        if let Some(scopes) = &self.scopes {
            config.scopes(scopes);
        }
        if let Some(entities) = &self.entities {
            config.entities(entities);
        }
        if let Some(baseline) = &self.baseline {
            config.entities_baseline(baseline);
        }
        // Applied in this order, so deny wins over warn, and warn over allow.
        let levels = [
            (&self.allow, Level::Allow),
            (&self.warn, Level::Warn),
            (&self.deny, Level::Deny),
        ];
        for (names, level) in levels {
            for name in names {
                config.lint(name, level);
            }
        }
        if self.strict {
            config.lint(lint::ALL_LINTS_GROUP, Level::Deny);
        }
        config
    }
}

fn main() -> ExitCode {
    // clap prints help, versions and usage errors itself, with exit 2 for the latter.
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(Failure::Usage(message)) => {
            let error = clap::Error::raw(
                clap::error::ErrorKind::ArgumentConflict,
                format!("{message}\n"),
            );
            write_stderr(
                &error
                    .with_cmd(&<Cli as clap::CommandFactory>::command())
                    .render()
                    .to_string(),
            );
            ExitCode::from(2)
        }
        Err(Failure::Spec(error)) => {
            let text = if use_color() {
                error.render_styled()
            } else {
                error.render()
            };
            write_stderr(&text);
            ExitCode::from(1)
        }
        Err(Failure::Io(message)) => {
            write_stderr(&format!("error: {message}\n"));
            ExitCode::from(1)
        }
    }
}

enum Failure {
    Usage(String),
    Spec(Error),
    Io(String),
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure::Spec(error)
    }
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let options = &cli.options;
    match cli.command {
        None => refresh_workspace(options),
        Some(Command::Generate { spec, out }) => {
            generate(options, Output::Module, &spec, out.as_deref())
        }
        Some(Command::ExportYaml {
            spec: Some(spec),
            out,
        }) => generate(options, Output::YamlCopy, &spec, out.as_deref()),
        Some(Command::ExportYaml { spec: None, out }) => {
            let copy = match options.one_copy("export-yaml writes")? {
                Some(copy) => copy.export(&options.config(), out.as_deref())?,
                None => {
                    return Err(Failure::Usage(
                        "export-yaml takes <SPEC>, --methods FOLDER, --rate-limits PAGE, --scopes PAGE or --entities FOLDER".to_owned(),
                    ));
                }
            };
            warn(&copy.lints);
            write_result(out.as_deref(), &copy.code)
        }
        Some(Command::Entities { pages, out, yaml }) => {
            let mut config = options.config();
            if let Some(out) = &out {
                config.checked_in_as(out.clone());
            }
            let generated = if yaml {
                config.export_entities_report(&pages, out.as_deref())?
            } else {
                config.generate_entities_report(&pages)?
            };
            warn(&generated.lints);
            write_files(out.as_deref(), &generated)
        }
        Some(Command::Check { files }) => check(options, &files),
        Some(Command::Lints { error_page, format }) => docs_defects(options, &error_page, format),
        Some(Command::Diff {
            old,
            new,
            error_page,
            format,
        }) => semantic_diff(options, &old, &new, &error_page, format.into()),
        Some(Command::Responses {
            inputs,
            format,
            without_corrections,
        }) => read_responses(options, &inputs, format, without_corrections),
        Some(Command::OpenapiSamples { inputs }) => openapi_samples(options, &inputs),
    }
}

/// The `openapi-samples` command: the entity pages' examples and the
/// recordings, routed, as JSON.
fn openapi_samples(options: &Options, inputs: &[String]) -> Result<ExitCode, Failure> {
    let Some(pages) = options
        .entities
        .as_deref()
        .map(Path::new)
        .filter(|path| path.is_dir())
    else {
        return Err(Failure::Usage(
            "openapi-samples reads the examples of the entity pages: give their folder, --entities FOLDER".to_owned(),
        ));
    };
    let methods = options.methods.as_deref().unwrap_or(DEFAULT_METHODS);
    let entity_spec = mastodon_error_codegen::read_entities(pages)?;
    let method_spec = mastodon_error_codegen::read_methods(Path::new(methods), Some(pages))?;
    let paths: Vec<std::path::PathBuf> = inputs.iter().map(Into::into).collect();
    let records = responses::read_records(&paths)?;
    let samples =
        mastodon_error_codegen::samples::samples_json(pages, &entity_spec, &method_spec, &records)?;
    write_stdout(&samples)?;
    Ok(ExitCode::SUCCESS)
}

/// The `responses` command: the recordings read against the copies.
fn read_responses(
    options: &Options,
    inputs: &[String],
    format: LintFormat,
    without_corrections: bool,
) -> Result<ExitCode, Failure> {
    let methods = options.methods.as_deref().unwrap_or(DEFAULT_METHODS);
    let entities = options.entities.as_deref().unwrap_or(DEFAULT_ENTITIES);
    let mut entity_spec = mastodon_error_codegen::read_entities(Path::new(entities))?;
    if without_corrections {
        entity_spec.corrections.clear();
    }
    let entity_spec = mastodon_error_codegen::corrected_entities(&entity_spec);
    let method_spec =
        mastodon_error_codegen::read_methods(Path::new(methods), Some(Path::new(entities)))?;
    let paths: Vec<std::path::PathBuf> = inputs.iter().map(Into::into).collect();
    let records = responses::read_records(&paths)?;
    let report = responses::check(&method_spec, &entity_spec, &records);
    let format = match format {
        LintFormat::Text => responses::ReportFormat::Text,
        LintFormat::Markdown => responses::ReportFormat::Markdown,
    };
    write_stdout(&report.render(format))?;
    Ok(ExitCode::SUCCESS)
}

/// No command: the workspace's main job.
fn refresh_workspace(options: &Options) -> Result<ExitCode, Failure> {
    if !Path::new(DEFAULT_SPEC).is_file() {
        return Err(Failure::Usage(format!(
            "no {DEFAULT_SPEC} here; run from the workspace root, or name a spec: generate <SPEC>"
        )));
    }
    write_output("docs/lints.md", &lint::reference_markdown())?;
    // The method pages are not in this repository: the copy is refreshed
    // only from pages given, or found where the tests find the corpus.
    // The method pages' Returns lines name entities of the same snapshot.
    let entity_pages = corpus_input(options.entities.as_deref(), "entities", "")?;
    match corpus_input(options.methods.as_deref(), "methods", "")? {
        Ok(folder) => {
            let mut config = options.config();
            if let Ok(entities) = &entity_pages {
                config.entities(entities);
            }
            let copy = config.export_methods_report(&folder, Some(DEFAULT_METHODS))?;
            write_output(DEFAULT_METHODS, &copy.code)?;
        }
        Err(looked_in) => {
            write_stderr(&format!(
                "skipped: {DEFAULT_METHODS} (no method pages found; looked in {looked_in}; \
                 get them with scripts/fetch-corpus.sh, or pass --methods FOLDER)\n"
            ));
        }
    }
    let pages = [
        (
            CopyInput::RateLimits as fn(String) -> CopyInput,
            &options.rate_limits,
            "rate-limits.md",
            "rate-limits page",
            "rate-limits",
            DEFAULT_RATE_LIMITS,
        ),
        (
            CopyInput::Scopes,
            &options.scopes,
            "oauth-scopes.md",
            "OAuth scopes page",
            "scopes",
            DEFAULT_SCOPES,
        ),
    ];
    for (copy, given, file, what, flag, out) in pages {
        match corpus_input(given.as_deref(), "api", file)? {
            Ok(page) => {
                let page = page.display().to_string();
                let copy = copy(page).export(&options.config(), Some(out))?;
                write_output(out, &copy.code)?;
            }
            Err(looked_in) => {
                write_stderr(&format!(
                    "skipped: {out} (no {what} found; looked in {looked_in}; \
                     get it with scripts/fetch-corpus.sh, or pass --{flag} PAGE)\n"
                ));
            }
        }
    }
    match entity_pages {
        Ok(folder) => {
            // Type overrides are written by hand: the pages do not have them.
            let overrides = type_overrides(Path::new(DEFAULT_ENTITIES));
            let copy = options
                .config()
                .export_entities_report(&folder, Some(DEFAULT_ENTITIES))?;
            write_output(DEFAULT_ENTITIES, &copy.code)?;
            warn_redundant_corrections(DEFAULT_ENTITIES, &copy.code);
            if !overrides.is_empty() {
                write_stderr(&format!(
                    "warning: {DEFAULT_ENTITIES} was refreshed from the pages, which dropped its type overrides: {}; \
                     add them back by hand (`git diff {DEFAULT_ENTITIES}` shows them)\n",
                    overrides.join(", ")
                ));
            }
        }
        Err(looked_in) => write_stderr(&format!(
            "skipped: {DEFAULT_ENTITIES} (no entity pages found; looked in {looked_in}; \
             get them with scripts/fetch-corpus.sh, or pass --entities FOLDER)\n"
        )),
    }
    if Path::new(DEFAULT_ENTITIES).is_file() {
        let mut config = options.config();
        config.checked_in_as(DEFAULT_ENTITIES_OUT);
        let module = config.generate_entities_report(DEFAULT_ENTITIES)?;
        // The copy records dozens of the pages' defects, most of them in the
        // examples, which change no type: counted here, listed on request.
        let count = module.lints.iter().count();
        if count > 0 {
            write_stderr(&format!(
                "note: {DEFAULT_ENTITIES} records {count} docs defects of the entity pages (docs/entities.md lists the examples'); \
                 `mastodon-error-codegen entities {DEFAULT_ENTITIES}` shows each\n"
            ));
        }
        write_module(DEFAULT_ENTITIES_OUT, &module)?;
    }
    let spec = Source::read(Path::new(DEFAULT_SPEC))?;
    let mut config = options.config();
    let copies = [DEFAULT_METHODS, DEFAULT_RATE_LIMITS, DEFAULT_SCOPES];
    if copies.iter().all(|copy| Path::new(copy).is_file()) {
        // As build.rs compiles it and tests/freshness.rs checks it.
        checked_in_module(&mut config);
    } else if Path::new(DEFAULT_METHODS).is_file() {
        config.methods(DEFAULT_METHODS);
        if Path::new(DEFAULT_RATE_LIMITS).is_file() {
            config.rate_limits(DEFAULT_RATE_LIMITS);
        }
        if Path::new(DEFAULT_SCOPES).is_file() {
            config.scopes(DEFAULT_SCOPES);
        }
    }
    let module = Output::Module.produce(&mut config, &spec, Some(DEFAULT_OUT))?;
    // Once: the copies record the defects their pages showed, and the
    // module reports them again with the ones found between the copies.
    warn(&module.lints);
    write_module(DEFAULT_OUT, &module)?;
    if copies.iter().all(|copy| Path::new(copy).is_file()) && Path::new(DEFAULT_ENTITIES).is_file()
    {
        // As tests/freshness.rs checks it: the module's inputs, with the entities.
        let mut config = options.config();
        checked_in_module(&mut config).entities(DEFAULT_ENTITIES);
        let document = config.generate_openapi_report(&spec)?;
        write_output(CHECKED_IN_OPENAPI, &document.code)?;
    }
    let copy = Output::YamlCopy.produce(&mut options.config(), &spec, Some(DEFAULT_YAML))?;
    write_output(DEFAULT_YAML, &copy.code)?;
    Ok(ExitCode::SUCCESS)
}

/// An input for the refresh: the one `given`, else `file` (a folder when
/// empty) in the newest pinned snapshot of the corpus folder `kind`
/// (`methods`, `api`). `Err(looked_in)` when neither is there.
fn corpus_input(
    given: Option<&str>,
    kind: &str,
    file: &str,
) -> Result<Result<std::path::PathBuf, String>, Failure> {
    if let Some(given) = given {
        return Ok(Ok(given.into()));
    }
    let in_snapshot = |dir: &Path, snapshot: &str| match file {
        "" => dir.join(snapshot),
        file => dir.join(snapshot).join(file),
    };
    let root = Path::new(".");
    let snapshot = corpus::current_snapshot(root, kind);
    match (corpus::locate(root).map_err(Failure::Io)?, snapshot) {
        (corpus::Lookup::Found(dir), Some(snapshot)) if in_snapshot(&dir, &snapshot).exists() => {
            Ok(Ok(in_snapshot(&dir, &snapshot)))
        }
        (corpus::Lookup::Found(dir), snapshot) => {
            let snapshot = snapshot
                .unwrap_or_else(|| format!("{kind}/ snapshot pinned in scripts/corpus.pins"));
            let wanted = if file.is_empty() {
                snapshot
            } else {
                format!("{snapshot}/{file}")
            };
            Ok(Err(format!("{} (no {wanted} there)", dir.display())))
        }
        (corpus::Lookup::Missing(looked_in), _) => Ok(Err(looked_in.join(", "))),
    }
}

/// What a command produces from a spec.
#[derive(Clone, Copy)]
enum Output {
    Module,
    YamlCopy,
}

impl Output {
    /// What `check` compares a file with, by its extension.
    fn checked_by(path: &str) -> Output {
        match Format::of(path) {
            Format::Yaml => Output::YamlCopy,
            Format::Markdown => Output::Module,
        }
    }

    fn command(self) -> &'static str {
        match self {
            Output::Module => "generate",
            Output::YamlCopy => "export-yaml",
        }
    }

    /// Generates from `spec`; `out` is the path the result is written to.
    fn produce(
        self,
        config: &mut Config,
        spec: &Source,
        out: Option<&str>,
    ) -> Result<Generated, Error> {
        match self {
            Output::Module => {
                if let Some(out) = out {
                    config.checked_in_as(out);
                }
                config.generate_report(spec)
            }
            Output::YamlCopy => Ok(Generated {
                code: config.export_yaml_source(spec, out)?,
                files: Vec::new(),
                lints: Lints::default(),
            }),
        }
    }
}

fn generate(
    options: &Options,
    output: Output,
    spec: &str,
    out: Option<&str>,
) -> Result<ExitCode, Failure> {
    let spec = Source::read(Path::new(spec))?;
    let generated = output.produce(&mut options.config(), &spec, out)?;
    warn(&generated.lints);
    write_files(out, &generated)
}

/// Writes a module's include file as `out` and its other files beside it;
/// a YAML copy, one file, as `out`.
fn write_module(out: &str, generated: &Generated) -> Result<(), Failure> {
    if generated.files.is_empty() {
        return write_output(out, &generated.code);
    }
    for (path, file) in module_paths(out, generated) {
        write_output(&path, &file.code)?;
    }
    Ok(())
}

/// Where each file of a module goes when its include file is `out`.
fn module_paths<'g>(
    out: &str,
    generated: &'g Generated,
) -> impl Iterator<Item = (String, &'g mastodon_error_codegen::OutputFile)> {
    let folder = Path::new(out)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    generated
        .files
        .iter()
        .enumerate()
        .map(move |(index, file)| {
            let path = if index == 0 {
                out.to_owned()
            } else {
                folder.join(&file.name).to_string_lossy().into_owned()
            };
            (path, file)
        })
}

/// Writes to `out` if given, else to stdout.
fn write_result(out: Option<&str>, content: &str) -> Result<ExitCode, Failure> {
    match out {
        Some(out) => write_output(out, content)?,
        None => write_stdout(content)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// [`write_result`] for what may be a module of several files: written as
/// `out` and beside it, or in one piece on stdout.
fn write_files(out: Option<&str>, generated: &Generated) -> Result<ExitCode, Failure> {
    let Some(out) = out else {
        return write_result(None, &generated.code);
    };
    write_module(out, generated)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes `out` only if its content changed, and says which.
fn write_output(out: &str, content: &str) -> Result<(), Failure> {
    if let Some(parent) = Path::new(out)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent)
            .map_err(|err| Failure::Io(format!("cannot create `{}`: {err}", parent.display())))?;
    }
    let wrote = write_if_changed(Path::new(out), content.as_bytes())
        .map_err(|err| Failure::Io(format!("cannot write `{out}`: {err}")))?;
    let status = if wrote { "wrote" } else { "unchanged" };
    write_stderr(&format!("{status}: {out}\n"));
    Ok(())
}

fn check(options: &Options, files: &[String]) -> Result<ExitCode, Failure> {
    let mut config = options.config();
    let (spec, generated) = match files {
        [copy] => {
            let Some(input) = options.one_copy("check compares")? else {
                return Err(Failure::Usage(
                    "check takes <SPEC> <GENERATED>, or <COPY> with one of --methods FOLDER, --rate-limits PAGE, --scopes PAGE, --entities FOLDER".to_owned(),
                ));
            };
            let fresh = input.export(&config, Some(copy))?;
            warn(&fresh.lints);
            let (flag, path) = input.flag_and_path();
            let summary = |current: &str| input.summary(&config, copy, current);
            return compare(
                copy,
                path,
                &fresh.code,
                Some(&summary),
                &format!("export-yaml --{flag} {path}"),
            );
        }
        [spec, generated] => (spec, generated),
        _ => {
            return Err(Failure::Usage(
                "check takes <SPEC> <GENERATED>, or <COPY> with one of --methods FOLDER, --rate-limits PAGE, --scopes PAGE, --entities FOLDER".to_owned(),
            ));
        }
    };
    let output = Output::checked_by(generated);
    // Read once: the fresh output and the semantic summary both come from it.
    let source = Source::read(Path::new(spec))?;
    let fresh = output.produce(&mut config, &source, Some(generated))?;
    warn(&fresh.lints);
    let files: Vec<(String, String)> = if fresh.files.is_empty() {
        vec![(generated.clone(), fresh.code)]
    } else {
        module_paths(generated, &fresh)
            .map(|(path, file)| (path, file.code.clone()))
            .collect()
    };
    let mut methods_option = options
        .methods
        .as_ref()
        .map_or(String::new(), |methods| format!(" --methods {methods}"));
    if let Some(rate_limits) = &options.rate_limits {
        methods_option.push_str(&format!(" --rate-limits {rate_limits}"));
    }
    if let Some(scopes) = &options.scopes {
        methods_option.push_str(&format!(" --scopes {scopes}"));
    }
    let summary = |current: &str| match (&options.methods, output) {
        (Some(methods), Output::Module) => {
            let old_name = format!("{generated} (checked in)");
            diff::diff_generated_api(current, &old_name, &source, Path::new(methods), &config)
                .ok()
                .flatten()
        }
        _ => stale_summary(&config, output, &source, generated, current),
    };
    let command = format!("{} {spec}{methods_option}", output.command());
    // The semantic summary reads the whole module, every file of it: once,
    // with the include file.
    // Read only when a file is stale.
    let whole_summary = |_: &str| {
        let whole = files
            .iter()
            .map(|(path, _)| std::fs::read_to_string(path).unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n");
        summary(&whole)
    };
    let mut stale = false;
    for (index, (path, fresh)) in files.iter().enumerate() {
        let summary: Option<SummaryOf<'_>> = (index == 0).then_some(&whole_summary);
        let code = compare(path, spec, fresh, summary, &command)?;
        stale |= code != ExitCode::SUCCESS;
    }
    Ok(if stale {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The semantic summary of a stale file's content, when one can be made.
type SummaryOf<'a> = &'a dyn Fn(&str) -> Option<diff::Diff>;

/// Exit 0 if the file `generated` holds `fresh`; else what changed and exit 1.
fn compare(
    generated: &str,
    from: &str,
    fresh: &str,
    summary: Option<SummaryOf<'_>>,
    command: &str,
) -> Result<ExitCode, Failure> {
    let current = match std::fs::read(generated) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(err) => return Err(Failure::Io(format!("cannot read `{generated}`: {err}"))),
    };
    if current == fresh.as_bytes() {
        write_stderr(&format!("fresh: {generated} matches {from}\n"));
        return Ok(ExitCode::SUCCESS);
    }
    let current = String::from_utf8_lossy(&current);
    if let Some(summary) = summary.and_then(|summary| summary(&current)) {
        write_stdout(&format!("{}\n", summary.render(DiffFormat::Text)))?;
    }
    let unified = similar::TextDiff::from_lines(current.as_ref(), fresh)
        .unified_diff()
        .context_radius(3)
        .header(
            &format!("{generated} (checked in)"),
            &format!("{generated} (generated from {from})"),
        )
        .to_string();
    write_stdout(&unified)?;
    write_stderr(&format!(
        "error: {generated} is stale\nhelp: run `mastodon-error-codegen {command} --out {generated}` and commit the result\n"
    ));
    Ok(ExitCode::from(1))
}

/// What changed between the checked-in file and the spec, when the file can
/// be read as an earlier output: `None` for a missing or hand-mangled file.
fn stale_summary(
    config: &Config,
    output: Output,
    spec: &Source,
    generated: &str,
    current: &str,
) -> Option<diff::Diff> {
    if current.is_empty() {
        return None;
    }
    // `spec` just generated, so only the checked-in side can fail to read;
    // an unreadable file is already shown by the unified diff.
    match output {
        Output::Module => {
            let old_name = format!("{generated} (checked in)");
            diff::diff_generated(current, &old_name, spec, config)
                .ok()
                .flatten()
        }
        Output::YamlCopy => diff::diff(&Source::new(generated, current), spec, config).ok(),
    }
}

fn semantic_diff(
    options: &Options,
    old: &str,
    new: &str,
    error_page: &str,
    format: DiffFormat,
) -> Result<ExitCode, Failure> {
    let config = options.config();
    // Both sides the same page; two different pages compare nothing.
    let page = api_page(old).filter(|page| api_page(new) == Some(*page));
    let diff = if is_entity_pages(old) || is_entity_pages(new) {
        if is_entity_pages(old) != is_entity_pages(new) {
            let (pages, other) = if is_entity_pages(old) {
                (old, new)
            } else {
                (new, old)
            };
            return Err(Failure::Usage(format!(
                "{pages} is entity pages and {other} is not: diff compares two versions of the same pages"
            )));
        }
        diff::diff_entities(Path::new(old), Path::new(new), &config)?
    } else if is_method_pages(old) || is_method_pages(new) {
        let error_page = Source::read(Path::new(error_page))?;
        diff::diff_api(&error_page, Path::new(old), Path::new(new), &config)?
    } else if let Some(page) = page {
        let Some(methods) = &options.methods else {
            return Err(Failure::Usage(
                "a diff of the rate-limits or OAuth scopes page reads them against method pages: give --methods PATH".to_owned(),
            ));
        };
        let error_page = Source::read(Path::new(error_page))?;
        diff::diff_api_page(
            &error_page,
            Path::new(methods),
            page,
            Path::new(old),
            Path::new(new),
            &config,
        )?
    } else {
        diff::diff(
            &Source::read(Path::new(old))?,
            &Source::read(Path::new(new))?,
            &config,
        )?
    };
    write_stdout(&diff.render(format))?;
    Ok(ExitCode::SUCCESS)
}

/// The `lints` command: every docs defect, at warn level whatever the levels.
fn docs_defects(
    options: &Options,
    error_page: &str,
    format: LintFormat,
) -> Result<ExitCode, Failure> {
    let Some(methods) = &options.methods else {
        return Err(Failure::Usage(
            "lints takes --methods PATH: a folder of method pages, or their YAML copy".to_owned(),
        ));
    };
    let error_page = Source::read(Path::new(error_page))?;
    let lints = options.config().docs_defects(&error_page, methods)?;
    let report = match format {
        LintFormat::Text if lints.is_empty() => format!("no docs defects in {methods}\n"),
        LintFormat::Text => lints.render(),
        LintFormat::Markdown => lint::markdown_report(&lints, methods),
    };
    write_stdout(&report)?;
    Ok(ExitCode::SUCCESS)
}

/// Shows the lints at warn level on stderr, as rustc does.
fn warn(lints: &Lints) {
    if lints.is_empty() {
        return;
    }
    write_stderr(&if use_color() {
        lints.render_styled()
    } else {
        lints.render()
    });
}

/// The docs' rate-limits or OAuth scopes page, or a copy of one, by the
/// name the docs give it (`rate-limits.md`, `oauth-scopes.md`) or the
/// header a copy starts with.
fn api_page(path: &str) -> Option<diff::ApiPage> {
    let name = Path::new(path).file_name()?.to_string_lossy().into_owned();
    let first_line = std::fs::read_to_string(path)
        .ok()
        .and_then(|text| text.lines().next().map(str::to_owned))
        .unwrap_or_default();
    if name.contains("oauth-scopes") || first_line.contains("OAuth scopes page as data") {
        Some(diff::ApiPage::OauthScopes)
    } else if name.contains("rate-limits") || first_line.contains("rate-limits page as data") {
        Some(diff::ApiPage::RateLimits)
    } else {
        None
    }
}

/// A folder of entity pages (it has `Status.md`), or their YAML copy, by the
/// header the exporter writes or the `entities:` of its pages.
fn is_entity_pages(path: &str) -> bool {
    let path = Path::new(path);
    if path.is_dir() {
        return path.join("Status.md").is_file();
    }
    Format::of(&path.to_string_lossy()) == Format::Yaml
        && std::fs::read_to_string(path).is_ok_and(|text| {
            text.lines()
                .next()
                .is_some_and(|line| line.contains("entity pages as data"))
                || text
                    .lines()
                    .any(|line| line.starts_with(' ') && line.trim_start().starts_with("entities:"))
        })
}

/// A folder of method pages, or their YAML copy (which has `pages:`).
fn is_method_pages(path: &str) -> bool {
    let path = Path::new(path);
    path.is_dir()
        || (Format::of(&path.to_string_lossy()) == Format::Yaml
            && std::fs::read_to_string(path)
                .is_ok_and(|text| text.lines().any(|line| line.starts_with("pages:"))))
}

/// Writes to stdout. A reader that stops early (`| head`) is not an error:
/// the rest is dropped, where `print!` would panic.
fn write_stdout(text: &str) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::Io(format!("cannot write to stdout: {err}")))
        }
        _ => Ok(()),
    }
}

/// Writes to stderr, which may be a closed pipe too (`2>&1 | head`); the
/// exit status still tells the outcome, where `eprint!` would panic.
fn write_stderr(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal()
}

/// Says which of the copy's reviewed corrections the docs now state
/// themselves: the correction can go. `copy` is the copy's text, `name` the
/// file it is written to.
fn warn_redundant_corrections(name: &str, copy: &str) {
    let source = Source::new(name, copy);
    let Ok(spec) = mastodon_error_codegen::read_entities_copy(&source) else {
        return;
    };
    for correction in spec.redundant_corrections() {
        let (line, column) = source.line_col(correction.span.start);
        write_stderr(&format!(
            "warning: {name}:{line}:{column}: the correction of `{}` of `{}` is redundant: the docs now say it {}\n  = help: remove it; the types stay the same\n",
            mastodon_error_codegen::model::entities::display_path(&correction.attribute),
            correction.entity,
            correction.summary()
        ));
    }
}

/// The attributes whose type the copy at `path` overrides, as
/// `Entity.key: type`; none when there is no readable copy.
fn type_overrides(path: &Path) -> Vec<String> {
    let Ok(spec) = mastodon_error_codegen::read_entities(path) else {
        return Vec::new();
    };
    spec.entities()
        .flat_map(|(_, entity)| {
            entity
                .attributes
                .iter()
                .filter(|attribute| attribute.type_override)
                .map(|attribute| {
                    format!(
                        "{}.{}: {}",
                        entity.name,
                        attribute.display_name(),
                        attribute.ty.spelling()
                    )
                })
        })
        .collect()
}
