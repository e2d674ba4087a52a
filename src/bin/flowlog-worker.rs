//! The web worker binary: opens and indexes dropped files off the main thread.

fn main() {
    #[cfg(target_arch = "wasm32")]
    vpc_flowlog_decoder::web::file_worker::run();
}
