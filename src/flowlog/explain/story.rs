//! The story of a record: a few short paragraphs that teach what it says — which
//! side is the recording interface, who talked to whom, why it was allowed or
//! dropped, what the TCP flags, the packet addresses and the traffic path add.
//! Each paragraph appears only when the record's fields support it.

use std::net::IpAddr;

use crate::fields::{t, vocab, FieldName as F, Lang, Text};

use crate::flowlog::decode::record::Record;
use crate::flowlog::decode::value::{Action, FlowDirection, LogStatus, Value};
use crate::flowlog::explain::addr::AddrKind;
use crate::flowlog::explain::sentence::sentence;

/// The paragraphs explaining `record`, in `lang`; the first is the one-sentence summary.
#[must_use]
pub fn story(record: &Record, text: &str, lang: Lang) -> Vec<String> {
    let raw = |f: F| record.cell(f).map(|c| c.raw(text)).filter(|r| *r != "-");
    let addr = |f: F| match record.value(f) {
        Some(Value::Addr(ip)) => Some(ip),
        _ => None,
    };
    let port = |f: F| match record.value(f) {
        Some(Value::Port(p)) => Some(p),
        _ => None,
    };
    let proto = match record.value(F::Protocol) {
        Some(Value::Protocol(n)) => Some(n),
        _ => None,
    };
    let mut out = vec![sentence(record, text, lang)];

    match record.log_status() {
        Some(LogStatus::NoData) => {
            out.push(NODATA_MEANS_THE_INTERFACE.get(lang).into());
            return out;
        }
        Some(LogStatus::SkipData) => {
            out.push(SKIPDATA_MEANS_FLOW_RECORDS.get(lang).into());
            return out;
        }
        _ => {}
    }

    // Which side is the recording interface.
    let eni = raw(F::InterfaceId).or(raw(F::ResourceId));
    let (src, dst) = (raw(F::Srcaddr), raw(F::Dstaddr));
    let direction = match record.value(F::FlowDirection) {
        Some(Value::Direction(d)) => Some(d),
        _ => None,
    };
    let at = eni.map_or_else(String::new, |e| E.fill(lang, &[("e", &e)]));
    // Whether the interface is the source side (`Some(true)`), the destination side, or unknown.
    let internal = |f| addr(f).is_some_and(|ip| AddrKind::of(ip).is_internal());
    let iface_is_src = match direction {
        Some(FlowDirection::Egress) => Some(true),
        Some(FlowDirection::Ingress) => Some(false),
        None => match (internal(F::Srcaddr), internal(F::Dstaddr)) {
            (true, false) => Some(true),
            (false, true) => Some(false),
            _ => None,
        },
    };
    match (direction, src, dst) {
        (Some(FlowDirection::Ingress), Some(s), Some(d)) => {
            out.push(THIS_IS_AN_INGRESS.fill(lang, &[("at", &at), ("d", &d), ("s", &s)]))
        }
        (Some(FlowDirection::Egress), Some(s), Some(d)) => {
            out.push(THIS_IS_AN_EGRESS.fill(lang, &[("at", &at), ("d", &d), ("s", &s)]))
        }
        (None, Some(s), Some(d)) => {
            let guess = match iface_is_src {
                Some(true) => Some((s, d)),
                Some(false) => Some((d, s)),
                None => None,
            };
            out.push(match guess {
                Some((local, remote)) => {
                    NO_DIRECTION_GUESS.fill(lang, &[("at", &at), ("local", &local), ("remote", &remote)])
                }
                None => NO_DIRECTION.fill(lang, &[("at", &at), ("s", &s), ("d", &d)]),
            });
        }
        _ => {}
    }

    // Client or server, from the ports.
    let service = |p: Option<u16>| p.and_then(|p| vocab::service(p, proto));
    let (sport, dport) = (port(F::Srcport), port(F::Dstport));
    let reply = match (service(sport), service(dport), dport) {
        (None, Some(svc), _) => {
            out.push(REQUEST_PORT.fill(
                lang,
                &[
                    ("port", &svc.port),
                    ("name", &svc.name),
                    ("about", &svc.about.get(lang)),
                ],
            ));
            false
        }
        (Some(svc), None, Some(_)) => {
            out.push(REPLY_PORT.fill(
                lang,
                &[
                    ("port", &svc.port),
                    ("name", &svc.name),
                    ("about", &svc.about.get(lang)),
                ],
            ));
            true
        }
        _ => false,
    };

    // The verdict.
    match (record.action(), raw(F::RejectReason)) {
        (Some(Action::Accept), _) => out.push(ACCEPT_BOTH_THE_SECURITY.get(lang).into()),
        (Some(Action::Reject), Some("BPA")) => out.push(REJECT_WITH_REASON_BPA.get(lang).into()),
        (Some(Action::Reject), Some("EC")) => out.push(REJECT_WITH_REASON_EC.get(lang).into()),
        (Some(Action::Reject), _) if reply => {
            let client_port = port(F::Dstport).map_or_else(String::new, |p| p.to_string());
            out.push(reply_rejected(iface_is_src, &client_port, lang));
        }
        (Some(Action::Reject), _) => out.push(REJECT_A_SECURITY_GROUP.get(lang).into()),
        (None, _) => {}
    }

    // TCP flags.
    if let (Some(Value::TcpFlags(flags)), Some(6)) = (record.value(F::TcpFlags), proto) {
        let what = F::TcpFlags
            .spec()
            .code(&flags.0.to_string())
            .map(|c| c.meaning.get(lang).to_owned());
        let rule = AWS_REPORTS_ONLY_FIN.get(lang);
        let what = what.unwrap_or_else(|| flags.names().join(" + "));
        out.push(TCP_FLAGS.fill(lang, &[("flags", &flags.0), ("what", &what), ("rule", &rule)]));
    }

    // Interface addresses versus packet addresses.
    let differs = |a: F, b: F| matches!((addr(a), addr(b)), (Some(x), Some(y)) if x != y);
    if differs(F::Srcaddr, F::PktSrcaddr) || differs(F::Dstaddr, F::PktDstaddr) {
        let (ps, pd) = (raw(F::PktSrcaddr).unwrap_or("?"), raw(F::PktDstaddr).unwrap_or("?"));
        out.push(THE_PACKET_ITSELF_WENT.fill(lang, &[("pd", &pd), ("ps", &ps)]));
    }

    // Traffic path.
    match (direction, record.value(F::TrafficPath)) {
        (Some(FlowDirection::Egress), Some(Value::Code(c))) => {
            out.push(TRAFFIC_PATH.fill(lang, &[("code", &c.code), ("meaning", &c.meaning.get(lang))]));
        }
        (Some(FlowDirection::Ingress), Some(Value::Absent)) => out.push(TRAFFIC_PATH_IS_BECAUSE.get(lang).into()),
        _ => {}
    }

    // AWS service ranges.
    for (field, endpoint) in [
        (F::PktSrcAwsService, addr(F::PktSrcaddr)),
        (F::PktDstAwsService, addr(F::PktDstaddr)),
    ] {
        if let (Some(Value::Code(c)), Some(ip)) = (record.value(field), endpoint) {
            out.push(service_sentence(ip, c.meaning.get(lang), lang));
        }
    }
    out
}

