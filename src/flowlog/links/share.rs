//! Share links: the input and the format, deflated and base64url-encoded into the
//! URL fragment (`#s1=…`), which browsers never send to a server. And masking of
//! account IDs and addresses before sharing.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::ops::Range;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

use crate::fields::messages as m;
use crate::fields::{Kind, Lang};

use crate::flowlog::bulk::index::Table;
use crate::flowlog::decode::split;
use crate::flowlog::explain::addr::AddrKind;
use crate::flowlog::Options;

/// The fragment prefix of a share link (version 1 of the encoding).
pub const PREFIX: &str = "s1=";

/// A decoded link never inflates to more than this (a "zip bomb" stops here).
pub const MAX_INFLATED: usize = 16 * 1024 * 1024;

/// A fragment longer than this is refused before decoding.
pub const MAX_FRAGMENT: usize = 8 * 1024 * 1024;

/// What a share link carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Payload {
    /// The format box.
    pub format: String,
    /// The paste box.
    pub input: String,
}

/// Why a fragment could not be read as a share link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Longer than [`MAX_FRAGMENT`].
    TooLong,
    /// Not base64url.
    NotBase64,
    /// Not valid deflate data (truncated or altered link).
    Corrupt,
    /// Inflates past [`MAX_INFLATED`].
    TooLarge,
    /// Inflates to bytes that are not UTF-8 text.
    NotText,
}

impl ShareError {
    /// The message in `lang`.
    #[must_use]
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            ShareError::TooLong => m::LINK_TOO_LONG,
            ShareError::NotBase64 => m::LINK_NOT_BASE64,
            ShareError::Corrupt => m::LINK_CORRUPT,
            ShareError::TooLarge => m::LINK_TOO_LARGE,
            ShareError::NotText => m::LINK_NOT_TEXT,
        }
        .get(lang)
    }
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message(Lang::En))
    }
}

impl std::error::Error for ShareError {}

/// The fragment (without `#`) for a link to `input` read with `format`.
#[must_use]
pub fn encode(format: &str, input: &str) -> String {
    // The format box is one line; the first newline separates it from the input.
    let payload = format!("{}\n{input}", format.replace(['\n', '\r'], " "));
    let packed = miniz_oxide::deflate::compress_to_vec(payload.as_bytes(), 9);
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(packed))
}

/// Reads a fragment (with or without the leading `#`). `Ok(None)` when the
/// fragment is not a share link at all (empty, or some other anchor).
///
/// # Errors
/// A [`ShareError`] when it is a share link that cannot be read.
pub fn decode(fragment: &str) -> Result<Option<Payload>, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let Some(data) = fragment.strip_prefix(PREFIX) else {
        return Ok(None);
    };
    if data.len() > MAX_FRAGMENT {
        return Err(ShareError::TooLong);
    }
    let packed = URL_SAFE_NO_PAD
        .decode(data.trim_end_matches('='))
        .map_err(|_| ShareError::NotBase64)?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_INFLATED).map_err(|e| {
        if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
            ShareError::TooLarge
        } else {
            ShareError::Corrupt
        }
    })?;
    let text = String::from_utf8(bytes).map_err(|_| ShareError::NotText)?;
    let (format, input) = text.split_once('\n').unwrap_or((text.as_str(), ""));
    Ok(Some(Payload {
        format: format.to_owned(),
        input: input.to_owned(),
    }))
}

/// The first line of a masked link's text: what the reader sees, and why the values
/// look like examples.
pub const MASK_NOTE: &str =
    "# Masked: account IDs and addresses are placeholders (the same value has the same placeholder; private stays private).";

