//! Text measures for the view: width, cutting to fit, padding a column, and
//! the word wrapping the report shares, all from `core::wrap`: measured
//! grapheme by grapheme, as the terminal draws them, so CJK, emoji, flags
//! and combining marks take the cells they take on screen and are never
//! cut in half. Every column in `view` is laid out with these.

pub use crate::core::wrap::{cells, fit, tail, truncate, width, wrap};
