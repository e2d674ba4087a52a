//! Turns a decoded value into words: a short decoded form ("UDP", "NTP") and a
//! sentence on what this particular value means. The words come from
//! `crate::fields`; this module only chooses and combines them.

use crate::fields::vocab::{self, words as w};
use crate::fields::{t, FieldName, Kind, Lang, Text};

use crate::flowlog::decode::clock::{self, LocalOffset};
use crate::flowlog::decode::record::{Cell, Record};
use crate::flowlog::decode::value::{self, Action, FlowDirection, LogStatus, Value};
use crate::flowlog::explain::addr::AddrKind;

/// A value put into words.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Described {
    /// Short decoded form for a table cell, e.g. `UDP` or `2021-05-17 13:48:43 UTC`.
    pub decoded: String,
    /// What this value means, in a sentence or two.
    pub meaning: String,
}

/// Describes `cell` of `record` (context matters: ports depend on the protocol,
/// `end` on `start`). `text` is the input the record was decoded from.
#[must_use]
pub fn describe(record: &Record, cell: &Cell, text: &str, lang: Lang, tz: &dyn LocalOffset) -> Described {
    let mut d = describe_value(record, cell, text, lang, tz);
    if d.meaning.is_empty() {
        // Nothing to say about this particular value: say what the field is.
        d.meaning = first_sentence(cell.field.spec().detail.get(lang)).to_owned();
    }
    d
}

/// The first sentence of `s` (up to and including the first `. ` or `。`).
fn first_sentence(s: &str) -> &str {
    let en = s.find(". ").map(|i| i + 1);
    let ja = s.find('。').map(|i| i + '。'.len_utf8());
    match (en, ja) {
        (Some(a), Some(b)) => s.get(..a.min(b)),
        (Some(a), None) | (None, Some(a)) => s.get(..a),
        (None, None) => Some(s),
    }
    .unwrap_or(s)
}

