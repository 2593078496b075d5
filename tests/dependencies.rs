//! A consumer's build compiles only what the crate's build script runs:
//! the command line is its own crate (`mastodon-error-tools`, with clap and
//! similar); the YAML writer stays behind the generator's `tools` feature,
//! the Markdown method-page reader behind `markdown-methods` and the snippet
//! renderer behind `snippets`, all of which the crate's build dependency
//! turns off (issues 21 and 30). The build script generates from the YAML
//! copies without formatting, so the Markdown reader (pulldown-cmark) and
//! the formatter (prettyplease, syn with its `full` parsing) stay off it too
//! (issue 31).

use std::process::Command;

/// `cargo ARGS` at the workspace root, offline, against the committed lock
/// file: its output.
fn cargo(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO"))
        .args(args)
        .args(["--offline", "--locked"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// `cargo tree` of the crate.
fn cargo_tree(args: &[&str]) -> String {
    let mut all = vec!["tree", "-p", "mastodon-error"];
    all.extend(args);
    cargo(&all)
}

fn tree(edges: &str) -> String {
    tree_with(edges, &[])
}

fn tree_with(edges: &str, extra: &[&str]) -> String {
    let mut args = vec!["-e", edges, "--prefix", "none"];
    args.extend(extra);
    cargo_tree(&args)
}

fn crates(tree: &str) -> Vec<&str> {
    tree.lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect()
}

#[test]
fn the_consumer_build_has_no_cli_dependencies() {
    let build = tree("build,normal");
    let names = crates(&build);
    for cli_only in [
        "mastodon-error-tools",
        "clap",
        "clap_derive",
        "clap_builder",
        "similar",
    ] {
        assert!(
            !names.contains(&cli_only),
            "{cli_only} reaches a consumer's build:\n{build}"
        );
    }
    // serde's generic deserializer (and with it serde itself on the build
    // path), the Markdown method pages' JSON and the snippet renderer. The
    // crate has no normal dependencies without features, so this tree is
    // the build script's alone.
    let build_only = &build;
    for off_the_build_path in [
        "serde",
        "serde_core",
        "serde-saphyr",
        "serde_json",
        "annotate-snippets",
    ] {
        assert!(
            !names.contains(&off_the_build_path),
            "{off_the_build_path} reaches the crate's build script:\n{build_only}"
        );
    }
    // The YAML reader is there, as the generator's dependency.
    assert!(names.contains(&"granit-parser"), "{build_only}");
    // The generator itself is there, as a build dependency.
    assert!(names.contains(&"mastodon-error-codegen"), "{build}");
}

#[test]
fn the_crate_itself_depends_on_nothing_without_features() {
    let normal = tree("normal");
    assert_eq!(crates(&normal), ["mastodon-error"], "{normal}");
}

/// The features bring what they name and nothing of the round trip's client
/// or server, which are dev-dependencies.
#[test]
fn the_features_bring_only_their_crates() {
    let normal = tree_with("normal", &["--features", "serde,http"]);
    let names = crates(&normal);
    for wanted in ["serde", "serde_json", "http"] {
        assert!(names.contains(&wanted), "{wanted} missing:\n{normal}");
    }
    for dev_only in ["ureq", "tiny_http", "criterion", "dhat", "matchit"] {
        assert!(
            !names.contains(&dev_only),
            "{dev_only} reaches a consumer:\n{normal}"
        );
    }
}

/// The entities are generated from the YAML copy: the feature brings the
/// module and serde (the entities are read with it), and neither another
/// dependency nor the Markdown entity reader (with its serde_json) on the
/// build path.
#[test]
fn the_entities_feature_adds_only_serde() {
    let normal = tree_with("normal", &["--features", "entities"]);
    let serde = tree_with("normal", &["--features", "serde"]);
    assert_eq!(crates(&normal), crates(&serde), "{normal}");
    let build = tree_with("build,normal", &["--features", "entities"]);
    assert!(
        crates(&build).contains(&"mastodon-error-codegen"),
        "{build}"
    );
    // serde_json is the crate's own (through `serde`), never the generator's.
    let json_users = tree_with(
        "build,normal",
        &["--features", "entities", "--invert", "serde_json"],
    );
    assert_eq!(
        crates(&json_users),
        ["serde_json", "mastodon-error"],
        "{json_users}"
    );
}

/// What the crate's build script compiles, with every feature of the crate
/// on: the subtree under the root's `[build-dependencies]` heading, in full
/// (`--no-dedupe`: a crate met first among the normal dependencies is not
/// elided there).
fn build_script_crates() -> (String, Vec<String>) {
    let tree = cargo_tree(&[
        "-e",
        "build,normal",
        "--all-features",
        "--no-dedupe",
        "--charset",
        "ascii",
    ]);
    let names = tree
        .lines()
        .skip_while(|line| *line != "[build-dependencies]")
        .skip(1)
        .take_while(|line| !line.starts_with('['))
        .map(|line| line.trim_start_matches(['|', '`', '-', ' ']))
        // A build dependency's own `[build-dependencies]` heading.
        .filter(|entry| !entry.starts_with('['))
        .filter_map(|entry| entry.split_whitespace().next())
        .map(str::to_owned)
        .collect();
    (tree, names)
}

/// The dependencies only the tools need: the generator's optional ones, each
/// behind a feature the build script leaves off, and the command line's own.
/// Read from `cargo metadata`, so a new one is covered when it is added.
fn tools_only_dependencies() -> Vec<String> {
    let metadata = cargo(&["metadata", "--format-version", "1", "--no-deps"]);
    let metadata: serde_json::Value =
        serde_json::from_str(&metadata).expect("cargo metadata prints JSON");
    let mut names = Vec::new();
    for package in metadata["packages"].as_array().expect("packages") {
        for dependency in package["dependencies"].as_array().expect("dependencies") {
            let name = dependency["name"].as_str().expect("a name");
            let normal = dependency["kind"].is_null();
            let tools_only = match package["name"].as_str() {
                Some("mastodon-error-codegen") => normal && dependency["optional"] == true,
                Some("mastodon-error-tools") => normal && name != "mastodon-error-codegen",
                _ => false,
            };
            if tools_only {
                names.push(name.to_owned());
            }
        }
    }
    names
}

/// The command line is another crate, and the generator's Markdown reader,
/// formatter, exports and excerpts are features, so no feature of this crate
/// brings any of them into the build script (issues 30 and 31).
#[test]
fn the_build_script_compiles_no_tool_even_with_every_feature() {
    let (tree, names) = build_script_crates();
    // The subtree was found: the generator and its token crates are in it.
    for wanted in ["mastodon-error-codegen", "proc-macro2", "granit-parser"] {
        assert!(
            names.iter().any(|name| name == wanted),
            "{wanted} is not in the build script's tree:\n{tree}"
        );
    }
    let tools_only = tools_only_dependencies();
    for named in [
        "prettyplease",
        "pulldown-cmark",
        "syn",
        "clap",
        "similar",
        "serde-saphyr",
    ] {
        assert!(
            tools_only.iter().any(|name| name == named),
            "{named} is no longer among the tools' dependencies: {tools_only:?}"
        );
    }
    for unwanted in tools_only.iter().map(String::as_str).chain([
        "mastodon-error-tools",
        "clap_builder",
        "clap_derive",
        "serde",
        "serde_json",
    ]) {
        assert!(
            !names.iter().any(|name| name == unwanted),
            "{unwanted} reaches the crate's build script, which only the tools need: keep the \
             generator's build-dependency at `default-features = false` (codegen/Cargo.toml \
             says what each feature brings):\n{tree}"
        );
    }
}
