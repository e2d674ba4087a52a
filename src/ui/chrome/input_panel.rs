//! The paste box, the format box and the status line.

use yew::prelude::*;

use crate::fields::Lang;
use crate::flowlog::bulk::open::Problem;
use crate::flowlog::explain::describe::{binary_size, group};
use crate::flowlog::{Counts, Preset};

use crate::fields::labels as l;
use crate::ui::hooks::{FormatBox, Shared};
use crate::ui::large::files::{self, Workers};
use crate::ui::state::{Action, Files};
use crate::web::browser;

/// Props of [`InputPanel`].
#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// The paste box's text.
    pub input: AttrValue,
    /// Lines in the pasted text.
    pub lines: usize,
    /// The format box's text.
    pub format_text: AttrValue,
    /// The format box, read.
    pub format: Shared<FormatBox>,
    /// Line counts of the input (for the status line).
    pub counts: Counts,
    /// The first header line, if any.
    pub header_line: Option<usize>,
    /// Opened files, if any (they replace the paste box).
    pub files: Option<Files>,
    /// Page language.
    pub lang: Lang,
    /// State changes.
    pub on_action: Callback<Action>,
}

/// Pasted text larger than this is folded away (see [`InputPanel`]).
const FOLD_BYTES: usize = 1 << 20;

/// `value` with the UTF-16 range `start..end` (a text area's selection) replaced by `insert`.
fn splice_utf16(value: &str, start: u32, end: u32, insert: &str) -> String {
    let byte_at = |unit: u32| {
        let mut units = 0u32;
        for (i, c) in value.char_indices() {
            if units >= unit {
                return i;
            }
            units += u32::try_from(c.len_utf16()).unwrap_or(2);
        }
        value.len()
    };
    let (a, b) = (byte_at(start.min(end)), byte_at(end.max(start)));
    let mut out = String::with_capacity(value.len() + insert.len());
    out.push_str(value.get(..a).unwrap_or_default());
    out.push_str(insert);
    out.push_str(value.get(b..).unwrap_or_default());
    out
}

/// The 1-based line of `value` that the UTF-16 offset `unit` (a text area's cursor) is on.
fn line_at_utf16(value: &str, unit: u32) -> usize {
    let mut units = 0u32;
    let mut line = 1;
    for c in value.chars() {
        if units >= unit {
            break;
        }
        units += u32::try_from(c.len_utf16()).unwrap_or(2);
        if c == '\n' {
            line += 1;
        }
    }
    line
}

/// "95.4 MiB, 1,000,000 lines".
fn size_and_lines(text: &str, lines: usize, lang: Lang) -> String {
    let bytes = u64::try_from(text.len()).unwrap_or(u64::MAX);
    format!(
        "{}, {} {}",
        binary_size(bytes).unwrap_or_else(|| group(bytes)),
        group(lines as u64),
        l::LINES.get(lang)
    )
}

