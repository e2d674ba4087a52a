//! Totals over the rows of a [`Table`]: records, actions, packets and bytes, the top
//! talkers and ports, and bytes over time.

use std::cmp::Ordering;
use std::collections::HashMap;

use foldhash::fast::FixedState;

use crate::fields::FieldName as F;

use crate::flowlog::bulk::index::Table;

/// Totals over a set of rows.
#[derive(Clone, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    /// Records.
    pub records: usize,
    /// ACCEPT records.
    pub accepted: usize,
    /// REJECT records.
    pub rejected: usize,
    /// NODATA records.
    pub nodata: usize,
    /// SKIPDATA records.
    pub skipdata: usize,
    /// Lines with an error.
    pub errors: usize,
    /// Sum of `bytes`.
    pub bytes: u128,
    /// Sum of `packets`.
    pub packets: u128,
    /// Source addresses with the most bytes, most first (at most 5).
    pub top_talkers: Vec<(String, u128)>,
    /// Destination ports seen most often, most first (at most 5).
    pub top_ports: Vec<(u16, usize)>,
    /// Bytes per time bucket: (bucket start, bytes); up to 48 equal buckets.
    pub bytes_over_time: Vec<(i64, u128)>,
}

/// Summarises `rows` of `table`.
#[must_use]
pub fn summarize(table: &Table, rows: &[u32]) -> Summary {
    const FIELDS: [F; 7] = [
        F::Action,
        F::LogStatus,
        F::Bytes,
        F::Packets,
        F::Srcaddr,
        F::Dstport,
        F::Start,
    ];
    // Positions of the fields in each format, looked up once (not per row).
    let positions: Vec<[Option<usize>; 7]> = table.formats().iter().map(|f| FIELDS.map(|x| f.position(x))).collect();
    let mut s = Summary::default();
    // A log may have as many sources as records. IPv4 sources (nearly all) are
    // listed as (address, bytes) and summed after sorting: 8 bytes a record, where a
    // hash map of a million addresses takes four times that; a record of more than
    // 4 GiB (rare) goes to a list of its own, merged in the sums. Others go to a map.
    // Sums are 64-bit (saturating: 16 EiB from one source).
    let mut v4: Vec<(u32, u32)> = Vec::with_capacity(rows.len());
    let mut v4_big: Vec<(u32, u64)> = Vec::new();
    // A fast hash for short keys (addresses) nobody chooses to collide; std's SipHash
    // guards against that at several times the cost.
    let mut other: HashMap<&str, u64, FixedState> = HashMap::with_hasher(FixedState::default());
    let mut ports = vec![0usize; 65_536];
    // Bytes per second of `start`, for the time buckets: exact, and no list of a
    // million (time, bytes) pairs. Past its span (days) a second pass fills them.
    let mut seconds = Seconds::default();
    let mut span: Option<(i64, i64)> = None;
    for row in rows.iter().filter_map(|&i| table.rows().get(i as usize)) {
        if row.kind.is_error() {
            s.errors += 1;
        }
        if !row.kind.is_record() {
            continue;
        }
        let Some(&[action, status, bytes, packets, src, dport, start]) = positions.get(usize::from(row.format)) else {
            continue;
        };
        // The line and where its values start, found once for the seven lookups.
        let values = table.values(row);
        let raw = |pos: Option<usize>| values.get(pos?);
        let num = |pos| raw(pos).and_then(number);
        s.records += 1;
        match raw(action) {
            Some("ACCEPT") => s.accepted += 1,
            Some("REJECT") => s.rejected += 1,
            _ => {}
        }
        match raw(status) {
            Some("NODATA") => s.nodata += 1,
            Some("SKIPDATA") => s.skipdata += 1,
            _ => {}
        }
        let bytes = num(bytes).unwrap_or(0);
        s.bytes = s.bytes.saturating_add(bytes);
        s.packets = s.packets.saturating_add(num(packets).unwrap_or(0));
        if let Some(src) = raw(src).filter(|a| *a != "-") {
            let b = u64::try_from(bytes).unwrap_or(u64::MAX);
            match crate::flowlog::decode::value::plain_ipv4(src.as_bytes()) {
                Some(ip) => match u32::try_from(b) {
                    Ok(small) => v4.push((ip, small)),
                    Err(_) => v4_big.push((ip, b)),
                },
                None => {
                    let sum = other.entry(src).or_default();
                    *sum = sum.saturating_add(b);
                }
            }
        }
        if let Some(slot) = raw(dport)
            .and_then(|v| v.parse::<u16>().ok())
            .and_then(|p| ports.get_mut(usize::from(p)))
        {
            *slot += 1;
        }
        if let Some(t) = raw(start).and_then(|v| v.parse::<i64>().ok()) {
            span = Some(span.map_or((t, t), |(lo, hi)| (lo.min(t), hi.max(t))));
            seconds.add(t, bytes);
        }
    }
    v4.sort_unstable_by_key(|p| p.0);
    v4_big.sort_unstable_by_key(|p| p.0);
    let summed = sums(&v4, &v4_big).map(|(ip, b)| (Talker::V4(ip), b));
    let talkers = summed.chain(other.into_iter().map(|(a, b)| (Talker::Text(a), b)));
    s.top_talkers = top(talkers, 5)
        .into_iter()
        .map(|(a, b)| (a.to_string(), u128::from(b)))
        .collect();
    let ports: Vec<(u16, usize)> = ports
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(p, n)| (u16::try_from(p).unwrap_or(0), *n))
        .collect();
    s.top_ports = top(ports.into_iter(), 5);
    if let Some((min, max)) = span {
        s.bytes_over_time = match seconds.all() {
            Some(seconds) => bucketed(seconds, min, max, 48),
            None => buckets(table, rows, &positions, min, max, 48),
        };
    }
    s
}

