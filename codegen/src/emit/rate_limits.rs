//! What a client can know of rate limits before and after a call: the
//! documented limits of each method, and a response's rate-limit headers
//! read by the names the rate-limits page gives them.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::{self, DocBuilder};
use super::{gated, ident, lit, option_lit};
use crate::gate::Gate;
use crate::model::rate_limits::{Headers, LimitScope, RateLimits, ResolvedLimit};

pub(super) fn items(rate_limits: &RateLimits, http: &Gate) -> TokenStream {
    let url = docs::escape(&rate_limits.docs_url);
    let page = format!("the [rate-limits page]({url})");
    let limits = rate_limits.limits.iter().map(limit);
    let struct_doc = {
        let mut doc = DocBuilder::new();
        doc.line(&format!(
            "A limit that {page} documents: [`RateLimit::count`] calls within [`RateLimit::period_seconds`]."
        ));
        doc.attrs()
    };
    let table_doc = {
        let mut doc = DocBuilder::new();
        doc.line(&format!(
            "Every limit that {page} documents, in page order."
        ));
        doc.attrs()
    };
    let headers = rate_limits
        .headers
        .as_ref()
        .map(|headers| header_items(headers, &page, http));
    quote! {
        /// Whom a documented rate limit counts.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum RateLimitScope {
            /// The limits of the page's "Per account" section: the calls made for one account.
            Account,
            /// The limits of the page's "Per IP" section: the calls from one IP address.
            Ip,
        }

        #struct_doc
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub struct RateLimit {
            /// Whom it counts.
            pub scope: RateLimitScope,
            /// The docs' heading for it, such as `Uploading media`; `None`
            /// when the docs give it no heading of its own.
            pub name: Option<&'static str>,
            /// The calls it counts, as the docs write them
            /// (`POST /api/v1/media`); empty for a limit on every call.
            pub requests: &'static [&'static str],
            /// The documented methods among [`RateLimit::requests`]; `None`
            /// for a limit on every call.
            pub endpoints: Option<&'static [Endpoint]>,
            /// The calls allowed within the period.
            pub count: u32,
            /// The period, in seconds.
            pub period_seconds: u32,
        }

        #table_doc
        // A limit may name a deprecated method, as `POST /api/v1/media`.
        #[allow(deprecated)]
        pub const RATE_LIMITS: &[RateLimit] = &[#(#limits),*];

        impl RateLimit {
            /// Whether this limit counts calls of `endpoint`.
            pub fn counts(&self, endpoint: Endpoint) -> bool {
                match self.endpoints {
                    None => true,
                    Some(endpoints) => endpoints.contains(&endpoint),
                }
            }
        }

        impl Endpoint {
            /// The documented limits that count calls of this method: the
            /// limits on every call, and its own.
            pub fn rate_limits(self) -> impl Iterator<Item = &'static RateLimit> {
                RATE_LIMITS.iter().filter(move |limit| limit.counts(self))
            }
        }

        #headers
    }
}

