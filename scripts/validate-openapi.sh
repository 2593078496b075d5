#!/usr/bin/env bash
# Validates generated/openapi.json with Redocly CLI (npm) and
# openapi-spec-validator (PyPI): both must report 0 errors. Each tool is
# installed once, at the pinned version, under the cache folder
# ($MASTODON_OPENAPI_TOOLS, default ~/.cache/mastodon-error/openapi-tools).
#
# With --samples ENTITIES RESPONSES (the corpus' entity pages and recordings),
# it then validates the entity pages' examples and the recorded responses
# against the document's schemas with the same validator's
# openapi-schema-validator: docs/openapi.md lists every exception.
set -euo pipefail
cd "$(dirname "$0")/.."

samples=()
if [ "${1:-}" = "--samples" ]; then
  if [ $# -lt 3 ]; then
    echo "usage: $0 [--samples ENTITIES RESPONSES] [DOCUMENT]" >&2
    exit 2
  fi
  samples=("$2" "$3")
  shift 3
fi

REDOCLY_VERSION=2.77.0
VALIDATOR_VERSION=0.9.0
document="${1:-generated/openapi.json}"
tools="${MASTODON_OPENAPI_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/mastodon-error/openapi-tools}"

redocly="$tools/redocly-$REDOCLY_VERSION/node_modules/.bin/redocly"
if [ ! -x "$redocly" ]; then
  echo "== installing @redocly/cli@$REDOCLY_VERSION under $tools" >&2
  mkdir -p "$tools/redocly-$REDOCLY_VERSION"
  npm install --silent --no-audit --no-fund --prefix "$tools/redocly-$REDOCLY_VERSION" "@redocly/cli@$REDOCLY_VERSION" >&2
fi

venv="$tools/openapi-spec-validator-$VALIDATOR_VERSION"
if [ ! -x "$venv/bin/openapi-spec-validator" ]; then
  echo "== installing openapi-spec-validator==$VALIDATOR_VERSION under $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "openapi-spec-validator==$VALIDATOR_VERSION" >&2
fi

echo "== redocly lint $document (recommended rules; redocly.yaml says which are off, docs/openapi.md why)"
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true "$redocly" lint --config redocly.yaml "$document"

echo "== openapi-spec-validator $document"
"$venv/bin/openapi-spec-validator" "$document"

if [ ${#samples[@]} -gt 0 ]; then
  echo "== the entity pages' examples and the recorded responses against $document's schemas"
  mkdir -p target
  cargo run --quiet -p mastodon-error-tools -- openapi-samples --entities "${samples[0]}" "${samples[1]}" >target/openapi-samples.json
  "$venv/bin/python" scripts/validate-openapi-samples.py "$document" target/openapi-samples.json docs/openapi.md
fi
