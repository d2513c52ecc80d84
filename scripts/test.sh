#!/usr/bin/env bash
# Sets everything up, then runs every test: formatting, lints (host and
# wasm32), cargo tests, browser tests in headless Chromium, the release
# build, and the Playwright end-to-end suite through the relay.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
# Incremental state only helps the next build on this machine; on CI it is
# gigabytes of disk for nothing (a run once failed with the disk full).
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
export PATH="$HOME/.cargo/bin:$PATH" CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "set-up: the app needs no root, the tests say what does"
bash scripts/checks/setup-roles.sh
step "screens go through the stores, never the API client"
bash scripts/checks/screens-no-client.sh
step "the size probes' patches still apply (scripts/size-bound.sh)"
bash scripts/checks/size-bound-patches.sh
step "cargo fmt --check"
cargo fmt --all --check
step "clippy (host)"
cargo clippy --workspace --all-targets -- -D warnings
step "clippy (wasm32)"
cargo clippy -p smsrent -p smsrent-demo-worker --target wasm32-unknown-unknown --all-targets -- -D warnings
step "cargo test"
# Includes the code extractor's corpus score (crates/rentapi/tests/code_corpus.rs)
# and its comparison with the ported baselines (bench/otp-baselines).
cargo test --workspace
step "browser tests (wasm-bindgen-test in headless Chromium)"
cargo test -p smsrent --target wasm32-unknown-unknown --tests
step "release build (trunk)"
trunk build --release
step "release build under a sub-path (trunk, public URL /smsrent/)"
trunk build --release --public-url /smsrent/ --dist dist-subpath
if [ -f e2e/package.json ]; then
  step "end-to-end (Playwright through the relay)"
  cargo build -p smsrent-relay
  (cd e2e && npx playwright test)
fi
step "all tests passed"
