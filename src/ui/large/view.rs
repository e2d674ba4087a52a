//! The large-input view: filter, sort, summary, export, and a virtualised table
//! (only the rows in view are in the DOM, so a million lines scroll smoothly).

use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::fields::{FieldName, Lang};
use crate::flowlog::bulk::query::Query;
use crate::flowlog::bulk::store::{ExportKind, Meta, Reply, Request, RowOut, SUMMARY_ERRORS};
use crate::flowlog::bulk::totals::Summary;
use crate::flowlog::explain::describe::{binary_size, group};
use crate::flowlog::{Format, LineError, LineKind};

use crate::fields::labels as l;
use crate::ui::hooks::Shared;
use crate::ui::large::source::Source;
use crate::ui::paste::rows::{error_row, record_row, table_shell, Marks};
use crate::ui::state::{Action, Selection};

/// Height of one table row, in CSS pixels (styles/records.css uses the same).
pub const ROW_HEIGHT: i32 = 44;
/// Rows rendered above and below the visible ones.
const OVERSCAN: usize = 10;

/// Props of [`BigView`].
#[derive(Properties, PartialEq)]
pub struct BigViewProps {
    /// Where the rows are (the files' worker, or the paste's).
    pub source: Source,
    /// What is known of the whole input.
    pub meta: Shared<Meta>,
    /// Its formats, parsed.
    pub formats: Shared<Vec<Rc<Format>>>,
    /// The query as typed.
    pub query_text: AttrValue,
    /// The parsed query (for its unreadable terms).
    pub query: Shared<Query>,
    /// The current sort.
    pub sort: Option<(FieldName, bool)>,
    /// The field (and line) being explained.
    pub selected: Option<Selection>,
    /// The value pointed at or focused.
    pub hot: Option<Selection>,
    /// Page language.
    pub lang: Lang,
    /// State changes.
    pub on_action: Callback<Action>,
}

/// The answer to the current selection.
#[derive(Clone, Debug, PartialEq)]
struct Shown {
    id: u32,
    count: usize,
    /// The columns, as a format (unknown fields keep their names).
    columns: Rc<Format>,
}

/// Totals over the selection, and the first error lines.
#[derive(Debug, PartialEq)]
struct Totals {
    summary: Summary,
    errors: Vec<RowOut>,
    error_lines: usize,
}

/// What the view has been told: derived from the source's replies, never rendered Html.
#[derive(Clone, Debug, Default, PartialEq)]
struct View {
    /// The newest selection asked for.
    asked: u32,
    shown: Option<Shown>,
    /// Rows of the shown selection received so far, by position.
    rows: Rc<HashMap<usize, Rc<RowOut>>>,
    totals: Option<(u32, Rc<Totals>)>,
}

enum ViewAction {
    Asked(u32),
    Reply(Box<Reply>),
}

/// Rows kept by position, at most (scrolling far drops the others).
const KEEP: usize = 2048;
/// Rows asked for beyond the visible ones, so short scrolls need no new request.
const PREFETCH: usize = 60;

impl Reducible for View {
    type Action = ViewAction;

    fn reduce(self: Rc<Self>, action: ViewAction) -> Rc<Self> {
        let mut next = (*self).clone();
        let current = self.shown.as_ref().map(|s| s.id);
        let action = match action {
            ViewAction::Asked(id) => {
                next.asked = id;
                return Rc::new(next);
            }
            ViewAction::Reply(reply) => *reply,
        };
        match action {
            Reply::Selected { id, shown, columns } if id == self.asked => {
                next.shown = Some(Shown {
                    id,
                    count: shown,
                    columns: Rc::new(Format::parse(&columns.join(" ")).unwrap_or_else(|_| Format::new(Vec::new()))),
                });
                next.rows = Rc::default();
            }
            Reply::Rows { id, from, rows } if Some(id) == current => {
                let mut map = if self.rows.len() + rows.len() > KEEP {
                    HashMap::new()
                } else {
                    (*self.rows).clone()
                };
                for (k, row) in rows.into_iter().enumerate() {
                    map.insert(from + k, Rc::new(row));
                }
                next.rows = Rc::new(map);
            }
            Reply::Summary {
                id,
                summary,
                errors,
                error_lines,
            } if Some(id) == current => {
                next.totals = Some((
                    id,
                    Rc::new(Totals {
                        summary,
                        errors,
                        error_lines,
                    }),
                ));
            }
            _ => return self,
        }
        Rc::new(next)
    }
}

