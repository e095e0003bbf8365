#!/usr/bin/env bash
# Runs the dashboard's browser tests: playwright-core (from npm, pinned by
# package-lock.json) driving Debian's chromium against a real
# `dealstream serve --demo`.
#   usage: run.sh DEALSTREAM_BINARY BUILD_DIR
# node_modules is installed with `npm ci` under the build directory, never
# in the source tree; npm's download cache (~/.npm) lives outside the clone,
# so a fresh clone installs from it without downloading again.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
binary="$1"
build="$2"

chromium="${DEALSTREAM_CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "$chromium" ]]; then
  echo "FAIL: $chromium is missing: the dashboard tests need Debian's chromium (run scripts/setup)." >&2
  exit 1
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "FAIL: node and npm are needed for the dashboard tests." >&2
  exit 1
fi

modules="$build/dashboard-test-node"
if ! cmp -s "$here/package-lock.json" "$modules/package-lock.json" ||
   [[ ! -f "$modules/node_modules/playwright-core/package.json" ]]; then
  rm -rf "$modules"
  mkdir -p "$modules"
  cp "$here/package.json" "$here/package-lock.json" "$modules/"
  (cd "$modules" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi

export DASHBOARD_NODE_MODULES="$modules/node_modules"
export DASHBOARD_CHROMIUM="$chromium"
export DASHBOARD_BINARY="$binary"
export DASHBOARD_SCREENSHOTS="$build/dashboard-screenshots"
exec node --test --test-reporter=spec "$here/dashboard_test.mjs"
