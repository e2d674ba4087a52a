//! Text → records: lines and tokens, formats, typed values, records, errors, times, and
//! the recogniser that unwraps whatever surrounds the records.

pub mod clock;
pub mod error;
pub mod format;
pub mod record;
pub mod shapes;
pub mod split;
pub mod value;

use std::ops::Range;
use std::rc::Rc;

use crate::fields::FieldName;

pub use error::{FormatError, FormatErrorKind, LineError, LineErrorKind, ValueError};
pub use format::{Format, Preset};
pub use record::{Cell, Counts, Decoded, EventTime, Line, LineKind, Record};
pub use value::{Action, FlowDirection, LogStatus, TcpFlags, Value};

/// How to read the text.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Options {
    /// The flow log's format. `None` = automatic: the default format, or the
    /// format named by an S3 header line when the text has one.
    pub format: Option<Format>,
}

impl Options {
    /// The options for the format box's text: empty (or unreadable) means automatic.
    #[must_use]
    pub fn from_format_box(text: &str) -> Options {
        Options {
            format: (!text.trim().is_empty()).then(|| Format::parse(text).ok()).flatten(),
        }
    }
}

/// Decodes every line of `text`. When some lines do not read as records, headers
/// or comments, the text is given to the recogniser ([`shapes::recognise`]), which
/// finds records inside console copies, CLI output, JSON payloads and other
/// wrappers; the result then points into its clean text ([`Decoded::unwrapped`]),
/// and every line keeps the number of the input line it came from.
#[must_use]
pub fn decode_text(text: &str, options: &Options) -> Decoded {
    let (plain, suspect) = decode_lines(text, options, None);
    if !suspect && !text.starts_with('\u{feff}') {
        return plain;
    }
    match shapes::recognise(text, options) {
        Some(mut unwrapped) => {
            let clean: Rc<str> = Rc::from(std::mem::take(&mut unwrapped.text));
            let (mut decoded, _) = decode_lines(&clean, options, Some(&unwrapped));
            decoded.unwrapped = Some((clean, Rc::new(unwrapped)));
            decoded
        }
        None => plain,
    }
}

/// Decodes every line of `text` as it is, without looking for wrappers: exactly one
/// [`Line`] per input line (what the compact [`Table`](crate::flowlog::bulk::index::Table) also does).
#[must_use]
pub fn decode_plain(text: &str, options: &Options) -> Decoded {
    decode_lines(text, options, None).0
}

/// Decodes each line; also tells whether some line is not a record, header or
/// comment (a wrapper may hold the records: see [`decode_text`]), judged while each
/// line is at hand so plain text pays no second pass.
fn decode_lines(text: &str, options: &Options, unwrapped: Option<&shapes::Unwrapped>) -> (Decoded, bool) {
    let mut current = Rc::new(options.format.clone().unwrap_or_default());
    let mut suspect = false;
    // Sized once: growing a vector of a million lines by doubling copies it again and again.
    let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    let mut tokens = Vec::with_capacity(64);
    lines.extend(split::lines(text).map(|raw| {
        let content = text.get(raw.span.clone()).unwrap_or_default();
        let at = unwrapped.map_or(raw.no, |u| u.input_line(raw.no));
        let kind = decode_line_with(content, raw.span.start, at, &current, &mut tokens);
        suspect = suspect || wrapped(&kind);
        if let (LineKind::Header(format), None) = (&kind, &options.format) {
            current = Rc::clone(format);
        }
        Line {
            no: raw.no,
            at,
            span: raw.span,
            kind,
        }
    }));
    (Decoded { lines, unwrapped: None }, suspect)
}

/// Whether a decoded line hints at a wrapper around the records: a line that is no
/// record, header or comment; or a "record" whose first value is no value at all
/// (JSON split at its spaces can have as many tokens as a record: `{"message":"2`).
fn wrapped(kind: &LineKind) -> bool {
    match kind {
        LineKind::Error(e) => !matches!(e.kind, LineErrorKind::Value(_)),
        LineKind::Record(r) => r.cells.first().is_some_and(|c| c.value.is_err()),
        _ => false,
    }
}

/// What a line looks like before its values are read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Empty or spaces only.
    Blank,
    /// `# …` or `...`.
    Comment,
    /// Field names: an S3 header line.
    Header,
    /// Values. `tokens` (the caller's buffer) holds exactly the value tokens.
    Values {
        /// A CloudWatch timestamp before the values: its span and instant.
        event_time: Option<(Range<usize>, i64, i32)>,
        /// A trailing `# …` comment.
        comment: Option<Range<usize>>,
    },
}

