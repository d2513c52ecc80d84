#!/usr/bin/env bash
# Time to code (issue #18): builds the release app and the relay, serves
# them with the relay's simulate mode on loopback, and runs
# bench/time-to-code.mjs, which writes its section of BENCHMARKS.md.
# About 15 minutes (20 unwatched trials wait for the 30 s poll).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PATH"
OUT=target/bench-code; mkdir -p "$OUT"
trunk build --release --dist "$OUT/dist" >/dev/null
cargo build -p smsrent-relay --release
RELAY=target/release/smsrent-relay
source scripts/lib/serve.sh
trap stop_relays EXIT
PORT=${BENCH_PORT:-8920}
serve code "$PORT" "$OUT/dist"
APP_URL="http://127.0.0.1:$PORT" BENCH_MD=BENCHMARKS.md node bench/time-to-code.mjs