fn service_sentence(ip: IpAddr, service: &str, lang: Lang) -> String {
    IP_IS_IN_THE.fill(lang, &[("ip", &ip), ("service", &service)])
}

/// Why a reply was rejected, and which network ACL rules to check: outbound rules
/// when the recording interface is the server (it sends the reply), inbound rules
/// when it is the client (the reply arrives), both when the record cannot tell.
/// The spec's wording: a reply-direction REJECT usually points to a network ACL, and
/// packets that arrive after a connection closed are recorded as REJECT too.
fn reply_rejected(iface_is_src: Option<bool>, client_port: &str, lang: Lang) -> String {
    let why = lang.pick(
        "REJECT on the reply direction: security groups are stateful and let replies to allowed traffic through on their own, so this usually points to a network ACL, which is stateless and checks replies against its own rules.",
        "REJECT：応答の方向で拒否されています。セキュリティグループはステートフルで、許可した通信への応答を自動で通すため、通常はステートレスなネットワーク ACL（応答も自分のルールで判定する）が原因です。",
    );
    let port = if client_port.is_empty() {
        CLIENT_PORTS.get(lang).to_owned()
    } else {
        CLIENT_PORT.fill(lang, &[("port", &client_port)])
    };
    let check = match iface_is_src {
        Some(true) => CHECK_SERVER,
        Some(false) => CHECK_CLIENT,
        None => CHECK_EITHER,
    }
    .fill(lang, &[("port", &port)]);
    let late = lang.pick(
        "AWS also records packets that arrive after a connection has closed as REJECT.",
        "接続が閉じた後に届いたパケットも、AWS は REJECT として記録します。",
    );
    // Japanese sentences follow each other without a space.
    let gap = lang.pick(" ", "");
    format!("{why}{gap}{check}{gap}{late}")
}

