//! The field knowledge table: every flow log field, what it means, and what
//! each of its documented values means, in English and Japanese.
//!
//! This module is plain data. The parser (`crate::flowlog`) takes the field
//! order and each field's [`Kind`] from here; the UI takes labels and
//! explanations from here. Nothing else in the crate holds explanation prose.

pub mod across;
pub mod colours;
pub mod labels;
pub mod lessons;
pub mod messages;
pub mod samples;
mod specs;
pub mod vocab;

pub use specs::FIELDS;

/// A language the explanations are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Japanese.
    Ja,
}

impl Lang {
    /// Both languages, in menu order.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ja];

    /// The BCP 47 tag (`en`, `ja`), as used in `<html lang>`.
    #[must_use]
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// `en` or `ja`, whichever this language is: the one way to choose between two
    /// texts written side by side.
    #[must_use]
    pub fn pick<T>(self, en: T, ja: T) -> T {
        match self {
            Lang::En => en,
            Lang::Ja => ja,
        }
    }

    /// Its own name, as the language switch shows it ("English", "日本語").
    #[must_use]
    pub const fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ja => "日本語",
        }
    }

    /// Picks the language for a browser language tag such as `ja-JP`; English otherwise.
    #[must_use]
    pub fn from_tag(tag: &str) -> Lang {
        if tag.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("ja")) {
            Lang::Ja
        } else {
            Lang::En
        }
    }
}

/// One piece of text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    /// English.
    pub en: &'static str,
    /// Japanese.
    pub ja: &'static str,
}

