//! Application state: the input text and the settings. Everything shown is derived from it.

use std::rc::Rc;

use yew::{AttrValue, Reducible};

use crate::fields::samples::Sample;
use crate::fields::{FieldName, Lang};
use crate::flowlog::share::ShareError;

/// What the user has selected to explain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Selection {
    /// The input line (1-based), when a value was selected rather than a column.
    pub line: Option<usize>,
    /// The field.
    pub field: FieldName,
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
}

/// What "copy" produced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyKind {
    /// A Markdown table.
    Markdown,
    /// A JSON object.
    Json,
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
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetInput(text) => next.input = text,
            Action::SetFormat(text) => next.format = text,
            Action::LoadSample(sample) => {
                next.input = sample.text.into();
                next.format = sample.format.into();
                next.selected = None;
            }
            Action::SetLang(lang) => next.lang = lang,
            Action::Select(sel) => next.selected = Some(sel),
            Action::Deselect => next.selected = None,
            Action::SetMaskLinks(on) => next.mask_links = on,
            Action::Notify(notice) => next.notice = notice,
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
    }
}
