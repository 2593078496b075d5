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
# Usage: scripts/client-build-cost.sh [RUNS]    (RUNS clean builds of each, default 3)
# Needs crates.io once, to fetch the client's dependencies (the builds themselves run offline), and
# pkg-config and libssl-dev for reqwest's default TLS (Debian: apt-get install pkg-config libssl-dev).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

client() { # DIR WITH_CRATE: a client crate in DIR, with or without mastodon-error
    mkdir -p "$1/src"
    local crate=""
    [ "$2" = yes ] && crate="mastodon-error = { path = \"$root\", features = [\"serde\", \"http\"] }"
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

client "$work/without" no
client "$work/with" yes
# Both resolve and download first, so that no timed build touches the network.
(cd "$work/without" && cargo fetch --quiet)
(cd "$work/with" && cargo fetch --quiet)

seconds() { # DIR: wall-clock seconds of one clean `cargo build` in DIR
    rm -rf "$1/target"
    (cd "$1" && /usr/bin/time -f %e -o "$work/time" cargo build --offline --quiet >/dev/null 2>&1)
    cat "$work/time"
}
: >"$work/without.times"
: >"$work/with.times"
for run in $(seq "$runs"); do
    seconds "$work/without" >>"$work/without.times"
    seconds "$work/with" >>"$work/with.times"
    echo "run $run: without $(tail -n 1 "$work/without.times") s, with $(tail -n 1 "$work/with.times") s" >&2
done

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
range() { sort -n "$1" | awk '{ v[NR] = $1 } END { printf "%.1f–%.1f s", v[1], v[NR] }'; }
without=$(median "$work/without.times")
with=$(median "$work/with.times")
echo "| Client build, clean ($runs interleaved runs each, $(nproc) cores) | Median | Min–max |"
echo "|---|---|---|"
echo "| without mastodon-error | $without s | $(range "$work/without.times") |"
echo "| with mastodon-error (serde, http) | $with s | $(range "$work/with.times") |"
awk -v a="$without" -v b="$with" 'BEGIN { printf "| added | **%+.1f s (%+.0f%%)** | target: at most +3 s (15%%) |\n", b - a, (b - a) * 100 / a }'

# The units this crate adds, from one more clean build with cargo's timing report.
rm -rf "$work/with/target"
(cd "$work/with" && cargo build --offline --quiet --timings >/dev/null 2>&1)
if command -v python3 >/dev/null 2>&1; then
    python3 - "$work/with/target/cargo-timings/cargo-timing.html" <<'PY'
import json, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
units = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);\n", html, re.S).group(1))
print()
print("| Unit in the timed build (cargo build --timings) | Seconds |")
print("|---|---|")
for unit in units:
    if unit["name"] in ("mastodon-error-codegen", "mastodon-error"):
        what = {"": "compile", " build-script": "build script compile", " build-script (run)": "build script run"}
        kind = what.get(unit.get("target", ""), unit.get("target", ""))
        print(f"| {unit['name']} {kind} | {unit['duration']:.2f} |")
PY
fi
