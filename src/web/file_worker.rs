//! The web worker that opens files off the main thread and then keeps them: the page
//! never holds the text or its index, it asks this worker for what it shows (see
//! `flowlog::bulk::store`). Browser glue only: the work itself is `flowlog::bulk::index::Indexer`
//! and `flowlog::bulk::store::Store`.
//!
//! Files are streamed: each `File` is read in chunks, gzip is inflated by the
//! browser's own `DecompressionStream` on a second thread (a small helper worker,
//! `static/flowlog-inflate.js`: inflating and indexing run at once), and every chunk is
//! indexed as it arrives, so neither the compressed file nor a second copy of the text
//! is ever held whole. Where a worker cannot start another, this one inflates.
//! Where the browser's gzip reader gives up (several gzip members, damaged data) the
//! file is read again whole and inflated by `flate2`, which handles both and says
//! what is wrong.
//!
//! Protocol: every message is an envelope of `crate::web::envelope` holding a typed
//! message (plus `files` or `blob` beside it):
//! - worker → page: `Reply::Ready`, then for `Request::Open` some `Reply::Progress` and
//!   `Reply::Opened`;
//! - page → worker: `Request::Open` with `files: [File]` beside it, or `Request::Paste`
//!   with `text` (a string) beside it (answered by `Reply::Pasted`), then any other
//!   `flowlog::bulk::store::Request`, each answered by a `flowlog::bulk::store::Reply`
//!   (an export travels beside it as `blob`, a `Blob`).

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Object, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::flowlog::bulk::index::Indexer;
use crate::flowlog::bulk::open::{self, OpenError, MAX_TEXT_BYTES};
use crate::flowlog::bulk::parquet::{ParquetError, ParquetReply};
use crate::flowlog::bulk::store::{preview_text, ExportKind, FileOut, Reply, Request, Store, PROTOCOL};
use crate::flowlog::decode::shapes::{self, Report, S3Key};
use crate::flowlog::Counts;
use crate::flowlog::Options;
use crate::web::envelope::{self, get, set};

// The browser's gzip inflater. web-sys has it only behind `--cfg=web_sys_unstable_apis`
// (a flag for the whole build); these three bindings are all we use.
#[wasm_bindgen]
extern "C" {
    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &DecompressionStream) -> web_sys::ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &DecompressionStream) -> web_sys::WritableStream;
}

/// Progress is reported at most this often (ms): each report re-renders the page, which
/// shares the machine with this worker (30 reports cost a 1M-line file ~0.15 s).
const REPORT_EVERY: f64 = 250.0;

fn send(scope: &DedicatedWorkerGlobalScope, reply: &Reply) {
    let _ = scope.post_message(&envelope::wrap(reply));
}

/// Rows per piece of an export.
const EXPORT_ROWS: usize = 65_536;

/// An export, sent as its reply with the file beside it as `blob`. Each piece is appended to a `Blob` as soon as it
/// is made (the browser keeps blob data outside this thread's memory), so neither the
/// worker nor the page ever holds the whole file.
fn export(
    scope: &DedicatedWorkerGlobalScope,
    store: &mut Store,
    (id, query, sort): (u32, &str, Option<&(crate::fields::FieldName, bool)>),
    what: ExportKind,
) {
    let (name, mime) = what.file();
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let mut blob = web_sys::Blob::new().ok();
    store.export((id, query, sort), what, EXPORT_ROWS, &mut |piece| {
        let parts = Array::of2(
            blob.as_ref().map_or(&JsValue::UNDEFINED, AsRef::as_ref),
            &Uint8Array::from(piece.as_bytes()),
        );
        blob = web_sys::Blob::new_with_blob_sequence_and_options(&parts, &options).ok();
    });
    send_file(scope, id, (name, mime), blob);
}

