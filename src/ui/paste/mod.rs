//! What a paste shows: the record card, the rows of many records, the explanation panel,
//! the list of problems, the per-record tools and the note on what was unwrapped.

pub mod card;
pub mod errors;
pub mod explain;
pub mod record_tools;
pub mod rows;
pub mod ruler;
pub mod unwrap_note;
