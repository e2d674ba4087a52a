//! The first lines of a file being opened, shown while the rest is read and indexed
//! (a large file takes a second or more): decoded as a paste is, read-only — the rows
//! can be explained once the file is open.

use std::rc::Rc;

use yew::prelude::*;

use crate::fields::labels as l;
use crate::fields::{colours, Lang};
use crate::flowlog::explain::describe::describe;
use crate::flowlog::{Decoded, Line, LineKind, Record};
use crate::ui::hooks::Shared;
use crate::ui::paste::rows::table_shell;
use crate::ui::state::Preview;
use crate::web::tz::BrowserTz;

/// Props of [`FilePreview`].
#[derive(Properties, PartialEq)]
pub struct FilePreviewProps {
    /// The file's name and first lines.
    pub preview: Rc<Preview>,
    /// Those lines, decoded.
    pub decoded: Shared<Decoded>,
    /// The page's language.
    pub lang: Lang,
}

/// The preview of a file's first lines (a component: the progress shown beside it
/// changes often, these rows do not).
#[component]
pub fn FilePreview(props: &FilePreviewProps) -> Html {
    let (preview, decoded, lang) = (&props.preview, &*props.decoded.0, props.lang);
    let first = decoded.lines.iter().find_map(|line| match &line.kind {
        LineKind::Record(r) => Some(r),
        _ => None,
    });
    let headers: Vec<Html> = first
        .map(|r| r.cells.iter().map(|c| c.field).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .map(|field| {
            html! {
                <th scope="col" class={classes!("record-table__head", colours::class(field))} data-field-header={field.as_str()}>
                    <code>{ field.as_str() }</code>
                    <span class="field-button__title">{ field.spec().title.get(lang) }</span>
                </th>
            }
        })
        .collect();
    let columns = headers.len().max(1);
    let text = preview.text.as_str();
    let rows: Vec<Html> = decoded
        .lines
        .iter()
        .map(|line| row(line, text, columns, lang))
        .collect();
    html! {
        <section class="preview" data-preview="" aria-label={l::PREVIEW_TITLE.get(lang)}>
            <p class="preview__title">{ l::PREVIEW_TITLE.get(lang) }{ " " }<code>{ preview.name.clone() }</code></p>
            <div class="record-table__scroll">
                { table_shell(lang, headers, rows, "preview__table") }
            </div>
        </section>
    }
}

fn row(line: &Line, text: &str, columns: usize, lang: Lang) -> Html {
    match &line.kind {
        LineKind::Record(record) => record_row(line, record, text, lang),
        _ => {
            let content = text.get(line.span.clone()).unwrap_or_default().to_owned();
            html! {
                <tr key={line.no.to_string()} class="record-table__row preview__row" data-line={line.no.to_string()}>
                    <th scope="row" class="record-table__line">{ line.at }</th>
                    <td colspan={columns.to_string()}><code>{ content }</code></td>
                </tr>
            }
        }
    }
}

fn record_row(line: &Line, record: &Record, text: &str, lang: Lang) -> Html {
    let cells = record.cells.iter().map(|cell| {
        let field = cell.field;
        let decoded = describe(record, cell, text, lang, &BrowserTz).decoded;
        let raw = cell.raw(text).to_owned();
        html! {
            <td class={classes!("record-table__cell", colours::class(field), cell.value.is_err().then_some("is-error"))}
                data-field={field.as_str()} data-raw={raw.clone()}>
                <code class="cell-button__raw">{ raw }</code>
                <span class="cell-button__decoded">{ decoded }</span>
            </td>
        }
    });
    let status = if record.has_errors() { "error" } else { "ok" };
    html! {
        <tr key={line.no.to_string()} class="record-table__row preview__row" data-line={line.no.to_string()} data-status={status}>
            <th scope="row" class="record-table__line">{ line.at }</th>
            { for cells }
        </tr>
    }
}
