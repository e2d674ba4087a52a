//! Records as documents of other systems: Elastic Common Schema, as Elastic's
//! `aws.vpcflow` pipeline writes them (`shared/spec/ecs-vpcflow.md`), and OCSF
//! Network Activity (class 4001), as Amazon Security Lake maps flow logs
//! (`shared/spec/ocsf-network-activity.md`), each typed as its schema says; and the
//! Community ID flow hash (`shared/spec/community-id.md`).

use std::net::IpAddr;

use base64::Engine as _;
use serde_json::{json, Map, Value as Json};
use sha1::{Digest, Sha1};

use crate::fields::FieldName as F;

use crate::flowlog::decode::clock;
use crate::flowlog::decode::format::Preset;
use crate::flowlog::decode::record::Record;
use crate::flowlog::decode::value::{Action, FlowDirection, TcpFlags, Value};

/// The ECS version the documents follow (the one Elastic's pipeline stamps).
pub const ECS_VERSION: &str = "8.11.0";
/// The OCSF version the documents follow (`connection_info.community_uid` needs ≥ 1.4.0).
pub const OCSF_VERSION: &str = "1.8.0";

/// Community ID v1 of a flow (seed `seed`, base64): direction-independent, so a
/// request and its reply hash the same. ICMP and ICMPv6 "ports" are type and code;
/// flow logs carry none, so they are 0 — hashed, as Elastic does, as type 0 (echo
/// reply) with its counterpart. Protocols without ports hash without them.
#[must_use]
pub fn community_id(src: IpAddr, dst: IpAddr, sport: u16, dport: u16, proto: u8, seed: u16) -> Option<String> {
    let bytes = |ip: IpAddr| match ip {
        IpAddr::V4(v4) => v4.octets().to_vec(),
        IpAddr::V6(v6) => v6.octets().to_vec(),
    };
    let (mut a, mut b) = (bytes(src), bytes(dst));
    if a.len() != b.len() {
        // Mixed families are outside the spec; Elastic compares them as numbers.
        let pad = |v: &[u8]| {
            let mut p = vec![0u8; 16 - v.len()];
            p.extend_from_slice(v);
            p
        };
        if pad(&a) > pad(&b) {
            std::mem::swap(&mut a, &mut b);
            return hash(seed, &a, &b, proto, Some((dport, sport)));
        }
        return hash(seed, &a, &b, proto, Some((sport, dport)));
    }
    let ports = match proto {
        6 | 17 | 132 => Some((sport, dport, false)),
        1 | 58 => {
            let (p, one_way) = icmp_ports(proto, sport, dport);
            Some((p.0, p.1, one_way))
        }
        _ => None,
    };
    match ports {
        Some((sp, dp, one_way)) => {
            let ordered = one_way || a < b || (a == b && sp <= dp);
            if ordered {
                hash(seed, &a, &b, proto, Some((sp, dp)))
            } else {
                hash(seed, &b, &a, proto, Some((dp, sp)))
            }
        }
        None => {
            if a <= b {
                hash(seed, &a, &b, proto, None)
            } else {
                hash(seed, &b, &a, proto, None)
            }
        }
    }
}

/// ICMP type/code → the port equivalents and whether the message is one-way (Zeek's
/// tables, via the Community ID reference code).
fn icmp_ports(proto: u8, icmp_type: u16, code: u16) -> ((u16, u16), bool) {
    let counterpart = if proto == 1 {
        match icmp_type {
            8 => Some(0),
            0 => Some(8),
            13 => Some(14),
            14 => Some(13),
            15 => Some(16),
            16 => Some(15),
            10 => Some(9),
            9 => Some(10),
            17 => Some(18),
            18 => Some(17),
            _ => None,
        }
    } else {
        match icmp_type {
            128 => Some(129),
            129 => Some(128),
            130 => Some(131),
            131 => Some(130),
            133 => Some(134),
            134 => Some(133),
            135 => Some(136),
            136 => Some(135),
            139 => Some(140),
            140 => Some(139),
            144 => Some(145),
            145 => Some(144),
            _ => None,
        }
    };
    match counterpart {
        Some(c) => ((icmp_type, c), false),
        None => ((icmp_type, code), true),
    }
}

