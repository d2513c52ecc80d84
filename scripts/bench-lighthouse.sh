#!/usr/bin/env bash
# Benchmark (not a test): Lighthouse's scores for a first visit (issue #21),
# mobile and desktop presets, demo mode and with a key against the
# simulator. Installs Lighthouse (npm, pinned; 12.x is the last line that
# runs on Node 20) into the tools folder, builds the release app and the
# relay, serves them on loopback and runs bench/lighthouse.mjs, which writes
# its section of BENCHMARKS.md. BASE_REFS (the last commit before #21's work
# by default; several, space-separated, for more) are built too
# (scripts/lib/base.sh) and measured in the same run. LH_RUNS (3) runs per
# figure; about 10 minutes for two builds.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
LIGHTHOUSE_VERSION=12.8.2
LH_TOOLS="${SMSRENT_TOOLS:-$HOME/.cache/smsrent-tools}/lighthouse"
if [ "$(node -p "require('$LH_TOOLS/node_modules/lighthouse/package.json').version" 2>/dev/null)" != "$LIGHTHOUSE_VERSION" ]; then
  mkdir -p "$LH_TOOLS"
  npm install --silent --no-audit --no-fund --prefix "$LH_TOOLS" "lighthouse@$LIGHTHOUSE_VERSION"
fi
OUT="$ROOT/target/bench-lighthouse"; mkdir -p "$OUT"
BASE_REFS=${BASE_REFS:-${BASE_REF:-e98b318}}
# shellcheck source=lib/base.sh
. scripts/lib/base.sh
trunk build --release --dist "$OUT/dist" >/dev/null
for ref in $BASE_REFS; do build_ref "$ref" "$OUT/base-$ref"; done
# shellcheck source=lib/serve.sh
. scripts/lib/serve.sh
release_relay
PORT=${BENCH_PORT:-8950}
serve lighthouse "$PORT" "$OUT/dist"
URLS="" port=$PORT
for ref in $BASE_REFS; do
  port=$((port + 1))
  serve "lighthouse-$ref" "$port" "$OUT/base-$ref"
  URLS+="$ref=http://127.0.0.1:$port,"
done
NOW=$(git rev-parse --short HEAD)
LH_TOOLS="$LH_TOOLS" APP_URLS="${URLS}$NOW=http://127.0.0.1:$PORT" BENCH_MD="${BENCH_MD:-BENCHMARKS.md}" \
  node bench/lighthouse.mjs
