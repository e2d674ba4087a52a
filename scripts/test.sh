#!/usr/bin/env bash
# Runs every test: formatting, clippy (native and wasm32), native tests, browser
# tests in headless Chromium, a release build of dist/, and end-to-end tests of
# dist/ served on 127.0.0.1. Installs whatever is missing first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy (native, all targets)"
cargo clippy --all-targets --locked -- -D warnings

step "clippy (wasm32, all targets)"
cargo clippy --target wasm32-unknown-unknown --all-targets --locked -- -D warnings

step "rustdoc (every intra-doc link resolves)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --lib --locked

step "native tests (decoder, knowledge table, properties, doc example)"
cargo test --locked

step "browser tests (wasm-bindgen-test in headless Chromium)"
cargo test --target wasm32-unknown-unknown --locked --test browser --test protocol

step "release build of dist/ (trunk, offline)"
./scripts/build.sh

step "end-to-end tests of dist/ on 127.0.0.1 (playwright-core + Debian chromium)"
node --test tests/e2e/
