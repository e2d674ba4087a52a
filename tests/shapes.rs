//! Every example of `shared/spec/input-shapes.md`: the records found, the first
//! record's values, the input line it came from, and what was unwrapped.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod util;

use std::io::Write;

use base64::Engine as _;
use vpc_flowlog_decoder::fields::{FieldName, Lang};
use vpc_flowlog_decoder::flowlog::decode::shapes::{Removed, S3Key, Shape};
use vpc_flowlog_decoder::flowlog::{bulk::open, decode_text, Decoded, LineKind, Options, Value};

const AWS: &str =
    "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK";
const AWS2: &str =
    "2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 1418530010 1418530070 REJECT OK";
const SEED: &str =
    "2 123456789012 eni-0a1b2c3d 203.0.113.12 10.0.0.1 123 40658 17 1 76 1621259323 1621259383 ACCEPT OK";
const SEED_REPLY: &str =
    "2 123456789012 eni-0a1b2c3d 10.0.0.1 203.0.113.12 40658 123 17 1 76 1621259323 1621259383 ACCEPT OK";

/// What a decode found: every record as (input line, its values joined by one space,
/// event time in Unix seconds), and the shapes the recogniser named.
struct Found {
    records: Vec<(usize, String, Option<i64>)>,
    shapes: Vec<Shape>,
    removed: Vec<(Removed, usize)>,
    errors: usize,
    decoded: Decoded,
}

