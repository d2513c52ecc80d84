#!/usr/bin/env bash
# Benchmark (not a test): how small could a first visit be if the wasm were
# split, with everything but what the first screen needs loaded later?
# Issue #8's size target (200 KB gzip) is measured by scripts/bench-app.sh;
# this script bounds what splitting could buy, by building the app with
# parts of it left out (the patches in bench/size-bound/, applied to a
# throwaway git worktree of HEAD; the working tree is never touched):
#
#   full              the app as it is (demo mode's simulator is a worker of
#                     its own since #21, not in the main module)
#   dashboard only    without the rent wizard, archive and settings screens
#   shell only        ... and the dashboard too: stores, API client, request
#                     queue, languages, header, router, PWA banners
#
# Each is a `trunk build --release` (same profile, wasm-opt and Zopfli as
# the real build), summed like the benchmark's first visit: index.html and
# the wasm, JS and CSS as their precompressed .gz (gzip -9 where there is
# none). A split build's first chunk can be no smaller than the variant
# with only what the first screen uses. Then bench/app-bench.mjs measures
# the first-row figure (BENCH_ONLY=first, SIZE_RUNS runs, 7 by default) of
# the full and dashboard-only builds against the hello world, each served by
# a simulating relay as in scripts/bench-app.sh: would a first chunk with
# only the dashboard show its first row sooner?
#
# Writes the table between <!-- size-bound:start --> and
# <!-- size-bound:end --> in BENCHMARKS.md (SIZE_MD to write elsewhere).
# About 10 minutes on 2 cores once its dependencies are built.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
# A target directory of its own: cargo copies a build's wasm to one shared
# path (target/wasm32-unknown-unknown/release/smsrent.wasm) and does not
# copy it again when the tree that asks is unchanged, so the worktree's
# builds in the main target would leave their wasm for the next
# `trunk build` of the main tree to ship. The first run builds every
# dependency once more (a few minutes).
export CARGO_TARGET_DIR="$ROOT/target/size-bound-cargo"
OUT="$ROOT/target/size-bound"
TREE="$OUT/tree"
MD="${SIZE_MD:-$ROOT/BENCHMARKS.md}"

RUNS=${SIZE_RUNS:-7}
PORT=${BENCH_PORT:-8930}
RELAY="$ROOT/target/release/smsrent-relay"
# shellcheck source=lib/serve.sh
. scripts/lib/serve.sh
cleanup() {
  stop_relays
  git -C "$ROOT" worktree remove --force "$TREE" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM
cleanup
rm -rf "$OUT" && mkdir -p "$OUT"
git worktree add --detach "$TREE" HEAD >/dev/null

# first_visit DIR: bytes of index.html + *.wasm + *.js + *.css, gzip; not
# sw.js, nor demo mode's worker (fetched once demo mode starts).
first_visit() {
  local total=0 f n
  for f in "$1"/index.html "$1"/*.wasm "$1"/*.js "$1"/*.css; do
    case "$(basename "$f")" in sw.js | demo-worker.js | demo.js | demo_bg.wasm) continue ;; esac
    [ -f "$f" ] || continue
    if [ -f "$f.gz" ]; then n=$(stat -c %s "$f.gz"); else n=$(gzip -9 -c "$f" | wc -c); fi
    total=$((total + n))
  done
  echo "$total"
}

ROWS=""
variant() { # LABEL PATCH...
  local label=$1 dist="$OUT/${1// /-}"
  shift
  git -C "$TREE" checkout --quiet -- .
  local p
  for p in "$@"; do git -C "$TREE" apply "$ROOT/bench/size-bound/$p.patch"; done
  printf '\n\033[1m== %s\033[0m\n' "$label" >&2
  (cd "$TREE" && trunk build --release --dist "$dist" >&2)
  local wasm gz raw
  wasm=$(ls "$dist"/smsrent-*_bg.wasm)
  raw=$(stat -c %s "$wasm")
  gz=$(first_visit "$dist")
  first_row "$dist"
  ROWS+="| $label | $(awk -v b="$raw" 'BEGIN { printf "%.1f KB", b / 1024 }') | $(awk -v b="$gz" 'BEGIN { printf "%.1f KB", b / 1024 }') | $FIRST |"$'\n'
}

# first_row DIST: sets FIRST to "median ms (ratio to the hello world; app
# started, orders answered, first row in the DOM)" for the full and
# dashboard-only builds, "—" for the others.
FIRST=""
first_row() {
  FIRST="—"
  case "$1" in */full | */dashboard-only) ;; *) return 0 ;; esac
  local json="$OUT/first-$(basename "$1").json"
  serve "$(basename "$1")" "$PORT" "$1"
  APP_URL="http://127.0.0.1:$PORT" HELLO_URL="http://127.0.0.1:$((PORT + 1))" \
    APP_DIST="$1" HELLO_DIST="$OUT/hello" BENCH_ONLY=first BENCH_RUNS="$RUNS" \
    RESULTS_JSON="$json" NO_PROXY='*' node "$ROOT/bench/app-bench.mjs" >&2
  kill "${PIDS[-1]}" && wait "${PIDS[-1]}" 2>/dev/null || true
  unset 'PIDS[-1]'
  FIRST=$(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).first;
    const med = (xs) => { xs = xs.filter((x) => x != null).sort((a, b) => a - b); return xs[(xs.length - 1) >> 1]; };
    const f = (x) => Math.round(x);
    const app = med(r.app.map((x) => x.ms)), hello = med(r.hello.map((x) => x.ms));
    console.log(`${f(app)} ms (${(app / hello).toFixed(2)}× the hello world${"\u2019"}s ${f(hello)} ms; started ${f(med(r.app.map((x) => x.started)))}, orders answered ${f(med(r.app.map((x) => x.ordersEnd)))}, row in the DOM ${f(med(r.app.map((x) => x.dom)))})`);
  ' "$json")
}

printf '\n\033[1m== %s\033[0m\n' "relay and hello world" >&2
CARGO_TARGET_DIR="$ROOT/target" cargo build --release -p smsrent-relay --bin smsrent-relay >&2
(cd "$TREE/bench/hello" && trunk build --release --dist "$OUT/hello" >&2)
serve hello $((PORT + 1)) "$OUT/hello"

variant "full"
variant "dashboard only" dashboard-only
variant "shell only" shell-only

TABLE="Measured by \`scripts/size-bound.sh\` on $(date -u +%F) at $(git rev-parse --short HEAD): release builds of the app with parts left out (patches in \`bench/size-bound/\`).

| build | wasm after wasm-opt | first visit, gzip (index + wasm + js + css) | navigation → first orders row painted, 100 orders (medians of $RUNS runs, ms after navigation start) |
|---|---|---|---|
$ROWS"
printf '%s' "$TABLE"
if grep -q '<!-- size-bound:start -->' "$MD" 2>/dev/null; then
  TABLE="$TABLE" node -e '
    const fs = require("fs"), f = process.argv[1];
    const s = fs.readFileSync(f, "utf8");
    fs.writeFileSync(f, s.replace(/(<!-- size-bound:start -->\n)[\s\S]*?(<!-- size-bound:end -->)/,
      (_, a, b) => a + process.env.TABLE + b));' "$MD"
  echo "written into $MD" >&2
else
  echo "no <!-- size-bound:start --> marker in $MD: table printed only" >&2
fi
