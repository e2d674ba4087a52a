//! The labeled line: one record drawn as a ruler — each value in its field's colour with
//! the field's name and title beneath it — linked to the card, the table and the
//! explanation, and offered as a picture.

use yew::prelude::*;

use crate::fields::colours;
use crate::fields::labels as l;
use crate::fields::vocab::words;
use crate::fields::{FieldName, Lang};
use crate::flowlog::explain::describe::describe;
use crate::flowlog::explain::picture;
use crate::flowlog::{LineKind, Value};
use crate::ui::hooks::Picked;
use crate::ui::state::{Action, CopyKind, Notice, Selection};
use crate::web::tz::BrowserTz;
use crate::web::{browser, keyboard};

/// Props of [`LineRuler`].
#[derive(Properties, PartialEq)]
pub struct LineRulerProps {
    /// The line to draw (and the text its spans point into).
    pub picked: Option<Picked>,
    /// Page language.
    pub lang: Lang,
    /// The field pointed at or focused (on this line or, in a table, another one).
    pub hot: Option<FieldName>,
    /// The field being explained, when it is on this line.
    #[prop_or_default]
    pub selected: Option<FieldName>,
    /// Fields to mark (a lesson's subject).
    #[prop_or_default]
    pub highlight: &'static [FieldName],
    /// Show the picture buttons.
    #[prop_or(true)]
    pub tools: bool,
    /// Titles only under the marked values (a lesson's long records stay short); every
    /// value keeps its field's name, and pointing at one still explains it.
    #[prop_or_default]
    pub compact: bool,
    /// State changes.
    pub on_action: Callback<Action>,
}

/// What a value is marked as, besides its field.
fn kind(value: &Result<Value, impl Sized>) -> (&'static str, Option<crate::fields::Text>) {
    match value {
        Ok(Value::Absent) => ("absent", Some(words::ABSENT)),
        Ok(Value::Masked) => ("masked", Some(words::MASKED)),
        Err(_) => ("error", Some(words::INVALID)),
        Ok(_) => ("value", None),
    }
}

/// Draws the line as a ruler; nothing for a line that is neither a record nor an error.
#[component]
pub fn LineRuler(props: &LineRulerProps) -> Html {
    let lang = props.lang;
    let Some(picked) = &props.picked else {
        return html! {};
    };
    let line = &picked.line;
    let heading = l::RULER_LINE.fill(lang, &[("line", &line.at)]);
    let record = match &line.kind {
        LineKind::Record(r) => r,
        LineKind::Error(e) => {
            let lead = l::RULER_NOT_RECORD.fill(lang, &[("line", &line.at)]);
            return html! {
                <section class="ruler" data-ruler="" data-ruler-line={line.no.to_string()} aria-label={l::RULER.get(lang)}>
                    <p class="ruler__problem">{ lead }{ " " }{ e.message(lang) }</p>
                </section>
            };
        }
        _ => return html! {},
    };
    let text = picked.text.as_str();
    let no = line.no;
    let focus_at = props
        .hot
        .and_then(|f| record.cells.iter().position(|c| c.field == f))
        .unwrap_or(0);
    let tokens = record.cells.iter().enumerate().map(|(i, cell)| {
        let field = cell.field;
        let sel = Selection { line: Some(no), field };
        let (kind, mark) = kind(&cell.value);
        let marked = props.highlight.contains(&field);
        let titled = !props.compact || marked;
        let class = classes!(
            "ruler__token",
            colours::class(field),
            (props.hot == Some(field)).then_some("is-hot"),
            (props.selected == Some(field)).then_some("is-selected"),
            marked.then_some("is-marked"),
            (kind != "value").then(|| format!("is-{kind}")),
        );
        let enter = props.on_action.reform(move |_: MouseEvent| Action::Hover(Some(sel)));
        let leave = props.on_action.reform(|_: MouseEvent| Action::Hover(None));
        let focus = props.on_action.reform(move |_: FocusEvent| Action::Hover(Some(sel)));
        let blur = props.on_action.reform(|_: FocusEvent| Action::Hover(None));
        let click = props.on_action.reform(move |_: MouseEvent| Action::Select(sel));
        html! {
            <button type="button" {class} data-token={field.as_str()} data-kind={kind}
                tabindex={if i == focus_at { "0" } else { "-1" }}
                onmouseenter={enter} onmouseleave={leave} onfocus={focus} onblur={blur} onclick={click}>
                <code class="ruler__value">{ cell.raw(text).to_owned() }</code>
                <span class="ruler__name">{ record.format.name_at(i).to_owned() }</span>
                if titled {
                    <span class="ruler__title">{ field.spec().title.get(lang) }</span>
                }
                if let Some(m) = mark {
                    <span class="ruler__mark">{ m.get(lang) }</span>
                }
            </button>
        }
    });
    let explain = props.hot.and_then(|f| record.cell(f)).map(|cell| {
        let d = describe(record, cell, text, lang, &BrowserTz);
        (cell.field, d)
    });
    let onkeydown = Callback::from(|e: KeyboardEvent| keyboard::move_along(&e));
    html! {
        <section class="ruler" data-ruler="" data-ruler-line={no.to_string()} aria-label={l::RULER.get(lang)}>
            <div class="ruler__head">
                <h2 class="ruler__heading">{ l::RULER.get(lang) }{ " · " }{ heading }</h2>
                if props.tools {
                    { picture_tools(picked, lang, &props.on_action) }
                }
            </div>
            <div class="ruler__tokens" role="toolbar" aria-label={l::RULER.get(lang)} {onkeydown}>
                { for tokens }
            </div>
            <p class="ruler__explain" aria-live="polite" data-ruler-explain={explain.as_ref().map_or("", |(f, _)| f.as_str())}>
                { match explain {
                    Some((field, d)) => html! {
                        <>
                            <strong>{ field.spec().title.get(lang) }</strong>{ " " }<code>{ field.as_str() }</code>{ ": " }
                            <span class="ruler__decoded">{ d.decoded }</span>
                            if !d.meaning.is_empty() {
                                { " — " }{ d.meaning }
                            }
                        </>
                    },
                    None => html! { <span class="ruler__hint">{ l::RULER_HINT.get(lang) }</span> },
                } }
            </p>
        </section>
    }
}

