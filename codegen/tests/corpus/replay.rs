//! The docs' whole history, replayed as a user who follows the docs would
//! live it: every commit since the 4.0 rewrite of the method pages
//! (ffbe66a3, 2022-12-14) that touched the method pages or the Error page,
//! in order. Each generates the whole API from that commit's pages; each
//! diffs against the one before; every lint that fires is in docs/lints.md's
//! table; a sample of the modules compiles clean. docs/history.md's
//! figures are this replay's output.
//!
//! The history is `history/documentation.bundle` in the corpus, a derived
//! file that only `shared/corpus` has: without it, this trial is ignored.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use mastodon_error_codegen::diff::Impact;
use mastodon_error_codegen::stages::{ApiVersion, api_version, diff_versions};
use mastodon_error_codegen::{Source, lint};

use crate::Suite;
use crate::common::scratch::{compiles_clean, modules_crate};

/// Upstream's 4.0 rewrite of the method pages: where the replay starts.
const REWRITE: &str = "ffbe66a389f44237904171cd7fe138157382f4b1";
/// The commits the replay must cover: those from the rewrite on that touched
/// the method pages or the Error page, as the corpus README counts them.
const COMMITS_SINCE_REWRITE: usize = 172;
/// What the history's commits touch that the API is generated from.
const API_PATHS: [&str; 3] = [
    "content/en/methods",
    "content/en/entities/error.md",
    "content/en/entities/Error.md",
];
/// Lints that correct a reading which never refused a commit: added after
/// lints existed, not in place of an error.
const NEVER_REFUSED: [&str; 5] = [
    "returns-contradicts-example",
    // The parameter lints came with the parameter reader (issue 32): before
    // it, parameters were not read at all, so nothing was refused for them.
    "unreadable-parameter",
    "colon-outside-path",
    "unread-parameter-type",
    "unknown-parameter-section",
];
/// docs/history.md's figures sit between these lines.
const FIGURES_START: &str = "<!-- history figures: written by the replay test -->\n";
const FIGURES_END: &str = "<!-- end of history figures -->\n";

pub fn add(suite: &mut Suite) {
    suite.history_trial(
        "replay::every_commit_since_the_rewrite_generates_and_diffs".to_owned(),
        replay,
    );
}

/// One commit's result.
struct Replayed {
    upstream: String,
    date: String,
    error_page: Source,
    pages: Vec<(String, Source)>,
    version: ApiVersion,
    /// The impact of its change to the generated module; `None` when nothing changed.
    impact: Option<Impact>,
}

