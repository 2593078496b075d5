//! Semantic checks on the model, shared by every input format, and the
//! resolved names and types that emission needs.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use crate::diagnostic::{Diagnostic, Errors};
use crate::ident::{self, FieldName};
use crate::model::{Attribute, Reason, Spec, StatusGroup};
use crate::pages::error::status_out_of_range;
use crate::sink::Sink;
use crate::source::Source;

/// Names the generated module defines besides the entity; the title must not take one.
pub(crate) const RESERVED_TYPE_NAMES: &[&str] = &[
    "Reason",
    "Classification",
    "StatusGroup",
    "ParseReasonError",
];

/// A spec that passed every check, with names and types resolved.
#[derive(Debug)]
pub struct Checked<'a> {
    pub spec: &'a Spec,
    pub entity_name: String,
    pub fields: Vec<CheckedField<'a>>,
    pub reasons: Vec<CheckedReason<'a>>,
}

#[derive(Debug)]
pub struct CheckedField<'a> {
    pub attribute: &'a Attribute,
    pub name: FieldName,
    pub ty: FieldType,
}

/// The Rust type of an attribute, from its `Type:` text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldType {
    String,
    Integer,
    Boolean,
    Float,
    Array(Box<FieldType>),
    Optional(Box<FieldType>),
}

#[derive(Debug)]
pub struct CheckedReason<'a> {
    pub reason: &'a Reason,
    pub group: &'a StatusGroup,
    /// Index of `group` in `Spec::groups`.
    pub group_index: usize,
    pub variant: String,
    pub stable_name: String,
}

/// Runs every check, reporting all problems together.
pub fn check<'a>(
    source: &Source,
    spec: &'a Spec,
    renames: &BTreeMap<String, String>,
) -> Result<Checked<'a>, Errors> {
    let mut sink = Sink::default();
    let entity_name = check_entity_name(spec, &mut sink);
    let fields = check_fields(spec, &mut sink);
    check_groups(spec, &mut sink);
    let reasons = check_reasons(spec, renames, &mut sink);
    check_anchors(spec, &mut sink);
    sink.into_result(
        source,
        Checked {
            spec,
            entity_name,
            fields,
            reasons,
        },
    )
}

fn check_entity_name(spec: &Spec, sink: &mut Sink) -> String {
    match ident::variant_name(&spec.title) {
        Ok(name) if RESERVED_TYPE_NAMES.contains(&name.as_str()) => {
            sink.push(
                Diagnostic::error(spec.title_span.clone(), format!("the title gives the entity name `{name}`, which the generated module already uses"))
                    .help(format!("the module also defines {}; retitle the page", RESERVED_TYPE_NAMES.join(", "))),
            );
            name
        }
        Ok(name) => name,
        Err(problem) => {
            sink.push(
                Diagnostic::error(
                    spec.title_span.clone(),
                    format!("the title `{}` {}", spec.title, problem.describe()),
                )
                .help("the title names the entity struct; use a title such as `Error`"),
            );
            String::new()
        }
    }
}

fn check_fields<'a>(spec: &'a Spec, sink: &mut Sink) -> Vec<CheckedField<'a>> {
    let mut fields = Vec::new();
    let mut seen: HashMap<String, &Attribute> = HashMap::new();
    for attribute in &spec.attributes {
        let name = match ident::field_name(&attribute.name) {
            Ok(name) => name,
            Err(_) => {
                sink.push(
                    Diagnostic::error(attribute.span.clone(), format!("the attribute name `{}` cannot be a struct field", attribute.name))
                        .label("not a snake_case name")
                        .help("attribute names must be lowercase ASCII letters, digits and `_`, like `error_description`"),
                );
                continue;
            }
        };
        if let Some(first) = seen.insert(name.ident.clone(), attribute) {
            sink.push(
                Diagnostic::error(
                    attribute.span.clone(),
                    format!("attribute `{}` is documented twice", attribute.name),
                )
                .related(first.span.clone(), "first documented here")
                .help("remove one of the two"),
            );
            continue;
        }
        if attribute.type_text.trim().is_empty() {
            sink.push(
                Diagnostic::error(
                    attribute.span.clone(),
                    format!("attribute `{}` has no type", attribute.name),
                )
                .label("no type")
                .help("give its type: `**Type:** String` under the heading, or `type: String` in the YAML copy"),
            );
            continue;
        }
        let Some((ty, nullable)) = parse_type(&attribute.type_text) else {
            sink.push(
                Diagnostic::error(attribute.type_span.clone(), format!("unsupported type `{}` for attribute `{}`", attribute.type_text, attribute.name))
                    .label("not a type this generator maps")
                    .help("supported types: String, Integer, Boolean, Float, `Array of <type>`, each optionally `… or null`"),
            );
            continue;
        };
        let ty = if attribute.optional || nullable {
            FieldType::Optional(Box::new(ty))
        } else {
            ty
        };
        fields.push(CheckedField {
            attribute,
            name,
            ty,
        });
    }
    fields
}