fn describe_value(record: &Record, cell: &Cell, text: &str, lang: Lang, tz: &dyn LocalOffset) -> Described {
    let spec = cell.field.spec();
    let raw = cell.raw(text);
    let value = match &cell.value {
        Ok(v) => *v,
        Err(e) => {
            let expected = e.expected(lang);
            return Described {
                decoded: INVALID.get(lang).into(),
                meaning: EXPECTED_EXPECTED_FOUND_RAW.fill(lang, &[("expected", &expected), ("raw", &raw)]),
            };
        }
    };
    let code_meaning = spec.code(raw).map(|c| c.meaning.get(lang));
    match value {
        Value::Absent => Described {
            decoded: format!("— ({})", w::ABSENT.get(lang)),
            meaning: spec.absent.get(lang).to_owned(),
        },
        Value::Masked => Described {
            decoded: w::MASKED.get(lang).to_owned(),
            meaning: masked_meaning(record, cell, lang),
        },
        Value::Unknown => Described {
            decoded: w::UNKNOWN.get(lang).to_owned(),
            meaning: code_meaning.unwrap_or_default().to_owned(),
        },
        Value::Number(n) if spec.kind == Kind::Version => version(record, n, lang),
        Value::Number(n) => Described {
            decoded: group(n),
            meaning: String::new(),
        },
        Value::Account => Described {
            decoded: account(raw),
            meaning: if raw.len() == 12 {
                String::new()
            } else {
                w::ACCOUNT_LENGTH.get(lang).to_owned()
            },
        },
        Value::Text => text_value(cell.field, raw, lang),
        Value::Addr(ip) => {
            let kind = AddrKind::of(ip);
            let family = if ip.is_ipv4() { "IPv4" } else { "IPv6" };
            Described {
                decoded: format!("{family} · {}", kind.short().get(lang)),
                meaning: address_meaning(record, cell.field, lang),
            }
        }
        Value::Port(p) => port(record, p, lang, code_meaning),
        Value::Protocol(n) => protocol(n, lang, code_meaning),
        Value::Count(n) => count(record, cell.field, n, lang),
        Value::Time(t) => {
            let mut d = time(record, cell.field, t, lang, tz);
            if value::is_millis(raw) {
                let note = w::MILLISECONDS.get(lang);
                d.meaning = if d.meaning.is_empty() {
                    note.to_owned()
                } else {
                    format!("{note} {}", d.meaning)
                };
            }
            d
        }
        Value::Action(a) => Described {
            decoded: match a {
                Action::Accept => w::ACCEPTED,
                Action::Reject => w::REJECTED,
            }
            .get(lang)
            .to_owned(),
            meaning: code_meaning.unwrap_or_default().to_owned(),
        },
        Value::LogStatus(s) => Described {
            decoded: match s {
                LogStatus::Ok => "OK",
                LogStatus::NoData => NO_DATA.get(lang),
                LogStatus::SkipData => SKIPPED_DATA.get(lang),
            }
            .to_owned(),
            meaning: code_meaning.unwrap_or_default().to_owned(),
        },
        Value::Direction(d) => Described {
            decoded: match d {
                FlowDirection::Ingress => w::INGRESS,
                FlowDirection::Egress => w::EGRESS,
            }
            .get(lang)
            .to_owned(),
            meaning: code_meaning.unwrap_or_default().to_owned(),
        },
        Value::TcpFlags(f) => {
            let names = f.names();
            let mut meaning = code_meaning.map(str::to_owned).unwrap_or_else(|| {
                if names.is_empty() {
                    String::new()
                } else {
                    names.join(" + ")
                }
            });
            if !f.is_current() {
                push_sentence(&mut meaning, w::FLAGS_LEGACY.get(lang));
            }
            if matches!(record.value(FieldName::Protocol), Some(Value::Protocol(p)) if p != 6) && f.0 != 0 {
                push_sentence(&mut meaning, w::FLAGS_NOT_TCP.get(lang));
            }
            Described {
                decoded: if names.is_empty() {
                    "—".to_owned()
                } else {
                    names.join(" ")
                },
                meaning,
            }
        }
        Value::Code(c) => {
            let mut meaning = c.meaning.get(lang).to_owned();
            if cell.field == FieldName::TrafficPath
                && record.value(FieldName::FlowDirection) == Some(Value::Direction(FlowDirection::Ingress))
            {
                push_sentence(&mut meaning, w::PATH_ON_INGRESS.get(lang));
            }
            Described {
                decoded: short_code(cell.field, c.code, c.meaning.get(lang)),
                meaning,
            }
        }
        Value::OtherCode => Described {
            decoded: raw.to_owned(),
            meaning: w::UNDOCUMENTED.get(lang).to_owned(),
        },
    }
}

fn push_sentence(s: &mut String, more: &str) {
    if !s.is_empty() && !s.ends_with(['.', '。']) {
        s.push_str(if more.is_ascii() { "." } else { "。" });
    }
    if !s.is_empty() && more.is_ascii() {
        s.push(' ');
    }
    s.push_str(more);
}

/// A short form for enumerated codes: the code itself for names (`S3`), the
/// meaning for numbers (`traffic-path 8`).
fn short_code(field: FieldName, code: &str, meaning: &str) -> String {
    match field.spec().kind {
        Kind::TrafficPath | Kind::EncryptionStatus => meaning
            .split([',', '(', '（'])
            .next()
            .unwrap_or(meaning)
            .trim()
            .to_owned(),
        _ => code.to_owned(),
    }
}

fn masked_meaning(record: &Record, cell: &Cell, lang: Lang) -> String {
    let mut m = w::MASKED_MEANING.get(lang).to_owned();
    // The CloudWatch event time equals `start`, so a masked start can be recovered.
    if let (FieldName::Start, Some(t)) = (cell.field, &record.event_time) {
        if let Some(cal) = clock::calendar(t.unix, 0) {
            let s = START_FROM_EVENT.fill(lang, &[("cal", &cal), ("unix", &t.unix)]);
            push_sentence(&mut m, &s);
        }
    }
    m
}

