# Sourced by the benchmark scripts that compare the app with an earlier
# commit. Needs ROOT (the checkout).
#
# build_ref REF DIST [TARGET]: REF's release build (`trunk build --release`)
# into DIST, from a throwaway git worktree (the working tree is never
# touched), with TARGET as its cargo target directory (by default one that
# every benchmark's base build shares): never the main one, where cargo
# would leave one tree's wasm at the shared path for the other tree's trunk
# to ship (see size-bound.sh). A first run compiles every dependency once
# more (a few minutes). DIST already built from REF is kept as it is.
build_ref() {
  local ref=$1 dist=$2 target=${3:-$ROOT/target/bench-base-cargo} tree="$2.tree" rev
  rev=$(git -C "$ROOT" rev-parse "$ref^{commit}")
  if [ "$(cat "$dist.rev" 2>/dev/null)" = "$rev" ] && [ -f "$dist/index.html" ]; then return 0; fi
  git -C "$ROOT" worktree remove --force "$tree" 2>/dev/null || true
  git -C "$ROOT" worktree add --detach "$tree" "$ref" >/dev/null
  (cd "$tree" && CARGO_TARGET_DIR="$target" trunk build --release --dist "$dist" >/dev/null)
  git -C "$ROOT" worktree remove --force "$tree"
  echo "$rev" >"$dist.rev"
}

# served FILE ENC: the bytes a server sends for FILE with Content-Encoding
# ENC (gz or br): the build's precompressed form (Zopfli, brotli 11), or
# the file as it is where the build kept none (small files, index.html).
served() {
  if [ -f "$1.$2" ]; then stat -c %s "$1.$2"; else stat -c %s "$1"; fi
}
