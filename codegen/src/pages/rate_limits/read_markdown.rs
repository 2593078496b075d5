//! Reads the rate-limits page (`content/en/api/rate-limits.md`). The page is
//! prose, so only the shapes it has are read: a header as a code span with
//! its meaning on the next line (`: …`), and a limit as
//! one sentence, "`POST /api/v1/media` can be called 30 times within 30
//! minutes." Any other paragraph under `## Limits` is a lint, never a guess.

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Errors};
use crate::lint::{self, Found};
use crate::markdown::blocks::{self, Block, BlockKind, RunKind};
use crate::markdown::front_matter::{self, PageKind};
use crate::markdown::{inline, runs};
use crate::model::rate_limits::{
    Applies, LimitScope, RateLimit, RateLimitHeader, RateLimitPage, is_request,
};
use crate::sink::Sink;
use crate::source::Source;

/// Reads the page, with the docs defects it found.
pub(crate) fn parse_with_lints(source: &Source) -> Result<(RateLimitPage, Vec<Found>), Errors> {
    let text = source.text();
    let mut sink = Sink::default();
    let (_, body_start) = front_matter::parse(text, PageKind::RateLimits, &mut sink);
    let mut reader = Reader::default();
    for block in blocks::parse(&text[body_start..], body_start) {
        reader.block(&block, &mut sink);
    }
    if !sink.is_empty() {
        return Err(sink.into_error(source));
    }
    let (found, records) = crate::markdown::found_lints(&mut sink, source, "api/rate-limits.md");
    reader.page.lints = records;
    Ok((reader.page, found))
}

#[derive(Default, Clone, Copy, PartialEq, Eq)]
enum Section {
    #[default]
    Other,
    Headers,
    Limits,
}

#[derive(Default)]
struct Reader {
    page: RateLimitPage,
    section: Section,
    /// The `###` scope under `## Limits`; `None` before one, or under a
    /// heading that names no scope.
    scope: Option<LimitScope>,
    /// The `###` heading the current paragraphs sit under, for lints.
    scope_heading: Option<(String, Range<usize>)>,
    name: Option<String>,
}

impl Reader {
    fn block(&mut self, block: &Block, sink: &mut Sink) {
        match block.kind {
            BlockKind::Heading { level, .. } => self.heading(level, block),
            BlockKind::Paragraph => match self.section {
                Section::Headers => self.header(block),
                Section::Limits => self.limit(block, sink),
                Section::Other => {}
            },
            _ => {}
        }
    }

    fn heading(&mut self, level: u8, block: &Block) {
        let text = inline::heading(block).text.trim().to_owned();
        match level {
            2 => {
                self.section = match text.as_str() {
                    "Headers" => Section::Headers,
                    "Limits" => Section::Limits,
                    _ => Section::Other,
                };
                self.scope = None;
                self.scope_heading = None;
                self.name = None;
            }
            3 => {
                self.scope = match text.as_str() {
                    "Per account" => Some(LimitScope::Account),
                    "Per IP" => Some(LimitScope::Ip),
                    _ => None,
                };
                self.scope_heading = Some((text, block.span.clone()));
                self.name = None;
            }
            4 => self.name = Some(text),
            _ => {}
        }
    }

    /// `` `X-RateLimit-Limit` `` then, on the next line, `: its meaning`.
    /// Other paragraphs (the introduction, hints) are prose.
    fn header(&mut self, block: &Block) {
        let [first, RunKind::Break, rest @ ..] =
            &block.runs.iter().map(|run| &run.kind).collect::<Vec<_>>()[..]
        else {
            return;
        };
        if **first != RunKind::Code || rest.iter().any(|kind| **kind != RunKind::Text) {
            return;
        }
        let meaning: String = block.runs[2..]
            .iter()
            .map(|run| run.text.as_str())
            .collect();
        if !meaning.trim_start().starts_with(':') {
            return;
        }
        self.page.headers.push(RateLimitHeader {
            name: block.runs[0].text.trim().to_owned(),
            span: block.runs[0].span.clone(),
        });
    }

