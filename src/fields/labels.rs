//! The page's own words (headings, buttons, hints), in English and Japanese.
//! Field and value explanations are beside them in `crate::fields`.

#![allow(missing_docs, reason = "each label's name and words say what it is")]

use crate::fields::{t, Text};

pub const TITLE: Text = t("VPC Flow Log Decoder", "VPC フローログ デコーダー");
pub const TAGLINE: Text = t(
    "Paste flow log records: every column is labeled, decoded and explained. Nothing leaves your browser.",
    "フローログのレコードを貼り付けると、各列に名前を付けて解読し、意味を説明します。データはブラウザーの外に出ません。",
);
pub const INPUT_LABEL: Text = t("Flow log lines", "フローログの行");
pub const INPUT_PLACEHOLDER: Text = t(
    "Paste one or more flow log lines, e.g.\n2 123456789012 eni-0a1b2c3d 203.0.113.12 10.0.0.1 123 40658 17 1 76 1621259323 1621259383 ACCEPT OK",
    "フローログの行を 1 行以上貼り付けてください。例：\n2 123456789012 eni-0a1b2c3d 203.0.113.12 10.0.0.1 123 40658 17 1 76 1621259323 1621259383 ACCEPT OK",
);
pub const FORMAT_LABEL: Text = t("Log format", "ログ形式");
pub const FORMAT_PLACEHOLDER: Text = t(
    "automatic: the file's header line, else the default format",
    "自動：ファイルのヘッダー行、なければデフォルト形式",
);
pub const FORMAT_HINT: Text = t(
    "As in the flow log's settings: ${version} ${srcaddr} …, Terraform's $${…}, or bare names.",
    "フローログの設定と同じ書き方：${version} ${srcaddr} …、Terraform の $${…}、または名前だけ。",
);
pub const PRESETS: Text = t("Presets…", "プリセット…");
pub const EXAMPLE: Text = t("Try an example", "例を試す");
pub const CLEAR: Text = t("Clear", "クリア");
pub const LANGUAGE: Text = t("Language", "言語");
pub const EMPTY: Text = t(
    "Nothing to decode yet. Paste lines above, or try an example.",
    "まだ解読するものがありません。上に行を貼り付けるか、例を試してください。",
);
pub const RECORDS: Text = t("records", "レコード");
pub const RECORD: Text = t("record", "レコード");
pub const ERRORS: Text = t("with errors", "エラーあり");
pub const HEADERS: Text = t("header lines", "ヘッダー行");
pub const HEADER: Text = t("header line", "ヘッダー行");
pub const FORMAT_IN_USE: Text = t("Format", "形式");
pub const FORMAT_AUTO_DEFAULT: Text = t("default (automatic)", "デフォルト（自動）");
pub const FORMAT_FROM_HEADER: Text = t("from the header line", "ヘッダー行から");
pub const FORMAT_TYPED: Text = t("as typed", "入力どおり");
pub const FIELD: Text = t("Field", "項目");
pub const RAW: Text = t("Raw", "元の値");
pub const DECODED: Text = t("Decoded", "解読結果");
pub const MEANING: Text = t("Meaning", "意味");
pub const LINE: Text = t("Line", "行");
pub const REMOVED_LINES: Text = t("Removed around the records", "レコードの周りから取り除いたもの");
pub const USE_FORMAT: Text = t("Use this format", "この形式を使う");
pub const HEADER_LINE: Text = t(
    "Header line: the lines below use these fields",
    "ヘッダー行：以下の行はこの項目を使います",
);
pub const SUMMARY: Text = t("In plain words", "ひとことで");
pub const EXPLAIN_HINT: Text = t(
    "Select a column header or a value to see what it means.",
    "列の見出しか値を選ぶと、その意味を表示します。",
);
pub const CLOSE: Text = t("Close", "閉じる");
pub const INTRODUCED: Text = t("introduced in version", "導入バージョン");
pub const SCOPE_VPC: Text = t("VPC flow logs", "VPC フローログ");
pub const SCOPE_TGW: Text = t("transit gateway flow logs", "Transit Gateway フローログ");
pub const SCOPE_BOTH: Text = t(
    "VPC and transit gateway flow logs",
    "VPC と Transit Gateway のフローログ",
);
pub const SECONDARY: Text = t(
    "Known only from secondary sources, not yet from AWS's own field table.",
    "AWS のフィールド表ではなく、二次情報でのみ確認されています。",
);
pub const UNCERTAIN: Text = t(
    "Sources disagree about this field; treat it with care.",
    "この項目は情報源によって説明が異なります。注意して読んでください。",
);
pub const DASH_MEANS: Text = t("When it is `-`", "`-` のとき");
pub const VALUES: Text = t("Documented values", "記載されている値");
pub const THIS_VALUE: Text = t("This value", "この値");
pub const WHAT_IS_THIS: Text = t("about this field", "この項目について");
pub const ERROR_LIST: Text = t("Problems", "問題");
pub const BYTES_AT: Text = t("bytes", "バイト位置");
pub const SHOWING_FIRST: Text = t("Showing the first", "最初の");
pub const ROWS_OF: Text = t(
    "rows; every line is still counted and its errors listed below.",
    "行を表示しています。すべての行は集計され、エラーは下に一覧されます。",
);
pub const PRIVACY: Text = t(
    "Runs entirely in your browser: no server, no upload, works offline once loaded.",
    "すべてブラウザー内で動作します。サーバーもアップロードもなく、一度読み込めばオフラインでも使えます。",
);
pub const ABOUT: Text = t("About this decoder", "このデコーダーについて");
pub const VERSION: Text = t("Version", "バージョン");
pub const ABOUT_PRIVATE: Text = t(
    "What never leaves this browser: the lines you paste, the files and folders you open, and everything decoded from them. The page sends no request that carries them, and once loaded it works with the network off. A share link carries its records after the “#”, a part browsers never send to a server — but whoever gets the link can read them, so mask it when needed. The one thing stored is your choice of language, in this browser.",
    "このブラウザーの外に出ないもの：貼り付けた行、開いたファイルとフォルダー、そこから解読したすべての内容。ページはそれらを載せたリクエストを送らず、一度読み込めばネットワークなしで動きます。共有リンクはレコードを「#」の後ろに載せます。この部分をブラウザーがサーバーに送ることはありませんが、リンクを受け取った人は読めるので、必要なら隠してください。保存するのは、このブラウザーでの言語の選択だけです。",
);
pub const ABOUT_HOST: Text = t(
    "To host it for a team: the built folder dist/ is plain files. Copy it to Amazon S3 with CloudFront, GitHub Pages or any web server, under any path; HOSTING.md in the source gives the steps and the headers to send. By default it asks search engines not to index it.",
    "チームで使うには：ビルドした dist/ フォルダーは普通のファイルだけなので、Amazon S3 と CloudFront、GitHub Pages、任意のウェブサーバーに、どのパスの下にでもコピーできます。手順と送るべきヘッダーはソースの HOSTING.md にあります。既定では検索エンジンにインデックスしないよう求めます。",
);
pub const FROM_HEADER_LINE: Text = t("from the header on line {line}", "{line} 行目のヘッダー行から");
pub const LOG_STREAM: Text = t(
    "CloudWatch log stream (usually the network interface)",
    "CloudWatch のログストリーム（通常はネットワークインターフェイス）",
);
pub const EVENT_TIME: Text = t("CloudWatch event time", "CloudWatch のイベント時刻");
pub const COMMENT: Text = t("comment", "コメント");

