//! A terminal that disappears under the interview (its window closed, its
//! tmux server killed) ends the interview with the draft kept, instead of
//! leaving a process behind that spins on a dead terminal.
//!
//! Runs the real binary in a private tmux server, as a user would.

#![cfg(target_os = "linux")]

use std::path::Path;
use std::process::{Command, Output};
use std::time::Instant;

use crate::support::{Test, tool_available};
use crate::tty::{ACME_DRAFT, POLL, QUESTIONNAIRE, TIMEOUT, draft_path, process_state, wait_for_draft};

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

/// The interview in the tmux server; keep the `Test` (its home) while it
/// runs.
fn start(tmux: &Tmux, home: &Path) -> (i32, Test) {
    let interview = Test::new()
        .args(["assess", "-q", QUESTIONNAIRE, "--no-save"])
        .env("XDG_DATA_HOME", home)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm-256color");
    let command = interview.shell_line();
    let started = tmux.run(&["new-session", "-d", "-s", "t", "-x", "80", "-y", "24", &command]);
    assert!(started.status.success(), "{}", String::from_utf8_lossy(&started.stderr));
    let pid = tmux.run(&["list-panes", "-t", "t", "-F", "#{pane_pid}"]);
    (String::from_utf8_lossy(&pid.stdout).trim().parse().expect("the pane's process id"), interview)
}

#[test]
fn closing_the_terminal_ends_the_interview_and_keeps_the_draft() {
    if !tool_available("tmux", "apt-get install tmux") {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let tmux = Tmux::new();
    let (pid, _interview) = start(&tmux, home.path());
    tmux.wait_for("Who is this assessment for?");
    tmux.keys(&["Acme Ltd", "Enter", "Enter", "Enter", "Enter", "Enter"]);
    tmux.wait_for("Question 1 of 2");
    tmux.keys(&["4"]);
    let draft = draft_path(home.path(), ACME_DRAFT);
    wait_for_draft(&draft, |d| d["answers"]["answers"]["vision.objective"] == "none");

    // The terminal goes away under the running interview.
    assert!(tmux.run(&["kill-server"]).status.success());
    let deadline = Instant::now() + TIMEOUT;
    while let Some(state) = process_state(pid) {
        assert!(state == 'Z' || Instant::now() < deadline, "the interview outlived its terminal (state {state})");
        if state == 'Z' {
            break;
        }
        std::thread::sleep(POLL);
    }
    let saved = wait_for_draft(&draft, |d| d["answers"]["answers"]["vision.objective"] == "none");
    assert_eq!(saved["position"]["question"], "vision.strategy");
}
