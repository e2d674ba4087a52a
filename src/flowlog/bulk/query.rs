//! Filtering, sorting, summarising and exporting the rows of a [`Table`].
//!
//! Filters are written as a query, e.g. `action:reject port:22 10.0.0.0/8 ssh`:
//!
//! | term | keeps records… |
//! | --- | --- |
//! | `action:accept` / `action:reject` | with that action |
//! | `proto:tcp` / `proto:6` | of that protocol (name or number) |
//! | `port:443` | with that source or destination port |
//! | `addr:10.0.0.0/8`, or a bare address / CIDR | with any address field inside it |
//! | `eni:0a1b` / `interface:…` | whose interface ID contains the text |
//! | `status:nodata` | with that log status |
//! | `after:2021-05-17T13:00:00Z` / `before:…` (or Unix seconds) | starting at/after, ending at/before |
//! | `errors` | only lines with an error |
//! | any other word | whose line contains it (case-insensitive) |
//!
//! All terms must hold. A term that cannot be read is reported and ignored.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::net::IpAddr;

use crate::fields::{FieldName as F, Kind};

use crate::flowlog::bulk::index::{Row, RowKind, Table};
use crate::flowlog::decode::clock;
use crate::flowlog::decode::record::LineKind;

/// A CIDR block (a single address is a /32 or /128).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cidr {
    addr: IpAddr,
    prefix: u8,
}

impl Cidr {
    /// Reads `10.0.0.0/8`, `2001:db8::/32` or a single address.
    #[must_use]
    pub fn parse(s: &str) -> Option<Cidr> {
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a.parse::<IpAddr>().ok()?, p.parse::<u8>().ok()?),
            None => {
                let a = s.parse::<IpAddr>().ok()?;
                (a, if a.is_ipv4() { 32 } else { 128 })
            }
        };
        let max = if addr.is_ipv4() { 32 } else { 128 };
        (prefix <= max).then_some(Cidr { addr, prefix })
    }

    /// Whether `ip` is inside the block.
    #[must_use]
    pub fn contains(&self, ip: IpAddr) -> bool {
        fn bits(ip: IpAddr) -> (u128, u32) {
            match ip {
                IpAddr::V4(a) => (u128::from(u32::from(a)), 32),
                IpAddr::V6(a) => (u128::from(a), 128),
            }
        }
        let ((net, width), (x, w)) = (bits(self.addr), bits(ip));
        if width != w {
            return false;
        }
        let shift = width - u32::from(self.prefix);
        shift >= width || (net >> shift) == (x >> shift)
    }
}

/// One term of a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Term {
    /// `action:…`
    Action(&'static str),
    /// `proto:…`
    Protocol(u8),
    /// `port:…`
    Port(u16),
    /// `addr:…` or a bare address/CIDR.
    Addr(Cidr),
    /// `eni:…`
    Interface(String),
    /// `status:…`
    Status(&'static str),
    /// `after:…`
    After(i64),
    /// `before:…`
    Before(i64),
    /// `errors`
    Errors,
    /// Free text (lowercased).
    Text(String),
}

/// A parsed query.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Query {
    /// The terms, all of which must hold.
    pub terms: Vec<Term>,
    /// Terms that could not be read.
    pub bad: Vec<String>,
}

fn time_term(v: &str) -> Option<i64> {
    v.parse::<i64>()
        .ok()
        .or_else(|| clock::parse_iso8601(v).map(|(t, _)| t))
}

fn protocol_number(v: &str) -> Option<u8> {
    v.parse::<u8>().ok().or_else(|| {
        (0..=255u8).find(|n| {
            etherparse::IpNumber(*n)
                .keyword_str()
                .is_some_and(|k| k.eq_ignore_ascii_case(v))
        })
    })
}