/// `String (URL) or null` → (String, nullable). Parenthesised notes refine
/// the format, never the Rust type.
fn parse_type(text: &str) -> Option<(FieldType, bool)> {
    let mut text = text.trim().to_ascii_lowercase();
    let mut nullable = false;
    if let Some(rest) = text.strip_suffix(" or null") {
        text = rest.trim().to_owned();
        nullable = true;
    }
    if let Some(rest) = text.strip_prefix("nullable ") {
        text = rest.trim().to_owned();
        nullable = true;
    }
    Some((parse_base_type(&text)?, nullable))
}

fn parse_base_type(text: &str) -> Option<FieldType> {
    let text = match text.find('(') {
        Some(open) if text.ends_with(')') => text[..open].trim(),
        _ => text.trim(),
    };
    if let Some(item) = text.strip_prefix("array of ") {
        let item = item
            .strip_suffix('s')
            .filter(|i| parse_base_type(i).is_some())
            .unwrap_or(item);
        return Some(FieldType::Array(Box::new(parse_base_type(item)?)));
    }
    match text {
        "string" => Some(FieldType::String),
        "integer" => Some(FieldType::Integer),
        "boolean" => Some(FieldType::Boolean),
        "float" | "number" => Some(FieldType::Float),
        _ => None,
    }
}

fn check_groups(spec: &Spec, sink: &mut Sink) {
    let mut seen: HashMap<u16, &StatusGroup> = HashMap::new();
    for group in &spec.groups {
        if !(100..=599).contains(&group.code) {
            sink.push(status_out_of_range(group.span.clone(), &group.code));
        }
        if let Some(first) = seen.insert(group.code, group) {
            sink.push(
                Diagnostic::error(
                    group.span.clone(),
                    format!("status {} has two groups", group.code),
                )
                .related(first.span.clone(), "first group")
                .help("merge the reasons into one status group"),
            );
        }
        for reason in &group.reasons {
            check_message(reason, sink);
        }
    }
}

fn check_message(reason: &Reason, sink: &mut Sink) {
    let message = &reason.message.text;
    if message.trim().is_empty() {
        sink.push(
            Diagnostic::error(reason.message.span.clone(), format!("reason `{}` has an empty message", reason.heading))
                .label("no message")
                .help("write the message the server sends: `Error: Record not found. Appears when …` on the page, `message: Record not found` in the YAML copy"),
        );
    } else if message.contains(char::is_control) || message.trim() != message {
        // Servers send one trimmed line; anything else could never match.
        sink.push(
            Diagnostic::error(reason.message.span.clone(), format!("the message of reason `{}` has line breaks, control characters or surrounding spaces", reason.heading))
                .label("no server sends this")
                .help("write the message on one line, exactly as the server sends it"),
        );
    }
}

fn check_reasons<'a>(
    spec: &'a Spec,
    renames: &BTreeMap<String, String>,
    sink: &mut Sink,
) -> Vec<CheckedReason<'a>> {
    let mut used_renames: Vec<&str> = Vec::new();
    let mut reasons = Vec::new();
    let mut by_variant: HashMap<String, &Reason> = HashMap::new();
    let mut by_stable: HashMap<String, &Reason> = HashMap::new();
    for (group_index, group) in spec.groups.iter().enumerate() {
        for reason in &group.reasons {
            let rename = find_rename(reason, renames);
            used_renames.extend(rename.map(|(key, _)| key));
            let configured = rename
                .map(|(_, name)| name)
                .or(reason.name_override.as_deref());
            let named = match configured {
                Some(name) => ident::checked_override(name).map_err(|p| (p, true)),
                None => ident::variant_name(&name_source(reason, group)).map_err(|p| (p, false)),
            };
            let variant = match named {
                Ok(variant) => variant,
                Err((problem, configured)) => {
                    let what = if configured {
                        "the configured name".to_owned()
                    } else {
                        format!("the heading `{}`", reason.heading)
                    };
                    sink.push(
                        Diagnostic::error(
                            reason.heading_span.clone(),
                            format!("{what} {}", problem.describe()),
                        )
                        .label("no variant name from this heading")
                        .help(rename_help(reason)),
                    );
                    continue;
                }
            };
            let stable_name = ident::stable_name(&variant);
            if let Some(first) = by_variant.get(&variant) {
                sink.push(collision(reason, first, &format!("variant `{variant}`")));
                continue;
            }
            if let Some(first) = by_stable.get(&stable_name) {
                sink.push(collision(
                    reason,
                    first,
                    &format!("string name `{stable_name}`"),
                ));
                continue;
            }
            by_variant.insert(variant.clone(), reason);
            by_stable.insert(stable_name.clone(), reason);
            reasons.push(CheckedReason {
                reason,
                group,
                group_index,
                variant,
                stable_name,
            });
        }
    }
    for key in renames.keys() {
        if !used_renames.contains(&key.as_str()) {
            sink.push(
                Diagnostic::error(spec.title_span.clone(), format!("the configured rename `{key}` matches no reason on this page"))
                    .help("rename keys are a reason's anchor with `#` (`#not-found`) or its heading as written (`RecordNotFound`)"),
            );
        }
    }
    reasons
}

