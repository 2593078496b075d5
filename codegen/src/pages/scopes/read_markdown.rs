//! Reads the OAuth scopes page (`content/en/api/oauth-scopes.md`). The page
//! has had two layouts, and both are read:
//! - the scopes, from headings that are one code span (`` ### `read` ``),
//!   list items that are only scope names, and table cells;
//! - the hierarchy, from tables (`| read | write |` with each column's
//!   granular scopes under it, or `| Scope | Granular Scopes |` with each
//!   scope's rows after it) and from lists (a scope with its granular scopes
//!   nested under it, or the granular scopes under a scope's own heading);
//! - versions and lifecycles, from the `Version history` entries and the
//!   `{{%deprecated%}}` marker.
//!
//! The version history is prose. An entry dates the scopes it names (in code
//! spans, or as bare words that are defined scope names), or a group of
//! scopes described by the words before "scopes": `granular` (scopes another
//! grants), `admin`/`administrative`/`moderation` (under `admin:`), any other
//! word a resource (`bookmark` → `*:bookmarks`), and "for blocks and allows"
//! the resources ending in `_blocks` or `_allows`. When several additions
//! describe a scope, the latest wins: a group added earlier cannot have held
//! a scope that a later entry adds. Anything else is a lint, never a guess.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::diagnostic::{Diagnostic, Errors};
use crate::lint::{self, Found};
use crate::markdown::blocks::{self, Block, BlockKind, Part, Run, RunKind};
use crate::markdown::front_matter::{self, PageKind};
use crate::markdown::inline;
use crate::model::methods::Lifecycle;
use crate::model::scopes::{ScopeDef, ScopePage, is_scope_name, is_version};
use crate::sink::Sink;
use crate::source::Source;

/// Reads the page, with the docs defects it found.
pub(crate) fn parse_with_lints(source: &Source) -> Result<(ScopePage, Vec<Found>), Errors> {
    let text = source.text();
    let mut sink = Sink::default();
    let (_, body_start) = front_matter::parse(text, PageKind::OauthScopes, &mut sink);
    let mut reader = Reader::default();
    for block in blocks::parse_with_tables(&text[body_start..], body_start) {
        reader.block(&block);
    }
    let mut page = reader.finish(&mut sink);
    if !sink.is_empty() {
        return Err(sink.into_error(source));
    }
    let (found, records) = crate::markdown::found_lints(&mut sink, source, "api/oauth-scopes.md");
    page.lints = records;
    Ok((page, found))
}

#[derive(Default, Clone, PartialEq, Eq)]
enum Section {
    #[default]
    Other,
    Versions,
    /// Under a heading that is one scope: `` ### `follow` ``.
    Scope(String),
}

/// Where a parent's granular scopes were listed.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum From {
    Table,
    List,
}

#[derive(Default)]
struct Reader {
    section: Section,
    /// Every scope the page defines, at its first mention.
    declared: Vec<(String, Range<usize>)>,
    /// Per parent and place, its granular scopes and where they are listed.
    grants: BTreeMap<(String, From), (Vec<String>, Range<usize>)>,
    /// Scopes with `{{%deprecated%}}`, or whose section says "deprecated in X".
    deprecated: Vec<(String, Option<String>)>,
    /// The version history's entries: their runs and spans.
    history: Vec<(Vec<Run>, Range<usize>)>,
    /// Tables, rows and list items the hierarchy could not be read from.
    unreadable: Vec<(Range<usize>, String)>,
    /// Nested items in the version history, which no entry shape has.
    unreadable_history: Vec<Range<usize>>,
}

/// A scope name written in a cell, item or heading, with its markers.
struct Named {
    name: String,
    span: Range<usize>,
    deprecated: bool,
}

impl Reader {
    fn declare(&mut self, name: &str, span: Range<usize>) {
        if !self.declared.iter().any(|(known, _)| known == name) {
            self.declared.push((name.to_owned(), span));
        }
    }

    fn declare_named(&mut self, named: &Named) {
        self.declare(&named.name, named.span.clone());
        if named.deprecated {
            self.deprecated.push((named.name.clone(), None));
        }
    }

