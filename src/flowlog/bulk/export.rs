//! The rows of a [`Table`] exported as CSV or NDJSON (AWS, ECS or OCSF names), whole
//! or in pieces.

use crate::fields::FieldName as F;

use crate::flowlog::bulk::index::Table;
use crate::flowlog::decode::record::LineKind;

/// The fields of every format the rows use, in order of first appearance.
fn columns(table: &Table, rows: &[u32]) -> Vec<F> {
    let mut out: Vec<F> = Vec::new();
    // Each format once, not each row.
    let mut seen = vec![false; table.formats().len()];
    for row in rows.iter().filter_map(|&i| table.rows().get(i as usize)) {
        let Some(done) = seen.get_mut(usize::from(row.format)) else {
            continue;
        };
        if row.kind.is_record() && !*done {
            *done = true;
            for f in table.format_of(row).fields() {
                if !out.contains(f) {
                    out.push(*f);
                }
            }
        }
    }
    out
}

/// The first error message of row `i`.
fn first_error(table: &Table, i: u32) -> String {
    table
        .errors_at(i as usize)
        .first()
        .map(ToString::to_string)
        .unwrap_or_default()
}

pub(crate) fn csv_field(s: &str) -> String {
    // A cell a spreadsheet would run as a formula (`=`, `+`, `@`, TAB, CR, or `-`
    // followed by more) is written as text: a leading `'` (OWASP's advice). A lone `-`
    // (not applicable) stays as it is.
    let formula = matches!(s.as_bytes(), [b'=' | b'+' | b'@' | b'\t' | b'\r', ..] | [b'-', _, ..]);
    let s: std::borrow::Cow<'_, str> = if formula { format!("'{s}").into() } else { s.into() };
    if s.contains([',', '"', '\n', '\r']) || formula {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.into_owned()
    }
}

/// The rows as CSV: a `line` column, then one column per field (raw values);
/// lines with a structural error have only their line number and an `error` column.
#[must_use]
pub fn to_csv(table: &Table, rows: &[u32]) -> String {
    let mut out = String::new();
    csv_pieces(table, rows, usize::MAX, &mut |piece| out.push_str(&piece));
    out
}

/// [`to_csv`] in pieces of at most `per` rows (the first with the header line), so
/// that a large export never exists as one string.
pub fn csv_pieces(table: &Table, rows: &[u32], per: usize, piece: &mut dyn FnMut(String)) {
    let cols = columns(table, rows);
    let mut out = String::from("line");
    for c in &cols {
        out.push(',');
        out.push_str(c.as_str());
    }
    out.push_str(",error\n");
    for chunk in rows.chunks(per.max(1)) {
        for &i in chunk {
            let Some(row) = table.rows().get(i as usize) else {
                continue;
            };
            out.push_str(&(i + 1).to_string());
            for c in &cols {
                out.push(',');
                out.push_str(&csv_field(table.raw(row, *c).unwrap_or_default()));
            }
            out.push(',');
            if row.kind.is_error() {
                let msg = first_error(table, i);
                out.push_str(&csv_field(&msg));
            }
            out.push('\n');
        }
        piece(std::mem::take(&mut out));
    }
    if !out.is_empty() {
        piece(out);
    }
}

/// Field names to use in NDJSON exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Schema {
    /// AWS's names (`srcaddr`).
    Aws,
    /// Elastic Common Schema (`source.ip`).
    Ecs,
    /// OCSF (`src_endpoint.ip`); fields it does not map go under `unmapped.`.
    Ocsf,
}

fn key_for(field: F, schema: Schema) -> String {
    match schema {
        Schema::Aws => field.as_str().to_owned(),
        Schema::Ecs => crate::flowlog::links::at_scale::ecs(field),
        Schema::Ocsf => crate::flowlog::links::at_scale::ocsf(field).map_or_else(
            || format!("unmapped.{}", crate::flowlog::links::at_scale::column(field)),
            str::to_owned,
        ),
    }
}

