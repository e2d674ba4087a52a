//! The owner of a large input: its [`Table`], the rows the current filter keeps, and
//! the answers the large-file view asks for — which rows are shown, the text of the
//! few rows on screen, the summary, an export.
//!
//! Opened files live in a web worker (`src/web/file_worker.rs`), so the page never holds the
//! text or the index: it sends a [`Request`] and renders the [`Reply`]. A paste is held
//! by a worker too ([`Request::Paste`]): the page's own code decodes and explains, and
//! none of this module is in it. Requests and replies are plain data (JSON between
//! threads), so the whole protocol is tested here, natively.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::fields::FieldName;

use crate::flowlog::bulk::across::groups::{self, Group};
use crate::flowlog::bulk::across::rules::{self, Rules};
use crate::flowlog::bulk::across::{self, Analysis, Report as AcrossReport};
use crate::flowlog::bulk::export::{self, Schema};
use crate::flowlog::bulk::index::{RowKind, Table};
use crate::flowlog::bulk::open::Problem;
use crate::flowlog::bulk::query::{self, Query};
use crate::flowlog::bulk::sort;
use crate::flowlog::bulk::totals::{self, Summary};
use crate::flowlog::decode::record::{Counts, Line, LineKind};
use crate::flowlog::decode::shapes::Report;
use crate::flowlog::decode::{decode_line, field_count_error, header, split, Format, LineError, Options};

/// How many error lines a summary carries (the count is always exact).
pub const SUMMARY_ERRORS: usize = 100;
/// How many groups a reply carries (the count is always exact).
pub const GROUPS: usize = 500;

/// What the view asks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Request {
    /// Open the files that travel beside this message (`files`, browser `File`s) with
    /// this format. The worker's glue opens them; a [`Store`] only holds what is open.
    Open {
        /// The format box's text (empty = automatic).
        format: String,
        /// Paths of files found in a dropped folder, in order (a chosen folder's files
        /// know theirs; empty otherwise).
        #[serde(default)]
        paths: Vec<String>,
    },
    /// Every group of the records shown by `fields` (not only the first [`GROUPS`] that
    /// [`Request::Groups`] answers with), as CSV: answered by [`Reply::Exported`].
    ExportGroups {
        /// One or two fields.
        fields: Vec<FieldName>,
    },
    /// Hold the pasted text that travels beside this message (`text`, a JavaScript
    /// string: the page makes no copy of a large paste) instead of what is held. The
    /// analysis across records and the large view of a paste run here too, so the page
    /// needs none of this code. The worker's glue reads it ([`Store::from_paste`]); a
    /// store asked answers with what it holds.
    Paste {
        /// The format box's text (empty = automatic).
        format: String,
    },
    /// Keep the rows matching `query`, sorted by a field (name, descending?).
    Select {
        /// Answers carry it, so the view can drop answers to older questions.
        id: u32,
        /// The filter as typed.
        query: String,
        /// The sort.
        sort: Option<(FieldName, bool)>,
    },
    /// The rows at positions `from..to` of the selection.
    Rows {
        /// The selection asked about.
        id: u32,
        /// First position.
        from: usize,
        /// One past the last.
        to: usize,
    },
    /// Totals over the selection.
    Summary {
        /// The selection asked about.
        id: u32,
    },
    /// Index the text again with this format (the format box's text; empty = automatic).
    Reindex {
        /// The format box's text.
        format: String,
    },
    /// The selection as a file.
    Export {
        /// The selection asked about.
        id: u32,
        /// Which file.
        what: ExportKind,
        /// The selection's filter and sort, so that the export is of the rows the
        /// user sees even when a newer selection was made since (or this one was
        /// never made: selections are coalesced).
        #[serde(default)]
        query: String,
        /// See `query`.
        #[serde(default)]
        sort: Option<(FieldName, bool)>,
    },
    /// Conversations, findings, the flow map and the cost views over every record.
    Across {
        /// The page's clock, Unix seconds (records later than it are odd).
        now: i64,
    },
    /// The selection grouped by one or two fields.
    Groups {
        /// The fields.
        fields: Vec<FieldName>,
    },
    /// The least rules for the traffic one interface served.
    Rules {
        /// The interface.
        eni: String,
    },
}

/// What the page asks of the analysis across records.
impl Request {
    /// Whether answering takes a pass over every record (the view shows it is busy).
    #[must_use]
    pub const fn is_across(&self) -> bool {
        matches!(
            self,
            Request::Across { .. } | Request::Groups { .. } | Request::ExportGroups { .. } | Request::Rules { .. }
        )
    }
}

/// The kinds of export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExportKind {
    /// CSV, one column per field.
    Csv,
    /// NDJSON with AWS's field names.
    Ndjson,
    /// NDJSON with Elastic Common Schema names.
    Ecs,
    /// NDJSON with OCSF names.
    Ocsf,
}

