//! What the traffic costs, in bytes: between AZs, through NAT gateways, by traffic path.

use yew::prelude::*;

use crate::fields::across as w;
use crate::fields::{FieldName, Lang};
use crate::flowlog::bulk::across::Report;
use crate::flowlog::explain::across::bytes;
use crate::flowlog::explain::describe::group;

/// The cost views, each only when the format has what it needs.
pub fn costs(report: &Report, lang: Lang) -> Html {
    let c = &report.costs;
    let az = match &c.az_pairs {
        None => html! { <p class="across__note" data-cost="az" data-needs="az-id">{ w::AZ_NEEDS.get(lang) }</p> },
        Some(pairs) => {
            let rows = pairs.iter().map(|p| {
                let cross = p.from != p.to;
                html! {
                    <tr data-az-pair={format!("{} {}", p.from, p.to)} class={classes!(cross.then_some("is-cross"))}>
                        <td><code>{ p.from.clone() }</code>{ " → " }<code>{ p.to.clone() }</code></td>
                        <td>{ if cross { w::CROSS_AZ.get(lang) } else { w::SAME_AZ.get(lang) } }</td>
                        <td class="num">{ bytes(p.bytes, lang) }</td>
                        <td class="num">{ group(p.records) }</td>
                    </tr>
                }
            });
            html! {
                <table class="across__table" data-cost="az"><tbody>{ for rows }</tbody></table>
            }
        }
    };
    let nat = if c.nat.is_empty() {
        html! { <p class="across__note" data-cost="nat">{ w::NAT_NONE.get(lang) }</p> }
    } else {
        let rows = c.nat.iter().map(|n| {
            let service = if n.service.is_empty() {
                w::NOT_AWS.get(lang).to_owned()
            } else {
                n.service.clone()
            };
            let hint = matches!(n.service.as_str(), "S3" | "DYNAMODB" | "DynamoDB")
                .then(|| w::NAT_ENDPOINT_HINT.fill(lang, &[("service", &n.service)]));
            html! {
                <tr data-nat-service={n.service.clone()}>
                    <td><code>{ n.eni.clone() }</code></td>
                    <td>{ service }
                        if let Some(h) = hint {
                            <p class="across__hint" data-hint="gateway-endpoint">{ h }</p>
                        }
                    </td>
                    <td class="num">{ bytes(n.bytes, lang) }</td>
                    <td class="num">{ group(n.conversations) }{ " " }{ w::CONVERSATIONS.get(lang) }</td>
                </tr>
            }
        });
        html! { <table class="across__table" data-cost="nat"><tbody>{ for rows }</tbody></table> }
    };
    let paths = match &c.paths {
        None => {
            html! { <p class="across__note" data-cost="path" data-needs="traffic-path">{ w::PATH_NEEDS.get(lang) }</p> }
        }
        Some(list) => {
            let spec = FieldName::TrafficPath.spec();
            let rows = list.iter().map(|p| {
                let meaning = spec
                    .code(&p.path.to_string())
                    .map(|c| c.meaning.get(lang))
                    .unwrap_or_default();
                html! {
                    <tr data-path={p.path.to_string()}>
                        <td><code>{ p.path }</code>{ " " }{ meaning }</td>
                        <td class="num">{ bytes(p.bytes, lang) }</td>
                        <td class="num">{ group(p.records) }</td>
                        <td class="num">{ w::REJECTED_PART.get(lang) }{ " " }{ bytes(p.reject_bytes, lang) }</td>
                    </tr>
                }
            });
            html! { <table class="across__table" data-cost="path"><tbody>{ for rows }</tbody></table> }
        }
    };
    html! {
        <div class="across__cost">
            <p class="across__note" data-no-prices="">{ w::NO_PRICES.get(lang) }</p>
            <h3>{ w::AZ_TITLE.get(lang) }</h3>
            <p class="across__note">{ w::AZ_NOTE.get(lang) }</p>
            { az }
            <h3>{ w::NAT_TITLE.get(lang) }</h3>
            <p class="across__note">{ w::NAT_NOTE.get(lang) }</p>
            { nat }
            <h3>{ w::PATH_TITLE.get(lang) }</h3>
            { paths }
        </div>
    }
}
