//! Parsing and decoding of flow log text. Pure Rust: no browser imports.
//!
//! [`decode_text`] turns pasted text into one [`Line`] per input line: a
//! record, an error, a header, a comment or a blank. Records keep byte spans
//! into the input, so the original text of every value is always at hand.
#![warn(clippy::indexing_slicing)]

pub mod bulk;
pub mod decode;
pub mod explain;
pub mod links;

pub use decode::{
    decode_line, decode_plain, decode_text, Action, Cell, Counts, Decoded, EventTime, FlowDirection, Format,
    FormatError, FormatErrorKind, Line, LineError, LineErrorKind, LineKind, LogStatus, Options, Preset, Record,
    TcpFlags, Value, ValueError,
};
