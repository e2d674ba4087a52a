//! Sorting the rows of a [`Table`] by one field: numbers and addresses by value.

use std::cmp::Ordering;
use std::net::IpAddr;

use crate::fields::{FieldName as F, Kind};

use crate::flowlog::bulk::index::{Row, Table};

/// A sort key: numbers and addresses compare by value, the rest as text; rows
/// without the field sort last.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Key<'a> {
    Number(u128),
    Text(&'a str),
    Missing,
}

fn key<'a>(table: &'a Table, row: &Row, field: F) -> Key<'a> {
    let Some(raw) = table.raw(row, field).filter(|r| *r != "-") else {
        return Key::Missing;
    };
    match field.spec().kind {
        Kind::Addr => match raw.parse::<IpAddr>() {
            Ok(IpAddr::V4(a)) => Key::Number(u128::from(u32::from(a))),
            Ok(IpAddr::V6(a)) => Key::Number(u128::from(a) | (1 << 127)),
            Err(_) => Key::Text(raw),
        },
        _ => raw.parse::<u128>().map_or(Key::Text(raw), Key::Number),
    }
}

/// Sorts `rows` by `field` (stable: equal keys keep input order).
pub fn sort(table: &Table, rows: &mut [u32], field: F, descending: bool) {
    let all = table.rows();
    let mut keyed: Vec<(Key<'_>, u32)> = rows
        .iter()
        .map(|&i| (all.get(i as usize).map_or(Key::Missing, |r| key(table, r, field)), i))
        .collect();
    keyed.sort_by(|(a, _), (b, _)| match (a, b) {
        (Key::Missing, Key::Missing) => Ordering::Equal,
        (Key::Missing, _) => Ordering::Greater,
        (_, Key::Missing) => Ordering::Less,
        _ if descending => b.cmp(a),
        _ => a.cmp(b),
    });
    for (slot, (_, i)) in rows.iter_mut().zip(keyed) {
        *slot = i;
    }
}