/// Lines for the "Try an example" button: the seed line and AWS's documentation examples.
pub const EXAMPLE_TEXT: &str = "2 123456789012 eni-0a1b2c3d 203.0.113.12 10.0.0.1 123 40658 17 1 76 1621259323 1621259383 ACCEPT OK
2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK
2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 1418530010 1418530070 REJECT OK
2 123456789010 eni-1235b8ca123456789 203.0.113.12 172.31.16.139 0 0 1 4 336 1432917027 1432917142 ACCEPT OK
2 123456789010 eni-1235b8ca123456789 172.31.16.139 203.0.113.12 0 0 1 4 336 1432917094 1432917142 REJECT OK
2 123456789010 eni-1235b8ca123456789 2001:db8:1234:a100:8d6e:3477:df66:f105 2001:db8:1234:a102:3304:8879:34cf:4071 34892 22 6 54 8855 1477913708 1477913820 ACCEPT OK
2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA
2 123456789010 eni-11111111aaaaaaaaa - - - - - - - 1431280876 1431280934 - SKIPDATA
";

pub const SAMPLES: Text = t("Samples…", "サンプル…");
pub const COPY_LINK: Text = t("Copy link", "リンクをコピー");
pub const MASK_LINKS: Text = t(
    "Mask account IDs and addresses in the link",
    "リンクではアカウント ID とアドレスを隠す",
);
pub const LINK_COPIED: Text = t(
    "Link copied. The data is in the part after #, which browsers never send to a server.",
    "リンクをコピーしました。データは # より後ろにあり、ブラウザーはこの部分をサーバーに送りません。",
);
pub const LINK_READY: Text = t(
    "The browser did not allow copying; copy the link from here:",
    "ブラウザーがコピーを許可しませんでした。ここからリンクをコピーしてください：",
);
pub const COPY_MD: Text = t("Copy as Markdown", "Markdown でコピー");
pub const COPY_JSON: Text = t("Copy as JSON", "JSON でコピー");
pub const COPIED_MD: Text = t(
    "Record copied as a Markdown table.",
    "レコードを Markdown の表としてコピーしました。",
);
pub const COPIED_JSON: Text = t("Record copied as JSON.", "レコードを JSON としてコピーしました。");
pub const COPY_FAILED: Text = t(
    "The browser did not allow copying.",
    "ブラウザーがコピーを許可しませんでした。",
);

