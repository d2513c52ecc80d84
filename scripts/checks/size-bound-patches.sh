#!/usr/bin/env bash
# The size probes (scripts/size-bound.sh) build the app with parts left
# out by the patches in bench/size-bound/. A change to the files they touch
# breaks them silently until someone measures; this says so at once. Each
# variant's patches are applied in turn, as size-bound.sh does, to a
# throwaway copy of the tracked files.
set -euo pipefail
cd "$(dirname "$0")/../.."
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
git ls-files -z src | xargs -0 cp --parents -t "$tree"
(cd "$tree" && git init -q . && git add -A)
for variant in "dashboard-only" "shell-only"; do
  (cd "$tree" && git checkout -q -- . && git clean -qfd)
  for p in $variant; do
    if ! git -C "$tree" apply "$PWD/bench/size-bound/$p.patch"; then
      echo "bench/size-bound/$p.patch no longer applies (variant: $variant): regenerate it" >&2
      exit 1
    fi
  done
done
echo "the size-bound patches apply"