    fn limit(&mut self, block: &Block, sink: &mut Sink) {
        // The introduction before the first `###` is prose.
        let Some((heading, heading_span)) = self.scope_heading.clone() else {
            return;
        };
        let Some(scope) = self.scope else {
            sink.lint(
                &lint::UNREADABLE_RATE_LIMIT,
                Diagnostic::defect(
                    block.span.clone(),
                    format!("a limit under `### {heading}`, which names no scope"),
                    "left out this limit: only `### Per account` and `### Per IP` say whom a limit counts",
                )
                .related(heading_span, "this heading"),
            );
            return;
        };
        match sentence(block) {
            Some((applies, count, period_seconds)) => self.page.limits.push(RateLimit {
                scope,
                name: self.name.clone(),
                applies,
                count,
                period_seconds,
                span: block.span.clone(),
            }),
            None => sink.lint(
                &lint::UNREADABLE_RATE_LIMIT,
                Diagnostic::defect(
                    block.span.clone(),
                    "a paragraph under `## Limits` that is not a limit sentence",
                    "left out this paragraph: a limit reads \"`POST /api/v1/media` can be called 30 times within 30 minutes.\"",
                ),
            ),
        }
    }
}

/// The subject of a limit sentence with its `count` code spans written as
/// `` `` ``: one span, or a list, "`` `A` or `B` ``", "`` `A`, `B` or `C` ``",
/// optionally after "Either " when there are two or more.
fn is_request_list(subject: &str, count: usize) -> bool {
    let subject = subject.trim();
    let listed = match subject.strip_prefix("Either ") {
        Some(rest) if count >= 2 => rest,
        Some(_) => return false,
        None => subject,
    };
    let parts: Vec<&str> = listed.split("``").map(str::trim).collect();
    // `` A `` sep `` B `` …: empty text before the first and after the last,
    // and a separator between each two.
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return false;
    };
    if count == 0 || parts.len() != count + 1 || !first.is_empty() || !last.is_empty() {
        return false;
    }
    let separators = &parts[1..parts.len() - 1];
    separators.iter().enumerate().all(|(at, separator)| {
        if at + 1 == separators.len() {
            matches!(*separator, "or" | ", or")
        } else {
            *separator == ","
        }
    })
}

