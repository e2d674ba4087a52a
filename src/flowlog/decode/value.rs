//! Typed values of flow log fields, and how each raw token is read.

use std::net::IpAddr;
use std::str::FromStr;

use crate::fields::{Code, FieldSpec, Kind};

use crate::flowlog::decode::error::ValueError;

/// A decoded field value. Text-like values (IDs, names) are not copied: their
/// text is the cell's span in the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    /// `-`: not applicable or not computed for this record.
    Absent,
    /// Hidden by whoever shared the line (`XXXXXXXX`, `xx.xx.xx.xx`).
    Masked,
    /// The literal word `unknown` (account-id of AWS-managed interfaces).
    Unknown,
    /// A plain number (version, lost-packet counters).
    Number(u64),
    /// An account ID (12 digits, or another digit count, which is flagged).
    Account,
    /// A resource ID, name, ARN, Region, zone ID or tag: see the raw text.
    Text,
    /// An IP address.
    Addr(IpAddr),
    /// A port number.
    Port(u16),
    /// An IANA protocol number.
    Protocol(u8),
    /// A packet or byte count.
    Count(u64),
    /// Unix epoch seconds.
    Time(i64),
    /// `ACCEPT` / `REJECT`.
    Action(Action),
    /// `OK` / `NODATA` / `SKIPDATA`.
    LogStatus(LogStatus),
    /// `ingress` / `egress`.
    Direction(FlowDirection),
    /// TCP flags, OR-ed.
    TcpFlags(TcpFlags),
    /// A documented code of this field (traffic-path 8, `S3`, `IPv6`, …).
    Code(&'static Code),
    /// A value of an open set that is not in the documented list.
    OtherCode,
}

/// The verdict of a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// `ACCEPT`.
    Accept,
    /// `REJECT`.
    Reject,
}

/// The logging status of a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogStatus {
    /// `OK`.
    Ok,
    /// `NODATA`.
    NoData,
    /// `SKIPDATA`.
    SkipData,
}

/// The direction of a flow relative to the recorded interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlowDirection {
    /// `ingress`: into the interface.
    Ingress,
    /// `egress`: out of the interface.
    Egress,
}

macro_rules! keyword_enum {
    ($ty:ident, $($word:literal => $variant:ident),*) => {
        impl $ty {
            /// The words a record may hold (and `-`).
            pub const WORDS: &'static [&'static str] = &[$($word,)* "-"];
        }
        impl FromStr for $ty {
            type Err = ValueError;
            fn from_str(s: &str) -> Result<Self, ValueError> {
                match s {
                    $($word => Ok($ty::$variant),)*
                    _ => Err(ValueError::Keyword { allowed: $ty::WORDS }),
                }
            }
        }
    };
}

keyword_enum!(Action, "ACCEPT" => Accept, "REJECT" => Reject);
keyword_enum!(LogStatus, "OK" => Ok, "NODATA" => NoData, "SKIPDATA" => SkipData);
keyword_enum!(FlowDirection, "ingress" => Ingress, "egress" => Egress);

/// The `tcp-flags` bitmask.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct TcpFlags(pub u8);

impl TcpFlags {
    /// FIN: the sender closed its side.
    pub const FIN: u8 = 0x01;
    /// SYN: the sender opened a connection.
    pub const SYN: u8 = 0x02;
    /// RST: the sender aborted the connection.
    pub const RST: u8 = 0x04;
    /// PSH (only in older VPC and transit gateway docs).
    pub const PSH: u8 = 0x08;
    /// ACK (reported only as part of SYN-ACK, 18).
    pub const ACK: u8 = 0x10;
    /// URG (only in older VPC and transit gateway docs).
    pub const URG: u8 = 0x20;

    /// Whether every bit of `flag` is set.
    #[must_use]
    pub const fn contains(self, flag: u8) -> bool {
        self.0 & flag == flag
    }

