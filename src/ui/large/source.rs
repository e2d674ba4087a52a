//! Where the large-file view and the analysis across records get their answers: a
//! [`Store`](crate::flowlog::bulk::store::Store) in a worker — the files' worker (the
//! text and its index live there, never on the page), or the paste's (a paste is held
//! by a worker too, so none of the store's code is in the page's). The view sends a
//! [`Request`] and gets a [`Reply`] through its listener.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

use crate::flowlog::bulk::store::{Reply, Request, RowOut};
use crate::web::envelope::{self, get};

use crate::web::browser;

/// Rows kept for the explanation panel (the rows shown recently), at most.
const SEEN: usize = 4096;

struct Inner {
    worker: web_sys::Worker,
    listener: RefCell<Option<Callback<Reply>>>,
    /// Where the answers of the analysis across records go (its own panel).
    across: RefCell<Option<Callback<Reply>>>,
    /// Rows received lately, by line number.
    seen: RefCell<HashMap<usize, Rc<RowOut>>>,
    /// Selections and re-indexing take the worker a while: see [`Latest`].
    selecting: Latest,
    reindexing: Latest,
    /// An analysis across records asked for while the rows and their summary are still
    /// coming: sent when the summary has come, so it never delays what is shown first.
    deferred: RefCell<Option<Request>>,
    /// The summary of the current selection has come.
    summarised: std::cell::Cell<bool>,
}

/// Requests of one kind that take the worker a while (a pass over every line): while
/// one is being answered, only the newest asked meanwhile waits, so typing a filter
/// or a format never queues a pass per key; asking again what is being answered is
/// a no-op.
#[derive(Default)]
struct Latest {
    busy: RefCell<Option<Request>>,
    waiting: RefCell<Option<Request>>,
}

impl Latest {
    /// The request to send now, if any.
    fn offer(&self, request: Request) -> Option<Request> {
        let mut busy = self.busy.borrow_mut();
        match busy.as_ref() {
            Some(b) if *b == request => None,
            Some(_) => {
                *self.waiting.borrow_mut() = Some(request);
                None
            }
            None => {
                *busy = Some(request.clone());
                Some(request)
            }
        }
    }

    /// The answer came: the waiting request to send now, if any.
    fn done(&self) -> Option<Request> {
        *self.busy.borrow_mut() = None;
        let next = self.waiting.borrow_mut().take()?;
        self.offer(next)
    }
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
        f.write_str("Source(worker)")
    }
}

impl Source {
    /// The store in `worker`. An analysis across records asked for waits for the
    /// summary of the first selection (files: their rows are shown first).
    #[must_use]
    pub fn worker(worker: web_sys::Worker) -> Source {
        Source(Rc::new(Inner {
            worker,
            listener: RefCell::new(None),
            across: RefCell::new(None),
            seen: RefCell::new(HashMap::new()),
            selecting: Latest::default(),
            reindexing: Latest::default(),
            deferred: RefCell::new(None),
            summarised: std::cell::Cell::new(false),
        }))
    }

    /// An analysis across records is answered without waiting for a selection's
    /// summary (a paste's store: a small paste has no selection).
    pub fn answer_across_at_once(&self) {
        self.0.summarised.set(true);
        let deferred = self.0.deferred.borrow_mut().take();
        if let Some(request) = deferred {
            post(&self.0.worker, &request);
        }
    }

    /// Where replies go (one listener: the view showing this source).
    pub fn listen(&self, listener: Option<Callback<Reply>>) {
        *self.0.listener.borrow_mut() = listener;
    }

    /// Where the answers to [`Request::Across`], [`Request::Groups`] and
    /// [`Request::Rules`] go (the panel that asked).
    pub fn listen_across(&self, listener: Option<Callback<Reply>>) {
        *self.0.across.borrow_mut() = listener;
    }

