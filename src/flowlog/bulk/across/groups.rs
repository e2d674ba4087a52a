//! Who talks to whom: records grouped by one or two fields with their records, packets
//! and bytes; and the flow map — conversations as a Sankey diagram (sources →
//! destination port → destinations, the largest few and "other"), laid out here so the
//! page only draws it.

use std::collections::HashMap;
use std::net::IpAddr;

use foldhash::fast::FixedState;
use serde::{Deserialize, Serialize};

use crate::fields::FieldName;
use crate::flowlog::bulk::across::conversations::Conversation;
use crate::flowlog::bulk::index::Table;

/// One group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// The values of the grouping fields, as written (`-` when absent).
    pub key: Vec<String>,
    /// Records.
    pub records: u64,
    /// Sum of `packets`.
    pub packets: u64,
    /// Sum of `bytes`.
    pub bytes: u64,
}

impl Group {
    /// The filter that keeps exactly this group's records: `within` (the filter of the
    /// records grouped) and the group's values by `fields`, each as written
    /// (`srcaddr:10.0.0.1 dstport:443`), those `within` already has left out.
    #[must_use]
    pub fn filter(&self, fields: &[FieldName], within: &str) -> String {
        let mut terms: Vec<String> = within.split_whitespace().map(str::to_owned).collect();
        for (f, v) in fields.iter().zip(&self.key) {
            let term = format!("{}:{v}", f.as_str());
            if !terms.contains(&term) {
                terms.push(term);
            }
        }
        terms.join(" ")
    }
}

/// The fields offered for grouping, in menu order.
pub const GROUP_FIELDS: [FieldName; 16] = [
    FieldName::Srcaddr,
    FieldName::Dstaddr,
    FieldName::Dstport,
    FieldName::Srcport,
    FieldName::Protocol,
    FieldName::InterfaceId,
    FieldName::SubnetId,
    FieldName::AzId,
    FieldName::VpcId,
    FieldName::InstanceId,
    FieldName::Action,
    FieldName::LogStatus,
    FieldName::FlowDirection,
    FieldName::TrafficPath,
    FieldName::PktSrcAwsService,
    FieldName::PktDstAwsService,
];

/// Groups `rows` of `table` by the values of `fields` (one or two), largest bytes first.
/// Every record counts: a flow two interfaces saw is in two records.
#[must_use]
pub fn group_by(table: &Table, rows: &[u32], fields: &[FieldName]) -> Vec<Group> {
    let positions: Vec<Vec<Option<usize>>> = table
        .formats()
        .iter()
        .map(|f| fields.iter().map(|x| f.position(*x)).collect())
        .collect();
    let counters: Vec<(Option<usize>, Option<usize>)> = table
        .formats()
        .iter()
        .map(|f| (f.position(FieldName::Packets), f.position(FieldName::Bytes)))
        .collect();
    let mut map: HashMap<Vec<&str>, (u64, u64, u64), FixedState> = HashMap::with_hasher(FixedState::default());
    for row in rows.iter().filter_map(|&i| table.rows().get(i as usize)) {
        if !row.kind.is_record() {
            continue;
        }
        let format = usize::from(row.format);
        let Some(pos) = positions.get(format) else { continue };
        let key: Vec<&str> = pos.iter().map(|p| table.raw_at(row, *p).unwrap_or("-")).collect();
        let (pp, bp) = counters.get(format).copied().unwrap_or((None, None));
        let n = |p: Option<usize>| table.raw_at(row, p).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
        let e = map.entry(key).or_default();
        e.0 += 1;
        e.1 = e.1.saturating_add(n(pp));
        e.2 = e.2.saturating_add(n(bp));
    }
    let mut out: Vec<Group> = map
        .into_iter()
        .map(|(key, (records, packets, bytes))| Group {
            key: key.into_iter().map(str::to_owned).collect(),
            records,
            packets,
            bytes,
        })
        .collect();
    out.sort_by(|a, b| {
        b.bytes
            .cmp(&a.bytes)
            .then(b.records.cmp(&a.records))
            .then(a.key.cmp(&b.key))
    });
    out
}

/// A node of the flow map.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    /// 0 sources, 1 destination ports, 2 destinations.
    pub column: u8,
    /// An address, `proto/port`, or empty for "other".
    pub label: String,
    /// Bytes through it.
    pub bytes: u64,
    /// Position and height, in the map's units.
    pub x: u32,
    /// See `x`.
    pub y: u32,
    /// See `x`.
    pub h: u32,
    /// Whether its label is written beside it: not when it would run into the label of a
    /// larger node just above (thin nodes stacked together); its title still names it.
    pub labelled: bool,
}

