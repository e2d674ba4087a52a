//! The yew single-page app. Components only: decoding and prose live in
//! `crate::flowlog` and `crate::fields`.

mod app;
mod beyond;
mod big_view;
mod browser;
mod card;
mod error_list;
mod explain;
mod files;
mod input_panel;
mod keyboard;
mod labels;
mod record_tools;
mod source;
mod state;
mod table;
mod toolbar;
mod tz;
mod unwrap_note;

pub use app::App;
pub use state::{Action, AppState, CopyKind, Files, Notice, Phase, Selection};
