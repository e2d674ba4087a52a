//! The derivation chain: everything the page shows, derived from the state ([`use_view`]),
//! each step memoised so a re-render recomputes only what its inputs changed. The app
//! component only lays out what this gives it.

use std::rc::Rc;

use yew::prelude::*;

use crate::flowlog::bulk::query::Query;
use crate::flowlog::bulk::store::Meta;
use crate::flowlog::decode::shapes::Report;
use crate::flowlog::{decode_text, Counts, Decoded, Format, FormatError, Line, LineKind, Options};
use crate::ui::large::files::Workers;
use crate::ui::large::source::Source;
use crate::ui::paste::rows::MAX_ROWS;
use crate::ui::state::{AppState, Notice, Preview, RulerLine};

/// Shares a derived value with child components; compares by pointer, so a
/// re-render never walks a large decode result to find out nothing changed.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// The format box: empty means automatic.
pub type FormatBox = Option<Result<Format, FormatError>>;

fn read_format_box(text: &str) -> FormatBox {
    (!text.trim().is_empty()).then(|| Format::parse(text))
}

/// The selected line and the text its spans point into: what the explanation panel,
/// the story and the copy buttons read, from either pipeline.
#[derive(Clone, PartialEq)]
pub struct Picked {
    /// The line (a record, when something can be explained).
    pub line: Shared<Line>,
    /// The text its spans point into.
    pub text: AttrValue,
}

impl Picked {
    /// Line `no` of `decoded`, whose spans point into `text`.
    #[must_use]
    pub fn from_decoded(decoded: &Decoded, no: usize, text: &AttrValue) -> Option<Picked> {
        decoded.lines.iter().find(|l| l.no == no).map(|l| Picked {
            line: Shared(Rc::new(l.clone())),
            text: text.clone(),
        })
    }
}

/// What the page shows, derived from the state.
pub struct View {
    /// The format box, read.
    pub format: Rc<FormatBox>,
    /// Lines in the input.
    pub lines: usize,
    /// The full decode of a paste (empty for large inputs).
    pub decoded: Rc<Decoded>,
    /// The text the decoded spans point into: the recogniser's clean text when the
    /// input was unwrapped, else the input.
    pub text: AttrValue,
    /// The large input's formats, parsed.
    pub meta_formats: Rc<Vec<Rc<Format>>>,
    /// The filter, read.
    pub query: Rc<Query>,
    /// Counts, and the line of the first header line.
    pub stats: (Counts, Option<usize>),
    /// Exactly one record and no error: shown as a card.
    pub single: bool,
    /// What the recogniser unwrapped, per file.
    pub unwrapped: Rc<Vec<(String, Report)>>,
    /// The selected line, for the explanation panel.
    pub picked: Option<Picked>,
    /// The line the labeled line (the ruler) draws: the one the text cursor is on or last
    /// selected, else the first record (or line in error). Pointing elsewhere never
    /// changes it (the page would move under the pointer); it lights the field instead.
    pub ruler: Option<Picked>,
    /// The format the Athena and Logs Insights panels describe: typed, else the first
    /// header line's, else the default.
    pub format_in_force: Rc<Format>,
    /// Where the analysis across records is asked: the files' worker, or the paste's.
    pub across: Option<(Source, Rc<Meta>)>,
    /// Whether a worker is to hold the paste (see [`AppState::paste_held`]).
    pub hold_paste: bool,
    /// The paste while no worker answers for it yet.
    pub paste_state: PasteState,
    /// What the results area shows.
    pub output: Output,
}

/// What the results area shows (one choice, made here).
#[derive(Clone, PartialEq)]
pub enum Output {
    /// The large view: opened files, or a large paste its worker holds.
    Large(Source, Rc<Meta>),
    /// A large paste its worker is indexing.
    IndexingPaste,
    /// A large paste whose worker failed (the notice says why).
    PasteStopped,
    /// The first lines of a file being opened, decoded as a paste is, read-only while
    /// the rest is read: nothing to explain beside them yet.
    Preview(Rc<Preview>, Rc<Decoded>),
    /// Nothing but blank lines.
    Empty,
    /// Exactly one record and no error: a card.
    Card,
    /// The decoded lines as a table.
    Table,
}

