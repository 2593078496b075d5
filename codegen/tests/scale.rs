//! A page far larger than the real one (10,000 reasons) is processed, and
//! its output is complete. How the time grows is measured by the benchmarks.

use mastodon_error_codegen::stages::synthetic_page;
use mastodon_error_codegen::{Config, Source};

#[test]
fn ten_thousand_reasons_are_processed_completely() {
    let page = synthetic_page(10_000);
    let code = Config::new()
        .generate_source(&Source::new("large.md", page))
        .expect("a large valid page generates");
    assert_eq!(code.matches("\n    Reason9999,\n").count(), 1);
    assert_eq!(
        code.matches("    pub const REASON").count(),
        10_000,
        "one message constant per reason"
    );
    assert!(code.contains("\"Message number 9999\""));
    syn::parse_file(&code).expect("the output parses");
}