fn find(text: &str) -> Found {
    let decoded = decode_text(text, &Options::default());
    // The paste's compact table (what its analysis and large view read) unwraps exactly
    // when the full decode does, and finds the same records.
    let (table, unwrapped) =
        vpc_flowlog_decoder::flowlog::bulk::index::Table::build_input(text.to_owned(), &Options::default());
    assert_eq!(
        unwrapped.is_some(),
        decoded.unwrapped.is_some(),
        "unwrapped alike: {text:?}"
    );
    assert_eq!(
        table.counts().records,
        decoded.counts().records,
        "records alike: {text:?}"
    );
    let clean = decoded.text(text).to_owned();
    let records = decoded
        .lines
        .iter()
        .filter_map(|l| match &l.kind {
            LineKind::Record(r) => Some((
                l.at,
                r.cells.iter().map(|c| c.raw(&clean)).collect::<Vec<_>>().join(" "),
                r.event_time.as_ref().map(|e| e.unix),
            )),
            _ => None,
        })
        .collect();
    let (shapes, removed) = decoded.unwrapped.as_ref().map_or((Vec::new(), Vec::new()), |(_, u)| {
        (
            u.report.shapes.iter().map(|(s, _)| *s).collect(),
            u.report.removed.clone(),
        )
    });
    let errors = decoded.errors(&clean).len();
    Found {
        records,
        shapes,
        removed,
        errors,
        decoded,
    }
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn b64(data: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(data)
}

#[track_caller]
fn check(text: &str, records: &[(usize, &str)], shape: Option<Shape>) -> Found {
    let f = find(text);
    let got: Vec<(usize, &str)> = f.records.iter().map(|(at, r, _)| (*at, r.as_str())).collect();
    assert_eq!(got, records, "records of {text:?}");
    assert_eq!(
        f.errors,
        0,
        "no errors in {text:?}: {:#?}",
        f.decoded.errors(f.decoded.text(text))
    );
    if let Some(s) = shape {
        assert!(f.shapes.contains(&s), "{s:?} not in {:?} for {text:?}", f.shapes);
    }
    f
}

fn removed(f: &Found, what: Removed) -> usize {
    f.removed.iter().find(|(r, _)| *r == what).map_or(0, |(_, n)| *n)
}

// 1. Bare record lines, under a `<field>` header, in a code fence.

#[test]
fn ok_bare_lines_under_an_angle_bracket_header() {
    let text = "<version> <account-id> <interface-id> <srcaddr> <dstaddr> <srcport> <dstport> <protocol> <packets> <bytes> <start> <end> <action> <log-status>
2 9xxx eni-xxx 123.45.67.89 172.31.44.17 0 0 1 2 120 1554186843 1554186883 ACCEPT OK
2 9xxx eni-xxx 172.31.44.17 123.45.67.89 0 0 1 1 60 1554186843 1554186883 ACCEPT OK
";
    let f = find(text);
    assert_eq!(f.records.len(), 2);
    assert_eq!(f.records[0].0, 2);
    // The placeholders are sanitised values, not errors.
    assert_eq!(f.errors, 0);
    let (_, r) = f.decoded.records().next().unwrap();
    assert_eq!(util::value(r, FieldName::AccountId), Value::Masked);
    assert_eq!(util::value(r, FieldName::InterfaceId), Value::Masked);
}

#[test]
fn ok_code_fence_and_blank_lines_and_crlf() {
    let text = format!("```\r\n{AWS}\r\n\r\n{AWS2}\r\n```\r\n");
    let f = check(&text, &[(2, AWS), (4, AWS2)], Some(Shape::CodeFence));
    assert_eq!(removed(&f, Removed::Chrome), 2);
}

#[test]
fn ok_lone_cr_line_ends_and_bom() {
    let text = format!("\u{feff}{AWS}\r{AWS2}\r");
    check(&text, &[(1, AWS), (2, AWS2)], Some(Shape::CrLineEnds));
    let f = check(&format!("\u{feff}version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n{AWS}\n"), &[(2, AWS)], Some(Shape::Bom));
    assert!(matches!(f.decoded.lines[0].kind, LineKind::Header(_)));
}

// 2. S3 text with its header; concatenated files repeat it.

#[test]
fn ok_s3_text_with_header_and_repeated_headers() {
    let head = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
    let a = "2 12345678910 eni-0eb1e4178af74336c - - - - - - - 1742569968 1742570020 - NODATA";
    let b = "2 12345678910 eni-0eb1e4178af74336c - - - - - - - 1742570029 1742570081 - NODATA";
    let f = find(&format!("{head}\n{a}\n{head}\n{b}\n"));
    assert_eq!(f.records.iter().map(|r| r.0).collect::<Vec<_>>(), vec![2, 4]);
    assert_eq!(f.records[0].1, a);
    // An 11-digit account is flagged as a value, not a structural error.
    assert!(f.decoded.unwrapped.is_none(), "plain S3 text needs no recogniser");
}

#[test]
fn ok_s3_keys_say_account_region_flow_log_and_window() {
    let key = S3Key::parse(
        "my-bucket/AWSLogs/123456789012/vpcflowlogs/us-east-1/2018/06/20/123456789012_vpcflowlogs_us-east-1_fl-1234abcd_20180620T1620Z_fe123456.log.gz",
    )
    .unwrap();
    assert_eq!(key.account.as_deref(), Some("123456789012"));
    assert_eq!(key.region.as_deref(), Some("us-east-1"));
    assert_eq!(key.flow_log_id.as_deref(), Some("fl-1234abcd"));
    assert_eq!(key.window.as_deref(), Some("2018-06-20T16:20Z"));
    assert_eq!(
        key.describe(Lang::En),
        "account 123456789012, Region us-east-1, flow log fl-1234abcd, records ending 2018-06-20T16:20Z + 5 min"
    );
    let hive = S3Key::parse("s3://b/AWSLogs/aws-account-id=123456789012/aws-service=vpcflowlogs/aws-region=eu-west-1/year=2024/month=03/day=05/hour=07/x.log.gz").unwrap();
    assert!(hive.hive);
    assert_eq!(hive.region.as_deref(), Some("eu-west-1"));
    assert_eq!(hive.window.as_deref(), Some("2024-03-05T07Z"));
    // A pasted key alone: no records, but what it says is reported.
    let f = find("AWSLogs/123456789012/vpcflowlogs/us-east-1/2018/06/20/123456789012_vpcflowlogs_us-east-1_fl-1234abcd_20180620T1620Z_fe123456.log.gz\n");
    assert!(f.records.is_empty());
    let (_, u) = f.decoded.unwrapped.as_ref().unwrap();
    assert!(
        u.report.describe(Lang::En).contains("flow log fl-1234abcd"),
        "{}",
        u.report.describe(Lang::En)
    );
    assert_eq!(f.errors, 0);
}

// 4. CloudWatch console copies.

#[test]
fn ok_seed_line_japanese_console_headers_glued_to_a_row() {
    let text = "タイムスタンプ                       メッセージ2021-05-17T22:48:43.000+09:00    2 XXXXXXXXX eni-aaaaaaa xx.xx.xx.xx 10.0.0.1 123 40658 17 1 76 xxxxxxxxxx xxxxxxxxxx ACCEPT OK";
    let f = check(
        text,
        &[(
            1,
            "2 XXXXXXXXX eni-aaaaaaa xx.xx.xx.xx 10.0.0.1 123 40658 17 1 76 xxxxxxxxxx xxxxxxxxxx ACCEPT OK",
        )],
        Some(Shape::ConsoleCopy),
    );
    assert_eq!(f.records[0].2, Some(1_621_259_323));
    assert_eq!(removed(&f, Removed::Chrome), 1);
    assert_eq!(removed(&f, Removed::Timestamps), 1);
    let (_, r) = f.decoded.records().next().unwrap();
    assert_eq!(r.cells.len(), 14);
    // The same copy from the English console, and with TABs as the console writes them.
    check(
        &format!("Timestamp\tMessage2021-05-17T22:48:43.000+09:00\t{SEED}"),
        &[(1, SEED)],
        Some(Shape::ConsoleCopy),
    );
    check(
        &format!("TimestampMessage2021-05-17T22:48:43.000+09:00    {SEED}"),
        &[(1, SEED)],
        Some(Shape::ConsoleCopy),
    );
    let report = f.decoded.unwrapped.as_ref().unwrap().1.report.describe(Lang::Ja);
    assert!(report.starts_with("CloudWatch コンソールからのコピー"), "{report}");
}

#[test]
fn ok_console_single_row_with_tab() {
    let f = check(&format!("2021-05-17T22:48:43.000+09:00\t{SEED}"), &[(1, SEED)], None);
    assert_eq!(f.records[0].2, Some(1_621_259_323));
}

#[test]
fn ok_console_2025_layout_with_an_expanded_row() {
    let text = format!(
        "Timestamp\n\t\nMessage\n\nTimestamp\n\t\nMessage\n\nNo older events at this moment. \nRetry\n2021-05-17T22:48:43.000+09:00\n{SEED}\n{SEED}\n2021-05-17T22:48:43.000+09:00\n{SEED_REPLY}\n"
    );
    let f = check(&text, &[(12, SEED), (15, SEED_REPLY)], Some(Shape::ConsoleCopy));
    assert_eq!(f.records[0].2, Some(1_621_259_323));
    assert_eq!(removed(&f, Removed::Duplicates), 1);
    assert_eq!(removed(&f, Removed::Timestamps), 2);
    assert_eq!(removed(&f, Removed::Chrome), 6);
    let (_, u) = f.decoded.unwrapped.as_ref().unwrap();
    assert_eq!(
        u.report.describe(Lang::En),
        "CloudWatch console copy: removed 6 lines of column headers and decoration, 2 event timestamps (kept as event times), 1 repeated line of expanded rows"
    );
    // Each removed line is listed with its number.
    assert!(u.report.skipped.contains(&(13, Removed::Duplicates)));
    assert!(
        u.report.skipped.contains(&(14, Removed::Timestamps)),
        "{:?}",
        u.report.skipped
    );
}

#[test]
fn ok_console_legacy_tab_layout_and_2024_expanded_rows() {
    let legacy = format!(
        "Timestamp \t\t\t\t\t\tMessage \n2021-05-17T22:48:43.000+09:00\t{SEED}\n\tNo older events at this moment. Retry\n"
    );
    check(&legacy, &[(2, SEED)], Some(Shape::ConsoleCopy));
    let expanded = format!(
        "Timestamp\nMessage\nNo older events at this moment. \nRetry\n2021-05-17T13:48:43.000Z\n{SEED}\n\nCopy\n{SEED}\n"
    );
    let f = check(&expanded, &[(6, SEED)], Some(Shape::ConsoleCopy));
    assert_eq!(removed(&f, Removed::Duplicates), 1);
}

#[test]
fn ok_console_message_column_only() {
    let f = check(
        &format!("No older events at this moment. Retry\n{AWS}\n{AWS2}\n"),
        &[(2, AWS), (3, AWS2)],
        Some(Shape::ConsoleCopy),
    );
    assert_eq!(removed(&f, Removed::Chrome), 1);
}

#[test]
fn ok_identical_records_outside_a_console_block_are_kept() {
    let f = find(&format!("{AWS}\n{AWS}\n"));
    assert_eq!(f.records.len(), 2);
}

// 5. The console's CSV download.

#[test]
fn ok_console_csv_download() {
    let row = "2 627286350134 eni-0eb1e4178af74336c - - - - - - - 1742570569 1742570622 - NODATA";
    let f = check(
        &format!("timestamp,message\n1742570569000,{row}\n"),
        &[(2, row)],
        Some(Shape::ConsoleCsv),
    );
    assert_eq!(f.records[0].2, Some(1_742_570_569));
    check(
        &format!("\"timestamp\",\"message\"\r\n\"1742570569000\",\"{row}\"\r\n"),
        &[(2, row)],
        Some(Shape::ConsoleCsv),
    );
}

// 6. aws logs tail.

#[test]
fn ok_logs_tail_formats() {
    let f = check(
        &format!("2014-12-14T04:06:50.000000+00:00 eni-1235b8ca123456789-all {AWS}\n"),
        &[(1, AWS)],
        Some(Shape::LogsTail),
    );
    assert_eq!(f.records[0].2, Some(1_418_530_010));
    assert_eq!(
        f.decoded.unwrapped.as_ref().unwrap().1.stream_of(1),
        Some("eni-1235b8ca123456789-all")
    );
    check(
        &format!("2014-12-14T04:06:50+00:00 eni-1235b8ca123456789-all {AWS}\n"),
        &[(1, AWS)],
        Some(Shape::LogsTail),
    );
    // short: the plain decoder reads a leading timestamp itself.
    check(&format!("2014-12-14T04:06:50 {AWS}\n"), &[(1, AWS)], None);
    let f = check(
        &format!("\x1b[32m2014-12-14T04:06:50.000000+00:00\x1b[0m \x1b[36meni-1235b8ca123456789-all\x1b[0m {AWS}\n"),
        &[(1, AWS)],
        Some(Shape::Ansi),
    );
    assert!(f.shapes.contains(&Shape::LogsTail));
    // awslogs: group, stream, timestamp.
    check(
        &format!("/vpc/flowlogs eni-1235b8ca123456789-all 2014-12-14T04:06:50.000Z {AWS}\n"),
        &[(1, AWS)],
        Some(Shape::LogsTail),
    );
}

// 7. get-log-events / filter-log-events.

fn filter_json() -> String {
    format!(
        r#"{{
    "events": [
        {{
            "logStreamName": "eni-1235b8ca123456789-all",
            "timestamp": 1418530010000,
            "message": "{AWS}",
            "ingestionTime": 1418530134812,
            "eventId": "31953106606966983378809025079804211143289615424298221568"
        }},
        {{
            "logStreamName": "eni-1235b8ca123456789-all",
            "timestamp": 1418530010000,
            "message": "{AWS2}",
            "ingestionTime": 1418530134812,
            "eventId": "31953106606966983378809025079804211143289615424298221569"
        }}
    ],
    "searchedLogStreams": []
}}
"#
    )
}

