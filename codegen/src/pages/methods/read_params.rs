//! Reads a method's request parameters: the definition-list items under its
//! `##### Path parameters`, `##### Query parameters`, `##### Form data
//! parameters` and `##### Headers` headings.
//!
//! ```text
//! media_ids[]
//! : {{<required>}} Array of String. Include Attachment IDs … If provided, …
//! ```
//!
//! The first sentence is the type, in the entity pages' grammar
//! (`markdown::type_line`); the rest is read only for what it states in a
//! fixed form: "Defaults to …", "If `x` is provided, this becomes optional",
//! "required if …", "deprecated". What cannot be read is a lint; nothing is
//! guessed from prose.

use std::ops::Range;

use crate::diagnostic::Diagnostic;
use crate::lint;
use crate::markdown::runs::collapse_whitespace;
use crate::markdown::type_line;
use crate::model::entities::{AttributeType, StringFormat};
use crate::model::methods::{ParamLocation, ParamType, Parameter, Requirement};
use crate::sink::Sink;

/// Markers of `{{<required>}}`, as the pages spell it.
const REQUIRED: [&str; 4] = [
    "{{<required>}}",
    "{{< required >}}",
    "{{%required%}}",
    "{{% required %}}",
];

/// The location a `#####` heading under `#### Request` opens, or `None` for
/// any other heading. `Some(None)`: a heading that names parameters in a way
/// this reader does not know.
pub(super) fn location_of_heading(text: &str) -> Option<Option<ParamLocation>> {
    let lower = text.trim().to_ascii_lowercase();
    Some(match lower.as_str() {
        "path parameters" => Some(ParamLocation::Path),
        "query parameters" => Some(ParamLocation::Query),
        "form data parameters" => Some(ParamLocation::Form),
        "headers" => Some(ParamLocation::Header),
        _ if lower.contains("parameters") => None,
        _ => return None,
    })
}

/// One `name` / `: description` item, as written.
pub(super) struct Item {
    pub name: String,
    pub name_span: Range<usize>,
    /// The description's lines, the `: ` removed, continuation lines joined
    /// with `\n`.
    pub description: String,
    pub span: Range<usize>,
    /// Further `: ` definitions of the same name.
    pub extra_definitions: Vec<Range<usize>>,
}

/// Splits a paragraph (its raw Markdown, starting at byte `offset` of the
/// page) into definition-list items. A line that starts with `: ` defines the
/// name above it; a line after a hard break (`\`) continues the definition.
pub(super) fn items(raw: &str, offset: usize, sink: &mut Sink) -> Vec<Item> {
    let mut lines = Vec::new();
    let mut at = offset;
    for line in raw.split_inclusive('\n') {
        let text = line.trim_end();
        lines.push((text, at..at + text.len()));
        at += line.len();
    }
    let is_definition = |text: &str| {
        text.strip_prefix(':')
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
    };
    // Prose between the items (a note, `none`) defines nothing.
    if !lines.iter().any(|(text, _)| is_definition(text)) {
        return Vec::new();
    }
    let mut items: Vec<Item> = Vec::new();
    let mut pending: Option<(String, Range<usize>)> = None;
    for (index, (text, span)) in lines.iter().enumerate() {
        if text.trim().is_empty() {
            continue;
        }
        if is_definition(text) {
            let definition = text[1..].trim();
            match pending.take() {
                Some((name, name_span)) => items.push(Item {
                    name,
                    name_span: name_span.clone(),
                    description: definition.trim_end_matches('\\').trim_end().to_owned(),
                    span: name_span.start..span.end,
                    extra_definitions: Vec::new(),
                }),
                None => match items.last_mut() {
                    // A second definition of the name just read.
                    Some(last) => last.extra_definitions.push(span.clone()),
                    None => orphan_definition(span.clone(), sink),
                },
            }
            continue;
        }
        let names_next = lines
            .get(index + 1)
            .is_some_and(|(next, _)| is_definition(next));
        if names_next {
            if let Some((name, name_span)) = pending.replace((text.trim().to_owned(), span.clone()))
            {
                undefined_name(&name, name_span, sink);
            }
            continue;
        }
        // A line after a `\` break, or a wrapped line: the description goes on.
        match items.last_mut() {
            Some(last) if pending.is_none() => {
                last.description.push('\n');
                last.description
                    .push_str(text.trim().trim_end_matches('\\').trim_end());
                last.span.end = span.end;
            }
            _ => undefined_name(text.trim(), span.clone(), sink),
        }
    }
    if let Some((name, name_span)) = pending {
        undefined_name(&name, name_span, sink);
    }
    items
}