/// Replaces every account ID and address in `text` (read with `options`) by a
/// placeholder, the same for the same value, so a shared link still shows who talked
/// to whom: addresses by addresses of the same kind (private IPv4 by 10.0.0.0/8,
/// other IPv4 by the documentation ranges 198.51.100.0/24, 203.0.113.0/24 and
/// 192.0.2.0/24, then 198.18.0.0/15; IPv6 by 2001:db8::/32, private IPv6 by
/// fd00::/8), accounts by `000000000001`, `000000000002`… Records are masked field by
/// field (addresses, accounts, accounts inside ARNs); other lines and text values token
/// by token (addresses, CIDRs, `ip-10-0-0-1` host names, 12-digit numbers, ARNs).
/// Works on any size of text (the compact index, not the full decoder).
#[must_use]
pub fn mask(text: &str, options: &Options) -> String {
    let table = Table::build(text.to_owned(), options);
    let text = table.text();
    let mut found: Vec<(Range<usize>, Secret)> = Vec::new();
    for row in table.rows() {
        let line = table.line_text(row);
        let base = offset(text, line);
        if row.kind.is_record() {
            let format = table.format_of(row);
            let mut end = base;
            for (pos, field) in format.fields().iter().enumerate() {
                let Some(raw) = table.raw_at(row, Some(pos)) else {
                    continue;
                };
                let at = offset(text, raw);
                end = end.max(at + raw.len());
                match field.spec().kind {
                    Kind::Addr => {
                        if let Ok(ip) = raw.parse::<IpAddr>() {
                            found.push((at..at + raw.len(), Secret::Ip(ip)));
                        }
                    }
                    Kind::Account if raw.bytes().all(|b| b.is_ascii_digit()) && !raw.is_empty() => {
                        found.push((at..at + raw.len(), Secret::Account(raw.to_owned())));
                    }
                    // IDs, numbers, codes and times hold no secret; names, tags and ARNs may.
                    Kind::Arn | Kind::Name | Kind::Tag => scan(raw, at, &mut found),
                    _ => {}
                }
            }
            // A trailing `# comment` (and whatever a timestamp or wrapper put around).
            let tail = text.get(end..base + line.len()).unwrap_or_default();
            scan(tail, end, &mut found);
        } else {
            scan(line, base, &mut found);
        }
    }
    let mut masker = Masker::new(found.iter().map(|(_, s)| s));
    found.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(text.len() + MASK_NOTE.len() + 1);
    out.push_str(MASK_NOTE);
    out.push('\n');
    let mut at = 0;
    for (r, secret) in found {
        if r.start < at {
            continue;
        }
        out.push_str(text.get(at..r.start).unwrap_or_default());
        out.push_str(&masker.placeholder(&secret));
        at = r.end;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    out
}

/// A value to hide.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Secret {
    Ip(IpAddr),
    /// `ip-10-0-0-1`: an EC2 host name holding an address.
    Host(Ipv4Addr),
    Account(String),
}

/// Finds secrets in free text: addresses (also in CIDRs), EC2 host names, 12-digit
/// numbers (account IDs) and the account inside ARNs. `base`: where `s` starts.
fn scan(s: &str, base: usize, out: &mut Vec<(Range<usize>, Secret)>) {
    let is_part = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b':' | b'-' | b'_');
    for r in split::tokens(s, |b| !is_part(b)) {
        let token = s.get(r.clone()).unwrap_or_default();
        let at = base + r.start;
        if let Ok(ip) = token.trim_end_matches(['.', ':']).parse::<IpAddr>() {
            let len = token.trim_end_matches(['.', ':']).len();
            out.push((at..at + len, Secret::Ip(ip)));
        } else if let Some(ip) = host_address(token) {
            out.push((at..at + "ip-".len() + host_len(token), Secret::Host(ip)));
        } else if token.starts_with("arn:") {
            // arn:partition:service:region:account:resource
            let mut offset_in = 0;
            for (i, part) in token.split(':').enumerate() {
                if i == 4 && part.len() == 12 && part.bytes().all(|b| b.is_ascii_digit()) {
                    out.push((at + offset_in..at + offset_in + 12, Secret::Account(part.to_owned())));
                }
                offset_in += part.len() + 1;
            }
        } else if token.len() == 12 && token.bytes().all(|b| b.is_ascii_digit()) {
            out.push((at..at + 12, Secret::Account(token.to_owned())));
        }
    }
}

/// The address in an EC2 host name (`ip-10-0-0-1`, `ip-10-0-0-1.ec2.internal`).
fn host_address(token: &str) -> Option<Ipv4Addr> {
    let rest = token.strip_prefix("ip-")?;
    rest.get(..host_len(token))?.replace('-', ".").parse().ok()
}

/// The length of the dashed address after `ip-`.
fn host_len(token: &str) -> usize {
    let rest = token.get(3..).unwrap_or_default();
    rest.find(|c: char| !(c.is_ascii_digit() || c == '-'))
        .unwrap_or(rest.len())
        .min(15)
}

/// The byte offset of `part` (a sub-slice) in `whole`.
fn offset(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .saturating_sub(whole.as_ptr() as usize)
        .min(whole.len())
}

/// Hands out placeholders: the same value, the same placeholder; never one that is
/// itself a value of the text (so no original survives by coincidence).
struct Masker {
    originals: HashSet<Secret>,
    given: HashMap<Secret, String>,
    private4: u32,
    public4: u32,
    private6: u128,
    public6: u128,
    accounts: u64,
}

