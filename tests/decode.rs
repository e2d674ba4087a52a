//! Input shapes: CRLF, tabs, runs of spaces, blank lines, CloudWatch console copies,
//! masked values, header lines, custom formats. Every input line is accounted for.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests panic on failure")]

mod util;

use util::{decode, decode_with, record, shapes, value};
use vpc_flowlog_decoder::fields::{FieldName as F, Lang};
use vpc_flowlog_decoder::flowlog::decode::clock::Fixed;
use vpc_flowlog_decoder::flowlog::explain::describe::describe;
use vpc_flowlog_decoder::flowlog::explain::sentence::sentence;
use vpc_flowlog_decoder::flowlog::{Format, LineKind, Value};

const SEED: &str =
    "2 123456789012 eni-0a1b2c3d 203.0.113.12 10.0.0.1 123 40658 17 1 76 1621259323 1621259383 ACCEPT OK";
const CLOUDWATCH: &str = "2021-05-17T22:48:43.000+09:00    2 XXXXXXXXX eni-aaaaaaa xx.xx.xx.xx 10.0.0.1 123 40658 17 1 76 xxxxxxxxxx xxxxxxxxxx ACCEPT OK";

#[test]
fn ok_seed_line_has_14_labeled_columns() {
    let d = decode(SEED);
    let r = record(&d);
    let names: Vec<&str> = r.cells.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(
        names,
        [
            "version",
            "account-id",
            "interface-id",
            "srcaddr",
            "dstaddr",
            "srcport",
            "dstport",
            "protocol",
            "packets",
            "bytes",
            "start",
            "end",
            "action",
            "log-status"
        ]
    );
    let raws: Vec<&str> = r.cells.iter().map(|c| c.raw(SEED)).collect();
    assert_eq!(raws, SEED.split(' ').collect::<Vec<_>>());
    let decoded: Vec<String> = r
        .cells
        .iter()
        .map(|c| describe(&r, c, SEED, Lang::En, &Fixed(540)).decoded)
        .collect();
    assert_eq!(
        decoded,
        [
            "v2",
            "1234-5678-9012",
            "eni-0a1b2c3d",
            "IPv4 · example range",
            "IPv4 · private",
            "123 NTP",
            "40658",
            "UDP",
            "1 packet",
            "76 bytes",
            "2021-05-17 13:48:43 UTC",
            "2021-05-17 13:49:43 UTC",
            "accepted",
            "OK"
        ]
    );
    let start = describe(&r, r.cell(F::Start).unwrap(), SEED, Lang::En, &Fixed(540));
    assert_eq!(
        start.meaning,
        "local: 2021-05-17 22:48:43 (UTC+09:00). duration: 1 min 0 s"
    );
    assert_eq!(
        sentence(&r, SEED, Lang::Ja),
        "2021-05-17 13:48:43 UTC からの 1 分 0 秒間に、203.0.113.12（例示用） のポート 123（NTP） から \
         10.0.0.1（プライベート） のポート 40658 へ UDP パケット 1 個（76 バイト）が送られました\
         （eni-0a1b2c3d で記録）。通信は許可されました。"
    );
}

#[test]
fn ok_cloudwatch_console_copy_with_masked_values() {
    let d = decode(CLOUDWATCH);
    let r = record(&d);
    let t = r.event_time.clone().unwrap();
    assert_eq!(&CLOUDWATCH[t.span.clone()], "2021-05-17T22:48:43.000+09:00");
    assert_eq!((t.unix, t.offset_minutes), (1_621_259_323, 540));
    assert_eq!(r.cells.len(), 14);
    for f in [F::AccountId, F::Srcaddr, F::Start, F::End] {
        assert_eq!(value(&r, f), Value::Masked, "{f}");
    }
    assert_eq!(value(&r, F::Protocol), Value::Protocol(17));
    assert_eq!(value(&r, F::Dstaddr), Value::Addr("10.0.0.1".parse().unwrap()));
    let start = describe(&r, r.cell(F::Start).unwrap(), CLOUDWATCH, Lang::En, &Fixed(0));
    assert_eq!(start.decoded, "masked");
    assert!(
        start
            .meaning
            .ends_with("start was 2021-05-17 13:48:43 UTC (1621259323)."),
        "{}",
        start.meaning
    );
    assert!(sentence(&r, CLOUDWATCH, Lang::En).starts_with("xx.xx.xx.xx (masked) port 123 (NTP) sent 1 UDP packet"));
}

