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
# The bench profile: opt-level 3 (the app's release profile optimises for size).
cargo run --profile bench --quiet --example decode_bench -- "target/bench/default-$LINES.log"
cargo run --profile bench --quiet --example decode_bench -- "target/bench/v5-$LINES.log"

# In headless Chromium: decode speed and memory next to a plain JS split-based parser.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Built as the file worker is (the `worker` profile, opt-level 3).
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" cargo test --profile worker \
  --target wasm32-unknown-unknown --test bench_browser -- --nocapture 2>&1 | grep BENCH

# The built app opening the 1,000,000-line file as a .log.gz.
[ -f "target/bench/default-$LINES.log.gz" ] || gzip -kf "target/bench/default-$LINES.log"
[ -d dist ] || ./scripts/build.sh >/dev/null
# Five runs: memory depends on when the browser collects garbage.
for run in 1 2 3 4 5; do
  node scripts/bench-browser.mjs "target/bench/default-$LINES.log.gz" "$(wc -c < "target/bench/default-$LINES.log")"
done

if [ -d dist ]; then
  for f in dist/*.wasm dist/*.js; do
    printf '%s: %s bytes, %s gzipped\n' "$f" "$(wc -c < "$f")" "$(gzip -9c "$f" | wc -c)"
  done
fi
