//! Small pieces of browser glue: storage, the URL fragment, the clipboard, the
//! service worker. Each fails quietly (returns `None`/`false`) where the browser
//! refuses, e.g. storage disabled or a page opened from `file://`.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::fields::Lang;

const LANG_KEY: &str = "vpc-flowlog-decoder.lang";

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The language saved by an earlier visit, else the browser's.
pub fn initial_lang() -> Lang {
    let saved = window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten());
    let tag = saved.or_else(|| window().and_then(|w| w.navigator().language()));
    tag.map_or(Lang::En, |t| Lang::from_tag(&t))
}

/// What was typed into the static shell before the app started (`index.html`).
#[must_use]
pub fn shell_text() -> String {
    window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("shell-input"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        .map(|t| t.value())
        .unwrap_or_default()
}

/// Removes the static shell once the app shows; keeps the focus in the text area.
pub fn remove_shell() {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    let focused = document.active_element().is_some_and(|e| e.id() == "shell-input");
    if let Some(shell) = document.get_element_by_id("shell") {
        shell.remove();
    }
    if focused {
        if let Some(input) = document
            .get_element_by_id("input")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = input.focus();
        }
    }
}

/// Remembers the language for the next visit.
pub fn save_lang(lang: Lang) {
    if let Some(storage) = window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(LANG_KEY, lang.tag());
    }
}

/// Sets `<html lang>` so screen readers and fonts follow the language switch.
pub fn set_document_lang(lang: Lang) {
    if let Some(root) = window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

const LEARNED_KEY: &str = "vpc-flowlog-decoder.learned";

/// The lessons answered in this browser before (one bit per lesson).
pub fn learned() -> u16 {
    window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(LEARNED_KEY).ok().flatten())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// Remembers the lessons answered (only in this browser).
pub fn save_learned(bits: u16) {
    if let Some(storage) = window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(LEARNED_KEY, &bits.to_string());
    }
}

/// Calls `f` with the new fragment whenever the URL fragment changes (a link to
/// `#learn/3` followed, the back button); stops when the returned guard is dropped.
pub fn on_hash_change(f: impl Fn(String) + 'static) -> Option<HashListener> {
    let w = window()?;
    let closure = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || f(hash()));
    w.add_event_listener_with_callback("hashchange", closure.as_ref().unchecked_ref())
        .ok()?;
    Some(HashListener { closure })
}

/// Keeps a `hashchange` listener alive; removes it when dropped.
pub struct HashListener {
    closure: wasm_bindgen::closure::Closure<dyn Fn()>,
}

impl Drop for HashListener {
    fn drop(&mut self) {
        if let Some(w) = window() {
            let _ = w.remove_event_listener_with_callback("hashchange", self.closure.as_ref().unchecked_ref());
        }
    }
}

/// Goes to `#fragment` as a link would (a history entry; `hashchange` follows).
pub fn go_to_fragment(fragment: &str) {
    if let Some(w) = window() {
        let _ = w.location().set_hash(fragment);
    }
}

/// The URL fragment, with its `#`.
pub fn hash() -> String {
    window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Replaces the fragment without reloading or adding a history entry; returns the full URL.
pub fn replace_hash(fragment: &str) -> Option<String> {
    let w = window()?;
    let history = w.history().ok()?;
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{fragment}")))
        .ok()?;
    w.location().href().ok()
}

/// Writes `text` to the clipboard; `false` if the browser refused.
pub async fn copy(text: String) -> bool {
    let Some(w) = window() else {
        return false;
    };
    let promise = w.navigator().clipboard().write_text(&text);
    JsFuture::from(promise).await.is_ok()
}

/// Registers `sw.js` (next to the page) so the app works offline after the first visit.
pub fn register_service_worker() {
    let Some(w) = window() else {
        return;
    };
    // Only over http(s): a page opened from file:// cannot have a service worker.
    let http = w.location().protocol().is_ok_and(|p| p.starts_with("http"));
    if http && js_sys::Reflect::has(&w.navigator(), &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        let promise = w.navigator().service_worker().register("./sw.js");
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
}

/// Offers `text` as a file download named `name` (a `blob:` URL, nothing is sent anywhere).
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    match web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) {
        Ok(blob) => download_blob(name, &blob),
        Err(_) => false,
    }
}

/// Offers `blob` as a file download named `name`.
pub fn download_blob(name: &str, blob: &web_sys::Blob) -> bool {
    let Some(document) = window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return false;
    };
    let done = document
        .create_element("a")
        .ok()
        .and_then(|a| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlAnchorElement>(a).ok())
        .map(|a| {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        })
        .is_some();
    let _ = web_sys::Url::revoke_object_url(&url);
    done
}

/// Puts `text` in the text area `el` unless it holds it already (compared in
/// JavaScript: reading a large value into WebAssembly would copy it).
pub fn fill_text_area(el: &web_sys::HtmlTextAreaElement, text: &str) {
    let current = js_sys::Reflect::get(el, &JsValue::from_str("value")).unwrap_or(JsValue::UNDEFINED);
    if current != JsValue::from_str(text) {
        el.set_value(text);
    }
}

/// Resolves after the browser has painted: the next animation frame, then a task.
pub async fn next_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(w) = web_sys::window() else {
            return;
        };
        let later = w.clone();
        let after_frame = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = later.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        });
        let _ = w.request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&after_frame));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
