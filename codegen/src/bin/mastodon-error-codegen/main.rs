//! `mastodon-error-codegen`: the generator on the command line.
//!
//! Arguments are parsed by hand: a consumer's build compiles this package's
//! library, and a CLI framework would be compiled along with it.

mod unified_diff;

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use mastodon_error_codegen::corpus;
use mastodon_error_codegen::diff::{self, DiffFormat};
use mastodon_error_codegen::{Config, Error, Format, Serde, Source, write_if_changed};

const DEFAULT_SPEC: &str = "spec/error.md";
const DEFAULT_OUT: &str = "generated/error.rs";
const DEFAULT_YAML: &str = "spec/error.yaml";
const DEFAULT_METHODS: &str = "spec/methods.yaml";

const USAGE: &str = "\
mastodon-error-codegen: Rust from Mastodon's Error entity docs page

USAGE:
    mastodon-error-codegen [--methods FOLDER]
        Refresh what is checked in (run from the workspace root): spec/methods.yaml
        from the method pages in FOLDER, or in the docs corpus if it is found;
        generated/error.rs from spec/error.md and spec/methods.yaml; spec/error.yaml.
    mastodon-error-codegen generate <SPEC> [--methods PATH] [--out FILE] [OPTIONS]
        Write the module to stdout, or to FILE if its content changed. With
        --methods, the module also has Endpoint and the method pages' reasons.
    mastodon-error-codegen export-yaml <SPEC> [--out FILE] [OPTIONS]
    mastodon-error-codegen export-yaml --methods FOLDER [--out FILE] [OPTIONS]
        Write the YAML copy of SPEC, or of the method pages in FOLDER, to stdout,
        or to FILE if its content changed.
    mastodon-error-codegen check <SPEC> <GENERATED> [--methods PATH] [OPTIONS]
    mastodon-error-codegen check --methods FOLDER <COPY>
        Exit 0 if GENERATED is exactly what SPEC gives (the module, or the YAML
        copy if GENERATED ends in .yaml or .yml), or COPY what FOLDER gives;
        else print what changed, with its semver impact (for the Error page),
        then a unified diff, and exit 1.
    mastodon-error-codegen diff <OLD> <NEW> [--format text|markdown|json] [OPTIONS]
        What changed between two versions of the spec, with the semver impact
        of each change on the generated module.

SPEC is the Markdown page, or its YAML copy if the name ends in .yaml or .yml.
PATH is a folder of the docs' method pages (content/en/methods/), or their YAML copy.