fn limit(limit: &ResolvedLimit) -> TokenStream {
    let scope = match limit.scope {
        LimitScope::Account => quote!(RateLimitScope::Account),
        LimitScope::Ip => quote!(RateLimitScope::Ip),
    };
    let name = option_lit(limit.name.as_deref());
    let requests = limit.requests.iter().map(|request| lit(request));
    let endpoints = match &limit.endpoints {
        None => quote!(None),
        Some(variants) => {
            let variants = variants.iter().map(|variant| ident(variant));
            quote!(Some(&[#(Endpoint::#variants),*]))
        }
    };
    let count = proc_macro2::Literal::u32_unsuffixed(limit.count);
    let period_seconds = proc_macro2::Literal::u32_unsuffixed(limit.period_seconds);
    quote! {
        RateLimit {
            scope: #scope,
            name: #name,
            requests: &[#(#requests),*],
            endpoints: #endpoints,
            count: #count,
            period_seconds: #period_seconds,
        }
    }
}

fn header_items(headers: &Headers, page: &str, http: &Gate) -> TokenStream {
    let (limit, remaining, reset) = (
        lit(&headers.limit),
        lit(&headers.remaining),
        lit(&headers.reset),
    );
    let module_doc = {
        let mut doc = DocBuilder::new();
        doc.line(&format!(
            "The rate-limit headers of a response, by the names {page} gives them."
        ));
        doc.attrs()
    };
    let field = |name: &String, what: &str| {
        let mut doc = DocBuilder::new();
        doc.line(&format!("{}: {what}", docs::code_span(name)));
        doc.attrs()
    };
    let limit_field = field(&headers.limit, "the calls the period allows.");
    let remaining_field = field(&headers.remaining, "the calls left in the period.");
    let reset_field = field(
        &headers.reset,
        "when the period ends, as the server wrote it (a timestamp).",
    );
    let http_items = gated(&[http]).map(|cfg| {
        quote! {
            #cfg
            impl RateLimitStatus {
                /// [`RateLimitStatus::from_headers`] over the http crate's
                /// headers, whose names match case-insensitively.
                pub fn from_header_map(headers: &http::HeaderMap) -> Option<Self> {
                    Self::from_headers(|name| headers.get(name).and_then(|value| value.to_str().ok()))
                }
            }
        }
    });
    quote! {
        #module_doc
        pub mod rate_limit_headers {
            /// The calls the period allows.
            pub const LIMIT: &str = #limit;
            /// The calls left in the period.
            pub const REMAINING: &str = #remaining;
            /// When the period ends.
            pub const RESET: &str = #reset;
        }

        /// What a response's rate-limit headers say: of the limits that
        /// count the call, the one closest to being exceeded, as the
        /// rate-limits page explains.
        #[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub struct RateLimitStatus {
            #limit_field
            pub limit: Option<u64>,
            #remaining_field
            pub remaining: Option<u64>,
            #reset_field
            pub reset: Option<String>,
        }

        impl RateLimitStatus {
            /// Reads the headers through `header`, which gives a header's
            /// value by its name. `None` when the response has none of them;
            /// a number that does not parse is left `None`.
            pub fn from_headers<'h>(header: impl Fn(&str) -> Option<&'h str>) -> Option<Self> {
                let limit = header(rate_limit_headers::LIMIT);
                let remaining = header(rate_limit_headers::REMAINING);
                let reset = header(rate_limit_headers::RESET);
                if limit.is_none() && remaining.is_none() && reset.is_none() {
                    return None;
                }
                Some(Self {
                    limit: limit.and_then(|value| value.trim().parse().ok()),
                    remaining: remaining.and_then(|value| value.trim().parse().ok()),
                    reset: reset.map(|value| value.trim().to_owned()),
                })
            }
            /// [`RateLimitStatus::reset`] as seconds since the Unix epoch, when
            /// it is an RFC 3339 timestamp in UTC (`2026-11-30T01:00:00.000Z`,
            /// with or without the fraction): after a 429, wait until then.
            /// `None` for any other form, rather than a guess.
            pub fn reset_unix_seconds(&self) -> Option<u64> {
                let (date, time) = self.reset.as_deref()?.split_once('T')?;
                let time = time.strip_suffix('Z')?;
                let time = time.split_once('.').map_or(time, |(whole, _)| whole);
                // Digits only, at most four each: no sign, and no year whose
                // seconds would overflow.
                let numbers = |text: &str, separator: char| -> Option<[i64; 3]> {
                    let mut parts = text.split(separator).map(|part| {
                        let digits = !part.is_empty()
                            && part.len() <= 4
                            && part.bytes().all(|byte| byte.is_ascii_digit());
                        digits.then(|| part.parse::<i64>().ok()).flatten()
                    });
                    let numbers = [parts.next()??, parts.next()??, parts.next()??];
                    parts.next().is_none().then_some(numbers)
                };
                let [year, month, day] = numbers(date, '-')?;
                let [hour, minute, second] = numbers(time, ':')?;
                let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
                let days_in_month = match month {
                    2 if leap => 29,
                    2 => 28,
                    4 | 6 | 9 | 11 => 30,
                    1..=12 => 31,
                    _ => return None,
                };
                let valid = (1..=days_in_month).contains(&day)
                    && (0..24).contains(&hour)
                    && (0..60).contains(&minute)
                    && (0..61).contains(&second);
                if !valid {
                    return None;
                }
                // Days from the civil date (Howard Hinnant's algorithm).
                let year = if month <= 2 { year - 1 } else { year };
                let era = year.div_euclid(400);
                let year_of_era = year - era * 400;
                let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
                let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
                let days = era * 146_097 + day_of_era - 719_468;
                u64::try_from(days * 86_400 + hour * 3_600 + minute * 60 + second).ok()
            }
        }

        #http_items
    }
}
