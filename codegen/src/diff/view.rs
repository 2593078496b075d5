//! What a generated module exposes, the level at which two versions are
//! compared: from a checked spec, or read back from a generated file.

use crate::check::validate::{Checked, FieldType};
use crate::model::methods::{ParamLocation, Parameter, Requirement};
use crate::model::plain_text;
use crate::model::rate_limits::{RateLimits, ResolvedLimit};
use crate::model::scopes::ResolvedScopes;

/// The public surface of one generated module, plus the docs text it carries.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ApiView {
    pub entity: String,
    pub fields: Vec<FieldView>,
    pub groups: Vec<GroupView>,
    pub reasons: Vec<ReasonView>,
    /// Empty for a module of the Error page alone.
    pub endpoints: Vec<EndpointView>,
    /// The docs defects the method pages' readers found (a module holds none).
    pub lints: Vec<LintView>,
    /// The documented rate limits; empty without the rate-limits page.
    pub rate_limits: Vec<RateLimitView>,
    /// The rate-limit headers `RateLimitStatus` reads (limit, remaining,
    /// reset); empty when the module has none.
    pub rate_limit_headers: Vec<String>,
    /// The scopes `Scope` has; from the scopes page, or only the method
    /// pages' names without it.
    pub scopes: Vec<ScopeView>,
}

/// A `Scope` variant and the facts its table row holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ScopeView {
    /// As a token names it: `read:accounts`.
    pub name: String,
    pub grants: Vec<String>,
    pub added_in: Option<String>,
    /// `current`, `deprecated` or `removed`, with the version when known.
    pub lifecycle: String,
}

impl ScopeView {
    /// The view of one scope; `grants` is compared as a set, so it is
    /// sorted here, and the lifecycle carries its version: `deprecated since 3.5.0`.
    pub fn new(
        name: String,
        mut grants: Vec<String>,
        added_in: Option<String>,
        lifecycle: &str,
        since: Option<&str>,
    ) -> ScopeView {
        grants.sort();
        ScopeView {
            name,
            grants,
            added_in,
            lifecycle: match since {
                Some(since) => format!("{lifecycle} since {since}"),
                None => lifecycle.to_owned(),
            },
        }
    }

    /// `added in 0.9.0, deprecated since 3.5.0`; `no version documented`.
    pub fn terms(&self) -> String {
        let mut terms = match &self.added_in {
            Some(added) => format!("added in {added}"),
            None => "no version documented".to_owned(),
        };
        if self.lifecycle != "current" {
            terms.push_str(&format!(", {}", self.lifecycle));
        }
        terms
    }
}

/// A documented rate limit, as `RATE_LIMITS` holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RateLimitView {
    /// `account` or `ip`.
    pub scope: String,
    pub name: Option<String>,
    pub requests: Vec<String>,
    pub count: u32,
    pub period_seconds: u32,
}

impl RateLimitView {
    /// What names the limit across versions, by its heading (else the
    /// calls it names) and scope: `Uploading media (per account)`,
    /// `every call (per ip)`.
    pub fn key(&self) -> String {
        let what = match (&self.name, self.requests.is_empty()) {
            (Some(name), _) => name.clone(),
            (None, false) => self.requests.join(", "),
            (None, true) => "every call".to_owned(),
        };
        format!("{what} (per {})", self.scope)
    }

    /// `30 calls within 1800 s (POST /api/v1/media)`.
    pub fn terms(&self) -> String {
        let mut terms = format!("{} calls within {} s", self.count, self.period_seconds);
        if !self.requests.is_empty() {
            terms.push_str(&format!(" ({})", self.requests.join(", ")));
        }
        terms
    }

    pub(crate) fn of(limit: &ResolvedLimit) -> RateLimitView {
        RateLimitView {
            scope: limit.scope.as_str().to_owned(),
            name: limit.name.clone(),
            requests: limit.requests.clone(),
            count: limit.count,
            period_seconds: limit.period_seconds,
        }
    }
}

/// A lint that fired on a method page, without its line and column, which
/// move with every edit above it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct LintView {
    pub lint: String,
    pub page: String,
    /// The message, then what the generator did.
    pub what: String,
}

