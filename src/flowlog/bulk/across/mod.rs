//! Across records: what no single record says — conversations and their verdicts,
//! findings (scans, quiet interfaces, skipped records, blocked replies…), who talks to
//! whom and what it costs, and the least rules the traffic needs. Computed over a
//! [`Table`] (in the file worker for files); the page gets an [`Report`] and asks for
//! groups and rules when it shows them.

pub mod conversations;
pub mod cost;
pub mod findings;
pub mod flows;
pub mod groups;
pub mod rules;

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use crate::flowlog::bulk::index::Table;

use conversations::{Conversations, End, Tally, Verdict};
use cost::Costs;
use findings::{Finding, Found};
use flows::{Flows, Has, NONE};
use groups::FlowMap;

/// Conversations a report carries (problems first, then the largest); the counts are
/// always of all of them.
pub const REPORT_CONVERSATIONS: usize = 200;
/// Line numbers a conversation in a report lists (its count is exact).
pub const REPORT_LINES: usize = 24;

/// Everything worked out across the records of one input.
#[derive(Debug, Default)]
pub struct Analysis {
    /// The records as read.
    pub flows: Flows,
    /// The conversations, in order of first record.
    pub conversations: Conversations,
    /// The findings.
    pub findings: Vec<Found>,
    /// The flow map of all conversations.
    pub flow_map: FlowMap,
    /// Findings not listed, by kind (see [`findings::PER_KIND`]).
    pub left_out: Vec<(String, usize)>,
}

/// Works everything out for `rows` of `table` (all rows when `None`); `now` in Unix
/// seconds (records later than it are odd).
#[must_use]
pub fn analyse(table: &Table, rows: Option<&[u32]>, now: i64) -> Analysis {
    let flows = flows::read(table, rows);
    let conversations = conversations::build(&flows);
    let (findings, left_out) = findings::cap(findings::find(&flows, &conversations, now));
    let flow_map = groups::flow_map(&conversations);
    Analysis {
        flows,
        conversations,
        findings,
        flow_map,
        left_out,
    }
}

/// A verdict with the interfaces it names spelled out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerdictOut {
    /// `ok`, `nacl-reply`, `rejected`, `no-response`, `one-sided`.
    pub key: String,
    /// The interface it names (the one that rejected, or the one whose records are missing).
    pub eni: String,
    /// The rejection was on the way out of that interface.
    pub out: bool,
    /// That interface is the server's.
    pub at_server: bool,
    /// The missing interface wrote SKIPDATA then.
    pub skipdata: bool,
}

/// A conversation as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationOut {
    /// Its number in the analysis (for its filter, `conv:<id>`).
    pub id: u32,
    /// Who opened it.
    pub client: End,
    /// Who answered.
    pub server: End,
    /// IANA protocol number.
    pub proto: u8,
    /// The interfaces that recorded it.
    pub enis: Vec<String>,
    /// A NAT gateway's (or other middle) interface, when one was in between.
    pub via: Option<String>,
    /// Request packets and bytes.
    pub request: Tally,
    /// Reply packets and bytes.
    pub reply: Tally,
    /// First start, last end.
    pub first: i64,
    /// See `first`.
    pub last: i64,
    /// Its first lines (1-based), up to [`REPORT_LINES`].
    pub lines: Vec<u32>,
    /// How many records it has.
    pub records: usize,
    /// What the records say.
    pub verdict: VerdictOut,
}

/// A finding as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingOut {
    /// Its number (for its filter, `finding:<id>`).
    pub id: u32,
    /// What.
    pub finding: Finding,
    /// Its records.
    pub records: usize,
}

/// What the page shows of an analysis.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// Conversations by verdict key.
    pub verdicts: Vec<(String, usize)>,
    /// All conversations.
    pub conversations: usize,
    /// The ones shown (see [`REPORT_CONVERSATIONS`]).
    pub shown: Vec<ConversationOut>,
    /// Every finding (at most [`findings::PER_KIND`] of a kind).
    pub findings: Vec<FindingOut>,
    /// Findings not listed, by kind.
    pub left_out: Vec<(String, usize)>,
    /// The flow map.
    pub flow_map: FlowMap,
    /// Bytes between AZs, through NAT gateways, by traffic path.
    pub costs: Costs,
    /// Interfaces rules can be suggested for, with their conversations.
    pub servers: Vec<(String, usize)>,
    /// Which optional fields the records had.
    pub has: Has,
}

