//! Properties: valid records round-trip, a bad value is blamed on its own field,
//! arbitrary text never panics and every line is accounted for.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests panic on failure")]

use proptest::prelude::*;
use vpc_flowlog_decoder::fields::{FieldName, Lang};
use vpc_flowlog_decoder::flowlog::decode::clock::Fixed;
use vpc_flowlog_decoder::flowlog::explain::describe::describe;
use vpc_flowlog_decoder::flowlog::explain::sentence::sentence;
use vpc_flowlog_decoder::flowlog::{decode_plain, decode_text, Format, LineKind, Options, Preset, Value};

/// A valid raw token for each field of the v5 format.
fn token(field: FieldName) -> BoxedStrategy<String> {
    use FieldName as F;
    let dash = Just("-".to_owned());
    match field {
        F::Version => (2u8..=11).prop_map(|v| v.to_string()).boxed(),
        F::AccountId => "[0-9]{12}".boxed(),
        F::InterfaceId => "eni-[0-9a-f]{8,17}".boxed(),
        F::VpcId => "vpc-[0-9a-f]{8,17}".boxed(),
        F::SubnetId => "subnet-[0-9a-f]{8,17}".boxed(),
        F::InstanceId => prop_oneof!["i-[0-9a-f]{8,17}", dash].boxed(),
        F::Srcaddr | F::Dstaddr | F::PktSrcaddr | F::PktDstaddr => prop_oneof![
            any::<[u8; 4]>().prop_map(|o| std::net::Ipv4Addr::from(o).to_string()),
            any::<[u16; 8]>().prop_map(|s| std::net::Ipv6Addr::from(s).to_string()),
            Just("-".to_owned()),
        ]
        .boxed(),
        F::Srcport | F::Dstport => any::<u16>().prop_map(|p| p.to_string()).boxed(),
        F::Protocol => any::<u8>().prop_map(|p| p.to_string()).boxed(),
        F::Packets | F::Bytes => any::<u64>().prop_map(|n| n.to_string()).boxed(),
        F::Start | F::End => (0i64..4_102_444_800).prop_map(|n| n.to_string()).boxed(),
        F::Action => prop_oneof![Just("ACCEPT".to_owned()), Just("REJECT".to_owned()), dash].boxed(),
        F::LogStatus => prop_oneof![
            Just("OK".to_owned()),
            Just("NODATA".to_owned()),
            Just("SKIPDATA".to_owned())
        ]
        .boxed(),
        F::TcpFlags => any::<u8>().prop_map(|n| n.to_string()).boxed(),
        F::Type => prop_oneof![Just("IPv4".to_owned()), Just("IPv6".to_owned()), Just("EFA".to_owned())].boxed(),
        F::Region => Just("ap-northeast-1".to_owned()).boxed(),
        F::AzId => "[a-z]{4}[0-9]-az[0-9]".boxed(),
        F::SublocationType => prop_oneof![Just("outpost".to_owned()), dash].boxed(),
        F::SublocationId => prop_oneof!["[a-z0-9-]{3,20}", dash].boxed(),
        F::PktSrcAwsService | F::PktDstAwsService => prop_oneof!["[A-Z_0-9]{2,20}", dash].boxed(),
        F::FlowDirection => prop_oneof![Just("ingress".to_owned()), Just("egress".to_owned())].boxed(),
        F::TrafficPath => prop_oneof![(1u8..=8).prop_map(|n| n.to_string()), dash].boxed(),
        other => panic!("no strategy for {other}"),
    }
}

