//! S3's Parquet flow log files (`FileFormat=parquet`, `*.log.parquet`) as flow log
//! text: a header line of the columns that are fields (underscores become hyphens),
//! then one line per row, null as `-`. The decoder then reads them as any S3 text
//! file, so every rule about values stays in one place.
//!
//! Read with the `parquet` crate's row reader (no Arrow: it only has to walk rows).
//! Used by the Parquet worker (`src/web/parquet_worker.rs`), which the file worker starts
//! only when a Parquet file arrives: neither the page nor the file worker carries it.

use std::fmt::Write as _;

use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;

use crate::fields::messages as m;
use crate::fields::{FieldName, Lang};

use crate::flowlog::decode::format::Format;

/// A Parquet file read as flow log text.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ParquetText {
    /// The header line and one line per row.
    pub text: String,
    /// Rows read.
    pub rows: usize,
    /// Row groups in the file.
    pub row_groups: usize,
    /// Columns that are no flow log fields (left out).
    pub other_columns: Vec<String>,
}

/// Why a Parquet file could not be read.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
// Externally tagged (serde's default): see `across::findings::Finding`.
#[serde(rename_all = "kebab-case")]
pub enum ParquetError {
    /// Not a Parquet file, or a damaged one (the reader's words).
    Unreadable {
        /// What the reader said.
        why: String,
    },
    /// None of its columns is a flow log field.
    NoFields,
    /// Its text would pass `limit` bytes.
    TooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
}

impl ParquetError {
    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ParquetError::Unreadable { why } => m::PARQUET_UNREADABLE.fill(lang, &[("why", why)]),
            ParquetError::NoFields => m::PARQUET_NO_FIELDS.get(lang).into(),
            ParquetError::TooLarge { limit } => m::EXPANDS_PAST.fill(lang, &[("mib", &(limit >> 20))]),
        }
    }
}

/// Whether `bytes` look like a Parquet file (`PAR1` at both ends).
#[must_use]
pub fn is_parquet(bytes: &[u8]) -> bool {
    bytes.len() >= 8 && bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1")
}

/// Reads a Parquet file's rows as flow log text, at most `limit` bytes of it.
///
/// # Errors
/// A file the reader cannot read, one with no flow log field, or text past `limit`.
pub fn to_text(bytes: Vec<u8>, limit: usize) -> Result<ParquetText, ParquetError> {
    let unreadable = |e: parquet::errors::ParquetError| ParquetError::Unreadable { why: e.to_string() };
    let reader = SerializedFileReader::new(bytes::Bytes::from(bytes)).map_err(unreadable)?;
    let meta = reader.metadata();
    let row_groups = meta.num_row_groups();
    let columns: Vec<String> = meta
        .file_metadata()
        .schema_descr()
        .columns()
        .iter()
        .map(|c| c.name().to_owned())
        .collect();
    // Which columns are fields, in file order.
    let keep: Vec<bool> = columns.iter().map(|c| FieldName::parse_loose(c).is_some()).collect();
    let names: Vec<&str> = columns
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(c, _)| c.as_str())
        .collect();
    if names.is_empty() {
        return Err(ParquetError::NoFields);
    }
    let format = Format::parse(&names.join(" ")).map_err(|e| ParquetError::Unreadable {
        why: e.message(Lang::En),
    })?;
    let other_columns = columns
        .iter()
        .zip(&keep)
        .filter(|(_, k)| !**k)
        .map(|(c, _)| c.clone())
        .collect();
    let mut text = format.to_header();
    text.push('\n');
    let mut rows = 0;
    for row in reader.get_row_iter(None).map_err(unreadable)? {
        let row = row.map_err(unreadable)?;
        let mut first = true;
        for ((_, field), kept) in row.get_column_iter().zip(&keep) {
            if !kept {
                continue;
            }
            if !first {
                text.push(' ');
            }
            first = false;
            cell(&mut text, field);
        }
        text.push('\n');
        rows += 1;
        if text.len() > limit {
            return Err(ParquetError::TooLarge { limit });
        }
    }
    Ok(ParquetText {
        text,
        rows,
        row_groups,
        other_columns,
    })
}