/// Where the user pastes lines and, if needed, types the format.
#[component]
pub fn InputPanel(props: &InputPanelProps) -> Html {
    let lang = props.lang;
    // The text area is filled from the state only when they differ (a sample, a share
    // link, Clear): after typing or pasting they do not, and setting a value makes the
    // browser lay out all of it again (many seconds for a 100 MB paste).
    let area = use_node_ref();
    // A large paste is not shown in the text area: putting megabytes of text in one
    // takes the browser seconds (half a minute for 100 MB). It is there on request.
    let show_text = use_state(|| false);
    let folded = props.input.len() > FOLD_BYTES && !*show_text;
    // Counts only of something: an empty box with no file open has none to give (while a
    // file is read, "0 records" would be wrong).
    let counted = props.files.is_some() || !props.input.trim().is_empty();
    {
        let area = area.clone();
        use_effect_with((props.input.clone(), folded), move |(input, folded)| {
            if let Some(el) = area.cast::<web_sys::HtmlTextAreaElement>() {
                if !*folded {
                    browser::fill_text_area(&el, input);
                }
            }
        });
    }
    // A large paste goes straight to the state, never through the text area.
    let on_paste = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let e: web_sys::ClipboardEvent = wasm_bindgen::JsCast::unchecked_into(e);
            let pasted = e
                .clipboard_data()
                .and_then(|d| d.get_data("text/plain").ok())
                .unwrap_or_default();
            if pasted.len() <= FOLD_BYTES {
                // The browser pastes as usual, and the input event follows.
                return;
            }
            e.prevent_default();
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            let value = area.value();
            let start = area.selection_start().ok().flatten().unwrap_or(0);
            let end = area.selection_end().ok().flatten().unwrap_or(start);
            on_action.emit(Action::SetInput(splice_utf16(&value, start, end, &pasted).into()));
        })
    };
    // Where the text cursor is: the labeled line follows it.
    let cursor = |area: &web_sys::HtmlTextAreaElement| {
        let at = area.selection_start().ok().flatten().unwrap_or(0);
        Action::Cursor(line_at_utf16(&area.value(), at))
    };
    let on_key_up = props
        .on_action
        .reform(move |e: KeyboardEvent| cursor(&e.target_unchecked_into()));
    let on_click = props
        .on_action
        .reform(move |e: MouseEvent| cursor(&e.target_unchecked_into()));
    let on_input = props.on_action.reform(|e: InputEvent| {
        let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
        Action::SetInput(area.value().into())
    });
    let on_format = props.on_action.reform(|e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::SetFormat(input.value().into())
    });
    let on_preset = props.on_action.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        let chosen = select.value();
        select.set_value("");
        let text = Preset::ALL
            .iter()
            .find(|p| p.format().to_header() == chosen)
            .map(|p| p.format().to_log_format())
            .unwrap_or_default();
        Action::SetFormat(text.into())
    });
    let on_example = props
        .on_action
        .reform(|_: MouseEvent| Action::SetInput(l::EXAMPLE_TEXT.into()));
    let on_clear = props
        .on_action
        .reform(|_: MouseEvent| Action::SetInput(AttrValue::default()));
    let on_close_files = props.on_action.reform(|_: MouseEvent| Action::SetFiles(None));
    let on_show_text = {
        let show_text = show_text.clone();
        Callback::from(move |_: MouseEvent| show_text.set(true))
    };
    let workers = use_context::<Workers>().unwrap_or_default();
    let on_files = {
        let (on_action, format, workers) = (props.on_action.clone(), props.format_text.clone(), workers.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                files::read(&list, format.clone(), on_action.clone(), &workers);
            }
            input.set_value("");
        })
    };

    let format_error = match &*props.format.0 {
        Some(Err(e)) => html! { <p class="input-panel__error" id="format-error" role="alert">{ e.message(lang) }</p> },
        Some(Ok(f)) if !f.unknown_names().is_empty() => html! {
            <p class="input-panel__hint" id="format-error" data-unknown-fields={f.unknown_names().join(" ")}>
                { l::UNKNOWN_FIELDS.get(lang) }{ ": " }<code>{ f.unknown_names().join(", ") }</code>
            </p>
        },
        _ => html! {},
    };
    // The file worker starts loading as the pointer or focus reaches an open button.
    let warm = {
        let workers = workers.clone();
        Callback::from(move |_: PointerEvent| workers.prepare())
    };
    let warm_focus = {
        let workers = workers.clone();
        Callback::from(move |_: FocusEvent| workers.prepare())
    };
    let presets = Preset::ALL.iter().map(|p| {
        html! { <option value={p.format().to_header()}>{ p.label(lang) }</option> }
    });

    html! {
        <section class="input-panel">
            <div class="input-panel__head">
                <label class="input-panel__label" for="input">{ l::INPUT_LABEL.get(lang) }</label>
                <label class="button button--small input-panel__open" onpointerenter={warm.clone()} onfocusin={warm_focus.clone()}>
                    { l::OPEN_FILES.get(lang) }
                    <input id="file" type="file" multiple=true onchange={on_files.clone()} />
                </label>
                <label class="button button--small input-panel__open" onpointerenter={warm} onfocusin={warm_focus}>
                    { l::OPEN_FOLDER.get(lang) }
                    <input id="folder" type="file" webkitdirectory=true multiple=true onchange={on_files} />
                </label>
                <span class="input-panel__hint">{ l::DROP_HINT.get(lang) }</span>
            </div>
            if let Some(f) = &props.files {
                <div class="input-panel__files" data-files="">
                    <span>{ for f.names.iter().take(3).map(|n| html! { <code>{ n.clone() }</code> }) }</span>
                    <span>{ group(props.counts.records as u64) }{ " " }{ l::RECORDS.get(lang) }</span>
                    <button type="button" class="button button--small" onclick={on_close_files}>{ l::CLOSE_FILES.get(lang) }</button>
                    { files_list(f, lang) }
                </div>
            }
            if folded && props.files.is_none() {
                <div class="input-panel__files" data-pasted="">
                    <span>{ l::PASTED_TEXT.get(lang) }{ ": " }{ size_and_lines(&props.input, props.lines, lang) }</span>
                    <button type="button" class="button button--small" onclick={on_show_text}>{ l::SHOW_TEXT.get(lang) }</button>
                </div>
            }
            <textarea id="input" class="input-panel__text" spellcheck="false" autocomplete="off"
                rows="6" placeholder={l::INPUT_PLACEHOLDER.get(lang)} hidden={props.files.is_some() || folded}
                ref={area} oninput={on_input} onpaste={on_paste} onkeyup={on_key_up} onclick={on_click} />
            <div class="input-panel__actions">
                <button type="button" class="button" onclick={on_example}>{ l::EXAMPLE.get(lang) }</button>
                <button type="button" class="button button--quiet" onclick={on_clear}>{ l::CLEAR.get(lang) }</button>
                { status(counted.then_some(props.counts), props.header_line, &props.format, lang) }
            </div>
            <div class="input-panel__format">
                <label class="input-panel__label" for="format">{ l::FORMAT_LABEL.get(lang) }</label>
                <div class="input-panel__format-row">
                    <input id="format" class="input-panel__format-input" type="text" spellcheck="false"
                        autocomplete="off" placeholder={l::FORMAT_PLACEHOLDER.get(lang)}
                        aria-describedby="format-hint format-error"
                        aria-invalid={matches!(&*props.format.0, Some(Err(_))).to_string()}
                        value={props.format_text.clone()} oninput={on_format} />
                    <select class="input-panel__presets" aria-label={l::PRESETS.get(lang)} onchange={on_preset}>
                        <option value="" selected=true>{ l::PRESETS.get(lang) }</option>
                        { for presets }
                    </select>
                </div>
                <p class="input-panel__hint" id="format-hint">{ l::FORMAT_HINT.get(lang) }</p>
                { format_error }
            </div>
        </section>
    }
}

