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

// What the recogniser found around the records (decode::shapes).
pub const SHAPE_CONSOLE_COPY: Text = t("CloudWatch console copy", "CloudWatch コンソールからのコピー");
pub const SHAPE_LOGS_TAIL: Text = t("aws logs tail output", "aws logs tail の出力");
pub const SHAPE_TIMESTAMPED: Text = t("lines with timestamps in front", "先頭にタイムスタンプのある行");
pub const SHAPE_CLI_JSON: Text = t(
    "aws logs get/filter-log-events JSON",
    "aws logs get/filter-log-events の JSON",
);
pub const SHAPE_CLI_TEXT: Text = t("aws logs … --output text", "aws logs … --output text の出力");
pub const SHAPE_CLI_TABLE: Text = t("aws logs … --output table", "aws logs … --output table の出力");
pub const SHAPE_TAB_JOINED: Text = t("records joined by TABs", "TAB で連結されたレコード");
pub const SHAPE_JSON_ARRAY: Text = t("JSON array of records", "レコードの JSON 配列");
pub const SHAPE_CONSOLE_CSV: Text = t("CloudWatch console CSV", "CloudWatch コンソールの CSV");
pub const SHAPE_INSIGHTS_CSV: Text = t("Logs Insights CSV export", "Logs Insights の CSV エクスポート");
pub const SHAPE_INSIGHTS_MARKDOWN: Text = t(
    "Logs Insights Markdown export",
    "Logs Insights の Markdown エクスポート",
);
pub const SHAPE_INSIGHTS_RESULTS: Text = t("aws logs get-query-results JSON", "aws logs get-query-results の JSON");
pub const SHAPE_SUBSCRIPTION_EVENT: Text = t(
    "subscription filter Lambda event",
    "サブスクリプションフィルターの Lambda イベント",
);
pub const SHAPE_SUBSCRIPTION_PAYLOAD: Text = t(
    "subscription filter payload",
    "サブスクリプションフィルターのペイロード",
);
pub const SHAPE_KINESIS: Text = t("Kinesis records", "Kinesis のレコード");
pub const SHAPE_FIREHOSE_TRANSFORM: Text = t("Firehose transformation event", "Firehose の変換イベント");
pub const SHAPE_FIREHOSE_MESSAGE: Text = t(
    "Firehose {\"message\"} objects",
    "Firehose の {\"message\"} オブジェクト",
);
pub const SHAPE_NAMED_COLUMNS: Text = t("records as named fields", "フィールド名付きのレコード");
pub const SHAPE_BASE64: Text = t("base64", "base64");
pub const SHAPE_GZIP: Text = t("gzip", "gzip");
pub const SHAPE_CODE_FENCE: Text = t("Markdown code fence", "Markdown のコードブロック");
pub const SHAPE_ANSI: Text = t("terminal colour codes", "端末の色コード");
pub const SHAPE_BOM: Text = t("byte-order mark", "バイトオーダーマーク");
pub const SHAPE_CR_LINE_ENDS: Text = t("CR line ends", "CR の改行");
pub const SHAPE_S3_KEY: Text = t("S3 object key", "S3 オブジェクトキー");
pub const SHAPE_PARQUET: Text = t("Parquet file", "Parquet ファイル");
pub const SHAPE_TGW_NO_HEADER: Text = t(
    "transit gateway records without a header (read with the transit gateway default format)",
    "ヘッダーのない Transit Gateway のレコード（Transit Gateway のデフォルト形式で読み取り）",
);
pub const REMOVED_CHROME: Text = t("column header or decoration", "列見出しまたは装飾");
pub const REMOVED_TIMESTAMPS: Text = t(
    "event timestamp (kept as the event time)",
    "イベントのタイムスタンプ（イベント時刻として保持）",
);
pub const REMOVED_STREAMS: Text = t("log stream name (kept)", "ログストリーム名（保持）");
pub const REMOVED_DUPLICATES: Text = t(
    "the same event shown again (expanded row)",
    "同じイベントの再表示（展開された行）",
);
pub const REMOVED_COLUMNS: Text = t("other wrapper values", "その他のラッパーの値");
pub const REMOVED_QUERY: Text = t("Insights query or its settings", "Insights のクエリまたは設定");
pub const REMOVED_CONTROL_MESSAGES: Text = t(
    "health-check message, no records",
    "ヘルスチェックのメッセージ（レコードなし）",
);
pub const REMOVED_CHROME_COUNT: Text = t("{n} line{s} of column headers and decoration", "列見出しと装飾 {n} 行");
pub const REMOVED_TIMESTAMPS_COUNT: Text = t(
    "{n} event timestamp{s} (kept as event times)",
    "イベントのタイムスタンプ {n} 個（イベント時刻として保持）",
);
pub const REMOVED_STREAMS_COUNT: Text = t(
    "{n} log stream name{s} (kept as context)",
    "ログストリーム名 {n} 個（参考情報として保持）",
);
pub const REMOVED_DUPLICATES_COUNT: Text = t("{n} repeated line{s} of expanded rows", "展開された行の重複 {n} 行");
pub const REMOVED_COLUMNS_COUNT: Text = t(
    "{n} other wrapper value{s} (event IDs, ingestion times)",
    "その他のラッパーの値 {n} 個（イベント ID、取り込み時刻）",
);
pub const REMOVED_QUERY_COUNT: Text = t(
    "{n} line{s} of the Insights query and its settings",
    "Insights のクエリと設定 {n} 行",
);
pub const REMOVED_CONTROL_MESSAGES_COUNT: Text = t(
    "{n} health-check message{s} (no records)",
    "ヘルスチェックのメッセージ {n} 件（レコードなし）",
);

