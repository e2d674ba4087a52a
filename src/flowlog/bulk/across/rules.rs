//! The rules this traffic needs: from the accepted traffic one interface served, the
//! least security group inbound rules that allow it and the network ACL entries (with
//! the replies' ephemeral ports), as AWS CLI, Terraform and CloudFormation; the rejected
//! attempts beside them. Only what the loaded records show is known: security group
//! references and prefix lists never appear in flow logs.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use crate::flowlog::bulk::across::conversations::{Conversation, Conversations, Verdict};
use crate::flowlog::bulk::across::flows::{private, Flows};

/// More distinct internet clients than this on one port become "anywhere".
pub const ANYWHERE_AFTER: usize = 5;
/// The ephemeral port range the replies go to (covers every client; AWS's network ACL
/// examples use 32768–65535, a NAT gateway uses 1024–65535).
pub const EPHEMERAL: (u16, u16) = (1024, 65535);

/// One inbound rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    /// IANA protocol number.
    pub proto: u8,
    /// Port range (`None` for ICMP and protocols without ports: all).
    pub ports: Option<(u16, u16)>,
    /// Peer CIDRs.
    pub peers: Vec<String>,
    /// Distinct clients seen.
    pub clients: usize,
}

/// A network ACL entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NaclEntry {
    /// Outbound (else inbound).
    pub egress: bool,
    /// IANA protocol number.
    pub proto: u8,
    /// Port range (`None`: all).
    pub ports: Option<(u16, u16)>,
    /// The peer CIDR.
    pub cidr: String,
}

/// Requests to the interface that were rejected.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    /// Who asked.
    pub client: IpAddr,
    /// IANA protocol number.
    pub proto: u8,
    /// The port asked for.
    pub port: u16,
    /// How many conversations.
    pub count: usize,
}

/// The rules for one interface.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rules {
    /// The interface.
    pub eni: String,
    /// Its own address.
    pub addr: Option<IpAddr>,
    /// Security group inbound rules.
    pub inbound: Vec<Rule>,
    /// Network ACL entries for its subnet.
    pub nacl: Vec<NaclEntry>,
    /// Rejected attempts.
    pub rejected: Vec<Attempt>,
    /// The time window the records cover.
    pub window: (i64, i64),
}

