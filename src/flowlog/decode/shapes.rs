//! The recogniser: finds the flow log records inside whatever wraps them — a row
//! copied from the CloudWatch console (English or Japanese), `aws logs tail` and
//! `filter-log-events` output, Logs Insights exports, subscription-filter and
//! Firehose payloads (base64, gzip, JSON streams), CSV downloads, code fences — and
//! says what it unwrapped. The rules follow `shared/spec/input-shapes.md`.
//!
//! It produces a *clean text*: one candidate per line (a record, a header line, a
//! comment or a line it could not read, kept so the decoder reports it), each record
//! preceded by its wrapper's event time when the wrapper had one, plus where every
//! clean line came from in the input and what was removed. The decoder reads the
//! clean text exactly as it reads a bare paste, so every rule about values lives in
//! one place. Plain text is never copied: [`crate::flowlog::decode_text`] only calls
//! [`recognise`] when a line does not read as a record, header or comment.
//!
//! Hand-written: no crate knows these wrappers; JSON is read with `serde_json`
//! (its stream reader takes values with no separator between them, as Firehose
//! writes them), base64 with `base64`, gzip with `flate2`.

use std::rc::Rc;

use base64::Engine as _;
use serde_json::Value as Json;

use crate::fields::messages as m;
use crate::fields::{FieldName, Lang, Text};

use crate::flowlog::bulk::open;
use crate::flowlog::decode::clock;
use crate::flowlog::decode::format::{Format, Preset};
use crate::flowlog::decode::split;
use crate::flowlog::decode::value;
use crate::flowlog::Options;

/// How deep wrappers may nest (base64 of gzip of JSON of base64 …) before we stop.
const MAX_DEPTH: usize = 6;

/// A kind of wrapper the recogniser knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Shape {
    /// Rows copied from the CloudWatch Logs console (timestamps, column headers).
    ConsoleCopy,
    /// `aws logs tail` output (timestamp and log stream before each record).
    LogsTail,
    /// Lines with a timestamp in front (export tasks, `awslogs`, `logs tail --format short`).
    Timestamped,
    /// JSON of `aws logs filter-log-events` / `get-log-events`.
    CliJson,
    /// `--output text` of the same commands (TAB-separated columns).
    CliText,
    /// `--output table` of the same commands (a boxed table).
    CliTable,
    /// Several records on one line, joined by TABs (`--query 'events[*].message' --output text`).
    TabJoined,
    /// A JSON array of records (`--query 'events[*].message' --output json`).
    JsonArray,
    /// The console's CSV download (`timestamp,message`).
    ConsoleCsv,
    /// A Logs Insights CSV export (`@timestamp,@message`).
    InsightsCsv,
    /// A Logs Insights Markdown export (a pipe table with `@message`).
    InsightsMarkdown,
    /// `aws logs get-query-results` JSON.
    InsightsResults,
    /// A Lambda event from a subscription filter (`{"awslogs":{"data":…}}`).
    SubscriptionEvent,
    /// A decoded subscription payload (`messageType`, `logEvents`).
    SubscriptionPayload,
    /// Kinesis records (`aws kinesis get-records`, a Lambda Kinesis event).
    Kinesis,
    /// A Firehose transformation event (`records[].data`).
    FirehoseTransform,
    /// Firehose direct delivery: `{"message":"…"}` objects.
    FirehoseMessage,
    /// Records already split into named fields (JSON objects or CSV columns).
    NamedColumns,
    /// base64 text.
    Base64,
    /// gzip data.
    Gzip,
    /// A Markdown code fence around the lines.
    CodeFence,
    /// ANSI colour codes (a terminal's `logs tail`).
    Ansi,
    /// A byte-order mark.
    Bom,
    /// Lines ending in a lone carriage return.
    CrLineEnds,
    /// An S3 object key of a flow log file.
    S3Key,
    /// An S3 Parquet file (`*.log.parquet`), read by its column names.
    Parquet,
    /// Transit gateway records without a header line (recognised by their version
    /// and field count, read with the transit gateway default format).
    TgwNoHeader,
}

impl Shape {
    /// Its name, as the page shows it.
    #[must_use]
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Shape::ConsoleCopy => m::SHAPE_CONSOLE_COPY,
            Shape::LogsTail => m::SHAPE_LOGS_TAIL,
            Shape::Timestamped => m::SHAPE_TIMESTAMPED,
            Shape::CliJson => m::SHAPE_CLI_JSON,
            Shape::CliText => m::SHAPE_CLI_TEXT,
            Shape::CliTable => m::SHAPE_CLI_TABLE,
            Shape::TabJoined => m::SHAPE_TAB_JOINED,
            Shape::JsonArray => m::SHAPE_JSON_ARRAY,
            Shape::ConsoleCsv => m::SHAPE_CONSOLE_CSV,
            Shape::InsightsCsv => m::SHAPE_INSIGHTS_CSV,
            Shape::InsightsMarkdown => m::SHAPE_INSIGHTS_MARKDOWN,
            Shape::InsightsResults => m::SHAPE_INSIGHTS_RESULTS,
            Shape::SubscriptionEvent => m::SHAPE_SUBSCRIPTION_EVENT,
            Shape::SubscriptionPayload => m::SHAPE_SUBSCRIPTION_PAYLOAD,
            Shape::Kinesis => m::SHAPE_KINESIS,
            Shape::FirehoseTransform => m::SHAPE_FIREHOSE_TRANSFORM,
            Shape::FirehoseMessage => m::SHAPE_FIREHOSE_MESSAGE,
            Shape::NamedColumns => m::SHAPE_NAMED_COLUMNS,
            Shape::Base64 => m::SHAPE_BASE64,
            Shape::Gzip => m::SHAPE_GZIP,
            Shape::CodeFence => m::SHAPE_CODE_FENCE,
            Shape::Ansi => m::SHAPE_ANSI,
            Shape::Bom => m::SHAPE_BOM,
            Shape::CrLineEnds => m::SHAPE_CR_LINE_ENDS,
            Shape::S3Key => m::SHAPE_S3_KEY,
            Shape::Parquet => m::SHAPE_PARQUET,
            Shape::TgwNoHeader => m::SHAPE_TGW_NO_HEADER,
        }
        .get(lang)
    }
}

/// What was removed around the records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Removed {
    /// Column headers and console or CLI decoration (`Timestamp`, `Retry`, table borders).
    Chrome,
    /// Event timestamps (kept as each record's event time).
    Timestamps,
    /// Log stream or log group names (kept as context).
    Streams,
    /// Repeated lines of an expanded console row (the same event shown twice).
    Duplicates,
    /// Other wrapper columns (event IDs, ingestion times).
    Columns,
    /// A Logs Insights query and its settings.
    Query,
    /// Health-check messages of a subscription (no records).
    ControlMessages,
}

impl Removed {
    /// What a removed line was, for the list of removed lines.
    #[must_use]
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Removed::Chrome => m::REMOVED_CHROME,
            Removed::Timestamps => m::REMOVED_TIMESTAMPS,
            Removed::Streams => m::REMOVED_STREAMS,
            Removed::Duplicates => m::REMOVED_DUPLICATES,
            Removed::Columns => m::REMOVED_COLUMNS,
            Removed::Query => m::REMOVED_QUERY,
            Removed::ControlMessages => m::REMOVED_CONTROL_MESSAGES,
        }
        .get(lang)
    }

    /// "2 event timestamps" in `lang`.
    #[must_use]
    pub fn phrase(self, n: usize, lang: Lang) -> String {
        let s = if n == 1 { "" } else { "s" };
        match self {
            Removed::Chrome => m::REMOVED_CHROME_COUNT,
            Removed::Timestamps => m::REMOVED_TIMESTAMPS_COUNT,
            Removed::Streams => m::REMOVED_STREAMS_COUNT,
            Removed::Duplicates => m::REMOVED_DUPLICATES_COUNT,
            Removed::Columns => m::REMOVED_COLUMNS_COUNT,
            Removed::Query => m::REMOVED_QUERY_COUNT,
            Removed::ControlMessages => m::REMOVED_CONTROL_MESSAGES_COUNT,
        }
        .fill(lang, &[("n", &n), ("s", &s)])
    }
}