/// [`Reply::Exported`] with its file beside it as `blob` (the reply's own body stays empty).
fn send_file(scope: &DedicatedWorkerGlobalScope, id: u32, (name, mime): (&str, &str), blob: Option<web_sys::Blob>) {
    let reply = Reply::Exported {
        id,
        name: name.into(),
        mime: mime.into(),
        body: String::new(),
    };
    let msg = envelope::wrap(&reply);
    if let Some(blob) = blob {
        set(&msg, "blob", &blob);
    }
    let _ = scope.post_message(&msg);
}

fn progress(scope: &DedicatedWorkerGlobalScope, index: bool, fraction: f64) {
    send(scope, &Reply::Progress { index, fraction });
}

/// Starts listening for requests. Called by the worker binary's `main`.
pub fn run() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let inner = scope.clone();
    let store: Rc<RefCell<Option<Store>>> = Rc::default();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        handle(&inner, &store, &e.data());
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page keeps it: the handler must too.
    on_message.forget();
    // Messages sent before this point would be lost: the page waits for this one.
    send(&scope, &Reply::Ready { protocol: PROTOCOL });
}

fn handle(scope: &DedicatedWorkerGlobalScope, store: &Rc<RefCell<Option<Store>>>, data: &JsValue) {
    let Some(request) = envelope::unwrap::<Request>(data) else {
        return;
    };
    if let Request::Open { format, paths } = request {
        let files: Vec<web_sys::File> = Array::from(&get(data, "files"))
            .iter()
            .map(JsCast::unchecked_into)
            .collect();
        let (scope, store) = (scope.clone(), Rc::clone(store));
        wasm_bindgen_futures::spawn_local(async move {
            let options = Options::from_format_box(&format);
            let (opened, problems) = open(&scope, &files, &paths, &options).await;
            let reply = Reply::Opened {
                format,
                meta: opened.meta(),
                problems,
            };
            *store.borrow_mut() = Some(opened);
            send(&scope, &reply);
        });
        return;
    }
    let mut store = store.borrow_mut();
    if let Request::Paste { format } = request {
        // The paste held before goes first (two large pastes are never held at once).
        *store = None;
        let text = get(data, "text").as_string().unwrap_or_default();
        let pasted = Store::from_paste(text, &Options::from_format_box(&format));
        let reply = Reply::Pasted { meta: pasted.meta() };
        *store = Some(pasted);
        send(scope, &reply);
        return;
    }
    let Some(store) = store.as_mut() else {
        return;
    };
    if let Request::Export { id, what, query, sort } = request {
        export(scope, store, (id, &query, sort.as_ref()), what);
        return;
    }
    let reply = store.handle_with_progress(request, &mut |f| progress(scope, true, f));
    // A file made whole (the groups as CSV) travels as a blob too, as the page expects.
    if let Reply::Exported { id, name, mime, body } = &reply {
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let parts = Array::of1(&Uint8Array::from(body.as_bytes()));
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok();
        send_file(scope, *id, (name, mime), blob);
        return;
    }
    send(scope, &reply);
}

/// Why streaming a file stopped.
enum Failed {
    /// The text would pass the limit.
    TooLarge,
    /// The browser's reader gave up: read the file whole instead.
    Stream,
    /// A CloudWatch export that could not be unwrapped.
    Open(OpenError),
}

async fn bytes_of(blob: &web_sys::Blob) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(blob.array_buffer()).await.ok()?;
    Some(Uint8Array::new(&buffer).to_vec())
}

async fn slice(file: &web_sys::File, start: f64, end: f64) -> Vec<u8> {
    match file.slice_with_f64_and_f64(start, end) {
        Ok(blob) => bytes_of(&blob).await.unwrap_or_default(),
        Err(_) => Vec::new(),
    }
}

/// What a file is, by its first bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Text (flow log lines or a wrapper).
    Text,
    /// gzip.
    Gzip,
    /// Parquet (`PAR1`).
    Parquet,
}

