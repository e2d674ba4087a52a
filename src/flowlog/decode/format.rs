//! Record formats: which fields a line holds, in which order.

use std::fmt;

use crate::fields::messages as m;
use crate::fields::{FieldName, Lang, Scope, FIELDS};

use crate::flowlog::decode::error::{FormatError, FormatErrorKind};
use crate::flowlog::decode::split::tokens;

/// The ordered list of fields of a flow log (its `LogFormat`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Format {
    fields: Vec<FieldName>,
    /// The names of the [`FieldName::Unknown`] fields, in their order.
    unknown: Vec<String>,
}

/// A well-known format, used as the default and to suggest a fix for a wrong field count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Preset {
    /// The VPC default format (14 version 2 fields).
    Default,
    /// Every VPC field up to and including this version, in AWS's table order.
    AllUpTo(u8),
    /// The transit gateway default format (36 fields).
    TgwDefault,
}

impl Preset {
    /// The presets offered to users, in menu order.
    pub const ALL: [Preset; 10] = [
        Preset::Default,
        Preset::AllUpTo(3),
        Preset::AllUpTo(4),
        Preset::AllUpTo(5),
        Preset::AllUpTo(7),
        Preset::AllUpTo(8),
        Preset::AllUpTo(9),
        Preset::AllUpTo(10),
        Preset::AllUpTo(11),
        Preset::TgwDefault,
    ];

    /// The format.
    #[must_use]
    pub fn format(self) -> Format {
        let fields = match self {
            Preset::Default => FIELDS
                .iter()
                .filter(|s| s.version == 2 && s.scope != Scope::Tgw)
                .map(|s| s.name)
                .collect(),
            Preset::AllUpTo(v) => FIELDS
                .iter()
                .filter(|s| s.version <= v && s.scope != Scope::Tgw)
                .map(|s| s.name)
                .collect(),
            Preset::TgwDefault => TGW_DEFAULT.to_vec(),
        };
        Format::new(fields)
    }

    /// A short name: "default format", "all fields of versions 2–5".
    #[must_use]
    pub fn name(self, lang: Lang) -> String {
        match self {
            Preset::Default => m::PRESET_DEFAULT.get(lang).into(),
            Preset::AllUpTo(v) => m::PRESET_ALL_UP_TO.fill(lang, &[("version", &v)]),
            Preset::TgwDefault => m::PRESET_TGW.get(lang).into(),
        }
    }

    /// A label for menus: the name and the field count.
    #[must_use]
    pub fn label(self, lang: Lang) -> String {
        let n = self.format().len();
        m::PRESET_LABEL.fill(lang, &[("name", &self.name(lang)), ("count", &n)])
    }

    /// The preset with exactly `count` fields, if there is one.
    #[must_use]
    pub fn with_count(count: usize) -> Option<Preset> {
        Preset::ALL
            .into_iter()
            .zip(preset_counts())
            .find(|(_, n)| *n == count)
            .map(|(p, _)| p)
    }
}

/// The field count of each preset, computed once (error paths ask for it per line).
fn preset_counts() -> [usize; 10] {
    static COUNTS: std::sync::OnceLock<[usize; 10]> = std::sync::OnceLock::new();
    *COUNTS.get_or_init(|| Preset::ALL.map(|p| p.format().len()))
}

/// Transit gateway default format: every v2–v6 field TGW logs have, in AWS's order.
const TGW_DEFAULT: [FieldName; 36] = {
    use FieldName as F;
    [
        F::Version,
        F::ResourceType,
        F::AccountId,
        F::TgwId,
        F::TgwAttachmentId,
        F::TgwSrcVpcAccountId,
        F::TgwDstVpcAccountId,
        F::TgwSrcVpcId,
        F::TgwDstVpcId,
        F::TgwSrcSubnetId,
        F::TgwDstSubnetId,
        F::TgwSrcEni,
        F::TgwDstEni,
        F::TgwSrcAzId,
        F::TgwDstAzId,
        F::TgwPairAttachmentId,
        F::Srcaddr,
        F::Dstaddr,
        F::Srcport,
        F::Dstport,
        F::Protocol,
        F::Packets,
        F::Bytes,
        F::Start,
        F::End,
        F::LogStatus,
        F::Type,
        F::PacketsLostNoRoute,
        F::PacketsLostBlackhole,
        F::PacketsLostMtuExceeded,
        F::PacketsLostTtlExpired,
        F::TcpFlags,
        F::Region,
        F::FlowDirection,
        F::PktSrcAwsService,
        F::PktDstAwsService,
    ]
};

impl Default for Format {
    fn default() -> Self {
        Preset::Default.format()
    }
}

impl Format {
    /// A format from a list of fields.
    #[must_use]
    pub fn new(fields: Vec<FieldName>) -> Format {
        Format {
            fields,
            unknown: Vec::new(),
        }
    }

