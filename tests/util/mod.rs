//! Helpers shared by the integration tests.
#![allow(dead_code, reason = "each test file uses a different subset")]
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test helpers panic on purpose")]

use vpc_flowlog_decoder::fields::FieldName;
use vpc_flowlog_decoder::flowlog::{decode_text, Decoded, Format, LineError, LineKind, Options, Record, Value};

/// Decodes `text` in automatic mode.
pub fn decode(text: &str) -> Decoded {
    decode_text(text, &Options::default())
}

/// Decodes `text` with the format `format`.
#[track_caller]
pub fn decode_with(format: &str, text: &str) -> Decoded {
    let format = Format::parse(format).expect("test format parses");
    decode_text(text, &Options { format: Some(format) })
}

/// The one record `text` holds.
#[track_caller]
pub fn record(decoded: &Decoded) -> Record {
    let records: Vec<_> = decoded.records().map(|(_, r)| r.clone()).collect();
    assert_eq!(records.len(), 1, "expected exactly one record in {decoded:#?}");
    records.into_iter().next().unwrap()
}

/// The structural error of line `no`.
#[track_caller]
pub fn line_error(decoded: &Decoded, no: usize) -> LineError {
    match decoded.lines.iter().find(|l| l.no == no).map(|l| &l.kind) {
        Some(LineKind::Error(e)) => e.clone(),
        other => panic!("line {no}: expected an error, got {other:?}"),
    }
}

/// The value of `field`, asserting it decoded.
#[track_caller]
pub fn value(record: &Record, field: FieldName) -> Value {
    match record.cell(field).map(|c| &c.value) {
        Some(Ok(v)) => *v,
        other => panic!("{field}: expected a value, got {other:?}"),
    }
}

/// Kinds of every line, as short words, for compact assertions.
pub fn shapes(decoded: &Decoded) -> Vec<&'static str> {
    decoded
        .lines
        .iter()
        .map(|l| match &l.kind {
            LineKind::Blank => "blank",
            LineKind::Comment => "comment",
            LineKind::Header(_) => "header",
            LineKind::Record(r) if r.has_errors() => "record-with-error",
            LineKind::Record(_) => "record",
            LineKind::Error(_) => "error",
        })
        .collect()
}