impl Text {
    /// The text in `lang`.
    #[must_use]
    pub const fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Ja => self.ja,
        }
    }

    /// The text in `lang` with each `{name}` replaced by the value given for `name`: the
    /// one way a sentence with values in it is made, since the two languages put the
    /// values in different places. A `{name}` with no value given stays as it is.
    /// (Hand-written: a template engine or a Fluent bundle for two languages of short
    /// messages would outweigh the messages.)
    #[must_use]
    pub fn fill(&self, lang: Lang, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        use std::fmt::Write as _;
        let template = self.get(lang);
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some((before, after)) = rest.split_once('{') {
            out.push_str(before);
            let value = after
                .split_once('}')
                .and_then(|(name, tail)| Some((args.iter().find(|(n, _)| *n == name)?.1, tail)));
            match value {
                Some((value, tail)) => {
                    let _ = write!(out, "{value}");
                    rest = tail;
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// Shorthand for building a [`Text`] in const tables.
#[must_use]
pub const fn t(en: &'static str, ja: &'static str) -> Text {
    Text { en, ja }
}

/// A field crosses between the page and its workers by its AWS name (`"srcaddr"`); a
/// name that is no field is refused with the message, never read as some other field.
impl serde::Serialize for FieldName {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for FieldName {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        FieldName::parse_loose(&name)
            .filter(|f| f.as_str() == name)
            .ok_or_else(|| serde::de::Error::custom(format!("expected a flow log field name, found `{name}`")))
    }
}

/// How a field's value is read and decoded. Drives the parser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `version`: the record-format version number.
    Version,
    /// A 12-digit AWS account ID, or the word `unknown`.
    Account,
    /// An AWS resource ID with a fixed prefix such as `eni-`.
    ResourceId(&'static str),
    /// An IPv4 or IPv6 address.
    Addr,
    /// A TCP/UDP/SCTP port number.
    Port,
    /// An IANA protocol number.
    Protocol,
    /// A packet count.
    Packets,
    /// A byte count.
    Bytes,
    /// Unix epoch seconds.
    Time,
    /// `ACCEPT` / `REJECT`.
    Action,
    /// `OK` / `NODATA` / `SKIPDATA`.
    LogStatus,
    /// The OR of the TCP flags seen.
    TcpFlags,
    /// `IPv4` / `IPv6` / `EFA`.
    TrafficType,
    /// An AWS Region code such as `us-east-1`.
    Region,
    /// An Availability Zone ID such as `use1-az1`.
    AzId,
    /// `wavelength` / `outpost` / `localzone`.
    SublocationType,
    /// A name from AWS's ip-ranges.json (`S3`, `AMAZON`, …): an open set.
    AwsService,
    /// `ingress` / `egress`.
    FlowDirection,
    /// The egress route code 1–8.
    TrafficPath,
    /// An Amazon Resource Name (`arn:…`).
    Arn,
    /// Free text without spaces (names, container IDs).
    Name,
    /// `BPA` / `EC`: an open set.
    RejectReason,
    /// Encryption status 0–3.
    EncryptionStatus,
    /// A percent-encoded tag value.
    Tag,
    /// The type of a network interface: an open set.
    InterfaceType,
    /// `TransitGateway` / `TransitGatewayAttachment`.
    ResourceType,
}

impl Kind {
    /// What kind of value the field holds, in words ("IP address", "Unix seconds").
    #[must_use]
    pub const fn label(self) -> Text {
        match self {
            Kind::Version | Kind::Packets | Kind::Bytes => t("integer", "整数"),
            Kind::Account => t("12-digit account ID (text)", "12 桁のアカウント ID（文字列）"),
            Kind::ResourceId(_) => t("resource ID (text)", "リソース ID（文字列）"),
            Kind::Addr => t("IPv4 or IPv6 address", "IPv4 / IPv6 アドレス"),
            Kind::Port => t("port number 0–65535", "ポート番号 0〜65535"),
            Kind::Protocol => t("IANA protocol number 0–255", "IANA プロトコル番号 0〜255"),
            Kind::Time => t("Unix seconds (UTC)", "Unix 秒（UTC）"),
            Kind::Action
            | Kind::LogStatus
            | Kind::TrafficType
            | Kind::SublocationType
            | Kind::FlowDirection
            | Kind::ResourceType => t("fixed set of words", "決まった語のいずれか"),
            Kind::TcpFlags => t("bitmask (integer)", "ビットマスク（整数）"),
            Kind::Region => t("Region code (text)", "リージョンコード（文字列）"),
            Kind::AzId => t("zone ID (text)", "ゾーン ID（文字列）"),
            Kind::AwsService | Kind::RejectReason | Kind::InterfaceType => t(
                "open set of words (new ones may appear)",
                "語のいずれか（今後増えることがあります）",
            ),
            Kind::TrafficPath | Kind::EncryptionStatus => t("numeric code", "数値コード"),
            Kind::Arn => t("ARN (text)", "ARN（文字列）"),
            Kind::Name => t("text", "文字列"),
            Kind::Tag => t("percent-encoded text", "パーセントエンコードされた文字列"),
        }
    }
}

/// Which kind of flow log carries a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// VPC flow logs only.
    Vpc,
    /// Transit gateway flow logs only.
    Tgw,
    /// Both.
    Both,
}

/// How sure the sources are about a field (see `shared/spec/flow-log-format.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Certainty {
    /// Read in AWS documentation.
    Documented,
    /// Only in material that cites AWS documentation.
    Secondary,
    /// Inferred, or the sources disagree.
    Uncertain,
}

/// A documented value of a field and what it means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Code {
    /// The value exactly as it appears in a record.
    pub code: &'static str,
    /// What it means.
    pub meaning: Text,
}

/// Everything known about one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    /// The field.
    pub name: FieldName,
    /// The flow log version that introduced it.
    pub version: u8,
    /// How its values are read.
    pub kind: Kind,
    /// VPC, transit gateway, or both.
    pub scope: Scope,
    /// How well documented it is.
    pub certainty: Certainty,
    /// A short label ("Source address").
    pub title: Text,
    /// One or more sentences that teach what the field says.
    pub detail: Text,
    /// What `-` means in this field.
    pub absent: Text,
    /// Documented values (for enumerations) or notable values (for numbers).
    pub codes: &'static [Code],
}