/// Interfaces that served accepted or rejected traffic, with how many conversations:
/// the ones rules can be suggested for.
#[must_use]
pub fn servers(flows: &Flows, convs: &Conversations) -> Vec<(String, usize)> {
    let mut count: BTreeMap<u32, usize> = BTreeMap::new();
    for c in convs.iter() {
        if let Some(&eni) = flows.owner.get(&c.server.addr) {
            if convs.enis(c).contains(&eni) {
                *count.entry(eni).or_default() += 1;
            }
        }
    }
    let mut out: Vec<(String, usize)> = count.into_iter().map(|(e, n)| (flows.name(e).to_owned(), n)).collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

fn host(a: IpAddr) -> String {
    match a {
        IpAddr::V4(_) => format!("{a}/32"),
        IpAddr::V6(_) => format!("{a}/128"),
    }
}

/// The rules `eni` (by name) needs for what it served.
#[must_use]
pub fn rules_for(flows: &Flows, convs: &Conversations, eni: &str) -> Rules {
    let Some(id) = flows
        .names
        .iter()
        .position(|n| n == eni)
        .and_then(|i| u32::try_from(i).ok())
    else {
        return Rules {
            eni: eni.to_owned(),
            ..Rules::default()
        };
    };
    let addr = flows.own.get(&id).copied();
    let mine: Vec<&Conversation> = convs
        .iter()
        .filter(|c| Some(c.server.addr) == addr && convs.enis(c).contains(&id))
        .collect();
    let window = (
        mine.iter().map(|c| c.first).min().unwrap_or(0),
        mine.iter().map(|c| c.last).max().unwrap_or(0),
    );
    // (proto, port) → clients, from accepted conversations.
    let mut allowed: BTreeMap<(u8, Option<u16>), Vec<IpAddr>> = BTreeMap::new();
    let mut rejected: BTreeMap<(IpAddr, u8, u16), usize> = BTreeMap::new();
    for c in &mine {
        let port = has_ports(c.proto).then_some(c.server.port);
        match c.verdict {
            Verdict::Ok | Verdict::NaclReply { .. } => allowed.entry((c.proto, port)).or_default().push(c.client.addr),
            Verdict::Rejected { .. } => *rejected.entry((c.client.addr, c.proto, c.server.port)).or_default() += 1,
            _ => {}
        }
    }
    let mut per_port: Vec<(u8, Option<u16>, Vec<String>, usize)> = Vec::new();
    for ((proto, port), mut clients) in allowed {
        clients.sort_unstable();
        clients.dedup();
        let public: Vec<IpAddr> = clients.iter().copied().filter(|a| !private(*a)).collect();
        let mut peers: Vec<String> = clients.iter().copied().filter(|a| private(*a)).map(host).collect();
        if public.len() > ANYWHERE_AFTER {
            if public.iter().any(IpAddr::is_ipv4) {
                peers.push("0.0.0.0/0".to_owned());
            }
            if public.iter().any(IpAddr::is_ipv6) {
                peers.push("::/0".to_owned());
            }
        } else {
            peers.extend(public.into_iter().map(host));
        }
        per_port.push((proto, port, peers, clients.len()));
    }
    // Neighbouring ports with the same peers become one range.
    let mut inbound: Vec<Rule> = Vec::new();
    for (proto, port, peers, clients) in per_port {
        let merged = inbound.last_mut().filter(|r| {
            r.proto == proto
                && r.peers == peers
                && matches!((r.ports, port), (Some((_, hi)), Some(p)) if u32::from(hi) + 1 == u32::from(p))
        });
        match (merged, port) {
            (Some(r), Some(p)) => {
                if let Some((lo, _)) = r.ports {
                    r.ports = Some((lo, p));
                }
                r.clients += clients;
            }
            _ => inbound.push(Rule {
                proto,
                ports: port.map(|p| (p, p)),
                peers,
                clients,
            }),
        }
    }
    // The subnet's network ACL: the requests in, the replies out to ephemeral ports.
    let mut nacl: Vec<NaclEntry> = Vec::new();
    for r in &inbound {
        for cidr in &r.peers {
            nacl.push(NaclEntry {
                egress: false,
                proto: r.proto,
                ports: r.ports,
                cidr: cidr.clone(),
            });
        }
    }
    for r in &inbound {
        for cidr in &r.peers {
            let entry = NaclEntry {
                egress: true,
                proto: r.proto,
                ports: r.ports.map(|_| EPHEMERAL),
                cidr: cidr.clone(),
            };
            if !nacl.contains(&entry) {
                nacl.push(entry);
            }
        }
    }
    Rules {
        eni: eni.to_owned(),
        addr,
        inbound,
        nacl,
        rejected: rejected
            .into_iter()
            .map(|((client, proto, port), count)| Attempt {
                client,
                proto,
                port,
                count,
            })
            .collect(),
        window,
    }
}

/// Whether `proto` has ports (TCP, UDP, SCTP, UDP-Lite).
fn has_ports(proto: u8) -> bool {
    matches!(proto, 6 | 17 | 132 | 136)
}

/// The protocol as the EC2 API names it: `tcp`, `udp`, `icmp`, `icmpv6`, else its number.
fn api_protocol(proto: u8) -> String {
    match proto {
        6 => "tcp".into(),
        17 => "udp".into(),
        1 => "icmp".into(),
        58 => "icmpv6".into(),
        p => p.to_string(),
    }
}

/// `(from, to)` as the EC2 API wants it: ICMP's -1/-1 means every type and code.
fn api_ports(r_proto: u8, ports: Option<(u16, u16)>) -> (i32, i32) {
    match ports {
        Some((lo, hi)) => (i32::from(lo), i32::from(hi)),
        None if matches!(r_proto, 1 | 58) => (-1, -1),
        None => (0, 65535),
    }
}

fn is_v6(cidr: &str) -> bool {
    cidr.contains(':')
}

/// Placeholders the user replaces.
const SG: &str = "sg-0123456789abcdef0";
const ACL: &str = "acl-0123456789abcdef0";

/// The rules as AWS CLI commands.
#[must_use]
pub fn cli(rules: &Rules) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Security group of {} (replace {SG} with its ID)", rules.eni);
    for r in &rules.inbound {
        let (from, to) = api_ports(r.proto, r.ports);
        for cidr in &r.peers {
            let range = if is_v6(cidr) {
                format!("Ipv6Ranges=[{{CidrIpv6={cidr}}}]")
            } else {
                format!("IpRanges=[{{CidrIp={cidr}}}]")
            };
            let _ = writeln!(
                out,
                "aws ec2 authorize-security-group-ingress --group-id {SG} --ip-permissions 'IpProtocol={},FromPort={from},ToPort={to},{range}'",
                api_protocol(r.proto)
            );
        }
    }
    let _ = writeln!(
        out,
        "# Network ACL of its subnet (replace {ACL}; rule numbers are examples)"
    );
    for (i, e) in rules.nacl.iter().enumerate() {
        let number = 100 + 10 * i;
        let direction = if e.egress { "--egress" } else { "--ingress" };
        let cidr = if is_v6(&e.cidr) {
            format!("--ipv6-cidr-block {}", e.cidr)
        } else {
            format!("--cidr-block {}", e.cidr)
        };
        let ports = match (e.proto, e.ports) {
            (1 | 58, _) => " --icmp-type-code Code=-1,Type=-1".to_owned(),
            (_, Some((lo, hi))) => format!(" --port-range From={lo},To={hi}"),
            (_, None) => String::new(),
        };
        let _ = writeln!(
            out,
            "aws ec2 create-network-acl-entry --network-acl-id {ACL} {direction} --rule-number {number} --protocol {} --rule-action allow {cidr}{ports}",
            e.proto
        );
    }
    out
}

