//! A compact, columnar store for whole log files (a million lines and more).
//!
//! [`decode_text`](crate::flowlog::decode_text) keeps a typed [`Cell`](crate::flowlog::Cell) per
//! value: rich, but ~50 bytes per value. A [`Table`] keeps only what is needed to
//! find, filter and sort: per line its span, kind and format, and per value its
//! byte span — no allocation per line. Every value is still checked while the
//! table is built, so counts and error lines are exact; a line is decoded in
//! full ([`Table::line`]) only when it is shown.

use std::ops::Range;
use std::rc::Rc;

use crate::fields::FieldName;

use crate::flowlog::bulk::open::OpenError;
use crate::flowlog::decode::record::{Counts, Line, LineKind};
use crate::flowlog::decode::shapes::{self, Unwrapped};
use crate::flowlog::decode::{classify, decode_line, header, split, value, Format, LineError, Options, Shape};

/// What a line of the table is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RowKind {
    /// Empty or spaces only.
    Blank,
    /// `# …` or `...`.
    Comment,
    /// An S3 header line (its fields are the format of the lines after it).
    Header,
    /// A header line that names something that is not a field.
    BadHeader,
    /// A record whose every value decoded.
    Record,
    /// A record with at least one invalid value.
    RecordWithError,
    /// A line with the wrong number of fields.
    FieldCount,
}

impl RowKind {
    /// Whether the line is a record (valid or not).
    #[must_use]
    pub const fn is_record(self) -> bool {
        matches!(self, RowKind::Record | RowKind::RecordWithError)
    }

    /// Whether the line has an error.
    #[must_use]
    pub const fn is_error(self) -> bool {
        matches!(
            self,
            RowKind::RecordWithError | RowKind::FieldCount | RowKind::BadHeader
        )
    }
}

/// One input line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    /// Byte offset of the line's content in the text.
    pub start: u32,
    /// Byte offset of its end (without the terminator).
    pub end: u32,
    /// What it is.
    pub kind: RowKind,
    /// Index of its format in [`Table::formats`] (records and field-count errors).
    pub format: u16,
    /// For records: index of its first value in the starts array ([`WIDE`] for a
    /// line too long for 16-bit offsets).
    first: u32,
}

/// A decoded log file: the text plus a compact index of every line and value.
#[derive(Clone, Debug)]
pub struct Table {
    text: Rc<String>,
    rows: Vec<Row>,
    /// Where every record value starts, from the start of its line (a value ends where
    /// the next separator or the line does).
    starts: Starts,
    formats: Vec<Rc<Format>>,
}

/// Where record values start, from the start of their line: one byte a value while
/// every line so far is shorter than 256 bytes (nearly every flow log line: a million
/// default-format records take 14 MB instead of 28), two bytes once one is not (the
/// list is widened once).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Starts {
    Narrow(Vec<u8>),
    Wide(Vec<u16>),
}

impl Starts {
    fn with_capacity(n: usize) -> Starts {
        Starts::Narrow(Vec::with_capacity(n))
    }

    fn len(&self) -> usize {
        match self {
            Starts::Narrow(v) => v.len(),
            Starts::Wide(v) => v.len(),
        }
    }

    fn get(&self, i: usize) -> Option<usize> {
        match self {
            Starts::Narrow(v) => v.get(i).map(|&b| usize::from(b)),
            Starts::Wide(v) => v.get(i).map(|&b| usize::from(b)),
        }
    }

    fn truncate(&mut self, n: usize) {
        match self {
            Starts::Narrow(v) => v.truncate(n),
            Starts::Wide(v) => v.truncate(n),
        }
    }

    /// Adds the starts of the values at `spans` of a line of `line_len` (< 2¹⁶) bytes.
    fn push_line(&mut self, line_len: usize, spans: &[Range<usize>]) {
        if let Starts::Narrow(v) = self {
            if line_len <= usize::from(u8::MAX) {
                v.extend(spans.iter().map(|span| u8::try_from(span.start).unwrap_or(u8::MAX)));
                return;
            }
            let mut wide = Vec::with_capacity(v.capacity().max(v.len() + spans.len()));
            wide.extend(v.iter().map(|&b| u16::from(b)));
            *self = Starts::Wide(wide);
        }
        if let Starts::Wide(v) = self {
            v.extend(spans.iter().map(|span| u16::try_from(span.start).unwrap_or(u16::MAX)));
        }
    }
}

