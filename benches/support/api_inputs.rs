//! The inputs of whole-API generation and of its floors, shared by the
//! wall-clock benchmark (generate_api.rs) and the instruction counts
//! (instructions.rs), so both measure the same work.

use std::path::Path;

use mastodon_error_codegen::Source;
use pulldown_cmark::{Options, Parser};

/// The YAML copy's shape, as plain structs: what any reader of it must build.
#[allow(dead_code)] // Read only by serde.
#[derive(serde::Deserialize)]
pub struct Copy {
    schema: u32,
    pages: Vec<Page>,
}

#[allow(dead_code)]
#[derive(serde::Deserialize)]
struct Page {
    path: String,
    title: String,
    methods: Vec<Method>,
}

#[allow(dead_code)]
#[derive(serde::Deserialize)]
struct Method {
    title: String,
    anchor: Option<String>,
    request: String,
    tokens: Vec<String>,
    #[serde(default)]
    scopes: Vec<String>,
    added_in: Option<String>,
    lifecycle: Option<String>,
    #[serde(default)]
    errors: Vec<ErrorExample>,
}

#[allow(dead_code)]
#[derive(serde::Deserialize)]
struct ErrorExample {
    status: u16,
    status_text: String,
    error: String,
    error_description: Option<String>,
}

pub fn read(root: &Path, path: &str) -> Source {
    let text = std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    Source::new(path, text)
}

/// Every `.md` below `dir`: (path below it without `.md`, its text), in path order.
pub fn pages(dir: &Path, below: &Path, out: &mut Vec<(String, Source)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("readable")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            pages(&path, below, out);
        } else if path.extension().is_some_and(|ext| ext == "md") {
            let relative = path.strip_prefix(below).expect("below").with_extension("");
            let name = relative.to_string_lossy().replace('\\', "/");
            let text = std::fs::read_to_string(&path).expect("page");
            out.push((name, Source::new(path.to_string_lossy(), text)));
        }
    }
}

/// The Markdown floor: pulldown-cmark's events over the Error page and the
/// method pages, counted.
pub fn pulldown_events(error_page: &Source, method_pages: &[(String, Source)]) -> usize {
    let events = |text: &str| Parser::new_ext(text, Options::ENABLE_HEADING_ATTRIBUTES).count();
    events(error_page.text())
        + method_pages
            .iter()
            .map(|(_, page)| events(page.text()))
            .sum::<usize>()
}