    fn grant(&mut self, parent: &str, child: &Named, from: From) {
        self.declare_named(child);
        if child.name == parent {
            self.unreadable.push((
                child.span.clone(),
                format!("`{parent}` listed under itself"),
            ));
            return;
        }
        let entry = self
            .grants
            .entry((parent.to_owned(), from))
            .or_insert_with(|| (Vec::new(), child.span.clone()));
        if !entry.0.contains(&child.name) {
            entry.0.push(child.name.clone());
        }
    }

    fn block(&mut self, block: &Block) {
        match block.kind {
            BlockKind::Heading { level, .. } => {
                let heading = inline::heading(block);
                self.section = if heading.text.starts_with("Version history") {
                    Section::Versions
                } else if let Some(name) = heading.code_name.filter(|name| is_scope_name(name)) {
                    self.declare(&name, block.span.clone());
                    Section::Scope(name)
                } else if level <= 3 {
                    Section::Other
                } else {
                    self.section.clone()
                };
            }
            BlockKind::Paragraph => {
                if let Section::Scope(name) = &self.section
                    && let Some(version) = deprecated_in(&block.plain_text())
                {
                    self.deprecated.push((name.clone(), Some(version)));
                }
            }
            BlockKind::List if self.section == Section::Versions => {
                for part in &block.parts {
                    let runs = block.part_runs(part).to_vec();
                    let span = runs_span(&runs).unwrap_or_else(|| block.span.clone());
                    if part.depth == 0 {
                        self.history.push((runs, span));
                    } else {
                        self.unreadable_history.push(span);
                    }
                }
            }
            BlockKind::List => self.list(block),
            BlockKind::Table => self.table(block),
            BlockKind::CodeBlock { .. } | BlockKind::Other => {}
        }
    }

    /// A list of scope names: a scope with its granular scopes nested under
    /// it, the granular scopes of the section's scope, or (outside a scope's
    /// section) scopes the page defines. Items that are not only scope names
    /// (links to methods, prose) are not about scopes.
    fn list(&mut self, block: &Block) {
        let items: Vec<(&Part, Option<Vec<Named>>)> = block
            .parts
            .iter()
            .map(|part| (part, scope_names(block.part_runs(part))))
            .collect();
        for (part, names) in &items {
            let runs = block.part_runs(part);
            let names_a_scope = runs.iter().any(|run| {
                run.kind == RunKind::Code
                    && run.text.contains(':')
                    && is_scope_name(run.text.trim())
            });
            if names.is_none() && names_a_scope {
                self.unreadable.push((
                    runs_span(runs).unwrap_or_else(|| block.span.clone()),
                    "a list item that names scopes among other words".to_owned(),
                ));
            }
        }
        for (index, (part, names)) in items.iter().enumerate() {
            let (0, Some(names)) = (part.depth, names) else {
                continue;
            };
            let nested: Vec<&Named> = items[index + 1..]
                .iter()
                .take_while(|(later, _)| later.depth > 0)
                .filter(|(later, _)| later.depth == 1)
                .filter_map(|(_, names)| names.as_ref())
                .flatten()
                .collect();
            match (&names[..], &self.section) {
                ([parent], _) if !nested.is_empty() => {
                    self.declare_named(parent);
                    for child in nested {
                        self.grant(&parent.name, child, From::List);
                    }
                }
                (_, Section::Scope(parent)) => {
                    let parent = parent.clone();
                    for child in names {
                        self.grant(&parent, child, From::List);
                    }
                }
                _ => {
                    for named in names {
                        self.declare_named(named);
                    }
                }
            }
        }
    }

