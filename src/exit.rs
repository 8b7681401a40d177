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

/// What an exit code means: `summary` for `--help` (the README's table
/// opens each row with it), `detail` for the man pages' EXIT STATUS.
pub struct Meaning {
    pub code: u8,
    pub summary: &'static str,
    pub detail: &'static str,
}

/// Every exit code the program gives, in order.
pub const MEANINGS: &[Meaning] = &[
    Meaning { code: OK, summary: "success", detail: "Done as asked." },
    Meaning {
        code: GATE,
        summary: "a --fail-on gate tripped, or lint found something",
        detail: "A --fail-on gate tripped: the assessment is at or below the bar given; or lint found something \
                 in a questionnaire.",
    },
    Meaning {
        code: INVALID,
        summary: "invalid input or usage",
        detail: "Invalid input or usage: a questionnaire or answers file failed its checks (every problem is \
                 listed on stderr with its file, line and column), or the command line is wrong.",
    },
    Meaning { code: IO, summary: "an I/O failure", detail: "A file could not be read or written." },
    Meaning {
        code: INTERRUPTED,
        summary: "did not finish: the interview was left before it was submitted, or interrupted",
        detail: "Did not finish: the interview was left before it was submitted (q or Esc), interrupted by Ctrl-C \
                 or a signal, or its terminal closed; its draft is kept.",
    },
];

/// The exit codes in one sentence, for the end of `--help`.
pub fn summary() -> String {
    let codes: Vec<String> = MEANINGS.iter().map(|m| format!("{} {}", m.code, m.summary)).collect();
    format!("Exit codes: {}.", codes.join("; "))
}

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
