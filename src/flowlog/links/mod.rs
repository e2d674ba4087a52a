//! What leaves the page on purpose: share links (and masking them), and outputs for other
//! tools — the Athena table and Logs Insights query, ECS and OCSF documents.

pub mod at_scale;
pub mod learn;
pub mod schema;
pub mod share;
