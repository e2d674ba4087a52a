//! The panel of the analysis across records: findings, conversations, who talks to whom
//! (groups and the flow map), cost and rules. It asks the input's store (the files'
//! worker, or the paste's worker) and shows the answers; every filter it
//! offers goes to the large view's filter box.

mod cost;
mod groups;
mod lists;
mod rules;

use std::rc::Rc;

use yew::prelude::*;

use crate::fields::across as w;
use crate::fields::FieldName;
use crate::fields::Lang;
use crate::flowlog::bulk::across::groups::Group;
use crate::flowlog::bulk::across::rules::Rules;
use crate::flowlog::bulk::across::Report;
use crate::flowlog::bulk::store::{Meta, Reply, Request};
use crate::ui::hooks::Shared;
use crate::ui::large::source::Source;
use crate::ui::state::Action;

/// Props of [`AcrossPanel`].
#[derive(Properties, PartialEq)]
pub struct AcrossPanelProps {
    /// The input's store.
    pub source: Source,
    /// What is known of the input (a new one asks again).
    pub meta: Shared<Meta>,
    /// Page language.
    pub lang: Lang,
    /// State changes (filters).
    pub on_action: Callback<Action>,
}

/// Records up to which the analysis starts by itself (in the worker); above, the panel
/// offers a button.
const AUTO: usize = 300_000;

/// The answers received.
#[derive(Clone, Default, PartialEq)]
pub(crate) struct Answers {
    pub report: Option<Rc<Report>>,
    pub groups: Option<Rc<GroupsOut>>,
    pub rules: Option<Rc<RulesOut>>,
    /// The id of the selection the worker shows (its groups are of those records).
    pub selection: Option<u32>,
}

/// The answer to [`Request::Groups`].
#[derive(Clone, PartialEq)]
pub(crate) struct GroupsOut {
    pub fields: Vec<FieldName>,
    pub groups: Vec<Group>,
    pub total: usize,
    /// The filter of the records grouped.
    pub within: String,
}

/// The answer to [`Request::Rules`].
#[derive(Clone, PartialEq)]
pub(crate) struct RulesOut {
    pub rules: Rules,
    pub cli: String,
    pub terraform: String,
    pub cloudformation: String,
}

impl Reducible for Answers {
    type Action = Reply;

    fn reduce(self: Rc<Self>, reply: Reply) -> Rc<Self> {
        let mut next = (*self).clone();
        match reply {
            Reply::Across { report } => next.report = Some(Rc::new(*report)),
            Reply::Selected { id, .. } => next.selection = Some(id),
            Reply::Groups {
                fields,
                groups,
                total,
                within,
            } => {
                next.groups = Some(Rc::new(GroupsOut {
                    fields,
                    groups,
                    total,
                    within,
                }));
            }
            Reply::Rules {
                rules,
                cli,
                terraform,
                cloudformation,
            } => {
                next.rules = Some(Rc::new(RulesOut {
                    rules,
                    cli,
                    terraform,
                    cloudformation,
                }));
            }
            _ => return self,
        }
        Rc::new(next)
    }
}

/// The tabs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Findings,
    Conversations,
    Groups,
    Cost,
    Rules,
}

