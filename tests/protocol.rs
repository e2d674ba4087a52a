//! The worker protocol: every message the page and its workers exchange round-trips —
//! natively through serde's JSON form, and in headless Chromium through the envelope the
//! page and the workers really use (`web::envelope`, serde-wasm-bindgen) — `Request::Open`,
//! a paste's (`Request::Paste`, `Reply::Pasted`),
//! the 64-bit protocol hash, the 128-bit totals and the Parquet worker's replies included.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests panic on failure")]

use vpc_flowlog_decoder::fields::FieldName;
use vpc_flowlog_decoder::flowlog::bulk::index::Table;
use vpc_flowlog_decoder::flowlog::bulk::open::{OpenError, Problem};
use vpc_flowlog_decoder::flowlog::bulk::parquet::{ParquetError, ParquetReply, ParquetText};
use vpc_flowlog_decoder::flowlog::bulk::store::{ExportKind, Reply, Request, Store, PROTOCOL};
use vpc_flowlog_decoder::flowlog::Options;

/// Records with large values (the totals pass 2^64), an error line and a header, and
/// a conversation over IPv6 on an interface (for the analysis across records).
const TEXT: &str = "version srcaddr dstaddr dstport packets bytes action\n\
    2 10.0.0.1 10.0.0.2 22 18446744073709551615 18446744073709551615 REJECT\n\
    2 10.0.0.1 10.0.0.2 443 18446744073709551615 18446744073709551615 ACCEPT\n\
    2 10.0.0.9\n\
    interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action\n\
    eni-1 2001:db8::5 2001:db8::1 40000 443 6 5 500 1700000000 1700000060 ACCEPT\n\
    eni-1 2001:db8::1 2001:db8::5 443 40000 6 5 900 1700000000 1700000060 ACCEPT\n";

/// One of every request.
fn requests() -> Vec<Request> {
    vec![
        Request::Open {
            format: "${srcaddr} ${dstaddr}".into(),
            paths: vec!["AWSLogs/1/vpcflowlogs/a.log.gz".into(), String::new()],
        },
        Request::Open {
            format: String::new(),
            paths: Vec::new(),
        },
        Request::Select {
            id: 1,
            query: "action:reject port:22 10.0.0.0/8 ssh".into(),
            sort: Some((FieldName::Bytes, true)),
        },
        Request::Select {
            id: u32::MAX,
            query: String::new(),
            sort: None,
        },
        Request::Rows { id: 1, from: 0, to: 4 },
        Request::Summary { id: 1 },
        Request::Reindex { format: String::new() },
        Request::Across { now: 1_800_000_000 },
        Request::Groups {
            fields: vec![FieldName::Srcaddr, FieldName::Dstport],
        },
        Request::Rules { eni: "eni-1".into() },
        Request::Export {
            id: 1,
            what: ExportKind::Ocsf,
            query: "errors".into(),
            sort: Some((FieldName::Srcaddr, false)),
        },
        Request::ExportGroups {
            fields: vec![FieldName::Action],
        },
        Request::Paste {
            format: "version srcaddr dstaddr dstport packets bytes action".into(),
        },
    ]
}

/// One of every reply, most as a real store gives them.
fn replies() -> Vec<Reply> {
    let mut store = Store::new(Table::build(TEXT.to_owned(), &Options::default()), vec!["a.log".into()]);
    let mut out = vec![
        Reply::Ready { protocol: PROTOCOL },
        Reply::Progress {
            index: true,
            fraction: 0.25,
        },
        Reply::Preview {
            name: "a.log.gz".into(),
            text: TEXT.lines().take(3).map(|l| format!("{l}\n")).collect(),
        },
        Reply::Opened {
            format: String::new(),
            meta: store.meta(),
            problems: vec![
                ("a.log.gz".into(), Problem::Open(OpenError::BadGzip("cut".into()))),
                ("b.log".into(), Problem::InvalidUtf8(7)),
                (
                    "c.parquet".into(),
                    Problem::Open(OpenError::Parquet(ParquetError::NoFields)),
                ),
            ],
        },
    ];
    for request in requests().into_iter().skip(2) {
        out.push(store.handle(request));
    }
    out
}

