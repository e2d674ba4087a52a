//! The analysis across records in words: each conversation's verdict and each finding
//! as sentences (the texts live in `fields::across`).

use std::fmt::Display;

use crate::fields::across as w;
use crate::fields::{Lang, Text};
use crate::flowlog::bulk::across::conversations::End;
use crate::flowlog::bulk::across::findings::{self, Finding};
use crate::flowlog::bulk::across::{ConversationOut, VerdictOut};
use crate::flowlog::decode::clock;
use crate::flowlog::explain::describe::{binary_size, group};

/// An IANA protocol as people say it: `TCP`, `UDP`, `ICMP`, else its number.
#[must_use]
pub fn protocol(proto: u8) -> String {
    etherparse::IpNumber(proto)
        .keyword_str()
        .map_or_else(|| proto.to_string(), str::to_ascii_uppercase)
}

/// `10.0.0.5:443`, `[2001:db8::1]:443`, or the address alone for port 0.
#[must_use]
pub fn end(e: &End) -> String {
    match (e.addr, e.port) {
        (a, 0) => a.to_string(),
        (std::net::IpAddr::V6(a), p) => format!("[{a}]:{p}"),
        (a, p) => format!("{a}:{p}"),
    }
}

/// A time as UTC calendar text.
#[must_use]
pub fn when(unix: i64) -> String {
    clock::calendar(unix, 0).map_or_else(|| unix.to_string(), |c| format!("{c} UTC"))
}

/// `1,234 bytes` below a KiB, else `1.2 MiB`.
#[must_use]
pub fn bytes(n: u64, lang: Lang) -> String {
    binary_size(n).unwrap_or_else(|| format!("{} {}", group(n), crate::fields::vocab::words::BYTES.get(lang)))
}

/// Whether `proto` has ports (TCP, UDP, SCTP, UDP-Lite): ICMP's replies have none to open.
fn has_ports(proto: u8) -> bool {
    matches!(proto, 6 | 17 | 132 | 136)
}

/// "left" / "arrived at", and "outbound" / "inbound", for a rejection on the way out or in.
fn directions(out: bool, lang: Lang) -> (&'static str, &'static str) {
    if out {
        (w::WENT_OUT.get(lang), w::RULES_OUT.get(lang))
    } else {
        (w::WENT_IN.get(lang), w::RULES_IN.get(lang))
    }
}

fn fill(text: Text, lang: Lang, args: &[(&str, &dyn Display)]) -> String {
    text.fill(lang, args)
}

/// What happened to conversation `c`, in words.
#[must_use]
pub fn verdict(c: &ConversationOut, lang: Lang) -> String {
    let v: &VerdictOut = &c.verdict;
    let proto = protocol(c.proto);
    let client = c.client.addr;
    let server = c.server.addr;
    let port = c.client.port;
    let eni = v.eni.as_str();
    match v.key.as_str() {
        "ok" => w::V_OK.get(lang).to_owned(),
        "nacl-reply" if !has_ports(c.proto) => {
            let (went, rules) = directions(v.out, lang);
            fill(
                w::V_NACL_NO_PORTS,
                lang,
                &[
                    ("eni", &eni),
                    ("went", &went),
                    ("rules", &rules),
                    ("proto", &proto),
                    ("client", &client),
                    ("server", &server),
                ],
            )
        }
        "nacl-reply" => {
            let text = if v.out { w::V_NACL_OUT } else { w::V_NACL_IN };
            fill(
                text,
                lang,
                &[
                    ("eni", &eni),
                    ("proto", &proto),
                    ("client", &client),
                    ("server", &server),
                    ("port", &port),
                ],
            )
        }
        "rejected" => fill(
            if v.out { w::V_REJECTED_OUT } else { w::V_REJECTED_IN },
            lang,
            &[("eni", &eni)],
        ),
        "no-response" => w::V_NO_RESPONSE.get(lang).to_owned(),
        _ if eni.is_empty() => w::V_REPLY_ONLY.get(lang).to_owned(),
        _ => {
            let mut s = fill(w::V_ONE_SIDED, lang, &[("eni", &eni)]);
            if v.skipdata {
                s.push(' ');
                s.push_str(&fill(w::V_ONE_SIDED_SKIP, lang, &[("eni", &eni)]));
            }
            s
        }
    }
}

