//! Reads an entity attribute's `**Type:**` field into a type, its
//! nullability and its enumerated values. The grammar is in
//! `docs/reading.md`; a spelling outside it is not guessed at: the caller
//! fires `unknown-attribute-type` and the field keeps the raw JSON.

use crate::model::entities::{AttributeType, StringFormat};

/// What one `Type:` field says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TypeLine {
    /// The type line as text: links as their text, without shortcodes.
    pub text: String,
    pub ty: AttributeType,
    /// `{{<nullable>}}`, or `null` named after the type (`… or null`).
    pub nullable: bool,
    /// `{{<optional>}}` in the type line.
    pub optional: bool,
    pub values: Vec<String>,
    /// Why the spelling was not read, when `ty` is [`AttributeType::Json`].
    pub unread: Option<String>,
}

/// `text` is the whole field (its first line is the type, later lines may
/// list `` `value` = meaning ``); `code` its code spans and `links` its link
/// texts, in order.
pub(crate) fn read(text: &str, code: &[String], links: &[String]) -> TypeLine {
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default();
    let nullable_marker = ["{{<nullable>}}", "{{%nullable%}}", "{{< nullable >}}"]
        .iter()
        .any(|marker| first.contains(marker));
    let optional = ["{{<optional>}}", "{{%optional%}}", "{{< optional >}}"]
        .iter()
        .any(|marker| first.contains(marker));
    // Links whose target is a Hugo shortcode are no CommonMark links (the
    // target has spaces), so the text may still hold `[Name](…)`.
    let (first_unlinked, inline_links) = unlink(first);
    let links: Vec<String> = links.iter().cloned().chain(inline_links).collect();
    let links = links.as_slice();
    let line = strip_shortcodes(&first_unlinked);
    let mut result = TypeLine {
        text: line.clone(),
        ty: AttributeType::Json,
        nullable: nullable_marker,
        optional,
        values: Vec::new(),
        unread: None,
    };
    let (array, rest) = match strip_prefix_ci(&line, "array of ") {
        Some(rest) => (true, rest.trim_start()),
        None => (false, line.as_str()),
    };
    let (element, after) = match element(rest, links) {
        Ok(found) => found,
        Err(why) => {
            result.unread = Some(why);
            return result;
        }
    };
    // `null` named after the type: `… or null`, `Otherwise, null.`
    if words(after).any(|word| word.eq_ignore_ascii_case("null")) {
        result.nullable = true;
    }
    let mut element = element;
    if element == AttributeType::String(StringFormat::Enumerable) {
        result.values = enumerated_values(first, lines, code);
        if result.values.is_empty() {
            // Enumerable, with no value listed: a string is all it says.
            element = AttributeType::String(StringFormat::Plain);
        }
    }
    result.ty = if array {
        AttributeType::Array(Box::new(element))
    } else {
        element
    };
    result
}

/// The element type at the start of `text`, and the text after it.
fn element<'t>(text: &'t str, links: &[String]) -> Result<(AttributeType, &'t str), String> {
    let text = text.trim_start();
    // An entity link, or several: `Quote, ShallowQuote or null`.
    if let Some(first) = links.iter().find(|link| text.starts_with(link.as_str())) {
        let mut names = vec![first.clone()];
        let mut rest = &text[first.len()..];
        loop {
            let trimmed = rest.trim_start_matches([',', ' ']);
            let trimmed = strip_prefix_ci(trimmed, "or ").unwrap_or(trimmed);
            match links
                .iter()
                .find(|link| trimmed.starts_with(link.as_str()) && !names.contains(link))
            {
                Some(next) => {
                    names.push(next.clone());
                    rest = &trimmed[next.len()..];
                }
                None => break,
            }
        }
        let ty = if names.len() == 1 {
            AttributeType::Entity(names.remove(0))
        } else {
            AttributeType::OneOf(names)
        };
        return Ok((ty, rest));
    }
    let word_end = text
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(text.len());
    let (word, rest) = text.split_at(word_end);
    let ty = match word.to_ascii_lowercase().as_str() {
        "string" | "strings" => {
            let (format, rest) = string_format(rest)?;
            return Ok((AttributeType::String(format), rest));
        }
        "integer" => AttributeType::Integer,
        "float" | "number" => AttributeType::Float,
        "boolean" => AttributeType::Boolean,
        "hash" => AttributeType::Hash,
        "" => return Err("the field names no type".to_owned()),
        _ => return Err(format!("`{word}` is not a type this generator reads")),
    };
    // `Number (UNIX Timestamp)`: the parenthesis describes the number.
    Ok((ty, skip_parenthesis(rest)))
}

