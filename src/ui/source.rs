//! Where the large-file view gets its answers: a [`Store`] in the file worker (opened
//! files: the text and its index live there, never on the page), or one on the page
//! (a large paste, or where no worker can start). Either way the view sends a
//! [`Request`] and gets a [`Reply`] through its listener.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

use crate::flowlog::store::{Message, Meta, Reply, Request, RowOut, Store};
use crate::flowlog::Options;

use super::browser;

/// Rows kept for the explanation panel (the rows shown recently), at most.
const SEEN: usize = 4096;

enum Backend {
    Worker(web_sys::Worker),
    Local(RefCell<Store>),
}

struct Inner {
    backend: Backend,
    listener: RefCell<Option<Callback<Reply>>>,
    /// Rows received lately, by line number.
    seen: RefCell<HashMap<usize, Rc<RowOut>>>,
    /// A selection is being computed by the worker: newer ones wait, and only the
    /// last of them is sent (typing a filter must not queue a pass per key).
    selecting: Cell<bool>,
    waiting: RefCell<Option<Request>>,
    /// The same for indexing again with another format (each pass takes a while).
    reindexing: RefCell<Option<String>>,
    waiting_format: RefCell<Option<String>>,
}

/// A handle to a store; clones share it, and compare by identity.
#[derive(Clone)]
pub struct Source(Rc<Inner>);

impl PartialEq for Source {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self.0.backend {
            Backend::Worker(_) => "Source(worker)",
            Backend::Local(_) => "Source(local)",
        })
    }
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

impl Source {
    fn with(backend: Backend) -> Source {
        Source(Rc::new(Inner {
            backend,
            listener: RefCell::new(None),
            seen: RefCell::new(HashMap::new()),
            selecting: Cell::new(false),
            waiting: RefCell::new(None),
            reindexing: RefCell::new(None),
            waiting_format: RefCell::new(None),
        }))
    }

    /// A store on the page.
    #[must_use]
    pub fn local(store: Store) -> Source {
        Source::with(Backend::Local(RefCell::new(store)))
    }

    /// The store in `worker` (which has opened the files).
    #[must_use]
    pub fn worker(worker: web_sys::Worker) -> Source {
        Source::with(Backend::Worker(worker))
    }

    /// Where replies go (one listener: the view showing this source).
    pub fn listen(&self, listener: Option<Callback<Reply>>) {
        *self.0.listener.borrow_mut() = listener;
    }

    /// Sends `request`; the reply comes to the listener (at once, for a local store).
    pub fn ask(&self, request: Request) {
        match &self.0.backend {
            Backend::Local(store) => {
                let reply = store.borrow_mut().handle(request);
                self.deliver(reply);
            }
            Backend::Worker(worker) => {
                if matches!(request, Request::Select { .. }) {
                    if self.0.selecting.get() {
                        *self.0.waiting.borrow_mut() = Some(request);
                        return;
                    }
                    self.0.selecting.set(true);
                }
                post(worker, &request.to_json());
            }
        }
    }

    /// A reply from the worker (the JSON, and an export's bytes beside it).
    pub fn received(&self, data: &JsValue) {
        let Some(reply) = get(data, "json").as_string().and_then(|j| Reply::from_json(&j)) else {
            return;
        };
        if let Reply::Exported { name, .. } = &reply {
            if let Ok(blob) = get(data, "blob").dyn_into::<web_sys::Blob>() {
                let _ = browser::download_blob(name, &blob);
            }
            return;
        }
        if matches!(reply, Reply::Selected { .. }) {
            self.0.selecting.set(false);
            let next = self.0.waiting.borrow_mut().take();
            if let Some(next) = next {
                self.ask(next);
            }
        }
        self.deliver(reply);
    }

    fn deliver(&self, reply: Reply) {
        if let Reply::Exported { name, mime, body, .. } = &reply {
            let _ = browser::download(name, mime, body);
            return;
        }
        if let Reply::Rows { rows, .. } = &reply {
            let mut seen = self.0.seen.borrow_mut();
            if seen.len() + rows.len() > SEEN {
                seen.clear();
            }
            for row in rows {
                seen.insert(row.no, Rc::new(row.clone()));
            }
        }
        let listener = self.0.listener.borrow().clone();
        if let Some(listener) = listener {
            listener.emit(reply);
        }
    }

    /// Indexes the text again with the format box's `format`. A store on the page
    /// does it at once and returns what is known then; the worker answers later
    /// with [`Reply::Opened`] (see [`Source::reindexed`]).
    pub fn reindex(&self, format: &str) -> Option<Meta> {
        match &self.0.backend {
            Backend::Local(store) => {
                let mut store = store.borrow_mut();
                store.reindex(&Options::from_format_box(format), &mut |_| {});
                Some(store.meta())
            }
            Backend::Worker(worker) => {
                if self.0.reindexing.borrow().as_deref() == Some(format) {
                    return None;
                }
                if self.0.reindexing.borrow().is_some() {
                    *self.0.waiting_format.borrow_mut() = Some(format.to_owned());
                    return None;
                }
                *self.0.reindexing.borrow_mut() = Some(format.to_owned());
                post(
                    worker,
                    &Request::Reindex {
                        format: format.to_owned(),
                    }
                    .to_json(),
                );
                None
            }
        }
    }

    /// The worker has indexed again: send the format typed meanwhile, if any.
    pub fn reindexed(&self) {
        *self.0.reindexing.borrow_mut() = None;
        let next = self.0.waiting_format.borrow_mut().take();
        if let Some(format) = next {
            let _ = self.reindex(&format);
        }
    }

    /// Line `no`, if it was shown lately.
    #[must_use]
    pub fn seen(&self, no: usize) -> Option<Rc<RowOut>> {
        self.0.seen.borrow().get(&no).cloned()
    }

    /// Stops the worker (the files were closed or replaced) and forgets what it sent.
    pub fn close(&self) {
        if let Backend::Worker(w) = &self.0.backend {
            w.terminate();
        }
        self.listen(None);
        self.0.seen.borrow_mut().clear();
    }
}

/// Posts `{ json }` to `worker`.
pub fn post(worker: &web_sys::Worker, json: &str) {
    let msg = Object::new();
    let _ = Reflect::set(&msg, &"json".into(), &json.into());
    let _ = worker.post_message(&msg);
}