impl Query {
    /// Reads a query (see the module docs).
    #[must_use]
    pub fn parse(text: &str) -> Query {
        let mut q = Query::default();
        for word in text.split_whitespace() {
            let lower = word.to_ascii_lowercase();
            let term = match lower.split_once(':') {
                Some(("action", "accept")) => Some(Term::Action("ACCEPT")),
                Some(("action", "reject")) => Some(Term::Action("REJECT")),
                Some(("proto" | "protocol", v)) => protocol_number(v).map(Term::Protocol),
                Some(("port", v)) => v.parse().ok().map(Term::Port),
                Some(("addr" | "ip", v)) => Cidr::parse(v).map(Term::Addr),
                Some(("eni" | "interface", v)) if !v.is_empty() => Some(Term::Interface(v.to_owned())),
                Some(("status", "ok")) => Some(Term::Status("OK")),
                Some(("status", "nodata")) => Some(Term::Status("NODATA")),
                Some(("status", "skipdata")) => Some(Term::Status("SKIPDATA")),
                Some(("after" | "from", _)) => word.split_once(':').and_then(|(_, v)| time_term(v)).map(Term::After),
                Some(("before" | "to", _)) => word.split_once(':').and_then(|(_, v)| time_term(v)).map(Term::Before),
                Some(("action" | "eni" | "interface" | "status", _)) => None,
                _ if lower == "errors" => Some(Term::Errors),
                _ => Some(Cidr::parse(word).map_or_else(|| Term::Text(lower.clone()), Term::Addr)),
            };
            match term {
                Some(t) => q.terms.push(t),
                None => q.bad.push(word.to_owned()),
            }
        }
        q
    }

    /// Whether row `row` of `table` satisfies every term. Blank, comment and valid
    /// header lines never match; error lines match only free text and `errors`.
    #[must_use]
    pub fn matches(&self, table: &Table, row: &Row) -> bool {
        match row.kind {
            RowKind::Blank | RowKind::Comment | RowKind::Header => return false,
            _ => {}
        }
        let raw = |f| table.raw(row, f);
        self.terms.iter().all(|term| match term {
            Term::Errors => row.kind.is_error(),
            Term::Text(t) => contains_ignore_case(table.line_text(row), t),
            _ if !row.kind.is_record() => false,
            Term::Action(a) => raw(F::Action) == Some(*a),
            Term::Protocol(p) => raw(F::Protocol).and_then(|v| v.parse::<u8>().ok()) == Some(*p),
            Term::Port(p) => [F::Srcport, F::Dstport]
                .iter()
                .any(|f| raw(*f).and_then(|v| v.parse::<u16>().ok()) == Some(*p)),
            Term::Addr(c) => [F::Srcaddr, F::Dstaddr, F::PktSrcaddr, F::PktDstaddr].iter().any(|f| {
                raw(*f)
                    .and_then(|v| v.parse::<IpAddr>().ok())
                    .is_some_and(|ip| c.contains(ip))
            }),
            Term::Interface(t) => [F::InterfaceId, F::ResourceId, F::TgwAttachmentId]
                .iter()
                .any(|f| raw(*f).is_some_and(|v| contains_ignore_case(v, t))),
            Term::Status(s) => raw(F::LogStatus) == Some(*s),
            Term::After(t) => raw(F::Start)
                .and_then(|v| v.parse::<i64>().ok())
                .is_some_and(|s| s >= *t),
            Term::Before(t) => raw(F::End).and_then(|v| v.parse::<i64>().ok()).is_some_and(|e| e <= *t),
        })
    }
}

fn contains_ignore_case(hay: &str, needle_lower: &str) -> bool {
    if needle_lower.is_empty() {
        return true;
    }
    hay.as_bytes()
        .windows(needle_lower.len())
        .any(|w| w.eq_ignore_ascii_case(needle_lower.as_bytes()))
}

/// The rows (indices into `table.rows()`) that `query` keeps, in input order.
#[must_use]
pub fn select(table: &Table, query: &Query) -> Vec<u32> {
    // Room for every row at once: growing would briefly hold two lists (only the
    // part used is ever touched).
    let mut out = Vec::with_capacity(table.rows().len());
    out.extend(
        table
            .rows()
            .iter()
            .enumerate()
            .filter(|(_, r)| query.matches(table, r))
            .filter_map(|(i, _)| u32::try_from(i).ok()),
    );
    out
}

/// A sort key: numbers and addresses compare by value, the rest as text; rows
/// without the field sort last.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Key<'a> {
    Number(u128),
    Text(&'a str),
    Missing,
}

