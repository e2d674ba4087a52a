//! The paste box, the format box and the status line.

use yew::prelude::*;

use crate::fields::Lang;
use crate::flowlog::{Decoded, LineKind, Preset};

use super::app::{FormatBox, Shared};
use super::labels as l;
use super::state::Action;

/// Props of [`InputPanel`].
#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// The paste box's text.
    pub input: AttrValue,
    /// The format box's text.
    pub format_text: AttrValue,
    /// The format box, read.
    pub format: Shared<FormatBox>,
    /// The decoded input (for the status line).
    pub decoded: Shared<Decoded>,
    /// Page language.
    pub lang: Lang,
    /// State changes.
    pub on_action: Callback<Action>,
}

/// Where the user pastes lines and, if needed, types the format.
#[component]
pub fn InputPanel(props: &InputPanelProps) -> Html {
    let lang = props.lang;
    let on_input = props.on_action.reform(|e: InputEvent| {
        let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
        Action::SetInput(area.value().into())
    });
    let on_format = props.on_action.reform(|e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::SetFormat(input.value().into())
    });
    let on_preset = props.on_action.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        let chosen = select.value();
        select.set_value("");
        let text = Preset::ALL
            .iter()
            .find(|p| p.format().to_header() == chosen)
            .map(|p| p.format().to_log_format())
            .unwrap_or_default();
        Action::SetFormat(text.into())
    });
    let on_example = props
        .on_action
        .reform(|_: MouseEvent| Action::SetInput(l::EXAMPLE_TEXT.into()));
    let on_clear = props
        .on_action
        .reform(|_: MouseEvent| Action::SetInput(AttrValue::default()));

    let format_error = match &*props.format.0 {
        Some(Err(e)) => html! { <p class="input-panel__error" id="format-error" role="alert">{ e.message(lang) }</p> },
        _ => html! {},
    };
    let presets = Preset::ALL.iter().map(|p| {
        html! { <option value={p.format().to_header()}>{ p.label(lang) }</option> }
    });

    html! {
        <section class="input-panel">
            <label class="input-panel__label" for="input">{ l::INPUT_LABEL.get(lang) }</label>
            <textarea id="input" class="input-panel__text" spellcheck="false" autocomplete="off"
                rows="6" placeholder={l::INPUT_PLACEHOLDER.get(lang)}
                value={props.input.clone()} oninput={on_input} />
            <div class="input-panel__actions">
                <button type="button" class="button" onclick={on_example}>{ l::EXAMPLE.get(lang) }</button>
                <button type="button" class="button button--quiet" onclick={on_clear}>{ l::CLEAR.get(lang) }</button>
                { status(&props.decoded, &props.format, lang) }
            </div>
            <div class="input-panel__format">
                <label class="input-panel__label" for="format">{ l::FORMAT_LABEL.get(lang) }</label>
                <div class="input-panel__format-row">
                    <input id="format" class="input-panel__format-input" type="text" spellcheck="false"
                        autocomplete="off" placeholder={l::FORMAT_PLACEHOLDER.get(lang)}
                        aria-describedby="format-hint format-error"
                        aria-invalid={matches!(&*props.format.0, Some(Err(_))).to_string()}
                        value={props.format_text.clone()} oninput={on_format} />
                    <select class="input-panel__presets" aria-label={l::PRESETS.get(lang)} onchange={on_preset}>
                        <option value="" selected=true>{ l::PRESETS.get(lang) }</option>
                        { for presets }
                    </select>
                </div>
                <p class="input-panel__hint" id="format-hint">{ l::FORMAT_HINT.get(lang) }</p>
                { format_error }
            </div>
        </section>
    }
}

fn status(decoded: &Decoded, format: &FormatBox, lang: Lang) -> Html {
    let counts = decoded.counts();
    let header = decoded
        .lines
        .iter()
        .find(|l| matches!(l.kind, LineKind::Header(_)))
        .map(|l| l.no);
    let source = match (format, header) {
        (Some(Ok(f)), _) => format!("{} ({})", l::FORMAT_TYPED.get(lang), f.len()),
        (_, Some(no)) if lang == Lang::Ja => format!("{no} 行目のヘッダー行から"),
        (_, Some(no)) => format!("from the header on line {no}"),
        _ => l::FORMAT_AUTO_DEFAULT.get(lang).to_owned(),
    };
    let records_word = if counts.records == 1 { l::RECORD } else { l::RECORDS }.get(lang);
    let headers_word = if counts.headers == 1 { l::HEADER } else { l::HEADERS }.get(lang);
    html! {
        <p class="status" role="status" aria-live="polite">
            <span class="status__item" data-count="records">{ counts.records }{ " " }{ records_word }</span>
            <span class={classes!("status__item", (counts.with_errors > 0).then_some("status__item--bad"))} data-count="errors">
                { counts.with_errors }{ " " }{ l::ERRORS.get(lang) }
            </span>
            if counts.headers > 0 {
                <span class="status__item" data-count="headers">{ counts.headers }{ " " }{ headers_word }</span>
            }
            <span class="status__item">{ l::FORMAT_IN_USE.get(lang) }{ ": " }{ source }</span>
        </p>
    }
}
