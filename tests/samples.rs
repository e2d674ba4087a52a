//! AWS's example records (shared/spec/flow-log-format.md §3) decode to what the spec says.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests panic on failure")]

mod util;

use std::net::IpAddr;

use util::{decode, decode_with, record, shapes, value};
use vpc_flowlog_decoder::fields::{FieldName as F, Lang};
use vpc_flowlog_decoder::flowlog::decode::clock::Fixed;
use vpc_flowlog_decoder::flowlog::explain::describe::describe;
use vpc_flowlog_decoder::flowlog::explain::sentence::sentence;
use vpc_flowlog_decoder::flowlog::{Action, FlowDirection, LineKind, LogStatus, TcpFlags, Value};

fn ip(s: &str) -> Value {
    Value::Addr(s.parse::<IpAddr>().unwrap())
}

fn decoded_text(text: &str, field: F) -> String {
    let d = decode(text);
    let r = record(&d);
    describe(&r, r.cell(field).unwrap(), text, Lang::En, &Fixed(0)).decoded
}

const E1: &str = "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK";
const E2: &str =
    "2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 1418530010 1418530070 REJECT OK";
const E3: &str = "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA";
const E4: &str = "2 123456789010 eni-11111111aaaaaaaaa - - - - - - - 1431280876 1431280934 - SKIPDATA";
const E5: &str =
    "2 123456789010 eni-1235b8ca123456789 203.0.113.12 172.31.16.139 0 0 1 4 336 1432917027 1432917142 ACCEPT OK";
const E6: &str =
    "2 123456789010 eni-1235b8ca123456789 172.31.16.139 203.0.113.12 0 0 1 4 336 1432917094 1432917142 REJECT OK";
const E7: &str = "2 123456789010 eni-1235b8ca123456789 2001:db8:1234:a100:8d6e:3477:df66:f105 2001:db8:1234:a102:3304:8879:34cf:4071 34892 22 6 54 8855 1477913708 1477913820 ACCEPT OK";

#[test]
fn ok_e1_ssh_accepted() {
    let d = decode(E1);
    let r = record(&d);
    assert_eq!(r.cells.len(), 14);
    assert_eq!(value(&r, F::Version), Value::Number(2));
    assert_eq!(value(&r, F::AccountId), Value::Account);
    assert_eq!(value(&r, F::Srcaddr), ip("172.31.16.139"));
    assert_eq!(value(&r, F::Dstaddr), ip("172.31.16.21"));
    assert_eq!(value(&r, F::Srcport), Value::Port(20641));
    assert_eq!(value(&r, F::Dstport), Value::Port(22));
    assert_eq!(value(&r, F::Protocol), Value::Protocol(6));
    assert_eq!(value(&r, F::Packets), Value::Count(20));
    assert_eq!(value(&r, F::Bytes), Value::Count(4249));
    assert_eq!(value(&r, F::Start), Value::Time(1_418_530_010));
    assert_eq!(value(&r, F::End), Value::Time(1_418_530_070));
    assert_eq!(r.action(), Some(Action::Accept));
    assert_eq!(r.log_status(), Some(LogStatus::Ok));
    assert_eq!(decoded_text(E1, F::Dstport), "22 SSH");
    assert_eq!(decoded_text(E1, F::Protocol), "TCP");
    assert_eq!(decoded_text(E1, F::Start), "2014-12-14 04:06:50 UTC");
    assert_eq!(
        sentence(&r, E1, Lang::En),
        "172.31.16.139 (private) port 20641 sent 20 TCP packets (4,249 bytes, 4.1 KiB) to 172.31.16.21 (private) \
         port 22 (SSH) in 1 min 0 s from 2014-12-14 04:06:50 UTC, seen on eni-1235b8ca123456789; it was accepted."
    );
}

#[test]
fn ok_e2_rdp_rejected() {
    let d = decode(E2);
    let r = record(&d);
    assert_eq!(r.action(), Some(Action::Reject));
    assert_eq!(decoded_text(E2, F::Dstport), "3389 RDP");
    // Never "points to": a reply-direction REJECT usually means a network ACL, and late
    // packets of a closed connection are REJECT too (spec: security groups vs network ACLs).
    assert!(sentence(&r, E2, Lang::En).ends_with(
        "; it was rejected (by a security group or network ACL — on the reply direction usually a network ACL — or it arrived after the connection had closed)."
    ));
    assert!(sentence(&r, E2, Lang::Ja).ends_with(
        "通信は拒否されました（セキュリティグループかネットワーク ACL による。応答方向なら通常はネットワーク ACL。接続が閉じた後に届いたパケットの場合もあります）。"
    ));
}

