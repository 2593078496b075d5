//! Every test that reads a whole page, run on the committed seeds and on
//! each page of the docs corpus, one trial per page and check.
//!
//! The corpus lives outside the repository (`common::corpus` says where it
//! is looked for). Without it, the seed trials still run, the corpus trials
//! are listed as ignored, and one notice says how many did not run and how to
//! get the data. With `MASTODON_ERROR_REQUIRE_CORPUS` set (as `.ci/run` does),
//! a missing corpus fails the run. A corpus that differs from
//! `scripts/corpus.pins` always fails it.
//!
//! This binary has its own harness (libtest-mimic) because libtest can only
//! ignore a test at compile time, and whether the corpus is here is known at
//! run time.

#[path = "../common/mod.rs"]
mod common;

mod compile;
mod entities;
mod entity_history;
mod error_page;
mod history;
mod methods;
mod rate_limits;
mod replay;
mod responses;
mod scopes;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use common::corpus::{self, CORPUS_ENV, FETCH_COMMAND, Lookup, REQUIRE_ENV};
use libtest_mimic::{Arguments, Failed, Trial};
use mastodon_error_codegen::Source;

/// A page a check runs on: a committed seed, or a pinned corpus file.
#[derive(Clone)]
pub enum PageRef {
    Seed(&'static str),
    /// Its path in the corpus, as pinned.
    Corpus(String),
}

impl PageRef {
    /// The file name: what generated headers and messages call the page.
    pub fn label(&self) -> &str {
        match self {
            PageRef::Seed(name) => name,
            PageRef::Corpus(path) => path.rsplit('/').next().unwrap_or(path),
        }
    }
}

/// A check that runs on one page.
pub type PageCheck = fn(&Page);

/// A page, read.
pub struct Page {
    pub label: String,
    pub text: String,
}

impl Page {
    pub fn source(&self) -> Source {
        Source::new(self.label.as_str(), self.text.as_str())
    }
}

/// The trials, and the corpus they read when there is one.
pub struct Suite {
    corpus: Option<Arc<PathBuf>>,
    trials: Vec<Trial>,
}

impl Suite {
    /// The seeds that are pages, then the pinned Error pages, oldest first.
    pub fn error_pages(&self) -> Vec<PageRef> {
        let seeds = common::PAGE_SEEDS.into_iter().map(PageRef::Seed);
        let pinned = corpus::pinned_under("error-page")
            .into_iter()
            .map(PageRef::Corpus);
        seeds.chain(pinned).collect()
    }

    /// A trial that reads the corpus: ignored when there is none.
    pub fn corpus_trial(&mut self, name: String, test: impl FnOnce(&Path) + Send + 'static) {
        let trial = match &self.corpus {
            Some(root) => {
                let root = Arc::clone(root);
                Trial::test(name, move || {
                    test(&root);
                    Ok(())
                })
            }
            // Run anyway only under `--ignored` or `--include-ignored`.
            None => {
                Trial::test(name, || Err(Failed::from(missing_message()))).with_ignored_flag(true)
            }
        };
        self.trials.push(trial);
    }

    /// A trial that reads the docs' history (`history/` in the corpus, which
    /// only `shared/corpus` has): ignored without it, unless the corpus is
    /// required, when its absence fails the trial.
    pub fn history_trial(&mut self, name: String, test: impl FnOnce(&Path) + Send + 'static) {
        self.derived_trial(
            name,
            "history/documentation.bundle",
            "the docs' history (history/ in the corpus)",
            test,
        );
    }

    /// A trial that reads the servers' recorded responses (`responses/` in
    /// the corpus, derived files that only `shared/corpus` has), as
    /// [`Suite::history_trial`] reads the history.
    pub fn responses_trial(&mut self, name: String, test: impl FnOnce(&Path) + Send + 'static) {
        self.derived_trial(
            name,
            "responses/mastodonpy-4.6.4.jsonl",
            "the servers' recorded responses (responses/ in the corpus)",
            test,
        );
    }