    /// The flag names as AWS reports them: SYN with ACK reads as one unit, `SYN-ACK`.
    #[must_use]
    pub fn names(self) -> Vec<&'static str> {
        let mut out = Vec::new();
        let syn_ack = self.contains(Self::SYN | Self::ACK);
        if syn_ack {
            out.push("SYN-ACK");
        } else if self.contains(Self::SYN) {
            out.push("SYN");
        }
        if self.contains(Self::FIN) {
            out.push("FIN");
        }
        if self.contains(Self::RST) {
            out.push("RST");
        }
        if self.contains(Self::PSH) {
            out.push("PSH");
        }
        if self.contains(Self::ACK) && !syn_ack {
            out.push("ACK");
        }
        if self.contains(Self::URG) {
            out.push("URG");
        }
        for bit in [0x40u8, 0x80] {
            if self.contains(bit) {
                out.push(if bit == 0x40 { "ECE" } else { "CWR" });
            }
        }
        out
    }

    /// Whether only flags current VPC docs report (FIN, SYN, RST, and ACK within SYN-ACK) are set.
    #[must_use]
    pub const fn is_current(self) -> bool {
        let ack_alone = self.contains(Self::ACK) && !self.contains(Self::SYN);
        self.0 & !(Self::FIN | Self::SYN | Self::RST | Self::ACK) == 0 && !ack_alone
    }
}

/// Whether a token looks masked: only `x`, `X` or `*` (at least two), optionally
/// with `.`/`:`/`-` between them, and possibly after an ID prefix such as `eni-`.
#[must_use]
pub fn is_masked(raw: &str) -> bool {
    // Fast exit for the common case: no mask character at all.
    if !raw.bytes().any(|b| matches!(b, b'x' | b'X' | b'*')) {
        return false;
    }
    let body = raw.rsplit_once('-').map_or(raw, |(head, tail)| {
        if head.bytes().all(|b| b.is_ascii_lowercase()) && !head.is_empty() {
            tail
        } else {
            raw
        }
    });
    let mut marks = 0;
    for b in body.bytes() {
        match b {
            b'x' | b'X' | b'*' => marks += 1,
            b'.' | b':' | b'-' => {}
            _ => return false,
        }
    }
    marks >= 2
}

fn integer(raw: &str, max: u64) -> Result<u64, ValueError> {
    number(raw.as_bytes(), max).ok_or(ValueError::Integer { min: 0, max })
}

/// Digits only (at least one, no sign), at most `max`, as a number. Digits are checked
/// without an early exit (the compiler does several at once) before any arithmetic.
fn number(bytes: &[u8], max: u64) -> Option<u64> {
    if bytes.is_empty() || bytes.len() > 20 || !bytes.iter().fold(true, |ok, b| ok & b.is_ascii_digit()) {
        return None;
    }
    let n = bytes
        .iter()
        .try_fold(0u64, |n, &b| n.checked_mul(10)?.checked_add(u64::from(b - b'0')))?;
    (n <= max).then_some(n)
}

fn code(spec: &'static FieldSpec, raw: &str, open: bool) -> Result<Value, ValueError> {
    match spec.code(raw) {
        Some(c) => Ok(Value::Code(c)),
        None if open => Ok(Value::OtherCode),
        None => Err(ValueError::Keyword {
            allowed: allowed_words(spec),
        }),
    }
}

/// The documented words of closed enumerations, for error messages.
fn allowed_words(spec: &FieldSpec) -> &'static [&'static str] {
    match spec.kind {
        Kind::TrafficType => &["IPv4", "IPv6", "EFA", "-"],
        Kind::SublocationType => &["wavelength", "outpost", "localzone", "-"],
        Kind::ResourceType => &["TransitGateway", "TransitGatewayAttachment"],
        _ => &[],
    }
}

fn is_region(raw: &str) -> bool {
    // e.g. us-east-1, ap-northeast-1, us-gov-west-1, eu-isoe-west-1: two lowercase
    // letters, then at least two more parts, the last all digits. One pass.
    let bytes = raw.as_bytes();
    let (mut parts, mut part_len, mut last_digits) = (1usize, 0usize, true);
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'-' => {
                if parts == 1 && i != 2 {
                    return false;
                }
                parts += 1;
                part_len = 0;
                last_digits = true;
            }
            b'a'..=b'z' => {
                if parts == 1 && i >= 2 {
                    return false;
                }
                part_len += 1;
                last_digits = false;
            }
            b'0'..=b'9' if parts > 1 => part_len += 1,
            _ => return false,
        }
    }
    parts >= 3 && part_len > 0 && last_digits
}

