#!/usr/bin/env bash
# Benchmark (not a test) of the browser tests' layout (#17): one crate,
# tests/browser, against BASE_REF (by default 2a8fca8, the last commit with
# a test binary per file), both measured in one run. Each side is a git
# worktree of a commit (the working tree is never touched) with a cargo
# target of its own (never shared), warmed by one full build. Then, RUNS
# times, in turn:
#   relink  a change to the app (touch src/lib.rs), then building every
#           browser test again (`cargo test --no-run`): the app crate and
#           each test binary linked anew, what every edit costs;
#   run     running them, nothing left to build (`cargo test`): the
#           runner's start, wasm-bindgen on each binary, Chromium, the tests.
# Writes the medians between <!-- browser-tests:start --> and
# <!-- browser-tests:end --> in BENCHMARKS.md. About 25 minutes, most of
# it the two first builds; the targets stay in target/bench-browser-tests.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PATH" CARGO_INCREMENTAL=0
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
BASE_REF=${BASE_REF:-2a8fca8}
HEAD_REF=${HEAD_REF:-HEAD}
RUNS=${BENCH_RUNS:-3}
MD=${BENCH_MD:-BENCHMARKS.md}
OUT="$ROOT/target/bench-browser-tests"
mkdir -p "$OUT"
TEST=(cargo test -p smsrent --target wasm32-unknown-unknown --tests)

cleanup() {
  for side in base head; do git -C "$ROOT" worktree remove --force "$OUT/$side.tree" 2>/dev/null || true; done
}
trap cleanup EXIT

# on_side SIDE CMD...: CMD in SIDE's worktree, with SIDE's own target.
on_side() {
  local side=$1
  shift
  (cd "$OUT/$side.tree" && CARGO_TARGET_DIR="$OUT/$side.target" "$@")
}
seconds() { # SIDE CMD...: wall time of CMD, in seconds; fails if CMD does
  local t0 t1
  t0=$(date +%s.%N)
  on_side "$@" >"$OUT/last.log" 2>&1 || { cat "$OUT/last.log" >&2; exit 1; }
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }'
}
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A REV BINS MB RELINK RUN
for side in base head; do
  ref=$([ "$side" = base ] && echo "$BASE_REF" || echo "$HEAD_REF")
  REV[$side]=$(git -C "$ROOT" rev-parse --short "$ref^{commit}")
  git -C "$ROOT" worktree remove --force "$OUT/$side.tree" 2>/dev/null || true
  git -C "$ROOT" worktree add --detach "$OUT/$side.tree" "$ref" >/dev/null
  echo "== $side (${REV[$side]}): first build" >&2
  on_side "$side" "${TEST[@]}" --no-run >/dev/null 2>&1
  # The test binaries of this commit: the newest .wasm per crate name.
  list=$(on_side "$side" "${TEST[@]}" --no-run 2>&1 | sed -n 's/.*(\(target[^)]*\.wasm\)).*/\1/p; s/.*(\(\/[^)]*\.wasm\)).*/\1/p')
  BINS[$side]=$(echo "$list" | grep -c .)
  MB[$side]=$(echo "$list" | sed "s#^target/#$OUT/$side.target/#" | xargs stat -c %s | awk '{ s += $1 } END { printf "%.0f", s / 1e6 }')
  RELINK[$side]="" RUN[$side]=""
done

for i in $(seq "$RUNS"); do
  for side in base head; do
    touch "$OUT/$side.tree/src/lib.rs"
    RELINK[$side]+="$(seconds "$side" "${TEST[@]}" --no-run) "
    RUN[$side]+="$(seconds "$side" "${TEST[@]}") "
    echo "== run $i, $side: relink ${RELINK[$side]}| run ${RUN[$side]}" >&2
  done
done

row() { # LABEL BASE HEAD UNIT
  awk -v l="$1" -v a="$2" -v b="$3" -v u="${4:+ $4}" 'BEGIN { printf "| %s | %s%s | %s%s | %.2f× |\n", l, a, u, b, u, b / a }'
}
rb=$(echo "${RELINK[base]}" | median); rh=$(echo "${RELINK[head]}" | median)
ub=$(echo "${RUN[base]}" | median); uh=$(echo "${RUN[head]}" | median)
block="<!-- browser-tests:start -->
\`scripts/bench-browser-tests.sh\` on $(date -u +%Y-%m-%d): ${REV[base]} (a binary per test file) against ${REV[head]} (one crate), each in a worktree with its own cargo target, $RUNS runs each in turn, medians; $(nproc) cores, 1-minute load $(cut -d' ' -f1 /proc/loadavg) at the end.

| figure | ${REV[base]} | ${REV[head]} | ratio |
|---|---|---|---|
$(row "wasm test binaries built (\`--tests\`: the test files and the app's own unit-test harnesses)" "${BINS[base]}" "${BINS[head]}" "")
$(row "their size on disk (debug, line tables)" "${MB[base]}" "${MB[head]}" MB)
$(row "after a change to the app: build them all again" "$rb" "$rh" s)
$(row "run them all (nothing to build)" "$ub" "$uh" s)

Runs (s), relink: ${REV[base]} ${RELINK[base]% }, ${REV[head]} ${RELINK[head]% }; run: ${REV[base]} ${RUN[base]% }, ${REV[head]} ${RUN[head]% }.
<!-- browser-tests:end -->"
echo "$block"
BLOCK="$block" python3 - "$MD" <<'EOF'
import os, sys
path, block = sys.argv[1], os.environ["BLOCK"]
text = open(path).read()
start, end = "<!-- browser-tests:start -->", "<!-- browser-tests:end -->"
i, j = text.find(start), text.find(end)
if i >= 0 and j > i:
    text = text[:i] + block + text[j + len(end):]
else:
    text = text.rstrip("\n") + "\n\n## Browser tests (#17)\n\n" + block + "\n"
open(path, "w").write(text)
EOF