/// Every file chosen or found in a folder: its lines, or why it was not read.
fn files_list(files: &Files, lang: Lang) -> Html {
    let listed = &files.meta.files;
    if listed.len() + files.skipped.len() < 2 {
        return html! {};
    }
    let rows = listed.iter().map(|f| {
        let counts = format!(
            "{} {}, {} {}",
            group(f.counts.records as u64),
            l::RECORDS.get(lang),
            group(f.counts.with_errors as u64),
            l::ERRORS.get(lang)
        );
        let problem = f.problem.clone().map(|p| match p {
            Problem::Open(e) => e.message(lang),
            Problem::InvalidUtf8(at) => format!("{} {at}", l::INVALID_UTF8.get(lang)),
        });
        let bad = problem.is_some();
        html! {
            <li data-file={f.name.clone()} class={classes!(bad.then_some("is-error"))}>
                <code>{ f.name.clone() }</code>{ " — " }{ counts }
                if let Some(p) = problem {
                    { " — " }<strong>{ p }</strong>
                }
            </li>
        }
    });
    let skipped = files.skipped.iter().map(|name| {
        html! {
            <li data-file={name.clone()} data-skipped="" class="is-muted">
                <code>{ name.clone() }</code>{ " — " }{ l::SKIPPED_FILE.get(lang) }
            </li>
        }
    });
    html! {
        <details class="input-panel__file-list" open=true>
            <summary>{ format!("{} ({})", l::FILES_LIST.get(lang), listed.len() + files.skipped.len()) }</summary>
            <ul>{ for rows }{ for skipped }</ul>
        </details>
    }
}

/// The status line: the counts of what is decoded (`None`: nothing is, the box is empty
/// and no file is open — as while a file is being read), and the format in force.
fn status(counts: Option<Counts>, header: Option<usize>, format: &FormatBox, lang: Lang) -> Html {
    let source = match (format, header) {
        (Some(Ok(f)), _) => format!("{} ({})", l::FORMAT_TYPED.get(lang), f.len()),
        (_, Some(no)) => l::FROM_HEADER_LINE.fill(lang, &[("line", &no)]),
        _ => l::FORMAT_AUTO_DEFAULT.get(lang).to_owned(),
    };
    let counted = counts.map(|counts| {
        let records_word = if counts.records == 1 { l::RECORD } else { l::RECORDS }.get(lang);
        let headers_word = if counts.headers == 1 { l::HEADER } else { l::HEADERS }.get(lang);
        html! {
            <>
                <span class="status__item" data-count="records">{ group(counts.records as u64) }{ " " }{ records_word }</span>
                <span class={classes!("status__item", (counts.with_errors > 0).then_some("status__item--bad"))} data-count="errors">
                    { group(counts.with_errors as u64) }{ " " }{ l::ERRORS.get(lang) }
                </span>
                if counts.headers > 0 {
                    <span class="status__item" data-count="headers">{ counts.headers }{ " " }{ headers_word }</span>
                }
            </>
        }
    });
    html! {
        <p class="status" role="status" aria-live="polite">
            { counted.unwrap_or_default() }
            <span class="status__item">{ l::FORMAT_IN_USE.get(lang) }{ ": " }{ source }</span>
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_cursor_line() {
        assert_eq!(line_at_utf16("", 0), 1);
        assert_eq!(line_at_utf16("a\nb\nc", 0), 1);
        assert_eq!(line_at_utf16("a\nb\nc", 2), 2);
        assert_eq!(line_at_utf16("a\nb\nc", 4), 3);
        assert_eq!(line_at_utf16("😀\nx", 3), 2);
        assert_eq!(line_at_utf16("a\n", 99), 2);
    }

    #[test]
    fn ok_splice_at_the_selection() {
        assert_eq!(splice_utf16("", 0, 0, "x"), "x");
        assert_eq!(splice_utf16("abc", 1, 2, "XY"), "aXYc");
        assert_eq!(splice_utf16("abc", 3, 3, "!"), "abc!");
        // UTF-16 offsets: "あ" is one unit, "😀" two.
        assert_eq!(splice_utf16("あ😀b", 3, 3, "-"), "あ😀-b");
        assert_eq!(splice_utf16("あ😀b", 1, 3, ""), "あb");
        assert_eq!(splice_utf16("ab", 9, 1, "_"), "a_");
    }
}
