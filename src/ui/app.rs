//! The root component: owns the state and derives everything shown from it.

use std::rc::Rc;

use yew::prelude::*;

use crate::fields::{lessons, Lang};
use crate::flowlog::links::share;

use crate::fields::labels as l;
use crate::ui::across::{self, AcrossPanel};
use crate::ui::chrome::input_panel::InputPanel;
use crate::ui::chrome::query_panel::QueryAtScale;
use crate::ui::chrome::toolbar::Toolbar;
use crate::ui::hooks::{use_view, Output, PasteState, Shared};
use crate::ui::large::files::{self, Workers};
use crate::ui::large::preview::FilePreview;
use crate::ui::large::view::BigView;
use crate::ui::learn::{self, index::LessonList, lesson::LessonView};
use crate::ui::paste::card::RecordCard;
use crate::ui::paste::errors::ErrorList;
use crate::ui::paste::explain::ExplainPanel;
use crate::ui::paste::rows::RecordTable;
use crate::ui::paste::ruler::LineRuler;
use crate::ui::paste::unwrap_note::UnwrapNote;
use crate::ui::state::{Action, AppState, Notice, Route};
use crate::web::browser;

/// The first state: the language from storage or the browser, and the input and
/// format from a share link when the page was opened with one.
fn initial_state() -> AppState {
    let hash = browser::hash();
    let mut state = AppState {
        lang: browser::initial_lang(),
        learned: browser::learned(),
        route: learn::route(&hash),
        ..AppState::default()
    };
    match share::decode(&hash) {
        Ok(Some(shared)) => {
            state.input = shared.input.into();
            state.format = shared.format.into();
        }
        // What was typed into the static shell while the app loaded.
        Ok(None) => state.input = browser::shell_text().into(),
        Err(e) => state.notice = Some(Notice::BadLink(e)),
    }
    state
}

