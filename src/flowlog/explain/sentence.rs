//! A one-sentence, plain-language summary of a record.

use crate::fields::vocab::{self, words};
use crate::fields::{t, FieldName, Lang, Text};

use crate::flowlog::decode::clock;
use crate::flowlog::decode::record::Record;
use crate::flowlog::decode::value::{Action, FlowDirection, LogStatus, Value};
use crate::flowlog::explain::addr::AddrKind;
use crate::flowlog::explain::describe::{binary_size, group};

/// Says what `record` means in one sentence, in `lang`. Works with any format:
/// missing fields are left out of the sentence.
#[must_use]
pub fn sentence(record: &Record, text: &str, lang: Lang) -> String {
    let raw = |f: FieldName| record.cell(f).map(|c| c.raw(text)).filter(|r| *r != "-");
    let eni = raw(FieldName::InterfaceId)
        .or(raw(FieldName::ResourceId))
        .or(raw(FieldName::TgwAttachmentId));
    let window = window(record, lang);

    match record.log_status() {
        Some(LogStatus::NoData) => {
            let on = eni.map(|e| ON_E.fill(lang, &[("e", &e)])).unwrap_or_default();
            return NO_TRAFFIC_ON_WINDOW.fill(lang, &[("on", &on), ("window", &window)]);
        }
        Some(LogStatus::SkipData) => {
            let on = eni.map(|e| FOR_E.fill(lang, &[("e", &e)])).unwrap_or_default();
            return SOME_FLOWS_ON_WINDOW.fill(lang, &[("on", &on), ("window", &window)]);
        }
        _ => {}
    }

    let proto = match record.value(FieldName::Protocol) {
        Some(Value::Protocol(n)) => Some(n),
        _ => None,
    };
    // IANA's keywords for 4 and 41 are "IPv4" and "IPv6", which would read as plain
    // IPv4 or IPv6 traffic: they are encapsulation.
    let proto_name = proto.map(|n| match n {
        4 => lang.pick("IPv4-in-IP", "IPv4-in-IP（カプセル化）").to_owned(),
        41 => lang
            .pick("IPv6-in-IPv4 (IPv6 encapsulation)", "IPv6-in-IPv4（IPv6 カプセル化）")
            .to_owned(),
        n => etherparse::IpNumber(n)
            .keyword_str()
            .map_or_else(|| format!("protocol {n}"), str::to_owned),
    });
    let port = |f: FieldName| match record.value(f) {
        Some(Value::Port(p)) if p != 0 => Some(p),
        _ => None,
    };
    let endpoint = |addr: FieldName, port_field: FieldName| -> Option<String> {
        let a = raw(addr)?;
        let kind = match record.value(addr) {
            Some(Value::Addr(ip)) => AddrKind::of(ip).short().get(lang),
            Some(Value::Masked) => words::MASKED.get(lang),
            _ => "",
        };
        let kind = if kind.is_empty() {
            String::new()
        } else {
            KIND.fill(lang, &[("kind", &kind)])
        };
        let service = port(port_field).and_then(|p| vocab::service(p, proto)).filter(|_| {
            port_field == FieldName::Dstport
                || port(FieldName::Dstport)
                    .and_then(|p| vocab::service(p, proto))
                    .is_none()
        });
        let port_text = match (port(port_field), service) {
            (Some(p), Some(s)) => PORT_NAMED.fill(lang, &[("port", &p), ("name", &s.name)]),
            (Some(p), None) => PORT.fill(lang, &[("port", &p)]),
            (None, _) => String::new(),
        };
        Some(format!("{a}{kind}{port_text}"))
    };
    let src = endpoint(FieldName::Srcaddr, FieldName::Srcport);
    let dst = endpoint(FieldName::Dstaddr, FieldName::Dstport);

    let packets = match record.value(FieldName::Packets) {
        Some(Value::Count(n)) => Some(n),
        _ => None,
    };
    let bytes = match record.value(FieldName::Bytes) {
        Some(Value::Count(n)) => Some(n),
        _ => None,
    };
    let what = match (packets, bytes, &proto_name) {
        (Some(p), Some(b), pn) => PACKETS.fill(
            lang,
            &[
                ("packets", &group(p)),
                ("proto", &pn.as_ref().map(|n| format!("{n} ")).unwrap_or_default()),
                ("s", &if p == 1 { "" } else { "s" }),
                ("bytes", &group(b)),
                ("bs", &if b == 1 { "" } else { "s" }),
                (
                    "size",
                    &binary_size(b)
                        .map(|size| SIZE.fill(lang, &[("size", &size)]))
                        .unwrap_or_default(),
                ),
            ],
        ),
        (_, _, Some(pn)) => PROTO_TRAFFIC.fill(lang, &[("proto", pn)]),
        _ => TRAFFIC.get(lang).to_owned(),
    };

    let reason = raw(FieldName::RejectReason);
    let verdict = match (record.action(), reason) {
        (Some(Action::Accept), _) => ACCEPTED.get(lang),
        (Some(Action::Reject), Some("BPA")) => REJECTED_BPA.get(lang),
        (Some(Action::Reject), Some("EC")) => REJECTED_EC.get(lang),
        (Some(Action::Reject), _) => REJECTED.get(lang),
        (None, _) => "",
    };
    let direction = match record.value(FieldName::FlowDirection) {
        Some(Value::Direction(FlowDirection::Ingress)) => Some(words::INGRESS.get(lang)),
        Some(Value::Direction(FlowDirection::Egress)) => Some(words::EGRESS.get(lang)),
        _ => None,
    };
    let on = match (eni, direction) {
        (Some(e), Some(d)) => ON_DIRECTION.fill(lang, &[("eni", &e), ("dir", &d)]),
        (Some(e), None) => SEEN_ON.fill(lang, &[("eni", &e)]),
        (None, Some(d)) => DIRECTION_ONLY.fill(lang, &[("dir", &d)]),
        (None, None) => String::new(),
    };
    match (src, dst) {
        (Some(s), Some(d)) => SENT.fill(
            lang,
            &[
                ("s", &s),
                ("d", &d),
                ("what", &what),
                ("window", &window),
                ("on", &on),
                ("verdict", &verdict),
            ],
        ),
        _ => A_FLOW.fill(
            lang,
            &[("what", &what), ("window", &window), ("on", &on), ("verdict", &verdict)],
        ),
    }
}