fn hash(seed: u16, a: &[u8], b: &[u8], proto: u8, ports: Option<(u16, u16)>) -> Option<String> {
    let mut h = Sha1::new();
    h.update(seed.to_be_bytes());
    h.update(a);
    h.update(b);
    h.update([proto, 0]);
    if let Some((sp, dp)) = ports {
        h.update(sp.to_be_bytes());
        h.update(dp.to_be_bytes());
    }
    Some(format!(
        "1:{}",
        base64::engine::general_purpose::STANDARD.encode(h.finalize())
    ))
}

/// Reads a record's values by field.
struct Fields<'a> {
    record: &'a Record,
    text: &'a str,
}

impl Fields<'_> {
    /// The raw value, unless absent (`-`).
    fn raw(&self, f: F) -> Option<&str> {
        self.record.cell(f).map(|c| c.raw(self.text)).filter(|r| *r != "-")
    }
    fn value(&self, f: F) -> Option<Value> {
        self.record.value(f).filter(|v| *v != Value::Absent)
    }
    fn number(&self, f: F) -> Option<u64> {
        match self.value(f)? {
            Value::Count(n) | Value::Number(n) => Some(n),
            Value::Port(n) => Some(u64::from(n)),
            Value::Protocol(n) => Some(u64::from(n)),
            Value::TcpFlags(TcpFlags(n)) => Some(u64::from(n)),
            _ => None,
        }
    }
    fn time(&self, f: F) -> Option<i64> {
        match self.value(f)? {
            Value::Time(t) => Some(t),
            _ => None,
        }
    }
    fn ip(&self, f: F) -> Option<IpAddr> {
        match self.value(f)? {
            Value::Addr(ip) => Some(ip),
            _ => None,
        }
    }
    fn port(&self, f: F) -> Option<u16> {
        match self.value(f)? {
            Value::Port(p) => Some(p),
            _ => None,
        }
    }
    fn community_id(&self) -> Option<String> {
        let proto = u8::try_from(self.number(F::Protocol)?).ok()?;
        community_id(
            self.ip(F::Srcaddr)?,
            self.ip(F::Dstaddr)?,
            self.port(F::Srcport).unwrap_or(0),
            self.port(F::Dstport).unwrap_or(0),
            proto,
            0,
        )
    }
}

/// Sets `path` (dotted) in `doc`, making the objects on the way.
fn put(doc: &mut Map<String, Json>, path: &str, value: Json) {
    match path.split_once('.') {
        None => {
            doc.insert(path.to_owned(), value);
        }
        Some((head, rest)) => {
            let entry = doc.entry(head.to_owned()).or_insert_with(|| Json::Object(Map::new()));
            if !entry.is_object() {
                *entry = Json::Object(Map::new());
            }
            if let Json::Object(inner) = entry {
                put(inner, rest, value);
            }
        }
    }
}

/// ISO 8601 UTC with milliseconds, as Elastic writes dates: `2014-12-14T04:06:50.000Z`.
fn iso(t: i64) -> Option<String> {
    clock::calendar_iso(t).map(|c| format!("{c}.000Z"))
}

/// IANA keywords as Elastic's pipeline names transports (only these).
fn transport(proto: u64) -> Option<&'static str> {
    Some(match proto {
        0 => "hopopt",
        1 => "icmp",
        2 => "igmp",
        6 => "tcp",
        8 => "egp",
        17 => "udp",
        47 => "gre",
        50 => "esp",
        58 => "ipv6-icmp",
        112 => "vrrp",
        132 => "sctp",
        _ => return None,
    })
}