impl ExportKind {
    /// File name and media type.
    #[must_use]
    pub const fn file(self) -> (&'static str, &'static str) {
        match self {
            ExportKind::Csv => ("flow-logs.csv", "text/csv"),
            ExportKind::Ndjson => ("flow-logs.ndjson", "application/x-ndjson"),
            ExportKind::Ecs => ("flow-logs.ecs.ndjson", "application/x-ndjson"),
            ExportKind::Ocsf => ("flow-logs.ocsf.ndjson", "application/x-ndjson"),
        }
    }
}

/// One line as the view needs it: enough to decode and show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowOut {
    /// 1-based line number.
    pub no: usize,
    /// 1-based number of the input line it came from (differs from `no` when a
    /// pasted wrapper was unwrapped).
    #[serde(default)]
    pub at: usize,
    /// What the line is.
    pub kind: RowKind,
    /// Index of its format in [`Meta::formats`].
    pub format: u16,
    /// The line's text: whole for records; for other lines at most [`ROW_TEXT`]
    /// bytes (a 10 MB line of junk does not cross to the page), `cut` bytes left out.
    pub text: String,
    /// Bytes of the line left out of `text`.
    #[serde(default)]
    pub cut: usize,
    /// For a line cut short with the wrong number of fields: how many it has.
    #[serde(default)]
    pub fields: usize,
}

/// Lines in a [`Reply::Preview`], at most.
pub const PREVIEW_LINES: usize = 20;

/// The first lines of `text` (whole lines only, at most [`PREVIEW_LINES`] and
/// [`ROW_TEXT`] bytes each), as a [`Reply::Preview`] carries them; `None` when not one
/// line is whole yet.
#[must_use]
pub fn preview_text(text: &[u8]) -> Option<String> {
    let mut end = 0;
    for _ in 0..PREVIEW_LINES {
        let rest = text.get(end..).unwrap_or_default();
        let Some(nl) = memchr::memchr(b'\n', rest) else {
            break;
        };
        if nl > ROW_TEXT {
            break;
        }
        end += nl + 1;
    }
    (end > 0).then(|| String::from_utf8_lossy(text.get(..end).unwrap_or_default()).into_owned())
}

/// The most bytes of a line that is not a record sent to the page.
pub const ROW_TEXT: usize = 4096;

impl RowOut {
    /// The line decoded in full; spans count from the start of [`RowOut::text`].
    #[must_use]
    pub fn line(&self, formats: &[Rc<Format>]) -> Line {
        let format = formats.get(usize::from(self.format)).cloned().unwrap_or_default();
        let kind = match self.kind {
            // Cut short: its field count, as the worker counted it on the whole line.
            RowKind::FieldCount if self.cut > 0 => {
                LineKind::Error(field_count_error(&format, self.fields, self.no, 0..self.text.len()))
            }
            RowKind::Header | RowKind::BadHeader => header(&self.text, 0, self.no),
            _ => decode_line(&self.text, 0, self.no, &format),
        };
        Line {
            no: self.no,
            at: if self.at == 0 { self.no } else { self.at },
            span: 0..self.text.len(),
            kind,
        }
    }

    /// The line's errors (none for a valid line).
    #[must_use]
    pub fn errors(&self, formats: &[Rc<Format>]) -> Vec<LineError> {
        match self.line(formats).kind {
            LineKind::Error(e) => vec![e],
            LineKind::Record(r) => r.errors(self.no, &self.text),
            _ => Vec::new(),
        }
    }
}

/// What is known of the whole input once it is indexed.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Meta {
    /// Names of the files (empty for a paste).
    pub names: Vec<String>,
    /// Counts of records, errors, headers, other lines.
    pub counts: Counts,
    /// Every format met, as header lines (the first is in force at the start).
    pub formats: Vec<Format>,
    /// The first header line's number.
    pub header_line: Option<usize>,
    /// Records and lines with an error: what a filter chooses from.
    pub total: usize,
    /// Bytes of text.
    pub bytes: usize,
    /// What was unwrapped around the records, per file (the name is empty for a paste).
    #[serde(default)]
    pub unwrapped: Vec<(String, Report)>,
    /// Every file that was chosen: what it held, or why it could not be read.
    #[serde(default)]
    pub files: Vec<FileOut>,
}

/// One file that was chosen (or found in a folder): its name or path in the folder,
/// the lines it held, and what went wrong with it, if anything.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileOut {
    /// Its name, or its path inside a chosen folder.
    pub name: String,
    /// Its lines (zero when it could not be read).
    pub counts: Counts,
    /// Why it could not be read, or a note about it (invalid UTF-8).
    pub problem: Option<Problem>,
}

