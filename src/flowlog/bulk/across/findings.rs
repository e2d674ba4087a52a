//! Findings over everything loaded: each a fact with its evidence (the records, by row)
//! that a filter (`finding:<id>`) shows exactly. Scans are judged per source with the
//! thresholds stated here, never from one REJECT.

use std::collections::BTreeMap;
use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use crate::flowlog::bulk::across::conversations::{Conversation, Conversations, End, Verdict};
use crate::flowlog::bulk::across::flows::{private, Flows, Status, NONE};

/// Distinct destination ports one source must try to be a vertical scan.
pub const VERTICAL_PORTS: usize = 20;
/// Distinct hosts on one port one source must try, without being answered, to be a
/// horizontal scan.
pub const HORIZONTAL_TARGETS: usize = 20;
/// Bytes sent to one internet address in one conversation to be a large transfer (100 MiB).
pub const LARGE_BYTES: u64 = 100 * 1024 * 1024;
/// Seconds between SKIPDATA records of one interface that still make one burst.
const BURST_GAP: i64 = 120;

/// What was found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
// Externally tagged (serde's default): an internally tagged enum's reader buffers
// every value first — 30 KB of code in the page for this one.
#[serde(rename_all = "kebab-case")]
pub enum Finding {
    /// One source tried many ports.
    VerticalScan {
        /// Who.
        source: IpAddr,
        /// From inside (a private address).
        internal: bool,
        /// Distinct destination ports.
        ports: usize,
        /// The hosts tried.
        targets: Vec<IpAddr>,
        /// Attempts (conversations).
        probes: usize,
        /// Attempts answered.
        answered: usize,
        /// First probe's start, last probe's end.
        first: i64,
        /// See `first`.
        last: i64,
    },
    /// One source tried many hosts on one port.
    HorizontalScan {
        /// Who.
        source: IpAddr,
        /// From inside.
        internal: bool,
        /// IANA protocol.
        proto: u8,
        /// The port tried.
        port: u16,
        /// Distinct hosts tried.
        targets: usize,
        /// Of which not answered (rejected or silent).
        failed: usize,
        /// First start.
        first: i64,
        /// Last end.
        last: i64,
    },
    /// An interface whose every record is NODATA.
    QuietInterface {
        /// The interface.
        eni: String,
        /// Its records.
        records: usize,
        /// First start.
        first: i64,
        /// Last end.
        last: i64,
    },
    /// A run of SKIPDATA records of one interface: traffic not recorded.
    SkipData {
        /// The interface.
        eni: String,
        /// SKIPDATA records (capture windows).
        windows: usize,
        /// First start.
        first: i64,
        /// Last end.
        last: i64,
    },
    /// Replies of one server are rejected: a network ACL blocks them.
    NaclReply {
        /// The server whose replies are rejected.
        server: End,
        /// IANA protocol.
        proto: u8,
        /// Conversations affected.
        conversations: usize,
        /// The interface that recorded the rejections.
        eni: String,
        /// Rejected as the reply left that interface (else as it arrived).
        out: bool,
        /// That interface is the server's.
        at_server: bool,
        /// Lowest and highest client port the replies went to.
        client_ports: (u16, u16),
    },
    /// Requests from a private address rejected (inside the VPC, or on premises).
    RejectedInside {
        /// Who asked.
        client: IpAddr,
        /// IANA protocol.
        proto: u8,
        /// The port asked for.
        port: u16,
        /// Conversations rejected.
        attempts: usize,
        /// Distinct hosts asked.
        targets: usize,
    },
    /// Records whose times cannot be right: start after end, or later than now.
    OddTimes {
        /// Records with start after end.
        start_after_end: usize,
        /// Records starting or ending in the future.
        future: usize,
    },
    /// Many bytes sent to one internet address in one conversation.
    LargeTransfer {
        /// The sender.
        from: IpAddr,
        /// The internet address.
        to: End,
        /// IANA protocol.
        proto: u8,
        /// Bytes sent.
        bytes: u64,
    },
}