fn version(record: &Record, n: u64, lang: Lang) -> Described {
    let spec = FieldName::Version.spec();
    let mut meaning = spec
        .code(&n.to_string())
        .map(|c| c.meaning.get(lang).to_owned())
        .unwrap_or_else(|| w::UNDOCUMENTED.get(lang).to_owned());
    let expected = record.format.version();
    let tgw = record
        .cells
        .iter()
        .any(|c| c.field.spec().scope == crate::fields::Scope::Tgw);
    if u64::from(expected) != n && !tgw {
        let note = w::VERSION_MISMATCH.fill(lang, &[("expected", &expected)]);
        push_sentence(&mut meaning, &note);
    }
    Described {
        decoded: format!("v{n}"),
        meaning,
    }
}

fn account(raw: &str) -> String {
    match (raw.get(..4), raw.get(4..8), raw.get(8..)) {
        (Some(a), Some(b), Some(c)) if raw.len() == 12 => format!("{a}-{b}-{c}"),
        _ => raw.to_owned(),
    }
}

fn text_value(field: FieldName, raw: &str, lang: Lang) -> Described {
    let spec = field.spec();
    match spec.kind {
        Kind::Tag => {
            let decoded = percent_encoding::percent_decode_str(raw)
                .decode_utf8_lossy()
                .into_owned();
            let meaning = if decoded == raw {
                String::new()
            } else {
                PERCENT_DECODED.fill(lang, &[("decoded", &decoded)])
            };
            Described { decoded, meaning }
        }
        Kind::Arn => {
            // arn:partition:service:region:account:resource
            let mut parts = raw.splitn(6, ':');
            let (_, _, service, region, account_id, resource) = (
                parts.next(),
                parts.next(),
                parts.next(),
                parts.next(),
                parts.next(),
                parts.next(),
            );
            let decoded = resource.unwrap_or(raw).to_owned();
            let meaning = match (service, region, account_id) {
                (Some(s), Some(r), Some(a)) => ARN_PARTS.fill(lang, &[("s", &s), ("r", &r), ("a", &a)]),
                _ => String::new(),
            };
            Described { decoded, meaning }
        }
        _ => Described {
            decoded: raw.to_owned(),
            meaning: String::new(),
        },
    }
}

fn address_meaning(record: &Record, field: FieldName, lang: Lang) -> String {
    let Some(Value::Addr(ip)) = record.value(field) else {
        return String::new();
    };
    let mut m = AddrKind::of(ip).text().get(lang).to_owned();
    if let Some(v4) = match ip {
        std::net::IpAddr::V6(v6) => crate::flowlog::explain::addr::nat64_ipv4(v6),
        std::net::IpAddr::V4(_) => None,
    } {
        let embedded = EMBEDDED_V4.fill(lang, &[("v4", &v4)]);
        push_sentence(&mut m, &embedded);
    }
    // srcaddr vs pkt-srcaddr: say when they differ, which marks a middle hop.
    let pair = match field {
        FieldName::Srcaddr => Some(FieldName::PktSrcaddr),
        FieldName::Dstaddr => Some(FieldName::PktDstaddr),
        FieldName::PktSrcaddr => Some(FieldName::Srcaddr),
        FieldName::PktDstaddr => Some(FieldName::Dstaddr),
        _ => None,
    };
    if let Some(Value::Addr(other)) = pair.and_then(|p| record.value(p)) {
        if other != ip {
            let p = pair.map(FieldName::as_str).unwrap_or_default();
            let note = DIFFERS_FROM_P_OTHER.fill(lang, &[("other", &other), ("p", &p)]);
            push_sentence(&mut m, &note);
        }
    }
    m
}

