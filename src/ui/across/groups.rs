//! Who talks to whom: the records grouped by one or two fields (sortable, exportable),
//! and the flow map drawn as inline SVG — attributes only, as the CSP requires.

use yew::prelude::*;

use crate::fields::across as w;
use crate::fields::{FieldName, Lang};
use crate::flowlog::bulk::across::groups::{self, Group, GROUP_FIELDS};
use crate::flowlog::bulk::across::Report;
use crate::flowlog::bulk::store::Request;
use crate::flowlog::explain::across::bytes;
use crate::flowlog::explain::describe::group;
use crate::ui::across::GroupsOut;
use crate::ui::hooks::Shared;
use crate::ui::large::source::Source;

/// Props of [`GroupsView`].
#[derive(Properties, PartialEq)]
pub struct GroupsViewProps {
    pub source: Source,
    pub report: Shared<Report>,
    pub groups: Option<Shared<GroupsOut>>,
    /// The selection shown (a new one: the groups are asked for again).
    pub selection: Option<u32>,
    pub lang: Lang,
    pub on_filter: Callback<String>,
}

/// Sort column of the groups table.
#[derive(Clone, Copy, PartialEq, Eq)]
enum By {
    Key,
    Records,
    Packets,
    Bytes,
}

#[component]
pub fn GroupsView(props: &GroupsViewProps) -> Html {
    let lang = props.lang;
    let fields = use_state(|| vec![FieldName::Srcaddr, FieldName::Dstport]);
    let sort = use_state(|| (By::Bytes, true));
    {
        let source = props.source.clone();
        use_effect_with(
            ((*fields).clone(), props.report.clone(), props.selection),
            move |(fields, _, _)| {
                source.ask(Request::Groups { fields: fields.clone() });
            },
        );
    }
    let select = |slot: usize| {
        let fields = fields.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let chosen = FieldName::parse_loose(&el.value());
            let mut next = (*fields).clone();
            match (slot, chosen) {
                (0, Some(f)) => {
                    if let Some(first) = next.first_mut() {
                        *first = f;
                    }
                }
                (1, Some(f)) => {
                    next.truncate(1);
                    next.push(f);
                }
                (1, None) => next.truncate(1),
                _ => {}
            }
            fields.set(next);
        })
    };
    let options = |current: Option<FieldName>, none: bool| {
        let opts = GROUP_FIELDS.iter().map(|f| {
            html! { <option value={f.as_str()} selected={current == Some(*f)}>{ f.as_str() }</option> }
        });
        html! {
            <>
                if none {
                    <option value="" selected={current.is_none()}>{ w::NOTHING.get(lang) }</option>
                }
                { for opts }
            </>
        }
    };
    let table = props
        .groups
        .as_ref()
        .map(|g| groups_table(g, *sort, &sort, lang, &props.on_filter));
    // Every group (the table shows the largest): made by the worker, which has them all.
    let export = props.groups.as_ref().map(|g| {
        let (source, fields) = (props.source.clone(), g.fields.clone());
        Callback::from(move |_: MouseEvent| source.ask(Request::ExportGroups { fields: fields.clone() }))
    });
    html! {
        <div class="across__groups">
            <div class="across__controls">
                <label>{ w::GROUP_BY.get(lang) }{ " " }
                    <select data-group-field="0" onchange={select(0)}>{ options(fields.first().copied(), false) }</select>
                </label>
                <label>{ w::THEN_BY.get(lang) }{ " " }
                    <select data-group-field="1" onchange={select(1)}>{ options(fields.get(1).copied(), true) }</select>
                </label>
                if let Some(onclick) = export {
                    <button type="button" class="button button--small" data-export="groups" {onclick}>{ w::EXPORT_GROUPS.get(lang) }</button>
                }
            </div>
            <p class="across__note">{ w::GROUPS_NOTE.get(lang) }</p>
            { table.unwrap_or_default() }
            { flow_map(&props.report, lang, &props.on_filter) }
        </div>
    }
}

