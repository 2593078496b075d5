#!/usr/bin/env bash
# What adding mastodon-error costs a typical Mastodon client's clean build (issue 21's measure).
#
# The client depends on serde (derive), serde_json, tokio (rt, macros) and reqwest 0.12 (json). It is built
# clean, with and without `mastodon-error = { path = <this checkout>, features = ["serde", "http"] }`, in
# interleaved runs (without, with, without, with, …) so that a slow moment of the machine hits both alike.
# Prints the medians, the min–max of each, and the added seconds (difference of the medians).
#
# Then one more clean build with `cargo build --timings` names the units this crate adds: the generator's own
# compile, its build script's run, and the module's compile (needs python3 to read cargo's report).
#
# Usage: scripts/client-build-cost.sh [--entities] [RUNS] [BASELINE]
#   RUNS clean builds of each, default 3. BASELINE, a second checkout of this repository (say, the commit before
#   a change: `git worktree add /tmp/before <commit>`), adds a client built against it in the same
#   interleaved runs, so that a change's cost is measured side by side with the code before it. --entities adds
#   a client with the `entities` feature too (features serde, http, entities), in the same runs.
# Needs crates.io once, to fetch the client's dependencies (the builds themselves run offline), and
# pkg-config and libssl-dev for reqwest's default TLS (Debian: apt-get install pkg-config libssl-dev).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
entities=""
if [ "${1:-}" = "--entities" ]; then entities=1; shift; fi
runs=${1:-3}
baseline=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

client() { # DIR CHECKOUT [FEATURE]: a client crate in DIR, with mastodon-error from CHECKOUT (and FEATURE), or without it when empty
    mkdir -p "$1/src"
    local crate=""
    local extra=""
    [ -n "${3:-}" ] && extra=", \"$3\""
    [ -n "$2" ] && crate="mastodon-error = { path = \"$2\", features = [\"serde\", \"http\"$extra] }"
    cat >"$1/Cargo.toml" <<EOF
[package]
name = "client"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
serde = { version = "1", features = ["derive"] }
serde_json = "1"
tokio = { version = "1", features = ["rt", "macros"] }
reqwest = { version = "0.12", features = ["json"] }
$crate

[workspace]
EOF
    cat >"$1/src/main.rs" <<'EOF'
#[derive(serde::Deserialize, Debug)]
struct Instance {
    uri: String,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), reqwest::Error> {
    let instance: Instance = reqwest::get("https://mastodon.example/api/v1/instance").await?.json().await?;
    println!("{instance:?} {}", serde_json::json!({ "ok": true }));
    Ok(())
}
EOF
}

clients="without with"
client "$work/without" ""
client "$work/with" "$root"
if [ -n "$baseline" ]; then
    client "$work/baseline" "$(cd "$baseline" && pwd)"
    clients="$clients baseline"
fi
if [ -n "$entities" ]; then
    client "$work/entities" "$root" entities
    clients="$clients entities"
fi
# Each resolves and downloads first, so that no timed build touches the network.
for name in $clients; do (cd "$work/$name" && cargo fetch --quiet); done

build() { # DIR: one clean `cargo build` in DIR; appends its wall-clock and its CPU (user + sys) seconds
    rm -rf "$1/target"
    (cd "$1" && /usr/bin/time -f "%e %U %S" -o "$work/time" cargo build --offline --quiet >/dev/null 2>&1)
    awk '{ print $1 >> "'"$1"'.wall"; printf "%.2f\n", $2 + $3 >> "'"$1"'.cpu" }' "$work/time"
}
for run in $(seq "$runs"); do
    line="run $run:"
    for name in $clients; do
        build "$work/$name"
        line="$line $name $(tail -n 1 "$work/$name.wall") s"
    done
    echo "$line" >&2
done

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
range() { sort -n "$1" | awk '{ v[NR] = $1 } END { printf "%.1f–%.1f s", v[1], v[NR] }'; }
added() { # NAME: the row of what NAME's crate adds to the client without it, wall and CPU
    local wall cpu base_wall base_cpu
    wall=$(median "$work/$1.wall"); cpu=$(median "$work/$1.cpu")
    base_wall=$(median "$work/without.wall"); base_cpu=$(median "$work/without.cpu")
    awk -v a="$base_wall" -v b="$wall" -v c="$base_cpu" -v d="$cpu" -v n="$2" 'BEGIN { printf "| added by %s | **%+.1f s (%+.0f%%)** | CPU %+.1f s |\n", n, b - a, (b - a) * 100 / a, d - c }'
}
echo "| Client build, clean ($runs interleaved runs each, $(nproc) cores) | Median wall | Min–max wall, median CPU (user + sys) |"
echo "|---|---|---|"
echo "| without mastodon-error | $(median "$work/without.wall") s | $(range "$work/without.wall"), CPU $(median "$work/without.cpu") s |"
echo "| with mastodon-error (serde, http) | $(median "$work/with.wall") s | $(range "$work/with.wall"), CPU $(median "$work/with.cpu") s |"
if [ -n "$baseline" ]; then
    echo "| with the baseline checkout's mastodon-error | $(median "$work/baseline.wall") s | $(range "$work/baseline.wall"), CPU $(median "$work/baseline.cpu") s |"
fi
if [ -n "$entities" ]; then
    echo "| with mastodon-error (serde, http, entities) | $(median "$work/entities.wall") s | $(range "$work/entities.wall"), CPU $(median "$work/entities.cpu") s |"
fi
added with "this checkout"
if [ -n "$baseline" ]; then added baseline "the baseline"; fi
if [ -n "$entities" ]; then added entities "this checkout with entities"; fi

# The units this crate adds: one more clean build of each with cargo's timing report, and every unit the
# client with the crate compiles that the client without it does not (the generator, its own dependencies,
# the build script, the crate), with their sum.
for name in without with; do
    rm -rf "$work/$name/target"
    (cd "$work/$name" && cargo build --offline --quiet --timings >/dev/null 2>&1)
done
if command -v python3 >/dev/null 2>&1; then
    python3 - "$work/without/target/cargo-timings/cargo-timing.html" "$work/with/target/cargo-timings/cargo-timing.html" <<'PY'
import json, re, sys

def units(path):
    html = open(path, encoding="utf-8").read()
    data = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);\n", html, re.S).group(1))
    return {(unit["name"], unit.get("target", "")): unit["duration"] for unit in data}

without, with_crate = units(sys.argv[1]), units(sys.argv[2])
added = sorted((key for key in with_crate if key not in without), key=lambda key: -with_crate[key])
what = {"": "compile", " build-script": "build script compile", " build-script (run)": "build script run"}
print()
print("| Unit the crate adds (cargo build --timings, one clean build) | Seconds |")
print("|---|---|")
for name, target in added:
    print(f"| {name} {what.get(target, target)} | {with_crate[(name, target)]:.2f} |")
build_only = sum(with_crate[key] for key in added if key != ("mastodon-error", ""))
print(f"| **the units only the build script needs, summed** | **{build_only:.2f}** |")
print(f"| **every unit added, summed** | **{sum(with_crate[key] for key in added):.2f}** |")
PY
fi
