//! The samples that `scripts/validate-openapi-samples.py` validates
//! generated/openapi.json with, as one JSON document: each JSON example of
//! the entity pages with the entity whose section holds it, and each
//! recorded response with the method that answered it (routed as the
//! `responses` report routes it). The script resolves both in the document
//! itself: an entity by the schema's `x-docs-name`, a method by its HTTP
//! method and path template.
//!
//! ```json
//! {"examples": [{"at": "Account.md:120", "entity": "Account", "elided": false, "json": {…}}],
//!  "responses": [{"at": "mastodonpy-4.3.0.jsonl:1", "version": "4.3.0", "status": 200, "n": 6,
//!                 "method": "GET", "route": "/api/v1/accounts/verify_credentials", "body": {…}}]}
//! ```
//!
//! An example that is no JSON has `error` in place of `json`; a response no
//! documented method answers has `route: null`.

use std::path::Path;

use serde_json::{Value, json};

use crate::diagnostic::Error;
use crate::model::entities::EntitySpec;
use crate::model::methods::MethodSpec;
use crate::pages::entities::examples::parse_example;
use crate::responses::{ResponseRecord, Router};
use crate::source::Source;

/// The samples as JSON text. `pages` is the folder of the entity pages that
/// `entities` was read from (each example is located by its line there).
pub fn samples_json(
    pages: &Path,
    entities: &EntitySpec,
    methods: &MethodSpec,
    records: &[ResponseRecord],
) -> Result<String, Error> {
    let mut examples = Vec::new();
    for page in &entities.pages {
        let name = format!("{}.md", page.file);
        let source = Source::read(&pages.join(&name))?;
        for example in &page.examples {
            let (line, _) = source.line_col(example.span.start);
            let mut sample = json!({"at": format!("{name}:{line}"), "entity": example.entity});
            match parse_example(&example.json) {
                Ok((value, elided)) => {
                    sample["elided"] = Value::Bool(elided);
                    sample["json"] = value;
                }
                Err(error) => sample["error"] = Value::String(error.to_string()),
            }
            examples.push(sample);
        }
    }
    let router = Router::new(methods);
    let responses: Vec<Value> = records
        .iter()
        .map(|record| {
            let file = Path::new(&record.file)
                .file_name()
                .map_or_else(|| record.file.clone(), |name| name.to_string_lossy().into());
            let route = router
                .route(&record.method, &record.path)
                .map(|method| method.path.as_str());
            json!({
                "at": format!("{file}:{}", record.line),
                "version": record.version_label(),
                "status": record.status,
                "n": record.occurrences,
                "method": record.method,
                "route": route,
                "body": record.body,
            })
        })
        .collect();
    let samples = json!({"examples": examples, "responses": responses});
    Ok(format!("{samples}\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::entities::{EntityPage, Example};

    #[test]
    fn examples_are_located_and_responses_routed() {
        let dir = std::env::temp_dir().join(format!("samples-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let page_text =
            "# Tag\n\n```json\n{\n  \"name\": \"x\",\n  // ...\n}\n```\n\n```json\n{nope\n```\n";
        std::fs::write(dir.join("Tag.md"), page_text).unwrap();
        let block = |at: &str| {
            let start = page_text.find(at).unwrap();
            let end = start + page_text[start..].find("```").unwrap();
            (start, page_text[start..end].to_owned())
        };
        let (first, first_json) = block("{\n  \"name\"");
        let (second, second_json) = block("{nope");
        let entities = EntitySpec {
            pages: vec![EntityPage {
                file: "Tag".to_owned(),
                entities: Vec::new(),
                examples: vec![
                    Example {
                        entity: "Tag".to_owned(),
                        span: first..first + first_json.len(),
                        json: first_json,
                    },
                    Example {
                        entity: "Tag".to_owned(),
                        span: second..second + second_json.len(),
                        json: second_json,
                    },
                ],
                lints: Vec::new(),
            }],
            ..EntitySpec::default()
        };
        let source = Source::new(
            "dir/rec.jsonl",
            "{\"m\":\"GET\",\"p\":\"/health?x=1\",\"v\":\"4.3.0\",\"body\":{}}\n",
        );
        let records = crate::responses::parse_records(&source).unwrap();
        let text = samples_json(&dir, &entities, &MethodSpec::default(), &records).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let samples: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(samples["examples"][0]["at"], "Tag.md:4");
        assert_eq!(samples["examples"][0]["elided"], true);
        assert_eq!(samples["examples"][0]["json"], json!({"name": "x"}));
        assert_eq!(samples["examples"][1]["at"], "Tag.md:11");
        assert!(samples["examples"][1]["error"].is_string());
        assert_eq!(samples["responses"][0]["at"], "rec.jsonl:1");
        assert_eq!(samples["responses"][0]["route"], Value::Null);
        assert_eq!(samples["responses"][0]["version"], "4.3.0");
    }
}
