//! The API method pages of every pinned snapshot: each is read whole, with
//! every method and every documented error response.

use std::collections::BTreeSet;
use std::path::Path;

use mastodon_error_codegen::model::methods::MethodPage;
use mastodon_error_codegen::read_method_pages;

use crate::Suite;

/// Each snapshot with what it documents, by the reader's count: methods
/// (the `##` sections with a request, plus the 19 `###` ones that the filters
/// page nests under its v1 and v2 headings, in place of those 2), and error
/// responses (JSON examples with `"error"` under a status ≥ 400, counting
/// every example where a method shows several for one status).
pub const SNAPSHOTS: [(&str, usize, usize); 3] = [
    ("2022-12-14_ffbe66a3", 207, 333),
    ("2025-11-21_42184ef1", 249, 388),
    ("2026-07-02_2903485d", 265, 411),
];

/// Each snapshot's `**Returns:**` lines by how they read: one entity, an
/// array of one, an empty body, anything else, and methods with no such line
/// (2025 on: `GET /oauth/userinfo` has none, and the merged-requests check
/// writes `***Returns:**`, which is no label). Five DELETEs that name an
/// entity but show `{}` as their 200 example count as empty
/// (`returns-contradicts-example`).
pub const RETURNS: [(&str, ReturnCounts); 3] = [
    (
        "2022-12-14_ffbe66a3",
        ReturnCounts {
            one: 101,
            array: 60,
            empty: 25,
            other: 21,
            undocumented: 0,
        },
    ),
    (
        "2025-11-21_42184ef1",
        ReturnCounts {
            one: 121,
            array: 67,
            empty: 34,
            other: 25,
            undocumented: 2,
        },
    ),
    (
        "2026-07-02_2903485d",
        ReturnCounts {
            one: 130,
            array: 67,
            empty: 39,
            other: 27,
            undocumented: 2,
        },
    ),
];

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ReturnCounts {
    one: usize,
    array: usize,
    empty: usize,
    other: usize,
    undocumented: usize,
}

/// Each snapshot's parameters by the reader's count, by where they go:
/// path, query, form data, header. README.md and docs/methods.md cite them.
pub const PARAMETERS: [(&str, [usize; 4]); 3] = [
    ("2022-12-14_ffbe66a3", [107, 218, 201, 190]),
    ("2025-11-21_42184ef1", [129, 271, 221, 224]),
    ("2026-07-02_2903485d", [133, 279, 254, 240]),
];

pub fn add(suite: &mut Suite) {
    for (snapshot, counts) in PARAMETERS {
        suite.corpus_trial(
            format!("methods::every_parameter_is_read_or_a_lint::{snapshot}"),
            move |root| every_parameter_is_read_or_a_lint(root, snapshot, counts),
        );
    }
    for (snapshot, counts) in RETURNS {
        suite.corpus_trial(
            format!("methods::every_returns_line_is_read::{snapshot}"),
            move |root| every_returns_line_is_read(root, snapshot, counts),
        );
    }
    for (snapshot, methods, errors) in SNAPSHOTS {
        suite.corpus_trial(
            format!("methods::every_method_and_error_is_read::{snapshot}"),
            move |root| every_method_and_error_is_read(root, snapshot, methods, errors),
        );
        suite.corpus_trial(
            format!("methods::pages_and_their_yaml_copy_give_the_same_module::{snapshot}"),
            move |root| pages_and_their_yaml_copy_give_the_same_module(root, snapshot),
        );
    }
    suite.corpus_trial(
        "methods::spec_methods_yaml_is_fresh".to_owned(),
        spec_methods_yaml_is_fresh,
    );
    suite.corpus_trial(
        "methods::every_snapshot_compiles_classifies_and_routes".to_owned(),
        every_snapshot_compiles_classifies_and_routes,
    );
}

