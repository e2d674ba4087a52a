//! Learn mode's lessons: a short path from reading one record to reading S3 files at
//! scale, each on AWS's own example records (shared/spec §3) or the project's generated
//! scenario data (shared/bench/gen_scenarios.py), with one question and why its answer
//! is right. Every statement follows shared/spec/flow-log-format.md; Japanese wording
//! follows shared/spec/glossary-ja.md.

use crate::fields::{samples, t, FieldName, Text};

/// One lesson.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lesson {
    /// Its title.
    pub title: Text,
    /// A few paragraphs.
    pub body: &'static [Text],
    /// The format box for its records (empty: the default format, or a header line).
    pub format: &'static str,
    /// Its records (a header line may come first).
    pub records: &'static str,
    /// Where the records come from.
    pub source: Text,
    /// The fields the lesson is about: marked on every record.
    pub highlight: &'static [FieldName],
    /// The question.
    pub question: Text,
    /// The choices offered.
    pub choices: &'static [Text],
    /// The right choice (index into `choices`).
    pub answer: usize,
    /// Why it is right.
    pub why: Text,
}

/// The lesson with number `n` (1-based, as in `#learn/3`).
#[must_use]
pub fn lesson(n: u8) -> Option<&'static Lesson> {
    LESSONS.get(usize::from(n).checked_sub(1)?)
}

/// How many lessons there are.
#[must_use]
pub fn count() -> u8 {
    u8::try_from(LESSONS.len()).unwrap_or(u8::MAX)
}

/// The line this product grew from (an NTP reply; the article's masked values filled in).
const SEED: &str =
    "2 123456789012 eni-0a1b2c3d 203.0.113.12 10.0.0.1 123 40658 17 1 76 1621259323 1621259383 ACCEPT OK\n";

const SEED_SOURCE: Text = t(
    "The record: the example this decoder was built around (an NTP reply, default format).",
    "レコード：このデコーダーの出発点になった例（NTP のレスポンス、デフォルトの形式）。",
);

