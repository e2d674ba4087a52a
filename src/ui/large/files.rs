//! Opening files the user chose or dropped. The `File`s go to a web worker
//! (`src/web/file_worker.rs`), which reads, decompresses and indexes them off the main thread,
//! reports progress (the page can cancel it), and then keeps them: the page asks it
//! for what it shows ([`Source`]). A paste is held by a worker of its own the same
//! way (its analysis across records and, for a large paste, its large view), started
//! on the first edit: the page's own code only decodes and explains.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::{AttrValue, Callback};

use crate::flowlog::bulk::open::{self, Problem};
use crate::flowlog::bulk::store::{Meta, Reply, Request, PROTOCOL};

use crate::ui::large::source::Source;
use crate::ui::state::{Action, Fault, Files, Notice, Pasted, Phase, Preview};
use crate::web::envelope::{self, get};

/// The worker's loader script, named by trunk after the worker binary.
const WORKER_URL: &str = "./flowlog-worker_loader.js";

/// The page's file workers, shared through a yew context (the reducer's state stays
/// plain data): a spare started ahead of need, the one opening files now (so that it
/// can be cancelled), and the source of the files that are open.
#[derive(Clone, Default)]
pub struct Workers(Rc<WorkersInner>);

#[derive(Default)]
struct WorkersInner {
    /// A worker started ahead of need, so that opening files does not wait for one
    /// to load and compile (about 0.1 s).
    spare: RefCell<Option<Rc<Started>>>,
    /// The worker opening files now.
    current: RefCell<Option<web_sys::Worker>>,
    /// Where the open files are.
    open: RefCell<Option<Source>>,
    /// The worker holding the paste.
    paste: RefCell<Option<Rc<Started>>>,
}

impl PartialEq for Workers {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Workers {
    /// Stops opening files, if that is going on.
    pub fn cancel(&self) {
        if let Some(w) = self.0.current.borrow_mut().take() {
            w.terminate();
        }
    }

    /// Starts a spare worker if there is none.
    pub fn prepare(&self) {
        if self.0.spare.borrow().is_none() {
            let spare = spawn(self);
            *self.0.spare.borrow_mut() = spare;
        }
    }

    /// Where the open files are.
    #[must_use]
    pub fn source(&self) -> Option<Source> {
        self.0.open.borrow().clone()
    }

    /// The files are closed: their worker ends (its memory is freed).
    pub fn close(&self) {
        let open = self.0.open.borrow_mut().take();
        if let Some(source) = open {
            source.close();
        }
    }

    /// `source` holds the open files now; the one before it (if another) is closed.
    fn set_open(&self, source: Source) {
        let before = self.0.open.borrow_mut().replace(source.clone());
        if let Some(before) = before.filter(|b| *b != source) {
            before.close();
        }
    }

    /// Has the paste's worker hold `text` (read with `format`), starting one if there is
    /// none. The answer comes as [`Action::SetPasted`] ([`Action::PasteFailed`] if the
    /// worker fails); while one is being indexed, only the newest text given meanwhile
    /// waits.
    pub fn paste(&self, text: AttrValue, format: AttrValue, on_action: Callback<Action>) {
        if self.0.paste.borrow().is_none() {
            let spare = self.0.spare.borrow_mut().take();
            let Some(started) = spare.or_else(|| spawn(self)) else {
                on_action.emit(Action::PasteFailed);
                on_action.emit(Action::Notify(Some(Notice::WorkerFault(Fault::Stopped))));
                return;
            };
            started.source.answer_across_at_once();
            *self.0.paste.borrow_mut() = Some(started);
        }
        if let Some(started) = self.0.paste.borrow().as_ref() {
            let mut paste = started.paste.borrow_mut();
            let job = paste.get_or_insert_with(|| PasteJob {
                on_action: on_action.clone(),
                busy: false,
                next: None,
            });
            job.on_action = on_action;
            job.next = Some((text, format));
        }
        let started = self.0.paste.borrow().clone();
        if let Some(started) = started {
            started.send_paste();
        }
    }

    /// Where the paste is held (once a worker holds it).
    #[must_use]
    pub fn paste_source(&self) -> Option<Source> {
        self.0.paste.borrow().as_ref().map(|s| s.source.clone())
    }

    /// The paste is gone (emptied, or files replace it): its worker ends.
    pub fn close_paste(&self) {
        let paste = self.0.paste.borrow_mut().take();
        if let Some(started) = paste {
            started.source.close();
        }
    }

