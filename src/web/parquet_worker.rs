//! The Parquet worker: reads one Parquet file as flow log text
//! (`flowlog::bulk::parquet::to_text`) for the file worker, which starts it only when a
//! Parquet file arrives, so neither the page nor the file worker carries a Parquet
//! reader. Browser glue only.
//!
//! Protocol (envelopes of `crate::web::envelope`): this worker says `Ready`; the file
//! worker then posts `{ file: File, limit }`; this worker answers a [`ParquetReply`],
//! with the text beside it as `text` (a `Uint8Array` whose buffer is transferred, not
//! copied).

use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::flowlog::bulk::parquet::{self, ParquetError, ParquetReply};
use crate::flowlog::bulk::store::PROTOCOL;
use crate::web::envelope::{self, get};

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
            let transfer = Array::new();
            let (reply, text) = match read {
                Ok(mut read) => {
                    let text = Uint8Array::from(std::mem::take(&mut read.text).as_bytes());
                    transfer.push(&text.buffer());
                    (ParquetReply::Read(read), Some(text))
                }
                Err(e) => (ParquetReply::Failed(e), None),
            };
            let msg = envelope::wrap(&reply);
            if let Some(text) = text {
                envelope::set(&msg, "text", &text);
            }
            let _ = scope.post_message_with_transfer(&msg, &transfer);
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&envelope::wrap(&ParquetReply::Ready { protocol: PROTOCOL }));
}
