//! The words of the analysis across records, in English and Japanese: verdicts of
//! conversations, findings, who talks to whom, cost views and rules. Values go in
//! through `{name}` ([`Text::fill`](crate::fields::Text::fill)); a test checks that both
//! languages of each text name the same values. Statements follow
//! shared/spec/flow-log-format.md §4 (security groups are stateful, network ACLs
//! stateless; a REJECT cannot tell which; SKIPDATA is traffic not recorded).
#![allow(missing_docs, reason = "each text's name and words say what it is")]

use crate::fields::{t, Text};

// The panel.
pub const TITLE: Text = t("Across records", "レコードをまたいだ分析");
pub const INTRO: Text = t(
    "What no single record says, worked out from every record loaded: conversations and what happened to them, findings, who talks to whom, what it costs, and the rules the traffic needs.",
    "1 つのレコードだけでは分からないことを、読み込んだすべてのレコードから求めます。通信（会話）とその結果、検出事項、誰が誰と通信しているか、コスト、そしてトラフィックに必要なルールです。",
);
pub const START: Text = t(
    "Work out conversations and findings across the {n} records",
    "{n} 件のレコードをまたいで通信と検出事項を求める",
);
pub const START_PASTE: Text = t(
    "Work out conversations and findings across the pasted records",
    "貼り付けたレコードをまたいで通信と検出事項を求める",
);
pub const WORKING: Text = t("Working across the records…", "レコードをまたいで分析しています…");
pub const TAB_FINDINGS: Text = t("Findings", "検出事項");
pub const TAB_CONVERSATIONS: Text = t("Conversations", "通信");
pub const TAB_GROUPS: Text = t("Who talks to whom", "誰が誰と通信しているか");
pub const TAB_COST: Text = t("Cost", "コスト");
pub const TAB_RULES: Text = t("Rules", "ルール");
pub const SHOW_RECORDS: Text = t("Show these {n} records", "この {n} 件のレコードを表示");
pub const NO_FINDINGS: Text = t(
    "Nothing stands out: no scan, no quiet or skipping interface, no blocked reply, no rejected traffic from inside, no odd times, no large transfer to the internet.",
    "目立つものはありません。スキャン、通信のない・レコードをスキップしたインターフェイス、ブロックされたレスポンス、内部からの拒否、不自然な時刻、インターネットへの大量転送はいずれも見つかりませんでした。",
);

// Conversations.
pub const CONVERSATIONS_COUNT: Text = t(
    "{n} conversations: the same 5-tuple in both directions, on every interface that recorded it, over overlapping aggregation intervals.",
    "{n} 件の通信。両方向の同じ 5 タプルを、それを記録したすべてのインターフェイスで、重なる集約間隔にわたってまとめたものです。",
);
pub const SHOWING_CONVERSATIONS: Text = t(
    "Showing {shown} of them: problems first, then the largest.",
    "そのうち {shown} 件を表示しています（問題のあるものが先、次に大きいもの）。",
);
pub const CLIENT_SERVER: Text = t("Client → server", "クライアント → サーバー");
pub const VERDICT: Text = t("What happened", "結果");
pub const INTERFACES: Text = t("Interfaces", "インターフェイス");
pub const REQUEST: Text = t("Request", "リクエスト");
pub const REPLY: Text = t("Reply", "レスポンス");
pub const WHEN: Text = t("When", "時刻");
pub const RECORDS_COL: Text = t("Records", "レコード");
pub const VIA: Text = t("via {eni}", "{eni} 経由");
pub const PACKETS_BYTES: Text = t("{packets} packets, {bytes}", "{packets} パケット、{bytes}");