impl Finding {
    /// The kind's name (page hooks, filter ids).
    #[must_use]
    pub const fn key(&self) -> &'static str {
        match self {
            Finding::VerticalScan { .. } => "vertical-scan",
            Finding::HorizontalScan { .. } => "horizontal-scan",
            Finding::QuietInterface { .. } => "quiet-interface",
            Finding::SkipData { .. } => "skipdata",
            Finding::NaclReply { .. } => "nacl-reply",
            Finding::RejectedInside { .. } => "rejected-inside",
            Finding::OddTimes { .. } => "odd-times",
            Finding::LargeTransfer { .. } => "large-transfer",
        }
    }
}

/// A finding and its evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// What.
    pub finding: Finding,
    /// The records that show it (rows, in input order).
    pub rows: Vec<u32>,
}

/// Findings of one kind kept, at most: the ones with the most records (the rest are
/// counted, not listed — a log of random traffic can have a finding per source).
pub const PER_KIND: usize = 100;

/// `found` with at most [`PER_KIND`] of each kind (those with the most records, in
/// their order), and how many of each kind were left out.
#[must_use]
pub fn cap(found: Vec<Found>) -> (Vec<Found>, Vec<(String, usize)>) {
    let mut by_kind: BTreeMap<&'static str, Vec<usize>> = BTreeMap::new();
    for (i, f) in found.iter().enumerate() {
        by_kind.entry(f.finding.key()).or_default().push(i);
    }
    let mut keep = vec![false; found.len()];
    let mut left_out = Vec::new();
    for (kind, mut list) in by_kind {
        list.sort_by_key(|&i| std::cmp::Reverse(found.get(i).map_or(0, |f| f.rows.len())));
        for &i in list.iter().take(PER_KIND) {
            if let Some(k) = keep.get_mut(i) {
                *k = true;
            }
        }
        if list.len() > PER_KIND {
            left_out.push((kind.to_owned(), list.len() - PER_KIND));
        }
    }
    let kept = found
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(f, _)| f)
        .collect();
    (kept, left_out)
}

/// Everything found in `flows` (whose conversations are `convs`); `now`: the current
/// time in Unix seconds (records later than it are odd).
#[must_use]
pub fn find(flows: &Flows, convs: &Conversations, now: i64) -> Vec<Found> {
    let mut out = Vec::new();
    scans(flows, convs, &mut out);
    quiet(flows, &mut out);
    skipdata(flows, &mut out);
    blocked_replies(flows, convs, &mut out);
    rejected_inside(convs, &mut out);
    odd_times(flows, now, &mut out);
    large(convs, &mut out);
    for f in &mut out {
        f.rows.sort_unstable();
        f.rows.dedup();
    }
    out
}

/// Earliest start and latest end of the records `rows` (flows are in row order).
fn time_span(flows: &Flows, rows: &[u32]) -> (i64, i64) {
    let mut first = i64::MAX;
    let mut last = i64::MIN;
    for r in rows {
        let found = flows.flows.binary_search_by_key(r, |f| f.row).ok();
        if let Some(f) = found.and_then(|i| flows.flows.get(i)) {
            first = first.min(f.start());
            last = last.max(f.end());
        }
    }
    (first, last)
}

