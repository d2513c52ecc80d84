#!/usr/bin/env bash
# Benchmark (not a test) of issue #21's visits: a first visit throttled as a
# slow 4G phone, and a return visit with the service worker in control,
# each against its baseline (see bench/visits.mjs). Builds the app, the
# hello world (bench/hello) and the relay in release, serves each with a
# simulating relay on loopback (ports BENCH_PORT, +1, and +2 answering the
# API 1.5 s late), and writes its
# section of BENCHMARKS.md. BENCH_RUNS (5) runs per figure; about 5 minutes
# once built. BASE_REF (the last commit before #21's work by default) is
# built too (scripts/lib/base.sh), served on port +3, and its throttled
# first visits measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
OUT="$ROOT/target/bench-visits"; mkdir -p "$OUT"
BASE_REF=${BASE_REF:-e98b318}
# shellcheck source=lib/base.sh
. scripts/lib/base.sh
trunk build --release --dist "$OUT/app" >/dev/null
(cd bench/hello && trunk build --release --dist "$OUT/hello" >/dev/null)
build_ref "$BASE_REF" "$OUT/base"
# shellcheck source=lib/serve.sh
. scripts/lib/serve.sh
release_relay
PORT=${BENCH_PORT:-8960}
serve app "$PORT" "$OUT/app"
serve hello "$((PORT + 1))" "$OUT/hello"
serve slow "$((PORT + 2))" "$OUT/app" --latency-ms 1500
serve base "$((PORT + 3))" "$OUT/base"
APP_URL="http://127.0.0.1:$PORT" HELLO_URL="http://127.0.0.1:$((PORT + 1))" SLOW_URL="http://127.0.0.1:$((PORT + 2))" \
  BASE_URL="http://127.0.0.1:$((PORT + 3))" BASE_LABEL="$BASE_REF" \
  BENCH_MD="${BENCH_MD:-$ROOT/BENCHMARKS.md}" NO_PROXY='*' node bench/visits.mjs