/// A finding in words (one or two sentences).
#[must_use]
pub fn finding(f: &Finding, lang: Lang) -> String {
    let mut s = match f {
        Finding::VerticalScan {
            source,
            ports,
            targets,
            probes,
            answered,
            first,
            last,
            ..
        } => fill(
            w::F_VERTICAL,
            lang,
            &[
                ("source", source),
                ("ports", ports),
                ("targets", &targets.len()),
                ("probes", probes),
                ("answered", answered),
                ("first", &when(*first)),
                ("last", &when(*last)),
                ("threshold", &findings::VERTICAL_PORTS),
            ],
        ),
        Finding::HorizontalScan {
            source,
            proto,
            port,
            targets,
            failed,
            first,
            last,
            ..
        } => fill(
            w::F_HORIZONTAL,
            lang,
            &[
                ("source", source),
                ("proto", &protocol(*proto)),
                ("port", port),
                ("targets", targets),
                ("failed", failed),
                ("first", &when(*first)),
                ("last", &when(*last)),
                ("threshold", &findings::HORIZONTAL_TARGETS),
            ],
        ),
        Finding::QuietInterface {
            eni,
            records,
            first,
            last,
        } => fill(
            w::F_QUIET,
            lang,
            &[
                ("eni", eni),
                ("records", records),
                ("first", &when(*first)),
                ("last", &when(*last)),
            ],
        ),
        Finding::SkipData {
            eni,
            windows,
            first,
            last,
        } => fill(
            w::F_SKIPDATA,
            lang,
            &[
                ("eni", eni),
                ("windows", windows),
                ("first", &when(*first)),
                ("last", &when(*last)),
            ],
        ),
        Finding::NaclReply {
            server,
            proto,
            conversations,
            eni,
            out,
            ..
        } if !has_ports(*proto) => {
            let (went, rules) = directions(*out, lang);
            fill(
                w::F_NACL_NO_PORTS,
                lang,
                &[
                    ("server", &server.addr),
                    ("proto", &protocol(*proto)),
                    ("n", conversations),
                    ("eni", eni),
                    ("went", &went),
                    ("rules", &rules),
                ],
            )
        }
        Finding::NaclReply {
            server,
            proto,
            conversations,
            eni,
            out,
            client_ports,
            ..
        } => fill(
            if *out { w::F_NACL } else { w::F_NACL_IN },
            lang,
            &[
                ("server", &server.addr),
                ("proto", &protocol(*proto)),
                ("port", &server.port),
                ("n", conversations),
                ("eni", eni),
                ("lo", &client_ports.0),
                ("hi", &client_ports.1),
            ],
        ),
        Finding::RejectedInside {
            client,
            proto,
            port,
            attempts,
            targets,
        } => fill(
            w::F_REJECTED_INSIDE,
            lang,
            &[
                ("client", client),
                ("proto", &protocol(*proto)),
                ("port", port),
                ("attempts", attempts),
                ("targets", targets),
            ],
        ),
        Finding::OddTimes {
            start_after_end,
            future,
        } => fill(w::F_ODD_TIMES, lang, &[("after", start_after_end), ("future", future)]),
        Finding::LargeTransfer { from, to, bytes: b, .. } => fill(
            w::F_LARGE,
            lang,
            &[
                ("from", from),
                ("bytes", &bytes(*b, lang)),
                ("to", &end(to)),
                ("threshold", &bytes(findings::LARGE_BYTES, lang)),
            ],
        ),
    };
    let internal = matches!(
        f,
        Finding::VerticalScan { internal: true, .. } | Finding::HorizontalScan { internal: true, .. }
    );
    if internal {
        s.push(' ');
        s.push_str(w::F_INTERNAL.get(lang));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_words() {
        assert_eq!(protocol(6), "TCP");
        assert_eq!(protocol(253), "253");
        let e = End {
            addr: "2001:db8::1".parse().unwrap_or(std::net::IpAddr::from([0u8; 16])),
            port: 443,
        };
        assert_eq!(end(&e), "[2001:db8::1]:443");
        assert_eq!(when(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(bytes(12, Lang::En), "12 bytes");
        assert_eq!(bytes(10 * 1024 * 1024, Lang::En), "10.0 MiB");
        // ICMP replies have no ports to open: no port range is suggested.
        let f = Finding::NaclReply {
            server: e,
            proto: 1,
            conversations: 1,
            eni: "eni-1".into(),
            out: true,
            at_server: true,
            client_ports: (0, 0),
        };
        let s = finding(&f, Lang::En);
        assert!(
            s.contains("outbound rules") && s.contains("ICMP has no ports") && !s.contains("1024"),
            "{s}"
        );
    }
}