/// One `Endpoint` variant and the facts its table row holds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EndpointView {
    pub variant: String,
    /// The docs page below `methods/`, e.g. `statuses`.
    pub page: String,
    pub anchor: Option<String>,
    pub title: String,
    pub http_method: String,
    pub path: String,
    /// The kinds of token, in order: `public`, `app`, `user`.
    pub tokens: Vec<&'static str>,
    /// The scopes its line names, the undefined ones included, sorted.
    pub scopes: Vec<String>,
    /// Whether one of `scopes` is enough.
    pub any_scope: bool,
    pub added_in: Option<String>,
    /// `current`, `deprecated` or `removed`.
    pub lifecycle: String,
    /// Its documented request parameters, in page order; `None` for a
    /// module generated before `Endpoint::params()` existed, which the diff
    /// then does not compare.
    pub params: Option<Vec<ParamView>>,
    pub errors: Vec<ErrorView>,
}

impl EndpointView {
    /// `GET /api/v1/statuses/:id`.
    pub fn request(&self) -> String {
        format!("{} {}", self.http_method, self.path)
    }

    /// The request with parameter names dropped, for pairing across renamed parameters.
    pub fn shape(&self) -> String {
        let path = self.path.split('?').next().unwrap_or(&self.path);
        let segments: Vec<&str> = path
            .split('/')
            .map(|segment| {
                if segment.starts_with(':') {
                    ":"
                } else {
                    segment
                }
            })
            .collect();
        format!("{} {}", self.http_method, segments.join("/"))
    }
}

/// One documented request parameter, identified within its method by
/// `location` and `name` as the docs write them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParamView {
    pub location: ParamLocation,
    pub name: String,
    /// [`crate::model::methods::ParamType::spelling`]: `string`, `array(integer)`, `file`.
    pub ty: String,
    pub values: Vec<String>,
    pub default: Option<String>,
    pub requirement: Requirement,
    pub added_in: Option<String>,
    pub deprecated: bool,
    pub internal: bool,
}

impl ParamView {
    pub fn of(param: &Parameter) -> ParamView {
        ParamView {
            location: param.location,
            name: param.name.clone(),
            ty: param.ty.spelling(),
            values: param.values.clone(),
            default: param.default.clone(),
            requirement: param.requirement.clone(),
            added_in: param.added_in.clone(),
            deprecated: param.deprecated,
            internal: param.internal,
        }
    }

    /// `form media_ids[]`: how a change names it after its method.
    pub fn key(&self) -> String {
        format!("{} {}", self.location.as_str(), self.name)
    }

    /// `array(string); required unless status`: its type and requirement,
    /// apart at the first `; ` (no type spelling has one).
    pub fn terms(&self) -> String {
        format!("{}; {}", self.ty, requirement_text(&self.requirement))
    }
}

/// `optional`, `required`, `required unless media_ids[] or poll[options][]`,
/// `required if: <the docs' condition>`.
pub(crate) fn requirement_text(requirement: &Requirement) -> String {
    match requirement {
        Requirement::Optional => "optional".to_owned(),
        Requirement::Required => "required".to_owned(),
        Requirement::RequiredUnless(names) => format!("required unless {}", names.join(" or ")),
        Requirement::Conditional(condition) => format!("required if: {condition}"),
    }
}

/// A documented error response of one endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ErrorView {
    pub status: u16,
    pub message: String,
    /// The reasons it is classified as, joined with `|`.
    pub reasons: String,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FieldView {
    /// The attribute's JSON name, e.g. `error_description`.
    pub name: String,
    /// The Rust type, written without spaces: `Option<String>`.
    pub rust_type: String,
    /// Docs text, which a module read back does not carry.
    pub description: Option<String>,
    pub history: Option<Vec<(String, String)>>,
}

