//! A semantic diff of two versions of the page: what changed in the docs,
//! and the semver impact of each change on the generated module.
//!
//! The rule behind every impact: whatever code can match on (type and
//! variant names, field types, status codes, messages) changing or going away
//! is **major**; something new beside what exists is **minor**; docs text
//! (explanations, headings, anchors, descriptions, version history, status
//! text) is **patch**.
//!
//! ```
//! use mastodon_error_codegen::{Config, Source, diff};
//!
//! let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/error.md")).unwrap();
//! let edited = page.replace("Error: Record not found.", "Error: Not found.");
//! let diff = diff::diff(
//!     &Source::new("old.md", page.as_str()),
//!     &Source::new("new.md", edited),
//!     &Config::new(),
//! )
//! .unwrap();
//! assert_eq!(diff.impact(), Some(diff::Impact::Major));
//! assert_eq!(diff.changes[0].kind, diff::ChangeKind::MessageChanged);
//! ```

mod compare;
#[cfg(feature = "entities")]
mod entities;
mod methods;
mod params;
mod read_back;
mod render;
pub(crate) mod view;

use std::fmt;

use crate::{Config, Error, Source, parse, validate};
#[cfg(feature = "entities")]
pub use entities::diff_entities;
pub(crate) use view::ApiView;

/// How much a change breaks users of the generated module, in semver terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Impact {
    Patch,
    Minor,
    Major,
}

impl Impact {
    pub fn as_str(self) -> &'static str {
        match self {
            Impact::Patch => "patch",
            Impact::Minor => "minor",
            Impact::Major => "major",
        }
    }
}

impl fmt::Display for Impact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What changed. [`ChangeKind::as_str`] is its name in the JSON output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChangeKind {
    EntityRenamed,
    AttributeAddedOptional,
    AttributeAddedRequired,
    AttributeRemoved,
    AttributeMadeOptional,
    AttributeMadeRequired,
    AttributeTypeChanged,
    AttributeDescriptionChanged,
    HistoryEntryAdded,
    HistoryEntryRemoved,
    GroupAdded,
    GroupRemoved,
    GroupTextChanged,
    ReasonAdded,
    ReasonRemoved,
    ReasonRenamed,
    ReasonMoved,
    MessageChanged,
    MessageLiteralToPlaceholder,
    MessagePlaceholderToLiteral,
    ExplanationChanged,
    HeadingChanged,
    AnchorChanged,
    MethodAdded,
    MethodRemoved,
    MethodRenamed,
    MethodMoved,
    MethodParametersRenamed,
    MethodLifecycleChanged,
    MethodAuthorizationChanged,
    MethodAddedInChanged,
    MethodDocsChanged,
    MethodErrorAdded,
    MethodErrorRemoved,
    MethodErrorMessageChanged,
    MethodErrorStatusChanged,
    /// An optional parameter added to a method, or a path parameter (the
    /// route already made requests fill its segment).
    MethodParamAdded,
    /// A query, form or header parameter added as required, required unless
    /// another is sent, or required on a condition: requests that lack it
    /// are now refused.
    MethodParamAddedRequired,
    /// A parameter gone from a method.
    MethodParamRemoved,
    /// A parameter's name at another location: `query` → `form`.
    MethodParamMoved,
    /// A parameter's type changed (`string` → `integer`), or its values
    /// started or ceased to be listed.
    MethodParamRetyped,
    /// A parameter is needed by requests that did without it: optional →
    /// required in any form, a condition → required, fewer alternatives.
    MethodParamMadeRequired,
    /// A parameter is needed by fewer requests: the reverse.
    MethodParamMadeOptional,
    /// The condition, in the docs' words, under which a parameter is required.
    MethodParamConditionChanged,
    /// A value of a parameter whose values the docs list, added.
    MethodParamValueAdded,
    /// A listed value gone: requests that send it may be refused.
    MethodParamValueRemoved,
    /// The default the docs state: changed, stated, or no longer stated.
    MethodParamDefaultChanged,
    /// A parameter deprecated, or current again.
    MethodParamLifecycleChanged,
    /// The version that added a parameter.
    MethodParamAddedInChanged,
    /// A parameter became internal (a client uses the `Link` header), or stopped being.
    MethodParamInternalChanged,
    /// A docs defect that the newer pages have and the older did not.
    LintFired,
    /// A docs defect fixed upstream.
    LintCleared,
    /// A rate limit the docs did not document before.
    RateLimitAdded,
    /// A documented rate limit gone from the docs.
    RateLimitRemoved,
    /// A rate limit's count, period or calls changed.
    RateLimitChanged,
    /// The rate-limit headers' names changed, or `RateLimitStatus` came or
    /// went with them.
    RateLimitHeadersChanged,
    /// A scope the docs did not define before: a new `Scope` variant.
    ScopeAdded,
    /// A scope gone from the docs: its `Scope` variant is gone.
    ScopeRemoved,
    /// The scopes a scope grants changed: `ScopeSet::permits` answers otherwise.
    ScopeGrantsChanged,
    /// A scope's version or lifecycle changed.
    ScopeDatesChanged,
    /// An entity the docs did not define before: a new struct, and a new
    /// `EntityKind` variant (`#[non_exhaustive]`).
    EntityAdded,
    /// An entity gone from the docs: its struct and `EntityKind` variant go.
    EntityRemoved,
    /// An attribute added to an entity: a new field of a `#[non_exhaustive]` struct.
    EntityAttributeAdded,
    /// An attribute gone from an entity: its field goes.
    EntityAttributeRemoved,
    /// An attribute's field has another Rust type: another type, an entity,
    /// one of other entities, into or out of an open enum, a hash that gains
    /// or loses its documented keys.
    EntityAttributeRetyped,
    /// An attribute's docs type changed and its Rust type did not:
    /// `string(url)` → `string(datetime)`, `hash` → `json`. The field's
    /// rustdoc shows it.
    EntityAttributeFormatChanged,
    /// An attribute became nullable or stopped being: `Option` comes or goes.
    EntityAttributeNullability,
    /// An attribute became optional or required: `Option` comes or goes.
    EntityAttributeOptionality,
    /// A value of an enumerated attribute added: a variant of an open,
    /// `#[non_exhaustive]` enum.
    EntityValueAdded,
    /// A value of an enumerated attribute removed: its variant goes.
    EntityValueRemoved,
    /// An attribute deprecated or removed in the docs, or current again: its
    /// field gains or loses `#[deprecated]`.
    EntityAttributeLifecycle,
    /// The entity an entity extends changed: the struct's inherited fields change.
    EntityExtendsChanged,
}

