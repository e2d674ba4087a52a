//! The yew single-page app. Components only: decoding and prose live in
//! `crate::flowlog` and `crate::fields`.

mod app;
mod card;
mod error_list;
mod explain;
mod input_panel;
mod labels;
mod state;
mod table;
mod tz;

pub use app::App;
pub use state::{Action, AppState, Selection};