impl FieldView {
    pub fn optional(&self) -> bool {
        self.rust_type.starts_with("Option<")
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GroupView {
    pub code: u16,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ReasonView {
    pub variant: String,
    pub heading: String,
    pub anchor: Option<String>,
    pub status: u16,
    pub message: String,
    pub is_template: bool,
    pub explanation: String,
}

/// The field's type as emission writes it, without spaces: `Option<Vec<String>>`.
fn rust_type_text(ty: &FieldType) -> String {
    let tokens = crate::emit::rust_type(ty).to_string();
    tokens.chars().filter(|c| !c.is_whitespace()).collect()
}

impl ApiView {
    /// This view with the module's scopes, as resolved against its endpoints.
    pub fn with_scopes(mut self, resolved: &ResolvedScopes) -> ApiView {
        self.scopes = resolved
            .scopes
            .iter()
            .map(|(def, _)| {
                ScopeView::new(
                    def.name.clone(),
                    resolved.granted_by(&def.name),
                    def.added_in.clone(),
                    def.lifecycle.as_str(),
                    def.lifecycle_since.as_deref(),
                )
            })
            .collect();
        self
    }

    /// This view with the module's rate limits and rate-limit headers, as
    /// resolved against its endpoints; none without the rate-limits page.
    pub fn with_rate_limits(mut self, resolved: Option<&RateLimits>) -> ApiView {
        let Some(resolved) = resolved else {
            return self;
        };
        self.rate_limits = resolved.limits.iter().map(RateLimitView::of).collect();
        self.rate_limit_headers = resolved
            .headers
            .as_ref()
            .map(|headers| {
                vec![
                    headers.limit.clone(),
                    headers.remaining.clone(),
                    headers.reset.clone(),
                ]
            })
            .unwrap_or_default();
        self
    }

    /// The view of a module with `Endpoint`: the catalogue and the endpoints.
    pub fn of_api(
        checked: &Checked<'_>,
        endpoints: &[crate::check::endpoints::Endpoint<'_>],
    ) -> ApiView {
        let mut view = ApiView::of_checked(checked);
        let variants = crate::emit::reason_variants(checked);
        view.endpoints = endpoints
            .iter()
            .map(|endpoint| {
                let method = endpoint.method;
                let auth = &method.auth;
                EndpointView {
                    variant: endpoint.variant.clone(),
                    page: endpoint.page.path.clone(),
                    anchor: method.anchor.clone(),
                    title: method.title.clone(),
                    http_method: method.http_method.clone(),
                    path: method.path.clone(),
                    tokens: auth.token_kinds(),
                    scopes: {
                        // Sorted, as a module read back gives them.
                        let mut scopes = auth.scopes.clone();
                        scopes.sort();
                        scopes
                    },
                    any_scope: auth.any_scope,
                    added_in: method.added_in.clone(),
                    lifecycle: method.lifecycle.as_str().to_owned(),
                    params: Some(method.params.iter().map(ParamView::of).collect()),
                    errors: method
                        .errors
                        .iter()
                        .zip(endpoint.example_reasons)
                        .map(|(error, assignment)| ErrorView {
                            status: error.status,
                            message: error.error.clone(),
                            reasons: assignment
                                .reasons
                                .iter()
                                .map(|r| variants[r])
                                .collect::<Vec<_>>()
                                .join("|"),
                        })
                        .collect(),
                }
            })
            .collect();
        view
    }

    pub fn of_checked(checked: &Checked<'_>) -> ApiView {
        ApiView {
            entity: checked.entity_name.clone(),
            fields: checked
                .fields
                .iter()
                .map(|field| FieldView {
                    name: field.attribute.name.clone(),
                    rust_type: rust_type_text(&field.ty),
                    description: Some(field.attribute.description.clone()),
                    history: Some(
                        field
                            .attribute
                            .history
                            .iter()
                            .map(|entry| (entry.version.clone(), entry.change.clone()))
                            .collect(),
                    ),
                })
                .collect(),
            groups: checked
                .spec
                .groups
                .iter()
                .map(|group| GroupView {
                    code: group.code,
                    text: group.text.clone(),
                })
                .collect(),
            reasons: checked
                .reasons
                .iter()
                .map(|reason| ReasonView {
                    variant: reason.variant.clone(),
                    heading: reason.reason.heading.clone(),
                    anchor: reason.reason.anchor.clone(),
                    status: reason.group.code,
                    message: reason.reason.message.text.clone(),
                    is_template: reason.reason.message.is_template(),
                    explanation: plain_text(&reason.reason.explanation),
                })
                .collect(),
            endpoints: Vec::new(),
            lints: Vec::new(),
            rate_limits: Vec::new(),
            rate_limit_headers: Vec::new(),
            scopes: Vec::new(),
        }
    }

    /// The lints recorded on the method pages.
    pub fn with_lints(mut self, spec: &crate::model::methods::MethodSpec) -> ApiView {
        self.lints = spec
            .pages
            .iter()
            .flat_map(|page| {
                page.lints.iter().map(|record| LintView {
                    lint: record.lint.clone(),
                    page: page.path.clone(),
                    what: format!("{} ({})", record.message, record.outcome),
                })
            })
            .collect();
        self
    }
}