/// What `file` is, and for gzip the size of its text: a gzip file ends with the size
/// of its (last) member, modulo 2³². Only a hint, trusted up to 32× the file size.
async fn peek(file: &web_sys::File) -> (Kind, Option<u32>, usize) {
    let size = file.size();
    let head = slice(file, 0.0, 4.0).await;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a size hint")]
    let plain = size as usize;
    if head == *b"PAR1" {
        return (Kind::Parquet, None, plain);
    }
    if !head.starts_with(&[0x1f, 0x8b]) {
        return (Kind::Text, None, plain);
    }
    let tail = slice(file, (size - 4.0).max(0.0), size).await;
    let isize = <[u8; 4]>::try_from(tail.as_slice()).ok().map(u32::from_le_bytes);
    let hint = isize.filter(|&n| f64::from(n) <= size * 32.0).unwrap_or(0);
    (Kind::Gzip, isize, hint as usize)
}

/// The Parquet worker's loader script (trunk names it after the binary); relative to
/// this worker's own script, which sits beside it.
const PARQUET_WORKER_URL: &str = "./flowlog-parquet_loader.js";

/// Reads a Parquet file in a worker of its own (started now, ended after) and indexes
/// its text.
async fn parquet(
    file: &web_sys::File,
    ix: &mut Indexer,
    unwrapped: &mut Option<Report>,
) -> Result<Option<usize>, OpenError> {
    let failed = |why: &str| OpenError::Parquet(ParquetError::Unreadable { why: why.into() });
    let worker = web_sys::Worker::new(PARQUET_WORKER_URL).map_err(|_| failed("the Parquet reader could not start"))?;
    // The next message from the worker (or its failure).
    let next = || {
        js_sys::Promise::new(&mut |resolve, reject| {
            worker.set_onmessage(Some(&resolve));
            worker.set_onerror(Some(&reject));
            worker.set_onmessageerror(Some(&reject));
        })
    };
    // It says when it listens (a message sent before would be lost), and which
    // protocol it speaks: one from another deployment is not used.
    let ready = JsFuture::from(next())
        .await
        .and_then(|e| match envelope::unwrap::<ParquetReply>(&get(&e, "data")) {
            Some(ParquetReply::Ready { protocol }) if protocol == PROTOCOL => Ok(()),
            _ => Err(JsValue::NULL),
        });
    let answer = next();
    let msg = Object::new();
    set(&msg, "file", file);
    #[allow(clippy::cast_precision_loss, reason = "a byte limit far below 2^53")]
    let limit = MAX_TEXT_BYTES.saturating_sub(ix.len()) as f64;
    set(&msg, "limit", &limit.into());
    let answer = match ready.and_then(|()| worker.post_message(&msg)) {
        Ok(()) => JsFuture::from(answer).await,
        Err(e) => Err(e),
    };
    worker.terminate();
    let data = get(
        &answer.map_err(|_| failed("the Parquet reader stopped (out of memory?)"))?,
        "data",
    );
    match envelope::unwrap::<ParquetReply>(&data) {
        Some(ParquetReply::Read(read)) => {
            let text = Uint8Array::new(&get(&data, "text")).to_vec();
            ix.push(&text)
                .map_err(|_| OpenError::TooLarge { limit: MAX_TEXT_BYTES })?;
            *unwrapped = Some(Report::parquet(read.rows, read.row_groups, read.other_columns.len()));
            Ok(None)
        }
        Some(ParquetReply::Failed(e)) => Err(OpenError::Parquet(e)),
        Some(ParquetReply::Ready { .. }) | None => Err(failed("the Parquet reader's answer could not be read")),
    }
}