/// A band between two nodes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Band {
    /// Index of its left node.
    pub from: usize,
    /// Index of its right node.
    pub to: usize,
    /// Bytes.
    pub bytes: u64,
    /// The SVG path (`d`) of its centre line, and its width.
    pub path: String,
    /// See `path`.
    pub width: u32,
    /// Its conversations (indices into the analysis's conversations), for its filter.
    pub conversations: Vec<u32>,
}

/// The flow map.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlowMap {
    /// Size, in SVG units.
    pub width: u32,
    /// See `width`.
    pub height: u32,
    /// The nodes, column by column, largest first, "other" last.
    pub nodes: Vec<Node>,
    /// The bands.
    pub bands: Vec<Band>,
}

/// Nodes shown per column before the rest become "other".
pub const TOP: usize = 8;
const WIDTH: u32 = 900;
const HEIGHT: u32 = 420;
const NODE_W: u32 = 14;
const PAD: u32 = 8;
/// The least distance between the middles of two labels of a column, in the map's units
/// (the page writes them 11 units high).
pub const LABEL_GAP: u32 = 13;

/// Lays out the conversations as a flow map: client → server port → server, weighted by
/// the bytes of both directions.
#[must_use]
pub fn flow_map(convs: &[Conversation]) -> FlowMap {
    if convs.is_empty() {
        return FlowMap::default();
    }
    let weight = |c: &Conversation| c.request.bytes.saturating_add(c.reply.bytes).max(1);
    // Each column's values as numbers (labels only for the few shown).
    let wide = |a: IpAddr| match a {
        IpAddr::V4(v4) => u128::from(v4.to_ipv6_mapped()),
        IpAddr::V6(v6) => u128::from(v6),
    };
    let keys = |c: &Conversation| -> [u128; 3] {
        [
            wide(c.client.addr),
            (u128::from(c.proto) << 16) | u128::from(c.server.port),
            wide(c.server.addr),
        ]
    };
    let mut sums: [HashMap<u128, (u64, usize), FixedState>; 3] = Default::default();
    for (i, c) in convs.iter().enumerate() {
        for (col, k) in keys(c).into_iter().enumerate() {
            if let Some(m) = sums.get_mut(col) {
                let e = m.entry(k).or_insert((0, i));
                e.0 = e.0.saturating_add(weight(c));
            }
        }
    }
    // The largest few of each column, with a conversation that names them.
    let label = |col: usize, i: usize| -> String {
        convs.get(i).map_or_else(String::new, |c| match col {
            0 => c.client.addr.to_string(),
            1 => format!("{}/{}", protocol_name(c.proto), c.server.port),
            _ => c.server.addr.to_string(),
        })
    };
    let mut labels: Vec<(u8, String)> = Vec::new();
    let mut index: [HashMap<u128, usize, FixedState>; 3] = Default::default();
    for (col, m) in sums.iter().enumerate() {
        let mut list: Vec<(u128, u64, usize)> = m.iter().map(|(k, (b, i))| (*k, *b, *i)).collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for (k, _, i) in list.into_iter().take(TOP) {
            if let Some(ix) = index.get_mut(col) {
                ix.insert(k, labels.len());
            }
            labels.push((u8::try_from(col).unwrap_or(0), label(col, i)));
        }
    }
    let mut other = [usize::MAX; 3];
    let mut node_of = |labels: &mut Vec<(u8, String)>, col: usize, k: u128| -> usize {
        if let Some(&i) = index.get(col).and_then(|m| m.get(&k)) {
            return i;
        }
        match other.get_mut(col) {
            Some(s) if *s != usize::MAX => *s,
            Some(s) => {
                labels.push((u8::try_from(col).unwrap_or(0), String::new()));
                *s = labels.len() - 1;
                *s
            }
            None => 0,
        }
    };
    let mut links: Links = HashMap::with_hasher(FixedState::default());
    for (i, c) in convs.iter().enumerate() {
        let [ks, kp, kd] = keys(c);
        let s = node_of(&mut labels, 0, ks);
        let p = node_of(&mut labels, 1, kp);
        let d = node_of(&mut labels, 2, kd);
        let ci = u32::try_from(i).unwrap_or(u32::MAX);
        for pair in [(s, p), (p, d)] {
            let e = links.entry(pair).or_default();
            e.0 = e.0.saturating_add(weight(c));
            e.1.push(ci);
        }
    }
    layout(&labels, links)
}

fn protocol_name(proto: u8) -> String {
    etherparse::IpNumber(proto)
        .keyword_str()
        .map_or_else(|| proto.to_string(), str::to_ascii_lowercase)
}

/// Bands being built: (left node, right node) → (bytes, conversations).
type Links = HashMap<(usize, usize), (u64, Vec<u32>), FixedState>;

