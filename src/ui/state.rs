//! Application state: the input text and the settings. Everything shown is derived from it.

use std::rc::Rc;

use yew::{AttrValue, Reducible};

use crate::fields::{FieldName, Lang};

/// What the user has selected to explain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Selection {
    /// The input line (1-based), when a value was selected rather than a column.
    pub line: Option<usize>,
    /// The field.
    pub field: FieldName,
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
}

/// A change to the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The paste box changed.
    SetInput(AttrValue),
    /// The format box changed.
    SetFormat(AttrValue),
    /// The language changed.
    SetLang(Lang),
    /// A column or a value was chosen.
    Select(Selection),
    /// The explanation was closed.
    Deselect,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetInput(text) => next.input = text,
            Action::SetFormat(text) => next.format = text,
            Action::SetLang(lang) => next.lang = lang,
            Action::Select(sel) => next.selected = Some(sel),
            Action::Deselect => next.selected = None,
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
