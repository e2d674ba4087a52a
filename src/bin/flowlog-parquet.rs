//! The Parquet worker binary: reads a Parquet file as flow log text for the file
//! worker, which starts it only when a Parquet file arrives.

fn main() {
    #[cfg(target_arch = "wasm32")]
    vpc_flowlog_decoder::web::parquet_worker::run();
}
