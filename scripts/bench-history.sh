#!/usr/bin/env bash
# The SMS memory (issue #19): builds the release app and the relay, serves
# them with the relay's simulate mode on loopback, and runs
# bench/history-bench.mjs (search over 1,000 / 10,000 / 50,000 stored SMS,
# storage, the time to store a poll's SMS), which writes its section of
# BENCHMARKS.md. It also builds BASE_REF (main before the memory: #17's
# house work merged, d2705a2 by default) with scripts/lib/base.sh, to say
# what the memory adds to the wasm. About 15 minutes, most of it
# the base build's first compile.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
OUT="$ROOT/target/bench-history"; mkdir -p "$OUT"
BASE_REF=${BASE_REF:-d2705a2}
RELAY="$ROOT/target/release/smsrent-relay"
# shellcheck source=lib/serve.sh
. scripts/lib/serve.sh
# shellcheck source=lib/base.sh
. scripts/lib/base.sh
trap stop_relays EXIT

trunk build --release --dist "$OUT/dist" >/dev/null
build_ref "$BASE_REF" "$OUT/base-dist"
cargo build -p smsrent-relay --release

# wasm bytes: gzip -9 and the build's own precompressed .gz (Zopfli).
sizes() { local w; w=$(ls "$1"/*_bg.wasm); echo "$(gzip -9c "$w" | wc -c) $(wc -c <"$w.gz")"; }
read -r NOW_GZ NOW_Z <<<"$(sizes "$OUT/dist")"
read -r BASE_GZ BASE_Z <<<"$(sizes "$OUT/base-dist")"
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1000 }'; }
SIZES_MD="What the memory, the History screen and the exports add to the wasm: $(kb $((NOW_Z - BASE_Z))) as served (Zopfli .gz: $(kb "$BASE_Z") at $BASE_REF, $(kb "$NOW_Z") now), $(kb $((NOW_GZ - BASE_GZ))) by gzip -9 ($(kb "$BASE_GZ") → $(kb "$NOW_GZ")). The idb crate alone measured +19.1 KB gzip in a probe against +22.2 KB for indexed_db_futures and +28.4 KB for rexie (README, \"SMS memory\")."

PORT=${BENCH_PORT:-8940}
serve history "$PORT" "$OUT/dist"
APP_URL="http://127.0.0.1:$PORT" BENCH_MD=BENCHMARKS.md BENCH_SIZES_MD="$SIZES_MD" node bench/history-bench.mjs
