//! Entity pages that try to break the generator: text that would end a
//! string literal, a doc comment or a link, keys no identifier takes, a
//! heading that names no key, a title that gives no type name. Each is a
//! lint or a located error; the module always parses.

use mastodon_error_codegen::stages::{entities_from_copy, entities_from_pages};
use mastodon_error_codegen::{Config, Source};

fn page(title: &str, body: &str) -> Vec<(String, Source)> {
    let text = format!("---\ntitle: {title}\n---\n\n## Attributes\n\n{body}");
    vec![(
        title.replace("::", "_"),
        Source::new(format!("{title}.md"), text),
    )]
}

fn attribute(heading: &str, type_line: &str) -> String {
    format!(
        "### {heading}\n\n**Description:** x.\\\n**Type:** {type_line}\\\n**Version history:**\\\n4.0.0 - added\n\n"
    )
}

#[test]
fn hostile_text_stays_data() {
    let body = [
        attribute(
            "`kind` {#a\"b)c}",
            "String (Enumerable oneOf)\\\n`a\"b` = quoted\\\n`c``d` = ticks\\\n`0` = zero",
        ),
        attribute("`2fa`", "Boolean"),
        attribute("`@1x`", "String (URL)"),
        attribute("`[]`", "String"),
        attribute("`kind`", "Integer"),
    ]
    .concat();
    let generated = entities_from_pages(page("Thing", &body), &Config::new()).expect("generates");
    let code = &generated.code;
    syn::parse_file(code).unwrap_or_else(|e| panic!("{e}\n{code}"));
    assert!(code.contains("\"a\\\"b\" => Self::AB"), "{code}");
    assert!(code.contains("V0"), "a digit value gets a variant: {code}");
    assert!(code.contains("pub _2fa: bool"), "{code}");
    assert!(code.contains("rename = \"2fa\""), "{code}");
    assert!(code.contains("pub at_1x: String"), "{code}");
    assert!(
        code.contains("#a%22b%29c"),
        "the anchor is escaped in the link: {code}"
    );
    let lints: Vec<String> = generated
        .lints
        .iter()
        .map(|fired| fired.message().to_owned())
        .collect();
    assert!(
        lints.iter().any(|m| m.contains("names no key")),
        "{lints:?}"
    );
    assert!(
        lints.iter().any(|m| m.contains("documented twice")),
        "{lints:?}"
    );
    // The first `kind` stays: an enum, not the later integer.
    assert!(code.contains("pub kind: ThingKind"), "{code}");
}

#[test]
fn a_title_that_gives_no_type_name_is_a_located_error() {
    let error = entities_from_pages(page("2FA", &attribute("`id`", "String")), &Config::new())
        .expect_err("no struct can be named `2FA`");
    let text = error.render();
    assert!(text.contains("entity `2FA`"), "{text}");
    assert!(text.contains("2FA.md:"), "located in the page: {text}");
}

#[test]
fn a_copy_that_names_no_key_is_refused_where_it_says_so() {
    let copy = "schema: 1\npages:\n  - file: Thing\n    entities:\n      - name: Thing\n        attributes:\n          - name: \"[]\"\n            type: string\n";
    let error = entities_from_copy(&Source::new("entities.yaml", copy), &Config::new())
        .expect_err("an empty key path");
    let text = error.render();
    assert!(text.contains("entities.yaml:7:"), "{text}");
}

/// A baseline that is no version fails generation, saying what it takes;
/// `latest` and a version generate, and the module states its baseline.
#[test]
fn the_configured_baseline_is_checked_and_stated() {
    let pages = || page("Status", &attribute("`id` {#id}", "String"));
    let mut config = Config::new();
    config.entities_baseline("soon");
    let error = entities_from_pages(pages(), &config)
        .expect_err("not a version")
        .render();
    assert!(
        error.contains("error: `soon` is not a Mastodon version"),
        "{error}"
    );
    assert!(
        error.contains("or `latest` for types that read only the newest server"),
        "{error}"
    );
    for (baseline, stated) in [("latest", "latest"), ("4.3.0", "4.3.0")] {
        config.entities_baseline(baseline);
        let module = entities_from_pages(pages(), &config)
            .expect("generates")
            .code;
        assert!(
            module.contains(&format!("pub const BASELINE: &str = \"{stated}\";")),
            "{module}"
        );
    }
    let module = entities_from_pages(pages(), &Config::new())
        .expect("generates")
        .code;
    assert!(
        module.contains("pub const BASELINE: &str = \"4.0.0\";"),
        "{module}"
    );
}

/// A copy with a baseline and a correction of each kind: the types follow
/// both, at the copy's baseline and at one given.
#[test]
fn a_reviewed_copy_shapes_the_types() {
    let copy = Source::new(
        "reviewed.yaml",
        include_str!("fixtures/entities/reviewed.yaml"),
    );
    let field = |module: &str, entity: &str, field: &str| -> String {
        let body = &module[module
            .find(&format!("pub struct {entity} {{"))
            .unwrap_or_else(|| panic!("{entity}"))..];
        let body = &body[..body.find("\n}\n").expect("its end")];
        let line = body
            .lines()
            .find(|line| line.starts_with(&format!("    pub {field}: ")))
            .unwrap_or_else(|| panic!("{entity}.{field} in\n{body}"));
        line.trim_start_matches(&format!("    pub {field}: "))
            .trim_end_matches(',')
            .to_owned()
    };
    let module = entities_from_copy(&copy, &Config::new())
        .expect("generates")
        .code;
    assert!(
        module.contains("// Baseline: 4.0.0; reviewed corrections: 4\n"),
        "{module}"
    );
    let expected = [
        ("Status", "content", "Option<String>"),
        ("Status", "quotes_count", "Option<i64>"),
        ("Account", "uri", "Option<String>"),
        ("AccountSource", "language", "Option<String>"),
        ("AccountSource", "quote_policy", "Option<String>"),
        ("WebPushSubscription", "id", "i64"),
        ("WebPushSubscriptionAlerts", "admin_sign_up", "bool"),
        ("Application", "id", "Option<String>"),
        ("Tag", "id", "Option<String>"),
        ("AdminTag", "id", "String"),
    ];
    for (entity, name, ty) in expected {
        assert_eq!(field(&module, entity, name), ty, "{entity}.{name}");
    }
    // A later baseline: what 4.3.0 sends is required, and the 4.0.2 correction is gone.
    let mut config = Config::new();
    config.entities_baseline("4.3.0");
    let module = entities_from_copy(&copy, &config).expect("generates").code;
    assert!(
        module.contains("// Baseline: 4.3.0; reviewed corrections: 3\n"),
        "{module}"
    );
    assert_eq!(field(&module, "Account", "uri"), "String");
    assert_eq!(field(&module, "Application", "id"), "String");
    assert_eq!(field(&module, "Status", "quotes_count"), "Option<i64>");
}
