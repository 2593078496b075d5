//! The generator's module map, read from its source: no import circle
//! between its modules, and each stage depends only on the stages below it
//! (docs/architecture.md draws the same map).
//!
//! Every file under `src/` is parsed with syn. The modules a file refers to
//! are its `use` trees and every `crate::…`, `super::…` and `self::…` path
//! in its code (in the crate root, paths that start at a top-level module
//! too), `super` resolved against the file's module and its inline `mod`s.
//! The nodes are the top-level modules, with each page kind
//! (`pages::<kind>`) a node of its own.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use proc_macro2::{Delimiter, TokenStream, TokenTree};

/// Modules that are one node: each needs the other by nature.
const SAME_NODE: &[(&str, &str, &str)] = &[
    (
        "source",
        "diagnostic",
        "an Error holds its Source, and reading a Source fails with an Error",
    ),
    (
        "config",
        "crate",
        "the facade: Config's terminal methods run the pipeline in lib.rs, which reads the Config",
    ),
];

/// The layers, lowest first: a module may depend only on modules of a lower
/// layer. Every node must be listed, so a new module takes a place here.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "foundation: located text, identifiers, the facts",
        &["diagnostic", "ident", "commonmark", "model"],
    ),
    (
        "collecting errors, and docs defects by lint name",
        &["sink"],
    ),
    ("the lint registry, content hashes", &["lint", "hash"]),
    ("the emitters' settings", &["gate"]),
    ("the YAML tree and what every copy shares", &["yaml"]),
    ("the Markdown pieces (front matter is YAML)", &["markdown"]),
    ("what every loader shares", &["input"]),
    (
        "the page kinds: each one's readers, writer and loader",
        &[
            "pages::error",
            "pages::methods",
            "pages::entities",
            "pages::scopes",
            "pages::rate_limits",
        ],
    ),
    ("the page kinds' folder", &["pages"]),
    ("the check stage", &["check"]),
    ("the emit stage", &["emit"]),
    ("the facade: Config and the pipeline", &["crate"]),
    (
        "the tools: diff, corpus, recorded responses",
        &["diff", "corpus", "responses"],
    ),
    (
        "the OpenAPI samples: examples and recorded responses, routed",
        &["samples"],
    ),
    ("the stages, for benches and fuzzing", &["stages"]),
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file below `dir` (the `bin/` targets are not the library).
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if path.file_name().is_some_and(|name| name != "bin") {
                files(&path, out);
            }
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file: `pages/methods/mod.rs` is `pages::methods`.
fn module_of(file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src()).unwrap();
    let mut parts: Vec<String> = relative
        .iter()
        .map(|part| part.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_owned());
    }
    parts
}

/// The node a module path belongs to.
fn node_of(
    path: &[String],
    top_level: &BTreeSet<String>,
    root_items: &BTreeMap<String, String>,
) -> String {
    let node = match path {
        [] => "crate".to_owned(),
        [first, kind, ..] if first == "pages" => format!("pages::{kind}"),
        [first, ..] if top_level.contains(first) => first.clone(),
        // An item of the crate root: where it is re-exported from, else the root.
        [first, ..] => root_items
            .get(first)
            .cloned()
            .unwrap_or_else(|| "crate".to_owned()),
    };
    SAME_NODE
        .iter()
        .find(|(module, _, _)| *module == node)
        .map_or(node, |(_, into, _)| (*into).to_owned())
}

