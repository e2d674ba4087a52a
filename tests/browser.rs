//! The app in headless Chromium: paste, see labeled and decoded columns, explanations,
//! inline errors, the format box and the language switch. Run with
//! `cargo test --target wasm32-unknown-unknown` (see scripts/test.sh).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests panic on failure")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement, InputEvent, InputEventInit};

use vpc_flowlog_decoder::ui::App;

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = "2021-05-17T22:48:43.000+09:00    2 XXXXXXXXX eni-aaaaaaa xx.xx.xx.xx 10.0.0.1 123 40658 17 1 76 xxxxxxxxxx xxxxxxxxxx ACCEPT OK";
const LINE: &str =
    "2 123456789012 eni-0a1b2c3d 203.0.113.12 10.0.0.1 123 40658 17 1 76 1621259323 1621259383 ACCEPT OK";

/// Mounts a fresh app into its own element and waits for the first render.
async fn mount() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

fn fire_input(target: &Element) {
    let init = InputEventInit::new();
    init.set_bubbles(true);
    let event = InputEvent::new_with_event_init_dict("input", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

async fn paste(root: &Element, value: &str) {
    let area = find(root, "textarea#input");
    area.clone().dyn_into::<HtmlTextAreaElement>().unwrap().set_value(value);
    fire_input(&area);
    yew::scheduler::flush().await;
}

async fn type_format(root: &Element, value: &str) {
    let input = find(root, "input#format");
    input.clone().dyn_into::<HtmlInputElement>().unwrap().set_value(value);
    fire_input(&input);
    yew::scheduler::flush().await;
}

async fn click(root: &Element, selector: &str) {
    find(root, selector).dyn_into::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn seed_line_shows_14_labeled_decoded_columns() {
    let root = mount().await;
    paste(&root, SEED).await;
    let record = find(&root, r#"[data-line="1"][data-status="ok"]"#);
    assert_eq!(count(&record, "[data-field]"), 14);
    let fields: Vec<String> = (0..14)
        .map(|i| {
            let list = record.query_selector_all("[data-field]").unwrap();
            list.item(i)
                .unwrap()
                .dyn_into::<Element>()
                .unwrap()
                .get_attribute("data-field")
                .unwrap()
        })
        .collect();
    assert_eq!(fields.first().map(String::as_str), Some("version"));
    assert_eq!(fields.last().map(String::as_str), Some("log-status"));
    assert_eq!(
        find(&record, r#"[data-field="protocol"]"#)
            .get_attribute("data-raw")
            .as_deref(),
        Some("17")
    );
    assert!(text(&record, r#"[data-field="protocol"]"#).contains("UDP"));
    assert!(text(&record, r#"[data-field="srcport"]"#).contains("NTP"));
    assert!(text(&record, r#"[data-field="srcaddr"]"#).contains("masked"));
    assert!(text(&record, ".summary").contains("sent 1 UDP packet"));
}

#[wasm_bindgen_test]
async fn many_lines_make_a_table_with_inline_errors() {
    let root = mount().await;
    let input = format!(
        "{LINE}\n\n2 123456789012 eni-0a1b2c3d\n{}",
        LINE.replace(" 17 ", " tcp ")
    );
    paste(&root, &input).await;
    assert_eq!(
        count(&root, "table.record-table__table thead th[data-field-header]"),
        14
    );
    assert_eq!(count(&root, r#"[data-line="1"][data-status="ok"] [data-field]"#), 14);
    assert_eq!(count(&root, r#"[data-line="2"]"#), 0, "blank lines have no row");
    assert!(text(&root, r#"[data-line="3"][data-status="error"]"#).contains("expected 14 fields"));
    let bad = find(&root, r#"[data-line="4"][data-status="error"] [data-field="protocol"]"#);
    assert_eq!(bad.get_attribute("data-raw").as_deref(), Some("tcp"));
    assert!(bad.get_attribute("class").unwrap_or_default().contains("is-error"));
    assert!(text(&root, ".error-list").contains("line 4, field 8 (protocol): expected an integer 0–255, found `tcp`"));
    assert!(text(&root, "[data-count=\"records\"]").starts_with('2'));
}

#[wasm_bindgen_test]
async fn clicking_a_header_or_cell_explains_it() {
    let root = mount().await;
    paste(&root, &format!("{LINE}\n{LINE}")).await;
    assert_eq!(count(&root, "[data-explain]"), 0);
    click(&root, r#"th[data-field-header="protocol"] button"#).await;
    assert!(text(&root, r#"[data-explain="protocol"]"#).contains("IANA protocol number"));
    click(&root, r#"[data-line="2"] [data-field="dstport"] button"#).await;
    let panel = text(&root, r#"[data-explain="dstport"]"#);
    assert!(panel.contains("40658"), "{panel}");
    assert!(panel.contains("ephemeral"), "{panel}");
}

#[wasm_bindgen_test]
async fn format_box_and_suggested_format() {
    let root = mount().await;
    let line29 = "5 123456789012 eni-0a1b2c3d 10.0.0.71 52.95.128.179 34210 80 6 7 471 1616729292 1616729349 ACCEPT OK vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b 3 IPv4 10.0.0.71 52.95.128.179 ap-southeast-2 apse2-az3 - - - S3 egress 8";
    paste(&root, line29).await;
    assert!(text(&root, r#"[data-line="1"][data-status="error"]"#).contains("a 29-field line fits"));
    click(&root, r#"[data-line="1"] [data-use-format="29"]"#).await;
    let format = find(&root, "input#format")
        .dyn_into::<HtmlInputElement>()
        .unwrap()
        .value();
    assert!(format.starts_with("${version} ${account-id}"), "{format}");
    let record = find(&root, r#"[data-line="1"][data-status="ok"]"#);
    assert_eq!(count(&record, "[data-field]"), 29);
    assert!(text(&record, r#"[data-field="traffic-path"]"#).contains("internet gateway"));

    type_format(&root, "${version} ${srcadr}").await;
    assert!(text(&root, "#format-error").contains("did you mean `srcaddr`?"));
}

#[wasm_bindgen_test]
async fn language_switch_translates_labels_and_explanations() {
    let root = mount().await;
    paste(&root, LINE).await;
    click(&root, r#".lang-switch button[lang="ja"]"#).await;
    assert!(text(&root, "h1").contains("デコーダー"));
    assert!(text(&root, r#"[data-field="action"]"#).contains("許可"));
    click(&root, r#"[data-field="action"] button"#).await;
    assert!(text(&root, r#"[data-explain="action"]"#).contains("セキュリティグループ"));
    click(&root, r#".lang-switch button[lang="en"]"#).await;
    assert!(text(&root, r#"[data-field="action"]"#).contains("accepted"));
}
