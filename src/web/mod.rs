//! Browser glue shared by the page and the workers: storage, the URL fragment, the
//! clipboard, the time zone, keyboard focus, and the workers' entry points.

pub mod browser;
pub mod envelope;
pub mod keyboard;
pub mod picture;
pub mod tz;

#[cfg(target_arch = "wasm32")]
pub mod file_worker;
#[cfg(target_arch = "wasm32")]
pub mod parquet_worker;
