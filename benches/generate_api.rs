//! Whole-API generation against its floors, in the same run: from the YAML
//! copies (what the crate's build.rs reads) against serde-saphyr reading the
//! same YAML into plain structs, and from the Markdown pages (the Error page
//! and the current snapshot's method pages, read from memory) against
//! pulldown-cmark parsing the same files.
//!
//! Run: `cargo bench --bench generate_api`. The Markdown half needs the docs
//! corpus (see docs/corpus.md); without it, it says
//! so and runs the YAML half only.

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use mastodon_error_codegen::corpus::{self, Lookup};
use mastodon_error_codegen::{Config, Source, stages};

#[path = "support/api_inputs.rs"]
mod api_inputs;
use api_inputs::{pages, pulldown_events, read};

fn generate_api(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let error_page = read(root, "spec/error.md");
    let copy = read(root, "spec/methods.yaml");
    let error_copy = read(root, "spec/error.yaml");
    // As the build path generates: unformatted (issue 31).
    let mut config = Config::new();
    config.format(false);
    let mut formatted = Config::new();
    formatted.format(true);

    let mut group = c.benchmark_group("generate_api_yaml");
    group.bench_function("generate_from_the_yaml_copies", |b| {
        b.iter(|| {
            config
                .generate_api_source(black_box(&error_copy), black_box(&copy))
                .expect("generates")
        })
    });
    // What the tools do for the checked-in files, for comparison.
    group.bench_function("generate_from_the_yaml_copies_formatted", |b| {
        b.iter(|| {
            formatted
                .generate_api_source(black_box(&error_copy), black_box(&copy))
                .expect("generates")
        })
    });
    group.bench_function("serde_saphyr_into_plain_structs", |b| {
        b.iter(|| {
            serde_saphyr::from_str::<api_inputs::Copy>(black_box(copy.text())).expect("reads")
        })
    });
    // The generator's own reading of the same file (granit-parser's events
    // into a located tree, then the model), against that floor.
    group.bench_function("generator_reads_the_copy", |b| {
        b.iter(|| stages::read_methods_copy(black_box(&copy)).expect("reads"))
    });
    group.finish();

    let snapshot = corpus::current_methods_snapshot(root);
    let folder = match (corpus::locate(root), snapshot) {
        (Ok(Lookup::Found(dir)), Some(snapshot)) => dir.join(snapshot),
        _ => {
            eprintln!(
                "note: generate_api_markdown did not run: it reads the docs corpus, which was not found; get it with scripts/fetch-corpus.sh"
            );
            return;
        }
    };
    let mut method_pages = Vec::new();
    pages(&folder, &folder, &mut method_pages);
    let mut group = c.benchmark_group("generate_api_markdown");
    group.sample_size(20);
    group.bench_function("generate_from_the_markdown_pages", |b| {
        b.iter(|| {
            stages::generate_from_pages(black_box(&error_page), black_box(&method_pages), &config)
                .expect("generates")
        })
    });
    group.bench_function("pulldown_cmark_the_same_files", |b| {
        b.iter(|| black_box(pulldown_events(&error_page, &method_pages)))
    });
    group.finish();
}

/// The YAML copy with its pages repeated `times` times. Copy `i > 0` renames
/// each page (`accounts` becomes `accounts-copy-i`, so endpoint names differ)
/// and puts each path below `/copy-i` (so routes differ); statuses and
/// messages stay, so the reason catalogue is the same size at every scale.
fn scaled_copy(copy: &str, times: usize) -> (String, u64) {
    let (head, pages) = copy.split_once("\npages:\n").expect("a `pages:` list");
    let mut out = format!("{head}\npages:\n{pages}");
    for i in 1..times {
        for line in pages.lines() {
            if let Some(path) = line.strip_prefix("  - path: ") {
                out += &format!("  - path: {path}-copy-{i}\n");
            } else if let Some((indent, request)) = line.split_once("request: ") {
                let (method, path) = request.split_once(' ').expect("METHOD /path");
                out += &format!("{indent}request: {method} /copy-{i}{path}\n");
            } else {
                out += line;
                out.push('\n');
            }
        }
    }
    let methods = out
        .lines()
        .filter(|l| l.trim_start().starts_with("request: "))
        .count();
    (out, methods as u64)
}

/// Generation time per method as the API grows: 1×, 10× and 100× the
/// current snapshot's methods, from the YAML copies.
fn scaling(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let copy = read(root, "spec/methods.yaml");
    let error_copy = read(root, "spec/error.yaml");
    let config = Config::new();
    let mut group = c.benchmark_group("generate_api_scaling");
    group.sample_size(10);
    for times in [1, 10, 100] {
        let (text, methods) = scaled_copy(copy.text(), times);
        let scaled = Source::new("methods.yaml", text);
        group.throughput(Throughput::Elements(methods));
        group.bench_function(
            BenchmarkId::from_parameter(format!("{times}x_{methods}_methods")),
            |b| {
                b.iter(|| {
                    config
                        .generate_api_source(black_box(&error_copy), black_box(&scaled))
                        .expect("generates")
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, generate_api, scaling);
criterion_main!(benches);