/// One value as the text record would have it: null and empty as `-`; a value with
/// spaces (never in a flow log) has them replaced so the columns stay aligned.
fn cell(out: &mut String, field: &Field) {
    let _ = match field {
        Field::Null => write!(out, "-"),
        Field::Str(s) if s.is_empty() => write!(out, "-"),
        Field::Str(s) => write!(out, "{}", s.replace([' ', '\t', '\n', '\r'], "_")),
        Field::Bool(b) => write!(out, "{b}"),
        Field::Byte(n) => write!(out, "{n}"),
        Field::Short(n) => write!(out, "{n}"),
        Field::Int(n) => write!(out, "{n}"),
        Field::Long(n) => write!(out, "{n}"),
        Field::UByte(n) => write!(out, "{n}"),
        Field::UShort(n) => write!(out, "{n}"),
        Field::UInt(n) => write!(out, "{n}"),
        Field::ULong(n) => write!(out, "{n}"),
        Field::Bytes(b) => match b.as_utf8() {
            Ok(s) if !s.is_empty() => write!(out, "{}", s.replace([' ', '\t', '\n', '\r'], "_")),
            _ => write!(out, "-"),
        },
        // Not a type AWS writes for a flow log field: its text form, without spaces.
        other => write!(out, "{}", other.to_string().replace([' ', '\t', '\n', '\r'], "_")),
    };
}

/// What the Parquet worker answers: the file's facts without its text (which travels
/// beside the JSON), or why it could not be read.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ParquetReply {
    /// The worker listens (messages sent before this would be lost), speaking
    /// [`PROTOCOL`](crate::flowlog::bulk::store::PROTOCOL): a file worker of another deployment must not use it.
    Ready {
        /// The Parquet worker's [`PROTOCOL`](crate::flowlog::bulk::store::PROTOCOL).
        protocol: u64,
    },
    /// Read: rows, row groups, columns left out (`text` is empty here).
    Read(ParquetText),
    /// Not read.
    Failed(ParquetError),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_files_written_by_pyarrow_read_as_their_text() {
        for (file, text) in [
            (
                &include_bytes!("../../../tests/data/parquet/aws-v2-gzip.log.parquet")[..],
                include_str!("../../../tests/data/parquet/aws-v2-gzip.log.parquet.txt"),
            ),
            (
                &include_bytes!("../../../tests/data/parquet/aws-v5-snappy.log.parquet")[..],
                include_str!("../../../tests/data/parquet/aws-v5-snappy.log.parquet.txt"),
            ),
        ] {
            assert!(is_parquet(file));
            let read = to_text(file.to_vec(), 1 << 20).unwrap();
            assert_eq!(read.text, text);
            assert_eq!(read.rows, text.lines().count() - 1);
            assert!(read.row_groups >= 3, "several row groups: {}", read.row_groups);
            assert!(read.other_columns.is_empty());
        }
    }

    #[test]
    fn err_not_parquet_damaged_or_too_large() {
        let file = include_bytes!("../../../tests/data/parquet/aws-v2-gzip.log.parquet");
        assert!(!is_parquet(b"2 123 eni-1"));
        assert!(matches!(
            to_text(b"PAR1nonsensePAR1".to_vec(), 1 << 20),
            Err(ParquetError::Unreadable { .. })
        ));
        let mut cut = file.to_vec();
        cut.truncate(file.len() / 2);
        assert!(matches!(to_text(cut, 1 << 20), Err(ParquetError::Unreadable { .. })));
        assert_eq!(to_text(file.to_vec(), 100), Err(ParquetError::TooLarge { limit: 100 }));
        assert_eq!(
            ParquetError::NoFields.message(Lang::En),
            "none of the Parquet file's columns is a flow log field"
        );
    }
}
