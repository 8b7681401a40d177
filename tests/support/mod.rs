//! Helpers shared by both test binaries (`it` and `pty`): the one way to run
//! the binary, and the one check for an outside tool a test needs. Each
//! binary uses only part of them.

#![allow(dead_code, unused_imports)]

mod command;
mod tools;

pub use command::{Finished, Running, Test};
pub use tools::tool_available;

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_crm-ready");
/// The project root: every test runs from here, so paths in messages are
/// the short relative ones a user would type.
pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");
