//! Arbitrary bytes as an opened file (gzip, CloudWatch JSON/CSV, invalid UTF-8) and as a
//! share-link fragment: no panic, and the size limit holds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vpc_flowlog_decoder::flowlog::{input, share};

fuzz_target!(|data: &[u8]| {
    let limit = 1 << 20;
    if let Ok(opened) = input::open(data, limit) {
        assert!(opened.text.len() <= limit * 3 + 16, "replacement characters at most triple the size");
    }
    if let Ok(fragment) = std::str::from_utf8(data) {
        let _ = share::decode(fragment);
        let _ = share::decode(&format!("#s1={fragment}"));
    }
});
