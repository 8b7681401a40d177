//! A terminal that disappears under the interview (its window closed, its
//! tmux server killed) ends the interview with exit code 130 and the draft
//! kept, instead of leaving a process behind that spins on a dead terminal
//! or panicking while it prints to it.
//!
//! Runs the real binary in a private tmux server, as a user would.

#![cfg(target_os = "linux")]

use std::path::Path;
use std::process::{Command, Output};
use std::time::Instant;

use crate::support::{Test, tool_available};
use crate::tty::{ACME_DRAFT, POLL, QUESTIONNAIRE, TIMEOUT, draft_path, wait_for_draft};

/// A tmux server of this test's own, away from any the user runs.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn new() -> Tmux {
        Tmux { socket: format!("crm-ready-test-{}", std::process::id()) }
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux").arg("-L").arg(&self.socket).args(args).env_remove("TMUX").output().expect("tmux runs")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return;
            }
            assert!(Instant::now() < deadline, "never showed {text:?}:\n{screen}");
            std::thread::sleep(POLL);
        }
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// The interview in the tmux server, under a shell that outlives the
/// terminal (it ignores the hang-up) to write the interview's exit code to
/// `code`; keep the `Test` (its home) while it runs.
fn start(tmux: &Tmux, home: &Path, code: &Path) -> Test {
    let interview = Test::new()
        .args(["assess", "-q", QUESTIONNAIRE, "--no-save"])
        .env("XDG_DATA_HOME", home)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm-256color");
    let command = format!("trap '' HUP; ( {} ); echo $? > '{}'", interview.shell_line(), code.display());
    let started = tmux.run(&["new-session", "-d", "-s", "t", "-x", "80", "-y", "24", &command]);
    assert!(started.status.success(), "{}", String::from_utf8_lossy(&started.stderr));
    interview
}

/// Waits for the exit code the shell writes once the interview has ended.
fn wait_for_code(code: &Path) -> String {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        if let Ok(text) = std::fs::read_to_string(code)
            && text.ends_with('\n')
        {
            return text.trim().to_string();
        }
        assert!(Instant::now() < deadline, "the interview outlived its terminal");
        std::thread::sleep(POLL);
    }
}

#[test]
fn closing_the_terminal_ends_the_interview_with_130_and_keeps_the_draft() {
    if !tool_available("tmux", "apt-get install tmux") {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let code = home.path().join("exit-code");
    let tmux = Tmux::new();
    let _interview = start(&tmux, home.path(), &code);
    tmux.wait_for("Who is this assessment for?");
    tmux.keys(&["Acme Ltd", "Enter", "Enter", "Enter", "Enter", "Enter"]);
    tmux.wait_for("Question 1 of");
    tmux.keys(&["4"]);
    let draft = draft_path(home.path(), ACME_DRAFT);
    let answered = |d: &serde_json::Value| d["answers"]["answers"]["vision.objective"].is_string();
    wait_for_draft(&draft, answered);

    // The terminal goes away under the running interview: what it prints
    // then cannot be written, and must not turn into a panic (exit 101).
    assert!(tmux.run(&["kill-server"]).status.success());
    assert_eq!(wait_for_code(&code), "130", "interrupted, as on SIGHUP");
    let saved = wait_for_draft(&draft, answered);
    assert!(saved["position"]["question"].as_str().is_some_and(|q| q != "vision.objective"), "{saved}");
}