fn v5_line() -> impl Strategy<Value = (Format, Vec<String>)> {
    let format = Preset::AllUpTo(5).format();
    let tokens: Vec<_> = format.fields().iter().map(|f| token(*f)).collect();
    (Just(format), tokens)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// A line built from valid tokens decodes without error, every cell holds its own
    /// token (spans are exact), and every cell and the summary can be described.
    #[test]
    fn ok_valid_lines_round_trip((format, tokens) in v5_line(), sep in prop_oneof![Just(" "), Just("\t"), Just("  ")]) {
        let line = tokens.join(sep);
        let d = decode_text(&line, &Options { format: Some(format.clone()) });
        prop_assert_eq!(d.lines.len(), 1);
        let LineKind::Record(r) = &d.lines[0].kind else { panic!("not a record: {:?}", d.lines[0]) };
        prop_assert!(!r.has_errors(), "{:?}", r.errors(1, &line));
        prop_assert_eq!(r.cells.len(), format.len());
        for (cell, tok) in r.cells.iter().zip(&tokens) {
            prop_assert_eq!(cell.raw(&line), tok.as_str());
            for lang in Lang::ALL {
                let _ = describe(r, cell, &line, lang, &Fixed(-300));
            }
        }
        for lang in Lang::ALL {
            prop_assert!(!sentence(r, &line, lang).is_empty());
        }
    }

    /// Replacing one field of a valid default-format line with a token that field cannot
    /// hold yields an error naming that field and pointing at that token; the others decode.
    #[test]
    fn err_bad_value_is_blamed_on_its_field(pos in 0usize..14, garbage in "[g-wG-W]{1,8}") {
        // "OK" is the one word in this alphabet that some field (log-status) accepts.
        prop_assume!(garbage != "OK");
        let good = "2 123456789012 eni-0a1b2c3d 203.0.113.12 10.0.0.1 123 40658 17 1 76 1621259323 1621259383 ACCEPT OK";
        let mut fields: Vec<&str> = good.split(' ').collect();
        let field = Preset::Default.format().fields()[pos];
        fields[pos] = &garbage;
        let line = fields.join(" ");
        let d = decode_text(&line, &Options::default());
        let errors = d.errors(&line);
        prop_assert_eq!(errors.len(), 1, "{}", line);
        prop_assert_eq!(errors[0].field, Some((pos + 1, field)));
        prop_assert_eq!(&line[errors[0].span.clone()], garbage.as_str());
        let want = format!("found `{garbage}`");
        prop_assert!(errors[0].to_string().ends_with(&want));
    }

    /// Arbitrary text never panics; each input line yields exactly one line, in order,
    /// whose span lies on char boundaries inside the input.
    #[test]
    fn ok_arbitrary_text_never_panics(text in "(?s).{0,400}", with_format in any::<bool>()) {
        let options = Options { format: with_format.then(|| Preset::AllUpTo(5).format()) };
        // With the recogniser: no panic, spans inside the text they point into, and
        // every line names an input line.
        let d = decode_text(&text, &options);
        let clean = d.text(&text);
        let input_lines = text.split(['\n', '\r']).count();
        for line in &d.lines {
            prop_assert!(clean.get(line.span.clone()).is_some());
            prop_assert!(line.at >= 1 && line.at <= input_lines.max(1), "{} of {}", line.at, input_lines);
        }
        for (_, r) in d.records() {
            for cell in &r.cells {
                prop_assert!(clean.get(cell.span.clone()).is_some());
            }
        }
        // Without: exactly one line per input line.
        let d = decode_plain(&text, &options);
        let expected_lines = if text.is_empty() { 0 } else { text.strip_suffix('\n').unwrap_or(&text).split('\n').count() };
        prop_assert_eq!(d.lines.len(), expected_lines);
        for (i, line) in d.lines.iter().enumerate() {
            prop_assert_eq!(line.no, i + 1);
            prop_assert!(text.get(line.span.clone()).is_some());
        }
        for (_, r) in d.records() {
            for cell in &r.cells {
                prop_assert!(text.get(cell.span.clone()).is_some());
                let _ = describe(r, cell, &text, Lang::Ja, &Fixed(0));
            }
            let _ = sentence(r, &text, Lang::En);
        }
        let _ = d.errors(&text).iter().map(ToString::to_string).count();
    }

    /// Near-valid lines (a valid line with random bytes spliced in) never panic either.
    #[test]
    fn ok_near_valid_lines_never_panic(cut in 0usize..110, junk in "[ -~\t]{0,6}|.{0,3}") {
        let good = "2 123456789012 eni-0a1b2c3d 203.0.113.12 10.0.0.1 123 40658 17 1 76 1621259323 1621259383 ACCEPT OK";
        let cut = cut.min(good.len());
        let line = format!("{}{junk}{}", &good[..cut], &good[cut..]);
        prop_assert_eq!(decode_plain(&line, &Options::default()).lines.len(), usize::from(!line.is_empty()));
        let d = decode_text(&line, &Options::default());
        let line = d.text(&line).to_owned();
        for (_, r) in d.records() {
            for cell in &r.cells {
                let _ = describe(r, cell, &line, Lang::En, &Fixed(0));
            }
        }
    }

    /// The compact table sees every line exactly as the full decoder does.
    #[test]
    fn ok_table_agrees_with_decode_text(text in "(?s)(.{0,60}\n){0,6}.{0,60}", lines in proptest::collection::vec(0usize..3, 0..6)) {
        let seed = "2 123456789012 eni-0a1b2c3d 203.0.113.12 10.0.0.1 123 40658 17 1 76 1621259323 1621259383 ACCEPT OK";
        let mut input = text.clone();
        for l in lines {
            input.push('\n');
            input.push_str(match l { 0 => seed, 1 => "srcaddr dstaddr", _ => "10.0.0.1 10.0.0.2" });
        }
        let options = Options::default();
        let full = decode_plain(&input, &options);
        let table = vpc_flowlog_decoder::flowlog::bulk::index::Table::build(input.clone(), &options);
        prop_assert_eq!(table.counts(), full.counts());
        for (i, line) in full.lines.iter().enumerate() {
            let got = table.line(i);
            prop_assert_eq!(got.as_ref(), Some(line));
        }
    }

    /// Streaming: files cut into chunks anywhere (inside a line, inside a UTF-8
    /// sequence) and indexed as they arrive give the same table as joining the files
    /// and indexing the whole text, and the same invalid-UTF-8 offsets.
    #[test]
    fn ok_streamed_chunks_equal_the_whole(
        files in proptest::collection::vec(proptest::collection::vec(
            prop_oneof![
                Just(b"2 123456789012 eni-0a1b2c3d 203.0.113.12 10.0.0.1 123 40658 17 1 76 1621259323 1621259383 ACCEPT OK".to_vec()),
                Just(b"srcaddr dstaddr".to_vec()),
                Just(b"10.0.0.1 10.0.0.2".to_vec()),
                Just("\u{e9}\u{3042}".as_bytes().to_vec()),
                Just(vec![0xff]),
                Just(b"\r".to_vec()),
                Just(b"\n".to_vec()),
                Just(b" ".to_vec()),
            ], 0..12).prop_map(|parts| parts.concat()), 1..4),
        cut in 1usize..40,
    ) {
        use vpc_flowlog_decoder::flowlog::bulk::open::{join, Problem};
        use vpc_flowlog_decoder::flowlog::bulk::index::{Indexer, Table};
        let options = Options::default();
        // Files that hold a wrapper are read whole by the worker, not streamed.
        prop_assume!(files.iter().all(|f| !vpc_flowlog_decoder::flowlog::decode::shapes::needs_whole(f, &options)));
        let mut ix = Indexer::new(&options, usize::MAX, 0);
        let mut problems = Vec::new();
        for (n, file) in files.iter().enumerate() {
            let _ = ix.begin_file();
            for chunk in file.chunks(cut) {
                prop_assert!(ix.push(chunk).is_ok());
            }
            if let Some(at) = ix.end_file() {
                problems.push((n.to_string(), Problem::InvalidUtf8(at)));
            }
        }
        let streamed = ix.finish();
        let joined = join(files.iter().enumerate().map(|(n, f)| (n.to_string(), f.as_slice())), usize::MAX);
        prop_assert_eq!(problems, joined.problems);
        let whole = Table::build(joined.text, &options);
        prop_assert_eq!(streamed.text(), whole.text());
        prop_assert_eq!(streamed.rows(), whole.rows());
        prop_assert_eq!(streamed.counts(), whole.counts());
        for i in 0..whole.rows().len() {
            prop_assert_eq!(streamed.line(i), whole.line(i));
        }
    }

    /// Decode → re-encode: the lines' spans plus the text between them give back the input.
    #[test]
    fn ok_lines_reassemble_the_input(text in "(?s)[ -~\t\r\n\u{80}-\u{10FFFF}]{0,300}") {
        let d = decode_plain(&text, &Options::default());
        let mut rebuilt = String::new();
        for (i, line) in d.lines.iter().enumerate() {
            rebuilt.push_str(&text[line.span.clone()]);
            let next = d.lines.get(i + 1).map_or(text.len(), |n| n.span.start);
            rebuilt.push_str(&text[line.span.end..next]);
        }
        prop_assert_eq!(rebuilt, text);
    }

    /// The indexer's fast validity check answers exactly as the full value parser does,
    /// for every field and values near and far from valid.
    #[test]
    fn ok_fast_validity_equals_the_parser(
        raw in prop_oneof![
            "[0-9]{1,21}",
            "(25[0-9]|0[0-9]{1,2}|[1-9]?[0-9])(\\.(0|[1-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-9]|0[0-9]{1,2}|[3-9][0-9]{2})){2,4}",
            "[0-9a-f:]{2,20}",
            "(eni|vpc|subnet|i|tgw|tgw-attach)-[0-9a-zA-Z*x]{0,10}",
            "(ACCEPT|REJECT|OK|NODATA|SKIPDATA|accept|-|unknown)",
            "(ACCEPT|REJECT|OK|NODATA|SKIPDATA|ingress|egress)[\\x00A-Z-]{0,2}",
            "(ACC|REJ|O|NODAT|SKIPDAT|ingres|egres)",
            "[ -~]{0,12}",
        ],
    ) {
        for field in FieldName::ALL {
            let spec = field.spec();
            prop_assert_eq!(
                vpc_flowlog_decoder::flowlog::decode::value::is_valid(spec, &raw),
                vpc_flowlog_decoder::flowlog::decode::value::parse_value(spec, &raw).is_ok(),
                "{} {:?}", field.as_str(), raw
            );
        }
    }

    /// The fast field splitter finds exactly the tokens the plain one does.
    #[test]
    fn ok_fast_field_split_equals_the_plain_one(line in "[ \t!\x01\x08\x0a\x1f\x21a-c\u{80}-\u{3000}]{0,40}") {
        use vpc_flowlog_decoder::flowlog::decode::split::{field_tokens, is_field_sep, tokens};
        let mut fast = Vec::new();
        field_tokens(&line, &mut fast);
        prop_assert_eq!(fast, tokens(&line, is_field_sep).collect::<Vec<_>>());
    }

    /// The top talkers are the sources with the most bytes (ties: by text), exactly as
    /// a plain map from address text to bytes would say.
    #[test]
    fn ok_top_talkers_equal_a_plain_count(
        records in proptest::collection::vec((0usize..6, 0u64..4), 0..40),
    ) {
        use std::collections::HashMap;
        use vpc_flowlog_decoder::flowlog::bulk::query::{select, Query};
        use vpc_flowlog_decoder::flowlog::bulk::totals::summarize;
        use vpc_flowlog_decoder::flowlog::bulk::index::Table;
        const SOURCES: [&str; 6] = ["10.0.0.1", "10.0.0.10", "9.0.0.2", "2001:db8::1", "010.0.0.1", "-"];
        let mut text = String::from("srcaddr bytes\n");
        let mut plain: HashMap<&str, u128> = HashMap::new();
        for (src, bytes) in &records {
            text.push_str(&format!("{} {bytes}\n", SOURCES[*src]));
            if SOURCES[*src] != "-" {
                *plain.entry(SOURCES[*src]).or_default() += u128::from(*bytes);
            }
        }
        let table = Table::build(text, &Options::default());
        let got = summarize(&table, &select(&table, &Query::default())).top_talkers;
        let mut want: Vec<(String, u128)> = plain.into_iter().map(|(a, b)| (a.to_owned(), b)).collect();
        want.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        want.truncate(5);
        prop_assert_eq!(got, want);
    }

    /// The summary's bytes over time are exactly a plain two-pass count (48 equal
    /// buckets from the earliest to the latest start, by each record's start): spans of
    /// seconds to centuries (past the per-second sums' three days), out-of-order times,
    /// negative and 64-bit-edge times, sums past 64 bits, values that are no number.
    #[test]
    fn ok_bytes_over_time_equal_a_plain_count(
        records in proptest::collection::vec((0usize..8, 0usize..6), 0..60),
        spread in 0usize..4,
    ) {
        use vpc_flowlog_decoder::flowlog::bulk::index::Table;
        use vpc_flowlog_decoder::flowlog::bulk::query::{select, Query};
        use vpc_flowlog_decoder::flowlog::bulk::totals::summarize;
        let scale = [1i64, 60, 86_400, 86_400 * 400][spread];
        let starts: Vec<String> = (0..8)
            .map(|i| match i {
                6 => "x".to_owned(),
                7 => ["-7", "9223372036854775807", "-9223372036854775808", "1700000000"][spread].to_owned(),
                _ => (1_700_000_000 + (i as i64 * 37 % 11) * scale).to_string(),
            })
            .collect();
        const BYTES: [&str; 6] = ["0", "1", "1500", "18446744073709551615", "18446744073709551616", "-"];
        let mut text = String::from("start bytes\n");
        let mut times: Vec<(i64, u128)> = Vec::new();
        for (t, b) in &records {
            text.push_str(&format!("{} {}\n", starts[*t], BYTES[*b]));
            if let Ok(t) = starts[*t].parse::<i64>() {
                times.push((t, BYTES[*b].parse::<u128>().unwrap_or(0)));
            }
        }
        let mut want: Vec<(i64, u128)> = Vec::new();
        if let (Some(min), Some(max)) = (times.iter().map(|p| p.0).min(), times.iter().map(|p| p.0).max()) {
            let (lo, hi) = (i128::from(min), i128::from(max));
            let width = ((hi - lo) / 48 + 1).max(1);
            let count = (hi - lo) / width + 1;
            want = (0..count).map(|i| (i64::try_from(lo + width * i).unwrap(), 0)).collect();
            for (t, b) in &times {
                let i = usize::try_from((i128::from(*t) - lo) / width).unwrap();
                want[i].1 = want[i].1.saturating_add(*b);
            }
        }
        let table = Table::build(text, &Options::default());
        let got = summarize(&table, &select(&table, &Query::default())).bytes_over_time;
        prop_assert_eq!(got, want);
    }

    /// Filters agree with the decoder: a term keeps exactly the lines whose value the
    /// decoder reads as matching it, and a term whose value the decoder would refuse is
    /// reported, not read loosely (`proto:+6`, `port:08`, `after:+1`).
    #[test]
    fn ok_filters_agree_with_the_decoder(
        rows in proptest::collection::vec((0usize..12, 0usize..12, 0usize..12, 0usize..12), 1..12),
        term in (0usize..5, 0usize..12),
    ) {
        use vpc_flowlog_decoder::flowlog::bulk::index::Table;
        use vpc_flowlog_decoder::flowlog::bulk::query::Query;
        use FieldName as F;
        // Tokens valid for some fields and not others, and near misses of valid ones.
        const TOKENS: [&str; 12] =
            ["6", "+6", "06", "17", "443", "65536", "10.0.0.1", "010.0.0.1", "1621259323", "+1621259323", "-", "x"];
        let mut text = String::from("srcaddr dstaddr srcport dstport protocol start end action\n");
        for (a, b, c, d) in &rows {
            text.push_str(&format!(
                "{} 10.0.0.9 {} {} {} {} {} ACCEPT\n",
                TOKENS[*a], TOKENS[*b], TOKENS[*c], TOKENS[*d], TOKENS[*b], TOKENS[*c],
            ));
        }
        let (kind, v) = term;
        let name = ["proto", "port", "addr", "after", "before"][kind];
        let query = Query::parse(&format!("{name}:{}", TOKENS[v]));
        let table = Table::build(text.clone(), &Options::default());
        let decoded = decode_plain(&text, &Options::default());
        // The term's value as the decoder reads it for its field.
        let field = [F::Protocol, F::Dstport, F::Srcaddr, F::Start, F::End][kind];
        let probe = decode_plain(TOKENS[v], &Options { format: Some(Format::new(vec![field])) });
        let typed = match &probe.lines[0].kind {
            LineKind::Record(r) => r.value(field).filter(|x| {
                matches!(x, Value::Protocol(_) | Value::Port(_) | Value::Addr(_) | Value::Time(_))
            }),
            _ => None,
        };
        let Some(typed) = typed else {
            prop_assert!(!query.bad.is_empty(), "{}:{} read, though the decoder refuses it", name, TOKENS[v]);
            return Ok(());
        };
        prop_assert!(query.bad.is_empty(), "{}:{} refused, though the decoder reads it", name, TOKENS[v]);
        for (i, row) in table.rows().iter().enumerate() {
            let Some(line) = decoded.lines.get(i) else { continue };
            let want = match (&line.kind, typed) {
                (LineKind::Record(r), Value::Protocol(_)) => r.value(F::Protocol) == Some(typed),
                (LineKind::Record(r), Value::Port(_)) => [F::Srcport, F::Dstport].iter().any(|f| r.value(*f) == Some(typed)),
                (LineKind::Record(r), Value::Addr(_)) => [F::Srcaddr, F::Dstaddr].iter().any(|f| r.value(*f) == Some(typed)),
                (LineKind::Record(r), Value::Time(t)) if kind == 3 => matches!(r.value(F::Start), Some(Value::Time(s)) if s >= t),
                (LineKind::Record(r), Value::Time(t)) => matches!(r.value(F::End), Some(Value::Time(e)) if e <= t),
                _ => false,
            };
            prop_assert_eq!(query.matches(&table, row), want, "line {}: {:?} for {}:{}", i + 1, table.line_text(row), name, TOKENS[v]);
        }
    }

    /// Any valid port decodes to exactly that port.
    #[test]
    fn ok_ports(p in any::<u16>()) {
        let text = p.to_string();
        let d = decode_text(&text, &Options { format: Some(Format::new(vec![FieldName::Dstport])) });
        let LineKind::Record(r) = &d.lines[0].kind else { panic!() };
        prop_assert_eq!(r.value(FieldName::Dstport), Some(Value::Port(p)));
    }
}

