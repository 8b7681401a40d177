//! Driving a program in a pseudo-terminal and reading its screen through a
//! terminal emulator (vt100). No fixed sleeps: every wait polls the parsed
//! screen (or a file, or the process table) until it shows what is expected,
//! and fails after a timeout.

use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::process::unix::WaitStatus;
use tempfile::TempDir;

use crate::support::Test;

pub const TIMEOUT: Duration = Duration::from_secs(10);
/// Pause between polls of a quiet terminal: a wait, not a synchronisation.
pub const POLL: Duration = Duration::from_millis(2);

pub const LEFT: &str = "\x1b[D";
pub const RIGHT: &str = "\x1b[C";
pub const CTRL_Z: &str = "\x1a";

const ENTER_ALTERNATE: &str = "\x1b[?1049h";
const LEAVE_ALTERNATE: &str = "\x1b[?1049l";
const SHOW_CURSOR: &str = "\x1b[?25h";

/// A program running in a PTY, and what it has drawn.
pub struct Tty {
    pub session: expectrl::session::OsSession,
    pub parser: vt100::Parser,
    pub raw: Vec<u8>,
    pub exited: bool,
    /// The run's throw-away home, kept while the program runs.
    _home: Option<TempDir>,
}

impl Tty {
    /// The binary with `args`, drafts under `data_home`, in an 80×24 PTY.
    pub fn spawn(data_home: &Path, args: &[&str]) -> Tty {
        Tty::spawn_test(Test::new().args(args).env("XDG_DATA_HOME", data_home))
    }

    /// A run set up by the tests' command builder, in an 80×24 PTY,
    /// without colour.
    pub fn spawn_test(test: Test) -> Tty {
        let (cmd, home) = test.into_command();
        Tty::start(cmd, Some(home))
    }

    /// A command that is not the binary (the test binary itself), in an
    /// 80×24 PTY, without colour.
    pub fn spawn_command(cmd: Command) -> Tty {
        Tty::start(cmd, None)
    }

    fn start(mut cmd: Command, home: Option<TempDir>) -> Tty {
        cmd.env("NO_COLOR", "1").env("TERM", "xterm-256color");
        let mut session = expectrl::Session::spawn(cmd).expect("spawn in a PTY");
        session.get_process_mut().set_window_size(80, 24).unwrap();
        Tty { session, parser: vt100::Parser::new(24, 80, 0), raw: Vec::new(), exited: false, _home: home }
    }

    pub fn pid(&self) -> i32 {
        self.session.get_process().pid().as_raw()
    }

    /// Reads whatever output is ready; false when there was none.
    pub fn pump(&mut self) -> bool {
        let mut buf = [0u8; 8192];
        match self.session.try_read(&mut buf) {
            Ok(0) => {
                self.exited = true;
                false
            }
            Ok(n) => {
                self.parser.process(&buf[..n]);
                self.raw.extend_from_slice(&buf[..n]);
                true
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => false,
            // Linux reports EIO on the PTY once the child has gone.
            Err(_) => {
                self.exited = true;
                false
            }
        }
    }

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Reads output until `done` holds, failing after the timeout.
    pub fn wait_until(&mut self, what: &str, done: impl Fn(&Tty) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let read = self.pump();
            if done(self) {
                return;
            }
            assert!(
                Instant::now() < deadline && !self.exited,
                "waited for {what}; the screen shows:\n{}",
                self.screen()
            );
            if !read {
                std::thread::sleep(POLL);
            }
        }
    }

    /// Waits until the screen shows `text`.
    pub fn wait_for(&mut self, text: &str) {
        self.wait_until(&format!("{text:?}"), |tty| tty.screen().contains(text));
    }

    pub fn send(&mut self, keys: &str) {
        self.session.write_all(keys.as_bytes()).unwrap();
        self.session.flush().unwrap();
    }

    /// Leaves the interview from a question: q, then yes in the dialog.
    pub fn leave(&mut self) {
        self.send("q");
        self.wait_for("Leave the interview?");
        self.send("y");
    }

    /// Reads to the end and returns the exit code.
    pub fn wait_exit(&mut self) -> i32 {
        let deadline = Instant::now() + TIMEOUT;
        while !self.exited {
            assert!(Instant::now() < deadline, "the program did not exit; the screen shows:\n{}", self.screen());
            if !self.pump() {
                std::thread::sleep(POLL);
            }
        }
        match self.session.get_process().wait().unwrap() {
            WaitStatus::Exited(_, code) => code,
            other => panic!("unexpected end: {other:?}"),
        }
    }

