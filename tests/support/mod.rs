//! Helpers shared by integration tests. Not a test target of its own: cargo
//! only builds the files directly in `tests/`.

#![allow(dead_code)]

pub mod generate;
pub mod json_schema;
#[cfg(unix)]
pub mod pty;

use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_crm-ready");
pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The binary, run from the project root with a throw-away home, so that
/// nothing a test runs can touch the real user's files. Keep the directory
/// until the process has finished.
pub fn crm_ready(args: &[&str]) -> (Command, tempfile::TempDir) {
    let home = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .current_dir(ROOT)
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_STATE_HOME", home.path().join("state"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env_remove("CRM_READY_STORE")
        .env_remove("NO_COLOR");
    (cmd, home)
}

/// Runs the binary to completion.
pub fn run(args: &[&str]) -> Output {
    let (mut cmd, _home) = crm_ready(args);
    cmd.output().unwrap()
}