/// Filter bar, summary and virtual table.
#[component]
pub fn BigView(props: &BigViewProps) -> Html {
    let lang = props.lang;
    let view = use_reducer(View::default);
    let scroll = use_state(|| (0i32, 600i32));
    let next_id = use_mut_ref(|| 0u32);
    let asked_rows = use_mut_ref(|| None::<(u32, usize, usize)>);
    let formats = &props.formats;

    // Replies go to this view (set before the first question below is asked).
    {
        let view = view.clone();
        use_effect_with(props.source.clone(), move |source| {
            let dispatch = view.dispatcher();
            source.listen(Some(Callback::from(move |r: Reply| {
                dispatch.dispatch(ViewAction::Reply(Box::new(r)));
            })));
            let source = source.clone();
            move || source.listen(None)
        });
    }
    // A new filter, sort or indexing: a new selection.
    {
        let (view, next_id) = (view.clone(), next_id.clone());
        use_effect_with(
            (
                props.source.clone(),
                props.meta.clone(),
                props.query_text.clone(),
                props.sort,
            ),
            move |(source, _, query, sort)| {
                let id = {
                    let mut n = next_id.borrow_mut();
                    *n = n.wrapping_add(1);
                    *n
                };
                view.dispatch(ViewAction::Asked(id));
                source.ask(Request::Select {
                    id,
                    query: query.to_string(),
                    sort: *sort,
                });
            },
        );
    }

    let shown_id = view.shown.as_ref().map(|s| s.id);
    let shown = view.shown.as_ref().map_or(0, |s| s.count);
    let (top, height) = *scroll;
    let first = usize::try_from(top / ROW_HEIGHT).unwrap_or(0).saturating_sub(OVERSCAN);
    let count = usize::try_from(height / ROW_HEIGHT).unwrap_or(0) + 2 * OVERSCAN;
    let last = (first + count).min(shown);
    let first = first.min(last);

    // The rows in view that have not arrived: ask for them (and some around them).
    {
        let (source, rows, asked_rows) = (props.source.clone(), view.rows.clone(), asked_rows.clone());
        use_effect_with((shown_id, first, last), move |&(id, first, last)| {
            let Some(id) = id else { return };
            let missing = (first..last).any(|p| !rows.contains_key(&p));
            let covered = matches!(*asked_rows.borrow(), Some((i, f, t)) if i == id && f <= first && last <= t);
            if missing && !covered {
                let (from, to) = (first.saturating_sub(PREFETCH), last + PREFETCH);
                *asked_rows.borrow_mut() = Some((id, from, to));
                source.ask(Request::Rows { id, from, to });
            }
        });
    }
    // The summary of a new selection, asked at once: the worker answers in order, so
    // the rows come first and it summarises while they are painted.
    {
        let source = props.source.clone();
        use_effect_with(shown_id, move |&id| {
            if let Some(id) = id {
                source.ask(Request::Summary { id });
            }
        });
    }

    let onscroll = {
        let scroll = scroll.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::Element = e.target_unchecked_into();
            let next = (el.scroll_top(), el.client_height());
            // Sideways scrolling changes neither: no re-render.
            if next != *scroll {
                scroll.set(next);
            }
        })
    };
    let on_query = props.on_action.reform(|e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::SetQuery(input.value().into())
    });
    let export = |what: ExportKind| {
        let source = props.source.clone();
        let query = props.query_text.to_string();
        let sort = props.sort;
        Callback::from(move |_: MouseEvent| {
            if let Some(id) = shown_id {
                source.ask(Request::Export {
                    id,
                    what,
                    query: query.clone(),
                    sort,
                });
            }
        })
    };

    let columns: Rc<Format> = view.shown.as_ref().map_or_else(
        || formats.first().cloned().unwrap_or_default(),
        |s| Rc::clone(&s.columns),
    );
    let fields: Vec<FieldName> = columns.fields().to_vec();
    let before = i32::try_from(first).unwrap_or(0) * ROW_HEIGHT;
    let after = i32::try_from(shown - last).unwrap_or(0) * ROW_HEIGHT;
    // One list, every child keyed (the spacers too), so yew diffs by key: the rows'
    // elements survive re-renders, and with them focus and a click in progress.
    let spacer = |key: &'static str, height: i32| {
        html! { <tr {key} class="big-view__spacer" aria-hidden="true"><td height={height.to_string()}></td></tr> }
    };
    let body: Vec<Html> = std::iter::once(spacer("top", before))
        .chain((first..last).map(|p| match view.rows.get(&p) {
            Some(r) => row(props, r, formats, fields.len()),
            None => html! {
                <tr key={format!("at-{p}")} class="big-view__row big-view__row--waiting" aria-busy="true">
                    <td colspan={fields.len().max(1).to_string()}></td>
                </tr>
            },
        }))
        .chain(std::iter::once(spacer("bottom", after)))
        .collect();
    let headers: Vec<Html> = fields
        .iter()
        .enumerate()
        .map(|(i, &field)| head(props, field, columns.name_at(i)))
        .collect();
    let bad_terms = props.query.bad.join(" ");
    let totals = match (&view.totals, shown_id) {
        (Some((id, t)), Some(current)) if *id == current => Some(Rc::clone(t)),
        _ => None,
    };
    let busy = shown_id != Some(view.asked);

    html! {
        <section class="big-view">
            <div class="big-view__bar">
                <label class="big-view__filter">
                    <span>{ l::FILTER.get(lang) }</span>
                    <input id="filter" type="search" spellcheck="false" autocomplete="off"
                        placeholder={l::FILTER_PLACEHOLDER.get(lang)} value={props.query_text.clone()} oninput={on_query} />
                </label>
                <span class="big-view__count" data-count="shown" aria-busy={busy.to_string()}>
                    { group(shown as u64) }{ " " }{ l::SHOWN.get(lang) }{ " " }{ l::OF.get(lang) }{ " " }{ group(props.meta.total as u64) }
                </span>
                <button type="button" class="button button--small" data-export="csv" onclick={export(ExportKind::Csv)}>{ l::EXPORT_CSV.get(lang) }</button>
                <button type="button" class="button button--small" data-export="ndjson" onclick={export(ExportKind::Ndjson)}>{ l::EXPORT_NDJSON.get(lang) }</button>
                <button type="button" class="button button--small" data-export="ecs" onclick={export(ExportKind::Ecs)}>{ l::EXPORT_ECS.get(lang) }</button>
                <button type="button" class="button button--small" data-export="ocsf" onclick={export(ExportKind::Ocsf)}>{ l::EXPORT_OCSF.get(lang) }</button>
                if !bad_terms.is_empty() {
                    <p class="big-view__bad" role="alert">{ l::FILTER_BAD.get(lang) }{ " " }<code>{ bad_terms }</code></p>
                }
                { filter_help(lang) }
            </div>
            { summary_panel(totals.as_deref(), formats, lang) }
            <div class="record-table__scroll big-view__scroll" {onscroll}>
                { table_shell(lang, headers, body, "big-view__table") }
            </div>
        </section>
    }
}

