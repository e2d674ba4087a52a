//! Arbitrary text through the whole decoder: no panic; the recogniser's output points into
//! its own text and names input lines; the compact table agrees with the
//! full decode line by line; every line's span reassembles the input; every value can be
//! described and every record summarised and told as a story, in both languages.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vpc_flowlog_decoder::fields::Lang;
use vpc_flowlog_decoder::flowlog::decode::clock::Fixed;
use vpc_flowlog_decoder::flowlog::bulk::index::Table;
use vpc_flowlog_decoder::flowlog::{decode_plain, decode_text, explain::describe, bulk::export, bulk::query, bulk::totals, explain::story, Format, LineKind, Options};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // The first line, when it parses, is also tried as a typed format.
    let typed = text.lines().next().and_then(|l| Format::parse(l).ok());
    for options in [Options::default(), Options { format: typed }] {
        // With the recogniser: spans lie in the text they point into, every value can
        // be described, every line names an input line.
        let unwrapped = decode_text(text, &options);
        let clean = unwrapped.text(text);
        let input_lines = text.split(['\n', '\r']).count().max(1);
        for line in &unwrapped.lines {
            assert!(clean.get(line.span.clone()).is_some());
            assert!(line.at >= 1 && line.at <= input_lines);
            if let LineKind::Record(r) = &line.kind {
                for cell in &r.cells {
                    let _ = describe::describe(r, cell, clean, Lang::Ja, &Fixed(0));
                }
            }
        }
        let _ = Table::build_input(text.to_owned(), &options);
        // Without: the compact table agrees with the full decode, line by line.
        let full = decode_plain(text, &options);
        let table = Table::build(text.to_owned(), &options);
        assert_eq!(table.rows().len(), full.lines.len());
        assert_eq!(table.counts(), full.counts());
        let mut rebuilt = String::new();
        for (i, line) in full.lines.iter().enumerate() {
            assert_eq!(table.line(i).as_ref(), Some(line));
            rebuilt.push_str(&text[line.span.clone()]);
            let next = full.lines.get(i + 1).map_or(text.len(), |n| n.span.start);
            rebuilt.push_str(&text[line.span.end..next]);
            if let LineKind::Record(r) = &line.kind {
                assert_eq!(r.cells.len(), r.format.len());
                for cell in &r.cells {
                    assert!(cell.span.start >= line.span.start && cell.span.end <= line.span.end);
                    for lang in Lang::ALL {
                        let _ = describe::describe(r, cell, text, lang, &Fixed(-90));
                    }
                }
                for lang in Lang::ALL {
                    let _ = story::story(r, text, lang);
                }
            }
        }
        assert_eq!(rebuilt, text);
        let rows = query::select(&table, &query::Query::parse(text.lines().next().unwrap_or("")));
        let _ = totals::summarize(&table, &rows);
        let _ = export::to_csv(&table, &rows);
    }
});