impl Meta {
    /// The formats, parsed.
    #[must_use]
    pub fn parsed_formats(&self) -> Vec<Rc<Format>> {
        self.formats.iter().map(|f| Rc::new(f.clone())).collect()
    }
}

/// The version of the messages between the page and its workers: a hash of the
/// sources that define them, so any change to them changes it. A page and a worker
/// built from different sources (one served from an old cache) refuse each other.
pub const PROTOCOL: u64 = fnv1a(&[
    include_str!("store.rs").as_bytes(),
    include_str!("../decode/shapes.rs").as_bytes(),
    include_str!("parquet.rs").as_bytes(),
    include_str!("../../web/parquet_worker.rs").as_bytes(),
    include_str!("across/mod.rs").as_bytes(),
    include_str!("across/conversations.rs").as_bytes(),
    include_str!("across/findings.rs").as_bytes(),
    include_str!("across/groups.rs").as_bytes(),
    include_str!("across/cost.rs").as_bytes(),
    include_str!("across/rules.rs").as_bytes(),
    include_str!("across/flows.rs").as_bytes(),
]);

/// FNV-1a, 64 bits, over several byte strings (a `const fn`: [`PROTOCOL`] is known
/// at compile time). Hand-written: a hash crate for one constant is not worth it.
const fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut parts = parts;
    while let [part, rest @ ..] = parts {
        let mut bytes: &[u8] = part;
        while let [b, tail @ ..] = bytes {
            h ^= *b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
            bytes = tail;
        }
        parts = rest;
    }
    h
}

/// The answers. Externally tagged (`{"rows": {…}}`): serde's internally tagged
/// enums cannot carry the summary's 128-bit sums.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reply {
    /// The worker listens, speaking protocol `protocol` ([`PROTOCOL`]): a page and a
    /// worker from different deployments (a cached worker, a new page) must not talk.
    Ready {
        /// The worker's [`PROTOCOL`].
        protocol: u64,
    },
    /// Reading (`index: false`) or indexing, this fraction done.
    Progress {
        /// Indexing rather than reading.
        index: bool,
        /// 0–1.
        fraction: f64,
    },
    /// The first lines of the first file, sent as soon as they are read (the page shows
    /// them while the rest is read and indexed).
    Preview {
        /// The file's name.
        name: String,
        /// Its first lines (at most [`PREVIEW_LINES`], each with its newline).
        text: String,
    },
    /// The files are open (or were indexed again with another format).
    Opened {
        /// The format box's text they were indexed with.
        format: String,
        /// What is known of them.
        meta: Meta,
        /// Files that failed, or had invalid UTF-8.
        problems: Vec<(String, Problem)>,
    },
    /// The paste is held (the answer to [`Request::Paste`]).
    Pasted {
        /// What is known of it.
        meta: Meta,
    },
    /// The answer to [`Request::Select`].
    Selected {
        /// The question's id.
        id: u32,
        /// Rows kept.
        shown: usize,
        /// The columns: the fields of the first record kept (or of the first format).
        columns: Vec<String>,
    },
    /// The answer to [`Request::Rows`].
    Rows {
        /// The question's id.
        id: u32,
        /// Position of the first row.
        from: usize,
        /// The rows.
        rows: Vec<RowOut>,
    },
    /// The answer to [`Request::Summary`].
    Summary {
        /// The question's id.
        id: u32,
        /// Totals over the selection.
        summary: Summary,
        /// The first error lines of the whole input.
        errors: Vec<RowOut>,
        /// How many lines have errors in all.
        error_lines: usize,
    },
    /// The answer to [`Request::Across`].
    Across {
        /// What the page shows.
        report: Box<AcrossReport>,
    },
    /// The answer to [`Request::Groups`].
    Groups {
        /// The fields grouped by.
        fields: Vec<FieldName>,
        /// The largest groups (at most [`GROUPS`]).
        groups: Vec<Group>,
        /// How many groups in all.
        total: usize,
        /// The filter of the records grouped (the selection shown when asked): a group's
        /// records are this filter and [`Group::filter`].
        within: String,
    },
    /// The answer to [`Request::Rules`].
    Rules {
        /// The rules.
        rules: Rules,
        /// As AWS CLI commands.
        cli: String,
        /// As Terraform.
        terraform: String,
        /// As a CloudFormation template.
        cloudformation: String,
    },
    /// The answer to [`Request::Export`]: the file's bytes travel beside the JSON.
    Exported {
        /// The question's id.
        id: u32,
        /// File name.
        name: String,
        /// Media type.
        mime: String,
        /// The file.
        #[serde(skip)]
        body: String,
    },
}

