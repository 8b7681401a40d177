//! Questionnaires: the model, the TOML loader with its checks, and the
//! built-in ones.

pub mod builtin;
mod load;
mod model;
mod options;
mod when;

pub use load::{content_hash, parse};
pub use model::*;
