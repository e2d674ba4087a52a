#!/usr/bin/env python3
"""Writes cases.json: every example of shared/spec/input-shapes.md as a test case
(the text or file bytes, how many records it holds, the first record's values, the
input line it is on, and the wrapper the page must name). Read by tests/shapes.rs
(natively) and tests/e2e/shapes.test.mjs (pasted, and dropped as a file where the
shape is a file). Deterministic: gzip with mtime 0. Run: python3 make.py"""
import base64, gzip, json, os

AWS = "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK"
AWS2 = "2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 1418530010 1418530070 REJECT OK"
SEED = "2 123456789012 eni-0a1b2c3d 203.0.113.12 10.0.0.1 123 40658 17 1 76 1621259323 1621259383 ACCEPT OK"
SEED_REPLY = "2 123456789012 eni-0a1b2c3d 10.0.0.1 203.0.113.12 40658 123 17 1 76 1621259323 1621259383 ACCEPT OK"
SUB = "2 647604195155 eni-0c19436730cc350ae 10.5.81.140 10.90.0.45 53598 443 6 2 120 1702918083 1702918083 ACCEPT OK"
FH = "2 647604195155 eni-05fdd58317a3a58e4 10.30.2.238 10.30.1.217 8089 39016 6 22 10527 1643160732 1643160792 ACCEPT OK"
HEAD = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status"

def gz(b): return gzip.compress(b, mtime=0)
def b64(b): return base64.b64encode(b).decode()

payload = json.dumps({"messageType": "DATA_MESSAGE", "owner": "647604195155", "logGroup": "VPCFlowLogGroup",
    "logStream": "eni-0c19436730cc350ae-all", "subscriptionFilters": ["flowlogstest"],
    "logEvents": [{"id": "37976342262953223179038144714945888722564951965555163136", "timestamp": 1702918083000, "message": SUB}]},
    separators=(",", ":"))
data = b64(gz(payload.encode()))
filter_json = json.dumps({"events": [
    {"logStreamName": "eni-1235b8ca123456789-all", "timestamp": 1418530010000, "message": AWS, "ingestionTime": 1418530134812, "eventId": "31953106606966983378809025079804211143289615424298221568"},
    {"logStreamName": "eni-1235b8ca123456789-all", "timestamp": 1418530010000, "message": AWS2, "ingestionTime": 1418530134812, "eventId": "31953106606966983378809025079804211143289615424298221569"}],
    "searchedLogStreams": []}, indent=4) + "\n"
TGW = "6 TransitGateway 123456789012 tgw-0abc12345def67890 tgw-attach-0abc12345def67890 123456789012 123456789012 vpc-0abc12345def67890 vpc-0abc12345def67891 subnet-0abc12345def67890 subnet-0abc12345def67891 eni-0abc12345def67890 eni-0abc12345def67891 use1-az1 use1-az2 tgw-attach-0abc12345def67891 10.0.1.5 10.1.1.8 49152 443 6 10 840 1700000000 1700000060 OK IPv4 0 0 0 0 2 us-east-1 ingress - -"

cases = []
def case(name, text, records, first, at, shape, file=None, raw=None):
    c = {"name": name, "records": records, "first": first, "at": at, "shape": shape}
    if raw is not None:
        c["bytes_b64"] = b64(raw)
    else:
        c["text"] = text
    if file:
        c["file"] = file
    cases.append(c)

# 1. Bare lines.
case("bare-angle-header", "<version> <account-id> <interface-id> <srcaddr> <dstaddr> <srcport> <dstport> <protocol> <packets> <bytes> <start> <end> <action> <log-status>\n"
     "2 9xxx eni-xxx 123.45.67.89 172.31.44.17 0 0 1 2 120 1554186843 1554186883 ACCEPT OK\n2 9xxx eni-xxx 172.31.44.17 123.45.67.89 0 0 1 1 60 1554186843 1554186883 ACCEPT OK\n",
     2, "2 9xxx eni-xxx 123.45.67.89 172.31.44.17 0 0 1 2 120 1554186843 1554186883 ACCEPT OK", 2, None)
case("bare-code-fence", f"```\n{AWS}\n{AWS2}\n```\n", 2, AWS, 2, "CodeFence")
case("bare-cr-line-ends", f"{AWS}\r{AWS2}\r", 2, AWS, 1, "CrLineEnds", file="old-mac.log")
# 2. S3 text.
s3 = f"{HEAD}\n2 12345678910 eni-0eb1e4178af74336c - - - - - - - 1742569968 1742570020 - NODATA\n2 12345678910 eni-0eb1e4178af74336c - - - - - - - 1742570029 1742570081 - NODATA\n"
case("s3-log-gz", None, 2, "2 12345678910 eni-0eb1e4178af74336c - - - - - - - 1742569968 1742570020 - NODATA", 2, "S3Key",
     file="123456789012_vpcflowlogs_us-east-1_fl-1234abcd_20250321T1530Z_fe123456.log.gz", raw=gz(s3.encode()))
