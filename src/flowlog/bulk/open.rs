//! Opening files: `.log` and `.log.gz` (S3), and CloudWatch exports — the JSON of
//! `aws logs filter-log-events` and the console's CSV — turned into flow log text.

use std::fmt;
use std::io::Read;

use crate::fields::messages as m;
use crate::fields::Lang;

use crate::flowlog::bulk::parquet::ParquetError;
use crate::flowlog::decode::shapes::{self, Report};
use crate::flowlog::Options;

/// Decompressed files larger than this are refused (a gzip bomb stops here). Half a
/// GiB: a browser tab's WebAssembly memory must also hold the index and the copies.
pub const MAX_TEXT_BYTES: usize = 512 << 20;

/// An opened file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opened {
    /// The flow log lines, `\n`-separated (unwrapped when the file was a wrapper).
    pub text: String,
    /// Byte offset of the first invalid UTF-8 sequence, replaced by U+FFFD.
    pub invalid_utf8_at: Option<usize>,
    /// What the recogniser unwrapped, when the file was not plain flow log text.
    pub report: Option<Report>,
}

/// Why a file could not be opened.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OpenError {
    /// The gzip data is damaged or cut short.
    BadGzip(String),
    /// It inflates past [`MAX_TEXT_BYTES`].
    TooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// The browser could not read it (moved or deleted while being read).
    Unreadable,
    /// A Parquet file that could not be read.
    Parquet(ParquetError),
}

impl OpenError {
    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match self {
            OpenError::BadGzip(why) => m::BAD_GZIP.fill(lang, &[("why", why)]),
            OpenError::TooLarge { limit } => m::EXPANDS_PAST.fill(lang, &[("mib", &(limit >> 20))]),
            OpenError::Unreadable => m::UNREADABLE_FILE.get(lang).into(),
            OpenError::Parquet(e) => e.message(lang),
        }
    }
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for OpenError {}

/// Opens a file's bytes: gunzips if they start with the gzip magic number (at most
/// `limit` bytes of output), decodes UTF-8 (replacing invalid sequences, and saying
/// where the first one was), and unwraps whatever holds the records (CloudWatch JSON
/// or CSV, subscription payloads, console copies: [`shapes::recognise`]).
///
/// # Errors
/// Damaged gzip data, or output past `limit`.
pub fn open(bytes: &[u8], limit: usize) -> Result<Opened, OpenError> {
    let raw = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut raw = gunzip(bytes, limit)?;
        // Firehose may compress what CloudWatch Logs had compressed: gzip inside gzip.
        for _ in 0..2 {
            if raw.starts_with(&[0x1f, 0x8b]) {
                raw = gunzip(&raw, limit)?;
            }
        }
        raw
    } else if bytes.len() > limit {
        return Err(OpenError::TooLarge { limit });
    } else {
        bytes.to_vec()
    };
    let (text, invalid_utf8_at) = match String::from_utf8(raw) {
        Ok(s) => (s, None),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            (String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(at))
        }
    };
    let options = Options::default();
    let head = text.as_bytes().get(..HEAD).unwrap_or(text.as_bytes());
    if shapes::needs_whole(head, &options) || text.starts_with('\u{feff}') {
        if let Some(unwrapped) = shapes::recognise(&text, &options) {
            return Ok(Opened {
                text: unwrapped.text,
                invalid_utf8_at,
                report: Some(unwrapped.report),
            });
        }
    }
    Ok(Opened {
        text,
        invalid_utf8_at,
        report: None,
    })
}

/// Whether a file found in a chosen or dropped folder is read: S3's `.log`,
/// `.log.gz` and `.log.parquet` files, CloudWatch exports (`.json`, `.csv`, `.txt`,
/// `.md`, export tasks' `000000.gz`) and Firehose objects (no extension). Hidden
/// files and the export task's `aws-logs-write-test` object are left out.
#[must_use]
pub fn wanted_in_folder(path: &str) -> bool {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    if name.is_empty() || name.starts_with('.') || name == "aws-logs-write-test" {
        return false;
    }
    let lower = name.to_ascii_lowercase();
    const KNOWN: [&str; 8] = [".log", ".gz", ".parquet", ".json", ".csv", ".txt", ".md", ".ndjson"];
    KNOWN.iter().any(|ext| lower.ends_with(ext)) || !name.contains('.')
}

/// Whether a file of `size` bytes may be read whole (the gzip fallback, wrappers):
/// its bytes are held next to the text they become, so one larger than the text
/// limit could never fit and is refused before it is read.
///
/// # Errors
/// [`OpenError::TooLarge`] past [`MAX_TEXT_BYTES`].
pub fn may_read_whole(size: u64) -> Result<(), OpenError> {
    if size > MAX_TEXT_BYTES as u64 {
        Err(OpenError::TooLarge { limit: MAX_TEXT_BYTES })
    } else {
        Ok(())
    }
}

