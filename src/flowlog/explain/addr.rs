//! What kind of address an IP is, as it matters for VPC traffic.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::fields::vocab::addr_kinds as k;
use crate::fields::Text;

/// The kind of an address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddrKind {
    /// 10/8, 172.16/12, 192.168/16.
    Private,
    /// 100.64/10.
    Shared,
    /// Anything routable on the internet.
    Public,
    /// 127/8, ::1.
    Loopback,
    /// 169.254/16 (other than AWS's special addresses), fe80::/10.
    LinkLocal,
    /// 169.254.169.254.
    Imds,
    /// 169.254.169.253.
    AmazonDns,
    /// 169.254.169.123.
    TimeSync,
    /// fd00:ec2::254, fd00:ec2::253, fd00:ec2::123: the IPv6 addresses of IMDS, the
    /// Amazon DNS server and Time Sync. AWS lists only the IPv4 addresses as never logged.
    AwsServiceV6(AwsV6),
    /// 169.254.169.250 and .251: Amazon Windows license activation (never logged).
    LicenseActivation,
    /// 64:ff9b::/96: NAT64 (DNS64 maps IPv4 destinations here; AWS routes it to a NAT gateway).
    Nat64,
    /// 198.18.0.0/15 (benchmarking), 192.0.0.0/24 (IETF protocol assignments),
    /// 192.88.99.0/24 (former 6to4 relay anycast): special-purpose, not public.
    SpecialPurpose,
    /// 192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32.
    Documentation,
    /// 224/4, ff00::/8.
    Multicast,
    /// 255.255.255.255.
    Broadcast,
    /// 0.0.0.0, ::.
    Unspecified,
    /// fc00::/7 (other than AWS's special addresses).
    UniqueLocal,
    /// 2000::/3 (other than documentation).
    GlobalV6,
    /// Other reserved ranges (240/4, 0/8, …).
    Reserved,
}

/// Which AWS service an `fd00:ec2::…` address is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AwsV6 {
    /// fd00:ec2::254.
    Imds,
    /// fd00:ec2::253.
    AmazonDns,
    /// fd00:ec2::123.
    TimeSync,
}

impl AddrKind {
    /// Classifies `ip`.
    #[must_use]
    pub fn of(ip: IpAddr) -> AddrKind {
        match ip {
            IpAddr::V4(v4) => v4_kind(v4),
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => v4_kind(v4),
                None => v6_kind(v6),
            },
        }
    }

    /// What the kind means.
    #[must_use]
    pub fn text(self) -> Text {
        match self {
            AddrKind::Private => k::PRIVATE,
            AddrKind::Shared => k::SHARED,
            AddrKind::Public => k::PUBLIC,
            AddrKind::Loopback => k::LOOPBACK,
            AddrKind::LinkLocal => k::LINK_LOCAL,
            AddrKind::Imds => k::IMDS,
            AddrKind::AmazonDns => k::AMAZON_DNS,
            AddrKind::TimeSync => k::TIME_SYNC,
            AddrKind::AwsServiceV6(AwsV6::Imds) => k::IMDS_V6,
            AddrKind::AwsServiceV6(AwsV6::AmazonDns) => k::AMAZON_DNS_V6,
            AddrKind::AwsServiceV6(AwsV6::TimeSync) => k::TIME_SYNC_V6,
            AddrKind::LicenseActivation => k::LICENSE_ACTIVATION,
            AddrKind::Nat64 => k::NAT64,
            AddrKind::SpecialPurpose => k::SPECIAL_PURPOSE,
            AddrKind::Documentation => k::DOCUMENTATION,
            AddrKind::Multicast => k::MULTICAST,
            AddrKind::Broadcast => k::BROADCAST,
            AddrKind::Unspecified => k::UNSPECIFIED,
            AddrKind::UniqueLocal => k::UNIQUE_LOCAL,
            AddrKind::GlobalV6 => k::GLOBAL_V6,
            AddrKind::Reserved => k::RESERVED,
        }
    }

    /// A one- or two-word label ("private", "public").
    #[must_use]
    pub fn short(self) -> Text {
        use k::short as s;
        match self {
            AddrKind::Private | AddrKind::Shared | AddrKind::UniqueLocal => s::PRIVATE,
            AddrKind::Public | AddrKind::GlobalV6 => s::PUBLIC,
            AddrKind::Documentation => s::EXAMPLE,
            AddrKind::LinkLocal => s::LINK_LOCAL,
            AddrKind::Loopback => s::LOOPBACK,
            AddrKind::Imds | AddrKind::AwsServiceV6(AwsV6::Imds) => s::IMDS,
            AddrKind::AmazonDns | AddrKind::AwsServiceV6(AwsV6::AmazonDns) => s::AMAZON_DNS,
            AddrKind::TimeSync | AddrKind::AwsServiceV6(AwsV6::TimeSync) => s::TIME_SYNC,
            AddrKind::LicenseActivation => s::LICENSE_ACTIVATION,
            AddrKind::Nat64 => s::NAT64,
            AddrKind::SpecialPurpose => s::SPECIAL_PURPOSE,
            AddrKind::Multicast => s::MULTICAST,
            AddrKind::Broadcast => s::BROADCAST,
            AddrKind::Unspecified => s::UNSPECIFIED,
            AddrKind::Reserved => s::RESERVED,
        }
    }

    /// Whether the address is inside a private network (VPC-side).
    #[must_use]
    pub fn is_internal(self) -> bool {
        matches!(
            self,
            AddrKind::Private | AddrKind::Shared | AddrKind::UniqueLocal | AddrKind::LinkLocal
        )
    }
}