/// The values of one row ([`Table::values`]).
#[derive(Debug)]
pub struct Values<'a> {
    line: &'a str,
    at: At<'a>,
}

/// Where a row's values are.
#[derive(Debug)]
enum At<'a> {
    /// In the index: where values start, and the index of the row's first value there
    /// (the list runs on into the next rows' values: positions are checked against the
    /// row's format by the caller).
    Index(&'a Starts, usize),
    /// Split again (a line too long for 16-bit offsets; none for a line that is no record).
    Split(Vec<Range<usize>>),
}

impl<'a> Values<'a> {
    /// The value at position `pos`.
    #[must_use]
    pub fn get(&self, pos: usize) -> Option<&'a str> {
        let span = match &self.at {
            At::Index(starts, first) => value_span(self.line, starts.get(first + pos)?)?,
            At::Split(tokens) => tokens.get(pos)?.clone(),
        };
        self.line.get(span)
    }
}

/// The span of the value of `line` that starts at byte `start` (it ends at the next
/// separator or the line's end).
fn value_span(line: &str, start: usize) -> Option<std::ops::Range<usize>> {
    let rest = line.as_bytes().get(start..)?;
    let len = rest.iter().position(|b| split::is_field_sep(*b)).unwrap_or(rest.len());
    Some(start..start + len)
}

/// [`Row::first`] of a record whose line is too long for 16-bit offsets: its values
/// are found by splitting the line again when asked for.
const WIDE: u32 = u32::MAX;

/// Texts larger than this cannot be indexed with 32-bit offsets.
pub const MAX_TEXT: usize = u32::MAX as usize;

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Builds the index one line at a time: shared by [`Table::build`] (a whole text)
/// and [`Indexer`] (a text arriving in chunks).
#[derive(Debug)]
struct Builder {
    /// A format typed in the format box: header lines do not change it.
    fixed: bool,
    rows: Vec<Row>,
    starts: Starts,
    formats: Vec<Rc<Format>>,
    /// Each format's value checks, worked out once (not per value).
    checks: Vec<Vec<value::Check>>,
    current: u16,
    tokens: Vec<Range<usize>>,
}

fn checks_of(format: &Format) -> Vec<value::Check> {
    format.fields().iter().map(|f| value::Check::of(f.spec())).collect()
}

impl Builder {
    fn new(options: &Options, text_len: usize) -> Builder {
        let format = options.format.clone().unwrap_or_default();
        Builder {
            fixed: options.format.is_some(),
            rows: Vec::with_capacity(text_len / 100 + 1),
            starts: Starts::with_capacity(text_len / 8),
            checks: vec![checks_of(&format)],
            formats: vec![Rc::new(format)],
            current: 0,
            tokens: Vec::with_capacity(64),
        }
    }

    /// Adds the line at `span` of `body` (without its terminator).
    fn line(&mut self, body: &str, span: Range<usize>) {
        let line = body.get(span.clone()).unwrap_or_default();
        let mut row = Row {
            start: to_u32(span.start),
            end: to_u32(span.end),
            kind: RowKind::Blank,
            format: self.current,
            first: 0,
        };
        row.kind = match classify(line, &mut self.tokens) {
            Shape::Blank => RowKind::Blank,
            Shape::Comment => RowKind::Comment,
            Shape::Header => match Format::parse(line) {
                Ok(f) => {
                    if !self.fixed && self.formats.len() < usize::from(u16::MAX) {
                        self.checks.push(checks_of(&f));
                        self.formats.push(Rc::new(f));
                        self.current = u16::try_from(self.formats.len() - 1).unwrap_or(0);
                    }
                    RowKind::Header
                }
                Err(_) => RowKind::BadHeader,
            },
            Shape::Values { .. } => {
                let checks = self
                    .checks
                    .get(usize::from(self.current))
                    .map_or(&[][..], Vec::as_slice);
                if self.tokens.len() != checks.len() {
                    self.rows.push(Row {
                        kind: RowKind::FieldCount,
                        ..row
                    });
                    return;
                }
                let wide = line.len() > usize::from(u16::MAX);
                row.first = if wide { WIDE } else { to_u32(self.starts.len()) };
                let mut bad = false;
                for (check, span) in checks.iter().zip(&self.tokens) {
                    let token = line.get(span.clone()).unwrap_or_default();
                    bad |= !check.valid(token);
                }
                if !wide {
                    self.starts.push_line(line.len(), &self.tokens);
                }
                if bad {
                    RowKind::RecordWithError
                } else {
                    RowKind::Record
                }
            }
        };
        self.rows.push(row);
    }

