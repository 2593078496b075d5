//! The method pages against the Error page: one catalogue of reasons, and
//! one named, routable endpoint per documented method.
//!
//! The catalogue is the Error page's reasons plus the reasons that only the
//! method pages document. Each documented error example is assigned by these
//! rules, in order:
//!
//! 1. An OAuth error (the body has `error_description`, or `error` is an
//!    OAuth code, [`OAUTH_ERROR_CODES`]) is a reason of its own, one per
//!    status and code, named after the code: `invalid_grant` → `InvalidGrant`.
//! 2. A message that an Error page reason of the same status gives literally
//!    is that reason (`404 Record not found` → `RecordNotFound`).
//! 3. A message that is an instance of an Error page template reason of the
//!    same status is that reason: a template with literal text that fits it;
//!    what Rails sends for the exception a `{string}` reason is named after
//!    ([`RAILS_MESSAGES`]: 422 `Validation failed: …` is `RecordInvalid`); or
//!    a message whose name (by rule 4) is the name of a reason whose whole
//!    message is a placeholder (`429 Too many requests` → `TooManyRequests`).
//! 4. Any other message is a reason of its own, one per status and message,
//!    named by the Error page's naming rule with the message as its heading:
//!    `401 The access token is invalid` → `TheAccessTokenIsInvalid`. A
//!    reserved example domain in it (`example.com`, `mastodon.example`) is the
//!    docs' stand-in for any domain, so the reason's message is a template
//!    there: `You have already imposed stricter limits on {domain}.`
//!
//! Each example also gets the strength `Reason::classify` gives its message:
//! exact, a template's literal words, or the status alone.
//!
//! A name can be chosen with `Config::rename("401 The access token is invalid", "Name")`
//! or `reason_names:` in the YAML copy; choosing the name of an Error page
//! template reason of the same status makes the message an instance of it.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use crate::diagnostic::{Diagnostic, Error};
use crate::ident;
use crate::lint::{self, Found};
use crate::model::methods::{Method, MethodPage, MethodSpec};
use crate::model::{Inline, Message, OAUTH_ERROR_CODES, RAILS_MESSAGES, Reason, Spec, StatusGroup};
use crate::source::Source;

/// The method pages as read, with the sources their spans point into.
pub(crate) struct MethodsInput {
    pub spec: MethodSpec,
    pub sources: Vec<Source>,
    /// For each page, the index in `sources` of the text its spans point into.
    pub page_source: Vec<usize>,
    /// Where each of the copy's `reason_names` is (a YAML copy's only).
    pub reason_name_spans: BTreeMap<String, Range<usize>>,
    /// The docs defects found on the pages, in page order: the readers' own
    /// diagnostics, or for a YAML copy its records, pointing into the copy.
    pub lints: Vec<Found>,
}

/// Where an example's reason sits in the augmented spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct ReasonRef {
    pub group: usize,
    pub index: usize,
}

/// How a message matches its reasons, as `Reason::classify` says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Strength {
    /// The documented message, word for word.
    Exact,
    /// The literal words of a documented template.
    Template,
    /// The status alone: the reason's whole message is a placeholder.
    StatusOnly,
}

impl Strength {
    /// The generated `Match` variant's name.
    pub fn variant(self) -> &'static str {
        match self {
            Strength::Exact => "Exact",
            Strength::Template => "Template",
            Strength::StatusOnly => "StatusOnly",
        }
    }
}

/// An example's reasons (several when they share its message) and how it matches them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Assignment {
    pub reasons: Vec<ReasonRef>,
    pub strength: Strength,
}

/// The Error page with the method pages' own reasons added to its groups,
/// and the reasons of every method's examples (methods in page order).
pub(crate) struct Catalogue {
    pub spec: Spec,
    /// Page, method, example: the example's reasons.
    pub example_reasons: Vec<Vec<Vec<Assignment>>>,
}

/// One method, named and routed.
pub(crate) struct Endpoint<'a> {
    pub page: &'a MethodPage,
    /// The page's index in the input, for lints at the page.
    pub page_index: usize,
    pub method: &'a Method,
    pub variant: String,
    pub docs_url: String,
    /// The path without its query, split into segments; `None` for a `:parameter`.
    pub route: Vec<Option<&'a str>>,
    /// For each example, its reasons in the augmented spec.
    pub example_reasons: &'a [Assignment],
}

