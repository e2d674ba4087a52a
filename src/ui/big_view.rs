//! The large-input view: filter, sort, summary, export, and a virtualised table
//! (only the rows in view are in the DOM, so a million lines scroll smoothly).

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::fields::{FieldName, Lang};
use crate::flowlog::describe::{binary_size, group};
use crate::flowlog::query::{self, Query, Schema, Summary};
use crate::flowlog::table::Table;
use crate::flowlog::LineKind;

use super::app::Shared;
use super::browser;
use super::labels as l;
use super::state::{Action, Selection};
use super::table::{error_row, record_row, table_shell};

/// Height of one table row, in CSS pixels (styles/records.css uses the same).
pub const ROW_HEIGHT: i32 = 44;
/// Rows rendered above and below the visible ones.
const OVERSCAN: usize = 10;

/// Props of [`BigView`].
#[derive(Properties, PartialEq)]
pub struct BigViewProps {
    /// The indexed input.
    pub table: Shared<Table>,
    /// The rows the query keeps, sorted.
    pub rows: Shared<Vec<u32>>,
    /// The query as typed.
    pub query_text: AttrValue,
    /// The parsed query (for its unreadable terms).
    pub query: Shared<Query>,
    /// The current sort.
    pub sort: Option<(FieldName, bool)>,
    /// The field (and line) being explained.
    pub selected: Option<Selection>,
    /// Page language.
    pub lang: Lang,
    /// State changes.
    pub on_action: Callback<Action>,
}

/// Filter bar, summary and virtual table.
#[component]
pub fn BigView(props: &BigViewProps) -> Html {
    let lang = props.lang;
    let scroll = use_state(|| (0i32, 600i32));
    let onscroll = {
        let scroll = scroll.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::Element = e.target_unchecked_into();
            scroll.set((el.scroll_top(), el.client_height()));
        })
    };
    let on_query = props.on_action.reform(|e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::SetQuery(input.value().into())
    });
    let export = |what: Option<Schema>| {
        let (table, rows) = (props.table.clone(), props.rows.clone());
        Callback::from(move |_: MouseEvent| {
            let (name, body) = match what {
                None => ("flow-logs.csv", query::to_csv(&table, &rows)),
                Some(Schema::Aws) => ("flow-logs.ndjson", query::to_ndjson(&table, &rows)),
                Some(Schema::Ecs) => ("flow-logs.ecs.ndjson", query::to_ndjson_as(&table, &rows, Schema::Ecs)),
                Some(Schema::Ocsf) => (
                    "flow-logs.ocsf.ndjson",
                    query::to_ndjson_as(&table, &rows, Schema::Ocsf),
                ),
            };
            let mime = if what.is_none() {
                "text/csv"
            } else {
                "application/x-ndjson"
            };
            browser::download(name, mime, &body);
        })
    };

    let table = &props.table;
    let rows = &props.rows;
    let total = table
        .rows()
        .iter()
        .filter(|r| r.kind.is_record() || r.kind.is_error())
        .count();
    let fields: Vec<FieldName> = rows
        .iter()
        .filter_map(|&i| table.rows().get(i as usize))
        .find(|r| r.kind.is_record())
        .map(|r| table.format_of(r).fields().to_vec())
        .unwrap_or_else(|| table.formats().first().map(|f| f.fields().to_vec()).unwrap_or_default());

    let (top, height) = *scroll;
    let first = usize::try_from(top / ROW_HEIGHT).unwrap_or(0).saturating_sub(OVERSCAN);
    let count = usize::try_from(height / ROW_HEIGHT).unwrap_or(0) + 2 * OVERSCAN;
    let last = (first + count).min(rows.len());
    let before = i32::try_from(first).unwrap_or(0) * ROW_HEIGHT;
    let after = i32::try_from(rows.len() - last).unwrap_or(0) * ROW_HEIGHT;
    // One list, every child keyed (the spacers too), so yew diffs by key: the rows'
    // elements survive re-renders, and with them focus and a click in progress.
    let spacer = |key: &'static str, height: i32| {
        html! { <tr {key} class="big-view__spacer" aria-hidden="true"><td height={height.to_string()}></td></tr> }
    };
    let body: Vec<Html> = std::iter::once(spacer("top", before))
        .chain(
            rows.get(first..last)
                .unwrap_or_default()
                .iter()
                .map(|&i| row(props, i as usize, fields.len())),
        )
        .chain(std::iter::once(spacer("bottom", after)))
        .collect();
    let headers: Vec<Html> = fields.iter().map(|&field| head(props, field)).collect();
    let bad_terms = props.query.bad.join(" ");

    html! {
        <section class="big-view">
            <div class="big-view__bar">
                <label class="big-view__filter">
                    <span>{ l::FILTER.get(lang) }</span>
                    <input id="filter" type="search" spellcheck="false" autocomplete="off"
                        placeholder={l::FILTER_PLACEHOLDER.get(lang)} value={props.query_text.clone()} oninput={on_query} />
                </label>
                <span class="big-view__count" data-count="shown">
                    { group(rows.len() as u64) }{ " " }{ l::SHOWN.get(lang) }{ " " }{ l::OF.get(lang) }{ " " }{ group(total as u64) }
                </span>
                <button type="button" class="button button--small" data-export="csv" onclick={export(None)}>{ l::EXPORT_CSV.get(lang) }</button>
                <button type="button" class="button button--small" data-export="ndjson" onclick={export(Some(Schema::Aws))}>{ l::EXPORT_NDJSON.get(lang) }</button>
                <button type="button" class="button button--small" data-export="ecs" onclick={export(Some(Schema::Ecs))}>{ l::EXPORT_ECS.get(lang) }</button>
                <button type="button" class="button button--small" data-export="ocsf" onclick={export(Some(Schema::Ocsf))}>{ l::EXPORT_OCSF.get(lang) }</button>
                if !bad_terms.is_empty() {
                    <p class="big-view__bad" role="alert">{ l::FILTER_BAD.get(lang) }{ " " }<code>{ bad_terms }</code></p>
                }
            </div>
            <SummaryPanel table={props.table.clone()} rows={props.rows.clone()} {lang} />
            <div class="record-table__scroll big-view__scroll" {onscroll}>
                { table_shell(lang, headers, body, "big-view__table") }
            </div>
        </section>
    }
}

