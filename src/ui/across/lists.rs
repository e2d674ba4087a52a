//! Findings and conversations, as lists whose every entry filters to its records.

use yew::prelude::*;

use crate::fields::across as w;
use crate::fields::Lang;
use crate::flowlog::bulk::across::{ConversationOut, Report};
use crate::flowlog::explain::across::{self as words, bytes, end, protocol, when};
use crate::flowlog::explain::describe::group;
use crate::ui::state::{Action, Selection};

/// The findings: each a sentence and a button that shows exactly its records.
pub fn findings(report: &Report, lang: Lang, filter: &Callback<String>) -> Html {
    if report.findings.is_empty() {
        return html! { <p class="across__none" data-findings="0">{ w::NO_FINDINGS.get(lang) }</p> };
    }
    let items = report.findings.iter().map(|f| {
        let query = format!("finding:{}", f.id);
        let onclick = filter.reform(move |_: MouseEvent| query.clone());
        let show = w::SHOW_RECORDS.fill(lang, &[("n", &group(f.records as u64))]);
        html! {
            <li class="across__finding" data-finding={f.finding.key()} data-count={f.records.to_string()}>
                <p>{ words::finding(&f.finding, lang) }</p>
                <button type="button" class="button button--small" data-filter={format!("finding:{}", f.id)} {onclick}>{ show }</button>
            </li>
        }
    });
    html! { <ul class="across__findings" data-findings={report.findings.len().to_string()}>{ for items }</ul> }
}

fn tally(packets: u64, b: u64, lang: Lang) -> String {
    w::PACKETS_BYTES.fill(lang, &[("packets", &group(packets)), ("bytes", &bytes(b, lang))])
}

fn conversation_row(c: &ConversationOut, lang: Lang, filter: &Callback<String>, on_action: &Callback<Action>) -> Html {
    let query = format!("conv:{}", c.id);
    let show = {
        let query = query.clone();
        filter.reform(move |_: MouseEvent| query.clone())
    };
    // A line number: shows the conversation's records and explains that line.
    let line = |no: u32| {
        let (query, filter, on_action) = (query.clone(), filter.clone(), on_action.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            filter.emit(query.clone());
            on_action.emit(Action::Select(Selection {
                line: Some(no as usize),
                field: crate::fields::FieldName::Action,
            }));
        });
        html! { <button type="button" class="link" data-line-link={no.to_string()} {onclick}>{ no }</button> }
    };
    let more = c.records.saturating_sub(c.lines.len());
    let via = c.via.as_ref().map(|v| w::VIA.fill(lang, &[("eni", v)]));
    html! {
        <tr data-conversation={c.id.to_string()} data-verdict={c.verdict.key.clone()}>
            <td><code>{ end(&c.client) }</code>{ " → " }<code>{ end(&c.server) }</code>{ " " }{ protocol(c.proto) }</td>
            <td class="across__verdict">{ words::verdict(c, lang) }</td>
            <td>
                { for c.enis.iter().map(|e| html! { <code class="across__eni">{ e.clone() }</code> }) }
                if let Some(v) = via {
                    <span class="across__via">{ v }</span>
                }
            </td>
            <td>{ tally(c.request.packets, c.request.bytes, lang) }</td>
            <td>{ tally(c.reply.packets, c.reply.bytes, lang) }</td>
            <td>{ when(c.first) }{ " – " }{ when(c.last) }</td>
            <td class="across__lines">
                { for c.lines.iter().map(|&n| line(n)) }
                if more > 0 {
                    { format!(" +{more}") }
                }
                <button type="button" class="button button--small" data-filter={query.clone()} onclick={show}>
                    { w::SHOW_RECORDS.fill(lang, &[("n", &c.records)]) }
                </button>
            </td>
        </tr>
    }
}

/// The conversations: counts by verdict, then the ones the report carries.
pub fn conversations(report: &Report, lang: Lang, filter: &Callback<String>, on_action: &Callback<Action>) -> Html {
    let counts = report.verdicts.iter().map(|(k, n)| {
        html! { <li data-verdict-count={k.clone()}><code>{ k.clone() }</code>{ " " }{ group(*n as u64) }</li> }
    });
    let rows = report
        .shown
        .iter()
        .map(|c| conversation_row(c, lang, filter, on_action));
    html! {
        <div class="across__conversations">
            <p>{ w::CONVERSATIONS_COUNT.fill(lang, &[("n", &group(report.conversations as u64))]) }
                { " " }{ w::SHOWING_CONVERSATIONS.fill(lang, &[("shown", &report.shown.len())]) }</p>
            <ul class="across__counts">{ for counts }</ul>
            <div class="across__scroll">
                <table class="across__table">
                    <thead><tr>
                        <th scope="col">{ w::CLIENT_SERVER.get(lang) }</th>
                        <th scope="col">{ w::VERDICT.get(lang) }</th>
                        <th scope="col">{ w::INTERFACES.get(lang) }</th>
                        <th scope="col">{ w::REQUEST.get(lang) }</th>
                        <th scope="col">{ w::REPLY.get(lang) }</th>
                        <th scope="col">{ w::WHEN.get(lang) }</th>
                        <th scope="col">{ w::RECORDS_COL.get(lang) }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </div>
    }
}
