#!/usr/bin/env bash
# Screens read stores and call their methods; only the stores talk to the
# client (src/store), so what a request does after its answer lives once.
set -euo pipefail
cd "$(dirname "$0")/../.."
if grep -rnE 'client_untracked\(|\.client\(' src/screen; then
  echo "a screen calls the API client directly: go through a store (src/store)" >&2
  exit 1
fi
echo "no screen calls the API client"