/// Bytes per second of `start` over a span of at most [`Seconds::MAX`] seconds (it
/// grows as times come, doubling); gives up past it, or when a second's bytes would
/// pass 64 bits, and the buckets are then filled by a second pass over the rows.
#[derive(Default)]
struct Seconds {
    /// The second of `bytes[0]`.
    base: i64,
    bytes: Vec<u64>,
    gave_up: bool,
}

impl Seconds {
    /// Three days: 2 MiB of sums at most.
    const MAX: usize = 1 << 18;

    fn add(&mut self, t: i64, bytes: u128) {
        if self.gave_up {
            return;
        }
        let Ok(bytes) = u64::try_from(bytes) else {
            return self.give_up();
        };
        if self.bytes.is_empty() {
            self.base = t;
            self.bytes = vec![0; 64];
        }
        let len = i64::try_from(self.bytes.len()).unwrap_or(i64::MAX);
        let at = t.checked_sub(self.base);
        let at = match at {
            Some(at) if (0..len).contains(&at) => at,
            _ => {
                // Double (at least) towards `t`, keeping the sums already made. In 128 bits:
                // the span may run past either end of 64 bits.
                let (base, t128) = (i128::from(self.base), i128::from(t));
                let (lo, hi) = (base.min(t128), (base + i128::from(len)).max(t128 + 1));
                let Some(need) = usize::try_from(hi - lo).ok().filter(|n| *n <= Self::MAX) else {
                    return self.give_up();
                };
                let size = need.max(self.bytes.len() * 2).min(Self::MAX);
                // Room on the side `t` lies.
                let new_base = if t128 < base { hi - size as i128 } else { lo };
                let (Ok(shift), Ok(new_base)) = (usize::try_from(base - new_base), i64::try_from(new_base)) else {
                    return self.give_up();
                };
                let mut grown = vec![0u64; size];
                let Some(dst) = grown.get_mut(shift..shift + self.bytes.len()) else {
                    return self.give_up();
                };
                dst.copy_from_slice(&self.bytes);
                self.bytes = grown;
                self.base = new_base;
                i64::try_from(t128 - i128::from(new_base)).unwrap_or(-1)
            }
        };
        let Some(slot) = usize::try_from(at).ok().and_then(|i| self.bytes.get_mut(i)) else {
            return self.give_up();
        };
        match slot.checked_add(bytes) {
            Some(sum) => *slot = sum,
            None => self.give_up(),
        }
    }

    fn give_up(&mut self) {
        self.gave_up = true;
        self.bytes = Vec::new();
    }

    /// Every second with its bytes, if none was given up on. (Only seconds that had
    /// bytes are named: the vector may run past `i64::MAX`, its seconds never do.)
    fn all(&self) -> Option<impl Iterator<Item = (i64, u64)> + '_> {
        (!self.gave_up).then(|| {
            self.bytes
                .iter()
                .enumerate()
                .filter(|p| *p.1 > 0)
                .filter_map(|(i, &bytes)| {
                    let t = self.base.checked_add(i64::try_from(i).ok()?)?;
                    Some((t, bytes))
                })
        })
    }
}

