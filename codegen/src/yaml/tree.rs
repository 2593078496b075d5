//! YAML read into a tree of located nodes, from granit-parser's events.
//!
//! This is the YAML reader on the build path. It replaces serde's generic
//! deserializer, whose instantiations for our types were half of the
//! generator's compiled code (issue 21). The schema readers walk the tree by
//! hand, so every value keeps its byte span and every message is ours.

use std::collections::HashMap;
use std::ops::Range;

use granit_parser::{Event, Parser, ScalarStyle, Span};

use crate::diagnostic::Diagnostic;
use crate::source::{ceil_char_boundary, floor_char_boundary};

/// One YAML node and the bytes it spans.
#[derive(Clone, Debug)]
pub(crate) struct Node {
    pub kind: Kind,
    pub span: Range<usize>,
}

#[derive(Clone, Debug)]
pub(crate) enum Kind {
    /// A scalar's text after YAML's escapes, and whether it was written plain
    /// (unquoted), which decides whether it can be a null, number or boolean.
    Scalar {
        text: String,
        plain: bool,
    },
    Sequence(Vec<Node>),
    Mapping(Vec<(Node, Node)>),
}

/// A shape error: boxed, as it is returned through every reader.
pub(crate) type Read<T> = Result<T, Box<Diagnostic>>;

/// A value with the bytes it was read from.
#[derive(Clone, Debug)]
pub(crate) struct Spanned<T> {
    pub value: T,
    pub span: Range<usize>,
}

/// Reads the single document in `text`. Tags are refused when
/// `refuse_tags` is set: a copy has no use for them, and `!!str 404` read
/// as a number would be wrong. Merge keys (`<<: *base`) are expanded.
pub(crate) fn read(text: &str, refuse_tags: bool) -> Read<Node> {
    let mut builder = Builder {
        text,
        refuse_tags,
        stack: Vec::new(),
        anchors: HashMap::new(),
        root: None,
        documents: 0,
        // Every node but an alias's copies takes at least one byte of the
        // text, so this bounds the work without refusing anything real.
        budget: text.len().max(250_000),
    };
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|error| {
            let at = error
                .marker()
                .byte_offset()
                .unwrap_or(text.len())
                .min(text.len());
            let at = floor_char_boundary(text, at);
            Box::new(yaml_error(at..at, error.info()))
        })?;
        builder.event(event, span)?;
    }
    Ok(builder.root.unwrap_or(Node {
        kind: Kind::Scalar {
            text: String::new(),
            plain: true,
        },
        span: 0..0,
    }))
}

/// An error in the YAML itself, as opposed to its schema: "invalid YAML: …".
fn yaml_error(span: Range<usize>, message: impl std::fmt::Display) -> Diagnostic {
    let message = message.to_string();
    let help = if message.contains("tab") {
        "indent with spaces: YAML does not allow tabs there"
    } else {
        "fix the YAML here; spec/README.md describes the schema, and `mastodon-error-codegen export-yaml` writes a valid copy"
    };
    Diagnostic::error(span, format!("invalid YAML: {message}")).help(help)
}

/// A collection whose end event has not come yet.
struct Open {
    start: usize,
    /// The anchor id to record the finished node under, or 0.
    anchor: usize,
    items: OpenItems,
}

enum OpenItems {
    Sequence(Vec<Node>),
    /// The entries so far, and a key waiting for its value.
    Mapping(Vec<(Node, Node)>, Option<Node>),
}

struct Builder<'t> {
    text: &'t str,
    refuse_tags: bool,
    stack: Vec<Open>,
    anchors: HashMap<usize, Node>,
    root: Option<Node>,
    documents: usize,
    budget: usize,
}

