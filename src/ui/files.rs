//! Reading files the user opened or dropped. The bytes go to the web worker
//! (`src/worker.rs`), which opens and indexes them off the main thread and reports
//! progress; the page can cancel it. Where no worker can be started, the same work
//! runs here.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Object, Reflect, Uint32Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::{AttrValue, Callback};

use crate::flowlog::input::{self, OpenError, Problem, MAX_TEXT_BYTES};
use crate::flowlog::table::Table;
use crate::flowlog::{Format, Options};

use super::state::{Action, Files, Notice, Phase};

/// The worker's loader script, named by trunk after the worker binary.
const WORKER_URL: &str = "./flowlog-worker_loader.js";

thread_local! {
    /// The worker currently reading files, kept so that it can be cancelled.
    static CURRENT: RefCell<Option<web_sys::Worker>> = const { RefCell::new(None) };
}

/// Stops reading files, if that is going on.
pub fn cancel() {
    CURRENT.with(|c| {
        if let Some(w) = c.borrow_mut().take() {
            w.terminate();
        }
    });
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Reads every file of `list` and reports through `on_action`: progress notices,
/// then the files (and a notice for any that failed).
pub fn read(list: &web_sys::FileList, format: AttrValue, on_action: Callback<Action>) {
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    if files.is_empty() {
        return;
    }
    cancel();
    on_action.emit(Action::Notify(Some(Notice::Progress(Phase::Read, 0))));
    wasm_bindgen_futures::spawn_local(async move {
        let mut loaded: Vec<(String, js_sys::ArrayBuffer)> = Vec::new();
        for file in files {
            if let Ok(buffer) = JsFuture::from(file.array_buffer()).await {
                loaded.push((file.name(), buffer.unchecked_into()));
            } else {
                on_action.emit(Action::Notify(Some(Notice::FileError(file.name().into(), None))));
            }
        }
        if loaded.is_empty() {
            return;
        }
        let list = Array::new();
        for (name, buffer) in &loaded {
            let item = Object::new();
            let _ = Reflect::set(&item, &"name".into(), &name.into());
            let _ = Reflect::set(&item, &"bytes".into(), buffer);
            list.push(&item);
        }
        let request = Object::new();
        let _ = Reflect::set(&request, &"files".into(), &list);
        let _ = Reflect::set(&request, &"format".into(), &format.as_str().into());
        match start_worker(&on_action, &format, request) {
            Some(worker) => CURRENT.with(|c| *c.borrow_mut() = Some(worker)),
            None => {
                // No worker (e.g. the page was opened from file://): do the work here.
                let inputs: Vec<(String, Vec<u8>)> = loaded
                    .iter()
                    .map(|(n, b)| (n.clone(), Uint8Array::new(b).to_vec()))
                    .collect();
                let joined = input::join(inputs.iter().map(|(n, b)| (n.clone(), b.as_slice())), MAX_TEXT_BYTES);
                let problems = joined.problems.clone();
                let text: Rc<str> = Rc::from(joined.text);
                let table = Table::build(Rc::clone(&text), &options_for(&format));
                finish(&on_action, joined.names, table, format, problems);
            }
        }
    });
}

fn options_for(format: &str) -> Options {
    Options {
        format: (!format.trim().is_empty())
            .then(|| Format::parse(format).ok())
            .flatten(),
    }
}

fn finish(
    on_action: &Callback<Action>,
    names: Vec<String>,
    table: Table,
    format: AttrValue,
    problems: Vec<(String, Problem)>,
) {
    if !names.is_empty() {
        on_action.emit(Action::SetFiles(Some(Files {
            names: names.into_iter().map(AttrValue::from).collect(),
            text: table.shared_text(),
            table: Some(Rc::new(table)),
            format,
        })));
    }
    let notice = problems.into_iter().last().map(|(name, p)| match p {
        Problem::InvalidUtf8(at) => Notice::InvalidUtf8(name.into(), at),
        Problem::Open(e) => Notice::FileError(name.into(), Some(e)),
    });
    on_action.emit(Action::Notify(notice));
}

/// Starts the worker; once it says it is ready it gets `request` (whose file buffers
/// are transferred, not copied).
fn start_worker(on_action: &Callback<Action>, format: &AttrValue, request: Object) -> Option<web_sys::Worker> {
    // trunk's loader for workers is a classic script (importScripts).
    let worker = web_sys::Worker::new(WORKER_URL).ok()?;
    let on_action = on_action.clone();
    let format = format.clone();
    let handle = worker.clone();
    let mut pending = Some(request);
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let data = e.data();
        match get(&data, "type").as_string().as_deref() {
            Some("ready") => {
                if let Some(request) = pending.take() {
                    let transfer: Array = Array::from(&get(&request, "files"))
                        .iter()
                        .map(|f| get(&f, "bytes"))
                        .collect();
                    if handle.post_message_with_transfer(&request, &transfer).is_err() {
                        on_action.emit(Action::Notify(None));
                    }
                }
            }
            Some("progress") => {
                let phase = if get(&data, "phase").as_string().as_deref() == Some("index") {
                    Phase::Index
                } else {
                    Phase::Read
                };
                let fraction = get(&data, "fraction").as_f64().unwrap_or(0.0);
                #[allow(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    reason = "a percentage 0–100"
                )]
                let percent = (fraction * 100.0).clamp(0.0, 100.0) as u8;
                on_action.emit(Action::Notify(Some(Notice::Progress(phase, percent))));
            }
            Some("done") => {
                CURRENT.with(|c| {
                    if let Some(w) = c.borrow_mut().take() {
                        w.terminate();
                    }
                });
                received(&on_action, &data, format.clone());
            }
            _ => {}
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Lives as long as the worker, which is terminated when done or cancelled.
    on_message.forget();
    Some(worker)
}

fn received(on_action: &Callback<Action>, data: &JsValue, format: AttrValue) {
    let bytes = Uint8Array::new(&get(data, "text")).to_vec();
    let text: Rc<str> = match String::from_utf8(bytes) {
        Ok(s) => Rc::from(s),
        Err(e) => Rc::from(String::from_utf8_lossy(e.as_bytes()).as_ref()),
    };
    let rows = Uint32Array::new(&get(data, "rows")).to_vec();
    let bounds = Uint32Array::new(&get(data, "bounds")).to_vec();
    let formats: Vec<String> = Array::from(&get(data, "formats"))
        .iter()
        .filter_map(|f| f.as_string())
        .collect();
    let names: Vec<String> = Array::from(&get(data, "names"))
        .iter()
        .filter_map(|n| n.as_string())
        .collect();
    let problems = Array::from(&get(data, "problems"))
        .iter()
        .map(|p| {
            let name = get(&p, "name").as_string().unwrap_or_default();
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "sizes sent as JS numbers"
            )]
            let number = |k: &str| get(&p, k).as_f64().unwrap_or(0.0) as usize;
            let problem = match get(&p, "kind").as_string().as_deref() {
                Some("too-large") => Problem::Open(OpenError::TooLarge { limit: number("limit") }),
                Some("utf8") => Problem::InvalidUtf8(number("at")),
                _ => Problem::Open(OpenError::BadGzip(get(&p, "why").as_string().unwrap_or_default())),
            };
            (name, problem)
        })
        .collect();
    // The parts come from our own worker; a mismatch would be a bug, so fall back to indexing here.
    let table = Table::from_parts(Rc::clone(&text), &rows, bounds, &formats)
        .unwrap_or_else(|| Table::build(text, &options_for(&format)));
    finish(on_action, names, table, format, problems);
}
