//! A JSON value whose objects keep their keys in the order built, printed
//! the same way every time: the OpenAPI document reads top-down (`openapi`,
//! `info`, `paths`, then `components`), which a sorted map would not keep.

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

    /// Printed by serde_json with two-space indents, a newline at the end.
    pub(crate) fn pretty(&self) -> String {
        let mut out = serde_json::to_string_pretty(self).unwrap_or_default();
        out.push('\n');
        out
    }
}

/// The value as serde sees it: an object's entries in the order built.
impl serde::Serialize for Json {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Json::Null => serializer.serialize_unit(),
            Json::Bool(value) => serializer.serialize_bool(*value),
            Json::Int(value) => serializer.serialize_i64(*value),
            // A whole number is written as one (`400`, not `400.0`).
            Json::Number(text) => match text.parse::<i64>() {
                Ok(whole) => serializer.serialize_i64(whole),
                Err(_) => serializer.serialize_f64(text.parse().unwrap_or(f64::NAN)),
            },
            Json::Str(text) => serializer.serialize_str(text),
            Json::Array(items) => serializer.collect_seq(items),
            Json::Object(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (key, value) in entries {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
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