#[test]
fn ok_e3_e4_nodata_skipdata() {
    for (line, status) in [(E3, LogStatus::NoData), (E4, LogStatus::SkipData)] {
        let d = decode(line);
        let r = record(&d);
        assert_eq!(r.log_status(), Some(status));
        for f in [
            F::Srcaddr,
            F::Dstaddr,
            F::Srcport,
            F::Dstport,
            F::Protocol,
            F::Packets,
            F::Bytes,
            F::Action,
        ] {
            assert_eq!(value(&r, f), Value::Absent, "{f}");
        }
        assert_eq!(value(&r, F::Start), Value::Time(1_431_280_876));
        assert_eq!(value(&r, F::End), Value::Time(1_431_280_934));
    }
    let d = decode(E3);
    assert_eq!(
        sentence(&record(&d), E3, Lang::En),
        "No traffic on eni-1235b8ca123456789 in 58 s from 2015-05-10 18:01:16 UTC (NODATA)."
    );
    let d = decode(E4);
    assert!(sentence(&record(&d), E4, Lang::En).contains("traffic is unknown, not absent"));
}

#[test]
fn ok_e5_e6_icmp_nacl() {
    let d = decode(E5);
    let r = record(&d);
    assert_eq!(value(&r, F::Protocol), Value::Protocol(1));
    assert_eq!(value(&r, F::Srcport), Value::Port(0));
    assert_eq!(decoded_text(E5, F::Protocol), "ICMP");
    assert_eq!(decoded_text(E5, F::Srcaddr), "IPv4 · example range");
    let d = decode(E6);
    assert_eq!(record(&d).action(), Some(Action::Reject));
}

#[test]
fn ok_e7_ipv6() {
    let d = decode(E7);
    let r = record(&d);
    assert_eq!(value(&r, F::Srcaddr), ip("2001:db8:1234:a100:8d6e:3477:df66:f105"));
    assert_eq!(decoded_text(E7, F::Dstaddr), "IPv6 · example range");
}

const E8_FORMAT: &str = "version vpc-id subnet-id instance-id interface-id account-id type srcaddr dstaddr srcport dstport pkt-srcaddr pkt-dstaddr protocol bytes packets start end action tcp-flags log-status";
const E8_E10: &str = "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 52.213.180.42 10.0.0.62 43416 5001 52.213.180.42 10.0.0.62 6 568 8 1566848875 1566848933 ACCEPT 2 OK
3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 10.0.0.62 52.213.180.42 5001 43416 10.0.0.62 52.213.180.42 6 376 7 1566848875 1566848933 ACCEPT 18 OK
3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 52.213.180.42 10.0.0.62 43418 5001 52.213.180.42 10.0.0.62 6 100701 70 1566848875 1566848933 ACCEPT 2 OK
3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 10.0.0.62 52.213.180.42 5001 43418 10.0.0.62 52.213.180.42 6 632 12 1566848875 1566848933 ACCEPT 18 OK
3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 10.0.0.62 52.213.180.42 5001 43418 10.0.0.62 52.213.180.42 6 63388 1219 1566848933 1566849113 ACCEPT 1 OK
3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 52.213.180.42 10.0.0.62 43418 5001 52.213.180.42 10.0.0.62 6 23294588 15774 1566848933 1566849113 ACCEPT 1 OK
3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 52.213.180.42 10.0.0.62 43638 5001 52.213.180.42 10.0.0.62 6 1260 17 1566933133 1566933193 ACCEPT 3 OK
3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 10.0.0.62 52.213.180.42 5001 43638  10.0.0.62 52.213.180.42 6 967 14 1566933133 1566933193 ACCEPT 19 OK";

