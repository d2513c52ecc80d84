#!/usr/bin/env bash
# Sets everything up, builds the app and serves it with the relay on one
# origin. With no API key saved the app runs in demo mode; with a key it
# reaches the provider through the relay (default upstream smspva.com).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
trunk build --release
cargo build -p smsrent-relay
exec target/debug/smsrent-relay --listen "127.0.0.1:${PORT:-8787}" --serve dist \
  --upstream "${UPSTREAM:-https://smspva.com}" "$@"