pub const READING: Text = t("Reading files", "ファイルを読み込み中");
pub const INDEXING: Text = t("Decoding lines", "行を解読中");
pub const INDEXING_PASTE: Text = t("Decoding the pasted lines…", "貼り付けた行を解読中…");
pub const PASTE_STOPPED: Text = t(
    "The pasted lines could not be decoded in the background (see the message above); the analysis button below tries again.",
    "貼り付けた行をバックグラウンドで解読できませんでした（上のメッセージを参照）。下の分析ボタンでもう一度試せます。",
);
pub const CANCEL: Text = t("Cancel", "キャンセル");
pub const PREVIEW_TITLE: Text = t(
    "The first lines, while the rest is read (they can be explained once the file is open):",
    "残りを読み込む間の先頭の行（ファイルが開いたら各値の説明を表示できます）：",
);
pub const INVALID_UTF8: Text = t(
    "not valid UTF-8 text; invalid bytes were replaced by \u{fffd}, the first at byte",
    "UTF-8 として正しくないバイトを \u{fffd} に置き換えました。最初の位置（バイト）：",
);
pub const OPEN_FILES: Text = t("Open files…", "ファイルを開く…");
pub const OPEN_FOLDER: Text = t("Open a folder…", "フォルダーを開く…");
pub const DROP_HINT: Text = t(
    "or drop files or folders anywhere on the page (.log, .log.gz, .log.parquet, CloudWatch exports, Firehose objects)",
    "またはファイルやフォルダーをページにドロップ（.log、.log.gz、.log.parquet、CloudWatch のエクスポート、Firehose のオブジェクト）",
);
pub const NOTHING_TO_OPEN: Text = t(
    "The folder holds no flow log files (.log, .log.gz, .log.parquet, CloudWatch exports, Firehose objects); other files",
    "フォルダーにフローログのファイル（.log、.log.gz、.log.parquet、CloudWatch のエクスポート、Firehose のオブジェクト）がありません。その他のファイル",
);
pub const UNKNOWN_FIELDS: Text = t(
    "Not fields this page knows (newer than this page?); their values are shown as they are",
    "このページが知らないフィールド（このページより新しい？）。値はそのまま表示します",
);
pub const WORKER_STOPPED: Text = t(
    "The background reader (files, and the analysis of a paste) stopped: it may have run out of memory, or could not start. Try fewer or smaller files, or reload the page. Pasted text still decodes.",
    "バックグラウンドの読み込み処理（ファイルと、貼り付けたテキストの分析）が停止しました。メモリが足りなかったか、開始できなかった可能性があります。ファイルを減らすか小さくするか、ページを再読み込みしてください。貼り付けたテキストは引き続き解読できます。",
);
pub const WORKER_VERSION: Text = t(
    "This page and its background reader come from different versions of the site (an old copy is cached): reload the page.",
    "このページとバックグラウンドの読み込み処理が、サイトの異なるバージョンのものです（古いコピーがキャッシュされています）。ページを再読み込みしてください。",
);
pub const WORKER_GARBLED: Text = t(
    "The background reader sent a message this page cannot read: reload the page.",
    "バックグラウンドの読み込み処理から、このページが読めないメッセージが届きました。ページを再読み込みしてください。",
);
pub const ATHENA_LAYOUT: Text = t("How the logs lie in S3:", "S3 でのログの置き方：");
pub const FILES_LIST: Text = t("Files", "ファイル");
pub const SKIPPED_FILE: Text = t(
    "not a flow log file: not read",
    "フローログのファイルではないため読み込みません",
);
pub const CLOSE_FILES: Text = t("Close files", "ファイルを閉じる");
pub const PASTED_TEXT: Text = t("Pasted text", "貼り付けたテキスト");
pub const LINES: Text = t("lines", "行");
pub const SHOW_TEXT: Text = t(
    "Show the text (slow: the browser lays out all of it)",
    "テキストを表示（ブラウザーが全体を配置するため遅くなります）",
);
pub const FILTER: Text = t("Filter", "絞り込み");
pub const FILTER_PLACEHOLDER: Text = t(
    "e.g. action:reject port:22 10.0.0.0/8 proto:tcp eni:0a1b status:nodata dstport:443 after:2021-05-17T13:00:00Z errors ssh",
    "例：action:reject port:22 10.0.0.0/8 proto:tcp eni:0a1b status:nodata dstport:443 after:2021-05-17T13:00:00Z errors ssh",
);
pub const FILTER_BAD: Text = t("Not understood (ignored):", "解釈できない条件（無視しました）：");
pub const FILTER_HELP: Text = t("How to filter", "絞り込みの書き方");
pub const FILTER_ALL: Text = t(
    "Rows that meet every term are shown; a term that cannot be read is named and ignored.",
    "すべての条件を満たす行を表示します。解釈できない条件は表示して無視します。",
);
/// The filter's terms (`flowlog::bulk::query`): an example of each, and what it keeps. A
/// test reads every example with the filter's own parser.
pub const FILTER_TERMS: [(&str, Text); 11] = [
    (
        "action:reject",
        t("rejected records (action:accept: accepted ones)", "拒否されたレコード（許可されたものは action:accept）"),
    ),
    (
        "proto:tcp",
        t("a protocol, by name or number (proto:6)", "プロトコル（名前またはプロトコル番号：proto:6）"),
    ),
    ("port:22", t("a source or destination port", "送信元ポートまたは宛先ポート")),
    (
        "10.0.0.0/8",
        t(
            "an address or CIDR block that any address field is in (or addr:…)",
            "いずれかのアドレスフィールドがこのアドレスまたは CIDR ブロックに含まれる（addr:… とも書けます）",
        ),
    ),
    (
        "eni:0a1b",
        t(
            "an interface, resource or transit gateway attachment ID containing the text",
            "ネットワークインターフェイス ID、リソース ID、Transit Gateway アタッチメント ID にこの文字列を含む",
        ),
    ),
    (
        "status:nodata",
        t("a log status (ok, nodata, skipdata)", "ログステータス（ok、nodata、skipdata）"),
    ),
    (
        "after:2021-05-17T13:00:00Z",
        t(
            "starting at or after (before:… ending at or before; Unix seconds too)",
            "この時刻以降に開始（before:… はこの時刻以前に終了。Unix 秒でも可）",
        ),
    ),
    (
        "dstport:443",
        t(
            "any field by its name, its value as written (case aside; - where it has none, or the format lacks the field)",
            "任意のフィールドを名前で指定し、値が書かれたとおりのもの（大文字と小文字は区別しません。- は値がないか、形式にそのフィールドがないもの）",
        ),
    ),
    (
        "finding:3",
        t(
            "the records of a finding of the analysis across records (conv:… a conversation, band:… a band of the flow map)",
            "レコードをまたいだ分析の検出事項のレコード（conv:… は通信、band:… はフローマップの帯）",
        ),
    ),
    ("errors", t("only lines with an error", "エラーのある行だけ")),
    (
        "ssh",
        t("any other word: lines that contain it (case aside)", "その他の語：その語を含む行（大文字と小文字は区別しません）"),
    ),
];
pub const SHOWN: Text = t("shown", "件を表示");
pub const OF: Text = t("of", "/");
pub const EXPORT_CSV: Text = t("Export CSV", "CSV を書き出す");
pub const EXPORT_NDJSON: Text = t("Export NDJSON", "NDJSON を書き出す");
pub const SORT: Text = t("Sort", "並べ替え");
pub const SUMMARY_TITLE: Text = t("Summary", "概要");
pub const ACCEPTED: Text = t("accepted", "許可");
pub const REJECTED: Text = t("rejected", "拒否");
pub const NODATA: Text = t("NODATA", "NODATA");
pub const SKIPDATA: Text = t("SKIPDATA", "SKIPDATA");
pub const TOTAL_BYTES: Text = t("bytes in all", "合計バイト");
pub const TOP_TALKERS: Text = t("Top talkers (source, bytes)", "通信量の多い送信元（バイト）");
pub const TOP_PORTS: Text = t("Top destination ports (records)", "多い宛先ポート（レコード数）");
pub const BYTES_OVER_TIME: Text = t("Bytes over time (by start)", "時間ごとのバイト数（開始時刻）");
pub const ERROR_LINES: Text = t("Lines with errors", "エラーのある行");
pub const FILE_UNREADABLE: Text = t(
    "the browser could not read this file",
    "ブラウザーがこのファイルを読めませんでした",
);
pub const COPY: Text = t("Copy", "コピー");
pub const COPIED_TEXT: Text = t("Copied.", "コピーしました。");
pub const BEYOND_TITLE: Text = t(
    "Query at scale: Amazon Athena and CloudWatch Logs Insights",
    "大規模に調べる：Amazon Athena と CloudWatch Logs Insights",
);
pub const ATHENA: Text = t("Athena table for S3 flow logs", "S3 のフローログ用 Athena テーブル");
pub const ATHENA_NOTE: Text = t(
    "Choose how the flow log delivers to S3 (its file format, and whether it uses Hive-compatible prefixes and per-hour partitions), replace the bucket, prefix, account ID and Regions, and run it once in the Athena query editor. Partition projection reads the S3 key layout, so no crawler or MSCK REPAIR is needed; text files' header lines are skipped. The partition keys (aws_region, day, hour…) never repeat a field's name. Filter on them to scan less.",
    "フローログの S3 への配信方法（ファイル形式、Hive 互換のプレフィックスと時間単位のパーティションを使うか）を選び、バケット、プレフィックス、アカウント ID、リージョンを書き換えてから Athena のクエリエディタで一度実行します。パーティション射影が S3 のキー構成を読むので、クローラーや MSCK REPAIR は不要です。テキストファイルのヘッダー行は読み飛ばします。パーティションキー（aws_region、day、hour など）はフィールド名と重なりません。これらで絞るとスキャン量が減ります。",
);
pub const INSIGHTS: Text = t("CloudWatch Logs Insights query", "CloudWatch Logs Insights クエリ");
pub const INSIGHTS_NOTE: Text = t(
    "Paste into Logs Insights with the flow log's log group selected. The parse names every field of this format; the last lines list the most frequent rejected flows — change them to your question.",
    "フローログのロググループを選んで Logs Insights に貼り付けます。parse がこの形式の全項目に名前を付けます。最後の数行は拒否が多いフローの一覧なので、調べたい内容に合わせて変えてください。",
);
pub const SCHEMAS_NOTE: Text = t(
    "Each field's name in Elastic Common Schema and in OCSF (Amazon Security Lake) is shown in its explanation; the large view exports NDJSON with either set of names.",
    "各項目の Elastic Common Schema と OCSF（Amazon Security Lake）での名前は項目の説明に表示されます。大きな表示では、どちらの名前でも NDJSON を書き出せます。",
);
pub const NAMES_ELSEWHERE: Text = t("Names elsewhere", "他での名前");
pub const EXPORT_ECS: Text = t("NDJSON (ECS)", "NDJSON（ECS）");
pub const EXPORT_OCSF: Text = t("NDJSON (OCSF)", "NDJSON（OCSF）");
pub const SUMMARISING: Text = t("Summarising…", "集計中…");