fn parquet_replies() -> Vec<ParquetReply> {
    vec![
        ParquetReply::Ready { protocol: PROTOCOL },
        ParquetReply::Read(ParquetText {
            text: String::new(),
            rows: 3,
            row_groups: 2,
            other_columns: vec!["extra".into()],
        }),
        ParquetReply::Failed(ParquetError::TooLarge { limit: 1 << 30 }),
        ParquetReply::Failed(ParquetError::Unreadable {
            why: "not Parquet".into(),
        }),
    ]
}

/// An export's file travels beside its reply, not in it.
fn without_body(reply: Reply) -> Reply {
    match reply {
        Reply::Exported { id, name, mime, .. } => Reply::Exported {
            id,
            name,
            mime,
            body: String::new(),
        },
        other => other,
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::*;
    use vpc_flowlog_decoder::flowlog::bulk::store::Message;

    #[test]
    fn ok_every_message_round_trips_as_json() {
        let replies = replies();
        // Every kind of reply is there (the store answered each request).
        assert_eq!(replies.len(), 15);
        let across = replies.iter().find_map(|r| match r {
            Reply::Across { report } => Some(report),
            _ => None,
        });
        assert_eq!(
            across.map(|r| r.conversations),
            Some(3),
            "the IPv6 conversation and the two others"
        );
        assert!(matches!(replies.get(12), Some(Reply::Exported { .. })));
        // Every group as CSV (the table shows the largest 500).
        assert!(matches!(replies.get(13), Some(Reply::Exported { name, body, .. })
            if name == "flow-log-groups.csv" && body.starts_with("action,records,packets,bytes\r\n")));
        assert!(matches!(replies.last(), Some(Reply::Pasted { .. })));
        for request in requests() {
            assert_eq!(Request::from_json(&request.to_json()), Some(request));
        }
        for reply in replies {
            let back = Reply::from_json(&reply.to_json());
            assert_eq!(back, Some(without_body(reply)));
        }
        for reply in parquet_replies() {
            let json = serde_json::to_string(&reply).unwrap();
            assert_eq!(serde_json::from_str::<ParquetReply>(&json).unwrap(), reply);
        }
        // A format with a field this page does not know crosses whole.
        let unknown = Store::new(
            Table::build("srcaddr new-field\n10.0.0.1 x\n".to_owned(), &Options::default()),
            Vec::new(),
        );
        let meta = Reply::Opened {
            format: String::new(),
            meta: unknown.meta(),
            problems: Vec::new(),
        };
        assert_eq!(Reply::from_json(&meta.to_json()), Some(meta));
        // A message of another shape is refused, not half-read.
        assert_eq!(Request::from_json(r#"{"type":"open"}"#), None);
        assert_eq!(Request::from_json(r#"{"type":"rows","id":1,"from":"0","to":4}"#), None);
        // A sort by a name that is no field is refused, not read as another sort.
        assert_eq!(
            Request::from_json(r#"{"type":"select","id":1,"query":"","sort":["bytez",true]}"#),
            None
        );
        assert!(Request::from_json(r#"{"type":"select","id":1,"query":"","sort":["bytes",true]}"#).is_some());
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
    use vpc_flowlog_decoder::web::envelope;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    /// Through the envelope, and through the browser's structured clone (what
    /// `postMessage` does), as between the page and a worker.
    fn across<T: serde::Serialize + serde::de::DeserializeOwned>(message: &T) -> Option<T> {
        let envelope = envelope::wrap(message);
        let clone: js_sys::Function = envelope::get(&js_sys::global(), "structuredClone").into();
        let cloned = clone
            .call1(&wasm_bindgen::JsValue::NULL, &envelope)
            .expect("messages are clonable");
        envelope::unwrap(&cloned)
    }

    #[wasm_bindgen_test]
    fn ok_every_message_round_trips_through_the_envelope() {
        for request in requests() {
            assert_eq!(across(&request), Some(request));
        }
        for reply in replies() {
            assert_eq!(across(&reply), Some(without_body(reply)));
        }
        for reply in parquet_replies() {
            assert_eq!(across(&reply), Some(reply));
        }
        // The protocol hash keeps all 64 bits (it is beyond 2^53).
        assert_eq!(
            across(&Reply::Ready { protocol: u64::MAX }),
            Some(Reply::Ready { protocol: u64::MAX })
        );
        // Something else is refused.
        assert_eq!(
            envelope::unwrap::<Request>(&wasm_bindgen::JsValue::from_str("open")),
            None
        );
    }
}
