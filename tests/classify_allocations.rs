//! `Reason::classify` never allocates, whatever it is given. Counted with
//! dhat's heap profiler in testing mode, as this test binary's allocator.

use std::hint::black_box;

use mastodon_error::Reason;

#[global_allocator]
static ALLOCATOR: dhat::Alloc = dhat::Alloc;

#[test]
fn classify_does_not_allocate() {
    let inputs: Vec<(u16, String)> = Reason::ALL
        .iter()
        .map(|reason| (reason.status(), reason.message().to_owned()))
        .chain([
            (422, "Validation failed: Text can't be blank".to_owned()),
            (404, "Something else".to_owned()),
            (500, String::new()),
        ])
        .collect();
    let _profiler = dhat::Profiler::builder().testing().build();
    let before = dhat::HeapStats::get();
    for (status, message) in &inputs {
        black_box(Reason::classify(black_box(*status), black_box(message)));
    }
    let after = dhat::HeapStats::get();
    assert_eq!(
        after.total_blocks,
        before.total_blocks,
        "classify allocated {} blocks",
        after.total_blocks - before.total_blocks
    );
}
