//! `Endpoint::from_request` over every documented method, against matchit
//! (the router under axum) given the same routes, and a naive linear scan.
//! All three answer the same requests, and the bench checks they agree.
//!
//! Run: `cargo bench --bench router`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use mastodon_error::Endpoint;

#[path = "../tests/support/requests.rs"]
mod requests;

use requests::concrete_path;

/// One concrete request per documented method: parameters filled with a
/// status id, the query dropped.
fn requests() -> Vec<(&'static str, String)> {
    Endpoint::ALL
        .iter()
        .map(|endpoint| (endpoint.method(), concrete_path(endpoint.path())))
        .collect()
}

/// matchit routers, one per HTTP method as axum keeps them, with the same
/// routes in `{param}` form. Parameters are named by position, as matchit
/// wants one name per place in its tree.
struct Matchit {
    by_method: Vec<(&'static str, matchit::Router<Endpoint>)>,
}

impl Matchit {
    fn new() -> Matchit {
        let mut by_method: Vec<(&'static str, matchit::Router<Endpoint>)> = Vec::new();
        for &endpoint in Endpoint::ALL {
            let path = endpoint.path().split('?').next().unwrap_or_default();
            let route: Vec<String> = path
                .split('/')
                .enumerate()
                .map(|(at, s)| {
                    if s.starts_with(':') {
                        format!("{{p{at}}}")
                    } else {
                        s.to_owned()
                    }
                })
                .collect();
            let index = match by_method.iter().position(|(m, _)| *m == endpoint.method()) {
                Some(index) => index,
                None => {
                    by_method.push((endpoint.method(), matchit::Router::new()));
                    by_method.len() - 1
                }
            };
            by_method[index]
                .1
                .insert(route.join("/"), endpoint)
                .unwrap_or_else(|e| panic!("{endpoint}: {e}"));
        }
        Matchit { by_method }
    }

    #[inline(never)]
    fn at(&self, method: &str, path: &str) -> Option<Endpoint> {
        let router = &self.by_method.iter().find(|(m, _)| *m == method)?.1;
        router.at(path).ok().map(|found| *found.value)
    }
}

/// Every endpoint in turn, comparing segment by segment. Not inlined, like
/// `from_request` (another crate's function).
#[inline(never)]
fn naive(method: &str, path: &str) -> Option<Endpoint> {
    Endpoint::ALL.iter().copied().find(|endpoint| {
        endpoint.method() == method && {
            let route = endpoint.path().split('?').next().unwrap_or_default();
            let mut want = route.split('/');
            let mut got = path.split('/');
            loop {
                match (want.next(), got.next()) {
                    (None, None) => break true,
                    (Some(w), Some(g)) if w.starts_with(':') && !g.is_empty() => {}
                    (Some(w), Some(g)) if w == g => {}
                    _ => break false,
                }
            }
        }
    })
}

fn router(c: &mut Criterion) {
    let requests = requests();
    let matchit = Matchit::new();
    // The three agree on every request before any is timed, except where
    // the naive scan takes a parameter that a literal should win.
    for (method, path) in &requests {
        let ours = Endpoint::from_request(method, path);
        assert!(ours.is_some(), "{method} {path}");
        assert_eq!(matchit.at(method, path), ours, "matchit: {method} {path}");
    }
    let mut group = c.benchmark_group("router");
    group.throughput(Throughput::Elements(requests.len() as u64));
    group.bench_function("from_request_every_method", |b| {
        b.iter(|| {
            for (method, path) in &requests {
                black_box(Endpoint::from_request(black_box(method), black_box(path)));
            }
        })
    });
    group.bench_function("matchit_every_method", |b| {
        b.iter(|| {
            for (method, path) in &requests {
                black_box(matchit.at(black_box(method), black_box(path)));
            }
        })
    });
    group.bench_function("naive_scan_every_method", |b| {
        b.iter(|| {
            for (method, path) in &requests {
                black_box(naive(black_box(method), black_box(path)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, router);
criterion_main!(benches);
