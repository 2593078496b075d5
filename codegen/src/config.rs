//! The `Config` builder: what a `build.rs` or the CLI sets before generating.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::Generated;
use crate::diagnostic::{Diagnostic, Error};
use crate::gate::{Gate, Http, Serde};
use crate::lint::{Level, Levels};
use crate::source::{Source, display_path};

/// Configures and runs the generator, in the manner of `prost_build::Config`.
///
/// ```no_run
/// // build.rs
/// fn main() -> Result<(), mastodon_error_codegen::Error> {
///     mastodon_error_codegen::Config::new()
///         .rename("#unconfirmed", "Unconfirmed")
///         .compile("spec/error.md")?;
///     Ok(())
/// }
/// ```
///
/// and in the crate: `include!(concat!(env!("OUT_DIR"), "/mastodon_error.rs"));`,
/// the include file, which includes one file per output beside it.
#[derive(Debug, Clone)]
pub struct Config {
    pub(crate) renames: BTreeMap<String, String>,
    pub(crate) serde: Serde,
    pub(crate) http: Http,
    pub(crate) docs_site: String,
    out_dir: Option<PathBuf>,
    pub(crate) file_name: Option<String>,
    pub(crate) checked_in_as: Option<String>,
    pub(crate) methods: Option<PathBuf>,
    pub(crate) rate_limits: Option<PathBuf>,
    pub(crate) scopes: Option<PathBuf>,
    #[cfg(feature = "entities")]
    pub(crate) entities: Option<PathBuf>,
    #[cfg(feature = "entities")]
    pub(crate) entities_baseline: Option<String>,
    pub(crate) lints: Levels,
    pub(crate) format: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            renames: BTreeMap::new(),
            serde: Gate::Feature("serde".to_owned()),
            http: Gate::Feature("http".to_owned()),
            docs_site: "https://docs.joinmastodon.org".to_owned(),
            out_dir: None,
            file_name: None,
            checked_in_as: None,
            methods: None,
            rate_limits: None,
            scopes: None,
            #[cfg(feature = "entities")]
            entities: None,
            #[cfg(feature = "entities")]
            entities_baseline: None,
            lints: Levels::default(),
            format: cfg!(feature = "format"),
        }
    }
}

impl Config {
    pub fn new() -> Self {
        Self::default()
    }

    /// Names a reason's variant yourself instead of by the naming rule.
    ///
    /// `key` is the reason's anchor with `#` (`"#unconfirmed"`) or its heading
    /// as written (`"!current_user.confirmed?"`). `name` must be
    /// UpperCamelCase. A key that matches no reason is an error, so a typo or
    /// a renamed docs heading cannot go unnoticed.
    pub fn rename(&mut self, key: impl Into<String>, name: impl Into<String>) -> &mut Self {
        self.renames.insert(key.into(), name.into());
        self
    }

    /// Also generates `Endpoint` and the method pages' reasons, from `path`: a
    /// folder of the docs' method pages (`content/en/methods/`), or their YAML
    /// copy (`.yaml`, `.yml`, as `export-yaml --methods` writes it). A folder
    /// needs the `markdown-methods` feature (on by default); without it, the
    /// folder is refused with a located error that says so.
    ///
    /// Renames apply here too: `"GET /api/v1/statuses/:id"` names an endpoint,
    /// and `"401 The access token is invalid"` a reason that only method pages document.
    pub fn methods(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.methods = Some(path.into());
        self
    }

    /// Also generates the documented rate limits (`RATE_LIMITS`,
    /// `Endpoint::rate_limits`) and the reader of a response's rate-limit
    /// headers (`RateLimitStatus`), from `path`: the docs' rate-limits page
    /// (`content/en/api/rate-limits.md`), or its YAML copy (`.yaml`, `.yml`,
    /// as `export-yaml --rate-limits` writes it). Needs [`Config::methods`]:
    /// a limit names methods.
    pub fn rate_limits(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.rate_limits = Some(path.into());
        self
    }

    /// Reads the OAuth scopes from `path`: the docs' scopes page
    /// (`content/en/api/oauth-scopes.md`), or its YAML copy (`.yaml`, `.yml`,
    /// as `export-yaml --scopes` writes it). `Scope` then carries each
    /// scope's version, lifecycle and the scopes it grants, and a method
    /// page naming a scope the page does not define fires `undefined-scope`.
    /// Needs [`Config::methods`]. Without it, `Scope` holds only the names the
    /// method pages use, with no versions and no hierarchy.
    pub fn scopes(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.scopes = Some(path.into());
        self
    }