/// A Terraform resource name from a text.
fn tf_name(parts: &[&str]) -> String {
    let raw = parts.join("_");
    raw.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect()
}

/// The rules as Terraform (AWS provider 5+: `aws_vpc_security_group_ingress_rule`,
/// `aws_network_acl_rule`).
#[must_use]
pub fn terraform(rules: &Rules) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Security group of {} and the network ACL of its subnet: replace the IDs.",
        rules.eni
    );
    for (i, r) in rules.inbound.iter().enumerate() {
        for (j, cidr) in r.peers.iter().enumerate() {
            let name = tf_name(&[
                "in",
                &api_protocol(r.proto),
                &r.ports.map_or("all".into(), |p| p.0.to_string()),
                &i.to_string(),
                &j.to_string(),
            ]);
            let _ = writeln!(out, "\nresource \"aws_vpc_security_group_ingress_rule\" \"{name}\" {{");
            let _ = writeln!(out, "  security_group_id = \"{SG}\"");
            let _ = writeln!(out, "  ip_protocol       = \"{}\"", api_protocol(r.proto));
            if r.ports.is_some() || matches!(r.proto, 1 | 58) {
                let (from, to) = api_ports(r.proto, r.ports);
                let _ = writeln!(out, "  from_port         = {from}");
                let _ = writeln!(out, "  to_port           = {to}");
            }
            let key = if is_v6(cidr) { "cidr_ipv6" } else { "cidr_ipv4" };
            let _ = writeln!(out, "  {key:<17} = \"{cidr}\"");
            let _ = writeln!(out, "}}");
        }
    }
    for (i, e) in rules.nacl.iter().enumerate() {
        let name = tf_name(&[if e.egress { "out" } else { "in" }, &i.to_string()]);
        let _ = writeln!(out, "\nresource \"aws_network_acl_rule\" \"{name}\" {{");
        let _ = writeln!(out, "  network_acl_id = \"{ACL}\"");
        let _ = writeln!(out, "  rule_number    = {}", 100 + 10 * i);
        let _ = writeln!(out, "  egress         = {}", e.egress);
        let _ = writeln!(out, "  protocol       = \"{}\"", e.proto);
        let _ = writeln!(out, "  rule_action    = \"allow\"");
        let key = if is_v6(&e.cidr) {
            "ipv6_cidr_block"
        } else {
            "cidr_block"
        };
        let _ = writeln!(out, "  {key:<14} = \"{}\"", e.cidr);
        match (e.proto, e.ports) {
            (1 | 58, _) => {
                let _ = writeln!(out, "  icmp_type      = -1\n  icmp_code      = -1");
            }
            (_, Some((lo, hi))) => {
                let _ = writeln!(out, "  from_port      = {lo}\n  to_port        = {hi}");
            }
            _ => {}
        }
        let _ = writeln!(out, "}}");
    }
    out
}