    fn into_table(self, text: Rc<String>) -> Table {
        Table {
            text,
            rows: self.rows,
            starts: self.starts,
            formats: self.formats,
        }
    }
}

/// Where an [`Indexer`] stood before a file, to undo a file that failed half-way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    text: usize,
    rows: usize,
    starts: usize,
    formats: usize,
    current: u16,
}

/// Builds a [`Table`] from text that arrives in chunks (a file being read and
/// decompressed): complete lines are indexed as they arrive, so the text is read
/// once and never held twice. Several files are joined as
/// [`input::join`](crate::flowlog::bulk::open::join) joins them.
#[derive(Debug)]
pub struct Indexer {
    builder: Builder,
    text: String,
    /// The bytes of a line whose end has not arrived yet.
    carry: Vec<u8>,
    limit: usize,
    /// Bytes of the current file taken so far (offsets of invalid UTF-8 count from its start).
    file_bytes: usize,
    invalid_utf8_at: Option<usize>,
}

impl Indexer {
    /// An indexer that refuses text past `limit` bytes (at most [`MAX_TEXT`]);
    /// `size_hint` (the expected text size) reserves memory once instead of growing.
    #[must_use]
    pub fn new(options: &Options, limit: usize, size_hint: usize) -> Indexer {
        #[allow(clippy::unnecessary_min_or_max, reason = "a no-op on wasm32, not on 64-bit targets")]
        let limit = limit.min(MAX_TEXT);
        let hint = size_hint.min(limit);
        Indexer {
            builder: Builder::new(options, hint),
            text: String::with_capacity(hint),
            carry: Vec::new(),
            limit,
            file_bytes: 0,
            invalid_utf8_at: None,
        }
    }

    /// Bytes taken so far.
    #[must_use]
    pub fn len(&self) -> usize {
        self.text.len() + self.carry.len()
    }

    /// Whether nothing was taken yet.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Starts a file: it begins on a new line. Returns where things stood, for [`Indexer::rollback`].
    pub fn begin_file(&mut self) -> Mark {
        self.end_line();
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
        self.file_bytes = 0;
        self.invalid_utf8_at = None;
        Mark {
            text: self.text.len(),
            rows: self.builder.rows.len(),
            starts: self.builder.starts.len(),
            formats: self.builder.formats.len(),
            current: self.builder.current,
        }
    }

    /// Forgets everything taken since `mark`.
    pub fn rollback(&mut self, mark: Mark) {
        self.carry.clear();
        self.text.truncate(mark.text);
        self.builder.rows.truncate(mark.rows);
        self.builder.starts.truncate(mark.starts);
        self.builder.formats.truncate(mark.formats.max(1));
        self.builder.checks.truncate(mark.formats.max(1));
        self.builder.current = mark.current;
        self.file_bytes = 0;
        self.invalid_utf8_at = None;
    }

    /// Takes the next bytes of the current file and indexes every line they complete.
    ///
    /// # Errors
    /// [`OpenError::TooLarge`] if the text would pass the limit (nothing is taken).
    pub fn push(&mut self, mut bytes: &[u8]) -> Result<(), OpenError> {
        if self.len().saturating_add(bytes.len()) > self.limit {
            return Err(OpenError::TooLarge { limit: self.limit });
        }
        if !self.carry.is_empty() {
            let Some(nl) = memchr::memchr(b'\n', bytes) else {
                self.carry.extend_from_slice(bytes);
                return Ok(());
            };
            let (head, rest) = bytes.split_at(nl + 1);
            let mut line = std::mem::take(&mut self.carry);
            line.extend_from_slice(head);
            self.append(&line);
            line.clear();
            self.carry = line;
            bytes = rest;
        }
        match memchr::memrchr(b'\n', bytes) {
            Some(nl) => {
                let (lines, rest) = bytes.split_at(nl + 1);
                self.append(lines);
                self.carry.extend_from_slice(rest);
            }
            None => self.carry.extend_from_slice(bytes),
        }
        Ok(())
    }

