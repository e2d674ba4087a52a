#!/usr/bin/env bash
# Builds the static site into dist/ (relative URLs: host it anywhere, under any path).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --offline --locked "$@"