    /// `| read | write |` over columns of granular scopes, or
    /// `| Scope | Granular Scopes |` with each scope's granular scopes in the
    /// rows after it.
    fn table(&mut self, block: &Block) {
        let cell = |part: &Part| cell_scope(block.part_runs(part));
        let header: Vec<Cell> = block
            .parts
            .iter()
            .filter(|part| part.row == 0)
            .map(cell)
            .collect();
        let body = block.parts.iter().filter(|part| part.row > 0);
        let parents: Option<Vec<&Named>> = header
            .iter()
            .map(|cell| match cell {
                Cell::Scope(named) => Some(named),
                _ => None,
            })
            .collect();
        if let Some(parents) = parents.filter(|parents| !parents.is_empty()) {
            let parents: Vec<Named> = parents
                .into_iter()
                .map(|named| Named {
                    name: named.name.clone(),
                    span: named.span.clone(),
                    deprecated: named.deprecated,
                })
                .collect();
            for parent in &parents {
                self.declare_named(parent);
            }
            for part in body {
                match (cell(part), parents.get(part.column)) {
                    (Cell::Scope(child), Some(parent)) => {
                        self.grant(&parent.name, &child, From::Table)
                    }
                    (Cell::Blank, _) => {}
                    _ => self.unreadable.push((
                        block.span.clone(),
                        "a cell under a scope's column that is not a scope name".to_owned(),
                    )),
                }
            }
            return;
        }
        if header.len() != 2 || header.iter().any(|cell| !matches!(cell, Cell::Other)) {
            self.unreadable.push((
                block.span.clone(),
                "a table whose header neither names a scope in each column nor is headed `Scope` and `Granular Scopes`".to_owned(),
            ));
            return;
        }
        let mut parent: Option<String> = None;
        for part in body {
            match (cell(part), part.column) {
                (Cell::Scope(named), 0) => {
                    self.declare_named(&named);
                    parent = Some(named.name);
                }
                (Cell::Scope(child), 1) => match &parent {
                    Some(parent) => {
                        let parent = parent.clone();
                        self.grant(&parent, &child, From::Table);
                    }
                    None => self.unreadable.push((
                        child.span.clone(),
                        format!(
                            "`{}` is in the granular column with no scope above it",
                            child.name
                        ),
                    )),
                },
                (Cell::Blank, _) => {}
                _ => self.unreadable.push((
                    block.span.clone(),
                    "a cell that is not a scope name".to_owned(),
                )),
            }
        }
    }

    fn finish(self, sink: &mut Sink) -> ScopePage {
        for span in &self.unreadable_history {
            sink.lint(
                &lint::UNREADABLE_SCOPE_HISTORY,
                Diagnostic::defect(
                    span.clone(),
                    "a nested item in the version history",
                    "left out this item: an entry is one top-level item, `X.Y.Z - text`",
                ),
            );
        }
        for (span, what) in &self.unreadable {
            sink.lint(
                &lint::UNREADABLE_SCOPE_TABLE,
                Diagnostic::defect(
                    span.clone(),
                    format!("the scopes page has {what}"),
                    "left out what it says about which scope grants which; the scopes it names are still defined",
                ),
            );
        }
        let mut grants: Vec<(String, Vec<String>)> = Vec::new();
        // A parent's table comes first (`From::Table` sorts first), so a
        // list is compared with it.
        for ((parent, _), (children, span)) in &self.grants {
            match grants.iter_mut().find(|(known, _)| known == parent) {
                Some((_, union)) => {
                    let (table, _) = &self.grants[&(parent.clone(), From::Table)];
                    if sorted(table) != sorted(children) {
                        sink.lint(
                            &lint::CONFLICTING_SCOPE_GRANTS,
                            Diagnostic::defect(
                                span.clone(),
                                format!("this list gives `{parent}` other granular scopes than the page's table does"),
                                format!("`{parent}` grants the union: every granular scope either place lists"),
                            ),
                        );
                    }
                    for child in children {
                        if !union.contains(child) {
                            union.push(child.clone());
                        }
                    }
                }
                None => grants.push((parent.clone(), children.clone())),
            }
        }
        let mut declared = self.declared;
        let history = read_history(&self.history, &mut declared, &grants, sink);
        let scopes = declared
            .into_iter()
            .map(|(name, span)| {
                let dates = history.get(&name);
                let marked = self.deprecated.iter().filter(|(marked, _)| *marked == name);
                let mut lifecycle = Lifecycle::Current;
                let mut since = None;
                for (_, version) in marked {
                    lifecycle = Lifecycle::Deprecated;
                    since = since.or(version.clone());
                }
                if let Some(dates) = dates {
                    if let Some(version) = &dates.deprecated {
                        lifecycle = Lifecycle::Deprecated;
                        since = Some(version.clone());
                    }
                    if let Some(version) = &dates.removed {
                        lifecycle = Lifecycle::Removed;
                        since = Some(version.clone());
                    }
                }
                ScopeDef {
                    grants: grants
                        .iter()
                        .find(|(parent, _)| *parent == name)
                        .map(|(_, children)| children.clone())
                        .unwrap_or_default(),
                    added_in: dates.and_then(|dates| dates.added.clone()),
                    lifecycle,
                    lifecycle_since: since,
                    name,
                    span,
                }
            })
            .collect();
        ScopePage {
            scopes,
            lints: Vec::new(),
        }
    }
}