/// The indexer's quick integer check at every width's edge (a number one digit shorter
/// than the largest needs no arithmetic; one as long is computed): the same answer as the
/// full parser, for every field.
#[test]
fn ok_fast_validity_at_the_edges_of_each_width() {
    use vpc_flowlog_decoder::flowlog::decode::value::{is_valid, parse_value};
    let edges = [
        "0",
        "9",
        "99",
        "254",
        "255",
        "256",
        "0255",
        "999",
        "1000",
        "65535",
        "65536",
        "99999",
        "100000",
        "9223372036854775807",
        "9223372036854775808",
        "999999999999999999",
        "18446744073709551615",
        "18446744073709551616",
        "99999999999999999999",
        "00000000000000000000",
        "123456789012345678901",
        "",
        "+1",
        "1a",
        "12 ",
        "eni-",
        "eni-0",
        "eni-0a1B",
        "eni-0a_b",
        "10.0.0.1",
        "10.0.0.256",
        "OK\0",
        "\0OK",
        "ACCEPTS",
        "SKIPDATA",
        "SKIPDATAS",
        "egres",
        "ingress\0",
        "--",
    ];
    for field in FieldName::ALL {
        for raw in edges {
            assert_eq!(
                is_valid(field.spec(), raw),
                parse_value(field.spec(), raw).is_ok(),
                "{} {raw:?}",
                field.as_str()
            );
        }
    }
}