fn key<'a>(table: &'a Table, row: &Row, field: F) -> Key<'a> {
    let Some(raw) = table.raw(row, field).filter(|r| *r != "-") else {
        return Key::Missing;
    };
    match field.spec().kind {
        Kind::Addr => match raw.parse::<IpAddr>() {
            Ok(IpAddr::V4(a)) => Key::Number(u128::from(u32::from(a))),
            Ok(IpAddr::V6(a)) => Key::Number(u128::from(a) | (1 << 127)),
            Err(_) => Key::Text(raw),
        },
        _ => raw.parse::<u128>().map_or(Key::Text(raw), Key::Number),
    }
}

/// Sorts `rows` by `field` (stable: equal keys keep input order).
pub fn sort(table: &Table, rows: &mut [u32], field: F, descending: bool) {
    let all = table.rows();
    let mut keyed: Vec<(Key<'_>, u32)> = rows
        .iter()
        .map(|&i| (all.get(i as usize).map_or(Key::Missing, |r| key(table, r, field)), i))
        .collect();
    keyed.sort_by(|(a, _), (b, _)| match (a, b) {
        (Key::Missing, Key::Missing) => Ordering::Equal,
        (Key::Missing, _) => Ordering::Greater,
        (_, Key::Missing) => Ordering::Less,
        _ if descending => b.cmp(a),
        _ => a.cmp(b),
    });
    for (slot, (_, i)) in rows.iter_mut().zip(keyed) {
        *slot = i;
    }
}

/// Totals over a set of rows.
#[derive(Clone, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    /// Records.
    pub records: usize,
    /// ACCEPT records.
    pub accepted: usize,
    /// REJECT records.
    pub rejected: usize,
    /// NODATA records.
    pub nodata: usize,
    /// SKIPDATA records.
    pub skipdata: usize,
    /// Lines with an error.
    pub errors: usize,
    /// Sum of `bytes`.
    pub bytes: u128,
    /// Sum of `packets`.
    pub packets: u128,
    /// Source addresses with the most bytes, most first (at most 5).
    pub top_talkers: Vec<(String, u128)>,
    /// Destination ports seen most often, most first (at most 5).
    pub top_ports: Vec<(u16, usize)>,
    /// Bytes per time bucket: (bucket start, bytes); up to 48 equal buckets.
    pub bytes_over_time: Vec<(i64, u128)>,
}

