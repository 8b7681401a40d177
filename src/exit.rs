//! Exit codes, and how an error maps to one.

use std::process::ExitCode;

use crate::core::diagnostic::InvalidInput;

/// Everything went as asked.
pub const OK: u8 = 0;
/// A `--fail-on` gate tripped.
pub const GATE: u8 = 1;
/// Invalid input or usage.
pub const INVALID: u8 = 2;
/// Reading or writing a file failed.
pub const IO: u8 = 3;
/// Did not finish: interrupted by the user (Ctrl-C) or a signal, or the
/// interview left before it was submitted (its draft is kept).
pub const INTERRUPTED: u8 = 130;

/// A mistake in how the tool was called: exit code 2.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct UsageError {
    pub message: String,
}

impl UsageError {
    pub fn new(message: impl Into<String>) -> Self {
        UsageError { message: message.into() }
    }
}

/// The user interrupted the program: exit code 130.
#[derive(Debug, thiserror::Error)]
#[error("interrupted")]
pub struct Interrupted;

/// The exit code for an error: 2 for bad input or usage, 130 for an
/// interruption, 3 for a failed read or write.
pub fn code_for(err: &anyhow::Error) -> u8 {
    for cause in err.chain() {
        if cause.is::<InvalidInput>() || cause.is::<UsageError>() {
            return INVALID;
        }
        if cause.is::<Interrupted>() {
            return INTERRUPTED;
        }
        if cause.is::<std::io::Error>() {
            return IO;
        }
    }
    INVALID
}

/// Converts a numeric code for `main`.
pub fn exit_code(code: u8) -> ExitCode {
    ExitCode::from(code)
}