/// The picked line's picture (made when asked for, not on every render).
fn svg_of(picked: &Picked, lang: Lang) -> String {
    match &picked.line.kind {
        LineKind::Record(record) => picture::svg(record, picked.text.as_str(), picked.line.at, lang),
        _ => String::new(),
    }
}

/// Copy as picture (PNG on the clipboard), Save SVG, Save PNG.
fn picture_tools(picked: &Picked, lang: Lang, on_action: &Callback<Action>) -> Html {
    let name = format!("flowlog-line-{}", picked.line.at);
    let copy = {
        let (picked, on_action) = (picked.clone(), on_action.clone());
        Callback::from(move |_: MouseEvent| {
            let (svg, on_action) = (svg_of(&picked, lang), on_action.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let ok = match crate::web::picture::png(&svg).await {
                    Some(blob) => crate::web::picture::copy_png(&blob).await,
                    None => false,
                };
                let notice = if ok {
                    Notice::Copied(CopyKind::Picture)
                } else {
                    Notice::PictureFailed
                };
                on_action.emit(Action::Notify(Some(notice)));
            });
        })
    };
    let save_svg = {
        let (picked, name) = (picked.clone(), name.clone());
        Callback::from(move |_: MouseEvent| {
            browser::download(&format!("{name}.svg"), "image/svg+xml", &svg_of(&picked, lang));
        })
    };
    let save_png = {
        let (picked, on_action) = (picked.clone(), on_action.clone());
        Callback::from(move |_: MouseEvent| {
            let (svg, name, on_action) = (svg_of(&picked, lang), name.clone(), on_action.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match crate::web::picture::png(&svg).await {
                    Some(blob) => {
                        browser::download_blob(&format!("{name}.png"), &blob);
                    }
                    None => on_action.emit(Action::Notify(Some(Notice::PictureFailed))),
                }
            });
        })
    };
    html! {
        <div class="ruler__tools">
            <button type="button" class="button button--small" data-picture="copy" onclick={copy}>{ l::COPY_PICTURE.get(lang) }</button>
            <button type="button" class="button button--small button--quiet" data-picture="svg" onclick={save_svg}>{ l::SAVE_SVG.get(lang) }</button>
            <button type="button" class="button button--small button--quiet" data-picture="png" onclick={save_png}>{ l::SAVE_PNG.get(lang) }</button>
        </div>
    }
}
