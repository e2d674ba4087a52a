//! A compact, columnar store for whole log files (a million lines and more).
//!
//! [`decode_text`](super::decode_text) keeps a typed [`Cell`](super::Cell) per
//! value: rich, but ~50 bytes per value. A [`Table`] keeps only what is needed to
//! find, filter and sort: per line its span, kind and format, and per value its
//! byte span — no allocation per line. Every value is still checked while the
//! table is built, so counts and error lines are exact; a line is decoded in
//! full ([`Table::line`]) only when it is shown.

use std::ops::Range;
use std::rc::Rc;

use crate::fields::FieldName;

use super::record::{Counts, Line, LineKind};
use super::{classify, decode_line, field_count_error, header, split, value, Format, LineError, Options, Shape};

/// What a line of the table is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
    /// For records: index of its first value in the bounds array.
    first: u32,
}

/// A decoded log file: the text plus a compact index of every line and value.
#[derive(Clone, Debug)]
pub struct Table {
    text: Rc<str>,
    rows: Vec<Row>,
    /// Start and end of every record value, flat: value `v` is at `[2v, 2v + 1]`.
    bounds: Vec<u32>,
    formats: Vec<Rc<Format>>,
}

/// The index of a text without the text: what [`index`] computes.
#[derive(Clone, Debug)]
pub struct Index {
    rows: Vec<Row>,
    bounds: Vec<u32>,
    formats: Vec<Rc<Format>>,
}

impl Index {
    /// The index as flat arrays, to send to another thread: per row
    /// `[start, end, kind, format, first]`, per value `[start, end]` (the flat bounds,
    /// moved, not copied), and each format as a header line.
    /// [`Table::from_parts`] reverses it.
    #[must_use]
    pub fn into_parts(self) -> (Vec<u32>, Vec<u32>, Vec<String>) {
        let rows = self
            .rows
            .iter()
            .flat_map(|r| [r.start, r.end, r.kind as u32, u32::from(r.format), r.first])
            .collect();
        let formats = self.formats.iter().map(|f| f.to_header()).collect();
        (rows, self.bounds, formats)
    }
}

/// Texts larger than this cannot be indexed with 32-bit offsets.
pub const MAX_TEXT: usize = u32::MAX as usize;

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Indexes `text` (at most [`MAX_TEXT`] bytes; anything past it is left out) without
/// taking it: for a worker that sends the index and the text on separately.
/// Calls `progress` with the fraction of bytes done every 65,536 lines.
#[must_use]
pub fn index(text: &str, options: &Options, progress: &mut dyn FnMut(f64)) -> Index {
    let mut formats = vec![Rc::new(options.format.clone().unwrap_or_default())];
    let mut current: u16 = 0;
    let mut rows = Vec::with_capacity(text.len() / 100 + 1);
    let mut bounds: Vec<u32> = Vec::with_capacity(text.len() / 4);
    let mut tokens = Vec::with_capacity(64);
    #[allow(clippy::unnecessary_min_or_max, reason = "a no-op on wasm32, not on 64-bit targets")]
    let body = text.get(..text.len().min(MAX_TEXT)).unwrap_or_default();
    for raw in split::lines(body) {
        if raw.no % 65_536 == 0 {
            #[allow(clippy::cast_precision_loss, reason = "a progress fraction")]
            progress(raw.span.start as f64 / body.len().max(1) as f64);
        }
        let line = body.get(raw.span.clone()).unwrap_or_default();
        let base = raw.span.start;
        let format = formats.get(usize::from(current)).cloned().unwrap_or_default();
        let mut row = Row {
            start: to_u32(raw.span.start),
            end: to_u32(raw.span.end),
            kind: RowKind::Blank,
            format: current,
            first: 0,
        };
        row.kind = match classify(line, &mut tokens) {
            Shape::Blank => RowKind::Blank,
            Shape::Comment => RowKind::Comment,
            Shape::Header => match Format::parse(line) {
                Ok(f) => {
                    if options.format.is_none() && formats.len() < usize::from(u16::MAX) {
                        formats.push(Rc::new(f));
                        current = u16::try_from(formats.len() - 1).unwrap_or(0);
                    }
                    RowKind::Header
                }
                Err(_) => RowKind::BadHeader,
            },
            Shape::Values { .. } if tokens.len() != format.len() => RowKind::FieldCount,
            Shape::Values { .. } => {
                row.first = to_u32(bounds.len() / 2);
                let mut bad = false;
                for (field, span) in format.fields().iter().zip(&tokens) {
                    let token = line.get(span.clone()).unwrap_or_default();
                    bad |= value::parse_value(field.spec(), token).is_err();
                    bounds.push(to_u32(base + span.start));
                    bounds.push(to_u32(base + span.end));
                }
                if bad {
                    RowKind::RecordWithError
                } else {
                    RowKind::Record
                }
            }
        };
        rows.push(row);
    }
    Index { rows, bounds, formats }
}