fn port(record: &Record, p: u16, lang: Lang, documented: Option<&str>) -> Described {
    let proto = match record.value(FieldName::Protocol) {
        Some(Value::Protocol(n)) => Some(n),
        _ => None,
    };
    let has_ports = proto.is_none_or(|n| matches!(n, 6 | 17 | 132 | 33 | 136));
    if p == 0 {
        return Described {
            decoded: format!("0 ({})", w::NO_PORT.get(lang)),
            meaning: documented.unwrap_or_default().to_owned(),
        };
    }
    if !has_ports {
        return Described {
            decoded: p.to_string(),
            meaning: w::PORT_UNUSUAL.get(lang).to_owned(),
        };
    }
    let range = match p {
        0..=1023 => w::SYSTEM,
        // Linux picks client ports from 32768–60999, Windows from 49152–65535.
        1024..=32767 => w::REGISTERED,
        _ => w::EPHEMERAL,
    }
    .get(lang);
    match vocab::service(p, proto) {
        Some(svc) => Described {
            decoded: format!("{p} {}", svc.name),
            meaning: format!("{}: {} — {range}", svc.name, svc.about.get(lang)),
        },
        None => Described {
            decoded: p.to_string(),
            meaning: range.to_owned(),
        },
    }
}

fn protocol(n: u8, lang: Lang, documented: Option<&str>) -> Described {
    let number = etherparse::IpNumber(n);
    let keyword = if n == 145 { Some("NSH") } else { number.keyword_str() };
    let name = if n == 145 {
        Some("Network Service Header")
    } else {
        number.protocol_str()
    };
    let decoded = keyword.map_or_else(|| n.to_string(), str::to_owned);
    let mut meaning = match (name, keyword) {
        (Some(name), _) => IANA_PROTOCOL.fill(lang, &[("name", &name), ("n", &n)]),
        (None, Some(k)) => format!("{k} (IANA {n})"),
        (None, None) if (146..=252).contains(&n) => format!("{} ({n})", w::UNASSIGNED.get(lang)),
        (None, None) => format!("IANA {n}"),
    };
    if let Some(d) = documented {
        meaning = format!("{d}: {meaning}");
    }
    Described { decoded, meaning }
}

/// `1234567` → `1,234,567`.
#[must_use]
pub fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// `4249` → `4.1 KiB`; below 1024 → `None`. A size that one decimal would round up to
/// 1024 of a unit is given in the next (1,048,575 → `1.0 MiB`, not `1024.0 KiB`).
#[must_use]
pub fn binary_size(n: u64) -> Option<String> {
    const UNITS: [&str; 6] = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    let mut v = n as f64;
    let mut unit = None;
    for (i, u) in UNITS.into_iter().enumerate() {
        // From the first unit on, 1023.95 and more reads as 1024.0 with one decimal.
        if v < if i == 0 { 1024.0 } else { 1023.95 } {
            break;
        }
        v /= 1024.0;
        unit = Some(u);
    }
    unit.map(|u| format!("{v:.1} {u}"))
}

fn count(record: &Record, field: FieldName, n: u64, lang: Lang) -> Described {
    if field == FieldName::Bytes {
        let unit = if n == 1 { w::BYTE } else { w::BYTES }.get(lang);
        let size = binary_size(n).map(|s| format!(" ({s})")).unwrap_or_default();
        let per_packet = match record.value(FieldName::Packets) {
            Some(Value::Count(p)) if p > 0 => w::BYTES_PER_PACKET.fill(lang, &[("n", &group(n / p))]),
            _ => String::new(),
        };
        Described {
            decoded: format!("{} {unit}{size}", group(n)),
            meaning: per_packet,
        }
    } else {
        let unit = if n == 1 { w::PACKET } else { w::PACKETS }.get(lang);
        Described {
            decoded: format!("{} {unit}", group(n)),
            meaning: String::new(),
        }
    }
}

