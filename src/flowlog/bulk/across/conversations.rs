//! Conversations: the records of one connection (or UDP/ICMP exchange) put together — both
//! directions, on every interface that saw it, over overlapping capture windows, the two
//! legs through a NAT gateway joined — with client and server told apart and a verdict.

use std::net::IpAddr;

use foldhash::fast::FixedState;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::BuildHasher;

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
// Externally tagged (serde's default): an internally tagged enum's reader buffers
// every value first, several kilobytes of code in the page for each.
#[serde(rename_all = "kebab-case")]
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

/// One conversation. Its interfaces and records are kept together for all conversations
/// in [`Conversations`] (one list, not three small ones each).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conversation {
    /// Who opened it.
    pub client: End,
    /// Who answered (or was asked).
    pub server: End,
    /// IANA protocol number.
    pub proto: u8,
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
    /// What the records say.
    pub verdict: Verdict,
    /// Where its interfaces, request rows and reply rows are in [`Conversations`].
    span: Span,
}

/// Where a conversation's records and interfaces are in [`Conversations`]: `requests`
/// request rows then `replies` reply rows (each list sorted) from `at` in `rows`, and
/// `enis` interfaces from `enis_at` in `enis`. While the conversations are being built,
/// `at` and `requests` name its records among the members.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Span {
    at: u32,
    requests: u32,
    replies: u32,
    enis_at: u32,
    enis: u32,
}

/// The conversations of some records, in order of first record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Conversations {
    list: Vec<Conversation>,
    /// Every conversation's rows (see [`Span`]).
    rows: Vec<u32>,
    /// Every conversation's interfaces.
    enis: Vec<u32>,
}

impl std::ops::Deref for Conversations {
    type Target = [Conversation];

    fn deref(&self) -> &[Conversation] {
        &self.list
    }
}

fn part(list: &[u32], at: u32, len: u32) -> &[u32] {
    let at = at as usize;
    list.get(at..at.saturating_add(len as usize)).unwrap_or_default()
}

impl Conversations {
    /// The interfaces that recorded `c` (interned), in order of first record.
    #[must_use]
    pub fn enis(&self, c: &Conversation) -> &[u32] {
        part(&self.enis, c.span.enis_at, c.span.enis)
    }

    /// The rows of `c`'s request records, sorted.
    #[must_use]
    pub fn request_rows(&self, c: &Conversation) -> &[u32] {
        part(&self.rows, c.span.at, c.span.requests)
    }

    /// The rows of `c`'s reply records, sorted.
    #[must_use]
    pub fn reply_rows(&self, c: &Conversation) -> &[u32] {
        part(&self.rows, c.span.at.saturating_add(c.span.requests), c.span.replies)
    }

    /// All rows of `c`, in input order.
    pub fn rows<'a>(&'a self, c: &Conversation) -> impl Iterator<Item = u32> + 'a {
        let (mut a, mut b) = (
            self.request_rows(c).iter().copied().peekable(),
            self.reply_rows(c).iter().copied().peekable(),
        );
        std::iter::from_fn(move || match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if y < x => b.next(),
            (Some(_), _) => a.next(),
            _ => b.next(),
        })
    }

    /// How many records `c` has.
    #[must_use]
    pub fn records(c: &Conversation) -> usize {
        c.span.requests as usize + c.span.replies as usize
    }
}

/// A record's place in a conversation: its flow and whether it carries the reply.
#[derive(Clone, Copy)]
struct Member {
    flow: usize,
    reply: bool,
}

/// The sorted keys, one per record: the record's flow in the low 32 bits; above them its
/// 5-tuple's number.
type Keys = Vec<u64>;

/// Flows an analysis reads at most: a member is a flow's number below this, with
/// [`REPLY`] set for a reply.
const MAX_FLOWS: usize = 1 << 31;

/// A member is a reply.
const REPLY: u32 = 1 << 31;

fn member(k: u32) -> Member {
    Member {
        flow: (k & !REPLY) as usize,
        reply: k & REPLY != 0,
    }
}

type Key = (End, End, u8);