impl Table {
    /// Indexes `text` (at most [`MAX_TEXT`] bytes; anything past it is left out).
    #[must_use]
    pub fn build(text: Rc<str>, options: &Options) -> Table {
        Table::build_with_progress(text, options, &mut |_| {})
    }

    /// [`Table::build`], calling `progress` with the fraction of bytes done (0–1)
    /// every 65,536 lines.
    #[must_use]
    pub fn build_with_progress(text: Rc<str>, options: &Options, progress: &mut dyn FnMut(f64)) -> Table {
        let Index { rows, bounds, formats } = index(&text, options, progress);
        Table {
            text,
            rows,
            bounds,
            formats,
        }
    }

    /// The text of value number `v` (counting all record values in order).
    fn value_at(&self, v: usize) -> Option<&str> {
        let (s, e) = (*self.bounds.get(2 * v)?, *self.bounds.get(2 * v + 1)?);
        self.text.get(s as usize..e as usize)
    }

    /// The whole text.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The shared text.
    #[must_use]
    pub fn shared_text(&self) -> Rc<str> {
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
        self.value_at(row.first as usize + pos)
    }

    /// The value at position `pos` (from [`Format::position`]) of record `row`.
    /// For loops over many rows: look the position up once per format.
    #[must_use]
    pub fn raw_at(&self, row: &Row, pos: Option<usize>) -> Option<&str> {
        if !row.kind.is_record() {
            return None;
        }
        self.value_at(row.first as usize + pos?)
    }

    /// Row `i` decoded in full, as [`decode_text`](super::decode_text) would.
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

    /// The first `limit` errors, in line order, and how many lines have errors in all.
    #[must_use]
    pub fn errors(&self, limit: usize) -> (Vec<LineError>, usize) {
        let mut out = Vec::new();
        let mut lines = 0;
        for (i, row) in self.rows.iter().enumerate() {
            if row.kind.is_error() {
                lines += 1;
                if out.len() < limit {
                    out.extend(self.errors_at(i));
                }
            }
        }
        out.truncate(limit);
        (out, lines)
    }

