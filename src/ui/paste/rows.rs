//! Many records shown as a table: one column per field, one row per input line.

use std::rc::Rc;

use yew::prelude::*;

use crate::fields::{colours, FieldName, Lang};
use crate::flowlog::explain::describe::describe;
use crate::flowlog::{Decoded, Format, Line, LineError, LineKind, Record};

use crate::fields::labels as l;
use crate::ui::hooks::Shared;
use crate::ui::paste::errors::format_button;
use crate::ui::state::{Action, Selection};
use crate::web::tz::BrowserTz;

/// At most this many lines are put in the DOM; the rest are still decoded and counted.
pub const MAX_ROWS: usize = 1000;

/// Props of [`RecordTable`].
#[derive(Properties, PartialEq)]
pub struct RecordTableProps {
    /// The decoded input.
    pub decoded: Shared<Decoded>,
    /// The input text.
    pub text: AttrValue,
    /// Page language.
    pub lang: Lang,
    /// The field (and line) being explained.
    pub selected: Option<Selection>,
    /// The value pointed at or focused.
    pub hot: Option<Selection>,
    /// State changes.
    pub on_action: Callback<Action>,
}

/// A run of lines that share one format (a header line starts a new run).
struct Section<'a> {
    format: Option<Rc<Format>>,
    /// The lines, with their place in `Decoded::lines`.
    lines: Vec<(usize, &'a Line)>,
}

fn sections(lines: &[Line]) -> Vec<Section<'_>> {
    let mut out: Vec<Section<'_>> = Vec::new();
    for (i, line) in lines.iter().enumerate().take(MAX_ROWS) {
        let format = match &line.kind {
            LineKind::Blank | LineKind::Comment => continue,
            LineKind::Header(f) => Some(Rc::clone(f)),
            LineKind::Record(r) => Some(Rc::clone(&r.format)),
            LineKind::Error(_) => None,
        };
        let starts_new = matches!(line.kind, LineKind::Header(_))
            || match (out.last(), &format) {
                (None, _) => true,
                (Some(s), Some(f)) => s.format.as_ref().is_some_and(|g| g != f),
                (Some(_), None) => false,
            };
        if starts_new {
            out.push(Section {
                format,
                lines: vec![(i, line)],
            });
        } else if let Some(s) = out.last_mut() {
            if s.format.is_none() {
                s.format = format;
            }
            s.lines.push((i, line));
        }
    }
    out
}

/// Shows every line: records as rows of decoded cells, errors inline.
#[component]
pub fn RecordTable(props: &RecordTableProps) -> Html {
    let lang = props.lang;
    let lines = &props.decoded.lines;
    let sections = sections(lines);
    let shown: usize = sections.iter().map(|s| s.lines.len()).sum();
    let hidden = lines.len() > MAX_ROWS;
    let tables = sections.iter().map(|s| section(props, s));
    html! {
        <div class="record-table">
            if hidden {
                <p class="record-table__notice">{ l::SHOWING_FIRST.get(lang) }{ " " }{ shown }{ " " }{ l::ROWS_OF.get(lang) }</p>
            }
            { for tables }
        </div>
    }
}

fn section(props: &RecordTableProps, section: &Section<'_>) -> Html {
    let lang = props.lang;
    let fields: &[FieldName] = section.format.as_deref().map_or(&[], Format::fields);
    let columns = fields.len() + 1;
    let headers = fields.iter().enumerate().map(|(i, &field)| {
        // An unknown field is shown by the name the header gave it.
        let name = section.format.as_deref().map_or("", |f| f.name_at(i)).to_owned();
        let selected = props.selected.is_some_and(|s| s.field == field && s.line.is_none());
        let linked = props.hot.is_some_and(|h| h.field == field);
        let onclick = props
            .on_action
            .reform(move |_: MouseEvent| Action::Select(Selection { line: None, field }));
        html! {
            <th scope="col" class={classes!("record-table__head", colours::class(field), selected.then_some("is-selected"), linked.then_some("is-linked"))}
                data-field-header={field.as_str()}>
                <button type="button" class="field-button" title={field.spec().title.get(lang)} {onclick}>
                    <code>{ name }</code>
                    <span class="field-button__title">{ field.spec().title.get(lang) }</span>
                </button>
            </th>
        }
    });
    let rows = section
        .lines
        .iter()
        .map(|&(i, line)| {
            let mine = |s: Option<Selection>| s.filter(|s| s.line == Some(line.no));
            let marks = Marks {
                selected: mine(props.selected),
                hot: mine(props.hot),
            };
            html! {
                <PasteRow key={line.no} decoded={props.decoded.clone()} index={i} text={props.text.clone()}
                    lang={props.lang} {marks} {columns} on_action={props.on_action.clone()} />
            }
        })
        .collect();
    html! {
        <div class="record-table__scroll">
            { table_shell(lang, headers.collect(), rows, "") }
        </div>
    }
}

