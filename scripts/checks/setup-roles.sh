#!/usr/bin/env bash
# Running the app needs only the build tools: scripts/setup.sh (what
# scripts/run.sh calls) must never reach for apt, and without root the
# test set-up must say what to install instead of failing inside apt.
# Checked with stand-ins for apt-get, dpkg-query and id that report a
# machine with no browser and a user who is not root.
set -euo pipefail
cd "$(dirname "$0")/../.."
stubs=$(mktemp -d)
trap 'rm -rf "$stubs"' EXIT
cat >"$stubs/apt-get" <<STUB
#!/bin/sh
echo "apt-get \$*" >>"$stubs/apt-calls"
exit 1
STUB
printf '#!/bin/sh\nexit 1\n' >"$stubs/dpkg-query"
printf '#!/bin/sh\n[ "$1" = -u ] && echo 1000 || /usr/bin/id "$@"\n' >"$stubs/id"
chmod +x "$stubs"/*
fail() { echo "setup-roles: $*" >&2; exit 1; }

PATH="$stubs:$PATH" bash scripts/setup.sh >"$stubs/run.log" 2>&1 ||
  fail "setup for running the app failed: $(cat "$stubs/run.log")"
[ ! -e "$stubs/apt-calls" ] || fail "setup for running the app called $(cat "$stubs/apt-calls")"

if PATH="$stubs:$PATH" bash scripts/setup.sh --test >"$stubs/test.log" 2>&1; then
  fail "the test set-up went on without its browser"
fi
[ ! -e "$stubs/apt-calls" ] || fail "the test set-up called apt without root: $(cat "$stubs/apt-calls")"
grep -q "needs root" "$stubs/test.log" && grep -q "sudo apt-get install -y chromium" "$stubs/test.log" ||
  fail "the test set-up did not say what to install: $(cat "$stubs/test.log")"
echo "setup-roles: the app's set-up needs no apt; the tests' says what needs root"
