//! Around the records: the input panel, the toolbar, and the query-at-scale panel.

pub mod input_panel;
pub mod query_panel;
pub mod toolbar;