fn replay(root: &Path) {
    let repo = clone_bundle(&root.join("history/documentation.bundle"), "history.git");
    let map = std::fs::read_to_string(root.join("history/commits.tsv")).expect("commits.tsv");
    let since = since_rewrite(&map);
    let touched = touching(&repo, &since, &API_PATHS);
    assert_eq!(
        touched.len(),
        COMMITS_SINCE_REWRITE,
        "commits since the rewrite that touched the API pages"
    );

    let (trees, blobs) = files_at(&repo, &touched, &API_PATHS);

    // Each commit's generation and lints, then each diff against the one before.
    let config = crate::common::dependency_free_config();
    let mut replayed: Vec<Replayed> = Vec::new();
    for ([upstream, _, date], files) in touched.iter().zip(&trees) {
        let mut error_page = None;
        let mut pages = Vec::new();
        for (path, blob) in files {
            let text = blobs[blob].clone();
            if let Some(page) = path.strip_prefix("content/en/methods/") {
                if let Some(page_path) = page.strip_suffix(".md") {
                    pages.push((page_path.to_owned(), Source::new(page, text)));
                }
            } else {
                error_page = Some(Source::new("error.md", text));
            }
        }
        let error_page = error_page.unwrap_or_else(|| panic!("{upstream}: no Error page"));
        let version = api_version(&error_page, &pages, &config).unwrap_or_else(|error| {
            panic!("{date} {upstream}: the API does not generate:\n{error}")
        });
        let impact = replayed.last().and_then(|before| {
            diff_versions(&before.version, &version, &before.upstream, upstream).impact()
        });
        replayed.push(Replayed {
            upstream: (*upstream).to_owned(),
            date: (*date).to_owned(),
            error_page,
            pages,
            version,
            impact,
        });
    }

    // Every lint that fired is one docs/lints.md lists, with its default level.
    let table =
        std::fs::read_to_string(crate::common::corpus::workspace_root().join("docs/lints.md"))
            .expect("docs/lints.md");
    for commit in &replayed {
        for fired in commit.version.generated.lints.iter() {
            let lint = fired.lint();
            assert!(
                table.contains(&format!("| `{}` | {} |", lint.name, lint.default_level)),
                "{}: `{}` fired and is not in docs/lints.md's table",
                commit.upstream,
                lint.name
            );
        }
    }

    // The 2024-12-19 snapshot: one broken example, its reason read from it;
    // the others are the five DELETEs whose Returns line names an entity
    // while their 200 example is `{}`. Its parameters' lints are not examples'.
    let december = replayed
        .iter()
        .find(|commit| commit.upstream.starts_with("c7d6167d"))
        .expect("c7d6167d (2024-12-19) is in the history");
    let (broken, others): (Vec<_>, Vec<_>) = december
        .version
        .generated
        .lints
        .iter()
        .filter(|fired| {
            !fired.lint().name.contains("parameter") && fired.lint().name != "colon-outside-path"
        })
        .partition(|fired| fired.lint().name != "returns-contradicts-example");
    assert_eq!(
        others.len(),
        5,
        "{}",
        december.version.generated.lints.render()
    );
    let [fired] = &broken[..] else {
        panic!(
            "one broken example at c7d6167d: {}",
            december.version.generated.lints.render()
        )
    };
    assert_eq!(fired.lint().name, "invalid-example-json");
    assert_eq!(fired.location(), "admin/domain_blocks.md:248:3");
    assert!(
        december
            .version
            .generated
            .code
            .contains("\"You have already imposed stricter limits on example.com.\""),
        "the 422 reason is read from the broken example"
    );

    copies_record_the_lints(&replayed);
    compile_sample(&replayed);
    let figures = figures(&replayed);
    let page = crate::common::corpus::workspace_root().join("docs/history.md");
    let docs = std::fs::read_to_string(page).expect("docs/history.md");
    assert!(
        docs.contains(&format!("{FIGURES_START}{figures}{FIGURES_END}")),
        "docs/history.md's figures are stale; between the markers they should read:\n{figures}"
    );
}

/// Where the lints change from one commit to the next, the YAML copy of
/// that commit's pages records them, and generates the same module.
fn copies_record_the_lints(replayed: &[Replayed]) {
    let lints_of = |commit: &Replayed| -> Vec<String> {
        let lints = &commit.version.generated.lints;
        lints
            .iter()
            .map(|fired| format!("{} {}", fired.location(), fired.message()))
            .collect()
    };
    let mut previous = Vec::new();
    let mut checked = 0;
    for commit in replayed {
        let lints = lints_of(commit);
        if lints == previous {
            continue;
        }
        previous = lints;
        let folder = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .join("history-copy")
            .join(&commit.upstream[..8]);
        let _ = std::fs::remove_dir_all(&folder);
        for (page, source) in &commit.pages {
            let path = folder.join(format!("{page}.md"));
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, source.text()).expect("write page");
        }
        let config = crate::common::dependency_free_config();
        let copy = config
            .export_methods_yaml(&folder, Some("methods.yaml"))
            .unwrap_or_else(|error| panic!("{}: the copy: {error}", commit.upstream));
        for fired in commit.version.generated.lints.iter() {
            let kind = fired.lint().name;
            let recorded = format!("- lint: {kind}\n");
            let route_level = ["duplicate-anchor", "duplicate-route", "empty-path-segment"];
            assert!(
                route_level.contains(&kind) || copy.contains(&recorded),
                "{}: the copy does not record `{kind}`",
                commit.upstream
            );
        }
        let from_copy = config
            .generate_api_report(&commit.error_page, &Source::new("methods.yaml", copy))
            .unwrap_or_else(|error| panic!("{}: from the copy: {error}", commit.upstream));
        assert_eq!(
            from_copy.lints.len(),
            commit.version.generated.lints.len(),
            "{}: the copy reports the same lints",
            commit.upstream
        );
        let body = |module: &str| module.split_once("\n\n").expect("a header").1.to_owned();
        assert!(
            body(&from_copy.code) == body(&commit.version.generated.code),
            "{}: the copy generates another module",
            commit.upstream
        );
        checked += 1;
    }
    assert!(checked >= 3, "the lints changed in only {checked} commits");
}