#[test]
fn ok_filter_log_events_json() {
    let f = check(&filter_json(), &[(6, AWS), (13, AWS2)], Some(Shape::CliJson));
    // What was removed is listed on the lines of the records it came with.
    assert!(f
        .decoded
        .unwrapped
        .as_ref()
        .unwrap()
        .1
        .report
        .skipped
        .contains(&(13, Removed::Timestamps)));
    assert_eq!(f.records[1].2, Some(1_418_530_010));
    let (_, u) = f.decoded.unwrapped.as_ref().unwrap();
    assert_eq!(
        u.report.describe(Lang::En),
        "aws logs get/filter-log-events JSON: removed 2 event timestamps (kept as event times), 2 log stream names (kept as context); log stream eni-1235b8ca123456789-all"
    );
    let get = format!(
        r#"{{"events": [{{"timestamp": 1418530010000, "message": "{AWS}\n", "ingestionTime": 1418530134812}}], "nextForwardToken": "f/1", "nextBackwardToken": "b/1"}}"#
    );
    check(&get, &[(1, AWS)], Some(Shape::CliJson));
}

#[test]
fn ok_cli_output_text() {
    let filter = format!(
        "EVENTS\t31953106606966983378809025079804211143289615424298221568\t1418530134812\teni-1235b8ca123456789-all\t{AWS}\t1418530010000\n"
    );
    let f = check(&filter, &[(1, AWS)], Some(Shape::CliText));
    assert_eq!(f.records[0].2, Some(1_418_530_010));
    let get = format!("b/3195\tf/3195\nEVENTS\t1418530134812\t{AWS}\t1418530010000\n");
    let f = find(&get);
    assert_eq!(f.records.iter().map(|r| r.1.as_str()).collect::<Vec<_>>(), vec![AWS]);
}

