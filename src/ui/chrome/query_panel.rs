//! "Query at scale": the Athena table and the Logs Insights query for the format in
//! force, each with a copy button and a note on how to use it.

use std::rc::Rc;

use yew::prelude::*;

use crate::fields::Lang;
use crate::flowlog::links::at_scale::AthenaLayout;
use crate::flowlog::{links::at_scale, Format};

use crate::fields::labels as l;
use crate::ui::state::{Action, CopyKind, Notice};
use crate::web::browser;

/// Props of [`QueryAtScale`].
#[derive(Properties, PartialEq)]
pub struct QueryAtScaleProps {
    /// The format in force.
    pub format: Rc<Format>,
    /// Page language.
    pub lang: Lang,
    /// State changes.
    pub on_action: Callback<Action>,
}

/// A collapsible panel with the Athena DDL and the Logs Insights query.
#[component]
pub fn QueryAtScale(props: &QueryAtScaleProps) -> Html {
    let lang = props.lang;
    let layout = use_state(|| AthenaLayout::TextDaily);
    let ddl = at_scale::athena_ddl(&props.format, *layout);
    let on_layout = {
        let layout = layout.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let chosen = select.selected_index();
            if let Some(l) = usize::try_from(chosen).ok().and_then(|i| AthenaLayout::ALL.get(i)) {
                layout.set(*l);
            }
        })
    };
    let layouts = AthenaLayout::ALL.iter().map(|l| {
        html! { <option selected={*l == *layout}>{ l.label(lang) }</option> }
    });
    let query = at_scale::logs_insights(&props.format);
    let copy = |text: String, id: &'static str| {
        let on_action = props.on_action.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let (text, on_action) = (text.clone(), on_action.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let notice = if browser::copy(text).await {
                    Notice::Copied(CopyKind::Text)
                } else {
                    Notice::CopyFailed
                };
                on_action.emit(Action::Notify(Some(notice)));
            });
        });
        html! { <button type="button" class="button button--small" data-copy={id} {onclick}>{ l::COPY.get(lang) }</button> }
    };
    html! {
        <details class="beyond">
            <summary>{ l::BEYOND_TITLE.get(lang) }</summary>
            <section class="beyond__item">
                <h3>{ l::ATHENA.get(lang) }{ " " }{ copy(ddl.clone(), "athena") }</h3>
                <p class="beyond__note">{ l::ATHENA_NOTE.get(lang) }</p>
                <label class="beyond__layout">{ l::ATHENA_LAYOUT.get(lang) }{ " " }
                    <select id="athena-layout" onchange={on_layout}>{ for layouts }</select>
                </label>
                <pre data-beyond="athena"><code>{ ddl }</code></pre>
            </section>
            <section class="beyond__item">
                <h3>{ l::INSIGHTS.get(lang) }{ " " }{ copy(query.clone(), "insights") }</h3>
                <p class="beyond__note">{ l::INSIGHTS_NOTE.get(lang) }</p>
                <pre data-beyond="insights"><code>{ query }</code></pre>
            </section>
            <p class="beyond__note">{ l::SCHEMAS_NOTE.get(lang) }</p>
        </details>
    }
}
