//! A large input: the view (filter, sort, totals, export, virtual rows), where its answers
//! come from, and the files handed to the worker.

pub mod files;
pub mod source;
pub mod view;