pub const V_OK: Text = t("Accepted both ways.", "双方向とも許可されました。");
pub const V_NACL_OUT: Text = t(
    "The request was accepted, but the reply was rejected as it left {eni}. Security groups are stateful and never block a reply to an allowed request, so a network ACL (stateless) did: check the outbound rules of the network ACL of {eni}'s subnet. They must allow {proto} to {client} on the client's ephemeral ports (this reply went to port {port}; 1024–65535 covers every client).",
    "リクエストは許可されましたが、レスポンスが {eni} から出るときに拒否されました。セキュリティグループはステートフルで、許可したリクエストへのレスポンスを拒否しません。拒否したのはネットワーク ACL（ステートレス）です。{eni} のサブネットのネットワーク ACL のアウトバウンドルールを確認してください。{client} のクライアントの一時ポートへの {proto} を許可する必要があります（このレスポンスはポート {port} 宛て。1024～65535 ならすべてのクライアントを含みます）。",
);
pub const V_NACL_IN: Text = t(
    "The request was accepted, but the reply was rejected as it arrived at {eni}. Security groups are stateful and never block a reply to an allowed request, so a network ACL (stateless) did: check the inbound rules of the network ACL of {eni}'s subnet. They must allow {proto} from {server} to the client's ephemeral ports (this reply went to port {port}; 1024–65535 covers every client).",
    "リクエストは許可されましたが、レスポンスが {eni} に届いたときに拒否されました。セキュリティグループはステートフルで、許可したリクエストへのレスポンスを拒否しません。拒否したのはネットワーク ACL（ステートレス）です。{eni} のサブネットのネットワーク ACL のインバウンドルールを確認してください。{server} からクライアントの一時ポートへの {proto} を許可する必要があります（このレスポンスはポート {port} 宛て。1024～65535 ならすべてのクライアントを含みます）。",
);
pub const V_NACL_NO_PORTS: Text = t(
    "The request was accepted, but the reply was rejected as it {went} {eni}. Security groups are stateful and never block a reply to an allowed request, so a network ACL (stateless) did: check the {rules} rules of the network ACL of {eni}'s subnet for {proto} between {server} and {client} ({proto} has no ports).",
    "リクエストは許可されましたが、レスポンスが {eni} {went}ときに拒否されました。セキュリティグループはステートフルで、許可したリクエストへのレスポンスを拒否しません。拒否したのはネットワーク ACL（ステートレス）です。{eni} のサブネットのネットワーク ACL の{rules}ルールで、{server} と {client} の間の {proto} を確認してください（{proto} にポートはありません）。",
);
pub const WENT_OUT: Text = t("left", "から出る");
pub const WENT_IN: Text = t("arrived at", "に届いた");
pub const RULES_OUT: Text = t("outbound", "アウトバウンド");
pub const RULES_IN: Text = t("inbound", "インバウンド");
pub const V_REJECTED_IN: Text = t(
    "The request was rejected as it arrived at {eni}, and nothing answered: its security group or the inbound rules of its subnet's network ACL — the records cannot tell which.",
    "リクエストは {eni} に届いたときに拒否され、応答はありませんでした。原因はそのセキュリティグループか、サブネットのネットワーク ACL のインバウンドルールです。レコードからはどちらかは分かりません。",
);
pub const V_REJECTED_OUT: Text = t(
    "The request was rejected as it left {eni}: an outbound rule of its security group or of its subnet's network ACL — the records cannot tell which.",
    "リクエストは {eni} から出るときに拒否されました。原因はそのセキュリティグループか、サブネットのネットワーク ACL のアウトバウンドルールです。レコードからはどちらかは分かりません。",
);
pub const V_NO_RESPONSE: Text = t(
    "The request was accepted and nothing answered, and nothing was rejected: the host may be down or the address unused, or the reply was not logged.",
    "リクエストは許可されましたが応答はなく、拒否もされていません。ホストが停止しているかアドレスが使われていないか、レスポンスが記録されていない可能性があります。",
);
pub const V_ONE_SIDED: Text = t(
    "Only one side is in the logs: {eni} holds the other end's address but recorded nothing of this conversation — its flow log may be missing, or capture only ACCEPT or only REJECT.",
    "ログにあるのは片側だけです。{eni} は相手側のアドレスを持っていますが、この通信を何も記録していません。そのフローログがないか、ACCEPT または REJECT だけを記録している可能性があります。",
);
pub const V_ONE_SIDED_SKIP: Text = t(
    "{eni} wrote SKIPDATA at that time: its records were skipped.",
    "{eni} はその時刻に SKIPDATA を記録しています。レコードがスキップされました。",
);
pub const V_REPLY_ONLY: Text = t(
    "Only the reply is in the logs: the request's records are missing.",
    "ログにあるのはレスポンスだけです。リクエストのレコードがありません。",
);