impl FieldSpec {
    /// The meaning of a documented value, if `raw` is one.
    #[must_use]
    pub fn code(&self, raw: &str) -> Option<&'static Code> {
        self.codes.iter().find(|c| c.code == raw)
    }
}

macro_rules! field_names {
    ($($variant:ident => $aws:literal,)*) => {
        /// A flow log field, named as in AWS's `${…}` format tokens.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[allow(missing_docs, reason = "each variant is the field named by as_str()")]
        pub enum FieldName {
            $($variant,)*
            /// A field name this page does not know (a header or format naming a field
            /// AWS added later): its column is kept, its values shown as they are. Its
            /// name is kept by the format ([`crate::flowlog::Format::name_at`]).
            Unknown,
        }

        impl FieldName {
            /// Every field: VPC fields in AWS's table order, then the transit-gateway-only
            /// ones ([`FieldName::Unknown`] is not one of them).
            pub const ALL: &'static [FieldName] = &[$(FieldName::$variant,)*];

            /// The AWS name, e.g. `tcp-flags`.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(FieldName::$variant => $aws,)*
                    FieldName::Unknown => "unknown-field",
                }
            }
        }
    };
}

field_names! {
    Version => "version",
    AccountId => "account-id",
    InterfaceId => "interface-id",
    Srcaddr => "srcaddr",
    Dstaddr => "dstaddr",
    Srcport => "srcport",
    Dstport => "dstport",
    Protocol => "protocol",
    Packets => "packets",
    Bytes => "bytes",
    Start => "start",
    End => "end",
    Action => "action",
    LogStatus => "log-status",
    VpcId => "vpc-id",
    SubnetId => "subnet-id",
    InstanceId => "instance-id",
    TcpFlags => "tcp-flags",
    Type => "type",
    PktSrcaddr => "pkt-srcaddr",
    PktDstaddr => "pkt-dstaddr",
    Region => "region",
    AzId => "az-id",
    SublocationType => "sublocation-type",
    SublocationId => "sublocation-id",
    PktSrcAwsService => "pkt-src-aws-service",
    PktDstAwsService => "pkt-dst-aws-service",
    FlowDirection => "flow-direction",
    TrafficPath => "traffic-path",
    EcsClusterArn => "ecs-cluster-arn",
    EcsClusterName => "ecs-cluster-name",
    EcsContainerInstanceArn => "ecs-container-instance-arn",
    EcsContainerInstanceId => "ecs-container-instance-id",
    EcsContainerId => "ecs-container-id",
    EcsSecondContainerId => "ecs-second-container-id",
    EcsServiceName => "ecs-service-name",
    EcsTaskDefinitionArn => "ecs-task-definition-arn",
    EcsTaskArn => "ecs-task-arn",
    EcsTaskId => "ecs-task-id",
    RejectReason => "reject-reason",
    ResourceId => "resource-id",
    EncryptionStatus => "encryption-status",
    InstanceTag => "instance-tag",
    InstanceTag2 => "instance-tag-2",
    InterfaceTag => "interface-tag",
    InterfaceTag2 => "interface-tag-2",
    AsgTag => "asg-tag",
    AsgTag2 => "asg-tag-2",
    InterfaceType => "interface-type",
    NextHopInterfaceId => "next-hop-interface-id",
    NextHopSubnetId => "next-hop-subnet-id",
    NextHopAzId => "next-hop-az-id",
    NextHopVpcId => "next-hop-vpc-id",
    NextHopInterfaceType => "next-hop-interface-type",
    ResourceType => "resource-type",
    TgwId => "tgw-id",
    TgwAttachmentId => "tgw-attachment-id",
    TgwSrcVpcAccountId => "tgw-src-vpc-account-id",
    TgwDstVpcAccountId => "tgw-dst-vpc-account-id",
    TgwSrcVpcId => "tgw-src-vpc-id",
    TgwDstVpcId => "tgw-dst-vpc-id",
    TgwSrcSubnetId => "tgw-src-subnet-id",
    TgwDstSubnetId => "tgw-dst-subnet-id",
    TgwSrcEni => "tgw-src-eni",
    TgwDstEni => "tgw-dst-eni",
    TgwSrcAzId => "tgw-src-az-id",
    TgwDstAzId => "tgw-dst-az-id",
    TgwPairAttachmentId => "tgw-pair-attachment-id",
    PacketsLostNoRoute => "packets-lost-no-route",
    PacketsLostBlackhole => "packets-lost-blackhole",
    PacketsLostMtuExceeded => "packets-lost-mtu-exceeded",
    PacketsLostTtlExpired => "packets-lost-ttl-expired",
}

