//! Application state: the input text and the settings. Everything shown is derived from it.

use std::rc::Rc;

use yew::{AttrValue, Reducible};

use crate::fields::samples::Sample;
use crate::fields::{FieldName, Lang};
use crate::flowlog::bulk::open::OpenError;
use crate::flowlog::bulk::store::Meta;
use crate::flowlog::links::share::ShareError;

/// What the user has selected to explain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Selection {
    /// The input line (1-based), when a value was selected rather than a column.
    pub line: Option<usize>,
    /// The field.
    pub field: FieldName,
}

/// Which line the labeled line (the ruler) shows, as last chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RulerLine {
    /// The input line (1-based, as people number it) the text cursor is on.
    At(usize),
    /// A line chosen by its number (a selected value).
    No(usize),
}

/// The part of the page shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Route {
    /// The decoder.
    #[default]
    Decoder,
    /// Learn mode: the list of lessons (`None`) or one lesson (1-based).
    Learn(Option<u8>),
}

/// A short message about the last action (shown in a status area).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The page was opened with a share link that could not be read.
    BadLink(ShareError),
    /// A share link was made (and copied, if the browser allowed it).
    LinkReady {
        /// The full URL.
        url: AttrValue,
        /// Whether it reached the clipboard.
        copied: bool,
    },
    /// A record was copied to the clipboard.
    Copied(CopyKind),
    /// The clipboard refused.
    CopyFailed,
    /// The browser would not make or copy the picture of the line.
    PictureFailed,
    /// Files are being read: the phase, its percentage, and the first file's first
    /// lines once they have come.
    Progress(Phase, u8, Option<Rc<Preview>>),
    /// A file could not be opened (name, and why when known).
    FileError(AttrValue, Option<OpenError>),
    /// A file held invalid UTF-8 (name, byte offset of the first bad byte).
    InvalidUtf8(AttrValue, usize),
    /// A folder held no flow log files (how many other files it held).
    NothingToOpen(usize),
    /// The background reader (a web worker: files, a paste) stopped or cannot be used.
    WorkerFault(Fault),
}

/// Why the background reader (a web worker) cannot go on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// It failed to load, trapped, or ran out of memory.
    Stopped,
    /// It is from another version of the site than the page (an old cached copy).
    Version,
    /// It sent a message the page cannot read.
    Garbled,
}

/// Log files opened from disk: they replace the paste box as the input.
#[derive(Clone, Debug)]
pub struct Files {
    /// File names, in the order they were joined.
    pub names: Rc<[AttrValue]>,
    /// What is known of them.
    pub meta: Rc<Meta>,
    /// The format box's text they were indexed with.
    pub format: AttrValue,
    /// Files found in chosen or dropped folders that are no flow log files (not read).
    pub skipped: Rc<[AttrValue]>,
}

/// The first lines of the first file being opened, shown while the rest is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    /// The file's name.
    pub name: AttrValue,
    /// Its first whole lines.
    pub text: AttrValue,
}

/// What reading files is busy with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Reading and decompressing.
    Read,
    /// Indexing lines.
    Index,
}

impl PartialEq for Files {
    fn eq(&self, other: &Self) -> bool {
        // By identity: the same opening or indexing (where the files are is not state:
        // the worker lives in the page's `Workers` context).
        Rc::ptr_eq(&self.meta, &other.meta) && Rc::ptr_eq(&self.names, &other.names)
    }
}

impl Eq for Files {}

/// What is known of the paste, once its worker holds it.
#[derive(Clone, Debug)]
pub struct Pasted(pub Rc<Meta>);

