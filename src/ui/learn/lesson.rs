//! One lesson: a few paragraphs, its records drawn as labeled lines with the lesson's
//! fields marked, one question, and the answer with why.

use std::rc::Rc;

use yew::prelude::*;

use crate::fields::labels as l;
use crate::fields::lessons::{self, Lesson};
use crate::fields::Lang;
use crate::flowlog::links::learn;
use crate::flowlog::{decode_text, Format, LineKind, Options};
use crate::ui::hooks::{Picked, Shared};
use crate::ui::paste::ruler::LineRuler;
use crate::ui::state::{Action, Selection};
use crate::web::browser;

/// Props of [`LessonView`].
#[derive(Properties, PartialEq)]
pub struct LessonViewProps {
    /// The lesson's number (1-based).
    pub n: u8,
    /// Page language.
    pub lang: Lang,
    /// Lessons answered (one bit each).
    pub learned: u16,
    /// The value pointed at or focused.
    pub hot: Option<Selection>,
    /// State changes.
    pub on_action: Callback<Action>,
}

/// The lesson's records, decoded, as the labeled lines draw them.
fn records(lesson: &Lesson) -> Vec<Picked> {
    let format = (!lesson.format.is_empty())
        .then(|| Format::parse(lesson.format).ok())
        .flatten();
    let decoded = decode_text(lesson.records, &Options { format });
    let text = AttrValue::Static(lesson.records);
    decoded
        .lines
        .iter()
        .filter(|line| matches!(line.kind, LineKind::Record(_)))
        .map(|line| Picked {
            line: Shared(Rc::new(line.clone())),
            text: text.clone(),
        })
        .collect()
}

/// Shows lesson `n` (the parent keys it by `n`, so an answer never carries over).
#[component]
pub fn LessonView(props: &LessonViewProps) -> Html {
    let lang = props.lang;
    let n = props.n;
    let chosen = use_state(|| None::<usize>);
    let checked = use_state(|| false);
    let lesson = lessons::lesson(n);
    let lines = use_memo(n, |n| lessons::lesson(*n).map(records).unwrap_or_default());
    let Some(lesson) = lesson else {
        return html! {};
    };
    let count = lessons::count();
    let done = props.learned & (1 << (n - 1)) != 0;

    let rulers = lines.iter().map(|picked| {
        // Records longer than the default format's 14 values show titles only where marked.
        let long = matches!(&picked.line.kind, LineKind::Record(r) if r.cells.len() > 14);
        let hot = props.hot.filter(|h| h.line == Some(picked.line.no)).map(|h| h.field);
        html! {
            <LineRuler picked={Some(picked.clone())} {lang} {hot} highlight={lesson.highlight} tools={false} compact={long}
                on_action={props.on_action.clone()} />
        }
    });
    let choices = lesson.choices.iter().enumerate().map(|(i, choice)| {
        let onchange = {
            let chosen = chosen.clone();
            Callback::from(move |_: Event| chosen.set(Some(i)))
        };
        let id = format!("lesson-{n}-choice-{i}");
        html! {
            <li>
                <input type="radio" name={format!("lesson-{n}")} id={id.clone()} value={i.to_string()}
                    checked={*chosen == Some(i)} disabled={*checked} {onchange} />
                <label for={id}>{ choice.get(lang) }</label>
            </li>
        }
    });
    let on_check = {
        let (checked, chosen, on_action) = (checked.clone(), chosen.clone(), props.on_action.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if chosen.is_some() {
                checked.set(true);
                on_action.emit(Action::Learned(n));
            }
        })
    };
    let on_open = {
        let on_action = props.on_action.clone();
        let (records, format) = (lesson.records, lesson.format);
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::LoadText {
                input: AttrValue::Static(records),
                format: AttrValue::Static(format),
            });
            browser::go_to_fragment("");
        })
    };
    let right = *chosen == Some(lesson.answer);
    let answer = lesson
        .choices
        .get(lesson.answer)
        .map(|c| c.get(lang))
        .unwrap_or_default();
    let link = |m: u8| format!("#{}", learn::fragment(Some(m)));
    html! {
        <article class="learn lesson" data-learn="lesson" data-lesson={n.to_string()}>
            <p class="lesson__progress">
                { l::LESSON_N.fill(lang, &[("n", &n), ("of", &count)]) }
                if done {
                    { " · " }<span class="learn__done" data-done="">{ "✓ " }{ l::LESSON_DONE.get(lang) }</span>
                }
            </p>
            <h2>{ lesson.title.get(lang) }</h2>
            { for lesson.body.iter().map(|p| html! { <p>{ p.get(lang) }</p> }) }
            <p class="lesson__source">{ lesson.source.get(lang) }</p>
            <div class="lesson__records">{ for rulers }</div>
            <form class="lesson__question" onsubmit={on_check}>
                <fieldset>
                    <legend>{ l::QUESTION.fill(lang, &[("q", &lesson.question.get(lang))]) }</legend>
                    <ul class="lesson__choices">{ for choices }</ul>
                    <button type="submit" class="button" disabled={chosen.is_none() || *checked}>{ l::CHECK_ANSWER.get(lang) }</button>
                </fieldset>
            </form>
            if *checked {
                <div class={classes!("lesson__result", if right { "is-right" } else { "is-wrong" })} role="status"
                    data-result={if right { "right" } else { "wrong" }}>
                    <p><strong>{ if right { l::RIGHT.get(lang) } else { l::NOT_QUITE.get(lang) } }</strong>
                        if !right {
                            { " " }<span data-answer="">{ answer }</span>
                        }
                    </p>
                    <p data-why="">{ lesson.why.get(lang) }</p>
                </div>
            }
            <nav class="lesson__nav" aria-label={l::LEARN.get(lang)}>
                if n > 1 {
                    <a class="button button--quiet" href={link(n - 1)} data-nav="previous">{ "← " }{ l::PREVIOUS_LESSON.get(lang) }</a>
                }
                <a class="button button--quiet" href={format!("#{}", learn::fragment(None))} data-nav="all">{ l::ALL_LESSONS.get(lang) }</a>
                if n < count {
                    <a class="button" href={link(n + 1)} data-nav="next">{ l::NEXT_LESSON.get(lang) }{ " →" }</a>
                }
                <button type="button" class="button button--quiet" data-open-lesson="" onclick={on_open}>{ l::OPEN_IN_DECODER.get(lang) }</button>
            </nav>
        </article>
    }
}
