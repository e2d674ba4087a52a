//! The records as the analysis across records reads them: one compact [`Flow`] per
//! record, with the interfaces' own addresses worked out from the records themselves.

use std::net::IpAddr;

use foldhash::fast::FixedState;
use std::collections::HashMap;

use crate::fields::FieldName as F;
use crate::flowlog::bulk::index::Table;
use crate::flowlog::decode::split;

/// `action`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    /// `ACCEPT`.
    Accept,
    /// `REJECT`.
    Reject,
    /// `-` or absent.
    None,
}

/// `log-status`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// `OK` (or no log-status field).
    Ok,
    /// `NODATA`.
    NoData,
    /// `SKIPDATA`.
    SkipData,
}

/// Which way a record went, seen from its interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    /// Arriving at the interface.
    In,
    /// Leaving it.
    Out,
    /// Cannot tell.
    Unknown,
}

/// One record, reduced to what the analysis reads: 56 bytes (a test holds it there —
/// a million records of a file keep one each). Strings (interface, AZ, service) are
/// interned: [`Flows::names`] holds them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flow {
    /// Its row in the table (line = row + 1).
    pub row: u32,
    /// The interface (or resource) that recorded it.
    pub eni: u32,
    /// The packet's own addresses — `pkt-srcaddr`/`pkt-dstaddr` when the format has them,
    /// else `srcaddr`/`dstaddr` — as indices into [`Flows::addrs`] ([`NONE`] when absent):
    /// 4 bytes each, not 17. `srcaddr` and `dstaddr` themselves: [`Flows::src`].
    pub psrc: u32,
    /// See `psrc`.
    pub pdst: u32,
    /// Ports (0 when absent).
    pub sport: u16,
    /// See `sport`.
    pub dport: u16,
    /// IANA protocol number (255 when absent).
    pub proto: u8,
    /// `action`.
    pub action: Act,
    /// `log-status`.
    pub status: Status,
    /// `flow-direction`, else worked out from the interface's own address.
    pub dir: Dir,
    /// `tcp-flags` (`None` when absent).
    pub flags: Option<u8>,
    /// `traffic-path` (`None` when absent or `-`).
    pub path: Option<u8>,
    /// `start` and `end` in Unix seconds, held in 32 bits (see [`Flow::start`]).
    start: u32,
    /// See `start`.
    end: u32,
    /// `az-id` and `pkt-dst-aws-service` together, as an index into [`Flows::places`]
    /// ([`NONE`] when the record has neither).
    pub place: u32,
    /// `packets`.
    pub packets: u64,
    /// `bytes`.
    pub bytes: u64,
}

impl Flow {
    /// `start` (Unix seconds). Held in 32 bits: a time after 2106-02-07 (which no real
    /// record has, and which the odd-times finding reports) reads as that day's
    /// 06:28:15 UTC; a start after its end stays after it.
    #[must_use]
    pub fn start(&self) -> i64 {
        i64::from(self.start)
    }

    /// `end` (Unix seconds; see [`Flow::start`]).
    #[must_use]
    pub fn end(&self) -> i64 {
        i64::from(self.end)
    }
}

/// `start` and `end` as [`Flow`] holds them: clamped to 32 bits, a start after its end
/// kept after it.
fn times(start: i64, end: i64) -> (u32, u32) {
    let clamp = |t: i64| u32::try_from(t.max(0)).unwrap_or(u32::MAX);
    let (s, mut e) = (clamp(start), clamp(end));
    if start > end && s <= e {
        e = s.saturating_sub(1);
    }
    (s, e)
}

/// An interned string that is not there.
pub const NONE: u32 = u32::MAX;

/// Every record of a table as [`Flow`]s, and the strings they name.
#[derive(Debug, Default)]
pub struct Flows {
    /// The records, in input order.
    pub flows: Vec<Flow>,
    /// Interned strings (interfaces, AZs, subnets, services).
    pub names: Vec<String>,
    /// Interned addresses.
    pub addrs: Vec<IpAddr>,
    /// `srcaddr` and `dstaddr` of each flow, when some differ from `psrc` and `pdst`
    /// (only with `pkt-*` fields: a NAT gateway's records); else empty.
    pub iface: Vec<(u32, u32)>,
    /// Interned (`az-id`, `pkt-dst-aws-service`) pairs, each an interned string or [`NONE`].
    pub places: Vec<(u32, u32)>,
    /// Each interface's own (primary private) address, by interned interface.
    pub own: HashMap<u32, IpAddr, FixedState>,
    /// The same as interned addresses, by interned interface ([`NONE`]: not known): for
    /// lookups by the million.
    pub own_ids: Vec<u32>,
    /// Which interface owns an address.
    pub owner: HashMap<IpAddr, u32, FixedState>,
    /// Whether the format had `tcp-flags`, `flow-direction`, `pkt-*`, `az-id`,
    /// `traffic-path`, `pkt-dst-aws-service`.
    pub has: Has,
}