impl ChangeKind {
    /// The impact on the generated module; see the module docs for the rule.
    pub fn impact(self) -> Impact {
        use ChangeKind::*;
        match self {
            EntityRenamed
            | AttributeAddedRequired
            | AttributeRemoved
            | AttributeMadeOptional
            | AttributeMadeRequired
            | AttributeTypeChanged
            | GroupRemoved
            | ReasonRemoved
            | ReasonRenamed
            | ReasonMoved
            | MessageChanged
            | MessageLiteralToPlaceholder
            | MessagePlaceholderToLiteral
            | MethodRemoved
            | MethodRenamed
            | MethodMoved
            | MethodAuthorizationChanged
            | MethodErrorRemoved
            | MethodErrorMessageChanged
            | MethodErrorStatusChanged
            // Requests the docs accepted may be refused now.
            | MethodParamAddedRequired
            | MethodParamRemoved
            | MethodParamMoved
            | MethodParamRetyped
            | MethodParamMadeRequired
            | MethodParamValueRemoved
            | RateLimitHeadersChanged
            | ScopeRemoved
            | ScopeGrantsChanged
            | EntityRemoved
            | EntityAttributeRemoved
            | EntityAttributeRetyped
            // `Option<T>` ↔ `T`, either way.
            | EntityAttributeNullability
            | EntityAttributeOptionality
            | EntityValueRemoved
            | EntityExtendsChanged => Impact::Major,
            AttributeAddedOptional
            | GroupAdded
            | ReasonAdded
            | MethodAdded
            | MethodLifecycleChanged
            | MethodErrorAdded
            // Every request that was accepted still is; what
            // `Endpoint::params` yields changes, as for rate limits.
            | MethodParamAdded
            | MethodParamMadeOptional
            | MethodParamConditionChanged
            | MethodParamValueAdded
            | MethodParamDefaultChanged
            | MethodParamLifecycleChanged
            // Rate limits are data in `RATE_LIMITS`: no code stops
            // compiling, but what `Endpoint::rate_limits` yields changes.
            | RateLimitAdded
            | RateLimitRemoved
            | RateLimitChanged
            // `Scope` is `#[non_exhaustive]`; a deprecation adds a warning.
            | ScopeAdded
            | ScopeDatesChanged
            // Entity structs and enums are `#[non_exhaustive]`; a
            // deprecation adds a warning.
            | EntityAdded
            | EntityAttributeAdded
            | EntityValueAdded
            | EntityAttributeLifecycle => Impact::Minor,
            AttributeDescriptionChanged
            | HistoryEntryAdded
            | HistoryEntryRemoved
            | GroupTextChanged
            | ExplanationChanged
            | HeadingChanged
            | AnchorChanged
            | MethodParametersRenamed
            | MethodAddedInChanged
            | MethodDocsChanged
            | MethodParamAddedInChanged
            | MethodParamInternalChanged
            | EntityAttributeFormatChanged
            // What a defect costs or a fix restores shows as its own change.
            | LintFired
            | LintCleared => Impact::Patch,
        }
    }