/// Absolute module paths that `tokens` (in module `module`) refer to.
fn references(
    tokens: TokenStream,
    module: &[String],
    root: bool,
    top_level: &BTreeSet<String>,
    out: &mut Vec<Vec<String>>,
) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let mut at = 0;
    while at < tokens.len() {
        match &tokens[at] {
            TokenTree::Ident(ident) if ident == "mod" => {
                if let (Some(TokenTree::Ident(name)), Some(TokenTree::Group(body))) =
                    (tokens.get(at + 1), tokens.get(at + 2))
                    && body.delimiter() == Delimiter::Brace
                {
                    let mut inner = module.to_vec();
                    inner.push(name.to_string());
                    references(body.stream(), &inner, false, top_level, out);
                    at += 3;
                    continue;
                }
            }
            TokenTree::Ident(ident) if ident == "use" => {
                let end = (at..tokens.len())
                    .find(|&i| matches!(&tokens[i], TokenTree::Punct(p) if p.as_char() == ';'))
                    .expect("a use ends with `;`");
                let tree: TokenStream = tokens[at + 1..end].iter().cloned().collect();
                // A `use` inside a macro (`quote!`) need not be one.
                let Ok(tree) = syn::parse2::<syn::UseTree>(tree) else {
                    at = end + 1;
                    continue;
                };
                let mut paths = Vec::new();
                use_paths(&tree, Vec::new(), &mut paths);
                for path in paths {
                    if let Some(resolved) = resolve(&path, module, root, top_level) {
                        out.push(resolved);
                    }
                }
                at = end + 1;
                continue;
            }
            TokenTree::Ident(ident) => {
                let mut path = vec![ident.to_string()];
                let mut next = at + 1;
                while let (
                    Some(TokenTree::Punct(a)),
                    Some(TokenTree::Punct(b)),
                    Some(TokenTree::Ident(segment)),
                ) = (tokens.get(next), tokens.get(next + 1), tokens.get(next + 2))
                {
                    if a.as_char() != ':' || b.as_char() != ':' {
                        break;
                    }
                    path.push(segment.to_string());
                    next += 3;
                }
                // `a::b` only: a lone identifier is no path to a module.
                let is_path = path.len() > 1
                    // The preceding `::` would make this the middle of a path.
                    && !(at >= 1 && matches!(&tokens[at - 1], TokenTree::Punct(p) if p.as_char() == ':'));
                if is_path && let Some(resolved) = resolve(&path, module, root, top_level) {
                    out.push(resolved);
                }
                at = next.max(at + 1);
                continue;
            }
            TokenTree::Group(group) => references(group.stream(), module, root, top_level, out),
            _ => {}
        }
        at += 1;
    }
}

/// Each path of a use tree, as segments (a glob or a rename ends it).
fn use_paths(tree: &syn::UseTree, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    match tree {
        syn::UseTree::Path(path) => {
            let mut prefix = prefix;
            prefix.push(path.ident.to_string());
            use_paths(&path.tree, prefix, out);
        }
        syn::UseTree::Name(name) => {
            let mut path = prefix;
            path.push(name.ident.to_string());
            out.push(path);
        }
        syn::UseTree::Rename(rename) => {
            let mut path = prefix;
            path.push(rename.ident.to_string());
            out.push(path);
        }
        syn::UseTree::Glob(_) => out.push(prefix),
        syn::UseTree::Group(group) => {
            for tree in &group.items {
                use_paths(tree, prefix.clone(), out);
            }
        }
    }
}

/// `path` as an absolute module path, when it starts inside this crate.
fn resolve(
    path: &[String],
    module: &[String],
    root: bool,
    top_level: &BTreeSet<String>,
) -> Option<Vec<String>> {
    let mut segments = path.iter().peekable();
    let mut base: Vec<String> = match segments.peek()?.as_str() {
        "crate" => {
            segments.next();
            Vec::new()
        }
        "self" => {
            segments.next();
            module.to_vec()
        }
        "super" => {
            let mut base = module.to_vec();
            while segments.peek().is_some_and(|s| *s == "super") {
                segments.next();
                base.pop()?;
            }
            base
        }
        first if root && top_level.contains(first) => Vec::new(),
        _ => return None,
    };
    base.extend(segments.cloned());
    Some(base)
}

/// The edges between nodes: for each, the files that make it.
fn graph() -> BTreeMap<(String, String), BTreeSet<String>> {
    let mut all = Vec::new();
    files(&src(), &mut all);
    all.sort();
    let top_level: BTreeSet<String> = all
        .iter()
        .filter_map(|file| module_of(file).first().cloned())
        .collect();
    // What the root re-exports (`pub use source::Source`), by name.
    let lib = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    let mut root_items = BTreeMap::new();
    for item in syn::parse_file(&lib).unwrap().items {
        if let syn::Item::Use(item) = item {
            let mut paths = Vec::new();
            use_paths(&item.tree, Vec::new(), &mut paths);
            for path in paths {
                if let (Some(first), Some(last)) = (path.first(), path.last())
                    && top_level.contains(first)
                {
                    root_items.insert(last.clone(), first.clone());
                }
            }
        }
    }
    let mut edges: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for file in &all {
        let text = std::fs::read_to_string(file).unwrap();
        let name = file.strip_prefix(src()).unwrap().display().to_string();
        syn::parse_file(&text).unwrap_or_else(|error| panic!("{name} does not parse: {error}"));
        let tokens = TokenStream::from_str(&text).unwrap();
        let module = module_of(file);
        let from = node_of(&module, &top_level, &root_items);
        let mut referred = Vec::new();
        references(
            tokens,
            &module,
            module.is_empty(),
            &top_level,
            &mut referred,
        );
        for path in referred {
            let to = node_of(&path, &top_level, &root_items);
            if to != from {
                edges
                    .entry((from.clone(), to))
                    .or_default()
                    .insert(name.clone());
            }
        }
    }
    edges
}

