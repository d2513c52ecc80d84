#!/usr/bin/env bash
# Benchmark (not a test) of issue #21's diet: what a first visit carries,
# now against BASE_REF (by default the last commit before the language
# tables left the wasm), both built here in one run (scripts/lib/base.sh
# for the base). Counts the bytes a server sends for each file (the build's
# precompressed .gz and .br): the wasm, an English first visit (index.html,
# wasm, JS, CSS) and a Russian one (the same, plus its table where the
# build fetches it). Writes the table between <!-- diet:start --> and
# <!-- diet:end --> in BENCHMARKS.md. About 10 minutes, most of it the base
# build's first compile.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
OUT="$ROOT/target/bench-diet"; mkdir -p "$OUT"
BASE_REF=${BASE_REF:-e98b318}
MD=${BENCH_MD:-BENCHMARKS.md}
# shellcheck source=lib/base.sh
. scripts/lib/base.sh

trunk build --release --dist "$OUT/now" >/dev/null
build_ref "$BASE_REF" "$OUT/base"

# first_visit DIR ENC: index.html + wasm + JS + CSS, as sent; not sw.js, nor
# demo mode's worker (fetched once demo mode starts: see demo_worker).
DEMO_FILES="demo-worker.js demo.js demo_bg.wasm"
first_visit() {
  local total=0 f
  for f in "$1"/index.html "$1"/*.wasm "$1"/*.js "$1"/*.css; do
    case " sw.js $DEMO_FILES " in *" $(basename "$f") "*) continue ;; esac
    [ -f "$f" ] || continue
    total=$((total + $(served "$f" "$2")))
  done
  echo "$total"
}
# demo_worker DIR ENC: demo mode's worker files, as sent (0 before #21).
demo_worker() {
  local total=0 f
  for f in $DEMO_FILES; do
    [ -f "$1/$f" ] && total=$((total + $(served "$1/$f" "$2")))
  done
  echo "$total"
}
table() { if [ -f "$1/i18n/$2.json" ]; then served "$1/i18n/$2.json" "$3"; else echo 0; fi; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1000 }'; }
delta() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.1f KB (%+.1f %%)", (b - a) / 1000, (b - a) * 100 / a }'; }

ROWS=""
row() { # LABEL BASE NOW
  ROWS+="| $1 | $(kb "$2") | $(kb "$3") | $(delta "$2" "$3") |"$'\n'
}
for enc in br gz; do
  name=$([ "$enc" = br ] && echo "brotli 11" || echo "gzip (Zopfli)")
  wb=$(served "$(ls "$OUT"/base/smsrent-*_bg.wasm)" "$enc"); wn=$(served "$(ls "$OUT"/now/smsrent-*_bg.wasm)" "$enc")
  row "wasm, $name" "$wb" "$wn"
  fb=$(first_visit "$OUT/base" "$enc"); fn=$(first_visit "$OUT/now" "$enc")
  row "English first visit (index + wasm + JS + CSS), $name" "$fb" "$fn"
  row "Russian first visit (… + its table), $name" "$((fb + $(table "$OUT/base" ru "$enc")))" "$((fn + $(table "$OUT/now" ru "$enc")))"
  row "English first visit in demo mode (… + the simulator's worker), $name" "$((fb + $(demo_worker "$OUT/base" "$enc")))" "$((fn + $(demo_worker "$OUT/now" "$enc")))"
done
TABLES=""
for tag in ru zh-Hans zh-Hant; do
  TABLES+="$tag $(kb "$(table "$OUT/now" "$tag" br)") br / $(kb "$(table "$OUT/now" "$tag" gz)") gz, "
done

NOW=$(git rev-parse --short HEAD)
if [ -n "$(git status --porcelain -- src assets index.html Cargo.toml)" ]; then NOW+=" + changes"; fi
SECTION="Measured $(date -u +%F) by \`scripts/bench-diet.sh\`, one run on this machine: both builds made by it, release, with the same toolchain, wasm-opt and precompression; bytes as a server sends them (the build's .br and .gz files).

| first visit | $BASE_REF (before) | $NOW (now) | change |
|---|---:|---:|---:|
$ROWS
The language tables now travel only to those who use them: ${TABLES%, }. English stays in the wasm (the reference, and what shows if a table cannot be had)."

node - "$MD" "$SECTION" <<'JS'
const fs = require('fs');
const [file, section] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
const re = /(<!-- diet:start -->\n)[\s\S]*?(<!-- diet:end -->)/;
if (!re.test(text)) { console.error(`no diet markers in ${file}`); process.exit(1); }
fs.writeFileSync(file, text.replace(re, (_, a, b) => `${a}${section}\n${b}`));
JS
echo "$SECTION"