/// A record as the ECS document Elastic's `aws.vpcflow` pipeline makes of it.
#[must_use]
pub fn ecs(record: &Record, text: &str) -> Json {
    let r = Fields { record, text };
    let mut d = Map::new();
    put(&mut d, "ecs.version", json!(ECS_VERSION));
    put(&mut d, "event.kind", json!("event"));
    put(&mut d, "event.category", json!(["network"]));
    put(&mut d, "event.dataset", json!("aws.vpcflow"));
    put(&mut d, "cloud.provider", json!("aws"));
    // Integration fields, copied as strings (`-` left out).
    let copied = [
        (F::Version, "aws.vpcflow.version"),
        (F::AccountId, "aws.vpcflow.account_id"),
        (F::InterfaceId, "aws.vpcflow.interface_id"),
        (F::Action, "aws.vpcflow.action"),
        (F::LogStatus, "aws.vpcflow.log_status"),
        (F::VpcId, "aws.vpcflow.vpc_id"),
        (F::SubnetId, "aws.vpcflow.subnet_id"),
        (F::InstanceId, "aws.vpcflow.instance_id"),
        (F::TcpFlags, "aws.vpcflow.tcp_flags"),
        (F::Type, "aws.vpcflow.type"),
        (F::PktSrcaddr, "aws.vpcflow.pkt_srcaddr"),
        (F::PktDstaddr, "aws.vpcflow.pkt_dstaddr"),
        (F::SublocationType, "aws.vpcflow.sublocation.type"),
        (F::SublocationId, "aws.vpcflow.sublocation.id"),
        (F::PktSrcAwsService, "aws.vpcflow.pkt_src_service"),
        (F::PktDstAwsService, "aws.vpcflow.pkt_dst_service"),
        (F::TrafficPath, "aws.vpcflow.traffic_path"),
        (F::EcsContainerId, "aws.vpcflow.ecs_container_id"),
        (F::EcsSecondContainerId, "aws.vpcflow.ecs_second_container_id"),
        (F::EcsTaskArn, "aws.vpcflow.ecs_task_arn"),
        (F::EcsTaskDefinitionArn, "aws.vpcflow.ecs_task_definition_arn"),
        (F::EcsTaskId, "aws.vpcflow.ecs_task_id"),
        (F::TgwId, "aws.vpcflow.tgw_id"),
        (F::TgwAttachmentId, "aws.vpcflow.tgw_attachment_id"),
        (F::TgwSrcVpcId, "aws.vpcflow.tgw_src_vpc_id"),
        (F::TgwDstVpcId, "aws.vpcflow.tgw_dst_vpc_id"),
        (F::TgwSrcEni, "aws.vpcflow.tgw_src_eni"),
        (F::TgwDstEni, "aws.vpcflow.tgw_dst_eni"),
        (F::AccountId, "cloud.account.id"),
        (F::InstanceId, "cloud.instance.id"),
        (F::EcsContainerId, "container.id"),
        (F::EcsClusterArn, "orchestrator.cluster.id"),
        (F::EcsClusterName, "orchestrator.cluster.name"),
        (F::EcsContainerInstanceId, "orchestrator.resource.id"),
        (F::EcsContainerInstanceArn, "orchestrator.resource.name"),
        (F::EcsServiceName, "service.name"),
    ];
    for (f, path) in copied {
        if let Some(raw) = r.raw(f) {
            put(&mut d, path, json!(raw));
        }
    }
    if r.raw(F::EcsClusterName).is_some() {
        put(&mut d, "orchestrator.type", json!("ecs"));
    }
    if r.raw(F::EcsContainerInstanceArn).is_some() {
        put(&mut d, "orchestrator.resource.type", json!("container"));
    }
    // Kept as written, `-` included (the pipeline dissects these outside `aws`).
    for (f, path) in [
        (F::Region, "cloud.region"),
        (F::AzId, "cloud.availability_zone"),
        (F::FlowDirection, "network.direction"),
    ] {
        if let Some(cell) = record.cell(f) {
            put(&mut d, path, json!(cell.raw(text)));
        }
    }
    if let Some(flags) = r.number(F::TcpFlags) {
        let names: Vec<&str> = [(1, "fin"), (2, "syn"), (4, "rst"), (8, "psh"), (16, "ack"), (32, "urg")]
            .into_iter()
            .filter(|(bit, _)| flags & bit != 0)
            .map(|(_, n)| n)
            .collect();
        put(&mut d, "aws.vpcflow.tcp_flags_array", json!(names));
    }
    let (src, dst) = (r.ip(F::Srcaddr), r.ip(F::Dstaddr));
    if let Some(ip) = src {
        put(&mut d, "source.address", json!(ip.to_string()));
        put(&mut d, "source.ip", json!(ip.to_string()));
        put(
            &mut d,
            "network.type",
            json!(if ip.is_ipv4() { "ipv4" } else { "ipv6" }),
        );
    }
    if let Some(ip) = dst {
        put(&mut d, "destination.address", json!(ip.to_string()));
        put(&mut d, "destination.ip", json!(ip.to_string()));
    }
    if let (Some(s), Some(t)) = (src, dst) {
        put(&mut d, "related.ip", json!([s.to_string(), t.to_string()]));
    }
    if let Some(p) = r.port(F::Srcport) {
        put(&mut d, "source.port", json!(p));
    }
    if let Some(p) = r.port(F::Dstport) {
        put(&mut d, "destination.port", json!(p));
    }
    if let Some(p) = r.number(F::Protocol) {
        put(&mut d, "network.iana_number", json!(p.to_string()));
        if let Some(t) = transport(p) {
            put(&mut d, "network.transport", json!(t));
        }
    }
    if let Some(n) = r.number(F::Packets) {
        put(&mut d, "source.packets", json!(n));
        put(&mut d, "network.packets", json!(n));
    }
    if let Some(n) = r.number(F::Bytes) {
        put(&mut d, "source.bytes", json!(n));
        put(&mut d, "network.bytes", json!(n));
    }
    if let Some(t) = r.time(F::Start).and_then(iso) {
        put(&mut d, "event.start", json!(t));
    }
    if let Some(t) = r.time(F::End).and_then(iso) {
        put(&mut d, "event.end", json!(t.clone()));
        put(&mut d, "@timestamp", json!(t));
    }
    match record.action() {
        Some(a) => {
            let (outcome, kind, raw) = match a {
                Action::Accept => ("success", "allowed", "ACCEPT"),
                Action::Reject => ("failure", "denied", "REJECT"),
            };
            put(&mut d, "event.outcome", json!(outcome));
            put(&mut d, "event.action", json!(raw));
            put(&mut d, "event.type", json!(["connection", kind]));
        }
        None => put(&mut d, "event.type", json!(["connection"])),
    }
    if let Some(reason) = r.raw(F::RejectReason) {
        put(&mut d, "event.reason", json!(reason));
    }
    if let Some(id) = r.community_id() {
        put(&mut d, "network.community_id", json!(id));
    }
    Json::Object(d)
}