    pub fn as_str(self) -> &'static str {
        use ChangeKind::*;
        match self {
            EntityRenamed => "entity_renamed",
            AttributeAddedOptional => "attribute_added_optional",
            AttributeAddedRequired => "attribute_added_required",
            AttributeRemoved => "attribute_removed",
            AttributeMadeOptional => "attribute_made_optional",
            AttributeMadeRequired => "attribute_made_required",
            AttributeTypeChanged => "attribute_type_changed",
            AttributeDescriptionChanged => "attribute_description_changed",
            HistoryEntryAdded => "history_entry_added",
            HistoryEntryRemoved => "history_entry_removed",
            GroupAdded => "group_added",
            GroupRemoved => "group_removed",
            GroupTextChanged => "group_text_changed",
            ReasonAdded => "reason_added",
            ReasonRemoved => "reason_removed",
            ReasonRenamed => "reason_renamed",
            ReasonMoved => "reason_moved",
            MessageChanged => "message_changed",
            MessageLiteralToPlaceholder => "message_literal_to_placeholder",
            MessagePlaceholderToLiteral => "message_placeholder_to_literal",
            ExplanationChanged => "explanation_changed",
            HeadingChanged => "heading_changed",
            AnchorChanged => "anchor_changed",
            MethodAdded => "method_added",
            MethodRemoved => "method_removed",
            MethodRenamed => "method_renamed",
            MethodMoved => "method_moved",
            MethodParametersRenamed => "method_parameters_renamed",
            MethodLifecycleChanged => "method_lifecycle_changed",
            MethodAuthorizationChanged => "method_authorization_changed",
            MethodAddedInChanged => "method_added_in_changed",
            MethodDocsChanged => "method_docs_changed",
            MethodErrorAdded => "method_error_added",
            MethodErrorRemoved => "method_error_removed",
            MethodErrorMessageChanged => "method_error_message_changed",
            MethodErrorStatusChanged => "method_error_status_changed",
            MethodParamAdded => "method_param_added",
            MethodParamAddedRequired => "method_param_added_required",
            MethodParamRemoved => "method_param_removed",
            MethodParamMoved => "method_param_moved",
            MethodParamRetyped => "method_param_retyped",
            MethodParamMadeRequired => "method_param_made_required",
            MethodParamMadeOptional => "method_param_made_optional",
            MethodParamConditionChanged => "method_param_condition_changed",
            MethodParamValueAdded => "method_param_value_added",
            MethodParamValueRemoved => "method_param_value_removed",
            MethodParamDefaultChanged => "method_param_default_changed",
            MethodParamLifecycleChanged => "method_param_lifecycle_changed",
            MethodParamAddedInChanged => "method_param_added_in_changed",
            MethodParamInternalChanged => "method_param_internal_changed",
            LintFired => "lint_fired",
            LintCleared => "lint_cleared",
            RateLimitAdded => "rate_limit_added",
            RateLimitRemoved => "rate_limit_removed",
            RateLimitChanged => "rate_limit_changed",
            RateLimitHeadersChanged => "rate_limit_headers_changed",
            ScopeAdded => "scope_added",
            ScopeRemoved => "scope_removed",
            ScopeGrantsChanged => "scope_grants_changed",
            ScopeDatesChanged => "scope_dates_changed",
            EntityAdded => "entity_added",
            EntityRemoved => "entity_removed",
            EntityAttributeAdded => "entity_attribute_added",
            EntityAttributeRemoved => "entity_attribute_removed",
            EntityAttributeRetyped => "entity_attribute_retyped",
            EntityAttributeFormatChanged => "entity_attribute_format_changed",
            EntityAttributeNullability => "entity_attribute_nullability",
            EntityAttributeOptionality => "entity_attribute_optionality",
            EntityValueAdded => "entity_value_added",
            EntityValueRemoved => "entity_value_removed",
            EntityAttributeLifecycle => "entity_attribute_lifecycle",
            EntityExtendsChanged => "entity_extends_changed",
        }
    }
}