/// The buckets of [`buckets`], from bytes per second.
fn bucketed(seconds: impl Iterator<Item = (i64, u64)>, min: i64, max: i64, n: i64) -> Vec<(i64, u128)> {
    let (width, mut out) = empty_buckets(min, max, n);
    for (t, bytes) in seconds {
        #[allow(clippy::cast_sign_loss, reason = "t >= min: the difference is not negative")]
        let i = usize::try_from((t.wrapping_sub(min) as u64) / width).unwrap_or(0);
        if let Some(slot) = out.get_mut(i) {
            slot.1 = slot.1.saturating_add(u128::from(bytes));
        }
    }
    out
}

/// The time buckets from `min` to `max`: `n` equal ones (fewer for a short span), each
/// with no bytes yet, and their width in seconds.
fn empty_buckets(min: i64, max: i64, n: i64) -> (u64, Vec<(i64, u128)>) {
    // In 128 bits: lines with errors can hold any 64-bit time, and max − min of two
    // such would overflow.
    let (min, max, n) = (i128::from(min), i128::from(max), i128::from(n.max(1)));
    let width = ((max - min) / n + 1).max(1);
    let count = usize::try_from((max - min) / width + 1).unwrap_or(1);
    let out = (0..count)
        .map(|i| {
            let at = min + width * i128::try_from(i).unwrap_or(0);
            (i64::try_from(at).unwrap_or(i64::MAX), 0)
        })
        .collect();
    (u64::try_from(width).unwrap_or(u64::MAX), out)
}

/// The bytes of each address of two lists sorted by address, in address order.
fn sums<'a, B: Copy + Into<u64> + 'a, C: Copy + Into<u64> + 'a>(
    one: &'a [(u32, B)],
    other: &'a [(u32, C)],
) -> impl Iterator<Item = (u32, u64)> + 'a {
    fn runs<B: Copy + Into<u64>>(list: &[(u32, B)]) -> impl Iterator<Item = (u32, u64)> + '_ {
        list.chunk_by(|a, b| a.0 == b.0).filter_map(|run| {
            let ip = run.first()?.0;
            Some((ip, run.iter().fold(0u64, |sum, p| sum.saturating_add(p.1.into()))))
        })
    }
    let (mut a, mut b) = (runs(one).peekable(), runs(other).peekable());
    std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(x), Some(y)) if x.0 == y.0 => {
            let (x, y) = (a.next()?, b.next()?);
            Some((x.0, x.1.saturating_add(y.1)))
        }
        (Some(x), Some(y)) if x.0 < y.0 => a.next(),
        (Some(_), None) => a.next(),
        _ => b.next(),
    })
}

/// A count (`bytes`, `packets`) as [`str::parse`] reads it into a `u128`, without 128-bit
/// arithmetic for the values that fit in 19 digits (all valid ones: a library call per
/// digit on wasm32).
fn number(raw: &str) -> Option<u128> {
    if raw.len() <= 19 && !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_digit()) {
        Some(u128::from(raw.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'))))
    } else {
        raw.parse::<u128>().ok()
    }
}

/// A source address in the summary: ordered (on equal bytes) by its text, as shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Talker<'a> {
    V4(u32),
    Text(&'a str),
}

impl std::fmt::Display for Talker<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Talker::V4(ip) => std::net::Ipv4Addr::from(*ip).fmt(f),
            Talker::Text(t) => f.write_str(t),
        }
    }
}

impl Ord for Talker<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        // Only reached on equal byte counts: formatting here is rare.
        self.to_string().cmp(&other.to_string())
    }
}

impl PartialOrd for Talker<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The `k` entries with the largest counts, largest first (ties: smallest key first),
/// keeping only `k` at a time.
fn top<K: Ord + Copy, V: Ord + Copy>(items: impl Iterator<Item = (K, V)>, k: usize) -> Vec<(K, V)> {
    let order = |a: &(K, V), b: &(K, V)| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0));
    let mut best: Vec<(K, V)> = Vec::with_capacity(k + 1);
    for item in items {
        if best.len() < k || best.last().is_some_and(|w| order(&item, w).is_lt()) {
            let at = best.partition_point(|b| order(b, &item).is_lt());
            best.insert(at, item);
            best.truncate(k);
        }
    }
    best
}