/// A record as an OCSF Network Activity (4001) event, as Amazon Security Lake maps
/// flow logs (ids with their captions; times in epoch milliseconds).
#[must_use]
pub fn ocsf(record: &Record, text: &str) -> Json {
    let r = Fields { record, text };
    let mut d = Map::new();
    let (activity, activity_name, action_id, action, disposition_id, disposition, status_id, status) =
        match record.action() {
            Some(Action::Accept) => (6, "Traffic", 1, "Allowed", 1, "Allowed", 1, "Success"),
            Some(Action::Reject) => (5, "Refuse", 2, "Denied", 2, "Blocked", 2, "Failure"),
            None => (0, "Unknown", 0, "Unknown", 0, "Unknown", 0, "Unknown"),
        };
    put(&mut d, "activity_id", json!(activity));
    put(&mut d, "activity_name", json!(activity_name));
    put(&mut d, "category_uid", json!(4));
    put(&mut d, "category_name", json!("Network Activity"));
    put(&mut d, "class_uid", json!(4001));
    put(&mut d, "class_name", json!("Network Activity"));
    put(&mut d, "type_uid", json!(4001 * 100 + activity));
    put(&mut d, "type_name", json!(format!("Network Activity: {activity_name}")));
    put(&mut d, "severity_id", json!(1));
    put(&mut d, "severity", json!("Informational"));
    put(&mut d, "action_id", json!(action_id));
    put(&mut d, "action", json!(action));
    put(&mut d, "disposition_id", json!(disposition_id));
    put(&mut d, "disposition", json!(disposition));
    put(&mut d, "status_id", json!(status_id));
    put(&mut d, "status", json!(status));
    if let Some(s) = r.raw(F::LogStatus) {
        put(&mut d, "status_code", json!(s));
    }
    let start = r.time(F::Start);
    let end = r.time(F::End);
    // `time` is required: the start (as Security Lake does), else the CloudWatch event
    // time (which equals it), else 0 with a word on why.
    match start.or(end).or(record.event_time.as_ref().map(|e| e.unix)) {
        Some(t) => put(&mut d, "time", json!(t.saturating_mul(1000))),
        None => {
            put(&mut d, "time", json!(0));
            put(
                &mut d,
                "status_detail",
                json!("the record has no start or end field: its time is unknown"),
            );
        }
    }
    if let Some(t) = start {
        put(&mut d, "start_time", json!(t.saturating_mul(1000)));
    }
    if let Some(t) = end {
        put(&mut d, "end_time", json!(t.saturating_mul(1000)));
    }
    if let (Some(s), Some(e)) = (start, end) {
        put(&mut d, "duration", json!(e.saturating_sub(s).saturating_mul(1000)));
    }
    put(&mut d, "cloud.provider", json!("AWS"));
    if let Some(a) = r.raw(F::AccountId) {
        put(&mut d, "cloud.account.uid", json!(a));
    }
    if let Some(v) = r.raw(F::Region) {
        put(&mut d, "cloud.region", json!(v));
    }
    if let Some(v) = r.raw(F::AzId) {
        put(&mut d, "cloud.zone", json!(v));
    }
    put(&mut d, "metadata.version", json!(OCSF_VERSION));
    put(&mut d, "metadata.product.name", json!("Amazon VPC"));
    put(&mut d, "metadata.product.vendor_name", json!("AWS"));
    put(&mut d, "metadata.product.feature.name", json!("Flowlogs"));
    put(
        &mut d,
        "metadata.profiles",
        json!(["cloud", "security_control", "datetime"]),
    );
    if let Some(v) = r.raw(F::Version) {
        put(&mut d, "metadata.product.version", json!(v));
    }
    // Endpoints: the packet's addresses, with the interface's ones as intermediate when
    // they differ; the interface's IDs on the side the direction says.
    for (side, addr, pkt, port) in [
        ("src_endpoint", F::Srcaddr, F::PktSrcaddr, F::Srcport),
        ("dst_endpoint", F::Dstaddr, F::PktDstaddr, F::Dstport),
    ] {
        put(&mut d, side, json!({}));
        match (r.ip(addr), r.ip(pkt)) {
            (Some(a), Some(p)) if a != p => {
                put(&mut d, &format!("{side}.ip"), json!(p.to_string()));
                put(&mut d, &format!("{side}.intermediate_ips"), json!([a.to_string()]));
            }
            (Some(a), _) => put(&mut d, &format!("{side}.ip"), json!(a.to_string())),
            _ => {}
        }
        if let Some(p) = r.port(port) {
            put(&mut d, &format!("{side}.port"), json!(p));
        }
    }
    let direction = match r.value(F::FlowDirection) {
        Some(Value::Direction(dir)) => Some(dir),
        _ => None,
    };
    let owner = match direction {
        Some(FlowDirection::Egress) => Some("src_endpoint"),
        Some(FlowDirection::Ingress) => Some("dst_endpoint"),
        // No direction: the interface is on one side, unknown which; its ID still
        // names both endpoints' interface (each endpoint needs one attribute).
        None => None,
    };
    for (f, attr) in [
        (F::InterfaceId, "interface_uid"),
        (F::VpcId, "vpc_uid"),
        (F::SubnetId, "subnet_uid"),
        (F::InstanceId, "instance_uid"),
    ] {
        if let Some(v) = r.raw(f) {
            match owner {
                Some(side) => put(&mut d, &format!("{side}.{attr}"), json!(v)),
                None if f == F::InterfaceId => {
                    put(&mut d, "unmapped.interface_id", json!(v));
                }
                None => put(
                    &mut d,
                    &format!("unmapped.{}", crate::flowlog::links::at_scale::column(f)),
                    json!(v),
                ),
            }
        }
    }
    if let Some(v) = r.raw(F::PktSrcAwsService) {
        put(&mut d, "src_endpoint.svc_name", json!(v));
    }
    if let Some(v) = r.raw(F::PktDstAwsService) {
        put(&mut d, "dst_endpoint.svc_name", json!(v));
    }
    // Connection: direction (0 = unknown without flow-direction), boundary from traffic-path.
    let (direction_id, direction_name) = match direction {
        Some(FlowDirection::Ingress) => (1, "Inbound"),
        Some(FlowDirection::Egress) => (2, "Outbound"),
        None => (0, "Unknown"),
    };
    put(&mut d, "connection_info.direction_id", json!(direction_id));
    put(&mut d, "connection_info.direction", json!(direction_name));
    if let Some(p) = r.number(F::Protocol) {
        put(&mut d, "connection_info.protocol_num", json!(p));
    }
    if let Some(v) = r.raw(F::Type).filter(|t| *t == "IPv4" || *t == "IPv6") {
        put(&mut d, "connection_info.protocol_ver", json!(v));
    }
    if let Some(n) = r.number(F::TcpFlags) {
        put(&mut d, "connection_info.tcp_flags", json!(n));
    }
    if record.cell(F::TrafficPath).is_some() {
        const BOUNDARIES: [&str; 8] = [
            "Same VPC",
            "Internet/VPC Gateway",
            "Virtual Private Gateway",
            "Intra-region VPC",
            "Inter-region VPC",
            "Local Gateway",
            "Gateway VPC",
            "Internet Gateway",
        ];
        let path = r.raw(F::TrafficPath).and_then(|p| p.parse::<usize>().ok());
        match path.and_then(|p| BOUNDARIES.get(p.wrapping_sub(1)).map(|b| (p, b))) {
            Some((p, b)) => {
                put(&mut d, "connection_info.boundary_id", json!(p + 3));
                put(&mut d, "connection_info.boundary", json!(b));
            }
            None => {
                put(&mut d, "connection_info.boundary_id", json!(99));
                put(&mut d, "connection_info.boundary", json!("Other"));
            }
        }
    }
    if let Some(id) = r.community_id() {
        put(&mut d, "connection_info.community_uid", json!(id));
    }
    if let (Some(p), Some(b)) = (r.number(F::Packets), r.number(F::Bytes)) {
        put(&mut d, "traffic.packets", json!(p));
        put(&mut d, "traffic.bytes", json!(b));
    }
    // Everything else (fields after version 5: ECS task, reject reason, tags…), as AWS
    // names it: the fields of versions 2–5 all have a place above.
    let mapped = Preset::AllUpTo(5).format();
    for (i, cell) in record.cells.iter().enumerate() {
        let raw = cell.raw(text);
        if mapped.position(cell.field).is_some() || raw == "-" {
            continue;
        }
        let name = crate::flowlog::links::at_scale::column_named(record.format.name_at(i));
        put(&mut d, &format!("unmapped.{name}"), json!(raw));
    }
    Json::Object(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_community_id_spec_examples() {
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        assert_eq!(
            community_id(ip("1.2.3.4"), ip("5.6.7.8"), 1122, 3344, 6, 0).unwrap(),
            "1:wCb3OG7yAFWelaUydu0D+125CLM="
        );
        assert_eq!(
            community_id(ip("5.6.7.8"), ip("1.2.3.4"), 3344, 1122, 6, 0).unwrap(),
            "1:wCb3OG7yAFWelaUydu0D+125CLM="
        );
    }
}
