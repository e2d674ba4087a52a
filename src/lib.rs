//! Decode and explain AWS VPC Flow Log records.
//!
//! Three layers:
//! - [`flowlog`]: parsing and decoding, plain Rust (no browser imports), tested natively;
//! - [`fields`]: the knowledge table — every field and code explained in English and Japanese;
//! - [`ui`]: the yew single-page app (runs in the browser; its state logic is tested natively).
//!
//! ```
//! use vpc_flowlog_decoder::fields::{FieldName, Lang};
//! use vpc_flowlog_decoder::flowlog::{decode_text, LineKind, Options, Value};
//!
//! let text = "2 123456789012 eni-0a1b2c3d 203.0.113.12 10.0.0.1 123 40658 17 1 76 1621259323 1621259383 ACCEPT OK";
//! let decoded = decode_text(text, &Options::default());
//! let Some(LineKind::Record(record)) = decoded.lines.first().map(|l| &l.kind) else { panic!() };
//! assert_eq!(record.value(FieldName::Protocol), Some(Value::Protocol(17)));
//! assert_eq!(record.cell(FieldName::Srcaddr).unwrap().raw(text), "203.0.113.12");
//! ```

pub mod fields;
pub mod flowlog;
pub mod ui;
pub mod web;