/// Reads one raw token as a value of the field described by `spec`.
///
/// # Errors
/// A [`ValueError`] saying what the field expects.
pub fn parse_value(spec: &'static FieldSpec, raw: &str) -> Result<Value, ValueError> {
    // Byte patterns rather than `==` on str: this runs for every value of big files.
    if let [b'-'] = raw.as_bytes() {
        return Ok(Value::Absent);
    }
    // Text-like kinds would accept a masked token as text: check those first. Other
    // kinds only look for a mask when the value does not parse (the common case is fast).
    let textual = matches!(
        spec.kind,
        Kind::ResourceId(_) | Kind::Name | Kind::AzId | Kind::Region | Kind::Arn | Kind::Tag
    );
    if textual && (is_masked(raw) || placeholder(raw)) {
        return Ok(Value::Masked);
    }
    match typed(spec, raw) {
        // An all-zero account (`000000000000`) is a placeholder, not an account.
        Ok(Value::Account) if raw.bytes().all(|b| b == b'0') && raw.len() >= 8 => Ok(Value::Masked),
        Err(_) if !textual && (is_masked(raw) || placeholder(raw)) => Ok(Value::Masked),
        other => other,
    }
}

/// Whether a `start`/`end` token is in epoch milliseconds (13 digits) rather than
/// the documented seconds.
#[must_use]
pub fn is_millis(raw: &str) -> bool {
    raw.len() == 13 && raw.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a token is a placeholder people put in shared records instead of the
/// real value: `<account-id>`, `REDACTED`, `10.0.x.x`, `185.x.x.x`, `9xxx`,
/// `eni-069xxxxxb7a490` (runs of `x` inside a hexadecimal ID — real IDs have no
/// `x`), `eni-00000000`, or a value in quotes (`'eni-0123…'`).
#[must_use]
pub fn placeholder(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    match bytes {
        [b'<', .., b'>'] | [b'[', .., b']'] | [b'{', .., b'}'] if bytes.len() > 2 => return true,
        [b'\'', .., b'\''] | [b'"', .., b'"'] if bytes.len() > 2 => return true,
        _ => {}
    }
    let is_x = |b: &u8| matches!(b, b'x' | b'X' | b'*');
    let xs = bytes.iter().filter(|b| is_x(b)).count();
    if xs == 0 {
        // This runs for every ID of every record: the common case leaves here.
        const WORDS: [&str; 6] = ["redacted", "masked", "sanitized", "sanitised", "hidden", "removed"];
        let zeros = bytes.last() == Some(&b'0') && {
            let tail = raw.rsplit_once('-').map_or("", |(_, t)| t);
            tail.len() >= 8 && tail.bytes().all(|b| b == b'0')
        };
        return zeros || (6..=9).contains(&bytes.len()) && WORDS.iter().any(|w| raw.eq_ignore_ascii_case(w));
    }
    // Addresses with some parts masked: 10.0.x.x, 198.51.100.x, 2001:db8::x.
    if bytes.iter().any(|b| matches!(b, b'.' | b':')) {
        let parts_ok = raw
            .split(['.', ':'])
            .all(|p| p.is_empty() || p.bytes().all(|b| b.is_ascii_hexdigit()) || p.bytes().all(|b| is_x(&b)));
        if parts_ok {
            return true;
        }
    }
    // IDs and accounts with a run of x: eni-0axxxxxx1ad77, 9xxx.
    let body = raw.rsplit_once('-').map_or(raw, |(head, tail)| {
        if !head.is_empty() && head.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
            tail
        } else {
            raw
        }
    });
    let xs = body.bytes().filter(|b| is_x(b)).count();
    xs >= 2 && body.bytes().all(|c| c.is_ascii_hexdigit() || is_x(&c))
}

/// Whether `raw` is a valid value of `spec`: the same answer as
/// `parse_value(spec, raw).is_ok()`, found without building the value for the common
/// cases. Indexing a large file uses [`Check`], worked out once per field.
#[must_use]
pub fn is_valid(spec: &'static FieldSpec, raw: &str) -> bool {
    Check::of(spec).valid(raw)
}