const PORT_NAMED: Text = t(" port {port} ({name})", " のポート {port}（{name}）");
const PORT: Text = t(" port {port}", " のポート {port}");
const PACKETS: Text = t(
    "{packets} {proto}packet{s} ({bytes} byte{bs}{size})",
    "{proto}パケット {packets} 個（{bytes} バイト{size}）",
);
const SIZE: Text = t(", {size}", "、{size}");
const PROTO_TRAFFIC: Text = t("{proto} traffic", "{proto} の通信");
const TRAFFIC: Text = t("traffic", "通信");
const ACCEPTED: Text = t("; it was accepted", "通信は許可されました。");
const REJECTED_BPA: Text = t(
    "; it was rejected by VPC Block Public Access",
    "通信は VPC Block Public Access により拒否されました。",
);
const REJECTED_EC: Text = t(
    "; it was rejected by VPC Encryption Controls",
    "通信は VPC 暗号化コントロールにより拒否されました。",
);
const REJECTED: Text = t(
    "; it was rejected (by a security group or network ACL — on the reply direction usually a network ACL — or it arrived after the connection had closed)",
    "通信は拒否されました（セキュリティグループかネットワーク ACL による。応答方向なら通常はネットワーク ACL。接続が閉じた後に届いたパケットの場合もあります）。",
);
const ON_DIRECTION: Text = t(", {dir} on {eni}", "（{eni} で記録、{dir}）");
const SEEN_ON: Text = t(", seen on {eni}", "（{eni} で記録）");
const DIRECTION_ONLY: Text = t(", {dir}", "（{dir}）");
const SENT: Text = t(
    "{s} sent {what} to {d}{window}{on}{verdict}.",
    "{window}{s} から {d} へ {what}が送られました{on}。{verdict}",
);
const A_FLOW: Text = t(
    "A flow of {what}{window}{on}{verdict}.",
    "{window}{what}が記録されました{on}。{verdict}",
);

const IN_WINDOW: Text = t(" in {d} from {from} UTC", "{from} UTC からの {d}間に、");
const AT_TIME: Text = t(" at {from} UTC", "{from} UTC に、");

fn window(record: &Record, lang: Lang) -> String {
    let time = |f| match record.value(f) {
        Some(Value::Time(t)) => Some(t),
        _ => None,
    };
    match (time(FieldName::Start), time(FieldName::End)) {
        (Some(s), Some(e)) => {
            let from = clock::calendar(s, 0).unwrap_or_default();
            let d = clock::duration(e - s, lang);
            IN_WINDOW.fill(lang, &[("from", &from), ("d", &d)])
        }
        (Some(s), None) => {
            let from = clock::calendar(s, 0).unwrap_or_default();
            AT_TIME.fill(lang, &[("from", &from)])
        }
        _ => String::new(),
    }
}

// Its words (one translation mechanism: fields::Text).
const ON_E: Text = t(" on {e}", "{e} では");
const NO_TRAFFIC_ON_WINDOW: Text = t(
    "No traffic{on}{window} (NODATA).",
    "{on}{window}通信がありませんでした（NODATA）。",
);
const FOR_E: Text = t(" for {e}", "{e} の");
const SOME_FLOWS_ON_WINDOW: Text = t(
    "Some flows{on}{window} were skipped and not recorded (SKIPDATA): traffic is unknown, not absent.",
    "{window}{on}一部のフローが記録されずに失われました（SKIPDATA）。通信がなかったわけではありません。",
);
const KIND: Text = t(" ({kind})", "（{kind}）");
