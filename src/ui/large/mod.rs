//! A large input: the view (filter, sort, totals, export, virtual rows), where its answers
//! come from, the files handed to the worker, and their first lines while they open.

pub mod files;
pub mod preview;
pub mod source;
pub mod view;
