#!/usr/bin/env bash
# The long fuzz run (not part of scripts/test.sh, which runs the same
# properties at proptest's default 256 inputs each): every decoder of the
# rent API (all 15 methods, on random bytes, JSON-ish fragments and
# API-shaped JSON) and the stored-state decoders
# (crates/rentapi/tests/decode_fuzz.rs), and the SMS code extractor
# (crates/rentapi/tests/code_fuzz.rs), in release mode with many inputs per
# property. Each property prints the number of inputs it really tried; this
# script puts them, with the time taken, between the fuzz markers of
# BENCHMARKS.md and touches nothing else in that file.
#
# Knobs: FUZZ_CASES (inputs per property; default 1000000, about 7 minutes
# on 2 cores), FUZZ_THREADS (properties run at once; default 2),
# FUZZ_NO_WRITE=1 (print the table, leave BENCHMARKS.md alone).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

cases="${FUZZ_CASES:-1000000}"
threads="${FUZZ_THREADS:-2}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

start=$(date +%s)
# --nocapture: the fuzz-count lines are the record; a failure prints its
# shrunk input and fails this script before anything is written.
PROPTEST_CASES="$cases" cargo test --release -p rentapi --test decode_fuzz --test code_fuzz \
  -- --nocapture --test-threads "$threads" 2>&1 | tee "$log"
wall=$(( $(date +%s) - start ))

declare -A what=(
  [decode/random-bytes]='random bytes (0-511) under any HTTP status 100-599, through all 15 method decoders and the stored-state decoders'
  [decode/json-fragments]='JSON-ish fragments (envelope keys, brackets, huge numbers, `SmsList`): mostly broken JSON, deep into the parser'
  [decode/api-shaped-json]='well-formed JSON trees of the API'"'"'s field names with hostile leaves, in every envelope shape, through every decoder'
  [code/any-text]='any Unicode string into the code extractor: a code is 4-8 ASCII digits found in the text, in order'
  [code/sms-like-text]='SMS-like text from keywords, digit runs, joiners, units, CJK and odd Unicode: the same property'
)

# 1234567 -> 1,234,567
thousands() { printf '%s' "$1" | rev | sed 's/[0-9]\{3\}/&,/g; s/,$//' | rev; }

rows=""
total=0
while read -r _ name n secs; do
  rows+="| \`$name\` | ${what[$name]:-} | $(thousands "$n") | ${secs} s |"$'\n'
  total=$(( total + n ))
done < <(grep -E '^fuzz-count ' "$log")
count=$(grep -cE '^fuzz-count ' "$log" || true)
if [ "$count" -ne 5 ]; then
  echo "fuzz-long: expected 5 properties to report, got $count" >&2
  exit 1
fi

cores=$(nproc)
arch=$(uname -m)
rustc_v=$(rustc --version | awk '{print $2}')
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
section="$(cat <<EOF
Measured by \`scripts/fuzz-long.sh\` on $(date -u +%Y-%m-%d) ($cores cores, $arch, rustc $rustc_v, release build,
on top of commit $commit): \`PROPTEST_CASES=$cases\`, $threads properties at a time, $wall s of wall time in all
(compilation included). Every property passed; each count is the number of inputs the property
really ran (proptest's runner, counted in \`crates/rentapi/tests/fuzz/mod.rs\`).

| property | inputs | tried | time |
|---|---|---|---|
${rows}
$(thousands "$total") inputs in all. The decoder properties run each input through all 15
typed decoders (the match over \`Method::ALL\` is exhaustive, so a new method cannot be left out)
and through the decoders of what the app keeps in localStorage (cached orders, SMS, the saved demo
account). \`scripts/test.sh\` runs the same properties at 256 inputs each; re-run this with
\`scripts/fuzz-long.sh\` (\`FUZZ_CASES\` to change the count).
EOF
)"

if [ "${FUZZ_NO_WRITE:-}" = 1 ]; then
  printf '%s\n' "$section"
  exit 0
fi

# Only the text between the markers changes; they (and the heading) are
# added at the end of the file the first time.
SECTION="$section" node -e '
const fs = require("fs");
const file = "BENCHMARKS.md";
let md = fs.readFileSync(file, "utf8");
const start = "<!-- fuzz:start -->", end = "<!-- fuzz:end -->";
const block = `${start}\n${process.env.SECTION.trim()}\n${end}`;
if (md.includes(start) && md.includes(end)) {
  const a = md.indexOf(start), b = md.indexOf(end) + end.length;
  md = md.slice(0, a) + block + md.slice(b);
} else {
  md = md.replace(/\s*$/, "\n\n## Fuzzing\n\n" + block + "\n");
}
fs.writeFileSync(file, md);
'
echo "fuzz-long: BENCHMARKS.md updated ($total inputs, $wall s)"