/// What an S3 object key says about the file (`AWSLogs/<account>/vpcflowlogs/<region>/…`).
#[derive(Clone, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct S3Key {
    /// The account that owns the flow log.
    pub account: Option<String>,
    /// The Region.
    pub region: Option<String>,
    /// The flow log ID (`fl-…`), from the file name.
    pub flow_log_id: Option<String>,
    /// The date (`yyyy-MM-dd`) and, where the key has it, the hour or the
    /// five-minute window (`yyyy-MM-ddTHH:mmZ`, records whose `end` falls in the
    /// five minutes from then).
    pub window: Option<String>,
    /// Whether the key uses the Hive-compatible layout (`aws-account-id=…`).
    pub hive: bool,
}

impl S3Key {
    /// Reads an S3 key or a file path. `None` when it names nothing of a flow log.
    #[must_use]
    pub fn parse(key: &str) -> Option<S3Key> {
        let key = key.trim().trim_start_matches("s3://");
        let parts: Vec<&str> = key.split(['/', '\\']).filter(|p| !p.is_empty()).collect();
        let mut out = S3Key::default();
        let mut date: [Option<&str>; 4] = [None; 4];
        if let Some(at) = parts.iter().position(|p| *p == "AWSLogs") {
            let rest = parts.get(at + 1..).unwrap_or_default();
            if let Some(acct) = rest.first().and_then(|p| p.strip_prefix("aws-account-id=")) {
                out.hive = true;
                out.account = Some(acct.to_owned());
                for p in rest {
                    let (k, v) = p.split_once('=').unwrap_or_default();
                    match k {
                        "aws-region" => out.region = Some(v.to_owned()),
                        "year" => date[0] = Some(v),
                        "month" => date[1] = Some(v),
                        "day" => date[2] = Some(v),
                        "hour" => date[3] = Some(v),
                        _ => {}
                    }
                }
            } else if rest.get(1) == Some(&"vpcflowlogs") {
                out.account = rest.first().map(|s| (*s).to_owned());
                out.region = rest.get(2).map(|s| (*s).to_owned());
                for (i, slot) in date.iter_mut().enumerate() {
                    *slot = rest
                        .get(3 + i)
                        .copied()
                        .filter(|s| s.bytes().all(|b| b.is_ascii_digit()));
                }
            }
        }
        // The file name: <account>_vpcflowlogs_<region>_<flow-log-id>_<YYYYMMDDTHHmmZ>_<hash>.log.gz
        let name = parts.last().copied().unwrap_or_default();
        let bits: Vec<&str> = name.split('_').collect();
        if bits.get(1) == Some(&"vpcflowlogs") {
            out.account = out.account.or_else(|| bits.first().map(|s| (*s).to_owned()));
            out.region = out.region.or_else(|| bits.get(2).map(|s| (*s).to_owned()));
            out.flow_log_id = bits.get(3).filter(|s| s.starts_with("fl-")).map(|s| (*s).to_owned());
            if let Some(stamp) = bits.get(4).filter(|s| s.len() == 14 && s.ends_with('Z')) {
                let d = |r: std::ops::Range<usize>| stamp.get(r).unwrap_or_default();
                out.window = Some(format!(
                    "{}-{}-{}T{}:{}Z",
                    d(0..4),
                    d(4..6),
                    d(6..8),
                    d(9..11),
                    d(11..13)
                ));
            }
        }
        if out.window.is_none() {
            if let [Some(y), Some(m), Some(d), hour] = date {
                out.window = Some(match hour {
                    Some(h) => format!("{y}-{m}-{d}T{h}Z"),
                    None => format!("{y}-{m}-{d}"),
                });
            }
        }
        (out.account.is_some() || out.flow_log_id.is_some()).then_some(out)
    }

    /// One line about it, in `lang`.
    #[must_use]
    pub fn describe(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        let label = |text: Text, v: &Option<String>| v.as_ref().map(|v| text.fill(lang, &[("value", v)]));
        parts.extend(label(m::S3_ACCOUNT, &self.account));
        parts.extend(label(m::S3_REGION, &self.region));
        parts.extend(label(m::S3_FLOW_LOG, &self.flow_log_id));
        if let Some(w) = &self.window {
            let five = w.len() == 17;
            parts.push(if five { m::S3_FIVE_MINUTES } else { m::S3_PERIOD }.fill(lang, &[("value", w)]));
        }
        parts.join(", ")
    }
}

/// What the recogniser found: the wrappers, what it removed, and where.
#[derive(Clone, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Report {
    /// Each wrapper found, with how many candidate records came out of it, in the
    /// order first seen.
    pub shapes: Vec<(Shape, usize)>,
    /// What was removed, with counts.
    pub removed: Vec<(Removed, usize)>,
    /// The removed lines of the input (1-based) and what they were; at most
    /// [`Report::MAX_LISTED`] are listed.
    pub skipped: Vec<(u32, Removed)>,
    /// Log stream names seen (at most a few).
    pub streams: Vec<String>,
    /// What S3 keys in the input say.
    pub s3: Vec<S3Key>,
    /// How many wrappers (JSON values, payloads, files) the records came from.
    pub wrappers: usize,
    /// How many records were found (lines that looked like records).
    pub records: usize,
}

impl Report {
    /// At most this many removed lines are listed one by one.
    pub const MAX_LISTED: usize = 200;

    /// What reading a Parquet file found: its rows, row groups, and the columns that
    /// are no flow log fields (left out).
    #[must_use]
    pub fn parquet(rows: usize, row_groups: usize, other_columns: usize) -> Report {
        let mut r = Report::default();
        r.shape(Shape::Parquet, rows);
        r.records = rows;
        r.wrappers = row_groups;
        if other_columns > 0 {
            r.removed.push((Removed::Columns, other_columns));
        }
        r
    }

    /// Adds what an S3 key (a file's name or path) says.
    pub fn add_s3_key(&mut self, key: S3Key) {
        self.shape(Shape::S3Key, 0);
        self.s3.push(key);
    }

    fn shape(&mut self, shape: Shape, records: usize) {
        match self.shapes.iter_mut().find(|(s, _)| *s == shape) {
            Some((_, n)) => *n += records,
            None => self.shapes.push((shape, records)),
        }
    }

    fn removed(&mut self, what: Removed, line: u32) {
        match self.removed.iter_mut().find(|(r, _)| *r == what) {
            Some((_, n)) => *n += 1,
            None => self.removed.push((what, 1)),
        }
        if self.skipped.len() < Report::MAX_LISTED && self.skipped.last() != Some(&(line, what)) {
            self.skipped.push((line, what));
        }
    }

    fn stream(&mut self, name: &str) {
        if self.streams.len() < 8 && !self.streams.iter().any(|s| s == name) {
            self.streams.push(name.to_owned());
        }
    }