    /// Counts of records, lines with errors, header lines, and other lines.
    #[must_use]
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for row in &self.rows {
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

    /// The byte span of row `i`.
    #[must_use]
    pub fn span(&self, row: &Row) -> Range<usize> {
        row.start as usize..row.end as usize
    }

    /// The index as flat arrays (see [`Index::into_parts`]).
    #[must_use]
    pub fn to_parts(&self) -> (Vec<u32>, Vec<u32>, Vec<String>) {
        Index {
            rows: self.rows.clone(),
            bounds: self.bounds.clone(),
            formats: self.formats.clone(),
        }
        .into_parts()
    }

    /// Rebuilds a table from [`Table::to_parts`] and its text; `None` if the parts
    /// do not fit together.
    #[must_use]
    pub fn from_parts(text: Rc<str>, rows: &[u32], bounds: Vec<u32>, formats: &[String]) -> Option<Table> {
        const KINDS: [RowKind; 7] = [
            RowKind::Blank,
            RowKind::Comment,
            RowKind::Header,
            RowKind::BadHeader,
            RowKind::Record,
            RowKind::RecordWithError,
            RowKind::FieldCount,
        ];
        let formats: Vec<Rc<Format>> = formats
            .iter()
            .map(|f| Format::parse(f).ok().map(Rc::new))
            .collect::<Option<_>>()?;
        if !bounds.len().is_multiple_of(2) {
            return None;
        }
        let len = to_u32(text.len());
        let mut out = Vec::with_capacity(rows.len() / 5);
        for r in rows.chunks_exact(5) {
            let &[start, end, kind, format, first] = r else {
                return None;
            };
            let row = Row {
                start,
                end,
                kind: *KINDS.get(kind as usize)?,
                format: u16::try_from(format).ok()?,
                first,
            };
            let fields = formats.get(usize::from(row.format))?.len();
            let fits = start <= end
                && end <= len
                && (!row.kind.is_record() || 2 * ((first as usize) + fields) <= bounds.len());
            if !fits {
                return None;
            }
            out.push(row);
        }
        if bounds.chunks_exact(2).any(|p| matches!(p, [s, e] if s > e || *e > len)) {
            return None;
        }
        Some(Table {
            text,
            rows: out,
            bounds,
            formats,
        })
    }

    /// The structural error of a field-count row, without decoding values.
    #[must_use]
    pub fn field_count_error(&self, i: usize) -> Option<LineError> {
        let row = self.rows.get(i)?;
        let mut tokens = Vec::new();
        let _ = classify(self.line_text(row), &mut tokens);
        (row.kind == RowKind::FieldCount)
            .then(|| field_count_error(&self.format_of(row), tokens.len(), i + 1, self.span(row)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flowlog::decode_text;

    const TEXT: &str = "srcaddr dstaddr action\n10.0.0.1 10.0.0.2 ACCEPT\n\n# c\n10.0.0.1 10.0.0.2\n\
                        10.0.0.1 nope REJECT\r\nverson srcaddr\n10.0.0.3 10.0.0.4 REJECT";

    #[test]
    fn ok_table_agrees_with_decode_text() {
        for options in [
            Options::default(),
            Options {
                format: Some(Format::default()),
            },
        ] {
            let table = Table::build(TEXT.into(), &options);
            let full = decode_text(TEXT, &options);
            assert_eq!(table.rows().len(), full.lines.len());
            assert_eq!(table.counts(), full.counts());
            for (i, line) in full.lines.iter().enumerate() {
                assert_eq!(table.line(i).as_ref(), Some(line), "line {}", i + 1);
            }
            let (errors, lines) = table.errors(100);
            assert_eq!(errors, full.errors(TEXT));
            assert_eq!(lines, full.counts().with_errors);
        }
    }

    #[test]
    fn ok_parts_round_trip() {
        let table = Table::build(TEXT.into(), &Options::default());
        let (rows, bounds, formats) = table.to_parts();
        let back = Table::from_parts(TEXT.into(), &rows, bounds.clone(), &formats).unwrap();
        for i in 0..table.rows().len() {
            assert_eq!(back.line(i), table.line(i));
        }
        assert_eq!(back.counts(), table.counts());
        // Parts that do not fit the text are refused, not trusted.
        assert!(Table::from_parts("short".into(), &rows, bounds.clone(), &formats).is_none());
        let mut bad = rows.clone();
        bad[2] = 99;
        assert!(Table::from_parts(TEXT.into(), &bad, bounds, &formats).is_none());
    }

    #[test]
    fn ok_raw_values_by_field() {
        let table = Table::build(TEXT.into(), &Options::default());
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
        let e = table.field_count_error(4).unwrap();
        assert_eq!(
            e.to_string(),
            "line 5: expected 3 fields, found 2; enter the flow log's format in the format box"
        );
    }
}
