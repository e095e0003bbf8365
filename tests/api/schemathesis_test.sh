#!/usr/bin/env bash
# Runs schemathesis (every check) against /openapi.json of a real
# `dealstream serve` with the demo company. Schemathesis lives in a venv
# under the build directory, installed from PyPI on first use.
#   usage: schemathesis_test.sh DEALSTREAM_BINARY BUILD_DIR
# /v1/events/live is left out: it is an endless Server-Sent Events stream,
# which schemathesis would read until its timeout (tests/api covers it).
set -euo pipefail
binary="$1"
venv="$2/venv-schemathesis"
if [[ ! -x "$venv/bin/st" ]]; then
  python3 -m venv "$venv"
  # hypothesis is pinned because newer releases break schemathesis 3.39.
  "$venv/bin/pip" install --quiet "schemathesis==3.39.16" "hypothesis==6.111.2"
fi

data=$(mktemp -d)
out="$data.out"
trap 'kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data" "$out"' EXIT
"$binary" serve --data "$data" --listen 127.0.0.1:0 --durability os --demo >"$out" 2>/dev/null &
server=$!
for _ in $(seq 1 120); do
  grep -q '^Admin token: ' "$out" && break
  sleep 0.5
done
url=$(sed -n 's/^Dealstream is listening on //p' "$out")
token=$(sed -n 's/^Admin token: //p' "$out")
[[ -n "$url" && -n "$token" ]] || { echo "the server did not start"; cat "$out"; exit 1; }

"$venv/bin/st" run "$url/openapi.json" \
  --experimental=openapi-3.1 \
  --header "Authorization: Bearer $token" \
  --checks all \
  --exclude-path /v1/events/live \
  --hypothesis-max-examples 12 \
  --hypothesis-deadline none \
  --hypothesis-seed 1 \
  --request-timeout 10000
