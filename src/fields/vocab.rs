//! Small vocabularies the decoder uses to describe values: well-known ports,
//! kinds of address, and the words of decoded values, in English and Japanese.

use crate::fields::{t, Text};

/// A well-known service port.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Service {
    /// The port number.
    pub port: u16,
    /// Transport the assignment is for: `Some(6)` TCP only, `Some(17)` UDP only, `None` both.
    pub proto: Option<u8>,
    /// The short name people use ("HTTPS").
    pub name: &'static str,
    /// What runs there.
    pub about: Text,
}

const fn s(port: u16, proto: Option<u8>, name: &'static str, en: &'static str, ja: &'static str) -> Service {
    Service {
        port,
        proto,
        name,
        about: t(en, ja),
    }
}

const TCP: Option<u8> = Some(6);
const UDP: Option<u8> = Some(17);
const ANY: Option<u8> = None;

/// Ports commonly seen in VPC traffic. Hand-written: no maintained crate carries the
/// IANA service registry (see shared/spec §6), and the OS `/etc/services` is not
/// available in a browser. Names follow IANA / common usage.
pub static SERVICES: &[Service] = &[
    s(20, TCP, "FTP-data", "FTP data transfer", "FTP のデータ転送"),
    s(21, TCP, "FTP", "FTP control", "FTP の制御"),
    s(
        22,
        TCP,
        "SSH",
        "Secure Shell remote login, also SFTP and git over SSH",
        "SSH リモートログイン。SFTP や git over SSH も",
    ),
    s(
        23,
        TCP,
        "Telnet",
        "Telnet remote login (unencrypted)",
        "Telnet リモートログイン（暗号化なし）",
    ),
    s(
        25,
        TCP,
        "SMTP",
        "mail transfer between servers",
        "サーバー間のメール転送",
    ),
    s(53, ANY, "DNS", "domain name lookups", "ドメイン名の名前解決"),
    s(67, UDP, "DHCP", "DHCP server", "DHCP サーバー"),
    s(68, UDP, "DHCP", "DHCP client", "DHCP クライアント"),
    s(69, UDP, "TFTP", "trivial file transfer", "簡易ファイル転送"),
    s(80, TCP, "HTTP", "web traffic (unencrypted)", "Web 通信（暗号化なし）"),
    s(88, ANY, "Kerberos", "Kerberos authentication", "Kerberos 認証"),
    s(110, TCP, "POP3", "mail retrieval", "メールの受信"),
    s(
        111,
        ANY,
        "RPCbind",
        "ONC RPC port mapper (NFS helper)",
        "ONC RPC ポートマッパー（NFS の補助）",
    ),
    s(123, UDP, "NTP", "network time synchronisation", "時刻同期"),
    s(
        135,
        TCP,
        "MS-RPC",
        "Microsoft RPC endpoint mapper",
        "Microsoft RPC エンドポイントマッパー",
    ),
    s(137, UDP, "NetBIOS-NS", "NetBIOS name service", "NetBIOS 名前サービス"),
    s(138, UDP, "NetBIOS-DGM", "NetBIOS datagrams", "NetBIOS データグラム"),
    s(
        139,
        TCP,
        "NetBIOS-SSN",
        "NetBIOS sessions (old Windows file sharing)",
        "NetBIOS セッション（古い Windows ファイル共有）",
    ),
    s(143, TCP, "IMAP", "mail access", "メールアクセス"),
    s(161, UDP, "SNMP", "network device monitoring", "ネットワーク機器の監視"),
    s(162, UDP, "SNMP-trap", "SNMP notifications", "SNMP の通知"),
    s(
        179,
        TCP,
        "BGP",
        "BGP routing (e.g. Direct Connect, VPN)",
        "BGP ルーティング（Direct Connect や VPN など）",
    ),
    s(389, ANY, "LDAP", "directory lookups", "ディレクトリ参照"),
    s(
        443,
        TCP,
        "HTTPS",
        "encrypted web traffic (TLS), including most AWS APIs",
        "暗号化された Web 通信（TLS）。多くの AWS API もこれ",
    ),
    s(443, UDP, "QUIC", "HTTP/3 over QUIC", "QUIC 上の HTTP/3"),
    s(
        445,
        TCP,
        "SMB",
        "Windows file sharing (SMB)",
        "Windows ファイル共有（SMB）",
    ),
    s(465, TCP, "SMTPS", "mail submission over TLS", "TLS でのメール送信"),
    s(500, UDP, "IKE", "IPsec VPN key exchange", "IPsec VPN の鍵交換"),
    s(514, UDP, "Syslog", "system log messages", "システムログ"),
    s(587, TCP, "Submission", "mail submission", "メール送信"),
    s(
        636,
        TCP,
        "LDAPS",
        "directory lookups over TLS",
        "TLS でのディレクトリ参照",
    ),
    s(853, TCP, "DNS over TLS", "encrypted DNS", "暗号化 DNS"),
    s(873, TCP, "rsync", "file synchronisation", "ファイル同期"),
    s(993, TCP, "IMAPS", "mail access over TLS", "TLS でのメールアクセス"),
    s(995, TCP, "POP3S", "mail retrieval over TLS", "TLS でのメール受信"),
    s(1194, UDP, "OpenVPN", "OpenVPN", "OpenVPN"),
    s(1433, TCP, "SQL Server", "Microsoft SQL Server", "Microsoft SQL Server"),
    s(
        1521,
        TCP,
        "Oracle",
        "Oracle database listener",
        "Oracle データベースのリスナー",
    ),
    s(
        2049,
        ANY,
        "NFS",
        "NFS file sharing (also Amazon EFS)",
        "NFS ファイル共有（Amazon EFS も）",
    ),
    s(2181, TCP, "ZooKeeper", "Apache ZooKeeper", "Apache ZooKeeper"),
    s(
        2375,
        TCP,
        "Docker",
        "Docker API (unencrypted)",
        "Docker API（暗号化なし）",
    ),
    s(2376, TCP, "Docker TLS", "Docker API over TLS", "TLS での Docker API"),
    s(
        2379,
        TCP,
        "etcd",
        "etcd client API (Kubernetes)",
        "etcd クライアント API（Kubernetes）",
    ),
    s(
        3000,
        TCP,
        "Dev HTTP",
        "often a development web server or Grafana",
        "開発用 Web サーバーや Grafana によく使われる",
    ),
    s(3128, TCP, "Proxy", "HTTP proxy (Squid)", "HTTP プロキシ（Squid）"),
    s(
        3306,
        TCP,
        "MySQL",
        "MySQL / MariaDB / Aurora MySQL",
        "MySQL / MariaDB / Aurora MySQL",
    ),
    s(
        3389,
        ANY,
        "RDP",
        "Windows Remote Desktop",
        "Windows リモートデスクトップ",
    ),
    s(
        4500,
        UDP,
        "IPsec NAT-T",
        "IPsec VPN through NAT",
        "NAT 越えの IPsec VPN",
    ),
    s(
        5044,
        TCP,
        "Beats",
        "Elastic Beats / Logstash",
        "Elastic Beats / Logstash",
    ),
    s(
        5432,
        TCP,
        "PostgreSQL",
        "PostgreSQL / Aurora PostgreSQL",
        "PostgreSQL / Aurora PostgreSQL",
    ),
    s(5439, TCP, "Redshift", "Amazon Redshift", "Amazon Redshift"),
    s(
        5671,
        TCP,
        "AMQPS",
        "AMQP over TLS (Amazon MQ)",
        "TLS での AMQP（Amazon MQ）",
    ),
    s(
        5672,
        TCP,
        "AMQP",
        "message queue (RabbitMQ)",
        "メッセージキュー（RabbitMQ）",
    ),
    s(5900, TCP, "VNC", "VNC remote desktop", "VNC リモートデスクトップ"),
    s(
        5985,
        TCP,
        "WinRM",
        "Windows Remote Management over HTTP",
        "HTTP での Windows リモート管理",
    ),
    s(
        5986,
        TCP,
        "WinRM-S",
        "Windows Remote Management over HTTPS",
        "HTTPS での Windows リモート管理",
    ),
    s(
        6379,
        TCP,
        "Redis",
        "Redis / ElastiCache / MemoryDB",
        "Redis / ElastiCache / MemoryDB",
    ),
    s(
        6443,
        TCP,
        "Kubernetes API",
        "Kubernetes API server",
        "Kubernetes API サーバー",
    ),
    s(
        8080,
        TCP,
        "HTTP-alt",
        "alternative web port, often an app server or proxy",
        "代替の Web ポート。アプリサーバーやプロキシによく使われる",
    ),
    s(8443, TCP, "HTTPS-alt", "alternative HTTPS port", "代替の HTTPS ポート"),
    s(
        9092,
        TCP,
        "Kafka",
        "Apache Kafka / Amazon MSK",
        "Apache Kafka / Amazon MSK",
    ),
    s(
        9200,
        TCP,
        "Elasticsearch",
        "Elasticsearch / OpenSearch REST API",
        "Elasticsearch / OpenSearch の REST API",
    ),
    s(
        9300,
        TCP,
        "ES transport",
        "Elasticsearch node-to-node",
        "Elasticsearch ノード間通信",
    ),
    s(
        10250,
        TCP,
        "kubelet",
        "Kubernetes kubelet API",
        "Kubernetes の kubelet API",
    ),
    s(
        11211,
        ANY,
        "Memcached",
        "Memcached / ElastiCache",
        "Memcached / ElastiCache",
    ),
    s(27017, TCP, "MongoDB", "MongoDB / DocumentDB", "MongoDB / DocumentDB"),
];