/// A message between the page and a worker in its JSON form: the same serde types
/// the envelope (`web::envelope`) carries as JavaScript values, for tests and tools
/// that want text. JSON of our own types cannot fail to serialize; a message that does
/// not parse is refused.
pub trait Message: Serialize + serde::de::DeserializeOwned {
    /// As JSON.
    fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// From JSON.
    fn from_json(json: &str) -> Option<Self> {
        serde_json::from_str(json).ok()
    }
}

impl Message for Request {}
impl Message for Reply {}

/// A table and the current selection.
#[derive(Debug)]
pub struct Store {
    table: Table,
    names: Vec<String>,
    /// The input line of each table line, when a paste was unwrapped (else empty).
    origin: Vec<u32>,
    unwrapped: Vec<(String, Report)>,
    files: Vec<FileOut>,
    /// Counted once: the table does not change.
    counts: Counts,
    shown: Vec<u32>,
    /// The id of the selection in `shown`.
    shown_id: Option<u32>,
    /// The filter of the selection in `shown`, as typed.
    shown_query: String,
    /// The analysis across records, made when first asked for.
    analysis: Option<Analysis>,
}

impl Store {
    /// A store with nothing selected yet (the view's first request selects).
    #[must_use]
    pub fn new(table: Table, names: Vec<String>) -> Store {
        Store {
            counts: table.counts(),
            origin: Vec::new(),
            unwrapped: Vec::new(),
            files: Vec::new(),
            table,
            names,
            shown: Vec::new(),
            shown_id: None,
            shown_query: String::new(),
            analysis: None,
        }
    }

    /// The analysis across records (made now, with `now`, if it was not yet).
    fn analysis(&mut self, now: i64) -> &Analysis {
        self.analysis
            .get_or_insert_with(|| across::analyse(&self.table, None, now))
    }

    /// Indexes the text again with another format (typed in the format box).
    pub fn reindex(&mut self, options: &Options, progress: &mut dyn FnMut(f64)) {
        let table = Table::build_with_progress(self.table.shared_text(), options, progress);
        *self = Store::new(table, std::mem::take(&mut self.names));
    }

    /// The same store, saying what was unwrapped (per file name) and, for a paste,
    /// the input line of each table line.
    #[must_use]
    pub fn with_unwrapped(mut self, unwrapped: Vec<(String, Report)>, origin: Vec<u32>) -> Store {
        self.unwrapped = unwrapped;
        self.origin = origin;
        self
    }

    /// The store of a paste: read as the paste box reads it (a CloudWatch console copy
    /// or export is unwrapped first, as [`Table::build_input`] does).
    #[must_use]
    pub fn from_paste(text: String, options: &Options) -> Store {
        let (table, unwrapped) = Table::build_input(text, options);
        match unwrapped {
            Some(u) => Store::new(table, Vec::new()).with_unwrapped(vec![(String::new(), u.report)], u.origin),
            None => Store::new(table, Vec::new()),
        }
    }

    /// The same store, with the list of the files it was opened from.
    #[must_use]
    pub fn with_files(mut self, files: Vec<FileOut>) -> Store {
        self.files = files;
        self
    }

    /// What is known of the whole input.
    #[must_use]
    pub fn meta(&self) -> Meta {
        Meta {
            unwrapped: self.unwrapped.clone(),
            files: self.files.clone(),
            names: self.names.clone(),
            counts: self.counts,
            formats: self.table.formats().iter().map(|f| Format::clone(f)).collect(),
            header_line: self
                .table
                .rows()
                .iter()
                .position(|r| r.kind == RowKind::Header)
                .map(|i| i + 1),
            total: self
                .table
                .rows()
                .iter()
                .filter(|r| r.kind.is_record() || r.kind.is_error())
                .count(),
            bytes: self.table.text().len(),
        }
    }

    /// The selection as a file, in pieces of at most `per` rows (a worker sends them
    /// on one by one, so a large export is never one string).
    /// The records shown grouped by `fields`; before anything is selected (a paste too
    /// small for the large view never is), every record.
    fn groups(&self, fields: &[FieldName]) -> Vec<groups::Group> {
        if self.shown_id.is_some() {
            return groups::group_by(&self.table, &self.shown, fields);
        }
        let every: Vec<u32> = (0..u32::try_from(self.table.rows().len()).unwrap_or(u32::MAX)).collect();
        groups::group_by(&self.table, &every, fields)
    }