/// The first commit, the last, and each where a lint fired, compile clean
/// (one module per distinct output).
fn compile_sample(replayed: &[Replayed]) {
    let last = replayed.len() - 1;
    let mut seen = BTreeSet::new();
    let mut modules = Vec::new();
    for (index, commit) in replayed.iter().enumerate() {
        let generated = &commit.version.generated;
        if (index == 0 || index == last || !generated.lints.is_empty())
            && seen.insert(generated.code.as_str())
        {
            let doc = format!(
                "Generated from upstream {} ({}).",
                commit.upstream, commit.date
            );
            modules.push((doc, generated.code.clone()));
        }
    }
    let project = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("history-sample");
    modules_crate(&project, "[workspace]\n", "commit", &modules);
    compiles_clean(&project);
}

/// docs/history.md's tables: commits generated, lints by kind, impact per year.
fn figures(replayed: &[Replayed]) -> String {
    let mut by_lint: BTreeMap<&str, (usize, BTreeSet<String>)> = BTreeMap::new();
    for commit in replayed {
        let mut in_commit = BTreeSet::new();
        for fired in commit.version.generated.lints.iter() {
            let entry = by_lint.entry(fired.lint().name).or_default();
            if in_commit.insert(fired.lint().name) {
                entry.0 += 1;
            }
            entry
                .1
                .insert(format!("{} {}", fired.message(), fired.outcome()));
        }
    }
    let with_lints = replayed
        .iter()
        .filter(|commit| !commit.version.generated.lints.is_empty())
        .count();
    // Each lint but NEVER_REFUSED was an error before lints existed: a commit
    // with one was refused.
    let refused = replayed
        .iter()
        .filter(|commit| {
            commit
                .version
                .generated
                .lints
                .iter()
                .any(|fired| !NEVER_REFUSED.contains(&fired.lint().name))
        })
        .count();
    let mut out = format!(
        "| Commits replayed | Generated | With a lint | Refused before lints |\n|---|---|---|---|\n| {} ({} to {}) | {} | {} | {} |\n\n",
        replayed.len(),
        replayed[0].date,
        replayed[replayed.len() - 1].date,
        replayed.len(),
        with_lints,
        refused,
    );
    out.push_str("| Lint | Commits where it fired | Distinct defects |\n|---|---|---|\n");
    for lint in lint::ALL {
        if let Some((commits, defects)) = by_lint.get(lint.name) {
            out.push_str(&format!(
                "| `{}` | {commits} | {} |\n",
                lint.name,
                defects.len()
            ));
        }
    }
    out.push_str("\n| Year | Commits | Major | Minor | Patch | No change to the module |\n|---|---|---|---|---|---|\n");
    let mut years: BTreeMap<&str, [usize; 5]> = BTreeMap::new();
    // The first commit has nothing before it to differ from.
    for commit in &replayed[1..] {
        let row = years.entry(&commit.date[..4]).or_default();
        row[0] += 1;
        let column = match commit.impact {
            Some(Impact::Major) => 1,
            Some(Impact::Minor) => 2,
            Some(Impact::Patch) => 3,
            None => 4,
        };
        row[column] += 1;
    }
    for (year, [commits, major, minor, patch, none]) in years {
        out.push_str(&format!(
            "| {year} | {commits} | {major} | {minor} | {patch} | {none} |\n"
        ));
    }
    out
}

/// The rows of `commits.tsv` (upstream, bundle, date; oldest first) from the
/// rewrite on.
pub(crate) fn since_rewrite(map: &str) -> Vec<[&str; 3]> {
    let rows: Vec<[&str; 3]> = map
        .lines()
        .skip(1)
        .map(|line| match line.split('\t').collect::<Vec<_>>()[..] {
            [upstream, bundle, date] => [upstream, bundle, date],
            _ => panic!("commits.tsv: not `upstream<TAB>bundle<TAB>date`: {line}"),
        })
        .collect();
    let start = rows
        .iter()
        .position(|[upstream, ..]| *upstream == REWRITE)
        .expect("commits.tsv maps the rewrite");
    rows[start..].to_vec()
}

/// A bare clone of the bundle, made afresh in the target directory as `name`.
pub(crate) fn clone_bundle(bundle: &Path, name: &str) -> PathBuf {
    let repo = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&repo);
    git(
        Path::new("."),
        &[
            "clone",
            "--quiet",
            "--bare",
            &bundle.to_string_lossy(),
            &repo.to_string_lossy(),
        ],
        None,
    );
    repo
}