/// The well-known service on `port` for IANA protocol `proto`, if we know one.
#[must_use]
pub fn service(port: u16, proto: Option<u8>) -> Option<&'static Service> {
    let fits = |svc: &&Service| svc.port == port && (svc.proto.is_none() || proto.is_none() || svc.proto == proto);
    // Prefer an exact transport match (443/TCP HTTPS over 443/UDP QUIC).
    SERVICES
        .iter()
        .filter(fits)
        .find(|svc| svc.proto == proto)
        .or_else(|| SERVICES.iter().find(fits))
}

/// Words used when showing decoded values.
pub mod words {
    use crate::fields::{t, Text};

    /// `-`.
    pub const ABSENT: Text = t("absent", "なし");
    /// A value that could not be read as its field's type.
    pub const INVALID: Text = t("not valid", "不正な値");
    /// A value hidden by whoever shared the line.
    pub const MASKED: Text = t("masked", "マスク済み");
    /// Meaning of a masked value.
    pub const MASKED_MEANING: Text = t(
        "This value was hidden (masked) or replaced by a placeholder before the line was shared; the other columns still decode.",
        "共有前に値が隠されているか（マスク）、プレースホルダーに置き換えられています。他の列は通常どおり解読できます。",
    );
    /// A start/end in epoch milliseconds.
    pub const MILLISECONDS: Text = t(
        "Epoch milliseconds (13 digits), not the seconds AWS documents: read as milliseconds and converted. Some tools write records this way.",
        "エポックミリ秒（13 桁）で、AWS が記載している秒ではありません。ミリ秒として読み、変換しました。一部のツールはこの形で書き出します。",
    );
    /// `unknown` account.
    pub const UNKNOWN: Text = t("unknown", "不明");
    /// Unit: packets (plural).
    pub const PACKETS: Text = t("packets", "パケット");
    /// Unit: one packet.
    pub const PACKET: Text = t("packet", "パケット");
    /// Unit: bytes.
    pub const BYTES: Text = t("bytes", "バイト");
    /// Unit: one byte.
    pub const BYTE: Text = t("byte", "バイト");
    /// Average size per packet.
    pub const BYTES_PER_PACKET: Text = t("{n} bytes per packet on average", "1 パケット平均 {n} バイト");
    /// Ephemeral port range.
    pub const EPHEMERAL: Text = t(
        "most likely an ephemeral (temporary client) port",
        "おそらくエフェメラル（一時的なクライアント）ポート",
    );
    /// Registered port range.
    pub const REGISTERED: Text = t("registered port", "登録済みポート");
    /// System port range.
    pub const SYSTEM: Text = t("system (well-known) port", "システム（ウェルノウン）ポート");
    /// Port 0.
    pub const NO_PORT: Text = t("no port", "ポートなし");
    /// A portless protocol with a non-zero port.
    pub const PORT_UNUSUAL: Text = t(
        "unusual: this protocol has no ports, AWS normally writes 0",
        "注意：このプロトコルにはポートがなく、AWS は通常 0 を書きます",
    );
    /// Duration label.
    pub const DURATION: Text = t("duration", "期間");
    /// Local time label.
    pub const LOCAL: Text = t("local", "ローカル");
    /// Unassigned protocol number.
    pub const UNASSIGNED: Text = t("unassigned protocol number", "未割り当てのプロトコル番号");
    /// Code not in the documented list.
    pub const UNDOCUMENTED: Text = t(
        "not in the documented list (AWS may have added it later)",
        "ドキュメントの一覧にない値です（後から追加された可能性があります）",
    );
    /// Flags on a non-TCP record.
    pub const FLAGS_NOT_TCP: Text = t(
        "TCP flags only mean something for TCP (protocol 6).",
        "TCP フラグは TCP（プロトコル 6）のときだけ意味があります。",
    );
    /// Flags AWS's current docs do not report.
    pub const FLAGS_LEGACY: Text = t(
        "PSH (8), ACK (16) and URG (32) appear only in older VPC and transit gateway documentation; ECE (64) and CWR (128) in no AWS documentation.",
        "PSH（8）、ACK（16）、URG（32）は古い VPC のドキュメントと Transit Gateway のドキュメントにだけ記載があり、ECE（64）と CWR（128）はどの AWS のドキュメントにもありません。",
    );
    /// Account ID with an unusual length.
    pub const ACCOUNT_LENGTH: Text = t(
        "AWS account IDs have 12 digits; this one does not.",
        "AWS アカウント ID は 12 桁ですが、この値は違います。",
    );
    /// Traffic path on an ingress record.
    pub const PATH_ON_INGRESS: Text = t(
        "unusual: AWS only computes the path for egress records",
        "注意：経路は送信（egress）のレコードでだけ計算されます",
    );
    /// Matches the CloudWatch timestamp.
    pub const CLOUDWATCH_TIME: Text = t(
        "CloudWatch Logs event time (it equals the record's start)",
        "CloudWatch Logs のイベント時刻（レコードの start と同じ値）",
    );
    /// Version in the record differs from the format.
    pub const VERSION_MISMATCH: Text = t(
        "Note: the fields of this format would make AWS write version {expected}",
        "注意：この形式の項目から決まるバージョンは{expected} です",
    );
    /// Decoded action words.
    pub const ACCEPTED: Text = t("accepted", "許可");
    /// Decoded action words.
    pub const REJECTED: Text = t("rejected", "拒否");
    /// Direction.
    pub const INGRESS: Text = t("inbound", "受信");
    /// Direction.
    pub const EGRESS: Text = t("outbound", "送信");
}