// The labeled line (the ruler under the paste box) and its picture.
pub const RULER: Text = t("The line, labeled", "ラベル付きの行");
pub const RULER_HINT: Text = t(
    "Point at a value, or focus it (arrow keys move along the line), to see what it is; click it to explain it in full.",
    "値にポインターを合わせるかフォーカスすると（矢印キーで行の中を移動）、その意味を表示します。クリックすると詳しく説明します。",
);
pub const RULER_LINE: Text = t("Line {line}", "{line} 行目");
pub const RULER_NOT_RECORD: Text = t("Line {line} is not a record:", "{line} 行目はレコードではありません：");
pub const PICTURE_HEADING: Text = t(
    "VPC flow log record, line {line}",
    "VPC フローログレコード（{line} 行目）",
);
pub const COPY_PICTURE: Text = t("Copy as picture", "画像としてコピー");
pub const SAVE_SVG: Text = t("Save SVG", "SVG を保存");
pub const SAVE_PNG: Text = t("Save PNG", "PNG を保存");
pub const COPIED_PICTURE: Text = t(
    "Copied the labeled line as a picture (PNG).",
    "ラベル付きの行を画像（PNG）としてコピーしました。",
);
pub const PICTURE_FAILED: Text = t(
    "This browser would not put a picture on the clipboard: use Save PNG or Save SVG instead.",
    "このブラウザーでは画像をクリップボードにコピーできませんでした。「PNG を保存」か「SVG を保存」を使ってください。",
);

