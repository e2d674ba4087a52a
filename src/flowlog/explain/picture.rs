//! The labeled line as a picture: an SVG document of one record, each value in its
//! field's colour with the field's name and title beneath it — for a slide or a ticket.
//! The page turns it into PNG with the browser's canvas (`crate::web::picture`).
//!
//! Plain SVG 1.1 with presentation attributes only (no `style`, no script, no external
//! reference), so it opens anywhere and passes the page's CSP when shown.

use std::fmt::Write as _;

use crate::fields::vocab::words;
use crate::fields::{colours, labels, Lang};
use crate::flowlog::{Record, Value};

/// Widest row of tokens, in pixels, before the picture wraps.
const MAX_WIDTH: u32 = 1120;
const PAD: u32 = 16;
const GAP: u32 = 6;
const INNER: u32 = 8;
/// Font sizes: value, field name, title.
const VALUE_PX: u32 = 16;
const NAME_PX: u32 = 12;
const TITLE_PX: u32 = 12;
const TOKEN_H: u32 = 78;
const ROW_GAP: u32 = 10;
const HEADING_H: u32 = 30;
const FONT: &str = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', 'IPAGothic', monospace";

/// Columns `s` takes in a monospace font: 2 for East Asian wide and full-width
/// characters, else 1. An estimate for layout only (the viewer's font decides the
/// real width); a few ranges cover every character our labels use, so no Unicode
/// table crate is pulled into the page for it.
fn columns(s: &str) -> u32 {
    s.chars()
        .map(|c| {
            let c = u32::from(c);
            let wide = (0x1100..=0x115F).contains(&c)
                || (0x2E80..=0xA4CF).contains(&c)
                || (0xAC00..=0xD7A3).contains(&c)
                || (0xF900..=0xFAFF).contains(&c)
                || (0xFE30..=0xFE4F).contains(&c)
                || (0xFF00..=0xFF60).contains(&c)
                || (0xFFE0..=0xFFE6).contains(&c)
                || (0x1F300..=0x1FAFF).contains(&c);
            if wide {
                2
            } else {
                1
            }
        })
        .sum()
}

/// Width in pixels of `s` at `px` (a monospace column is 0.6 em).
fn width(s: &str, px: u32) -> u32 {
    (columns(s) * px * 3).div_ceil(5)
}

/// `s` escaped for XML text and attributes; characters XML 1.0 does not allow
/// (control characters) become U+FFFD.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if u32::from(c) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// What a token is marked with beneath its labels, when it is not a plain value.
fn mark(value: &Result<Value, impl Sized>, lang: Lang) -> Option<&'static str> {
    match value {
        Ok(Value::Absent) => Some(words::ABSENT.get(lang)),
        Ok(Value::Masked) => Some(words::MASKED.get(lang)),
        Err(_) => Some(words::INVALID.get(lang)),
        Ok(_) => None,
    }
}

struct Token<'a> {
    value: &'a str,
    name: &'a str,
    title: &'static str,
    mark: Option<&'static str>,
    hue: &'static colours::Hue,
    w: u32,
}

/// The record on line `at` (as people number it) as an SVG document, labeled in `lang`.
#[must_use]
pub fn svg(record: &Record, text: &str, at: usize, lang: Lang) -> String {
    let tokens: Vec<Token<'_>> = record
        .cells
        .iter()
        .enumerate()
        .map(|(i, cell)| {
            let (value, name, title) = (
                cell.raw(text),
                record.format.name_at(i),
                cell.field.spec().title.get(lang),
            );
            let mark = mark(&cell.value, lang);
            let w = width(value, VALUE_PX)
                .max(width(name, NAME_PX))
                .max(width(title, TITLE_PX))
                .max(mark.map_or(0, |m| width(m, TITLE_PX)))
                + 2 * INNER;
            Token {
                value,
                name,
                title,
                mark,
                hue: colours::of(cell.field),
                w: w.min(MAX_WIDTH),
            }
        })
        .collect();
    // Lay the tokens out in rows no wider than MAX_WIDTH.
    let mut placed: Vec<(u32, u32, &Token<'_>)> = Vec::with_capacity(tokens.len());
    let (mut x, mut y, mut widest) = (PAD, PAD + HEADING_H, 0);
    for t in &tokens {
        if x > PAD && x + t.w > PAD + MAX_WIDTH {
            x = PAD;
            y += TOKEN_H + ROW_GAP;
        }
        placed.push((x, y, t));
        x += t.w + GAP;
        widest = widest.max(x - GAP);
    }
    let heading = labels::PICTURE_HEADING.fill(lang, &[("line", &at)]);
    let total_w = widest.max(PAD + width(&heading, 14)) + PAD;
    let total_h = y + TOKEN_H + PAD;
    let mut out = String::with_capacity(256 + tokens.len() * 640);
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{total_w}" height="{total_h}" viewBox="0 0 {total_w} {total_h}" font-family="{FONT}" xml:lang="{tag}">"##,
        tag = lang.tag()
    );
    let _ = write!(out, "<title>{}</title>", escape(&heading));
    let _ = write!(
        out,
        r##"<rect width="{total_w}" height="{total_h}" rx="8" fill="#ffffff"/><text x="{PAD}" y="{}" font-size="14" fill="#5b6572">{}</text>"##,
        PAD + 16,
        escape(&heading)
    );
    for (x, y, t) in placed {
        let cx = x + t.w / 2;
        let _ = write!(
            out,
            r##"<g><rect x="{x}" y="{y}" width="{w}" height="{TOKEN_H}" rx="4" fill="{tint}" stroke="{edge}" stroke-width="1"/><rect x="{x}" y="{y}" width="{w}" height="4" fill="{edge}"/>"##,
            w = t.w,
            tint = t.hue.tint,
            edge = t.hue.edge,
        );
        let _ = write!(
            out,
            r##"<text x="{cx}" y="{}" font-size="{VALUE_PX}" font-weight="bold" text-anchor="middle" fill="#1b1f24">{}</text>"##,
            y + 24,
            escape(t.value)
        );
        let _ = write!(
            out,
            r##"<text x="{cx}" y="{}" font-size="{NAME_PX}" text-anchor="middle" fill="#1b1f24">{}</text>"##,
            y + 44,
            escape(t.name)
        );
        let _ = write!(
            out,
            r##"<text x="{cx}" y="{}" font-size="{TITLE_PX}" text-anchor="middle" fill="#5b6572">{}</text>"##,
            y + 60,
            escape(t.title)
        );
        if let Some(m) = t.mark {
            let _ = write!(
                out,
                r##"<text x="{cx}" y="{}" font-size="{TITLE_PX}" font-style="italic" text-anchor="middle" fill="#5b6572">{}</text>"##,
                y + 74,
                escape(m)
            );
        }
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]
    use super::*;

    #[test]
    fn ok_widths_and_escapes() {
        assert_eq!(columns("eni-0a1b"), 8);
        assert_eq!(columns("送信元アドレス"), 14);
        assert_eq!(width("abcde", 10), 30);
        assert_eq!(
            escape("<a href=\"x\">&'\u{1}"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;\u{FFFD}"
        );
    }
}
