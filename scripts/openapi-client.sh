#!/usr/bin/env bash
# Generates a Rust client from generated/openapi.json with progenitor and
# compiles it: the proof that a real code generator consumes the document.
# The crate (scripts/openapi-client/) is its own workspace with its own
# Cargo.lock and target dir, so the main workspace never builds it.
# docs/openapi.md says what its build script narrows before progenitor reads
# the document, and why.
set -euo pipefail
cd "$(dirname "$0")/.."

manifest=scripts/openapi-client/Cargo.toml
target=target/openapi-client
export CARGO_TARGET_DIR="$target"

start=$(date +%s)
cargo build --locked --quiet --manifest-path "$manifest"
echo "progenitor $(grep -A1 '^name = "progenitor"$' scripts/openapi-client/Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p'): client built in $(($(date +%s) - start)) s"

# Every operation is a client method, except those the build script leaves out.
client=$(ls "$target"/debug/build/mastodon-openapi-client-*/out/client.rs -t | head -n 1)
operations=$(python3 -c '
import json, sys
paths = json.load(open(sys.argv[1]))["paths"]
verbs = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
print(sum(1 for item in paths.values() for verb in item if verb in verbs))
' generated/openapi.json)
methods=$(grep -c '^    pub async fn ' "$client")
left_out=$(sed -n 's/^pub const MULTIPART_ONLY_LEFT_OUT: &\[&str\] = &\[\(.*\)\];$/\1/p' "$client" | tr ',' '\n' | grep -c '"' || true)
echo "$operations operations: $methods client methods, $left_out left out (multipart only: $(sed -n 's/^pub const MULTIPART_ONLY_LEFT_OUT: &\[&str\] = &\[\(.*\)\];$/\1/p' "$client"))"
if [ "$methods" -ne $((operations - left_out)) ]; then
  echo "error: progenitor generated $methods methods for $operations operations with $left_out left out" >&2
  exit 1
fi