impl Masker {
    fn new<'a>(secrets: impl Iterator<Item = &'a Secret>) -> Masker {
        let mut originals: HashSet<Secret> = HashSet::new();
        for s in secrets {
            originals.insert(s.clone());
            // A host name's address and the same address as an address are one value.
            if let Secret::Host(ip) = s {
                originals.insert(Secret::Ip(IpAddr::V4(*ip)));
            }
        }
        Masker {
            originals,
            given: HashMap::new(),
            private4: 0,
            public4: 0,
            private6: 0,
            public6: 0,
            accounts: 0,
        }
    }

    fn placeholder(&mut self, secret: &Secret) -> String {
        let key = match secret {
            Secret::Host(ip) => Secret::Ip(IpAddr::V4(*ip)),
            other => other.clone(),
        };
        let value = match self.given.get(&key) {
            Some(v) => v.clone(),
            None => {
                let v = self.next(&key);
                self.given.insert(key, v.clone());
                v
            }
        };
        match secret {
            Secret::Host(_) => format!("ip-{}", value.replace('.', "-")),
            _ => value,
        }
    }

    /// The next unused placeholder of the kind of `secret`.
    fn next(&mut self, secret: &Secret) -> String {
        loop {
            let candidate = match secret {
                Secret::Account(_) => {
                    self.accounts += 1;
                    Secret::Account(format!("{:012}", self.accounts))
                }
                Secret::Ip(IpAddr::V4(ip)) if AddrKind::of(IpAddr::V4(*ip)).is_internal() => {
                    self.private4 += 1;
                    let n = self.private4;
                    Secret::Ip(IpAddr::V4(Ipv4Addr::new(
                        10,
                        ((n >> 16) & 0xff) as u8,
                        ((n >> 8) & 0xff) as u8,
                        (n & 0xff) as u8,
                    )))
                }
                Secret::Ip(IpAddr::V4(_)) | Secret::Host(_) => {
                    self.public4 += 1;
                    Secret::Ip(IpAddr::V4(public_v4(self.public4)))
                }
                Secret::Ip(IpAddr::V6(ip)) => {
                    let private = AddrKind::of(IpAddr::V6(*ip)).is_internal();
                    let (prefix, n) = if private {
                        self.private6 += 1;
                        (0xfd00_u128 << 112, self.private6)
                    } else {
                        self.public6 += 1;
                        (0x2001_0db8_u128 << 96, self.public6)
                    };
                    Secret::Ip(IpAddr::V6(Ipv6Addr::from(prefix | n)))
                }
            };
            if !self.originals.contains(&candidate) {
                return match candidate {
                    Secret::Account(a) => a,
                    Secret::Ip(ip) => ip.to_string(),
                    Secret::Host(ip) => ip.to_string(),
                };
            }
        }
    }
}

