//! The Parquet worker: reads one Parquet file as flow log text
//! (`flowlog::bulk::parquet::to_text`) for the file worker, which starts it only when a
//! Parquet file arrives, so neither the page nor the file worker carries a Parquet
//! reader. Browser glue only.
//!
//! Protocol: this worker says `Ready`; the file worker then posts `{ file: File,
//! limit }`; this worker answers
//! `{ json }` with a [`ParquetReply`], and the text as `text` (a `Uint8Array` whose
//! buffer is transferred, not copied).

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::flowlog::bulk::parquet::{self, ParquetError, ParquetText};
use crate::flowlog::bulk::store::PROTOCOL;

/// What the Parquet worker answers: the file's facts without its text (which travels
/// beside the JSON), or why it could not be read.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ParquetReply {
    /// The worker listens (messages sent before this would be lost), speaking
    /// [`PROTOCOL`]: a file worker of another deployment must not use it.
    Ready {
        /// The Parquet worker's [`PROTOCOL`].
        protocol: u64,
    },
    /// Read: rows, row groups, columns left out (`text` is empty here).
    Read(ParquetText),
    /// Not read.
    Failed(ParquetError),
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Starts listening. Called by the Parquet worker binary's `main`.
pub fn run() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let inner = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let scope = inner.clone();
        let data = e.data();
        wasm_bindgen_futures::spawn_local(async move {
            let file: web_sys::File = get(&data, "file").unchecked_into();
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a byte limit")]
            let limit = get(&data, "limit").as_f64().unwrap_or(0.0) as usize;
            let read = match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => parquet::to_text(Uint8Array::new(&buffer).to_vec(), limit),
                Err(_) => Err(ParquetError::Unreadable {
                    why: "the browser could not read the file".into(),
                }),
            };
            let msg = Object::new();
            let transfer = Array::new();
            let reply = match read {
                Ok(mut read) => {
                    let text = Uint8Array::from(std::mem::take(&mut read.text).as_bytes());
                    let _ = Reflect::set(&msg, &"text".into(), &text);
                    transfer.push(&text.buffer());
                    ParquetReply::Read(read)
                }
                Err(e) => ParquetReply::Failed(e),
            };
            let json = serde_json::to_string(&reply).unwrap_or_default();
            let _ = Reflect::set(&msg, &"json".into(), &json.into());
            let _ = scope.post_message_with_transfer(&msg, &transfer);
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let msg = Object::new();
    let ready = serde_json::to_string(&ParquetReply::Ready { protocol: PROTOCOL }).unwrap_or_default();
    let _ = Reflect::set(&msg, &"json".into(), &ready.into());
    let _ = scope.post_message(&msg);
}
