//! `Reason::classify`, `Endpoint::classify` and `Endpoint::from_request`
//! never allocate, whatever they are given. Counted with dhat's heap
//! profiler in testing mode, as this test binary's allocator. dhat counts
//! every thread's allocations, so this binary has no libtest harness: the
//! harness's own thread allocates when it waits on a slow test, which made
//! the count flaky on a loaded machine.

use std::hint::black_box;

use mastodon_error::{Endpoint, Reason};

#[path = "support/requests.rs"]
mod requests;

use requests::concrete_path;

#[global_allocator]
static ALLOCATOR: dhat::Alloc = dhat::Alloc;

fn main() {
    let inputs: Vec<(u16, String)> = Reason::ALL
        .iter()
        .map(|reason| (reason.status(), reason.message().to_owned()))
        .chain([
            (422, "Validation failed: Text can't be blank".to_owned()),
            (404, "Something else".to_owned()),
            (500, String::new()),
        ])
        .collect();
    // Every documented method's concrete path, with and without a query,
    // and paths that match nothing.
    let requests: Vec<(&str, String)> = Endpoint::ALL
        .iter()
        .flat_map(|endpoint| {
            let path = concrete_path(endpoint.path());
            [
                (endpoint.method(), format!("{path}?limit=40")),
                (endpoint.method(), path),
            ]
        })
        .chain([
            ("GET", "/nothing/here".to_owned()),
            ("TRACE", "/".to_owned()),
        ])
        .collect();
    let _profiler = dhat::Profiler::builder().testing().build();
    let before = dhat::HeapStats::get();
    for (status, message) in &inputs {
        black_box(Reason::classify(black_box(*status), black_box(message)));
    }
    let mut routed = 0;
    for (method, path) in &requests {
        if let Some(endpoint) = Endpoint::from_request(black_box(method), black_box(path)) {
            routed += 1;
            for error in endpoint.errors() {
                black_box(endpoint.classify(black_box(error.status), black_box(error.error)));
            }
            black_box(endpoint.classify(404, "Something else"));
        }
    }
    let after = dhat::HeapStats::get();
    assert_eq!(routed, 2 * Endpoint::ALL.len());
    assert_eq!(
        after.total_blocks,
        before.total_blocks,
        "classify or from_request allocated {} blocks",
        after.total_blocks - before.total_blocks
    );
    println!(
        "classify_and_routing_do_not_allocate: ok ({} classifications, {} requests, 0 blocks)",
        inputs.len(),
        requests.len()
    );
}