    /// The first sentence the page shows: how many records came from what, e.g.
    /// "Found 2 records in a CloudWatch console copy: removed …".
    #[must_use]
    pub fn headline(&self, lang: Lang) -> String {
        let records = self.records;
        // A plain file whose name is an S3 key: only what the key says.
        if self.shapes.iter().all(|(s, _)| *s == Shape::S3Key) && records == 0 && self.removed.is_empty() {
            let keys: Vec<String> = self.s3.iter().map(|k| k.describe(lang)).collect();
            return m::S3_KEY.fill(lang, &[("keys", &keys.join("; "))]);
        }
        let what = self.describe(lang);
        let from = if self.wrappers > 1 {
            m::FROM_WRAPPERS.fill(lang, &[("n", &self.wrappers)])
        } else {
            String::new()
        };
        let s = if records == 1 { "" } else { "s" };
        m::FOUND_RECORDS.fill(
            lang,
            &[("records", &records), ("s", &s), ("from", &from), ("what", &what)],
        )
    }

    /// The sentence the page shows: "CloudWatch console copy: 2 event timestamps
    /// (kept as event times) and 1 line of column headers removed; log stream eni-…-all."
    #[must_use]
    pub fn describe(&self, lang: Lang) -> String {
        let names: Vec<&str> = self.shapes.iter().map(|(s, _)| s.name(lang)).collect();
        let mut out = names.join(" → ");
        if !self.removed.is_empty() {
            let parts: Vec<String> = self.removed.iter().map(|(r, n)| r.phrase(*n, lang)).collect();
            out.push_str(&m::REMOVED_LIST.fill(lang, &[("list", &parts.join(m::LIST_SEP.get(lang)))]));
        }
        if !self.streams.is_empty() {
            let streams = self.streams.join(", ");
            out.push_str(&m::LOG_STREAMS.fill(lang, &[("streams", &streams)]));
        }
        for key in &self.s3 {
            out.push_str(&m::AND_S3_KEY.fill(lang, &[("key", &key.describe(lang))]));
        }
        out
    }
}

/// The clean text and where each of its lines came from.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Unwrapped {
    /// One candidate per line, each ending with `\n`.
    pub text: String,
    /// For each clean line (index = clean line number − 1): the 1-based line of the
    /// input it came from (for a payload inside a line, that line).
    pub origin: Vec<u32>,
    /// For each clean line: the index of its log stream in [`Report::streams`] + 1,
    /// or 0 when the wrapper named none (or more streams than are kept).
    pub stream: Vec<u8>,
    /// What was found and removed.
    pub report: Report,
}

impl Unwrapped {
    /// The input line that clean line `no` (1-based) came from.
    #[must_use]
    pub fn input_line(&self, no: usize) -> usize {
        self.origin.get(no.wrapping_sub(1)).map_or(no, |n| *n as usize)
    }

    /// The log stream of clean line `no`, when its wrapper named one.
    #[must_use]
    pub fn stream_of(&self, no: usize) -> Option<&str> {
        let i = *self.stream.get(no.wrapping_sub(1))?;
        self.report
            .streams
            .get(usize::from(i).checked_sub(1)?)
            .map(String::as_str)
    }

    fn emit(&mut self, origin: u32, event_time: Option<&str>, stream: Option<&str>, body: &str) {
        if let Some(t) = event_time {
            self.text.push_str(t);
            self.text.push(' ');
        }
        self.text.push_str(body.trim());
        self.text.push('\n');
        self.origin.push(origin);
        let stream_ix = stream.map_or(0, |s| {
            self.report.stream(s);
            self.report
                .streams
                .iter()
                .position(|k| k == s)
                .and_then(|i| u8::try_from(i + 1).ok())
                .unwrap_or(0)
        });
        self.stream.push(stream_ix);
    }
}

/// Finds the records in `text`. `None` when there is nothing to unwrap: decode the
/// text as it is.
#[must_use]
pub fn recognise(text: &str, options: &Options) -> Option<Unwrapped> {
    let mut out = Unwrapped::default();
    let mut walker = Walker::new(options);
    walker.text(text, &mut out, None, 0);
    walker.finish(&mut out);
    let changed = !out.report.shapes.is_empty() || !out.report.removed.is_empty();
    changed.then_some(out)
}

/// Whether the first bytes of a file (`head`) hold anything the recogniser would
/// unwrap, so that the file must be read whole rather than indexed as it streams.
#[must_use]
pub fn needs_whole(head: &[u8], options: &Options) -> bool {
    // Only whole lines can be judged; a head without a line end is judged as it is.
    let cut = memchr::memrchr(b'\n', head).map_or(head.len(), |i| i + 1);
    let head = head.get(..cut).unwrap_or(head);
    let text = String::from_utf8_lossy(head);
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with(['{', '[']) {
        return true;
    }
    recognise(&text, options).is_some()
}

/// Opens bytes that may be gzip, base64 or text, and returns the text in them
/// (inflating every gzip member, and gzip inside gzip).
fn bytes_to_text(bytes: &[u8], report: &mut Report, depth: usize) -> Option<String> {
    if bytes.starts_with(&[0x1f, 0x8b]) && depth < MAX_DEPTH {
        report.shape(Shape::Gzip, 0);
        let inflated = open::gunzip(bytes, open::MAX_TEXT_BYTES).ok()?;
        return bytes_to_text(&inflated, report, depth + 1);
    }
    Some(String::from_utf8_lossy(bytes).into_owned())
}

/// base64 text (standard alphabet, padding optional, white space ignored) → bytes.
fn from_base64(s: &str) -> Option<Vec<u8>> {
    let compact: String = s.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    let engine = base64::engine::GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        base64::engine::GeneralPurposeConfig::new()
            .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
    );
    engine.decode(compact.trim_end_matches('=')).ok()
}

/// Whether `s` looks like a payload in base64: gzip (`H4sI`) or JSON (`eyJ`, `{"`).
fn is_base64_payload(s: &str) -> bool {
    (s.starts_with("H4sI") || s.starts_with("eyJ"))
        && s.len() >= 8
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=') || b.is_ascii_whitespace())
}

/// The words of console and CLI column headers, possibly glued to what follows.
const HEADER_WORDS: [&str; 9] = [
    "TimestampMessage",
    "Timestamp",
    "Message",
    "タイムスタンプ",
    "メッセージ",
    "@logStream,@timestamp,@message",
    "@timestamp,@message",
    "@timestamp",
    "@message",
];

/// Lines that are console or CLI decoration, compared case-insensitively after
/// trimming (and with TABs and runs of spaces read as one space).
const CHROME_LINES: [&str; 14] = [
    "timestamp",
    "message",
    "timestamp message",
    "timestampmessage",
    "タイムスタンプ",
    "メッセージ",
    "タイムスタンプ メッセージ",
    "no older events at this moment.",
    "no older events at this moment. retry",
    "retry",
    "copy",
    "load more",
    "there are older events to load. load more.",
    "---",
];

/// The settings lines at the top of a Logs Insights Markdown export.
const INSIGHTS_PREAMBLE: [&str; 9] = [
    "**cloudwatch logs insights**",
    "region:",
    "log-group-names:",
    "log-group-prefixes:",
    "log-class:",
    "account-identifiers:",
    "start-time:",
    "end-time:",
    "query-string:",
];

/// The columns of a table (CSV, Markdown, CLI box) that matter.
#[derive(Clone, Debug, Default)]
struct Columns {
    message: Option<usize>,
    time: Option<usize>,
    stream: Option<usize>,
    /// Named record fields (a record already split into columns): the format, and
    /// the columns that hold its fields (others, such as Athena's partition columns,
    /// are left out).
    fields: Option<(Rc<Format>, Vec<usize>)>,
    count: usize,
}