impl FieldName {
    /// The knowledge-table entry for this field.
    #[must_use]
    pub fn spec(self) -> &'static FieldSpec {
        // FIELDS is in the same order as the enum; tests/fields.rs checks it. An
        // unknown field gets the fallback entry, which says so.
        FIELDS
            .get(self as usize)
            .filter(|s| s.name == self)
            .unwrap_or(&specs::FALLBACK)
    }

    /// Reads a field name as people write it: `srcaddr`, `${srcaddr}`, `$${srcaddr}`
    /// (Terraform), `<srcaddr>` (blogs), `src_addr`, `SRCADDR` or `srcAddr`. Hyphens and underscores are
    /// ignored and case does not matter, which is unambiguous for AWS's names.
    #[must_use]
    pub fn parse_loose(token: &str) -> Option<FieldName> {
        let bare = strip_token_syntax(token)?;
        // Every field name starts with a letter: numbers (most record values) leave at once.
        if !bare.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        FieldName::ALL.iter().copied().find(|f| loose_eq(bare, f.as_str()))
    }

    /// The real field name closest to a mistyped one, if any is reasonably close.
    #[must_use]
    pub fn closest(token: &str) -> Option<FieldName> {
        // No field name is longer than 40 characters: a longer token is no near miss
        // (and comparing a huge one with every name would take long).
        if token.len() > 64 {
            return None;
        }
        let key = loose_key(strip_token_syntax(token).unwrap_or(token));
        FieldName::ALL
            .iter()
            .map(|f| (strsim::levenshtein(&key, &loose_key(f.as_str())), *f))
            .filter(|(d, _)| *d <= (key.chars().count() / 3).max(1))
            .min_by_key(|(d, _)| *d)
            .map(|(_, f)| f)
    }
}

impl std::fmt::Display for FieldName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `${x}`, `$${x}` and `{x}` → `x`; `None` when the braces do not match.
fn strip_token_syntax(token: &str) -> Option<&str> {
    // `<srcaddr>`, as blogs and notebooks write a format.
    if let Some(inner) = token.strip_prefix('<').and_then(|t| t.strip_suffix('>')) {
        return Some(inner);
    }
    let t = token.trim_start_matches('$');
    match (t.strip_prefix('{'), t.ends_with('}')) {
        (Some(inner), true) => inner.strip_suffix('}'),
        (None, false) if t.len() == token.len() => Some(t),
        _ => None,
    }
}

/// `loose_key(a) == loose_key(b)`, without allocating.
fn loose_eq(a: &str, b: &str) -> bool {
    let mut x = a.bytes().filter(|c| *c != b'-' && *c != b'_');
    let mut y = b.bytes().filter(|c| *c != b'-' && *c != b'_');
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(p), Some(q)) if p.eq_ignore_ascii_case(&q) => {}
            _ => return false,
        }
    }
}

fn loose_key(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '-' && *c != '_')
        .map(|c| c.to_ascii_lowercase())
        .collect()
}
