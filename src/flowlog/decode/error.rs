//! Errors: what was expected, what was found, and where.

use std::fmt;
use std::ops::Range;

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
        let ja = lang == Lang::Ja;
        match self {
            ValueError::Integer { min, max } if ja => format!("{min}〜{max} の整数"),
            ValueError::Integer { min, max } => format!("an integer {min}–{max}"),
            ValueError::Address if ja => "IPv4 または IPv6 アドレス".into(),
            ValueError::Address => "an IPv4 or IPv6 address".into(),
            ValueError::Id { prefix } if ja => format!("`{prefix}` で始まる ID"),
            ValueError::Id { prefix } => format!("an ID starting with `{prefix}`"),
            ValueError::Keyword { allowed } if ja => format!("{} のいずれか", allowed.join(", ")),
            ValueError::Keyword { allowed } => format!("one of {}", allowed.join(", ")),
            ValueError::Account if ja => "12 桁のアカウント ID または `unknown`".into(),
            ValueError::Account => "a 12-digit account ID or `unknown`".into(),
            ValueError::Arn if ja => "ARN（`arn:` で始まる）".into(),
            ValueError::Arn => "an ARN (`arn:…`)".into(),
            ValueError::Region if ja => "リージョンコード（例：`us-east-1`）".into(),
            ValueError::Region => "a Region code such as `us-east-1`".into(),
            ValueError::Tag if ja => "パーセントエンコードされた UTF-8".into(),
            ValueError::Tag => "percent-encoded UTF-8".into(),
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
        match (&self.kind, lang) {
            (FormatErrorKind::Empty, Lang::En) => "expected at least one field name, found none".into(),
            (FormatErrorKind::Empty, Lang::Ja) => "項目名が 1 つ以上必要ですが、ありません".into(),
            (FormatErrorKind::UnknownField { suggestion }, Lang::En) => {
                let hint = suggestion.map(|s| format!("; did you mean `{s}`?")).unwrap_or_default();
                format!("field {position}: expected a flow log field name, found {found}{hint}")
            }
            (FormatErrorKind::UnknownField { suggestion }, Lang::Ja) => {
                let hint = suggestion
                    .map(|s| format!("。`{s}` のことですか？"))
                    .unwrap_or_default();
                format!("{position} 番目の項目：フローログの項目名が必要ですが、{found} です{hint}")
            }
            (FormatErrorKind::Duplicate(f), Lang::En) => {
                format!("field {position}: expected each field once, found `{f}` again")
            }
            (FormatErrorKind::Duplicate(f), Lang::Ja) => {
                format!("{position} 番目の項目：各項目は 1 回だけ書けますが、`{f}` が重複しています")
            }
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
        let ja = lang == Lang::Ja;
        let place = match (self.field, ja) {
            (Some((pos, name)), false) => format!("line {}, field {pos} ({name})", self.line_no),
            (Some((pos, name)), true) => format!("{} 行目、{pos} 番目の項目（{name}）", self.line_no),
            (None, false) => format!("line {}", self.line_no),
            (None, true) => format!("{} 行目", self.line_no),
        };
        let found = shown(&self.found);
        let what = match &self.kind {
            LineErrorKind::FieldCount {
                expected,
                found,
                format,
                suggestion,
            } => {
                let of = format.map(|p| p.name(lang));
                let fix = suggestion.map(|p| p.name(lang));
                match (ja, of, fix) {
                    (false, of, fix) => {
                        let of = of.map(|l| format!(" ({l})")).unwrap_or_default();
                        let fix = fix
                            .map(|l| format!("; a {found}-field line fits “{l}”"))
                            .unwrap_or_else(|| "; enter the flow log's format in the format box".into());
                        format!("expected {expected} fields{of}, found {found}{fix}")
                    }
                    (true, of, fix) => {
                        let of = of.map(|l| format!("（{l}）")).unwrap_or_default();
                        let fix = fix
                            .map(|l| format!("。{found} 項目の行は「{l}」に合います"))
                            .unwrap_or_else(|| "。形式欄にフローログの形式を入力してください".into());
                        format!("{expected} 項目が必要です{of}が、{found} 項目あります{fix}")
                    }
                }
            }
            LineErrorKind::Value(v) if ja => format!("{}が必要ですが、{found} です", v.expected(lang)),
            LineErrorKind::Value(v) => format!("expected {}, found {found}", v.expected(lang)),
            LineErrorKind::Header(e) => e.message(lang),
        };
        let sep = if ja { "：" } else { ": " };
        // A header error already names its position ("field 3: …").
        match &self.kind {
            LineErrorKind::Header(_) => format!(
                "{}{sep}{} {what}",
                if ja {
                    format!("{} 行目", self.line_no)
                } else {
                    format!("line {}", self.line_no)
                },
                if ja { "ヘッダー行" } else { "header line," }
            ),
            _ => format!("{place}{sep}{what}"),
        }
    }
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for LineError {}
