//! The rules this traffic needs, for one interface: security group inbound rules and
//! network ACL entries, as AWS CLI, Terraform and CloudFormation, with the rejected
//! attempts and the caveats beside them.

use yew::prelude::*;

use crate::fields::across as w;
use crate::fields::labels as l;
use crate::fields::Lang;
use crate::flowlog::bulk::across::rules::ANYWHERE_AFTER;
use crate::flowlog::bulk::across::Report;
use crate::flowlog::bulk::store::Request;
use crate::flowlog::explain::across::{protocol, when};
use crate::ui::across::RulesOut;
use crate::ui::hooks::Shared;
use crate::ui::large::source::Source;
use crate::web::browser;

/// Props of [`RulesView`].
#[derive(Properties, PartialEq)]
pub struct RulesViewProps {
    pub source: Source,
    pub report: Shared<Report>,
    pub rules: Option<Shared<RulesOut>>,
    pub lang: Lang,
}

fn ports(p: Option<(u16, u16)>, lang: Lang) -> String {
    match p {
        None => w::ALL_PORTS.get(lang).to_owned(),
        Some((a, b)) if a == b => a.to_string(),
        Some((a, b)) => format!("{a}–{b}"),
    }
}

#[component]
pub fn RulesView(props: &RulesViewProps) -> Html {
    let lang = props.lang;
    // First the interface whose replies are blocked (the rule to fix), else the busiest.
    let chosen = use_state(|| {
        let blocked = props.report.findings.iter().find_map(|f| match &f.finding {
            crate::flowlog::bulk::across::findings::Finding::NaclReply { eni, .. } => Some(eni.clone()),
            _ => None,
        });
        blocked.or_else(|| props.report.servers.first().map(|(e, _)| e.clone()))
    });
    {
        let source = props.source.clone();
        use_effect_with(((*chosen).clone(), props.report.clone()), move |(eni, _)| {
            if let Some(eni) = eni {
                source.ask(Request::Rules { eni: eni.clone() });
            }
        });
    }
    let onchange = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            chosen.set(Some(el.value()).filter(|v| !v.is_empty()));
        })
    };
    let options = props.report.servers.iter().map(|(eni, n)| {
        html! { <option value={eni.clone()} selected={chosen.as_deref() == Some(eni.as_str())}>{ format!("{eni} ({n})") }</option> }
    });
    let shown = props
        .rules
        .as_ref()
        .filter(|r| chosen.as_deref() == Some(r.rules.eni.as_str()));
    let body = shown.map(|r| {
        let rules = &r.rules;
        let addr = rules.addr.map(|a| a.to_string()).unwrap_or_default();
        let inbound = rules.inbound.iter().map(|x| {
            html! {
                <tr data-rule={protocol(x.proto)}>
                    <td>{ protocol(x.proto) }</td>
                    <td>{ ports(x.ports, lang) }</td>
                    <td>{ for x.peers.iter().map(|p| html! { <code class="across__peer">{ p.clone() }</code> }) }</td>
                </tr>
            }
        });
        let nacl = rules.nacl.iter().map(|e| {
            html! {
                <tr data-nacl={if e.egress { "outbound" } else { "inbound" }}>
                    <td>{ if e.egress { w::NACL_OUT.get(lang) } else { w::NACL_IN.get(lang) } }</td>
                    <td>{ protocol(e.proto) }</td>
                    <td>{ ports(e.ports, lang) }</td>
                    <td><code>{ e.cidr.clone() }</code></td>
                </tr>
            }
        });
        let rejected = if rules.rejected.is_empty() {
            html! { <p>{ w::NO_REJECTED.get(lang) }</p> }
        } else {
            html! {
                <ul data-rejected={rules.rejected.len().to_string()}>
                    { for rules.rejected.iter().map(|a| html! {
                        <li><code>{ a.client.to_string() }</code>{ " → " }{ protocol(a.proto) }{ "/" }{ a.port }{ " ×" }{ a.count }</li>
                    }) }
                </ul>
            }
        };
        let snippet = |key: &'static str, text: &str| {
            let copy_text = text.to_owned();
            let onclick = Callback::from(move |_: MouseEvent| {
                let t = copy_text.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = browser::copy(t).await;
                });
            });
            html! {
                <div class="across__snippet">
                    <h4>{ key }{ " " }<button type="button" class="button button--small" data-copy={key} {onclick}>{ l::COPY.get(lang) }</button></h4>
                    <pre data-rules={key} tabindex="0" aria-label={key}><code>{ text.to_owned() }</code></pre>
                </div>
            }
        };
        html! {
            <>
                <p>{ w::RULES_NOTE.fill(lang, &[("eni", &rules.eni), ("addr", &addr), ("first", &when(rules.window.0)), ("last", &when(rules.window.1))]) }</p>
                <p class="explain__caution" data-caveats="">{ w::RULES_CAVEAT.fill(lang, &[("n", &ANYWHERE_AFTER)]) }</p>
                <table class="across__table" data-inbound=""><thead><tr>
                    <th scope="col">{ w::RULE_PROTOCOL.get(lang) }</th>
                    <th scope="col">{ w::RULE_PORTS.get(lang) }</th>
                    <th scope="col">{ w::RULE_PEERS.get(lang) }</th>
                </tr></thead><tbody>{ for inbound }</tbody></table>
                <table class="across__table" data-nacl-entries=""><thead><tr>
                    <th scope="col">{ w::NACL_DIRECTION.get(lang) }</th>
                    <th scope="col">{ w::RULE_PROTOCOL.get(lang) }</th>
                    <th scope="col">{ w::RULE_PORTS.get(lang) }</th>
                    <th scope="col">{ w::NACL_PEER.get(lang) }</th>
                </tr></thead><tbody>{ for nacl }</tbody></table>
                <h4>{ w::REJECTED_ATTEMPTS.get(lang) }</h4>
                { rejected }
                { snippet("cli", &r.cli) }
                { snippet("terraform", &r.terraform) }
                { snippet("cloudformation", &r.cloudformation) }
            </>
        }
    });
    html! {
        <div class="across__rules">
            <label>{ w::RULES_FOR.get(lang) }{ " " }
                <select data-rules-eni="" {onchange}>
                    <option value="" selected={chosen.is_none()}>{ w::CHOOSE_INTERFACE.get(lang) }</option>
                    { for options }
                </select>
            </label>
            { body.unwrap_or_default() }
        </div>
    }
}