/// How the values of one field are checked when a large file is indexed: worked out once
/// per field of a format ([`Check::of`]), then applied to every value of every line.
/// [`is_valid`] is the same check for one value.
#[derive(Clone, Copy, Debug)]
pub struct Check {
    fast: Fast,
    spec: &'static FieldSpec,
}

/// The quick test for the common values; what it refuses gets the full parse.
#[derive(Clone, Copy, Debug)]
enum Fast {
    /// Digits only, at most `max` (which has `width` digits).
    Int { max: u64, width: u8 },
    /// A plain dotted quad.
    Ipv4,
    /// One of these words (see [`Words`]).
    Words(Words),
    /// Any text.
    Any,
    /// A code of the field's list.
    Code,
    /// An AWS Region's name.
    Region,
    /// Up to 20 digits.
    Account,
    /// The prefix, then letters and digits.
    Resource(&'static str),
    /// Nothing quick: the full parse.
    None,
}

impl Check {
    /// The check for `spec`'s values.
    #[must_use]
    pub fn of(spec: &'static FieldSpec) -> Check {
        let fast = match spec.kind {
            Kind::Version | Kind::Protocol | Kind::TcpFlags | Kind::TrafficPath | Kind::EncryptionStatus => {
                Fast::int(255)
            }
            Kind::Port => Fast::int(u64::from(u16::MAX)),
            Kind::Packets | Kind::Bytes => Fast::int(u64::MAX),
            Kind::Time => Fast::int(i64::MAX as u64),
            Kind::Addr => Fast::Ipv4,
            Kind::Action => Fast::Words(Words::of(&[b"ACCEPT", b"REJECT"])),
            Kind::LogStatus => Fast::Words(Words::of(&[b"OK", b"NODATA", b"SKIPDATA"])),
            Kind::FlowDirection => Fast::Words(Words::of(&[b"ingress", b"egress"])),
            // Any text is a valid name or AZ ID (masked or not); open code lists take
            // any word (an unknown one is shown as such).
            Kind::AzId | Kind::Name | Kind::AwsService | Kind::RejectReason | Kind::InterfaceType => Fast::Any,
            Kind::TrafficType | Kind::SublocationType | Kind::ResourceType => Fast::Code,
            Kind::Region => Fast::Region,
            Kind::Account => Fast::Account,
            Kind::ResourceId(prefix) => Fast::Resource(prefix),
            _ => Fast::None,
        };
        Check { fast, spec }
    }

    /// Whether `raw` is a valid value: the same answer as `parse_value(spec, raw).is_ok()`.
    #[must_use]
    #[inline]
    pub fn valid(self, raw: &str) -> bool {
        let bytes = raw.as_bytes();
        if matches!(bytes, [b'-']) {
            return true;
        }
        let fast = match self.fast {
            Fast::Int { max, width } => fits_width(bytes, max, usize::from(width)),
            Fast::Ipv4 => plain_ipv4(bytes).is_some(),
            Fast::Words(words) => words.contains(bytes),
            Fast::Any => true,
            Fast::Code => self.spec.code(raw).is_some(),
            Fast::Region => is_region(raw),
            Fast::Account => fits(bytes, u64::MAX) || (bytes.len() == 20 && bytes.iter().all(u8::is_ascii_digit)),
            Fast::Resource(prefix) => resource_id(prefix, bytes),
            Fast::None => false,
        };
        fast || parse_value(self.spec, raw).is_ok()
    }
}

impl Fast {
    fn int(max: u64) -> Fast {
        Fast::Int {
            max,
            width: u8::try_from(digits(max)).unwrap_or(20),
        }
    }
}

/// Up to three words of up to eight bytes, each kept as its length and its bytes in one
/// number: a value is one of them when both match (no `memcmp` call per value, which
/// `<[u8]>::contains` makes).
#[derive(Clone, Copy, Debug)]
struct Words([(usize, u64); 3]);

impl Words {
    fn of(words: &[&[u8]]) -> Words {
        let mut out = [(usize::MAX, 0); 3];
        for (slot, w) in out.iter_mut().zip(words) {
            *slot = (w.len(), packed(w));
        }
        Words(out)
    }