/// The lessons, in order.
pub static LESSONS: [Lesson; 7] = [
    Lesson {
        title: t("Reading a record: which value is which", "レコードを読む：どの値が何か"),
        body: &[
            t(
                "A flow log record is one line of values separated by single spaces. The line never names its values: their order does. This record is in the default format, whose 14 version 2 fields always come in this order: version, account-id, interface-id, srcaddr, dstaddr, srcport, dstport, protocol, packets, bytes, start, end, action, log-status.",
                "フローログレコードは、1 つのスペースで区切られた値が並んだ 1 行です。行の中に値の名前は書かれておらず、順番で決まります。このレコードはデフォルトの形式で、バージョン 2 の 14 個のフィールドが必ずこの順に並びます：version、account-id、interface-id、srcaddr、dstaddr、srcport、dstport、protocol、packets、bytes、start、end、action、log-status。",
            ),
            t(
                "Under each value is its field. Point at a value, or focus it, to see what it means: 17 is the protocol number of UDP, 1621259323 is a time in Unix seconds (UTC), ACCEPT says the traffic was allowed.",
                "各値の下にフィールドの名前があります。値にポインターを合わせるかフォーカスすると、意味が表示されます。17 は UDP のプロトコル番号、1621259323 は Unix 時間（秒、UTC）の時刻、ACCEPT はトラフィックが許可されたことを示します。",
            ),
        ],
        format: "",
        records: SEED,
        source: SEED_SOURCE,
        highlight: &[FieldName::Srcport, FieldName::Dstport],
        question: t("Which value is the destination port (dstport)?", "宛先ポート（dstport）はどの値ですか？"),
        choices: &[t("123", "123"), t("40658", "40658"), t("17", "17"), t("76", "76")],
        answer: 1,
        why: t(
            "Counting from the left: version 2, account 123456789012, interface eni-0a1b2c3d, source address 203.0.113.12, destination address 10.0.0.1, source port 123 — and then the destination port, 40658. 17 is the protocol and 76 the bytes.",
            "左から数えます：バージョン 2、アカウント 123456789012、インターフェイス eni-0a1b2c3d、送信元アドレス 203.0.113.12、宛先アドレス 10.0.0.1、送信元ポート 123、その次が宛先ポート 40658 です。17 はプロトコル、76 はバイト数です。",
        ),
    },
    Lesson {
        title: t("Who recorded it, and in which direction", "誰が記録したか、どちら向きか"),
        body: &[
            t(
                "Every record is written by one network interface, named in interface-id (here eni-0a1b2c3d), and covers one direction of one flow — source and destination address, ports and protocol — during one aggregation interval. A connection therefore normally gives at least two records on each interface: its requests one way, its replies the other.",
                "レコードはそれぞれ 1 つのネットワークインターフェイス（interface-id、ここでは eni-0a1b2c3d）が記録したもので、1 つの集約間隔の中の、1 つのフロー（送信元と宛先のアドレス、ポート、プロトコル）の一方向を表します。そのため 1 つの接続は、通常インターフェイスごとに少なくとも 2 つのレコード（リクエストの方向とレスポンスの方向）になります。",
            ),
            t(
                "203.0.113.12 is not an address of the VPC, so this traffic came in to the interface, and dstaddr 10.0.0.1 is the interface's own primary private IPv4 address. Whether it is a request or a reply the record does not say; the ports hint at it: a server listens on a well-known port, a client uses a temporary (ephemeral) port.",
                "203.0.113.12 は VPC のアドレスではないので、このトラフィックはインターフェイスに入ってきたもので、dstaddr の 10.0.0.1 はインターフェイス自身のプライマリプライベート IPv4 アドレスです。リクエストかレスポンスかはレコードには書かれていませんが、ポートが手がかりになります。サーバーはウェルノウンポートで待ち受け、クライアントは一時ポートを使います。",
            ),
            t(
                "Version 5 added flow-direction, which says ingress or egress outright; the default format does not have it.",
                "バージョン 5 で追加された flow-direction には ingress か egress かが直接入ります。デフォルトの形式にはありません。",
            ),
        ],
        format: "",
        records: SEED,
        source: SEED_SOURCE,
        highlight: &[FieldName::InterfaceId, FieldName::Srcaddr, FieldName::Dstaddr, FieldName::Srcport, FieldName::Dstport],
        question: t("Which address most likely started this conversation?", "この通信を始めたのは、おそらくどちらのアドレスですか？"),
        choices: &[
            t("203.0.113.12, the host on the internet", "203.0.113.12（インターネット上のホスト）"),
            t("10.0.0.1, the address of eni-0a1b2c3d", "10.0.0.1（eni-0a1b2c3d のアドレス）"),
            t("The record gives no hint", "レコードからは手がかりがない"),
        ],
        answer: 1,
        why: t(
            "The packets come from port 123, NTP's well-known port, to 40658, an ephemeral port: they are the NTP server's reply arriving at the interface. The request — from 10.0.0.1:40658 to 203.0.113.12:123 — is another record, written as it left. Ports are a strong hint, not proof; for TCP, tcp-flags (lesson 4) shows who sent the SYN.",
            "パケットは NTP のウェルノウンポート 123 から一時ポート 40658 へ送られています。つまり NTP サーバーのレスポンスがインターフェイスに届いたものです。リクエスト（10.0.0.1:40658 から 203.0.113.12:123 へ）は、出ていくときに記録された別のレコードです。ポートは有力な手がかりですが、証明ではありません。TCP なら tcp-flags（レッスン 4）で SYN を送った側が分かります。",
        ),
    },
    Lesson {
        title: t(
            "Accepted or rejected: security groups and network ACLs",
            "許可か拒否か：セキュリティグループとネットワーク ACL",
        ),
        body: &[
            t(
                "action says whether the traffic was allowed (ACCEPT) or dropped (REJECT) by a security group or a network ACL. Security groups are stateful: when a request is allowed in, its reply is allowed out whatever the rules say. Network ACLs are stateless: replies are checked against the rules like any other packet.",
                "action は、トラフィックがセキュリティグループまたはネットワーク ACL によって許可された（ACCEPT）か拒否された（REJECT）かを示します。セキュリティグループはステートフルです。リクエストが許可されれば、そのレスポンストラフィックはルールにかかわらず許可されます。ネットワーク ACL はステートレスです。レスポンスもほかのパケットと同じようにルールで評価されます。",
            ),
            t(
                "These three records come from a generated VPC (the network ACL scenario of this project's test data). An application server, 10.0.10.152, connects to a database, 10.0.20.130, on port 5432. Its own interface sent the SYN (egress, ACCEPT, tcp-flags 2); the database's interface received it (ingress, ACCEPT); the database's reply, the SYN-ACK (tcp-flags 18), was REJECT as it left.",
                "この 3 つのレコードは、生成した VPC（このプロジェクトのテストデータのネットワーク ACL のシナリオ）のものです。アプリケーションサーバー 10.0.10.152 が、データベース 10.0.20.130 のポート 5432 に接続します。アプリケーションサーバーのインターフェイスが SYN を送り（egress、ACCEPT、tcp-flags 2）、データベースのインターフェイスがそれを受け取り（ingress、ACCEPT）、データベースのレスポンスである SYN-ACK（tcp-flags 18）は出るときに REJECT になりました。",
            ),
            t(
                "A single REJECT on a request cannot tell a security group from a network ACL. A REJECT on a reply can, and AWS's own example — a ping whose echo reply is REJECT — reads the same way. (REJECT is also written for packets that arrive after their connection has closed.)",
                "リクエストの REJECT が 1 つだけでは、セキュリティグループとネットワーク ACL のどちらが拒否したかは分かりません。レスポンスの REJECT なら分かります。AWS 自身の例（エコー応答が REJECT になる ping）も同じように読みます。（接続が閉じた後に届いたパケットにも REJECT が記録されます。）",
            ),
        ],
        format: "",
        records: "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr region az-id sublocation-type sublocation-id pkt-src-aws-service pkt-dst-aws-service flow-direction traffic-path\n\
5 928100683538 eni-5fc4d16221be226f7 10.0.10.152 10.0.20.130 51776 5432 6 4 240 1717236067 1717236087 ACCEPT OK vpc-160c078e7579a067e subnet-04adf820dda48255c i-e3b90d0669364c8a7 2 IPv4 10.0.10.152 10.0.20.130 us-east-1 use1-az1 - - - - egress 1\n\
5 928100683538 eni-9985457decf741aee 10.0.10.152 10.0.20.130 51776 5432 6 4 240 1717236067 1717236099 ACCEPT OK vpc-160c078e7579a067e subnet-f02e7c72978141f38 i-f832e878a416a5d6a 2 IPv4 10.0.10.152 10.0.20.130 us-east-1 use1-az1 - - - - ingress -\n\
5 928100683538 eni-9985457decf741aee 10.0.20.130 10.0.10.152 5432 51776 6 6 360 1717236067 1717236099 REJECT OK vpc-160c078e7579a067e subnet-f02e7c72978141f38 i-f832e878a416a5d6a 18 IPv4 10.0.20.130 10.0.10.152 us-east-1 use1-az1 - - - - egress 1\n",
        source: t(
            "The records: lines 1, 4, 77 and 78 of `gen_scenarios.py --scenario nacl-reply --seed 1 --format v5 --header` (generated data, not AWS's).",
            "レコード：`gen_scenarios.py --scenario nacl-reply --seed 1 --format v5 --header` の 1、4、77、78 行目（生成したデータで、AWS のものではありません）。",
        ),
        highlight: &[FieldName::Action, FieldName::TcpFlags, FieldName::FlowDirection],
        question: t("What rejected the database's reply?", "データベースのレスポンスを拒否したのは何ですか？"),
        choices: &[
            t(
                "The database's security group (its inbound rules)",
                "データベースのセキュリティグループ（インバウンドルール）",
            ),
            t(
                "The network ACL of the database's subnet (its outbound rules)",
                "データベースのサブネットのネットワーク ACL（アウトバウンドルール）",
            ),
            t("The application server's security group", "アプリケーションサーバーのセキュリティグループ"),
        ],
        answer: 1,
        why: t(
            "The request was accepted on its way in, so the database's security group, being stateful, lets the reply out whatever its rules say. Only a network ACL checks replies: the database subnet's network ACL must allow outbound TCP to the clients' ephemeral ports. AWS's network ACL examples use 32768–65535 and a NAT gateway uses 1024–65535; 1024–65535 covers every client.",
            "リクエストは入るときに許可されているので、ステートフルなデータベースのセキュリティグループは、ルールにかかわらずレスポンスを通します。レスポンスを評価するのはネットワーク ACL だけです。データベースのサブネットのネットワーク ACL で、クライアントの一時ポートへのアウトバウンドの TCP を許可する必要があります。AWS のネットワーク ACL の例では 32768～65535、NAT ゲートウェイは 1024～65535 を使います。1024～65535 ならすべてのクライアントを含みます。",
        ),
    },
    Lesson {
        title: t("TCP flags: 2, 18, 1, 4 — and 3 or 19", "TCP フラグ：2、18、1、4、そして 3 や 19"),
        body: &[
            t(
                "tcp-flags (version 3) is the bitwise OR of the TCP flags seen in one direction during the aggregation interval. Only four are reported: FIN 1, SYN 2, RST 4 and SYN-ACK 18. Plain ACK and PSH segments — most of a connection — give 0, and other flags are dropped when one of these four comes with them.",
                "tcp-flags（バージョン 3）は、集約間隔の中で一方向に見られた TCP フラグのビット単位の OR です。記録されるのは FIN 1、SYN 2、RST 4、SYN-ACK 18 の 4 つだけです。ACK や PSH だけのセグメント（接続の大部分）は 0 になり、ほかのフラグはこの 4 つのどれかと一緒なら落とされます。",
            ),
            t(
                "So 2 marks the side that opened a connection and 18 the server answering it; 1 is a close and 4 an abort. When a short connection opens and closes within one interval the flags add up: 3 = SYN + FIN (the client's side) and 19 = SYN-ACK + FIN (the server's side). These records are AWS's own example: one connection over two intervals (2 and 18, then 1 and 1), and a short one (3 and 19).",
                "つまり 2 は接続を開いた側、18 はそれに応答するサーバーを表し、1 は接続の終了、4 はリセットです。短い接続が 1 つの集約間隔の中で開いて閉じると、フラグは足し合わされます。3 = SYN + FIN（クライアント側）、19 = SYN-ACK + FIN（サーバー側）です。これらは AWS 自身の例で、2 つの集約間隔にまたがる接続（2 と 18、次に 1 と 1）と、短い接続（3 と 19）です。",
            ),
        ],
        format: samples::TCP_FLAGS_FORMAT,
        records: samples::TCP_FLAGS_TEXT,
        source: t(
            "The records: AWS's TCP flag sequence example (custom version 3 format; note bytes comes before packets). AWS's text has a doubled space in the last record; it is single here.",
            "レコード：AWS の TCP フラグの流れの例（バージョン 3 のカスタム形式。bytes が packets より前にあります）。AWS の原文では最後のレコードにスペースが 2 つ続く箇所がありますが、ここでは 1 つにしています。",
        ),
        highlight: &[FieldName::TcpFlags, FieldName::Srcport, FieldName::Dstport],
        question: t("What does 19 on the last record mean?", "最後のレコードの 19 は何を意味しますか？"),
        choices: &[
            t(
                "SYN-ACK + FIN: the server answered, and the connection closed within the interval",
                "SYN-ACK + FIN：サーバーが応答し、集約間隔の中で接続が閉じた",
            ),
            t("19 packets were sent", "19 個のパケットが送られた"),
            t("SYN + RST: the connection was refused", "SYN + RST：接続が拒否された"),
        ],
        answer: 0,
        why: t(
            "19 = 16 + 2 + 1, but ACK (16) is reported only as part of SYN-ACK (18): so 18 + 1, SYN-ACK and FIN. The record's source, 10.0.0.62:5001, is the server; its client's record just above shows 3 (SYN + FIN). SYN + RST would be 6, and the packets are counted in packets (here 14).",
            "19 = 16 + 2 + 1 ですが、ACK（16）は SYN-ACK（18）の一部としてしか記録されません。つまり 18 + 1、SYN-ACK と FIN です。このレコードの送信元 10.0.0.62:5001 がサーバーで、すぐ上のクライアントのレコードは 3（SYN + FIN）です。SYN + RST なら 6 になり、パケット数は packets（ここでは 14）に入ります。",
        ),
    },
    Lesson {
        title: t(
            "NAT and addresses: srcaddr versus pkt-srcaddr",
            "NAT とアドレス：srcaddr と pkt-srcaddr",
        ),
        body: &[
            t(
                "srcaddr and dstaddr are seen from the interface: on the interface's own side they always show its primary private IPv4 address. pkt-srcaddr and pkt-dstaddr (version 3) show what is written in the packet. They differ when the interface is a hop in between, as a NAT gateway's is.",
                "srcaddr と dstaddr はインターフェイスから見たアドレスで、インターフェイス側には常にそのプライマリプライベート IPv4 アドレスが入ります。pkt-srcaddr と pkt-dstaddr（バージョン 3）はパケットに書かれたアドレスです。NAT ゲートウェイのインターフェイスのように、インターフェイスが途中の経由点のときに両者は異なります。",
            ),
            t(
                "These are AWS's example records from a NAT gateway's interface (private IP 10.0.0.220): an instance, 10.0.1.5, in a private subnet reaches 203.0.113.5 on the internet. Its packets reach the NAT gateway (dstaddr 10.0.0.220) but are addressed to 203.0.113.5 (pkt-dstaddr). The NAT gateway's own legs to and from the internet show 10.0.0.220 in both; the reply forwarded to the instance has srcaddr 10.0.0.220 and pkt-srcaddr 203.0.113.5.",
                "これは NAT ゲートウェイのインターフェイス（プライベート IP 10.0.0.220）の AWS のレコード例です。プライベートサブネットのインスタンス 10.0.1.5 が、インターネット上の 203.0.113.5 に接続します。インスタンスのパケットは NAT ゲートウェイに届きますが（dstaddr 10.0.0.220）、宛先は 203.0.113.5 です（pkt-dstaddr）。NAT ゲートウェイとインターネットの間のレコードでは両方に 10.0.0.220 が入り、インスタンスに転送されるレスポンスは srcaddr が 10.0.0.220、pkt-srcaddr が 203.0.113.5 です。",
            ),
            t(
                "Public IPv4 and Elastic IP addresses never appear — not even on the NAT gateway's leg to the internet: the internet gateway translates between them and the private address outside the interface, so records show the private address.",
                "パブリック IPv4 アドレスや Elastic IP アドレスは、NAT ゲートウェイからインターネットへのレコードにも現れません。プライベートアドレスとの変換はインターネットゲートウェイがインターフェイスの外で行うため、レコードにはプライベートアドレスが入ります。",
            ),
        ],
        format: "",
        records: samples::NAT_GATEWAY_TEXT,
        source: t(
            "The records: AWS's NAT gateway example, on the NAT gateway's interface (custom format; a header line names it).",
            "レコード：AWS の NAT ゲートウェイの例で、NAT ゲートウェイのインターフェイスのもの（カスタム形式。ヘッダー行で示しています）。",
        ),
        highlight: &[FieldName::Srcaddr, FieldName::Dstaddr, FieldName::PktSrcaddr, FieldName::PktDstaddr],
        question: t("In the first record, where is the packet really going?", "最初のレコードで、パケットの本当の行き先はどこですか？"),
        choices: &[
            t("10.0.0.220, the NAT gateway", "10.0.0.220（NAT ゲートウェイ）"),
            t("203.0.113.5, the host on the internet", "203.0.113.5（インターネット上のホスト）"),
            t("10.0.1.5, the instance", "10.0.1.5（インスタンス）"),
        ],
        answer: 1,
        why: t(
            "dstaddr 10.0.0.220 is the interface that recorded it, the NAT gateway's. pkt-dstaddr keeps the packet's own destination, 203.0.113.5. To see through a NAT gateway, include pkt-srcaddr and pkt-dstaddr in the flow log's format.",
            "dstaddr の 10.0.0.220 は、記録した NAT ゲートウェイのインターフェイスです。pkt-dstaddr にはパケット本来の宛先 203.0.113.5 が残ります。NAT ゲートウェイの先を見るには、フローログの形式に pkt-srcaddr と pkt-dstaddr を含めます。",
        ),
    },
    Lesson {
        title: t("Empty and missing: NODATA, SKIPDATA and -", "空と欠落：NODATA、SKIPDATA、-"),
        body: &[
            t(
                "log-status describes the logging, not the traffic. OK: data is logging normally. NODATA: there was no network traffic to or from the interface during the aggregation interval. SKIPDATA: some records were skipped during the aggregation interval, because of an internal capacity limit or an internal error — one such line can stand for many lost flows.",
                "log-status はトラフィックではなく、ログ記録の状態を表します。OK：データは正常に記録されています。NODATA：集約間隔内にデータは記録されませんでした（インターフェイスとの間にトラフィックがなかった）。SKIPDATA：集約間隔内にレコードがスキップされました。内部の容量の上限や内部エラーによるもので、1 行が多くの失われたフローを表すこともあります。",
            ),
            t(
                "In both, the flow fields and action are `-`: only version, account-id, interface-id, start and end are filled. `-` always means \"not applicable or not computable for this record\" — for instance instance-id on a NAT gateway's interface, or traffic-path on traffic coming in.",
                "どちらも、フローのフィールドと action はすべて `-` で、値があるのは version、account-id、interface-id、start、end だけです。`-` はいつも「このレコードには該当しない、または計算できない」という意味です。たとえば NAT ゲートウェイのインターフェイスの instance-id や、入ってくるトラフィックの traffic-path です。",
            ),
        ],
        format: "",
        records: "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA\n\
2 123456789010 eni-11111111aaaaaaaaa - - - - - - - 1431280876 1431280934 - SKIPDATA\n",
        source: t(
            "The records: AWS's no data and skipped records examples (default format).",
            "レコード：AWS のデータなしおよびスキップされたレコードの例（デフォルトの形式）。",
        ),
        highlight: &[FieldName::LogStatus, FieldName::Action],
        question: t(
            "The second interface shows SKIPDATA. What happened to its traffic in that interval?",
            "2 つ目のインターフェイスは SKIPDATA です。その集約間隔のトラフィックはどうなりましたか？",
        ),
        choices: &[
            t("There was none", "トラフィックはなかった"),
            t(
                "Some of it was not recorded — how much is unknown",
                "一部が記録されなかった（どれだけかは分からない）",
            ),
            t("It was all rejected", "すべて拒否された"),
        ],
        answer: 1,
        why: t(
            "SKIPDATA means records were skipped, not that there was no traffic; NODATA is the word for no traffic. Totals over a period with SKIPDATA are lower than the real traffic, by an amount no record tells.",
            "SKIPDATA はレコードがスキップされたという意味で、トラフィックがなかったという意味ではありません。トラフィックがないときは NODATA です。SKIPDATA を含む期間の合計は実際のトラフィックより少なく、その差はどのレコードにも書かれていません。",
        ),
    },
    Lesson {
        title: t(
            "From here to scale: custom formats, S3 header lines and Athena",
            "大規模へ：カスタム形式、S3 のヘッダー行、Athena",
        ),
        body: &[
            t(
                "A flow log with a custom format lists any fields in any order — this one has no version at all. The records never say which format they use: the flow log's LogFormat does, and so does the first line of every text file the flow log writes to Amazon S3 — the header line, which names the fields in order.",
                "カスタム形式のフローログは、任意のフィールドを任意の順に並べます。この例には version もありません。レコード自体はどの形式かを示しません。それを示すのはフローログの LogFormat と、フローログが Amazon S3 に書き出す各テキストファイルの先頭行（フィールド名を順に並べたヘッダー行）です。",
            ),
            t(
                "This page reads a header line wherever it appears, and your tools should too. An Athena table over these files must list the columns in the same order and skip the header line (skip.header.line.count = 1); the decoder's \"Query at scale\" section writes that table for the format in force. Open these records in the decoder to see it.",
                "このページはヘッダー行をどこにあっても読み取ります。ほかのツールでも同じようにする必要があります。これらのファイルに対する Athena のテーブルは、列を同じ順に並べ、ヘッダー行を読み飛ばす（skip.header.line.count = 1）必要があります。デコーダーの「大規模に調べる」の欄は、使用中の形式に合わせてそのテーブルを書きます。このレコードをデコーダーで開いて確かめてください。",
            ),
        ],
        format: "",
        records: "flow-direction traffic-path srcaddr dstaddr srcport dstport encryption-status\n\
ingress - 10.0.133.8 10.0.128.55 43236 80 1\n\
egress 1 10.0.128.55 10.0.133.8 80 43236 1\n\
ingress - 10.0.130.104 10.0.128.55 55016 80 0\n\
egress 1 10.0.128.55 10.0.130.104 80 55016 0\n",
        source: t(
            "The records: the S3 file in AWS's VPC Encryption Controls launch blog (its header line and four of its records, without the author's annotations).",
            "レコード：AWS の VPC Encryption Controls 発表ブログにある S3 のファイル（ヘッダー行と 4 つのレコード。筆者の注記は除きました）。",
        ),
        highlight: &[FieldName::FlowDirection, FieldName::TrafficPath, FieldName::EncryptionStatus],
        question: t(
            "In an S3 file of a custom-format flow log, what tells a reader which value is which?",
            "カスタム形式のフローログの S3 ファイルで、どの値が何かを示すのは何ですか？",
        ),
        choices: &[
            t("The header line at the top of the file", "ファイルの先頭のヘッダー行"),
            t("The version number at the start of each record", "各レコードの先頭のバージョン番号"),
            t("Nothing: values always come in the default order", "何もない（値はいつもデフォルトの順）"),
        ],
        answer: 0,
        why: t(
            "Each text file starts with a header line naming the fields in order. version only says the highest version among the fields listed — and a custom format may leave it out, as this one does. CloudWatch Logs has no header line: there, take the format from the flow log's settings (DescribeFlowLogs).",
            "各テキストファイルの先頭に、フィールド名を順に並べたヘッダー行があります。version は含まれるフィールドの中で最も新しいバージョンを示すだけで、この例のようにカスタム形式では省くこともできます。CloudWatch Logs にはヘッダー行がないため、形式はフローログの設定（DescribeFlowLogs）から確認します。",
        ),
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_lessons_are_whole_in_both_languages() {
        assert_eq!(count(), 7);
        assert!(lesson(0).is_none() && lesson(8).is_none() && lesson(1).is_some());
        for (i, l) in LESSONS.iter().enumerate() {
            let texts = [l.title, l.question, l.why, l.source]
                .into_iter()
                .chain(l.body.iter().copied())
                .chain(l.choices.iter().copied());
            for t in texts {
                assert!(!t.en.is_empty() && !t.ja.is_empty(), "lesson {}: {t:?}", i + 1);
            }
            assert!(l.answer < l.choices.len(), "lesson {}", i + 1);
            assert!(l.choices.len() >= 3 || i == 0, "lesson {}", i + 1);
            assert!(!l.highlight.is_empty() && !l.records.is_empty());
        }
    }
}
