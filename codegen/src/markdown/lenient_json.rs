//! What is still readable in a broken JSON example: one top-level string
//! field, found by scanning tokens and read with serde_json, so escapes are
//! decoded exactly as in a valid example. Used only after serde_json has
//! refused the whole example, and only for facts that are intact.

/// The string value of `key` at the top level of an object whose JSON is
/// broken elsewhere (a missing or extra comma): `None` unless `key` appears
/// at depth 1 and its value is a complete JSON string.
pub(crate) fn top_level_string(text: &str, key: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            b'"' => {
                let end = string_end(bytes, at)?;
                if depth == 1
                    && let Some(value) = text[end..].trim_start().strip_prefix(':')
                    && serde_json::from_str::<String>(&text[at..end])
                        .ok()
                        .as_deref()
                        == Some(key)
                {
                    let mut values = serde_json::Deserializer::from_str(value.trim_start())
                        .into_iter::<String>();
                    return values.next().and_then(Result::ok);
                }
                at = end;
                continue;
            }
            _ => {}
        }
        at += 1;
    }
    None
}

/// The index just past the string that opens at `start` (a `"`), or `None`
/// when it never closes.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut at = start + 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return Some(at + 1),
            _ => at += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::top_level_string;

    #[test]
    fn reads_the_field_past_a_missing_comma() {
        let broken = "{\n  \"error\": \"You have already imposed stricter limits on example.com.\"\n  \"existing_domain_block\": {\"id\": \"1\"}\n}";
        assert!(serde_json::from_str::<serde_json::Value>(broken).is_err());
        assert_eq!(
            top_level_string(broken, "error").as_deref(),
            Some("You have already imposed stricter limits on example.com.")
        );
    }

    #[test]
    fn decodes_escapes_and_skips_nested_keys() {
        let text = r#"{"details": {"error": "inner"}, "error": "a \"quoted\" \u00e9" "x": 1}"#;
        assert_eq!(
            top_level_string(text, "error").as_deref(),
            Some("a \"quoted\" é")
        );
        assert_eq!(
            top_level_string(r#"{"details": {"error": "inner"}"#, "error"),
            None
        );
    }

    #[test]
    fn an_incomplete_value_is_not_read() {
        assert_eq!(
            top_level_string(r#"{"error": "never closed"#, "error"),
            None
        );
        assert_eq!(top_level_string(r#"{"error": 42,,}"#, "error"), None);
        assert_eq!(top_level_string(r#"{"error" "no colon"}"#, "error"), None);
        assert_eq!(
            top_level_string(r#"{"error": {"error": "nested"},}"#, "error"),
            None
        );
        assert_eq!(top_level_string("", "error"), None);
    }
}
