//! What the recogniser unwrapped around the records, and the lines it removed.

use std::rc::Rc;

use yew::prelude::*;

use crate::fields::Lang;
use crate::flowlog::decode::shapes::Report;

use crate::fields::labels as l;

/// Props of [`UnwrapNote`].
#[derive(Properties, PartialEq)]
pub struct UnwrapNoteProps {
    /// What was found, per file name (empty for a paste).
    pub notes: Rc<Vec<(String, Report)>>,
    /// Page language.
    pub lang: Lang,
}

/// "Found 2 records in: CloudWatch console copy: removed …", with the removed lines listed.
#[component]
pub fn UnwrapNote(props: &UnwrapNoteProps) -> Html {
    if props.notes.is_empty() {
        return html! {};
    }
    let lang = props.lang;
    let notes = props.notes.iter().map(|(name, report)| {
        let shapes = report
            .shapes
            .iter()
            .map(|(s, _)| format!("{s:?}"))
            .collect::<Vec<_>>()
            .join(" ");
        let removed: usize = report.removed.iter().map(|(_, n)| n).sum();
        let headline = if name.is_empty() {
            report.headline(lang)
        } else {
            format!("{name}: {}", report.headline(lang))
        };
        let items = report.skipped.iter().map(|(line, what)| {
            let text = format!("{} {line}: {}", l::LINE.get(lang), what.label(lang));
            html! { <li data-skipped-line={line.to_string()}>{ text }</li> }
        });
        html! {
            <div class="unwrap-note__item" data-unwrapped={shapes} data-records={report.records.to_string()}>
                <p>{ headline }</p>
                if removed > 0 {
                    <details>
                        <summary>{ format!("{} ({removed})", l::REMOVED_LINES.get(lang)) }</summary>
                        <ul class="unwrap-note__lines">{ for items }</ul>
                    </details>
                }
            </div>
        }
    });
    html! {
        <section class="unwrap-note" role="status">{ for notes }</section>
    }
}