// Its words (one translation mechanism: fields::Text).
const CLIENT_PORTS: Text = t("the client's ports", "クライアントのポート");
const CLIENT_PORT: Text = t("the client's port {port}", "クライアントのポート {port}");
const CHECK_SERVER: Text = t(
    "This interface is the server, which sends the reply: check the outbound rules of its subnet's network ACL for the ephemeral port range that includes {port}.",
    "このインターフェイスは応答を送るサーバー側です。そのサブネットのネットワーク ACL のアウトバウンドルールが、{port} を含む一時ポートの範囲を許可しているか確認してください。",
);
const CHECK_CLIENT: Text = t(
    "This interface is the client, which receives the reply: check the inbound rules of its subnet's network ACL for the ephemeral port range that includes {port}.",
    "このインターフェイスは応答を受け取るクライアント側です。そのサブネットのネットワーク ACL のインバウンドルールが、{port} を含む一時ポートの範囲を許可しているか確認してください。",
);
const CHECK_EITHER: Text = t(
    "If this interface is the server, check the outbound rules of its subnet's network ACL; if it is the client, the inbound rules: they must allow the ephemeral port range that includes {port}.",
    "このインターフェイスがサーバー側ならそのサブネットのネットワーク ACL のアウトバウンドルールを、クライアント側ならインバウンドルールを確認してください。{port} を含む一時ポートの範囲を許可している必要があります。",
);
const NO_DIRECTION_GUESS: Text = t(
    "The format has no flow-direction field, so AWS does not say which way this went relative to the interface{at}. One address is always the interface's own; here {local} is private, so it is most likely the interface's side and {remote} the remote side.",
    "この形式には flow-direction がないため、インターフェイス{at}から見た向きは書かれていません。片方のアドレスは必ずインターフェイス自身のもので、ここでは {local} がプライベートなので、おそらくそれがインターフェイス側、{remote} が相手側です。",
);
const NO_DIRECTION: Text = t(
    "AWS recorded this flow on the interface{at}; one of {s} and {d} is the interface's own address. Add flow-direction to the format to know which.",
    "このフローはインターフェイス{at}で記録されました。{s} と {d} のどちらかがインターフェイス自身のアドレスです。どちらかを知るには形式に flow-direction を加えてください。",
);
const REQUEST_PORT: Text = t(
    "Destination port {port} is {name}: {about}. So this is most likely the request direction, from a client to a server.",
    "宛先ポート {port} は {name}：{about}。クライアントからサーバーへの要求の方向と考えられます。",
);
const REPLY_PORT: Text = t(
    "Source port {port} is {name}: {about}. So this is most likely the reply direction, from a server back to its client.",
    "送信元ポート {port} は {name}：{about}。サーバーからクライアントへの応答の方向と考えられます。",
);
const TCP_FLAGS: Text = t("tcp-flags {flags}: {what}. {rule}", "tcp-flags {flags}：{what}。{rule}");
const TRAFFIC_PATH: Text = t(
    "traffic-path {code}: it left {meaning}.",
    "traffic-path {code}：{meaning}。",
);
const NODATA_MEANS_THE_INTERFACE: Text = t(
    "NODATA means the interface sent and received nothing during the aggregation interval, which is why the address and port columns are `-`.",
    "NODATA は、この集約間隔にインターフェイスを出入りする通信がなかったことを表します。アドレスやポートの列が `-` なのはそのためです。",
);
const SKIPDATA_MEANS_FLOW_RECORDS: Text = t(
    "SKIPDATA means flow records of this interval were dropped inside AWS (a capacity limit or an internal error). The real traffic is unknown, and this one line can stand for many lost flows.",
    "SKIPDATA は、AWS の内部の容量制限やエラーでこの期間のフローレコードが記録されなかったことを表します。実際の通信は不明で、この 1 行が失われた多くのフローを表すことがあります。",
);
const E: Text = t(" {e}", " {e} ");
const THIS_IS_AN_INGRESS: Text = t(
    "This is an ingress record: the traffic arrived at the interface{at}. So the destination {d} is the interface's own side (for IPv4 always its primary private IP) and the source {s} is the remote side.",
    "これは受信（ingress）のレコードです。通信はインターフェイス{at}に入ってきたので、宛先 {d} がインターフェイス側（IPv4 なら常にプライマリプライベート IP）、送信元 {s} が相手側です。",
);
const THIS_IS_AN_EGRESS: Text = t(
    "This is an egress record: the traffic left the interface{at}. So the source {s} is the interface's own side and the destination {d} is the remote side.",
    "これは送信（egress）のレコードです。通信はインターフェイス{at}から出ていったので、送信元 {s} がインターフェイス側、宛先 {d} が相手側です。",
);
const ACCEPT_BOTH_THE_SECURITY: Text = t(
    "ACCEPT: both the security groups and the network ACL allowed the traffic.",
    "ACCEPT：セキュリティグループとネットワーク ACL の両方が通信を許可しました。",
);
const REJECT_WITH_REASON_BPA: Text = t(
    "REJECT with reason BPA: VPC Block Public Access stopped this internet traffic, whatever the security groups and network ACLs say.",
    "REJECT の理由は BPA：VPC Block Public Access がインターネットとの通信を止めました。セキュリティグループやネットワーク ACL の設定とは関係ありません。",
);
const REJECT_WITH_REASON_EC: Text = t(
    "REJECT with reason EC: VPC Encryption Controls (enforce mode) dropped traffic that was not encrypted.",
    "REJECT の理由は EC：VPC 暗号化コントロール（強制モード）が暗号化されていない通信を破棄しました。",
);
const REJECT_A_SECURITY_GROUP: Text = t(
    "REJECT: a security group or the network ACL did not allow this traffic (the record cannot tell which). Packets that arrive after a connection has closed are also recorded as REJECT.",
    "REJECT：セキュリティグループかネットワーク ACL が通信を許可しませんでした（デフォルト形式ではどちらかは分かりません）。接続が閉じた後に届いたパケットも REJECT になります。",
);
const AWS_REPORTS_ONLY_FIN: Text = t(
    "AWS reports only FIN, SYN, RST and SYN-ACK; segments that only carry data or acknowledgements (ACK, PSH) show as 0, and flags of one direction within one interval are OR-ed together.",
    "AWS が記録するのは FIN・SYN・RST と SYN-ACK だけで、ACK や PSH だけのデータ転送は 0 になります。同じ期間・同じ方向のフラグは OR でまとめられます。",
);
const THE_PACKET_ITSELF_WENT: Text = t(
    "The packet itself went from {ps} to {pd}. It differs from srcaddr/dstaddr because this interface is a middle hop (a NAT gateway or transit gateway interface, for example) or because a secondary or pod IP was used: pkt-srcaddr and pkt-dstaddr name the original endpoints.",
    "パケット自体は {ps} から {pd} 宛てです。srcaddr / dstaddr と異なるのは、このインターフェイスが中継点（NAT ゲートウェイや Transit Gateway のインターフェイスなど）だから、またはセカンダリ IP や Pod IP が使われたからです。本来の送信元と宛先は pkt-srcaddr と pkt-dstaddr で分かります。",
);
const TRAFFIC_PATH_IS_BECAUSE: Text = t(
    "traffic-path is `-` because AWS works out the path only for egress records.",
    "traffic-path が `-` なのは、AWS が経路を送信（egress）のレコードについてだけ求めるからです。",
);
const IP_IS_IN_THE: Text = t(
    "{ip} is in the published address range of {service}.",
    "{ip} は AWS が公開している {service} のアドレス範囲にあります。",
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flowlog::{decode_text, Format, Options};

    fn story_of(format: &str, line: &str, lang: Lang) -> Vec<String> {
        let options = Options {
            format: (!format.is_empty()).then(|| Format::parse(format).unwrap()),
        };
        let d = decode_text(line, &options);
        let (_, r) = d.records().next().unwrap();
        story(r, line, lang)
    }

    #[test]
    fn ok_nacl_reply_rejected() {
        let s = story_of(
            "",
            "2 123456789010 eni-1235b8ca123456789 172.31.16.21 203.0.113.12 22 50123 6 4 336 1432917094 1432917142 REJECT OK",
            Lang::En,
        );
        assert!(s.iter().any(|p| p.starts_with("Source port 22 is SSH: ")), "{s:#?}");
        assert!(
            s.iter().any(|p| p.starts_with("REJECT on the reply direction")),
            "{s:#?}"
        );
        assert!(s
            .iter()
            .any(|p| p.contains("172.31.16.21 is private, so it is most likely the interface's side")));
    }

    #[test]
    fn ok_ingress_and_egress_with_path_and_service() {
        let format = "version srcaddr dstaddr srcport dstport protocol tcp-flags pkt-srcaddr pkt-dstaddr pkt-src-aws-service pkt-dst-aws-service traffic-path flow-direction action log-status";
        let s = story_of(
            format,
            "5 52.95.128.179 10.0.0.71 80 34210 6 19 52.95.128.179 10.0.0.71 S3 - - ingress ACCEPT OK",
            Lang::En,
        );
        assert!(s.iter().any(|p| p.starts_with("This is an ingress record")), "{s:#?}");
        assert!(s
            .iter()
            .any(|p| p == "traffic-path is `-` because AWS works out the path only for egress records."));
        assert!(s
            .iter()
            .any(|p| p == "52.95.128.179 is in the published address range of Amazon S3."));
        assert!(s.iter().any(|p| p.starts_with("tcp-flags 19: SYN-ACK + FIN")));
        let s = story_of(
            format,
            "5 10.0.0.71 52.95.128.179 34210 80 6 3 10.0.0.71 52.95.128.179 - S3 8 egress ACCEPT OK",
            Lang::Ja,
        );
        assert!(
            s.iter().any(|p| p.starts_with("これは送信（egress）のレコードです")),
            "{s:#?}"
        );
        assert!(s
            .iter()
            .any(|p| p.starts_with("traffic-path 8：インターネットゲートウェイ経由")));
    }

    #[test]
    fn ok_nat_gateway_middle_hop() {
        let s = story_of(
            "instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr",
            "- eni-1235b8ca123456789 10.0.1.5 10.0.0.220 10.0.1.5 203.0.113.5",
            Lang::En,
        );
        assert!(
            s.iter()
                .any(|p| p.starts_with("The packet itself went from 10.0.1.5 to 203.0.113.5")),
            "{s:#?}"
        );
    }

    #[test]
    fn ok_nodata_and_skipdata() {
        let s = story_of(
            "",
            "2 123456789010 eni-1 - - - - - - - 1431280876 1431280934 - NODATA",
            Lang::En,
        );
        assert_eq!(s.len(), 2);
        assert!(s[1].starts_with("NODATA means"));
        let s = story_of(
            "",
            "2 123456789010 eni-1 - - - - - - - 1431280876 1431280934 - SKIPDATA",
            Lang::Ja,
        );
        assert!(s[1].starts_with("SKIPDATA は"));
    }
}