/// A group's own reason (429) is named from its status text.
fn name_source(reason: &Reason, group: &StatusGroup) -> String {
    if reason.is_group_reason {
        group.text.clone()
    } else {
        reason.heading.clone()
    }
}

/// Writes configured renames into the reasons as explicit names, so that an
/// exported YAML copy carries them.
#[cfg(feature = "tools")]
pub(crate) fn apply_renames(spec: &mut Spec, renames: &BTreeMap<String, String>) {
    for reason in spec
        .groups
        .iter_mut()
        .flat_map(|group| group.reasons.iter_mut())
    {
        if let Some((_, name)) = find_rename(reason, renames) {
            reason.name_override = Some(name.to_owned());
        }
    }
}

fn find_rename<'r>(
    reason: &Reason,
    renames: &'r BTreeMap<String, String>,
) -> Option<(&'r str, &'r str)> {
    let by_anchor = reason
        .anchor
        .as_ref()
        .and_then(|anchor| renames.get_key_value(&format!("#{anchor}")));
    by_anchor
        .or_else(|| renames.get_key_value(&reason.heading))
        .map(|(key, value)| (key.as_str(), value.as_str()))
}

fn rename_help(reason: &Reason) -> String {
    let key = reason
        .anchor
        .as_ref()
        .map_or_else(|| reason.heading.clone(), |anchor| format!("#{anchor}"));
    format!(
        "choose a name with `Config::rename({key:?}, \"Name\")`, `--rename '{key}=Name'`, or `name: Name` in the YAML copy"
    )
}

fn collision(reason: &Reason, first: &Reason, what: &str) -> Diagnostic {
    Diagnostic::error(
        reason.heading_span.clone(),
        format!("reason `{}` gets the {what}, already taken", reason.heading),
    )
    .label("second reason with this name")
    .related(
        first.heading_span.clone(),
        format!("`{}` took it first", first.heading),
    )
    .help(format!(
        "{}; names are never suffixed silently",
        rename_help(reason)
    ))
}

fn check_anchors(spec: &Spec, sink: &mut Sink) {
    let mut seen: HashMap<&str, &Range<usize>> = HashMap::new();
    let anchored = spec
        .groups
        .iter()
        .map(|group| (group.anchor.as_deref(), &group.span))
        .chain(
            // A group's own reason shares the group's anchor; count it once.
            spec.reasons()
                .filter(|reason| !reason.is_group_reason)
                .map(|reason| (reason.anchor.as_deref(), &reason.heading_span)),
        );
    for (anchor, span) in anchored {
        let Some(anchor) = anchor else { continue };
        if anchor.is_empty() || anchor.contains(|c: char| c.is_whitespace() || c.is_control()) {
            sink.push(
                Diagnostic::error(
                    span.clone(),
                    format!("the anchor `#{anchor}` cannot end a docs link"),
                )
                .label("empty, or has spaces or control characters")
                .help("use an anchor like `not-found`: letters, digits, `-` and `_`"),
            );
            continue;
        }
        if let Some(first) = seen.insert(anchor, span) {
            sink.push(
                Diagnostic::error(
                    span.clone(),
                    format!("the anchor `#{anchor}` is used twice"),
                )
                .related(first.clone(), "first used here")
                .help("give every heading its own anchor (`{#anchor}` on the page, `anchor:` in the YAML copy); links to the docs depend on it"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_map_to_rust() {
        assert_eq!(parse_type("String"), Some((FieldType::String, false)));
        assert_eq!(
            parse_type("String (URL) or null"),
            Some((FieldType::String, true))
        );
        assert_eq!(
            parse_type("Array of String"),
            Some((FieldType::Array(Box::new(FieldType::String)), false))
        );
        assert_eq!(parse_type("Integer"), Some((FieldType::Integer, false)));
        assert_eq!(parse_type("Hash"), None);
        assert_eq!(parse_type("Account"), None);
    }
}