/// `(URL)`, `(cast from an integer…)`, `([Datetime](…))` after `String`.
fn string_format(rest: &str) -> Result<(StringFormat, &str), String> {
    let trimmed = rest.trim_start();
    let Some(inner) = trimmed.strip_prefix('(') else {
        // `String (one of …)` is read below; a bare `String` is plain.
        return Ok((plain_or_one_of(rest), rest));
    };
    let Some(close) = matching_paren(inner) else {
        return Ok((StringFormat::Plain, rest));
    };
    let (note, after) = (inner[..close].to_ascii_lowercase(), &inner[close + 1..]);
    let format = if note.contains("enumerable") || note.contains("one of") {
        StringFormat::Enumerable
    } else if note.contains("cast from") {
        StringFormat::Id
    } else if note.contains("datetime") && note.contains("date ") {
        // `Date or Datetime`: either shape, so a plain string.
        StringFormat::Plain
    } else if note.contains("datetime") {
        StringFormat::Datetime
    } else if note.contains("date") {
        StringFormat::Date
    } else if note.contains("html") {
        StringFormat::Html
    } else if note == "url" || note.starts_with("url") {
        StringFormat::Url
    } else {
        // Email, IP address, Blurhash, language code, …: strings whose format
        // the docs describe in words. The field's docs keep the type line.
        StringFormat::Plain
    };
    Ok((format, after))
}

fn plain_or_one_of(rest: &str) -> StringFormat {
    if rest.to_ascii_lowercase().contains("one of") {
        StringFormat::Enumerable
    } else {
        StringFormat::Plain
    }
}

/// The values of an enumerable string: the `` `value` = meaning `` lines
/// after the type, or the code spans after `one of` on the type line.
fn enumerated_values<'t>(
    first: &str,
    lines: impl Iterator<Item = &'t str>,
    code: &[String],
) -> Vec<String> {
    let mut values = Vec::new();
    for line in lines {
        let line = line.trim();
        if let Some(value) = code.iter().filter(|value| !value.is_empty()).find(|value| {
            line.strip_prefix(value.as_str())
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        }) && !values.contains(value)
        {
            values.push(value.clone());
        }
    }
    if values.is_empty()
        && let Some(at) = first.to_ascii_lowercase().find("one of")
    {
        let after = &first[at..];
        for value in code {
            if after.contains(value.as_str()) && !values.contains(value) {
                values.push(value.clone());
            }
        }
    }
    values
}

fn skip_parenthesis(rest: &str) -> &str {
    let trimmed = rest.trim_start();
    match trimmed
        .strip_prefix('(')
        .and_then(|inner| matching_paren(inner).map(|close| &inner[close + 1..]))
    {
        Some(after) => after,
        None => rest,
    }
}

/// The index of the `)` closing an already-opened parenthesis.
fn matching_paren(text: &str) -> Option<usize> {
    let mut depth = 1usize;
    for (at, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(at);
                }
            }
            _ => {}
        }
    }
    None
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
}

fn strip_prefix_ci<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// `[Name](target)` → `Name`, with the names linked.
pub(crate) fn unlink(line: &str) -> (String, Vec<String>) {
    let mut out = String::new();
    let mut links = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find("](") else {
            break;
        };
        let Some(end) = matching_paren(&after[close + 2..]) else {
            break;
        };
        out.push_str(&rest[..open]);
        let text = &after[..close];
        out.push_str(text);
        links.push(text.to_owned());
        rest = &after[close + 2 + end + 1..];
    }
    out.push_str(rest);
    (out, links)
}

