//! Standard input as an input file: `-` on the command line, as in most
//! Unix tools.

use std::io::{self, Read};
use std::path::Path;

use anyhow::Context;

use crate::core::limits::MAX_FILE_BYTES;
use crate::io::input::decode;

/// What standard input is called in messages, where a file gives its path.
pub const STDIN_NAME: &str = "<stdin>";

/// Whether a path given on the command line means standard input (or
/// output): `-`.
pub fn is_dash(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Reads standard input to the end, with the checks a file gets (size cap,
/// UTF-8, not empty).
pub fn read_stdin() -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    io::stdin().lock().take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).context("cannot read stdin")?;
    Ok(decode(STDIN_NAME, bytes)?)
}