/// Reads, inflates and indexes every file, one after the other.
async fn open(
    scope: &DedicatedWorkerGlobalScope,
    files: &[web_sys::File],
    paths: &[String],
    options: &Options,
) -> (Store, Vec<(String, open::Problem)>) {
    let mut peeked = Vec::with_capacity(files.len());
    for file in files {
        peeked.push(peek(file).await);
    }
    let hint = peeked.iter().map(|p| p.2).sum();
    let total: usize = peeked.iter().map(|p| p.2.max(1)).sum();
    let mut ix = Indexer::new(options, MAX_TEXT_BYTES, hint);
    let mut names = Vec::new();
    let mut problems = Vec::new();
    let mut reports = Vec::new();
    let mut done = 0;
    let mut listed = Vec::new();
    for (i, (file, &(kind, isize, expected))) in files.iter().zip(&peeked).enumerate() {
        // A file found in a folder is named by its path there.
        let path = paths
            .get(i)
            .cloned()
            .filter(|p| !p.is_empty())
            .or_else(|| get(file, "webkitRelativePath").as_string().filter(|p| !p.is_empty()));
        let name = path.clone().unwrap_or_else(|| file.name());
        let mark = ix.begin_file();
        let report = |bytes: usize| {
            #[allow(clippy::cast_precision_loss, reason = "a progress fraction")]
            let f = (done + bytes.min(expected)) as f64 / total as f64;
            progress(scope, false, f);
        };
        let mut unwrapped = None;
        let outcome = if kind == Kind::Parquet {
            parquet(file, &mut ix, &mut unwrapped).await
        } else {
            // The first file's first lines are shown while the rest is read.
            let preview = |bytes: &[u8]| {
                if let Some(text) = preview_text(bytes) {
                    send(
                        scope,
                        &Reply::Preview {
                            name: name.clone(),
                            text,
                        },
                    );
                }
            };
            let preview = (i == 0).then_some(&preview as Preview<'_>);
            match stream(
                file,
                kind == Kind::Gzip,
                isize,
                &mut ix,
                (&report, preview),
                &mut unwrapped,
            )
            .await
            {
                Ok(utf8) => Ok(utf8),
                Err(Failed::TooLarge) => Err(OpenError::TooLarge { limit: MAX_TEXT_BYTES }),
                Err(Failed::Open(e)) => Err(e),
                Err(Failed::Stream) => {
                    ix.rollback(mark);
                    let _ = ix.begin_file();
                    whole(file, &mut ix, &mut unwrapped).await
                }
            }
        };
        match outcome {
            Ok(utf8) => {
                let utf8 = ix.end_file().or(utf8).map(open::Problem::InvalidUtf8);
                if let Some(p) = &utf8 {
                    problems.push((name.clone(), p.clone()));
                }
                // What the file's name or path says (S3 key: account, Region, window).
                if let Some(key) = S3Key::parse(&name) {
                    unwrapped.get_or_insert_with(Report::default).add_s3_key(key);
                }
                if let Some(report) = unwrapped {
                    reports.push((name.clone(), report));
                }
                listed.push(FileOut {
                    name: name.clone(),
                    counts: ix.counts_since(&mark),
                    problem: utf8,
                });
                names.push(name);
            }
            Err(e) => {
                ix.rollback(mark);
                let problem = open::Problem::Open(e);
                listed.push(FileOut {
                    name: name.clone(),
                    counts: Counts::default(),
                    problem: Some(problem.clone()),
                });
                problems.push((name, problem));
            }
        }
        done += expected.max(1);
    }
    progress(scope, false, 1.0);
    let store = Store::new(ix.finish(), names)
        .with_unwrapped(reports, Vec::new())
        .with_files(listed);
    (store, problems)
}

/// The helper that inflates gzip on a thread of its own (`static/flowlog-inflate.js`,
/// which describes the messages), beside this worker's own script.
const INFLATE_URL: &str = "./flowlog-inflate.js";

/// Pieces (1 MiB each) the helper may inflate ahead of the indexer.
const AHEAD: u32 = 8;

/// Where one file's text comes from, a chunk at a time.
enum Chunks {
    /// A stream read on this thread (plain text; gzip where no helper can start).
    Here(web_sys::ReadableStreamDefaultReader),
    /// gzip inflated by the helper while this thread indexes.
    Helper(Helper),
}

impl Chunks {
    /// `file`'s text: gzip inflated by the helper, or on this thread where nested
    /// workers cannot start.
    fn of(file: &web_sys::File, gzip: bool) -> Result<Chunks, Failed> {
        if gzip {
            if let Some(helper) = Helper::start(file) {
                return Ok(Chunks::Helper(helper));
            }
        }
        let mut readable = file.stream();
        if gzip {
            let inflate = DecompressionStream::new("gzip").map_err(|_| Failed::Stream)?;
            let pair = web_sys::ReadableWritablePair::new(&inflate.readable(), &inflate.writable());
            readable = readable.pipe_through(&pair);
        }
        Ok(Chunks::Here(readable.get_reader().unchecked_into()))
    }

    /// The next chunk into `chunk`: `Ok(true)` with one, `Ok(false)` at the end.
    async fn next(&self, chunk: &mut Vec<u8>) -> Result<bool, Failed> {
        match self {
            Chunks::Here(reader) => {
                let result = JsFuture::from(reader.read()).await.map_err(|_| Failed::Stream)?;
                if get(&result, "done").as_bool().unwrap_or(true) {
                    return Ok(false);
                }
                copy(&get(&result, "value"), chunk);
                Ok(true)
            }
            Chunks::Helper(helper) => helper.next(chunk).await,
        }
    }

    /// Stops reading (the text would pass the limit).
    fn cancel(&self) {
        match self {
            Chunks::Here(reader) => {
                let _ = reader.cancel();
            }
            Chunks::Helper(helper) => helper.worker.terminate(),
        }
    }
}

/// `array` (a `Uint8Array` or `ArrayBuffer`) copied into `chunk`.
fn copy(array: &JsValue, chunk: &mut Vec<u8>) {
    let array = Uint8Array::new(array);
    chunk.resize(array.length() as usize, 0);
    array.copy_to(chunk);
}

/// A gzip file being inflated by the helper. Its messages wait in `inbox` until taken;
/// `wake` resolves the promise of a [`Helper::next`] waiting for one.
struct Helper {
    worker: web_sys::Worker,
    inbox: Rc<RefCell<std::collections::VecDeque<JsValue>>>,
    wake: Rc<RefCell<Option<js_sys::Function>>>,
    _listeners: [Closure<dyn FnMut(JsValue)>; 2],
}

impl Helper {
    /// Starts the helper on `file`; `None` where this browser cannot start a worker
    /// from a worker.
    fn start(file: &web_sys::File) -> Option<Helper> {
        let worker = web_sys::Worker::new(INFLATE_URL).ok()?;
        let inbox: Rc<RefCell<std::collections::VecDeque<JsValue>>> = Rc::default();
        let wake: Rc<RefCell<Option<js_sys::Function>>> = Rc::default();
        let deliver = {
            let (inbox, wake) = (Rc::clone(&inbox), Rc::clone(&wake));
            Rc::new(move |data: JsValue| {
                inbox.borrow_mut().push_back(data);
                if let Some(resolve) = wake.borrow_mut().take() {
                    let _ = resolve.call0(&JsValue::NULL);
                }
            })
        };
        let on_message = {
            let deliver = Rc::clone(&deliver);
            Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| deliver(get(&e, "data")))
        };
        // The script could not load, or the helper died (out of memory): the file is
        // read again whole, as when the browser's inflater gives up.
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
            let failed = Object::new();
            set(&failed, "failed", &JsValue::from_str("the inflating helper stopped"));
            deliver(failed.into());
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
        let msg = Object::new();
        set(&msg, "file", file);
        set(&msg, "ahead", &AHEAD.into());
        if worker.post_message(&msg).is_err() {
            worker.terminate();
            return None;
        }
        Some(Helper {
            worker,
            inbox,
            wake,
            _listeners: [on_message, on_error],
        })
    }

    /// The next piece into `chunk` (and the helper told it may inflate one more).
    async fn next(&self, chunk: &mut Vec<u8>) -> Result<bool, Failed> {
        loop {
            let first = self.inbox.borrow_mut().pop_front();
            let Some(data) = first else {
                let wake = Rc::clone(&self.wake);
                let arrived = js_sys::Promise::new(&mut |resolve, _| *wake.borrow_mut() = Some(resolve));
                let _ = JsFuture::from(arrived).await;
                continue;
            };
            let piece = get(&data, "piece");
            if piece.is_object() {
                copy(&piece, chunk);
                // The buffer goes back to be filled again: no garbage piece per MiB.
                let took = Object::new();
                set(&took, "took", &piece);
                let _ = self.worker.post_message_with_transfer(&took, &Array::of1(&piece));
                return Ok(true);
            }
            return match get(&data, "done").as_bool() {
                Some(true) => Ok(false),
                _ => Err(Failed::Stream),
            };
        }
    }
}

