#!/usr/bin/env bash
# Installs everything the build and the tests need, pinned, and only what is missing.
# Idempotent: a second run checks versions and installs nothing.
# Sources: rustup (the wasm target), crates.io (trunk, wasm-bindgen-cli),
# Debian (chromium, chromium-driver), the npm registry (binaryen's wasm-opt, playwright-core).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen crate that Cargo.lock resolved.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)

log() { printf '[setup] %s\n' "$*" >&2; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION (takes ~6 min)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes ~2 min)"
  # Not --locked: one of its locked dependencies is missing from the registry here.
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# The crates of Cargo.lock, so that `trunk build --offline` (which builds offline) finds
# them on a machine that has never built the project. Quick when they are there.
cargo fetch --locked --quiet

# fonts-ipafont-gothic: Japanese glyphs for the screenshots the browser tests take.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
   || ! dpkg -s fonts-ipafont-gothic >/dev/null 2>&1; then
  log "installing chromium, chromium-driver and a Japanese font from Debian"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver fonts-ipafont-gothic >/dev/null
fi

# binaryen (wasm-opt 132) and playwright-core, pinned in package.json / package-lock.json.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages (binaryen, playwright-core)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Python tools the tests check generated artefacts with (PyPI, pinned in
# tests/tools/requirements.txt), in a virtual environment of their own.
if [ ! -x target/py/bin/python ] || ! cmp -s tests/tools/requirements.txt target/py/requirements.txt; then
  log "installing the Python test tools (AWS CLI, cfn-lint, python-hcl2, DuckDB)"
  if ! python3 -c 'import ensurepip' 2>/dev/null; then
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-venv >/dev/null
  fi
  python3 -m venv target/py
  target/py/bin/pip install --quiet --disable-pip-version-check -r tests/tools/requirements.txt
  cp tests/tools/requirements.txt target/py/requirements.txt
fi
