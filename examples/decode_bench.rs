//! Decoding throughput, natively: `cargo run --release --example decode_bench -- FILE [FORMAT]`.
//! Reports the best of five runs. Used by scripts/bench.sh; results go to BENCHMARKS.md.
#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark prints its results and stops on bad arguments"
)]

use std::time::Instant;

use vpc_flowlog_decoder::flowlog::{decode_text, Format, Options};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: decode_bench FILE [FORMAT]");
    let format = args.next().map(|f| Format::parse(&f).unwrap());
    let text = std::fs::read_to_string(&path).unwrap();
    let options = Options { format };
    let mut best = f64::INFINITY;
    let mut records = 0;
    let mut errors = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let decoded = decode_text(&text, &options);
        let secs = t.elapsed().as_secs_f64();
        best = best.min(secs);
        let counts = decoded.counts();
        records = counts.records;
        errors = counts.with_errors;
    }
    #[allow(clippy::cast_precision_loss, reason = "sizes far below 2^53")]
    let mb = text.len() as f64 / 1e6;
    println!(
        "{path}: {mb:.1} MB, {records} records, {errors} with errors, best of 5: {:.3} s = {:.0} MB/s",
        best,
        mb / best
    );
}