impl Columns {
    fn from_names(names: &[&str]) -> Option<Columns> {
        let find = |want: &[&str]| {
            names.iter().position(|n| {
                want.iter()
                    .any(|w| n.trim_matches(['"', '`', '*']).eq_ignore_ascii_case(w))
            })
        };
        let mut c = Columns {
            message: find(&["@message", "message"]),
            time: find(&["@timestamp", "timestamp"]),
            stream: find(&["@logStream", "logStreamName", "logStream"]),
            fields: None,
            count: names.len(),
        };
        if c.message.is_none() {
            let kept: Vec<usize> = (0..names.len())
                .filter(|i| names.get(*i).and_then(|n| FieldName::parse_loose(n)).is_some())
                .collect();
            if kept.len() >= 5 && kept.len() * 2 > names.len() {
                let known: Vec<&str> = kept.iter().filter_map(|i| names.get(*i).copied()).collect();
                c.fields = Some((Rc::new(Format::parse(&known.join(" ")).ok()?), kept));
            } else {
                return None;
            }
        }
        Some(c)
    }
}

#[derive(Debug)]
enum PipeTable {
    /// Not in a table.
    None,
    /// A Markdown or CLI table whose header row named these columns.
    Pipe(Columns),
    /// A Markdown `| Field | Value |` table (an expanded Insights row).
    FieldValue { time: Option<String> },
}

/// The line-by-line reader of text.
struct Walker {
    format: Rc<Format>,
    fixed: bool,
    /// The event time of the console event block being read, and its last record.
    block: Option<(String, Option<String>)>,
    /// Evidence of a console copy (a column header or a timestamp-only line).
    console: bool,
    table: PipeTable,
    /// Inside a code fence; and whether it holds an Insights query.
    fence: Option<bool>,
    /// An Insights preamble's `query-string:` was seen.
    query_next: bool,
    /// The last header line emitted (repeated headers are dropped).
    last_header: Option<String>,
}

impl Walker {
    fn new(options: &Options) -> Walker {
        Walker {
            format: Rc::new(options.format.clone().unwrap_or_default()),
            fixed: options.format.is_some(),
            block: None,
            console: false,
            table: PipeTable::None,
            fence: None,
            query_next: false,
            last_header: None,
        }
    }

    fn finish(&mut self, out: &mut Unwrapped) {
        if self.console {
            out.report.shape(Shape::ConsoleCopy, 0);
        }
        out.report
            .shapes
            .retain(|(s, _)| *s != Shape::Timestamped || !self.console);
    }

