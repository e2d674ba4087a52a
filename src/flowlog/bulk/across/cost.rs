//! What the traffic costs, in bytes (no prices are computed): bytes between
//! Availability Zones, bytes through a NAT gateway by destination service, and bytes by
//! traffic path — each only when the format has the fields it needs.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::flowlog::bulk::across::conversations::Conversations;
use crate::flowlog::bulk::across::flows::{Act, Dir, Flows, Status, NONE};

/// Bytes from one AZ to another (or the same).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AzPair {
    /// The sending interface's `az-id`.
    pub from: String,
    /// The next hop's `az-id`.
    pub to: String,
    /// Bytes.
    pub bytes: u64,
    /// Records.
    pub records: u64,
}

/// Bytes through a NAT gateway to one destination service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NatService {
    /// The NAT gateway's interface.
    pub eni: String,
    /// `pkt-dst-aws-service` of the traffic (empty: not an AWS service, or not known).
    pub service: String,
    /// Bytes the NAT gateway received (both directions): what it processed.
    pub bytes: u64,
    /// Conversations.
    pub conversations: u64,
}

/// Egress bytes on one traffic path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathBytes {
    /// `traffic-path` code.
    pub path: u8,
    /// Records (REJECT included).
    pub records: u64,
    /// Bytes (REJECT included).
    pub bytes: u64,
    /// Of which REJECT records.
    pub reject_records: u64,
    /// Of which REJECT bytes.
    pub reject_bytes: u64,
}

/// The cost views.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Costs {
    /// By (from AZ, to AZ); `None` when the records have no `az-id`.
    pub az_pairs: Option<Vec<AzPair>>,
    /// Through NAT gateways, by destination service; empty when no NAT leg was seen.
    pub nat: Vec<NatService>,
    /// By traffic path; `None` when the records have no `traffic-path`.
    pub paths: Option<Vec<PathBytes>>,
}

/// The cost views of `flows` (whose conversations are `convs`).
#[must_use]
pub fn costs(flows: &Flows, convs: &Conversations) -> Costs {
    Costs {
        az_pairs: flows.has.az.then(|| az_pairs(flows, convs)),
        nat: nat(flows, convs),
        paths: flows.has.path.then(|| paths(flows)),
    }
}

/// ACCEPT egress bytes whose next hop is another interface of the logs — the one that
/// owns `dstaddr`, or the NAT gateway a private interface's internet traffic goes
/// through — by the AZs of sender and next hop; each hop counted once, on the sender.
fn az_pairs(flows: &Flows, convs: &Conversations) -> Vec<AzPair> {
    let mut az_of: BTreeMap<u32, u32> = BTreeMap::new();
    for f in &flows.flows {
        let az = flows.az(f);
        if az != NONE {
            az_of.entry(f.eni).or_insert(az);
        }
    }
    // The NAT gateway a (client interface, row) goes through.
    let mut via_of_row: BTreeMap<u32, u32> = BTreeMap::new();
    for c in convs.iter() {
        if let Some(via) = c.via {
            for r in convs.rows(c) {
                via_of_row.insert(r, via);
            }
        }
    }
    let mut sums: BTreeMap<(u32, u32), (u64, u64)> = BTreeMap::new();
    for (i, f) in flows.flows.iter().enumerate() {
        if f.status != Status::Ok || f.action != Act::Accept || f.dir != Dir::Out {
            continue;
        }
        let next = flows
            .addr(flows.dst(i))
            .and_then(|d| flows.owner.get(&d).copied())
            .filter(|&n| n != f.eni)
            .or_else(|| via_of_row.get(&f.row).copied().filter(|&n| n != f.eni));
        let (Some(next), Some(&from)) = (next, az_of.get(&f.eni)) else {
            continue;
        };
        let Some(&to) = az_of.get(&next) else { continue };
        let e = sums.entry((from, to)).or_default();
        e.0 = e.0.saturating_add(f.bytes);
        e.1 += 1;
    }
    sums.into_iter()
        .map(|((from, to), (bytes, records))| AzPair {
            from: flows.name(from).to_owned(),
            to: flows.name(to).to_owned(),
            bytes,
            records,
        })
        .collect()
}

/// For conversations through a NAT gateway: the bytes its interface received (both
/// directions), by the service the traffic went to.
fn nat(flows: &Flows, convs: &Conversations) -> Vec<NatService> {
    let mut sums: BTreeMap<(u32, u32), (u64, u64)> = BTreeMap::new();
    for c in convs.iter() {
        let Some(via) = c.via else { continue };
        let mut bytes = 0u64;
        let mut service = NONE;
        for r in convs.rows(c) {
            let Some(f) = flows
                .flows
                .binary_search_by_key(&r, |f| f.row)
                .ok()
                .and_then(|i| flows.flows.get(i))
            else {
                continue;
            };
            if f.eni == via && f.dir == Dir::In {
                bytes = bytes.saturating_add(f.bytes);
            }
            if flows.service(f) != NONE {
                service = flows.service(f);
            }
        }
        let e = sums.entry((via, service)).or_default();
        e.0 = e.0.saturating_add(bytes);
        e.1 += 1;
    }
    let mut out: Vec<NatService> = sums
        .into_iter()
        .map(|((eni, service), (bytes, conversations))| NatService {
            eni: flows.name(eni).to_owned(),
            service: flows.name(service).to_owned(),
            bytes,
            conversations,
        })
        .collect();
    out.sort_by_key(|n| std::cmp::Reverse(n.bytes));
    out
}

/// Egress records by `traffic-path` (ingress records carry `-`).
fn paths(flows: &Flows) -> Vec<PathBytes> {
    let mut sums: BTreeMap<u8, PathBytes> = BTreeMap::new();
    for f in &flows.flows {
        let Some(path) = f.path else { continue };
        let e = sums.entry(path).or_insert(PathBytes {
            path,
            records: 0,
            bytes: 0,
            reject_records: 0,
            reject_bytes: 0,
        });
        e.records += 1;
        e.bytes = e.bytes.saturating_add(f.bytes);
        if f.action == Act::Reject {
            e.reject_records += 1;
            e.reject_bytes = e.reject_bytes.saturating_add(f.bytes);
        }
    }
    sums.into_values().collect()
}
