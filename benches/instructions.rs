//! One workload of the generation benchmarks (generate_api.rs, entities.rs),
//! run a fixed number of times over inputs read into memory first, for
//! scripts/instructions.sh to count under callgrind: instruction counts are
//! the same run after run where wall time on a shared machine is not.
//!
//! Run: `instructions WORKLOAD N` (the bench executable; see the script).
//! Every workload reads the same inputs, `none` included, so subtracting
//! `none`'s count leaves N runs of the workload. A bench target rather than
//! an example: `cargo test` builds examples, and this is no test. Without a
//! workload (as `cargo bench` runs it, with `--bench`) it does nothing.

use std::hint::black_box;
use std::path::Path;
use std::process::ExitCode;

use mastodon_error_codegen::corpus::{self, Lookup};
use mastodon_error_codegen::{Config, Source, stages};

#[path = "support/api_inputs.rs"]
mod api_inputs;
use api_inputs::{pages, pulldown_events, read};

const WORKLOADS: &[&str] = &[
    "none",
    "yaml-floor",
    "yaml-generation",
    "yaml-generation-formatted",
    "markdown-floor",
    "markdown-generation",
    "entities-floor",
    "entities-generation",
];

/// Exit status of a Markdown workload without the docs corpus.
const NO_CORPUS: u8 = 3;

struct Inputs {
    error_page: Source,
    error_copy: Source,
    copy: Source,
    entities: Source,
    /// The current snapshot's method pages, when the corpus is here.
    method_pages: Option<Vec<(String, Source)>>,
}

impl Inputs {
    fn read() -> Self {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let method_pages = match (corpus::locate(root), corpus::current_methods_snapshot(root)) {
            (Ok(Lookup::Found(dir)), Some(snapshot)) => {
                let folder = dir.join(snapshot);
                let mut found = Vec::new();
                pages(&folder, &folder, &mut found);
                Some(found)
            }
            _ => None,
        };
        Inputs {
            error_page: read(root, "spec/error.md"),
            error_copy: read(root, "spec/error.yaml"),
            copy: read(root, "spec/methods.yaml"),
            entities: read(root, "spec/entities.yaml"),
            method_pages,
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (workload, runs) = match args.as_slice() {
        [workload, runs] if WORKLOADS.contains(&workload.as_str()) => (
            workload.as_str(),
            runs.parse::<usize>().expect("N, a count"),
        ),
        _ => {
            eprintln!(
                "usage: instructions WORKLOAD N, WORKLOAD one of {}; see scripts/instructions.sh",
                WORKLOADS.join(", ")
            );
            return ExitCode::SUCCESS;
        }
    };
    let inputs = Inputs::read();
    let mut unformatted = Config::new();
    unformatted.format(false);
    let mut formatted = Config::new();
    formatted.format(true);
    let markdown = workload.starts_with("markdown-");
    let method_pages = match (&inputs.method_pages, markdown) {
        (Some(found), _) => found.as_slice(),
        (None, false) => &[],
        (None, true) => {
            eprintln!("note: {workload} reads the docs corpus, which was not found");
            return ExitCode::from(NO_CORPUS);
        }
    };
    for _ in 0..runs {
        match workload {
            "none" => {}
            "yaml-floor" => {
                black_box(
                    serde_saphyr::from_str::<api_inputs::Copy>(black_box(inputs.copy.text()))
                        .expect("reads"),
                );
            }
            "yaml-generation" | "yaml-generation-formatted" => {
                let config = if workload == "yaml-generation" {
                    &unformatted
                } else {
                    &formatted
                };
                black_box(
                    config
                        .generate_api_source(black_box(&inputs.error_copy), black_box(&inputs.copy))
                        .expect("generates"),
                );
            }
            "markdown-floor" => {
                black_box(pulldown_events(&inputs.error_page, method_pages));
            }
            "markdown-generation" => {
                black_box(
                    stages::generate_from_pages(
                        black_box(&inputs.error_page),
                        black_box(method_pages),
                        &unformatted,
                    )
                    .expect("generates"),
                );
            }
            "entities-floor" => {
                black_box(
                    serde_saphyr::from_str::<serde_json::Value>(black_box(inputs.entities.text()))
                        .expect("YAML"),
                );
            }
            "entities-generation" => {
                black_box(
                    stages::entities_from_copy(black_box(&inputs.entities), &unformatted)
                        .expect("generates"),
                );
            }
            _ => unreachable!("checked against WORKLOADS"),
        }
    }
    ExitCode::SUCCESS
}