    /// Reads a format as people write it: `${version} ${srcaddr}`, Terraform's
    /// `$${version}`, bare names (`version srcaddr`, as in S3 header lines),
    /// underscores or hyphens, separated by spaces, tabs or commas.
    ///
    /// A name that is no field this page knows, yet is no near miss of one either
    /// (`srcadr` is a typo of `srcaddr`; `ecs-task-id` may be a field AWS added after
    /// this page was made) is kept as a [`FieldName::Unknown`] column.
    ///
    /// # Errors
    /// An empty format, a mistyped field name (with the closest real one), a token
    /// that cannot be a field name, or a field listed twice.
    pub fn parse(text: &str) -> Result<Format, FormatError> {
        let mut fields = Vec::new();
        let mut unknown: Vec<String> = Vec::new();
        for (index, span) in tokens(text, |b| matches!(b, b' ' | b'\t' | b',' | b'\r' | b'\n')).enumerate() {
            let token = text.get(span.clone()).unwrap_or_default();
            let err = |kind| FormatError {
                kind,
                position: index + 1,
                span: span.clone(),
                found: token.to_owned(),
            };
            let Some(field) = FieldName::parse_loose(token) else {
                let suggestion = FieldName::closest(token);
                match new_field_name(token).filter(|_| suggestion.is_none()) {
                    Some(name) if !unknown.contains(&name) => {
                        fields.push(FieldName::Unknown);
                        unknown.push(name);
                        continue;
                    }
                    Some(_) => return Err(err(FormatErrorKind::Duplicate(FieldName::Unknown))),
                    None => return Err(err(FormatErrorKind::UnknownField { suggestion })),
                }
            };
            if fields.contains(&field) {
                return Err(err(FormatErrorKind::Duplicate(field)));
            }
            fields.push(field);
        }
        if fields.is_empty() {
            return Err(FormatError {
                kind: FormatErrorKind::Empty,
                position: 0,
                span: 0..text.len(),
                found: text.to_owned(),
            });
        }
        Ok(Format { fields, unknown })
    }

    /// The name of the field at `i`: the field's own, or for a
    /// [`FieldName::Unknown`] one the name the format gave it.
    #[must_use]
    pub fn name_at(&self, i: usize) -> &str {
        match self.fields.get(i) {
            Some(FieldName::Unknown) => {
                let k = self.fields.iter().take(i).filter(|f| **f == FieldName::Unknown).count();
                self.unknown.get(k).map_or(FieldName::Unknown.as_str(), String::as_str)
            }
            Some(f) => f.as_str(),
            None => "",
        }
    }

    /// The names this page does not know (kept as [`FieldName::Unknown`] columns).
    #[must_use]
    pub fn unknown_names(&self) -> &[String] {
        &self.unknown
    }

    /// The fields, in order.
    #[must_use]
    pub fn fields(&self) -> &[FieldName] {
        &self.fields
    }

    /// How many fields a record of this format has.
    #[must_use]
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    /// Whether the format lists no field (never true for a parsed format).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// Where `field` sits in a record, if the format has it.
    #[must_use]
    pub fn position(&self, field: FieldName) -> Option<usize> {
        self.fields.iter().position(|f| *f == field)
    }

    /// The version AWS writes for records of this format: the newest field's version.
    #[must_use]
    pub fn version(&self) -> u8 {
        self.fields.iter().map(|f| f.spec().version).max().unwrap_or(2)
    }

    /// The preset this format is, if it is one.
    #[must_use]
    pub fn preset(&self) -> Option<Preset> {
        Preset::ALL
            .into_iter()
            .zip(preset_counts())
            .filter(|(_, n)| *n == self.len())
            .map(|(p, _)| p)
            .find(|p| p.format() == *self)
    }

    /// The format as AWS's `--log-format` string: `${version} ${account-id} …`.
    #[must_use]
    pub fn to_log_format(&self) -> String {
        let names: Vec<String> = (0..self.fields.len())
            .map(|i| format!("${{{}}}", self.name_at(i)))
            .collect();
        names.join(" ")
    }

    /// The format as an S3 header line: `version account-id …`.
    #[must_use]
    pub fn to_header(&self) -> String {
        let names: Vec<&str> = (0..self.fields.len()).map(|i| self.name_at(i)).collect();
        names.join(" ")
    }
}

/// A format crosses between the page and its workers as its header line
/// (`version srcaddr …`, unknown names kept); one that does not read back is refused with
/// the message, never replaced by another format.
impl serde::Serialize for Format {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_header())
    }
}

impl<'de> serde::Deserialize<'de> for Format {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Format::parse(&text).map_err(|e| serde::de::Error::custom(e.message(crate::fields::Lang::En)))
    }
}

/// A token that reads as a field name AWS could have added: lowercase letters,
/// digits and hyphens (or underscores, as Athena and Parquet write them), starting
/// with a letter, at most 40 characters; `${…}` and `<…>` are taken off. Returned
/// with hyphens, as S3 header lines write names.
fn new_field_name(token: &str) -> Option<String> {
    let bare = token
        .trim_start_matches('$')
        .trim_start_matches('{')
        .trim_end_matches('}')
        .trim_start_matches('<')
        .trim_end_matches('>');
    let ok = (2..=40).contains(&bare.len())
        && bare.starts_with(|c: char| c.is_ascii_lowercase())
        && bare
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    ok.then(|| bare.replace('_', "-"))
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_log_format())
    }
}
