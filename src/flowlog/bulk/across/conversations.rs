//! Conversations: the records of one connection (or UDP/ICMP exchange) put together — both
//! directions, on every interface that saw it, over overlapping capture windows, the two
//! legs through a NAT gateway joined — with client and server told apart and a verdict.

use std::net::IpAddr;

use foldhash::fast::FixedState;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use crate::fields::vocab;
use crate::flowlog::bulk::across::flows::{private, Act, Dir, Flow, Flows, Status, NONE};

/// One end of a conversation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct End {
    /// The address (the packet's own, `pkt-*` when the format has it).
    pub addr: IpAddr,
    /// The port (0 for ICMP and other protocols without ports).
    pub port: u16,
}

/// What the records say happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Verdict {
    /// Accepted both ways.
    Ok,
    /// The request was accepted and the reply rejected: a network ACL (stateless)
    /// blocks the reply. `eni` recorded the rejection, `out`: as the reply left it.
    NaclReply {
        /// The interface (interned) that recorded the rejected reply.
        eni: u32,
        /// The reply was leaving that interface (its subnet's outbound rules), else arriving.
        out: bool,
        /// The interface is the server's own (else the client's or one in between).
        at_server: bool,
    },
    /// The request was rejected and nothing answered: a security group or a network ACL;
    /// the records cannot tell which.
    Rejected {
        /// The interface that recorded it.
        eni: u32,
        /// Rejected as it left that interface (else on arrival).
        out: bool,
    },
    /// The request was accepted and nothing answered, and nothing was rejected.
    NoResponse,
    /// Only one side is in the logs: `missing` (interned interface) recorded nothing of
    /// it although it holds the other end's address; `skipdata`: it wrote SKIPDATA then.
    OneSided {
        /// The interface whose records are missing ([`NONE`]: not known).
        missing: u32,
        /// That interface skipped records (SKIPDATA) during the conversation.
        skipdata: bool,
    },
}

impl Verdict {
    /// The name used by the page's hooks and filters.
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            Verdict::Ok => "ok",
            Verdict::NaclReply { .. } => "nacl-reply",
            Verdict::Rejected { .. } => "rejected",
            Verdict::NoResponse => "no-response",
            Verdict::OneSided { .. } => "one-sided",
        }
    }
}

/// Packets and bytes one way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Packets.
    pub packets: u64,
    /// Bytes.
    pub bytes: u64,
}

/// One conversation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conversation {
    /// Who opened it.
    pub client: End,
    /// Who answered (or was asked).
    pub server: End,
    /// IANA protocol number.
    pub proto: u8,
    /// The interfaces that recorded it (interned), in order of first record.
    pub enis: Vec<u32>,
    /// An interface in between (a NAT gateway's): neither end's own address.
    pub via: Option<u32>,
    /// Request packets and bytes (at the observation point that saw the most).
    pub request: Tally,
    /// Reply packets and bytes.
    pub reply: Tally,
    /// Earliest `start`.
    pub first: i64,
    /// Latest `end`.
    pub last: i64,
    /// Its records: rows of the table, in input order.
    pub rows: Vec<u32>,
    /// Which of `rows` carry the reply direction.
    pub reply_rows: Vec<u32>,
    /// What the records say.
    pub verdict: Verdict,
}

/// A record's place in a conversation while it is being built.
#[derive(Clone, Copy)]
struct Member {
    flow: usize,
    reply: bool,
}

struct Draft {
    client: End,
    server: End,
    proto: u8,
    members: Vec<Member>,
    first: i64,
    last: i64,
    merged: bool,
}

type Key = (End, End, u8);

/// A gap longer than this many seconds (or twice the longest capture window seen on the
/// 5-tuple) between one record's end and the next one's start begins a new conversation.
const GAP: i64 = 120;

