//! The one command builder for the binary in tests.
//!
//! Every run gets a throw-away home (HOME and the XDG directories point into
//! a temporary directory) and none of the user's `CRM_READY_STORE`,
//! `NO_COLOR` or `COLUMNS`, so a test can neither touch the real user's
//! files nor depend on the shell it was started from.

use std::ffi::OsStr;
use std::io::Write;
use std::path::Path;
use std::process::{Child, ChildStdout, Command, Output, Stdio};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Duration;

use tempfile::TempDir;

use super::{BIN, ROOT};

/// A run of the binary (or of a script that runs it), being set up.
pub struct Test {
    command: Command,
    home: TempDir,
    stdin: Option<Vec<u8>>,
}

impl Test {
    /// The binary, from the project root, in a throw-away home.
    pub fn new() -> Test {
        Test::program(BIN)
    }

    /// Another program (a shell, a script) under the same isolation, with
    /// `$CRM_READY` naming the binary for it to run.
    pub fn program(program: impl AsRef<OsStr>) -> Test {
        let home = tempfile::tempdir().expect("a temporary home");
        let mut command = Command::new(program);
        command
            .current_dir(ROOT)
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_STATE_HOME", home.path().join("state"))
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("CRM_READY", BIN)
            .env_remove("CRM_READY_STORE")
            .env_remove("NO_COLOR")
            .env_remove("COLUMNS");
        Test { command, home, stdin: None }
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Test {
        self.command.arg(arg);
        self
    }

    pub fn args<S: AsRef<OsStr>>(mut self, args: impl IntoIterator<Item = S>) -> Test {
        self.command.args(args);
        self
    }

    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Test {
        self.command.env(key, value);
        self
    }

    pub fn env_remove(mut self, key: impl AsRef<OsStr>) -> Test {
        self.command.env_remove(key);
        self
    }

    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Test {
        self.command.current_dir(dir);
        self
    }

    /// What the program reads on stdin; without it, stdin is empty.
    pub fn stdin(mut self, input: impl Into<Vec<u8>>) -> Test {
        self.stdin = Some(input.into());
        self
    }

    /// The throw-away home.
    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// Runs to the end.
    pub fn run(self) -> Finished {
        self.spawn().finish()
    }

    /// Runs to the end, or kills the program and fails the test once
    /// `limit` has passed: for inputs that could make it hang.
    pub fn run_within(self, limit: Duration) -> Finished {
        let running = self.spawn();
        let (pid, what) = (running.child.id(), running.what.clone());
        let (done, finished) = mpsc::channel();
        let waiter = std::thread::spawn(move || {
            // The receiver is gone only if the test already failed.
            let _ = done.send(running.finish());
        });
        match finished.recv_timeout(limit) {
            Ok(finished) => {
                waiter.join().expect("the waiter does not panic");
                finished
            }
            Err(_) => {
                kill(pid);
                panic!("{what} did not finish within {limit:?}: killed");
            }
        }
    }

    /// Starts it with stdout and stderr piped, for a test that reads the
    /// output as it comes or runs several at once.
    pub fn spawn(mut self) -> Running {
        let what = describe(&self.command);
        let stdin = if self.stdin.is_some() { Stdio::piped() } else { Stdio::null() };
        let mut child = self
            .command
            .stdin(stdin)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {what}: {e}"));
        // Written from a thread: a program that answers before it has read
        // everything would otherwise fill its pipe and wait on us for ever.
        let writer = self.stdin.take().map(|input| {
            let mut pipe = child.stdin.take().expect("stdin is piped");
            std::thread::spawn(move || {
                // A program that stops reading early closes the pipe: fine.
                let _ = pipe.write_all(&input);
            })
        });
        Running { child, writer, what, home: self.home }
    }

    /// The command and the home it needs kept, for a harness that starts it
    /// its own way (in a pseudo-terminal).
    pub fn into_command(self) -> (Command, TempDir) {
        (self.command, self.home)
    }

    /// The same run as one line of `sh`, for a harness that can only be
    /// handed a command line (tmux).
    pub fn shell_line(&self) -> String {
        let cmd = &self.command;
        let dir = cmd.get_current_dir().unwrap_or(Path::new(ROOT));
        let mut line = format!("cd {} && exec env", quote(dir.as_os_str()));
        let envs: Vec<(&OsStr, Option<&OsStr>)> = cmd.get_envs().collect();
        for (key, _) in envs.iter().filter(|(_, value)| value.is_none()) {
            line.push_str(&format!(" -u {}", quote(key)));
        }
        for (key, value) in envs.iter().filter_map(|(k, v)| Some((k, (*v)?))) {
            line.push_str(&format!(" {}={}", key.to_string_lossy(), quote(value)));
        }
        line.push_str(&format!(" {}", quote(cmd.get_program())));
        for arg in cmd.get_args() {
            line.push_str(&format!(" {}", quote(arg)));
        }
        line
    }
}

impl Default for Test {
    fn default() -> Test {
        Test::new()
    }
}

/// A started run.
pub struct Running {
    child: Child,
    writer: Option<JoinHandle<()>>,
    what: String,
    home: TempDir,
}

impl Running {
    /// The output pipe, to read from as the program writes; dropping it
    /// closes our end.
    pub fn take_stdout(&mut self) -> ChildStdout {
        self.child.stdout.take().expect("stdout is piped and taken once")
    }

