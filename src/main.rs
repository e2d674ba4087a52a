//! The web app's entry point: mounts the yew app (wasm32 only).

fn main() {
    #[cfg(target_arch = "wasm32")]
    vpc_flowlog_decoder::ui::start();
}