case("s3-text-concatenated", s3 + s3, 4, "2 12345678910 eni-0eb1e4178af74336c - - - - - - - 1742569968 1742570020 - NODATA", 2, None)
case("s3-key-only", "AWSLogs/123456789012/vpcflowlogs/us-east-1/2018/06/20/123456789012_vpcflowlogs_us-east-1_fl-1234abcd_20180620T1620Z_fe123456.log.gz\n", 0, None, None, "S3Key")
# 4. Console copies.
case("console-seed-ja", "タイムスタンプ                       メッセージ2021-05-17T22:48:43.000+09:00    2 XXXXXXXXX eni-aaaaaaa xx.xx.xx.xx 10.0.0.1 123 40658 17 1 76 xxxxxxxxxx xxxxxxxxxx ACCEPT OK",
     1, "2 XXXXXXXXX eni-aaaaaaa xx.xx.xx.xx 10.0.0.1 123 40658 17 1 76 xxxxxxxxxx xxxxxxxxxx ACCEPT OK", 1, "ConsoleCopy")
case("console-glued-en", f"Message2021-05-17T22:48:43.000+09:00\t{SEED}", 1, SEED, 1, "ConsoleCopy")
case("console-single-row", f"2021-05-17T22:48:43.000+09:00\t{SEED}", 1, SEED, 1, None)
case("console-2025", f"Timestamp\n\t\nMessage\n\nTimestamp\n\t\nMessage\n\nNo older events at this moment. \nRetry\n2021-05-17T22:48:43.000+09:00\n{SEED}\n{SEED}\n2021-05-17T22:48:43.000+09:00\n{SEED_REPLY}\n",
     2, SEED, 12, "ConsoleCopy")
case("console-legacy-tab", f"Timestamp \t\t\t\t\t\tMessage \n2021-05-17T22:48:43.000+09:00\t{SEED}\n\tNo older events at this moment. Retry\n", 1, SEED, 2, "ConsoleCopy")
case("console-2024-expanded", f"Timestamp\nMessage\nNo older events at this moment. \nRetry\n2021-05-17T13:48:43.000Z\n{SEED}\n\nCopy\n{SEED}\n", 1, SEED, 6, "ConsoleCopy")
# 5. Console CSV download.
nodata = "2 627286350134 eni-0eb1e4178af74336c - - - - - - - 1742570569 1742570622 - NODATA"
case("console-csv", f"timestamp,message\n1742570569000,{nodata}\n", 1, nodata, 2, "ConsoleCsv", file="log-events-viewer-result.csv")
case("console-csv-quoted-crlf", f"\"timestamp\",\"message\"\r\n\"1742570569000\",\"{nodata}\"\r\n", 1, nodata, 2, "ConsoleCsv")
# 6. aws logs tail.
case("tail-detailed", f"2014-12-14T04:06:50.000000+00:00 eni-1235b8ca123456789-all {AWS}\n2014-12-14T04:06:50.000000+00:00 eni-1235b8ca123456789-all {AWS2}\n", 2, AWS, 1, "LogsTail", file="tail.txt")
case("tail-old-cli", f"2014-12-14T04:06:50+00:00 eni-1235b8ca123456789-all {AWS}\n", 1, AWS, 1, "LogsTail")
case("tail-short", f"2014-12-14T04:06:50 {AWS}\n", 1, AWS, 1, None)
case("tail-colour", f"\x1b[32m2014-12-14T04:06:50.000000+00:00\x1b[0m \x1b[36meni-1235b8ca123456789-all\x1b[0m {AWS}\n", 1, AWS, 1, "Ansi")
case("awslogs", f"/vpc/flowlogs eni-1235b8ca123456789-all 2014-12-14T04:06:50.000Z {AWS}\n", 1, AWS, 1, "LogsTail")
# 7. get-log-events / filter-log-events.
case("cli-filter-json", filter_json, 2, AWS, 6, "CliJson", file="filter-log-events.json")
case("cli-get-json", json.dumps({"events": [{"timestamp": 1418530010000, "message": AWS + "\n", "ingestionTime": 1418530134812}], "nextForwardToken": "f/1", "nextBackwardToken": "b/1"}), 1, AWS, 1, "CliJson")
case("cli-text-filter", f"EVENTS\t31953106606966983378809025079804211143289615424298221568\t1418530134812\teni-1235b8ca123456789-all\t{AWS}\t1418530010000\n", 1, AWS, 1, "CliText")
case("cli-text-get", f"b/3195\tf/3195\nEVENTS\t1418530134812\t{AWS}\t1418530010000\n", 1, AWS, 2, "CliText")
case("cli-table", "-----------------------------------------------------------------------\n"
     "|                          FilterLogEvents                            |\n"
     "+---------------------------------------------------------------------+\n"
     "||                              events                               ||\n"
     "|+----------+----------------+----------------+--------------+--------+|\n"
     "||  eventId | ingestionTime  | logStreamName  |   message    | timestamp ||\n"
     "|+----------+----------------+----------------+--------------+--------+|\n"
     f"||  3195310 |  1418530134812 |  eni-1235b8ca123456789-all  |  {AWS}  |  1418530010000 ||\n"
     "|+----------+----------------+----------------+--------------+--------+|\n", 1, AWS, 8, "CliTable")
