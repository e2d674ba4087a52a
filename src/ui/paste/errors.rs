//! Every problem in the input, with its line, field and byte span.

use yew::prelude::*;

use crate::fields::Lang;
use crate::flowlog::{Decoded, LineError, LineErrorKind};

use crate::fields::labels as l;
use crate::ui::hooks::Shared;
use crate::ui::state::{Action, Selection};

/// Props of [`ErrorList`].
#[derive(Properties, PartialEq)]
pub struct ErrorListProps {
    /// The decoded input.
    pub decoded: Shared<Decoded>,
    /// The input text.
    pub text: AttrValue,
    /// Page language.
    pub lang: Lang,
    /// State changes.
    pub on_action: Callback<Action>,
}

/// Lists the errors of the whole input (nothing is dropped silently).
#[component]
pub fn ErrorList(props: &ErrorListProps) -> Html {
    let lang = props.lang;
    let errors = props.decoded.errors(&props.text);
    if errors.is_empty() {
        return html! {};
    }
    let items = errors.iter().map(|e| {
        let select = e.field.map(|(_, field)| {
            props
                .on_action
                .reform(move |_: MouseEvent| Action::Select(Selection { line: None, field }))
        });
        let field_name = e.field.map(|(_, f)| f.as_str());
        let span = format!(" ({} {}–{})", l::BYTES_AT.get(lang), e.span.start, e.span.end);
        html! {
            <li class="error-list__item" data-error-line={e.line_no.to_string()} data-error-field={field_name}>
                <span class="error-list__message">{ e.message(lang) }</span>
                <span class="error-list__span">{ span }</span>
                if let Some(onclick) = select {
                    <button type="button" class="link" {onclick}>{ l::WHAT_IS_THIS.get(lang) }</button>
                }
                { format_button(e, lang, &props.on_action) }
            </li>
        }
    });
    html! {
        <section class="error-list" aria-labelledby="error-list-title">
            <h2 id="error-list-title">{ l::ERROR_LIST.get(lang) }{ format!(" ({})", errors.len()) }</h2>
            <ol class="error-list__items">{ for items }</ol>
        </section>
    }
}

/// A button that switches to the well-known format a wrong field count suggests.
pub fn format_button(error: &LineError, lang: Lang, on_action: &Callback<Action>) -> Html {
    let LineErrorKind::FieldCount {
        suggestion: Some(preset),
        ..
    } = &error.kind
    else {
        return html! {};
    };
    let text: AttrValue = preset.format().to_log_format().into();
    let onclick = on_action.reform(move |_: MouseEvent| Action::SetFormat(text.clone()));
    html! {
        <button type="button" class="button button--small" data-use-format={preset.format().len().to_string()} {onclick}>
            { l::USE_FORMAT.get(lang) }{ ": " }{ preset.label(lang) }
        </button>
    }
}