fn sorted(names: &[String]) -> Vec<&String> {
    let mut sorted: Vec<&String> = names.iter().collect();
    sorted.sort();
    sorted
}

enum Cell {
    Blank,
    Scope(Named),
    /// Text that is not a scope name, such as a header's `Scope`.
    Other,
}

/// A table cell: empty, one scope name (in a code span or not, bold or not,
/// with markers), or other text.
fn cell_scope(runs: &[Run]) -> Cell {
    let heading = inline::labelled_runs(runs);
    let text = heading.text.trim();
    if text.is_empty() {
        return Cell::Blank;
    }
    if !is_scope_name(text) {
        return Cell::Other;
    }
    let span = runs
        .iter()
        .find(|run| run.text.trim() == text)
        .map_or_else(|| runs_span(runs).unwrap_or(0..0), |run| run.span.clone());
    Cell::Scope(Named {
        name: text.to_owned(),
        span,
        deprecated: heading
            .markers
            .iter()
            .any(|marker| marker.name == "deprecated"),
    })
}

/// A list item that is only scope names in code spans, separated by commas
/// or "and", with markers: `` `read:blocks`, `write:blocks` ``.
fn scope_names(runs: &[Run]) -> Option<Vec<Named>> {
    let heading = inline::labelled_runs(runs);
    let mut names = Vec::new();
    for run in runs {
        match &run.kind {
            RunKind::Code if is_scope_name(run.text.trim()) => names.push(Named {
                name: run.text.trim().to_owned(),
                span: run.span.clone(),
                deprecated: false,
            }),
            RunKind::Text | RunKind::Break => {}
            _ => return None,
        }
    }
    // What is left once the names and markers are taken out must be separators.
    let mut rest = heading.text.clone();
    for named in &names {
        rest = rest.replacen(&named.name, "", 1);
    }
    let separators = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .all(|word| word.is_empty() || word == "and");
    if names.is_empty() || !separators {
        return None;
    }
    if heading
        .markers
        .iter()
        .any(|marker| marker.name == "deprecated")
    {
        for named in &mut names {
            named.deprecated = true;
        }
    }
    Some(names)
}

fn runs_span(runs: &[Run]) -> Option<Range<usize>> {
    Some(runs.first()?.span.start..runs.last()?.span.end)
}

/// "This scope has been deprecated in 3.5.0 and newer" → `3.5.0`.
fn deprecated_in(text: &str) -> Option<String> {
    let (_, after) = text.split_once("deprecated in ")?;
    let version: String = after
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let version = version.trim_end_matches('.');
    is_version(version).then(|| version.to_owned())
}

fn version_key(version: &str) -> Vec<u32> {
    version
        .split('.')
        .map(|part| part.parse().unwrap_or(0))
        .collect()
}

