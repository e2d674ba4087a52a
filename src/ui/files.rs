//! Reading files the user opened or dropped: bytes → `flowlog::input::open` → text.

use std::rc::Rc;

use js_sys::Uint8Array;
use wasm_bindgen_futures::JsFuture;
use yew::{AttrValue, Callback};

use crate::flowlog::input::{self, MAX_TEXT_BYTES};

use super::state::{Action, Files, Notice};

/// Reads every file of `list` (in order), joins their text, and reports through `on_action`:
/// a `Reading` notice first, then the files or the first problem. Files that fail are
/// named in a notice; the others still open.
pub fn read(list: web_sys::FileList, lang: crate::fields::Lang, on_action: Callback<Action>) {
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    if files.is_empty() {
        return;
    }
    on_action.emit(Action::Notify(Some(Notice::Reading(files.len()))));
    wasm_bindgen_futures::spawn_local(async move {
        let mut names: Vec<AttrValue> = Vec::new();
        let mut text = String::new();
        let mut notice = None;
        for file in files {
            let name: AttrValue = file.name().into();
            let bytes = match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => Uint8Array::new(&buffer).to_vec(),
                Err(_) => {
                    notice = Some(Notice::FileError(name, super::labels::FILE_UNREADABLE.get(lang).into()));
                    continue;
                }
            };
            match input::open(&bytes, MAX_TEXT_BYTES.saturating_sub(text.len())) {
                Ok(opened) => {
                    if let Some(at) = opened.invalid_utf8_at {
                        notice = Some(Notice::InvalidUtf8(name.clone(), at));
                    }
                    if !text.is_empty() && !text.ends_with('\n') {
                        text.push('\n');
                    }
                    text.push_str(&opened.text);
                    names.push(name);
                }
                Err(e) => notice = Some(Notice::FileError(name, e.message(lang).into())),
            }
        }
        if !names.is_empty() {
            on_action.emit(Action::SetFiles(Some(Files {
                names: Rc::from(names),
                text: Rc::from(text),
            })));
        }
        on_action.emit(Action::Notify(notice));
    });
}