/// Puts the records of `flows` together into conversations.
#[must_use]
pub fn build(flows: &Flows) -> Vec<Conversation> {
    // Every record with its 5-tuple (both directions alike), sorted: the records of one
    // 5-tuple are then together, in time order.
    // Sorted as integers: each end as (address id, port), the lower end first; 32 bytes a
    // record.
    type Sortable = (u64, u64, u8, i64, u32);
    let mut keyed: Vec<Sortable> = Vec::with_capacity(flows.flows.len());
    for (i, f) in flows.flows.iter().enumerate() {
        if f.status != Status::Ok || f.action == Act::None || f.psrc == NONE || f.pdst == NONE {
            continue;
        }
        let a = (u64::from(f.psrc) << 16) | u64::from(f.sport);
        let b = (u64::from(f.pdst) << 16) | u64::from(f.dport);
        keyed.push((
            a.min(b),
            a.max(b),
            f.proto,
            f.start,
            u32::try_from(i).unwrap_or(u32::MAX),
        ));
    }
    keyed.sort_unstable();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let mut current: Option<(u64, u64, u8)> = None;
    // A last entry that matches no 5-tuple ends the last run.
    for k in keyed
        .iter()
        .copied()
        .chain(std::iter::once((u64::MAX, u64::MAX, 0, 0, u32::MAX)))
    {
        let tuple = (k.0, k.1, k.2);
        if current != Some(tuple) {
            if let Some(key) = run
                .first()
                .and_then(|&i| flows.flows.get(i))
                .and_then(|f| key_of(flows, f))
            {
                split_in_time(flows, key, &run, &mut drafts);
            }
            run.clear();
            current = Some(tuple);
        }
        run.push(k.4 as usize);
    }
    drop(keyed);
    join_nat_legs(flows, &mut drafts);
    let skips = skip_windows(flows);
    // In order of first record: the drafts are ordered by a small key, then finished
    // in that order (no sort of the large finished structs).
    let mut order: Vec<(u32, usize)> = drafts
        .iter()
        .enumerate()
        .filter(|(_, d)| !d.merged)
        .map(|(i, d)| {
            let first = d
                .members
                .iter()
                .filter_map(|m| flows.flows.get(m.flow))
                .map(|f| f.row)
                .min();
            (first.unwrap_or(u32::MAX), i)
        })
        .collect();
    order.sort_unstable();
    let mut slots: Vec<Option<Draft>> = drafts.into_iter().map(Some).collect();
    let out: Vec<Conversation> = order
        .into_iter()
        .filter_map(|(_, i)| slots.get_mut(i).and_then(Option::take))
        .map(|d| finish(flows, d, &skips))
        .collect();
    out
}

/// The 5-tuple of a record, its lower end first.
fn key_of(flows: &Flows, f: &Flow) -> Option<Key> {
    let (s, d) = (flows.addr(f.psrc)?, flows.addr(f.pdst)?);
    let (a, b) = (End { addr: s, port: f.sport }, End { addr: d, port: f.dport });
    Some(if a <= b { (a, b, f.proto) } else { (b, a, f.proto) })
}

/// Splits the records of one 5-tuple (in time order) where a gap longer than [`GAP`] (or
/// twice the longest capture window seen on it) separates them.
fn split_in_time(flows: &Flows, key: Key, members: &[usize], drafts: &mut Vec<Draft>) {
    let window = members
        .iter()
        .filter_map(|&i| flows.flows.get(i))
        .map(|f| f.end.saturating_sub(f.start))
        .max()
        .unwrap_or(0);
    let gap = GAP.max(window.saturating_mul(2));
    let mut cluster: Vec<usize> = Vec::new();
    let mut end = i64::MIN;
    for &i in members {
        let Some(f) = flows.flows.get(i) else {
            continue;
        };
        if !cluster.is_empty() && f.start > end.saturating_add(gap) {
            drafts.push(draft(flows, key, std::mem::take(&mut cluster)));
            end = i64::MIN;
        }
        cluster.push(i);
        end = end.max(f.end);
    }
    if !cluster.is_empty() {
        drafts.push(draft(flows, key, cluster));
    }
}

