#!/usr/bin/env bash
# What the generator costs in a consumer's build, measured with cargo and
# /usr/bin/time only. Prints a Markdown table and the evidence behind it.
#
# Usage: scripts/build-cost.sh [RUNS]    (RUNS clean builds per figure, default 3)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A copy of the workspace to edit freely; the checkout is never touched.
mkdir "$work/repo"
tar -C "$root" --exclude=./target --exclude=./fuzz -cf - . | tar -C "$work/repo" -xf -
repo="$work/repo"
(cd "$repo" && cargo fetch --quiet)

# `seconds CMD…`: wall-clock seconds of one run, output discarded.
seconds() {
    /usr/bin/time -f %e -o "$work/time" "$@" >/dev/null 2>&1
    cat "$work/time"
}
# `stats`: "median (min–max)" of the numbers on stdin.
stats() {
    sort -n | awk '{ v[NR] = $1 } END { printf "%.2f s (%.2f–%.2f)", v[int((NR + 1) / 2)], v[1], v[NR] }'
}
median() {
    sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
clean_build() { # DIR TARGET: one clean `cargo build` of the package in DIR
    rm -rf "$2"
    (cd "$1" && CARGO_TARGET_DIR="$2" seconds cargo build --offline)
}
clean_builds() { # DIR TARGET: $runs clean builds
    for _ in $(seq "$runs"); do clean_build "$1" "$2"; done
}

# 1. The crate, against the same build-dependencies alone: a scratch crate
#    whose build script depends on exactly codegen's [dependencies].
mkdir -p "$work/deps-only/src"
{
    printf '[package]\nname = "deps-only"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n[build-dependencies]\n'
    sed -n '/^\[dependencies\]/,/^\[/{/^\[/d;p}' "$repo/codegen/Cargo.toml"
    printf '\n[workspace]\n'
} >"$work/deps-only/Cargo.toml"
echo 'fn main() {}' >"$work/deps-only/build.rs"
: >"$work/deps-only/src/lib.rs"
cp "$repo/Cargo.lock" "$work/deps-only/Cargo.lock"

# Interleaved, so a machine that speeds up or slows down affects both alike.
crate_times=""
deps_times=""
for _ in $(seq "$runs"); do
    crate_times+="$(clean_build "$repo" "$work/t-crate")"$'\n'
    deps_times+="$(clean_build "$work/deps-only" "$work/t-deps")"$'\n'
done
crate_times=${crate_times%$'\n'}
deps_times=${deps_times%$'\n'}
crate_median=$(median <<<"$crate_times")
deps_median=$(median <<<"$deps_times")
overhead=$(awk -v c="$crate_median" -v d="$deps_median" 'BEGIN { printf "%.0f%% (%.1f s)", (c - d) / d * 100, c - d }')

# 2. No-op rebuilds: an unrelated file, then the crate's own source.
target="$work/t-crate"
build_log() { (cd "$repo" && CARGO_TARGET_DIR="$target" cargo build --offline -v 2>&1); }
build_log >/dev/null
touch "$repo/README.md"
noop_log=$(build_log)
touch "$repo/src/lib.rs"
src_log=$(build_log)
reruns() { grep -c 'build-script-build`' <<<"$1" || true; }
compiles() { grep -E '^ +Compiling ' <<<"$1" | sed -E 's/^ +Compiling ([^ ]+).*/\1/' | paste -sd, - || true; }

# 3. Editing the spec: only the build script and the crate rerun.
printf '\n' >>"$repo/spec/error.yaml"
spec_log=$(build_log)

# 4. A crate that only `include!`s generated/mastodon_error.rs, with no dependencies.
mkdir -p "$work/include-only/src"
printf '[package]\nname = "include-only"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n[lints.rust]\nunexpected_cfgs = { level = "warn", check-cfg = ['"'"'cfg(feature, values("serde"))'"'"'] }\n\n[workspace]\n' >"$work/include-only/Cargo.toml"
printf 'include!("%s/generated/mastodon_error.rs");\n' "$repo" >"$work/include-only/src/lib.rs"
include_times=$(clean_builds "$work/include-only" "$work/t-include")

cat <<REPORT
Machine: $(nproc) cores, $(uname -sm), $(cargo --version)
Runs per figure: $runs (median, min–max)

| Build | Time |
|---|---|
| clean \`cargo build\` of the crate (deps + generator + build script + module) | $(stats <<<"$crate_times") |
| clean build of the build-dependencies alone | $(stats <<<"$deps_times") |
| generator and generated module on top of the dependencies | $overhead |
| clean build of a crate that only \`include!\`s generated/mastodon_error.rs | $(stats <<<"$include_times") |

No-op rebuild after touching README.md: build script runs = $(reruns "$noop_log"), compiled: [$(compiles "$noop_log")]
Rebuild after touching src/lib.rs:     build script runs = $(reruns "$src_log"), compiled: [$(compiles "$src_log")]
Rebuild after editing spec/error.yaml:   build script runs = $(reruns "$spec_log"), compiled: [$(compiles "$spec_log")]

What a consumer's build compiles for this crate (cargo tree -e build,normal):
REPORT
(cd "$repo" && cargo tree --offline -p mastodon-error -e build,normal)
