//! The method pages against the Error page: one catalogue of reasons.
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

use crate::check::naming::{is_reason_key, method_docs_url};
use crate::diagnostic::{Diagnostic, Error};
use crate::ident;
use crate::model::{Inline, Message, OAUTH_ERROR_CODES, RAILS_MESSAGES, Reason, Spec, StatusGroup};
use crate::pages::methods::MethodsInput;

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

#[cfg(test)]
mod tests {
    use super::*;

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