case("cli-query-text-tabs", f"{AWS}\t{AWS2}\t{AWS}\n", 3, AWS, 1, "TabJoined")
case("cli-query-timestamp-message", f"1418530010000\t{AWS}\n1418530010000\t{AWS2}\n", 2, AWS, 1, "Timestamped")
case("cli-query-json-array", f"[\n    \"{AWS}\",\n    \"{AWS2}\"\n]\n", 2, AWS, 2, "JsonArray")
# 8. Logs Insights.
case("insights-csv", f"@timestamp,@message\n2014-12-14 04:06:50.000,{AWS}\n", 1, AWS, 2, "InsightsCsv", file="logs-insights-results.csv")
case("insights-csv-glued", f"@logStream,@timestamp,@messageeni-1235b8ca123456789-all,2014-12-14 04:06:50.000,{AWS}\neni-1235b8ca123456789-all,2014-12-14 04:06:50.000,{AWS2}\n", 2, AWS, 1, "InsightsCsv")
case("insights-markdown", "**CloudWatch Logs Insights**  \nregion: us-east-1  \nlog-group-names: /vpc/flowlogs  \nstart-time: -3600s  \nend-time: 0s  \nquery-string:\n```\nfields @timestamp, @message | sort @timestamp desc | limit 20\n```\n---\n"
     f"| @timestamp | @message |\n| --- | --- |\n| 2014-12-14 04:06:50.000 | {AWS} |\n| 2014-12-14 04:06:50.000 | {AWS2} |\n", 2, AWS, 13, "InsightsMarkdown", file="logs-insights-results.md")
case("insights-expanded-row", f"| Field | Value |\n| --- | --- |\n| @ingestionTime | 1666990990000 |\n| @timestamp | 1666990939000 |\n| @message | {AWS} |\n| accountId | 123456789010 |\n", 1, AWS, 5, "InsightsMarkdown")
case("insights-get-query-results", json.dumps({"results": [[{"field": "@timestamp", "value": "2014-12-14 04:06:50.000"}, {"field": "@message", "value": AWS}, {"field": "@ptr", "value": "Cm4K"}]], "statistics": {"recordsMatched": 1.0}, "status": "Complete"}), 1, AWS, 1, "InsightsResults")
# 9. Subscription payloads.
case("sub-lambda-event", json.dumps({"awslogs": {"data": data}}), 1, SUB, 1, "SubscriptionEvent", file="lambda-event.json")
case("sub-lambda-event-python", "{'awslogs': {'data': '" + data + "'}}", 1, SUB, 1, "SubscriptionEvent")
case("sub-base64", data, 1, SUB, 1, "Base64")
case("sub-payload", payload, 1, SUB, 1, "SubscriptionPayload")
case("sub-control", json.dumps({"messageType": "CONTROL_MESSAGE", "owner": "CloudwatchLogs", "logGroup": "", "logStream": "", "subscriptionFilters": [], "logEvents": [{"id": "", "timestamp": 1432826855000, "message": "CWL CONTROL MESSAGE: Checking health of destination Firehose."}]}), 0, None, None, "SubscriptionPayload")
case("sub-kinesis-get-records", json.dumps({"Records": [{"SequenceNumber": "1", "ApproximateArrivalTimestamp": 1702918090.0, "Data": data, "PartitionKey": "p"}], "NextShardIterator": "x"}), 1, SUB, 1, "Kinesis")
case("sub-kinesis-lambda", json.dumps({"Records": [{"kinesis": {"data": data}}]}), 1, SUB, 1, "Kinesis")
case("sub-firehose-transform", json.dumps({"invocationId": "i", "deliveryStreamArn": "arn:aws:firehose:us-east-1:647604195155:deliverystream/s", "region": "us-east-1",
     "records": [{"recordId": "1", "approximateArrivalTimestamp": 1702918090000, "data": data}, {"recordId": "2", "data": b64(json.dumps({"message": SUB}).encode())}]}), 2, SUB, 1, "FirehoseTransform")
