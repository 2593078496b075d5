//! Each documented rate limit's requests resolved to the methods they name,
//! and the rate-limit headers by role.

use crate::check::endpoints::Endpoint;
use crate::check::routing::{path_segments, route};
use crate::diagnostic::Diagnostic;
use crate::lint::{self, Found};
use crate::model::rate_limits::{Applies, Headers, RateLimits, ResolvedLimit};
use crate::pages::rate_limits::RateLimitsInput;

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
    let route = route(&path_segments(path));
    endpoints
        .iter()
        .find(|endpoint| endpoint.method.http_method == method && endpoint.route == route)
}
