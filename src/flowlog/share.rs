//! Share links: the input and the format, deflated and base64url-encoded into the
//! URL fragment (`#s1=…`), which browsers never send to a server. And masking of
//! account IDs and addresses before sharing.

use std::fmt;
use std::net::IpAddr;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

use crate::fields::{Kind, Lang};

use super::record::{Decoded, LineKind};
use super::split;
use super::value::Value;

/// The fragment prefix of a share link (version 1 of the encoding).
pub const PREFIX: &str = "s1=";

/// A decoded link never inflates to more than this (a "zip bomb" stops here).
pub const MAX_INFLATED: usize = 16 * 1024 * 1024;

/// A fragment longer than this is refused before decoding.
pub const MAX_FRAGMENT: usize = 8 * 1024 * 1024;

/// What a share link carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shared {
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
        let ja = lang == Lang::Ja;
        match self {
            ShareError::TooLong if ja => "共有リンクが長すぎるため読み込みませんでした。",
            ShareError::TooLong => "The share link is too long; it was not loaded.",
            ShareError::NotBase64 if ja => {
                "共有リンクが壊れています（使えない文字が含まれています）。リンク全体をコピーし直してください。"
            }
            ShareError::NotBase64 => {
                "The share link is damaged (it contains characters a link never has). Copy the whole link again."
            }
            ShareError::Corrupt if ja => {
                "共有リンクが途中で切れているか、書き換えられています。リンク全体をコピーし直してください。"
            }
            ShareError::Corrupt => "The share link is cut short or altered. Copy the whole link again.",
            ShareError::TooLarge if ja => "共有リンクを展開すると 16 MiB を超えるため読み込みませんでした。",
            ShareError::TooLarge => "The share link expands to more than 16 MiB; it was not loaded.",
            ShareError::NotText if ja => "共有リンクの中身がテキストではありません。",
            ShareError::NotText => "The share link does not hold text.",
        }
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
pub fn decode(fragment: &str) -> Result<Option<Shared>, ShareError> {
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
    Ok(Some(Shared {
        format: format.to_owned(),
        input: input.to_owned(),
    }))
}

/// A copy of `text` with account IDs and IP addresses replaced by `XXXXXXXXXXXX`
/// and `xx.xx.xx.xx` / `xxxx:xxxx::xxxx`, which the decoder shows as masked.
/// Records are masked field by field; lines that did not decode are masked
/// token by token (anything that reads as an address or a 12-digit number).
#[must_use]
pub fn mask(text: &str, decoded: &Decoded) -> String {
    let mut spans: Vec<(std::ops::Range<usize>, &'static str)> = Vec::new();
    for line in &decoded.lines {
        match &line.kind {
            LineKind::Record(r) => {
                for cell in &r.cells {
                    let spec = cell.field.spec();
                    let replacement = match (&cell.value, spec.kind) {
                        (Ok(Value::Addr(ip)), _) => Some(masked_ip(*ip)),
                        (Ok(Value::Account), _) => Some("XXXXXXXXXXXX"),
                        (Err(_), Kind::Addr | Kind::Account) => Some("XXXXXXXXXXXX"),
                        _ => None,
                    };
                    if let Some(rep) = replacement {
                        spans.push((cell.span.clone(), rep));
                    }
                }
            }
            LineKind::Error(_) => {
                let content = text.get(line.span.clone()).unwrap_or_default();
                for r in split::tokens(content, split::is_field_sep) {
                    let token = content.get(r.clone()).unwrap_or_default();
                    let rep = match token.parse::<IpAddr>() {
                        Ok(ip) => Some(masked_ip(ip)),
                        Err(_) if token.len() == 12 && token.bytes().all(|b| b.is_ascii_digit()) => {
                            Some("XXXXXXXXXXXX")
                        }
                        Err(_) => None,
                    };
                    if let Some(rep) = rep {
                        spans.push((r.start + line.span.start..r.end + line.span.start, rep));
                    }
                }
            }
            _ => {}
        }
    }
    spans.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (r, rep) in spans {
        out.push_str(text.get(at..r.start).unwrap_or_default());
        out.push_str(rep);
        at = r.end;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    out
}

fn masked_ip(ip: IpAddr) -> &'static str {
    if ip.is_ipv4() {
        "xx.xx.xx.xx"
    } else {
        "xxxx:xxxx::xxxx"
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
        let text =
            "2 123456789012 eni-0a1b2c3d 203.0.113.12 10.0.0.1 123 40658 17 1 76 1621259323 1621259383 ACCEPT OK\n\
                    2 unknown eni-1 2001:db8::1 - 1 2 6 1 1 1 2 ACCEPT OK\n\
                    bad 123456789012 10.1.2.3 x";
        let d = decode_text(text, &Options::default());
        let masked = mask(text, &d);
        assert_eq!(
            masked,
            "2 XXXXXXXXXXXX eni-0a1b2c3d xx.xx.xx.xx xx.xx.xx.xx 123 40658 17 1 76 1621259323 1621259383 ACCEPT OK\n\
             2 unknown eni-1 xxxx:xxxx::xxxx - 1 2 6 1 1 1 2 ACCEPT OK\n\
             bad XXXXXXXXXXXX xx.xx.xx.xx x"
        );
        // The masked text still decodes, with the masked values shown as masked.
        let again = decode_text(&masked, &Options::default());
        let (_, r) = again.records().next().unwrap();
        assert_eq!(r.value(FieldName::AccountId), Some(Value::Masked));
        assert_eq!(r.value(FieldName::Srcaddr), Some(Value::Masked));
        let (_, r) = again.records().nth(1).unwrap();
        assert_eq!(r.value(FieldName::Srcaddr), Some(Value::Masked));
    }
}