impl PartialEq for Pasted {
    fn eq(&self, other: &Self) -> bool {
        // By identity: one answer of the paste's worker.
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Pasted {}

/// What "copy" produced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyKind {
    /// A Markdown table.
    Markdown,
    /// A JSON object.
    Json,
    /// Other text (a query, a table definition).
    Text,
    /// The labeled line as a picture (PNG).
    Picture,
}

/// The whole state of the page.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct AppState {
    /// The pasted text.
    pub input: AttrValue,
    /// The format box (empty = automatic).
    pub format: AttrValue,
    /// The language of the page.
    pub lang: Lang,
    /// The field (and line) being explained.
    pub selected: Option<Selection>,
    /// Mask account IDs and addresses in share links.
    pub mask_links: bool,
    /// The last notice.
    pub notice: Option<Notice>,
    /// Opened files, which replace the paste box as the input.
    pub files: Option<Files>,
    /// The filter query of the large-file view.
    pub query: AttrValue,
    /// The sort of the large-file view: field and whether descending.
    pub sort: Option<(FieldName, bool)>,
    /// The line the labeled line shows (`None`: the first record, or the selected one).
    pub ruler: Option<RulerLine>,
    /// The value pointed at or focused: the ruler, the card or table and the
    /// explanation light it up together.
    pub hot: Option<Selection>,
    /// The decoder or Learn mode.
    pub route: Route,
    /// Lessons answered, one bit per lesson (bit 0 = lesson 1); kept in the browser.
    pub learned: u16,
    /// The paste is held by a worker (for its analysis across records, and the large
    /// view of a large paste) since it was first edited, or since the analysis was asked
    /// for: the page as it loads (a share link's or the shell's text) starts no worker.
    pub paste_held: bool,
    /// Times the analysis of the paste was asked for by its button (asking again starts
    /// a worker that failed).
    pub paste_asked: u32,
    /// What the paste's worker knows of the paste (the latest it answered).
    pub pasted: Option<Pasted>,
    /// The paste's worker failed: another starts only when the analysis is asked for
    /// again (not on every edit).
    pub paste_failed: bool,
}