/// The IPv4 address inside a NAT64 address (`64:ff9b::203.0.113.12`).
#[must_use]
pub fn nat64_ipv4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    let o = ip.octets();
    (AddrKind::of(IpAddr::V6(ip)) == AddrKind::Nat64).then(|| Ipv4Addr::new(o[12], o[13], o[14], o[15]))
}

fn v4_kind(ip: Ipv4Addr) -> AddrKind {
    let [a, b, c, d] = ip.octets();
    match (a, b, c, d) {
        (169, 254, 169, 254) => AddrKind::Imds,
        (169, 254, 169, 253) => AddrKind::AmazonDns,
        (169, 254, 169, 123) => AddrKind::TimeSync,
        (169, 254, 169, 250 | 251) => AddrKind::LicenseActivation,
        (198, 18 | 19, _, _) | (192, 0, 0, _) | (192, 88, 99, _) => AddrKind::SpecialPurpose,
        (100, 64..=127, _, _) => AddrKind::Shared,
        _ if ip.is_unspecified() => AddrKind::Unspecified,
        _ if ip.is_private() => AddrKind::Private,
        _ if ip.is_loopback() => AddrKind::Loopback,
        _ if ip.is_link_local() => AddrKind::LinkLocal,
        _ if ip.is_documentation() => AddrKind::Documentation,
        _ if ip.is_broadcast() => AddrKind::Broadcast,
        _ if ip.is_multicast() => AddrKind::Multicast,
        (0, ..) | (240..=255, ..) => AddrKind::Reserved,
        _ => AddrKind::Public,
    }
}

const AWS_V6_PREFIX: [u16; 4] = [0xfd00, 0x0ec2, 0, 0];

fn v6_kind(ip: Ipv6Addr) -> AddrKind {
    let seg = ip.segments();
    if seg[..4] == AWS_V6_PREFIX && seg[4..7] == [0, 0, 0] {
        match seg[7] {
            0x254 => return AddrKind::AwsServiceV6(AwsV6::Imds),
            0x253 => return AddrKind::AwsServiceV6(AwsV6::AmazonDns),
            0x123 => return AddrKind::AwsServiceV6(AwsV6::TimeSync),
            _ => {}
        }
    }
    if seg[..6] == [0x0064, 0xff9b, 0, 0, 0, 0] {
        return AddrKind::Nat64;
    }
    match seg[0] {
        _ if ip.is_unspecified() => AddrKind::Unspecified,
        _ if ip.is_loopback() => AddrKind::Loopback,
        0x2001 if seg[1] == 0x0db8 => AddrKind::Documentation,
        _ if ip.is_multicast() => AddrKind::Multicast,
        _ if ip.is_unicast_link_local() => AddrKind::LinkLocal,
        _ if ip.is_unique_local() => AddrKind::UniqueLocal,
        0x2000..=0x3fff => AddrKind::GlobalV6,
        _ => AddrKind::Reserved,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_kinds() {
        let cases = [
            ("10.0.0.1", AddrKind::Private),
            ("172.31.16.139", AddrKind::Private),
            ("192.168.1.1", AddrKind::Private),
            ("100.64.0.1", AddrKind::Shared),
            ("52.95.128.179", AddrKind::Public),
            ("203.0.113.12", AddrKind::Documentation),
            ("169.254.169.254", AddrKind::Imds),
            ("169.254.169.253", AddrKind::AmazonDns),
            ("169.254.169.123", AddrKind::TimeSync),
            ("169.254.1.1", AddrKind::LinkLocal),
            ("127.0.0.1", AddrKind::Loopback),
            ("255.255.255.255", AddrKind::Broadcast),
            ("224.0.0.5", AddrKind::Multicast),
            ("0.0.0.0", AddrKind::Unspecified),
            ("240.0.0.1", AddrKind::Reserved),
            ("2001:db8:1234:a100:8d6e:3477:df66:f105", AddrKind::Documentation),
            ("2600:1f18::1", AddrKind::GlobalV6),
            ("fd00:ec2::254", AddrKind::AwsServiceV6(AwsV6::Imds)),
            ("fd00:ec2::253", AddrKind::AwsServiceV6(AwsV6::AmazonDns)),
            ("fd00:ec2::123", AddrKind::AwsServiceV6(AwsV6::TimeSync)),
            ("169.254.169.250", AddrKind::LicenseActivation),
            ("169.254.169.251", AddrKind::LicenseActivation),
            ("64:ff9b::cb00:710c", AddrKind::Nat64),
            ("198.18.0.1", AddrKind::SpecialPurpose),
            ("198.19.255.255", AddrKind::SpecialPurpose),
            ("192.0.0.9", AddrKind::SpecialPurpose),
            ("192.88.99.1", AddrKind::SpecialPurpose),
            ("198.20.0.1", AddrKind::Public),
            ("fd12::1", AddrKind::UniqueLocal),
            ("fe80::1", AddrKind::LinkLocal),
            ("::1", AddrKind::Loopback),
            ("ff02::1", AddrKind::Multicast),
            ("::ffff:10.0.0.1", AddrKind::Private),
        ];
        for (ip, want) in cases {
            let ip: IpAddr = ip.parse().unwrap();
            assert_eq!(AddrKind::of(ip), want, "{ip}");
        }
    }
}