impl MethodsInput {
    fn source_of(&self, page: usize) -> &Source {
        &self.sources[self.page_source[page]]
    }

    pub(crate) fn error_at(&self, page: usize, diagnostic: Diagnostic) -> Error {
        Error::single(self.source_of(page).clone(), diagnostic)
    }

    pub(crate) fn lint_at(
        &self,
        page: usize,
        lint: &'static lint::Lint,
        diagnostic: Diagnostic,
    ) -> Found {
        Found {
            lint,
            source: self.source_of(page).clone(),
            diagnostic,
        }
    }
}

/// A reason that only the method pages document, while it is collected.
struct Derived {
    status: u16,
    status_text: String,
    /// The message (a template where the example names an example domain), or the OAuth code.
    message: String,
    /// The first example's message as documented.
    documented: String,
    name: String,
    oauth: bool,
    /// The first method that documents it, for the docs link.
    first: (usize, usize),
}

/// Rename keys for method-derived reasons: `401 The access token is invalid`.
pub(crate) fn is_reason_key(key: &str) -> bool {
    key.len() > 4 && key.as_bytes()[..3].iter().all(u8::is_ascii_digit) && key.as_bytes()[3] == b' '
}

/// Rename keys for endpoints: `GET /api/v1/statuses/:id`.
pub(crate) fn is_endpoint_key(key: &str) -> bool {
    key.split_once(' ').is_some_and(|(method, path)| {
        method.chars().all(|c| c.is_ascii_uppercase()) && path.starts_with('/')
    })
}