/// Summarises `rows` of `table`.
#[must_use]
pub fn summarize(table: &Table, rows: &[u32]) -> Summary {
    const FIELDS: [F; 7] = [
        F::Action,
        F::LogStatus,
        F::Bytes,
        F::Packets,
        F::Srcaddr,
        F::Dstport,
        F::Start,
    ];
    // Positions of the fields in each format, looked up once (not per row).
    let positions: Vec<[Option<usize>; 7]> = table.formats().iter().map(|f| FIELDS.map(|x| f.position(x))).collect();
    let mut s = Summary::default();
    // A log may have as many sources as records. IPv4 sources (nearly all) are
    // listed as (address, bytes) and summed after sorting: 16 bytes a record, where a
    // hash map of a million addresses takes twice that. Others go to a map. Sums are
    // 64-bit (saturating: 16 EiB from one source).
    let mut v4: Vec<(u32, u64)> = Vec::with_capacity(rows.len());
    let mut other: HashMap<&str, u64, BuildFnv> = HashMap::with_hasher(BuildFnv);
    let mut ports = vec![0usize; 65_536];
    // Earliest and latest start: the time buckets are filled in a second pass, so no
    // list of a million (time, bytes) pairs is ever held.
    let mut span: Option<(i64, i64)> = None;
    for row in rows.iter().filter_map(|&i| table.rows().get(i as usize)) {
        if row.kind.is_error() {
            s.errors += 1;
        }
        if !row.kind.is_record() {
            continue;
        }
        let Some(&[action, status, bytes, packets, src, dport, start]) = positions.get(usize::from(row.format)) else {
            continue;
        };
        let raw = |pos| table.raw_at(row, pos);
        let num = |pos| raw(pos).and_then(|v| v.parse::<u128>().ok());
        s.records += 1;
        match raw(action) {
            Some("ACCEPT") => s.accepted += 1,
            Some("REJECT") => s.rejected += 1,
            _ => {}
        }
        match raw(status) {
            Some("NODATA") => s.nodata += 1,
            Some("SKIPDATA") => s.skipdata += 1,
            _ => {}
        }
        let bytes = num(bytes).unwrap_or(0);
        s.bytes = s.bytes.saturating_add(bytes);
        s.packets = s.packets.saturating_add(num(packets).unwrap_or(0));
        if let Some(src) = raw(src).filter(|a| *a != "-") {
            let b = u64::try_from(bytes).unwrap_or(u64::MAX);
            match crate::flowlog::decode::value::plain_ipv4(src.as_bytes()) {
                Some(ip) => v4.push((ip, b)),
                None => {
                    let sum = other.entry(src).or_default();
                    *sum = sum.saturating_add(b);
                }
            }
        }
        if let Some(slot) = raw(dport)
            .and_then(|v| v.parse::<u16>().ok())
            .and_then(|p| ports.get_mut(usize::from(p)))
        {
            *slot += 1;
        }
        if let Some(t) = raw(start).and_then(|v| v.parse::<i64>().ok()) {
            span = Some(span.map_or((t, t), |(lo, hi)| (lo.min(t), hi.max(t))));
        }
    }
    v4.sort_unstable_by_key(|p| p.0);
    let summed = v4.chunk_by(|a, b| a.0 == b.0).filter_map(|run| {
        let ip = run.first()?.0;
        Some((Talker::V4(ip), run.iter().fold(0u64, |sum, p| sum.saturating_add(p.1))))
    });
    let talkers = summed.chain(other.into_iter().map(|(a, b)| (Talker::Text(a), b)));
    s.top_talkers = top(talkers, 5)
        .into_iter()
        .map(|(a, b)| (a.to_string(), u128::from(b)))
        .collect();
    let ports: Vec<(u16, usize)> = ports
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(p, n)| (u16::try_from(p).unwrap_or(0), *n))
        .collect();
    s.top_ports = top(ports.into_iter(), 5);
    if let Some((min, max)) = span {
        s.bytes_over_time = buckets(table, rows, &positions, min, max, 48);
    }
    s
}

/// A source address in the summary: ordered (on equal bytes) by its text, as shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Talker<'a> {
    V4(u32),
    Text(&'a str),
}

impl std::fmt::Display for Talker<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Talker::V4(ip) => std::net::Ipv4Addr::from(*ip).fmt(f),
            Talker::Text(t) => f.write_str(t),
        }
    }
}

impl Ord for Talker<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        // Only reached on equal byte counts: formatting here is rare.
        self.to_string().cmp(&other.to_string())
    }
}

impl PartialOrd for Talker<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// FNV-1a: a fast, simple hash for short keys (addresses) that nobody chooses to
/// collide; std's SipHash guards against that at several times the cost.
/// Hand-written: ten lines do not justify a dependency.
#[derive(Clone, Copy, Default)]
struct BuildFnv;

struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

impl std::hash::BuildHasher for BuildFnv {
    type Hasher = Fnv;
    fn build_hasher(&self) -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

/// The `k` entries with the largest counts, largest first (ties: smallest key first),
/// keeping only `k` at a time.
fn top<K: Ord + Copy, V: Ord + Copy>(items: impl Iterator<Item = (K, V)>, k: usize) -> Vec<(K, V)> {
    let order = |a: &(K, V), b: &(K, V)| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0));
    let mut best: Vec<(K, V)> = Vec::with_capacity(k + 1);
    for item in items {
        if best.len() < k || best.last().is_some_and(|w| order(&item, w).is_lt()) {
            let at = best.partition_point(|b| order(b, &item).is_lt());
            best.insert(at, item);
            best.truncate(k);
        }
    }
    best
}