#[derive(Default)]
struct Dates {
    added: Option<String>,
    deprecated: Option<String>,
    removed: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Verb {
    Added,
    Deprecated,
    Removed,
}

/// A word of an entry, or a scope name it mentions.
enum Token {
    Word(String),
    Name(String, Range<usize>),
}

/// Reads every entry of the version history into each scope's dates.
/// A scope the entries deprecate or remove that no table lists is defined
/// here (`read:reports`, `crypto`): the history is where the page keeps it.
fn read_history(
    entries: &[(Vec<Run>, Range<usize>)],
    declared: &mut Vec<(String, Range<usize>)>,
    grants: &[(String, Vec<String>)],
    sink: &mut Sink,
) -> BTreeMap<String, Dates> {
    let mut dates: BTreeMap<String, Dates> = BTreeMap::new();
    fn apply(dates: &mut BTreeMap<String, Dates>, name: &str, verb: Verb, version: &str) {
        let entry = dates.entry(name.to_owned()).or_default();
        let slot = match verb {
            Verb::Added => &mut entry.added,
            Verb::Deprecated => &mut entry.deprecated,
            Verb::Removed => &mut entry.removed,
        };
        let later = slot
            .as_deref()
            .is_none_or(|known| version_key(version) > version_key(known));
        if later {
            *slot = Some(version.to_owned());
        }
    }
    for (runs, span) in entries {
        let text = blocks::plain_text(runs);
        let Some((version, _)) = text
            .split_once(" - ")
            .or_else(|| text.split_once(" – "))
            .filter(|(version, _)| is_version(version.trim()))
        else {
            sink.lint(
                &lint::UNREADABLE_SCOPE_HISTORY,
                Diagnostic::defect(
                    span.clone(),
                    "a version history entry that does not start `X.Y.Z - `",
                    "left out this entry",
                ),
            );
            continue;
        };
        let version = version.trim();
        let tokens = tokens(runs, &|name: &str| {
            declared.iter().any(|(known, _)| known == name)
        });
        let verb_at = |index: usize| -> Verb {
            let verb = |token: &Token| match token {
                Token::Word(word) => match word.to_lowercase().as_str() {
                    "added" => Some(Verb::Added),
                    "deprecated" => Some(Verb::Deprecated),
                    "removed" => Some(Verb::Removed),
                    _ => None,
                },
                Token::Name(..) => None,
            };
            tokens[..index]
                .iter()
                .rev()
                .find_map(verb)
                .or_else(|| tokens[index..].iter().find_map(verb))
                .unwrap_or(Verb::Added)
        };
        let has_verb = tokens.iter().any(|token| {
            matches!(token, Token::Word(word) if ["added", "deprecated", "removed"].contains(&word.to_lowercase().as_str()))
        });
        // Without a verb, an entry is read only when it is nothing but names
        // or a group ("0.9.0 - read, write, follow", "2.4.3 - granular
        // scopes"); "fixed push notifications" dates nothing.
        let plain_words: Vec<String> = tokens
            .iter()
            .filter_map(|token| match token {
                Token::Word(word) => Some(word.to_lowercase()),
                Token::Name(..) => None,
            })
            .filter(|word| !is_version(word) && word.bytes().any(|b| b.is_ascii_alphabetic()))
            .collect();
        let only_names = plain_words
            .iter()
            .all(|word| ["and", "scope", "scopes"].contains(&word.as_str()));
        let only_group = plain_words.last().is_some_and(|word| word == "scopes")
            && !tokens.iter().any(|token| matches!(token, Token::Name(..)));
        if !has_verb && !only_names && !only_group {
            sink.lint(
                &lint::UNREADABLE_SCOPE_HISTORY,
                Diagnostic::defect(
                    span.clone(),
                    format!("the version history's {version} entry says neither Added, Deprecated nor Removed, and is more than scope names"),
                    "left out this entry",
                ),
            );
            continue;
        }
        let mentions: Vec<(usize, &String, &Range<usize>)> = tokens
            .iter()
            .enumerate()
            .filter_map(|(index, token)| match token {
                Token::Name(name, span) => Some((index, name, span)),
                Token::Word(_) => None,
            })
            .collect();
        if mentions.is_empty() {
            let Some(scopes) = group(&tokens, declared, grants) else {
                sink.lint(
                    &lint::UNREADABLE_SCOPE_HISTORY,
                    Diagnostic::defect(
                        span.clone(),
                        format!("the version history's {version} entry names no scope and no group of scopes the generator reads"),
                        "left out this entry",
                    ),
                );
                continue;
            };
            let at = tokens
                .iter()
                .position(|token| matches!(token, Token::Word(word) if word == "scopes" || word == "scope"))
                .unwrap_or(0);
            let verb = verb_at(at);
            for name in scopes {
                apply(&mut dates, &name, verb, version);
            }
            continue;
        }
        for (index, name, name_span) in mentions {
            let verb = verb_at(index);
            let name = if declared.iter().any(|(known, _)| known == name) {
                name.clone()
            } else if verb != Verb::Added {
                // Deprecated or removed, so no longer in the lists.
                declared.push((name.clone(), name_span.clone()));
                name.clone()
            } else {
                let plural: Vec<&String> = declared
                    .iter()
                    .map(|(known, _)| known)
                    .filter(|known| **known == format!("{name}s") || format!("{known}s") == *name)
                    .collect();
                match plural[..] {
                    [known] => {
                        sink.lint(
                            &lint::UNREADABLE_SCOPE_HISTORY,
                            Diagnostic::defect(
                                name_span.clone(),
                                format!("the version history adds `{name}`, which the page does not define; it defines `{known}`"),
                                format!("read `{name}` as `{known}`, added in {version}"),
                            ),
                        );
                        known.clone()
                    }
                    _ => {
                        sink.lint(
                            &lint::UNREADABLE_SCOPE_HISTORY,
                            Diagnostic::defect(
                                name_span.clone(),
                                format!("the version history adds `{name}`, which the page does not define"),
                                format!("left out `{name}` and its version {version}"),
                            ),
                        );
                        continue;
                    }
                }
            };
            apply(&mut dates, &name, verb, version);
        }
    }
    dates
}

/// An entry's words and the scope names it mentions: code spans shaped like
/// a scope, and bare words that are defined scopes or have a `:`. Links
/// (pull requests) are neither.
fn tokens(runs: &[Run], defined: &dyn Fn(&str) -> bool) -> Vec<Token> {
    let mut tokens = Vec::new();
    for run in runs {
        match &run.kind {
            RunKind::Code if is_scope_name(run.text.trim()) => {
                tokens.push(Token::Name(run.text.trim().to_owned(), run.span.clone()));
            }
            RunKind::Text => {
                for word in run
                    .text
                    .split(|c: char| c.is_whitespace() || ",.()[]".contains(c))
                {
                    if word.is_empty() {
                        continue;
                    }
                    if is_scope_name(word) && (defined(word) || word.contains(':')) {
                        tokens.push(Token::Name(word.to_owned(), run.span.clone()));
                    } else {
                        tokens.push(Token::Word(word.to_owned()));
                    }
                }
            }
            _ => {}
        }
    }
    tokens
}

/// The scopes a group phrase describes: "granular scopes", "Admin scopes",
/// "bookmark scopes", "admin scopes for blocks and allows". `None` when the
/// entry has no such phrase, or it describes no defined scope.
fn group(
    tokens: &[Token],
    declared: &[(String, Range<usize>)],
    grants: &[(String, Vec<String>)],
) -> Option<Vec<String>> {
    let words: Vec<String> = tokens
        .iter()
        .map(|token| match token {
            Token::Word(word) => word.to_lowercase(),
            Token::Name(name, _) => name.clone(),
        })
        .collect();
    let at = words.iter().position(|word| word == "scopes")?;
    let verbs = ["added", "deprecated", "removed"];
    let qualifiers: Vec<&str> = words[..at]
        .iter()
        .rev()
        .take_while(|word| !verbs.contains(&word.as_str()) && !is_version(word) && *word != "-")
        .map(String::as_str)
        .filter(|word| *word != "and")
        .collect();
    let resources: Vec<&str> = match words.get(at + 1).map(String::as_str) {
        Some("for") => words[at + 2..]
            .iter()
            .map(String::as_str)
            .take_while(|word| !verbs.contains(word))
            .filter(|word| *word != "and")
            .collect(),
        _ => Vec::new(),
    };
    if qualifiers.is_empty() && resources.is_empty() {
        return None;
    }
    let granted = |name: &str| {
        grants
            .iter()
            .any(|(_, children)| children.iter().any(|c| c == name))
    };
    let matches = |name: &str| {
        let last = name.rsplit(':').next().unwrap_or(name);
        qualifiers.iter().all(|word| match *word {
            "granular" => granted(name),
            "admin" | "administrative" | "moderation" => name.starts_with("admin:"),
            resource => last == resource || last == format!("{resource}s"),
        }) && (resources.is_empty()
            || resources
                .iter()
                .any(|resource| last == *resource || last.ends_with(&format!("_{resource}"))))
    };
    let scopes: Vec<String> = declared
        .iter()
        .map(|(name, _)| name.clone())
        .filter(|name| matches(name))
        .collect();
    (!scopes.is_empty()).then_some(scopes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(body: &str) -> (ScopePage, Vec<Found>) {
        let text = format!("---\ntitle: OAuth Scopes\n---\n{body}");
        parse_with_lints(&Source::new("oauth-scopes.md", text)).expect("reads")
    }

    fn scope<'p>(page: &'p ScopePage, name: &str) -> &'p ScopeDef {
        page.scope(name)
            .unwrap_or_else(|| panic!("`{name}` is defined"))
    }