#[test]
fn ok_query_messages_joined_by_tabs_on_one_line() {
    let f = check(
        &format!("{AWS}\t{AWS2}\t{AWS}\n"),
        &[(1, AWS), (1, AWS2), (1, AWS)],
        Some(Shape::TabJoined),
    );
    // Three records from one input line: each keeps a line of its own to be named by.
    let nos: Vec<usize> = f
        .decoded
        .lines
        .iter()
        .filter(|l| matches!(l.kind, LineKind::Record(_)))
        .map(|l| l.no)
        .collect();
    assert_eq!(nos, vec![1, 2, 3]);
    let f = check(
        &format!("1418530010000\t{AWS}\n1418530010000\t{AWS2}\n"),
        &[(1, AWS), (2, AWS2)],
        None,
    );
    assert_eq!(f.records[0].2, Some(1_418_530_010));
    check(
        &format!("[\n    \"{AWS}\",\n    \"{AWS2}\"\n]\n"),
        &[(2, AWS), (3, AWS2)],
        Some(Shape::JsonArray),
    );
}

#[test]
fn ok_cli_output_table() {
    let text = format!(
        "-----------------------------------------------------------------------\n\
|                          FilterLogEvents                            |\n\
+---------------------------------------------------------------------+\n\
||                              events                               ||\n\
|+----------+----------------+----------------+--------------+--------+|\n\
||  eventId | ingestionTime  | logStreamName  |   message    | timestamp ||\n\
|+----------+----------------+----------------+--------------+--------+|\n\
||  3195310 |  1418530134812 |  eni-1235b8ca123456789-all  |  {AWS}  |  1418530010000 ||\n\
|+----------+----------------+----------------+--------------+--------+|\n"
    );
    let f = check(&text, &[(8, AWS)], Some(Shape::CliTable));
    assert_eq!(f.records[0].2, Some(1_418_530_010));
}