pub const S3_ACCOUNT: Text = t("account {value}", "アカウント {value}");
pub const S3_REGION: Text = t("Region {value}", "リージョン {value}");
pub const S3_FLOW_LOG: Text = t("flow log {value}", "フローログ {value}");
pub const S3_FIVE_MINUTES: Text = t(
    "records ending {value} + 5 min",
    "{value} から 5 分間に終了したレコード",
);
pub const S3_PERIOD: Text = t("period {value}", "期間 {value}");
pub const S3_KEY: Text = t("S3 key: {keys}", "S3 キー：{keys}");
pub const AND_S3_KEY: Text = t("; S3 key: {key}", "。S3 キー：{key}");
pub const FROM_WRAPPERS: Text = t(" from {n} wrappers", "（{n} 個のラッパーから）");
pub const FOUND_RECORDS: Text = t(
    "Found {records} record{s}{from} in: {what}.",
    "{records} 件のレコードを見つけました{from}。{what}。",
);
pub const REMOVED_LIST: Text = t(": removed {list}", "：{list}を取り除きました");
pub const LIST_SEP: Text = t(", ", "、");
pub const LOG_STREAMS: Text = t("; log stream {streams}", "。ログストリーム {streams}");

// Durations.
pub const SECONDS: Text = t("{sec} s", "{sec} 秒");
pub const MINUTES_SECONDS: Text = t("{m} min {sec} s", "{m} 分 {sec} 秒");
pub const HOURS_MINUTES_SECONDS: Text = t("{h} h {m} min {sec} s", "{h} 時間 {m} 分 {sec} 秒");

// Athena layouts (links::at_scale).
pub const ATHENA_TEXT_DAILY: Text = t(
    "plain text, default S3 prefixes (daily)",
    "プレーンテキスト、既定の S3 プレフィックス（日単位）",
);
pub const ATHENA_TEXT_HIVE_HOURLY: Text = t(
    "plain text, Hive-compatible S3 prefixes, per-hour partitions",
    "プレーンテキスト、Hive 互換の S3 プレフィックス、時間単位のパーティション",
);
pub const ATHENA_PARQUET_HOURLY: Text = t("Parquet, per-hour partitions", "Parquet、時間単位のパーティション");

/// The `{name}`s of a template, sorted.
#[cfg(test)]
fn names(template: &str) -> Vec<&str> {
    let mut out: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(n, _)| n))
        .collect();
    out.sort_unstable();
    out
}

/// Checks that every `t("…", "…")` of `source` names the same values in both languages
/// (English plurals, `{s}`, have no Japanese counterpart); returns how many it checked.
#[cfg(test)]
pub(crate) fn same_values(source: &str) -> usize {
    let mut checked = 0;
    for chunk in source.split("Text = t(").skip(1) {
        let quoted: Vec<&str> = chunk.split('"').skip(1).step_by(2).take(2).collect();
        let [en, ja] = quoted[..] else {
            panic!("two strings: {chunk}")
        };
        let english: Vec<&str> = names(en).into_iter().filter(|n| *n != "s").collect();
        assert_eq!(english, names(ja), "{en} / {ja}");
        checked += 1;
    }
    checked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::Lang;

    /// Every message of this file names the same values in both languages (read from
    /// the source, so a new message cannot be left out).
    #[test]
    fn both_languages_name_the_same_values() {
        let source = include_str!("messages.rs");
        let checked = same_values(source.split("#[cfg(test)]").next().unwrap_or_default());
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
