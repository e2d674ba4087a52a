//! The web worker that opens and indexes files off the main thread, so the page
//! stays responsive while a million lines are read. Browser glue only: the work
//! itself is `flowlog::input::join` and `flowlog::table::Table`.
//!
//! Protocol (all plain JS objects):
//! - worker → main: `{ type: "ready" }` once it listens;
//! - main → worker: `{ files: [{ name, bytes: ArrayBuffer }], format: string }`
//! - worker → main: `{ type: "progress", phase: "open" | "index", fraction }`, then
//!   `{ type: "done", names, text: ArrayBuffer, rows: Uint32Array, bounds: Uint32Array,
//!   formats: [string], problems: [{ name, kind, limit?, why?, at? }] }`.

use js_sys::{Array, Object, Reflect, Uint32Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::flowlog::input::{self, OpenError, Problem, MAX_TEXT_BYTES};
use crate::flowlog::table;
use crate::flowlog::{Format, Options};

fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn progress(scope: &DedicatedWorkerGlobalScope, phase: &str, fraction: f64) {
    let msg = Object::new();
    set(&msg, "type", &"progress".into());
    set(&msg, "phase", &phase.into());
    set(&msg, "fraction", &fraction.into());
    let _ = scope.post_message(&msg);
}

/// Starts listening for requests. Called by the worker binary's `main`.
pub fn run() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let inner = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| handle(&inner, &e.data()));
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page keeps it: the handler must too.
    on_message.forget();
    // Messages sent before this point would be lost: the page waits for this one.
    let ready = Object::new();
    set(&ready, "type", &"ready".into());
    let _ = scope.post_message(&ready);
}

fn handle(scope: &DedicatedWorkerGlobalScope, request: &JsValue) {
    let files = Array::from(&get(request, "files"));
    let format = get(request, "format").as_string().unwrap_or_default();
    let count = files.length().max(1);
    let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let name = get(&file, "name").as_string().unwrap_or_default();
        let bytes = Uint8Array::new(&get(&file, "bytes")).to_vec();
        inputs.push((name, bytes));
        progress(
            scope,
            "open",
            f64::from(u32::try_from(i).unwrap_or(0)) / f64::from(count),
        );
    }
    let joined = input::join(inputs.iter().map(|(n, b)| (n.clone(), b.as_slice())), MAX_TEXT_BYTES);
    drop(inputs);
    let options = Options {
        format: (!format.trim().is_empty())
            .then(|| Format::parse(&format).ok())
            .flatten(),
    };
    // Index the text in place (no shared copy): the page gets the text and the index.
    let (rows, bounds, formats) =
        table::index(&joined.text, &options, &mut |f| progress(scope, "index", f)).into_parts();

    let text = Uint8Array::from(joined.text.as_bytes());
    let rows = Uint32Array::from(rows.as_slice());
    let bounds = Uint32Array::from(bounds.as_slice());
    let msg = Object::new();
    set(&msg, "type", &"done".into());
    set(
        &msg,
        "names",
        &joined.names.iter().map(|n| JsValue::from_str(n)).collect::<Array>(),
    );
    set(&msg, "text", &text.buffer());
    set(&msg, "rows", &rows);
    set(&msg, "bounds", &bounds);
    set(
        &msg,
        "formats",
        &formats.iter().map(|f| JsValue::from_str(f)).collect::<Array>(),
    );
    let problems: Array = joined
        .problems
        .iter()
        .map(|(name, p)| {
            let o = Object::new();
            set(&o, "name", &name.into());
            match p {
                Problem::Open(OpenError::TooLarge { limit }) => {
                    set(&o, "kind", &"too-large".into());
                    set(&o, "limit", &JsValue::from_f64(*limit as f64));
                }
                Problem::Open(OpenError::BadGzip(why)) => {
                    set(&o, "kind", &"bad-gzip".into());
                    set(&o, "why", &why.into());
                }
                Problem::InvalidUtf8(at) => {
                    set(&o, "kind", &"utf8".into());
                    set(&o, "at", &JsValue::from_f64(*at as f64));
                }
            }
            JsValue::from(o)
        })
        .collect();
    set(&msg, "problems", &problems);
    let transfer = Array::of3(&text.buffer(), &rows.buffer(), &bounds.buffer());
    let _ = scope.post_message_with_transfer(&msg, &transfer);
}
