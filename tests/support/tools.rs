//! The one check for an outside program a test needs (jq, tmux; Chromium
//! later): on a developer's machine without it the test is skipped and says
//! so; where `CRM_READY_REQUIRE_TOOLS` is set, as `.ci/run` sets it, the
//! test fails instead, so CI never skips.

use std::io::Write;
use std::process::{Command, Stdio};

/// Set (to anything) to make a missing tool fail the test.
pub const REQUIRE_TOOLS: &str = "CRM_READY_REQUIRE_TOOLS";

/// Whether `tool` can be run. When it cannot, the calling test should
/// return at once: this has already said it was skipped and why (or failed
/// the test, under `CRM_READY_REQUIRE_TOOLS`). `install` says how to get it.
pub fn tool_available(tool: &str, install: &str) -> bool {
    let runs = Command::new(tool)
        .arg("--version")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if runs {
        return true;
    }
    let test = std::thread::current().name().unwrap_or("a test").to_string();
    assert!(std::env::var_os(REQUIRE_TOOLS).is_none(), "{test} needs {tool}, which is not installed: {install}");
    // Straight to stderr: the test harness would hide a print from a test
    // that passes.
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {tool} is not installed ({install}; .ci/run installs it)");
    false
}