// 8. Logs Insights.

#[test]
fn ok_insights_csv_and_glued_header() {
    let f = check(
        &format!("@timestamp,@message\n2014-12-14 04:06:50.000,{AWS}\n"),
        &[(2, AWS)],
        Some(Shape::InsightsCsv),
    );
    assert_eq!(f.records[0].2, Some(1_418_530_010));
    check(
        &format!("@logStream,@timestamp,@messageeni-1235b8ca123456789-all,2014-12-14 04:06:50.000,{AWS}\neni-1235b8ca123456789-all,2014-12-14 04:06:50.000,{AWS2}\n"),
        &[(1, AWS), (2, AWS2)],
        Some(Shape::InsightsCsv),
    );
}

#[test]
fn ok_insights_markdown_export() {
    let text = format!(
        "**CloudWatch Logs Insights**  \nregion: us-east-1  \nlog-group-names: /vpc/flowlogs  \nstart-time: -3600s  \nend-time: 0s  \nquery-string:\n```\nfields @timestamp, @message | sort @timestamp desc | limit 20\n```\n---\n| @timestamp | @message |\n| --- | --- |\n| 2014-12-14 04:06:50.000 | {AWS} |\n| 2014-12-14 04:06:50.000 | {AWS2} |\n"
    );
    let f = check(&text, &[(13, AWS), (14, AWS2)], Some(Shape::InsightsMarkdown));
    assert_eq!(removed(&f, Removed::Query), 9);
    assert!(!f.shapes.contains(&Shape::CodeFence));
}

#[test]
fn ok_insights_expanded_row() {
    let text = format!("| Field | Value |\n| --- | --- |\n| @ingestionTime | 1666990990000 |\n| @timestamp | 1666990939000 |\n| @message | {AWS} |\n| accountId | 123456789010 |\n");
    let f = check(&text, &[(5, AWS)], Some(Shape::InsightsMarkdown));
    assert_eq!(f.records[0].2, Some(1_666_990_939));
}

#[test]
fn ok_get_query_results() {
    let text = format!(
        r#"{{"results":[[{{"field":"@timestamp","value":"2014-12-14 04:06:50.000"}},{{"field":"@message","value":"{AWS}"}},{{"field":"@ptr","value":"Cm4K"}}]],"statistics":{{"recordsMatched":1.0}},"status":"Complete"}}"#
    );
    let f = check(&text, &[(1, AWS)], Some(Shape::InsightsResults));
    assert_eq!(f.records[0].2, Some(1_418_530_010));
}

// 9. Subscription-filter payloads.

const SUB_RECORD: &str =
    "2 647604195155 eni-0c19436730cc350ae 10.5.81.140 10.90.0.45 53598 443 6 2 120 1702918083 1702918083 ACCEPT OK";

fn sub_payload() -> String {
    format!(
        r#"{{"messageType":"DATA_MESSAGE","owner":"647604195155","logGroup":"VPCFlowLogGroup","logStream":"eni-0c19436730cc350ae-all","subscriptionFilters":["flowlogstest"],"logEvents":[{{"id":"37976342262953223179038144714945888722564951965555163136","timestamp":1702918083000,"message":"{SUB_RECORD}"}}]}}"#
    )
}

#[test]
fn ok_subscription_lambda_event_and_decoded_payload() {
    let data = b64(&gzip(sub_payload().as_bytes()));
    let event = format!("{{\"awslogs\": {{\"data\": \"{data}\"}}}}");
    let f = check(&event, &[(1, SUB_RECORD)], Some(Shape::SubscriptionEvent));
    assert!(f.shapes.contains(&Shape::SubscriptionPayload) && f.shapes.contains(&Shape::Gzip));
    assert_eq!(f.records[0].2, Some(1_702_918_083));
    assert_eq!(
        f.decoded.unwrapped.as_ref().unwrap().1.stream_of(1),
        Some("eni-0c19436730cc350ae-all")
    );
    // As printed by Python (single quotes), as the published comment shows it.
    check(
        &format!("{{'awslogs': {{'data': '{data}'}}}}"),
        &[(1, SUB_RECORD)],
        Some(Shape::SubscriptionEvent),
    );
    // The base64 alone, and the decoded JSON.
    check(&data, &[(1, SUB_RECORD)], Some(Shape::Base64));
    check(&sub_payload(), &[(1, SUB_RECORD)], Some(Shape::SubscriptionPayload));
}