    /// Selection `id` (filter `query`, `sort`) as a file: the rows shown when `id` is
    /// the current selection, else that selection made again.
    pub fn export(
        &mut self,
        (id, query, sort): (u32, &str, Option<&(FieldName, bool)>),
        what: ExportKind,
        per: usize,
        piece: &mut dyn FnMut(String),
    ) {
        let again;
        let rows = if self.shown_id == Some(id) {
            &self.shown
        } else {
            again = self.selection(query, sort);
            &again
        };
        let schema = match what {
            ExportKind::Csv => return export::csv_pieces(&self.table, rows, per, piece),
            ExportKind::Ndjson => Schema::Aws,
            ExportKind::Ecs => Schema::Ecs,
            ExportKind::Ocsf => Schema::Ocsf,
        };
        export::ndjson_pieces(&self.table, rows, schema, per, piece);
    }

    /// The rows a filter and sort choose. A set term (`finding:3`) keeps the rows of
    /// that set of the analysis across records (made now if it was not yet).
    fn selection(&mut self, query: &str, sort: Option<&(FieldName, bool)>) -> Vec<u32> {
        let query = Query::parse(query);
        let mut rows = query::select(&self.table, &query);
        for (name, id) in query.sets() {
            let set = self.analysis(i64::MAX).set(name, id).unwrap_or_default();
            rows.retain(|r| set.binary_search(r).is_ok());
        }
        if let Some(&(field, descending)) = sort {
            sort::sort(&self.table, &mut rows, field, descending);
        }
        rows
    }

    fn row_out(&self, i: usize) -> Option<RowOut> {
        let row = self.table.rows().get(i)?;
        let line = self.table.line_text(row);
        let (text, cut, fields) = if row.kind.is_record() || line.len() <= ROW_TEXT {
            (line, 0, 0)
        } else {
            let mut end = ROW_TEXT;
            while !line.is_char_boundary(end) {
                end -= 1;
            }
            let fields = split::tokens(line, split::is_field_sep).count();
            (line.get(..end).unwrap_or_default(), line.len() - end, fields)
        };
        Some(RowOut {
            no: i + 1,
            at: self.origin.get(i).map_or(i + 1, |n| *n as usize),
            kind: row.kind,
            format: row.format,
            text: text.to_owned(),
            cut,
            fields,
        })
    }

    /// Answers `request`.
    pub fn handle(&mut self, request: Request) -> Reply {
        self.handle_with_progress(request, &mut |_| {})
    }

