//! Arbitrary text through the whole decoder: no panic; the compact table agrees with the
//! full decode line by line; every line's span reassembles the input; every value can be
//! described and every record summarised and told as a story, in both languages.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vpc_flowlog_decoder::fields::Lang;
use vpc_flowlog_decoder::flowlog::clock::Fixed;
use vpc_flowlog_decoder::flowlog::table::Table;
use vpc_flowlog_decoder::flowlog::{decode_text, describe, query, story, Format, LineKind, Options};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // The first line, when it parses, is also tried as a typed format.
    let typed = text.lines().next().and_then(|l| Format::parse(l).ok());
    for options in [Options::default(), Options { format: typed }] {
        let full = decode_text(text, &options);
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
        let _ = query::summarize(&table, &rows);
        let _ = query::to_csv(&table, &rows);
    }
});