    /// Waits for the end and collects what is left of the output.
    pub fn finish(self) -> Finished {
        let output = self.child.wait_with_output().unwrap_or_else(|e| panic!("waiting for {}: {e}", self.what));
        if let Some(writer) = self.writer {
            writer.join().expect("the stdin writer does not panic");
        }
        Finished::new(self.what, output, self.home)
    }
}

/// A run that has ended: its exit code and output, to assert on.
pub struct Finished {
    what: String,
    code: Option<i32>,
    stdout: String,
    stderr: String,
    /// Kept until the test is done with the result: the program may have
    /// left files there.
    _home: TempDir,
}

impl Finished {
    fn new(what: String, output: Output, home: TempDir) -> Finished {
        let text = |bytes: Vec<u8>, stream: &str| {
            String::from_utf8(bytes)
                .unwrap_or_else(|e| panic!("{what} wrote something other than UTF-8 to {stream}: {e}"))
        };
        let stdout = text(output.stdout, "stdout");
        let stderr = text(output.stderr, "stderr");
        Finished { code: output.status.code(), stdout, stderr, what, _home: home }
    }

    /// The exit code; a test fails if a signal ended the program.
    pub fn code(&self) -> i32 {
        self.code.unwrap_or_else(|| panic!("{} was ended by a signal\n{}", self.what, self.streams()))
    }

    pub fn stdout(&self) -> &str {
        &self.stdout
    }

    pub fn stderr(&self) -> &str {
        &self.stderr
    }

    /// Fails the test, showing everything the program wrote, unless it
    /// exited with `code`.
    pub fn exits(self, code: i32) -> Finished {
        assert!(self.code == Some(code), "{} exited {:?}, expected {code}\n{}", self.what, self.code, self.streams());
        self
    }

    /// stdout as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("{} did not print JSON ({e})\n{}", self.what, self.streams()))
    }

    fn streams(&self) -> String {
        format!("--- stdout ---\n{}--- stderr ---\n{}", self.stdout, self.stderr)
    }
}

/// Ends the process this test started, by its id.
fn kill(pid: u32) {
    #[cfg(unix)]
    // SAFETY: sends a signal to one process id; no memory is involved.
    unsafe {
        libc::kill(pid as libc::pid_t, libc::SIGKILL);
    }
    #[cfg(not(unix))]
    let _ = pid;
}

/// The command line, for failure messages.
fn describe(command: &Command) -> String {
    let mut words = vec![Path::new(command.get_program()).file_name().unwrap_or_default().to_string_lossy()];
    words.extend(command.get_args().map(OsStr::to_string_lossy));
    format!("`{}`", words.join(" "))
}

/// `text` as one word for `sh`.
fn quote(text: &OsStr) -> String {
    format!("'{}'", text.to_string_lossy().replace('\'', r"'\''"))
}
