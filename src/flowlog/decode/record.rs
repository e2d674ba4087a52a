//! Decoded lines and records. Nothing here copies the input text: spans point into it.

use std::ops::Range;
use std::rc::Rc;

use crate::fields::FieldName;

use crate::flowlog::decode::error::{LineError, LineErrorKind, ValueError};
use crate::flowlog::decode::format::Format;
use crate::flowlog::decode::shapes::Unwrapped;
use crate::flowlog::decode::value::{Action, LogStatus, Value};

/// One input line and what it turned out to be. Every input line yields exactly one.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// 1-based number of the line in the text that was decoded: the input, or the
    /// recogniser's clean text ([`Decoded::unwrapped`]). Unique: it names the line.
    pub no: usize,
    /// 1-based number of the input line it came from, as shown to people (equal to
    /// `no` unless the input was unwrapped; several records can share one).
    pub at: usize,
    /// Byte span of the line's content in the input (without `\n` / `\r\n`).
    pub span: Range<usize>,
    /// What the line is.
    pub kind: LineKind,
}

/// What an input line is.
#[derive(Clone, Debug, PartialEq)]
pub enum LineKind {
    /// Empty or only spaces.
    Blank,
    /// A comment (`# …`) or an elision (`...`) as in AWS's documentation samples.
    Comment,
    /// An S3 file's header line, naming the fields of the lines after it.
    Header(Rc<Format>),
    /// A flow log record.
    Record(Record),
    /// A line that could not be split into the format's fields.
    Error(LineError),
}

/// A CloudWatch Logs event time copied in front of the record (console copy).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventTime {
    /// Byte span of the timestamp in the input.
    pub span: Range<usize>,
    /// The instant, in Unix seconds.
    pub unix: i64,
    /// The UTC offset written in the timestamp, in minutes.
    pub offset_minutes: i32,
}

/// One flow log record.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// The format the record was read with.
    pub format: Rc<Format>,
    /// A CloudWatch timestamp that preceded the record, if any.
    pub event_time: Option<EventTime>,
    /// The values, one per format field, in format order.
    pub cells: Vec<Cell>,
    /// A trailing `# …` comment (AWS's samples have some).
    pub comment: Option<Range<usize>>,
}

/// One field of a record.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// The field.
    pub field: FieldName,
    /// Byte span of the raw token in the input.
    pub span: Range<usize>,
    /// The decoded value, or why it could not be decoded.
    pub value: Result<Value, ValueError>,
}

impl Cell {
    /// The raw token.
    #[must_use]
    pub fn raw<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.span.clone()).unwrap_or_default()
    }
}

impl Record {
    /// The cell of `field`, if the format has it.
    #[must_use]
    pub fn cell(&self, field: FieldName) -> Option<&Cell> {
        self.cells.iter().find(|c| c.field == field)
    }

    /// The decoded value of `field`, if present and valid.
    #[must_use]
    pub fn value(&self, field: FieldName) -> Option<Value> {
        self.cell(field).and_then(|c| c.value.clone().ok())
    }

    /// The action, if the record has a readable one.
    #[must_use]
    pub fn action(&self) -> Option<Action> {
        match self.value(FieldName::Action) {
            Some(Value::Action(a)) => Some(a),
            _ => None,
        }
    }

    /// The log status, if the record has a readable one.
    #[must_use]
    pub fn log_status(&self) -> Option<LogStatus> {
        match self.value(FieldName::LogStatus) {
            Some(Value::LogStatus(s)) => Some(s),
            _ => None,
        }
    }

    /// Whether any value failed to decode.
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.cells.iter().any(|c| c.value.is_err())
    }

    /// The value errors of this record, located (line `line_no`).
    #[must_use]
    pub fn errors(&self, line_no: usize, text: &str) -> Vec<LineError> {
        self.cells
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let err = c.value.as_ref().err()?;
                Some(LineError {
                    kind: LineErrorKind::Value(err.clone()),
                    line_no,
                    field: Some((i + 1, c.field)),
                    span: c.span.clone(),
                    found: c.raw(text).to_owned(),
                })
            })
            .collect()
    }
}

/// The result of decoding a text: one [`Line`] per input line.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Decoded {
    /// Every input line, in order.
    pub lines: Vec<Line>,
    /// When the records were found inside a wrapper: the clean text that the spans
    /// of `lines` point into, and what the recogniser found.
    pub unwrapped: Option<(Rc<str>, Rc<Unwrapped>)>,
}

impl Decoded {
    /// The text the spans point into: the clean text of an unwrapped input, else `input`.
    #[must_use]
    pub fn text<'a>(&'a self, input: &'a str) -> &'a str {
        self.unwrapped.as_ref().map_or(input, |(t, _)| t)
    }

    /// The records, with their line numbers.
    pub fn records(&self) -> impl Iterator<Item = (usize, &Record)> {
        self.lines.iter().filter_map(|l| match &l.kind {
            LineKind::Record(r) => Some((l.no, r)),
            _ => None,
        })
    }

    /// Every error, structural or in a value, in line order.
    #[must_use]
    pub fn errors(&self, text: &str) -> Vec<LineError> {
        let mut out = Vec::new();
        for line in &self.lines {
            match &line.kind {
                LineKind::Error(e) => out.push(e.clone()),
                LineKind::Record(r) => out.extend(r.errors(line.at, text)),
                _ => {}
            }
        }
        out
    }

    /// Counts: (records, lines with an error, header lines).
    #[must_use]
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for line in &self.lines {
            match &line.kind {
                LineKind::Record(r) if r.has_errors() => {
                    c.records += 1;
                    c.with_errors += 1;
                }
                LineKind::Record(_) => c.records += 1,
                LineKind::Error(_) => c.with_errors += 1,
                LineKind::Header(_) => c.headers += 1,
                LineKind::Blank | LineKind::Comment => c.other += 1,
            }
        }
        c
    }
}

/// How many lines of each kind a text has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Counts {
    /// Records (including those with a bad value).
    pub records: usize,
    /// Lines with an error (a bad line, or a record with a bad value).
    pub with_errors: usize,
    /// Header lines.
    pub headers: usize,
    /// Blank and comment lines.
    pub other: usize,
}
