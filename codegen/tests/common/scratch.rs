//! Throwaway cargo projects under the target directory, for tests that
//! compile what the generator wrote.

use std::path::Path;
use std::process::{Command, Output};

pub fn write(path: &Path, contents: &str) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, contents).expect("write");
}

/// A `[package]` manifest with no dependencies, then `extra` verbatim.
pub fn manifest(name: &str, extra: &str) -> String {
    format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\n\n{extra}"
    )
}

/// Runs cargo in `project` with its own target directory, so the outer
/// build's lock and flags do not leak in. A throwaway build keeps neither
/// debug info nor incremental state, which took these projects from 8.7 GB
/// to 1.2 GB on disk (docs/ci.md).
pub fn cargo(project: &Path, args: &[&str], envs: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO"))
        .args(args)
        .current_dir(project)
        .env("CARGO_TARGET_DIR", project.join("target"))
        .env_remove("RUSTFLAGS")
        .env("CARGO_INCREMENTAL", "0")
        .env("CARGO_PROFILE_DEV_DEBUG", "0")
        .env("CARGO_PROFILE_TEST_DEBUG", "0")
        .envs(envs.iter().copied())
        .output()
        .expect("cargo runs")
}

#[track_caller]
pub fn cargo_succeeds(project: &Path, args: &[&str], envs: &[(&str, &str)]) {
    let output = cargo(project, args, envs);
    assert!(
        output.status.success(),
        "`cargo {}` failed in {}:\n{}",
        args.join(" "),
        project.display(),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A crate with no dependencies, `extra` appended to its manifest, whose
/// `lib.rs` declares one module per `(doc line, code)`: `{prefix}_00`, ….
/// Modules left from an earlier, larger run are removed first.
pub fn modules_crate(dir: &Path, extra: &str, prefix: &str, modules: &[(String, String)]) {
    let _ = std::fs::remove_dir_all(dir.join("src"));
    let name = dir.file_name().expect("crate folder").to_string_lossy();
    write(&dir.join("Cargo.toml"), &manifest(&name, extra));
    let mut lib = String::from("#![forbid(unsafe_code)]\n");
    for (index, (doc, code)) in modules.iter().enumerate() {
        let module = format!("{prefix}_{index:02}");
        write(&dir.join(format!("src/{module}.rs")), code);
        lib.push_str(&format!("/// {doc}\npub mod {module};\n"));
    }
    write(&dir.join("src/lib.rs"), &lib);
}

/// Clippy with every warning denied, the tests, and rustdoc with every
/// warning denied: what "compiles clean" means for generated code.
#[track_caller]
pub fn compiles_clean(project: &Path) {
    let quiet = ["--workspace", "--offline", "--quiet"];
    cargo_succeeds(
        project,
        &[
            &["clippy", "--all-targets"],
            &quiet[..],
            &["--", "-D", "warnings"],
        ]
        .concat(),
        &[],
    );
    cargo_succeeds(project, &[&["test"], &quiet[..]].concat(), &[]);
    cargo_succeeds(
        project,
        &[&["doc", "--no-deps"], &quiet[..]].concat(),
        &[("RUSTDOCFLAGS", "-D warnings")],
    );
}