/// A paste no worker answers for yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasteState {
    /// Not a paste, or answered for.
    None,
    /// Its analysis is offered (the page as loaded starts no worker).
    Offered,
    /// A worker is indexing it (`big`: it goes to the large view).
    Indexing {
        /// More lines than the full decode takes.
        big: bool,
    },
    /// Its worker failed (the notice says why); the analysis's button tries again.
    Failed {
        /// As for `Indexing`.
        big: bool,
    },
}

/// Derives everything shown from `state` (and where open files are, from `workers`).
#[hook]
pub fn use_view(state: &AppState, workers: &Workers) -> View {
    let format = use_memo(state.format.clone(), |f| read_format_box(f));
    let options = Options {
        format: format.as_ref().as_ref().and_then(|r| r.as_ref().ok()).cloned(),
    };
    let preview = match &state.notice {
        Some(Notice::Progress(_, _, Some(p))) => Some(Rc::clone(p)),
        _ => None,
    };
    let preview_decoded = use_memo((preview.clone(), options.clone()), |(p, options)| {
        p.as_ref().map(|p| Rc::new(decode_text(&p.text, options)))
    });
    let preview = preview.zip(preview_decoded.as_ref().clone());
    // Files, or a paste of more than MAX_ROWS lines, go to the compact table and the
    // virtualised view; smaller pastes get the full decode and the rich views.
    // Counted once per input (a pass over a 100 MB paste is not for every render).
    let lines = *use_memo(state.input.clone(), |input| line_count(input));
    // A filter (typed, or chosen from a finding) needs the large view, which has one.
    let big = state.files.is_some() || lines > MAX_ROWS || !state.query.is_empty();
    let decoded: Rc<Decoded> = use_memo((state.input.clone(), options.clone(), big), |(input, options, big)| {
        if *big {
            Decoded::default()
        } else {
            decode_text(input, options)
        }
    });
    // A paste is held by a worker (the paste's store): the large view's source for a
    // large paste, and for any paste the analysis across records. The page as loaded
    // starts no worker for a small paste (the analysis is offered instead).
    let has_paste = state.files.is_none() && !state.input.trim().is_empty();
    let hold_paste = has_paste && !state.paste_failed && (big || state.paste_held);
    let pasted: Option<(Source, Rc<Meta>)> = state
        .pasted
        .as_ref()
        .filter(|_| has_paste)
        .and_then(|p| workers.paste_source().map(|source| (source, Rc::clone(&p.0))));
    let across: Option<(Source, Rc<Meta>)> = match &state.files {
        Some(f) => workers.source().map(|source| (source, Rc::clone(&f.meta))),
        None => pasted.clone(),
    };
    let large: Option<(Source, Rc<Meta>)> = match &state.files {
        Some(f) => workers.source().map(|source| (source, Rc::clone(&f.meta))),
        None if big => pasted,
        None => None,
    };
    let paste_state = match (has_paste, &across) {
        (false, _) | (true, Some(_)) => PasteState::None,
        (true, None) if state.paste_failed => PasteState::Failed { big },
        (true, None) if hold_paste => PasteState::Indexing { big },
        (true, None) => PasteState::Offered,
    };
    let meta_formats = use_memo(large.as_ref().map(|(_, m)| Shared(Rc::clone(m))), |m| {
        m.as_ref().map(|m| m.parsed_formats()).unwrap_or_default()
    });
    let query = use_memo(state.query.clone(), |q| Query::parse(q));
    let stats = match &large {
        Some((_, meta)) => (meta.counts, meta.header_line),
        None => (
            decoded.counts(),
            decoded
                .lines
                .iter()
                .find(|l| matches!(l.kind, LineKind::Header(_)))
                .map(|l| l.no),
        ),
    };
    let text = match &decoded.unwrapped {
        Some((clean, _)) => AttrValue::from(Rc::clone(clean)),
        None => state.input.clone(),
    };
    // The selected line: from the full decode, or (large inputs) the line as the large
    // view last received it.
    let selected_line = state.selected.and_then(|s| s.line);
    let picked = match &large {
        Some((source, _)) => selected_line.and_then(|n| source.seen(n)).map(|row| Picked {
            line: Shared(Rc::new(row.line(&meta_formats))),
            text: AttrValue::from(row.text.clone()),
        }),
        None => selected_line.and_then(|n| Picked::from_decoded(&decoded, n, &text)),
    };
    let ruler = ruler_line(state, &decoded, &text, large.as_ref().map(|(s, _)| s), &meta_formats);
    let format_in_force = use_memo(
        (
            Shared(Rc::clone(&format)),
            Shared(Rc::clone(&meta_formats)),
            Shared(Rc::clone(&decoded)),
        ),
        |(typed, formats, decoded)| {
            if let Some(Ok(f)) = typed.0.as_ref() {
                return Rc::new(f.clone());
            }
            let from_table = formats.0.get(1).cloned();
            let from_text = decoded.lines.iter().find_map(|l| match &l.kind {
                LineKind::Header(f) => Some(Rc::clone(f)),
                _ => None,
            });
            from_table.or(from_text).unwrap_or_default()
        },
    );
    let single = decoded.records().count() == 1 && !decoded.lines.iter().any(|l| matches!(l.kind, LineKind::Error(_)));
    // What was unwrapped: from the full decode, or as the large view's source says.
    let unwrapped = use_memo(
        (
            Shared(Rc::clone(&decoded)),
            large.as_ref().map(|(_, m)| Shared(Rc::clone(m))),
        ),
        |(decoded, meta)| match meta {
            Some(meta) => meta.unwrapped.clone(),
            None => decoded
                .unwrapped
                .iter()
                .map(|(_, u)| (String::new(), u.report.clone()))
                .collect::<Vec<_>>(),
        },
    );
    let output = match (&large, paste_state, preview) {
        (Some((source, meta)), _, _) => Output::Large(source.clone(), Rc::clone(meta)),
        (None, PasteState::Indexing { big: true }, _) => Output::IndexingPaste,
        (None, PasteState::Failed { big: true }, _) => Output::PasteStopped,
        (None, _, Some((preview, decoded))) => Output::Preview(preview, decoded),
        _ if decoded.lines.iter().all(|l| matches!(l.kind, LineKind::Blank)) => Output::Empty,
        _ if single => Output::Card,
        _ => Output::Table,
    };
    View {
        format,
        lines,
        decoded,
        text,
        meta_formats,
        query,
        stats,
        single,
        unwrapped,
        picked,
        ruler,
        format_in_force: Rc::clone(&*format_in_force),
        across,
        hold_paste,
        paste_state,
        output,
    }
}