fn scans(flows: &Flows, convs: &Conversations, out: &mut Vec<Found>) {
    // Per source: its conversations as the client.
    let mut by_source: BTreeMap<IpAddr, Vec<&Conversation>> = BTreeMap::new();
    for c in convs.iter() {
        by_source.entry(c.client.addr).or_default().push(c);
    }
    for (source, list) in by_source {
        let mut ports: Vec<(u8, u16)> = list.iter().map(|c| (c.proto, c.server.port)).collect();
        ports.sort_unstable();
        ports.dedup();
        if ports.len() >= VERTICAL_PORTS {
            let mut targets: Vec<IpAddr> = list.iter().map(|c| c.server.addr).collect();
            targets.sort_unstable();
            targets.dedup();
            let mut rows: Vec<u32> = list.iter().flat_map(|c| convs.request_rows(c)).copied().collect();
            rows.sort_unstable();
            let (first, last) = time_span(flows, &rows);
            out.push(Found {
                finding: Finding::VerticalScan {
                    source,
                    internal: private(source),
                    ports: ports.len(),
                    targets,
                    probes: list.len(),
                    answered: list.iter().filter(|c| c.verdict == Verdict::Ok).count(),
                    first,
                    last,
                },
                rows,
            });
            continue;
        }
        let mut by_port: BTreeMap<(u8, u16), Vec<&Conversation>> = BTreeMap::new();
        for c in &list {
            by_port.entry((c.proto, c.server.port)).or_default().push(c);
        }
        for ((proto, port), on_port) in by_port {
            let mut targets: Vec<IpAddr> = on_port.iter().map(|c| c.server.addr).collect();
            targets.sort_unstable();
            targets.dedup();
            let mut failed: Vec<IpAddr> = on_port
                .iter()
                .filter(|c| c.verdict != Verdict::Ok)
                .map(|c| c.server.addr)
                .collect();
            failed.sort_unstable();
            failed.dedup();
            if failed.len() < HORIZONTAL_TARGETS {
                continue;
            }
            let mut rows: Vec<u32> = on_port.iter().flat_map(|c| convs.request_rows(c)).copied().collect();
            rows.sort_unstable();
            let (first, last) = time_span(flows, &rows);
            out.push(Found {
                finding: Finding::HorizontalScan {
                    source,
                    internal: private(source),
                    proto,
                    port,
                    targets: targets.len(),
                    failed: failed.len(),
                    first,
                    last,
                },
                rows,
            });
        }
    }
}

fn quiet(flows: &Flows, out: &mut Vec<Found>) {
    let mut per: BTreeMap<u32, (bool, Vec<u32>, i64, i64)> = BTreeMap::new();
    for f in flows.flows.iter().filter(|f| f.eni != NONE) {
        let e = per.entry(f.eni).or_insert((true, Vec::new(), i64::MAX, i64::MIN));
        e.0 &= f.status == Status::NoData;
        e.1.push(f.row);
        e.2 = e.2.min(f.start());
        e.3 = e.3.max(f.end());
    }
    for (eni, (only_nodata, rows, first, last)) in per {
        if only_nodata {
            out.push(Found {
                finding: Finding::QuietInterface {
                    eni: flows.name(eni).to_owned(),
                    records: rows.len(),
                    first,
                    last,
                },
                rows,
            });
        }
    }
}

fn skipdata(flows: &Flows, out: &mut Vec<Found>) {
    let mut per: BTreeMap<u32, Vec<(i64, i64, u32)>> = BTreeMap::new();
    for f in flows.flows.iter().filter(|f| f.status == Status::SkipData) {
        per.entry(f.eni).or_default().push((f.start(), f.end(), f.row));
    }
    for (eni, mut list) in per {
        list.sort_unstable();
        let mut burst: Vec<(i64, i64, u32)> = Vec::new();
        let flush = |burst: &mut Vec<(i64, i64, u32)>, out: &mut Vec<Found>| {
            if burst.is_empty() {
                return;
            }
            let first = burst.iter().map(|b| b.0).min().unwrap_or(0);
            let last = burst.iter().map(|b| b.1).max().unwrap_or(0);
            out.push(Found {
                finding: Finding::SkipData {
                    eni: flows.name(eni).to_owned(),
                    windows: burst.len(),
                    first,
                    last,
                },
                rows: burst.iter().map(|b| b.2).collect(),
            });
            burst.clear();
        };
        for item in list {
            let gap = burst
                .iter()
                .map(|b| b.1)
                .max()
                .is_some_and(|end| item.0 > end.saturating_add(BURST_GAP));
            if gap {
                flush(&mut burst, out);
            }
            burst.push(item);
        }
        flush(&mut burst, out);
    }
}