/// How far apart in seconds the records of two conversations (a NAT gateway's two legs, a
/// SKIPDATA window and the conversation it cut) may be and still be taken together.
const GAP: i64 = 120;

/// A gap longer than this many seconds (or one and a half times the longest capture
/// window seen on the 5-tuple) between one record's end and the next one's start begins
/// a new conversation: the port was used again. With 60-second windows the scenarios
/// (every kind, seeds 1–8, both formats) show gaps of up to 101 s inside one connection
/// (an idle pooled one) and a port used again after 118 s or more — once after 80 s,
/// which no gap can tell from an idle connection without `tcp-flags`; a connection idle
/// for longer is taken as two.
const SPLIT: i64 = 110;

/// Conversations while being built: their records in the sorted keys, or (after a NAT
/// leg was joined to one) in `extra`.
struct Drafts {
    list: Vec<Conversation>,
    /// Every conversation's records, 4 bytes each (see [`member`]).
    members: Vec<u32>,
    merged: Vec<bool>,
    extra: HashMap<usize, Vec<u32>, FixedState>,
}

impl Drafts {
    /// The members of draft `i`.
    fn members(&self, i: usize) -> impl Iterator<Item = Member> + '_ {
        let span = self.list.get(i).map_or(Span::default(), |d| d.span);
        let own = part(&self.members, span.at, span.requests);
        own.iter()
            .chain(self.extra.get(&i).into_iter().flatten())
            .copied()
            .map(member)
    }
}

/// Puts the records of `flows` together into conversations.
///
/// Memory: beside the flows, 8 bytes a record while building (one sorted key each) and,
/// for the result, about 140 bytes a conversation and 4 a record.
#[must_use]
pub fn build(flows: &Flows) -> Conversations {
    // Every record's 5-tuple (both directions alike) numbered in order of first record,
    // and the records sorted by it: the records of one 5-tuple are then together.
    let mut tuples: HashMap<(u64, u64, u8), u32, FixedState> = HashMap::with_hasher(FixedState::default());
    let mut keys: Keys = Vec::with_capacity(flows.flows.len());
    for (i, f) in flows.flows.iter().enumerate() {
        if f.status != Status::Ok || f.action == Act::None || f.psrc == NONE || f.pdst == NONE {
            continue;
        }
        if i >= MAX_FLOWS {
            break;
        }
        let i = i as u64;
        let a = (u64::from(f.psrc) << 16) | u64::from(f.sport);
        let b = (u64::from(f.pdst) << 16) | u64::from(f.dport);
        let next = u32::try_from(tuples.len()).unwrap_or(u32::MAX);
        let id = *tuples.entry((a.min(b), a.max(b), f.proto)).or_insert(next);
        keys.push((u64::from(id) << 32) | i);
    }
    drop(tuples);
    keys.sort_unstable();
    // Each 5-tuple's records in time order (first one by one, as they mostly are), and
    // the conversations they make (their lengths).
    let flow_of = |k: u64| flows.flows.get((k & 0xFFFF_FFFF) as usize);
    let mut lens: Vec<u32> = Vec::new();
    let mut fan: Fan = HashMap::with_hasher(FixedState::default());
    for run in keys.chunk_by_mut(|x, y| x >> 32 == y >> 32) {
        if let Some(f) = run.first().and_then(|&k| flow_of(k)) {
            count_fan(&mut fan, f);
        }
        let time = |k: &u64| (flow_of(*k).map_or(0, Flow::start), *k);
        if !run.is_sorted_by_key(time) {
            run.sort_unstable_by_key(time);
        }
        lens.extend(clusters(flows, run).map(|n| u32::try_from(n).unwrap_or(u32::MAX)));
    }
    fan.retain(|_, n| *n & !LOW_PEER >= FAN.min(2));
    fan.shrink_to_fit();
    // The keys, no longer sorted by, as members: half their size.
    let mut members: Vec<u32> = keys.iter().map(|&k| (k & 0x7FFF_FFFF) as u32).collect();
    drop(keys);
    let mut list: Vec<Conversation> = Vec::with_capacity(lens.len());
    let mut at = 0usize;
    for len in lens {
        let to = at.saturating_add(len as usize);
        let cluster = members.get_mut(at..to).unwrap_or_default();
        let key = cluster
            .first()
            .and_then(|&k| flows.flows.get(member(k).flow))
            .and_then(|f| key_of(flows, f));
        if let Some(key) = key {
            list.push(draft(flows, key, cluster, at, &fan));
        }
        at = to;
    }
    let mut drafts = Drafts {
        merged: vec![false; list.len()],
        list,
        members,
        extra: HashMap::with_hasher(FixedState::default()),
    };
    join_nat_legs(flows, &mut drafts);
    finish_all(flows, drafts)
}