#[test]
fn ok_whitespace_variants() {
    let text = format!(
        "{SEED}\r\n\t{}\t\n\n   \n{}  \r\n",
        SEED.replace(' ', "\t"),
        SEED.replace(' ', "   ")
    );
    let d = decode(&text);
    assert_eq!(shapes(&d), vec!["record", "record", "blank", "blank", "record"]);
    let first = d.records().next().unwrap().1;
    let last = d.records().last().unwrap().1;
    assert_eq!(first.cells.len(), 14);
    assert_eq!(last.cell(F::LogStatus).unwrap().raw(&text), "OK");
    // Line spans exclude \r\n, so the raw line round-trips.
    assert_eq!(&text[d.lines[0].span.clone()], SEED);
}

#[test]
fn ok_lossless_every_line_accounted_for_and_reassembles() {
    let text = format!("version srcaddr\n\n{SEED}\n# note\n2 10.0.0.1\r\nbad line here\n...\n2 nope");
    let d = decode(&text);
    assert_eq!(d.lines.len(), text.split('\n').count());
    assert_eq!(
        shapes(&d),
        vec![
            "header",
            "blank",
            "error",
            "comment",
            "record",
            "error",
            "comment",
            "record-with-error"
        ]
    );
    // Rebuild the input from the spans plus the terminators between them.
    let mut rebuilt = String::new();
    for (i, line) in d.lines.iter().enumerate() {
        rebuilt.push_str(&text[line.span.clone()]);
        let next = d.lines.get(i + 1).map_or(text.len(), |n| n.span.start);
        rebuilt.push_str(&text[line.span.end..next]);
    }
    assert_eq!(rebuilt, text);
    let counts = d.counts();
    assert_eq!(
        (counts.records, counts.with_errors, counts.headers, counts.other),
        (2, 3, 1, 3)
    );
}

#[test]
fn ok_header_line_switches_format_in_auto_mode_only() {
    let text = "srcaddr dstaddr action\n10.0.0.1 10.0.0.2 REJECT";
    let d = decode(text);
    assert_eq!(shapes(&d), vec!["header", "record"]);
    assert_eq!(record(&d).action().map(|a| format!("{a:?}")), Some("Reject".into()));
    // With a typed format, the header is recognised but the typed format wins.
    let d = decode_with("srcaddr dstaddr", text);
    assert_eq!(shapes(&d), vec!["header", "error"]);
}

#[test]
fn ok_custom_format_spellings() {
    let want = Format::parse("version srcaddr dstaddr log-status").unwrap();
    for text in [
        "${version} ${srcaddr} ${dstaddr} ${log-status}",
        "$${version} $${srcaddr} $${dstaddr} $${log-status}",
        "version,srcaddr,dstaddr,log_status",
        "  version\tsrcaddr  dstaddr\nlog-status ",
        "Version SrcAddr DstAddr LogStatus",
    ] {
        assert_eq!(Format::parse(text).unwrap(), want, "{text}");
    }
    assert_eq!(want.to_log_format(), "${version} ${srcaddr} ${dstaddr} ${log-status}");
    assert_eq!(want.version(), 2);
}

#[test]
fn ok_tags_are_percent_decoded() {
    let text = "web%20server%20%E6%9D%B1%E4%BA%AC";
    let d = decode_with("instance-tag", text);
    let r = record(&d);
    let t = describe(&r, &r.cells[0], text, Lang::En, &Fixed(0));
    assert_eq!(t.decoded, "web server 東京");
    assert_eq!(t.meaning, "Percent-decoded: web server 東京");
}

