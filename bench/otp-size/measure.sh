#!/usr/bin/env bash
# What the code extractor adds to a wasm32 build: builds this cdylib at the
# app's release profile (opt-level z, LTO, one codegen unit, panic=abort)
# against today's extractor and against the extractor of commit $BEFORE
# (default 8e4198a, before the keyword tables grew), and prints raw and
# gzip -9 sizes; and the same export with no extractor at all (`bare`).
# No wasm-opt (Trunk runs it on the app; not here).
# Usage: bench/otp-size/measure.sh [commit]   (from anywhere in the repo)
set -euo pipefail
BEFORE=${1:-8e4198a}
ROOT=$(git rev-parse --show-toplevel)
WORK=${OTP_SIZE_DIR:-$ROOT/target/otp-size}
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1}
rm -rf "$WORK/before-src"
mkdir -p "$WORK/before-src/bench" "$WORK/before-src/crates"
# Before: today's rentapi with the extractor of $BEFORE (one file then).
cp -r "$ROOT/crates/rentapi" "$WORK/before-src/crates/rentapi"
rm -rf "$WORK/before-src/crates/rentapi/src/code" "$WORK/before-src/crates/rentapi/target"
git -C "$ROOT" show "$BEFORE:crates/rentapi/src/code.rs" > "$WORK/before-src/crates/rentapi/src/code.rs"
cp -r "$ROOT/bench/otp-size" "$WORK/before-src/bench/otp-size"
# The workspace keys rentapi's manifest inherits, rentapi its only member.
awk '/^\[/ { keep = ($0 ~ /^\[workspace/) } keep' "$ROOT/Cargo.toml" \
    | sed 's|^members = .*|members = ["crates/rentapi"]|' > "$WORK/before-src/Cargo.toml"
build() { # $1 = crate dir, $2 = label, $3... = more cargo arguments
    local dir=$1 label=$2
    shift 2
    cp "$ROOT/Cargo.lock" "$dir/Cargo.lock"
    CARGO_TARGET_DIR="$WORK/target-$label" cargo build --offline --release \
        --target wasm32-unknown-unknown --manifest-path "$dir/Cargo.toml" -q "$@"
    local wasm="$WORK/target-$label/wasm32-unknown-unknown/release/smsrent_bench_otp_size.wasm"
    local raw gz
    raw=$(stat -c %s "$wasm")
    gz=$(gzip -9 -c "$wasm" | wc -c)
    echo "$label: $raw bytes raw, $gz bytes gzip -9"
}
build "$ROOT/bench/otp-size" bare --features bare
build "$ROOT/bench/otp-size" after
rm -f "$ROOT/bench/otp-size/Cargo.lock"
build "$WORK/before-src/bench/otp-size" before