/// The lengths of the conversations the records of one 5-tuple (in time order) make:
/// a gap longer than [`SPLIT`] (or 1.5 times the longest capture window seen on it) between
/// them separates two.
fn clusters<'a>(flows: &'a Flows, run: &'a [u64]) -> impl Iterator<Item = usize> + 'a {
    let of = |k: &u64| flows.flows.get((k & 0xFFFF_FFFF) as usize);
    let window = run
        .iter()
        .filter_map(of)
        .map(|f| f.end().saturating_sub(f.start()))
        .max()
        .unwrap_or(0);
    let gap = SPLIT.max(window.saturating_mul(3) / 2);
    let mut end = i64::MIN;
    let mut len = 0usize;
    let mut it = run.iter();
    std::iter::from_fn(move || {
        for k in it.by_ref() {
            let (start, stop) = of(k).map_or((end, end), |f| (f.start(), f.end()));
            let split = len > 0 && start > end.saturating_add(gap);
            let out = len;
            if split {
                len = 0;
                end = i64::MIN;
            }
            len += 1;
            end = end.max(stop);
            if split {
                return Some(out);
            }
        }
        (len > 0).then(|| std::mem::take(&mut len))
    })
}

/// The 5-tuple of a record, its lower end first.
fn key_of(flows: &Flows, f: &Flow) -> Option<Key> {
    let (s, d) = (flows.addr(f.psrc)?, flows.addr(f.pdst)?);
    let (a, b) = (End { addr: s, port: f.sport }, End { addr: d, port: f.dport });
    Some(if a <= b { (a, b, f.proto) } else { (b, a, f.proto) })
}

/// How many 5-tuples an end (address, port, protocol) takes part in — for the ends in
/// [`FAN`] or more — and whether a peer of it used a port below 1024 ([`LOW_PEER`]).
/// A server's port is one end of many 5-tuples; a client's ephemeral port of one.
type Fan = HashMap<u64, u32, FixedState>;

/// The 5-tuples an end must take part in to count as a server by that alone (while the
/// other end takes part in one).
const FAN: u32 = 3;

/// Set in a [`Fan`] count when a peer of the end used a port below 1024: a scanner's
/// fixed source port meets its targets' service ports, a server's never does.
const LOW_PEER: u32 = 1 << 31;

fn end_key(addr: u32, port: u16, proto: u8) -> u64 {
    (u64::from(proto) << 48) | (u64::from(addr) << 16) | u64::from(port)
}

/// Counts one 5-tuple (its first record `f`) in `fan`.
fn count_fan(fan: &mut Fan, f: &Flow) {
    let (a, b) = (end_key(f.psrc, f.sport, f.proto), end_key(f.pdst, f.dport, f.proto));
    for (end, peer_port) in [(a, f.dport), (b, f.sport)] {
        let n = fan.entry(end).or_insert(0);
        *n = (*n & LOW_PEER | ((*n & !LOW_PEER) + 1)) | if peer_port < 1024 { LOW_PEER } else { 0 };
    }
}

