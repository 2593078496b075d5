//! A JSON value whose objects keep their keys in the order built, printed
//! the same way every time: the OpenAPI document reads top-down (`openapi`,
//! `info`, `paths`, then `components`), which a sorted map would not keep.

use std::fmt::Write;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    Int(i64),
    /// A number as written: a default such as `0.5`, kept exactly.
    Number(String),
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// An empty object, to fill with [`Json::set`].
    pub(crate) fn object() -> Json {
        Json::Object(Vec::new())
    }

    pub(crate) fn str(text: impl Into<String>) -> Json {
        Json::Str(text.into())
    }

    pub(crate) fn strings<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> Json {
        Json::Array(
            items
                .into_iter()
                .map(|item| Json::str(item.as_ref()))
                .collect(),
        )
    }

    /// Sets `key` (replacing an earlier value in place); on a non-object, nothing.
    pub(crate) fn set(&mut self, key: &str, value: Json) -> &mut Json {
        if let Json::Object(entries) = self {
            match entries.iter_mut().find(|(name, _)| name == key) {
                Some((_, old)) => *old = value,
                None => entries.push((key.to_owned(), value)),
            }
        }
        self
    }

    /// [`Json::set`], by value.
    pub(crate) fn with(mut self, key: &str, value: Json) -> Json {
        self.set(key, value);
        self
    }

    pub(crate) fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(entries) => entries
                .iter()
                .find(|(name, _)| name == key)
                .map(|(_, value)| value),
            _ => None,
        }
    }

    pub(crate) fn get_mut(&mut self, key: &str) -> Option<&mut Json> {
        match self {
            Json::Object(entries) => entries
                .iter_mut()
                .find(|(name, _)| name == key)
                .map(|(_, value)| value),
            _ => None,
        }
    }

    /// Printed with two-space indents, a newline at the end.
    pub(crate) fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out.push('\n');
        out
    }

    fn write(&self, out: &mut String, depth: usize) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
            Json::Int(value) => {
                let _ = write!(out, "{value}");
            }
            Json::Number(text) => out.push_str(text),
            Json::Str(text) => quote(out, text),
            Json::Array(items) if items.is_empty() => out.push_str("[]"),
            Json::Object(entries) if entries.is_empty() => out.push_str("{}"),
            Json::Array(items) => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    out.push_str(if index == 0 { "\n" } else { ",\n" });
                    indent(out, depth + 1);
                    item.write(out, depth + 1);
                }
                out.push('\n');
                indent(out, depth);
                out.push(']');
            }
            Json::Object(entries) => {
                out.push('{');
                for (index, (key, value)) in entries.iter().enumerate() {
                    out.push_str(if index == 0 { "\n" } else { ",\n" });
                    indent(out, depth + 1);
                    quote(out, key);
                    out.push_str(": ");
                    value.write(out, depth + 1);
                }
                out.push('\n');
                indent(out, depth);
                out.push('}');
            }
        }
    }
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// `text` as a JSON string (RFC 8259 §7): quote, backslash and control
/// characters escaped, everything else as itself.
fn quote(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_in_insertion_order_with_escapes() {
        let value = Json::object()
            .with("b", Json::Array(vec![Json::Int(1), Json::Bool(false)]))
            .with("a", Json::str("say \"hi\"\n\u{1}"))
            .with("empty", Json::object());
        assert_eq!(
            value.pretty(),
            "{\n  \"b\": [\n    1,\n    false\n  ],\n  \"a\": \"say \\\"hi\\\"\\n\\u0001\",\n  \"empty\": {}\n}\n"
        );
    }
}