/// Heights proportional to bytes; each column fills the height, nodes stacked with gaps.
fn layout(labels: &[(u8, String)], links: Links) -> FlowMap {
    let mut through = vec![0u64; labels.len()];
    for (&(a, b), (bytes, _)) in &links {
        // A node's size: the larger of what enters and what leaves it.
        if let Some(t) = through.get_mut(a) {
            *t = t.saturating_add(*bytes);
        }
        if let Some(t) = through.get_mut(b) {
            *t = t.saturating_add(*bytes);
        }
    }
    // Middle nodes were counted in and out: halve them.
    for (i, (col, _)) in labels.iter().enumerate() {
        if *col == 1 {
            if let Some(t) = through.get_mut(i) {
                *t /= 2;
            }
        }
    }
    let total: u64 = labels
        .iter()
        .zip(&through)
        .filter(|((c, _), _)| *c == 0)
        .map(|(_, t)| *t)
        .fold(0u64, u64::saturating_add)
        .max(1);
    let mut nodes: Vec<Node> = Vec::with_capacity(labels.len());
    let mut y_next = [PAD; 3];
    let count = |col: u8| u32::try_from(labels.iter().filter(|(c, _)| *c == col).count()).unwrap_or(1);
    for (i, (col, label)) in labels.iter().enumerate() {
        let n = count(*col).max(1);
        let usable = HEIGHT.saturating_sub(PAD * (n + 1));
        let bytes = through.get(i).copied().unwrap_or(0);
        let h = u32::try_from((u128::from(bytes) * u128::from(usable) / u128::from(total)).min(u128::from(usable)))
            .unwrap_or(usable)
            .max(2);
        let x = match col {
            0 => 0,
            1 => (WIDTH - NODE_W) / 2,
            _ => WIDTH - NODE_W,
        };
        let slot = usize::from(*col).min(2);
        let y = y_next.get(slot).copied().unwrap_or(PAD);
        if let Some(next) = y_next.get_mut(slot) {
            *next = y + h + PAD;
        }
        nodes.push(Node {
            column: *col,
            label: label.clone(),
            bytes,
            x,
            y,
            h,
            labelled: false,
        });
    }
    // Labels top down in each column, each far enough below the last one written.
    let mut last_label: [Option<u32>; 3] = [None; 3];
    for node in &mut nodes {
        let middle = node.y + node.h / 2;
        if let Some(last) = last_label.get_mut(usize::from(node.column).min(2)) {
            if last.is_none_or(|l| middle >= l + LABEL_GAP) {
                node.labelled = true;
                *last = Some(middle);
            }
        }
    }
    // Bands leave and enter their nodes stacked in the order of the nodes at the other end.
    let mut list: Vec<_> = links.into_iter().collect();
    list.sort_by_key(|((a, b), _)| (*a, *b));
    let mut out_off = vec![0u32; nodes.len()];
    let mut in_off = vec![0u32; nodes.len()];
    let mut bands = Vec::with_capacity(list.len());
    for ((a, b), (bytes, conversations)) in list {
        let (Some(na), Some(nb)) = (nodes.get(a), nodes.get(b)) else {
            continue;
        };
        let scale = |node: &Node| -> u32 {
            let frac = u128::from(bytes) * u128::from(node.h) / u128::from(node.bytes.max(1));
            u32::try_from(frac.min(u128::from(node.h))).unwrap_or(node.h).max(1)
        };
        let width = scale(na).min(scale(nb));
        let y0 = na.y + out_off.get(a).copied().unwrap_or(0) + width / 2;
        let y1 = nb.y + in_off.get(b).copied().unwrap_or(0) + width / 2;
        if let Some(o) = out_off.get_mut(a) {
            *o += width;
        }
        if let Some(o) = in_off.get_mut(b) {
            *o += width;
        }
        let (x0, x1) = (na.x + NODE_W, nb.x);
        let mid = (x0 + x1) / 2;
        bands.push(Band {
            from: a,
            to: b,
            bytes,
            path: format!("M{x0} {y0}C{mid} {y0} {mid} {y1} {x1} {y1}"),
            width,
            conversations,
        });
    }
    FlowMap {
        width: WIDTH,
        height: HEIGHT,
        nodes,
        bands,
    }
}

/// Groups as CSV (RFC 4180): the grouping fields, records, packets, bytes.
#[must_use]
pub fn csv(fields: &[FieldName], groups: &[Group]) -> String {
    use crate::flowlog::bulk::export::csv_field;
    let mut out: String = fields.iter().map(|f| f.as_str()).collect::<Vec<_>>().join(",");
    out.push_str(",records,packets,bytes\r\n");
    for g in groups {
        let key: Vec<String> = g.key.iter().map(|k| csv_field(k)).collect();
        out.push_str(&key.join(","));
        out.push_str(&format!(",{},{},{}\r\n", g.records, g.packets, g.bytes));
    }
    out
}