    /// Sends `request`; the reply comes to the listener.
    pub fn ask(&self, request: Request) {
        if matches!(request, Request::Across { .. }) && !self.0.summarised.get() {
            *self.0.deferred.borrow_mut() = Some(request);
            return;
        }
        if matches!(request, Request::Select { .. } | Request::Reindex { .. }) {
            self.0.summarised.set(false);
        }
        let now = match &request {
            Request::Select { .. } => self.0.selecting.offer(request),
            Request::Reindex { .. } => self.0.reindexing.offer(request),
            _ => Some(request),
        };
        if let Some(request) = now {
            post(&self.0.worker, &request);
        }
    }

    /// A reply from the worker (the JSON, and an export's bytes beside it).
    pub fn received(&self, data: &JsValue) {
        let Some(reply) = envelope::unwrap::<Reply>(data) else {
            return;
        };
        if let Reply::Exported { name, .. } = &reply {
            if let Ok(blob) = get(data, "blob").dyn_into::<web_sys::Blob>() {
                let _ = browser::download_blob(name, &blob);
            }
            return;
        }
        if matches!(reply, Reply::Selected { .. }) {
            self.answered(&self.0.selecting);
        }
        if matches!(reply, Reply::Summary { .. }) {
            self.0.summarised.set(true);
            let deferred = self.0.deferred.borrow_mut().take();
            if let Some(request) = deferred {
                post(&self.0.worker, &request);
            }
        }
        self.deliver(reply);
    }

    fn deliver(&self, reply: Reply) {
        if let Reply::Rows { rows, .. } = &reply {
            let mut seen = self.0.seen.borrow_mut();
            if seen.len() + rows.len() > SEEN {
                seen.clear();
            }
            for row in rows {
                seen.insert(row.no, Rc::new(row.clone()));
            }
        }
        // The analysis's panel hears of each new selection too: its groups are of the
        // records shown, asked again once the worker has them.
        if matches!(reply, Reply::Selected { .. }) {
            let across = self.0.across.borrow().clone();
            if let Some(across) = across {
                across.emit(reply.clone());
            }
        }
        let across = matches!(reply, Reply::Across { .. } | Reply::Groups { .. } | Reply::Rules { .. });
        let listener = if across {
            self.0.across.borrow().clone()
        } else {
            self.0.listener.borrow().clone()
        };
        if let Some(listener) = listener {
            listener.emit(reply);
        }
    }

    /// Indexes the text again with the format box's `format`; the worker answers with
    /// [`Reply::Opened`] (see [`Source::reindex_answered`]).
    pub fn ask_reindex(&self, format: &str) {
        self.ask(Request::Reindex {
            format: format.to_owned(),
        });
    }

    /// The worker has indexed again: send the format typed meanwhile, if any.
    pub fn reindex_answered(&self) {
        self.answered(&self.0.reindexing);
    }

    fn answered(&self, kind: &Latest) {
        if let Some(next) = kind.done() {
            post(&self.0.worker, &next);
        }
    }

    /// Line `no`, if it was shown lately.
    #[must_use]
    pub fn seen(&self, no: usize) -> Option<Rc<RowOut>> {
        self.0.seen.borrow().get(&no).cloned()
    }

    /// Stops the worker (the files were closed or replaced) and forgets what it sent.
    pub fn close(&self) {
        self.0.worker.terminate();
        self.listen(None);
        self.listen_across(None);
        self.0.seen.borrow_mut().clear();
    }
}

/// Posts `request` to `worker`.
pub fn post(worker: &web_sys::Worker, request: &Request) {
    let _ = worker.post_message(&envelope::wrap(request));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn select(id: u32) -> Request {
        Request::Select {
            id,
            query: String::new(),
            sort: None,
        }
    }

    #[test]
    fn ok_latest_sends_only_the_newest_and_never_the_same_twice() {
        let l = Latest::default();
        assert_eq!(l.offer(select(1)), Some(select(1)));
        assert_eq!(l.offer(select(2)), None);
        assert_eq!(l.offer(select(3)), None);
        assert_eq!(l.done(), Some(select(3)), "2 was overtaken by 3");
        assert_eq!(l.offer(select(3)), None, "3 is being answered");
        assert_eq!(l.done(), None);
        assert_eq!(l.offer(select(4)), Some(select(4)));
    }
}