/// How much of a file's start is looked at to tell whether it is a wrapper.
pub const HEAD: usize = 64 << 10;

/// Inflates all gzip members, growing the output in steps (not by doubling, which
/// could overshoot a browser's memory), and stops one byte past `limit`.
pub(crate) fn gunzip(bytes: &[u8], limit: usize) -> Result<Vec<u8>, OpenError> {
    const STEP: usize = 16 << 20;
    let mut reader = flate2::read::MultiGzDecoder::new(bytes).take(limit as u64 + 1);
    let mut out: Vec<u8> = Vec::new();
    let mut chunk = vec![0u8; 256 << 10];
    loop {
        let n = reader.read(&mut chunk).map_err(|e| OpenError::BadGzip(e.to_string()))?;
        if n == 0 {
            break;
        }
        if out.capacity() - out.len() < n {
            out.reserve_exact(STEP.max(n));
        }
        out.extend_from_slice(chunk.get(..n).unwrap_or_default());
    }
    if out.len() > limit {
        return Err(OpenError::TooLarge { limit });
    }
    out.shrink_to_fit();
    Ok(out)
}

/// A problem with one of several files (it crosses from the file worker to the page
/// as it is).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Problem {
    /// The file could not be opened at all.
    Open(OpenError),
    /// Invalid UTF-8, replaced; byte offset of the first bad byte.
    InvalidUtf8(usize),
}

/// Several files opened and joined into one text.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Joined {
    /// Names of the files that opened, in order.
    pub names: Vec<String>,
    /// Their text, one after the other (each ends with a newline).
    pub text: String,
    /// What went wrong, per file name.
    pub problems: Vec<(String, Problem)>,
}