/// One change between two versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub kind: ChangeKind,
    /// What changed: a variant name, an attribute name, or a status code.
    pub subject: String,
    /// The status of the reason, group or error response concerned.
    pub status: Option<u16>,
    /// The method page of a method's change (`statuses`), the entity page of
    /// an entity's (`entities/Status`), `None` for the Error page's.
    pub page: Option<String>,
    /// The value before and after, where the change has one.
    pub old: Option<String>,
    pub new: Option<String>,
}

impl Change {
    /// [`ChangeKind::impact`] of this change's kind.
    pub fn impact(&self) -> Impact {
        self.kind.impact()
    }
}

/// Every change between two versions, in a stable order: the entity, its
/// attributes, the status groups, then the reasons in the new page's order
/// and the removed ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diff {
    pub old_name: String,
    pub new_name: String,
    pub changes: Vec<Change>,
}

/// The output forms of [`Diff::render`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffFormat {
    /// For terminals.
    Text,
    /// A PR comment.
    Markdown,
    /// For bots.
    Json,
}

impl Diff {
    /// The largest impact of any change, or `None` when nothing changed.
    pub fn impact(&self) -> Option<Impact> {
        self.changes.iter().map(Change::impact).max()
    }

    pub fn render(&self, format: DiffFormat) -> String {
        match format {
            DiffFormat::Text => render::text(self),
            DiffFormat::Markdown => render::markdown(self),
            DiffFormat::Json => render::json(self),
        }
    }
}

/// Compares two versions of the page or its YAML copy. Both must be valid
/// specs; the first one that is not gives the error. `config`'s renames apply
/// to both, as they would in one build.
pub fn diff(old: &Source, new: &Source, config: &Config) -> Result<Diff, Error> {
    let old_view = view_of(old, config)?;
    let new_view = view_of(new, config)?;
    Ok(Diff {
        old_name: old.name().to_owned(),
        new_name: new.name().to_owned(),
        changes: compare::compare(&old_view, &new_view),
    })
}

/// Compares a module generated earlier with what `new` generates now. Only
/// what a module holds is compared, so description and version-history
/// changes do not show. `Ok(None)` when `old_module` cannot be read back,
/// for example after hand edits.
pub fn diff_generated(
    old_module: &str,
    old_name: &str,
    new: &Source,
    config: &Config,
) -> Result<Option<Diff>, Error> {
    let new_view = view_of(new, config)?;
    let Some(old_view) = read_back::read_back(old_module) else {
        return Ok(None);
    };
    Ok(Some(Diff {
        old_name: old_name.to_owned(),
        new_name: new.name().to_owned(),
        changes: compare::compare(&old_view, &new_view),
    }))
}

/// Which page two versions of are compared beside the same method pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiPage {
    /// `content/en/api/rate-limits.md`, or its YAML copy.
    RateLimits,
    /// `content/en/api/oauth-scopes.md`, or its YAML copy.
    OauthScopes,
}

/// Compares two versions of the rate-limits or the OAuth scopes page (or
/// their copies), each read with the method pages at `methods` and the
/// configured other page: limits, headers and scopes added, removed or
/// changed, and what the methods' scopes resolve to.
pub fn diff_api_page(
    error_page: &Source,
    methods: &std::path::Path,
    page: ApiPage,
    old: &std::path::Path,
    new: &std::path::Path,
    config: &Config,
) -> Result<Diff, Error> {
    let methods_input = crate::pages::methods::load(methods)?;
    // The other page as configured; the compared one comes from each side.
    let mut others = config.clone();
    match page {
        ApiPage::RateLimits => others.rate_limits = None,
        ApiPage::OauthScopes => others.scopes = None,
    }
    let loaded = crate::LoadedExtras::load(&others)?;
    let configured = loaded.extras();
    let view = |path: &std::path::Path| -> Result<ApiView, Error> {
        let (rate_limits_input, scopes_input) = match page {
            ApiPage::RateLimits => (Some(crate::pages::rate_limits::load(path)?), None),
            ApiPage::OauthScopes => (None, Some(crate::pages::scopes::load(path)?)),
        };
        let extras = crate::ApiExtras {
            rate_limits: rate_limits_input.as_ref().or(configured.rate_limits),
            scopes: scopes_input.as_ref().or(configured.scopes),
        };
        api_view(error_page, &methods_input, extras, config)
    };
    Ok(Diff {
        old_name: old.display().to_string(),
        new_name: new.display().to_string(),
        changes: compare::compare(&view(old)?, &view(new)?),
    })
}

