//! The root component: owns the state and derives everything shown from it.

use std::rc::Rc;

use yew::prelude::*;

use crate::fields::Lang;
use crate::flowlog::share;
use crate::flowlog::{decode_text, Decoded, Format, FormatError, LineKind, Options};

use super::browser;
use super::card::RecordCard;
use super::error_list::ErrorList;
use super::explain::ExplainPanel;
use super::input_panel::InputPanel;
use super::labels as l;
use super::state::{Action, AppState, Notice};
use super::table::RecordTable;
use super::toolbar::Toolbar;

/// Shares a derived value with child components; compares by pointer, so a
/// re-render never walks a large decode result to find out nothing changed.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// The format box: empty means automatic.
pub type FormatBox = Option<Result<Format, FormatError>>;

fn read_format_box(text: &str) -> FormatBox {
    (!text.trim().is_empty()).then(|| Format::parse(text))
}

/// The first state: the language from storage or the browser, and the input and
/// format from a share link when the page was opened with one.
fn initial_state() -> AppState {
    let mut state = AppState {
        lang: browser::initial_lang(),
        ..AppState::default()
    };
    match share::decode(&browser::hash()) {
        Ok(Some(shared)) => {
            state.input = shared.input.into();
            state.format = shared.format.into();
        }
        Ok(None) => {}
        Err(e) => state.notice = Some(Notice::BadLink(e)),
    }
    state
}

/// The decoder page.
#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    let format = use_memo(state.format.clone(), |f| read_format_box(f));
    let decoded: Rc<Decoded> = use_memo((state.input.clone(), format.clone()), |(input, format)| {
        let format = format.as_ref().as_ref().and_then(|r| r.as_ref().ok()).cloned();
        decode_text(input, &Options { format })
    });
    let lang = state.lang;

    use_effect_with(lang, |lang| {
        browser::set_document_lang(*lang);
        browser::save_lang(*lang);
    });
    use_effect_with((), |()| browser::register_service_worker());

    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let records = decoded.records().count();
    let single = records == 1 && !decoded.lines.iter().any(|l| matches!(l.kind, LineKind::Error(_)));
    let text = state.input.clone();
    let shared = Shared(Rc::clone(&decoded));

    let output = if decoded.lines.iter().all(|l| matches!(l.kind, LineKind::Blank)) {
        html! { <p class="empty">{ l::EMPTY.get(lang) }</p> }
    } else if single {
        html! { <RecordCard decoded={shared.clone()} text={text.clone()} {lang} selected={state.selected} on_action={dispatch.clone()} /> }
    } else {
        html! { <RecordTable decoded={shared.clone()} text={text.clone()} {lang} selected={state.selected} on_action={dispatch.clone()} /> }
    };

    html! {
        <div class="app">
            <header class="app__header">
                <div>
                    <h1>{ l::TITLE.get(lang) }</h1>
                    <p class="app__tagline">{ l::TAGLINE.get(lang) }</p>
                </div>
                { lang_switch(lang, &dispatch) }
            </header>
            <main class="app__main">
                <Toolbar
                    input={state.input.clone()}
                    format_text={state.format.clone()}
                    decoded={shared.clone()}
                    mask_links={state.mask_links}
                    notice={state.notice.clone()}
                    {lang}
                    on_action={dispatch.clone()}
                />
                <InputPanel
                    input={state.input.clone()}
                    format_text={state.format.clone()}
                    format={Shared(Rc::clone(&format))}
                    decoded={shared.clone()}
                    {lang}
                    on_action={dispatch.clone()}
                />
                <div class="app__output">
                    <div class="app__results">{ output }</div>
                    <ExplainPanel decoded={shared.clone()} text={text.clone()} {lang} selected={state.selected}
                        on_action={dispatch.clone()} show_record={!single} />
                </div>
                <ErrorList decoded={shared} {text} {lang} on_action={dispatch.clone()} />
            </main>
            <footer class="app__footer">{ l::PRIVACY.get(lang) }</footer>
        </div>
    }
}

fn lang_switch(current: Lang, dispatch: &Callback<Action>) -> Html {
    let button = |lang: Lang, label: &'static str| {
        let onclick = dispatch.reform(move |_: MouseEvent| Action::SetLang(lang));
        html! {
            <button type="button" class={classes!("lang-switch__button", (lang == current).then_some("is-active"))}
                aria-pressed={(lang == current).to_string()} lang={lang.tag()} {onclick}>
                { label }
            </button>
        }
    };
    html! {
        <div class="lang-switch" role="group" aria-label={l::LANGUAGE.get(current)}>
            { button(Lang::En, "English") }
            { button(Lang::Ja, "日本語") }
        </div>
    }
}