/// The module from a folder of pages and from their exported copy differ in
/// the header's input lines only.
fn pages_and_their_yaml_copy_give_the_same_module(root: &Path, snapshot: &str) {
    use mastodon_error_codegen::{Config, Source};

    let folder = root.join("methods").join(snapshot);
    let error_page = crate::common::fixture("seed-000-current.md");
    let from_pages = Config::new()
        .methods(&folder)
        .generate_source(&error_page)
        .unwrap_or_else(|e| panic!("{snapshot}:\n{}", e.render()));
    let copy = Config::new()
        .export_methods_yaml(&folder, Some("methods.yaml"))
        .unwrap_or_else(|e| panic!("{snapshot}: export:\n{}", e.render()));
    let from_copy = Config::new()
        .generate_api_source(&error_page, &Source::new("methods.yaml", copy))
        .unwrap_or_else(|e| panic!("{snapshot}: from its copy:\n{}", e.render()));
    let body = |code: &str| {
        code.split_once("\n\n")
            .map(|(_, body)| body.to_owned())
            .unwrap_or_default()
    };
    assert!(
        body(&from_pages) == body(&from_copy),
        "{snapshot}: the copy gives another module"
    );
    assert!(
        from_pages.contains("entities: &[\"Status\"]"),
        "{snapshot}: the module lists returned entities"
    );
    assert!(from_pages.contains("pub enum Endpoint"), "{snapshot}");
}

/// `spec/methods.yaml` is the current snapshot's copy. A stale copy is
/// rewritten and fails the test, as `tests/freshness.rs` does for the module.
fn spec_methods_yaml_is_fresh(root: &Path) {
    use mastodon_error_codegen::Config;
    use mastodon_error_codegen::corpus::{current_methods_snapshot, current_snapshot};

    let workspace = crate::common::corpus::workspace_root();
    let current =
        current_methods_snapshot(&workspace).expect("scripts/corpus.pins pins a methods snapshot");
    assert_eq!(
        current,
        format!("methods/{}", SNAPSHOTS[SNAPSHOTS.len() - 1].0),
        "the current snapshot is the newest"
    );
    // Its Returns links resolve against the entity pages of the same snapshot.
    let entities =
        current_snapshot(&workspace, "entities").expect("an entities snapshot is pinned");
    let fresh = Config::new()
        .entities(root.join(entities))
        .export_methods_yaml(root.join(&current), Some("spec/methods.yaml"))
        .unwrap_or_else(|e| panic!("{current}:\n{}", e.render()));
    let path = workspace.join("spec/methods.yaml");
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    if checked_in != fresh {
        std::fs::write(&path, &fresh).expect("spec/methods.yaml is writable");
        panic!(
            "spec/methods.yaml was stale against {current} and has been rewritten.\n\
             Review it (`git diff spec/methods.yaml`), then run `cargo run -p mastodon-error-tools` and commit both."
        );
    }
}

pub fn read_snapshot(root: &Path, snapshot: &str) -> Vec<MethodPage> {
    read_method_pages(&root.join("methods").join(snapshot))
        .unwrap_or_else(|e| panic!("{snapshot}:\n{}", e.render()))
}

fn every_method_and_error_is_read(root: &Path, snapshot: &str, methods: usize, errors: usize) {
    let pages = read_snapshot(root, snapshot);
    let all: Vec<_> = pages
        .iter()
        .flat_map(|page| page.methods.iter().map(move |m| (page, m)))
        .collect();
    assert_eq!(all.len(), methods, "{snapshot}: methods");
    let error_count: usize = all.iter().map(|(_, m)| m.errors.len()).sum();
    assert_eq!(error_count, errors, "{snapshot}: error responses");

    let mut routes = BTreeSet::new();
    for (page, method) in &all {
        let at = format!(
            "{snapshot}/{}.md {} {}",
            page.path, method.http_method, method.path
        );
        assert!(
            routes.insert((&method.http_method, &method.path)),
            "{at}: documented twice"
        );
        assert!(method.path.starts_with("/"), "{at}: path");
        let auth = &method.auth;
        assert!(
            auth.public || auth.app || auth.user,
            "{at}: no kind of token"
        );
        assert!(method.added_in.is_some(), "{at}: no version");
        for error in &method.errors {
            assert!(
                (400..=599).contains(&error.status),
                "{at}: status {}",
                error.status
            );
            assert!(!error.error.trim().is_empty(), "{at}: empty error");
            assert!(!error.status_text.is_empty(), "{at}: status text");
        }
    }
    // The OAuth errors carry a description; the others do not.
    for (_, method) in &all {
        for error in &method.errors {
            let oauth_code = [
                "invalid_grant",
                "invalid_scope",
                "invalid_client",
                "unauthorized_client",
            ]
            .contains(&error.error.as_str());
            assert_eq!(
                error.error_description.is_some(),
                oauth_code,
                "{snapshot} {}: {}",
                method.path,
                error.error
            );
        }
    }
}