#[test]
fn ok_unknown_protocol_and_account() {
    let text = "253 unknown";
    let d = decode_with("protocol account-id", text);
    let r = record(&d);
    assert_eq!(value(&r, F::Protocol), Value::Protocol(253));
    assert_eq!(value(&r, F::AccountId), Value::Unknown);
    let p = describe(&r, &r.cells[0], text, Lang::En, &Fixed(0));
    assert_eq!(
        (p.decoded.as_str(), p.meaning.as_str()),
        ("253", "Use for experimentation and testing (IANA protocol 253)")
    );
    let a = describe(&r, &r.cells[1], text, Lang::En, &Fixed(0));
    assert_eq!(a.decoded, "unknown");
    assert!(a.meaning.starts_with("may show for interfaces created by AWS services"));
    let text = "200";
    let d = decode_with("protocol", text);
    let r = record(&d);
    let p = describe(&r, &r.cells[0], text, Lang::En, &Fixed(0));
    assert_eq!(p.meaning, "unassigned protocol number (200)");
}

#[test]
fn ok_tcp_flags_notes() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "6 18",
            "SYN-ACK",
            "SYN-ACK: this side accepted a connection (it is the server)",
            "",
        ),
        (
            "6 0",
            "—",
            "no reported flag: only data or acknowledgement segments (ACK, PSH), or not TCP",
            "",
        ),
        (
            "6 16",
            "ACK",
            "ACK",
            "PSH (8), ACK (16) and URG (32) appear only in older VPC",
        ),
        ("6 6", "SYN RST", "SYN + RST", ""),
        (
            "17 2",
            "SYN",
            "SYN: this side opened a connection (it is the client)",
            "TCP flags only mean something for TCP",
        ),
    ];
    for (line, decoded, meaning_start, note) in cases {
        let d = decode_with("protocol tcp-flags", line);
        let r = record(&d);
        let t = describe(&r, &r.cells[1], line, Lang::En, &Fixed(0));
        assert_eq!(t.decoded, *decoded, "{line}");
        assert!(t.meaning.starts_with(meaning_start), "{line}: {}", t.meaning);
        assert!(t.meaning.contains(note), "{line}: {}", t.meaning);
    }
}

#[test]
fn ok_traffic_path_on_ingress_is_flagged() {
    let line = "ingress 2";
    let d = decode_with("flow-direction traffic-path", line);
    let r = record(&d);
    let t = describe(&r, &r.cells[1], line, Lang::En, &Fixed(0));
    assert!(
        t.meaning
            .ends_with("unusual: AWS only computes the path for egress records"),
        "{}",
        t.meaning
    );
}

#[test]
fn ok_aws_special_addresses() {
    for (ip, kind) in [
        ("169.254.169.254", "IMDS"),
        ("169.254.169.253", "Amazon DNS"),
        ("fd00:ec2::123", "Time Sync"),
    ] {
        let d = decode_with("dstaddr", ip);
        let r = record(&d);
        let t = describe(&r, &r.cells[0], ip, Lang::En, &Fixed(0));
        assert!(t.decoded.ends_with(kind), "{ip}: {}", t.decoded);
        // AWS lists only the IPv4 addresses as never logged.
        let never = if ip.contains(':') {
            "whether this one is logged is not documented"
        } else {
            "flow logs normally never record it"
        };
        assert!(t.meaning.contains(never), "{ip}: {}", t.meaning);
    }
}

#[test]
fn ok_only_header_and_blank_lines_yield_no_records() {
    let d = decode("\n\nversion srcaddr\n");
    assert_eq!(shapes(&d), vec!["blank", "blank", "header"]);
    assert_eq!(d.records().count(), 0);
    assert!(matches!(d.lines[2].kind, LineKind::Header(_)));
}