#[test]
fn ok_control_message_has_no_records_and_says_so() {
    let text = r#"{"messageType":"CONTROL_MESSAGE","owner":"CloudwatchLogs","logGroup":"","logStream":"","subscriptionFilters":[],"logEvents":[{"id":"","timestamp":1432826855000,"message":"CWL CONTROL MESSAGE: Checking health of destination Firehose."}]}"#;
    let f = find(text);
    assert!(f.records.is_empty());
    assert_eq!(f.errors, 0);
    assert_eq!(removed(&f, Removed::ControlMessages), 1);
}

#[test]
fn ok_kinesis_records_and_lambda_kinesis_event() {
    let data = b64(&gzip(sub_payload().as_bytes()));
    let cli = format!(
        r#"{{"Records":[{{"SequenceNumber":"1","ApproximateArrivalTimestamp":1702918090.0,"Data":"{data}","PartitionKey":"p"}}],"NextShardIterator":"x"}}"#
    );
    check(&cli, &[(1, SUB_RECORD)], Some(Shape::Kinesis));
    let lambda = format!("{{\"Records\":[{{\"kinesis\":{{\"data\":\"{data}\"}}}}]}}");
    check(&lambda, &[(1, SUB_RECORD)], Some(Shape::Kinesis));
}

#[test]
fn ok_firehose_transformation_event() {
    let gz = b64(&gzip(sub_payload().as_bytes()));
    let plain = b64(format!("{{\"message\":\"{SUB_RECORD}\"}}").as_bytes());
    let text = format!(
        r#"{{"invocationId":"i","deliveryStreamArn":"arn:aws:firehose:us-east-1:647604195155:deliverystream/s","region":"us-east-1","records":[{{"recordId":"1","approximateArrivalTimestamp":1702918090000,"data":"{gz}"}},{{"recordId":"2","data":"{plain}"}}]}}"#
    );
    check(
        &text,
        &[(1, SUB_RECORD), (1, SUB_RECORD)],
        Some(Shape::FirehoseTransform),
    );
}

#[test]
fn ok_firehose_s3_objects_back_to_back_and_gzip_of_gzips() {
    let payload = sub_payload();
    // One gzip member per record, the JSON values back to back with no separator.
    let mut object = gzip(payload.as_bytes());
    object.extend(gzip(payload.as_bytes()));
    let opened = open::open(&object, open::MAX_TEXT_BYTES).unwrap();
    assert_eq!(opened.text.matches(SUB_RECORD).count(), 2);
    // The stream also compressed: gzip of gzips.
    let twice = gzip(&object);
    let opened = open::open(&twice, open::MAX_TEXT_BYTES).unwrap();
    assert_eq!(
        opened.text.lines().filter(|l| l.contains(SUB_RECORD)).count(),
        2,
        "{}",
        opened.text
    );
}

// 10. Firehose direct delivery.

#[test]
fn ok_firehose_direct_messages() {
    let r = "2 647604195155 eni-05fdd58317a3a58e4 10.30.2.238 10.30.1.217 8089 39016 6 22 10527 1643160732 1643160792 ACCEPT OK";
    check(
        &format!("{{\"message\":\"{r}\"}}{{\"message\":\"{r}\"}}"),
        &[(1, r), (1, r)],
        Some(Shape::FirehoseMessage),
    );
    check(
        &format!("{{\"message\":\"{r}\\n\"}}\n{{\"message\":\"{r}\\n\"}}\n"),
        &[(1, r), (2, r)],
        Some(Shape::FirehoseMessage),
    );
    let encoded = b64(format!("{{\"message\":\"{r}\"}}").as_bytes());
    assert!(encoded.starts_with("eyJ"));
    check(&encoded, &[(1, r)], Some(Shape::Base64));
}

// 11. Export task files.

#[test]
fn ok_export_task_lines() {
    let r =
        "2 633112549318 eni-d68830d4 209.141.42.153 10.155.108.192 54252 8088 6 1 40 1537648094 1537648129 ACCEPT OK";
    let f = check(&format!("2018-09-22T20:28:14.000Z {r}\n"), &[(1, r)], None);
    assert_eq!(f.records[0].2, Some(1_537_648_094));
}

// 12. Millisecond epochs.

#[test]
fn ok_millisecond_epochs_are_read_and_flagged() {
    let r = "2 123456789010 eni-4b118871 - - - - - - - 1512564058000 1512564059000 - SKIPDATA";
    let f = check(r, &[(1, r)], None);
    let (_, rec) = f.decoded.records().next().unwrap();
    assert_eq!(util::value(rec, FieldName::Start), Value::Time(1_512_564_058));
    let d = vpc_flowlog_decoder::flowlog::explain::describe::describe(
        rec,
        rec.cell(FieldName::Start).unwrap(),
        r,
        Lang::En,
        &vpc_flowlog_decoder::flowlog::decode::clock::Fixed(0),
    );
    assert!(d.meaning.starts_with("Epoch milliseconds (13 digits)"), "{}", d.meaning);
    assert_eq!(d.decoded, "2017-12-06 12:40:58 UTC");
}