fn every_returns_line_is_read(root: &Path, snapshot: &str, expected: ReturnCounts) {
    use mastodon_error_codegen::model::methods::ReturnShape;

    let pages = read_snapshot(root, snapshot);
    let mut counts = ReturnCounts::default();
    let mut several = Vec::new();
    for page in &pages {
        for method in &page.methods {
            let at = format!("{snapshot}/{}.md {}", page.path, method.path);
            let Some(returns) = &method.returns else {
                counts.undocumented += 1;
                continue;
            };
            let count = match returns.shape {
                ReturnShape::One => &mut counts.one,
                ReturnShape::Array => &mut counts.array,
                ReturnShape::Empty => &mut counts.empty,
                ReturnShape::Other => &mut counts.other,
            };
            *count += 1;
            assert_eq!(
                returns.shape.has_entities(),
                !returns.entities.is_empty(),
                "{at}: entities exactly for one and array"
            );
            for entity in &returns.entities {
                assert_eq!(entity.resolved, None, "{at}: the reader resolves nothing");
                assert!(!entity.text.is_empty(), "{at}: link text");
                assert!(
                    entity.page.is_some() != entity.anchor.is_some(),
                    "{at}: {entity:?}: an entity page or a same-page anchor"
                );
            }
            if returns.entities.len() > 1 {
                several.push(format!("{} {}", method.http_method, method.path));
            }
        }
    }
    assert_eq!(counts, expected, "{snapshot}");
    // Only posting a status returns one of several: Status, or ScheduledStatus.
    assert_eq!(several, ["POST /api/v1/statuses"], "{snapshot}");
}

/// The tests each snapshot's crate runs against its own generated API.
const API_TESTS: &str = r#"
#[cfg(test)]
mod tests {
    use super::api::{Classification, Endpoint, Error, Reason, OAUTH_ERROR_CODES};

    #[test]
    fn every_documented_error_classifies_for_its_own_method() {
        let mut count = 0;
        for &endpoint in Endpoint::ALL {
            for error in endpoint.errors() {
                count += 1;
                let own = endpoint.classify(error.status, error.error);
                assert!(
                    matches!(own, Classification::ForEndpoint(_) | Classification::Ambiguous(..)),
                    "{endpoint}: {} {:?} is {own:?}", error.status, error.error
                );
                assert_eq!(own.candidates(), error.classification.candidates(), "{endpoint}");
                // The table says what the general rules say of the example, match and all.
                let mut body = Error::new(error.error);
                body.error_description = error.error_description.map(str::to_owned);
                let general = body.classify(error.status);
                assert_eq!(
                    general, error.classification,
                    "{endpoint}: {} {:?}: the general rules and the table disagree",
                    error.status, error.error
                );
                if error.error_description.is_some() || OAUTH_ERROR_CODES.contains(&error.error) {
                    assert!(own.candidates().iter().all(|reason| reason.is_oauth()), "{endpoint}: {}", error.error);
                    assert!(Reason::classify(error.status, error.error).oauth_code().is_some());
                }
            }
        }
        assert_eq!(count, EXPECTED_ERRORS);
    }

