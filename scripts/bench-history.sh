#!/usr/bin/env bash
# The SMS memory (issue #19): builds the release app and the relay, serves
# them with the relay's simulate mode on loopback, and runs
# bench/history-bench.mjs (search over 1,000 / 10,000 / 50,000 stored SMS,
# storage, the time to store a poll's SMS), which writes its section of
# BENCHMARKS.md. It also builds BASE_REF (main before the memory: #17's
# house work merged, d2705a2
# by default) in a throwaway worktree with a target directory of its own,
# to say what the memory adds to the wasm. About 15 minutes, most of it
# the base build's first compile.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
OUT="$ROOT/target/bench-history"; mkdir -p "$OUT"
BASE_REF=${BASE_REF:-d2705a2}
TREE="$OUT/base-tree"
RELAY="$ROOT/target/release/smsrent-relay"
# shellcheck source=lib/serve.sh
. scripts/lib/serve.sh
cleanup() {
  stop_relays
  git -C "$ROOT" worktree remove --force "$TREE" 2>/dev/null || true
}
trap cleanup EXIT
cleanup

trunk build --release --dist "$OUT/dist" >/dev/null
git worktree add --detach "$TREE" "$BASE_REF" >/dev/null
(cd "$TREE" && CARGO_TARGET_DIR="$OUT/base-cargo" trunk build --release --dist "$OUT/base-dist" >/dev/null)
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
