//! Example records for the samples menu. Record text from AWS's documentation
//! examples (shared/spec §3) unless marked as made up for illustration.

use crate::fields::{t, Text};

/// One entry of the samples menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sample {
    /// Stable identifier (used in tests and as the menu value).
    pub id: &'static str,
    /// Menu label.
    pub title: Text,
    /// The format box: empty for the default format or when the text has a header line.
    pub format: &'static str,
    /// The paste box.
    pub text: &'static str,
}

/// AWS's TCP flag sequence example: its custom version 3 format (also lesson 4's).
pub const TCP_FLAGS_FORMAT: &str = "${version} ${vpc-id} ${subnet-id} ${instance-id} ${interface-id} ${account-id} ${type} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${pkt-srcaddr} ${pkt-dstaddr} ${protocol} ${bytes} ${packets} ${start} ${end} ${action} ${tcp-flags} ${log-status}";
/// AWS's TCP flag sequence example records (the doubled space of the last one written single).
pub const TCP_FLAGS_TEXT: &str = "3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 52.213.180.42 10.0.0.62 43418 5001 52.213.180.42 10.0.0.62 6 100701 70 1566848875 1566848933 ACCEPT 2 OK\n\
3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 10.0.0.62 52.213.180.42 5001 43418 10.0.0.62 52.213.180.42 6 632 12 1566848875 1566848933 ACCEPT 18 OK\n\
3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 10.0.0.62 52.213.180.42 5001 43418 10.0.0.62 52.213.180.42 6 63388 1219 1566848933 1566849113 ACCEPT 1 OK\n\
3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 52.213.180.42 10.0.0.62 43418 5001 52.213.180.42 10.0.0.62 6 23294588 15774 1566848933 1566849113 ACCEPT 1 OK\n\
3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 52.213.180.42 10.0.0.62 43638 5001 52.213.180.42 10.0.0.62 6 1260 17 1566933133 1566933193 ACCEPT 3 OK\n\
3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 eni-1235b8ca123456789 123456789010 IPv4 10.0.0.62 52.213.180.42 5001 43638 10.0.0.62 52.213.180.42 6 967 14 1566933133 1566933193 ACCEPT 19 OK\n";
/// AWS's NAT gateway example, on the gateway's interface, with a header line naming its format.
pub const NAT_GATEWAY_TEXT: &str = "instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr\n\
- eni-1235b8ca123456789 10.0.1.5 10.0.0.220 10.0.1.5 203.0.113.5\n\
- eni-1235b8ca123456789 10.0.0.220 203.0.113.5 10.0.0.220 203.0.113.5\n\
- eni-1235b8ca123456789 203.0.113.5 10.0.0.220 203.0.113.5 10.0.0.220\n\
- eni-1235b8ca123456789 10.0.0.220 10.0.1.5 203.0.113.5 10.0.1.5\n";

/// The samples, in menu order.
pub static SAMPLES: &[Sample] = &[
    Sample {
        id: "accepted",
        title: t("Accepted: SSH to an instance", "許可：インスタンスへの SSH"),
        format: "",
        text: "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK\n",
    },
    Sample {
        id: "rejected-sg",
        title: t(
            "Rejected (illustrative): AWS's accepted ping with ACCEPT changed to REJECT; from the record alone a security group or a network ACL could be the cause",
            "拒否（説明用）：AWS の許可された ping の例の ACCEPT を REJECT に変えたもの。レコードだけではセキュリティグループとネットワーク ACL のどちらが原因か分かりません",
        ),
        format: "",
        text: "2 123456789010 eni-1235b8ca123456789 203.0.113.12 172.31.16.139 0 0 1 4 336 1432917027 1432917142 REJECT OK\n",
    },
    Sample {
        id: "rejected-nacl",
        title: t(
            "Rejected by a network ACL: the reply is dropped",
            "ネットワーク ACL で拒否：応答が破棄される",
        ),
        format: "",
        text: "2 123456789010 eni-1235b8ca123456789 203.0.113.12 172.31.16.139 0 0 1 4 336 1432917027 1432917142 ACCEPT OK\n\
2 123456789010 eni-1235b8ca123456789 172.31.16.139 203.0.113.12 0 0 1 4 336 1432917094 1432917142 REJECT OK\n",
    },
    Sample {
        id: "nodata",
        title: t("NODATA: no traffic in the interval", "NODATA：期間中に通信なし"),
        format: "",
        text: "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA\n",
    },
    Sample {
        id: "skipdata",
        title: t("SKIPDATA: records were skipped", "SKIPDATA：記録の欠落"),
        format: "",
        text: "2 123456789010 eni-11111111aaaaaaaaa - - - - - - - 1431280876 1431280934 - SKIPDATA\n",
    },
    Sample {
        id: "ipv6",
        title: t("IPv6: SSH over IPv6", "IPv6：IPv6 での SSH"),
        format: "",
        text: "2 123456789010 eni-1235b8ca123456789 2001:db8:1234:a100:8d6e:3477:df66:f105 2001:db8:1234:a102:3304:8879:34cf:4071 34892 22 6 54 8855 1477913708 1477913820 ACCEPT OK\n",
    },
    Sample {
        id: "v5-header",
        title: t(
            "Custom version 5 format with an S3 header line: S3 over an internet gateway",
            "S3 のヘッダー行付きバージョン 5 カスタム形式：インターネットゲートウェイ経由の S3",
        ),
        format: "",
        text: "version srcaddr dstaddr srcport dstport protocol start end type packets bytes account-id vpc-id subnet-id instance-id interface-id region az-id sublocation-type sublocation-id action tcp-flags pkt-srcaddr pkt-dstaddr pkt-src-aws-service pkt-dst-aws-service traffic-path flow-direction log-status\n\
5 52.95.128.179 10.0.0.71 80 34210 6 1616729292 1616729349 IPv4 14 15044 123456789012 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b eni-1235b8ca123456789 ap-southeast-2 apse2-az3 - - ACCEPT 19 52.95.128.179 10.0.0.71 S3 - - ingress OK\n\
5 10.0.0.71 52.95.128.179 34210 80 6 1616729292 1616729349 IPv4 7 471 123456789012 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b eni-1235b8ca123456789 ap-southeast-2 apse2-az3 - - ACCEPT 3 10.0.0.71 52.95.128.179 - S3 8 egress OK\n",
    },
    Sample {
        id: "tcp-flags",
        title: t(
            "A TCP connection's flag sequence (version 3 format)",
            "TCP 接続のフラグの流れ（バージョン 3 形式）",
        ),
        format: TCP_FLAGS_FORMAT,
        text: TCP_FLAGS_TEXT,
    },
    Sample {
        id: "nat-gateway",
        title: t(
            "NAT gateway: interface addresses versus packet addresses",
            "NAT ゲートウェイ：インターフェイスのアドレスとパケットのアドレス",
        ),
        format: "",
        text: NAT_GATEWAY_TEXT,
    },
    Sample {
        id: "cloudwatch",
        title: t(
            "Copied from the CloudWatch console, with masked values",
            "CloudWatch コンソールからのコピー（マスクあり）",
        ),
        format: "",
        text: "2021-05-17T22:48:43.000+09:00    2 XXXXXXXXX eni-aaaaaaa xx.xx.xx.xx 10.0.0.1 123 40658 17 1 76 xxxxxxxxxx xxxxxxxxxx ACCEPT OK\n",
    },
];

/// The sample with `id`.
#[must_use]
pub fn sample(id: &str) -> Option<&'static Sample> {
    SAMPLES.iter().find(|s| s.id == id)
}