/// Which optional fields the records carried.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Has {
    /// `tcp-flags`.
    pub flags: bool,
    /// `flow-direction`.
    pub direction: bool,
    /// `pkt-srcaddr` and `pkt-dstaddr`.
    pub pkt: bool,
    /// `az-id`.
    pub az: bool,
    /// `traffic-path`.
    pub path: bool,
    /// `pkt-dst-aws-service`.
    pub service: bool,
}

impl Flows {
    /// The interned address `id`.
    #[must_use]
    pub fn addr(&self, id: u32) -> Option<IpAddr> {
        self.addrs.get(id as usize).copied()
    }

    /// The `az-id` of `f` (interned; [`NONE`] when absent).
    #[must_use]
    pub fn az(&self, f: &Flow) -> u32 {
        self.places.get(f.place as usize).map_or(NONE, |p| p.0)
    }

    /// The `pkt-dst-aws-service` of `f` (interned; [`NONE`] when absent).
    #[must_use]
    pub fn service(&self, f: &Flow) -> u32 {
        self.places.get(f.place as usize).map_or(NONE, |p| p.1)
    }

    /// `srcaddr` of flow `i` (as the interface saw it).
    #[must_use]
    pub fn src(&self, i: usize) -> u32 {
        match self.iface.get(i) {
            Some(p) => p.0,
            None => self.flows.get(i).map_or(NONE, |f| f.psrc),
        }
    }

    /// `dstaddr` of flow `i`.
    #[must_use]
    pub fn dst(&self, i: usize) -> u32 {
        match self.iface.get(i) {
            Some(p) => p.1,
            None => self.flows.get(i).map_or(NONE, |f| f.pdst),
        }
    }

    /// Interface `eni`'s own address ([`Flows::own`], by index).
    #[must_use]
    pub fn own_addr(&self, eni: u32) -> Option<IpAddr> {
        let id = self.own_ids.get(eni as usize).copied()?;
        self.addr(id)
    }

    /// The interned string `id` (empty for [`NONE`]).
    #[must_use]
    pub fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("", String::as_str)
    }
}

const FIELDS: [F; 19] = [
    F::InterfaceId,
    F::Srcaddr,
    F::Dstaddr,
    F::PktSrcaddr,
    F::PktDstaddr,
    F::Srcport,
    F::Dstport,
    F::Protocol,
    F::Packets,
    F::Bytes,
    F::Start,
    F::End,
    F::Action,
    F::LogStatus,
    F::TcpFlags,
    F::FlowDirection,
    F::AzId,
    F::TrafficPath,
    F::PktDstAwsService,
];

fn num<T: std::str::FromStr>(v: Option<&str>) -> Option<T> {
    v.and_then(|s| s.parse().ok())
}

/// Reads every record of `table` (`rows`: the rows to read, all when `None`).
#[must_use]
pub fn read(table: &Table, rows: Option<&[u32]>) -> Flows {
    let positions: Vec<[Option<usize>; 19]> = table.formats().iter().map(|f| FIELDS.map(|x| f.position(x))).collect();
    let mut out = Flows::default();
    let mut intern = Interner::default();
    let every = 0..u32::try_from(table.rows().len()).unwrap_or(u32::MAX);
    let rows: Box<dyn Iterator<Item = u32>> = match rows {
        Some(r) => Box::new(r.iter().copied()),
        None => Box::new(every),
    };
    out.flows.reserve(rows.size_hint().0);
    out.iface.reserve(rows.size_hint().0);
    let mut values: Vec<&str> = Vec::with_capacity(32);
    let mut spans: Vec<std::ops::Range<usize>> = Vec::with_capacity(32);
    for i in rows {
        let Some(row) = table.rows().get(i as usize) else {
            continue;
        };
        if !row.kind.is_record() {
            continue;
        }
        let Some(pos) = positions.get(usize::from(row.format)) else {
            continue;
        };
        // The line's values in one pass (not a search per field).
        // From the first value on (a console copy's timestamp before it is no value).
        let line = table.line_text(row);
        let from = table
            .raw_at(row, Some(0))
            .map_or(0, |v| (v.as_ptr() as usize).saturating_sub(line.as_ptr() as usize));
        let line = line.get(from..).unwrap_or_default();
        values.clear();
        split::field_tokens(line, &mut spans);
        values.extend(spans.iter().filter_map(|r| line.get(r.clone())));
        let get = |k: usize| -> Option<&str> { values.get(pos.get(k).copied().flatten()?).copied() };
        let (flow, pair) = flow(i, &get, &mut intern, &mut out.has, pos);
        out.flows.push(flow);
        out.iface.push(pair);
    }
    if out.iface.iter().zip(&out.flows).all(|(p, f)| *p == (f.psrc, f.pdst)) {
        out.iface = Vec::new();
    }
    out.names = intern.names;
    out.addrs = intern.addrs;
    out.places = intern.places;
    own_addresses(&mut out);
    out
}