// Findings.
pub const F_VERTICAL: Text = t(
    "{source} tried {ports} different ports on {targets} hosts ({probes} attempts, {answered} answered), {first} – {last}: a port scan. Judged per source: {threshold} or more ports.",
    "{source} が {targets} 台のホストの {ports} 種類のポートを試しました（{probes} 回、応答 {answered} 回、{first} – {last}）。ポートスキャンです。送信元ごとに判定：{threshold} ポート以上。",
);
pub const F_HORIZONTAL: Text = t(
    "{source} tried {proto}/{port} on {targets} hosts, {failed} of them without an answer, {first} – {last}: a host scan. Judged per source: {threshold} or more hosts not answering.",
    "{source} が {targets} 台のホストの {proto}/{port} を試し、そのうち {failed} 台から応答がありませんでした（{first} – {last}）。ホストスキャンです。送信元ごとに判定：応答のないホスト {threshold} 台以上。",
);
pub const F_INTERNAL: Text = t(
    "The source is a private address: inside the VPC or a connected network.",
    "送信元はプライベートアドレスです（VPC 内または接続されたネットワーク）。",
);
pub const F_QUIET: Text = t(
    "{eni} recorded only NODATA ({records} records, {first} – {last}): no traffic at all in that time.",
    "{eni} は NODATA だけを記録しています（{records} 件、{first} – {last}）。その間トラフィックはまったくありませんでした。",
);
pub const F_SKIPDATA: Text = t(
    "{eni} skipped records in {windows} aggregation intervals ({first} – {last}): its traffic then was not recorded, and totals over that time are low by an amount no record tells.",
    "{eni} は {windows} 個の集約間隔でレコードをスキップしました（{first} – {last}）。その間のトラフィックは記録されておらず、その期間の合計は、どのレコードにも書かれていない量だけ少なくなっています。",
);
pub const F_NACL: Text = t(
    "Replies of {server} ({proto}/{port}) were rejected in {n} conversations as they left {eni}: the network ACL of its subnet must allow outbound {proto} to the clients' ports ({lo}–{hi} here; 1024–65535 covers every client).",
    "{server}（{proto}/{port}）のレスポンスが {n} 件の通信で {eni} から出るときに拒否されました。そのサブネットのネットワーク ACL で、クライアントのポートへのアウトバウンドの {proto} を許可する必要があります（ここでは {lo}～{hi}。1024～65535 ならすべてのクライアントを含みます）。",
);
pub const F_NACL_IN: Text = t(
    "Replies of {server} ({proto}/{port}) were rejected in {n} conversations as they arrived at {eni}: the network ACL of its subnet must allow inbound {proto} from {server} to the clients' ports ({lo}–{hi} here; 1024–65535 covers every client).",
    "{server}（{proto}/{port}）のレスポンスが {n} 件の通信で {eni} に届いたときに拒否されました。そのサブネットのネットワーク ACL で、{server} からクライアントのポートへのインバウンドの {proto} を許可する必要があります（ここでは {lo}～{hi}。1024～65535 ならすべてのクライアントを含みます）。",
);
pub const F_NACL_NO_PORTS: Text = t(
    "Replies of {server} ({proto}) were rejected in {n} conversations as they {went} {eni}: the {rules} rules of the network ACL of its subnet must allow {proto} ({proto} has no ports).",
    "{server}（{proto}）のレスポンスが {n} 件の通信で {eni} {went}ときに拒否されました。そのサブネットのネットワーク ACL の{rules}ルールで {proto} を許可する必要があります（{proto} にポートはありません）。",
);
pub const F_REJECTED_INSIDE: Text = t(
    "{client}, a private address, was rejected {attempts} times on {proto}/{port} ({targets} hosts): a security group or network ACL blocks it — on purpose, or a rule is missing.",
    "プライベートアドレスの {client} が {proto}/{port} で {attempts} 回拒否されました（{targets} 台のホスト）。セキュリティグループかネットワーク ACL がブロックしています。意図どおりか、ルールが足りないかのどちらかです。",
);
pub const F_ODD_TIMES: Text = t(
    "{after} records start after they end, and {future} start or end later than this computer's clock says it is now.",
    "{after} 件のレコードは開始時刻が終了時刻より後で、{future} 件は開始時刻か終了時刻がこのコンピューターの現在時刻より後です。",
);
pub const F_LARGE: Text = t(
    "{from} sent {bytes} to {to} on the internet in one conversation (listed from {threshold}).",
    "{from} が 1 つの通信でインターネット上の {to} に {bytes} を送りました（{threshold} 以上を表示）。",
);