/// Bytes per time bucket: `n` equal buckets from `min` to `max` (by each record's start).
fn buckets(
    table: &Table,
    rows: &[u32],
    positions: &[[Option<usize>; 7]],
    min: i64,
    max: i64,
    n: i64,
) -> Vec<(i64, u128)> {
    // In 128 bits: lines with errors can hold any 64-bit time, and max − min of two
    // such would overflow.
    let (min, max, n) = (i128::from(min), i128::from(max), i128::from(n.max(1)));
    let width = ((max - min) / n + 1).max(1);
    let count = usize::try_from((max - min) / width + 1).unwrap_or(1);
    let mut out: Vec<(i64, u128)> = (0..count)
        .map(|i| {
            let at = min + width * i128::try_from(i).unwrap_or(0);
            (i64::try_from(at).unwrap_or(i64::MAX), 0)
        })
        .collect();
    for row in rows.iter().filter_map(|&i| table.rows().get(i as usize)) {
        let Some(&[_, _, bytes, _, _, _, start]) = positions.get(usize::from(row.format)) else {
            continue;
        };
        let Some(t) = table.raw_at(row, start).and_then(|v| v.parse::<i64>().ok()) else {
            continue;
        };
        let bytes = table
            .raw_at(row, bytes)
            .and_then(|v| v.parse::<u128>().ok())
            .unwrap_or(0);
        let i = usize::try_from((i128::from(t) - min) / width).unwrap_or(0);
        if let Some(slot) = out.get_mut(i) {
            slot.1 = slot.1.saturating_add(bytes);
        }
    }
    out
}

/// The fields of every format the rows use, in order of first appearance.
fn columns(table: &Table, rows: &[u32]) -> Vec<F> {
    let mut out: Vec<F> = Vec::new();
    // Each format once, not each row.
    let mut seen = vec![false; table.formats().len()];
    for row in rows.iter().filter_map(|&i| table.rows().get(i as usize)) {
        let Some(done) = seen.get_mut(usize::from(row.format)) else {
            continue;
        };
        if row.kind.is_record() && !*done {
            *done = true;
            for f in table.format_of(row).fields() {
                if !out.contains(f) {
                    out.push(*f);
                }
            }
        }
    }
    out
}

/// The first error message of row `i`.
fn first_error(table: &Table, i: u32) -> String {
    table
        .errors_at(i as usize)
        .first()
        .map(ToString::to_string)
        .unwrap_or_default()
}

fn csv_field(s: &str) -> String {
    // A cell a spreadsheet would run as a formula (`=`, `+`, `@`, TAB, CR, or `-`
    // followed by more) is written as text: a leading `'` (OWASP's advice). A lone `-`
    // (not applicable) stays as it is.
    let formula = matches!(s.as_bytes(), [b'=' | b'+' | b'@' | b'\t' | b'\r', ..] | [b'-', _, ..]);
    let s: std::borrow::Cow<'_, str> = if formula { format!("'{s}").into() } else { s.into() };
    if s.contains([',', '"', '\n', '\r']) || formula {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.into_owned()
    }
}

/// The rows as CSV: a `line` column, then one column per field (raw values);
/// lines with a structural error have only their line number and an `error` column.
#[must_use]
pub fn to_csv(table: &Table, rows: &[u32]) -> String {
    let mut out = String::new();
    csv_pieces(table, rows, usize::MAX, &mut |piece| out.push_str(&piece));
    out
}

/// [`to_csv`] in pieces of at most `per` rows (the first with the header line), so
/// that a large export never exists as one string.
pub fn csv_pieces(table: &Table, rows: &[u32], per: usize, piece: &mut dyn FnMut(String)) {
    let cols = columns(table, rows);
    let mut out = String::from("line");
    for c in &cols {
        out.push(',');
        out.push_str(c.as_str());
    }
    out.push_str(",error\n");
    for chunk in rows.chunks(per.max(1)) {
        for &i in chunk {
            let Some(row) = table.rows().get(i as usize) else {
                continue;
            };
            out.push_str(&(i + 1).to_string());
            for c in &cols {
                out.push(',');
                out.push_str(&csv_field(table.raw(row, *c).unwrap_or_default()));
            }
            out.push(',');
            if row.kind.is_error() {
                let msg = first_error(table, i);
                out.push_str(&csv_field(&msg));
            }
            out.push('\n');
        }
        piece(std::mem::take(&mut out));
    }
    if !out.is_empty() {
        piece(out);
    }
}

