//! Per-record extras: the teaching story and the copy buttons.

use yew::prelude::*;

use crate::fields::Lang;
use crate::flowlog::explain::copy;
use crate::flowlog::explain::story::story;
use crate::flowlog::{LineKind, Record};

use crate::fields::labels as l;
use crate::ui::hooks::Picked;
use crate::ui::state::{Action, CopyKind, Notice};
use crate::web::browser;
use crate::web::tz::BrowserTz;

/// Props of [`RecordStory`] and [`CopyButtons`].
#[derive(Properties, PartialEq)]
pub struct RecordProps {
    /// The record's line and the text its spans point into.
    pub picked: Picked,
    /// Page language.
    pub lang: Lang,
    /// State changes (copy buttons only).
    #[prop_or_default]
    pub on_action: Callback<Action>,
}

fn record(picked: &Picked) -> Option<&Record> {
    match &picked.line.kind {
        LineKind::Record(r) => Some(r),
        _ => None,
    }
}

/// The record's story: the summary, then paragraphs on direction, verdict, flags…
#[component]
pub fn RecordStory(props: &RecordProps) -> Html {
    let Some(record) = record(&props.picked) else {
        return html! {};
    };
    let paragraphs = story(record, &props.picked.text, props.lang);
    let mut parts = paragraphs.into_iter();
    let summary = parts.next().unwrap_or_default();
    let rest = parts.map(|p| html! { <p>{ p }</p> });
    html! {
        <div class="story" data-story={props.picked.line.no.to_string()}>
            <p class="summary"><strong>{ l::SUMMARY.get(props.lang) }{ ": " }</strong>{ summary }</p>
            <div class="story__more">{ for rest }</div>
        </div>
    }
}

/// "Copy as Markdown" and "Copy as JSON" for one record.
#[component]
pub fn CopyButtons(props: &RecordProps) -> Html {
    let lang = props.lang;
    let copy = |kind: CopyKind| {
        let (picked, on_action) = (props.picked.clone(), props.on_action.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(record) = record(&picked) else {
                return;
            };
            let (text, line_no, span) = (&picked.text, picked.line.no, picked.line.span.clone());
            let out = match kind {
                CopyKind::Markdown => copy::markdown(record, line_no, text, lang, &BrowserTz),
                CopyKind::Json | CopyKind::Text | CopyKind::Picture => {
                    let line = text.get(span).unwrap_or_default();
                    copy::json(record, line_no, line, text, lang, &BrowserTz)
                }
            };
            let on_action = on_action.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let notice = if browser::copy(out).await {
                    Notice::Copied(kind)
                } else {
                    Notice::CopyFailed
                };
                on_action.emit(Action::Notify(Some(notice)));
            });
        })
    };
    html! {
        <div class="copy-buttons">
            <button type="button" class="button button--small" data-copy="markdown" onclick={copy(CopyKind::Markdown)}>
                { l::COPY_MD.get(lang) }
            </button>
            <button type="button" class="button button--small" data-copy="json" onclick={copy(CopyKind::Json)}>
                { l::COPY_JSON.get(lang) }
            </button>
        </div>
    }
}