    /// Reads a whole text. `at`: the input line everything comes from (a payload
    /// inside one line), or `None` to number the text's own lines.
    fn text(&mut self, text: &str, out: &mut Unwrapped, at: Option<u32>, depth: usize) {
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => {
                out.report.shape(Shape::Bom, 0);
                rest
            }
            None => text,
        };
        let trimmed = text.trim();
        if depth < MAX_DEPTH && is_base64_payload(trimmed) {
            if let Some(bytes) = from_base64(trimmed) {
                out.report.shape(Shape::Base64, 0);
                if let Some(inner) = bytes_to_text(&bytes, &mut out.report, depth + 1) {
                    let line = at.unwrap_or(1);
                    self.text(&inner, out, Some(line), depth + 1);
                    return;
                }
            }
        }
        if trimmed.starts_with(['{', '[']) && self.json(text, out, at, depth) {
            return;
        }
        // A Lambda event as Python prints it (`{'awslogs': {'data': '…'}}`): base64 and
        // flow log records hold no quotes, so the quotes can be swapped.
        if trimmed.starts_with("{'") && !trimmed.contains('"') {
            let swapped = text.replace('\'', "\"");
            if self.json(&swapped, out, at, depth) {
                return;
            }
        }
        if self.csv(text, out, at) {
            return;
        }
        self.lines(text, out, at, depth);
    }

    /// Reads text as lines: line ends are `\n`, `\r\n` or a lone `\r`.
    fn lines(&mut self, text: &str, out: &mut Unwrapped, at: Option<u32>, depth: usize) {
        let mut no: u32 = 0;
        let mut lone_cr = false;
        let mut rest = text;
        while !rest.is_empty() {
            no += 1;
            let end = memchr::memchr2(b'\n', b'\r', rest.as_bytes()).unwrap_or(rest.len());
            let line = rest.get(..end).unwrap_or_default();
            let skip = match rest.as_bytes().get(end..) {
                Some([b'\r', b'\n', ..]) => 2,
                Some([b'\r', ..]) => {
                    lone_cr = true;
                    1
                }
                Some([_, ..]) => 1,
                _ => 0,
            };
            rest = rest.get(end + skip..).unwrap_or_default();
            let origin = at.unwrap_or(no);
            if line.contains('\x1b') {
                out.report.shape(Shape::Ansi, 0);
                self.line(&strip_ansi(line), origin, out, depth);
            } else {
                self.line(line, origin, out, depth);
            }
        }
        if lone_cr {
            out.report.shape(Shape::CrLineEnds, 0);
        }
    }

    /// One input line.
    fn line(&mut self, line: &str, no: u32, out: &mut Unwrapped, depth: usize) {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            out.emit(no, None, None, "");
            return;
        }
        // Code fences: kept out, and an Insights export's query inside one is removed.
        if trimmed.starts_with("```") {
            let query = match self.fence.take() {
                Some(query) => query,
                None => {
                    let query = std::mem::take(&mut self.query_next);
                    if !query {
                        out.report.shape(Shape::CodeFence, 0);
                    }
                    self.fence = Some(query);
                    query
                }
            };
            out.report
                .removed(if query { Removed::Query } else { Removed::Chrome }, no);
            return;
        }
        if self.fence == Some(true) {
            out.report.removed(Removed::Query, no);
            return;
        }
        if let Some(p) = INSIGHTS_PREAMBLE.iter().find(|p| strip_prefix_ci(trimmed, p).is_some()) {
            out.report.shape(Shape::InsightsMarkdown, 0);
            self.query_next |= *p == "query-string:";
            out.report.removed(Removed::Query, no);
            return;
        }
        // Decoration is short: records never pay for this comparison.
        if trimmed.len() <= 64 {
            let lower = fold_spaces(trimmed).to_lowercase();
            if CHROME_LINES.contains(&lower.as_str()) || lower.starts_with("no older events") {
                self.console |= !lower.starts_with("---");
                out.report.removed(Removed::Chrome, no);
                return;
            }
        }
        if trimmed.starts_with('|') || trimmed.starts_with("+-") || trimmed.starts_with("-----") {
            self.pipe_row(trimmed, no, out);
            return;
        }
        if depth < MAX_DEPTH && is_base64_payload(trimmed) {
            if let Some(bytes) = from_base64(trimmed) {
                out.report.shape(Shape::Base64, 0);
                if let Some(inner) = bytes_to_text(&bytes, &mut out.report, depth + 1) {
                    out.report.wrappers += 1;
                    self.text(&inner, out, Some(no), depth + 1);
                    return;
                }
            }
        }
        if let Some(key) = S3Key::parse(trimmed).filter(|_| !trimmed.contains(' ')) {
            out.report.add_s3_key(key);
            out.report.removed(Removed::Chrome, no);
            return;
        }
        if trimmed.contains('\t') {
            self.tabbed(line, no, out);
        } else {
            self.segment(trimmed, no, out, Whole::Line);
        }
    }

    /// A line with TABs: either a record whose fields happen to be separated by
    /// TABs, or the columns of a wrapper (console rows, CLI text), or several
    /// records joined by TABs.
    fn tabbed(&mut self, line: &str, no: u32, out: &mut Unwrapped) {
        let chunks: Vec<&str> = line.split('\t').map(str::trim).filter(|c| !c.is_empty()).collect();
        // A record with TABs between its fields (and perhaps a timestamp first).
        let spaced = fold_spaces(line.trim());
        if self.record_tokens(&spaced).is_some() {
            self.segment(line.trim(), no, out, Whole::Line);
            return;
        }
        // `--output text` of get-log-events starts with the paging tokens (`b/…`, `f/…`).
        if chunks
            .iter()
            .all(|c| (c.starts_with("b/") || c.starts_with("f/")) && !c.contains(' '))
        {
            out.report.shape(Shape::CliText, 0);
            out.report.removed(Removed::Columns, no);
            return;
        }
        if chunks.first() == Some(&"EVENTS") {
            self.cli_events(&chunks, no, out);
            return;
        }
        let mut pending_time: Option<String> = None;
        let mut records = 0;
        let mut leftovers = Vec::new();
        for chunk in &chunks {
            if let Some(t) = event_time_token(chunk) {
                pending_time = Some(t);
                out.report.removed(Removed::Timestamps, no);
                continue;
            }
            if chunk.eq_ignore_ascii_case("timestamp") || chunk.eq_ignore_ascii_case("message") {
                self.console = true;
                out.report.removed(Removed::Chrome, no);
                continue;
            }
            match self.segment(chunk, no, out, Whole::Chunk(pending_time.take())) {
                Seg::Record => records += 1,
                Seg::Other => {}
                Seg::Unread => leftovers.push(*chunk),
            }
        }
        if records > 1 {
            out.report.shape(Shape::TabJoined, records);
        }
        if records == 0 {
            // Nothing in it reads as a record: keep the line so the decoder says why.
            for chunk in leftovers {
                out.emit(no, None, None, chunk);
            }
        } else {
            for _ in leftovers {
                out.report.removed(Removed::Columns, no);
            }
        }
    }

    /// `EVENTS<TAB>…` rows of `--output text`: the columns are sorted by name
    /// (eventId, ingestionTime, logStreamName, message, timestamp).
    fn cli_events(&mut self, chunks: &[&str], no: u32, out: &mut Unwrapped) {
        out.report.shape(Shape::CliText, 1);
        let message = chunks.iter().position(|c| c.contains(' '));
        let stream = chunks.iter().find(|c| looks_like_stream(c)).copied();
        let time = chunks.last().and_then(|t| event_time_token(t));
        if let Some(m) = message.and_then(|i| chunks.get(i)) {
            out.report.removed(Removed::Columns, no);
            if time.is_some() {
                out.report.removed(Removed::Timestamps, no);
            }
            if stream.is_some() {
                out.report.removed(Removed::Streams, no);
            }
            out.report.records += 1;
            out.emit(no, time.as_deref(), stream, m);
        } else {
            out.emit(no, None, None, &chunks.join(" "));
        }
    }

    /// A row of a Markdown or CLI table.
    fn pipe_row(&mut self, row: &str, no: u32, out: &mut Unwrapped) {
        let cells: Vec<&str> = row.split('|').map(str::trim).filter(|c| !c.is_empty()).collect();
        let border = cells
            .iter()
            .all(|c| c.bytes().all(|b| matches!(b, b'-' | b'+' | b':' | b' ')));
        if border {
            out.report.removed(Removed::Chrome, no);
            return;
        }
        let cli = row.starts_with("||");
        if cells.len() == 2
            && cells.first().is_some_and(|c| c.eq_ignore_ascii_case("field"))
            && cells.get(1).is_some_and(|c| c.eq_ignore_ascii_case("value"))
        {
            out.report.shape(Shape::InsightsMarkdown, 0);
            self.table = PipeTable::FieldValue { time: None };
            out.report.removed(Removed::Chrome, no);
            return;
        }
        let header = match self.table {
            PipeTable::FieldValue { .. } => None,
            _ => Columns::from_names(&cells).filter(|c| c.fields.is_none()),
        };
        if let Some(columns) = header {
            out.report
                .shape(if cli { Shape::CliTable } else { Shape::InsightsMarkdown }, 0);
            self.table = PipeTable::Pipe(columns);
            out.report.removed(Removed::Chrome, no);
            return;
        }
        match &mut self.table {
            PipeTable::Pipe(columns) if cells.len() == columns.count => {
                let columns = columns.clone();
                let shape = if cli { Shape::CliTable } else { Shape::InsightsMarkdown };
                out.report.shape(shape, 1);
                out.report.removed(Removed::Columns, no);
                self.table_row(&cells, &columns, no, out);
            }
            PipeTable::FieldValue { time } => {
                let name = cells.first().copied().unwrap_or_default();
                let value = cells.get(1).copied().unwrap_or_default();
                if name.eq_ignore_ascii_case("@timestamp") {
                    *time = event_time_token(value);
                    out.report.removed(Removed::Timestamps, no);
                } else if name.eq_ignore_ascii_case("@message") {
                    let t = time.take();
                    out.report.shape(Shape::InsightsMarkdown, 1);
                    out.report.records += 1;
                    out.emit(no, t.as_deref(), None, value);
                } else {
                    out.report.removed(Removed::Columns, no);
                }
            }
            _ => out.report.removed(Removed::Chrome, no),
        }
    }

    /// One row of a table whose columns are known.
    fn table_row(&mut self, cells: &[&str], columns: &Columns, no: u32, out: &mut Unwrapped) {
        let time = columns
            .time
            .and_then(|i| cells.get(i))
            .and_then(|t| event_time_token(t));
        let stream = columns.stream.and_then(|i| cells.get(i)).copied();
        if time.is_some() {
            out.report.removed(Removed::Timestamps, no);
        }
        if stream.is_some() {
            out.report.removed(Removed::Streams, no);
        }
        if let Some((format, kept)) = &columns.fields {
            self.named_header(format, no, out);
            if kept.len() < cells.len() {
                out.report.removed(Removed::Columns, no);
            }
            let values: Vec<&str> = kept
                .iter()
                .map(|i| cells.get(*i).copied().filter(|c| !c.is_empty()).unwrap_or("-"))
                .collect();
            out.report.records += 1;
            out.emit(no, time.as_deref(), stream, &values.join(" "));
            return;
        }
        let message = columns.message.and_then(|i| cells.get(i)).copied().unwrap_or_default();
        out.report.records += 1;
        out.emit(no, time.as_deref(), stream, message);
    }

    /// Emits a header line for records given as named columns, unless the same
    /// header is in force.
    fn named_header(&mut self, format: &Format, no: u32, out: &mut Unwrapped) {
        let header = format.to_header();
        if self.last_header.as_deref() != Some(header.as_str()) {
            out.emit(no, None, None, &header);
            self.last_header = Some(header);
            if !self.fixed {
                self.format = Rc::new(format.clone());
            }
        }
    }

    /// If `text` (one line, spaces only) is a record of the format in force, perhaps
    /// after a timestamp: the span of the record's tokens in it.
    fn record_tokens(&self, spaced: &str) -> Option<(Option<String>, usize)> {
        let tokens: Vec<&str> = spaced.split(' ').filter(|t| !t.is_empty()).collect();
        let (time, rest) = match tokens.split_first() {
            Some((first, rest)) if event_time_token(first).is_some() => (event_time_token(first), rest),
            _ => (None, tokens.as_slice()),
        };
        let n = rest.iter().position(|t| t.starts_with('#')).unwrap_or(rest.len());
        (n == self.format.len() && self.plausible(rest)).then_some((time, n))
    }

    /// Whether `tokens` (exactly the format's count, or more for a trailing comment)
    /// start and end like a record of the format in force.
    fn plausible(&self, tokens: &[&str]) -> bool {
        let fields = self.format.fields();
        let ok = |field: Option<&FieldName>, tok: Option<&&str>| match (field, tok) {
            (Some(f), Some(t)) => value::is_valid(f.spec(), t) || value::is_masked(t) || is_placeholder(t),
            _ => false,
        };
        let last = self.format.len().saturating_sub(1);
        ok(fields.first(), tokens.first()) && ok(fields.get(last), tokens.get(last))
    }

    /// One piece of text that may hold a record: a whole line or a TAB-separated chunk.
    fn segment(&mut self, seg: &str, no: u32, out: &mut Unwrapped, whole: Whole) -> Seg {
        let mut tokens: Vec<&str> = seg.split([' ', '\t']).filter(|t| !t.is_empty()).collect();
        let mut time = match &whole {
            Whole::Chunk(t) => t.clone(),
            Whole::Line => None,
        };
        let mut chrome = false;
        // Column headers, perhaps glued to the first timestamp.
        while let Some(first) = tokens.first().copied() {
            match strip_header_words(first) {
                Some("") => {
                    tokens.remove(0);
                    chrome = true;
                }
                Some(rest) => {
                    if let Some(t) = tokens.first_mut() {
                        *t = rest;
                    }
                    chrome = true;
                }
                None => break,
            }
        }
        if chrome {
            self.console = true;
            out.report.removed(Removed::Chrome, no);
        }
        // A timestamp first (Insights writes `2014-12-14 04:06:50.000`: two tokens).
        let mut prefixed = false;
        if let Some(t) = tokens.first().and_then(|t| event_time_token(t)) {
            time = Some(t);
            tokens.remove(0);
            prefixed = true;
        } else if let (Some(d), Some(c)) = (
            tokens
                .first()
                .filter(|d| d.len() == 10 && d.as_bytes().get(4) == Some(&b'-')),
            tokens.get(1),
        ) {
            if let Some(t) = event_time_token(&format!("{d}T{c}")) {
                time = Some(t);
                tokens.drain(..2);
                prefixed = true;
            }
        }
        if tokens.is_empty() {
            if let Some(t) = time {
                // A line that is only a timestamp opens a console event block.
                self.console = true;
                self.block = Some((t, None));
                out.report.removed(Removed::Timestamps, no);
                return Seg::Other;
            }
            if chrome {
                return Seg::Other;
            }
        }
        let body_start = tokens.first().map_or(seg.len(), |t| offset_in(seg, t));
        let body = seg.get(body_start..).unwrap_or_default().trim();
        // A header line: sets the format; a repeated one is dropped.
        if tokens.first().is_some_and(|t| FieldName::parse_loose(t).is_some())
            && tokens.iter().filter(|t| FieldName::parse_loose(t).is_some()).count() * 2 >= tokens.len()
        {
            if let Ok(f) = Format::parse(body) {
                self.last_header = Some(f.to_header());
                if !self.fixed {
                    self.format = Rc::new(f);
                }
            }
            out.emit(no, None, None, body);
            return Seg::Other;
        }
        self.transit_gateway(&tokens, no, out);
        let n = self.format.len();
        let comment = tokens.iter().position(|t| t.starts_with('#')).unwrap_or(tokens.len());
        let values = tokens.get(..comment).unwrap_or_default();
        let mut record = None;
        if values.len() == n && self.plausible(values) {
            record = Some(body);
        } else if values.len() > n && comment == tokens.len() {
            // Wrapper columns before the record (log stream, log group, times).
            let cut = values.len() - n;
            let (prefix, tail) = values.split_at(cut);
            let wrapper = prefix.iter().all(|p| is_wrapper_token(p));
            if wrapper && self.plausible(tail) {
                for p in prefix {
                    if let Some(t) = event_time_token(p) {
                        time = time.or(Some(t));
                        out.report.removed(Removed::Timestamps, no);
                    } else if looks_like_stream(p) {
                        out.report.removed(Removed::Streams, no);
                    } else {
                        out.report.removed(Removed::Columns, no);
                    }
                }
                let stream = prefix.iter().find(|p| looks_like_stream(p)).copied();
                out.report.shape(
                    if stream.is_some() {
                        Shape::LogsTail
                    } else {
                        Shape::Timestamped
                    },
                    1,
                );
                let start = tail.first().map_or(0, |t| offset_in(seg, t));
                let rec = seg.get(start..).unwrap_or_default();
                return self.record(rec, time, stream, no, out);
            }
        }
        match record {
            Some(rec) => {
                if prefixed {
                    out.report.removed(Removed::Timestamps, no);
                    out.report.shape(Shape::Timestamped, 1);
                }
                self.record(rec, time, None, no, out)
            }
            None if matches!(whole, Whole::Chunk(_)) => Seg::Unread,
            None if self.console && values.len() < n / 2 && !body.starts_with('#') && body != "..." => {
                // Inside a console copy, short lines that are not records are its decoration
                // (the Japanese console's wording is not known exactly).
                out.report.removed(Removed::Chrome, no);
                Seg::Other
            }
            None => {
                // Not a record: kept whole, so the decoder says what is wrong with it.
                let keep = if chrome || prefixed { body } else { seg };
                out.emit(no, time.as_deref().filter(|_| !keep.is_empty() && prefixed), None, keep);
                Seg::Other
            }
        }
    }

    /// Transit gateway records (`6 TransitGateway …`, 36 values) under the automatic
    /// VPC default format: their header line is missing, so it is supplied.
    fn transit_gateway(&mut self, tokens: &[&str], no: u32, out: &mut Unwrapped) {
        let tgw = Preset::TgwDefault.format();
        let looks = tokens.len() == tgw.len()
            && tokens.first() == Some(&"6")
            && tokens.get(1).is_some_and(|t| t.starts_with("TransitGateway"));
        if looks && !self.fixed && *self.format != tgw {
            out.report.shape(Shape::TgwNoHeader, 0);
            let header = tgw.to_header();
            out.emit(no, None, None, &header);
            self.last_header = Some(header);
            self.format = Rc::new(tgw);
        }
    }

    /// Emits a record, with the console block's event time when it has none, and
    /// drops the repeated line of an expanded console row.
    fn record(&mut self, rec: &str, time: Option<String>, stream: Option<&str>, no: u32, out: &mut Unwrapped) -> Seg {
        let time = match (time, &mut self.block) {
            (Some(t), block) => {
                // A record with its own time is not part of a console event block.
                *block = None;
                Some(t)
            }
            (None, Some((t, last))) => {
                if last.as_deref() == Some(rec.trim()) {
                    out.report.removed(Removed::Duplicates, no);
                    return Seg::Other;
                }
                *last = Some(rec.trim().to_owned());
                Some(t.clone())
            }
            (None, None) => None,
        };
        out.report.records += 1;
        out.emit(no, time.as_deref(), stream, rec);
        Seg::Record
    }

    /// CSV with a header row: the console's download (`timestamp,message`), an
    /// Insights export (`@timestamp,@message`, perhaps glued to the first row), or
    /// records as named columns (Athena results). `false` when it is not CSV.
    fn csv(&mut self, text: &str, out: &mut Unwrapped, at: Option<u32>) -> bool {
        let mut lines = text.lines().enumerate().skip_while(|(_, l)| l.trim().is_empty());
        let Some((head_ix, head)) = lines.next() else {
            return false;
        };
        let head = head.trim_end_matches('\r');
        if !head.contains(',') {
            return false;
        }
        // The header glued to the first row (`@timestamp,@messageeni-…` as published).
        let (head, glued) = match head.find("@message") {
            Some(i) if !matches!(head.as_bytes().get(i + 8), None | Some(b',' | b'"')) => {
                (head.get(..i + 8).unwrap_or(head), head.get(i + 8..))
            }
            _ => (head, None),
        };
        let Some(names) = split_csv(head) else {
            return false;
        };
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let Some(columns) = Columns::from_names(&names) else {
            return false;
        };
        let insights = names.iter().any(|n| n.starts_with('@'));
        let shape = match (&columns.fields, insights) {
            (Some(_), _) => Shape::NamedColumns,
            (None, true) => Shape::InsightsCsv,
            (None, false) => Shape::ConsoleCsv,
        };
        let line_no = |i: usize| at.unwrap_or(u32::try_from(i + 1).unwrap_or(u32::MAX));
        out.report.shape(shape, 0);
        out.report.removed(Removed::Chrome, line_no(head_ix));
        let rows = glued.map(|g| (head_ix, g)).into_iter().chain(lines);
        for (i, row) in rows {
            let row = row.trim_end_matches('\r');
            if row.trim().is_empty() {
                continue;
            }
            match split_csv(row) {
                Some(cells) if cells.len() == columns.count => {
                    let cells: Vec<&str> = cells.iter().map(|c| c.trim()).collect();
                    out.report.shape(shape, 1);
                    self.table_row(&cells, &columns, line_no(i), out);
                }
                // A row that does not fit: kept, so the decoder says what is wrong.
                _ => out.emit(line_no(i), None, None, row),
            }
        }
        true
    }

    /// A stream of JSON values. `false` when the text is not JSON.
    fn json(&mut self, text: &str, out: &mut Unwrapped, at: Option<u32>, depth: usize) -> bool {
        let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Json>();
        let mut values = Vec::new();
        let mut before = 0;
        loop {
            match stream.next() {
                Some(Ok(v)) => {
                    values.push((before, v));
                    before = stream.byte_offset();
                }
                Some(Err(_)) if values.is_empty() => return false,
                Some(Err(_)) => {
                    // The rest is not JSON: read it as text after the values.
                    let rest = text.get(before..).unwrap_or_default();
                    let base = line_of(text, before);
                    self.walk_values(values, text, out, at, depth);
                    let mut sub = Unwrapped::default();
                    self.lines(rest, &mut sub, None, depth);
                    merge(out, sub, |n| at.unwrap_or(base + n - 1));
                    return true;
                }
                None => break,
            }
        }
        self.walk_values(values, text, out, at, depth);
        true
    }

    fn walk_values(
        &mut self,
        values: Vec<(usize, Json)>,
        text: &str,
        out: &mut Unwrapped,
        at: Option<u32>,
        depth: usize,
    ) {
        let mut locator = Locator { text, pos: 0, line: 1 };
        for (offset, value) in values {
            out.report.wrappers += 1;
            let line =
                at.unwrap_or_else(|| line_of(text, offset + leading_space(text.get(offset..).unwrap_or_default())));
            let mut ctx = JsonCtx {
                line,
                fixed_line: at.is_some(),
                locator: &mut locator,
            };
            self.walk(&value, out, &mut ctx, depth);
        }
    }

    fn walk(&mut self, v: &Json, out: &mut Unwrapped, ctx: &mut JsonCtx<'_, '_>, depth: usize) {
        match v {
            Json::Object(map) => {
                if let Some(data) = v.pointer("/awslogs/data").and_then(Json::as_str) {
                    out.report.shape(Shape::SubscriptionEvent, 0);
                    self.payload(data, out, ctx.line, depth);
                } else if let Some(kind) = map.get("messageType").and_then(Json::as_str) {
                    let stream = map.get("logStream").and_then(Json::as_str).filter(|s| !s.is_empty());
                    if kind == "CONTROL_MESSAGE" {
                        out.report.shape(Shape::SubscriptionPayload, 0);
                        out.report.removed(Removed::ControlMessages, ctx.line);
                        return;
                    }
                    let events = map
                        .get("logEvents")
                        .and_then(Json::as_array)
                        .map_or(&[][..], Vec::as_slice);
                    out.report.shape(Shape::SubscriptionPayload, events.len());
                    for e in events {
                        self.event(e, stream, out, ctx);
                    }
                } else if let Some(events) = map.get("events").and_then(Json::as_array) {
                    out.report.shape(Shape::CliJson, events.len());
                    for e in events {
                        self.event(e, None, out, ctx);
                    }
                } else if let Some(results) = map.get("results").and_then(Json::as_array) {
                    out.report.shape(Shape::InsightsResults, results.len());
                    for row in results {
                        let cell = |name: &str| {
                            row.as_array()?
                                .iter()
                                .find(|c| c.get("field").and_then(Json::as_str) == Some(name))?
                                .get("value")?
                                .as_str()
                        };
                        let time = cell("@timestamp").and_then(event_time_token);
                        if let Some(m) = cell("@message") {
                            self.message(m, time, cell("@logStream"), out, ctx);
                        }
                    }
                } else if let Some(records) = map.get("Records").and_then(Json::as_array) {
                    out.report.shape(Shape::Kinesis, 0);
                    for r in records {
                        let data = r
                            .get("Data")
                            .or_else(|| r.pointer("/kinesis/data"))
                            .and_then(Json::as_str);
                        if let Some(d) = data {
                            self.payload(d, out, ctx.line, depth);
                        }
                    }
                } else if let Some(records) = map.get("records").and_then(Json::as_array) {
                    out.report.shape(Shape::FirehoseTransform, 0);
                    for r in records {
                        if let Some(d) = r.get("data").and_then(Json::as_str) {
                            self.payload(d, out, ctx.line, depth);
                        }
                    }
                } else if let Some(m) = map.get("message").and_then(Json::as_str) {
                    out.report.shape(Shape::FirehoseMessage, 1);
                    let time = map.get("timestamp").and_then(json_time);
                    self.message(m, time, None, out, ctx);
                } else if let Some(columns) = Columns::from_names(&map.keys().map(String::as_str).collect::<Vec<_>>())
                    .filter(|c| c.fields.is_some())
                {
                    out.report.shape(Shape::NamedColumns, 1);
                    let cells: Vec<String> = map.values().map(json_cell).collect();
                    let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
                    let line = ctx.line;
                    self.table_row(&cells, &columns, line, out);
                } else {
                    // JSON that holds no flow log records: shown, so the decoder says so.
                    out.emit(ctx.line, None, None, &v.to_string());
                }
            }
            Json::Array(items) => {
                let strings = items.iter().filter(|i| i.is_string()).count();
                if strings > 0 {
                    out.report.shape(Shape::JsonArray, strings);
                }
                for item in items {
                    match item {
                        Json::String(s) => self.message(s, None, None, out, ctx),
                        other => {
                            // Each object of an array on its own line, where it starts.
                            if other.is_object() && !ctx.fixed_line {
                                if let Some(line) = ctx.locator.find("{") {
                                    ctx.line = line;
                                }
                            }
                            self.walk(other, out, ctx, depth);
                        }
                    }
                }
            }
            Json::String(s) => self.message(s, None, None, out, ctx),
            other => out.emit(ctx.line, None, None, &other.to_string()),
        }
    }

    /// `{timestamp, message, logStreamName}` of a CloudWatch Logs event.
    fn event(&mut self, e: &Json, stream: Option<&str>, out: &mut Unwrapped, ctx: &mut JsonCtx<'_, '_>) {
        let stream = e.get("logStreamName").and_then(Json::as_str).or(stream);
        let time = e.get("timestamp").and_then(json_time);
        if let Some(m) = e.get("message").and_then(Json::as_str) {
            self.message(m, time, stream, out, ctx);
        }
    }

    /// The text of one log event: usually one record, perhaps with a line end.
    fn message(
        &mut self,
        m: &str,
        time: Option<String>,
        stream: Option<&str>,
        out: &mut Unwrapped,
        ctx: &mut JsonCtx<'_, '_>,
    ) {
        for (i, line) in m.lines().filter(|l| !l.trim().is_empty()).enumerate() {
            let no = if ctx.fixed_line {
                ctx.line
            } else {
                ctx.locator.find(line).unwrap_or(ctx.line)
            };
            // What the event wrapped the record in, said on the record's own line.
            if i == 0 {
                if time.is_some() {
                    out.report.removed(Removed::Timestamps, no);
                }
                if let Some(s) = stream {
                    out.report.removed(Removed::Streams, no);
                    out.report.stream(s);
                }
            }
            let _ = self.record(line, time.clone(), stream, no, out);
        }
    }

    /// A base64 payload inside JSON (subscription data, Kinesis, Firehose).
    fn payload(&mut self, data: &str, out: &mut Unwrapped, line: u32, depth: usize) {
        if depth >= MAX_DEPTH {
            return;
        }
        out.report.wrappers += 1;
        match from_base64(data).and_then(|b| bytes_to_text(&b, &mut out.report, depth + 1)) {
            Some(inner) => self.text(&inner, out, Some(line), depth + 1),
            None => out.emit(line, None, None, data),
        }
    }
}

