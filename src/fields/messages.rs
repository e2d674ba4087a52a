//! Every message the decoder and the file readers write, in English and Japanese: errors
//! (what was expected, what was found, where), format names, and what was unwrapped.
//! Values go in through `{name}` ([`Text::fill`]); a test checks that both languages of
//! each message name the same values.
#![allow(missing_docs, reason = "each message's name and words say what it is")]

use crate::fields::{t, Text};

// Places in the input.
pub const AT_LINE: Text = t("line {line}", "{line} 行目");
pub const AT_FIELD: Text = t(
    "line {line}, field {pos} ({name})",
    "{line} 行目、{pos} 番目の項目（{name}）",
);
pub const AT_HEADER: Text = t("line {line}: header line,", "{line} 行目：ヘッダー行");
pub const SEP: Text = t(": ", "：");

// What a value should be ("expected …").
pub const EXPECTED_INTEGER: Text = t("an integer {min}–{max}", "{min}〜{max} の整数");
pub const EXPECTED_ADDRESS: Text = t("an IPv4 or IPv6 address", "IPv4 または IPv6 アドレス");
pub const EXPECTED_ID: Text = t("an ID starting with `{prefix}`", "`{prefix}` で始まる ID");
pub const EXPECTED_KEYWORD: Text = t("one of {allowed}", "{allowed} のいずれか");
pub const EXPECTED_ACCOUNT: Text = t(
    "a 12-digit account ID or `unknown`",
    "12 桁のアカウント ID または `unknown`",
);
pub const EXPECTED_ARN: Text = t("an ARN (`arn:…`)", "ARN（`arn:` で始まる）");
pub const EXPECTED_REGION: Text = t(
    "a Region code such as `us-east-1`",
    "リージョンコード（例：`us-east-1`）",
);
pub const EXPECTED_TAG: Text = t("percent-encoded UTF-8", "パーセントエンコードされた UTF-8");

// Errors in a line.
pub const EXPECTED_FOUND: Text = t(
    "expected {expected}, found {found}",
    "{expected}が必要ですが、{found} です",
);
pub const EXPECTED_VALUE: Text = t("expected {expected}", "{expected}が必要です");
pub const FIELD_COUNT: Text = t(
    "expected {expected} fields{of}, found {found}{fix}",
    "{expected} 項目が必要です{of}が、{found} 項目あります{fix}",
);
pub const FIELD_COUNT_OF: Text = t(" ({format})", "（{format}）");
pub const FIELD_COUNT_FITS: Text = t(
    "; a {found}-field line fits “{format}”",
    "。{found} 項目の行は「{format}」に合います",
);
pub const FIELD_COUNT_NO_FIT: Text = t(
    "; enter the flow log's format in the format box",
    "。形式欄にフローログの形式を入力してください",
);

// Errors in a format (the format box, an S3 header line).
pub const FORMAT_EMPTY: Text = t(
    "expected at least one field name, found none",
    "項目名が 1 つ以上必要ですが、ありません",
);
pub const FORMAT_UNKNOWN: Text = t(
    "field {pos}: expected a flow log field name, found {found}{hint}",
    "{pos} 番目の項目：フローログの項目名が必要ですが、{found} です{hint}",
);
pub const FORMAT_DID_YOU_MEAN: Text = t("; did you mean `{name}`?", "。`{name}` のことですか？");
pub const FORMAT_DUPLICATE: Text = t(
    "field {pos}: expected each field once, found `{name}` again",
    "{pos} 番目の項目：各項目は 1 回だけ書けますが、`{name}` が重複しています",
);

// Format names.
pub const PRESET_DEFAULT: Text = t("default format", "デフォルト形式");
pub const PRESET_ALL_UP_TO: Text = t("all fields of versions 2–{version}", "バージョン 2〜{version} の全項目");
pub const PRESET_TGW: Text = t("transit gateway default format", "Transit Gateway のデフォルト形式");
pub const PRESET_LABEL: Text = t("{name} ({count} fields)", "{name}（{count} 項目）");

// Opening files.
pub const BAD_GZIP: Text = t(
    "the gzip data is damaged or cut short ({why})",
    "gzip のデータが壊れているか途中で切れています（{why}）",
);
pub const EXPANDS_PAST: Text = t(
    "it expands to more than {mib} MiB; stopped there",
    "展開すると {mib} MiB を超えるため、そこで止めました",
);
pub const UNREADABLE_FILE: Text = t(
    "the browser could not read it (was it moved or deleted?)",
    "ブラウザーが読み込めませんでした（移動または削除されていませんか）",
);
pub const PARQUET_UNREADABLE: Text = t(
    "the Parquet file could not be read ({why})",
    "Parquet ファイルを読み取れませんでした（{why}）",
);
pub const PARQUET_NO_FIELDS: Text = t(
    "none of the Parquet file's columns is a flow log field",
    "Parquet ファイルの列にフローログのフィールドがありません",
);

// Share links.
pub const LINK_TOO_LONG: Text = t(
    "The share link is too long; it was not loaded.",
    "共有リンクが長すぎるため読み込みませんでした。",
);
pub const LINK_NOT_BASE64: Text = t(
    "The share link is damaged (it contains characters a link never has). Copy the whole link again.",
    "共有リンクが壊れています（使えない文字が含まれています）。リンク全体をコピーし直してください。",
);
pub const LINK_CORRUPT: Text = t(
    "The share link is cut short or altered. Copy the whole link again.",
    "共有リンクが途中で切れているか、書き換えられています。リンク全体をコピーし直してください。",
);
pub const LINK_TOO_LARGE: Text = t(
    "The share link expands to more than 16 MiB; it was not loaded.",
    "共有リンクを展開すると 16 MiB を超えるため読み込みませんでした。",
);
pub const LINK_NOT_TEXT: Text = t(
    "The share link does not hold text.",
    "共有リンクの中身がテキストではありません。",
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::Lang;

    /// The `{name}`s of a template, sorted.
    fn names(template: &str) -> Vec<&str> {
        let mut out: Vec<&str> = template
            .split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}').map(|(n, _)| n))
            .collect();
        out.sort_unstable();
        out
    }

    /// Every message of this file names the same values in both languages (read from
    /// the source, so a new message cannot be left out).
    #[test]
    fn both_languages_name_the_same_values() {
        let source = include_str!("messages.rs");
        let source = source.split("#[cfg(test)]").next().unwrap_or_default();
        let mut checked = 0;
        for chunk in source.split("Text = t(").skip(1) {
            let quoted: Vec<&str> = chunk.split('"').skip(1).step_by(2).take(2).collect();
            let [en, ja] = quoted[..] else {
                panic!("two strings: {chunk}")
            };
            assert_eq!(names(en), names(ja), "{en} / {ja}");
            checked += 1;
        }
        assert!(checked >= 30, "{checked}");
    }

    #[test]
    fn fill_puts_values_in_place() {
        let m = EXPECTED_FOUND;
        assert_eq!(
            m.fill(Lang::En, &[("expected", &"a port"), ("found", &"`x`")]),
            "expected a port, found `x`"
        );
        assert_eq!(
            m.fill(Lang::Ja, &[("expected", &"ポート"), ("found", &"`x`")]),
            "ポートが必要ですが、`x` です"
        );
        // A brace in a value or a name without a value stays as it is.
        assert_eq!(t("{a} {b} {", "").fill(Lang::En, &[("a", &"{b}")]), "{b} {b} {");
    }
}