// Who talks to whom.
pub const GROUP_BY: Text = t("Group by", "グループ化");
pub const THEN_BY: Text = t("then by", "さらに");
pub const NOTHING: Text = t("(nothing)", "（なし）");
pub const GROUPS_NOTE: Text = t(
    "Over the records shown (the filter applies). Every record counts: a flow two interfaces saw is in two records.",
    "表示中のレコード（絞り込みが適用されます）が対象です。すべてのレコードを数えるため、2 つのインターフェイスが記録したフローは 2 件になります。",
);
pub const GROUPS_ALL: Text = t("{total} groups", "{total} グループ");
pub const GROUPS_ONE: Text = t("1 group", "1 グループ");
pub const GROUPS_SHOWN: Text = t(
    "The largest {shown} of {total} groups (the CSV export has every one)",
    "{total} グループのうち大きい順に {shown} グループ（CSV にはすべてのグループを書き出します）",
);
pub const EXPORT_GROUPS: Text = t("Export all groups as CSV", "すべてのグループを CSV で書き出す");
pub const FLOW_MAP: Text = t("Flow map", "フローマップ");
pub const FLOW_MAP_NOTE: Text = t(
    "The conversations of every record loaded (the filter does not apply) from their clients (left) through the server's port (middle) to the servers (right), by bytes both ways; the {top} largest of each, the rest as “other”. Select a band to show its records.",
    "読み込んだすべてのレコードの通信（絞り込みは適用されません）を、クライアント（左）からサーバーのポート（中央）を経てサーバー（右）へ、両方向のバイト数で描いています。それぞれ大きい順に {top} 件、残りは「その他」です。帯を選ぶとそのレコードを表示します。",
);
pub const OTHER: Text = t("other", "その他");
pub const BAND: Text = t("{from} → {to}: {bytes}", "{from} → {to}：{bytes}");

