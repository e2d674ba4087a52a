//! The filter language: which rows of a [`Table`] a query keeps. Sorting, totals and
//! export are beside it (`sort`, `totals`, `export`).
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
//! | `dstport:443`, `vpc-id:vpc-0abc…`, `srcaddr:-` — any field by its name | whose value is written so (case aside; `-` also where the format has no such field: what a group of the analysis across records shows) |
//! | `errors` | only lines with an error |
//! | any other word | whose line contains it (case-insensitive) |
//!
//! All terms must hold. A term that cannot be read is reported and ignored.

use std::net::IpAddr;

use crate::fields::FieldName as F;

use crate::flowlog::bulk::index::{Row, RowKind, Table};
use crate::flowlog::decode::clock;
use crate::flowlog::decode::value::{parse_value, Value};

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
    /// `dstport:443`: a field's value as written (case aside); `-` is also a field the
    /// record's format does not have (as [`group_by`](crate::flowlog::bulk::across::groups::group_by)
    /// counts it).
    Field(F, String),
    /// `errors`
    Errors,
    /// `finding:3`, `conv:12`, `band:4`: the records of a set the analysis across records
    /// made (kept by the store, which resolves it).
    Set(&'static str, usize),
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

/// A time in a query: Unix seconds as the decoder reads `start`, or ISO 8601.
fn time_term(v: &str) -> Option<i64> {
    match parse_value(F::Start.spec(), v) {
        Ok(Value::Time(t)) => Some(t),
        _ => clock::parse_iso8601(v).map(|(t, _)| t),
    }
}

/// A protocol in a query: its number as the decoder reads `protocol`, or its IANA keyword.
fn protocol_number(v: &str) -> Option<u8> {
    match parse_value(F::Protocol.spec(), v) {
        Ok(Value::Protocol(p)) => Some(p),
        _ => (0..=255u8).find(|n| {
            etherparse::IpNumber(*n)
                .keyword_str()
                .is_some_and(|k| k.eq_ignore_ascii_case(v))
        }),
    }
}

/// A port in a query, as the decoder reads `srcport`/`dstport`.
fn port_number(v: &str) -> Option<u16> {
    match parse_value(F::Dstport.spec(), v) {
        Ok(Value::Port(p)) => Some(p),
        _ => None,
    }
}

impl Query {
    /// Reads a query (see the module docs).
    #[must_use]
    pub fn parse(text: &str) -> Query {
        let mut q = Query::default();
        for word in text.split_whitespace() {
            let lower = word.to_ascii_lowercase();
            // A field's own name (`dstport:443`, `action:-`): its value as written. The
            // short names above it (`port:`, `proto:`, `action:accept`) read values.
            let field = word
                .split_once(':')
                .and_then(|(name, v)| Some((F::parse_loose(name)?, v)))
                .filter(|(_, v)| !v.is_empty());
            let term = match lower.split_once(':') {
                Some((_, "-")) if field.is_some() => field.map(|(f, v)| Term::Field(f, v.to_owned())),
                Some(("action", "accept")) => Some(Term::Action("ACCEPT")),
                Some(("action", "reject")) => Some(Term::Action("REJECT")),
                Some(("proto" | "protocol", v)) => protocol_number(v).map(Term::Protocol),
                Some(("port", v)) => port_number(v).map(Term::Port),
                Some(("addr" | "ip", v)) => Cidr::parse(v).map(Term::Addr),
                Some(("eni" | "interface", v)) if !v.is_empty() => Some(Term::Interface(v.to_owned())),
                Some(("status", "ok")) => Some(Term::Status("OK")),
                Some(("status", "nodata")) => Some(Term::Status("NODATA")),
                Some(("status", "skipdata")) => Some(Term::Status("SKIPDATA")),
                Some(("after" | "from", _)) => word.split_once(':').and_then(|(_, v)| time_term(v)).map(Term::After),
                Some(("before" | "to", _)) => word.split_once(':').and_then(|(_, v)| time_term(v)).map(Term::Before),
                Some((set @ ("finding" | "conv" | "band"), v)) => {
                    let name = match set {
                        "finding" => "finding",
                        "conv" => "conv",
                        _ => "band",
                    };
                    v.parse::<usize>()
                        .ok()
                        .filter(|_| v.bytes().all(|b| b.is_ascii_digit()))
                        .map(|n| Term::Set(name, n))
                }
                Some(("action" | "eni" | "interface" | "status", _)) => None,
                Some(_) if field.is_some() => field.map(|(f, v)| Term::Field(f, v.to_owned())),
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

    /// The sets the query names (`finding:3` → `("finding", 3)`).
    pub fn sets(&self) -> impl Iterator<Item = (&'static str, usize)> + '_ {
        self.terms.iter().filter_map(|t| match t {
            Term::Set(name, id) => Some((*name, *id)),
            _ => None,
        })
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
        // Typed values by the decoder's own rules (`parse_value`), never a looser parse.
        let value = |f: F| raw(f).and_then(|v| parse_value(f.spec(), v).ok());
        self.terms.iter().all(|term| match term {
            Term::Errors => row.kind.is_error(),
            // Resolved by the store (see `Query::sets`).
            Term::Set(..) => row.kind.is_record(),
            Term::Text(t) => contains_ignore_case(table.line_text(row), t),
            _ if !row.kind.is_record() => false,
            Term::Action(a) => raw(F::Action) == Some(*a),
            Term::Protocol(p) => value(F::Protocol) == Some(Value::Protocol(*p)),
            Term::Port(p) => [F::Srcport, F::Dstport]
                .iter()
                .any(|f| value(*f) == Some(Value::Port(*p))),
            Term::Addr(c) => [F::Srcaddr, F::Dstaddr, F::PktSrcaddr, F::PktDstaddr]
                .iter()
                .any(|f| matches!(value(*f), Some(Value::Addr(ip)) if c.contains(ip))),
            Term::Interface(t) => [F::InterfaceId, F::ResourceId, F::TgwAttachmentId]
                .iter()
                .any(|f| raw(*f).is_some_and(|v| contains_ignore_case(v, t))),
            Term::Status(s) => raw(F::LogStatus) == Some(*s),
            Term::Field(f, v) => raw(*f).unwrap_or("-").eq_ignore_ascii_case(v),
            Term::After(t) => matches!(value(F::Start), Some(Value::Time(s)) if s >= *t),
            Term::Before(t) => matches!(value(F::End), Some(Value::Time(e)) if e <= *t),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flowlog::bulk::export::*;
    use crate::flowlog::bulk::sort::*;
    use crate::flowlog::bulk::totals::*;
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
    fn ok_top_talkers_add_flows_of_more_than_4_gib() {
        let line =
            |src: &str, bytes: u64| format!("2 123456789012 eni-1 {src} 10.0.0.9 1 2 6 1 {bytes} 1 2 ACCEPT OK\n");
        let text = [
            line("10.0.0.1", 5_000_000_000),
            line("10.0.0.2", 4_294_967_295),
            line("10.0.0.1", 1),
            line("2001:db8::1", 7),
        ]
        .concat();
        let table = Table::build(text, &Options::default());
        let s = summarize(&table, &select(&table, &Query::default()));
        assert_eq!(
            s.top_talkers,
            [
                ("10.0.0.1".to_owned(), 5_000_000_001),
                ("10.0.0.2".to_owned(), 4_294_967_295),
                ("2001:db8::1".to_owned(), 7)
            ]
        );
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
        // The earliest start in the first bucket, the latest in the last.
        assert_eq!(s.bytes_over_time.first().map(|b| b.1), Some(u128::MAX));
        assert_eq!(s.bytes_over_time.last().map(|b| b.1), Some(u128::MAX));
        assert!(s.bytes_over_time.len() > 1);
    }

    #[test]
    fn ok_the_filter_help_examples_are_each_one_term_and_cover_the_language() {
        // Each kind of term, numbered; the match is exhaustive, so a new kind must come
        // here, and then needs an example in the help. `before:` is told beside `after:`.
        fn kind(t: &Term) -> usize {
            match t {
                Term::Action(_) => 0,
                Term::Protocol(_) => 1,
                Term::Port(_) => 2,
                Term::Addr(_) => 3,
                Term::Interface(_) => 4,
                Term::Status(_) => 5,
                Term::After(_) | Term::Before(_) => 6,
                Term::Field(..) => 7,
                Term::Set(..) => 8,
                Term::Errors => 9,
                Term::Text(_) => 10,
            }
        }
        let mut kinds: Vec<usize> = crate::fields::labels::FILTER_TERMS
            .iter()
            .map(|(example, _)| {
                let q = Query::parse(example);
                assert!(q.bad.is_empty(), "{example}");
                let [term] = q.terms.as_slice() else {
                    panic!("{example}: {:?}", q.terms);
                };
                kind(term)
            })
            .collect();
        kinds.sort_unstable();
        assert_eq!(
            kinds,
            (0..=10).collect::<Vec<_>>(),
            "one example of each kind, in no particular order"
        );
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
            // A field by its name: its value as written, case aside; `-` where absent or
            // not in the format (the default format has no vpc-id).
            ("dstport:22", &[3, 7]),
            ("srcaddr:2001:db8::1", &[7]),
            ("srcaddr:-", &[4]),
            ("action:- log-status:NODATA", &[4]),
            ("interface-id:ENI-99999999 dstport:22", &[3, 7]),
            ("vpc-id:-", &[1, 2, 3, 4, 7]),
            ("vpc-id:vpc-1", &[]),
            ("dstport:022", &[]),
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