/// The line for the ruler (see [`View::ruler`]).
fn ruler_line(
    state: &AppState,
    decoded: &Decoded,
    text: &AttrValue,
    large: Option<&Source>,
    formats: &[Rc<Format>],
) -> Option<Picked> {
    let chosen = match state.ruler {
        Some(RulerLine::No(no)) => Some(no),
        // The cursor's input line: the first record or error that came from it.
        Some(RulerLine::At(at)) if large.is_none() => decoded
            .lines
            .iter()
            .find(|l| l.at == at && matches!(l.kind, LineKind::Record(_) | LineKind::Error(_)))
            .map(|l| l.no),
        _ => None,
    };
    match large {
        Some(source) => {
            let no = chosen.or_else(|| state.selected.and_then(|s| s.line))?;
            source.seen(no).map(|row| Picked {
                line: Shared(Rc::new(row.line(formats))),
                text: AttrValue::from(row.text.clone()),
            })
        }
        None => {
            let no = chosen.or_else(|| {
                decoded
                    .lines
                    .iter()
                    .find(|l| matches!(l.kind, LineKind::Record(_) | LineKind::Error(_)))
                    .map(|l| l.no)
            })?;
            Picked::from_decoded(decoded, no, text)
        }
    }
}

/// Lines in `text` (a final line without `\n` counts).
fn line_count(text: &str) -> usize {
    let newlines = memchr::memchr_iter(b'\n', text.as_bytes()).count();
    newlines + usize::from(!text.is_empty() && !text.ends_with('\n'))
}
