//! Hugo front matter: the `---` YAML block that gives the page its title.

use std::ops::Range;

use crate::diagnostic::Diagnostic;
use crate::lint;
use crate::sink::Sink;
use crate::source::floor_char_boundary;
use crate::yaml::tree::{self, Schema};

/// Lines tolerated before the opening `---`. Copying a page out of a
/// repository's file view leaves a short header (path, line count, size,
/// language) above it, as in the 2020 seed; a real page never has more.
const MAX_PREAMBLE_LINES: usize = 8;

/// Which page is read, for the help texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PageKind {
    ErrorEntity,
    Methods,
    /// `content/en/api/rate-limits.md`.
    RateLimits,
    /// `content/en/api/oauth-scopes.md`.
    #[cfg_attr(
        not(feature = "markdown-api-pages"),
        expect(dead_code, reason = "only the scopes page's reader names it")
    )]
    OauthScopes,
    /// `content/en/entities/*.md`.
    Entity,
}

impl PageKind {
    fn title_line(self) -> &'static str {
        match self {
            PageKind::ErrorEntity => "title: Error",
            PageKind::Methods => "title: statuses API methods",
            PageKind::RateLimits => "title: Rate limits",
            PageKind::OauthScopes => "title: OAuth Scopes",
            PageKind::Entity => "title: Status",
        }
    }

    fn title_use(self) -> &'static str {
        match self {
            PageKind::ErrorEntity => "the title names the entity struct",
            PageKind::Methods => "the title names the page in the YAML copy",
            PageKind::RateLimits | PageKind::OauthScopes => "nothing generated uses it",
            PageKind::Entity => "the title names the page's entity",
        }
    }

    /// A defect in a method page's front matter is a lint, and the page is
    /// read with its title left empty (nothing generated uses it); the
    /// Error page's title names the entity, so there it is an error.
    fn report(
        self,
        sink: &mut Sink,
        diagnostic: Diagnostic,
        at: Range<usize>,
        body_start: usize,
    ) -> (Option<FrontMatter>, usize) {
        match self {
            PageKind::ErrorEntity => {
                sink.push(diagnostic);
                (None, body_start)
            }
            PageKind::Methods | PageKind::RateLimits | PageKind::OauthScopes | PageKind::Entity => {
                // Compared, not matched: without `markdown-methods` nothing
                // else constructs `Methods`.
                let outcome = if self == PageKind::Methods {
                    "read the page's methods; its title, which only the YAML copy shows, is left empty"
                } else if self == PageKind::Entity {
                    "names the page's entity from its file name (`Admin_Account` → `Admin::Account`)"
                } else if self == PageKind::RateLimits {
                    "read the page's headers and limits; nothing uses its title"
                } else {
                    "read the page's scopes; nothing uses its title"
                };
                sink.lint(&lint::INVALID_FRONT_MATTER, diagnostic.outcome(outcome));
                let front = FrontMatter {
                    title: String::new(),
                    title_span: at,
                    description: None,
                };
                (Some(front), body_start)
            }
        }
    }
}

pub(crate) struct FrontMatter {
    pub title: String,
    pub title_span: Range<usize>,
    pub description: Option<String>,
}

/// The front matter's text fields; Hugo's other keys are not read.
#[derive(Default)]
struct Fields {
    title: Option<String>,
    description: Option<String>,
    summary: Option<String>,
}

const FRONT_MATTER: Schema = Schema {
    expects: |key| match key {
        "title" => "the page title, such as `Error`",
        _ => "text",
    },
};

impl Fields {
    /// The fields from the front matter's YAML tree, which must be a
    /// mapping with each key once; a field that is there must be text.
    fn from_tree(root: &tree::Node) -> tree::Read<Self> {
        if root.is_null() {
            return Ok(Fields::default());
        }
        let mapping = FRONT_MATTER.any_mapping(root, "front matter", "the front matter")?;
        let field = |key: &str| {
            FRONT_MATTER
                .optional(mapping.get(key), key, Schema::string)
                .map(|text| text.map(|text| text.value))
        };
        Ok(Fields {
            title: field("title")?,
            description: field("description")?,
            summary: field("summary")?,
        })
    }
}