fn orphan_definition(span: Range<usize>, sink: &mut Sink) {
    sink.lint(
        &lint::UNREADABLE_PARAMETER,
        Diagnostic::defect(
            span,
            "a parameter's description has no name above it",
            "left out this parameter: it has no name",
        )
        .help("a parameter is a definition-list item: its name on one line, then `: ` and its description"),
    );
}

fn undefined_name(name: &str, span: Range<usize>, sink: &mut Sink) {
    sink.lint(
        &lint::UNREADABLE_PARAMETER,
        Diagnostic::defect(
            span,
            format!("`{name}` under a parameters heading has no `: ` description"),
            format!("left out `{name}`: no parameter is read without its description"),
        )
        .help("a parameter is a definition-list item: its name on one line, then `: ` and its description"),
    );
}

/// Reads one item into a parameter. `None` (after a lint) when its name is
/// not one a request could carry.
pub(super) fn parameter(
    item: &Item,
    location: ParamLocation,
    sink: &mut Sink,
) -> Option<Parameter> {
    for extra in &item.extra_definitions {
        sink.lint(
            &lint::UNREADABLE_PARAMETER,
            Diagnostic::defect(
                extra.clone(),
                format!("`{}` has a second description", item.name),
                format!("read `{}` from its first description only", item.name),
            )
            .related(item.span.clone(), "the first"),
        );
    }
    let name = parameter_name(item, location, sink)?;
    let mut description = item.description.clone();
    let required = remove_markers(&mut description, &REQUIRED);
    let internal = description.starts_with("**Internal parameter.**");
    if internal {
        description = description["**Internal parameter.**".len()..]
            .trim_start()
            .to_owned();
    }
    let explicitly_optional = remove_markers(
        &mut description,
        &[
            "{{<optional>}}",
            "{{< optional >}}",
            "{{%optional%}}",
            "{{% optional %}}",
        ],
    );
    let type_sentence = type_sentence(&description);
    let (ty, values) = if internal {
        (ParamType::Unknown, Vec::new())
    } else {
        read_type(type_sentence, &description, &name, location, item, sink)
    };
    // The type sentence too: "String (Date), required if …".
    let sentences = sentences(&description);
    let requirement = requirement(required, explicitly_optional, &sentences);
    Some(Parameter {
        default: default_value(&sentences, &values),
        deprecated: sentences
            .iter()
            .any(|sentence| sentence.to_ascii_lowercase().contains("deprecated")),
        name,
        location,
        ty,
        values,
        requirement,
        added_in: None,
        internal,
        span: item.span.clone(),
    })
}

/// The name a request carries: `:id` is the path's `id`. A colon on a name
/// outside the path is a docs slip (`:id[]` under form data); the name is
/// read without it, and a lint says so.
fn parameter_name(item: &Item, location: ParamLocation, sink: &mut Sink) -> Option<String> {
    let written = item.name.trim_matches('`');
    let bare = written.strip_prefix(':').unwrap_or(written);
    let valid = !bare.is_empty()
        && bare
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '[' | ']' | '.' | ':'));
    if !valid {
        sink.lint(
            &lint::UNREADABLE_PARAMETER,
            Diagnostic::defect(
                item.name_span.clone(),
                format!("`{written}` is not a parameter name"),
                format!("left out `{written}`"),
            )
            .help("a parameter's name is letters, digits, `_`, `-`, `.` and `[…]` brackets, as a request carries it"),
        );
        return None;
    }
    if written.starts_with(':') && location != ParamLocation::Path {
        sink.lint(
            &lint::COLON_OUTSIDE_PATH,
            Diagnostic::defect(
                item.name_span.clone(),
                format!(
                    "`{written}` is written as a path parameter, but it is a {} parameter",
                    location_words(location)
                ),
                format!("read it as `{bare}`, the name a request carries"),
            )
            .help("only a path parameter is written with a leading `:`"),
        );
    }
    Some(bare.to_owned())
}

