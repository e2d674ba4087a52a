#!/usr/bin/env bash
# Fuzzes the decoder for a fixed time per target (default 60 s): a benchmark-style
# run, not part of the tests. Crashes land in fuzz/artifacts/<target>/; turn each one
# into a regression test (tests/regressions.rs) before fixing it.
# cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP=1 lets the stable toolchain accept them.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET="${1:-60}"
export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz --version 0.13.2
mkdir -p fuzz/corpus/decode
# Seed the corpus with AWS's sample lines and the menu samples.
cp tests/data/seeds/*.log fuzz/corpus/decode/ 2>/dev/null || true
for target in decode files_and_links; do
  echo "== fuzzing $target for ${SECONDS_PER_TARGET}s"
  # -a: debug assertions and overflow checks on (an overflow is a crash, not a wrap).
  RUSTC_BOOTSTRAP=1 cargo fuzz run -O -a "$target" -- -max_total_time="$SECONDS_PER_TARGET" -max_len=4096 2>&1 \
    | grep -E "^#[0-9]+ +(DONE|INITED)|Done [0-9]+ runs|ERROR|panicked|SUMMARY" || true
done
