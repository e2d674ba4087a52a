//! Splitting text into lines and tokens, keeping byte spans.

use std::ops::Range;

/// The byte spans of the tokens of `text`, separated by runs of bytes for which
/// `is_sep` is true. Expects ASCII separators, so every span is a `char` boundary.
pub fn tokens<'a>(text: &'a str, is_sep: impl Fn(u8) -> bool + 'a) -> impl Iterator<Item = Range<usize>> + 'a {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        while bytes.get(pos).is_some_and(|b| is_sep(*b)) {
            pos += 1;
        }
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        while bytes.get(pos).is_some_and(|b| !is_sep(*b)) {
            pos += 1;
        }
        Some(start..pos)
    })
}

/// Record fields are separated by spaces; tabs and runs of either are tolerated.
pub fn is_field_sep(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// The spans of the fields of `line` (separated by runs of spaces and tabs), into
/// `out` (cleared first). The same as [`tokens`] with [`is_field_sep`], eight bytes
/// at a time: it runs for every line of large files. Hand-written (SWAR) rather than
/// a SIMD crate: fields are short, so finding each separator is what counts, and this
/// is as fast natively and in WebAssembly without SIMD.
pub fn field_tokens(line: &str, out: &mut Vec<Range<usize>>) {
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    /// The high bit of each zero byte of `v`, exactly (no borrow between bytes).
    fn zeros(v: u64) -> u64 {
        !(((v & LOW) + LOW) | v) & HIGH
    }
    out.clear();
    let bytes = line.as_bytes();
    let mut start = 0;
    let mut at = |i: usize, out: &mut Vec<Range<usize>>| {
        if i > start {
            out.push(start..i);
        }
        start = i + 1;
    };
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let v = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or_default());
        let mut seps = zeros(v ^ 0x2020_2020_2020_2020) | zeros(v ^ 0x0909_0909_0909_0909);
        while seps != 0 {
            at(base + (seps.trailing_zeros() / 8) as usize, out);
            seps &= seps - 1;
        }
        base += 8;
    }
    for (i, &b) in chunks.remainder().iter().enumerate() {
        if is_field_sep(b) {
            at(base + i, out);
        }
    }
    at(bytes.len(), out);
}

/// One input line: its content span (without `\n` or `\r\n`) and its 1-based number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawLine {
    /// 1-based line number.
    pub no: usize,
    /// Byte span of the content, without the line terminator.
    pub span: Range<usize>,
}

/// The lines of `text`, split on `\n`; a trailing `\r` is left out of the span.
/// A final empty line after the last `\n` is not returned.
pub fn lines(text: &str) -> impl Iterator<Item = RawLine> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut no = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        no += 1;
        let rest = bytes.get(start..).unwrap_or_default();
        let len = memchr::memchr(b'\n', rest).unwrap_or(rest.len());
        let mut end = start + len;
        let next = end + 1;
        if end > start && bytes.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        let line = RawLine { no, span: start..end };
        start = next;
        Some(line)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_tokens_keep_spans() {
        for t in [
            "  a\tbb   c ",
            "",
            " ",
            "a",
            "ab  c\t",
            "abcdefgh ijklmnop\tq",
            "        x",
            "!!!!!!!! \x01\x01 \u{3042}\u{3044} end",
        ] {
            let spans: Vec<_> = tokens(t, is_field_sep).collect();
            let mut fast = Vec::new();
            field_tokens(t, &mut fast);
            assert_eq!(fast, spans, "{t:?}");
        }
        let spans: Vec<_> = tokens("  a\tbb   c ", is_field_sep).collect();
        assert_eq!(spans, vec![2..3, 4..6, 9..10]);
    }

    #[test]
    fn ok_lines_crlf_and_trailing_newline() {
        let t = "a\r\nb\n\nc";
        let got: Vec<_> = lines(t).map(|l| (l.no, &t[l.span])).collect();
        assert_eq!(got, vec![(1, "a"), (2, "b"), (3, ""), (4, "c")]);
        assert_eq!(lines("x\n").count(), 1);
        assert_eq!(lines("").count(), 0);
    }
}