/// Field names to use in NDJSON exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Schema {
    /// AWS's names (`srcaddr`).
    Aws,
    /// Elastic Common Schema (`source.ip`).
    Ecs,
    /// OCSF (`src_endpoint.ip`); fields it does not map go under `unmapped.`.
    Ocsf,
}

fn key_for(field: F, schema: Schema) -> String {
    match schema {
        Schema::Aws => field.as_str().to_owned(),
        Schema::Ecs => crate::flowlog::links::at_scale::ecs(field),
        Schema::Ocsf => crate::flowlog::links::at_scale::ocsf(field).map_or_else(
            || format!("unmapped.{}", crate::flowlog::links::at_scale::column(field)),
            str::to_owned,
        ),
    }
}

/// The rows as newline-delimited JSON: `{"line": n, "<field>": "<raw>", …}`, plus
/// `"error"` for lines with an error.
#[must_use]
pub fn to_ndjson(table: &Table, rows: &[u32]) -> String {
    to_ndjson_as(table, rows, Schema::Aws)
}

/// [`to_ndjson`] with the field names of `schema` (flat, dotted keys; `-` values left out
/// for ECS and OCSF, as those schemas have no "absent" marker).
#[must_use]
pub fn to_ndjson_as(table: &Table, rows: &[u32], schema: Schema) -> String {
    let mut out = String::new();
    ndjson_pieces(table, rows, schema, usize::MAX, &mut |piece| out.push_str(&piece));
    out
}