#[test]
fn ok_e8_e10_tcp_flag_sequence() {
    let d = decode_with(E8_FORMAT, E8_E10);
    let flags: Vec<_> = d
        .records()
        .map(|(_, r)| match value(r, F::TcpFlags) {
            Value::TcpFlags(TcpFlags(f)) => f,
            v => panic!("{v:?}"),
        })
        .collect();
    assert_eq!(flags, vec![2, 18, 2, 18, 1, 1, 3, 19]);
    // The column order is `bytes packets` in this format.
    let first = d.records().next().unwrap().1;
    assert_eq!(value(first, F::Bytes), Value::Count(568));
    assert_eq!(value(first, F::Packets), Value::Count(8));
    // The last line has a double space in AWS's source: still 21 fields.
    assert_eq!(shapes(&d), vec!["record"; 8]);
    let last = d.records().last().unwrap().1;
    let text = E8_E10;
    let flags = describe(last, last.cell(F::TcpFlags).unwrap(), text, Lang::En, &Fixed(0));
    assert_eq!(flags.decoded, "SYN-ACK FIN");
    assert_eq!(
        flags.meaning,
        "SYN-ACK + FIN: a short connection accepted and closed within one interval (server side)"
    );
}

#[test]
fn ok_e11_e14_nat_gateway_with_comments() {
    let text = "instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr
- eni-1235b8ca123456789 10.0.1.5 10.0.0.220 10.0.1.5 203.0.113.5
- eni-1235b8ca123456789 10.0.0.220 203.0.113.5 10.0.0.220 203.0.113.5
- eni-1235b8ca123456789 203.0.113.5 10.0.0.220 203.0.113.5 10.0.0.220
- eni-1235b8ca123456789 10.0.0.220 10.0.1.5 203.0.113.5 10.0.1.5
i-01234567890123456 eni-1111aaaa2222bbbb3 10.0.1.5 203.0.113.5 10.0.1.5 203.0.113.5 #Traffic from the source instance to host on the internet
i-01234567890123456 eni-1111aaaa2222bbbb3 203.0.113.5 10.0.1.5 203.0.113.5 10.0.1.5 #Response traffic from host on the internet to the source instance";
    let d = decode(text);
    assert_eq!(
        shapes(&d),
        vec!["header", "record", "record", "record", "record", "record", "record"]
    );
    let recs: Vec<_> = d.records().map(|(_, r)| r).collect();
    assert_eq!(value(recs[0], F::InstanceId), Value::Absent);
    assert_eq!(value(recs[0], F::Dstaddr), ip("10.0.0.220"));
    assert_eq!(value(recs[0], F::PktDstaddr), ip("203.0.113.5"));
    let dst = describe(recs[0], recs[0].cell(F::Dstaddr).unwrap(), text, Lang::En, &Fixed(0));
    assert!(
        dst.meaning.contains("Differs from pkt-dstaddr (203.0.113.5)"),
        "{}",
        dst.meaning
    );
    assert_eq!(
        recs[4].comment.clone().map(|c| &text[c]),
        Some("#Traffic from the source instance to host on the internet")
    );
}

#[test]
fn ok_e15_e17_transit_gateway_with_elision() {
    let format = "version interface-id account-id vpc-id subnet-id instance-id srcaddr dstaddr srcport dstport protocol tcp-flags type pkt-srcaddr pkt-dstaddr action log-status";
    let text = "3 eni-33333333333333333 123456789010 vpc-abcdefab012345678 subnet-22222222bbbbbbbbb i-01234567890123456 10.20.33.164 10.40.2.236 39812 80 6 3 IPv4 10.20.33.164 10.40.2.236 ACCEPT OK
...
3 eni-33333333333333333 123456789010 vpc-abcdefab012345678 subnet-22222222bbbbbbbbb i-01234567890123456 10.40.2.236 10.20.33.164 80 39812 6 19 IPv4 10.40.2.236 10.20.33.164 ACCEPT OK
3 eni-11111111111111111 123456789010 vpc-abcdefab012345678 subnet-11111111aaaaaaaaa - 10.40.1.175 10.40.2.236 39812 80 6 3 IPv4 10.20.33.164 10.40.2.236 ACCEPT OK
3 eni-22222222222222222 123456789010 vpc-abcdefab012345678 subnet-22222222bbbbbbbbb - 10.40.2.236 10.40.2.31 80 39812 6 19 IPv4 10.40.2.236 10.20.33.164 ACCEPT OK";
    let d = decode_with(format, text);
    assert_eq!(shapes(&d), vec!["record", "comment", "record", "record", "record"]);
    let tgw_eni = d.records().nth(2).unwrap().1;
    assert_eq!(value(tgw_eni, F::Srcaddr), ip("10.40.1.175"));
    assert_eq!(value(tgw_eni, F::PktSrcaddr), ip("10.20.33.164"));
}