/// Bytes per time bucket: `n` equal buckets from `min` to `max` (by each record's start).
fn buckets(
    table: &Table,
    rows: &[u32],
    positions: &[[Option<usize>; 7]],
    min: i64,
    max: i64,
    n: i64,
) -> Vec<(i64, u128)> {
    let (width64, mut out) = empty_buckets(min, max, n);
    for row in rows.iter().filter_map(|&i| table.rows().get(i as usize)) {
        let Some(&[_, _, bytes, _, _, _, start]) = positions.get(usize::from(row.format)) else {
            continue;
        };
        let Some(t) = table.raw_at(row, start).and_then(|v| v.parse::<i64>().ok()) else {
            continue;
        };
        let bytes = table.raw_at(row, bytes).and_then(number).unwrap_or(0);
        // In 64 bits (128-bit division is a library call on wasm32, per row): t ≥ min,
        // so t − min fits in u64.
        #[allow(clippy::cast_sign_loss, reason = "t >= min: the difference is not negative")]
        let i = usize::try_from((t.wrapping_sub(min) as u64) / width64).unwrap_or(0);
        if let Some(slot) = out.get_mut(i) {
            slot.1 = slot.1.saturating_add(bytes);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::number;

    #[test]
    fn ok_sums_merge_both_lists_by_address() {
        let small: [(u32, u32); 4] = [(1, 5), (1, u32::MAX), (3, 2), (7, 1)];
        let big: [(u32, u64); 3] = [(1, 1 << 40), (4, 1 << 33), (7, u64::MAX)];
        let got: Vec<(u32, u64)> = super::sums(&small, &big).collect();
        assert_eq!(
            got,
            [
                (1, 5 + u64::from(u32::MAX) + (1 << 40)),
                (3, 2),
                (4, 1 << 33),
                (7, u64::MAX)
            ]
        );
        assert_eq!(super::sums::<u32, u64>(&[], &[]).count(), 0);
    }

    #[test]
    fn ok_seconds_hold_any_span_up_to_their_most_and_give_up_past_it() {
        use super::Seconds;
        let max = i64::try_from(Seconds::MAX).unwrap();
        // Growing both ways, to exactly the most seconds they hold.
        let mut s = Seconds::default();
        let base = 1_700_000_000;
        let times = [
            base,
            base + 1,
            base - 100,
            base + 70_000,
            base - 150_000,
            base + max - 150_001,
        ];
        for (i, t) in times.iter().enumerate() {
            s.add(*t, 10 + i as u128);
        }
        let all: Vec<(i64, u64)> = s.all().expect("within the span").collect();
        let mut want: Vec<(i64, u64)> = times.iter().enumerate().map(|(i, t)| (*t, 10 + i as u64)).collect();
        want.sort_unstable();
        assert_eq!(all, want);
        // One second more: given up (the buckets then come from a second pass).
        s.add(base - 150_001, 1);
        assert!(s.all().is_none());
        // A second's sum past 64 bits, or one value past them: given up.
        let mut s = Seconds::default();
        s.add(base, u128::from(u64::MAX));
        s.add(base, 1);
        assert!(s.all().is_none());
        let mut s = Seconds::default();
        s.add(base, u128::from(u64::MAX) + 1);
        assert!(s.all().is_none());
        // Times at the ends of 64 bits: one alone is held (its vector runs past the end).
        let mut s = Seconds::default();
        s.add(i64::MAX, 1);
        s.add(i64::MAX - 1, 2);
        assert_eq!(
            s.all().map(Iterator::collect::<Vec<_>>),
            Some(vec![(i64::MAX - 1, 2), (i64::MAX, 1)])
        );
        s.add(i64::MIN, 1);
        assert!(s.all().is_none());
    }

    #[test]
    fn ok_number_at_the_edges_of_64_bits() {
        for raw in [
            "",
            "0",
            "+7",
            "-1",
            "9999999999999999999",
            "18446744073709551615",
            "18446744073709551616",
            "340282366920938463463374607431768211455",
            "340282366920938463463374607431768211456",
            "00000000000000000000000000001",
        ] {
            assert_eq!(number(raw), raw.parse::<u128>().ok(), "{raw}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn ok_number_reads_as_parse_does(raw in "[+0-9a-]{0,24}|[0-9]{17,21}") {
            proptest::prop_assert_eq!(number(&raw), raw.parse::<u128>().ok());
        }
    }
}