fn head(props: &BigViewProps, field: FieldName) -> Html {
    let lang = props.lang;
    let explain = props
        .on_action
        .reform(move |_: MouseEvent| Action::Select(Selection { line: None, field }));
    let sort = props.on_action.reform(move |_: MouseEvent| Action::SortBy(field));
    let arrow = match props.sort {
        Some((f, false)) if f == field => "▲",
        Some((f, true)) if f == field => "▼",
        _ => "⇅",
    };
    let aria_sort = match props.sort {
        Some((f, false)) if f == field => "ascending",
        Some((f, true)) if f == field => "descending",
        _ => "none",
    };
    html! {
        <th scope="col" class="record-table__head" data-field-header={field.as_str()} aria-sort={aria_sort}>
            <div class="big-view__head">
                <button type="button" class="field-button" onclick={explain}>
                    <code>{ field.as_str() }</code>
                    <span class="field-button__title">{ field.spec().title.get(lang) }</span>
                </button>
                <button type="button" class="sort-button" data-sort={field.as_str()} aria-label={l::SORT.get(lang)} onclick={sort}>{ arrow }</button>
            </div>
        </th>
    }
}

fn row(props: &BigViewProps, i: usize, columns: usize) -> Html {
    let lang = props.lang;
    let Some(line) = props.table.line(i) else {
        return html! { <tr key={format!("missing-{i}")}></tr> };
    };
    let no = line.no;
    let key = no.to_string();
    let colspan = columns.max(1).to_string();
    match &line.kind {
        LineKind::Record(record) => record_row(
            record,
            no,
            props.table.text(),
            lang,
            props.selected,
            &props.on_action,
            "big-view__row",
        ),
        LineKind::Error(e) => error_row(e, no, columns, lang, &props.on_action, "big-view__row"),
        _ => html! { <tr {key} class="big-view__row"><td colspan={colspan}></td></tr> },
    }
}

/// Props of [`SummaryPanel`].
#[derive(Properties, PartialEq)]
pub struct SummaryPanelProps {
    /// The indexed input.
    pub table: Shared<Table>,
    /// The rows shown.
    pub rows: Shared<Vec<u32>>,
    /// Page language.
    pub lang: Lang,
}

/// Resolves after the browser has painted: the next animation frame, then a task.
async fn next_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(w) = web_sys::window() else {
            return;
        };
        let later = w.clone();
        let after_frame = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = later.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        });
        let _ = w.request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&after_frame));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Totals over the rows shown. Summarising a million rows takes a moment, so it runs
