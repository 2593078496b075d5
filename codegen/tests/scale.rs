//! A page far larger than the real one (10,000 reasons) is processed, and
//! its output is complete. How the time grows is measured by the benchmarks.

use mastodon_error_codegen::{Config, Source};

/// A valid page with `count` reasons, twenty per status group.
fn page_with_reasons(count: usize) -> String {
    let mut page = String::from(
        "---\ntitle: Error\n---\n\n## Attributes\n\n### `error` {#error}\n\n**Description:** The error message.\\\n**Type:** String\n\n## Possible reasons\n",
    );
    for index in 0..count {
        if index % 20 == 0 {
            let code = 100 + index / 20;
            page.push_str(&format!("\n### {code} - Status {code} {{#s{code}}}\n"));
        }
        page.push_str(&format!(
            "\n#### Reason{index} {{#r{index}}}\n\nError: Message number {index}. Appears in test number {index}.\n"
        ));
    }
    page
}

#[test]
fn ten_thousand_reasons_are_processed_completely() {
    let page = page_with_reasons(10_000);
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