    /// `worker` no longer opens files (it has them, or it failed).
    fn done_opening(&self, worker: &web_sys::Worker) {
        let mut current = self.0.current.borrow_mut();
        if current.as_ref() == Some(worker) {
            *current = None;
        }
    }
}

/// Opens every file of `list` (chosen files, or a chosen folder's files) and reports
/// through `on_action`: progress notices, then the files (and a notice for any that
/// failed). The files go to a worker, which reads, decompresses and indexes them as
/// they stream in and keeps them.
pub fn read(list: &web_sys::FileList, format: AttrValue, on_action: Callback<Action>, workers: &Workers) {
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    let paths = files
        .iter()
        .map(|f| get(f, "webkitRelativePath").as_string().unwrap_or_default())
        .collect();
    open_found(files, paths, format, on_action, workers);
}

/// Opens what was dropped: files, and every file inside dropped folders (read
/// through the entries API, which the drop event only lends while it runs).
pub fn dropped(data: &web_sys::DataTransfer, format: AttrValue, on_action: Callback<Action>, workers: &Workers) {
    let items = data.items();
    let entries: Vec<web_sys::FileSystemEntry> = (0..items.length())
        .filter_map(|i| items.get(i))
        .filter_map(|item| item.webkit_get_as_entry().ok().flatten())
        .collect();
    if !entries.iter().any(web_sys::FileSystemEntry::is_directory) {
        if let Some(list) = data.files() {
            read(&list, format, on_action, workers);
        }
        return;
    }
    let workers = workers.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let mut files = Vec::new();
        let mut paths = Vec::new();
        let mut stack = entries;
        while let Some(entry) = stack.pop() {
            if entry.is_directory() {
                let dir: web_sys::FileSystemDirectoryEntry = entry.unchecked_into();
                stack.extend(read_directory(&dir).await);
            } else if let Some(file) = file_of(&entry).await {
                paths.push(entry.full_path().trim_start_matches('/').to_owned());
                files.push(file);
            }
        }
        open_found(files, paths, format, on_action, &workers);
    });
}

/// Every entry of a directory (`readEntries` answers in batches until it has none).
async fn read_directory(dir: &web_sys::FileSystemDirectoryEntry) -> Vec<web_sys::FileSystemEntry> {
    let reader = dir.create_reader();
    let mut out = Vec::new();
    loop {
        let batch = js_sys::Promise::new(&mut |resolve, reject| {
            if let Err(e) = reader.read_entries_with_callback_and_callback(&resolve, &reject) {
                let _ = reject.call1(&JsValue::NULL, &e);
            }
        });
        let Ok(batch) = JsFuture::from(batch).await else {
            break;
        };
        let batch = Array::from(&batch);
        if batch.length() == 0 {
            break;
        }
        out.extend(batch.iter().map(JsCast::unchecked_into));
    }
    out
}

/// The `File` of a file entry.
async fn file_of(entry: &web_sys::FileSystemEntry) -> Option<web_sys::File> {
    let entry: &web_sys::FileSystemFileEntry = entry.unchecked_ref();
    let file = js_sys::Promise::new(&mut |resolve, reject| {
        entry.file_with_callback_and_callback(&resolve, &reject);
    });
    JsFuture::from(file).await.ok().map(JsCast::unchecked_into)
}

/// Opens files, some perhaps found in folders (`paths`, empty for chosen files):
/// files in folders that are no flow log files are left out, and listed.
fn open_found(
    files: Vec<web_sys::File>,
    paths: Vec<String>,
    format: AttrValue,
    on_action: Callback<Action>,
    workers: &Workers,
) {
    let mut chosen = Vec::new();
    let mut chosen_paths = Vec::new();
    let mut skipped = Vec::new();
    for (file, path) in files.into_iter().zip(paths) {
        if path.is_empty() || open::wanted_in_folder(&path) {
            chosen.push(file);
            chosen_paths.push(path);
        } else {
            skipped.push(AttrValue::from(path));
        }
    }
    if chosen.is_empty() {
        if !skipped.is_empty() {
            on_action.emit(Action::Notify(Some(Notice::NothingToOpen(skipped.len()))));
        }
        return;
    }
    workers.cancel();
    on_action.emit(Action::Notify(Some(Notice::Progress(Phase::Read, 0, None))));
    let job = Job {
        on_action: on_action.clone(),
        format: format.clone(),
        files: Some(chosen.iter().collect()),
        paths: chosen_paths,
        skipped: skipped.into(),
        progress: (Phase::Read, 0, None),
    };
    match start_worker(job, workers) {
        Some(worker) => *workers.0.current.borrow_mut() = Some(worker),
        // No worker could start (the page opened from file://, a policy): said.
        None => on_action.emit(Action::Notify(Some(Notice::WorkerFault(Fault::Stopped)))),
    }
}

/// Indexes open files again with another format (typed in the format box).
pub fn apply_format(format: &AttrValue, on_action: &Callback<Action>, workers: &Workers) {
    let Some(source) = workers.source() else {
        return;
    };
    source.ask_reindex(format);
    on_action.emit(Action::Notify(Some(Notice::Progress(Phase::Index, 0, None))));
}