/// The side that answers: the SYN-ACK's sender (or the one a SYN went to), else the
/// port below 1024, else the end of many 5-tuples facing ends of one (a server's port
/// against ephemeral ones, whatever their numbers — a load balancer's start at 1024),
/// else the well-known or service port, else the side that never sent, else the public
/// side of a private/public pair on one port, else the lower port, else whoever spoke
/// second.
fn server_side(flows: &Flows, key: Key, members: &[u32], fan: &Fan) -> (End, End) {
    let of = |k: &u32| flows.flows.get(member(*k).flow);
    let (a, b, proto) = key;
    // Each end as (address id, port), from the first record: compared as integers.
    let lead = members.first().and_then(of);
    let ids = lead.map(|f| {
        let (x, y) = ((f.psrc, f.sport), (f.pdst, f.dport));
        if flows.addr(f.psrc) == Some(a.addr) && f.sport == a.port {
            (x, y)
        } else {
            (y, x)
        }
    });
    let id = |e: End| match ids {
        Some((x, _)) if e == a => x,
        Some((_, y)) => y,
        None => (NONE, 0),
    };
    let from = |f: &Flow, e: End| (f.psrc, f.sport) == id(e);
    let sent_by = |e: End, pred: &dyn Fn(u8) -> bool| {
        members
            .iter()
            .filter_map(of)
            .any(|f| from(f, e) && f.flags.is_some_and(pred))
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
    let sent = |e: End| members.iter().filter_map(of).any(|f| from(f, e));
    // Each end's 5-tuples.
    let n = |(addr, port): (u32, u16)| fan.get(&end_key(addr, port, proto)).copied().unwrap_or(1);
    let fans = ids.map(|_| (n(id(a)), n(id(b))));
    let many = |x: u32, y: u32| x & LOW_PEER == 0 && x >= FAN && (y & !LOW_PEER) <= 1;
    let (fa, fb) = fans.unwrap_or((1, 1));
    // Not when the many-tuple end alone sent: that is a client (a scanner) asking.
    let alone = |x: End, y: End| sent(x) && !sent(y);
    let server_a = many(fa, fb) && !alone(a, b);
    let server_b = many(fb, fa) && !alone(b, a);
    if let Some(pair) = decide(low(a), low(b))
        .or_else(|| decide(server_a, server_b))
        .or_else(|| decide(known(a), known(b)))
    {
        return pair;
    }
    // Only one side sent anything: it asked, and nothing (or nothing logged) answered.
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
        .filter_map(of)
        .min_by_key(|f| (f.start(), f.dir != Dir::In, f.row));
    match first {
        Some(f) if from(f, b) => (b, a),
        _ => (a, b),
    }
}

/// A conversation of the records `members` (in time order, at `at` among all members):
/// client and server told apart, each record marked as request or reply.
fn draft(flows: &Flows, key: Key, members: &mut [u32], at: usize, fan: &Fan) -> Conversation {
    let (client, server) = server_side(flows, key, members, fan);
    let mut first = i64::MAX;
    let mut last = i64::MIN;
    // The client as (address id, port), from a record it sent or one sent to it.
    let client_id = members.first().and_then(|&k| flows.flows.get(member(k).flow)).map(|f| {
        if flows.addr(f.psrc) == Some(client.addr) && f.sport == client.port {
            (f.psrc, f.sport)
        } else {
            (f.pdst, f.dport)
        }
    });
    for k in members.iter_mut() {
        let Some(f) = flows.flows.get(member(*k).flow) else {
            continue;
        };
        first = first.min(f.start());
        last = last.max(f.end());
        let reply = Some((f.psrc, f.sport)) != client_id;
        *k = (*k & !REPLY) | if reply { REPLY } else { 0 };
    }
    Conversation {
        client,
        server,
        proto: key.2,
        via: None,
        request: Tally::default(),
        reply: Tally::default(),
        first,
        last,
        verdict: Verdict::NoResponse,
        span: Span {
            at: u32::try_from(at).unwrap_or(u32::MAX),
            requests: u32::try_from(members.len()).unwrap_or(u32::MAX),
            ..Span::default()
        },
    }
}

/// Joins the legs of a connection through a NAT gateway (AWS's examples E11–E14): on the
/// gateway's interface X the instance's leg shows the gateway's own address instead of
/// the internet host when the format has no `pkt-*` fields, and the gateway's leg to the
/// internet uses the gateway's address and a translated port.
fn join_nat_legs(flows: &Flows, drafts: &mut Drafts) {
    // Per conversation, from its own records (one pass over all): the interface that
    // recorded all of them (if one did), and its two ends' address ids.
    let (mut single, ends): (Vec<u32>, Vec<(u32, u32)>) = (0..drafts.list.len())
        .map(|i| {
            let mut records = drafts.members(i).filter_map(|m| flows.flows.get(m.flow));
            let Some(first) = records.next() else {
                return (NONE, (NONE, NONE));
            };
            let eni = if records.all(|f| f.eni == first.eni) {
                first.eni
            } else {
                NONE
            };
            (eni, (first.psrc, first.pdst))
        })
        .unzip();
    let eni_of = |single: &[u32], i: usize| single.get(i).copied().filter(|&e| e != NONE);
    let own = |eni: u32| flows.own_addr(eni);
    // The conversations by (client end, protocol, server port): their numbers sorted by
    // the key's hash (12 bytes each, compared as integers; a map would take three times
    // that), searched by halving, the key itself compared at the end.
    let n = drafts.list.len();
    let hasher = FixedState::default();
    let hash = |d: &Conversation| hasher.hash_one((d.client, d.proto, d.server.port));
    let mut by_client: Vec<(u64, u32)> = drafts
        .list
        .iter()
        .enumerate()
        .map(|(i, d)| (hash(d), u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    by_client.sort_unstable();
    let chain = |list: &[Conversation], d: &Conversation| -> Vec<usize> {
        let h = hash(d);
        let from = by_client.partition_point(|e| e.0 < h);
        by_client
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|e| e.0 == h)
            .map(|e| e.1 as usize)
            .filter(|&j| {
                list.get(j)
                    .is_some_and(|o| o.client == d.client && o.proto == d.proto && o.server.port == d.server.port)
            })
            .collect()
    };
    let merged = |drafts: &Drafts, i: usize| drafts.merged.get(i).copied().unwrap_or(true);
    // 1. The instance's leg on X without pkt-* fields: server = X's own address.
    for i in 0..n {
        let Some(d) = drafts.list.get(i) else { continue };
        let Some(x) = eni_of(&single, i) else { continue };
        if own(x) != Some(d.server.addr) {
            continue;
        }
        let target = chain(&drafts.list, d).into_iter().find(|&j| {
            j != i
                && !merged(drafts, j)
                && drafts.list.get(j).is_some_and(|o| {
                    o.server.addr != d.server.addr
                        && o.first <= d.last.saturating_add(GAP)
                        && d.first <= o.last.saturating_add(GAP)
                })
        });
        if let Some(j) = target {
            move_members(drafts, i, j);
            // Recorded by X too now: no longer by one interface alone.
            if single.get(j) != Some(&x) {
                if let Some(s) = single.get_mut(j) {
                    *s = NONE;
                }
            }
        }
    }
    // 2. X's own leg to the server: client = X's own address. Matched to a conversation X
    // forwarded (X's address is neither of its ends) with the same server, by the request
    // packets and bytes X saw in the same window on both legs.
    // X's forwarded request records (X, packets, bytes, conversation, end), sorted: found
    // by halving, then the conversation's server and protocol compared.
    type Forwarded = (u32, u64, u64, usize, i64);
    let mut forwarded: Vec<Forwarded> = Vec::new();
    for j in 0..n {
        if merged(drafts, j) {
            continue;
        }
        let Some(&(a, b)) = ends.get(j) else { continue };
        for m in drafts.members(j).filter(|m| !m.reply) {
            let Some(f) = flows.flows.get(m.flow) else { continue };
            let x_own = flows.own_ids.get(f.eni as usize).copied().unwrap_or(NONE);
            if x_own != NONE && x_own != a && x_own != b {
                forwarded.push((f.eni, f.packets, f.bytes, j, f.end()));
            }
        }
    }
    forwarded.sort_unstable();
    // The forwarded records (end, conversation) of X with these packets and bytes whose
    // conversation has this server and protocol.
    fn seen<'a>(
        forwarded: &'a [Forwarded],
        list: &'a [Conversation],
        (x, f, server, proto): (u32, &Flow, End, u8),
    ) -> impl Iterator<Item = (i64, usize)> + 'a {
        let key = (x, f.packets, f.bytes);
        let from = forwarded.partition_point(|e| (e.0, e.1, e.2) < key);
        forwarded
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(move |e| (e.0, e.1, e.2) == key)
            .filter(move |e| list.get(e.3).is_some_and(|o| o.server == server && o.proto == proto))
            .map(|e| (e.4, e.3))
    }
    let mut taken: Vec<bool> = vec![false; n];
    for i in 0..n {
        if merged(drafts, i) {
            continue;
        }
        let Some(d) = drafts.list.get(i) else { continue };
        let Some(x) = eni_of(&single, i) else { continue };
        if own(x) != Some(d.client.addr) {
            continue;
        }
        // Every request record of this leg must have its twin on the other leg.
        let mine: Vec<&Flow> = drafts
            .members(i)
            .filter(|m| !m.reply)
            .filter_map(|m| flows.flows.get(m.flow))
            .collect();
        let Some(first) = mine.first() else { continue };
        let twin = |f: &Flow, j: usize| {
            seen(&forwarded, &drafts.list, (x, f, d.server, d.proto))
                .any(|(e2, k)| k == j && f.end().abs_diff(e2) <= 60)
        };
        let found = seen(&forwarded, &drafts.list, (x, first, d.server, d.proto))
            .filter(|&(e2, j)| j != i && first.end().abs_diff(e2) <= 60 && !taken.get(j).copied().unwrap_or(true))
            .map(|(_, j)| j)
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
fn move_members(drafts: &mut Drafts, from: usize, to: usize) {
    let moved: Vec<u32> = drafts
        .members(from)
        .map(|m| u32::try_from(m.flow).unwrap_or(0) | if m.reply { REPLY } else { 0 })
        .collect();
    drafts.extra.remove(&from);
    if let Some(m) = drafts.merged.get_mut(from) {
        *m = true;
    }
    let Some((first, last)) = drafts.list.get(from).map(|d| (d.first, d.last)) else {
        return;
    };
    if let Some(dst) = drafts.list.get_mut(to) {
        dst.first = dst.first.min(first);
        dst.last = dst.last.max(last);
        drafts.extra.entry(to).or_default().extend(moved);
    }
}

/// SKIPDATA windows per interface.
fn skip_windows(flows: &Flows) -> HashMap<u32, Vec<(i64, i64)>, FixedState> {
    let mut out: HashMap<u32, Vec<(i64, i64)>, FixedState> = HashMap::with_hasher(FixedState::default());
    for f in flows.flows.iter().filter(|f| f.status == Status::SkipData) {
        out.entry(f.eni).or_default().push((f.start(), f.end()));
    }
    out
}

/// Finishes every draft (interfaces, tallies, verdict; its rows written over its
/// members), drops the merged ones and orders the rest by first record.
fn finish_all(flows: &Flows, drafts: Drafts) -> Conversations {
    let skips = skip_windows(flows);
    let Drafts {
        mut list,
        members: mut rows,
        merged,
        mut extra,
    } = drafts;
    let mut enis: Vec<u32> = Vec::with_capacity(list.len() * 2);
    let mut scratch: Vec<Member> = Vec::new();
    for (i, c) in list.iter_mut().enumerate() {
        if merged.get(i).copied().unwrap_or(true) {
            continue;
        }
        scratch.clear();
        scratch.extend(part(&rows, c.span.at, c.span.requests).iter().copied().map(member));
        let more = extra.remove(&i).unwrap_or_default();
        scratch.extend(more.iter().copied().map(member));
        finish(flows, c, &mut scratch, &skips, &mut enis);
        // Its rows, requests then replies, where its members were (a conversation that
        // took in another's: after all of them).
        let sorted = scratch
            .iter()
            .filter(|m| !m.reply)
            .chain(scratch.iter().filter(|m| m.reply))
            .filter_map(|m| flows.flows.get(m.flow))
            .map(|f| f.row);
        if more.is_empty() {
            let at = c.span.at as usize;
            for (slot, row) in rows.get_mut(at..).unwrap_or_default().iter_mut().zip(sorted) {
                *slot = row;
            }
        } else {
            c.span.at = u32::try_from(rows.len()).unwrap_or(u32::MAX);
            rows.extend(sorted);
        }
    }
    let mut i = 0usize;
    list.retain(|_| {
        i += 1;
        !merged.get(i - 1).copied().unwrap_or(true)
    });
    let mut out = Conversations { list, rows, enis };
    let first_row = |c: &Conversation| {
        let lead = |rows: &[u32]| rows.first().copied().unwrap_or(u32::MAX);
        lead(out.request_rows(c)).min(lead(out.reply_rows(c)))
    };
    let mut order: Vec<(u32, u32)> = out
        .list
        .iter()
        .enumerate()
        .map(|(i, c)| (first_row(c), u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    order.sort_unstable();
    // The list put in that order in place, by following the permutation's cycles.
    let mut place: Vec<u32> = vec![0; order.len()];
    for (to, &(_, from)) in order.iter().enumerate() {
        if let Some(p) = place.get_mut(from as usize) {
            *p = u32::try_from(to).unwrap_or(u32::MAX);
        }
    }
    drop(order);
    for i in 0..place.len() {
        loop {
            let to = place.get(i).copied().unwrap_or(0) as usize;
            if to == i {
                break;
            }
            out.list.swap(i, to);
            place.swap(i, to);
        }
    }
    out
}

/// Works out `c`'s interfaces (appended to `enis`), tallies and verdict from its
/// `members`, which it sorts by row.
fn finish(
    flows: &Flows,
    c: &mut Conversation,
    members: &mut [Member],
    skips: &HashMap<u32, Vec<(i64, i64)>, FixedState>,
    enis: &mut Vec<u32>,
) {
    members.sort_unstable_by_key(|m| flows.flows.get(m.flow).map_or(u32::MAX, |f| f.row));
    let get = |m: &Member| flows.flows.get(m.flow);
    let at = enis.len();
    for f in members.iter().filter_map(get) {
        if !enis.get(at..).unwrap_or_default().contains(&f.eni) {
            enis.push(f.eni);
        }
    }
    let mine = enis.get(at..).unwrap_or_default();
    let own = |eni: u32| flows.own_addr(eni);
    c.via = mine
        .iter()
        .copied()
        .find(|&e| own(e).is_some_and(|a| a != c.client.addr && a != c.server.addr));
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    c.span.enis_at = count(at);
    c.span.enis = count(mine.len());
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
    c.request = tally(false);
    c.reply = tally(true);
    c.verdict = verdict(flows, &c.client, &c.server, members, (c.first, c.last), skips);
    let replies = members.iter().filter(|m| m.reply).filter_map(get).count();
    c.span.replies = count(replies);
    c.span.requests = count(members.iter().filter_map(get).count() - replies);
}

fn verdict(
    flows: &Flows,
    client: &End,
    server: &End,
    members: &[Member],
    (first, last): (i64, i64),
    skips: &HashMap<u32, Vec<(i64, i64)>, FixedState>,
) -> Verdict {
    let all = || {
        members
            .iter()
            .filter_map(|m| flows.flows.get(m.flow).map(|f| (m.reply, f)))
    };
    let own = |eni: u32| flows.own_addr(eni);
    if let Some((_, f)) = all().find(|(reply, f)| *reply && f.action == Act::Reject) {
        return Verdict::NaclReply {
            eni: f.eni,
            out: f.dir != Dir::In,
            at_server: own(f.eni) == Some(server.addr),
        };
    }
    let replies = all().filter(|(reply, _)| *reply).count();
    let requests = all().count() - replies;
    if replies == 0 {
        if let Some((_, f)) = all().find(|(_, f)| f.action == Act::Reject) {
            return Verdict::Rejected {
                eni: f.eni,
                out: f.dir == Dir::Out,
            };
        }
    }
    // An end whose own interface is in the logs but recorded nothing of it.
    let recorded = |eni: u32| all().any(|(_, f)| f.eni == eni);
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
