//! A decoded record as Markdown or JSON, for a ticket or a chat.

use serde_json::{json, Map, Value as Json};

use crate::fields::labels;
use crate::fields::messages as m;
use crate::fields::{t, Lang, Text};

use crate::flowlog::decode::clock::LocalOffset;
use crate::flowlog::decode::record::Record;
use crate::flowlog::explain::describe::describe;
use crate::flowlog::explain::sentence::sentence;

/// A Markdown table: summary line, then field | raw | decoded | meaning.
#[must_use]
pub fn markdown(record: &Record, line_no: usize, text: &str, lang: Lang, tz: &dyn LocalOffset) -> String {
    let (head, line) = (MD_HEAD.get(lang), labels::LINE.get(lang));
    let mut out = format!(
        "**{line} {line_no}**: {}\n\n{head}\n| --- | --- | --- | --- |\n",
        md(&sentence(record, text, lang))
    );
    for cell in &record.cells {
        let d = describe(record, cell, text, lang, tz);
        out.push_str(&format!(
            "| `{}` | `{}` | {} | {} |\n",
            cell.field,
            cell.raw(text).replace('`', "'"),
            md(&d.decoded),
            md(&d.meaning)
        ));
    }
    out
}

/// Escapes text for a Markdown table cell.
fn md(s: &str) -> String {
    s.replace('\\', "\\\\").replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// A JSON object: `line`, `raw` (the whole line), `summary`, and per field `raw`,
/// `decoded`, `meaning` (and `error` when the value is invalid), in format order.
#[must_use]
pub fn json(record: &Record, line_no: usize, line_text: &str, text: &str, lang: Lang, tz: &dyn LocalOffset) -> String {
    let mut fields = Map::new();
    for cell in &record.cells {
        let d = describe(record, cell, text, lang, tz);
        let mut entry = json!({ "raw": cell.raw(text), "decoded": d.decoded, "meaning": d.meaning });
        if let (Err(e), Some(obj)) = (&cell.value, entry.as_object_mut()) {
            obj.insert(
                "error".into(),
                // The same words as the error list: "expected …" in the record's language.
                Json::String(m::EXPECTED_VALUE.fill(lang, &[("expected", &e.expected(lang))])),
            );
        }
        fields.insert(cell.field.as_str().to_owned(), entry);
    }
    let value = json!({
        "line": line_no,
        "raw": line_text,
        "summary": sentence(record, text, lang),
        "fields": fields,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

const MD_HEAD: Text = t(
    "| Field | Raw | Decoded | Meaning |",
    "| 項目 | 元の値 | 解読結果 | 意味 |",
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flowlog::decode::clock::Fixed;
    use crate::flowlog::{decode_text, Options};

    const LINE: &str =
        "2 123456789012 eni-0a1b2c3d 203.0.113.12 10.0.0.1 123 40658 17 1 76 1621259323 1621259383 ACCEPT OK";

    #[test]
    fn ok_markdown() {
        let d = decode_text(LINE, &Options::default());
        let (no, r) = d.records().next().unwrap();
        let md = markdown(r, no, LINE, Lang::En, &Fixed(0));
        let lines: Vec<&str> = md.lines().collect();
        assert!(lines[0].starts_with("**Line 1**: 203.0.113.12 (example range) port 123 (NTP) sent 1 UDP packet"));
        assert_eq!(lines[2], "| Field | Raw | Decoded | Meaning |");
        assert_eq!(lines.len(), 4 + 14);
        assert_eq!(
            lines[11],
            "| `protocol` | `17` | UDP | UDP: User Datagram (IANA protocol 17) |"
        );
    }

    #[test]
    fn ok_json_round_trips_through_a_parser() {
        let line = LINE.replace(" 17 ", " udp ");
        let d = decode_text(&line, &Options::default());
        let (no, r) = d.records().next().unwrap();
        let out = json(r, no, &line, &line, Lang::Ja, &Fixed(0));
        let v: Json = serde_json::from_str(&out).unwrap();
        assert_eq!(v["line"], 1);
        assert_eq!(v["raw"], line.as_str());
        assert_eq!(v["fields"]["srcport"]["decoded"], "123 NTP");
        assert_eq!(v["fields"]["protocol"]["raw"], "udp");
        // In the record's language, as the error list says it.
        assert_eq!(v["fields"]["protocol"]["error"], "0〜255 の整数が必要です");
        assert_eq!(v["fields"].as_object().unwrap().len(), 14);
        // Field order is the format's order.
        let keys: Vec<&String> = v["fields"].as_object().unwrap().keys().collect();
        assert_eq!(keys.first().map(|k| k.as_str()), Some("version"));
    }
}