/// Strings seen, each once; and addresses, each parsed once. The last interface and the
/// last two addresses are kept aside: records come in runs of one interface, and its own
/// address is in nearly every one of them.
#[derive(Default)]
struct Interner<'t> {
    last_id: Option<(&'t str, u32)>,
    last_addrs: [Option<(&'t str, u32)>; 2],
    ids: HashMap<&'t str, u32, FixedState>,
    names: Vec<String>,
    addr_ids: HashMap<&'t str, u32, FixedState>,
    /// IPv6 addresses by value.
    by_addr: HashMap<IpAddr, u32, FixedState>,
    addrs: Vec<IpAddr>,
    place_ids: HashMap<(u32, u32), u32, FixedState>,
    places: Vec<(u32, u32)>,
}

impl<'t> Interner<'t> {
    /// The id of an (`az-id`, service) pair; [`NONE`] when it has neither.
    fn place(&mut self, az: u32, service: u32) -> u32 {
        if az == NONE && service == NONE {
            return NONE;
        }
        let next = u32::try_from(self.places.len()).unwrap_or(NONE);
        let id = *self.place_ids.entry((az, service)).or_insert(next);
        if id == next {
            self.places.push((az, service));
        }
        id
    }

    /// The id of address `s` (parsed the first time it is seen); [`NONE`] when it is none.
    fn addr(&mut self, s: Option<&'t str>) -> u32 {
        let Some(s) = s else { return NONE };
        if let Some((_, id)) = self.last_addrs.iter().flatten().find(|(x, _)| *x == s) {
            return *id;
        }
        if let Some(&id) = self.addr_ids.get(s) {
            self.last_addrs.rotate_right(1);
            if let Some(slot) = self.last_addrs.first_mut() {
                *slot = Some((s, id));
            }
            return id;
        }
        // One id per address however it is written (`::1`, `0::1`, `::A`, `::a`): ids
        // compare as addresses. An IPv4 address has one spelling (the parser takes no
        // leading zeros), so only IPv6 ones are looked up by value.
        let next = u32::try_from(self.addrs.len()).unwrap_or(NONE);
        let id = match s.parse::<IpAddr>() {
            Ok(a @ IpAddr::V4(_)) => {
                self.addrs.push(a);
                next
            }
            Ok(a @ IpAddr::V6(_)) => {
                let id = *self.by_addr.entry(a).or_insert(next);
                if id == next {
                    self.addrs.push(a);
                }
                id
            }
            Err(_) => NONE,
        };
        self.addr_ids.insert(s, id);
        id
    }

    fn id(&mut self, s: Option<&'t str>) -> u32 {
        match s {
            None | Some("-") => NONE,
            Some(s) => {
                if let Some((x, id)) = self.last_id {
                    if x == s {
                        return id;
                    }
                }
                if let Some(&id) = self.ids.get(s) {
                    self.last_id = Some((s, id));
                    return id;
                }
                let id = u32::try_from(self.names.len()).unwrap_or(NONE);
                self.names.push(s.to_owned());
                self.ids.insert(s, id);
                id
            }
        }
    }
}

fn flow<'t>(
    i: u32,
    get: &dyn Fn(usize) -> Option<&'t str>,
    intern: &mut Interner<'t>,
    has: &mut Has,
    pos: &[Option<usize>; 19],
) -> (Flow, (u32, u32)) {
    let (src, dst) = (intern.addr(get(1)), intern.addr(get(2)));
    let (ps, pd) = (intern.addr(get(3)), intern.addr(get(4)));
    has.pkt |= pos[3].is_some() && pos[4].is_some();
    has.flags |= pos[14].is_some();
    has.direction |= pos[15].is_some();
    has.az |= pos[16].is_some();
    has.path |= pos[17].is_some();
    has.service |= pos[18].is_some();
    let (start, end) = times(num(get(10)).unwrap_or(0), num(get(11)).unwrap_or(0));
    let (az, service) = (intern.id(get(16)), intern.id(get(18)));
    let flow = Flow {
        row: i,
        eni: intern.id(get(0)),
        psrc: if ps == NONE { src } else { ps },
        pdst: if pd == NONE { dst } else { pd },
        sport: num(get(5)).unwrap_or(0),
        dport: num(get(6)).unwrap_or(0),
        proto: num(get(7)).unwrap_or(255),
        action: match get(12) {
            Some("ACCEPT") => Act::Accept,
            Some("REJECT") => Act::Reject,
            _ => Act::None,
        },
        status: match get(13) {
            Some("NODATA") => Status::NoData,
            Some("SKIPDATA") => Status::SkipData,
            _ => Status::Ok,
        },
        dir: match get(15) {
            Some("ingress") => Dir::In,
            Some("egress") => Dir::Out,
            _ => Dir::Unknown,
        },
        flags: num(get(14)),
        path: num(get(17)),
        start,
        end,
        place: intern.place(az, service),
        packets: num(get(8)).unwrap_or(0),
        bytes: num(get(9)).unwrap_or(0),
    };
    (flow, (src, dst))
}

/// Works out each interface's own address — `srcaddr` of what leaves it and `dstaddr`
/// of what arrives (AWS: always its primary private IPv4), from `flow-direction` when
/// the records have it, else the address found in the most of its records — and then
/// the direction of every record that has no `flow-direction`.
fn own_addresses(out: &mut Flows) {
    // Per interface (interned ids are dense: a vector, not a map), a few counters in the
    // manner of Misra–Gries: the interface's own address is in nearly every record, so
    // it is kept and counted exactly enough to win; one small array per interface.
    const K: usize = 8;
    let mut counters: Vec<[(u32, u32); K]> = vec![[(NONE, 0); K]; out.names.len()];
    for (i, f) in out.flows.iter().enumerate().filter(|(_, f)| f.eni != NONE) {
        let Some(slots) = counters.get_mut(f.eni as usize) else {
            continue;
        };
        let own = match f.dir {
            Dir::Out => [out.src(i), NONE],
            Dir::In => [out.dst(i), NONE],
            Dir::Unknown => [out.src(i), out.dst(i)],
        };
        for a in own.into_iter().filter(|&a| a != NONE) {
            if let Some(slot) = slots.iter_mut().find(|(x, _)| *x == a) {
                slot.1 += 1;
            } else if let Some(slot) = slots.iter_mut().find(|(x, _)| *x == NONE) {
                *slot = (a, 1);
            } else {
                for slot in slots.iter_mut() {
                    slot.1 -= 1;
                    if slot.1 == 0 {
                        slot.0 = NONE;
                    }
                }
            }
        }
    }
    let mut own_of: Vec<u32> = vec![NONE; counters.len()];
    for (eni, slots) in counters.iter().enumerate() {
        // Most counted; ties to the lower address (a stable answer).
        let best = slots
            .iter()
            .filter_map(|&(a, n)| out.addrs.get(a as usize).map(|ip| (a, *ip, n)))
            .max_by(|x, y| x.2.cmp(&y.2).then(y.1.cmp(&x.1)));
        if let (Some((a, addr, _)), Ok(id)) = (best, u32::try_from(eni)) {
            out.own.insert(id, addr);
            out.owner.entry(addr).or_insert(id);
            if let Some(o) = own_of.get_mut(eni) {
                *o = a;
            }
        }
    }
    out.own_ids.clone_from(&own_of);
    for i in 0..out.flows.len() {
        let (src, dst) = (out.src(i), out.dst(i));
        let Some(f) = out.flows.get_mut(i) else { continue };
        if f.dir == Dir::Unknown {
            let own = own_of.get(f.eni as usize).copied().unwrap_or(NONE);
            f.dir = if own == NONE {
                Dir::Unknown
            } else if src == own {
                Dir::Out
            } else if dst == own {
                Dir::In
            } else {
                Dir::Unknown
            };
        }
    }
}

/// Whether `a` is a private address: RFC 1918, shared (RFC 6598), or IPv6 unique local.
#[must_use]
pub fn private(a: IpAddr) -> bool {
    match a {
        IpAddr::V4(v4) => v4.is_private() || (v4.octets()[0] == 100 && (v4.octets()[1] & 0xC0) == 64),
        IpAddr::V6(v6) => (v6.segments()[0] & 0xFE00) == 0xFC00,
    }
}