    #[test]
    fn every_method_routes_back_from_a_concrete_path() {
        for &endpoint in Endpoint::ALL {
            let documented = endpoint.path().split('?').next().unwrap_or_default();
            let path: Vec<&str> = documented
                .split('/')
                .map(|segment| if segment.starts_with(':') { "109404970108594430" } else { segment })
                .collect();
            let path = path.join("/");
            assert_eq!(Endpoint::from_request(endpoint.method(), &path), Some(endpoint), "{path}");
            let with_query = format!("{path}?limit=40&max_id=1");
            assert_eq!(Endpoint::from_request(endpoint.method(), &with_query), Some(endpoint), "{with_query}");
            assert_eq!(Endpoint::from_request("TRACE", &path), None);
            // One trailing slash is the same path, as Rails routes it; two are not.
            assert_eq!(Endpoint::from_request(endpoint.method(), &format!("{path}/")), Some(endpoint), "{path}/");
            assert_eq!(Endpoint::from_request(endpoint.method(), &format!("{path}/?limit=40")), Some(endpoint), "{path}/?");
            assert_eq!(Endpoint::from_request(endpoint.method(), &format!("{path}//")), None, "{path}//");
        }
        assert_eq!(Endpoint::ALL.len(), EXPECTED_METHODS);
    }
}
"#;

/// Prints one line per endpoint: variant, page, anchor, request, and each
/// documented error's status and reasons.
const SUMMARY_MAIN: &str = r#"
fn main() {
    for &endpoint in CRATE::api::Endpoint::ALL {
        let errors: Vec<String> = endpoint
            .errors()
            .iter()
            .map(|error| {
                let reasons: Vec<&str> = error.classification.candidates().iter().map(|r| r.as_str()).collect();
                format!("{} {}", error.status, reasons.join("|"))
            })
            .collect();
        let anchor = endpoint.anchor().unwrap_or("-");
        println!("{endpoint:?} {} #{anchor} {endpoint} [{}]", endpoint.page(), errors.join(", "));
    }
}
"#;