// 13. Transit gateway records without a header.

#[test]
fn ok_transit_gateway_records_without_a_header() {
    let r = "6 TransitGateway 123456789012 tgw-0abc12345def67890 tgw-attach-0abc12345def67890 123456789012 123456789012 vpc-0abc12345def67890 vpc-0abc12345def67891 subnet-0abc12345def67890 subnet-0abc12345def67891 eni-0abc12345def67890 eni-0abc12345def67891 use1-az1 use1-az2 tgw-attach-0abc12345def67891 10.0.1.5 10.1.1.8 49152 443 6 10 840 1700000000 1700000060 OK IPv4 0 0 0 0 2 us-east-1 ingress - -";
    assert_eq!(r.split(' ').count(), 36);
    let f = check(&format!("{r}\n{r}\n"), &[(1, r), (2, r)], Some(Shape::TgwNoHeader));
    let (_, rec) = f.decoded.records().next().unwrap();
    assert_eq!(rec.cells.len(), 36);
}

// Sanitised samples as posted publicly.

#[test]
fn ok_sanitised_samples_decode_with_placeholders() {
    // The ten samples as posted publicly (catalogue), from the shared cases.
    let cases: Vec<serde_json::Value> = serde_json::from_str(include_str!("data/shapes/cases.json")).unwrap();
    let samples: Vec<&str> = cases
        .iter()
        .filter(|c| c["name"].as_str().unwrap().starts_with("sanitised-"))
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert_eq!(samples.len(), 10);
    for s in samples {
        let f = find(s);
        assert_eq!(f.records.len(), 1, "{s}");
        assert_eq!(f.errors, 0, "{s}: {:#?}", f.decoded.errors(s));
        let (_, rec) = f.decoded.records().next().unwrap();
        // The rest of the record still decodes.
        assert!(
            matches!(util::value(rec, FieldName::Protocol), Value::Protocol(_)),
            "{s}"
        );
    }
    // An error only when the value cannot be what the field is.
    let f =
        find("2 123456789012 eni-0a1b2c3d 203.0.113.12 10.0.0.1 http 40658 17 1 76 1621259323 1621259383 ACCEPT OK");
    assert_eq!(f.errors, 1);
}

// 14. Other shapes: records as named fields.

#[test]
fn ok_named_fields_json_and_athena_csv() {
    let json = r#"[{"version": 2, "account_id": "123456789010", "interface_id": "eni-1235b8ca123456789", "srcaddr": "172.31.16.139", "dstaddr": "172.31.16.21", "srcport": 20641, "dstport": 22, "protocol": 6, "packets": 20, "bytes": 4249, "start": 1418530010, "end": 1418530070, "action": "ACCEPT", "log_status": "OK"},
{"version": 2, "account_id": "123456789010", "interface_id": "eni-1235b8ca123456789", "srcaddr": null, "dstaddr": null, "srcport": null, "dstport": null, "protocol": null, "packets": null, "bytes": null, "start": 1418530010, "end": 1418530070, "action": null, "log_status": "NODATA"}]"#;
    let f = check(
        json,
        &[
            (1, AWS),
            (
                2,
                "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1418530010 1418530070 - NODATA",
            ),
        ],
        Some(Shape::NamedColumns),
    );
    assert_eq!(f.records.len(), 2);
    let csv = "\"version\",\"account_id\",\"interface_id\",\"srcaddr\",\"dstaddr\",\"srcport\",\"dstport\",\"protocol\",\"packets\",\"bytes\",\"start\",\"end\",\"action\",\"log_status\",\"date\"\n\"2\",\"123456789010\",\"eni-1235b8ca123456789\",\"172.31.16.139\",\"172.31.16.21\",\"20641\",\"22\",\"6\",\"20\",\"4249\",\"1418530010\",\"1418530070\",\"ACCEPT\",\"OK\",\"2014/12/14\"\n";
    let f = check(csv, &[(2, AWS)], Some(Shape::NamedColumns));
    // The partition column `date` is not a flow log field: left out, and said.
    assert_eq!(removed(&f, Removed::Columns), 1);
}

// Nothing is lost: lines that are no record stay, located.

#[test]
fn ok_unreadable_lines_stay_as_located_errors() {
    let text = format!(
        "Timestamp\n2021-05-17T22:48:43.000+09:00\n{SEED}\nthis is not a record, it is a sentence\nNew console word\n"
    );
    let f = find(&text);
    assert_eq!(f.records.len(), 1);
    let errors = f.decoded.errors(f.decoded.text(&text));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].line_no, 4);
    assert!(errors[0]
        .to_string()
        .starts_with("line 4: expected 14 fields (default format), found 9"));
    // A short line of words inside a console copy is its decoration: removed, and listed.
    let (_, u) = f.decoded.unwrapped.as_ref().unwrap();
    assert!(
        u.report.skipped.contains(&(5, Removed::Chrome)),
        "{:?}",
        u.report.skipped
    );
}