impl Analysis {
    fn verdict_out(&self, v: Verdict) -> VerdictOut {
        let name = |e: u32| {
            if e == NONE {
                String::new()
            } else {
                self.flows.name(e).to_owned()
            }
        };
        let mut out = VerdictOut {
            key: v.key().to_owned(),
            eni: String::new(),
            out: false,
            at_server: false,
            skipdata: false,
        };
        match v {
            Verdict::NaclReply { eni, out: o, at_server } => {
                out.eni = name(eni);
                out.out = o;
                out.at_server = at_server;
            }
            Verdict::Rejected { eni, out: o } => {
                out.eni = name(eni);
                out.out = o;
            }
            Verdict::OneSided { missing, skipdata } => {
                out.eni = name(missing);
                out.skipdata = skipdata;
            }
            Verdict::Ok | Verdict::NoResponse => {}
        }
        out
    }

    /// Conversation `id` as the page shows it.
    #[must_use]
    pub fn conversation_out(&self, id: usize) -> Option<ConversationOut> {
        let c = self.conversations.get(id)?;
        Some(ConversationOut {
            id: u32::try_from(id).ok()?,
            client: c.client,
            server: c.server,
            proto: c.proto,
            enis: self
                .conversations
                .enis(c)
                .iter()
                .map(|&e| self.flows.name(e).to_owned())
                .collect(),
            via: c.via.map(|e| self.flows.name(e).to_owned()),
            request: c.request,
            reply: c.reply,
            first: c.first,
            last: c.last,
            lines: self.conversations.rows(c).take(REPORT_LINES).map(|r| r + 1).collect(),
            records: Conversations::records(c),
            verdict: self.verdict_out(c.verdict),
        })
    }

    /// The report the page shows.
    #[must_use]
    pub fn report(&self) -> Report {
        // Counted under the static names, owned strings made once at the end.
        let mut counts: Vec<(&'static str, usize)> = Vec::new();
        for c in self.conversations.iter() {
            let key = c.verdict.key();
            match counts.iter_mut().find(|(k, _)| *k == key) {
                Some((_, n)) => *n += 1,
                None => counts.push((key, 1)),
            }
        }
        let verdicts: Vec<(String, usize)> = counts.into_iter().map(|(k, n)| (k.to_owned(), n)).collect();
        // Problems first (blocked replies, rejections, silence), then the largest.
        let rank = |v: Verdict| -> u8 {
            match v {
                Verdict::NaclReply { .. } => 0,
                Verdict::Rejected { .. } => 1,
                Verdict::OneSided { .. } => 2,
                Verdict::NoResponse => 3,
                Verdict::Ok => 4,
            }
        };
        // The first REPORT_CONVERSATIONS by that order: chosen in one pass, then sorted
        // (not a sort of every conversation).
        let key = |i: usize| {
            self.conversations.get(i).map_or((5, u64::MAX, i), |c| {
                (
                    rank(c.verdict),
                    u64::MAX - c.request.bytes.saturating_add(c.reply.bytes),
                    i,
                )
            })
        };
        let mut order: Vec<(u8, u64, usize)> = (0..self.conversations.len()).map(key).collect();
        if order.len() > REPORT_CONVERSATIONS {
            order.select_nth_unstable(REPORT_CONVERSATIONS);
            order.truncate(REPORT_CONVERSATIONS);
        }
        order.sort_unstable();
        let shown = order
            .into_iter()
            .filter_map(|(_, _, i)| self.conversation_out(i))
            .collect();
        let findings = self
            .findings
            .iter()
            .enumerate()
            .map(|(i, f)| FindingOut {
                id: u32::try_from(i).unwrap_or(u32::MAX),
                finding: f.finding.clone(),
                records: f.rows.len(),
            })
            .collect();
        Report {
            verdicts,
            conversations: self.conversations.len(),
            shown,
            findings,
            left_out: self.left_out.clone(),
            flow_map: self.flow_map.clone(),
            costs: cost::costs(&self.flows, &self.conversations),
            servers: rules::servers(&self.flows, &self.conversations),
            has: self.flows.has,
        }
    }

    /// The rows a set names: `finding:<id>`, `conv:<id>`, `band:<id>` (the flow map's band,
    /// all its conversations' records). Sorted.
    #[must_use]
    pub fn set(&self, name: &str, id: usize) -> Option<Vec<u32>> {
        let mut rows = match name {
            "finding" => self.findings.get(id)?.rows.clone(),
            "conv" => {
                let c = self.conversations.get(id)?;
                self.conversations.rows(c).collect()
            }
            "band" => self
                .flow_map
                .bands
                .get(id)?
                .conversations
                .iter()
                .filter_map(|&c| self.conversations.get(c as usize))
                .flat_map(|c| self.conversations.rows(c))
                .collect(),
            _ => return None,
        };
        rows.sort_unstable();
        rows.dedup();
        Some(rows)
    }

    /// Whether `addr` is an interface's own address in these records.
    #[must_use]
    pub fn is_interface(&self, addr: IpAddr) -> bool {
        self.flows.owner.contains_key(&addr)
    }
}
