//! The root component: owns the state and derives everything shown from it.

use std::rc::Rc;

use yew::prelude::*;

use crate::fields::Lang;
use crate::flowlog::bulk::index::Table;
use crate::flowlog::bulk::query::Query;
use crate::flowlog::bulk::store::{Meta, Store};
use crate::flowlog::decode::shapes::Report;
use crate::flowlog::links::share;
use crate::flowlog::{decode_text, Decoded, Format, FormatError, LineKind, Options};

use crate::fields::labels as l;
use crate::ui::chrome::at_scale::Beyond;
use crate::ui::chrome::input_panel::InputPanel;
use crate::ui::chrome::toolbar::Toolbar;
use crate::ui::large::files;
use crate::ui::large::source::Source;
use crate::ui::large::view::BigView;
use crate::ui::paste::card::RecordCard;
use crate::ui::paste::errors::ErrorList;
use crate::ui::paste::explain::ExplainPanel;
use crate::ui::paste::rows::{RecordTable, MAX_ROWS};
use crate::ui::paste::unwrap_note::UnwrapNote;
use crate::ui::state::{Action, AppState, Notice};
use crate::web::browser;

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
    let format = use_memo(state.format.clone(), |f| read_format_box(f));
    let options = Options {
        format: format.as_ref().as_ref().and_then(|r| r.as_ref().ok()).cloned(),
    };
    // Files, or a paste of more than MAX_ROWS lines, go to the compact table and the
    // virtualised view; smaller pastes get the full decode and the rich views.
    // Counted once per input (a pass over a 100 MB paste is not for every render).
    let lines = *use_memo(state.input.clone(), |input| line_count(input));
    let big = state.files.is_some() || lines > MAX_ROWS;
    let decoded: Rc<Decoded> = use_memo((state.input.clone(), options.clone(), big), |(input, options, big)| {
        if *big {
            Decoded::default()
        } else {
            decode_text(input, options)
        }
    });
    // The large view's source: the opened files' worker, or a store for a large paste.
    let paste_store = use_memo(
        (state.input.clone(), options, big && state.files.is_none()),
        |(input, options, on)| {
            on.then(|| {
                let (table, unwrapped) = Table::build_input(input.to_string(), options);
                let store = match unwrapped {
                    Some(u) => Store::new(table, Vec::new()).with_unwrapped(vec![(String::new(), u.report)], u.origin),
                    None => Store::new(table, Vec::new()),
                };
                let meta = Rc::new(store.meta());
                (Source::local(store), meta)
            })
        },
    );
    let large: Option<(Source, Rc<Meta>)> = match &state.files {
        Some(f) => Some((f.source.clone(), Rc::clone(&f.meta))),
        None => paste_store.as_ref().clone(),
    };
    let meta_formats = use_memo(large.as_ref().map(|(_, m)| Shared(Rc::clone(m))), |m| {
        m.as_ref().map(|m| m.parsed_formats()).unwrap_or_default()
    });
    let query = use_memo(state.query.clone(), |q| Query::parse(q));
    let stats = match &large {
        Some((_, meta)) => (meta.counts, meta.header_line),
        None => (
            decoded.counts(),
            decoded
                .lines
                .iter()
                .find(|l| matches!(l.kind, LineKind::Header(_)))
                .map(|l| l.no),
        ),
    };
    // The explanation panel reads the selected record: from the full decode, or (large
    // inputs) the line as the large view last received it.
    let selected_line = state.selected.and_then(|s| s.line);
    let panel = large.as_ref().map(|(source, _)| {
        let lines: Vec<_> = selected_line
            .and_then(|n| source.seen(n))
            .map(|r| (r.line(&meta_formats), r.text.clone()))
            .into_iter()
            .collect();
        let text = lines.first().map(|(_, t)| t.clone()).unwrap_or_default();
        (
            Decoded {
                lines: lines.into_iter().map(|(l, _)| l).collect(),
                unwrapped: None,
            },
            AttrValue::from(text),
        )
    });
    // The format the panels about Athena and Logs Insights describe: typed, else the
    // first header line's, else the default.
    let format_in_force = use_memo(
        (
            Shared(Rc::clone(&format)),
            Shared(Rc::clone(&meta_formats)),
            Shared(Rc::clone(&decoded)),
        ),
        |(typed, formats, decoded)| {
            if let Some(Ok(f)) = typed.0.as_ref() {
                return Rc::new(f.clone());
            }
            let from_table = formats.0.get(1).cloned();
            let from_text = decoded.lines.iter().find_map(|l| match &l.kind {
                LineKind::Header(f) => Some(Rc::clone(f)),
                _ => None,
            });
            from_table.or(from_text).unwrap_or_default()
        },
    );
    let lang = state.lang;

    use_effect_with(lang, |lang| {
        browser::set_document_lang(*lang);
        browser::save_lang(*lang);
    });
    use_effect_with((), |()| {
        browser::remove_shell();
        browser::register_service_worker();
        files::prepare();
    });
    // Opened files whose worker is no longer shown are closed (its memory is freed).
    use_effect_with(state.files.as_ref().map(|f| f.source.clone()), |source| {
        let source = source.clone();
        move || {
            if let Some(s) = source {
                s.close();
            }
        }
    });

    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let records = decoded.records().count();
    let single = records == 1 && !decoded.lines.iter().any(|l| matches!(l.kind, LineKind::Error(_)));
    // The text the decoded spans point into: the recogniser's clean text when the
    // input was unwrapped.
    let text = match &decoded.unwrapped {
        Some((clean, _)) => AttrValue::from(Rc::clone(clean)),
        None => state.input.clone(),
    };
    // What was unwrapped: from the full decode, or as the large view's source says.
    let unwrapped: Vec<(String, Report)> = match &large {
        Some((_, meta)) => meta.unwrapped.clone(),
        None => decoded
            .unwrapped
            .iter()
            .map(|(_, u)| (String::new(), u.report.clone()))
            .collect(),
    };
    let shared = Shared(Rc::clone(&decoded));

    // A new format typed while files are open: the worker indexes them again.
    {
        let dispatch = dispatch.clone();
        use_effect_with((state.files.clone(), state.format.clone()), move |(files, format)| {
            if let Some(f) = files.as_ref().filter(|f| f.format != *format) {
                files::apply_format(f, format.clone(), &dispatch);
            }
        });
    }
    let (panel_decoded, panel_text) = match panel {
        Some((d, t)) => (Shared(Rc::new(d)), t),
        None => (shared.clone(), text.clone()),
    };
    let output = if let Some((source, meta)) = large {
        html! {
            <BigView {source} meta={Shared(meta)} formats={Shared(Rc::clone(&meta_formats))} query_text={state.query.clone()}
                query={Shared(Rc::clone(&query))} sort={state.sort}
                selected={state.selected} {lang} on_action={dispatch.clone()} />
        }
    } else if decoded.lines.iter().all(|l| matches!(l.kind, LineKind::Blank)) {
        html! { <p class="empty">{ l::EMPTY.get(lang) }</p> }
    } else if single {
        html! { <RecordCard decoded={shared.clone()} text={text.clone()} {lang} selected={state.selected} on_action={dispatch.clone()} /> }
    } else {
        html! { <RecordTable decoded={shared.clone()} text={text.clone()} {lang} selected={state.selected} on_action={dispatch.clone()} /> }
    };

    let version = format!("{} {}", l::VERSION.get(lang), env!("CARGO_PKG_VERSION"));
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let (dispatch, format) = (dispatch.clone(), state.format.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(data) = e.data_transfer() {
                files::dropped(&data, format.clone(), dispatch.clone());
            }
        })
    };
    html! {
        <div class="app" {ondragover} {ondrop}>
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
                    mask_links={state.mask_links}
                    notice={state.notice.clone()}
                    {lang}
                    on_action={dispatch.clone()}
                />
                <InputPanel
                    input={state.input.clone()}
                    {lines}
                    format_text={state.format.clone()}
                    format={Shared(Rc::clone(&format))}
                    counts={stats.0}
                    header_line={stats.1}
                    files={state.files.clone()}
                    {lang}
                    on_action={dispatch.clone()}
                />
                <UnwrapNote notes={Rc::new(unwrapped)} {lang} />
                <div class="app__output">
                    <div class="app__results">{ output }</div>
                    <ExplainPanel decoded={panel_decoded} text={panel_text} {lang} selected={state.selected}
                        on_action={dispatch.clone()} show_record={!single} />
                </div>
                <ErrorList decoded={shared} {text} {lang} on_action={dispatch.clone()} />
                <Beyond format={Rc::clone(&*format_in_force)} {lang} on_action={dispatch.clone()} />
            </main>
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
    }
}

/// Lines in `text` (a final line without `\n` counts).
fn line_count(text: &str) -> usize {
    let newlines = memchr::memchr_iter(b'\n', text.as_bytes()).count();
    newlines + usize::from(!text.is_empty() && !text.ends_with('\n'))
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
