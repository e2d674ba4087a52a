//! The knowledge table is complete, bilingual, and agrees with shared/spec/fields.json
//! (a copy lives in tests/data/fields.json). Every documented code decodes to its meaning.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests panic on failure")]

mod util;

use std::collections::BTreeSet;

use serde_json::Value as Json;
use vpc_flowlog_decoder::fields::{FieldName, Kind, Lang, Scope, FIELDS};
use vpc_flowlog_decoder::flowlog::decode::clock::Fixed;
use vpc_flowlog_decoder::flowlog::explain::describe::describe;
use vpc_flowlog_decoder::flowlog::{Format, Preset, Value};

fn spec_json() -> Vec<Json> {
    let text = include_str!("data/fields.json");
    serde_json::from_str::<Vec<Json>>(text).unwrap()
}

/// Keys of fields.json's `values` that are placeholders, not literal codes.
fn is_placeholder(code: &str) -> bool {
    code == "-" || code.contains('<') || code.ends_with("...")
}

fn has_japanese(s: &str) -> bool {
    s.chars()
        .any(|c| ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn ok_table_order_matches_enum() {
    assert_eq!(FIELDS.len(), FieldName::ALL.len());
    for (i, (spec, name)) in FIELDS.iter().zip(FieldName::ALL).enumerate() {
        assert_eq!(spec.name, *name, "row {i}");
        assert_eq!(name.spec().name, *name);
    }
}

#[test]
fn ok_every_field_of_the_spec_is_in_the_table_with_its_version_and_scope() {
    let json = spec_json();
    assert_eq!(json.len(), 72);
    for entry in &json {
        let name = entry["name"].as_str().unwrap();
        let field = FieldName::ALL
            .iter()
            .find(|f| f.as_str() == name)
            .unwrap_or_else(|| panic!("{name} missing from FieldName"));
        let spec = field.spec();
        assert_eq!(
            u64::from(spec.version),
            entry["version"].as_u64().unwrap(),
            "{name} version"
        );
        let scope = match spec.scope {
            Scope::Vpc => "vpc",
            Scope::Tgw => "tgw",
            Scope::Both => "both",
        };
        assert_eq!(scope, entry["scope"].as_str().unwrap(), "{name} scope");
    }
}

#[test]
fn ok_every_documented_code_is_explained() {
    for entry in spec_json() {
        let name = entry["name"].as_str().unwrap();
        let spec = FieldName::ALL.iter().find(|f| f.as_str() == name).unwrap().spec();
        let json_codes: BTreeSet<&str> = entry["values"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .filter(|c| !is_placeholder(c))
            .collect();
        let ours: BTreeSet<&str> = spec.codes.iter().map(|c| c.code).collect();
        let missing: Vec<_> = json_codes.difference(&ours).collect();
        assert!(missing.is_empty(), "{name}: codes without an explanation: {missing:?}");
        // next-hop-interface-type presumably shares interface-type's vocabulary (spec §1).
        if name != "next-hop-interface-type" {
            let extra: Vec<_> = ours.difference(&json_codes).collect();
            assert!(extra.is_empty(), "{name}: codes not in the spec: {extra:?}");
        }
    }
}

#[test]
fn ok_everything_is_written_in_both_languages() {
    for spec in FIELDS {
        let name = spec.name;
        // Titles may be product names that Japanese writes the same way ("VPC").
        assert!(!spec.title.en.is_empty() && !spec.title.ja.is_empty(), "{name} title");
        for (what, text) in [("detail", spec.detail), ("absent", spec.absent)] {
            assert!(!text.en.is_empty(), "{name} {what} en");
            assert!(has_japanese(text.ja), "{name} {what} ja: {}", text.ja);
        }
        for code in spec.codes {
            assert!(!code.meaning.en.is_empty(), "{name} {} en", code.code);
            assert!(!code.meaning.ja.is_empty(), "{name} {} ja", code.code);
        }
    }
}

/// A value of the right shape for each kind, so a one-field record decodes.
fn sample(kind: Kind) -> &'static str {
    match kind {
        Kind::Version => "2",
        Kind::Account => "123456789012",
        Kind::ResourceId("eni-") => "eni-0a1b2c3d",
        Kind::ResourceId("vpc-") => "vpc-0a1b2c3d",
        Kind::ResourceId("subnet-") => "subnet-0a1b2c3d",
        Kind::ResourceId("i-") => "i-0a1b2c3d",
        Kind::ResourceId("tgw-") => "tgw-0a1b2c3d",
        Kind::ResourceId("tgw-attach-") => "tgw-attach-0a1b2c3d",
        Kind::ResourceId(other) => panic!("no sample for prefix {other}"),
        Kind::Addr => "10.0.0.1",
        Kind::Port => "443",
        Kind::Protocol => "6",
        Kind::Packets | Kind::Bytes => "10",
        Kind::Time => "1621259323",
        Kind::Action => "ACCEPT",
        Kind::LogStatus => "OK",
        Kind::TcpFlags => "2",
        Kind::TrafficType => "IPv4",
        Kind::Region => "ap-northeast-1",
        Kind::AzId => "apne1-az1",
        Kind::SublocationType => "outpost",
        Kind::AwsService => "S3",
        Kind::FlowDirection => "egress",
        Kind::TrafficPath => "1",
        Kind::Arn => "arn:aws:ecs:us-east-1:123456789012:cluster/x",
        Kind::Name => "name",
        Kind::RejectReason => "BPA",
        Kind::EncryptionStatus => "0",
        Kind::Tag => "web%20server",
        Kind::InterfaceType => "nat_gateway",
        Kind::ResourceType => "TransitGateway",
    }
}

#[test]
fn ok_every_field_decodes_a_value_dash_and_each_code() {
    for spec in FIELDS {
        let field = spec.name;
        let format = Format::new(vec![field]).to_header();
        // A typical value.
        let d = util::decode_with(&format, sample(spec.kind));
        let r = util::record(&d);
        assert!(!r.has_errors(), "{field}: {:?}", r.cells);
        // `-` is a value, explained by the table's `absent` text.
        let d = util::decode_with(&format, "-");
        let r = util::record(&d);
        assert_eq!(util::value(&r, field), Value::Absent, "{field}");
        for lang in Lang::ALL {
            let text = describe(&r, &r.cells[0], "-", lang, &Fixed(0));
            assert_eq!(text.meaning, spec.absent.get(lang), "{field} -");
        }
        // Each documented code decodes and is explained by exactly its table entry.
        for code in spec.codes {
            let d = util::decode_with(&format, code.code);
            let r = util::record(&d);
            assert!(!r.has_errors(), "{field} {}: {:?}", code.code, r.cells);
            for lang in Lang::ALL {
                let text = describe(&r, &r.cells[0], code.code, lang, &Fixed(0));
                assert!(
                    text.meaning.contains(code.meaning.get(lang)),
                    "{field} {} ({lang:?}): {:?} does not contain {:?}",
                    code.code,
                    text.meaning,
                    code.meaning.get(lang)
                );
            }
        }
    }
}

#[test]
fn ok_presets_have_the_documented_field_counts() {
    let counts: Vec<(Preset, usize)> = Preset::ALL.iter().map(|p| (*p, p.format().len())).collect();
    assert_eq!(
        counts,
        vec![
            (Preset::Default, 14),
            (Preset::AllUpTo(3), 21),
            (Preset::AllUpTo(4), 25),
            (Preset::AllUpTo(5), 29),
            (Preset::AllUpTo(7), 39),
            (Preset::AllUpTo(8), 40),
            (Preset::AllUpTo(9), 41),
            (Preset::AllUpTo(10), 42),
            (Preset::AllUpTo(11), 54),
            (Preset::TgwDefault, 36),
        ]
    );
    assert_eq!(
        Preset::Default.format().to_header(),
        "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status"
    );
    // The TGW default format follows fields.json's tgw_default_position.
    let json = spec_json();
    let mut tgw: Vec<(u64, &str)> = json
        .iter()
        .filter_map(|e| Some((e["tgw_default_position"].as_u64()?, e["name"].as_str()?)))
        .collect();
    tgw.sort_unstable();
    let names: Vec<&str> = tgw.into_iter().map(|(_, n)| n).collect();
    assert_eq!(Preset::TgwDefault.format().to_header(), names.join(" "));
    assert_eq!(Preset::TgwDefault.format().version(), 6);
    assert_eq!(Preset::AllUpTo(5).format().version(), 5);
}

#[test]
fn ok_field_names_are_read_loosely_and_unambiguously() {
    let cases = [
        ("srcaddr", Some(FieldName::Srcaddr)),
        ("${srcaddr}", Some(FieldName::Srcaddr)),
        ("$${srcaddr}", Some(FieldName::Srcaddr)),
        ("src_addr", Some(FieldName::Srcaddr)),
        ("srcAddr", Some(FieldName::Srcaddr)),
        ("LOG_STATUS", Some(FieldName::LogStatus)),
        ("pkt_src_aws_service", Some(FieldName::PktSrcAwsService)),
        ("instance_tag_2", Some(FieldName::InstanceTag2)),
        ("${srcaddr", None),
        ("srcaddr}", None),
        ("source", None),
        ("", None),
    ];
    for (token, want) in cases {
        assert_eq!(FieldName::parse_loose(token), want, "{token}");
    }
    // No two field names collide once hyphens, underscores and case are ignored.
    for a in FieldName::ALL {
        assert_eq!(FieldName::parse_loose(a.as_str()), Some(*a));
        assert_eq!(
            FieldName::parse_loose(&a.as_str().replace('-', "_").to_uppercase()),
            Some(*a)
        );
    }
}

#[test]
fn ok_neighbours_never_share_a_hue() {
    use vpc_flowlog_decoder::fields::colours;
    for preset in Preset::ALL {
        let f = preset.format();
        for pair in f.fields().windows(2) {
            if let [a, b] = pair {
                assert_ne!(colours::slot(*a), colours::slot(*b), "{a:?} {b:?} in {}", f.to_header());
            }
        }
    }
    assert_eq!(colours::class(FieldName::Version), "hue-0");
    assert_eq!(colours::of(FieldName::AccountId).name, "orange");
}
