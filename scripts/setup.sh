#!/usr/bin/env bash
# Installs what a fresh machine of this kind lacks, and nothing it already has.
# Idempotent: each tool's version is checked before anything is installed.
# Nothing here downloads a binary from anywhere but crates.io, npm and Debian.
#
#   scripts/setup.sh          the build tools: enough to build and serve the app
#                             (scripts/run.sh); no root needed
#   scripts/setup.sh --test   also Chromium, its driver and fonts (Debian, root)
#                             and the end-to-end suite's npm packages (scripts/test.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
for_tests=false
[ "${1:-}" = "--test" ] && for_tests=true

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
ZOPFLI_VERSION=1.0.15
TOOLS="${SMSRENT_TOOLS:-$HOME/.cache/smsrent-tools}"
export PATH="$HOME/.cargo/bin:$PATH"
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# Rust: the toolchain of rust-toolchain.toml, its wasm target and lints.
toolchain=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)
if ! rustup toolchain list | grep -q "^$toolchain"; then
  say "installing Rust $toolchain"; rustup toolchain install "$toolchain" --profile minimal
fi
if ! rustup target list --installed --toolchain "$toolchain" | grep -q wasm32-unknown-unknown; then
  say "adding the wasm32 target"; rustup target add wasm32-unknown-unknown --toolchain "$toolchain"
fi
for c in clippy rustfmt; do
  rustup component list --installed --toolchain "$toolchain" | grep -q "^$c" ||
    { say "adding $c"; rustup component add "$c" --toolchain "$toolchain"; }
done

# Trunk, at the last version that builds on this toolchain.
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (a few minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# wasm-bindgen-cli exactly as Cargo.lock pins wasm-bindgen, or Trunk goes to GitHub.
wbg=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbg" ]; then
  say "installing wasm-bindgen-cli $wbg"
  cargo install --locked wasm-bindgen-cli --version "$wbg" || cargo install --force wasm-bindgen-cli --version "$wbg"
fi

# wasm-opt from npm's binaryen (Debian's is too old and breaks the page at load).
if ! wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
  say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION)"
  mkdir -p "$TOOLS"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS" "binaryen@$BINARYEN_VERSION"
  ln -sf "$TOOLS/node_modules/binaryen/bin/wasm-opt" "$HOME/.cargo/bin/wasm-opt"
fi

# Zopfli (npm @gfx/zopfli, a WebAssembly build: no native code) for the
# build's precompressed .gz files (scripts/precompress.cjs).
if [ "$(node -p "require('$TOOLS/node_modules/@gfx/zopfli/package.json').version" 2>/dev/null)" != "$ZOPFLI_VERSION" ]; then
  say "installing zopfli (npm @gfx/zopfli@$ZOPFLI_VERSION)"
  mkdir -p "$TOOLS"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS" "@gfx/zopfli@$ZOPFLI_VERSION"
fi

if ! $for_tests; then
  say "ready to build: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | head -1)"
  exit 0
fi

# For the tests only: Chromium and its driver from Debian, for browser tests
# and Playwright; the emoji and CJK fonts so flags and Chinese render in the
# screenshots we review.
debs="chromium chromium-driver fonts-noto-color-emoji fonts-noto-cjk"
missing=$(for p in $debs; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || echo "$p"; done)
if [ -n "$missing" ]; then
  if [ "$(id -u)" != 0 ]; then
    say "the tests need these Debian packages, and installing them needs root:"
    say "  sudo apt-get update && sudo apt-get install -y $(echo $missing)"
    say "then run this again."
    exit 1
  fi
  say "installing from Debian: $missing"
  apt-get update -qq && apt-get install -y -qq $missing >/dev/null
fi

# Playwright for the end-to-end suite: the npm package only, never a browser download.
if [ -f e2e/package.json ] && ! (cd e2e && node -e "require('@playwright/test')" 2>/dev/null); then
  say "installing the e2e suite's npm packages"
  (cd e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --silent --no-audit --no-fund)
fi

say "ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | head -1), $(chromium --version 2>/dev/null | head -1)"