/// The rows as newline-delimited JSON: `{"line": n, "<field>": "<raw>", …}`, plus
/// `"error"` for lines with an error.
#[must_use]
pub fn to_ndjson(table: &Table, rows: &[u32]) -> String {
    to_ndjson_as(table, rows, Schema::Aws)
}

/// [`to_ndjson`] with the field names of `schema` (flat, dotted keys; `-` values left out
/// for ECS and OCSF, as those schemas have no "absent" marker).
#[must_use]
pub fn to_ndjson_as(table: &Table, rows: &[u32], schema: Schema) -> String {
    let mut out = String::new();
    ndjson_pieces(table, rows, schema, usize::MAX, &mut |piece| out.push_str(&piece));
    out
}

/// [`to_ndjson_as`] in pieces of at most `per` rows.
pub fn ndjson_pieces(table: &Table, rows: &[u32], schema: Schema, per: usize, piece: &mut dyn FnMut(String)) {
    for chunk in rows.chunks(per.max(1)) {
        let mut out = String::new();
        for &i in chunk {
            let Some(row) = table.rows().get(i as usize) else {
                continue;
            };
            if schema != Schema::Aws {
                // Typed documents of the target schema (a line that is no record keeps its
                // text and error in the schema's own fields).
                let doc = match table.line(i as usize).map(|l| l.kind) {
                    Some(LineKind::Record(r)) => match schema {
                        Schema::Ocsf => crate::flowlog::links::schema::ocsf(&r, table.text()),
                        _ => crate::flowlog::links::schema::ecs(&r, table.text()),
                    },
                    _ => {
                        let text = table.line_text(row);
                        let error = first_error(table, i);
                        match schema {
                            Schema::Ocsf => serde_json::json!({ "raw_data": text, "message": error }),
                            _ => serde_json::json!({ "event": { "original": text }, "error": { "message": error } }),
                        }
                    }
                };
                out.push_str(&doc.to_string());
                out.push('\n');
                continue;
            }
            let mut obj = serde_json::Map::new();
            obj.insert("line".into(), (i + 1).into());
            if row.kind.is_record() {
                let format = table.format_of(row);
                for (pos, f) in format.fields().iter().enumerate() {
                    let raw = table.raw_at(row, Some(pos)).unwrap_or_default();
                    if schema != Schema::Aws && raw == "-" {
                        continue;
                    }
                    // An unknown field has no ECS or OCSF name: only AWS's names keep it.
                    let key = match (f, schema) {
                        (F::Unknown, Schema::Aws) => format.name_at(pos).to_owned(),
                        (F::Unknown, _) => continue,
                        _ => key_for(*f, schema),
                    };
                    obj.insert(key, raw.into());
                }
            } else {
                obj.insert("text".into(), table.line_text(row).into());
            }
            if row.kind.is_error() {
                let msg = first_error(table, i);
                obj.insert("error".into(), msg.into());
            }
            out.push_str(&serde_json::Value::Object(obj).to_string());
            out.push('\n');
        }
        piece(out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flowlog::bulk::query::{select, Query};
    use crate::flowlog::Options;

    #[test]
    fn ok_csv_cells_that_would_be_formulas_are_text() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("+1"), "\"'+1\"");
        assert_eq!(csv_field("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(csv_field("-5"), "\"'-5\"");
        assert_eq!(csv_field("-"), "-");
        assert_eq!(csv_field("10.0.0.1"), "10.0.0.1");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        // Through a whole export: a record whose value starts a formula.
        let text = "srcaddr dstaddr action\n=1+1 10.0.0.2 ACCEPT\n";
        let table = Table::build(text.to_owned(), &Options::default());
        let csv = to_csv(&table, &select(&table, &Query::default()));
        assert!(csv.contains("\"'=1+1\""), "{csv}");
    }
}