obj = gz(payload.encode()) + gz(payload.encode())
case("sub-firehose-s3-object", None, 2, SUB, 1, "SubscriptionPayload", file="my-delivery-stream-2015-10-29-00-35-40-7cc92023", raw=obj)
case("sub-firehose-s3-gzip-of-gzips", None, 2, SUB, 1, "SubscriptionPayload", file="my-delivery-stream-2015-10-29-00-35-40-7cc92023.gz", raw=gz(obj))
# 10. Firehose direct delivery.
case("fh-direct-no-newline", json.dumps({"message": FH}) + json.dumps({"message": FH}), 2, FH, 1, "FirehoseMessage")
case("fh-direct-newline", json.dumps({"message": FH + "\n"}) + "\n" + json.dumps({"message": FH + "\n"}) + "\n", 2, FH, 1, "FirehoseMessage")
case("fh-direct-base64", b64(json.dumps({"message": FH}).encode()), 1, FH, 1, "Base64")
case("fh-direct-s3-object", None, 2, FH, 1, "FirehoseMessage", file="lab47-logs-to-s3-1-2026-04-14-04-15-19-0d5a.gz", raw=gz((json.dumps({"message": FH}) + json.dumps({"message": FH})).encode()))
# 11. Export task.
exp = "2 633112549318 eni-d68830d4 209.141.42.153 10.155.108.192 54252 8088 6 1 40 1537648094 1537648129 ACCEPT OK"
case("export-task", None, 1, exp, 1, None, file="000000.gz", raw=gz(f"2018-09-22T20:28:14.000Z {exp}\n".encode()))
# 12. Millisecond epochs.
ms = "2 123456789010 eni-4b118871 - - - - - - - 1512564058000 1512564059000 - SKIPDATA"
case("ms-epoch", ms, 1, ms, 1, None)
# 13. Transit gateway without a header.
case("tgw-no-header", f"{TGW}\n{TGW}\n", 2, TGW, 1, "TgwNoHeader")
# Sanitised samples.
for i, s in enumerate([
    "2 <account-id> eni-123456789000000 10.100.0.10 11.22.33.44 36952 443 6 25 5445 1659310200 1659310225 ACCEPT OK",
    "2 <account-id> 'eni-0123456789000000' 185.x.x.x 10.10.2.222 55116 11211 17 1 43 1666990939 1666990966 REJECT OK",
    "2 9xxx eni-xxx 123.45.67.89 172.31.44.17 0 0 1 2 120 1554186843 1554186883 ACCEPT OK",
    "2 unknown eni-abc123de 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK",
    "2 XXXXXXXXXXXX eni-0c7632f102236ee56 172.19.55.86 52.94.228.178 20666 443 6 26 5813 1697651834 1697651835 ACCEPT OK",
    "2 <account-id> eni-xxxxxxxxxxxxxxxxx 10.0.x.x 198.51.100.x 45678 443 6 3 180 1712520670 1712520730 REJECT OK",
    "2 <account-id> eni-0xxxxxxxxxxxx 162.216.150.240 10.47.0.200 57039 9222  6 1 44 1776144126 1776144154 REJECT OK",
    "2 123456789012 eni-xxxxxxxx 10.0.1.5 10.1.1.8 0 0 1 4 336 1622505600 1622505660 ACCEPT OK",
    "2 REDACTED eni-00000000 10.0.1.5 10.1.1.8 0 0 1 4 336 1622505600 1622505660 ACCEPT OK",
    "2 000000000000 eni-069xxxxxb7a490 10.0.1.5 10.1.1.8 0 0 1 4 336 1622505600 1622505660 ACCEPT OK",
], 1):
    case(f"sanitised-{i:02}", s, 1, " ".join(s.split()), 1, None)
# 14. Records as named fields.
named = [dict(zip(["version", "account_id", "interface_id", "srcaddr", "dstaddr", "srcport", "dstport", "protocol", "packets", "bytes", "start", "end", "action", "log_status"],
                  [2, "123456789010", "eni-1235b8ca123456789", "172.31.16.139", "172.31.16.21", 20641, 22, 6, 20, 4249, 1418530010, 1418530070, "ACCEPT", "OK"]))]
case("named-json", json.dumps(named), 1, AWS, 1, "NamedColumns")
athena = '"version","account_id","interface_id","srcaddr","dstaddr","srcport","dstport","protocol","packets","bytes","start","end","action","log_status","date"\n' + \
    ",".join(f'"{v}"' for v in AWS.split(" ")) + ',"2014/12/14"\n'
case("athena-csv", athena, 1, AWS, 2, "NamedColumns", file="athena-results.csv")

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "cases.json"), "w", encoding="utf-8") as f:
    json.dump(cases, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(len(cases), "cases")