/// A cycle in `edges`, as the nodes along it, if there is one.
fn find_cycle(edges: &BTreeMap<(String, String), BTreeSet<String>>) -> Option<Vec<String>> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (from, to) in edges.keys() {
        next.entry(from).or_default().push(to);
    }
    // Depth first, keeping the path: a node met again on it closes a cycle.
    fn visit<'a>(
        node: &'a str,
        next: &BTreeMap<&'a str, Vec<&'a str>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| *n == node) {
            let mut cycle: Vec<String> = path[start..].iter().map(|n| (*n).to_owned()).collect();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if !done.insert(node) {
            return None;
        }
        path.push(node);
        for to in next.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(to, next, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for node in next.keys() {
        if let Some(cycle) = visit(node, &next, &mut Vec::new(), &mut done) {
            return Some(cycle);
        }
    }
    None
}

fn describe(edges: &BTreeMap<(String, String), BTreeSet<String>>, cycle: &[String]) -> String {
    cycle
        .windows(2)
        .map(|pair| {
            let files = &edges[&(pair[0].clone(), pair[1].clone())];
            format!(
                "{} -> {} ({})",
                pair[0],
                pair[1],
                files.iter().cloned().collect::<Vec<_>>().join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join("\n  ")
}

#[test]
fn no_module_imports_its_way_back_to_itself() {
    let edges = graph();
    if let Some(cycle) = find_cycle(&edges) {
        panic!(
            "import circle between modules:\n  {}",
            describe(&edges, &cycle)
        );
    }
}

#[test]
fn each_module_depends_only_on_lower_layers() {
    let edges = graph();
    let layer_of: BTreeMap<&str, usize> = LAYERS
        .iter()
        .enumerate()
        .flat_map(|(layer, (_, nodes))| nodes.iter().map(move |node| (*node, layer)))
        .collect();
    let mut wrong = Vec::new();
    for ((from, to), files) in &edges {
        let layer = |node: &str| {
            *layer_of
                .get(node)
                .unwrap_or_else(|| panic!("`{node}` has no layer in LAYERS: give it one"))
        };
        if layer(to) >= layer(from) {
            wrong.push(format!(
                "{from} ({}) -> {to} ({}), in {}",
                LAYERS[layer(from)].0,
                LAYERS[layer(to)].0,
                files.iter().cloned().collect::<Vec<_>>().join(", ")
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "dependencies that do not go down a layer:\n  {}",
        wrong.join("\n  ")
    );
}

/// The graph is read, not assumed: a known dependency of each kind shows.
#[test]
fn the_graph_sees_uses_paths_and_super() {
    let edges = graph();
    let has = |from: &str, to: &str| edges.contains_key(&(from.to_owned(), to.to_owned()));
    // `use crate::check::endpoints::Endpoint;` in emit/.
    assert!(has("emit", "check"));
    // `crate::input::folder::read(…)` inline in pages/entities/mod.rs.
    assert!(has("pages::entities", "input"));
    // `crate::markdown::found_lints(…)` in a kind's Markdown reader.
    assert!(has("pages::methods", "markdown"));
    // An edge up a layer, or a circle, would fail: a planted one does.
    let mut planted = edges.clone();
    planted.insert(
        ("model".to_owned(), "emit".to_owned()),
        BTreeSet::from(["planted".to_owned()]),
    );
    let cycle = find_cycle(&planted).expect("model -> emit -> model is a circle");
    assert!(
        cycle.contains(&"model".to_owned()) && cycle.contains(&"emit".to_owned()),
        "{cycle:?}"
    );
}