impl Drop for Helper {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// Called once with a file's first chunk of text (its first lines are shown at once).
type Preview<'a> = &'a dyn Fn(&[u8]);

/// Streams one file into `ix`. Returns where invalid UTF-8 was found in a CloudWatch
/// export (for flow log text, `ix` knows).
async fn stream(
    file: &web_sys::File,
    gzip: bool,
    isize: Option<u32>,
    ix: &mut Indexer,
    (report, preview): (&dyn Fn(usize), Option<Preview<'_>>),
    unwrapped: &mut Option<Report>,
) -> Result<Option<usize>, Failed> {
    let chunks = Chunks::of(file, gzip)?;
    let mut chunk: Vec<u8> = Vec::new();
    let mut taken = 0usize;
    let mut reported = js_sys::Date::now();
    // A CloudWatch export is collected, then unwrapped whole.
    let mut export: Option<Vec<u8>> = None;
    loop {
        if !chunks.next(&mut chunk).await? {
            break;
        }
        if taken == 0 && shapes::needs_whole(&chunk, &Options::default()) {
            export = Some(Vec::new());
        }
        taken += chunk.len();
        let fits = match export.as_mut() {
            Some(all) if ix.len() + all.len() + chunk.len() <= MAX_TEXT_BYTES => {
                all.extend_from_slice(&chunk);
                true
            }
            Some(_) => false,
            None => ix.push(&chunk).is_ok(),
        };
        if !fits {
            chunks.cancel();
            return Err(Failed::TooLarge);
        }
        if let (Some(preview), None, true) = (preview, &export, taken == chunk.len()) {
            preview(&chunk);
        }
        let now = js_sys::Date::now();
        if now - reported >= REPORT_EVERY {
            reported = now;
            report(taken);
        }
    }
    // The browser's reader may stop at the end of the first gzip member, or accept
    // data cut short: the size in the gzip trailer must match what came out.
    #[allow(
        clippy::cast_possible_truncation,
        reason = "the gzip trailer keeps the size modulo 2^32"
    )]
    if gzip && isize != Some(taken as u32) {
        return Err(Failed::Stream);
    }
    match export {
        Some(all) => {
            let opened = open::open(&all, MAX_TEXT_BYTES.saturating_sub(ix.len())).map_err(Failed::Open)?;
            ix.push(opened.text.as_bytes()).map_err(|_| Failed::TooLarge)?;
            *unwrapped = opened.report;
            Ok(opened.invalid_utf8_at)
        }
        None => Ok(None),
    }
}

/// Reads a file whole and opens it with `flate2` (several gzip members, or to say
/// what is wrong with damaged data).
async fn whole(
    file: &web_sys::File,
    ix: &mut Indexer,
    unwrapped: &mut Option<Report>,
) -> Result<Option<usize>, OpenError> {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a file size")]
    open::may_read_whole(file.size() as u64)?;
    let bytes = bytes_of(file).await.ok_or(OpenError::Unreadable)?;
    let opened = open::open(&bytes, MAX_TEXT_BYTES.saturating_sub(ix.len()))?;
    drop(bytes);
    ix.push(opened.text.as_bytes())
        .map_err(|_| OpenError::TooLarge { limit: MAX_TEXT_BYTES })?;
    *unwrapped = opened.report;
    Ok(opened.invalid_utf8_at)
}
