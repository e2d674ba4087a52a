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
        let len = rest.iter().position(|b| *b == b'\n').unwrap_or(rest.len());
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
        let t = "  a\tbb   c ";
        let spans: Vec<_> = tokens(t, is_field_sep).collect();
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
