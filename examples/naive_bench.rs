//! The naive baseline issue 15 measures `Table::build` against, on the same file in the same
//! run: `cargo run --profile bench --example naive_bench -- FILE`. The baseline splits each line
//! with `split_ascii_whitespace` and parses the same integers and addresses the decoder checks
//! (by the header line's field names, else the default format) — nothing more: no spans, no
//! index, no errors. Best of five each; prints MB/s and the ratio. Used by scripts/bench.sh.
#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_precision_loss,
    reason = "a benchmark prints its results and stops on bad arguments"
)]

use std::net::IpAddr;
use std::rc::Rc;
use std::time::Instant;

use vpc_flowlog_decoder::fields::{FieldName, Kind};
use vpc_flowlog_decoder::flowlog::bulk::index::Table;
use vpc_flowlog_decoder::flowlog::{Format, Options};

/// What the baseline does with a value.
#[derive(Clone, Copy)]
enum Check {
    Int,
    Addr,
    Skip,
}

fn checks(format: &Format) -> Vec<Check> {
    format
        .fields()
        .iter()
        .map(|f: &FieldName| match f.spec().kind {
            Kind::Addr => Check::Addr,
            Kind::Port | Kind::Protocol | Kind::Packets | Kind::Bytes | Kind::Time | Kind::Version | Kind::TcpFlags => {
                Check::Int
            }
            _ => Check::Skip,
        })
        .collect()
}

/// Splits and parses every line; returns (lines with every value valid, values checked).
fn naive(text: &str, checks: &[Check]) -> (usize, usize) {
    let (mut ok, mut values) = (0, 0);
    for line in text.lines() {
        let mut good = true;
        for (token, check) in line.split_ascii_whitespace().zip(checks) {
            values += 1;
            good &= match check {
                Check::Int => token == "-" || token.parse::<u64>().is_ok(),
                Check::Addr => token == "-" || token.parse::<IpAddr>().is_ok(),
                Check::Skip => true,
            };
        }
        ok += usize::from(good);
    }
    (ok, values)
}

fn best<T>(f: impl Fn() -> T) -> (f64, T) {
    let mut best = f64::MAX;
    let mut out = None;
    for _ in 0..5 {
        let t = Instant::now();
        let r = f();
        best = best.min(t.elapsed().as_secs_f64());
        out = Some(r);
    }
    (best, out.unwrap())
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: naive_bench FILE");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let format = text
        .lines()
        .next()
        .and_then(|l| Format::parse(l).ok())
        .filter(|f| f.len() > 1 && text.starts_with(|c: char| c.is_ascii_alphabetic()))
        .unwrap_or_default();
    let checks = checks(&format);
    let mb = text.len() as f64 / 1e6;
    let shared = Rc::new(text.clone());
    let (t_naive, (ok, values)) = best(|| naive(&text, &checks));
    let (t_table, records) = best(|| Table::build(Rc::clone(&shared), &Options::default()).counts().records);
    println!(
        "NAIVE {path}: naive split+parse {:.0} MB/s ({ok} lines, {values} values); Table::build {:.0} MB/s ({records} records); ratio {:.2}",
        mb / t_naive,
        mb / t_table,
        t_naive / t_table
    );
}