/// The line without `{{<…>}}` and `{{%…%}}` shortcodes.
pub(crate) fn strip_shortcodes(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        match rest[start..].find("}}") {
            Some(end) => rest = &rest[start + end + 2..],
            None => {
                rest = &rest[start..];
                break;
            }
        }
    }
    out.push_str(rest);
    out.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_line(text: &str, links: &[&str]) -> TypeLine {
        let links: Vec<String> = links.iter().map(|link| (*link).to_owned()).collect();
        let code: Vec<String> = text
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect();
        read(&text.replace('`', ""), &code, &links)
    }

    #[test]
    fn primitives_and_formats() {
        let id = read_line(
            "String (cast from an integer, but not guaranteed to be a number)",
            &[],
        );
        assert_eq!(id.ty, AttributeType::String(StringFormat::Id));
        assert!(!id.nullable);
        let url = read_line("{{<nullable>}} String (URL) or null", &[]);
        assert_eq!(url.ty, AttributeType::String(StringFormat::Url));
        assert!(url.nullable);
        let datetime = read_line("String (Datetime)", &[]);
        assert_eq!(datetime.ty, AttributeType::String(StringFormat::Datetime));
        assert_eq!(
            read_line("String (Date or Datetime)", &[]).ty,
            AttributeType::String(StringFormat::Plain)
        );
        assert_eq!(
            read_line("Number (UNIX Timestamp)", &[]).ty,
            AttributeType::Float
        );
        let count = read_line(
            "{{<nullable>}} Integer, or null if `multiple` is false.",
            &[],
        );
        assert_eq!(count.ty, AttributeType::Integer);
        assert!(count.nullable);
        assert_eq!(
            read_line("Array of Strings", &[]).ty,
            AttributeType::Array(Box::new(AttributeType::String(StringFormat::Plain)))
        );
    }

    #[test]
    fn entities_arrays_and_alternatives() {
        assert_eq!(
            read_line("Array of Status::Mention", &["Status::Mention"]).ty,
            AttributeType::Array(Box::new(AttributeType::Entity("Status::Mention".into())))
        );
        let quote = read_line(
            "{{<nullable>}} Quote, ShallowQuote or null",
            &["Quote", "ShallowQuote"],
        );
        assert_eq!(
            quote.ty,
            AttributeType::OneOf(vec!["Quote".into(), "ShallowQuote".into()])
        );
        assert!(quote.nullable);
        // A link that is not where the type is does not make an entity.
        let unread = read_line("Some Account", &["Account"]);
        assert_eq!(unread.ty, AttributeType::Json);
        assert!(unread.unread.is_some());
    }

    #[test]
    fn shortcode_links_are_read_from_the_text() {
        let line = read(
            "{{<nullable>}} [Quote]({{< relref \"entities/quote\" >}}), [ShallowQuote]({{< relref \"entities/ShallowQuote\" >}}) or null",
            &[],
            &[],
        );
        assert_eq!(
            line.ty,
            AttributeType::OneOf(vec!["Quote".into(), "ShallowQuote".into()])
        );
        assert!(line.nullable);
    }

    #[test]
    fn enumerated_values_from_lines_or_one_of() {
        let visibility = read_line(
            "String (Enumerable oneOf)\n`public` = Visible to everyone.\n`direct` = Only mentioned users.",
            &[],
        );
        assert_eq!(
            visibility.ty,
            AttributeType::String(StringFormat::Enumerable)
        );
        assert_eq!(visibility.values, ["public", "direct"]);
        let action = read_line("String (one of `accept`, `filter` or `drop`)", &[]);
        assert_eq!(action.values, ["accept", "filter", "drop"]);
        let unlisted = read_line("String (Enumerable oneOf)", &[]);
        assert_eq!(unlisted.ty, AttributeType::String(StringFormat::Plain));
    }
}
