//! The web app's entry point: mounts the yew app (wasm32 only).

fn main() {
    #[cfg(target_arch = "wasm32")]
    yew::Renderer::<vpc_flowlog_decoder::ui::App>::new().render();
}