fn groups_table(
    out: &GroupsOut,
    (by, descending): (By, bool),
    sort: &UseStateHandle<(By, bool)>,
    lang: Lang,
    on_filter: &Callback<String>,
) -> Html {
    let (fields, list, total) = (&out.fields, &out.groups, out.total);
    let mut rows: Vec<&Group> = list.iter().collect();
    rows.sort_by(|a, b| {
        let o = match by {
            By::Key => a.key.cmp(&b.key),
            By::Records => a.records.cmp(&b.records),
            By::Packets => a.packets.cmp(&b.packets),
            By::Bytes => a.bytes.cmp(&b.bytes),
        };
        if descending {
            o.reverse()
        } else {
            o
        }
    });
    let head = |label: String, b: By| {
        let sort = sort.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let (cur, desc) = *sort;
            sort.set((b, if cur == b { !desc } else { true }));
        });
        let aria = match (by == b, descending) {
            (true, true) => "descending",
            (true, false) => "ascending",
            _ => "none",
        };
        html! { <th scope="col" aria-sort={aria}><button type="button" class="link" {onclick}>{ label }</button></th> }
    };
    let key_head = fields.iter().map(|f| f.as_str()).collect::<Vec<_>>().join(" · ");
    let shown_note = match total {
        1 => w::GROUPS_ONE,
        _ if list.len() < total => w::GROUPS_SHOWN,
        _ => w::GROUPS_ALL,
    }
    .fill(
        lang,
        &[("shown", &group(list.len() as u64)), ("total", &group(total as u64))],
    );
    let body = rows.iter().map(|g| {
        // Its records: the filter it was grouped under, and its own values.
        let query = g.filter(fields, &out.within);
        let show = w::SHOW_RECORDS.fill(lang, &[("n", &group(g.records))]);
        let onclick = {
            let query = query.clone();
            on_filter.reform(move |_: MouseEvent| query.clone())
        };
        html! {
            <tr data-group={g.key.join(" ")}>
                { for g.key.iter().map(|k| html! { <td><code>{ k.clone() }</code></td> }) }
                <td class="num">
                    <button type="button" class="link" data-filter={query} aria-label={show.clone()} title={show} {onclick}>
                        { group(g.records) }
                    </button>
                </td>
                <td class="num">{ group(g.packets) }</td>
                <td class="num">{ bytes(g.bytes, lang) }</td>
            </tr>
        }
    });
    html! {
        <div class="across__scroll">
            <p class="across__note">{ shown_note }</p>
            <table class="across__table" data-groups={total.to_string()}>
                <thead><tr>
                    <th scope="col" colspan={fields.len().to_string()} aria-sort={if by == By::Key { "ascending" } else { "none" }}>
                        <button type="button" class="link" onclick={{
                            let sort = sort.clone();
                            Callback::from(move |_: MouseEvent| sort.set((By::Key, false)))
                        }}>{ key_head }</button>
                    </th>
                    { head(crate::fields::labels::RECORDS.get(lang).to_owned(), By::Records) }
                    { head(crate::fields::vocab::words::PACKETS.get(lang).to_owned(), By::Packets) }
                    { head(crate::fields::vocab::words::BYTES.get(lang).to_owned(), By::Bytes) }
                </tr></thead>
                <tbody>{ for body }</tbody>
            </table>
        </div>
    }
}

/// The flow map: nodes as rectangles, bands as stroked paths; a band's click (or Enter)
/// shows its records.
fn flow_map(report: &Report, lang: Lang, on_filter: &Callback<String>) -> Html {
    let map = &report.flow_map;
    if map.nodes.is_empty() {
        return html! {};
    }
    let label = |i: usize| {
        map.nodes
            .get(i)
            .map(|n| {
                if n.label.is_empty() {
                    w::OTHER.get(lang).to_owned()
                } else {
                    n.label.clone()
                }
            })
            .unwrap_or_default()
    };
    let bands = map.bands.iter().enumerate().map(|(i, b)| {
        let title = w::BAND.fill(
            lang,
            &[
                ("from", &label(b.from)),
                ("to", &label(b.to)),
                ("bytes", &bytes(b.bytes, lang)),
            ],
        );
        let query = format!("band:{i}");
        let onclick = {
            let query = query.clone();
            on_filter.reform(move |_: MouseEvent| query.clone())
        };
        let onkeydown = {
            let (query, on_filter) = (query.clone(), on_filter.clone());
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    on_filter.emit(query.clone());
                }
            })
        };
        let colour = map.nodes.get(b.from).map_or(0, |n| n.column);
        html! {
            <path d={b.path.clone()} stroke-width={b.width.to_string()} fill="none"
                class={classes!("flowmap__band", format!("flowmap__band--{colour}"))}
                data-band={i.to_string()} data-filter={query} tabindex="0" role="button" aria-label={title.clone()}
                {onclick} {onkeydown}>
                <title>{ title }</title>
            </path>
        }
    });
    let nodes = map.nodes.iter().enumerate().map(|(i, n)| {
        let text = label(i);
        // Labels sit beside their node: right of the left and middle columns, left of the right one.
        let (tx, anchor) = if n.column == 2 { (n.x.saturating_sub(4), "end") } else { (n.x + 18, "start") };
        html! {
            <g data-node={n.column.to_string()}>
                <title>{ text.clone() }</title>
                <rect x={n.x.to_string()} y={n.y.to_string()} width="14" height={n.h.to_string()} class="flowmap__node" />
                if n.labelled {
                    <text x={tx.to_string()} y={(n.y + n.h / 2 + 4).to_string()} text-anchor={anchor} class="flowmap__label">{ text }</text>
                }
            </g>
        }
    });
    html! {
        <figure class="flowmap">
            <figcaption><strong>{ w::FLOW_MAP.get(lang) }</strong>{ " " }{ w::FLOW_MAP_NOTE.fill(lang, &[("top", &groups::TOP)]) }</figcaption>
            <svg data-flowmap="" viewBox={format!("0 0 {} {}", map.width, map.height)} width="100%" role="group"
                aria-label={w::FLOW_MAP.get(lang)}>
                { for bands }
                { for nodes }
            </svg>
        </figure>
    }
}
