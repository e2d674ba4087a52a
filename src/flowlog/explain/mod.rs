//! Record → words: each value's meaning, the one-sentence summary, the story, address
//! kinds, and a record copied as Markdown or JSON.

pub mod across;
pub mod addr;
pub mod copy;
pub mod describe;
pub mod picture;
pub mod sentence;
pub mod story;