// Learn mode.
pub const LEARN: Text = t("Learn", "学ぶ");
pub const LEARN_TITLE: Text = t("Learn to read flow log records", "フローログレコードの読み方を学ぶ");
pub const LEARN_INTRO: Text = t(
    "Seven short lessons, each on AWS's own example records: read them, point at the values, answer one question. Your progress stays in this browser; every lesson works offline, and each has its own link.",
    "AWS 自身のレコード例を使った 7 つの短いレッスンです。読んで、値にポインターを合わせて、問題に 1 つ答えます。進み具合はこのブラウザーにだけ保存されます。どのレッスンもオフラインで使え、それぞれにリンクがあります。",
);
pub const LESSON_N: Text = t("Lesson {n} of {of}", "レッスン {n}/{of}");
pub const LESSON_DONE: Text = t("done", "完了");
pub const QUESTION: Text = t("Question: {q}", "問題：{q}");
pub const CHECK_ANSWER: Text = t("Check", "答え合わせ");
pub const RIGHT: Text = t("Right.", "正解です。");
pub const NOT_QUITE: Text = t("Not quite — the answer is:", "違います。正解は：");
pub const PREVIOUS_LESSON: Text = t("Previous lesson", "前のレッスン");
pub const NEXT_LESSON: Text = t("Next lesson", "次のレッスン");
pub const ALL_LESSONS: Text = t("All lessons", "レッスン一覧");
pub const BACK_TO_DECODER: Text = t("Back to the decoder", "デコーダーに戻る");
pub const OPEN_IN_DECODER: Text = t("Open these records in the decoder", "このレコードをデコーダーで開く");
pub const NO_SUCH_LESSON: Text = t(
    "The link names no lesson; here are all of them.",
    "リンクが指すレッスンはありません。レッスンの一覧です。",
);