/// The side that answers: the SYN-ACK's sender (or the one a SYN went to), else the
/// well-known or service port, else the side that never sent, else the public side of
/// a private/public pair on one port, else the lower port, else whoever spoke second.
fn server_side(flows: &Flows, key: Key, members: &[usize]) -> (End, End) {
    let (a, b, proto) = key;
    let sent_by = |e: End, pred: &dyn Fn(u8) -> bool| {
        members
            .iter()
            .filter_map(|&i| flows.flows.get(i))
            .any(|f| flows.addr(f.psrc) == Some(e.addr) && f.sport == e.port && f.flags.is_some_and(pred))
    };
    // SYN without ACK opens; SYN-ACK (18, 19) answers.
    let opens = |e: End| sent_by(e, &|x| x & 0x12 == 0x02);
    let answers = |e: End| sent_by(e, &|x| x & 0x12 == 0x12);
    if opens(a) && !opens(b) || answers(b) && !answers(a) {
        return (a, b);
    }
    if opens(b) && !opens(a) || answers(a) && !answers(b) {
        return (b, a);
    }
    let known = |e: End| vocab::service(e.port, Some(proto)).is_some();
    let low = |e: End| e.port < 1024;
    let decide = |x: bool, y: bool| match (x, y) {
        (true, false) => Some((b, a)),
        (false, true) => Some((a, b)),
        _ => None,
    };
    if let Some(pair) = decide(low(a), low(b)).or_else(|| decide(known(a), known(b))) {
        return pair;
    }
    // Only one side sent anything: it asked, and nothing (or nothing logged) answered.
    let sent = |e: End| {
        members
            .iter()
            .filter_map(|&i| flows.flows.get(i))
            .any(|f| flows.addr(f.psrc) == Some(e.addr) && f.sport == e.port)
    };
    if let Some(pair) = decide(!sent(a), !sent(b)) {
        return pair;
    }
    if a.port == b.port && a.port != 0 {
        // NTP (123 ↔ 123) and the like: the private side asks the public one.
        if let Some(pair) = decide(!private(a.addr), !private(b.addr)) {
            return pair;
        }
    } else if a.port != 0 {
        return if a.port < b.port { (b, a) } else { (a, b) };
    }
    // Whoever sent the first packet opened it; in a tie (both in one second, as an
    // ICMP echo and its reply often are) the one arriving at its interface is taken as
    // the request — a guess the records cannot confirm.
    let first = members
        .iter()
        .filter_map(|&i| flows.flows.get(i))
        .min_by_key(|f| (f.start, f.dir != Dir::In, f.row));
    match first {
        Some(f) if flows.addr(f.psrc) == Some(b.addr) && f.sport == b.port => (b, a),
        _ => (a, b),
    }
}

fn draft(flows: &Flows, key: Key, members: Vec<usize>) -> Draft {
    let (client, server) = server_side(flows, key, &members);
    let mut first = i64::MAX;
    let mut last = i64::MIN;
    let members = members
        .into_iter()
        .filter_map(|i| {
            let f = flows.flows.get(i)?;
            first = first.min(f.start);
            last = last.max(f.end);
            let reply = !(flows.addr(f.psrc) == Some(client.addr) && f.sport == client.port);
            Some(Member { flow: i, reply })
        })
        .collect();
    Draft {
        client,
        server,
        proto: key.2,
        members,
        first,
        last,
        merged: false,
    }
}