    #[test]
    fn the_table_with_a_scope_column_gives_the_hierarchy() {
        let (page, lints) = read(
            "## Granular scopes\n\n| Scope | Granular Scopes |\n| :-- | :-- |\n| `profile` | |\n| `read` | |\n| | `read:accounts` |\n| | `read:blocks` |\n| `follow` {{%deprecated%}} | |\n| | `read:blocks` |\n",
        );
        assert!(lints.is_empty());
        let names: Vec<&str> = page.scopes.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            ["profile", "read", "read:accounts", "read:blocks", "follow"]
        );
        assert_eq!(
            scope(&page, "read").grants,
            ["read:accounts", "read:blocks"]
        );
        assert!(scope(&page, "profile").grants.is_empty());
        assert_eq!(scope(&page, "follow").grants, ["read:blocks"]);
        assert_eq!(scope(&page, "follow").lifecycle, Lifecycle::Deprecated);
    }

    #[test]
    fn columns_headed_by_scopes_and_nested_lists_give_the_hierarchy() {
        let (page, lints) = read(
            "### `read` {#read}\n\n* `read`\n  * `read:accounts`\n  * `read:blocks`\n\n### `follow` {#follow}\n\n* `read:blocks`, `write:blocks`\n\n## Granular\n\n| read | write |\n| :-- | :-- |\n| read:accounts | write:accounts |\n| **read:blocks** | **write:blocks** |\n",
        );
        assert!(lints.is_empty(), "the list and the table agree on `read`");
        assert_eq!(
            scope(&page, "read").grants,
            ["read:accounts", "read:blocks"]
        );
        assert_eq!(
            scope(&page, "write").grants,
            ["write:accounts", "write:blocks"]
        );
        assert_eq!(
            scope(&page, "follow").grants,
            ["read:blocks", "write:blocks"]
        );
    }

    #[test]
    fn a_list_and_a_table_that_disagree_are_a_lint_and_grant_the_union() {
        let (page, lints) =
            read("* `read`\n  * `read:lists`\n\n| read |\n| :-- |\n| read:accounts |\n");
        assert_eq!(scope(&page, "read").grants, ["read:accounts", "read:lists"]);
        assert_eq!(lints.len(), 1);
        assert_eq!(lints[0].lint.name, "conflicting-scope-grants");
    }

    #[test]
    fn the_version_history_dates_names_and_groups_and_the_latest_addition_wins() {
        let (page, lints) = read(
            "### Version history {#versions}\n\n\
             - 0.9.0 - Added read, write, follow scopes\n\
             - 2.4.3 - Added granular scopes [#7929](https://example.com)\n\
             - 2.6.0 - Deprecated `read:reports` (unused stub)\n\
             - 2.9.1 - Added administrative and moderation scopes\n\
             - 3.1.0 - Bookmark scopes added\n\
             - 3.5.0 - Deprecated `follow` scope in favour of granular scopes\n\
             - 4.1.0 - Added admin scopes for blocks and allows\n\
             - 4.3.0 - Added `profile` scope and removed (experimental) `crypto`[^crypto] scope\n\n\
             ## Granular scopes\n\n| Scope | Granular Scopes |\n| :-- | :-- |\n| `profile` | |\n| `read` | |\n| | `read:accounts` |\n| | `read:bookmarks` |\n| `write` | |\n| `follow` | |\n| `admin:read` | |\n| | `admin:read:accounts` |\n| | `admin:read:domain_blocks` |\n",
        );
        assert!(
            lints.is_empty(),
            "{:?}",
            lints
                .iter()
                .map(|l| l.diagnostic.message())
                .collect::<Vec<_>>()
        );
        let added = |name: &str| scope(&page, name).added_in.clone();
        assert_eq!(added("read").as_deref(), Some("0.9.0"));
        assert_eq!(added("read:accounts").as_deref(), Some("2.4.3"));
        assert_eq!(added("read:bookmarks").as_deref(), Some("3.1.0"));
        assert_eq!(added("admin:read").as_deref(), Some("2.9.1"));
        assert_eq!(added("admin:read:accounts").as_deref(), Some("2.9.1"));
        assert_eq!(added("admin:read:domain_blocks").as_deref(), Some("4.1.0"));
        assert_eq!(added("profile").as_deref(), Some("4.3.0"));
        let follow = scope(&page, "follow");
        assert_eq!(
            (follow.lifecycle, follow.lifecycle_since.as_deref()),
            (Lifecycle::Deprecated, Some("3.5.0"))
        );
        let reports = scope(&page, "read:reports");
        assert_eq!(
            (reports.lifecycle, reports.added_in.as_deref()),
            (Lifecycle::Deprecated, None)
        );
        let crypto = scope(&page, "crypto");
        assert_eq!(
            (crypto.lifecycle, crypto.lifecycle_since.as_deref()),
            (Lifecycle::Removed, Some("4.3.0"))
        );
    }

    #[test]
    fn a_name_the_page_does_not_define_is_a_lint_read_as_its_plural_only_when_one_matches() {
        let (page, lints) = read(
            "## Versions\n\n### Version history\n\n- 4.6.0 - Added `read:collection` and `write:thing` scopes\n- 5.0.0 - Added rainbow scopes\n- unversioned entry\n\n| Scope | Granular Scopes |\n| :-- | :-- |\n| `read` | |\n| | `read:collections` |\n",
        );
        assert_eq!(
            scope(&page, "read:collections").added_in.as_deref(),
            Some("4.6.0")
        );
        assert!(page.scope("read:collection").is_none());
        assert!(
            page.scope("write:thing").is_none(),
            "an added name the page does not define is not invented"
        );
        let messages: Vec<&str> = lints.iter().map(|l| l.diagnostic.message()).collect();
        assert_eq!(lints.len(), 4, "{messages:?}");
        assert!(
            lints
                .iter()
                .all(|l| l.lint.name == "unreadable-scope-history")
        );
        assert!(
            messages[0].contains("`read:collection`") && messages[0].contains("`read:collections`")
        );
        assert!(messages[1].contains("`write:thing`"));
        assert!(messages[2].contains("5.0.0"));
    }

    #[test]
    fn history_prose_without_a_verb_nested_items_and_self_grants_are_lints() {
        let (page, lints) = read(
            "### Version history\n\n- 1.0.0 - read\n- 2.0.0 - fixed `read` for lists\n- 2.1.0 - Granular Scopes\n  - 2.0.1 - nested\n\n\
             ### `read`\n\n* `read`\n  * `read`\n  * `read:lists`\n* `read:lists` is what lists need\n",
        );
        let read = scope(&page, "read");
        assert_eq!(read.grants, ["read:lists"], "a scope never grants itself");
        assert_eq!(
            read.added_in.as_deref(),
            Some("1.0.0"),
            "prose without a verb dates nothing"
        );
        let lists = scope(&page, "read:lists");
        assert_eq!(
            lists.added_in.as_deref(),
            Some("2.1.0"),
            "a group, in any case"
        );
        let fired: Vec<(&str, &str)> = lints
            .iter()
            .map(|found| (found.lint.name, found.diagnostic.message()))
            .collect();
        assert_eq!(fired.len(), 4, "{fired:#?}");
        assert!(
            fired
                .iter()
                .any(|(lint, message)| *lint == "unreadable-scope-history"
                    && message.contains("2.0.0")
                    && message.contains("neither Added"))
        );
        assert!(fired.iter().any(
            |(lint, message)| *lint == "unreadable-scope-history" && message.contains("nested")
        ));
        assert!(
            fired
                .iter()
                .any(|(lint, message)| *lint == "unreadable-scope-table"
                    && message.contains("under itself"))
        );
        assert!(
            fired
                .iter()
                .any(|(lint, message)| *lint == "unreadable-scope-table"
                    && message.contains("among other words"))
        );
    }

    #[test]
    fn a_table_of_another_shape_is_a_lint() {
        let (page, lints) = read("| Name | Kind | Notes |\n| -- | -- | -- |\n| a | b | c |\n");
        assert!(page.scopes.is_empty());
        assert_eq!(lints[0].lint.name, "unreadable-scope-table");
    }

    #[test]
    fn a_deprecation_sentence_under_a_scope_heading_dates_it() {
        let (page, _) =
            read("### `follow` {#follow}\n\nThis scope has been deprecated in 3.5.0 and newer.\n");
        let follow = scope(&page, "follow");
        assert_eq!(
            (follow.lifecycle, follow.lifecycle_since.as_deref()),
            (Lifecycle::Deprecated, Some("3.5.0"))
        );
    }

    #[test]
    fn lists_of_endpoints_are_not_scopes() {
        let (page, _) = read(
            "### `profile` {#profile}\n\n* [`GET /api/v1/accounts/verify_credentials`](x)\n* `read` and prose\n",
        );
        let names: Vec<&str> = page.scopes.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["profile"]);
    }
}