/// Whether a segment is a whole line or one TAB-separated chunk of one (with the
/// event time of a chunk before it).
enum Whole {
    Line,
    Chunk(Option<String>),
}

/// What a segment turned out to be.
enum Seg {
    Record,
    Other,
    Unread,
}

struct JsonCtx<'a, 't> {
    line: u32,
    fixed_line: bool,
    locator: &'a mut Locator<'t>,
}

/// Finds where each message of a JSON text is, to give records their input line.
struct Locator<'t> {
    text: &'t str,
    pos: usize,
    line: u32,
}

impl Locator<'_> {
    fn find(&mut self, needle: &str) -> Option<u32> {
        let rest = self.text.get(self.pos..)?;
        let at = rest.find(needle)?;
        let skipped = rest.get(..at).unwrap_or_default();
        self.line += u32::try_from(memchr::memchr_iter(b'\n', skipped.as_bytes()).count()).unwrap_or(0);
        self.pos += at + needle.len();
        Some(self.line)
    }
}

/// Copies the clean lines of `sub` into `out`, renumbering their origins.
fn merge(out: &mut Unwrapped, sub: Unwrapped, renumber: impl Fn(u32) -> u32) {
    for (i, line) in sub.text.lines().enumerate() {
        let origin = sub.origin.get(i).copied().unwrap_or(1);
        let stream = sub.stream_of(i + 1).map(str::to_owned);
        out.emit(renumber(origin), None, stream.as_deref(), line);
    }
    let report = sub.report;
    for (shape, n) in report.shapes {
        out.report.shape(shape, n);
    }
    for (what, n) in report.removed {
        match out.report.removed.iter_mut().find(|(r, _)| *r == what) {
            Some((_, m)) => *m += n,
            None => out.report.removed.push((what, n)),
        }
    }
    for (line, what) in report.skipped {
        if out.report.skipped.len() < Report::MAX_LISTED {
            out.report.skipped.push((renumber(line), what));
        }
    }
    out.report.s3.extend(report.s3);
    out.report.wrappers += report.wrappers;
    out.report.records += report.records;
}

