//! Errors: what was expected, what was found, and where.

use std::fmt;
use std::ops::Range;

use crate::fields::messages as m;
use crate::fields::{FieldName, Lang};

use crate::flowlog::decode::format::Preset;

/// Why one value could not be read. Stored in its cell, so the rest of the line still decodes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValueError {
    /// Not a whole number in `min..=max`.
    Integer {
        /// Smallest allowed.
        min: u64,
        /// Largest allowed.
        max: u64,
    },
    /// Not an IPv4 or IPv6 address.
    Address,
    /// Not an ID with the expected prefix.
    Id {
        /// The prefix, e.g. `eni-`.
        prefix: &'static str,
    },
    /// Not one of a closed set of words.
    Keyword {
        /// The words allowed.
        allowed: &'static [&'static str],
    },
    /// Not a 12-digit account ID or `unknown`.
    Account,
    /// Not an ARN.
    Arn,
    /// Not an AWS Region code.
    Region,
    /// Not valid percent-encoded UTF-8.
    Tag,
}

impl ValueError {
    /// "expected …" in `lang`.
    #[must_use]
    pub fn expected(&self, lang: Lang) -> String {
        match self {
            ValueError::Integer { min, max } => m::EXPECTED_INTEGER.fill(lang, &[("min", min), ("max", max)]),
            ValueError::Address => m::EXPECTED_ADDRESS.get(lang).into(),
            ValueError::Id { prefix } => m::EXPECTED_ID.fill(lang, &[("prefix", prefix)]),
            ValueError::Keyword { allowed } => m::EXPECTED_KEYWORD.fill(lang, &[("allowed", &allowed.join(", "))]),
            ValueError::Account => m::EXPECTED_ACCOUNT.get(lang).into(),
            ValueError::Arn => m::EXPECTED_ARN.get(lang).into(),
            ValueError::Region => m::EXPECTED_REGION.get(lang).into(),
            ValueError::Tag => m::EXPECTED_TAG.get(lang).into(),
        }
    }
}

/// Why a format (typed in the format box, or an S3 header line) is not valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatErrorKind {
    /// No field at all.
    Empty,
    /// A name that is no flow log field.
    UnknownField {
        /// The closest real field name.
        suggestion: Option<FieldName>,
    },
    /// A field listed twice.
    Duplicate(FieldName),
}

/// An invalid format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    /// What is wrong.
    pub kind: FormatErrorKind,
    /// 1-based position of the bad token (0 when the format is empty).
    pub position: usize,
    /// Byte span of the bad token in the format text.
    pub span: Range<usize>,
    /// The bad token.
    pub found: String,
}

/// What was found, quoted as a message quotes it: `` `x` ``, or for a long token its
/// first 80 characters, `…` and its length (a 16 MiB token is not put in a sentence whole).
fn shown(found: &str) -> String {
    const MAX: usize = 80;
    match found.char_indices().nth(MAX) {
        None => format!("`{found}`"),
        Some((cut, _)) => format!("`{}…` ({} bytes)", found.get(..cut).unwrap_or_default(), found.len()),
    }
}

impl FormatError {
    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        let FormatError { position, .. } = self;
        let found = shown(&self.found);
        match &self.kind {
            FormatErrorKind::Empty => m::FORMAT_EMPTY.get(lang).into(),
            FormatErrorKind::UnknownField { suggestion } => {
                let hint = suggestion
                    .map(|s| m::FORMAT_DID_YOU_MEAN.fill(lang, &[("name", &s)]))
                    .unwrap_or_default();
                m::FORMAT_UNKNOWN.fill(lang, &[("pos", position), ("found", &found), ("hint", &hint)])
            }
            FormatErrorKind::Duplicate(f) => m::FORMAT_DUPLICATE.fill(lang, &[("pos", position), ("name", f)]),
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for FormatError {}

/// What is wrong with a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineErrorKind {
    /// The line has a different number of fields than the format.
    FieldCount {
        /// Fields in the format.
        expected: usize,
        /// Fields on the line.
        found: usize,
        /// The format in force, when it is a well-known one.
        format: Option<Preset>,
        /// A well-known format with exactly `found` fields.
        suggestion: Option<Preset>,
    },
    /// A value could not be read.
    Value(ValueError),
    /// An S3 header line that names something that is not a field
    /// (its position and span are relative to the header line).
    Header(FormatError),
}

/// An error located in the input: kind, line, field and byte span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineError {
    /// What is wrong.
    pub kind: LineErrorKind,
    /// 1-based input line number.
    pub line_no: usize,
    /// 1-based position of the field on the line, and which field it is.
    pub field: Option<(usize, FieldName)>,
    /// Byte span in the whole input text (the token, or the whole line).
    pub span: Range<usize>,
    /// The text found there (for a field-count error: the count).
    pub found: String,
}

impl LineError {
    /// The message in `lang`:
    /// ``line 3, field 8 (protocol): expected an integer 0–255, found `tcp` ``.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        let line = &self.line_no;
        let place = match self.field {
            Some((pos, name)) => m::AT_FIELD.fill(lang, &[("line", line), ("pos", &pos), ("name", &name)]),
            None => m::AT_LINE.fill(lang, &[("line", line)]),
        };
        let found = shown(&self.found);
        let what = match &self.kind {
            LineErrorKind::FieldCount {
                expected,
                found,
                format,
                suggestion,
            } => {
                let of = format
                    .map(|p| m::FIELD_COUNT_OF.fill(lang, &[("format", &p.name(lang))]))
                    .unwrap_or_default();
                let fix = suggestion.map_or_else(
                    || m::FIELD_COUNT_NO_FIT.get(lang).to_owned(),
                    |p| m::FIELD_COUNT_FITS.fill(lang, &[("found", found), ("format", &p.name(lang))]),
                );
                m::FIELD_COUNT.fill(
                    lang,
                    &[("expected", expected), ("of", &of), ("found", found), ("fix", &fix)],
                )
            }
            LineErrorKind::Value(v) => {
                m::EXPECTED_FOUND.fill(lang, &[("expected", &v.expected(lang)), ("found", &found)])
            }
            LineErrorKind::Header(e) => e.message(lang),
        };
        match &self.kind {
            // A header error already names its position ("field 3: …").
            LineErrorKind::Header(_) => format!("{} {what}", m::AT_HEADER.fill(lang, &[("line", line)])),
            _ => format!("{place}{}{what}", m::SEP.get(lang)),
        }
    }
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for LineError {}
