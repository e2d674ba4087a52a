//! One record shown as a vertical card: field | raw | decoded | meaning.

use yew::prelude::*;

use crate::fields::{colours, Lang};
use crate::flowlog::explain::describe::describe;
use crate::flowlog::{decode::clock, Decoded, LineKind};

use crate::fields::labels as l;
use crate::ui::hooks::{Picked, Shared};
use crate::ui::paste::record_tools::{CopyButtons, RecordStory};
use crate::ui::paste::rows::hover_handlers;
use crate::ui::state::{Action, Selection};
use crate::web::tz::BrowserTz;

/// Props of [`RecordCard`].
#[derive(Properties, PartialEq)]
pub struct RecordCardProps {
    /// The decoded input (holds exactly one record).
    pub decoded: Shared<Decoded>,
    /// The input text.
    pub text: AttrValue,
    /// Page language.
    pub lang: Lang,
    /// The field being explained.
    pub selected: Option<Selection>,
    /// The value pointed at or focused.
    pub hot: Option<Selection>,
    /// State changes.
    pub on_action: Callback<Action>,
}

/// Shows the single record of the input, one row per field.
#[component]
pub fn RecordCard(props: &RecordCardProps) -> Html {
    let lang = props.lang;
    let text = props.text.as_str();
    let Some((line_no, record)) = props.decoded.records().next() else {
        return html! {};
    };
    let rows = record.cells.iter().enumerate().map(|(i, cell)| {
        // An unknown field is shown by the name the header gave it.
        let name = record.format.name_at(i).to_owned();
        let d = describe(record, cell, text, lang, &BrowserTz);
        let field = cell.field;
        let selected = props.selected.is_some_and(|s| s.field == field);
        let linked = props.hot.is_some_and(|h| h.field == field && h.line == Some(line_no));
        let sel = Selection {
            line: Some(line_no),
            field,
        };
        let onclick = props.on_action.reform(move |_: MouseEvent| Action::Select(sel));
        let hover = hover_handlers(sel, &props.on_action);
        let bad = cell.value.is_err();
        html! {
            <tr class={classes!("record-card__row", colours::class(field), selected.then_some("is-selected"), bad.then_some("is-error"), linked.then_some("is-linked"))}
                data-field={field.as_str()} data-raw={cell.raw(text).to_owned()} onmouseenter={hover.0} onmouseleave={hover.1}>
                <th scope="row" class="record-card__field">
                    <button type="button" class="field-button" aria-expanded={selected.to_string()} {onclick} onfocus={hover.2} onblur={hover.3}>
                        <code>{ name }</code>
                        <span class="field-button__title">{ field.spec().title.get(lang) }</span>
                    </button>
                </th>
                <td class="record-card__raw"><code>{ cell.raw(text).to_owned() }</code></td>
                <td class="record-card__decoded">{ d.decoded }</td>
                <td class="record-card__meaning">{ d.meaning }</td>
            </tr>
        }
    });
    let status = if record.has_errors() { "error" } else { "ok" };
    let event_time = record.event_time.as_ref().map(|t| {
        let when = clock::calendar(t.unix, t.offset_minutes).unwrap_or_default();
        format!("{when} ({})", clock::offset_label(t.offset_minutes))
    });
    let comment = record.comment.clone().and_then(|r| text.get(r)).map(str::to_owned);
    let stream = props
        .decoded
        .unwrapped
        .as_ref()
        .and_then(|(_, u)| u.stream_of(line_no))
        .map(str::to_owned);
    let other_lines = props
        .decoded
        .lines
        .iter()
        .filter(|l| matches!(l.kind, LineKind::Header(_)))
        .count();

    let picked = Picked::from_decoded(&props.decoded, line_no, &props.text);
    let onkeydown = Callback::from(|e: KeyboardEvent| crate::web::keyboard::move_focus(&e));
    html! {
        <article class="record-card" data-line={line_no.to_string()} data-status={status}>
            if let Some(picked) = picked {
                <RecordStory picked={picked.clone()} {lang} />
                <CopyButtons {picked} {lang} on_action={props.on_action.clone()} />
            }
            if let Some(when) = event_time {
                <p class="record-card__note">{ l::EVENT_TIME.get(lang) }{ ": " }<code>{ when }</code></p>
            }
            if let Some(stream) = stream {
                <p class="record-card__note" data-stream={stream.clone()}>{ l::LOG_STREAM.get(lang) }{ ": " }<code>{ stream }</code></p>
            }
            if other_lines > 0 {
                <p class="record-card__note">{ l::FORMAT_FROM_HEADER.get(lang) }</p>
            }
            <table class="record-card__table" {onkeydown}>
                <thead>
                    <tr>
                        <th scope="col">{ l::FIELD.get(lang) }</th>
                        <th scope="col">{ l::RAW.get(lang) }</th>
                        <th scope="col">{ l::DECODED.get(lang) }</th>
                        <th scope="col">{ l::MEANING.get(lang) }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
            if let Some(c) = comment {
                <p class="record-card__note">{ l::COMMENT.get(lang) }{ ": " }<code>{ c }</code></p>
            }
        </article>
    }
}
