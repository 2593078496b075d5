#!/usr/bin/env bash
# The docs corpus for the corpus tests, fetched at pinned revisions and never vendored (as syn's tests/repo
# does). Every file listed in scripts/corpus.pins is extracted by commit and path from a clone of
# mastodon/documentation, then checked against its pinned git blob id. A pin whose commit is `-` is a
# derived file (the history bundle and its commit map): no docs commit holds it, so only shared/ has it;
# it is checked when present and not fetched.
#
#   scripts/fetch-corpus.sh [--docs CLONE] [--out DIR]   fetch (default DIR: target/docs-corpus, where tests look)
#   scripts/fetch-corpus.sh --verify DIR                  check a corpus against the pins, and nothing else
#   scripts/fetch-corpus.sh --docs CLONE --pin CORPUS_DIR COMMIT DOCS_DIR
#                                                         print the pins of a new snapshot, for corpus.pins
#
# CLONE is an existing clone of the docs repository, bare or not: --docs, else $MASTODON_DOCS_REPO, else a
# bare clone that this script makes (or updates) in target/docs-repo.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
pins="$root/scripts/corpus.pins"
upstream=https://github.com/mastodon/documentation.git

die() {
  printf 'error: %s\n' "$1" >&2
  [ $# -lt 2 ] || printf '  = help: %s\n' "$2" >&2
  exit 1
}

# The pins without comments: "corpus-path commit docs-path blob" per line.
pin_lines() { grep -v -e '^#' -e '^[[:space:]]*$' "$pins"; }

# Checks DIR against the pins: every pinned file present with its blob id, and no file that is not pinned.
# A derived file may be absent from a fetched corpus ($derived_optional=1), and from any corpus unless
# MASTODON_ERROR_REQUIRE_CORPUS is set, as CI sets it.
verify() {
  local dir=$1 problems=0 path commit docs blob actual
  [ -d "$dir" ] || die "no corpus at $dir" "fetch it with scripts/fetch-corpus.sh"
  while read -r path commit docs blob; do
    if [ ! -f "$dir/$path" ] && [ "$commit" = - ] &&
        { [ "${derived_optional:-0}" = 1 ] || [ -z "${MASTODON_ERROR_REQUIRE_CORPUS:-}" ]; }; then
      echo "  absent: $path (derived: only shared/corpus has it; the tests that read it are skipped)" >&2
      continue
    fi
    if [ ! -f "$dir/$path" ]; then
      echo "  missing: $path (from $docs at $commit)" >&2
      problems=$((problems + 1))
      continue
    fi
    actual=$(git hash-object "$dir/$path")
    if [ "$actual" != "$blob" ]; then
      echo "  changed: $path is blob $actual, pinned as $blob" >&2
      problems=$((problems + 1))
    fi
  done < <(pin_lines)
  # ../shared/corpus/README.md describes the corpus; it is not part of it.
  while read -r path; do
    echo "  not pinned: $path" >&2
    problems=$((problems + 1))
  done < <(LC_ALL=C comm -13 <(pin_lines | cut -d' ' -f1 | LC_ALL=C sort) \
    <(cd "$dir" && find . -type f ! -path ./README.md | sed 's|^\./||' | LC_ALL=C sort))
  if [ "$problems" -gt 0 ]; then
    die "the corpus at $dir differs from scripts/corpus.pins in $problems file(s)" \
      "run scripts/fetch-corpus.sh for the pinned corpus, or update the pins in the same commit as the tests"
  fi
  echo "${2:-$dir}: $(pin_lines | wc -l | tr -d ' ') files, all as pinned"
}

# The docs clone to read, made or updated if it is ours and lacks a pinned commit.
docs_clone() {
  local repo=${docs:-${MASTODON_DOCS_REPO:-}} ours=0 commit
  if [ -z "$repo" ]; then
    repo="$root/target/docs-repo"
    ours=1
    if [ ! -d "$repo" ]; then
      echo "cloning $upstream into $repo" >&2
      git clone --quiet --bare "$upstream" "$repo"
    fi
  fi
  git -C "$repo" rev-parse --git-dir >/dev/null 2>&1 ||
    die "$repo is not a git repository" "pass a clone of $upstream with --docs"
  for commit in $(pin_lines | cut -d' ' -f2 | grep -v '^-$' | sort -u); do
    if ! git -C "$repo" cat-file -e "$commit^{commit}" 2>/dev/null; then
      [ "$ours" = 1 ] || die "$repo lacks the pinned commit $commit" "update it: git -C $repo fetch $upstream"
      echo "fetching $upstream into $repo" >&2
      git -C "$repo" fetch --quiet "$upstream" "+refs/heads/*:refs/heads/*"
      git -C "$repo" cat-file -e "$commit^{commit}" 2>/dev/null || die "$upstream has no commit $commit"
    fi
  done
  printf '%s\n' "$repo"
}

fetch() {
  local repo partial path commit docs_path blob
  repo=$(docs_clone)
  partial="$out.partial"
  rm -rf "$partial"
  while read -r path commit docs_path blob; do
    [ "$commit" != - ] || continue
    mkdir -p "$(dirname "$partial/$path")"
    git -C "$repo" cat-file blob "$commit:$docs_path" >"$partial/$path" ||
      die "$repo has no $docs_path at $commit" "is it a clone of $upstream?"
  done < <(pin_lines)
  derived_optional=1 verify "$partial" "$out"
  rm -rf "$out"
  mv "$partial" "$out"
}

pin() {
  local repo corpus_dir=$1 commit docs_dir=${3%/}
  repo=$(docs_clone)
  commit=$(git -C "$repo" rev-parse --verify "$2^{commit}") || die "$repo has no commit $2"
  git -C "$repo" ls-tree -r "$commit" -- "$docs_dir/" | while read -r _mode _type blob path; do
    printf '%s/%s %s %s %s\n' "${corpus_dir%/}" "${path#"$docs_dir"/}" "$commit" "$path" "$blob"
  done
}

docs=""
out="$root/target/docs-corpus"
mode=fetch
while [ $# -gt 0 ]; do
  case $1 in
    --docs) docs=${2:?--docs takes a path}; shift 2 ;;
    --out) out=${2:?--out takes a path}; shift 2 ;;
    --verify) mode=verify; out=${2:?--verify takes a path}; shift 2 ;;
    --pin) mode=pin; shift; [ $# -eq 3 ] || die "--pin takes CORPUS_DIR COMMIT DOCS_DIR"; pin "$@"; exit 0 ;;
    -h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1" "see scripts/fetch-corpus.sh --help" ;;
  esac
done
case $mode in
  fetch) fetch ;;
  verify) verify "$out" ;;
esac