fn location_words(location: ParamLocation) -> &'static str {
    match location {
        ParamLocation::Path => "path",
        ParamLocation::Query => "query",
        ParamLocation::Form => "form data",
        ParamLocation::Header => "header",
    }
}

/// Removes every marker from `text`; whether there was one.
fn remove_markers(text: &mut String, markers: &[&str]) -> bool {
    let mut found = false;
    for marker in markers {
        if text.contains(marker) {
            found = true;
            *text = text.replace(marker, "").trim().to_owned();
        }
    }
    found
}

/// The type sentence: up to the first `.` outside parentheses and links
/// that ends the sentence, or the line's end.
fn type_sentence(description: &str) -> &str {
    let first_line_end = description.find('\n').unwrap_or(description.len());
    let bytes = description.as_bytes();
    let mut depth = 0usize;
    for (at, &byte) in bytes[..first_line_end].iter().enumerate() {
        match byte {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth = depth.saturating_sub(1),
            b'.' if depth == 0
                && bytes
                    .get(at + 1)
                    .is_none_or(|next| next.is_ascii_whitespace()) =>
            {
                return &description[..at];
            }
            _ => {}
        }
    }
    &description[..first_line_end]
}

/// The description after its type, as sentences.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    let mut in_code = false;
    while let Some(c) = chars.next() {
        if c == '`' {
            in_code = !in_code;
        }
        current.push(if c == '\n' { ' ' } else { c });
        let ends = !in_code
            && matches!(c, '.' | '!' | '?')
            && chars.peek().is_none_or(|next| next.is_whitespace());
        if ends {
            out.push(current.trim().to_owned());
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_owned());
    }
    out
}

/// Code spans of `text`, in order.
fn code_spans(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

fn read_type(
    sentence: &str,
    description: &str,
    name: &str,
    location: ParamLocation,
    item: &Item,
    sink: &mut Sink,
) -> (ParamType, Vec<String>) {
    let lower = description.to_ascii_lowercase();
    let names_file = lower.contains("multipart");
    // `oneOf` is the entity grammar's `one of`.
    let sentence = sentence.replace("oneOf", "one of");
    let later_lines = description.split_once('\n').map_or("", |(_, rest)| rest);
    let field = format!("{sentence}\n{later_lines}");
    let code: Vec<String> = code_spans(&sentence)
        .into_iter()
        .chain(code_spans(later_lines))
        .collect();
    // The type line's own links (`[Datetime](…)`) the grammar unlinks itself.
    let line = type_line::read(&field.replace('`', ""), &code, &[]);
    let type_word = sentence.split_whitespace().next().unwrap_or_default();
    // `String or Array of Strings`: either shape, which one type cannot say.
    let either = line.unread.is_none() && outside_parentheses(&sentence).contains(" or ");
    if line.unread.is_none() && !either {
        return (ParamType::Value(line.ty), line.values);
    }
    if names_file && (line.unread.is_some() || type_word.eq_ignore_ascii_case("object")) {
        return (ParamType::File, Vec::new());
    }
    if type_word.eq_ignore_ascii_case("object") && !names_file {
        unread_type(item, name, "`Object` names no shape", sink);
        return (ParamType::Unknown, Vec::new());
    }
    // A header's value is text whatever its description says.
    if location == ParamLocation::Header {
        return (
            ParamType::Value(AttributeType::String(StringFormat::Plain)),
            Vec::new(),
        );
    }
    let why = if either {
        format!("`{sentence}` names more than one type")
    } else {
        line.unread.unwrap_or_default()
    };
    unread_type(item, name, &why, sink);
    (ParamType::Unknown, Vec::new())
}

/// `text` without its parenthesized parts.
fn outside_parentheses(text: &str) -> String {
    let mut depth = 0usize;
    text.chars()
        .filter(|c| {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth = depth.saturating_sub(1);
                    return false;
                }
                _ => {}
            }
            depth == 0
        })
        .collect()
}