/// Opens each `(name, bytes)` and joins the texts; the total stays under `limit`. The
/// whole-file reading that the file worker's streamed reading ([`Indexer`](crate::flowlog::bulk::index::Indexer))
/// is checked against (a property test, the fuzz target); no page path reads files whole.
pub fn join<'a>(files: impl IntoIterator<Item = (String, &'a [u8])>, limit: usize) -> Joined {
    let mut out = Joined::default();
    for (name, bytes) in files {
        match open(bytes, limit.saturating_sub(out.text.len())) {
            Ok(opened) => {
                if let Some(at) = opened.invalid_utf8_at {
                    out.problems.push((name.clone(), Problem::InvalidUtf8(at)));
                }
                if out.text.is_empty() {
                    // The first (often only) file: move its text, do not copy it.
                    out.text = opened.text;
                } else {
                    if !out.text.ends_with('\n') {
                        out.text.push('\n');
                    }
                    out.text.push_str(&opened.text);
                }
                out.names.push(name);
            }
            Err(e) => out.problems.push((name, Problem::Open(e))),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    const LINE: &str =
        "2 123456789012 eni-0a1b2c3d 203.0.113.12 10.0.0.1 123 40658 17 1 76 1621259323 1621259383 ACCEPT OK";

    #[test]
    fn ok_plain_and_gzip_and_multi_member_gzip() {
        let o = open(LINE.as_bytes(), MAX_TEXT_BYTES).unwrap();
        assert_eq!((o.report, o.text.as_str(), o.invalid_utf8_at), (None, LINE, None));
        let o = open(&gzip(LINE.as_bytes()), MAX_TEXT_BYTES).unwrap();
        assert_eq!((o.report, o.text.as_str()), (None, LINE));
        let mut two = gzip(b"a\n");
        two.extend(gzip(b"b\n"));
        assert_eq!(open(&two, MAX_TEXT_BYTES).unwrap().text, "a\nb\n");
    }

    #[test]
    fn ok_folder_files_are_chosen_by_name() {
        for path in [
            "AWSLogs/123456789012/vpcflowlogs/us-east-1/2024/03/05/123456789012_vpcflowlogs_us-east-1_fl-1_20240305T0000Z_ab.log.gz",
            "x/aws-account-id=1/aws-region=eu-west-1/year=2024/f.log.parquet",
            "firehose/2015/10/29/00/my-delivery-stream-2015-10-29-00-35-40-7cc92023-3f3f-4b2b",
            "exports/task/eni-1-all/000000.gz",
            "logs-insights-results.csv",
        ] {
            assert!(wanted_in_folder(path), "{path}");
        }
        for path in ["a/.DS_Store", "exports/aws-logs-write-test", "notes/readme.pdf", "a/"] {
            assert!(!wanted_in_folder(path), "{path}");
        }
    }

    #[test]
    fn err_a_file_larger_than_the_text_limit_is_not_read_whole() {
        assert_eq!(may_read_whole(MAX_TEXT_BYTES as u64), Ok(()));
        assert_eq!(
            may_read_whole(MAX_TEXT_BYTES as u64 + 1),
            Err(OpenError::TooLarge { limit: MAX_TEXT_BYTES })
        );
    }

    #[test]
    fn err_damaged_gzip_and_bomb() {
        let gz = gzip(LINE.repeat(100).as_bytes());
        assert!(matches!(
            open(&gz[..gz.len() / 2], MAX_TEXT_BYTES),
            Err(OpenError::BadGzip(_))
        ));
        let bomb = gzip(&vec![b'0'; 4 << 20]);
        assert!(bomb.len() < 20_000);
        let err = open(&bomb, 1 << 20).unwrap_err();
        assert_eq!(err, OpenError::TooLarge { limit: 1 << 20 });
        assert_eq!(err.to_string(), "it expands to more than 1 MiB; stopped there");
        assert!(open(&gzip(&vec![b'0'; 1 << 20]), 1 << 20).is_ok());
    }

    #[test]
    fn ok_invalid_utf8_is_replaced_and_located() {
        let mut bytes = b"2 10.0.0.1\n".to_vec();
        bytes.extend([0xff, 0xfe]);
        bytes.extend(b" x\n");
        let o = open(&bytes, MAX_TEXT_BYTES).unwrap();
        assert_eq!(o.invalid_utf8_at, Some(11));
        assert_eq!(o.text, "2 10.0.0.1\n\u{fffd}\u{fffd} x\n");
    }

    #[test]
    fn ok_join_several_files() {
        let gz = gzip(b"b\n");
        let bad = [0xffu8, b'\n'];
        let j = join(
            [
                ("a.log".to_owned(), &b"a"[..]),
                ("b.log.gz".to_owned(), &gz[..]),
                ("c.log.gz".to_owned(), &gz[..3]),
                ("d.log".to_owned(), &bad[..]),
            ],
            MAX_TEXT_BYTES,
        );
        assert_eq!(j.names, vec!["a.log", "b.log.gz", "d.log"]);
        assert_eq!(j.text, "a\nb\n\u{fffd}\n");
        assert!(matches!(&j.problems[0], (n, Problem::Open(OpenError::BadGzip(_))) if n == "c.log.gz"));
        assert_eq!(j.problems[1], ("d.log".to_owned(), Problem::InvalidUtf8(0)));
    }

    #[test]
    fn ok_needs_whole_only_for_cloudwatch_exports() {
        let needs_whole = |head: &[u8]| shapes::needs_whole(head, &Options::default());
        assert!(!needs_whole(LINE.as_bytes()));
        assert!(!needs_whole(b"version account-id\n1,2"));
        assert!(needs_whole(b"\xef\xbb\xbf \n{\"events\": []}"));
        assert!(needs_whole(b"timestamp,message\n"));
        assert!(!needs_whole(b""));
    }

    #[test]
    fn ok_cloudwatch_exports() {
        let json = format!(
            r#"{{"events": [{{"logStreamName": "eni-1-all", "timestamp": 1621259323000, "message": "{LINE}", "ingestionTime": 1}},
                {{"message": "{LINE}\n"}}], "searchedLogStreams": []}}"#
        );
        let o = open(json.as_bytes(), MAX_TEXT_BYTES).unwrap();
        assert!(o.report.as_ref().unwrap().shapes.contains(&(shapes::Shape::CliJson, 2)));
        // The event time is kept in front of the record, as the console shows it.
        assert_eq!(o.text, format!("2021-05-17T13:48:43.000Z {LINE}\n{LINE}\n"));
        let csv = format!("timestamp,message\r\n1621259323000,\"{LINE}\"\r\n1621259324000,{LINE}\r\n");
        let o = open(csv.as_bytes(), MAX_TEXT_BYTES).unwrap();
        assert!(o
            .report
            .as_ref()
            .unwrap()
            .shapes
            .contains(&(shapes::Shape::ConsoleCsv, 2)));
        assert_eq!(
            o.text,
            format!("2021-05-17T13:48:43.000Z {LINE}\n2021-05-17T13:48:44.000Z {LINE}\n")
        );
        // A flow log line is never mistaken for CSV or JSON.
        assert_eq!(open(LINE.as_bytes(), MAX_TEXT_BYTES).unwrap().report, None);
        assert_eq!(
            shapes::split_csv(r#"a,"b ""q"", c",d"#),
            Some(vec!["a".into(), "b \"q\", c".into(), "d".into()])
        );
        assert_eq!(shapes::split_csv(r#"a,"b"#), None);
    }
}