/// "All endpoints and methods can be called 300 times within 5 minutes.",
/// or the same with the requests as code spans: "`A` can be…", "Either `A`
/// or `B` can be…".
fn sentence(block: &Block) -> Option<(Applies, u32, u32)> {
    let mut requests = Vec::new();
    let mut words = String::new();
    for run in &block.runs {
        match run.kind {
            RunKind::Code => {
                requests.push(runs::collapse_whitespace(run.text.trim()));
                words.push_str(" `` ");
            }
            RunKind::Text => words.push_str(&run.text),
            RunKind::Break => words.push(' '),
            RunKind::Link { .. } => return None,
        }
    }
    let words = runs::collapse_whitespace(&words);
    let (subject, rest) = words.split_once(" can be called ")?;
    let applies = match subject.trim() {
        "All endpoints and methods" if requests.is_empty() => Applies::All,
        subject => {
            if !is_request_list(subject, requests.len())
                || !requests.iter().all(|request| is_request(request))
            {
                return None;
            }
            Applies::Requests(requests)
        }
    };
    let rest = rest.strip_suffix('.')?;
    let [count, times, "within", period, unit] = rest.split(' ').collect::<Vec<_>>()[..] else {
        return None;
    };
    if times != if count == "1" { "time" } else { "times" } {
        return None;
    }
    let seconds_per = match unit {
        "second" | "seconds" => 1,
        "minute" | "minutes" => 60,
        "hour" | "hours" => 3600,
        "day" | "days" => 86_400,
        _ => return None,
    };
    let count = count.parse::<u32>().ok()?;
    let period = period.parse::<u32>().ok()?.checked_mul(seconds_per)?;
    Some((applies, count, period))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(body: &str) -> (RateLimitPage, Vec<Found>) {
        let page = format!("---\ntitle: Rate limits\n---\n\n{body}");
        parse_with_lints(&Source::new("rate-limits.md", page)).expect("reads")
    }

    #[test]
    fn every_sentence_shape_of_the_page_reads() {
        let (page, lints) = read(
            "## Headers\n\nIntro:\n\n`X-RateLimit-Limit`\n: The calls allowed.\n\n## Limits\n\nBy default:\n\n### Per account\n\nAll endpoints and methods can be called 300 times within 5 minutes.\n\n#### Deleting statuses\n\nEither `DELETE /api/v1/statuses/:id` or `POST /api/v1/statuses/:id/unreblog` can be called 30 times within 30 minutes.\n\n### Per IP\n\n#### Creating accounts\n\n`POST /api/v1/accounts` can be called 5 times within 1 hour.\n",
        );
        assert!(lints.is_empty());
        assert_eq!(page.headers.len(), 1);
        assert_eq!(page.headers[0].name, "X-RateLimit-Limit");
        let limits: Vec<_> = page
            .limits
            .iter()
            .map(|limit| {
                (
                    limit.scope,
                    limit.name.as_deref(),
                    &limit.applies,
                    limit.count,
                    limit.period_seconds,
                )
            })
            .collect();
        assert_eq!(
            limits,
            [
                (LimitScope::Account, None, &Applies::All, 300, 300),
                (
                    LimitScope::Account,
                    Some("Deleting statuses"),
                    &Applies::Requests(vec![
                        "DELETE /api/v1/statuses/:id".to_owned(),
                        "POST /api/v1/statuses/:id/unreblog".to_owned()
                    ]),
                    30,
                    1800
                ),
                (
                    LimitScope::Ip,
                    Some("Creating accounts"),
                    &Applies::Requests(vec!["POST /api/v1/accounts".to_owned()]),
                    5,
                    3600
                ),
            ]
        );
    }

    #[test]
    fn lists_of_requests_read_only_in_the_page_s_shapes() {
        let limits = |sentences: &[&str]| {
            let body: String = sentences
                .iter()
                .map(|sentence| format!("{sentence}\n\n"))
                .collect();
            let (page, lints) = read(&format!("## Limits\n\n### Per IP\n\n{body}"));
            (page.limits.len(), lints.len())
        };
        let read_whole = [
            "`GET /a` can be called 1 time within 1 day.",
            "`GET /a`, `GET /b` or `GET /c` can be called 2 times within 3 hours.",
            "Either `GET /a` or `GET /b` can be called 2 times within 10 seconds.",
        ];
        assert_eq!(limits(&read_whole), (3, 0));
        let refused = [
            "`GET /a` `GET /b` can be called 2 times within 1 minute.",
            "or `GET /a` can be called 2 times within 1 minute.",
            "`GET /a` or can be called 2 times within 1 minute.",
            "Either `GET /a` can be called 2 times within 1 minute.",
            "`GET /a` and `GET /b` can be called 2 times within 1 minute.",
            "`GET /a` can be called 5 time within 1 minute.",
            "`statuses` can be called 5 times within 1 minute.",
        ];
        for sentence in refused {
            assert_eq!(limits(&[sentence]), (0, 1), "{sentence}");
        }
    }

    #[test]
    fn other_prose_under_limits_is_a_lint_not_a_guess() {
        let (page, lints) = read(
            "## Limits\n\n### Per account\n\nMost endpoints can be called about 300 times.\n\n`POST /api/v1/media` can be called 30 times within a fortnight.\n\n### Per application\n\n`GET /api/v1/timelines/home` can be called 5 times within 1 minute.\n",
        );
        assert!(page.limits.is_empty(), "{:?}", page.limits);
        assert_eq!(lints.len(), 3);
        assert!(
            lints
                .iter()
                .all(|found| found.lint.name == "unreadable-rate-limit")
        );
    }
}