    /// Counts of the lines indexed since `mark` (one file's, after [`Indexer::end_file`]).
    #[must_use]
    pub fn counts_since(&self, mark: &Mark) -> Counts {
        count_rows(self.builder.rows.get(mark.rows..).unwrap_or_default())
    }

    /// Ends the current file: its last line (without a newline) is indexed. Returns
    /// the byte offset of the file's first invalid UTF-8 sequence (replaced by U+FFFD).
    pub fn end_file(&mut self) -> Option<usize> {
        self.end_line();
        self.invalid_utf8_at
    }

    fn end_line(&mut self) {
        if !self.carry.is_empty() {
            let line = std::mem::take(&mut self.carry);
            self.append(&line);
        }
    }

    /// Appends whole lines (the last one may lack its newline only at a file's end)
    /// and indexes them.
    fn append(&mut self, bytes: &[u8]) {
        let start = self.text.len();
        match std::str::from_utf8(bytes) {
            Ok(s) => self.text.push_str(s),
            Err(e) => {
                self.invalid_utf8_at.get_or_insert(self.file_bytes + e.valid_up_to());
                self.text.push_str(&String::from_utf8_lossy(bytes));
            }
        }
        self.file_bytes += bytes.len();
        // The appended text ends with a newline, or at the end of a file: its lines are
        // whole. Split as `Table::build` splits, with spans moved to where they stand.
        for raw in split::lines(self.text.get(start..).unwrap_or_default()) {
            self.builder
                .line(&self.text, start + raw.span.start..start + raw.span.end);
        }
    }

    /// The table of everything taken (a last line without a newline included).
    #[must_use]
    pub fn finish(mut self) -> Table {
        self.end_line();
        self.text.shrink_to_fit();
        self.builder.into_table(Rc::new(self.text))
    }
}

/// Indexes `text` (at most [`MAX_TEXT`] bytes; anything past it is left out).
/// Calls `progress` with the fraction of bytes done every 65,536 lines.
fn index(text: Rc<String>, options: &Options, progress: &mut dyn FnMut(f64)) -> Table {
    #[allow(clippy::unnecessary_min_or_max, reason = "a no-op on wasm32, not on 64-bit targets")]
    let body = text.get(..text.len().min(MAX_TEXT)).unwrap_or_default();
    let mut builder = Builder::new(options, body.len());
    for raw in split::lines(body) {
        if raw.no % 65_536 == 0 {
            #[allow(clippy::cast_precision_loss, reason = "a progress fraction")]
            progress(raw.span.start as f64 / body.len().max(1) as f64);
        }
        builder.line(body, raw.span);
    }
    builder.into_table(text)
}

impl Table {
    /// Indexes `text` (at most [`MAX_TEXT`] bytes; anything past it is left out).
    #[must_use]
    pub fn build(text: impl Into<Rc<String>>, options: &Options) -> Table {
        Table::build_with_progress(text, options, &mut |_| {})
    }

    /// Builds the table of pasted text, finding the records inside a wrapper first
    /// when some lines are not records, headers or comments (as [`decode_text`]
    /// does). Returns the recogniser's findings, whose `origin` gives each table
    /// line's input line (its `text` is moved into the table).
    ///
    /// [`decode_text`]: crate::flowlog::decode_text
    #[must_use]
    pub fn build_input(text: String, options: &Options) -> (Table, Option<Unwrapped>) {
        // The recogniser runs when `decode_text` would run it (the paste's two views agree):
        // a byte-order mark, or a line that is no record, header or comment, or a record
        // whose first value is wrong (a wrapper's timestamp or name in its place). Clean
        // records pay nothing more.
        let bom = text.starts_with('\u{feff}');
        let table = Table::build(text, options);
        let broken = table.rows().iter().any(|r| match r.kind {
            RowKind::FieldCount | RowKind::BadHeader => true,
            RowKind::RecordWithError => table.first_value_invalid(r),
            _ => false,
        });
        if bom || broken {
            if let Some(mut unwrapped) = shapes::recognise(table.text(), options) {
                let clean = std::mem::take(&mut unwrapped.text);
                return (Table::build(clean, options), Some(unwrapped));
            }
        }
        (table, None)
    }