OPTIONS:
    --methods PATH        The API method pages: a folder of Markdown pages, or their YAML copy.
    --rename KEY=Name     Name a variant. KEY is a reason's `#anchor` or heading as written, a
                          method's `GET /api/v1/statuses/:id`, or a method reason's
                          `401 The access token is invalid`.
    --serde MODE          `feature` (default: cfg_attr(feature = \"serde\")), `feature=NAME`,
                          `always`, or `never`.
    --docs-site URL       Where doc links point (default https://docs.joinmastodon.org).
    --format FORMAT       diff output: `text` (default), `markdown` (a PR comment) or `json`.
    -h, --help            Show this help.
    -V, --version         Show the version.

EXIT STATUS:
    0 success, 1 invalid spec or stale output, 2 bad command line.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(Failure::Usage(message)) => {
            write_stderr(&format!("error: {message}\n\n{USAGE}\n"));
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

struct Options {
    positional: Vec<String>,
    out: Option<String>,
    methods: Option<String>,
    format: DiffFormat,
    config: Config,
}

fn parse_options(args: &[String]) -> Result<Options, Failure> {
    let mut options = Options {
        positional: Vec::new(),
        out: None,
        methods: None,
        format: DiffFormat::Text,
        config: Config::new(),
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let (flag, inline_value) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_owned())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| {
            inline_value
                .clone()
                .or_else(|| args.next().cloned())
                .ok_or_else(|| Failure::Usage(format!("{name} needs a value")))
        };
        match flag {
            "--out" | "-o" => options.out = Some(value("--out")?),
            "--methods" => {
                let methods = value("--methods")?;
                options.config.methods(&methods);
                options.methods = Some(methods);
            }
            "--rename" => {
                let rename = value("--rename")?;
                let Some((key, name)) = rename.rsplit_once('=') else {
                    return Err(Failure::Usage(format!(
                        "--rename takes KEY=Name, got `{rename}`"
                    )));
                };
                options.config.rename(key, name);
            }
            "--serde" => {
                let mode = value("--serde")?;
                let serde = match mode.as_str() {
                    "feature" => Serde::default(),
                    "always" => Serde::Always,
                    "never" => Serde::Never,
                    other => match other.strip_prefix("feature=") {
                        Some(name) if !name.is_empty() => Serde::Feature(name.to_owned()),
                        _ => return Err(Failure::Usage(format!("unknown --serde mode `{other}`"))),
                    },
                };
                options.config.serde(serde);
            }
            "--format" => {
                options.format = match value("--format")?.as_str() {
                    "text" => DiffFormat::Text,
                    "markdown" | "md" => DiffFormat::Markdown,
                    "json" => DiffFormat::Json,
                    other => {
                        return Err(Failure::Usage(format!(
                            "unknown --format `{other}`: use text, markdown or json"
                        )));
                    }
                };
            }
            "--docs-site" => {
                let site = value("--docs-site")?;
                options.config.docs_site(site);
            }
            _ if flag.starts_with('-') && flag.len() > 1 => {
                return Err(Failure::Usage(format!("unknown option `{arg}`")));
            }
            _ => options.positional.push(arg.clone()),
        }
    }
    Ok(options)
}

fn run(args: &[String]) -> Result<ExitCode, Failure> {
    match args.first().map(String::as_str) {
        None => refresh_workspace(parse_options(args)?),
        Some(flag) if flag.starts_with("--") && flag != "--help" && flag != "--version" => {
            refresh_workspace(parse_options(args)?)
        }
        Some("-h" | "--help" | "help") => {
            write_stdout(USAGE)?;
            Ok(ExitCode::SUCCESS)
        }
        Some("-V" | "--version") => {
            write_stdout(&format!(
                "mastodon-error-codegen {}\n",
                env!("CARGO_PKG_VERSION")
            ))?;
            Ok(ExitCode::SUCCESS)
        }
        Some("generate") => generate(parse_options(&args[1..])?, Output::Module),
        Some("export-yaml") => generate(parse_options(&args[1..])?, Output::YamlCopy),
        Some("check") => check(parse_options(&args[1..])?),
        Some("diff") => semantic_diff(parse_options(&args[1..])?),
        Some(other) => Err(Failure::Usage(format!("unknown command `{other}`"))),
    }
}

/// No arguments: the workspace's main job.
fn refresh_workspace(options: Options) -> Result<ExitCode, Failure> {
    if !Path::new(DEFAULT_SPEC).is_file() {
        return Err(Failure::Usage(format!(
            "no {DEFAULT_SPEC} here; run from the workspace root, or name a spec: generate <SPEC>"
        )));
    }
    if !options.positional.is_empty() || options.out.is_some() {
        return Err(Failure::Usage(
            "the refresh takes no files but --methods FOLDER; use `generate` or `export-yaml` for others".to_owned(),
        ));
    }
    // The method pages are not in this repository: the copy is refreshed
    // only from pages given, or found where the tests find the corpus.
    match method_pages_folder(options.methods.as_deref())? {
        Ok(folder) => {
            let copy = options
                .config
                .export_methods_yaml(&folder, Some(DEFAULT_METHODS))?;
            write_output(DEFAULT_METHODS, &copy)?;
        }
        Err(looked_in) => write_stderr(&format!(
            "skipped: {DEFAULT_METHODS} (no method pages found; looked in {looked_in}; \
             get them with scripts/fetch-corpus.sh, or pass --methods FOLDER)\n"
        )),
    }
    let methods = Path::new(DEFAULT_METHODS)
        .is_file()
        .then(|| DEFAULT_METHODS.to_owned());
    for (out, output) in [
        (DEFAULT_OUT, Output::Module),
        (DEFAULT_YAML, Output::YamlCopy),
    ] {
        let mut config = options.config.clone();
        if let (Output::Module, Some(methods)) = (output, &methods) {
            config.methods(methods);
        }
        let options = Options {
            positional: vec![DEFAULT_SPEC.to_owned()],
            out: Some(out.to_owned()),
            methods: None,
            format: DiffFormat::Text,
            config,
        };
        generate(options, output)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The folder of method pages for the refresh: the one given, else the
/// newest pinned snapshot in the docs corpus. `Err(looked_in)` when neither.
fn method_pages_folder(given: Option<&str>) -> Result<Result<std::path::PathBuf, String>, Failure> {
    if let Some(given) = given {
        return Ok(Ok(given.into()));
    }
    let root = Path::new(".");
    let snapshot = corpus::current_methods_snapshot(root);
    match (corpus::locate(root).map_err(Failure::Io)?, snapshot) {
        (corpus::Lookup::Found(dir), Some(snapshot)) if dir.join(&snapshot).is_dir() => {
            Ok(Ok(dir.join(snapshot)))
        }
        (corpus::Lookup::Found(dir), snapshot) => Ok(Err(format!(
            "{} (no {} there)",
            dir.display(),
            snapshot
                .unwrap_or_else(|| "methods/ snapshot pinned in scripts/corpus.pins".to_owned())
        ))),
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
    ) -> Result<String, Error> {
        match self {
            Output::Module => {
                if let Some(out) = out {
                    config.checked_in_as(out);
                }
                config.generate_source(spec)
            }
            Output::YamlCopy => config.export_yaml_source(spec, out),
        }
    }
}

fn generate(mut options: Options, output: Output) -> Result<ExitCode, Failure> {
    if let (Output::YamlCopy, Some(methods)) = (output, &options.methods) {
        if !options.positional.is_empty() {
            return Err(Failure::Usage(
                "export-yaml takes <SPEC> or --methods FOLDER, not both".to_owned(),
            ));
        }
        let copy = options
            .config
            .export_methods_yaml(methods, options.out.as_deref())?;
        match &options.out {
            Some(out) => write_output(out, &copy)?,
            None => write_stdout(&copy)?,
        }
        return Ok(ExitCode::SUCCESS);
    }
    let [spec] = options.positional.as_slice() else {
        return Err(Failure::Usage(format!(
            "{} takes one <SPEC>",
            output.command()
        )));
    };
    let spec = Source::read(Path::new(spec))?;
    let code = output.produce(&mut options.config, &spec, options.out.as_deref())?;
    match &options.out {
        Some(out) => write_output(out, &code)?,
        None => write_stdout(&code)?,
    }
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

fn check(mut options: Options) -> Result<ExitCode, Failure> {
    if let (Some(methods), [copy]) = (&options.methods, options.positional.as_slice()) {
        let fresh = options.config.export_methods_yaml(methods, Some(copy))?;
        return compare(
            copy,
            methods,
            &fresh,
            None,
            &format!("export-yaml --methods {methods}"),
        );
    }
    let [spec, generated] = options.positional.as_slice() else {
        return Err(Failure::Usage(
            "check takes <SPEC> <GENERATED>, or --methods FOLDER <COPY>".to_owned(),
        ));
    };
    let output = Output::checked_by(generated);
    // Read once: the fresh output and the semantic summary both come from it.
    let source = Source::read(Path::new(spec))?;
    let fresh = output.produce(&mut options.config, &source, Some(generated))?;
    let methods_option = options
        .methods
        .as_ref()
        .map_or(String::new(), |methods| format!(" --methods {methods}"));
    let summary = |current: &str| {
        // The semantic summary reads the Error page only; with method pages,
        // the unified diff alone shows what changed.
        if options.methods.is_some() {
            return None;
        }
        stale_summary(&options.config, output, &source, generated, current)
    };
    compare(
        generated,
        spec,
        &fresh,
        Some(&summary),
        &format!("{} {spec}{methods_option}", output.command()),
    )
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
    write_stdout(&unified_diff::unified_diff(
        &current,
        fresh,
        &format!("{generated} (checked in)"),
        &format!("{generated} (generated from {from})"),
    ))?;
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

fn semantic_diff(options: Options) -> Result<ExitCode, Failure> {
    let [old, new] = options.positional.as_slice() else {
        return Err(Failure::Usage("diff takes <OLD> <NEW>".to_owned()));
    };
    let diff = diff::diff(
        &Source::read(Path::new(old))?,
        &Source::read(Path::new(new))?,
        &options.config,
    )?;
    write_stdout(&diff.render(options.format))?;
    Ok(ExitCode::SUCCESS)
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
