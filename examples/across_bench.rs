//! The analysis across records, natively: `cargo run --profile bench --example across_bench -- FILE`.
//! Times `across::analyse` (conversations, findings, the flow map) and the report the page
//! gets, best of three, and the memory the analysis takes on top of the text and its index
//! (the process's peak resident size during it, less its size before; Linux /proc): the
//! figure that counts is the first, in a fresh process (later runs reuse memory the
//! allocator kept, and read lower). Used by scripts/bench.sh; results go to BENCHMARKS.md.
#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_precision_loss,
    reason = "a benchmark prints its results and stops on bad arguments"
)]

use std::time::Instant;

use vpc_flowlog_decoder::flowlog::bulk::across;
use vpc_flowlog_decoder::flowlog::bulk::index::Table;
use vpc_flowlog_decoder::flowlog::Options;

/// A field of /proc/self/status in bytes (`VmRSS`, `VmHWM`).
fn status(key: &str) -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| {
            v.trim_start_matches(':')
                .trim()
                .trim_end_matches(" kB")
                .trim()
                .parse::<usize>()
                .ok()
        })
        .map_or(0, |kb| kb * 1024)
}

/// Resets the peak resident size (Linux: writing 5 to clear_refs).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: across_bench FILE");
    let text = std::fs::read_to_string(&path).unwrap();
    let bytes = text.len();
    let table = Table::build(text, &Options::default());
    let records = table.counts().records;
    // Each step alone, once, with the peak memory each reached (on top of the text).
    let base = status("VmRSS");
    reset_peak();
    let peak = || (status("VmHWM").saturating_sub(base)) as f64 / 1e6;
    let t = Instant::now();
    let flows = across::flows::read(&table, None);
    let t_flows = t.elapsed().as_secs_f64();
    let m_flows = peak();
    let t = Instant::now();
    let convs = across::conversations::build(&flows);
    let t_convs = t.elapsed().as_secs_f64();
    let m_convs = peak();
    let t = Instant::now();
    let found = across::findings::find(&flows, &convs, i64::MAX);
    let t_find = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let map = across::groups::flow_map(&convs);
    let t_map = t.elapsed().as_secs_f64();
    let m_end = peak();
    println!(
        "ACROSS steps: read {t_flows:.3} s, conversations {t_convs:.3} s, findings {t_find:.3} s ({} of them), flow map {t_map:.3} s ({} bands); peak memory after reading {m_flows:.0} MB, after conversations {m_convs:.0} MB, at the end {m_end:.0} MB = {:.2}x the text, in a fresh process ({} B a flow, {} B a conversation)",
        found.len(),
        map.bands.len(),
        m_end * 1e6 / bytes as f64,
        std::mem::size_of::<across::flows::Flow>(),
        std::mem::size_of::<across::conversations::Conversation>(),
    );
    drop((flows, convs, found, map));
    let mut best = f64::MAX;
    let mut best_report = f64::MAX;
    let mut extra = 0usize;
    let mut shape = (0, 0);
    for _ in 0..3 {
        reset_peak();
        let before = status("VmRSS");
        let t = Instant::now();
        let analysis = across::analyse(&table, None, i64::MAX);
        best = best.min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        let report = analysis.report();
        best_report = best_report.min(t.elapsed().as_secs_f64());
        extra = extra.max(status("VmHWM").saturating_sub(before));
        shape = (analysis.conversations.len(), report.findings.len());
        drop(report);
        drop(analysis);
    }
    println!(
        "ACROSS {path}: {records} records, {} conversations, {} findings: analyse {best:.3} s, report {best_report:.3} s; peak memory on top of text and index, runs 2-3 {:.0} MB = {:.2}x the text ({:.0} MB)",
        shape.0,
        shape.1,
        extra as f64 / 1e6,
        extra as f64 / bytes as f64,
        bytes as f64 / 1e6
    );
}