/// Every snapshot, generated straight from its Markdown pages: compiles clean
/// with no dependencies, classifies and routes every documented method, and
/// names each method the same in every snapshot that has it.
fn every_snapshot_compiles_classifies_and_routes(root: &Path) {
    use crate::common::scratch::{cargo, cargo_succeeds, compiles_clean, write};

    let workspace = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("corpus-api");
    let members: Vec<String> = (0..SNAPSHOTS.len())
        .map(|i| format!("snapshot_{i}"))
        .collect();
    write(
        &workspace.join("Cargo.toml"),
        &format!("[workspace]\nmembers = {members:?}\nresolver = \"2\"\n"),
    );
    let error_page = crate::common::fixture("seed-000-current.md");
    for ((snapshot, methods, errors), member) in SNAPSHOTS.iter().zip(&members) {
        let mut config = crate::common::dependency_free_config();
        config.methods(root.join("methods").join(snapshot));
        let code = config
            .generate_source(&error_page)
            .unwrap_or_else(|e| panic!("{snapshot}:\n{}", e.render()));
        let dir = workspace.join(member);
        write(
            &dir.join("Cargo.toml"),
            &crate::common::scratch::manifest(member, ""),
        );
        write(&dir.join("src/api.rs"), &code);
        let tests = API_TESTS
            .replace("EXPECTED_ERRORS", &errors.to_string())
            .replace("EXPECTED_METHODS", &methods.to_string());
        write(
            &dir.join("src/lib.rs"),
            &format!(
                "//! Generated from the method pages of `{snapshot}`.\n#![forbid(unsafe_code)]\npub mod api;\n{tests}"
            ),
        );
        write(
            &dir.join("src/main.rs"),
            &SUMMARY_MAIN.replace("CRATE", member),
        );
    }
    compiles_clean(&workspace);

    // Names by (page, anchor), per snapshot.
    let mut summaries = Vec::new();
    for member in &members {
        cargo_succeeds(
            &workspace,
            &["build", "--offline", "--quiet", "-p", member],
            &[],
        );
        let output = cargo(
            &workspace,
            &["run", "--offline", "--quiet", "-p", member],
            &[],
        );
        assert!(
            output.status.success(),
            "{member}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        summaries.push(String::from_utf8(output.stdout).expect("UTF-8 summary"));
    }
    // Paired by page and anchor (the docs' identity for a method), and by
    // request where both sides have an anchor, a method keeps its name.
    struct Row {
        variant: String,
        identity: String,
        request: String,
    }
    let rows = |summary: &str| -> Vec<Row> {
        summary
            .lines()
            .filter_map(|line| {
                let mut words = line.split(' ');
                let (variant, page, anchor) = (words.next()?, words.next()?, words.next()?);
                let (method, path) = (words.next()?, words.next()?);
                let shape: Vec<&str> = path
                    .split('?')
                    .next()?
                    .split('/')
                    .map(|segment| {
                        if segment.starts_with(':') {
                            ":"
                        } else {
                            segment
                        }
                    })
                    .collect();
                (anchor != "#-").then(|| Row {
                    variant: variant.to_owned(),
                    identity: format!("{page}{anchor}"),
                    request: format!("{method} {}", shape.join("/")),
                })
            })
            .collect()
    };
    let mut renamed = Vec::new();
    for pair in summaries.windows(2) {
        let (old, new) = (rows(&pair[0]), rows(&pair[1]));
        for row in &old {
            let now = new
                .iter()
                .find(|now| now.identity == row.identity || now.request == row.request);
            if let Some(now) = now.filter(|now| now.variant != row.variant) {
                renamed.push(format!(
                    "{} ({}): {} → {}",
                    row.identity, row.request, row.variant, now.variant
                ));
            }
        }
    }
    assert_eq!(
        renamed,
        Vec::<String>::new(),
        "methods renamed between snapshots"
    );
    insta::assert_snapshot!(
        "current_snapshot_endpoints",
        summaries.last().expect("three snapshots")
    );
}

/// Every definition-list item under a method's parameters heading is a
/// parameter read, or a lint that says it was left out: the reader's count
/// against a plain count of the pages' `: ` lines.
fn every_parameter_is_read_or_a_lint(root: &Path, snapshot: &str, expected: [usize; 4]) {
    use mastodon_error_codegen::model::methods::ParamLocation;

    let pages = read_snapshot(root, snapshot);
    let mut counts = [0; 4];
    for page in &pages {
        for method in &page.methods {
            for param in &method.params {
                let index = ParamLocation::ALL
                    .iter()
                    .position(|location| *location == param.location)
                    .expect("a location");
                counts[index] += 1;
            }
        }
    }
    assert_eq!(counts, expected, "{snapshot}: path, query, form, header");
    let left_out = pages
        .iter()
        .flat_map(|page| &page.lints)
        .filter(|lint| lint.lint == "unreadable-parameter" && lint.outcome.starts_with("left out"))
        .count();
    let folder = root.join("methods").join(snapshot);
    let written: usize = pages
        .iter()
        .map(|page| {
            let text = std::fs::read_to_string(folder.join(format!("{}.md", page.path)))
                .expect("the page reads");
            definitions_under_parameter_headings(&text)
        })
        .sum();
    assert_eq!(
        counts.iter().sum::<usize>() + left_out,
        written,
        "{snapshot}: parameters read plus those left out, against the pages' definitions"
    );
}

/// The `: ` lines that start a definition (after a line that is none) under
/// `##### Path parameters`, `Query parameters`, `Form data parameters` or
/// `Headers`, up to the next heading; outside HTML comments and outside the
/// `##` sections whose first `http` block opens a WebSocket, which are no
/// methods.
fn definitions_under_parameter_headings(text: &str) -> usize {
    const HEADINGS: [&str; 4] = [
        "##### Path parameters",
        "##### Query parameters",
        "##### Form data parameters",
        "##### Headers",
    ];
    let (mut under, mut previous_defines, mut in_comment) = (false, false, false);
    let (mut websocket, mut http_seen, mut http_next) = (false, false, false);
    let mut count = 0;
    for line in text.lines() {
        if in_comment || line.starts_with("<!--") {
            in_comment = !line.contains("-->");
            continue;
        }
        if http_next && !http_seen {
            websocket = line.starts_with("wss://");
            http_seen = true;
        }
        http_next = line.trim_end() == "```http";
        if line.starts_with('#') {
            if line.starts_with("## ") {
                (websocket, http_seen) = (false, false);
            }
            under = HEADINGS.contains(&line.trim_end()) && !websocket;
            previous_defines = false;
            continue;
        }
        let defines = line.starts_with(": ");
        if under && defines && !previous_defines {
            count += 1;
        }
        if !line.trim().is_empty() {
            previous_defines = defines;
        }
    }
    count
}