/// A CloudFormation logical ID (alphanumeric).
fn cfn_id(parts: &[&str]) -> String {
    parts
        .iter()
        .flat_map(|p| p.chars())
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// The rules as a CloudFormation template (JSON: `AWS::EC2::SecurityGroupIngress`,
/// `AWS::EC2::NetworkAclEntry`).
#[must_use]
pub fn cloudformation(rules: &Rules) -> String {
    use serde_json::{json, Map, Value};
    let mut resources = Map::new();
    for (i, r) in rules.inbound.iter().enumerate() {
        for (j, cidr) in r.peers.iter().enumerate() {
            let (from, to) = api_ports(r.proto, r.ports);
            let mut props = json!({
                "GroupId": SG,
                "IpProtocol": api_protocol(r.proto),
                "FromPort": from,
                "ToPort": to,
            });
            let key = if is_v6(cidr) { "CidrIpv6" } else { "CidrIp" };
            if let Some(o) = props.as_object_mut() {
                o.insert(key.to_owned(), json!(cidr));
            }
            resources.insert(
                cfn_id(&["Ingress", &i.to_string(), &j.to_string()]),
                json!({ "Type": "AWS::EC2::SecurityGroupIngress", "Properties": props }),
            );
        }
    }
    for (i, e) in rules.nacl.iter().enumerate() {
        let mut props = json!({
            "NetworkAclId": ACL,
            "RuleNumber": 100 + 10 * i,
            "Protocol": e.proto,
            "RuleAction": "allow",
            "Egress": e.egress,
        });
        if let Some(o) = props.as_object_mut() {
            let key = if is_v6(&e.cidr) { "Ipv6CidrBlock" } else { "CidrBlock" };
            o.insert(key.to_owned(), json!(e.cidr));
            match (e.proto, e.ports) {
                (1 | 58, _) => {
                    o.insert("Icmp".to_owned(), json!({ "Code": -1, "Type": -1 }));
                }
                (_, Some((lo, hi))) => {
                    o.insert("PortRange".to_owned(), json!({ "From": lo, "To": hi }));
                }
                _ => {}
            }
        }
        resources.insert(
            cfn_id(&[if e.egress { "NaclOut" } else { "NaclIn" }, &i.to_string()]),
            json!({ "Type": "AWS::EC2::NetworkAclEntry", "Properties": props }),
        );
    }
    let template = json!({
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": format!("Least rules for the traffic {} served, from VPC flow logs (check before applying)", rules.eni),
        "Resources": Value::Object(resources),
    });
    serde_json::to_string_pretty(&template).unwrap_or_default()
}
