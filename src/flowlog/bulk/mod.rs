//! Whole files: opening and unwrapping them, the compact index and its streamed builder,
//! filter, sort, totals and export, and the store that owns a large input.

pub mod across;
pub mod export;
pub mod index;
pub mod open;
pub mod parquet;
pub mod query;
pub mod sort;
pub mod store;
pub mod totals;