    /// Resolves the method pages' `**Returns:**` links against the entity
    /// pages at `path` (a folder of the docs' `content/en/entities/`, or the
    /// YAML copy), so `Endpoint::returns()` names entities the entities
    /// module defines; a link to no entity fires `unresolved-entity`. Needs
    /// [`Config::methods`] as Markdown pages: a methods copy already stores
    /// resolved names. Without it, `returns()` of pages read from Markdown
    /// names no entity.
    #[cfg(feature = "entities")]
    pub fn entities(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.entities = Some(path.into());
        self
    }

    /// The oldest Mastodon server the entity types must read: `"4.3.0"`, or
    /// `"latest"` for the newest only. An attribute that a later version
    /// added (the latest `added` entry of its history) becomes an `Option`,
    /// `None` from older servers, unless it came with its entity or its hash.
    /// This wins over the copy's `baseline:`; without either, the baseline
    /// is [`Baseline::DEFAULT`](crate::model::entities::Baseline::DEFAULT),
    /// `4.0.0`. A value that is not a version fails generation.
    #[cfg(feature = "entities")]
    pub fn entities_baseline(&mut self, version: impl Into<String>) -> &mut Self {
        self.entities_baseline = Some(version.into());
        self
    }

    /// Sets a lint's level, as rustc's `-A`, `-W` and `-D` do: `name` is a
    /// lint's name (`"invalid-example-json"`; [`crate::lint::ALL`] and
    /// docs/lints.md list them), a group's (`"entity-pages"`;
    /// [`crate::lint::GROUPS`]) or `"warnings"` for every lint. A lint's own
    /// level wins over its groups', and theirs over `"warnings"`. Every lint
    /// warns by default.
    /// An unknown name fails generation, so a typo cannot go unnoticed.
    ///
    /// ```no_run
    /// // build.rs: a defect in the docs fails the build instead of warning.
    /// # fn main() -> Result<(), mastodon_error_codegen::Error> {
    /// use mastodon_error_codegen::{Config, Level};
    /// Config::new()
    ///     .methods("spec/methods.yaml")
    ///     .lint("warnings", Level::Deny)
    ///     .compile("spec/error.md")?;
    /// # Ok(()) }
    /// ```
    pub fn lint(&mut self, name: impl Into<String>, level: Level) -> &mut Self {
        self.lints.set(name, level);
        self
    }

    /// How the module gets serde support; see [`Serde`]. The entities
    /// module always derives serde: it has no constructors, so without
    /// serde its types could be neither built nor read.
    pub fn serde(&mut self, serde: Serde) -> &mut Self {
        self.serde = serde;
        self
    }

    /// How the module gets the http crate's types; see [`Http`].
    pub fn http(&mut self, http: Http) -> &mut Self {
        self.http = http;
        self
    }

    /// The docs site that links point at (default `https://docs.joinmastodon.org`).
    pub fn docs_site(&mut self, url: impl Into<String>) -> &mut Self {
        self.docs_site = url.into();
        self
    }

    /// Where [`Config::compile`] writes (default: `$OUT_DIR`).
    pub fn out_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// The include file's name (default: [`crate::INCLUDE_FILE`], or the
    /// name [`Config::checked_in_as`] gives); the outputs it includes are
    /// written beside it under their own names (`errors.rs`, `endpoints.rs`, …).
    /// For [`Config::compile_entities`], the entities file's name.
    pub fn file_name(&mut self, name: impl Into<String>) -> &mut Self {
        self.file_name = Some(name.into());
        self
    }

    /// Formats the generated files for people to read (prettyplease), as
    /// the checked-in copies are; on by default with the `format` feature.
    /// Off, each file is the emitter's tokens as text, an item a line, which
    /// rustc compiles the same and which costs nothing to print: what a build
    /// script's `OUT_DIR` needs. Without the feature, `format(true)` is an
    /// error when generating.
    pub fn format(&mut self, format: bool) -> &mut Self {
        self.format = format;
        self
    }

    /// Whether to format: [`Config::format`], refused without the feature.
    pub(crate) fn formatted(&self) -> Result<bool, Error> {
        if self.format && !cfg!(feature = "format") {
            return Err(Error::single(
                Source::new("Config::format", String::new()),
                Diagnostic::error(0..0, "formatting the generated code needs the `format` feature of mastodon-error-codegen")
                    .help("add `features = [\"format\"]` to the generator's dependency, or leave `Config::format` off: rustc compiles the unformatted code the same"),
            ));
        }
        Ok(self.format)
    }

