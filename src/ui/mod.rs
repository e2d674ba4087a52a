//! The yew single-page app. Components only: decoding and prose live in
//! `crate::flowlog` and `crate::fields`.

mod across;
mod app;
mod chrome;
mod hooks;
mod large;
mod learn;
mod paste;
mod state;

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

/// A fresh element for the app, just before the static shell: the stylesheet hides the
/// shell as soon as the app has content, in the same frame, so nothing moves.
#[cfg(target_arch = "wasm32")]
fn app_root() -> Option<web_sys::Element> {
    let document = web_sys::window()?.document()?;
    let root = document.create_element("div").ok()?;
    root.set_id("app-root");
    let body = document.body()?;
    let shell = document.get_element_by_id("shell");
    body.insert_before(&root, shell.as_ref().map(AsRef::as_ref)).ok()?;
    Some(root)
}
pub use state::{Action, AppState, CopyKind, Files, Notice, Phase, Route, RulerLine, Selection};
