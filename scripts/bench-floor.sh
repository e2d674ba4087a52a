#!/usr/bin/env bash
# The floor of the paste page's first load (issue 15): the app's WebAssembly built as it
# is, then with everything but the paste page cut out (scripts/floor/paste-only.patch:
# no large view, file preview, analysis panels, query panel, Learn, nor any worker code —
# what a second, on-demand module would hold), then that with English text only
# (scripts/floor/english-only.patch: Japanese loaded on demand). Each is built the way
# trunk builds the app (release profile, wasm-bindgen, wasm-opt -Oz) in a temporary
# worktree of HEAD, and measured gzip -9 (the target's measure) with its JS glue.
#
# Usage: scripts/bench-floor.sh   (about 5 minutes; needs scripts/setup.sh's tools)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
root="$PWD"
tree="$(mktemp -d)/floor"
export CARGO_TARGET_DIR="$root/target/floor"
git worktree add -q --detach "$tree" HEAD
trap 'git -C "$root" worktree remove --force "$tree"' EXIT

measure() {
  (cd "$tree" && cargo build --release --target wasm32-unknown-unknown --bin vpc-flowlog-decoder -q 2>/dev/null)
  local out="$CARGO_TARGET_DIR/bindgen"
  rm -rf "$out" && mkdir -p "$out"
  wasm-bindgen --target web --no-typescript --out-dir "$out" \
    "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/vpc-flowlog-decoder.wasm"
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types \
    "$out/vpc-flowlog-decoder_bg.wasm" -o "$out/opt.wasm"
  local wasm js
  wasm=$(gzip -9 -c "$out/opt.wasm" | wc -c)
  js=$(gzip -9 -c "$out/vpc-flowlog-decoder.js" | wc -c)
  printf '| %s | %s | %s | %s |\n' "$1" "$wasm" "$js" "$((wasm + js))"
}

echo '| build | wasm (gzip -9) | JS glue (gzip -9) | total |'
echo '| --- | --- | --- | --- |'
measure "the app as it is (HEAD $(git rev-parse --short HEAD))"
git -C "$tree" apply "$root/scripts/floor/paste-only.patch"
measure "the paste page alone (no large view, preview, analysis, query panel, Learn, worker code)"
git -C "$tree" apply "$root/scripts/floor/english-only.patch"
measure "… and English text only"