fn unread_type(item: &Item, name: &str, why: &str, sink: &mut Sink) {
    sink.lint(
        &lint::UNREAD_PARAMETER_TYPE,
        Diagnostic::defect(
            item.span.clone(),
            format!("the type of `{name}` cannot be read: {why}"),
            format!("kept `{name}` with an unknown type: any value"),
        )
        .help("start the description with a type, e.g. `String.`, `Array of String.`, `Boolean.`"),
    );
}

/// What the marker and the description say about sending the parameter.
fn requirement(required: bool, explicitly_optional: bool, sentences: &[String]) -> Requirement {
    if explicitly_optional && !required {
        return Requirement::Optional;
    }
    for sentence in sentences {
        if let Some(names) = required_unless(sentence) {
            return Requirement::RequiredUnless(names);
        }
        // "If provided, `status` becomes optional": this one and `status`
        // are alternatives, so a required one is required unless `status`.
        if required && let Some(names) = alternative_to(sentence) {
            return Requirement::RequiredUnless(names);
        }
    }
    let conditions: Vec<String> = sentences
        .iter()
        .map(String::as_str)
        .filter(|sentence| {
            let lower = sentence.to_ascii_lowercase();
            if required {
                [
                    "optional",
                    "must be provided",
                    "cannot be used",
                    "required if",
                ]
                .iter()
                .any(|phrase| lower.contains(phrase))
            } else {
                // Not "… approval of follow requests is required".
                lower.contains("required if") || lower.contains("parameter is required")
            }
        })
        .map(plain_condition)
        .collect();
    match (required, conditions.is_empty()) {
        (true, true) => Requirement::Required,
        (false, true) => Requirement::Optional,
        (_, false) => Requirement::Conditional(conditions.join(" ")),
    }
}

/// "If `media_ids` is provided, this becomes optional." and "If `email` is
/// not provided, this parameter is required.": required unless `names`.
fn required_unless(sentence: &str) -> Option<Vec<String>> {
    let rest = sentence.strip_prefix("If ")?;
    let (subject, consequence) = rest.split_once(", ")?;
    let consequence = consequence.trim_end_matches('.');
    let names = code_spans(subject);
    let only_names = subject.replace('`', "");
    let (verb_absent, verb_present) = (" is not provided", " is provided");
    let unless = if subject.ends_with(verb_present)
        && matches!(
            consequence,
            "this becomes optional" | "this parameter becomes optional"
        ) {
        true
    } else {
        subject.ends_with(verb_absent)
            && matches!(
                consequence,
                "this parameter is required" | "this is required"
            )
    };
    let one_name = names.len() == 1
        && only_names
            .trim_end_matches(verb_absent)
            .trim_end_matches(verb_present)
            .trim()
            == names[0];
    (unless && one_name).then_some(names)
}

/// "If provided, `status` becomes optional[, and …]": the one name whose
/// requirement this parameter lifts. What the rest of the sentence forbids
/// (`poll` cannot be used) is no requirement, and is not kept.
fn alternative_to(sentence: &str) -> Option<Vec<String>> {
    let rest = sentence.strip_prefix("If provided, `")?;
    let (name, after) = rest.split_once('`')?;
    let becomes = after.strip_prefix(" becomes optional")?;
    (becomes.is_empty() || becomes.starts_with([',', '.'])).then(|| vec![name.to_owned()])
}

/// A condition as text: links as their text, Hugo shortcodes left out,
/// code spans kept.
fn plain_condition(sentence: &str) -> String {
    let (unlinked, _) = type_line::unlink(sentence);
    collapse_whitespace(&type_line::strip_shortcodes(&unlinked))
}

/// "Defaults to false.", "Defaults to 20 statuses.", "Defaults to `silence`",
/// ", defaults to false": the value as written. A word that is no literal
/// is a default only when it is one of `values`.
fn default_value(sentences: &[String], values: &[String]) -> Option<String> {
    for sentence in sentences {
        let lower = sentence.to_ascii_lowercase();
        let at = if lower.starts_with("defaults to ") {
            0
        } else {
            match lower.find(", defaults to ") {
                Some(at) => at + 2,
                None => continue,
            }
        };
        let after = sentence[at + "defaults to ".len()..].trim_start();
        if let Some(code) = after.strip_prefix('`') {
            return code.split_once('`').map(|(value, _)| value.to_owned());
        }
        let word: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '/'))
            .collect();
        let word = word.trim_end_matches('.');
        let literal = matches!(word, "true" | "false") || word.parse::<f64>().is_ok();
        if literal || values.iter().any(|value| value == word) {
            return Some(word.to_owned());
        }
    }
    None
}