/// Joins the legs of a connection through a NAT gateway (AWS's examples E11–E14): on the
/// gateway's interface X the instance's leg shows the gateway's own address instead of
/// the internet host when the format has no `pkt-*` fields, and the gateway's leg to the
/// internet uses the gateway's address and a translated port.
fn join_nat_legs(flows: &Flows, drafts: &mut [Draft]) {
    let eni_of = |d: &Draft| -> Option<u32> {
        let mut enis = d.members.iter().filter_map(|m| flows.flows.get(m.flow)).map(|f| f.eni);
        let first = enis.next()?;
        enis.all(|e| e == first).then_some(first)
    };
    let own = |eni: u32| flows.own.get(&eni).copied();
    // Where each (client end, protocol, server port) is, among conversations not recorded
    // by one interface only as an end of its own.
    // Chained in one array (no list per key: there is a key per conversation).
    let mut head: HashMap<(End, u8, u16), usize, FixedState> = HashMap::with_hasher(FixedState::default());
    let mut next: Vec<usize> = vec![usize::MAX; drafts.len()];
    for (i, d) in drafts.iter().enumerate().rev() {
        if let Some(prev) = head.insert((d.client, d.proto, d.server.port), i) {
            if let Some(n) = next.get_mut(i) {
                *n = prev;
            }
        }
    }
    let chain = |start: Option<&usize>| {
        std::iter::successors(start.copied(), |&i| next.get(i).copied().filter(|&n| n != usize::MAX))
    };
    // 1. The instance's leg on X without pkt-* fields: server = X's own address.
    for i in 0..drafts.len() {
        let Some(d) = drafts.get(i) else { continue };
        let Some(x) = eni_of(d) else { continue };
        if own(x) != Some(d.server.addr) {
            continue;
        }
        let target = chain(head.get(&(d.client, d.proto, d.server.port))).find(|&j| {
            j != i
                && drafts.get(j).is_some_and(|o| {
                    !o.merged
                        && o.server.addr != d.server.addr
                        && o.first <= d.last.saturating_add(GAP)
                        && d.first <= o.last.saturating_add(GAP)
                })
        });
        if let Some(j) = target {
            move_members(drafts, i, j);
        }
    }
    // 2. X's own leg to the server: client = X's own address. Matched to a conversation X
    // forwarded (X's address is neither of its ends) with the same server, by the request
    // packets and bytes X saw in the same window on both legs.
    // X's forwarded request records, by (X, server, protocol, packets, bytes).
    type Seen = HashMap<(u32, End, u8, u64, u64), Vec<(i64, usize)>, FixedState>;
    let mut forwarded: Seen = HashMap::with_hasher(FixedState::default());
    for (j, o) in drafts.iter().enumerate() {
        if o.merged {
            continue;
        }
        for m in o.members.iter().filter(|m| !m.reply) {
            let Some(f) = flows.flows.get(m.flow) else { continue };
            let x_own = own(f.eni);
            if x_own.is_some() && x_own != Some(o.client.addr) && x_own != Some(o.server.addr) {
                forwarded
                    .entry((f.eni, o.server, o.proto, f.packets, f.bytes))
                    .or_default()
                    .push((f.end, j));
            }
        }
    }
    let mut taken: Vec<bool> = vec![false; drafts.len()];
    for i in 0..drafts.len() {
        let Some(d) = drafts.get(i) else { continue };
        if d.merged {
            continue;
        }
        let Some(x) = eni_of(d) else { continue };
        if own(x) != Some(d.client.addr) {
            continue;
        }
        // Every request record of this leg must have its twin on the other leg.
        let mine: Vec<&Flow> = d
            .members
            .iter()
            .filter(|m| !m.reply)
            .filter_map(|m| flows.flows.get(m.flow))
            .collect();
        let Some(first) = mine.first() else { continue };
        let twin = |f: &Flow, j: usize| {
            forwarded
                .get(&(x, d.server, d.proto, f.packets, f.bytes))
                .is_some_and(|list| list.iter().any(|&(e2, k)| k == j && f.end.abs_diff(e2) <= 60))
        };
        let found = forwarded
            .get(&(x, d.server, d.proto, first.packets, first.bytes))
            .into_iter()
            .flatten()
            .filter(|&&(e2, j)| j != i && first.end.abs_diff(e2) <= 60 && !taken.get(j).copied().unwrap_or(true))
            .map(|&(_, j)| j)
            .find(|&j| mine.iter().all(|f| twin(f, j)));
        if let Some(j) = found {
            if let Some(t) = taken.get_mut(j) {
                *t = true;
            }
            move_members(drafts, i, j);
        }
    }
}

/// Moves draft `from`'s records into draft `to` (keeping each record's direction).
fn move_members(drafts: &mut [Draft], from: usize, to: usize) {
    let Some(src) = drafts.get_mut(from) else { return };
    let members = std::mem::take(&mut src.members);
    let (first, last) = (src.first, src.last);
    src.merged = true;
    if let Some(dst) = drafts.get_mut(to) {
        dst.members.extend(members);
        dst.first = dst.first.min(first);
        dst.last = dst.last.max(last);
    }
}

/// SKIPDATA windows per interface.
fn skip_windows(flows: &Flows) -> HashMap<u32, Vec<(i64, i64)>, FixedState> {
    let mut out: HashMap<u32, Vec<(i64, i64)>, FixedState> = HashMap::with_hasher(FixedState::default());
    for f in flows.flows.iter().filter(|f| f.status == Status::SkipData) {
        out.entry(f.eni).or_default().push((f.start, f.end));
    }
    out
}