    /// [`Table::build`], calling `progress` with the fraction of bytes done (0–1)
    /// every 65,536 lines.
    #[must_use]
    pub fn build_with_progress(text: impl Into<Rc<String>>, options: &Options, progress: &mut dyn FnMut(f64)) -> Table {
        index(text.into(), options, progress)
    }

    /// The text of the value at position `pos` of record `row` (one lookup: no
    /// [`Values`] made, see [`Table::values`] for several).
    fn value_at(&self, row: &Row, pos: usize) -> Option<&str> {
        let line = self.line_text(row);
        if row.first == WIDE {
            return self.values(row).get(pos);
        }
        let start = self.starts.get(row.first as usize + pos)?;
        line.get(value_span(line, start)?)
    }

    /// The values of row `row`, found once for several lookups (the line and where its
    /// values start); any position of a line that is no record has none.
    #[must_use]
    pub fn values(&self, row: &Row) -> Values<'_> {
        let line = self.line_text(row);
        let at = if !row.kind.is_record() {
            At::Split(Vec::new())
        } else if row.first == WIDE {
            let mut tokens = Vec::new();
            let _ = classify(line, &mut tokens);
            At::Split(tokens)
        } else {
            At::Index(&self.starts, row.first as usize)
        };
        Values { line, at }
    }

    /// The whole text.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The shared text.
    #[must_use]
    pub fn shared_text(&self) -> Rc<String> {
        Rc::clone(&self.text)
    }

    /// Every line.
    #[must_use]
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The formats met (the first is the one in force at the start).
    #[must_use]
    pub fn formats(&self) -> &[Rc<Format>] {
        &self.formats
    }

    /// The format of row `i`.
    #[must_use]
    pub fn format_of(&self, row: &Row) -> Rc<Format> {
        self.formats.get(usize::from(row.format)).cloned().unwrap_or_default()
    }

    /// The text of row `i`.
    #[must_use]
    pub fn line_text(&self, row: &Row) -> &str {
        self.text.get(row.start as usize..row.end as usize).unwrap_or_default()
    }

    /// The raw value of `field` in `row`, if `row` is a record whose format has it.
    #[must_use]
    pub fn raw(&self, row: &Row, field: FieldName) -> Option<&str> {
        if !row.kind.is_record() {
            return None;
        }
        let pos = self.formats.get(usize::from(row.format))?.position(field)?;
        self.value_at(row, pos)
    }

    /// The value at position `pos` (from [`Format::position`]) of record `row`.
    /// For loops over many rows: look the position up once per format.
    #[must_use]
    pub fn raw_at(&self, row: &Row, pos: Option<usize>) -> Option<&str> {
        if !row.kind.is_record() {
            return None;
        }
        self.value_at(row, pos?)
    }

    /// Whether the first value of record `row` is not valid for its field.
    fn first_value_invalid(&self, row: &Row) -> bool {
        let format = self.format_of(row);
        let Some(field) = format.fields().first() else {
            return false;
        };
        self.raw_at(row, Some(0))
            .is_some_and(|raw| !value::is_valid(field.spec(), raw))
    }

    /// Row `i` decoded in full, as [`decode_text`](crate::flowlog::decode_text) would.
    #[must_use]
    pub fn line(&self, i: usize) -> Option<Line> {
        let row = self.rows.get(i)?;
        let content = self.line_text(row);
        let base = row.start as usize;
        let kind = match row.kind {
            RowKind::Header | RowKind::BadHeader => header(content, base, i + 1),
            _ => decode_line(content, base, i + 1, &self.format_of(row)),
        };
        Some(Line {
            no: i + 1,
            at: i + 1,
            span: base..row.end as usize,
            kind,
        })
    }

    /// The errors of row `i` (none for a valid line).
    #[must_use]
    pub fn errors_at(&self, i: usize) -> Vec<LineError> {
        match self.line(i).map(|l| l.kind) {
            Some(LineKind::Error(e)) => vec![e],
            Some(LineKind::Record(r)) => r.errors(i + 1, &self.text),
            _ => Vec::new(),
        }
    }

    /// The first `limit` lines with an error (indices into [`Table::rows`]), in line order.
    #[must_use]
    pub fn error_rows(&self, limit: usize) -> Vec<usize> {
        self.rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.kind.is_error())
            .map(|(i, _)| i)
            .take(limit)
            .collect()
    }

    /// Counts of records, lines with errors, header lines, and other lines.
    #[must_use]
    pub fn counts(&self) -> Counts {
        count_rows(&self.rows)
    }
}