/// How to write a filter: an example of each kind of term and what it keeps.
fn filter_help(lang: Lang) -> Html {
    let terms = l::FILTER_TERMS.iter().map(|(example, meaning)| {
        html! { <><dt><code>{ *example }</code></dt><dd>{ meaning.get(lang) }</dd></> }
    });
    html! {
        <details class="big-view__help" data-filter-help="">
            <summary>{ l::FILTER_HELP.get(lang) }</summary>
            <p>{ l::FILTER_ALL.get(lang) }</p>
            <dl>{ for terms }</dl>
        </details>
    }
}

/// A column header; `name` is the field's name (an unknown field's as the header gave it).
fn head(props: &BigViewProps, field: FieldName, name: &str) -> Html {
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
        <th scope="col" class={classes!("record-table__head", crate::fields::colours::class(field), props.hot.is_some_and(|h| h.field == field).then_some("is-linked"))}
            data-field-header={field.as_str()} aria-sort={aria_sort}>
            <div class="big-view__head">
                <button type="button" class="field-button" onclick={explain}>
                    <code>{ name.to_owned() }</code>
                    <span class="field-button__title">{ field.spec().title.get(lang) }</span>
                </button>
                <button type="button" class="sort-button" data-sort={field.as_str()} aria-label={l::SORT.get(lang)} onclick={sort}>{ arrow }</button>
            </div>
        </th>
    }
}

fn row(props: &BigViewProps, r: &RowOut, formats: &[Rc<Format>], columns: usize) -> Html {
    let lang = props.lang;
    let line = r.line(formats);
    let no = line.no;
    match &line.kind {
        LineKind::Record(record) => record_row(
            record,
            (no, line.at),
            &r.text,
            lang,
            Marks {
                selected: props.selected,
                hot: props.hot,
            },
            &props.on_action,
            "big-view__row",
        ),
        LineKind::Error(e) => error_row(e, (no, line.at), columns, lang, &props.on_action, "big-view__row"),
        _ => html! {
            <tr key={no.to_string()} class="big-view__row"><td colspan={columns.max(1).to_string()}></td></tr>
        },
    }
}

/// Totals over the rows shown. Summarising a million rows takes a moment, so it is
/// asked for after the rows are on screen; until it comes (and after each change of
/// filter) the panel says it is working, never showing totals of other rows.
fn summary_panel(totals: Option<&Totals>, formats: &[Rc<Format>], lang: Lang) -> Html {
    let Some(Totals {
        summary: s,
        errors,
        error_lines,
    }) = totals
    else {
        return html! {
            <div class="summary-panel summary-panel--busy" aria-busy="true">
                <h2>{ l::SUMMARY_TITLE.get(lang) }</h2>
                <p>{ l::SUMMARISING.get(lang) }</p>
            </div>
        };
    };
    let error_lines = *error_lines;
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
    let errors: Vec<LineError> = errors
        .iter()
        .flat_map(|r| r.errors(formats))
        .take(SUMMARY_ERRORS)
        .collect();
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
