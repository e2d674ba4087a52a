//! Every error says kind, line, field and span: "expected …, found `…`". Messages pinned verbatim.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests panic on failure")]

mod util;

use util::{decode, decode_with, line_error};
use vpc_flowlog_decoder::fields::{FieldName, Lang};
use vpc_flowlog_decoder::flowlog::{Format, FormatErrorKind, LineErrorKind, Preset, ValueError};

const SEED: &str =
    "2 123456789012 eni-0a1b2c3d 203.0.113.12 10.0.0.1 123 40658 17 1 76 1621259323 1621259383 ACCEPT OK";

/// The seed line with field `pos` (1-based) replaced by `bad`.
fn with_field(pos: usize, bad: &str) -> String {
    let mut fields: Vec<&str> = SEED.split(' ').collect();
    fields[pos - 1] = bad;
    fields.join(" ")
}

#[test]
fn err_value_messages() {
    let cases: &[(usize, &str, &str)] = &[
        (
            1,
            "two",
            "line 1, field 1 (version): expected an integer 0–255, found `two`",
        ),
        (
            2,
            "12345678901a",
            "line 1, field 2 (account-id): expected a 12-digit account ID or `unknown`, found `12345678901a`",
        ),
        (
            3,
            "ani-0a1b2c3d",
            "line 1, field 3 (interface-id): expected an ID starting with `eni-`, found `ani-0a1b2c3d`",
        ),
        (
            4,
            "203.0.113.300",
            "line 1, field 4 (srcaddr): expected an IPv4 or IPv6 address, found `203.0.113.300`",
        ),
        (
            5,
            "10.0.0",
            "line 1, field 5 (dstaddr): expected an IPv4 or IPv6 address, found `10.0.0`",
        ),
        (
            6,
            "70000",
            "line 1, field 6 (srcport): expected an integer 0–65535, found `70000`",
        ),
        (
            7,
            "-1",
            "line 1, field 7 (dstport): expected an integer 0–65535, found `-1`",
        ),
        (
            8,
            "tcp",
            "line 1, field 8 (protocol): expected an integer 0–255, found `tcp`",
        ),
        (
            9,
            "1.5",
            "line 1, field 9 (packets): expected an integer 0–18446744073709551615, found `1.5`",
        ),
        (
            10,
            "76B",
            "line 1, field 10 (bytes): expected an integer 0–18446744073709551615, found `76B`",
        ),
        (
            11,
            "2021-05-17",
            "line 1, field 11 (start): expected an integer 0–9223372036854775807, found `2021-05-17`",
        ),
        (
            13,
            "ALLOW",
            "line 1, field 13 (action): expected one of ACCEPT, REJECT, -, found `ALLOW`",
        ),
        (
            14,
            "ok",
            "line 1, field 14 (log-status): expected one of OK, NODATA, SKIPDATA, -, found `ok`",
        ),
    ];
    for (pos, bad, want) in cases {
        let line = with_field(*pos, bad);
        let d = decode(&line);
        let errors = d.errors(&line);
        assert_eq!(errors.len(), 1, "{line}");
        let e = &errors[0];
        assert_eq!(e.to_string(), *want);
        // The span points at the bad token, and the other 13 fields still decode.
        assert_eq!(&line[e.span.clone()], *bad);
        assert_eq!(e.field.map(|f| f.0), Some(*pos));
        let r = util::record(&d);
        assert_eq!(r.cells.iter().filter(|c| c.value.is_ok()).count(), 13);
    }
}

#[test]
fn err_value_messages_of_other_kinds() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "type",
            "ipv4",
            "line 1, field 1 (type): expected one of IPv4, IPv6, EFA, -, found `ipv4`",
        ),
        (
            "flow-direction",
            "in",
            "line 1, field 1 (flow-direction): expected one of ingress, egress, -, found `in`",
        ),
        (
            "sublocation-type",
            "zone",
            "line 1, field 1 (sublocation-type): expected one of wavelength, outpost, localzone, -, found `zone`",
        ),
        (
            "region",
            "Tokyo",
            "line 1, field 1 (region): expected a Region code such as `us-east-1`, found `Tokyo`",
        ),
        (
            "ecs-task-arn",
            "task/1",
            "line 1, field 1 (ecs-task-arn): expected an ARN (`arn:…`), found `task/1`",
        ),
        (
            "instance-tag",
            "web%ZZ%C3",
            "line 1, field 1 (instance-tag): expected percent-encoded UTF-8, found `web%ZZ%C3`",
        ),
        (
            "traffic-path",
            "igw",
            "line 1, field 1 (traffic-path): expected an integer 0–255, found `igw`",
        ),
        (
            "tcp-flags",
            "256",
            "line 1, field 1 (tcp-flags): expected an integer 0–255, found `256`",
        ),
        (
            "resource-type",
            "Vpc",
            "line 1, field 1 (resource-type): expected one of TransitGateway, TransitGatewayAttachment, found `Vpc`",
        ),
    ];
    for (field, bad, want) in cases {
        let d = decode_with(field, bad);
        let errors = d.errors(bad);
        assert_eq!(errors.len(), 1, "{field} {bad}");
        assert_eq!(errors[0].to_string(), *want);
    }
}

#[test]
fn ok_open_sets_accept_undocumented_values() {
    for (field, raw) in [
        ("pkt-src-aws-service", "NEW_SERVICE"),
        ("reject-reason", "XYZ"),
        ("interface-type", "efa"),
        ("traffic-path", "9"),
        ("encryption-status", "4"),
    ] {
        let d = decode_with(field, raw);
        assert!(d.errors(raw).is_empty(), "{field} {raw}");
    }
}