    /// Answers `request`, calling `progress` while indexing again.
    pub fn handle_with_progress(&mut self, request: Request, progress: &mut dyn FnMut(f64)) -> Reply {
        match request {
            // Files are opened by the worker's glue, which has them; a store asked to
            // open answers with what it holds.
            Request::Open { format, .. } => Reply::Opened {
                format,
                meta: self.meta(),
                problems: Vec::new(),
            },
            Request::Paste { .. } => Reply::Pasted { meta: self.meta() },
            Request::Reindex { format } => {
                self.reindex(&Options::from_format_box(&format), progress);
                Reply::Opened {
                    format,
                    meta: self.meta(),
                    problems: Vec::new(),
                }
            }
            Request::Select { id, query, sort } => {
                self.shown = self.selection(&query, sort.as_ref());
                self.shown_id = Some(id);
                self.shown_query = query;
                let rows = self.table.rows();
                let columns = self
                    .shown
                    .iter()
                    .filter_map(|&i| rows.get(i as usize))
                    .find(|r| r.kind.is_record())
                    .map(|r| self.table.format_of(r))
                    .or_else(|| self.table.formats().first().cloned())
                    .map(|f| (0..f.len()).map(|i| f.name_at(i).to_owned()).collect())
                    .unwrap_or_default();
                Reply::Selected {
                    id,
                    shown: self.shown.len(),
                    columns,
                }
            }
            Request::Rows { id, from, to } => {
                let to = to.min(self.shown.len());
                let rows = self
                    .shown
                    .get(from.min(to)..to)
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|&i| self.row_out(i as usize))
                    .collect();
                Reply::Rows { id, from, rows }
            }
            Request::Summary { id } => {
                let errors = self
                    .table
                    .error_rows(SUMMARY_ERRORS)
                    .into_iter()
                    .filter_map(|i| self.row_out(i))
                    .collect();
                Reply::Summary {
                    id,
                    summary: totals::summarize(&self.table, &self.shown),
                    errors,
                    error_lines: self.counts.with_errors,
                }
            }
            Request::Across { now } => Reply::Across {
                report: Box::new(self.analysis(now).report()),
            },
            Request::Groups { fields } => {
                let fields: Vec<FieldName> = fields.into_iter().take(2).collect();
                let mut all = self.groups(&fields);
                let total = all.len();
                all.truncate(GROUPS);
                Reply::Groups {
                    fields,
                    groups: all,
                    total,
                    within: self.shown_query.clone(),
                }
            }
            Request::ExportGroups { fields } => {
                let fields: Vec<FieldName> = fields.into_iter().take(2).collect();
                Reply::Exported {
                    id: 0,
                    name: "flow-log-groups.csv".into(),
                    mime: "text/csv".into(),
                    body: groups::csv(&fields, &self.groups(&fields)),
                }
            }
            Request::Rules { eni } => {
                let a = self.analysis(i64::MAX);
                let rules = rules::rules_for(&a.flows, &a.conversations, &eni);
                Reply::Rules {
                    cli: rules::cli(&rules),
                    terraform: rules::terraform(&rules),
                    cloudformation: rules::cloudformation(&rules),
                    rules,
                }
            }
            Request::Export { id, what, query, sort } => {
                let mut body = String::new();
                self.export((id, &query, sort.as_ref()), what, usize::MAX, &mut |piece| {
                    body.push_str(&piece)
                });
                let (name, mime) = what.file();
                Reply::Exported {
                    id,
                    name: name.into(),
                    mime: mime.into(),
                    body,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_a_preview_is_the_first_whole_lines() {
        let many: String = (1..=30).map(|i| format!("line {i}\r\n")).collect();
        let long = format!("{}\nnext\n", "x".repeat(ROW_TEXT + 1));
        let cases: &[(&[u8], Option<&str>)] = &[
            (b"", None),
            (b"no newline yet", None),
            (b"one\ntwo\nthree (cut", Some("one\ntwo\n")),
            (many.as_bytes(), Some(&many[..many.find("line 21").unwrap_or(0)])),
            (long.as_bytes(), None),
            (b"caf\xc3\n\xff\n", Some("caf\u{fffd}\n\u{fffd}\n")),
        ];
        for (text, want) in cases {
            assert_eq!(
                preview_text(text).as_deref(),
                *want,
                "{:?}",
                String::from_utf8_lossy(text)
            );
        }
        assert_eq!(
            preview_text(many.as_bytes()).map(|t| t.lines().count()),
            Some(PREVIEW_LINES)
        );
    }
    use crate::flowlog::bulk::open::OpenError;
    use crate::flowlog::bulk::parquet::ParquetError;

    const TEXT: &str = "version srcaddr dstaddr dstport action\n2 10.0.0.1 10.0.0.2 22 REJECT\n\
                        2 10.0.0.9 10.0.0.2 443 ACCEPT\n2 10.0.0.1\n2 nope 10.0.0.3 22 REJECT\n";

    fn store() -> Store {
        Store::new(Table::build(TEXT.to_owned(), &Options::default()), vec!["a.log".into()])
    }

    /// Every request and reply goes through JSON, as between the page and the worker.
    fn ask(store: &mut Store, request: Request) -> Reply {
        let request = Request::from_json(&request.to_json()).unwrap();
        let reply = store.handle(request);
        let json = reply.to_json();
        let back = serde_json::from_str::<Reply>(&json)
            .map_err(|e| format!("{e}: {json}"))
            .unwrap();
        if !matches!(reply, Reply::Exported { .. }) {
            assert_eq!(back, reply);
        }
        reply
    }

    #[test]
    fn ok_a_paste_is_read_as_the_paste_box_reads_it() {
        // A row copied from the CloudWatch console: unwrapped, its line numbers kept.
        let text = "2021-05-17T22:48:43.000+09:00\t2 123456789012 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 1 1 2 ACCEPT OK\n\
                    2 123456789012 eni-1 10.0.0.1\n";
        let mut s = Store::from_paste(text.into(), &Options::from_format_box(""));
        let Reply::Pasted { meta } = ask(&mut s, Request::Paste { format: String::new() }) else {
            panic!("not pasted");
        };
        let decoded = crate::flowlog::decode_text(text, &Options::default());
        assert_eq!(meta.counts, decoded.counts(), "the same counts as the paste box");
        assert!(meta.names.is_empty());
        assert_eq!(meta.unwrapped.len(), 1, "the console copy was unwrapped");
        assert_eq!(
            meta.bytes,
            Table::build_input(text.to_owned(), &Options::default()).0.text().len()
        );
        let _ = ask(
            &mut s,
            Request::Select {
                id: 2,
                query: String::new(),
                sort: None,
            },
        );
        let Reply::Rows { rows, .. } = ask(&mut s, Request::Rows { id: 2, from: 0, to: 9 }) else {
            panic!("no rows");
        };
        assert_eq!(rows.len(), 2);
        assert!(
            rows.iter().all(|r| !r.text.contains('\t')),
            "the recogniser's clean text: {rows:?}"
        );
        // A typed format is used.
        let meta = Store::from_paste("10.0.0.1 22\n".into(), &Options::from_format_box("srcaddr dstport")).meta();
        assert_eq!((meta.counts.records, meta.counts.with_errors), (1, 0));
    }

    #[test]
    fn ok_groups_are_of_the_selection_or_of_every_record_before_one() {
        let text = "2 123456789012 eni-1 10.0.0.1 10.0.0.2 1 443 6 1 10 1 2 ACCEPT OK\n\
                    2 123456789012 eni-1 10.0.0.3 10.0.0.2 1 443 6 1 10 1 2 REJECT OK\n\
                    2 123456789012 eni-1 10.0.0.3 10.0.0.2 1 22 6 1 10 1 2 REJECT OK\n";
        let mut s = Store::from_paste(text.into(), &Options::default());
        let groups = |s: &mut Store| match ask(
            s,
            Request::Groups {
                fields: vec![FieldName::Srcaddr],
            },
        ) {
            Reply::Groups { groups, within, .. } => (
                groups.iter().map(|g| (g.key.concat(), g.records)).collect::<Vec<_>>(),
                within,
            ),
            other => panic!("{other:?}"),
        };
        // A small paste is never selected: every record.
        assert_eq!(
            groups(&mut s),
            (vec![("10.0.0.3".into(), 2), ("10.0.0.1".into(), 1)], String::new())
        );
        let _ = ask(
            &mut s,
            Request::Select {
                id: 1,
                query: "action:reject".into(),
                sort: None,
            },
        );
        assert_eq!(groups(&mut s), (vec![("10.0.0.3".into(), 2)], "action:reject".into()));
        let _ = ask(
            &mut s,
            Request::Select {
                id: 2,
                query: "dstport:22".into(),
                sort: None,
            },
        );
        assert_eq!(groups(&mut s), (vec![("10.0.0.3".into(), 1)], "dstport:22".into()));
    }

    #[test]
    fn ok_every_group_is_exported_not_only_the_first_500() {
        let text: String = (0..GROUPS + 20)
            .map(|i| {
                format!(
                    "2 123456789012 eni-1 10.0.{}.{} 10.0.0.2 1 443 6 1 10 1 2 ACCEPT OK\n",
                    i / 256,
                    i % 256
                )
            })
            .collect();
        let mut s = Store::from_paste(text, &Options::default());
        let fields = vec![FieldName::Srcaddr];
        let Reply::Groups { groups, total, .. } = ask(&mut s, Request::Groups { fields: fields.clone() }) else {
            panic!("no groups");
        };
        assert_eq!((groups.len(), total), (GROUPS, GROUPS + 20));
        let Reply::Exported { name, mime, body, .. } = ask(&mut s, Request::ExportGroups { fields }) else {
            panic!("no export");
        };
        assert_eq!((name.as_str(), mime.as_str()), ("flow-log-groups.csv", "text/csv"));
        assert_eq!(body.lines().count(), 1 + GROUPS + 20, "a header and every group");
        for i in 0..GROUPS + 20 {
            let line = format!("\r\n10.0.{}.{},1,1,10\r\n", i / 256, i % 256);
            assert!(body.contains(&line), "{line}");
        }
    }

    #[test]
    fn ok_meta() {
        let m = store().meta();
        assert_eq!(m.names, ["a.log"]);
        assert_eq!((m.counts.records, m.counts.with_errors, m.total), (3, 2, 4));
        assert_eq!(m.header_line, Some(1));
        assert_eq!(m.formats.len(), 2);
        assert_eq!(m.parsed_formats()[1].len(), 5);
        assert_eq!(m.bytes, TEXT.len());
    }

    #[test]
    fn ok_rows_carry_a_few_kib_of_a_long_line_and_its_true_count() {
        let junk = "x ".repeat(50_000);
        let text = format!("2 123456789012 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 1 1 2 ACCEPT OK\n{junk}\n");
        let mut s = Store::new(Table::build(text, &Options::default()), Vec::new());
        let _ = ask(
            &mut s,
            Request::Select {
                id: 1,
                query: String::new(),
                sort: None,
            },
        );
        let Reply::Rows { rows, .. } = ask(&mut s, Request::Rows { id: 1, from: 0, to: 9 }) else {
            panic!()
        };
        assert_eq!(rows[0].cut, 0, "records are whole");
        assert!(rows[1].text.len() <= ROW_TEXT);
        assert_eq!(rows[1].text.len() + rows[1].cut, junk.len());
        let formats = s.meta().parsed_formats();
        let e = &rows[1].errors(&formats)[0];
        assert!(e.to_string().contains("found 50000"), "{e}");
    }

    #[test]
    fn ok_select_rows_sort_summary_export() {
        let mut s = store();
        let select = |query: &str, sort: Option<(&str, bool)>| Request::Select {
            id: 7,
            query: query.into(),
            sort: sort.map(|(f, d)| (FieldName::parse_loose(f).expect("a field"), d)),
        };
        let reply = ask(&mut s, select("action:reject", Some(("srcaddr", true))));
        let Reply::Selected { id, shown, columns } = reply else {
            panic!("{reply:?}")
        };
        assert_eq!((id, shown), (7, 2));
        assert_eq!(columns, ["version", "srcaddr", "dstaddr", "dstport", "action"]);
        let Reply::Rows { rows, from, .. } = ask(&mut s, Request::Rows { id: 7, from: 0, to: 99 }) else {
            panic!()
        };
        assert_eq!(from, 0);
        // Sorted by srcaddr descending: the unreadable address sorts as text, after
        // addresses ascending, so first descending.
        assert_eq!(rows.iter().map(|r| r.no).collect::<Vec<_>>(), [5, 2]);
        let formats = s.meta().parsed_formats();
        let line = rows[1].line(&formats);
        let LineKind::Record(r) = &line.kind else { panic!() };
        assert_eq!(r.cells[4].raw(&rows[1].text), "REJECT");
        assert_eq!(rows[0].errors(&formats)[0].line_no, 5);
        // Past the end: nothing, no panic.
        let Reply::Rows { rows, .. } = ask(&mut s, Request::Rows { id: 7, from: 5, to: 2 }) else {
            panic!()
        };
        assert!(rows.is_empty());

        let Reply::Summary {
            summary,
            errors,
            error_lines,
            ..
        } = ask(&mut s, Request::Summary { id: 7 })
        else {
            panic!()
        };
        assert_eq!((summary.records, summary.rejected, summary.errors), (2, 2, 1));
        assert_eq!(error_lines, 2);
        assert_eq!(errors.iter().map(|e| e.no).collect::<Vec<_>>(), [4, 5]);
        assert!(errors[0].errors(&formats)[0]
            .to_string()
            .contains("expected 5 fields, found 2"));

        let Reply::Exported { body, name, .. } = ask(
            &mut s,
            Request::Export {
                id: 7,
                what: ExportKind::Csv,
                query: "action:reject".into(),
                sort: None,
            },
        ) else {
            panic!()
        };
        assert_eq!(name, "flow-logs.csv");
        assert_eq!(body.lines().count(), 3);
        // An export of a selection the worker has not made (or no longer holds): made
        // again from its filter, never the rows of another selection.
        let Reply::Exported { body, .. } = ask(
            &mut s,
            Request::Export {
                id: 8,
                what: ExportKind::Csv,
                query: "errors".into(),
                sort: None,
            },
        ) else {
            panic!()
        };
        assert_eq!(body.lines().count(), 3, "{body}");
        assert!(
            body.lines()
                .skip(1)
                .all(|l| l.ends_with("fields, found 2") || l.contains("expected")),
            "{body}"
        );

        let _ = ask(&mut s, select("", None));
        let Reply::Rows { rows, .. } = ask(&mut s, Request::Rows { id: 7, from: 0, to: 99 }) else {
            panic!()
        };
        assert_eq!(rows.len(), 4, "headers are not shown");
    }

    #[test]
    fn ok_reindex_with_a_typed_format() {
        let mut s = store();
        let reply = ask(
            &mut s,
            Request::Reindex {
                format: Format::default().to_header(),
            },
        );
        let Reply::Opened { meta: m, format, .. } = reply else {
            panic!()
        };
        assert!(format.starts_with("version account-id"));
        assert_eq!(m.formats.len(), 1, "a typed format ignores header lines");
        assert_eq!(m.counts.records, 0);
        assert_eq!(m.names, ["a.log"]);
    }

    #[test]
    fn ok_problems_round_trip() {
        for p in [
            Problem::Open(OpenError::TooLarge { limit: 5 }),
            Problem::Open(OpenError::BadGzip("x".into())),
            Problem::Open(OpenError::Unreadable),
            Problem::Open(OpenError::Parquet(ParquetError::NoFields)),
            Problem::InvalidUtf8(3),
        ] {
            let json = serde_json::to_string(&p).unwrap();
            assert_eq!(serde_json::from_str::<Problem>(&json).unwrap(), p);
        }
        let reply = Reply::Opened {
            format: String::new(),
            meta: Meta::default(),
            problems: vec![("a".into(), Problem::InvalidUtf8(1))],
        };
        assert_eq!(Reply::from_json(&reply.to_json()), Some(reply));
        assert_eq!(Reply::from_json("{\"nope\":{}}"), None);
        // FNV-1a's published vectors (64-bit): "" and "a" and "foobar".
        assert_eq!(fnv1a(&[]), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(&[b"a"]), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(&[b"foo", b"bar"]), 0x8594_4171_f739_67e8);
        let ready = Reply::Ready { protocol: PROTOCOL };
        assert_eq!(Reply::from_json(&ready.to_json()), Some(ready));
        assert_ne!(PROTOCOL, 0);
    }
}