/// Counts of lines of each kind among `rows`.
fn count_rows(rows: &[Row]) -> Counts {
    let mut c = Counts::default();
    for row in rows {
        match row.kind {
            RowKind::Record => c.records += 1,
            RowKind::RecordWithError => {
                c.records += 1;
                c.with_errors += 1;
            }
            RowKind::FieldCount | RowKind::BadHeader => c.with_errors += 1,
            RowKind::Header => c.headers += 1,
            RowKind::Blank | RowKind::Comment => c.other += 1,
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flowlog::decode_text;

    const TEXT: &str = "srcaddr dstaddr action\n10.0.0.1 10.0.0.2 ACCEPT\n\n# c\n10.0.0.1 10.0.0.2\n\
                        10.0.0.1 nope REJECT\r\nverson srcaddr\n10.0.0.3 10.0.0.4 REJECT";

    /// Automatic, and a typed format.
    fn both_options() -> [Options; 2] {
        [
            Options::default(),
            Options {
                format: Some(Format::default()),
            },
        ]
    }

    #[test]
    fn ok_table_agrees_with_decode_text() {
        for options in both_options() {
            let table = Table::build(TEXT.to_owned(), &options);
            let full = decode_text(TEXT, &options);
            assert_eq!(table.rows().len(), full.lines.len());
            assert_eq!(table.counts(), full.counts());
            for (i, line) in full.lines.iter().enumerate() {
                assert_eq!(table.line(i).as_ref(), Some(line), "line {}", i + 1);
            }
            let rows = table.error_rows(100);
            let errors: Vec<LineError> = rows.iter().flat_map(|&i| table.errors_at(i)).collect();
            assert_eq!(errors, full.errors(TEXT));
            assert_eq!(rows.len(), full.counts().with_errors);
            assert_eq!(table.error_rows(1), rows[..1]);
        }
    }

    #[test]
    fn ok_indexer_in_any_chunks_equals_build() {
        for options in both_options() {
            let whole = Table::build(TEXT.to_owned(), &options);
            for size in [1, 2, 3, 7, 64, TEXT.len()] {
                let mut ix = Indexer::new(&options, usize::MAX, 0);
                let _ = ix.begin_file();
                for chunk in TEXT.as_bytes().chunks(size) {
                    ix.push(chunk).unwrap();
                }
                assert_eq!(ix.end_file(), None);
                let t = ix.finish();
                assert_eq!(t.text(), whole.text());
                assert_eq!(t.rows(), whole.rows(), "chunks of {size}");
                assert_eq!(t.starts, whole.starts);
                assert_eq!(t.formats, whole.formats);
            }
        }
    }

    #[test]
    fn ok_indexer_joins_files_and_undoes_a_failed_one() {
        let mut ix = Indexer::new(&Options::default(), 60, 0);
        let _ = ix.begin_file();
        ix.push(b"srcaddr dstaddr\n10.0.0.1 10.0.0.2").unwrap();
        assert_eq!(ix.end_file(), None);
        let mark = ix.begin_file();
        ix.push(b"action\nACC").unwrap();
        // Past the limit: refused, and the whole file is undone.
        assert_eq!(ix.push(&[b'x'; 40]), Err(OpenError::TooLarge { limit: 60 }));
        ix.rollback(mark);
        let third = ix.begin_file();
        ix.push(b"10.0.0.3 \xff\xfe\r\n").unwrap();
        assert_eq!(ix.end_file(), Some(9));
        // One line of the last file: a record with a value that is no address.
        let c = ix.counts_since(&third);
        assert_eq!((c.records, c.with_errors), (1, 1));
        let t = ix.finish();
        assert_eq!(
            t.text(),
            "srcaddr dstaddr\n10.0.0.1 10.0.0.2\n10.0.0.3 \u{fffd}\u{fffd}\r\n"
        );
        let whole = Table::build(t.text().to_owned(), &Options::default());
        assert_eq!(t.rows(), whole.rows());
        assert_eq!(t.rows().len(), 3);
        assert_eq!(t.formats().len(), 2, "the undone file's header is forgotten");
    }

    #[test]
    fn ok_one_byte_starts_until_a_line_of_256_bytes_or_more_then_two() {
        let short = "10.0.0.1 10.0.0.2 ACCEPT";
        // Values starting past byte 255 (past one byte's offsets).
        let padded = format!("10.0.0.1{}10.0.0.9 REJECT", " ".repeat(250));
        assert_eq!((padded.len(), padded.find("10.0.0.9")), (273, Some(258)));
        let narrow = format!("srcaddr dstaddr action\n{short}\n{}\n", "x".repeat(240) + " y z");
        let table = Table::build(narrow.clone(), &Options::default());
        assert!(matches!(table.starts, Starts::Narrow(_)), "every line under 256 bytes");
        assert_eq!(table.raw(&table.rows()[2], FieldName::Action), Some("z"));
        let text = format!("{narrow}{padded}\n{short}\n");
        for size in [1, 5, 64, text.len()] {
            let mut ix = Indexer::new(&Options::default(), usize::MAX, 0);
            let _ = ix.begin_file();
            for chunk in text.as_bytes().chunks(size) {
                ix.push(chunk).unwrap();
            }
            let _ = ix.end_file();
            let t = ix.finish();
            assert!(matches!(t.starts, Starts::Wide(_)), "widened at the long line");
            assert_eq!(t.starts, Table::build(text.clone(), &Options::default()).starts);
            let values =
                |i: usize| [FieldName::Srcaddr, FieldName::Dstaddr, FieldName::Action].map(|f| t.raw(&t.rows()[i], f));
            assert_eq!(
                values(1),
                [Some("10.0.0.1"), Some("10.0.0.2"), Some("ACCEPT")],
                "before"
            );
            assert_eq!(
                values(3),
                [Some("10.0.0.1"), Some("10.0.0.9"), Some("REJECT")],
                "the long line"
            );
            assert_eq!(values(4), [Some("10.0.0.1"), Some("10.0.0.2"), Some("ACCEPT")], "after");
            let v = t.values(&t.rows()[3]);
            assert_eq!((v.get(1), v.get(2)), (Some("10.0.0.9"), Some("REJECT")));
        }
    }

    #[test]
    fn ok_values_of_a_line_too_long_for_16_bit_offsets() {
        let long = "a".repeat(70_000);
        let text = format!("srcaddr dstaddr action\n10.0.0.1 {long} ACCEPT # note\n10.0.0.1\t 10.0.0.2  REJECT");
        let table = Table::build(text.clone(), &Options::default());
        let (wide, short) = (table.rows()[1], table.rows()[2]);
        assert_eq!(wide.kind, RowKind::RecordWithError);
        assert_eq!(wide.first, WIDE);
        assert_eq!(table.raw(&wide, FieldName::Dstaddr), Some(long.as_str()));
        assert_eq!(table.raw(&wide, FieldName::Action), Some("ACCEPT"));
        assert_eq!(table.raw(&short, FieldName::Dstaddr), Some("10.0.0.2"));
        assert_eq!(table.raw(&short, FieldName::Action), Some("REJECT"));
        assert_eq!(
            table.line(1),
            decode_text(&text, &Options::default()).lines.get(1).cloned()
        );
    }

    #[test]
    fn ok_raw_values_by_field() {
        let table = Table::build(TEXT.to_owned(), &Options::default());
        let kinds: Vec<RowKind> = table.rows().iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            [
                RowKind::Header,
                RowKind::Record,
                RowKind::Blank,
                RowKind::Comment,
                RowKind::FieldCount,
                RowKind::RecordWithError,
                RowKind::BadHeader,
                RowKind::Record
            ]
        );
        let r = table.rows()[1];
        assert_eq!(table.raw(&r, FieldName::Action), Some("ACCEPT"));
        assert_eq!(table.raw(&r, FieldName::Srcaddr), Some("10.0.0.1"));
        assert_eq!(table.raw(&r, FieldName::Protocol), None);
        assert_eq!(table.raw(&table.rows()[4], FieldName::Srcaddr), None);
        assert_eq!(table.line_text(&table.rows()[5]), "10.0.0.1 nope REJECT");
        let Some(LineKind::Error(e)) = table.line(4).map(|l| l.kind) else {
            panic!("line 5 is an error")
        };
        assert_eq!(
            e.to_string(),
            "line 5: expected 3 fields, found 2; enter the flow log's format in the format box"
        );
    }
}