/// after the rows are on screen; until then (and after each change of filter) the
/// panel says it is working, never showing totals of other rows.
#[component]
pub fn SummaryPanel(props: &SummaryPanelProps) -> Html {
    let ready = use_state(|| None::<(Shared<Vec<u32>>, Rc<Summary>)>);
    {
        let ready = ready.clone();
        use_effect_with((props.table.clone(), props.rows.clone()), move |(table, rows)| {
            let (table, rows) = (table.clone(), rows.clone());
            let cancelled = Rc::new(Cell::new(false));
            let flag = Rc::clone(&cancelled);
            wasm_bindgen_futures::spawn_local(async move {
                next_paint().await;
                if !flag.get() {
                    let summary = query::summarize(&table, &rows);
                    ready.set(Some((rows, Rc::new(summary))));
                }
            });
            move || cancelled.set(true)
        });
    }
    match &*ready {
        Some((rows, summary)) if *rows == props.rows => summary_panel(summary, &props.table, props.lang),
        _ => html! {
            <div class="summary-panel summary-panel--busy" aria-busy="true">
                <h2>{ l::SUMMARY_TITLE.get(props.lang) }</h2>
                <p>{ l::SUMMARISING.get(props.lang) }</p>
            </div>
        },
    }
}

fn summary_panel(s: &Summary, table: &Table, lang: Lang) -> Html {
    let bytes = format!(
        "{}{}",
        group(u64::try_from(s.bytes).unwrap_or(u64::MAX)),
        binary_size(u64::try_from(s.bytes).unwrap_or(u64::MAX))
            .map(|b| format!(" ({b})"))
            .unwrap_or_default()
    );
    let talkers = s.top_talkers.iter().map(|(addr, b)| {
        html! { <li><code>{ addr.clone() }</code>{ " " }{ group(u64::try_from(*b).unwrap_or(u64::MAX)) }</li> }
    });
    let ports = s
        .top_ports
        .iter()
        .map(|(p, n)| html! { <li><code>{ p }</code>{ " " }{ n }</li> });
    let (errors, error_lines) = table.errors(100);
    let error_items = errors
        .iter()
        .map(|e| html! { <li data-error-line={e.line_no.to_string()}>{ e.message(lang) }</li> });
    html! {
        <div class="summary-panel" data-summary="">
            <h2>{ l::SUMMARY_TITLE.get(lang) }</h2>
            <dl class="summary-panel__counts">
                <div><dt>{ l::RECORDS.get(lang) }</dt><dd data-sum="records">{ group(s.records as u64) }</dd></div>
                <div><dt>{ l::ACCEPTED.get(lang) }</dt><dd data-sum="accepted">{ group(s.accepted as u64) }</dd></div>
                <div><dt>{ l::REJECTED.get(lang) }</dt><dd data-sum="rejected">{ group(s.rejected as u64) }</dd></div>
                <div><dt>{ l::NODATA.get(lang) }</dt><dd data-sum="nodata">{ group(s.nodata as u64) }</dd></div>
                <div><dt>{ l::SKIPDATA.get(lang) }</dt><dd data-sum="skipdata">{ group(s.skipdata as u64) }</dd></div>
                <div><dt>{ l::ERRORS.get(lang) }</dt><dd data-sum="errors">{ group(s.errors as u64) }</dd></div>
                <div><dt>{ l::TOTAL_BYTES.get(lang) }</dt><dd data-sum="bytes">{ bytes }</dd></div>
            </dl>
            <div class="summary-panel__lists">
                <div><h3>{ l::TOP_TALKERS.get(lang) }</h3><ol data-sum="talkers">{ for talkers }</ol></div>
                <div><h3>{ l::TOP_PORTS.get(lang) }</h3><ol data-sum="ports">{ for ports }</ol></div>
                <div><h3>{ l::BYTES_OVER_TIME.get(lang) }</h3>{ chart(&s.bytes_over_time) }</div>
            </div>
            if error_lines > 0 {
                <details class="summary-panel__errors">
                    <summary>{ l::ERROR_LINES.get(lang) }{ ": " }{ group(error_lines as u64) }</summary>
                    <ol>{ for error_items }</ol>
                </details>
            }
        </div>
    }
}

/// A bar chart as SVG attributes (no inline styles: the CSP forbids them).
fn chart(buckets: &[(i64, u128)]) -> Html {
    let max = buckets.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    let n = buckets.len().max(1);
    let bars = buckets.iter().enumerate().map(|(i, (_, b))| {
        #[allow(clippy::cast_precision_loss, reason = "a chart needs no exactness")]
        let h = (*b as f64 / max as f64 * 40.0).round();
        let w = 200.0 / n as f64;
        #[allow(clippy::cast_precision_loss, reason = "small indices")]
        let x = i as f64 * w;
        html! { <rect x={format!("{x:.2}")} y={format!("{:.2}", 40.0 - h)} width={format!("{:.2}", (w - 0.5).max(0.5))} height={format!("{h:.2}")} /> }
    });
    html! {
        <svg class="summary-panel__chart" viewBox="0 0 200 40" preserveAspectRatio="none" role="img" aria-hidden="true">
            { for bars }
        </svg>
    }
}