impl Builder<'_> {
    fn span(&self, span: &Span) -> Range<usize> {
        let offset = |marker: &granit_parser::Marker| {
            let at = marker.byte_offset().unwrap_or(0).min(self.text.len());
            ceil_char_boundary(self.text, at)
        };
        let start = offset(&span.start);
        start..offset(&span.end).max(start)
    }

    fn spend(&mut self, nodes: usize, at: &Range<usize>) -> Read<()> {
        self.budget = self.budget.checked_sub(nodes).ok_or_else(|| {
            Box::new(yaml_error(
                at.clone(),
                "the document holds more nodes than its size allows (one per byte, at least 250,000), counting what aliases copy",
            ))
        })?;
        Ok(())
    }

    fn event(&mut self, event: Event<'_>, span: Span) -> Read<()> {
        let at = self.span(&span);
        if let Some(tag) = event.tag()
            && self.refuse_tags
        {
            // At the tag itself when the parser knows where it is.
            let tag_at = span
                .tag_start
                .as_ref()
                .map_or(at.start, |marker| self.span(&Span::empty(*marker)).start);
            return Err(yaml_error(
                tag_at
                    ..ceil_char_boundary(
                        self.text,
                        (tag_at + tag.original().len()).min(self.text.len()),
                    ),
                format!("unsupported tag `{}`", tag.original()),
            )
            .into());
        }
        match event {
            Event::DocumentStart(..) => {
                self.documents += 1;
                if self.documents > 1 {
                    let start = at.end.min(self.text.len());
                    let start = start
                        + self.text[start..]
                            .find(|c: char| !c.is_whitespace())
                            .unwrap_or(0);
                    return Err(yaml_error(
                        start..start,
                        "only single YAML document expected but multiple found",
                    )
                    .into());
                }
            }
            Event::Scalar(text, style, anchor, _) => {
                let node = Node {
                    kind: Kind::Scalar {
                        text: text.into_owned(),
                        plain: style == ScalarStyle::Plain,
                    },
                    span: at,
                };
                self.finish(node, anchor)?;
            }
            Event::SequenceStart(_, anchor, _) => self.stack.push(Open {
                start: at.start,
                anchor,
                items: OpenItems::Sequence(Vec::new()),
            }),
            Event::MappingStart(_, anchor, _) => self.stack.push(Open {
                start: at.start,
                anchor,
                items: OpenItems::Mapping(Vec::new(), None),
            }),
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(open) = self.stack.pop() else {
                    return Ok(());
                };
                let kind = match open.items {
                    OpenItems::Sequence(items) => Kind::Sequence(items),
                    OpenItems::Mapping(entries, _) => Kind::Mapping(merge_keys(entries)),
                };
                // A block collection's end event sits at the next sibling's
                // first token, so its span ends with its last child instead.
                let last_child = match &kind {
                    Kind::Sequence(items) => items.iter().map(|item| item.span.end).max(),
                    Kind::Mapping(entries) => entries.iter().map(|(_, value)| value.span.end).max(),
                    Kind::Scalar { .. } => None,
                };
                let end = last_child.unwrap_or(at.end).max(open.start);
                let node = Node {
                    kind,
                    span: open.start..end,
                };
                self.finish(node, open.anchor)?;
            }
            Event::Alias(id) => {
                let Some(nodes) = self.anchors.get(&id).map(count) else {
                    return Err(yaml_error(at, "an alias to an unknown anchor").into());
                };
                // Counted before the copy is made.
                self.spend(nodes, &at)?;
                let mut node = self.anchors[&id].clone();
                node.span = at;
                self.finish(node, 0)?;
            }
            _ => {}
        }
        Ok(())
    }

    /// Places a complete node in its parent, or as the document.
    fn finish(&mut self, node: Node, anchor: usize) -> Read<()> {
        self.spend(1, &node.span)?;
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut().map(|open| &mut open.items) {
            Some(OpenItems::Sequence(items)) => items.push(node),
            Some(OpenItems::Mapping(entries, key)) => match key.take() {
                Some(key) => entries.push((key, node)),
                None => *key = Some(node),
            },
            None => self.root = Some(node),
        }
        Ok(())
    }
}

/// YAML's merge keys: `<<: *base` (or a list of them) brings in the keys
/// of `base` that the mapping does not set itself.
fn merge_keys(entries: Vec<(Node, Node)>) -> Vec<(Node, Node)> {
    let is_merge =
        |key: &Node| matches!(&key.kind, Kind::Scalar { text, plain: true } if text == "<<");
    if !entries.iter().any(|(key, _)| is_merge(key)) {
        return entries;
    }
    let (merges, mut own): (Vec<_>, Vec<_>) =
        entries.into_iter().partition(|(key, _)| is_merge(key));
    let sources = merges
        .into_iter()
        .flat_map(|(merge_key, value)| match value.kind {
            Kind::Sequence(items) => items
                .into_iter()
                .map(|item| (merge_key.clone(), item))
                .collect(),
            _ => vec![(merge_key, value)],
        });
    for (merge_key, source) in sources {
        match source.kind {
            Kind::Mapping(entries) => {
                for (key, value) in entries {
                    let text = scalar_text(&key);
                    if !own.iter().any(|(own_key, _)| scalar_text(own_key) == text) {
                        own.push((key, value));
                    }
                }
            }
            // Not a mapping: kept under `<<`, for the schema to refuse.
            _ => own.push((merge_key, source)),
        }
    }
    own
}