    /// The checked-in copy's path, named in the header's regenerate command so
    /// that a build's output and the checked-in file are byte-identical.
    pub fn checked_in_as(&mut self, path: impl Into<String>) -> &mut Self {
        self.checked_in_as = Some(path.into());
        self
    }

    /// Reads the spec at `path` (the page, or its YAML copy if the name ends
    /// in `.yaml` or `.yml`) and returns the generated module.
    pub fn generate(&self, path: impl AsRef<Path>) -> Result<String, Error> {
        let source = Source::read(path.as_ref())?;
        self.generate_source(&source)
    }

    /// Generates from text already in memory; reads nothing else but the
    /// method pages, rate-limits and scopes pages set with [`Config::methods`],
    /// [`Config::rate_limits`] and [`Config::scopes`], and writes nothing.
    ///
    /// A denied lint fails it. The lints at warn level are not returned:
    /// [`Config::generate_report`] gives them, and [`Config::compile`] shows
    /// them as cargo warnings.
    pub fn generate_source(&self, source: &Source) -> Result<String, Error> {
        self.generate_report(source).map(|generated| generated.code)
    }

    /// [`Config::generate_source`], with the lints that fired at warn level.
    pub fn generate_report(&self, source: &Source) -> Result<Generated, Error> {
        crate::generate(source, self)
    }

    /// Generates from the Error page and a YAML copy of the method pages,
    /// both already in memory. It writes nothing, and reads only the
    /// rate-limits and scopes pages that [`Config::rate_limits`] and
    /// [`Config::scopes`] name.
    pub fn generate_api_source(
        &self,
        error_page: &Source,
        methods_copy: &Source,
    ) -> Result<String, Error> {
        self.generate_api_report(error_page, methods_copy)
            .map(|generated| generated.code)
    }

    /// [`Config::generate_api_source`], with the lints that fired at warn level.
    pub fn generate_api_report(
        &self,
        error_page: &Source,
        methods_copy: &Source,
    ) -> Result<Generated, Error> {
        let methods = crate::pages::methods::load_copy(methods_copy.clone())?;
        let extras = crate::LoadedExtras::load(self)?;
        crate::generate_all(error_page, Some(&methods), extras.extras(), self)
    }

    /// Reads the spec at `path` and returns its YAML copy. `out_name` is
    /// the copy's path, named in its header's re-export command.
    ///
    /// Configured renames are written into the copy as explicit `name:`s. The
    /// copy is read back before it is returned; it always generates the same
    /// module as the spec it came from.
    #[cfg(feature = "tools")]
    pub fn export_yaml(
        &self,
        path: impl AsRef<Path>,
        out_name: Option<&str>,
    ) -> Result<String, Error> {
        let source = Source::read(path.as_ref())?;
        self.export_yaml_source(&source, out_name)
    }

    /// [`Config::export_yaml`] for text already in memory.
    #[cfg(feature = "tools")]
    pub fn export_yaml_source(
        &self,
        source: &Source,
        out_name: Option<&str>,
    ) -> Result<String, Error> {
        crate::export_yaml(source, self, out_name)
    }

    /// Reads the method pages at `path` (a folder of pages, or a YAML copy)
    /// and returns their YAML copy. `out_name` is the copy's path, named in
    /// its header's re-export command.
    ///
    /// Configured endpoint and method-reason renames are written into the copy
    /// (`name:` and `reason_names:`). The copy is read back before it is
    /// returned; it always holds exactly what the pages hold.
    #[cfg(feature = "tools")]
    pub fn export_methods_yaml(
        &self,
        path: impl AsRef<Path>,
        out_name: Option<&str>,
    ) -> Result<String, Error> {
        self.export_methods_report(path, out_name)
            .map(|generated| generated.code)
    }

    /// [`Config::export_methods_yaml`], with the lints that fired at warn
    /// level. The copy records every lint that fired, whatever its level.
    #[cfg(feature = "tools")]
    pub fn export_methods_report(
        &self,
        path: impl AsRef<Path>,
        out_name: Option<&str>,
    ) -> Result<Generated, Error> {
        crate::export_methods_yaml(path.as_ref(), self, out_name)
    }

