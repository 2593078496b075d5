//! What generation costs: the current page end to end and stage by stage,
//! beside pulldown-cmark alone on the same text (the floor), and how the
//! cost grows with the number of reasons.
//!
//! Run: `cargo bench --bench generate`.

use std::hint::black_box;

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use mastodon_error_codegen::{Config, Source, stages};
use pulldown_cmark::{Options, Parser};

const PAGE: &str = include_str!("../spec/error.md");

fn current_page(c: &mut Criterion) {
    let source = Source::new("spec/error.md", PAGE);
    let mut config = Config::new();
    config.checked_in_as("generated/mastodon_error.rs");
    let spec = mastodon_error_codegen::parse(&source).expect("the page parses");
    let tokens = stages::tokens(&source, &spec, &config).expect("the page checks");

    let mut group = c.benchmark_group("current_page");
    group.bench_function("generate", |b| {
        b.iter(|| {
            config
                .generate_source(black_box(&source))
                .expect("generates")
        })
    });
    group.bench_function("1_parse", |b| {
        b.iter(|| mastodon_error_codegen::parse(black_box(&source)).expect("parses"))
    });
    group.bench_function("2_model_to_tokens", |b| {
        b.iter(|| stages::tokens(&source, black_box(&spec), &config).expect("checks"))
    });
    group.bench_function("3_format", |b| {
        b.iter_batched(
            || tokens.clone(),
            |tokens| stages::format(tokens).expect("formats"),
            BatchSize::SmallInput,
        )
    });
    // What skipping the formatter (the first suggested fix) would cost.
    group.bench_function("generate_unformatted", |b| {
        b.iter(|| {
            let spec = mastodon_error_codegen::parse(black_box(&source)).expect("parses");
            stages::unformatted(stages::tokens(&source, &spec, &config).expect("checks"))
        })
    });
    // The floor: the Markdown parser we build on, reading the same text.
    group.bench_function("pulldown_cmark_alone", |b| {
        b.iter(|| {
            Parser::new_ext(black_box(PAGE), Options::ENABLE_HEADING_ATTRIBUTES)
                .into_offset_iter()
                .count()
        })
    });
    group.finish();
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    let config = Config::new();
    for reasons in [10, 100, 1_000, 10_000] {
        let source = Source::new("synthetic.md", stages::synthetic_page(reasons));
        group.throughput(Throughput::Elements(reasons as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(reasons),
            &source,
            |b, source| b.iter(|| config.generate_source(source).expect("generates")),
        );
    }
    group.finish();
}

criterion_group!(benches, current_page, scaling);
criterion_main!(benches);