fn scalar_text(node: &Node) -> Option<&str> {
    match &node.kind {
        Kind::Scalar { text, .. } => Some(text),
        _ => None,
    }
}

fn count(node: &Node) -> usize {
    1 + match &node.kind {
        Kind::Scalar { .. } => 0,
        Kind::Sequence(items) => items.iter().map(count).sum(),
        Kind::Mapping(entries) => entries.iter().map(|(k, v)| count(k) + count(v)).sum(),
    }
}

impl Node {
    /// A plain `~`, `null` or nothing at all: serde's `None`.
    pub fn is_null(&self) -> bool {
        matches!(&self.kind, Kind::Scalar { text, plain: true }
            if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// What the node is, for "found …" labels.
    pub fn describe(&self) -> String {
        match &self.kind {
            _ if self.is_null() => "found nothing (null)".to_owned(),
            Kind::Scalar { text, .. } => format!("found `{text}`"),
            Kind::Sequence(_) => "found a list".to_owned(),
            Kind::Mapping(_) => "found a mapping".to_owned(),
        }
    }
}

/// How a schema describes its keys, for the messages of its readers.
pub(crate) struct Schema {
    /// What a key holds, for type errors and missing keys.
    pub expects: fn(&str) -> &'static str,
}

impl Schema {
    fn invalid(&self, node: &Node, key: &str) -> Diagnostic {
        let expects = (self.expects)(key);
        Diagnostic::error(
            node.span.clone(),
            format!("invalid value for `{key}`: expected {expects}"),
        )
        .label(node.describe())
        .help(format!(
            "give `{key}` {expects}; spec/README.md describes every key"
        ))
    }

    /// A mapping whose keys are all among `keys`, each once.
    pub fn mapping<'n>(
        &self,
        node: &'n Node,
        key: &str,
        name: &'static str,
        keys: &[&'static str],
    ) -> Read<Mapping<'n>> {
        let mapping = self.any_mapping(node, key, name)?;
        for (entry_key, _) in mapping.entries {
            if let Kind::Scalar { text, .. } = &entry_key.kind
                && !keys.contains(&text.as_str())
            {
                return Err(unknown_key(entry_key.span.clone(), text, name, keys).into());
            }
        }
        Ok(mapping)
    }

    /// A mapping keyed by data: any text keys, each once.
    pub fn any_mapping<'n>(
        &self,
        node: &'n Node,
        key: &str,
        name: &'static str,
    ) -> Read<Mapping<'n>> {
        let Kind::Mapping(entries) = &node.kind else {
            return Err(self.invalid(node, key).into());
        };
        let mut seen = std::collections::HashSet::with_capacity(entries.len());
        for (key, _) in entries {
            let Kind::Scalar { text, .. } = &key.kind else {
                return Err(yaml_error(key.span.clone(), "a key that is not text").into());
            };
            if !seen.insert(text.as_str()) {
                return Err(yaml_error(
                    key.span.clone(),
                    format!("duplicate mapping key `{text}` is not allowed here"),
                )
                .into());
            }
        }
        Ok(Mapping {
            node,
            entries,
            name,
        })
    }

    /// A list. A null is refused, as serde refused it for a `Vec`: a key
    /// left empty is more likely a mistake than a way to say "none".
    pub fn sequence<'n>(&self, node: &'n Node, key: &str) -> Read<&'n [Node]> {
        match &node.kind {
            Kind::Sequence(items) => Ok(items),
            _ => Err(self.invalid(node, key).into()),
        }
    }

    /// Any scalar but a null, as its text.
    pub fn string(&self, node: &Node, key: &str) -> Read<Spanned<String>> {
        match &node.kind {
            Kind::Scalar { text, .. } if !node.is_null() => Ok(Spanned {
                value: text.clone(),
                span: node.span.clone(),
            }),
            _ => Err(self.invalid(node, key).into()),
        }
    }

    /// A decimal number that fits `T`, plain or quoted (as serde-saphyr
    /// read it), without a sign or a leading zero.
    pub fn number<T: std::str::FromStr>(&self, node: &Node, key: &str) -> Read<Spanned<T>> {
        match &node.kind {
            Kind::Scalar { text, .. }
                if !text.is_empty()
                    && text.bytes().all(|b| b.is_ascii_digit())
                    && (text.len() == 1 || !text.starts_with('0')) =>
            {
                match text.parse() {
                    Ok(value) => Ok(Spanned {
                        value,
                        span: node.span.clone(),
                    }),
                    Err(_) => Err(self.invalid(node, key).into()),
                }
            }
            _ => Err(self.invalid(node, key).into()),
        }
    }

    /// Only YAML 1.2's plain `true` and `false` (also `True`, `TRUE`, …):
    /// `optional: no` is far more likely a mistake than YAML 1.1 spelling.
    pub fn boolean(&self, node: &Node, key: &str) -> Read<Spanned<bool>> {
        let value = match &node.kind {
            Kind::Scalar { text, plain: true }
                if matches!(text.as_str(), "true" | "True" | "TRUE") =>
            {
                true
            }
            Kind::Scalar { text, plain: true }
                if matches!(text.as_str(), "false" | "False" | "FALSE") =>
            {
                false
            }
            _ => return Err(self.invalid(node, key).into()),
        };
        Ok(Spanned {
            value,
            span: node.span.clone(),
        })
    }

    /// `read` over an optional value: absent and null are `None`.
    pub fn optional<T>(
        &self,
        node: Option<&Node>,
        key: &str,
        read: impl FnOnce(&Self, &Node, &str) -> Read<T>,
    ) -> Read<Option<T>> {
        match node {
            Some(node) if !node.is_null() => read(self, node, key).map(Some),
            _ => Ok(None),
        }
    }

    /// `read` over a required value: absent is reported at its mapping.
    pub fn required<T>(
        &self,
        mapping: &Mapping<'_>,
        key: &str,
        read: impl FnOnce(&Self, &Node, &str) -> Read<T>,
    ) -> Read<T> {
        match mapping.get(key) {
            Some(node) => read(self, node, key),
            None => Err(self.missing(mapping, key).into()),
        }
    }

    pub fn missing(&self, mapping: &Mapping<'_>, key: &str) -> Diagnostic {
        self.missing_at(mapping.first_line(), mapping.name, key)
    }

    /// `key` missing from the mapping called `name` whose first line is
    /// `span`: every reader reports a missing key in these words.
    pub fn missing_at(&self, span: Range<usize>, name: &str, key: &str) -> Diagnostic {
        let expects = (self.expects)(key);
        Diagnostic::error(span, format!("{name} is missing `{key}`"))
            .label(format!("`{key}` is missing from this mapping"))
            .help(format!("add `{key}:` with {expects}"))
    }
}