/// Compares two versions of the method pages, each a folder of pages or a
/// YAML copy, both read against one Error page: methods, their documented
/// errors, and the reasons that only method pages document.
pub fn diff_api(
    error_page: &Source,
    old: &std::path::Path,
    new: &std::path::Path,
    config: &Config,
) -> Result<Diff, Error> {
    let old_methods = crate::pages::methods::load(old)?;
    let new_methods = crate::pages::methods::load(new)?;
    api_diff(error_page, &old_methods, &new_methods, config)
}

/// [`diff_api`] for two YAML copies already in memory.
pub fn diff_api_copies(
    error_page: &Source,
    old: &Source,
    new: &Source,
    config: &Config,
) -> Result<Diff, Error> {
    let old_methods = crate::pages::methods::load_copy(old.clone())?;
    let new_methods = crate::pages::methods::load_copy(new.clone())?;
    api_diff(error_page, &old_methods, &new_methods, config)
}

/// Compares a module generated earlier, with `Endpoint`, to what the Error
/// page and the method pages at `methods` generate now. `Ok(None)` when the
/// module cannot be read back.
pub fn diff_generated_api(
    old_module: &str,
    old_name: &str,
    error_page: &Source,
    methods: &std::path::Path,
    config: &Config,
) -> Result<Option<Diff>, Error> {
    let new_methods = crate::pages::methods::load(methods)?;
    // Read once, for both sides.
    let loaded = crate::LoadedExtras::load(config)?;
    let extras = loaded.extras();
    let new_view = api_view(error_page, &new_methods, extras, config)?;
    // A module holds no lints: compare facts only.
    let new_view = ApiView {
        lints: Vec::new(),
        ..new_view
    };
    let Some(old_view) = read_back::read_back(old_module) else {
        return Ok(None);
    };
    Ok(Some(Diff {
        old_name: old_name.to_owned(),
        new_name: new_methods.1.name.clone(),
        changes: compare::compare(&old_view, &new_view),
    }))
}

type Methods = (
    crate::pages::methods::MethodsInput,
    crate::gate::InputOrigin,
);

fn api_diff(
    error_page: &Source,
    old: &Methods,
    new: &Methods,
    config: &Config,
) -> Result<Diff, Error> {
    // Read once, for both sides.
    let loaded = crate::LoadedExtras::load(config)?;
    let extras = loaded.extras();
    let old_view = api_view(error_page, old, extras, config)?;
    let new_view = api_view(error_page, new, extras, config)?;
    Ok(Diff {
        old_name: old.1.name.clone(),
        new_name: new.1.name.clone(),
        changes: compare::compare(&old_view, &new_view),
    })
}

fn api_view(
    error_page: &Source,
    methods: &Methods,
    extras: crate::ApiExtras<'_>,
    config: &Config,
) -> Result<ApiView, Error> {
    let (view, _lints) = crate::with_checked_api(
        error_page,
        &methods.0,
        extras,
        config,
        |checked, endpoints, resolved| {
            ApiView::of_api(checked, endpoints)
                .with_rate_limits(resolved.rate_limits.as_ref())
                .with_scopes(&resolved.scopes)
        },
    )?;
    Ok(view.with_lints(&methods.0.spec))
}

fn view_of(source: &Source, config: &Config) -> Result<ApiView, Error> {
    let spec = parse(source)?;
    let checked = validate::check(source, &spec, &config.renames)?;
    Ok(ApiView::of_checked(&checked))
}

/// What changed between two views, for callers in the crate that built them.
pub(crate) fn compare_views(old: &ApiView, new: &ApiView) -> Vec<Change> {
    compare::compare(old, new)
}