    fn contains(&self, bytes: &[u8]) -> bool {
        bytes.len() <= 8 && {
            let key = (bytes.len(), packed(bytes));
            self.0.iter().fold(false, |found, w| found | (*w == key))
        }
    }
}

/// Up to eight bytes as one number (more are left out).
fn packed(bytes: &[u8]) -> u64 {
    bytes.iter().take(8).rev().fold(0, |n, &b| (n << 8) | u64::from(b))
}

/// Digits of `max`: 255 → 3, 65535 → 5, i64::MAX → 19, u64::MAX → 20.
fn digits(max: u64) -> usize {
    max.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// Digits only (at least one), at most `max`: [`integer`]'s answer without its error.
fn fits(bytes: &[u8], max: u64) -> bool {
    fits_width(bytes, max, digits(max))
}

/// [`fits`], with the digits of `max` worked out before (once per field, not per value).
/// Digits are checked without an early exit (the compiler does several at once), and a
/// number shorter than `max` needs no arithmetic at all.
fn fits_width(bytes: &[u8], max: u64, width: usize) -> bool {
    if bytes.is_empty() || bytes.len() > 20 || !bytes.iter().fold(true, |ok, b| ok & b.is_ascii_digit()) {
        return false;
    }
    if bytes.len() < width {
        return true;
    }
    let n = bytes
        .iter()
        .try_fold(0u64, |n, &b| n.checked_mul(10)?.checked_add(u64::from(b - b'0')));
    n.is_some_and(|n| n <= max)
}

/// Whether `bytes` is `prefix` then at least one ASCII letter or digit (an ID such as
/// `eni-0a1b2c3d`). The prefix is compared byte by byte: `strip_prefix` calls `memcmp`
/// for four bytes.
fn resource_id(prefix: &str, bytes: &[u8]) -> bool {
    let prefix = prefix.as_bytes();
    bytes.len() > prefix.len()
        && bytes.iter().zip(prefix).all(|(a, b)| a == b)
        && alphanumeric(bytes.get(prefix.len()..).unwrap_or_default())
}

/// Whether every byte is an ASCII letter or digit (no early exit: see [`fits`]).
fn alphanumeric(bytes: &[u8]) -> bool {
    bytes.iter().fold(true, |ok, b| ok & b.is_ascii_alphanumeric())
}

/// The address of a plain dotted quad (four decimal numbers 0–255 without leading zeros,
/// as AWS writes them), as a number; anything else is `None`.
#[must_use]
pub fn plain_ipv4(bytes: &[u8]) -> Option<u32> {
    let (mut dots, mut value, mut digits, mut addr) = (0u8, 0u32, 0u8, 0u32);
    for &b in bytes {
        if b == b'.' {
            if digits == 0 || dots == 3 {
                return None;
            }
            dots += 1;
            addr = (addr << 8) | value;
            (value, digits) = (0, 0);
            continue;
        }
        let d = b.wrapping_sub(b'0');
        if d > 9 || (digits == 1 && value == 0) {
            return None;
        }
        value = value * 10 + u32::from(d);
        digits += 1;
        if value > 255 {
            return None;
        }
    }
    (dots == 3 && digits > 0).then_some((addr << 8) | value)
}

fn typed(spec: &'static FieldSpec, raw: &str) -> Result<Value, ValueError> {
    match spec.kind {
        Kind::Version => integer(raw, 255).map(Value::Number),
        Kind::Account if raw.as_bytes() == b"unknown" => Ok(Value::Unknown),
        Kind::Account if !raw.is_empty() && raw.len() <= 20 && raw.bytes().all(|b| b.is_ascii_digit()) => {
            Ok(Value::Account)
        }
        Kind::Account => Err(ValueError::Account),
        Kind::ResourceId(prefix) if resource_id(prefix, raw.as_bytes()) => Ok(Value::Text),
        Kind::ResourceId(prefix) => Err(ValueError::Id { prefix }),
        // A plain dotted quad read in one pass; anything else (IPv6) by the standard parser.
        Kind::Addr => match plain_ipv4(raw.as_bytes()) {
            Some(n) => Ok(Value::Addr(IpAddr::V4(std::net::Ipv4Addr::from(n)))),
            None => raw.parse::<IpAddr>().map(Value::Addr).map_err(|_| ValueError::Address),
        },
        Kind::Port => integer(raw, u64::from(u16::MAX)).map(|n| Value::Port(u16::try_from(n).unwrap_or(0))),
        Kind::Protocol => integer(raw, 255).map(|n| Value::Protocol(u8::try_from(n).unwrap_or(0))),
        Kind::Packets => integer(raw, u64::MAX).map(|n| {
            if spec.scope == crate::fields::Scope::Tgw {
                Value::Number(n)
            } else {
                Value::Count(n)
            }
        }),
        Kind::Bytes => integer(raw, u64::MAX).map(Value::Count),
        // Epoch milliseconds (13 digits) are not documented but seen in the wild: read as
        // seconds, and flagged where the value is explained.
        Kind::Time => integer(raw, i64::MAX as u64).map(|n| {
            let n = if is_millis(raw) { n / 1000 } else { n };
            Value::Time(i64::try_from(n).unwrap_or(0))
        }),
        Kind::Action => raw.parse().map(Value::Action),
        Kind::LogStatus => raw.parse().map(Value::LogStatus),
        Kind::FlowDirection => raw.parse().map(Value::Direction),
        Kind::TcpFlags => integer(raw, 255).map(|n| Value::TcpFlags(TcpFlags(u8::try_from(n).unwrap_or(0)))),
        Kind::TrafficPath | Kind::EncryptionStatus => {
            integer(raw, 255)?;
            code(spec, raw, true)
        }
        Kind::TrafficType | Kind::SublocationType | Kind::ResourceType => code(spec, raw, false),
        Kind::AwsService | Kind::RejectReason | Kind::InterfaceType => code(spec, raw, true),
        Kind::Region if is_region(raw) => Ok(Value::Text),
        Kind::Region => Err(ValueError::Region),
        Kind::Arn if raw.starts_with("arn:") => Ok(Value::Text),
        Kind::Arn => Err(ValueError::Arn),
        Kind::Tag => percent_encoding::percent_decode_str(raw)
            .decode_utf8()
            .map(|_| Value::Text)
            .map_err(|_| ValueError::Tag),
        Kind::AzId | Kind::Name => Ok(Value::Text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::FieldName;

    #[test]
    fn ok_region_shapes() {
        for good in ["us-east-1", "ap-northeast-1", "us-gov-west-1", "eu-isoe-west-1"] {
            assert!(is_region(good), "{good}");
        }
        for bad in [
            "",
            "us-east",
            "us-east-",
            "use-east-1",
            "us-East-1",
            "u1-east-1",
            "us-east-1a",
            "-us-east-1",
        ] {
            assert!(!is_region(bad), "{bad}");
        }
    }

    #[test]
    fn ok_masked_shapes() {
        for raw in ["XXXXXXXXX", "xx.xx.xx.xx", "xxxxxxxxxx", "eni-xxxxxxxx", "**"] {
            assert!(is_masked(raw), "{raw}");
        }
        for raw in ["-", "x", "eni-aaaaaaa", "10.0.0.1", "xylophone", "ACCEPT"] {
            assert!(!is_masked(raw), "{raw}");
        }
    }

    #[test]
    fn ok_flag_names() {
        assert_eq!(TcpFlags(19).names(), vec!["SYN-ACK", "FIN"]);
        assert_eq!(TcpFlags(3).names(), vec!["SYN", "FIN"]);
        assert_eq!(TcpFlags(16).names(), vec!["ACK"]);
        assert!(TcpFlags(18).is_current());
        assert!(!TcpFlags(16).is_current());
        assert!(!TcpFlags(8).is_current());
    }

    #[test]
    fn err_integer_rejects_plus_sign() {
        let spec = FieldName::Protocol.spec();
        assert_eq!(parse_value(spec, "+6"), Err(ValueError::Integer { min: 0, max: 255 }));
        assert_eq!(parse_value(spec, "256"), Err(ValueError::Integer { min: 0, max: 255 }));
        assert_eq!(parse_value(spec, "6"), Ok(Value::Protocol(6)));
    }
}