#[test]
fn ok_e18_service_path_direction() {
    let text = "version srcaddr dstaddr srcport dstport protocol start end type packets bytes account-id vpc-id subnet-id instance-id interface-id region az-id sublocation-type sublocation-id action tcp-flags pkt-srcaddr pkt-dstaddr pkt-src-aws-service pkt-dst-aws-service traffic-path flow-direction log-status
5 52.95.128.179 10.0.0.71 80 34210 6 1616729292 1616729349 IPv4 14 15044 123456789012 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b eni-1235b8ca123456789 ap-southeast-2 apse2-az3 - - ACCEPT 19 52.95.128.179 10.0.0.71 S3 - - ingress OK
5 10.0.0.71 52.95.128.179 34210 80 6 1616729292 1616729349 IPv4 7 471 123456789012 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b eni-1235b8ca123456789 ap-southeast-2 apse2-az3 - - ACCEPT 3 10.0.0.71 52.95.128.179 - S3 8 egress OK";
    let d = decode(text);
    assert_eq!(shapes(&d), vec!["header", "record", "record"]);
    let recs: Vec<_> = d.records().map(|(_, r)| r).collect();
    assert_eq!(recs[0].format.len(), 29);
    assert_eq!(recs[0].format.version(), 5);
    assert!(matches!(value(recs[0], F::PktSrcAwsService), Value::Code(c) if c.code == "S3"));
    assert_eq!(value(recs[0], F::TrafficPath), Value::Absent);
    assert_eq!(
        value(recs[0], F::FlowDirection),
        Value::Direction(FlowDirection::Ingress)
    );
    assert!(matches!(value(recs[1], F::TrafficPath), Value::Code(c) if c.code == "8"));
    let path = describe(
        recs[1],
        recs[1].cell(F::TrafficPath).unwrap(),
        text,
        Lang::En,
        &Fixed(0),
    );
    assert_eq!(path.decoded, "through an internet gateway");
    assert_eq!(
        path.meaning,
        "through an internet gateway (reported this way by Nitro-based instances)"
    );
    assert_eq!(value(recs[1], F::Region), Value::Text);
    assert!(sentence(recs[1], text, Lang::En).contains(", outbound on eni-1235b8ca123456789"));
}

#[test]
fn ok_e19_encryption_status_with_header_and_annotations() {
    let text = "flow-direction traffic-path srcaddr dstaddr srcport dstport encryption-status
ingress - 10.0.133.8 10.0.128.55 43236 80 1 # <-- HTTP between web client and server. Encrypted at hardware-level
egress 1 10.0.128.55 10.0.133.8 80 43236 1
ingress - 10.0.130.104 10.0.128.55 55016 80 0 # <-- HTTP between web client and server. Not encrypted at hardware-level
egress 1 10.0.128.55 10.0.130.104 80 55016 0";
    let d = decode(text);
    assert_eq!(shapes(&d), vec!["header", "record", "record", "record", "record"]);
    let statuses: Vec<_> = d
        .records()
        .map(|(_, r)| match value(r, F::EncryptionStatus) {
            Value::Code(c) => c.code,
            v => panic!("{v:?}"),
        })
        .collect();
    assert_eq!(statuses, vec!["1", "1", "0", "0"]);
}

