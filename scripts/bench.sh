#!/usr/bin/env bash
# Benchmarks (never run by the tests): native decode throughput on generated flow logs,
# the first load (Lighthouse), and the size of the built app. Figures go to BENCHMARKS.md.
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
# Table::build against a naive split-and-parse pass over the same file, in one run (issue 15).
cargo run --profile bench --quiet --example naive_bench -- "target/bench/default-$LINES.log"
cargo run --profile bench --quiet --example naive_bench -- "target/bench/v5-$LINES.log"

# Across records (conversations, findings, flow map) over a coherent 1,000,000-record log
# (gen_scenarios' mixed scenario; ~3 min to generate the first time) and over random flows.
SCEN="${SCEN:-../shared/bench/gen_scenarios.py}"
[ -f "target/bench/mixed-$LINES.log" ] || python3 "$SCEN" --scenario mixed --seed 1 --records "$LINES" \
  --truth "target/bench/mixed-$LINES.truth.json" > "target/bench/mixed-$LINES.log"
cargo run --profile bench --quiet --example across_bench -- "target/bench/mixed-$LINES.log"
cargo run --profile bench --quiet --example across_bench -- "target/bench/default-$LINES.log"

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
# The coherent log too (its analysis across records is the one that means something).
[ -f "target/bench/mixed-$LINES.log.gz" ] || gzip -kf "target/bench/mixed-$LINES.log"
for run in 1 2 3; do
  node scripts/bench-browser.mjs "target/bench/mixed-$LINES.log.gz" "$(wc -c < "target/bench/mixed-$LINES.log")"
done

# First load: what the paste page fetches before a file is opened, and when it is ready,
# unthrottled and on DevTools' "Fast 3G".
node scripts/bench-firstload.mjs dist | grep FIRSTLOAD
# … and its floor: the paste page alone, with everything else cut out (what a second,
# on-demand module would hold), and with English text only.
./scripts/bench-floor.sh

# First load: Lighthouse 12 (mobile, default settings) against dist/ served as a host would
# (scripts/host.mjs), three runs each. The default build asks search engines not to index it
# (which Lighthouse's SEO score counts against it); the public build (FLOWLOG_INDEXING=allow,
# as a public demo would be built) is the same site without that.
LH="target/bench/lighthouse"
[ -x "$LH/node_modules/.bin/lighthouse" ] || npm install --prefix "$LH" --no-audit --no-fund lighthouse@12.8.2 >/dev/null
node scripts/bench-lighthouse.mjs dist "$LH/node_modules/.bin/lighthouse" team | grep LIGHTHOUSE
FLOWLOG_INDEXING=allow ./scripts/build.sh --dist target/bench/dist-public >/dev/null 2>&1
node scripts/bench-lighthouse.mjs target/bench/dist-public "$LH/node_modules/.bin/lighthouse" public | grep LIGHTHOUSE

if [ -d dist ]; then
  for f in dist/*.wasm dist/*.js; do
    printf '%s: %s bytes, %s gzipped\n' "$f" "$(wc -c < "$f")" "$(gzip -9c "$f" | wc -c)"
  done
fi