fn blocked_replies(flows: &Flows, convs: &Conversations, out: &mut Vec<Found>) {
    type Key = (End, u8, u32, bool, bool);
    let mut per: BTreeMap<Key, (usize, Vec<u32>, u16, u16)> = BTreeMap::new();
    for c in convs.iter() {
        if let Verdict::NaclReply { eni, out, at_server } = c.verdict {
            let e = per
                .entry((c.server, c.proto, eni, out, at_server))
                .or_insert((0, Vec::new(), u16::MAX, 0));
            e.0 += 1;
            e.2 = e.2.min(c.client.port);
            e.3 = e.3.max(c.client.port);
            // The rejected replies themselves.
            let rejected = convs.reply_rows(c).iter().copied().filter(|r| {
                flows
                    .flows
                    .binary_search_by_key(r, |f| f.row)
                    .ok()
                    .and_then(|i| flows.flows.get(i))
                    .is_some_and(|f| f.action == crate::flowlog::bulk::across::flows::Act::Reject)
            });
            e.1.extend(rejected);
        }
    }
    for ((server, proto, eni, out_dir, at_server), (n, rows, lo, hi)) in per {
        out.push(Found {
            finding: Finding::NaclReply {
                server,
                proto,
                conversations: n,
                eni: flows.name(eni).to_owned(),
                out: out_dir,
                at_server,
                client_ports: (lo, hi),
            },
            rows,
        });
    }
}

fn rejected_inside(convs: &Conversations, out: &mut Vec<Found>) {
    /// Hosts asked, the request records, attempts.
    type Tried = (Vec<IpAddr>, Vec<u32>, usize);
    let mut per: BTreeMap<(IpAddr, u8, u16), Tried> = BTreeMap::new();
    for c in convs.iter().filter(|c| private(c.client.addr)) {
        if let Verdict::Rejected { .. } = c.verdict {
            let e = per.entry((c.client.addr, c.proto, c.server.port)).or_default();
            e.0.push(c.server.addr);
            e.1.extend(convs.request_rows(c));
            e.2 += 1;
        }
    }
    for ((client, proto, port), (mut targets, rows, attempts)) in per {
        targets.sort_unstable();
        targets.dedup();
        out.push(Found {
            finding: Finding::RejectedInside {
                client,
                proto,
                port,
                attempts,
                targets: targets.len(),
            },
            rows,
        });
    }
}

fn odd_times(flows: &Flows, now: i64, out: &mut Vec<Found>) {
    let (mut after, mut future, mut rows) = (0, 0, Vec::new());
    for f in &flows.flows {
        let backwards = f.start() > f.end();
        let later = f.start() > now || f.end() > now;
        after += usize::from(backwards);
        future += usize::from(later);
        if backwards || later {
            rows.push(f.row);
        }
    }
    if !rows.is_empty() {
        out.push(Found {
            finding: Finding::OddTimes {
                start_after_end: after,
                future,
            },
            rows,
        });
    }
}

fn large(convs: &Conversations, out: &mut Vec<Found>) {
    for c in convs.iter() {
        // Bytes leaving for the internet: the request to a public server, or the reply
        // to a public client.
        let (from, to, bytes, rows): (IpAddr, End, u64, Vec<u32>) = if !private(c.server.addr) && private(c.client.addr)
        {
            (c.client.addr, c.server, c.request.bytes, convs.request_rows(c).to_vec())
        } else if !private(c.client.addr) && private(c.server.addr) {
            (c.server.addr, c.client, c.reply.bytes, convs.reply_rows(c).to_vec())
        } else {
            continue;
        };
        if bytes >= LARGE_BYTES {
            out.push(Found {
                finding: Finding::LargeTransfer {
                    from,
                    to,
                    proto: c.proto,
                    bytes,
                },
                rows,
            });
        }
    }
}