/// The rows whose commit changed a file below `paths`; the first (the
/// rewrite itself) always. Merges show no change of their own.
pub(crate) fn touching<'a>(
    repo: &Path,
    rows: &'a [[&'a str; 3]],
    paths: &[&str],
) -> Vec<[&'a str; 3]> {
    let ids: String = rows
        .iter()
        .map(|[_, bundle, _]| format!("{bundle}\n"))
        .collect();
    let mut args = vec!["diff-tree", "--stdin", "-r", "--name-only", "--"];
    args.extend(paths);
    let output = git(repo, &args, Some(ids.as_bytes()));
    let text = String::from_utf8(output).expect("UTF-8 paths");
    // Each commit id line is followed by the paths it changed, if any.
    let mut changed: BTreeSet<&str> = BTreeSet::new();
    let mut current = None;
    for line in text.lines() {
        if line.len() == 40 && line.bytes().all(|b| b.is_ascii_hexdigit()) {
            current = Some(line);
        } else if let Some(commit) = current {
            changed.insert(commit);
        }
    }
    rows.iter()
        .enumerate()
        .filter(|(index, [_, bundle, _])| *index == 0 || changed.contains(bundle))
        .map(|(_, row)| *row)
        .collect()
}

/// Each commit's `(path, blob id)` pairs.
pub(crate) type Trees = Vec<Vec<(String, String)>>;

/// For each of `commits`, `(path, blob id)` of every file below `paths`; and
/// the text of every blob they name, read once.
pub(crate) fn files_at(
    repo: &Path,
    commits: &[[&str; 3]],
    paths: &[&str],
) -> (Trees, HashMap<String, String>) {
    let trees: Trees = commits
        .iter()
        .map(|[_, bundle, _]| tree(repo, bundle, paths))
        .collect();
    let blobs = read_blobs(
        repo,
        trees
            .iter()
            .flatten()
            .map(|(_, blob)| blob.as_str())
            .collect(),
    );
    (trees, blobs)
}

/// `(path, blob id)` of every file below `paths` at `commit`.
fn tree(repo: &Path, commit: &str, paths: &[&str]) -> Vec<(String, String)> {
    let mut args = vec!["ls-tree", "-r", commit, "--"];
    args.extend(paths);
    let output = String::from_utf8(git(repo, &args, None)).expect("UTF-8 listing");
    output
        .lines()
        .map(|line| {
            let (meta, path) = line.split_once('\t').expect("`mode type blob<TAB>path`");
            let blob = meta.split(' ').nth(2).expect("blob id");
            (path.to_owned(), blob.to_owned())
        })
        .collect()
}

/// The text of every blob, read by one `git cat-file --batch`.
fn read_blobs(repo: &Path, ids: BTreeSet<&str>) -> HashMap<String, String> {
    let request: String = ids.iter().map(|id| format!("{id}\n")).collect();
    let output = git(repo, &["cat-file", "--batch"], Some(request.as_bytes()));
    let mut blobs = HashMap::new();
    let mut rest = &output[..];
    for id in ids {
        let header_end = rest.iter().position(|&b| b == b'\n').expect("header");
        let header = std::str::from_utf8(&rest[..header_end]).expect("header");
        let size: usize = header
            .rsplit(' ')
            .next()
            .and_then(|size| size.parse().ok())
            .unwrap_or_else(|| panic!("`{header}` for {id}"));
        let body = &rest[header_end + 1..header_end + 1 + size];
        blobs.insert(
            id.to_owned(),
            String::from_utf8(body.to_vec()).expect("UTF-8 page"),
        );
        rest = &rest[header_end + 1 + size + 1..];
    }
    blobs
}

fn git(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Vec<u8> {
    let mut child = Command::new("git")
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("git runs");
    let input = stdin.unwrap_or_default().to_vec();
    let mut pipe = child.stdin.take().expect("stdin");
    // Written from its own thread, so a large answer cannot deadlock the pipe.
    let writer = std::thread::spawn(move || pipe.write_all(&input));
    let output = child.wait_with_output().expect("git finishes");
    writer.join().expect("writer").expect("git reads its input");
    assert!(
        output.status.success(),
        "git {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}