/// A mapping whose keys have been checked against its schema.
pub(crate) struct Mapping<'n> {
    node: &'n Node,
    entries: &'n [(Node, Node)],
    pub name: &'static str,
}

impl<'n> Mapping<'n> {
    pub fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries.iter().find_map(|(k, value)| match &k.kind {
            Kind::Scalar { text, .. } if text == key => Some(value),
            _ => None,
        })
    }

    /// The mapping's entries in order, for maps keyed by data.
    pub fn entries(&self) -> &'n [(Node, Node)] {
        self.entries
    }

    /// The mapping's first entry, where a missing key is reported: its
    /// whole line when its value is a scalar, else its key.
    pub fn first_line(&self) -> Range<usize> {
        match self.entries.first() {
            Some((key, value)) if matches!(value.kind, Kind::Scalar { .. }) => {
                key.span.start..value.span.end.max(key.span.end)
            }
            Some((key, _)) => key.span.clone(),
            None => self.node.span.clone(),
        }
    }
}

fn unknown_key(span: Range<usize>, key: &str, mapping: &str, expected: &[&str]) -> Diagnostic {
    let keys = expected
        .iter()
        .map(|key| format!("`{key}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let help = match closest(key, expected) {
        Some(suggestion) => format!("did you mean `{suggestion}`? {mapping} takes {keys}"),
        None => format!("{mapping} takes {keys}"),
    };
    Diagnostic::error(span, format!("unknown key `{key}` in {mapping}"))
        .label("not part of the schema")
        .help(help)
}

/// The expected key nearest to a misspelt one, if it is near enough to be a typo.
fn closest<'a>(key: &str, expected: &[&'a str]) -> Option<&'a str> {
    let key = key.to_ascii_lowercase();
    expected
        .iter()
        .map(|candidate| (edit_distance(&key, candidate), *candidate))
        .filter(|(distance, candidate)| *distance <= (candidate.len() / 3).max(1))
        .min()
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance, counted in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == *cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_their_key() {
        let expected = ["code", "text", "anchor", "message", "reasons"];
        assert_eq!(closest("txt", &expected), Some("text"));
        assert_eq!(closest("mesage", &expected), Some("message"));
        assert_eq!(closest("Reasons", &expected), Some("reasons"));
        assert_eq!(closest("colour", &expected), None);
    }

    /// More nodes than serde-saphyr's default budget of 250,000 still read.
    #[test]
    fn a_large_document_reads() {
        let items = 300_000;
        let text = format!("[{}]", vec!["1"; items].join(","));
        let Kind::Sequence(items_read) = read(&text, true).expect("reads").kind else {
            panic!("a list");
        };
        assert_eq!(items_read.len(), items);
    }

    /// Aliases that double at each level cannot make a small text huge.
    #[test]
    fn alias_bombs_are_refused() {
        let mut text = String::from("a: &a [x, x]\n");
        for level in 1..40 {
            let previous = if level == 1 {
                "a".to_owned()
            } else {
                format!("l{}", level - 1)
            };
            text.push_str(&format!("l{level}: &l{level} [*{previous}, *{previous}]\n"));
        }
        let error = read(&text, true).expect_err("refused");
        assert!(
            error.message().contains("what aliases copy"),
            "{}",
            error.message()
        );
    }

    #[test]
    fn spans_are_byte_ranges_of_the_text() {
        let text = "title: «Error»\ncode: 404\n";
        let Kind::Mapping(entries) = read(text, true).unwrap().kind else {
            panic!("a mapping");
        };
        assert_eq!(&text[entries[0].1.span.clone()], "«Error»");
        assert_eq!(&text[entries[1].1.span.clone()], "404");
    }

    fn mapping_of(text: &str) -> Vec<(Node, Node)> {
        let Kind::Mapping(entries) = read(text, true).expect("reads").kind else {
            panic!("a mapping");
        };
        entries
    }

    #[test]
    fn merge_keys_bring_in_what_the_mapping_does_not_set() {
        let entries = mapping_of("base: &base {a: 1, b: 2}\nitem:\n  <<: *base\n  b: 3\n");
        let Kind::Mapping(item) = &entries[1].1.kind else {
            panic!("a mapping");
        };
        let pairs: Vec<(&str, &str)> = item
            .iter()
            .filter_map(|(key, value)| Some((scalar_text(key)?, scalar_text(value)?)))
            .collect();
        assert_eq!(pairs, [("b", "3"), ("a", "1")]);
    }

    /// A block mapping's span ends with its last value, not at the next
    /// item, so a diagnostic underlines only the item itself.
    #[test]
    fn a_block_collection_ends_with_its_last_child() {
        let text = "items:\n  - a: 1\n    b: 2\n\n  # a comment\n  - a: 3\n";
        let entries = mapping_of(text);
        let Kind::Sequence(items) = &entries[0].1.kind else {
            panic!("a list");
        };
        assert_eq!(&text[items[0].span.clone()], "a: 1\n    b: 2");
    }

    #[test]
    fn numbers_and_booleans_are_read_as_serde_saphyr_read_them() {
        let schema = Schema { expects: |_| "x" };
        let node = |text: &str| mapping_of(&format!("k: {text}\n")).remove(0).1;
        assert_eq!(schema.number::<u16>(&node("404"), "k").unwrap().value, 404);
        assert_eq!(
            schema.number::<u16>(&node("\"404\""), "k").unwrap().value,
            404
        );
        for refused in ["0404", "+404", "4_04", "70000", "~", "[1]"] {
            assert!(
                schema.number::<u16>(&node(refused), "k").is_err(),
                "{refused}"
            );
        }
        assert!(schema.boolean(&node("True"), "k").unwrap().value);
        assert!(!schema.boolean(&node("false"), "k").unwrap().value);
        for refused in ["no", "yes", "\"true\"", "~"] {
            assert!(schema.boolean(&node(refused), "k").is_err(), "{refused}");
        }
        assert!(
            schema.sequence(&node(""), "k").is_err(),
            "a null is no list"
        );
    }

    #[test]
    fn tags_are_refused_at_the_tag() {
        let text = "k: !!str 404\n";
        let error = read(text, true).expect_err("refused");
        assert_eq!(&text[error.span()], "!!str");
        assert!(read(text, false).is_ok(), "front matter ignores tags");
    }
}
