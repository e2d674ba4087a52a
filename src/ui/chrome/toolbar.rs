//! Samples, share links and the notice line.

use yew::prelude::*;

use crate::fields::samples::{sample, SAMPLES};
use crate::fields::Lang;
use crate::flowlog::{links::share, Options};

use crate::fields::labels as l;
use crate::ui::large::files::Workers;
use crate::ui::state::{Action, CopyKind, Fault, Notice, Phase};
use crate::web::browser;

/// Props of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The paste box's text.
    pub input: AttrValue,
    /// The format box's text.
    pub format_text: AttrValue,
    /// Mask account IDs and addresses in links.
    pub mask_links: bool,
    /// The last notice.
    pub notice: Option<Notice>,
    /// Page language.
    pub lang: Lang,
    /// State changes.
    pub on_action: Callback<Action>,
}

/// The samples menu, the share-link button and its options, and the notice line.
#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let lang = props.lang;
    let on_sample = props.on_action.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        let id = select.value();
        select.set_value("");
        match sample(&id) {
            Some(s) => Action::LoadSample(s),
            None => Action::Notify(None),
        }
    });
    let on_mask = props.on_action.reform(|e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::SetMaskLinks(input.checked())
    });
    let on_share = {
        let (input, format, mask) = (props.input.clone(), props.format_text.clone(), props.mask_links);
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            let text = if mask {
                share::mask(&input, &Options::from_format_box(&format))
            } else {
                input.to_string()
            };
            let fragment = share::encode(&format, &text);
            let Some(url) = browser::replace_hash(&fragment) else {
                on_action.emit(Action::Notify(Some(Notice::CopyFailed)));
                return;
            };
            let on_action = on_action.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let copied = browser::copy(url.clone()).await;
                on_action.emit(Action::Notify(Some(Notice::LinkReady {
                    url: url.into(),
                    copied,
                })));
            });
        })
    };
    let workers = use_context::<Workers>().unwrap_or_default();
    let options = SAMPLES
        .iter()
        .map(|s| html! { <option value={s.id}>{ s.title.get(lang) }</option> });

    html! {
        <div class="toolbar">
            <select class="toolbar__samples" id="samples" aria-label={l::SAMPLES.get(lang)} onchange={on_sample}>
                <option value="" selected=true>{ l::SAMPLES.get(lang) }</option>
                { for options }
            </select>
            <button type="button" class="button" id="share" onclick={on_share}>{ l::COPY_LINK.get(lang) }</button>
            <label class="toolbar__mask">
                <input type="checkbox" id="mask-links" checked={props.mask_links} onchange={on_mask} />
                { l::MASK_LINKS.get(lang) }
            </label>
            { notice(props.notice.as_ref(), lang, &props.on_action, &workers) }
        </div>
    }
}

fn notice(notice: Option<&Notice>, lang: Lang, on_action: &Callback<Action>, workers: &Workers) -> Html {
    let Some(notice) = notice else {
        return html! {};
    };
    match notice {
        Notice::BadLink(e) => html! {
            <p class="notice notice--bad" role="alert" data-notice="bad-link">{ e.message(lang) }</p>
        },
        Notice::LinkReady { url, copied } => html! {
            <p class="notice" role="status" data-notice="link">
                { if *copied { l::LINK_COPIED } else { l::LINK_READY }.get(lang) }
                <input class="notice__link" type="text" readonly=true aria-label={l::COPY_LINK.get(lang)}
                    data-share-link="" value={url.clone()} />
            </p>
        },
        Notice::Copied(kind) => html! {
            <p class="notice" role="status" data-notice="copied">
                { match kind {
                    CopyKind::Markdown => l::COPIED_MD,
                    CopyKind::Json => l::COPIED_JSON,
                    CopyKind::Text => l::COPIED_TEXT,
                    CopyKind::Picture => l::COPIED_PICTURE,
                }.get(lang) }
            </p>
        },
        Notice::CopyFailed => html! {
            <p class="notice notice--bad" role="alert" data-notice="copy-failed">{ l::COPY_FAILED.get(lang) }</p>
        },
        Notice::PictureFailed => html! {
            <p class="notice notice--bad" role="alert" data-notice="picture-failed">{ l::PICTURE_FAILED.get(lang) }</p>
        },
        Notice::Progress(phase, percent, _) => {
            let cancel = {
                let (workers, on_action) = (workers.clone(), on_action.clone());
                Callback::from(move |_: MouseEvent| {
                    workers.cancel();
                    on_action.emit(Action::Notify(None));
                })
            };
            let what = match phase {
                Phase::Read => l::READING,
                Phase::Index => l::INDEXING,
            };
            html! {
                <p class="notice" role="status" data-notice="progress">
                    { what.get(lang) }
                    <progress max="100" value={percent.to_string()} aria-label={what.get(lang)}></progress>
                    { format!("{percent} %") }
                    <button type="button" class="button button--small" data-cancel="" onclick={cancel}>{ l::CANCEL.get(lang) }</button>
                </p>
            }
        }
        Notice::FileError(name, error) => {
            let message = error
                .as_ref()
                .map_or_else(|| l::FILE_UNREADABLE.get(lang).to_owned(), |e| e.message(lang));
            html! {
                <p class="notice notice--bad" role="alert" data-notice="file-error">
                    <code>{ name.clone() }</code>{ ": " }{ message }
                </p>
            }
        }
        Notice::InvalidUtf8(name, at) => html! {
            <p class="notice notice--bad" role="alert" data-notice="invalid-utf8">
                <code>{ name.clone() }</code>{ ": " }{ l::INVALID_UTF8.get(lang) }{ " " }{ at }
            </p>
        },
        Notice::WorkerFault(fault) => {
            let message = match fault {
                Fault::Stopped => l::WORKER_STOPPED,
                Fault::Version => l::WORKER_VERSION,
                Fault::Garbled => l::WORKER_GARBLED,
            };
            html! {
                <p class="notice notice--bad" role="alert" data-notice="worker-fault">{ message.get(lang) }</p>
            }
        }
        Notice::NothingToOpen(n) => html! {
            <p class="notice notice--bad" role="alert" data-notice="nothing-to-open">
                { format!("{} ({n})", l::NOTHING_TO_OPEN.get(lang)) }
            </p>
        },
    }
}
