#!/usr/bin/env bash
# Benchmark (not a test) of the app in headless Chromium, loopback only:
# issue #8's figures, each next to its baseline, written into the App
# section of BENCHMARKS.md (between <!-- app-bench:start --> and
# <!-- app-bench:end -->; nothing else in the file is touched).
#
# Builds, in release and into target/bench/ (never dist/): the app
# (`trunk build --release`), the hello-world baseline bench/hello (a bare
# Leptos 0.8 page, same toolchain, same profile and wasm-opt), the plain-JS
# floor page bench/plain, and smsrent-relay. Serves each with
# `smsrent-relay --simulate --control --serve DIR` on 127.0.0.1 (ports
# BENCH_PORT..BENCH_PORT+3), then runs bench/app-bench.mjs (playwright-core
# from e2e/node_modules, Debian's /usr/bin/chromium): first-visit size,
# time to the first orders row, render of 1,000 / 5,000 orders, DOM
# mutations per poll, memory after 24 simulated hours, request discipline.
#
# Knobs (env): BENCH_RUNS (5 runs per figure, medians), BENCH_ONLY (comma
# list of size,first,render,mutations,memory,discipline), MEM_ORDERS (1000),
# MEM_HOURS (24), MEM_RUNS (1), DISC_MINUTES (10), DISC_SCALE (1 = real time,
# about 10 minutes; 10 runs the app's poll and gap ten times faster),
# DISC_LATENCY_MS (1500: the discipline relay's answer delay, so requests
# would overlap if the app let them), BENCH_PORT (8910), BENCH_MD
# (BENCHMARKS.md), BENCH_MERGE=1 (with BENCH_ONLY: keep the other figures
# from the last run's target/bench/results.json), BASE_REF (a commit whose
# release build is also measured in the render runs, in turn with this
# one: a regression check that one machine's mood cannot fake). About an hour in all on
# 2 cores (memory ~35 min, discipline 10). Every process it starts is
# stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true

PORT=${BENCH_PORT:-8910}
DISC_SCALE=${DISC_SCALE:-1}
DISC_LATENCY_MS=${DISC_LATENCY_MS:-$((1500 / DISC_SCALE))}
OUT="$ROOT/target/bench"
mkdir -p "$OUT"

# shellcheck source=lib/serve.sh
. scripts/lib/serve.sh
trap stop_relays EXIT
trap 'exit 130' INT TERM
step() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }

step "building smsrent-relay (release)"
cargo build --release -p smsrent-relay --bin smsrent-relay
RELAY="${CARGO_TARGET_DIR:-$ROOT/target}/release/smsrent-relay"

step "building the app (trunk build --release --dist target/bench/app)"
trunk build --release --dist "$OUT/app"

step "building the hello-world baseline (bench/hello)"
(cd bench/hello && trunk build --release --dist "$OUT/hello")

step "the plain-JS floor page (bench/plain)"
rm -rf "$OUT/plain" && mkdir -p "$OUT/plain"
cp bench/plain/index.html bench/plain/plain.js "$OUT/plain/"
css=$(find "$OUT/app" -maxdepth 1 -name '*.css' | head -1)
[ -n "$css" ] || { echo "no stylesheet in $OUT/app" >&2; exit 1; }
cp "$css" "$OUT/plain/app.css"

BASE_URL="" BASE_REV=""
if [ -n "${BASE_REF:-}" ]; then
  # shellcheck source=lib/base.sh
  . scripts/lib/base.sh
  step "building $BASE_REF (release) into target/bench/base"
  build_ref "$BASE_REF" "$OUT/base"
  BASE_REV=$(git rev-parse --short "$BASE_REF^{commit}")
  serve base $((PORT + 4)) "$OUT/base"
  BASE_URL="http://127.0.0.1:$((PORT + 4))"
fi

serve app "$PORT" "$OUT/app"
serve hello $((PORT + 1)) "$OUT/hello"
serve plain $((PORT + 2)) "$OUT/plain"
serve disc $((PORT + 3)) "$OUT/app" --latency-ms "$DISC_LATENCY_MS"

step "running bench/app-bench.mjs"
APP_URL="http://127.0.0.1:$PORT" HELLO_URL="http://127.0.0.1:$((PORT + 1))" \
  PLAIN_URL="http://127.0.0.1:$((PORT + 2))" DISC_URL="http://127.0.0.1:$((PORT + 3))" \
  BASE_URL="$BASE_URL" BASE_REV="$BASE_REV" \
  APP_DIST="$OUT/app" HELLO_DIST="$OUT/hello" PLAIN_DIR="$OUT/plain" \
  DISC_SCALE="$DISC_SCALE" DISC_LATENCY_MS="$DISC_LATENCY_MS" \
  BENCH_MD="${BENCH_MD:-$ROOT/BENCHMARKS.md}" RESULTS_JSON="$OUT/results.json" \
  NO_PROXY='*' node bench/app-bench.mjs