    /// The terminal is back as the app found it: main screen, cursor shown,
    /// and the raw output ends the alternate screen after entering it.
    pub fn assert_restored(&self) {
        let screen = self.parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "cursor still hidden");
        let raw = String::from_utf8_lossy(&self.raw);
        let entered = raw.rfind(ENTER_ALTERNATE).expect("the app used the alternate screen");
        let left = raw.rfind(LEAVE_ALTERNATE).expect("the app left the alternate screen");
        let shown = raw.rfind(SHOW_CURSOR).expect("the app showed the cursor");
        assert!(left > entered && shown > entered, "restored after the last draw");
    }

    /// Everything printed after the app last left the alternate screen, as
    /// text.
    pub fn after_exit(&self) -> String {
        let raw = String::from_utf8_lossy(&self.raw);
        let left = raw.rfind(LEAVE_ALTERNATE).map_or(0, |i| i + LEAVE_ALTERNATE.len());
        let rest = &raw[left..];
        let rest = rest.strip_prefix(SHOW_CURSOR).unwrap_or(rest);
        rest.replace("\r\n", "\n")
    }

    /// How many times the output has entered the alternate screen.
    pub fn times_entered(&self) -> usize {
        String::from_utf8_lossy(&self.raw).matches(ENTER_ALTERNATE).count()
    }
}

/// The questionnaire the interview runs here: a small fixture shaped like a
/// quick check, so that tests of the terminal's handling do not change
/// whenever the built-ins' wording does.
pub const QUESTIONNAIRE: &str = "tests/fixtures/questionnaires/good/interview.toml";
/// The draft of an interview on [`QUESTIONNAIRE`] for Acme Ltd.
pub const ACME_DRAFT: &str = "interview@acme-ltd.json";

pub fn draft_path(data_home: &Path, name: &str) -> PathBuf {
    data_home.join("crm-ready").join("drafts").join(name)
}

/// Waits until the draft file holds JSON for which `ok` is true.
pub fn wait_for_draft(path: &Path, ok: impl Fn(&serde_json::Value) -> bool) -> serde_json::Value {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        if let Ok(text) = std::fs::read_to_string(path)
            && let Ok(json) = serde_json::from_str::<serde_json::Value>(&text)
            && ok(&json)
        {
            return json;
        }
        assert!(Instant::now() < deadline, "draft {} never matched", path.display());
        std::thread::sleep(POLL);
    }
}

/// Starts the interview on [`QUESTIONNAIRE`] for Acme Ltd, past the start
/// form.
pub fn begin(data_home: &Path, extra: &[&str]) -> Tty {
    let mut args = vec!["assess", "--questionnaire", QUESTIONNAIRE];
    args.extend_from_slice(extra);
    let mut tty = Tty::spawn(data_home, &args);
    fill_start_form(&mut tty);
    tty
}

/// Gets through the start form as Acme Ltd, to the first question.
pub fn fill_start_form(tty: &mut Tty) {
    tty.wait_for("Who is this assessment for?");
    tty.send("Acme Ltd\r\r\r\r\r");
    tty.wait_for("Has the company written down");
}

/// The scheduling state of a process (`R`, `S`, `T` for stopped, ...),
/// from `/proc`; `None` once it has gone.
#[cfg(target_os = "linux")]
pub fn process_state(pid: i32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // After the command name, which is in parentheses and may hold anything.
    stat[stat.rfind(')')? + 1..].split_whitespace().next()?.chars().next()
}

/// The processes whose parent is `parent`, from `/proc`.
#[cfg(target_os = "linux")]
pub fn children_of(parent: i32) -> Vec<i32> {
    let Ok(entries) = std::fs::read_dir("/proc") else { return Vec::new() };
    entries
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<i32>().ok())
        .filter(|&pid| {
            let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else { return false };
            let after_name = stat.rfind(')').map_or("", |i| &stat[i + 1..]);
            after_name.split_whitespace().nth(1).and_then(|p| p.parse::<i32>().ok()) == Some(parent)
        })
        .collect()
}

/// Waits until `pid` is in scheduling state `state`.
#[cfg(target_os = "linux")]
pub fn wait_for_state(pid: i32, state: char) {
    let deadline = Instant::now() + TIMEOUT;
    while process_state(pid) != Some(state) {
        assert!(Instant::now() < deadline, "process {pid} never reached state {state}: {:?}", process_state(pid));
        std::thread::sleep(POLL);
    }
}
