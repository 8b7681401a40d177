//! Helpers shared by integration tests. Not a test target of its own: cargo
//! only builds the files directly in `tests/`.

#![allow(dead_code)]

pub mod generate;