/// [`to_ndjson_as`] in pieces of at most `per` rows.
pub fn ndjson_pieces(table: &Table, rows: &[u32], schema: Schema, per: usize, piece: &mut dyn FnMut(String)) {
    for chunk in rows.chunks(per.max(1)) {
        let mut out = String::new();
        for &i in chunk {
            let Some(row) = table.rows().get(i as usize) else {
                continue;
            };
            if schema != Schema::Aws {
                // Typed documents of the target schema (a line that is no record keeps its
                // text and error in the schema's own fields).
                let doc = match table.line(i as usize).map(|l| l.kind) {
                    Some(LineKind::Record(r)) => match schema {
                        Schema::Ocsf => crate::flowlog::links::schema::ocsf(&r, table.text()),
                        _ => crate::flowlog::links::schema::ecs(&r, table.text()),
                    },
                    _ => {
                        let text = table.line_text(row);
                        let error = first_error(table, i);
                        match schema {
                            Schema::Ocsf => serde_json::json!({ "raw_data": text, "message": error }),
                            _ => serde_json::json!({ "event": { "original": text }, "error": { "message": error } }),
                        }
                    }
                };
                out.push_str(&doc.to_string());
                out.push('\n');
                continue;
            }
            let mut obj = serde_json::Map::new();
            obj.insert("line".into(), (i + 1).into());
            if row.kind.is_record() {
                let format = table.format_of(row);
                for (pos, f) in format.fields().iter().enumerate() {
                    let raw = table.raw_at(row, Some(pos)).unwrap_or_default();
                    if schema != Schema::Aws && raw == "-" {
                        continue;
                    }
                    // An unknown field has no ECS or OCSF name: only AWS's names keep it.
                    let key = match (f, schema) {
                        (F::Unknown, Schema::Aws) => format.name_at(pos).to_owned(),
                        (F::Unknown, _) => continue,
                        _ => key_for(*f, schema),
                    };
                    obj.insert(key, raw.into());
                }
            } else {
                obj.insert("text".into(), table.line_text(row).into());
            }
            if row.kind.is_error() {
                let msg = first_error(table, i);
                obj.insert("error".into(), msg.into());
            }
            out.push_str(&serde_json::Value::Object(obj).to_string());
            out.push('\n');
        }
        piece(out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flowlog::Options;

    const TEXT: &str =
        "2 123456789012 eni-0a1b2c3d 203.0.113.12 10.0.0.1 123 40658 17 1 76 1621259323 1621259383 ACCEPT OK
2 123456789012 eni-0a1b2c3d 10.0.0.1 203.0.113.12 40658 123 17 1 76 1621259323 1621259383 ACCEPT OK
2 123456789012 eni-99999999 198.51.100.7 10.0.0.5 50000 22 6 3 180 1621259400 1621259460 REJECT OK
2 123456789012 eni-99999999 - - - - - - - 1621259400 1621259460 - NODATA

bad, \"line\"
2 123456789012 eni-99999999 2001:db8::1 10.0.0.5 50001 22 6 2 120 1621259500 1621259560 REJECT OK";

    fn table() -> Table {
        Table::build(TEXT.to_owned(), &Options::default())
    }

    fn lines(q: &str) -> Vec<u32> {
        let t = table();
        select(&t, &Query::parse(q)).iter().map(|i| i + 1).collect()
    }

    #[test]
    fn ok_csv_cells_that_would_be_formulas_are_text() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("+1"), "\"'+1\"");
        assert_eq!(csv_field("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(csv_field("-5"), "\"'-5\"");
        assert_eq!(csv_field("-"), "-");
        assert_eq!(csv_field("10.0.0.1"), "10.0.0.1");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        // Through a whole export: a record whose value starts a formula.
        let text = "srcaddr dstaddr action\n=1+1 10.0.0.2 ACCEPT\n";
        let table = Table::build(text.to_owned(), &Options::default());
        let csv = to_csv(&table, &select(&table, &Query::default()));
        assert!(csv.contains("\"'=1+1\""), "{csv}");
    }

    #[test]
    fn ok_summary_of_extreme_values_never_overflows() {
        // Lines with errors (negative or huge times, 39-digit byte counts) are summed too.
        let text = "2 123456789012 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 340282366920938463463374607431768211455 -9223372036854775808 1 ACCEPT OK\n\
                    2 123456789012 eni-1 10.0.0.1 10.0.0.2 1 2 6 340282366920938463463374607431768211455 340282366920938463463374607431768211455 9223372036854775807 1 ACCEPT OK\n";
        let table = Table::build(text.to_owned(), &Options::default());
        let rows = select(&table, &Query::default());
        let s = summarize(&table, &rows);
        assert_eq!(s.records, 2);
        assert_eq!(s.bytes, u128::MAX);
        assert!(!s.bytes_over_time.is_empty());
    }

    #[test]
    fn ok_queries() {
        let cases: &[(&str, &[u32])] = &[
            ("", &[1, 2, 3, 4, 6, 7]),
            ("action:reject", &[3, 7]),
            ("ACTION:ACCEPT proto:udp", &[1, 2]),
            ("proto:6 port:22", &[3, 7]),
            ("port:123", &[1, 2]),
            ("10.0.0.0/24", &[1, 2, 3, 7]),
            ("addr:203.0.113.12", &[1, 2]),
            ("2001:db8::/32", &[7]),
            ("eni:9999", &[3, 4, 7]),
            ("status:nodata", &[4]),
            ("after:1621259400", &[3, 4, 7]),
            ("before:2021-05-17T13:49:43Z", &[1, 2]),
            ("errors", &[6]),
            ("LINE", &[6]),
            ("reject 198.51.100.7", &[3]),
        ];
        for (q, want) in cases {
            assert_eq!(lines(q), *want, "{q}");
        }
        let q = Query::parse("port:http action:maybe proto:nope fine");
        assert_eq!(q.bad, vec!["port:http", "action:maybe", "proto:nope"]);
        assert_eq!(q.terms, vec![Term::Text("fine".into())]);
    }

    #[test]
    fn ok_cidr() {
        let c = Cidr::parse("10.0.0.0/8").unwrap();
        assert!(c.contains("10.255.0.1".parse().unwrap()));
        assert!(!c.contains("11.0.0.1".parse().unwrap()));
        assert!(!c.contains("::1".parse().unwrap()));
        assert!(Cidr::parse("0.0.0.0/0").unwrap().contains("8.8.8.8".parse().unwrap()));
        assert_eq!(Cidr::parse("10.0.0.0/33"), None);
        assert_eq!(Cidr::parse("nope"), None);
    }

    #[test]
    fn ok_sort() {
        let t = table();
        let mut rows = select(&t, &Query::default());
        sort(&t, &mut rows, F::Bytes, true);
        assert_eq!(rows.iter().map(|i| i + 1).collect::<Vec<_>>(), vec![3, 7, 1, 2, 4, 6]);
        sort(&t, &mut rows, F::Srcaddr, false);
        assert_eq!(rows.iter().map(|i| i + 1).collect::<Vec<_>>(), vec![2, 3, 1, 7, 4, 6]);
    }

    #[test]
    fn ok_summary() {
        let t = table();
        let s = summarize(&t, &select(&t, &Query::default()));
        assert_eq!((s.records, s.accepted, s.rejected, s.nodata, s.errors), (5, 2, 2, 1, 1));
        assert_eq!((s.bytes, s.packets), (452, 7));
        assert_eq!(s.top_talkers[0], ("198.51.100.7".to_owned(), 180));
        assert_eq!(s.top_ports, vec![(22, 2), (123, 1), (40658, 1)]);
        assert_eq!(s.bytes_over_time.iter().map(|b| b.1).sum::<u128>(), 452);
        assert!(s.bytes_over_time.len() <= 48);
    }

    #[test]
    fn ok_export_pieces_join_to_the_whole() {
        let t = table();
        let rows = select(&t, &Query::default());
        for per in [1, 2, 5, 100] {
            let mut csv = Vec::new();
            csv_pieces(&t, &rows, per, &mut |p| csv.push(p));
            assert_eq!(csv.len(), rows.len().div_ceil(per));
            assert_eq!(csv.concat(), to_csv(&t, &rows));
            let mut nd = Vec::new();
            ndjson_pieces(&t, &rows, Schema::Ocsf, per, &mut |p| nd.push(p));
            assert_eq!(nd.concat(), to_ndjson_as(&t, &rows, Schema::Ocsf));
        }
        let mut empty = Vec::new();
        csv_pieces(&t, &[], 10, &mut |p| empty.push(p));
        assert_eq!(empty, ["line,error\n"]);
    }

    #[test]
    fn ok_exports() {
        let t = table();
        let rows = select(&t, &Query::parse("action:reject"));
        let csv = to_csv(&t, &rows);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "line,version,account-id,interface-id,srcaddr,dstaddr,srcport,dstport,protocol,packets,bytes,start,end,action,log-status,error");
        assert_eq!(
            lines[1],
            "3,2,123456789012,eni-99999999,198.51.100.7,10.0.0.5,50000,22,6,3,180,1621259400,1621259460,REJECT,OK,"
        );
        let err = to_csv(&t, &select(&t, &Query::parse("errors")));
        assert_eq!(
            err,
            "line,error\n6,\"line 6: expected 14 fields (default format), found 2; enter the flow log's format in the format box\"\n"
        );
        let nd = to_ndjson(&t, &select(&t, &Query::parse("errors nodata")));
        assert_eq!(nd, "");
        let nd = to_ndjson(&t, &rows);
        let first: serde_json::Value = serde_json::from_str(nd.lines().next().unwrap()).unwrap();
        assert_eq!(first["line"], 3);
        assert_eq!(first["srcaddr"], "198.51.100.7");
        let ecs: serde_json::Value =
            serde_json::from_str(to_ndjson_as(&t, &rows, Schema::Ecs).lines().next().unwrap()).unwrap();
        // Nested and typed as the schemas say (tests/schemas.rs checks every field).
        assert_eq!(ecs["source"]["ip"], "198.51.100.7");
        assert_eq!(ecs["destination"]["port"], 22);
        assert_eq!(ecs["aws"]["vpcflow"]["action"], "REJECT");
        let ocsf: serde_json::Value =
            serde_json::from_str(to_ndjson_as(&t, &rows, Schema::Ocsf).lines().next().unwrap()).unwrap();
        assert_eq!(ocsf["src_endpoint"]["ip"], "198.51.100.7");
        assert_eq!(ocsf["traffic"]["bytes"], 180);
        let nodata = to_ndjson_as(&t, &select(&t, &Query::parse("status:nodata")), Schema::Ecs);
        let nodata: serde_json::Value = serde_json::from_str(nodata.lines().next().unwrap()).unwrap();
        assert!(nodata.get("source").is_none(), "{nodata}");
    }
}
