//! The explanation of the selected field, and of the selected value.

use yew::prelude::*;

use crate::fields::{colours, Certainty, Lang, Scope};
use crate::flowlog::explain::describe::describe;
use crate::flowlog::{links::at_scale, LineKind};

use crate::fields::labels as l;
use crate::ui::hooks::Picked;
use crate::ui::paste::record_tools::{CopyButtons, RecordStory};
use crate::ui::state::{Action, Selection};
use crate::web::tz::BrowserTz;

/// Props of [`ExplainPanel`].
#[derive(Properties, PartialEq)]
pub struct ExplainPanelProps {
    /// The selected line and its text (from a paste or a large input alike).
    pub picked: Option<Picked>,
    /// Page language.
    pub lang: Lang,
    /// What to explain.
    pub selected: Option<Selection>,
    /// The value pointed at or focused elsewhere: the panel lights up when it explains it.
    #[prop_or_default]
    pub hot: Option<Selection>,
    /// State changes.
    pub on_action: Callback<Action>,
    /// Show the selected record's story and copy buttons (the card view already does).
    #[prop_or(true)]
    pub show_record: bool,
}

/// Explains a field: what it says, what `-` means, every documented value;
/// and, when a value was selected, what that value means and the record's summary.
#[component]
pub fn ExplainPanel(props: &ExplainPanelProps) -> Html {
    let lang = props.lang;
    let Some(sel) = props.selected else {
        return html! {
            <aside class="explain explain--empty" aria-live="polite">
                <p>{ l::EXPLAIN_HINT.get(lang) }</p>
            </aside>
        };
    };
    let spec = sel.field.spec();
    let on_close = props.on_action.reform(|_: MouseEvent| Action::Deselect);
    let scope = match spec.scope {
        Scope::Vpc => l::SCOPE_VPC,
        Scope::Tgw => l::SCOPE_TGW,
        Scope::Both => l::SCOPE_BOTH,
    }
    .get(lang);
    let certainty = match spec.certainty {
        Certainty::Documented => None,
        Certainty::Secondary => Some(l::SECONDARY.get(lang)),
        Certainty::Uncertain => Some(l::UNCERTAIN.get(lang)),
    };
    let value = selected_value(props, sel);
    // Lit when the value pointed at is the one explained (or, for a column, its field).
    let linked = props
        .hot
        .is_some_and(|h| h.field == sel.field && (sel.line.is_none() || h.line == sel.line));
    let (ecs, ocsf) = (at_scale::ecs(sel.field), at_scale::ocsf(sel.field).unwrap_or("—"));
    let (column, camel) = (at_scale::column(sel.field), at_scale::camel(sel.field));
    let codes = spec.codes.iter().map(|c| {
        html! {
            <div class="explain__code">
                <dt><code>{ c.code }</code></dt>
                <dd>{ c.meaning.get(lang) }</dd>
            </div>
        }
    });
    html! {
        <aside class={classes!("explain", colours::class(sel.field), linked.then_some("is-linked"))} aria-live="polite" aria-labelledby="explain-title">
            <section data-explain={sel.field.as_str()}>
                <header class="explain__header">
                    <h2 id="explain-title">{ spec.title.get(lang) }{ " " }<code>{ sel.field.as_str() }</code></h2>
                    <button type="button" class="button button--quiet button--small" onclick={on_close}
                        aria-label={l::CLOSE.get(lang)}>{ "×" }</button>
                </header>
                <p class="explain__meta">
                    { spec.kind.label().get(lang) }{ " · " }{ l::INTRODUCED.get(lang) }{ " " }{ spec.version }{ " · " }{ scope }
                </p>
                if let Some(note) = certainty {
                    <p class="explain__caution">{ note }</p>
                }
                { value }
                <p class="explain__detail">{ spec.detail.get(lang) }</p>
                <h3>{ l::DASH_MEANS.get(lang) }</h3>
                <p>{ spec.absent.get(lang) }</p>
                if !spec.codes.is_empty() {
                    <h3>{ l::VALUES.get(lang) }</h3>
                    <dl class="explain__codes">{ for codes }</dl>
                }
                <h3>{ l::NAMES_ELSEWHERE.get(lang) }</h3>
                <dl class="explain__codes" data-names="">
                    <div class="explain__code"><dt>{ "ECS" }</dt><dd><code data-name="ecs">{ ecs }</code></dd></div>
                    <div class="explain__code"><dt>{ "OCSF" }</dt><dd><code data-name="ocsf">{ ocsf }</code></dd></div>
                    <div class="explain__code"><dt>{ "Athena" }</dt><dd><code>{ column }</code></dd></div>
                    <div class="explain__code"><dt>{ "Logs Insights" }</dt><dd><code>{ camel }</code></dd></div>
                </dl>
            </section>
        </aside>
    }
}

fn selected_value(props: &ExplainPanelProps, sel: Selection) -> Html {
    let lang = props.lang;
    let Some(line_no) = sel.line else {
        return html! {};
    };
    let Some(picked) = props.picked.as_ref().filter(|p| p.line.no == line_no) else {
        return html! {};
    };
    let text = picked.text.as_str();
    let record = match &picked.line.kind {
        LineKind::Record(r) => Some((r, picked.line.at)),
        _ => None,
    };
    let Some((record, at, cell)) = record.and_then(|(r, at)| r.cell(sel.field).map(|c| (r, at, c))) else {
        return html! {};
    };
    let d = describe(record, cell, text, lang, &BrowserTz);
    let line_label = format!("{} {at}", l::LINE.get(lang));
    html! {
        <div class="explain__value">
            <h3>{ l::THIS_VALUE.get(lang) }{ " — " }{ line_label }</h3>
            <p><code>{ cell.raw(text).to_owned() }</code>{ " → " }<strong>{ d.decoded }</strong></p>
            if !d.meaning.is_empty() {
                <p>{ d.meaning }</p>
            }
            if props.show_record {
                <RecordStory picked={picked.clone()} {lang} />
                <CopyButtons picked={picked.clone()} {lang} on_action={props.on_action.clone()} />
            }
        </div>
    }
}
