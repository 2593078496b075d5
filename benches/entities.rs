//! Entities generation against its floor, in the same run: the module from
//! the YAML copy (what the crate's build.rs reads with the `entities`
//! feature) against serde-saphyr reading the same YAML into an untyped value,
//! and the module from the docs' 73 pages (read from memory) against
//! pulldown-cmark parsing the same pages.
//!
//! Run: `cargo bench --bench entities`. The pages half needs the docs corpus
//! (see docs/corpus.md); without it, it says so and
//! runs the copy half only.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use mastodon_error_codegen::corpus::{self, Lookup};
use mastodon_error_codegen::{Config, Source, stages};
use pulldown_cmark::{Options, Parser};

fn copy(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text =
        std::fs::read_to_string(root.join("spec/entities.yaml")).expect("spec/entities.yaml");
    let source = Source::new("spec/entities.yaml", text.as_str());
    // As the build path generates: unformatted (issue 31).
    let mut config = Config::new();
    config.format(false);
    let mut group = c.benchmark_group("entities/copy");
    group.bench_function("generate", |b| {
        b.iter(|| stages::entities_from_copy(black_box(&source), &config).expect("generates"))
    });
    group.bench_function("floor: serde-saphyr to a value", |b| {
        b.iter(|| serde_saphyr::from_str::<serde_json::Value>(black_box(&text)).expect("YAML"))
    });
    group.finish();
}

fn pages(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (Ok(Lookup::Found(dir)), Some(snapshot)) = (
        corpus::locate(root),
        corpus::current_snapshot(root, "entities"),
    ) else {
        eprintln!("entities/pages: no docs corpus here; skipped");
        return;
    };
    let folder = dir.join(snapshot);
    let mut files: Vec<(String, String)> = std::fs::read_dir(&folder)
        .expect("the entities folder")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .map(|path| {
            let stem = path
                .file_stem()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            (stem, std::fs::read_to_string(&path).expect("a page"))
        })
        .collect();
    files.sort();
    // As the build path generates: unformatted (issue 31).
    let mut config = Config::new();
    config.format(false);
    let mut group = c.benchmark_group("entities/pages");
    group.bench_function("generate", |b| {
        b.iter(|| {
            let pages = files
                .iter()
                .map(|(file, text)| {
                    (
                        file.clone(),
                        Source::new(format!("{file}.md"), text.as_str()),
                    )
                })
                .collect();
            stages::entities_from_pages(black_box(pages), &config).expect("generates")
        })
    });
    group.bench_function("floor: pulldown-cmark", |b| {
        b.iter(|| {
            files
                .iter()
                .map(|(_, text)| Parser::new_ext(black_box(text), Options::empty()).count())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, copy, pages);
criterion_main!(benches);