#[test]
fn ok_e20_tgw_record_with_double_spaces_and_cyrillic() {
    let text = "resource-type account-id tgw-id tgw-attachment-id tgw-src-vpc-account-id tgw-dst-vpc-account-id tgw-src-vpc-id tgw-dst-vpc-id tgw-src-subnet-id tgw-dst-subnet-id tgw-src-eni tgw-dst-eni tgw-src-az-id tgw-dst-az-id tgw-pair-attachment-id srcaddr dstaddr srcport dstport protocol packets bytes start end log-status type packets-lost-no-route packets-lost-blackhole packets-lost-mtu-exceeded packets-lost-ttl-expired tcp-flags region flow-direction pkt-src-aws-service pkt-dst-aws-service
TransitGateway 123456789123 tgw-3b86d5e89ec8ebd55 tgw-attach-3e0bbb28e9ac7e3d8  123456789123  123456789123 vpc-3620ee62fdaf70d01 vpc-3da88d2d64d3e7d16 subnet-3fbc536e360c36caб subnet-3abc2577ee1022895 eni-008ffff1f06bf8d10 eni-309ffff1f06bf8d99 us-east-1a us-east-1b - 10.100.8.1 10.200.8.2 43228 53 6 1 1600 1766848875 1766848933 OK IPv4 1 0 2 0 2 us-east-1 egress - -";
    let d = decode(text);
    assert_eq!(shapes(&d), vec!["header", "record-with-error"]);
    let r = d.records().next().unwrap().1;
    assert_eq!(r.cells.len(), 35);
    assert!(matches!(value(r, F::ResourceType), Value::Code(c) if c.code == "TransitGateway"));
    assert_eq!(value(r, F::PacketsLostMtuExceeded), Value::Number(2));
    // The Cyrillic letter makes exactly one value invalid; the rest decode.
    let errors = r.errors(2, text);
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].to_string(),
        "line 2, field 9 (tgw-src-subnet-id): expected an ID starting with `subnet-`, found `subnet-3fbc536e360c36caб`"
    );
}

#[test]
fn ok_e21_ecs_fields() {
    let text = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status ecs-task-id ecs-task-arn ecs-task-definition-arn ecs-cluster-name ecs-cluster-arn ecs-container-instance-id ecs-container-instance-arn ecs-container-id ecs-second-container-id ecs-service-name
5 64111117617 eni-069xxxxxb7a490 89.160.20.156 10.200.0.0 50041 33004 17 52 1 1616729292 1616729349 REJECT OK b9ad2f8a90b24f7bbce4b0341034852f arn:aws:ecs:us-east-1:123456789012:task/DEMOGO-ECS/b9ad2f8a90b24f7bbce4b0341034852f arn:aws:ecs:us-east-1:123456789012:task-definition/catsdef:2 DEMOGO-ECS arn:aws:ecs:us-east-1:123456789012:cluster/DEMOGO-ECS 39623aba81594d79b596c0c5f556d47b arn:aws:ecs:us-east-1:123456789012:container-instance/DEMOGO-ECS/39623aba81594d79b596c0c5f556d47b 0c5c6db7540ca5c4dbc692a53c1d7bab0a4e17e9cf44fc9167659c8687fd13df - cats";
    let d = decode(text);
    let r = d.records().next().unwrap().1;
    assert!(!r.has_errors(), "{:?}", r.errors(2, text));
    assert_eq!(value(r, F::EcsSecondContainerId), Value::Absent);
    let arn = describe(r, r.cell(F::EcsClusterArn).unwrap(), text, Lang::En, &Fixed(0));
    assert_eq!(arn.decoded, "cluster/DEMOGO-ECS");
    assert_eq!(arn.meaning, "service ecs, Region us-east-1, account 123456789012");
    // Beats' sample says 5 although the format's newest field is version 7: flagged.
    let v = describe(r, r.cell(F::Version).unwrap(), text, Lang::En, &Fixed(0));
    assert!(
        v.meaning
            .ends_with("Note: the fields of this format would make AWS write version 7"),
        "{}",
        v.meaning
    );
    // An 11-digit account is decoded but flagged.
    let a = describe(r, r.cell(F::AccountId).unwrap(), text, Lang::En, &Fixed(0));
    assert_eq!(a.meaning, "AWS account IDs have 12 digits; this one does not.");
}

#[test]
fn ok_every_sample_line_kind_is_accounted_for() {
    let all = [E1, E2, E3, E4, E5, E6, E7].join("\n");
    let d = decode(&all);
    assert_eq!(d.lines.len(), 7);
    assert!(d.lines.iter().all(|l| matches!(l.kind, LineKind::Record(_))));
}

#[test]
fn ok_every_menu_sample_decodes_without_errors() {
    use vpc_flowlog_decoder::fields::samples::SAMPLES;
    for sample in SAMPLES {
        let d = if sample.format.is_empty() {
            decode(sample.text)
        } else {
            decode_with(sample.format, sample.text)
        };
        assert!(
            d.errors(sample.text).is_empty(),
            "{}: {:?}",
            sample.id,
            d.errors(sample.text)
        );
        assert!(d.records().count() >= 1, "{}", sample.id);
        assert!(!sample.title.ja.is_empty() && !sample.title.en.is_empty());
    }
}