fn time(record: &Record, field: FieldName, t: i64, lang: Lang, tz: &dyn LocalOffset) -> Described {
    let Some(utc) = clock::calendar(t, 0) else {
        return Described {
            decoded: t.to_string(),
            meaning: String::new(),
        };
    };
    let offset = tz.offset_minutes(t);
    let mut meaning = if offset == 0 {
        String::new()
    } else {
        let local = clock::calendar(t, offset).unwrap_or_default();
        format!("{}: {local} ({})", w::LOCAL.get(lang), clock::offset_label(offset))
    };
    let other = match field {
        FieldName::End => record.value(FieldName::Start),
        _ => record.value(FieldName::End),
    };
    if let Some(Value::Time(o)) = other {
        let secs = if field == FieldName::End {
            t.saturating_sub(o)
        } else {
            o.saturating_sub(t)
        };
        push_sentence(
            &mut meaning,
            &format!("{}: {}", w::DURATION.get(lang), clock::duration(secs, lang)),
        );
    }
    if let (FieldName::Start, Some(e)) = (field, &record.event_time) {
        if e.unix == t {
            push_sentence(&mut meaning, w::CLOUDWATCH_TIME.get(lang));
        }
    }
    Described {
        decoded: format!("{utc} UTC"),
        meaning,
    }
}

// Its words (one translation mechanism: fields::Text).
const START_FROM_EVENT: Text = t(
    "The CloudWatch timestamp before the record says start was {cal} UTC ({unix}).",
    "CloudWatch のタイムスタンプから、start は {cal} UTC（{unix}）と分かります。",
);
const PERCENT_DECODED: Text = t(
    "Percent-decoded: {decoded}",
    "パーセントエンコードを戻した値：{decoded}",
);
const ARN_PARTS: Text = t(
    "service {s}, Region {r}, account {a}",
    "サービス {s}、リージョン {r}、アカウント {a}",
);
const EMBEDDED_V4: Text = t(
    "The embedded IPv4 address is {v4}",
    "埋め込まれた IPv4 アドレスは {v4} です",
);
const IANA_PROTOCOL: Text = t("{name} (IANA protocol {n})", "{name}（IANA プロトコル番号 {n}）");
const INVALID: Text = t("invalid", "読めません");
const EXPECTED_EXPECTED_FOUND_RAW: Text = t(
    "Expected {expected}, found `{raw}`.",
    "{expected}が必要ですが、`{raw}` です。",
);
const NO_DATA: Text = t("no data", "データなし");
const SKIPPED_DATA: Text = t("skipped data", "一部欠落");
const DIFFERS_FROM_P_OTHER: Text = t(
    "Differs from {p} ({other}): the interface is a middle hop (NAT gateway, transit gateway…) or the packet used a secondary / pod IP",
    "{p}（{other}）と異なります。この インターフェイスは中継点（NAT ゲートウェイや Transit Gateway など）か、セカンダリ IP / Pod IP 宛ての通信です",
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_group_and_size() {
        assert_eq!(group(0), "0");
        assert_eq!(group(999), "999");
        assert_eq!(group(1000), "1,000");
        assert_eq!(group(23_294_588), "23,294,588");
        assert_eq!(binary_size(76), None);
        assert_eq!(binary_size(4249).as_deref(), Some("4.1 KiB"));
        assert_eq!(binary_size(23_294_588).as_deref(), Some("22.2 MiB"));
        // Ties to even, as float printing rounds: 1.25 and 1.75 MiB exactly.
        assert_eq!(binary_size(1_310_720).as_deref(), Some("1.2 MiB"));
        assert_eq!(binary_size(1_835_008).as_deref(), Some("1.8 MiB"));
        // Just under a unit: the next unit, never "1024.0".
        assert_eq!(binary_size(1_048_524).as_deref(), Some("1023.9 KiB"));
        assert_eq!(binary_size(1_048_525).as_deref(), Some("1.0 MiB"));
        assert_eq!(binary_size(1_048_575).as_deref(), Some("1.0 MiB"));
        assert_eq!(binary_size(1_073_741_823).as_deref(), Some("1.0 GiB"));
        assert_eq!(binary_size(u64::MAX).as_deref(), Some("16.0 EiB"));
    }
}