#[test]
fn err_field_count_suggests_a_format() {
    let v5 = Preset::AllUpTo(5).format();
    let line29 = vec!["-"; 29].join(" ");
    let d = decode(&line29);
    let e = line_error(&d, 1);
    assert_eq!(
        e.to_string(),
        "line 1: expected 14 fields (default format), found 29; a 29-field line fits “all fields of versions 2–5”"
    );
    assert_eq!(
        e.kind,
        LineErrorKind::FieldCount {
            expected: 14,
            found: 29,
            format: Some(Preset::Default),
            suggestion: Some(Preset::AllUpTo(5)),
        }
    );
    assert_eq!(e.span, 0..line29.len());
    assert_eq!(v5.len(), 29);
    assert_eq!(
        e.message(Lang::Ja),
        "1 行目：14 項目が必要です（デフォルト形式）が、29 項目あります。29 項目の行は「バージョン 2〜5 の全項目」に合います"
    );

    let text = "\n2 123456789012 eni-0a1b2c3d";
    let d = decode(text);
    let e = line_error(&d, 2);
    assert_eq!(
        e.to_string(),
        "line 2: expected 14 fields (default format), found 3; enter the flow log's format in the format box"
    );
    assert_eq!(&text[e.span.clone()], "2 123456789012 eni-0a1b2c3d");

    // 36 fields: the transit gateway default format.
    let line36 = vec!["-"; 36].join(" ");
    let e = line_error(&decode(&line36), 1);
    assert!(matches!(
        e.kind,
        LineErrorKind::FieldCount {
            suggestion: Some(Preset::TgwDefault),
            ..
        }
    ));
}

#[test]
fn err_format_messages() {
    let cases: &[(&str, FormatErrorKind, &str)] = &[
        (
            "",
            FormatErrorKind::Empty,
            "expected at least one field name, found none",
        ),
        (
            "${version} ${srcadr}",
            FormatErrorKind::UnknownField {
                suggestion: Some(FieldName::Srcaddr),
            },
            "field 2: expected a flow log field name, found `${srcadr}`; did you mean `srcaddr`?",
        ),
        (
            "version Bogus!",
            FormatErrorKind::UnknownField { suggestion: None },
            "field 2: expected a flow log field name, found `Bogus!`",
        ),
        (
            "srcaddr dstaddr srcaddr",
            FormatErrorKind::Duplicate(FieldName::Srcaddr),
            "field 3: expected each field once, found `srcaddr` again",
        ),
        (
            "version tcp_flag",
            FormatErrorKind::UnknownField {
                suggestion: Some(FieldName::TcpFlags),
            },
            "field 2: expected a flow log field name, found `tcp_flag`; did you mean `tcp-flags`?",
        ),
    ];
    for (text, kind, want) in cases {
        let e = Format::parse(text).unwrap_err();
        assert_eq!(&e.kind, kind, "{text}");
        assert_eq!(e.to_string(), *want);
        if !text.is_empty() {
            assert_eq!(&text[e.span.clone()], e.found);
        }
    }
    // A name that is no near miss of a field may be one AWS added later: kept.
    let f = Format::parse("version nat-gateway-id srcaddr").unwrap();
    assert_eq!(f.fields(), [FieldName::Version, FieldName::Unknown, FieldName::Srcaddr]);
    assert_eq!(f.unknown_names(), ["nat-gateway-id"]);
    assert_eq!(f.to_header(), "version nat-gateway-id srcaddr");
    assert_eq!(
        Format::parse("version new-a new-a").unwrap_err().kind,
        FormatErrorKind::Duplicate(FieldName::Unknown)
    );
    // A huge token is no field name, costs no search for a near miss, and is not
    // quoted whole.
    let huge = format!("version {}", "a".repeat(1 << 20));
    let e = Format::parse(&huge).unwrap_err();
    assert_eq!(e.kind, FormatErrorKind::UnknownField { suggestion: None });
    assert_eq!(
        e.to_string(),
        format!(
            "field 2: expected a flow log field name, found `{}…` (1048576 bytes)",
            "a".repeat(80)
        )
    );
    assert_eq!(
        Format::parse(&huge).unwrap_err().kind,
        FormatErrorKind::UnknownField { suggestion: None }
    );
    assert_eq!(
        Format::parse("version srcadr").unwrap_err().message(Lang::Ja),
        "2 番目の項目：フローログの項目名が必要ですが、`srcadr` です。`srcaddr` のことですか？"
    );
}

#[test]
fn err_header_line_with_a_typo() {
    let text = "version srcaddr dstaddr bytez\n2 10.0.0.1 10.0.0.2 5";
    let d = decode(text);
    let e = line_error(&d, 1);
    assert_eq!(
        e.to_string(),
        "line 1: header line, field 4: expected a flow log field name, found `bytez`; did you mean `bytes`?"
    );
    assert_eq!(&text[e.span.clone()], "bytez");
    // The header was not applied, so line 2 is read with the default format.
    assert!(matches!(
        line_error(&d, 2).kind,
        LineErrorKind::FieldCount {
            expected: 14,
            found: 4,
            ..
        }
    ));
}

#[test]
fn err_value_error_expected_text_in_japanese() {
    assert_eq!(
        ValueError::Integer { min: 0, max: 255 }.expected(Lang::Ja),
        "0〜255 の整数"
    );
    let line = with_field(8, "tcp");
    let d = decode(&line);
    assert_eq!(
        d.errors(&line)[0].message(Lang::Ja),
        "1 行目、8 番目の項目（protocol）：0〜255 の整数が必要ですが、`tcp` です"
    );
}