/// The `<table>` both tables share: a "Line" column, the field headers, the rows, and
/// arrow keys moving between cells.
pub fn table_shell(lang: Lang, headers: Vec<Html>, rows: Vec<Html>, class: &'static str) -> Html {
    let onkeydown = Callback::from(|e: KeyboardEvent| crate::web::keyboard::move_focus(&e));
    html! {
        <table class={classes!("record-table__table", class)} {onkeydown}>
            <thead>
                <tr>
                    <th scope="col" class="record-table__line-head">{ l::LINE.get(lang) }</th>
                    { for headers }
                </tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

/// What is marked on one row: the value being explained, the value pointed at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    /// The value being explained (on this row).
    pub selected: Option<Selection>,
    /// The value pointed at or focused (on this row).
    pub hot: Option<Selection>,
}

/// Props of [`PasteRow`].
#[derive(Properties, PartialEq)]
struct PasteRowProps {
    decoded: Shared<Decoded>,
    /// The line's place in `decoded.lines`.
    index: usize,
    text: AttrValue,
    lang: Lang,
    /// Marks on this row only: other rows' props stay equal, so pointing at a value
    /// re-renders two rows, not a thousand.
    marks: Marks,
    columns: usize,
    on_action: Callback<Action>,
}

/// One line of a paste as a table row.
#[component]
fn PasteRow(props: &PasteRowProps) -> Html {
    let Some(line) = props.decoded.lines.get(props.index) else {
        return html! {};
    };
    row(props, line, props.columns)
}

fn row(props: &PasteRowProps, line: &Line, columns: usize) -> Html {
    let lang = props.lang;
    let (no, at) = (line.no.to_string(), line.at.to_string());
    let colspan = columns.saturating_sub(1).max(1).to_string();
    match &line.kind {
        LineKind::Record(record) => record_row(
            record,
            (line.no, line.at),
            &props.text,
            lang,
            props.marks,
            &props.on_action,
            "",
        ),
        LineKind::Error(e) => error_row(
            e,
            (line.no, line.at),
            columns.saturating_sub(1),
            lang,
            &props.on_action,
            "",
        ),
        LineKind::Header(_) => html! {
            <tr key={no.clone()} class="record-table__row record-table__row--header" data-line={no} data-status="header">
                <th scope="row" class="record-table__line">{ at }</th>
                <td colspan={colspan} class="record-table__header-note">
                    <div class="record-table__wide">{ l::HEADER_LINE.get(lang) }</div>
                </td>
            </tr>
        },
        LineKind::Blank | LineKind::Comment => html! {},
    }
}

/// One record as a table row: the line number, then each value (raw and decoded) as a
/// button that selects it. Shared by this table and the large view (`row_class`).
/// `(line_no, at)`: the line's number (what selections name) and the input line it
/// came from (what is shown).
pub fn record_row(
    record: &Record,
    (line_no, at): (usize, usize),
    text: &str,
    lang: Lang,
    marks: Marks,
    on_action: &Callback<Action>,
    row_class: &'static str,
) -> Html {
    let row_selected = marks.selected.is_some_and(|s| s.line == Some(line_no));
    let cells = record.cells.iter().map(|cell| {
        let field = cell.field;
        let d = describe(record, cell, text, lang, &BrowserTz);
        let here = |s: Option<Selection>| s.is_some_and(|s| s.line == Some(line_no) && s.field == field);
        let (is_selected, linked) = (here(marks.selected), here(marks.hot));
        let bad = cell.value.is_err();
        let sel = Selection {
            line: Some(line_no),
            field,
        };
        let onclick = on_action.reform(move |_: MouseEvent| Action::Select(sel));
        let hover = hover_handlers(sel, on_action);
        let raw = cell.raw(text).to_owned();
        html! {
            <td class={classes!("record-table__cell", colours::class(field), is_selected.then_some("is-selected"), bad.then_some("is-error"), linked.then_some("is-linked"))}
                data-field={field.as_str()} data-raw={raw.clone()} onmouseenter={hover.0} onmouseleave={hover.1}>
                <button type="button" class="cell-button" title={d.meaning.clone()} {onclick} onfocus={hover.2} onblur={hover.3}>
                    <code class="cell-button__raw">{ raw }</code>
                    <span class="cell-button__decoded">{ d.decoded }</span>
                </button>
            </td>
        }
    });
    let status = if record.has_errors() { "error" } else { "ok" };
    html! {
        <tr key={line_no.to_string()} class={classes!("record-table__row", row_class, row_selected.then_some("is-selected"))}
            data-line={line_no.to_string()} data-at={at.to_string()} data-status={status}>
            <th scope="row" class="record-table__line">{ at }</th>
            { for cells }
        </tr>
    }
}

/// Pointing at a value (enter, leave) and focusing it (focus, blur) make it the hot value.
pub fn hover_handlers(
    sel: Selection,
    on_action: &Callback<Action>,
) -> (
    Callback<MouseEvent>,
    Callback<MouseEvent>,
    Callback<FocusEvent>,
    Callback<FocusEvent>,
) {
    (
        on_action.reform(move |_: MouseEvent| Action::Hover(Some(sel))),
        on_action.reform(|_: MouseEvent| Action::Hover(None)),
        on_action.reform(move |_: FocusEvent| Action::Hover(Some(sel))),
        on_action.reform(|_: FocusEvent| Action::Hover(None)),
    )
}

/// A line that could not be split into the format's fields: its message across the row,
/// and a button for the format a wrong field count suggests.
pub fn error_row(
    error: &LineError,
    (line_no, at): (usize, usize),
    colspan: usize,
    lang: Lang,
    on_action: &Callback<Action>,
    row_class: &'static str,
) -> Html {
    let no = line_no.to_string();
    html! {
        <tr key={no.clone()} class={classes!("record-table__row", "record-table__row--error", row_class)} data-line={no} data-at={at.to_string()} data-status="error">
            <th scope="row" class="record-table__line">{ at }</th>
            <td colspan={colspan.max(1).to_string()} class="record-table__error-cell">
                <div class="record-table__error record-table__wide">
                    <span>{ error.message(lang) }</span>
                    { format_button(error, lang, on_action) }
                </div>
            </td>
        </tr>
    }
}
