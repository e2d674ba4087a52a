//! Decoding throughput, natively: `cargo run --release --example decode_bench -- FILE [FORMAT]`.
//! Reports the best of five runs. Used by scripts/bench.sh; results go to BENCHMARKS.md.
#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark prints its results and stops on bad arguments"
)]

use std::time::Instant;

use vpc_flowlog_decoder::flowlog::bulk::index::{Indexer, Table};
use vpc_flowlog_decoder::flowlog::{decode_text, Format, Options};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: decode_bench FILE [FORMAT]");
    let format = args.next().map(|f| Format::parse(&f).unwrap());
    let text = std::fs::read_to_string(&path).unwrap();
    let options = Options { format };
    #[allow(clippy::cast_precision_loss, reason = "sizes far below 2^53")]
    let mb = text.len() as f64 / 1e6;
    let shared: std::rc::Rc<String> = std::rc::Rc::new(text.clone());
    type Run<'a> = (&'a str, &'a dyn Fn() -> (usize, usize));
    let runs: [Run<'_>; 3] = [
        ("Indexer (streamed in 64 KiB chunks)", &|| {
            let mut ix = Indexer::new(&options, usize::MAX, text.len());
            let _ = ix.begin_file();
            for chunk in text.as_bytes().chunks(64 << 10) {
                ix.push(chunk).unwrap();
            }
            let _ = ix.end_file();
            let c = ix.finish().counts();
            (c.records, c.with_errors)
        }),
        ("Table::build (compact)", &|| {
            let c = Table::build(std::rc::Rc::clone(&shared), &options).counts();
            (c.records, c.with_errors)
        }),
        ("decode_text (full cells)", &|| {
            let c = decode_text(&text, &options).counts();
            (c.records, c.with_errors)
        }),
    ];
    // The paste path: what the page does for a paste of 1,000 lines (the most it decodes
    // in full): decode_text; and the compact table the paste's worker builds for the
    // analysis across records (another thread since the third session of issue 15).
    // Best and mean of 200.
    let paste: String = text.lines().take(1000).flat_map(|l| [l, "\n"]).collect();
    let mut best_decode = f64::MAX;
    let mut sum_decode = 0.0;
    let mut best_both = f64::MAX;
    for _ in 0..200 {
        let t = Instant::now();
        let d = decode_text(&paste, &options);
        let took = t.elapsed().as_secs_f64();
        best_decode = best_decode.min(took);
        sum_decode += took;
        let table = Table::build_input(paste.clone(), &options).0;
        best_both = best_both.min(t.elapsed().as_secs_f64());
        assert_eq!(d.counts().records, table.counts().records);
    }
    let paste_mb = paste.len() as f64 / 1e6;
    println!(
        "{path}: paste of 1,000 lines ({:.0} KB): decode_text {:.3} ms = {:.0} MB/s (best of 200; mean {:.3} ms = {:.0} MB/s); with its compact table {:.3} ms (best of 200)",
        paste.len() as f64 / 1e3,
        best_decode * 1e3,
        paste_mb / best_decode,
        sum_decode / 200.0 * 1e3,
        paste_mb / (sum_decode / 200.0),
        best_both * 1e3
    );
    let table = Table::build(std::rc::Rc::clone(&shared), &options);
    let t = Instant::now();
    let rows = vpc_flowlog_decoder::flowlog::bulk::query::select(
        &table,
        &vpc_flowlog_decoder::flowlog::bulk::query::Query::default(),
    );
    let select_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let summary = vpc_flowlog_decoder::flowlog::bulk::totals::summarize(&table, &rows);
    println!(
        "{path}: select all {select_s:.3} s, summarize {:.3} s ({} records)",
        t.elapsed().as_secs_f64(),
        summary.records
    );
    // Wrapped inputs, through the recogniser (what a pasted or dropped CLI output costs):
    // the first 200,000 records as `aws logs tail` lines and as filter-log-events JSON.
    let some: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .take(200_000)
        .collect();
    let tail: String = some
        .iter()
        .map(|l| format!("2021-05-17T13:48:43.000000+00:00 eni-0a1b2c3d-all {l}\n"))
        .collect();
    let events: Vec<String> = some
        .iter()
        .map(|l| {
            format!("{{\"logStreamName\": \"eni-0a1b2c3d-all\", \"timestamp\": 1621259323000, \"message\": \"{l}\"}}")
        })
        .collect();
    let json = format!("{{\"events\": [{}]}}", events.join(",\n"));
    for (name, wrapped) in [("logs tail lines", &tail), ("filter-log-events JSON", &json)] {
        let mut best = f64::INFINITY;
        let mut records = 0;
        for _ in 0..5 {
            let t = Instant::now();
            let (table, _) = Table::build_input(wrapped.clone(), &options);
            records = table.counts().records;
            best = best.min(t.elapsed().as_secs_f64());
        }
        #[allow(clippy::cast_precision_loss, reason = "sizes far below 2^53")]
        let wmb = wrapped.len() as f64 / 1e6;
        println!(
            "{path}: recogniser + Table::build ({name}): {wmb:.1} MB, {records} records, best of 5: {best:.3} s = {:.0} MB/s",
            wmb / best
        );
    }
    for (name, run) in runs {
        let mut best = f64::INFINITY;
        let mut counts = (0, 0);
        for _ in 0..5 {
            let t = Instant::now();
            counts = run();
            best = best.min(t.elapsed().as_secs_f64());
        }
        println!(
            "{path}: {name}: {mb:.1} MB, {} records, {} with errors, best of 5: {best:.3} s = {:.0} MB/s",
            counts.0,
            counts.1,
            mb / best
        );
    }
}