/// The analysis across records of the input.
#[component]
pub fn AcrossPanel(props: &AcrossPanelProps) -> Html {
    let lang = props.lang;
    let answers = use_reducer(Answers::default);
    let tab = use_state(|| Tab::Findings);
    let records = props.meta.counts.records;
    // Asked for this input (by itself, or by the button).
    let asked = use_state(|| false);
    let ask = {
        let (source, asked) = (props.source.clone(), asked.clone());
        Callback::from(move |()| {
            asked.set(true);
            let source = source.clone();
            wasm_bindgen_futures::spawn_local(async move {
                crate::web::browser::next_paint().await;
                let now = (js_sys::Date::now() / 1000.0) as i64;
                source.ask(Request::Across { now });
            });
        })
    };
    // Answers come here; a new input asks again (after the page has painted) when small
    // enough to start by itself.
    {
        let (answers, asked, ask) = (answers.clone(), asked.clone(), ask.clone());
        use_effect_with((props.source.clone(), props.meta.clone()), move |(source, _)| {
            let dispatch = answers.dispatcher();
            source.listen_across(Some(Callback::from(move |r: Reply| dispatch.dispatch(r))));
            asked.set(false);
            if records <= AUTO {
                ask.emit(());
            }
            let source = source.clone();
            move || source.listen_across(None)
        });
    }
    let filter = {
        let on_action = props.on_action.clone();
        Callback::from(move |query: String| on_action.emit(Action::SetQuery(query.into())))
    };
    let tab_button = |t: Tab, label: &'static crate::fields::Text, key: &'static str| {
        let onclick = {
            let tab = tab.clone();
            Callback::from(move |_: MouseEvent| tab.set(t))
        };
        let active = *tab == t;
        html! {
            <button type="button" role="tab" class={classes!("across__tab", active.then_some("is-active"))}
                aria-selected={active.to_string()} data-tab={key} {onclick}>{ label.get(lang) }</button>
        }
    };
    let body = match &answers.report {
        None if !*asked => html! {
            <p class="across__start">
                <button type="button" class="button" data-across-start="" onclick={ask.reform(|_: MouseEvent| ())}>
                    { w::START.fill(lang, &[("n", &crate::flowlog::explain::describe::group(records as u64))]) }
                </button>
            </p>
        },
        None => html! { <p class="across__working" role="status" aria-busy="true">{ w::WORKING.get(lang) }</p> },
        Some(report) => match *tab {
            Tab::Findings => lists::findings(report, lang, &filter),
            Tab::Conversations => lists::conversations(report, lang, &filter, &props.on_action),
            Tab::Groups => html! {
                <groups::GroupsView source={props.source.clone()} report={Shared(Rc::clone(report))}
                    groups={answers.groups.clone().map(Shared)} selection={answers.selection} {lang} on_filter={filter.clone()} />
            },
            Tab::Cost => cost::costs(report, lang),
            Tab::Rules => html! {
                <rules::RulesView source={props.source.clone()} report={Shared(Rc::clone(report))}
                    rules={answers.rules.clone().map(Shared)} {lang} />
            },
        },
    };
    html! {
        <details class="across" open=true data-across="">
            <summary>{ w::TITLE.get(lang) }</summary>
            <p class="across__intro">{ w::INTRO.get(lang) }</p>
            <div class="across__tabs" role="tablist" aria-label={w::TITLE.get(lang)}>
                { tab_button(Tab::Findings, &w::TAB_FINDINGS, "findings") }
                { tab_button(Tab::Conversations, &w::TAB_CONVERSATIONS, "conversations") }
                { tab_button(Tab::Groups, &w::TAB_GROUPS, "groups") }
                { tab_button(Tab::Cost, &w::TAB_COST, "cost") }
                { tab_button(Tab::Rules, &w::TAB_RULES, "rules") }
            </div>
            <div class="across__body" role="tabpanel">{ body }</div>
        </details>
    }
}

/// The panel while no worker answers for the paste yet: its analysis offered (the page
/// as loaded starts no worker; the button starts one), or being prepared.
pub fn waiting(offered: bool, lang: Lang, on_action: &Callback<Action>) -> Html {
    let body = if offered {
        html! {
            <p class="across__start">
                <button type="button" class="button" data-across-start=""
                    onclick={on_action.reform(|_: MouseEvent| Action::AnalysePaste)}>{ w::START_PASTE.get(lang) }</button>
            </p>
        }
    } else {
        html! { <p class="across__working" role="status" aria-busy="true">{ w::WORKING.get(lang) }</p> }
    };
    html! {
        <details class="across" open=true data-across="">
            <summary>{ w::TITLE.get(lang) }</summary>
            <p class="across__intro">{ w::INTRO.get(lang) }</p>
            <div class="across__body">{ body }</div>
        </details>
    }
}