/// The files are open (or indexed again): show them, and say what went wrong with any.
fn opened(
    on_action: &Callback<Action>,
    workers: &Workers,
    source: Source,
    meta: Meta,
    format: AttrValue,
    problems: Vec<(String, Problem)>,
    skipped: Rc<[AttrValue]>,
) {
    if meta.names.is_empty() {
        source.close();
    } else {
        workers.set_open(source);
        on_action.emit(Action::SetFiles(Some(Files {
            names: meta.names.iter().map(|n| AttrValue::from(n.clone())).collect(),
            meta: Rc::new(meta),
            format,
            skipped,
        })));
    }
    let notice = problems.into_iter().last().map(|(name, p)| match p {
        Problem::InvalidUtf8(at) => Notice::InvalidUtf8(name.into(), at),
        Problem::Open(e) => Notice::FileError(name.into(), Some(e)),
    });
    on_action.emit(Action::Notify(notice));
}

/// What a worker is to open once it is ready.
struct Job {
    on_action: Callback<Action>,
    format: AttrValue,
    /// Taken when sent.
    files: Option<Array>,
    /// Each file's path in a folder (empty for a chosen file).
    paths: Vec<String>,
    /// Files found in folders that are no flow log files.
    skipped: Rc<[AttrValue]>,
    /// The progress shown, and the first file's first lines once they came.
    progress: (Phase, u8, Option<Rc<Preview>>),
}

/// What the paste's worker is to hold.
struct PasteJob {
    on_action: Callback<Action>,
    /// A paste was sent and not answered yet.
    busy: bool,
    /// The paste to send next (text, format), the newest given.
    next: Option<(AttrValue, AttrValue)>,
}

/// A worker that has been started, and the files it is to open (none yet for a spare)
/// or the paste it is to hold.
struct Started {
    worker: web_sys::Worker,
    /// Its store, as the page's views ask it.
    source: Source,
    ready: Cell<bool>,
    job: RefCell<Option<Job>>,
    paste: RefCell<Option<PasteJob>>,
}

impl Started {
    /// Sends the newest paste, once the worker listens and has answered the one before.
    fn send_paste(&self) {
        let mut paste = self.paste.borrow_mut();
        let Some(job) = paste.as_mut().filter(|j| self.ready.get() && !j.busy) else {
            return;
        };
        let Some((text, format)) = job.next.take() else {
            return;
        };
        job.busy = true;
        // The text beside the request, made a JavaScript string straight from the page's
        // (no copy of a large paste in the page's memory).
        let msg = envelope::wrap(&Request::Paste {
            format: format.to_string(),
        });
        envelope::set(&msg, "text", &JsValue::from_str(&text));
        let _ = self.worker.post_message(&msg);
    }

    /// The worker holds a paste: shown unless a newer one waits, which is sent now.
    fn pasted(&self, meta: Meta) {
        let on_action = {
            let mut paste = self.paste.borrow_mut();
            let Some(job) = paste.as_mut() else {
                return;
            };
            job.busy = false;
            job.next.is_none().then(|| job.on_action.clone())
        };
        self.source.answer_across_at_once();
        match on_action {
            Some(on_action) => on_action.emit(Action::SetPasted(Some(Pasted(Rc::new(meta))))),
            None => self.send_paste(),
        }
    }

    /// Sends the job, once there is one and the worker listens.
    fn send_job(&self) {
        let mut job = self.job.borrow_mut();
        let Some(job) = job.as_mut().filter(|_| self.ready.get()) else {
            return;
        };
        let Some(files) = job.files.take() else {
            return;
        };
        let msg = envelope::wrap(&Request::Open {
            format: job.format.to_string(),
            paths: job.paths.clone(),
        });
        envelope::set(&msg, "files", &files);
        if self.worker.post_message(&msg).is_err() {
            job.on_action.emit(Action::Notify(None));
        }
    }

    fn on_action(&self) -> Option<Callback<Action>> {
        let paste = || self.paste.borrow().as_ref().map(|j| j.on_action.clone());
        self.job.borrow().as_ref().map(|j| j.on_action.clone()).or_else(paste)
    }

    /// Shows how far the opening is, with the first lines once they came: `change`
    /// updates what is shown.
    fn progress(&self, change: impl FnOnce(&mut (Phase, u8, Option<Rc<Preview>>))) {
        let shown = self.job.borrow_mut().as_mut().map(|job| {
            change(&mut job.progress);
            (job.on_action.clone(), job.progress.clone())
        });
        if let Some((on_action, (phase, percent, preview))) = shown {
            on_action.emit(Action::Notify(Some(Notice::Progress(phase, percent, preview))));
        }
    }