/// Kinds of IP address, with what they mean for VPC traffic.
pub mod addr_kinds {
    use crate::fields::{t, Text};

    /// Private IPv4 (RFC 1918).
    pub const PRIVATE: Text = t("private (RFC 1918)", "プライベート（RFC 1918）");
    /// Shared address space, carrier-grade NAT.
    pub const SHARED: Text = t(
        "shared address space (100.64.0.0/10, carrier-grade NAT)",
        "共有アドレス空間（100.64.0.0/10、キャリアグレード NAT）",
    );
    /// Public.
    pub const PUBLIC: Text = t("public (internet)", "パブリック（インターネット）");
    /// Loopback.
    pub const LOOPBACK: Text = t("loopback", "ループバック");
    /// Link-local.
    pub const LINK_LOCAL: Text = t("link-local", "リンクローカル");
    /// IMDS.
    pub const IMDS: Text = t(
        "EC2 instance metadata service (IMDS); flow logs normally never record it",
        "EC2 インスタンスメタデータサービス（IMDS）。通常フローログには記録されません",
    );
    /// Amazon DNS.
    pub const AMAZON_DNS: Text = t(
        "Amazon DNS server (Route 53 Resolver); flow logs normally never record it",
        "Amazon DNS サーバー（Route 53 Resolver）。通常フローログには記録されません",
    );
    /// Time sync.
    pub const TIME_SYNC: Text = t(
        "Amazon Time Sync Service; flow logs normally never record it",
        "Amazon Time Sync Service。通常フローログには記録されません",
    );
    /// IMDS over IPv6.
    pub const IMDS_V6: Text = t(
        "EC2 instance metadata service (IMDS) over IPv6; AWS documents only the IPv4 address 169.254.169.254 as never logged, so whether this one is logged is not documented",
        "IPv6 の EC2 インスタンスメタデータサービス（IMDS）。記録されないと AWS が記載しているのは IPv4 の 169.254.169.254 だけで、この IPv6 アドレスが記録されるかは記載がありません",
    );
    /// Amazon DNS over IPv6.
    pub const AMAZON_DNS_V6: Text = t(
        "Amazon DNS server (Route 53 Resolver) over IPv6; AWS documents only its IPv4 addresses as never logged, so whether this one is logged is not documented",
        "IPv6 の Amazon DNS サーバー（Route 53 Resolver）。記録されないと AWS が記載しているのは IPv4 のアドレスだけで、この IPv6 アドレスが記録されるかは記載がありません",
    );
    /// Time sync over IPv6.
    pub const TIME_SYNC_V6: Text = t(
        "Amazon Time Sync Service over IPv6 (Nitro instances); AWS documents only 169.254.169.123 as never logged, so whether this one is logged is not documented",
        "IPv6 の Amazon Time Sync Service（Nitro インスタンス）。記録されないと AWS が記載しているのは 169.254.169.123 だけで、この IPv6 アドレスが記録されるかは記載がありません",
    );
    /// Windows license activation.
    pub const LICENSE_ACTIVATION: Text = t(
        "Amazon Windows license activation (169.254.169.250 / .251); AWS does not log this traffic",
        "Amazon Windows ライセンス認証（169.254.169.250 / .251）。AWS はこの通信を記録しません",
    );
    /// NAT64.
    pub const NAT64: Text = t(
        "NAT64 (64:ff9b::/96): DNS64 maps IPv4 destinations into this range and the route sends it to a NAT gateway, which translates it to the embedded IPv4 address",
        "NAT64（64:ff9b::/96）。DNS64 が IPv4 の宛先をこの範囲に対応付け、ルートが NAT ゲートウェイに送り、NAT ゲートウェイが埋め込まれた IPv4 アドレスに変換します",
    );
    /// Special-purpose ranges.
    pub const SPECIAL_PURPOSE: Text = t(
        "special-purpose range (198.18.0.0/15 benchmarking, 192.0.0.0/24 protocol assignments, 192.88.99.0/24 former 6to4 relay), not a public internet address",
        "特殊用途の範囲（198.18.0.0/15 ベンチマーク、192.0.0.0/24 プロトコル割り当て、192.88.99.0/24 旧 6to4 リレー）。インターネットのパブリックアドレスではありません",
    );
    /// Documentation range.
    pub const DOCUMENTATION: Text = t(
        "documentation example range (not routable)",
        "ドキュメント用の例示アドレス（ルーティングされない）",
    );
    /// Multicast.
    pub const MULTICAST: Text = t("multicast", "マルチキャスト");
    /// Broadcast.
    pub const BROADCAST: Text = t("broadcast", "ブロードキャスト");
    /// Unspecified.
    pub const UNSPECIFIED: Text = t("unspecified (0.0.0.0 / ::)", "未指定（0.0.0.0 / ::）");
    /// IPv6 unique local.
    pub const UNIQUE_LOCAL: Text = t("IPv6 unique local (private)", "IPv6 ユニークローカル（プライベート）");
    /// IPv6 global unicast.
    pub const GLOBAL_V6: Text = t(
        "IPv6 global unicast (internet-routable)",
        "IPv6 グローバルユニキャスト（インターネットで到達可能）",
    );
    /// Reserved.
    pub const RESERVED: Text = t("reserved range", "予約済みの範囲");

