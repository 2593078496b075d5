//! The README stays a guide a newcomer reads in minutes, and every relative
//! link of the README and of docs/ resolves: to a file that exists and, with
//! a `#fragment`, to a heading of that page, by GitHub's anchor rule.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The README's length limit (issue 30): the reference lives in docs/.
const README_MAX_LINES: usize = 150;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// README.md and every page of docs/.
fn pages() -> Vec<PathBuf> {
    let mut pages = vec![root().join("README.md")];
    let docs = std::fs::read_dir(root().join("docs")).expect("docs/");
    let mut docs: Vec<PathBuf> = docs
        .map(|entry| entry.expect("a docs/ entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    docs.sort();
    pages.extend(docs);
    pages
}

/// GitHub's anchor for a heading's text: lower case, spaces to hyphens, and
/// every character but letters, digits, `-` and `_` dropped.
fn slug(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// A page's heading anchors (a repeated one gets `-1`, `-2`, as on GitHub)
/// and its link destinations.
fn read(page: &Path) -> (BTreeSet<String>, Vec<String>) {
    let text = std::fs::read_to_string(page).unwrap_or_else(|e| panic!("{}: {e}", page.display()));
    let mut anchors = BTreeSet::new();
    let mut links = Vec::new();
    let mut heading: Option<String> = None;
    for event in Parser::new_ext(&text, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::Text(text) | Event::Code(text) => {
                if let Some(heading) = &mut heading {
                    heading.push_str(&text);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                let base = slug(&heading.take().unwrap_or_default());
                let mut anchor = base.clone();
                let mut n = 0;
                while !anchors.insert(anchor.clone()) {
                    n += 1;
                    anchor = format!("{base}-{n}");
                }
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                links.push(dest_url.into_string());
            }
            _ => {}
        }
    }
    (anchors, links)
}

#[test]
fn the_readme_is_short() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let lines = readme.lines().count();
    assert!(
        lines <= README_MAX_LINES,
        "README.md has {lines} lines, over {README_MAX_LINES}: move the reference into docs/"
    );
}

#[test]
fn every_relative_link_resolves() {
    let mut broken = Vec::new();
    for page in pages() {
        let (own_anchors, links) = read(&page);
        let dir = page.parent().expect("a page's folder");
        for link in links {
            // Links to other sites are not checked: the test runs offline.
            if link.contains("://") || link.starts_with("mailto:") {
                continue;
            }
            let (path, fragment) = link.split_once('#').unwrap_or((&link, ""));
            let name = page.strip_prefix(root()).unwrap_or(&page).display();
            let anchors = if path.is_empty() {
                own_anchors.clone()
            } else {
                let target = dir.join(path);
                if !target.exists() {
                    broken.push(format!("{name}: `{link}`: no file {path}"));
                    continue;
                }
                if fragment.is_empty() || !path.ends_with(".md") {
                    continue;
                }
                read(&target).0
            };
            if !fragment.is_empty() && !anchors.contains(fragment) {
                broken.push(format!(
                    "{name}: `{link}`: no heading with the anchor #{fragment}"
                ));
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn anchors_follow_github() {
    assert_eq!(
        slug("Before the call: scopes, tokens and rate limits"),
        "before-the-call-scopes-tokens-and-rate-limits"
    );
    assert_eq!(slug("3. Your own build.rs"), "3-your-own-buildrs");
    assert_eq!(slug("A client's error type"), "a-clients-error-type");
    assert_eq!(
        slug("responses: what real servers send, against the docs"),
        "responses-what-real-servers-send-against-the-docs"
    );
}