/// The 1-based line of byte `offset` of `text`.
fn line_of(text: &str, offset: usize) -> u32 {
    let head = text.get(..offset).unwrap_or(text);
    u32::try_from(memchr::memchr_iter(b'\n', head.as_bytes()).count() + 1).unwrap_or(u32::MAX)
}

fn leading_space(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

/// A JSON value as a cell of a record given by named fields: `null` is `-`.
fn json_cell(v: &Json) -> String {
    match v {
        Json::Null => "-".to_owned(),
        Json::String(s) if s.is_empty() => "-".to_owned(),
        Json::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// An event time in JSON: epoch milliseconds (or seconds), or ISO text.
fn json_time(v: &Json) -> Option<String> {
    match v {
        Json::Number(n) => event_time_token(&n.to_string()),
        Json::String(s) => event_time_token(s),
        _ => None,
    }
}

/// A wrapper's timestamp as the decoder reads it in front of a record: ISO 8601
/// as written, or epoch milliseconds (13 digits) turned into ISO 8601 UTC.
fn event_time_token(t: &str) -> Option<String> {
    let t = t.trim().trim_matches('"');
    if t.len() == 13 && t.bytes().all(|b| b.is_ascii_digit()) {
        let ms: i64 = t.parse().ok()?;
        let (secs, frac) = (ms.div_euclid(1000), ms.rem_euclid(1000));
        let date = clock::calendar_iso(secs)?;
        return Some(format!("{date}.{frac:03}Z"));
    }
    if t.as_bytes().get(4) != Some(&b'-') {
        return None;
    }
    if t.contains(' ') {
        let joined = t.replacen(' ', "T", 1);
        return clock::parse_iso8601(&joined).map(|_| joined);
    }
    clock::parse_iso8601(t).map(|_| t.to_owned())
}

/// Strips console and CLI header words from the front of `token`: `Some("")` when
/// the token was only header words, `Some(rest)` when they were glued to more,
/// `None` when it does not start with one.
fn strip_header_words(token: &str) -> Option<&str> {
    let mut rest = token;
    let mut any = false;
    'outer: loop {
        for w in HEADER_WORDS {
            if let Some(r) = strip_prefix_ci(rest, w) {
                rest = r.trim_start_matches(',');
                any = true;
                continue 'outer;
            }
        }
        break;
    }
    (any && (rest.is_empty() || event_time_token(rest).is_some() || rest.starts_with(|c: char| c.is_ascii_digit())))
        .then_some(rest)
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| s.get(prefix.len()..))
        .flatten()
}

/// A log stream name as CloudWatch names flow log streams (`eni-…-all`), or a log
/// group path (`/vpc/flowlogs`), as the CLI and `awslogs` print them.
fn looks_like_stream(t: &str) -> bool {
    (t.ends_with("-all") && t.len() > 4) || (t.starts_with('/') && t.len() > 1)
}

/// Tokens a wrapper writes before a record: timestamps, log stream and group names,
/// epoch milliseconds (ingestion times), `EVENTS`.
fn is_wrapper_token(t: &str) -> bool {
    event_time_token(t).is_some()
        || looks_like_stream(t)
        || t == "EVENTS"
        || (t.starts_with('[') && t.ends_with(']'))
        || (t.len() >= 13 && t.bytes().all(|b| b.is_ascii_digit()) && t.len() != 12)
}

/// Placeholders people put in shared records: `<account-id>`, `REDACTED`, `10.0.x.x`.
fn is_placeholder(t: &str) -> bool {
    value::placeholder(t)
}

/// The byte offset of `part` (a sub-slice) in `whole`.
fn offset_in(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .saturating_sub(whole.as_ptr() as usize)
        .min(whole.len())
}

/// Removes ANSI SGR codes (`\x1b[32m`), as `aws logs tail` writes them to a terminal.
fn strip_ansi(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find('\x1b') {
        out.push_str(rest.get(..i).unwrap_or_default());
        let after = rest.get(i + 1..).unwrap_or_default();
        let skip = after.strip_prefix('[').map_or(0, |a| {
            1 + a.find(|c: char| c.is_ascii_alphabetic()).map_or(a.len(), |j| j + 1)
        });
        rest = after.get(skip..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// Runs of spaces and TABs as one space.
fn fold_spaces(s: &str) -> String {
    split::tokens(s, split::is_field_sep)
        .map(|r| s.get(r).unwrap_or_default())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Splits one CSV line (RFC 4180 quoting, no line ends inside fields).
/// Hand-written: a CSV crate for the one-line rows of these exports is not worth its size.
pub(crate) fn split_csv(line: &str) -> Option<Vec<String>> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (false, '"') if field.is_empty() => quoted = true,
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (false, ',') => fields.push(std::mem::take(&mut field)),
            (_, c) => field.push(c),
        }
    }
    if quoted {
        return None;
    }
    fields.push(field);
    Some(fields)
}
