#!/usr/bin/env bash
# Installs what is missing, builds the site into dist/ and serves it on
# http://127.0.0.1:8080/ as a host should (scripts/host.mjs: compressed, with the headers
# of HOSTING.md). PORT=9000 picks another port. `--dev` instead runs trunk's server,
# which rebuilds on change (uncompressed, without those headers).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
if [ "${1:-}" = "--dev" ]; then
  # No autoreload: its injected inline script would break the Content-Security-Policy.
  exec trunk serve --release --offline --locked --no-autoreload --address 127.0.0.1 --port "${PORT:-8080}"
fi
./scripts/build.sh
exec node scripts/host.mjs dist "${PORT:-8080}" /