/// The `n`-th public-looking placeholder: the three documentation ranges, then
/// 198.18.0.0/15 (benchmarking) when a text has more than 762 public addresses.
fn public_v4(n: u32) -> Ipv4Addr {
    const DOCS: [[u8; 3]; 3] = [[198, 51, 100], [203, 0, 113], [192, 0, 2]];
    let i = n.saturating_sub(1);
    match DOCS.get((i / 254) as usize) {
        Some([a, b, c]) => Ipv4Addr::new(*a, *b, *c, (i % 254 + 1) as u8),
        None => {
            let k = i - 762;
            Ipv4Addr::new(
                198,
                18 + ((k >> 16) & 1) as u8,
                ((k >> 8) & 0xff) as u8,
                (k & 0xff) as u8,
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::FieldName;
    use crate::flowlog::{decode_text, Options};

    #[test]
    fn ok_round_trip() {
        let f = encode("${version} ${srcaddr}", "2 10.0.0.1\n2 ::1\n東京");
        assert!(f.starts_with(PREFIX));
        assert!(f
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'='));
        let s = decode(&format!("#{f}")).unwrap().unwrap();
        assert_eq!(s.format, "${version} ${srcaddr}");
        assert_eq!(s.input, "2 10.0.0.1\n2 ::1\n東京");
    }

    #[test]
    fn err_hostile_fragments() {
        assert_eq!(decode(""), Ok(None));
        assert_eq!(decode("#top"), Ok(None));
        assert_eq!(decode("#s1=!!!"), Err(ShareError::NotBase64));
        assert_eq!(decode("#s1=AAAA"), Err(ShareError::Corrupt));
        let good = encode("", "2 123456789012 eni-1 10.0.0.1 10.0.0.2");
        assert_eq!(decode(&good[..good.len() - 6]), Err(ShareError::Corrupt));
        // 64 MiB of zeros deflate to ~64 KiB: a bomb, refused at 16 MiB.
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![0u8; 64 << 20], 9);
        let f = format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(bomb));
        assert_eq!(decode(&f), Err(ShareError::TooLarge));
        let not_text = miniz_oxide::deflate::compress_to_vec(&[0xff, 0xfe, 0x00], 9);
        assert_eq!(
            decode(&format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(not_text))),
            Err(ShareError::NotText)
        );
        assert_eq!(
            decode(&format!("{PREFIX}{}", "A".repeat(MAX_FRAGMENT + 1))),
            Err(ShareError::TooLong)
        );
    }

    #[test]
    fn ok_mask_records_and_bad_lines() {
        let text = "2 123456789012 eni-0a1b2c3d 203.0.113.12 10.0.0.1 123 40658 17 1 76 1621259323 1621259383 ACCEPT OK\n\
                    2 123456789012 eni-0a1b2c3d 10.0.0.1 203.0.113.12 40658 123 17 1 76 1621259323 1621259383 ACCEPT OK\n\
                    2 unknown eni-1 2001:db8::1 - 1 2 6 1 1 1 2 ACCEPT OK\n\
                    bad 123456789012 10.1.2.3 x ip-10-0-0-1.ec2.internal 10.0.0.0/16 arn:aws:iam::210987654321:role/x";
        let masked = mask(text, &Options::default());
        assert_eq!(
            masked,
            format!(
                "{MASK_NOTE}\n\
                 2 000000000001 eni-0a1b2c3d 198.51.100.1 10.0.0.2 123 40658 17 1 76 1621259323 1621259383 ACCEPT OK\n\
                 2 000000000001 eni-0a1b2c3d 10.0.0.2 198.51.100.1 40658 123 17 1 76 1621259323 1621259383 ACCEPT OK\n\
                 2 unknown eni-1 2001:db8::2 - 1 2 6 1 1 1 2 ACCEPT OK\n\
                 bad 000000000001 10.0.0.3 x ip-10-0-0-2.ec2.internal 10.0.0.4/16 arn:aws:iam::000000000002:role/x"
            )
        );
        // The same value has the same placeholder (also inside a host name); no
        // placeholder is itself a value of the text (10.0.0.1 and 2001:db8::1 are skipped).
        // The masked text still decodes: the picture (who talked to whom) is kept.
        let again = decode_text(&masked, &Options::default());
        let records: Vec<_> = again.records().map(|(_, r)| r.clone()).collect();
        assert_eq!(records.len(), 3);
        assert_eq!(
            records[0].cell(FieldName::Srcaddr).unwrap().raw(&masked),
            records[1].cell(FieldName::Dstaddr).unwrap().raw(&masked)
        );
    }

    /// No account ID or address of the input survives masking, whatever the input.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn ok_mask_property_no_original_survives() {
        use proptest::prelude::*;
        let addr = prop_oneof![
            (0u8..=255, 0u8..=255, 0u8..=255, 0u8..=255).prop_map(|(a, b, c, d)| format!("{a}.{b}.{c}.{d}")),
            any::<u128>().prop_map(|n| Ipv6Addr::from(n).to_string()),
        ];
        let account = (1u64..999_999_999_999).prop_map(|n| format!("{n:012}"));
        let line = (addr.clone(), addr.clone(), account.clone(), 0usize..4, addr, account).prop_map(
            |(src, dst, acct, shape, other, other_acct)| match shape {
                0 => format!("2 {acct} eni-0a1b2c3d {src} {dst} 443 50000 6 1 40 1621259323 1621259383 ACCEPT OK"),
                1 => format!("error line with {src}/24 and ip-{} and {other_acct}", dst.replace(['.', ':'], "-")),
                2 => format!("2 {acct} eni-1 {src} {dst} 1 2 6 1 1 1 2 REJECT OK # seen by {other}"),
                _ => format!("{{\"message\": \"2 {acct} eni-1 {src} {dst} 1 2 6 1 1 1 2 ACCEPT OK\"}} arn:aws:s3:us-east-1:{other_acct}:x"),
            },
        );
        proptest!(ProptestConfig::with_cases(256), |(lines in proptest::collection::vec(line, 1..20))| {
            let text = lines.join("\n");
            let masked = mask(&text, &Options::default());
            let tokens_in = |s: &str| -> HashSet<String> {
                split::tokens(s, |b| !(b.is_ascii_alphanumeric() || matches!(b, b'.' | b':')))
                    .map(|r| s.get(r).unwrap_or_default().to_owned())
                    .filter(|t| t.parse::<IpAddr>().is_ok() || (t.len() == 12 && t.bytes().all(|b| b.is_ascii_digit())))
                    .collect()
            };
            let secrets = tokens_in(&text);
            let left = tokens_in(&masked);
            for s in &secrets {
                prop_assert!(!left.contains(s), "{} survived in {}", s, masked);
            }
        });
    }
}