/// Builds the catalogue. `page_variants` are the Error page reasons' names,
/// as `validate::check` gave them, in page order.
pub(crate) fn catalogue(
    page: &Spec,
    page_variants: &[String],
    input: &MethodsInput,
    renames: &BTreeMap<String, String>,
    docs_site: &str,
) -> Result<Catalogue, Error> {
    let mut errors = Vec::new();
    // Each page reason with its place and its variant (`page_variants` is in page order).
    let page_reasons: Vec<(ReasonRef, &Reason, &str)> = page
        .groups
        .iter()
        .enumerate()
        .flat_map(|(group, reasons)| {
            reasons
                .reasons
                .iter()
                .enumerate()
                .map(move |(index, reason)| (ReasonRef { group, index }, reason))
        })
        .zip(page_variants)
        .map(|((place, reason), variant)| (place, reason, variant.as_str()))
        .collect();
    let mut derived: Vec<Derived> = Vec::new();
    let mut derived_by_key: HashMap<(u16, String), usize> = HashMap::new();
    let mut used_names: Vec<&str> = Vec::new();
    // Each example's assignment: the page reasons, or a derived reason.
    enum Assigned {
        Page(Vec<ReasonRef>, Strength),
        Derived(usize),
    }
    let mut assigned: Vec<Vec<Vec<Assigned>>> = Vec::new();
    for (page_index, method_page) in input.spec.pages.iter().enumerate() {
        let mut page_assigned = Vec::new();
        for (method_index, method) in method_page.methods.iter().enumerate() {
            let mut method_assigned = Vec::new();
            for example in &method.errors {
                let status = example.status;
                let oauth = example.error_description.is_some()
                    || OAUTH_ERROR_CODES.contains(&example.error.as_str());
                let in_group = |predicate: &dyn Fn(&Reason, &str) -> bool| -> Vec<ReasonRef> {
                    page_reasons
                        .iter()
                        .filter(|(place, reason, variant)| {
                            page.groups[place.group].code == status && predicate(reason, variant)
                        })
                        .map(|&(place, _, _)| place)
                        .collect()
                };
                if !oauth {
                    // Rule 2: a literal of the page.
                    let literal = in_group(&|r, _| {
                        !r.message.is_template() && r.message.text == example.error
                    });
                    if !literal.is_empty() {
                        method_assigned.push(Assigned::Page(literal, Strength::Exact));
                        continue;
                    }
                    // Rule 3: an instance of a page template.
                    let fits_template = in_group(&|r, _| {
                        r.message.is_template()
                            && r.message.pieces().iter().any(|piece| !piece.is_empty())
                            && fits(&example.error, &r.message.pieces())
                    });
                    if !fits_template.is_empty() {
                        method_assigned.push(Assigned::Page(fits_template, Strength::Template));
                        continue;
                    }
                }
                let key = format!("{status} {}", example.error);
                let configured = renames
                    .get(&key)
                    .or_else(|| input.spec.reason_names.get(&key))
                    .map(String::as_str);
                if let Some((used, _)) = renames.get_key_value(&key) {
                    used_names.push(used);
                }
                if let Some((used, _)) = input.spec.reason_names.get_key_value(&key) {
                    used_names.push(used);
                }
                let named = match configured {
                    Some(name) => ident::checked_override(name),
                    None => ident::variant_name(&example.error),
                };
                let name = match named {
                    Ok(name) => name,
                    Err(problem) => {
                        errors.push(input.error_at(
                            page_index,
                            Diagnostic::error(example.span.clone(), format!("the reason for `{key}` gets no name: {}", problem.describe()))
                                .help(format!("name it with `reason_names: {{\"{key}\": Name}}` in the YAML copy, or `Config::rename(\"{key}\", \"Name\")`")),
                        ));
                        continue;
                    }
                };
                if !oauth {
                    // What Rails sends for the exception a `{string}` reason is named after.
                    let rails = in_group(&|r, _| {
                        configured.is_none()
                            && r.message.is_bare_placeholder()
                            && RAILS_MESSAGES.iter().any(|&(heading, code, start)| {
                                r.heading == heading
                                    && code == status
                                    && example.error.starts_with(start)
                            })
                    });
                    if !rails.is_empty() {
                        method_assigned.push(Assigned::Page(rails, Strength::Template));
                        continue;
                    }
                    // Named like a reason that any message of its status fits.
                    let named =
                        in_group(&|r, variant| r.message.is_bare_placeholder() && variant == name);
                    if !named.is_empty() {
                        method_assigned.push(Assigned::Page(named, Strength::StatusOnly));
                        continue;
                    }
                }
                // Rules 1 and 4: a reason of its own.
                let message = match oauth {
                    false => example_domains_as_placeholders(&example.error),
                    true => None,
                };
                let templated = message.is_some();
                let message = message.unwrap_or_else(|| example.error.clone());
                let name = match (templated, configured) {
                    (true, None) => ident::variant_name(&message).unwrap_or(name),
                    _ => name,
                };
                let index = *derived_by_key
                    .entry((status, message.clone()))
                    .or_insert_with(|| {
                        derived.push(Derived {
                            status,
                            status_text: example.status_text.clone(),
                            message,
                            documented: example.error.clone(),
                            name,
                            oauth,
                            first: (page_index, method_index),
                        });
                        derived.len() - 1
                    });
                method_assigned.push(Assigned::Derived(index));
            }
            page_assigned.push(method_assigned);
        }
        assigned.push(page_assigned);
    }
    for key in renames.keys().filter(|key| is_reason_key(key)) {
        if !used_names.contains(&key.as_str()) {
            errors.push(Error::single(
                input.sources[0].clone(),
                Diagnostic::error(0..0, format!("the configured rename `{key}` matches no error example of the method pages"))
                    .help("a method reason's key is its status and message as documented, e.g. `401 The access token is invalid`"),
            ));
        }
    }
    for (key, span) in &input.reason_name_spans {
        if !used_names.contains(&key.as_str()) {
            errors.push(Error::single(
                input.sources[0].clone(),
                Diagnostic::error(span.clone(), format!("`reason_names` names `{key}`, which matches no error example"))
                    .help("a key is an error example's status and message as documented, e.g. `401 The access token is invalid`; remove the entry, or fix its key"),
            ));
        }
    }
    // Names must not collide with the page's reasons or with each other.
    let mut taken: HashMap<String, String> = page_variants
        .iter()
        .map(|variant| {
            (
                variant.clone(),
                format!("the Error page reason `{variant}`"),
            )
        })
        .collect();
    for reason in &derived {
        let what = format!("{} {}", reason.status, reason.message);
        let (page_index, method_index) = reason.first;
        let method = &input.spec.pages[page_index].methods[method_index];
        let example = method
            .errors
            .iter()
            .find(|e| e.status == reason.status && e.error == reason.documented)
            .expect("the first method documents it");
        if let Some(other) = taken.get(&reason.name) {
            errors.push(input.error_at(
                page_index,
                Diagnostic::error(example.span.clone(), format!("the reason for `{what}` would be named `{}`, like {other}", reason.name))
                    .label("this example")
                    .help(format!("name it with `reason_names: {{\"{what}\": Name}}` in the YAML copy, or `Config::rename(\"{what}\", \"Name\")`")),
            ));
            continue;
        }
        if reason.documented.contains('{') && reason.documented.contains('}') {
            errors.push(input.error_at(
                page_index,
                Diagnostic::error(example.span.clone(), format!("the message `{}` has `{{…}}`, which the catalogue would read as a placeholder", reason.documented))
                    .help("this generator cannot keep such a message literal yet; please report it"),
            ));
            continue;
        }
        taken.insert(reason.name.clone(), format!("the reason for `{what}`"));
    }
    if let Some(error) = Error::combine(errors) {
        return Err(error);
    }

    // The augmented spec: derived reasons after the page's own, new statuses in order.
    let mut spec = page.clone();
    let mut derived_refs = Vec::with_capacity(derived.len());
    for reason in &derived {
        let group = match spec.groups.iter().position(|g| g.code == reason.status) {
            Some(group) => group,
            None => {
                let at = spec.groups.partition_point(|g| g.code < reason.status);
                spec.groups.insert(
                    at,
                    StatusGroup {
                        code: reason.status,
                        text: reason.status_text.clone(),
                        anchor: None,
                        span: 0..0,
                        reasons: Vec::new(),
                    },
                );
                // Earlier derived reasons in later groups move down one.
                for existing in &mut derived_refs {
                    let existing: &mut ReasonRef = existing;
                    if existing.group >= at {
                        existing.group += 1;
                    }
                }
                at
            }
        };
        let (page_index, method_index) = reason.first;
        let method_page = &input.spec.pages[page_index];
        let method = &method_page.methods[method_index];
        let kind = if reason.oauth {
            "An OAuth error"
        } else {
            "An error"
        };
        spec.groups[group].reasons.push(Reason {
            heading: reason.message.clone(),
            heading_span: 0..0,
            anchor: None,
            is_group_reason: false,
            name_override: Some(reason.name.clone()),
            message: Message {
                text: reason.message.clone(),
                span: 0..0,
            },
            // Facts that change only when that method does, so the module
            // and its diffs stay quiet when other methods come and go.
            explanation: vec![
                Inline::Text(format!(
                    "{kind} that the API method pages document, first for "
                )),
                Inline::Code(format!("{} {}", method.http_method, method.path)),
                Inline::Text(".".to_owned()),
            ],
            docs_url: Some(method_docs_url(docs_site, method_page, method)),
            oauth: reason.oauth,
        });
        derived_refs.push(ReasonRef {
            group,
            index: spec.groups[group].reasons.len() - 1,
        });
    }
    // Page reasons keep their place within a group; their group index may have moved.
    let page_group_now = |group: usize| {
        let code = page.groups[group].code;
        spec.groups
            .iter()
            .position(|g| g.code == code)
            .expect("page groups are kept")
    };
    let example_reasons = assigned
        .into_iter()
        .map(|page_assigned| {
            page_assigned
                .into_iter()
                .map(|method_assigned| {
                    method_assigned
                        .into_iter()
                        .map(|a| match a {
                            Assigned::Page(refs, strength) => Assignment {
                                reasons: refs
                                    .into_iter()
                                    .map(|r| ReasonRef {
                                        group: page_group_now(r.group),
                                        index: r.index,
                                    })
                                    .collect(),
                                strength,
                            },
                            Assigned::Derived(index) => Assignment {
                                reasons: vec![derived_refs[index]],
                                strength: if derived[index].message == derived[index].documented {
                                    Strength::Exact
                                } else {
                                    Strength::Template
                                },
                            },
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    Ok(Catalogue {
        spec,
        example_reasons,
    })
}

/// The message with every reserved example domain (RFC 2606 and RFC 6761:
/// `example.com`, `example.net`, `example.org` and their subdomains, and any
/// name under `.example`) as a `{domain}` placeholder; `None` when it has none.
fn example_domains_as_placeholders(message: &str) -> Option<String> {
    let mut out = String::with_capacity(message.len());
    let mut replaced = false;
    for (index, word) in message.split(' ').enumerate() {
        if index > 0 {
            out.push(' ');
        }
        let core = word.trim_matches(|c: char| !c.is_ascii_alphanumeric());
        if is_example_domain(core) {
            let start = word.find(core).unwrap_or(0);
            out.push_str(&word[..start]);
            out.push_str("{domain}");
            out.push_str(&word[start + core.len()..]);
            replaced = true;
        } else {
            out.push_str(word);
        }
    }
    replaced.then_some(out)
}

fn is_example_domain(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    let labels: Vec<&str> = name.split('.').collect();
    let well_formed = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    let reserved = |suffix: &str| name == suffix || name.ends_with(&format!(".{suffix}"));
    well_formed
        && (labels.last() == Some(&"example")
            || ["example.com", "example.net", "example.org"]
                .into_iter()
                .any(reserved))
}

/// Whether `message` fits a template's literal pieces, in order: the rule the
/// generated `matches_template` applies at run time.
fn fits(message: &str, pieces: &[&str]) -> bool {
    let [first, middle @ .., last] = pieces else {
        return pieces.first().is_some_and(|only| *only == message);
    };
    let Some(mut rest) = message.strip_prefix(first) else {
        return false;
    };
    for piece in middle {
        match rest.find(piece) {
            Some(at) => rest = &rest[at + piece.len()..],
            None => return false,
        }
    }
    rest.ends_with(last)
}

/// `https://docs.joinmastodon.org/methods/statuses/#create`.
pub(crate) fn method_docs_url(site: &str, page: &MethodPage, method: &Method) -> String {
    let site = site.trim_end_matches('/');
    format!("{site}/methods/{}/#{}", page.path, fragment(method))
}

/// The naming rule for endpoints: the page's path, then the method's anchor
/// (or, for a section without one, the id Hugo gives its heading), split into
/// words at anything not a letter or digit, in UpperCamelCase:
/// `statuses#create` → `StatusesCreate`, `admin/accounts#get` → `AdminAccountsGet`.
/// The docs keep anchors stable because links point at them; paths get fixed
/// and parameters renamed (`tags/:id` became `tags/:name`), so names do not use them.
pub(crate) fn endpoint_name(page: &str, fragment: &str) -> String {
    let words = format!("{page} {fragment}").replace(|c: char| !c.is_ascii_alphanumeric(), " ");
    heck::ToUpperCamelCase::to_upper_camel_case(words.as_str())
}

/// The method's anchor, or the id Hugo derives from its heading when it has
/// none (lowercase, spaces to `-`, other punctuation dropped).
pub(crate) fn fragment(method: &Method) -> String {
    match &method.anchor {
        Some(anchor) => anchor.clone(),
        None => heading_id(&method.title),
    }
}

/// The id Hugo gives a heading without an anchor: lowercase, spaces to `-`,
/// other punctuation dropped.
fn heading_id(title: &str) -> String {
    title
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The documented path without its query: `/api/v1/timelines/link?url=:url` → `/api/v1/timelines/link`.
pub(crate) fn route_path(path: &str) -> &str {
    path.split('?').next().unwrap_or(path)
}

/// The segments of a documented path without its query, as the router
/// matches them (an empty one is a docs defect the caller reports).
pub(crate) fn path_segments(path: &str) -> Vec<&str> {
    let path = route_path(path);
    path.strip_prefix('/').unwrap_or(path).split('/').collect()
}

/// What routes a path: its segments, `None` for a `:parameter`.
pub(crate) fn route<'p>(segments: &[&'p str]) -> Vec<Option<&'p str>> {
    segments
        .iter()
        .map(|s| (!s.starts_with(':')).then_some(*s))
        .collect()
}

/// Names and routes every method, reporting every collision. A route no
/// request could reach is a docs defect: that method is left out, with a lint.
pub(crate) fn endpoints<'a>(
    input: &'a MethodsInput,
    catalogue: &'a Catalogue,
    renames: &BTreeMap<String, String>,
    docs_site: &str,
) -> Result<(Vec<Endpoint<'a>>, Vec<Found>), Error> {
    let mut errors = Vec::new();
    let mut lints = Vec::new();
    let mut endpoints: Vec<Endpoint<'a>> = Vec::new();
    let mut by_name: HashMap<String, (usize, String)> = HashMap::new();
    let mut by_route: HashMap<(String, Vec<Option<&str>>), String> = HashMap::new();
    let mut used_renames: Vec<&str> = Vec::new();
    for (page_index, page) in input.spec.pages.iter().enumerate() {
        for (method_index, method) in page.methods.iter().enumerate() {
            let request = format!("{} {}", method.http_method, method.path);
            let span: Range<usize> = method.request_span.clone();
            // The router compares methods as written, and `http::Method` takes them as tokens.
            if !method.http_method.bytes().all(|b| b.is_ascii_uppercase()) {
                errors.push(input.error_at(
                    page_index,
                    Diagnostic::error(span, format!("`{}` is not an HTTP method", method.http_method))
                        .help("write the method in capitals, as the docs do: `GET`, `POST`, `PUT`, `PATCH` or `DELETE`"),
                ));
                continue;
            }
            let configured = renames.get_key_value(&request);
            used_renames.extend(configured.map(|(key, _)| key.as_str()));
            let anchor_taken = method.anchor.as_ref().is_some_and(|anchor| {
                page.methods[..method_index]
                    .iter()
                    .any(|earlier| earlier.anchor.as_ref() == Some(anchor))
            });
            let name = match configured
                .map(|(_, name)| name)
                .or(method.name_override.as_ref())
            {
                Some(name) => ident::checked_override(name),
                // Named as a section without an anchor is: by its heading.
                None if anchor_taken => {
                    let name = endpoint_name(&page.path, &heading_id(&method.title));
                    lints.push(input.lint_at(
                        page_index,
                        &lint::DUPLICATE_ANCHOR,
                        Diagnostic::defect(
                            method.title_span.clone(),
                            format!("`{request}` has the anchor `#{}`, like an earlier method on the page", method.anchor.as_deref().unwrap_or_default()),
                            format!("named it `{name}` by its heading, as a section without an anchor is named"),
                        )
                        .help("each method's heading needs an anchor of its own; `Config::rename` names it if the heading's name is not wanted"),
                    ));
                    ident::checked_override(&name)
                }
                None => ident::checked_override(&endpoint_name(&page.path, &fragment(method))),
            };
            let name = match name {
                Ok(name) => name,
                Err(problem) => {
                    errors.push(input.error_at(
                        page_index,
                        Diagnostic::error(span, format!("the method `{request}` gets no variant name: {}", problem.describe()))
                            .help(format!("name it with `name:` in the YAML copy, or `Config::rename(\"{request}\", \"Name\")`")),
                    ));
                    continue;
                }
            };
            if let Some((first_page, first)) = by_name.get(&name) {
                errors.push(input.error_at(
                    page_index,
                    Diagnostic::error(span.clone(), format!("`{request}` would be named `{name}`, like `{first}` ({}.md)", input.spec.pages[*first_page].path))
                        .label("this method")
                        .help(format!("name one of them with `name:` in the YAML copy, or `Config::rename(\"{request}\", \"Name\")`")),
                ));
                continue;
            }
            let path = route_path(&method.path);
            let segments = path_segments(path);
            if segments.iter().any(|s| s.is_empty() || *s == ":") && path != "/" {
                lints.push(input.lint_at(
                    page_index,
                    &lint::EMPTY_PATH_SEGMENT,
                    Diagnostic::defect(
                        span.clone(),
                        format!("the path of `{request}` has an empty segment"),
                        format!("left out `{request}`: the router cannot match it"),
                    )
                    .help("the path should be written as the server routes it, e.g. `/api/v1/statuses/:id`"),
                ));
                continue;
            }
            let route = route(&segments);
            let shape = (method.http_method.clone(), route.clone());
            if let Some(first) = by_route.get(&shape) {
                lints.push(input.lint_at(
                    page_index,
                    &lint::DUPLICATE_ROUTE,
                    Diagnostic::defect(
                        span.clone(),
                        format!("`{request}` routes like `{first}`: no request could tell them apart"),
                        format!("left out `{request}`; `{first}`, earlier in page order, keeps the route"),
                    )
                    .label("this method")
                    .help("two methods with the same HTTP method need paths that differ in a literal segment"),
                ));
                continue;
            }
            by_route.insert(shape, request.clone());
            by_name.insert(name.clone(), (page_index, request));
            endpoints.push(Endpoint {
                page,
                page_index,
                method,
                variant: name,
                docs_url: method_docs_url(docs_site, page, method),
                route,
                example_reasons: &catalogue.example_reasons[page_index][method_index],
            });
        }
    }
    for key in renames.keys().filter(|key| is_endpoint_key(key)) {
        if !used_renames.contains(&key.as_str()) {
            errors.push(Error::single(
                input.sources[0].clone(),
                Diagnostic::error(0..0, format!("the configured rename `{key}` matches no method"))
                    .help("a method's key is its HTTP method and path as documented, e.g. `GET /api/v1/statuses/:id`"),
            ));
        }
    }
    match Error::combine(errors) {
        Some(error) => Err(error),
        None => Ok((endpoints, lints)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn method(anchor: Option<&str>, title: &str) -> Method {
        Method {
            title: title.to_owned(),
            title_span: 0..0,
            anchor: anchor.map(str::to_owned),
            http_method: "GET".to_owned(),
            path: "/api/v1/x".to_owned(),
            request_span: 0..0,
            auth: Default::default(),
            added_in: None,
            lifecycle: crate::model::methods::Lifecycle::Current,
            lifecycle_since: None,
            errors: Vec::new(),
            returns: None,
            name_override: None,
        }
    }

    #[test]
    fn endpoints_are_named_by_page_and_anchor() {
        assert_eq!(
            endpoint_name(
                "statuses",
                &fragment(&method(Some("create"), "Post a new status"))
            ),
            "StatusesCreate"
        );
        assert_eq!(
            endpoint_name("admin/accounts", &fragment(&method(Some("get-one"), "x"))),
            "AdminAccountsGetOne"
        );
        assert_eq!(
            endpoint_name(
                "accounts",
                &fragment(&method(Some("verify_credentials"), "x"))
            ),
            "AccountsVerifyCredentials"
        );
        // No anchor: Hugo's id for the heading.
        let avatar = method(None, "Delete profile avatar");
        assert_eq!(fragment(&avatar), "delete-profile-avatar");
        assert_eq!(
            endpoint_name("profile", &fragment(&avatar)),
            "ProfileDeleteProfileAvatar"
        );
        assert_eq!(
            fragment(&method(None, "Update the filtering policy (v2)")),
            "update-the-filtering-policy-v2"
        );
    }

    #[test]
    fn rename_keys_are_told_apart() {
        assert!(is_reason_key("401 The access token is invalid"));
        assert!(!is_reason_key("#not-found"));
        assert!(is_endpoint_key("GET /api/v1/statuses/:id"));
        assert!(!is_endpoint_key("RecordNotFound"));
        assert!(!is_endpoint_key("429 - Too many requests"));
    }

    #[test]
    fn example_domains_become_placeholders() {
        assert_eq!(
            example_domains_as_placeholders(
                "You have already imposed stricter limits on example.com."
            )
            .as_deref(),
            Some("You have already imposed stricter limits on {domain}.")
        );
        assert_eq!(
            example_domains_as_placeholders("Blocked (mastodon.example) and `sub.example.org`")
                .as_deref(),
            Some("Blocked ({domain}) and `{domain}`")
        );
        for untouched in [
            "Record not found",
            "example is not a domain",
            "notexample.com is real",
            "e.g. example",
        ] {
            assert_eq!(
                example_domains_as_placeholders(untouched),
                None,
                "{untouched}"
            );
        }
    }

    #[test]
    fn templates_fit_by_their_literal_pieces() {
        assert!(fits("Validation failed: x", &["Validation failed: ", ""]));
        assert!(!fits("Nope", &["Validation failed: ", ""]));
    }
}
