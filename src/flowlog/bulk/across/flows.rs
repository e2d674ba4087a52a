//! The records as the analysis across records reads them: one compact [`Flow`] per
//! record, with the interfaces' own addresses worked out from the records themselves.

use std::net::IpAddr;

use foldhash::fast::FixedState;
use std::collections::HashMap;

use crate::fields::FieldName as F;
use crate::flowlog::bulk::index::Table;

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

/// One record, reduced to what the analysis reads. Strings (interface, AZ, subnet,
/// service) are interned: [`Flows::names`] holds them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flow {
    /// Its row in the table (line = row + 1).
    pub row: u32,
    /// The interface (or resource) that recorded it.
    pub eni: u32,
    /// `srcaddr`, `dstaddr` (as the interface sees them).
    pub src: Option<IpAddr>,
    /// See `src`.
    pub dst: Option<IpAddr>,
    /// The packet's own addresses: `pkt-srcaddr`/`pkt-dstaddr` when the format has them,
    /// else `srcaddr`/`dstaddr`.
    pub psrc: Option<IpAddr>,
    /// See `psrc`.
    pub pdst: Option<IpAddr>,
    /// Ports (0 when absent).
    pub sport: u16,
    /// See `sport`.
    pub dport: u16,
    /// IANA protocol number (255 when absent).
    pub proto: u8,
    /// `packets`.
    pub packets: u64,
    /// `bytes`.
    pub bytes: u64,
    /// `start` (Unix seconds).
    pub start: i64,
    /// `end`.
    pub end: i64,
    /// `action`.
    pub action: Act,
    /// `log-status`.
    pub status: Status,
    /// `tcp-flags` (`None` when absent).
    pub flags: Option<u8>,
    /// `flow-direction`, else worked out from the interface's own address.
    pub dir: Dir,
    /// `az-id` (interned; [`NONE`] when absent).
    pub az: u32,
    /// `subnet-id`.
    pub subnet: u32,
    /// `traffic-path` (`None` when absent or `-`).
    pub path: Option<u8>,
    /// `pkt-dst-aws-service`.
    pub dst_service: u32,
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
    /// Each interface's own (primary private) address, by interned interface.
    pub own: HashMap<u32, IpAddr, FixedState>,
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
    /// The interned string `id` (empty for [`NONE`]).
    #[must_use]
    pub fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("", String::as_str)
    }
}

const FIELDS: [F; 20] = [
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
    F::SubnetId,
    F::TrafficPath,
    F::PktDstAwsService,
];

fn ip(v: Option<&str>) -> Option<IpAddr> {
    v.and_then(|s| s.parse().ok())
}

fn num<T: std::str::FromStr>(v: Option<&str>) -> Option<T> {
    v.and_then(|s| s.parse().ok())
}

/// Reads every record of `table` (`rows`: the rows to read, all when `None`).
#[must_use]
pub fn read(table: &Table, rows: Option<&[u32]>) -> Flows {
    let positions: Vec<[Option<usize>; 20]> = table.formats().iter().map(|f| FIELDS.map(|x| f.position(x))).collect();
    let mut out = Flows::default();
    let mut intern = Interner::default();
    let all: Vec<u32>;
    let rows = match rows {
        Some(r) => r,
        None => {
            all = (0..u32::try_from(table.rows().len()).unwrap_or(u32::MAX)).collect();
            &all
        }
    };
    out.flows.reserve(rows.len());
    for &i in rows {
        let Some(row) = table.rows().get(i as usize) else {
            continue;
        };
        if !row.kind.is_record() {
            continue;
        }
        let Some(pos) = positions.get(usize::from(row.format)) else {
            continue;
        };
        let get = |k: usize| -> Option<&str> { table.raw_at(row, pos.get(k).copied().flatten()) };
        let flow = flow(i, &get, &mut intern, &mut out.has, pos);
        out.flows.push(flow);
    }
    out.names = intern.names;
    own_addresses(&mut out);
    out
}

/// Strings seen, each once.
#[derive(Default)]
struct Interner<'t> {
    ids: HashMap<&'t str, u32, FixedState>,
    names: Vec<String>,
}

impl<'t> Interner<'t> {
    fn id(&mut self, s: Option<&'t str>) -> u32 {
        match s {
            None | Some("-") => NONE,
            Some(s) => {
                if let Some(&id) = self.ids.get(s) {
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
    pos: &[Option<usize>; 20],
) -> Flow {
    let (src, dst) = (ip(get(1)), ip(get(2)));
    let (ps, pd) = (ip(get(3)), ip(get(4)));
    has.pkt |= pos[3].is_some() && pos[4].is_some();
    has.flags |= pos[14].is_some();
    has.direction |= pos[15].is_some();
    has.az |= pos[16].is_some();
    has.path |= pos[18].is_some();
    has.service |= pos[19].is_some();
    Flow {
        row: i,
        eni: intern.id(get(0)),
        src,
        dst,
        psrc: ps.or(src),
        pdst: pd.or(dst),
        sport: num(get(5)).unwrap_or(0),
        dport: num(get(6)).unwrap_or(0),
        proto: num(get(7)).unwrap_or(255),
        packets: num(get(8)).unwrap_or(0),
        bytes: num(get(9)).unwrap_or(0),
        start: num(get(10)).unwrap_or(0),
        end: num(get(11)).unwrap_or(0),
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
        flags: num(get(14)),
        dir: match get(15) {
            Some("ingress") => Dir::In,
            Some("egress") => Dir::Out,
            _ => Dir::Unknown,
        },
        az: intern.id(get(16)),
        subnet: intern.id(get(17)),
        path: num(get(18)),
        dst_service: intern.id(get(19)),
    }
}

/// Works out each interface's own address — `srcaddr` of what leaves it and `dstaddr`
/// of what arrives (AWS: always its primary private IPv4), from `flow-direction` when
/// the records have it, else the address found in the most of its records — and then
/// the direction of every record that has no `flow-direction`.
fn own_addresses(out: &mut Flows) {
    let mut counts: HashMap<(u32, IpAddr), u32, FixedState> = HashMap::with_hasher(FixedState::default());
    for f in out.flows.iter().filter(|f| f.eni != NONE) {
        let own = match f.dir {
            Dir::Out => f.src.into_iter().collect::<Vec<_>>(),
            Dir::In => f.dst.into_iter().collect(),
            Dir::Unknown => f.src.into_iter().chain(f.dst).collect(),
        };
        for a in own {
            *counts.entry((f.eni, a)).or_default() += 1;
        }
    }
    let mut best: HashMap<u32, (IpAddr, u32), FixedState> = HashMap::with_hasher(FixedState::default());
    for ((eni, addr), n) in counts {
        let e = best.entry(eni).or_insert((addr, 0));
        // Most records; ties to the lower address (a stable answer).
        if n > e.1 || (n == e.1 && addr < e.0) {
            *e = (addr, n);
        }
    }
    for (eni, (addr, _)) in best {
        out.own.insert(eni, addr);
        out.owner.entry(addr).or_insert(eni);
    }
    for f in &mut out.flows {
        if f.dir == Dir::Unknown {
            let own = out.own.get(&f.eni).copied();
            f.dir = match (own, f.src, f.dst) {
                (Some(o), Some(s), _) if s == o => Dir::Out,
                (Some(o), _, Some(d)) if d == o => Dir::In,
                _ => Dir::Unknown,
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
