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

/// Starts the app beside the static shell of `index.html` (which the app removes once it
/// shows, taking over what was typed into it).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    let root = app_root();
    match root {
        Some(root) => {
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}

/// A fresh element at the end of `<body>` for the app.
#[cfg(target_arch = "wasm32")]
fn app_root() -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    let root = document.create_element("div").ok()?;
    root.set_id("app-root");
    document.body()?.append_child(&root).ok()?;
    Some(root)
}
pub use state::{Action, AppState, CopyKind, Files, Notice, Phase, Selection};
