//! What classifying a response costs, against the obvious alternative: a
//! linear scan over every reason comparing strings.
//!
//! Run: `cargo bench --bench classify`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use mastodon_error::{Endpoint, Reason};

/// Every documented (status, message) pair that has a literal message.
fn documented() -> Vec<(u16, &'static str)> {
    Reason::ALL
        .iter()
        .filter_map(|reason| Some((reason.status(), reason.literal_message()?)))
        .collect()
}

/// Not inlined, like `Reason::classify` (another crate's function), so
/// both sides pay for one call.
#[inline(never)]
fn naive(status: u16, message: &str) -> Option<Reason> {
    Reason::ALL
        .iter()
        .copied()
        .find(|reason| reason.message() == message && reason.status() == status)
}

fn classify(c: &mut Criterion) {
    let pairs = documented();
    let mut group = c.benchmark_group("classify");
    group.throughput(Throughput::Elements(pairs.len() as u64));
    group.bench_function("generated_every_documented_message", |b| {
        b.iter(|| {
            for &(status, message) in &pairs {
                black_box(Reason::classify(black_box(status), black_box(message)));
            }
        })
    });
    group.bench_function("naive_scan_every_documented_message", |b| {
        b.iter(|| {
            for &(status, message) in &pairs {
                black_box(naive(black_box(status), black_box(message)));
            }
        })
    });
    group.finish();

    // One call, on the last and longest literal: the scan's worst case.
    let (status, message) = *pairs.last().expect("documented messages");
    let mut group = c.benchmark_group("classify_one");
    group.bench_function("generated", |b| {
        b.iter(|| Reason::classify(black_box(status), black_box(message)))
    });
    group.bench_function("naive_scan", |b| {
        b.iter(|| naive(black_box(status), black_box(message)))
    });
    group.bench_function("generated_undocumented", |b| {
        b.iter(|| Reason::classify(black_box(404), black_box("Something else entirely")))
    });
    group.finish();

    // Every documented error example of every method, as a client meets them.
    let examples: Vec<(Endpoint, u16, &str)> = Endpoint::ALL
        .iter()
        .flat_map(|&endpoint| {
            endpoint
                .errors()
                .iter()
                .map(move |e| (endpoint, e.status, e.error))
        })
        .collect();
    let mut group = c.benchmark_group("classify_examples");
    group.throughput(Throughput::Elements(examples.len() as u64));
    group.bench_function("endpoint_classify_every_example", |b| {
        b.iter(|| {
            for &(endpoint, status, message) in &examples {
                black_box(black_box(endpoint).classify(black_box(status), black_box(message)));
            }
        })
    });
    group.bench_function("reason_classify_every_example", |b| {
        b.iter(|| {
            for &(_, status, message) in &examples {
                black_box(Reason::classify(black_box(status), black_box(message)));
            }
        })
    });
    group.bench_function("naive_scan_every_example", |b| {
        b.iter(|| {
            for &(_, status, message) in &examples {
                black_box(naive(black_box(status), black_box(message)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, classify);
criterion_main!(benches);