/// Finds, parses and checks the front matter, returning it (or `None` when
/// there is no usable title; problems go to `sink`) and where the Markdown
/// body starts, so the body is checked either way.
pub(crate) fn parse(text: &str, kind: PageKind, sink: &mut Sink) -> (Option<FrontMatter>, usize) {
    let Some(open) = find_opening(text) else {
        sink.push(
            Diagnostic::error(0..first_line_end(text), "the page has no front matter")
                .label("expected `---` here")
                .help(format!(
                    "start the page with Hugo front matter: `---`, a line `{}`, then `---`",
                    kind.title_line()
                )),
        );
        return (None, 0);
    };
    let yaml_start = open.end;
    let Some(close) = find_closing(text, yaml_start) else {
        sink.push(
            Diagnostic::error(open.clone(), "the front matter is never closed")
                .label("opened here")
                .help("end the front matter with a line containing only `---`"),
        );
        return (None, text.len());
    };
    let body_start = (close.end + 1).min(text.len());
    // Hugo's YAML reader accepts tab-indented continuation lines inside
    // `aliases: [ … ]`, as every real page has; a one-for-one swap of tab for
    // space keeps every offset and column the same.
    let yaml: String = normalise_leading_tabs(&text[yaml_start..close.start]);
    let fields = match tree::read(&yaml, false).and_then(|root| Fields::from_tree(&root)) {
        Ok(fields) => fields,
        Err(err) => {
            // Tab normalisation kept every offset, so spans shift by the block's start.
            let offset = (yaml_start + err.span().start).min(close.start);
            let offset = floor_char_boundary(text, offset);
            let at = offset..(offset + 1).min(text.len());
            let diagnostic = Diagnostic::error(
                at.clone(),
                format!(
                    "the front matter is not valid YAML: {}",
                    err.message().trim_start_matches("invalid YAML: ")
                ),
            )
            .help("fix the YAML between the `---` lines; only `title` and `description` (or `summary`) are read");
            return kind.report(sink, diagnostic, at, body_start);
        }
    };
    let title_span = key_span(text, yaml_start..close.start, "title").unwrap_or(open.clone());
    let title = fields
        .title
        .map(|t| t.trim().to_owned())
        .unwrap_or_default();
    if title.is_empty() {
        let diagnostic = Diagnostic::error(title_span.clone(), "the front matter has no `title`")
            .label("front matter without a title")
            .help(format!(
                "add a line `{}`; {}",
                kind.title_line(),
                kind.title_use()
            ));
        return kind.report(sink, diagnostic, title_span, body_start);
    }
    let description = fields
        .description
        .or(fields.summary)
        .map(|d| d.trim().to_owned())
        .filter(|d| !d.is_empty());
    (
        Some(FrontMatter {
            title,
            title_span,
            description,
        }),
        body_start,
    )
}

fn lines(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    let mut offset = 0;
    text.split_inclusive('\n').map(move |line| {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches('\n');
        (start..start + content.len(), content)
    })
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "---"
}

fn find_opening(text: &str) -> Option<Range<usize>> {
    for (index, (range, line)) in lines(text).enumerate() {
        if is_fence(line) {
            return Some(range);
        }
        let is_heading = line.trim_start().starts_with('#');
        if index >= MAX_PREAMBLE_LINES || is_heading {
            return None;
        }
    }
    None
}

fn find_closing(text: &str, from: usize) -> Option<Range<usize>> {
    lines(&text[from..])
        .find(|(_, line)| is_fence(line) || line.trim_end() == "...")
        .map(|(range, _)| from + range.start..from + range.end)
}

fn first_line_end(text: &str) -> usize {
    text.find('\n').unwrap_or(text.len())
}

fn normalise_leading_tabs(yaml: &str) -> String {
    let mut out = String::with_capacity(yaml.len());
    for line in yaml.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        out.extend(line[..indent].chars().map(|_| ' '));
        out.push_str(&line[indent..]);
    }
    out
}

/// The span of a top-level `key:` line, for pointing at a value.
fn key_span(text: &str, within: Range<usize>, key: &str) -> Option<Range<usize>> {
    lines(&text[within.clone()])
        .find(|(_, line)| {
            line.strip_prefix(key)
                .is_some_and(|rest| rest.starts_with(':'))
        })
        .map(|(range, _)| within.start + range.start..within.start + range.end)
}
