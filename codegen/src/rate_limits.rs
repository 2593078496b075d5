//! Reading the rate-limits page (`content/en/api/rate-limits.md`) or its
//! YAML copy, and resolving each limit's requests to the documented methods.

use std::path::Path;

use crate::Format;
use crate::api::{self, Endpoint};
use crate::diagnostic::{Diagnostic, Error};
use crate::emit::InputOrigin;
use crate::lint::{self, Found};
#[cfg(feature = "markdown-api-pages")]
use crate::markdown::rate_limits_page;
use crate::model::rate_limits::{Applies, RateLimitPage};
use crate::model::rate_limits::{Headers, RateLimits, ResolvedLimit};
use crate::source::{Source, display_path};
use crate::yaml;

/// Reads the rate-limits page (`.md`) or its YAML copy (`.yaml`, `.yml`)
/// from memory, without resolving its requests against the method pages.
pub fn parse_rate_limits_page(source: &Source) -> Result<RateLimitPage, Error> {
    from_source(source.clone()).map(|input| input.page)
}

/// The page as read, where it came from, and the docs defects found in it.
pub(crate) struct RateLimitsInput {
    pub page: RateLimitPage,
    pub source: Source,
    pub lints: Vec<Found>,
    pub origin: InputOrigin,
}

/// Reads the page (`.md`) or its YAML copy (`.yaml`, `.yml`) at `path`.
pub(crate) fn load(path: &Path) -> Result<RateLimitsInput, Error> {
    from_source(Source::read(path)?)
}

pub(crate) fn from_source(source: Source) -> Result<RateLimitsInput, Error> {
    if source.text().trim().is_empty() {
        return Err(Error::single(
            source,
            Diagnostic::error(0..0, "the file is empty").help(
                "point at the docs' `content/en/api/rate-limits.md`, or at its YAML copy (`export-yaml --rate-limits`)",
            ),
        ));
    }
    let blob = crate::hash::spec_blob_id(&source);
    // Named by content, so that the header is the same on every machine.
    let (page, lints, identity) = match Format::of(source.name()) {
        Format::Yaml => {
            let page = yaml::rate_limits::parse(&source)?;
            // The copy's records are the lints they were, at each record.
            let lints = crate::method_pages::recorded_lints(page.lints.iter(), &source);
            let identity = format!(
                "blob {blob} (`git hash-object {}`)",
                display_path(Path::new(source.name()))
            );
            (page, lints, identity)
        }
        #[cfg(feature = "markdown-api-pages")]
        Format::Markdown => {
            let (page, lints) = rate_limits_page::parse_with_lints(&source)?;
            let identity = format!(
                "blob {blob} (`git rev-parse <commit>:content/en/api/rate-limits.md` in the docs)"
            );
            (page, lints, identity)
        }
        #[cfg(not(feature = "markdown-api-pages"))]
        Format::Markdown => {
            return Err(Error::single(
                source,
                Diagnostic::error(
                    0..0,
                    "reading the rate-limits page from Markdown needs the `markdown-api-pages` feature of mastodon-error-codegen",
                )
                .help("add `features = [\"markdown-api-pages\"]` to the generator's dependency, or point at a YAML copy (`export-yaml --rate-limits`)"),
            ));
        }
    };
    let origin = InputOrigin {
        name: source.name().to_owned(),
        identity,
    };
    Ok(RateLimitsInput {
        page,
        source,
        lints,
        origin,
    })
}

/// Each limit with the methods it names, and the headers by role. A request
/// no method page documents is a lint: it stays in the limit's text, and no
/// `Endpoint` reaches it. A page without all three headers is a lint too,
/// and then no header reader is generated.
pub(crate) fn resolve(
    input: &RateLimitsInput,
    endpoints: &[Endpoint<'_>],
    docs_site: &str,
) -> (RateLimits, Vec<Found>) {
    let mut found = Vec::new();
    let mut lint_at = |span: std::ops::Range<usize>, message: String, outcome: &str| {
        found.push(Found {
            lint: &lint::UNREADABLE_RATE_LIMIT,
            source: input.source.clone(),
            diagnostic: Diagnostic::defect(span, message, outcome),
        });
    };
    let mut limits = Vec::new();
    for limit in &input.page.limits {
        let (requests, endpoints) = match &limit.applies {
            Applies::All => (Vec::new(), None),
            Applies::Requests(requests) => {
                let mut variants = Vec::new();
                for request in requests {
                    match endpoint_for(request, endpoints) {
                        Some(endpoint) => variants.push(endpoint.variant.clone()),
                        None => lint_at(
                            limit.span.clone(),
                            format!("a limit names `{request}`, which no method page documents"),
                            "kept the request in `RateLimit::requests`; no `Endpoint` counts it",
                        ),
                    }
                }
                (requests.clone(), Some(variants))
            }
        };
        limits.push(ResolvedLimit {
            scope: limit.scope,
            name: limit.name.clone(),
            requests,
            endpoints,
            count: limit.count,
            period_seconds: limit.period_seconds,
        });
    }
    let role = |suffix: &str| {
        input
            .page
            .headers
            .iter()
            .find(|header| header.name.rsplit('-').next() == Some(suffix))
            .map(|header| header.name.clone())
    };
    let headers = match (role("Limit"), role("Remaining"), role("Reset")) {
        (Some(limit), Some(remaining), Some(reset)) => Some(Headers {
            limit,
            remaining,
            reset,
        }),
        _ => {
            // At the headers the page has, else at its start.
            let at = input
                .page
                .headers
                .first()
                .map_or(0..0, |header| header.span.clone());
            lint_at(
                at,
                "the page does not define the three rate-limit headers (`…-Limit`, `…-Remaining`, `…-Reset`)".to_owned(),
                "generated no `RateLimitStatus`: there is no header to read it from",
            );
            None
        }
    };
    let mut all = input.lints.clone();
    all.extend(found);
    let rate_limits = RateLimits {
        docs_url: format!("{}/api/rate-limits/", docs_site.trim_end_matches('/')),
        limits,
        headers,
    };
    (rate_limits, all)
}

/// The documented method that `request` (`POST /api/v1/media`) names:
/// the same HTTP method and the same path, up to parameter names.
fn endpoint_for<'e, 'a>(request: &str, endpoints: &'e [Endpoint<'a>]) -> Option<&'e Endpoint<'a>> {
    let (method, path) = request.split_once(' ')?;
    let route = api::route(&api::path_segments(path));
    endpoints
        .iter()
        .find(|endpoint| endpoint.method.http_method == method && endpoint.route == route)
}