fn finish(flows: &Flows, d: Draft, skips: &HashMap<u32, Vec<(i64, i64)>, FixedState>) -> Conversation {
    let mut members = d.members;
    members.sort_by_key(|m| flows.flows.get(m.flow).map_or(u32::MAX, |f| f.row));
    let get = |m: &Member| flows.flows.get(m.flow);
    let mut enis: Vec<u32> = Vec::new();
    for f in members.iter().filter_map(get) {
        if !enis.contains(&f.eni) {
            enis.push(f.eni);
        }
    }
    let own = |eni: u32| flows.own.get(&eni).copied();
    let via = enis
        .iter()
        .copied()
        .find(|&e| own(e).is_some_and(|a| a != d.client.addr && a != d.server.addr));
    // Per direction, the observation point that saw the most (at most a few interfaces;
    // a small array, not a map, per conversation).
    let tally = |reply: bool| {
        let mut per: [(u32, Tally); 4] = [(NONE, Tally::default()); 4];
        let mut best = Tally::default();
        for (m, f) in members.iter().filter_map(|m| get(m).map(|f| (m, f))) {
            if m.reply != reply {
                continue;
            }
            let slot = per
                .iter()
                .position(|(e, _)| *e == f.eni)
                .or_else(|| per.iter().position(|(e, _)| *e == NONE));
            let Some((e, t)) = slot.and_then(|i| per.get_mut(i)) else {
                continue;
            };
            *e = f.eni;
            t.packets = t.packets.saturating_add(f.packets);
            t.bytes = t.bytes.saturating_add(f.bytes);
            if (t.bytes, t.packets) > (best.bytes, best.packets) {
                best = *t;
            }
        }
        best
    };
    let (request, reply) = (tally(false), tally(true));
    let verdict = verdict(flows, &d.client, &d.server, &members, (d.first, d.last), skips);
    let rows = members.iter().filter_map(get).map(|f| f.row).collect();
    let reply_rows = members
        .iter()
        .filter(|m| m.reply)
        .filter_map(get)
        .map(|f| f.row)
        .collect();
    Conversation {
        client: d.client,
        server: d.server,
        proto: d.proto,
        enis,
        via,
        request,
        reply,
        first: d.first,
        last: d.last,
        rows,
        reply_rows,
        verdict,
    }
}

fn verdict(
    flows: &Flows,
    client: &End,
    server: &End,
    members: &[Member],
    (first, last): (i64, i64),
    skips: &HashMap<u32, Vec<(i64, i64)>, FixedState>,
) -> Verdict {
    let with = |m: &&Member| flows.flows.get(m.flow).map(|f| (m.reply, f));
    let all: Vec<(bool, &Flow)> = members.iter().filter_map(|m| with(&m)).collect();
    let own = |eni: u32| flows.own.get(&eni).copied();
    if let Some((_, f)) = all.iter().find(|(reply, f)| *reply && f.action == Act::Reject) {
        return Verdict::NaclReply {
            eni: f.eni,
            out: f.dir != Dir::In,
            at_server: own(f.eni) == Some(server.addr),
        };
    }
    let replies = all.iter().filter(|(reply, _)| *reply).count();
    let requests = all.len() - replies;
    if replies == 0 {
        if let Some((_, f)) = all.iter().find(|(_, f)| f.action == Act::Reject) {
            return Verdict::Rejected {
                eni: f.eni,
                out: f.dir == Dir::Out,
            };
        }
    }
    // An end whose own interface is in the logs but recorded nothing of it.
    let recorded = |eni: u32| all.iter().any(|(_, f)| f.eni == eni);
    let silent = [server.addr, client.addr]
        .into_iter()
        .filter_map(|a| flows.owner.get(&a).copied())
        .find(|&eni| !recorded(eni));
    let skipped = |eni: u32| {
        skips.get(&eni).is_some_and(|w| {
            w.iter()
                .any(|&(s, e)| s <= last.saturating_add(GAP) && first <= e.saturating_add(GAP))
        })
    };
    match (requests, replies, silent) {
        (_, 0, Some(eni)) | (0, _, Some(eni)) => Verdict::OneSided {
            missing: eni,
            skipdata: skipped(eni),
        },
        (0, _, None) => Verdict::OneSided {
            missing: NONE,
            skipdata: false,
        },
        (_, 0, None) => Verdict::NoResponse,
        _ => Verdict::Ok,
    }
}
