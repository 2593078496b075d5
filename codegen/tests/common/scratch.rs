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
/// build's lock and flags do not leak in.
pub fn cargo(project: &Path, args: &[&str], envs: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO"))
        .args(args)
        .current_dir(project)
        .env("CARGO_TARGET_DIR", project.join("target"))
        .env_remove("RUSTFLAGS")
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
