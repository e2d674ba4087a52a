#!/usr/bin/env bash
# Benchmarks (never run by the tests): native decode throughput on generated flow logs,
# and the size of the built app. Figures go to BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
GEN="${GEN:-../shared/bench/gen_flowlogs.py}"
LINES="${LINES:-1000000}"
mkdir -p target/bench
[ -f "target/bench/default-$LINES.log" ] || python3 "$GEN" --lines "$LINES" --format default > "target/bench/default-$LINES.log"
[ -f "target/bench/v5-$LINES.log" ] || python3 "$GEN" --lines "$LINES" --format v5 --header > "target/bench/v5-$LINES.log"
cargo run --release --quiet --example decode_bench -- "target/bench/default-$LINES.log"
cargo run --release --quiet --example decode_bench -- "target/bench/v5-$LINES.log"
if [ -d dist ]; then
  for f in dist/*.wasm dist/*.js; do
    printf '%s: %s bytes, %s gzipped\n' "$f" "$(wc -c < "$f")" "$(gzip -9c "$f" | wc -c)"
  done
fi