/// Names a `RequiredUnless` condition as the method's parameters are named:
/// "If `media_ids` is provided" means `media_ids[]`.
pub(super) fn resolve_conditions(params: &mut [Parameter]) {
    let names: Vec<String> = params.iter().map(|param| param.name.clone()).collect();
    for param in params {
        if let Requirement::RequiredUnless(unless) = &mut param.requirement {
            for name in unless {
                if let Some(full) = names
                    .iter()
                    .find(|full| *full == name || full.trim_end_matches("[]") == name)
                {
                    name.clone_from(full);
                }
            }
        }
    }
}

/// Gives each parameter the version of the first `**Version history:**`
/// entry that adds it by name: "2.7.0 - `scheduled_at` added", "2.8.0 - add
/// `visibility` parameter", "2.8.0 - `poll` added" (for `poll[options][]`).
pub(super) fn versions(params: &mut [Parameter], history: &[(String, String)]) {
    for param in params {
        let bare = param.name.trim_end_matches("[]");
        let root = param.name.split('[').next().unwrap_or_default();
        param.added_in = history
            .iter()
            .find(|(_, what)| {
                let lower = what.to_ascii_lowercase();
                let adds = lower.split_whitespace().any(|word| word.starts_with("add"));
                let pieces: Vec<&str> = what.split('`').collect();
                // Odd pieces are code spans; the piece after one is its context.
                adds && pieces
                    .iter()
                    .enumerate()
                    .skip(1)
                    .step_by(2)
                    .any(|(index, piece)| {
                        let names_it = *piece == param.name || *piece == bare || *piece == root;
                        let after = pieces.get(index + 1).copied().unwrap_or_default();
                        // "add `sensitive` as a possible `type`": a value, not a parameter.
                        let a_value = [" as ", " type", " value", " context", " to "]
                            .iter()
                            .any(|word| after.starts_with(word));
                        names_it && !a_value
                    })
            })
            .map(|(version, _)| version.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(location: ParamLocation, text: &str) -> (Vec<Parameter>, Sink) {
        let mut sink = Sink::default();
        let params = items(text, 0, &mut sink)
            .iter()
            .filter_map(|item| parameter(item, location, &mut sink))
            .collect();
        (params, sink)
    }

    #[test]
    fn types_defaults_and_conditions() {
        let (params, mut sink) = read(
            ParamLocation::Form,
            "status\n: {{<required>}} String. The text. If `media_ids` is provided, this becomes optional. Attaching a `poll` is optional while `status` is provided.\n\n\
             media_ids[]\n: {{<required>}} Array of String. IDs. If provided, `status` becomes optional, and `poll` cannot be used.\n\n\
             visibility\n: String (Enumerable, oneOf `public`, `unlisted`, or `private`). Defaults to public.\n\n\
             limit\n: Integer. Maximum. Defaults to 20 statuses. Max 40 statuses.\n\n\
             quote_approval_policy\n: String (Enumerable, oneOf). Sets who.\\\n`public` = Anyone.\\\n`nobody` = Only the author.\n\n\
             file\n: {{<required>}} Object. The file, encoded using multipart form data.\n\n\
             locked\n: Boolean. Whether manual approval of follow requests is required.\n\n\
             date_of_birth\n: String ([Date](/api/datetime-format#date)), required if the server has a minimum age requirement.\n",
        );
        let lints: Vec<String> = sink
            .take_lints()
            .iter()
            .map(|(name, d)| format!("{name}: {d:?}"))
            .collect();
        assert!(lints.is_empty(), "{lints:?}");
        let by = |name: &str| params.iter().find(|p| p.name == name).unwrap();
        assert_eq!(
            by("status").requirement,
            Requirement::RequiredUnless(vec!["media_ids".to_owned()])
        );
        let mut resolved = params.clone();
        resolve_conditions(&mut resolved);
        assert_eq!(
            resolved[0].requirement,
            Requirement::RequiredUnless(vec!["media_ids[]".to_owned()])
        );
        assert_eq!(
            by("media_ids[]").requirement,
            Requirement::RequiredUnless(vec!["status".to_owned()])
        );
        assert_eq!(
            by("media_ids[]").ty,
            ParamType::Value(AttributeType::Array(Box::new(AttributeType::String(
                StringFormat::Plain
            ))))
        );
        assert_eq!(by("visibility").values, ["public", "unlisted", "private"]);
        assert_eq!(by("visibility").default.as_deref(), Some("public"));
        assert_eq!(by("limit").default.as_deref(), Some("20"));
        assert_eq!(by("limit").requirement, Requirement::Optional);
        assert_eq!(by("quote_approval_policy").values, ["public", "nobody"]);
        assert_eq!(by("locked").requirement, Requirement::Optional);
        assert_eq!(by("file").ty, ParamType::File);
        assert_eq!(by("file").requirement, Requirement::Required);
        assert_eq!(
            by("date_of_birth").ty,
            ParamType::Value(AttributeType::String(StringFormat::Date))
        );
        assert_eq!(
            by("date_of_birth").requirement,
            Requirement::Conditional(
                "String (Date), required if the server has a minimum age requirement.".to_owned()
            )
        );
        assert_eq!(
            plain_condition(
                "Required if [PKCE]({{< relref \"spec/oauth#pkce\" >}}) is used, as `x` {{<hint>}}says."
            ),
            "Required if PKCE is used, as `x` says."
        );
    }

    #[test]
    fn defects_are_lints_and_nothing_is_guessed() {
        let (params, mut sink) = read(
            ParamLocation::Form,
            ": Orphan. A description with no name above it.\n\n\
             :id[]\n: {{<required>}} Array of String. IDs.\n\n\
             redirect_uris\n: {{<required>}} String or Array of Strings. Where.\n\n\
             thumbnail\n: Object. A thumbnail.\n\
             : A second description.\n",
        );
        assert_eq!(params[0].name, "id[]");
        assert_eq!(params[1].ty, ParamType::Unknown);
        assert_eq!(params[2].ty, ParamType::Unknown);
        assert_eq!(params.len(), 3);
        let names: Vec<&str> = sink.take_lints().iter().map(|(name, _)| *name).collect();
        assert_eq!(
            names,
            [
                "unreadable-parameter",
                "colon-outside-path",
                "unread-parameter-type",
                "unreadable-parameter",
                "unread-parameter-type",
            ]
        );
    }

    #[test]
    fn internal_parameters_and_headers() {
        let (params, mut sink) = read(
            ParamLocation::Query,
            "max_id \n: **Internal parameter.** Use HTTP `Link` header for pagination.\n",
        );
        assert!(sink.take_lints().is_empty());
        assert!(params[0].internal && params[0].ty == ParamType::Unknown);
        assert_eq!(params[0].name, "max_id");
        let (params, _) = read(
            ParamLocation::Header,
            "Authorization\n: {{<required>}} Provide this header with `Bearer <user_token>`.\n",
        );
        assert_eq!(
            params[0].ty,
            ParamType::Value(AttributeType::String(StringFormat::Plain))
        );
        assert_eq!(params[0].requirement, Requirement::Required);
    }

    #[test]
    fn versions_come_from_entries_that_add_the_parameter() {
        let (mut params, _) = read(
            ParamLocation::Form,
            "poll[options][]\n: Array of String. Answers.\n\nscheduled_at\n: String. When.\n\nsensitive\n: Boolean. Mark.\n",
        );
        let history = [
            ("0.0.0".to_owned(), "added".to_owned()),
            ("2.7.0".to_owned(), "`scheduled_at` added".to_owned()),
            ("2.8.0".to_owned(), "`poll` added".to_owned()),
            (
                "3.3.0".to_owned(),
                "add `sensitive` as a possible `type`".to_owned(),
            ),
        ];
        versions(&mut params, &history);
        let added: Vec<Option<&str>> = params.iter().map(|p| p.added_in.as_deref()).collect();
        assert_eq!(added, [Some("2.8.0"), Some("2.7.0"), None]);
    }
}