    /// The YAML copy of the rate-limits page at `path`
    /// (`content/en/api/rate-limits.md`), with the lints that fired at warn
    /// level. `out_name` names the copy in its header.
    #[cfg(feature = "tools")]
    pub fn export_rate_limits_report(
        &self,
        path: impl AsRef<Path>,
        out_name: Option<&str>,
    ) -> Result<Generated, Error> {
        crate::export_rate_limits_yaml(path.as_ref(), self, out_name)
    }

    /// The YAML copy of the OAuth scopes page at `path`
    /// (`content/en/api/oauth-scopes.md`), with the lints that fired at warn
    /// level. `out_name` names the copy in its header.
    #[cfg(feature = "tools")]
    pub fn export_scopes_report(
        &self,
        path: impl AsRef<Path>,
        out_name: Option<&str>,
    ) -> Result<Generated, Error> {
        crate::export_scopes_yaml(path.as_ref(), self, out_name)
    }

    /// Every docs defect in the method pages at `methods` (a folder of pages,
    /// or a YAML copy), read against `error_page`, each at warn level whatever
    /// the configured levels: the report to file upstream.
    #[cfg(feature = "tools")]
    pub fn docs_defects(
        &self,
        error_page: &Source,
        methods: impl AsRef<Path>,
    ) -> Result<crate::Lints, Error> {
        crate::docs_defects(error_page, methods.as_ref(), self)
    }

    /// For `build.rs`: generates from `spec` into the output directory, rewriting
    /// the file only when its content changes, and tells cargo to rerun only
    /// when the spec changes. Returns the written path.
    ///
    /// Docs defects at warn level are printed as `cargo::warning=` lines, one
    /// per lint, which cargo shows for a local crate; a denied one fails the
    /// build with the lint as a located error.
    pub fn compile(&self, spec: impl AsRef<Path>) -> Result<PathBuf, Error> {
        let spec = spec.as_ref();
        // Printed before reading, so cargo also reruns once a missing spec appears.
        println!("cargo:rerun-if-changed={}", spec.display());
        if let Some(methods) = &self.methods {
            // A folder is scanned whole by cargo.
            println!("cargo:rerun-if-changed={}", methods.display());
        }
        for extra in [&self.rate_limits, &self.scopes].into_iter().flatten() {
            println!("cargo:rerun-if-changed={}", extra.display());
        }
        // The entity pages name what each method returns.
        #[cfg(feature = "entities")]
        if let Some(entities) = &self.entities {
            println!("cargo:rerun-if-changed={}", entities.display());
        }
        let source = Source::read(spec)?;
        let Generated { files, lints, .. } = self.generate_report(&source)?;
        for warning in lints.cargo_warnings() {
            println!("cargo::warning={warning}");
        }
        self.write_files(&source, "compile", &files)
    }

    /// Writes every file of a module with [`Config::write_out`]; returns the
    /// first's path, the file that includes the others.
    fn write_files(
        &self,
        input: &Source,
        call: &str,
        files: &[crate::OutputFile],
    ) -> Result<PathBuf, Error> {
        let mut first = None;
        for file in files {
            let path = self.write_out(input, call, &file.name, &file.code)?;
            first.get_or_insert(path);
        }
        first.ok_or_else(|| crate::internal_error(input, "the module has no file"))
    }

    /// The include file's name: [`Config::file_name`]'s, else the name
    /// [`Config::checked_in_as`] gives, else [`crate::INCLUDE_FILE`]. The
    /// outputs' own names are refused, as the file would include itself.
    pub(crate) fn include_file_name(&self, input: &Source) -> Result<String, Error> {
        let name = match (&self.file_name, &self.checked_in_as) {
            (Some(name), _) => name.clone(),
            (None, Some(path)) => Path::new(path)
                .file_name()
                .map_or(crate::INCLUDE_FILE.to_owned(), |name| {
                    name.to_string_lossy().into_owned()
                }),
            (None, None) => crate::INCLUDE_FILE.to_owned(),
        };
        if crate::emit::file::ALL.contains(&name.as_str()) {
            return Err(Error::single(
                input.clone(),
                Diagnostic::error(
                    0..0,
                    format!("the include file cannot be named `{name}`: an output of the module has that name"),
                )
                .help(format!(
                    "name it otherwise with `Config::file_name` or `Config::checked_in_as` (by default `{}`)",
                    crate::INCLUDE_FILE
                )),
            ));
        }
        Ok(name)
    }
}