/// The decoder page.
#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    // The page's workers: shared with the components that open or cancel, never state.
    let workers = (*use_memo((), |()| Workers::default())).clone();
    let view = use_view(&state, &workers);
    let shared = Shared(Rc::clone(&view.decoded));
    let lang = state.lang;

    use_effect_with(lang, |lang| {
        browser::set_document_lang(*lang);
        browser::save_lang(*lang);
    });
    use_effect_with(state.learned, |bits| {
        if *bits != 0 {
            browser::save_learned(*bits);
        }
    });
    // A link to a lesson followed, or the back button: the fragment names the page's part.
    {
        let state = state.clone();
        use_effect_with((), move |()| {
            let listener = browser::on_hash_change(move |hash| state.dispatch(Action::Route(learn::route(&hash))));
            move || drop(listener)
        });
    }
    // The file worker (its WebAssembly is nearly as large as the page's) is not started
    // here: it starts when files come near — a drag over the page, the pointer or focus on
    // an open button — or with the files themselves.
    use_effect_with((), move |()| {
        browser::remove_shell();
        browser::register_service_worker();
    });
    // Files closed (or replaced by a paste): their worker ends (its memory is freed).
    {
        let workers = workers.clone();
        use_effect_with(state.files.is_some(), move |open| {
            if !*open {
                workers.close();
            }
        });
    }

    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };

    // A new format typed while files are open: the worker indexes them again.
    {
        let (dispatch, workers) = (dispatch.clone(), workers.clone());
        use_effect_with((state.files.clone(), state.format.clone()), move |(files, format)| {
            if files.as_ref().is_some_and(|f| f.format != *format) {
                files::apply_format(format, &dispatch, &workers);
            }
        });
    }
    // The paste goes to its worker (from the first edit, or once its analysis is asked
    // for; a large paste at once): each new text or format, and after a failure each
    // time the analysis is asked for again. Emptied, or replaced by files: it ends.
    {
        let (dispatch, workers) = (dispatch.clone(), workers.clone());
        let held = state.pasted.is_some();
        use_effect_with(
            (
                state.input.clone(),
                state.format.clone(),
                view.hold_paste,
                state.paste_asked,
            ),
            move |(input, format, hold, _)| {
                if *hold {
                    workers.paste(input.clone(), format.clone(), dispatch);
                } else {
                    workers.close_paste();
                    if held {
                        dispatch.emit(Action::SetPasted(None));
                    }
                }
            },
        );
    }
    let text = view.text.clone();
    // A file's first lines while it is read: shown read-only, with nothing to explain yet.
    let previewing = matches!(view.output, Output::Preview(..));
    let output = match view.output.clone() {
        Output::Large(source, meta) => html! {
            <BigView {source} meta={Shared(meta)} formats={Shared(Rc::clone(&view.meta_formats))} query_text={state.query.clone()}
                query={Shared(Rc::clone(&view.query))} sort={state.sort}
                selected={state.selected} hot={state.hot} {lang} on_action={dispatch.clone()} />
        },
        Output::IndexingPaste => {
            html! { <p class="empty" role="status" aria-busy="true">{ l::INDEXING_PASTE.get(lang) }</p> }
        }
        Output::PasteStopped => html! { <p class="empty">{ l::PASTE_STOPPED.get(lang) }</p> },
        Output::Preview(preview, decoded) => html! { <FilePreview {preview} decoded={Shared(decoded)} {lang} /> },
        Output::Empty => html! { <p class="empty">{ l::EMPTY.get(lang) }</p> },
        Output::Card => html! {
            <RecordCard decoded={shared.clone()} text={text.clone()} {lang} selected={state.selected} hot={state.hot} on_action={dispatch.clone()} />
        },
        Output::Table => html! {
            <RecordTable decoded={shared.clone()} text={text.clone()} {lang} selected={state.selected} hot={state.hot} on_action={dispatch.clone()} />
        },
    };

    // The ruler's marks: the values pointed at and explained, when on its line.
    let ruler_no = view.ruler.as_ref().map(|p| p.line.no);
    // The field pointed at lights its token whichever line it is on (one colour per
    // field); the explained value only when it is on the ruler's line.
    let ruler_hot = state.hot.map(|s| s.field);
    let ruler_selected = state
        .selected
        .filter(|s| s.line.is_some() && s.line == ruler_no)
        .map(|s| s.field);
    let version = format!("{} {}", l::VERSION.get(lang), env!("CARGO_PKG_VERSION"));
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondragenter = {
        let workers = workers.clone();
        Callback::from(move |_: DragEvent| workers.prepare())
    };
    let ondrop = {
        let (dispatch, format, workers) = (dispatch.clone(), state.format.clone(), workers.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(data) = e.data_transfer() {
                files::dropped(&data, format.clone(), dispatch.clone(), &workers);
            }
        })
    };
    html! {
        <ContextProvider<Workers> context={workers}>
        <div class="app" {ondragenter} {ondragover} {ondrop}>
            <header class="app__header">
                <div>
                    <h1>{ l::TITLE.get(lang) }</h1>
                    <p class="app__tagline">{ l::TAGLINE.get(lang) }</p>
                </div>
                <div class="app__corner">
                    <a class={classes!("button", "button--small", "app__learn", matches!(state.route, Route::Learn(_)).then_some("is-active"))}
                        href="#learn" data-learn-link="">{ l::LEARN.get(lang) }</a>
                    { lang_switch(lang, &dispatch) }
                </div>
            </header>
            if let Route::Learn(n) = state.route {
                <main class="app__main">
                    { learn_view(n, &state, &dispatch) }
                </main>
            } else {
            <main class="app__main">
                <Toolbar
                    input={state.input.clone()}
                    format_text={state.format.clone()}
                    mask_links={state.mask_links}
                    notice={state.notice.clone()}
                    {lang}
                    on_action={dispatch.clone()}
                />
                <InputPanel
                    input={state.input.clone()}
                    lines={view.lines}
                    format_text={state.format.clone()}
                    format={Shared(Rc::clone(&view.format))}
                    counts={view.stats.0}
                    header_line={view.stats.1}
                    files={state.files.clone()}
                    {lang}
                    on_action={dispatch.clone()}
                />
                <LineRuler picked={view.ruler.clone()} {lang} hot={ruler_hot} selected={ruler_selected} on_action={dispatch.clone()} />
                <UnwrapNote notes={Rc::clone(&view.unwrapped)} {lang} />
                <div class={classes!("app__output", previewing.then_some("app__output--whole"))}>
                    <div class="app__results">{ output }</div>
                    if !previewing {
                        <ExplainPanel picked={view.picked.clone()} {lang} selected={state.selected} hot={state.hot}
                            on_action={dispatch.clone()} show_record={!view.single} />
                    }
                </div>
                <ErrorList decoded={shared} {text} {lang} on_action={dispatch.clone()} />
                if let Some((source, meta)) = view.across.clone() {
                    <AcrossPanel {source} meta={Shared(meta)} {lang} on_action={dispatch.clone()} />
                } else if view.paste_state != PasteState::None {
                    { across::waiting(matches!(view.paste_state, PasteState::Offered | PasteState::Failed { .. }), lang, &dispatch) }
                }
                <QueryAtScale format={Rc::clone(&view.format_in_force)} {lang} on_action={dispatch.clone()} />
            </main>
            }
            <footer class="app__footer">
                <p>{ l::PRIVACY.get(lang) }</p>
                <details class="about">
                    <summary>{ l::ABOUT.get(lang) }</summary>
                    <p>{ version }</p>
                    <p>{ l::ABOUT_PRIVATE.get(lang) }</p>
                    <p>{ l::ABOUT_HOST.get(lang) }</p>
                </details>
            </footer>
        </div>
        </ContextProvider<Workers>>
    }
}

/// Learn mode: the list of lessons, or lesson `n` (keyed, so its answer starts afresh).
fn learn_view(n: Option<u8>, state: &AppState, dispatch: &Callback<Action>) -> Html {
    let (lang, learned) = (state.lang, state.learned);
    match n.filter(|n| lessons::lesson(*n).is_some()) {
        Some(n) => html! {
            <LessonView key={n} {n} {lang} {learned} hot={state.hot} on_action={dispatch.clone()} />
        },
        None => html! { <LessonList {lang} {learned} missing={n.is_some()} /> },
    }
}

fn lang_switch(current: Lang, dispatch: &Callback<Action>) -> Html {
    let button = |lang: Lang| {
        let onclick = dispatch.reform(move |_: MouseEvent| Action::SetLang(lang));
        html! {
            <button type="button" class={classes!("lang-switch__button", (lang == current).then_some("is-active"))}
                aria-pressed={(lang == current).to_string()} lang={lang.tag()} {onclick}>
                { lang.own_name() }
            </button>
        }
    };
    html! {
        <div class="lang-switch" role="group" aria-label={l::LANGUAGE.get(current)}>
            { for Lang::ALL.into_iter().map(button) }
        </div>
    }
}
