//! Across records: what no single record says — conversations and their verdicts,
//! findings (scans, quiet interfaces, skipped records, blocked replies…), who talks to
//! whom and what it costs, and the least rules the traffic needs. Computed over a
//! [`Table`](crate::flowlog::bulk::index::Table) (in the file worker for files).

pub mod conversations;
pub mod findings;
pub mod flows;