impl Config {
    /// Writes `code` as `file_name` in [`Config::out_dir`] or `$OUT_DIR` when it
    /// changed; `call` names the method for the help when neither is set.
    fn write_out(
        &self,
        input: &Source,
        call: &str,
        file_name: &str,
        code: &str,
    ) -> Result<PathBuf, Error> {
        let out_dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => match std::env::var_os("OUT_DIR") {
                Some(dir) => PathBuf::from(dir),
                None => {
                    return Err(Error::single(
                        input.clone(),
                        Diagnostic::error(0..0, "OUT_DIR is not set, so there is nowhere to write")
                            .help(format!(
                                "call `{call}` from a build script, or set `Config::out_dir`"
                            )),
                    ));
                }
            },
        };
        let path = out_dir.join(file_name);
        write_if_changed(&path, code.as_bytes()).map_err(|err| {
            Error::single(
                input.clone(),
                Diagnostic::error(
                    0..0,
                    format!("cannot write `{}`: {err}", display_path(&path)),
                )
                .help("check that the output directory exists and is writable"),
            )
        })?;
        Ok(path)
    }
}

/// Writes `contents` unless the file already holds exactly that, so an
/// unchanged output keeps its timestamp and triggers no downstream rebuild.
/// Returns whether it wrote.
pub fn write_if_changed(path: &Path, contents: &[u8]) -> std::io::Result<bool> {
    if std::fs::read(path).is_ok_and(|existing| existing == contents) {
        return Ok(false);
    }
    std::fs::write(path, contents)?;
    Ok(true)
}

#[cfg(feature = "entities")]
impl Config {
    /// Generates the entities module from `path`: a folder of the docs'
    /// entity pages (`content/en/entities/`, with the `markdown-entities`
    /// feature), or their YAML copy. The lints at warn level come back with it.
    pub fn generate_entities_report(&self, path: impl AsRef<Path>) -> Result<Generated, Error> {
        crate::generate_entities(path.as_ref(), self)
    }

    /// The YAML copy of the entity pages at `path` (a folder, or a copy);
    /// `out_name` is the copy's path, named in its header. When a YAML copy
    /// is already at `out_name`, its `baseline:` and reviewed `corrections:`
    /// are carried into the new one (the pages have neither), and a
    /// correction of an attribute the pages no longer define is an error
    /// located in that copy.
    #[cfg(feature = "tools")]
    pub fn export_entities_report(
        &self,
        path: impl AsRef<Path>,
        out_name: Option<&str>,
    ) -> Result<Generated, Error> {
        crate::export_entities_yaml(path.as_ref(), self, out_name)
    }

    /// The whole API as one OpenAPI 3.0.3 document (JSON), from the Error
    /// page `error_page` with the method pages ([`Config::methods`]), the
    /// entity pages ([`Config::entities`]), and the rate-limits and scopes
    /// pages when named. The lints at warn level come back with it.
    #[cfg(feature = "openapi")]
    pub fn generate_openapi_report(&self, error_page: &Source) -> Result<Generated, Error> {
        crate::generate_openapi(error_page, self)
    }

    /// Generates the entities module into `$OUT_DIR/entities.rs` (or
    /// [`Config::out_dir`], [`Config::file_name`]) when it changed, with the
    /// files it includes beside it (`entity_kinds.rs`, `entity_values.rs`;
    /// two entities modules need two folders), printing the lints as
    /// cargo warnings. Include it with
    /// `include!(concat!(env!("OUT_DIR"), "/entities.rs"));`. Returns the
    /// main file's path.
    pub fn compile_entities(&self, path: impl AsRef<Path>) -> Result<PathBuf, Error> {
        let path = path.as_ref();
        println!("cargo:rerun-if-changed={}", path.display());
        let Generated { files, lints, .. } = self.generate_entities_report(path)?;
        for warning in lints.cargo_warnings() {
            println!("cargo::warning={warning}");
        }
        let input = Source::new(display_path(path), String::new());
        self.write_files(&input, "compile_entities", &files)
    }
}

#[cfg(all(test, not(feature = "format")))]
mod tests {
    use super::*;

    #[test]
    fn formatting_needs_the_feature_and_says_so() {
        let copy = Source::new(
            "error.yaml",
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/error.yaml"))
                .expect("spec/error.yaml"),
        );
        let text = Config::new()
            .format(true)
            .generate_source(&copy)
            .expect_err("no formatter compiled in")
            .render();
        assert!(text.contains("needs the `format` feature"), "{text}");
        assert!(
            text.contains("help: add `features = [\"format\"]`"),
            "{text}"
        );
        // Off, as it is by default without the feature, the same copy generates.
        assert!(Config::new().generate_source(&copy).is_ok());
    }
}
