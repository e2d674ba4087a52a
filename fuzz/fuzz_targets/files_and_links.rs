//! Arbitrary bytes as an opened file (gzip, any wrapper, invalid UTF-8), as a Parquet file, as a
//! file streamed in chunks (the worker's path), and as a share-link fragment: no
//! panic, the size limit holds, and streaming gives what joining and indexing gives.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vpc_flowlog_decoder::flowlog::bulk::index::{Indexer, Table};
use vpc_flowlog_decoder::flowlog::{bulk::open, bulk::parquet, decode::shapes, links::share, Options};

fuzz_target!(|data: &[u8]| {
    let limit = 1 << 20;
    if let Ok(opened) = open::open(data, limit) {
        assert!(
            opened.text.len() <= limit * 3 + 16,
            "replacement characters at most triple the size"
        );
    }
    // As a Parquet file (the Parquet worker's path): an answer, never a panic.
    let _ = parquet::to_text(data.to_vec(), limit);
    if let Ok(fragment) = std::str::from_utf8(data) {
        let _ = share::decode(fragment);
        let _ = share::decode(&format!("#s1={fragment}"));
    }
    // Streamed: the first byte chooses the chunk size; files split at every 0x00 byte.
    if let Some((&cut, rest)) = data.split_first() {
        let files: Vec<&[u8]> = rest.split(|b| *b == 0).collect();
        // gzip and CloudWatch exports take other paths in the worker.
        let plain = files
            .iter()
            .all(|f| !f.starts_with(&[0x1f, 0x8b]) && !shapes::needs_whole(f, &Options::default()));
        if !plain {
            return;
        }
        let mut ix = Indexer::new(&Options::default(), usize::MAX, 0);
        let mut utf8 = Vec::new();
        for (n, file) in files.iter().enumerate() {
            let _ = ix.begin_file();
            for chunk in file.chunks(usize::from(cut).max(1)) {
                assert!(ix.push(chunk).is_ok());
            }
            if let Some(at) = ix.end_file() {
                utf8.push((n.to_string(), open::Problem::InvalidUtf8(at)));
            }
        }
        let streamed = ix.finish();
        let joined = open::join(files.iter().enumerate().map(|(n, f)| (n.to_string(), *f)), usize::MAX);
        let joined_utf8: Vec<_> = joined
            .problems
            .iter()
            .filter(|(_, p)| matches!(p, open::Problem::InvalidUtf8(_)))
            .cloned()
            .collect();
        assert_eq!(utf8, joined_utf8);
        let whole = Table::build(joined.text, &Options::default());
        assert_eq!(streamed.text(), whole.text());
        assert_eq!(streamed.rows(), whole.rows());
    }
});
