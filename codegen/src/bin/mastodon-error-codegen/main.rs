//! `mastodon-error-codegen`: the generator on the command line.
//!
//! Arguments are parsed by hand: a consumer's build compiles this package's
//! library, and a CLI framework would be compiled along with it.

mod unified_diff;

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use mastodon_error_codegen::diff::{self, DiffFormat};
use mastodon_error_codegen::{Config, Error, Format, Serde, Source, write_if_changed};

const DEFAULT_SPEC: &str = "spec/error.md";
const DEFAULT_OUT: &str = "generated/error.rs";
const DEFAULT_YAML: &str = "spec/error.yaml";

const USAGE: &str = "\
mastodon-error-codegen: Rust from Mastodon's Error entity docs page

USAGE:
    mastodon-error-codegen
        Refresh generated/error.rs and spec/error.yaml from spec/error.md
        (run from the workspace root).
    mastodon-error-codegen generate <SPEC> [--out FILE] [OPTIONS]
        Write the module to stdout, or to FILE if its content changed.
    mastodon-error-codegen export-yaml <SPEC> [--out FILE] [OPTIONS]
        Write SPEC's YAML copy to stdout, or to FILE if its content changed.
    mastodon-error-codegen check <SPEC> <GENERATED> [OPTIONS]
        Exit 0 if GENERATED is exactly what SPEC gives (the module, or the YAML
        copy if GENERATED ends in .yaml or .yml); else print what changed, with
        its semver impact, then a unified diff, and exit 1.
    mastodon-error-codegen diff <OLD> <NEW> [--format text|markdown|json] [OPTIONS]
        What changed between two versions of the spec, with the semver impact
        of each change on the generated module.

SPEC is the Markdown page, or its YAML copy if the name ends in .yaml or .yml.

OPTIONS:
    --rename KEY=Name     Name a reason's variant; KEY is `#anchor` or the heading as written.
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
    format: DiffFormat,
    config: Config,
}

fn parse_options(args: &[String]) -> Result<Options, Failure> {
    let mut options = Options {
        positional: Vec::new(),
        out: None,
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
        None => refresh_workspace(),
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
fn refresh_workspace() -> Result<ExitCode, Failure> {
    if !Path::new(DEFAULT_SPEC).is_file() {
        return Err(Failure::Usage(format!(
            "no {DEFAULT_SPEC} here; run from the workspace root, or name a spec: generate <SPEC>"
        )));
    }
    for (out, output) in [
        (DEFAULT_OUT, Output::Module),
        (DEFAULT_YAML, Output::YamlCopy),
    ] {
        let options = Options {
            positional: vec![DEFAULT_SPEC.to_owned()],
            out: Some(out.to_owned()),
            format: DiffFormat::Text,
            config: Config::new(),
        };
        generate(options, output)?;
    }
    Ok(ExitCode::SUCCESS)
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
    let [spec] = options.positional.as_slice() else {
        return Err(Failure::Usage(format!(
            "{} takes one <SPEC>",
            output.command()
        )));
    };
    let spec = Source::read(Path::new(spec))?;
    let code = output.produce(&mut options.config, &spec, options.out.as_deref())?;
    match &options.out {
        Some(out) => {
            if let Some(parent) = Path::new(out)
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
            {
                std::fs::create_dir_all(parent).map_err(|err| {
                    Failure::Io(format!("cannot create `{}`: {err}", parent.display()))
                })?;
            }
            let wrote = write_if_changed(Path::new(out), code.as_bytes())
                .map_err(|err| Failure::Io(format!("cannot write `{out}`: {err}")))?;
            let status = if wrote { "wrote" } else { "unchanged" };
            write_stderr(&format!("{status}: {out}\n"));
        }
        None => {
            write_stdout(&code)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn check(mut options: Options) -> Result<ExitCode, Failure> {
    let [spec, generated] = options.positional.as_slice() else {
        return Err(Failure::Usage("check takes <SPEC> <GENERATED>".to_owned()));
    };
    let output = Output::checked_by(generated);
    // Read once: the fresh output and the semantic summary both come from it.
    let source = Source::read(Path::new(spec))?;
    let fresh = output.produce(&mut options.config, &source, Some(generated))?;
    let current = match std::fs::read(generated) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(err) => return Err(Failure::Io(format!("cannot read `{generated}`: {err}"))),
    };
    if current == fresh.as_bytes() {
        write_stderr(&format!("fresh: {generated} matches {spec}\n"));
        return Ok(ExitCode::SUCCESS);
    }
    let current = String::from_utf8_lossy(&current);
    if let Some(summary) = stale_summary(&options.config, output, &source, generated, &current) {
        write_stdout(&format!("{}\n", summary.render(DiffFormat::Text)))?;
    }
    write_stdout(&unified_diff::unified_diff(
        &current,
        &fresh,
        &format!("{generated} (checked in)"),
        &format!("{generated} (generated from {spec})"),
    ))?;
    write_stderr(&format!(
        "error: {generated} is stale\nhelp: run `mastodon-error-codegen {} {spec} --out {generated}` and commit the result\n",
        output.command()
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
