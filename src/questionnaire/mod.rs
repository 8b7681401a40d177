//! Questionnaires: the model, the TOML loader with its checks, and the
//! built-in ones.

pub mod builtin;
mod load;
mod model;
mod options;
mod parallel;
mod when;

pub use load::{content_hash, parse, parse_whole};
pub use model::*;
pub use parallel::parse_in_parts;
