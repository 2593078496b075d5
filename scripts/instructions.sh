#!/usr/bin/env bash
# Generation against its parse floors, and the crate's build script, in
# instructions counted by valgrind's callgrind: the same count run after run,
# where wall time on this shared machine swings. It builds the bench target
# benches/instructions.rs (release), runs each of its workloads N times under
# callgrind, subtracts the `none` workload (reading the inputs, startup) and
# divides by N; the wall column is the same arithmetic on native runs (best
# of 3), a rough guide beside `cargo bench --bench generate_api` / `entities`.
# It then builds the crate as a client would (`cargo build -p mastodon-error`,
# dev profile, with and without `entities`) and runs its build script as
# cargo does, counted once and timed best of 5. The Markdown workloads read
# the docs corpus (see docs/corpus.md); without it they are skipped with a note.
#
# Usage: scripts/instructions.sh [N]    (runs per workload, default 10)
# Needs valgrind and jq.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"

# `instructions CMD…`: instructions callgrind counts for one run of CMD; its
# exit status is CMD's.
instructions() {
    local status=0
    valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$work/log" \
        "$@" >/dev/null 2>"$work/err" || status=$?
    [ "$status" -eq 0 ] || { cat "$work/err" >&2; return "$status"; }
    awk '/Collected/ { print $NF }' "$work/log"
}
# `best_ms K CMD…`: the shortest wall time of K runs of CMD, in milliseconds.
best_ms() {
    local k=$1 best="" start end ms
    shift
    for _ in $(seq "$k"); do
        start=$EPOCHREALTIME
        "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
        end=$EPOCHREALTIME
        ms=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", (e - s) * 1000 }')
        if [ -z "$best" ] || awk -v a="$ms" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$ms; fi
    done
    echo "$best"
}
millions() { awk -v n="$1" 'BEGIN { printf "%.2f M", n / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f×", a / b }'; }

echo "Building benches/instructions.rs (release)…" >&2
bin=$(cargo bench --bench instructions --no-run --message-format=json 2>/dev/null |
    jq -r 'select(.reason == "compiler-artifact" and .target.name == "instructions" and .executable != null) | .executable')
[ -x "$bin" ] || { echo "the instructions bench did not build" >&2; exit 1; }

base=$(instructions "$bin" none "$runs")
base_ms=$(best_ms 3 "$bin" none "$runs")
declare -A count wall
skipped=""
echo >&2
echo "| Workload | Instructions per run | Wall per run (native, best of 3) |"
echo "|---|---:|---:|"
for workload in yaml-floor yaml-generation yaml-generation-formatted \
    markdown-floor markdown-generation entities-floor entities-generation; do
    echo "  $workload × $runs under callgrind…" >&2
    status=0
    total=$(instructions "$bin" "$workload" "$runs") || status=$?
    if [ "$status" -eq 3 ]; then # the workload's "no corpus"
        skipped+=" $workload"
        continue
    elif [ "$status" -ne 0 ]; then
        exit "$status"
    fi
    count[$workload]=$(((total - base) / runs))
    ms=$(best_ms 3 "$bin" "$workload" "$runs")
    wall[$workload]=$(awk -v t="$ms" -v b="$base_ms" -v n="$runs" 'BEGIN { printf "%.2f", (t - b) / n }')
    echo "| $workload | $(millions "${count[$workload]}") | ${wall[$workload]} ms |"
done

echo
echo "| Generation against its floor | Instructions | Wall (native) |"
echo "|---|---:|---:|"
for pair in "YAML copies, unformatted (the build path):yaml-generation:yaml-floor" \
    "YAML copies, formatted:yaml-generation-formatted:yaml-floor" \
    "Markdown pages, unformatted:markdown-generation:markdown-floor" \
    "Entities copy, unformatted (the build path):entities-generation:entities-floor"; do
    IFS=: read -r label generation floor <<<"$pair"
    [ -n "${count[$generation]:-}" ] && [ -n "${count[$floor]:-}" ] || continue
    echo "| $label | $(ratio "${count[$generation]}" "${count[$floor]}") | $(ratio "${wall[$generation]}" "${wall[$floor]}") |"
done
if [ -n "$skipped" ]; then
    echo
    echo "Skipped (they read the docs corpus, which was not found):$skipped."
fi

# The build script as cargo runs it: its own binary from this very build
# (cargo names it in its JSON messages), run from the crate's folder with a
# fresh OUT_DIR each time.
echo
echo "| The crate's build script run (dev profile) | Instructions | Wall (best of 5) |"
echo "|---|---:|---:|"
for features in "" entities; do
    echo "  the build script${features:+ with $features}…" >&2
    script=$(cargo build -p mastodon-error ${features:+--features "$features"} --message-format=json 2>/dev/null |
        jq -r --arg src "$root/build.rs" 'select(.reason == "compiler-artifact" and .target.src_path == $src) | .filenames[0]')
    [ -x "$script" ] || { echo "no build script binary for features '$features'" >&2; exit 1; }
    # A fresh OUT_DIR per run, made beforehand so the timing holds the script only.
    for n in 0 1 2 3 4 5; do rm -rf "$work/out-$n" && mkdir "$work/out-$n"; done
    run=0
    run_script() {
        run=$((run + 1))
        OUT_DIR="$work/out-$run" CARGO_MANIFEST_DIR="$root" "$script"
    }
    # Exported, not through env(1): callgrind would count env, not what it execs.
    script_count=$(
        export OUT_DIR="$work/out-0" CARGO_MANIFEST_DIR="$root"
        instructions "$script"
    )
    script_ms=$(best_ms 5 run_script)
    echo "| ${features:-default features} | $(millions "$script_count") | $script_ms ms |"
done
