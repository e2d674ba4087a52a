#!/usr/bin/env bash
# Installs what is missing, builds the app and serves it on http://127.0.0.1:8080/
# (rebuilding on change). PORT=9000 scripts/serve.sh picks another port.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# No autoreload: its injected inline script would break the Content-Security-Policy.
exec trunk serve --release --offline --locked --no-autoreload --address 127.0.0.1 --port "${PORT:-8080}"
