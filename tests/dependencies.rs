//! What the crate's build script compiles: the generator's lean core only.
//! It generates from the YAML copies without formatting, so the Markdown
//! reader (pulldown-cmark), the formatter (prettyplease, syn's `full`
//! parsing) and the command line's dependencies must not reach it; each would
//! cost every client's clean build (issue 31).
//!
//! Reads cargo's own resolution (`cargo tree`, `cargo metadata`, offline),
//! with every feature of the crate on, the widest a client can ask for.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

/// `cargo ARGS` at the workspace root, offline; its stdout.
fn cargo(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO"))
        .args(args)
        .args(["--offline", "--locked"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo {} failed:\n{}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("cargo prints UTF-8")
}

/// Every package the build script's dependency brings, with its features:
/// the subtree under the crate's build-dependency on the generator.
fn build_script_packages() -> Vec<(String, String)> {
    let tree = cargo(&[
        "tree",
        "-p",
        "mastodon-error",
        "--all-features",
        "--target",
        "all",
        "--edges",
        "normal,build",
        "--no-dedupe",
        "--prefix",
        "depth",
        "--format",
        "{p} [{f}]",
    ]);
    let mut packages = Vec::new();
    let mut inside = false;
    for line in tree.lines() {
        let depth_digits = line.bytes().take_while(u8::is_ascii_digit).count();
        let depth: usize = line[..depth_digits].parse().expect("a depth prefix");
        let rest = &line[depth_digits..];
        let name = rest.split(' ').next().unwrap_or_default().to_owned();
        if depth == 1 {
            inside = name == "mastodon-error-codegen";
        }
        if inside {
            let features = rest.rsplit_once('[').map_or("", |(_, features)| {
                features.trim_end_matches([']', ' ', '*', '(', ')'])
            });
            packages.push((name, features.to_owned()));
        }
    }
    assert!(
        packages.iter().any(|(name, _)| name == "granit-parser"),
        "the build script's tree was not found in `cargo tree`'s output:\n{tree}"
    );
    packages
}

/// The dependencies only the tools need: the generator's optional ones
/// (each behind a feature the build script leaves off) and the command
/// line's own.
fn tools_only_dependencies() -> BTreeSet<String> {
    let metadata = cargo(&["metadata", "--format-version", "1", "--no-deps"]);
    let metadata: serde_json::Value =
        serde_json::from_str(&metadata).expect("cargo metadata is JSON");
    let mut names = BTreeSet::new();
    for package in metadata["packages"].as_array().expect("packages") {
        let dependencies = package["dependencies"].as_array().expect("dependencies");
        for dependency in dependencies {
            let name = dependency["name"].as_str().expect("a name").to_owned();
            let normal = dependency["kind"].is_null();
            match package["name"].as_str() {
                Some("mastodon-error-codegen") if normal && dependency["optional"] == true => {
                    names.insert(name);
                }
                Some("mastodon-error-tools") if normal && name != "mastodon-error-codegen" => {
                    names.insert(name);
                }
                _ => {}
            }
        }
    }
    names
}

#[test]
fn the_build_script_compiles_only_the_lean_core() {
    let packages = build_script_packages();
    let forbidden = tools_only_dependencies();
    for name in [
        "prettyplease",
        "pulldown-cmark",
        "syn",
        "clap",
        "similar",
        "serde-saphyr",
    ] {
        assert!(
            forbidden.contains(name),
            "{name} is no longer a tools-only dependency: {forbidden:?}"
        );
    }
    let reached: Vec<&(String, String)> = packages
        .iter()
        .filter(|(name, _)| forbidden.contains(name))
        .collect();
    assert!(
        reached.is_empty(),
        "the crate's build script compiles {reached:?}, which only the tools need: keep the \
         generator's build-dependency at `default-features = false` and its features lean \
         (see codegen/Cargo.toml)"
    );
    // syn with `full` would parse all of Rust, which only the formatter needs.
    let full_syn: Vec<_> = packages
        .iter()
        .filter(|(name, features)| name == "syn" && features.split(',').any(|f| f == "full"))
        .collect();
    assert!(
        full_syn.is_empty(),
        "syn's `full` reaches the build script: {full_syn:?}"
    );
}

#[test]
fn the_build_script_reads_only_yaml_copies() {
    let checked_in =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("build/checked_in.rs"))
            .expect("build/checked_in.rs");
    let build = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("build.rs"))
        .expect("build.rs");
    assert!(
        build.contains(".compile(BUILD_SPEC)"),
        "build.rs compiles another spec than BUILD_SPEC"
    );
    assert!(
        checked_in.contains("const BUILD_SPEC: &str = \"spec/error.yaml\";"),
        "build.rs must read the Error page's YAML copy"
    );
    for copy in [
        "spec/methods.yaml",
        "spec/rate-limits.yaml",
        "spec/oauth-scopes.yaml",
        "spec/entities.yaml",
    ] {
        assert!(
            checked_in.contains(copy),
            "build/checked_in.rs no longer names {copy}"
        );
    }
}