/// Splits `line` into `tokens` (a reused buffer, spans relative to the line) and
/// tells what kind of line it is. Shared by [`decode_line`] and [`Table`](crate::flowlog::bulk::index::Table).
pub(crate) fn classify(line: &str, tokens: &mut Vec<Range<usize>>) -> Shape {
    split::field_tokens(line, tokens);
    let tok = |r: &Range<usize>| line.get(r.clone()).unwrap_or_default();
    // First-byte checks: `str::starts_with(char)` costs a memcmp call, per token.
    let first_byte = |r: &Range<usize>| line.as_bytes().get(r.start).copied();
    let Some(first) = tokens.first().map(tok) else {
        return Shape::Blank;
    };
    if first.starts_with('#') || (first.starts_with('.') && line.trim() == "...") {
        return Shape::Comment;
    }
    if looks_like_header(first, tokens, line) {
        return Shape::Header;
    }
    // A CloudWatch timestamp looks like `2021-05-17T13:48:43.000Z`: try only what could be one.
    let event_time = (first.as_bytes().get(4) == Some(&b'-'))
        .then(|| clock::parse_iso8601(first))
        .flatten()
        .map(|(unix, offset)| (tokens.first().cloned().unwrap_or_default(), unix, offset));
    if event_time.is_some() {
        tokens.remove(0);
    }
    let comment = tokens.iter().position(|r| first_byte(r) == Some(b'#')).map(|i| {
        let start = tokens.get(i).map_or(line.len(), |r| r.start);
        tokens.truncate(i);
        start..line.len()
    });
    Shape::Values { event_time, comment }
}

/// The error for a line with `found` values where `format` wants another number.
pub(crate) fn field_count_error(format: &Format, found: usize, line_no: usize, span: Range<usize>) -> LineError {
    LineError {
        kind: LineErrorKind::FieldCount {
            expected: format.len(),
            found,
            format: format.preset(),
            suggestion: Preset::with_count(found),
        },
        line_no,
        field: None,
        span,
        found: found.to_string(),
    }
}

/// Decodes one line (without its terminator) found at byte `base` of the input,
/// as input line `line_no`, with `format`.
#[must_use]
pub fn decode_line(line: &str, base: usize, line_no: usize, format: &Rc<Format>) -> LineKind {
    decode_line_with(line, base, line_no, format, &mut Vec::with_capacity(format.len() + 2))
}

/// [`decode_line`] with the caller's token buffer (a paste's lines share one).
fn decode_line_with(
    line: &str,
    base: usize,
    line_no: usize,
    format: &Rc<Format>,
    tokens: &mut Vec<Range<usize>>,
) -> LineKind {
    let (event_time, comment) = match classify(line, tokens) {
        Shape::Blank => return LineKind::Blank,
        Shape::Comment => return LineKind::Comment,
        Shape::Header => return header(line, base, line_no),
        Shape::Values { event_time, comment } => (event_time, comment),
    };
    if tokens.len() != format.len() {
        return LineKind::Error(field_count_error(
            format,
            tokens.len(),
            line_no,
            base..base + line.len(),
        ));
    }
    let cells = format
        .fields()
        .iter()
        .zip(tokens.iter())
        .map(|(field, span)| Cell {
            field: *field,
            value: value::parse_value(field.spec(), line.get(span.clone()).unwrap_or_default()),
            span: shift(span.clone(), base),
        })
        .collect();
    LineKind::Record(Record {
        format: Rc::clone(format),
        event_time: event_time.map(|(span, unix, offset_minutes)| EventTime {
            span: shift(span, base),
            unix,
            offset_minutes,
        }),
        cells,
        comment: comment.map(|c| shift(c, base)),
    })
}

/// A header line starts with a field name, or is mostly field names (so that a
/// typo in the first one still reads as a header with an error, not as a record).
fn looks_like_header(first: &str, tokens: &[Range<usize>], line: &str) -> bool {
    // Most records start with a number (version, account, address): not a header.
    if first.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    if FieldName::parse_loose(first).is_some() {
        return true;
    }
    if tokens.len() < 2 {
        return false;
    }
    let names = tokens
        .iter()
        .filter(|r| FieldName::parse_loose(line.get((*r).clone()).unwrap_or_default()).is_some())
        .count();
    names * 2 >= tokens.len()
}

pub(crate) fn header(line: &str, base: usize, line_no: usize) -> LineKind {
    match Format::parse(line) {
        Ok(format) => LineKind::Header(Rc::new(format)),
        Err(e) => LineKind::Error(LineError {
            line_no,
            field: None,
            span: shift(e.span.clone(), base),
            found: e.found.clone(),
            kind: LineErrorKind::Header(e),
        }),
    }
}

fn shift(r: Range<usize>, base: usize) -> Range<usize> {
    r.start + base..r.end + base
}
