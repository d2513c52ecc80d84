#!/usr/bin/env bash
# Benchmark (not a test): Lighthouse's scores for a first visit (issue #21),
# mobile and desktop presets, demo mode and with a key against the
# simulator. Installs Lighthouse (npm, pinned; 12.x is the last line that
# runs on Node 20) into the tools folder, builds the release app and the
# relay, serves them on loopback and runs bench/lighthouse.mjs, which writes
# its section of BENCHMARKS.md. BASE_REF (the last commit before #21's work
# by default) is built too (scripts/lib/base.sh) and measured in the same
# run. LH_RUNS (3) runs per figure; about 10 minutes.
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
BASE_REF=${BASE_REF:-e98b318}
# shellcheck source=lib/base.sh
. scripts/lib/base.sh
trunk build --release --dist "$OUT/dist" >/dev/null
build_ref "$BASE_REF" "$OUT/base"
cargo build -q --release -p smsrent-relay --bin smsrent-relay
RELAY="$ROOT/target/release/smsrent-relay"
# shellcheck source=lib/serve.sh
. scripts/lib/serve.sh
trap stop_relays EXIT
PORT=${BENCH_PORT:-8950}
serve lighthouse "$PORT" "$OUT/dist"
serve lighthouse-base "$((PORT + 1))" "$OUT/base"
NOW=$(git rev-parse --short HEAD)
LH_TOOLS="$LH_TOOLS" APP_URLS="$BASE_REF=http://127.0.0.1:$((PORT + 1)),$NOW=http://127.0.0.1:$PORT" BENCH_MD="${BENCH_MD:-BENCHMARKS.md}" \
  node bench/lighthouse.mjs