/// A change to the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The paste box changed.
    SetInput(AttrValue),
    /// The format box changed.
    SetFormat(AttrValue),
    /// A sample was chosen: both boxes change.
    LoadSample(&'static Sample),
    /// Records and their format were opened from elsewhere (a lesson): both boxes change.
    LoadText {
        /// The paste box.
        input: AttrValue,
        /// The format box.
        format: AttrValue,
    },
    /// The language changed.
    SetLang(Lang),
    /// A column or a value was chosen.
    Select(Selection),
    /// The explanation was closed.
    Deselect,
    /// The "mask before sharing" box was toggled.
    SetMaskLinks(bool),
    /// Something to tell the user (or `None` to clear it).
    Notify(Option<Notice>),
    /// Files were opened (`None` closes them and returns to the paste box).
    SetFiles(Option<Files>),
    /// The filter query changed.
    SetQuery(AttrValue),
    /// Sort by a field: a second time on the same field flips the order.
    SortBy(FieldName),
    /// The text cursor moved to this input line.
    Cursor(usize),
    /// A value is pointed at or focused (`None`: no longer).
    Hover(Option<Selection>),
    /// The URL fragment named another part of the page.
    Route(Route),
    /// A lesson's question was answered.
    Learned(u8),
    /// The analysis across records of the paste was asked for (its button).
    AnalysePaste,
    /// The paste's worker holds the paste (`None`: no worker holds it).
    SetPasted(Option<Pasted>),
    /// The paste's worker failed (the notice says why).
    PasteFailed,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetInput(text) => {
                next.input = text;
                next.paste_held = true;
                next.hot = None;
                // A set of the old input's analysis (`finding:3`) names nothing in the new one.
                if crate::flowlog::bulk::query::Query::parse(&next.query)
                    .sets()
                    .next()
                    .is_some()
                {
                    next.query = AttrValue::default();
                }
            }
            Action::SetFormat(text) => next.format = text,
            Action::LoadSample(sample) => {
                next.input = sample.text.into();
                next.paste_held = true;
                next.format = sample.format.into();
                next.selected = None;
                next.ruler = None;
                next.hot = None;
                next.query = AttrValue::default();
            }
            Action::LoadText { input, format } => {
                next.input = input;
                next.paste_held = true;
                next.format = format;
                next.files = None;
                next.selected = None;
                next.ruler = None;
                next.hot = None;
                next.query = AttrValue::default();
            }
            Action::SetLang(lang) => next.lang = lang,
            Action::Select(sel) => {
                next.selected = Some(sel);
                if let Some(no) = sel.line {
                    next.ruler = Some(RulerLine::No(no));
                }
            }
            Action::Deselect => next.selected = None,
            Action::SetMaskLinks(on) => next.mask_links = on,
            Action::Notify(notice) => next.notice = notice,
            Action::SetFiles(files) => {
                next.files = files;
                next.selected = None;
            }
            Action::SetQuery(q) => next.query = q,
            Action::Cursor(at) => next.ruler = Some(RulerLine::At(at)),
            Action::Hover(hot) => next.hot = hot,
            Action::Route(route) => {
                next.route = route;
                next.hot = None;
            }
            Action::AnalysePaste => {
                next.paste_held = true;
                next.paste_failed = false;
                next.paste_asked = next.paste_asked.wrapping_add(1);
            }
            Action::SetPasted(pasted) => next.pasted = pasted,
            Action::PasteFailed => {
                next.pasted = None;
                next.paste_failed = true;
            }
            Action::Learned(n) => {
                if (1..=16).contains(&n) {
                    next.learned |= 1 << (n - 1);
                }
            }
            Action::SortBy(field) => {
                next.sort = match self.sort {
                    Some((f, desc)) if f == field => Some((f, !desc)),
                    _ => Some((field, false)),
                };
            }
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::samples::sample;
    use crate::flowlog::bulk::index::Table;
    use crate::flowlog::bulk::store::Store;
    use crate::flowlog::Options;

    #[test]
    fn ok_reduce() {
        let s = Rc::new(AppState::default());
        let same = Rc::clone(&s).reduce(Action::Deselect);
        assert!(Rc::ptr_eq(&s, &same), "no change keeps the same Rc");
        let nat = sample("nat-gateway").unwrap();
        let s = s.reduce(Action::SetFormat("x".into())).reduce(Action::LoadSample(nat));
        assert_eq!(s.input.as_str(), nat.text);
        assert_eq!(s.format.as_str(), "");
        let s = s.reduce(Action::SetLang(Lang::Ja)).reduce(Action::SetMaskLinks(true));
        assert_eq!((s.lang, s.mask_links), (Lang::Ja, true));
        let s = s.reduce(Action::SortBy(FieldName::Bytes));
        assert_eq!(s.sort, Some((FieldName::Bytes, false)));
        let s = s.reduce(Action::SortBy(FieldName::Bytes));
        assert_eq!(s.sort, Some((FieldName::Bytes, true)));
        let s = s.reduce(Action::SortBy(FieldName::Srcaddr));
        assert_eq!(s.sort, Some((FieldName::Srcaddr, false)));
        let store = Store::new(Table::build("x".to_owned(), &Options::default()), vec!["a.log".into()]);
        let files = Files {
            names: Rc::from(vec![AttrValue::from("a.log")]),
            meta: Rc::new(store.meta()),
            format: AttrValue::default(),
            skipped: Rc::from([]),
        };
        let s = s.reduce(Action::Cursor(3));
        assert_eq!(s.ruler, Some(RulerLine::At(3)));
        let sel = Selection {
            line: Some(2),
            field: FieldName::Srcport,
        };
        let s = s.reduce(Action::Select(sel)).reduce(Action::Hover(Some(sel)));
        assert_eq!((s.ruler, s.hot), (Some(RulerLine::No(2)), Some(sel)));
        let s = s
            .reduce(Action::Learned(3))
            .reduce(Action::Learned(1))
            .reduce(Action::Learned(0));
        assert_eq!(s.learned, 0b101);
        let s = s.reduce(Action::Route(Route::Learn(Some(2))));
        assert_eq!((s.route, s.hot), (Route::Learn(Some(2)), None));
        let s = s.reduce(Action::SetFiles(Some(files.clone())));
        let same = Rc::clone(&s).reduce(Action::SetFiles(Some(files)));
        assert!(Rc::ptr_eq(&s, &same));
    }

    #[test]
    fn ok_a_paste_is_held_by_a_worker_from_its_first_edit_or_when_asked() {
        let loaded = Rc::new(AppState {
            input: "2 123456789012 eni-1".into(),
            ..AppState::default()
        });
        assert!(!loaded.paste_held, "the page as loaded starts no worker");
        assert!(Rc::clone(&loaded).reduce(Action::SetInput("x".into())).paste_held);
        assert!(
            Rc::clone(&loaded)
                .reduce(Action::LoadSample(sample("nat-gateway").unwrap()))
                .paste_held
        );
        let meta = Pasted(Rc::new(
            Store::new(Table::build("x".to_owned(), &Options::default()), Vec::new()).meta(),
        ));
        let held = Rc::clone(&loaded)
            .reduce(Action::SetInput("x".into()))
            .reduce(Action::SetPasted(Some(meta.clone())));
        assert_eq!(held.pasted, Some(meta));
        // A failure: no worker until asked again (an edit does not start one).
        let failed = held.reduce(Action::PasteFailed);
        assert_eq!((failed.pasted.is_none(), failed.paste_failed), (true, true));
        let edited = Rc::clone(&failed).reduce(Action::SetInput("y".into()));
        assert!(edited.paste_failed);
        let asked = edited.reduce(Action::AnalysePaste);
        assert_eq!(
            (asked.paste_failed, asked.paste_held, asked.paste_asked),
            (false, true, 1)
        );
        assert_eq!(asked.reduce(Action::AnalysePaste).paste_asked, 2, "each ask counts");
    }
}