// Cost.
pub const NO_PRICES: Text = t(
    "Prices are not computed: these are bytes, to compare with your bill or the price list.",
    "料金は計算していません。ここにあるのはバイト数です。請求書や料金表と比べてください。",
);
pub const AZ_TITLE: Text = t(
    "Bytes between Availability Zones",
    "アベイラビリティーゾーン間のバイト数",
);
pub const AZ_NOTE: Text = t(
    "ACCEPT egress bytes whose next hop is another interface in the logs (the one that owns dstaddr, or the NAT gateway a private subnet's internet traffic goes through), by the sender's az-id and the next hop's; each hop counted once, on the sender.",
    "次のホップがログ内の別のインターフェイス（dstaddr を持つもの、またはプライベートサブネットのインターネット向けトラフィックが通る NAT ゲートウェイ）である ACCEPT の送信（egress）のバイト数を、送信側と次のホップの az-id ごとにまとめたものです。各ホップは送信側で 1 回だけ数えます。",
);
pub const AZ_NEEDS: Text = t(
    "Needs az-id (version 4) in the format.",
    "形式に az-id（バージョン 4）が必要です。",
);
pub const CROSS_AZ: Text = t("crosses AZs", "AZ をまたぐ");
pub const SAME_AZ: Text = t("same AZ", "同じ AZ");
pub const NAT_TITLE: Text = t(
    "Bytes through NAT gateways, by destination service",
    "NAT ゲートウェイを通ったバイト数（宛先のサービス別）",
);
pub const NAT_NOTE: Text = t(
    "What the NAT gateway's interface received, both directions (what it processed), for the conversations that went through it.",
    "NAT ゲートウェイを通った通信について、そのインターフェイスが受け取った両方向のバイト数（処理した量）です。",
);
pub const NAT_NONE: Text = t(
    "No conversation went through a NAT gateway (or the NAT gateway's interface is not in the logs).",
    "NAT ゲートウェイを通った通信はありません（または NAT ゲートウェイのインターフェイスがログにありません）。",
);
pub const NAT_ENDPOINT_HINT: Text = t(
    "{service} traffic through a NAT gateway can go through a gateway VPC endpoint instead, without NAT gateway data processing.",
    "NAT ゲートウェイを通る {service} のトラフィックは、代わりにゲートウェイ VPC エンドポイントを通せます。その場合 NAT ゲートウェイのデータ処理はありません。",
);
pub const NOT_AWS: Text = t("not an AWS service (or not known)", "AWS のサービス以外（または不明）");
pub const PATH_TITLE: Text = t(
    "Egress bytes by traffic path",
    "トラフィックパス別の送信（egress）バイト数",
);
pub const PATH_NEEDS: Text = t(
    "Needs traffic-path (version 5) in the format.",
    "形式に traffic-path（バージョン 5）が必要です。",
);
pub const REJECTED_PART: Text = t("of which rejected", "うち拒否");
pub const CONVERSATIONS: Text = t("conversations", "件の通信");

// Rules.
pub const RULES_FOR: Text = t("Interface", "インターフェイス");
pub const RULES_NOTE: Text = t(
    "The least rules that allow the accepted traffic {eni} served ({addr}), {first} – {last}: security group inbound rules, and the network ACL entries of its subnet with the replies' ephemeral ports.",
    "{eni}（{addr}）が受けた許可済みトラフィックを通す最小限のルールです（{first} – {last}）。セキュリティグループのインバウンドルールと、レスポンスの一時ポートを含むサブネットのネットワーク ACL のエントリです。",
);
pub const RULES_CAVEAT: Text = t(
    "Only the time window loaded is known: traffic outside it may need more. Security group references between groups and prefix lists never appear in flow logs, so peers are addresses. More than {n} internet clients on one port become anywhere (0.0.0.0/0). Rule numbers and IDs are examples. Check before applying.",
    "分かるのは読み込んだ期間のことだけです。期間外のトラフィックにはほかのルールが必要かもしれません。セキュリティグループ間の参照やプレフィックスリストはフローログに現れないため、相手はアドレスで示しています。1 つのポートでインターネットのクライアントが {n} 件を超えると、すべて（0.0.0.0/0）にまとめます。ルール番号と ID は例です。適用する前に確認してください。",
);
pub const RULE_PEERS: Text = t("From", "送信元");
pub const RULE_PROTOCOL: Text = t("Protocol", "プロトコル");
pub const NACL_DIRECTION: Text = t("Network ACL", "ネットワーク ACL");
pub const NACL_PEER: Text = t("Peer (CIDR)", "相手（CIDR）");
pub const RULE_PORTS: Text = t("Ports", "ポート");
pub const ALL_PORTS: Text = t("all", "すべて");
pub const NACL_IN: Text = t("inbound", "インバウンド");
pub const NACL_OUT: Text = t("outbound", "アウトバウンド");
pub const REJECTED_ATTEMPTS: Text = t("Rejected attempts", "拒否された試行");
pub const NO_REJECTED: Text = t("None.", "ありません。");
pub const CHOOSE_INTERFACE: Text = t("Choose an interface…", "インターフェイスを選択…");

#[cfg(test)]
mod tests {
    #[test]
    fn both_languages_name_the_same_values() {
        let source = include_str!("across.rs");
        let checked = crate::fields::messages::same_values(source.split("#[cfg(test)]").next().unwrap_or_default());
        assert!(checked >= 50, "{checked}");
    }
}
