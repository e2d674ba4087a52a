//! Benchmark (not a test; never run by scripts/test.sh): decoding speed and memory
//! inside headless Chromium, next to a plain JavaScript split-based parser on the same
//! text. Run by `scripts/bench.sh`; figures go to BENCHMARKS.md.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a benchmark stops on failure")]

use std::fmt::Write as _;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

use vpc_flowlog_decoder::flowlog::bulk::index::{Indexer, Table};
use vpc_flowlog_decoder::flowlog::{decode_text, Options};

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

/// Default-format lines shaped like `gen_flowlogs.py` output (a simple LCG, deterministic).
fn generate(lines: usize) -> String {
    let mut seed: u64 = 42;
    let mut next = |m: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % m
    };
    let mut out = String::with_capacity(lines * 124);
    for _ in 0..lines {
        let status = next(100);
        if status < 2 {
            let _ = writeln!(
                out,
                "2 {} eni-{:017x} - - - - - - - 1621259323 1621259383 - {}",
                100_000_000_000 + next(899_999_999_999),
                next(1 << 60),
                if status == 0 { "NODATA" } else { "SKIPDATA" }
            );
            continue;
        }
        let (proto, port) = (
            [6, 6, 6, 17, 17, 1][next(6) as usize],
            [22, 53, 80, 123, 443, 3306, 5432, 6379, 8080, 3389][next(10) as usize],
        );
        let packets = next(4999) + 1;
        let start = 1_621_000_000 + next(86_400);
        let _ = writeln!(
            out,
            "2 {} eni-{:017x} 10.{}.{}.{} 52.{}.{}.{} {} {} {} {} {} {} {} {} OK",
            100_000_000_000 + next(899_999_999_999),
            next(1 << 60),
            next(256),
            next(256),
            next(254) + 1,
            next(256),
            next(256),
            next(254) + 1,
            32_768 + next(32_768),
            if proto == 1 { 0 } else { port },
            proto,
            packets,
            packets * (40 + next(1460)),
            start,
            start + next(600) + 1,
            if next(5) == 0 { "REJECT" } else { "ACCEPT" }
        );
    }
    out
}

const JS_PARSER: &str = "
  const t0 = performance.now();
  let records = 0, bad = 0, bytes = 0;
  for (const line of text.split('\\n')) {
    if (line === '') continue;
    const f = line.split(' ');
    if (f.length !== 14) { bad++; continue; }
    records++;
    const b = Number(f[9]);
    if (!Number.isNaN(b)) bytes += b;
  }
  return [performance.now() - t0, records, bad];
";

fn wasm_memory_mb() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    js_sys::ArrayBuffer::from(memory.buffer()).byte_length() as f64 / 1e6
}

#[wasm_bindgen_test]
fn bench_decode_in_chromium() {
    // Warm-up: the first calls pay for compilation tiers.
    let warm = generate(10_000);
    let _ = Table::build(warm.clone(), &Options::default());
    let _ = decode_text(&warm, &Options::default());
    drop(warm);
    for lines in [1_000usize, 1_000_000] {
        let text = generate(lines);
        let mb = text.len() as f64 / 1e6;

        // The app's path for files and large pastes: the compact table.
        let shared: Rc<String> = Rc::new(text.clone());
        let t = now();
        let table = Table::build(Rc::clone(&shared), &Options::default());
        let table_ms = now() - t;
        let records = table.counts().records;
        let table_memory = wasm_memory_mb();
        // The summary of every row (what the large view asks for once the rows are shown).
        let rows = vpc_flowlog_decoder::flowlog::bulk::query::select(
            &table,
            &vpc_flowlog_decoder::flowlog::bulk::query::Query::default(),
        );
        let t = now();
        let summary = vpc_flowlog_decoder::flowlog::bulk::totals::summarize(&table, &rows);
        let summary_ms = now() - t;
        assert_eq!(summary.records, records);
        drop(table);

        // The file worker's path: the text arriving in 64 KiB chunks.
        let t = now();
        let mut ix = Indexer::new(&Options::default(), usize::MAX, text.len());
        let _ = ix.begin_file();
        for chunk in text.as_bytes().chunks(64 << 10) {
            ix.push(chunk).unwrap();
        }
        let _ = ix.end_file();
        let streamed = ix.finish();
        let stream_ms = now() - t;
        assert_eq!(streamed.counts().records, records);
        drop(streamed);

        // The app's path for pastes up to 1,000 lines: typed cells for every value (best
        // of 20 for the paste: one run is near the clock's resolution).
        let runs = if lines <= 1_000 { 20 } else { 1 };
        let mut full_ms = f64::MAX;
        let mut paste_ms = f64::MAX;
        for _ in 0..runs {
            let t = now();
            let decoded = decode_text(&text, &Options::default());
            full_ms = full_ms.min(now() - t);
            assert_eq!(decoded.counts().records, records);
            drop(decoded);
            if lines <= 1_000 {
                // With the compact table the analysis across records reads: the paste's
                // worker builds it, on another thread, since issue 15's third session.
                let t = now();
                let decoded = decode_text(&text, &Options::default());
                let (table, _) = Table::build_input(text.clone(), &Options::default());
                paste_ms = paste_ms.min(now() - t);
                assert_eq!(table.counts().records, decoded.counts().records);
            }
        }
        if lines <= 1_000 {
            console_log!("BENCH paste of {lines} lines: the page's re-decode (decode_text) {full_ms:.2} ms (best of {runs}; budget 4 ms); with the compact table its worker builds {paste_ms:.2} ms");
        }

        let js = js_sys::Function::new_with_args("text", JS_PARSER);
        let result: js_sys::Array = js
            .call1(&wasm_bindgen::JsValue::NULL, &text.as_str().into())
            .unwrap()
            .unchecked_into();
        let js_ms = result.get(0).as_f64().unwrap();

        console_log!(
            "BENCH lines={lines} size={mb:.1}MB records={records} | Table::build {table_ms:.1} ms ({:.0} MB/s) | summary of all rows {summary_ms:.1} ms | Indexer (64 KiB chunks) {stream_ms:.1} ms ({:.0} MB/s) | decode_text {full_ms:.1} ms ({:.0} MB/s) | JS split parser {js_ms:.1} ms ({:.0} MB/s) | wasm memory after the table {table_memory:.0} MB (text held twice: generated + shared)",
            mb / (table_ms / 1000.0),
            mb / (stream_ms / 1000.0),
            mb / (full_ms / 1000.0),
            mb / (js_ms / 1000.0)
        );
    }
}
