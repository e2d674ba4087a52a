//! The list of lessons, with the ones answered in this browser marked.

use yew::prelude::*;

use crate::fields::labels as l;
use crate::fields::lessons::LESSONS;
use crate::fields::Lang;
use crate::flowlog::links::learn;

/// Props of [`LessonList`].
#[derive(Properties, PartialEq)]
pub struct LessonListProps {
    /// Page language.
    pub lang: Lang,
    /// Lessons answered (one bit each).
    pub learned: u16,
    /// The link named a lesson that does not exist.
    #[prop_or_default]
    pub missing: bool,
}

/// Every lesson, as a link.
#[component]
pub fn LessonList(props: &LessonListProps) -> Html {
    let lang = props.lang;
    let items = LESSONS.iter().zip(1u8..).map(|(lesson, n)| {
        let done = props.learned & (1 << (n - 1)) != 0;
        html! {
            <li data-lesson-item={n.to_string()} data-done={done.to_string()}>
                <a href={format!("#{}", learn::fragment(Some(n)))}>{ lesson.title.get(lang) }</a>
                if done {
                    { " " }<span class="learn__done">{ "✓ " }{ l::LESSON_DONE.get(lang) }</span>
                }
            </li>
        }
    });
    html! {
        <section class="learn" data-learn="index">
            <h2>{ l::LEARN_TITLE.get(lang) }</h2>
            if props.missing {
                <p class="notice notice--bad" role="alert" data-notice="no-lesson">{ l::NO_SUCH_LESSON.get(lang) }</p>
            }
            <p>{ l::LEARN_INTRO.get(lang) }</p>
            <ol class="learn__list">{ for items }</ol>
            <p><a class="button" href="#">{ l::BACK_TO_DECODER.get(lang) }</a></p>
        </section>
    }
}