    /// Short labels for table cells and summaries.
    pub mod short {
        use crate::fields::{t, Text};
        /// Private.
        pub const PRIVATE: Text = t("private", "プライベート");
        /// Public.
        pub const PUBLIC: Text = t("public", "パブリック");
        /// Documentation.
        pub const EXAMPLE: Text = t("example range", "例示用");
        /// Link-local.
        pub const LINK_LOCAL: Text = t("link-local", "リンクローカル");
        /// Loopback.
        pub const LOOPBACK: Text = t("loopback", "ループバック");
        /// IMDS.
        pub const IMDS: Text = t("IMDS", "IMDS");
        /// DNS.
        pub const AMAZON_DNS: Text = t("Amazon DNS", "Amazon DNS");
        /// Time sync.
        pub const TIME_SYNC: Text = t("Time Sync", "Time Sync");
        /// License activation.
        pub const LICENSE_ACTIVATION: Text = t("Windows activation", "Windows ライセンス認証");
        /// NAT64.
        pub const NAT64: Text = t("NAT64", "NAT64");
        /// Special purpose.
        pub const SPECIAL_PURPOSE: Text = t("special-purpose", "特殊用途");
        /// Multicast.
        pub const MULTICAST: Text = t("multicast", "マルチキャスト");
        /// Broadcast.
        pub const BROADCAST: Text = t("broadcast", "ブロードキャスト");
        /// Unspecified.
        pub const UNSPECIFIED: Text = t("unspecified", "未指定");
        /// Reserved.
        pub const RESERVED: Text = t("reserved", "予約済み");
    }
}