    /// The worker cannot go on: it is ended, forgotten as the spare, and whoever
    /// waits for it is told why (with what to try), so the page never waits forever.
    fn fail(&self, fault: Fault, workers: &Workers) {
        self.worker.terminate();
        {
            let mut spare = workers.0.spare.borrow_mut();
            if spare.as_ref().is_some_and(|w| w.worker == self.worker) {
                *spare = None;
            }
        }
        workers.done_opening(&self.worker);
        {
            let mut paste = workers.0.paste.borrow_mut();
            if paste.as_ref().is_some_and(|w| w.worker == self.worker) {
                *paste = None;
            }
        }
        if let Some(on_action) = self.on_action() {
            if self.paste.borrow().is_some() {
                on_action.emit(Action::PasteFailed);
            }
            on_action.emit(Action::Notify(Some(Notice::WorkerFault(fault))));
        }
    }

    fn skipped(&self) -> Rc<[AttrValue]> {
        self.job
            .borrow()
            .as_ref()
            .map_or_else(|| Rc::from([]), |j| Rc::clone(&j.skipped))
    }
}

/// Starts a worker and listens to it.
fn spawn(workers: &Workers) -> Option<Rc<Started>> {
    // trunk's loader for workers is a classic script (importScripts).
    let worker = web_sys::Worker::new(WORKER_URL).ok()?;
    let source = Source::worker(worker.clone());
    let started = Rc::new(Started {
        worker: worker.clone(),
        source: source.clone(),
        ready: Cell::new(false),
        job: RefCell::new(None),
        paste: RefCell::new(None),
    });
    let this = Rc::clone(&started);
    let workers_here = workers.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let data = e.data();
        let reply = envelope::unwrap::<Reply>(&data);
        match reply {
            Some(Reply::Ready { protocol }) if protocol == PROTOCOL => {
                this.ready.set(true);
                this.send_job();
                this.send_paste();
            }
            // A worker from another deployment (an old cached copy): it must not be
            // spoken to; the page asks for a reload.
            Some(Reply::Ready { .. }) => this.fail(Fault::Version, &workers_here),
            Some(Reply::Progress { index, fraction }) => {
                let phase = if index { Phase::Index } else { Phase::Read };
                #[allow(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    reason = "a percentage 0–100"
                )]
                let percent = (fraction * 100.0).clamp(0.0, 100.0) as u8;
                this.progress(|p| (p.0, p.1) = (phase, percent));
            }
            Some(Reply::Preview { name, text }) => this.progress(|p| {
                p.2 = Some(Rc::new(Preview {
                    name: name.into(),
                    text: text.into(),
                }));
            }),
            Some(Reply::Opened { format, meta, problems }) => {
                // The preview is done with (indexing again later shows progress only).
                if let Some(job) = this.job.borrow_mut().as_mut() {
                    job.progress = (Phase::Index, 0, None);
                }
                // Opened: the worker now holds the files and is no longer cancellable.
                workers_here.done_opening(&this.worker);
                source.reindex_answered();
                if let Some(on_action) = this.on_action() {
                    opened(
                        &on_action,
                        &workers_here,
                        source.clone(),
                        meta,
                        format.into(),
                        problems,
                        this.skipped(),
                    );
                }
                // Ready for the next files.
                workers_here.prepare();
            }
            Some(Reply::Pasted { meta }) => this.pasted(meta),
            Some(_) => source.received(&data),
            // Never a silent wait: a message that cannot be read is said.
            // The envelope before issue 12 (JSON text under `json`): a worker of an older
            // deployment, served from a cache.
            None if old_ready(&get(&data, "json")) => this.fail(Fault::Version, &workers_here),
            None => this.fail(Fault::Garbled, &workers_here),
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Lives as long as the worker, which is terminated when its files are closed.
    on_message.forget();
    // The worker could not load, trapped (a panic) or ran out of memory.
    let this = Rc::clone(&started);
    let workers_here = workers.clone();
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        e.prevent_default();
        this.fail(Fault::Stopped, &workers_here);
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Some(started)
}

/// Gives the spare worker (or a new one) the files to open.
fn start_worker(job: Job, workers: &Workers) -> Option<web_sys::Worker> {
    let spare = workers.0.spare.borrow_mut().take();
    let started = spare.or_else(|| spawn(workers))?;
    *started.job.borrow_mut() = Some(job);
    started.send_job();
    Some(started.worker.clone())
}

/// Whether `json` is an older deployment's "ready" message (JSON text under `json`,
/// the envelope before messages were typed values).
fn old_ready(json: &JsValue) -> bool {
    json.as_string()
        .and_then(|j| serde_json::from_str::<serde_json::Value>(&j).ok())
        .is_some_and(|v| v.get("ready").is_some())
}