#[test]
fn ok_files_go_through_the_same_recogniser() {
    let opened = open::open(filter_json().as_bytes(), open::MAX_TEXT_BYTES).unwrap();
    assert_eq!(
        opened
            .text
            .lines()
            .filter(|l| l.ends_with("ACCEPT OK") || l.ends_with("REJECT OK"))
            .count(),
        2
    );
    let console = format!("Timestamp\nMessage\n2021-05-17T22:48:43.000+09:00\n{SEED}\n{SEED}\n");
    let opened = open::open(&gzip(console.as_bytes()), open::MAX_TEXT_BYTES).unwrap();
    let d = decode_text(&opened.text, &Options::default());
    assert_eq!(d.records().count(), 1);
    assert!(vpc_flowlog_decoder::flowlog::decode::shapes::needs_whole(
        console.as_bytes(),
        &Options::default()
    ));
    assert!(!vpc_flowlog_decoder::flowlog::decode::shapes::needs_whole(
        format!("{AWS}\n{AWS2}\n").as_bytes(),
        &Options::default()
    ));
}

/// Every case of `tests/data/shapes/cases.json` (written by `make.py` from the
/// catalogue; the end-to-end tests paste and drop the same cases): the records found,
/// the first record's values and input line, and the wrapper named.
#[test]
fn ok_every_catalogue_case() {
    let cases: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("data/shapes/cases.json")).expect("cases.json parses");
    assert!(cases.len() >= 60);
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let (text, report) = match (case.get("text"), case.get("bytes_b64")) {
            (Some(t), _) => (t.as_str().unwrap().to_owned(), None),
            (None, Some(b)) => {
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(b.as_str().unwrap())
                    .unwrap();
                let opened = open::open(&bytes, open::MAX_TEXT_BYTES).unwrap();
                (opened.text, opened.report)
            }
            _ => panic!("{name}: no input"),
        };
        let f = find(&text);
        assert_eq!(
            f.records.len() as u64,
            case["records"].as_u64().unwrap(),
            "{name}: {:#?}",
            f.records
        );
        assert_eq!(f.errors, 0, "{name}: {:#?}", f.decoded.errors(f.decoded.text(&text)));
        if let Some(first) = case["first"].as_str() {
            assert_eq!(f.records[0].1, first, "{name}");
            if report.is_none() {
                assert_eq!(
                    f.records[0].0 as u64,
                    case["at"].as_u64().unwrap(),
                    "{name}: input line"
                );
            }
        }
        let mut shapes: Vec<String> = f.shapes.iter().map(|s| format!("{s:?}")).collect();
        if let Some(r) = &report {
            shapes.extend(r.shapes.iter().map(|(s, _)| format!("{s:?}")));
        }
        if let Some(file) = case.get("file").and_then(|f| f.as_str()) {
            if S3Key::parse(file).is_some() {
                shapes.push("S3Key".to_owned());
            }
        }
        match case["shape"].as_str() {
            Some(want) => assert!(shapes.iter().any(|s| s == want), "{name}: {want} not in {shapes:?}"),
            None => assert!(
                f.decoded.unwrapped.is_none() || f.shapes.is_empty(),
                "{name}: {shapes:?}"
            ),
        }
    }
}

#[test]
fn ok_a_field_newer_than_this_page_is_kept_as_an_opaque_column() {
    let text = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status nat-gateway-id\n\
                2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK task/abc123\n";
    let f = check(text, &[(2, &format!("{AWS} task/abc123"))], None);
    let (_, rec) = f.decoded.records().next().unwrap();
    let cell = rec.cells.last().unwrap();
    assert_eq!(cell.field, FieldName::Unknown);
    assert_eq!(rec.format.name_at(14), "nat-gateway-id");
    let d = vpc_flowlog_decoder::flowlog::explain::describe::describe(
        rec,
        cell,
        text,
        Lang::En,
        &vpc_flowlog_decoder::flowlog::decode::clock::Fixed(0),
    );
    assert_eq!(d.decoded, "task/abc123");
    assert_eq!(
        cell.field.spec().title.get(Lang::En),
        "Unknown field — newer than this page?"
    );
    // The compact table (large pastes, files) reads it the same way.
    let t = vpc_flowlog_decoder::flowlog::bulk::index::Table::build(text.to_owned(), &Options::default());
    assert_eq!(t.counts().records, 1);
    assert_eq!(t.counts().with_errors, 0);
}