    /// A trial that reads derived files of the corpus, of which `marker` is
    /// one: ignored without them, unless the corpus is required.
    fn derived_trial(
        &mut self,
        name: String,
        marker: &str,
        what: &str,
        test: impl FnOnce(&Path) + Send + 'static,
    ) {
        let has_files = self
            .corpus
            .as_ref()
            .is_some_and(|root| root.join(marker).is_file());
        if has_files || self.corpus.is_none() {
            return self.corpus_trial(name, test);
        }
        let message = format!(
            "this test reads {what}, which only shared/corpus has; scripts/fetch-corpus.sh does not fetch it"
        );
        let required = std::env::var_os(REQUIRE_ENV).is_some();
        self.trials.push(
            Trial::test(name, move || Err(Failed::from(message))).with_ignored_flag(!required),
        );
    }

    /// One trial of `check` for each page: `{group}::{check}::{page}`.
    pub fn per_page(&mut self, group: &str, check: &str, pages: &[PageRef], test: PageCheck) {
        for page in pages {
            let name = format!("{group}::{check}::{}", page.label());
            match page {
                PageRef::Seed(fixture) => {
                    let fixture = *fixture;
                    self.trials.push(Trial::test(name, move || {
                        test(&read_page(fixture, &common::fixture_path(fixture)));
                        Ok(())
                    }));
                }
                PageRef::Corpus(path) => {
                    let path = path.clone();
                    let label = page.label().to_owned();
                    self.corpus_trial(name, move |root| {
                        test(&read_page(&label, &root.join(&path)))
                    });
                }
            }
        }
    }
}

fn read_page(label: &str, path: &Path) -> Page {
    Page {
        label: label.to_owned(),
        text: std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    }
}

fn missing_message() -> String {
    format!("this test reads the docs corpus, which was not found; get it with {FETCH_COMMAND}")
}

fn main() -> ExitCode {
    let args = Arguments::from_args();
    let lookup = match corpus::locate() {
        Ok(lookup) => lookup,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    };
    let corpus = match &lookup {
        Lookup::Found(root) => {
            if let Err(message) = corpus::verify(root) {
                eprintln!("error: {message}");
                return ExitCode::FAILURE;
            }
            Some(Arc::new(root.clone()))
        }
        Lookup::Missing(looked_in) if std::env::var_os(REQUIRE_ENV).is_some() => {
            eprintln!(
                "error: {REQUIRE_ENV} is set, and the docs corpus was not found\n  looked in: {}\n  = help: get it with {FETCH_COMMAND}, or point {CORPUS_ENV} at it",
                looked_in.join(", ")
            );
            return ExitCode::FAILURE;
        }
        Lookup::Missing(_) => None,
    };

    let mut suite = Suite {
        corpus,
        trials: Vec::new(),
    };
    error_page::add(&mut suite);
    history::add(&mut suite);
    compile::add(&mut suite);
    methods::add(&mut suite);
    rate_limits::add(&mut suite);
    scopes::add(&mut suite);
    entities::add(&mut suite);
    entity_history::add(&mut suite);
    replay::add(&mut suite);
    responses::add(&mut suite);

    let selected = suite
        .trials
        .iter()
        .filter(|trial| !args.is_filtered_out(trial))
        .count();
    let not_run = suite
        .trials
        .iter()
        .filter(|trial| trial.has_ignored_flag() && !args.is_filtered_out(trial))
        .count();
    let conclusion = libtest_mimic::run(&args, suite.trials);
    if let Lookup::Missing(looked_in) = &lookup
        && not_run > 0
        && !args.ignored
        && !args.include_ignored
    {
        println!(
            "note: {not_run} of these {selected} tests did not run (listed as ignored above): they read the docs corpus, which was not found.\n      looked in: {}\n      get it with: {FETCH_COMMAND}   (see docs/corpus.md)\n",
            looked_in.join(", ")
        );
    }
    conclusion.exit_code()
}