#[cfg(test)]
mod tests {
    use super::*;

    /// The pairs `<span data-l="en">…</span><span data-l="ja" lang="ja">…</span>` of `html`.
    fn shell_pairs(html: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut rest = html;
        while let Some(start) = rest.find(r#"<span data-l="en">"#) {
            let after = &rest[start + r#"<span data-l="en">"#.len()..];
            let (en, after) = after.split_once("</span>").expect("an English span closes");
            let after = after
                .strip_prefix(r#"<span data-l="ja" lang="ja">"#)
                .expect("each English text is followed by its Japanese");
            let (ja, after) = after.split_once("</span>").expect("a Japanese span closes");
            out.push((en.to_owned(), ja.to_owned()));
            rest = after;
        }
        out
    }

    fn attr<'a>(html: &'a str, name: &str) -> &'a str {
        let open = format!("{name}=\"");
        let start = html.find(&open).expect("the attribute is there") + open.len();
        let len = html[start..].find('"').expect("the attribute closes");
        &html[start..start + len]
    }

    /// The static shell of index.html says what the app will say, word for word, in both
    /// languages — else the page would change (and shift) when the app takes over.
    #[test]
    fn the_static_shell_uses_the_apps_words() {
        let html = include_str!("../../index.html");
        let shown = [
            TITLE,
            TAGLINE,
            LEARN,
            SAMPLES,
            COPY_LINK,
            MASK_LINKS,
            INPUT_LABEL,
            OPEN_FILES,
            OPEN_FOLDER,
            DROP_HINT,
        ];
        let mut expected: Vec<(String, String)> = shown.iter().map(|t| (t.en.to_owned(), t.ja.to_owned())).collect();
        // Only the shell says this: the app replaces it.
        expected.push(("Loading the decoder…".into(), "デコーダーを読み込んでいます…".into()));
        let mut found = shell_pairs(html);
        expected.sort();
        found.sort();
        assert_eq!(found, expected);
        assert_eq!(attr(html, "placeholder"), INPUT_PLACEHOLDER.en);
        assert_eq!(attr(html, "data-ja-placeholder"), INPUT_PLACEHOLDER.ja);
    }
}
