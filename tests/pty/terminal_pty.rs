//! The terminal is always given back, end to end in a pseudo-terminal:
//! Ctrl-Z and SIGTSTP suspend to the shell and `fg` redraws; SIGINT, SIGTERM
//! and SIGHUP restore it and keep the draft; a panic restores it before its
//! message; a draft that cannot be written is reported, and leaving still
//! restores it.

use std::path::Path;
use std::process::Command;

use expectrl::process::unix::Signal;

use crate::support::Test;
use crate::tty::{ACME_DRAFT, CTRL_Z, QUESTIONNAIRE, Tty, begin, draft_path, fill_start_form, wait_for_draft};

/// The shell's prompt, set so the tests can tell when the shell has the
/// terminal.
const PROMPT: &str = "test-shell$ ";

/// The second and third questions of [`QUESTIONNAIRE`].
const SECOND: &str = "When you decide what the CRM should do";
const THIRD: &str = "Can you say, specifically, how the CRM";

/// An interactive POSIX shell in the PTY, which has job control: the way
/// people really run the interview, and the only place Ctrl-Z can go back to.
/// `$CRM_READY` is the binary.
fn shell(data_home: &Path) -> Tty {
    let sh = Test::program("sh").arg("-i").env("PS1", PROMPT).env_remove("ENV").env("XDG_DATA_HOME", data_home);
    let mut tty = Tty::spawn_test(sh);
    tty.wait_for(PROMPT);
    tty
}

/// Starts the interview from the shell and returns its process id.
#[cfg(target_os = "linux")]
fn interview_in(tty: &mut Tty) -> i32 {
    tty.send(&format!("\"$CRM_READY\" assess --questionnaire {QUESTIONNAIRE}\r"));
    fill_start_form(tty);
    let children = crate::tty::children_of(tty.pid());
    assert_eq!(children.len(), 1, "the shell runs just the interview: {children:?}");
    children[0]
}

/// Waits until the shell has the terminal back: the app has left the
/// alternate screen and the shell has printed its prompt after that.
fn wait_for_the_shell(tty: &mut Tty) {
    tty.wait_until("the shell's prompt", |t| !t.parser.screen().alternate_screen() && t.after_exit().contains(PROMPT));
}

/// `fg` in the shell: the interview takes the terminal again and draws
/// `text` on a fresh alternate screen.
fn fg_redraws(tty: &mut Tty, text: &str) {
    let entered = tty.times_entered();
    tty.send("fg\r");
    tty.wait_until(&format!("{text:?} drawn again"), |t| {
        t.times_entered() > entered && t.parser.screen().alternate_screen() && t.screen().contains(text)
    });
}

/// Leaves the interview from the question screen and checks the exit code
/// the shell saw: 130, the interview did not finish.
fn quit_from_the_shell(tty: &mut Tty) {
    tty.leave();
    wait_for_the_shell(tty);
    tty.assert_restored();
    tty.send("echo \"status=$?\"\r");
    tty.wait_for("status=130");
}

#[test]
#[cfg(target_os = "linux")]
fn ctrl_z_suspends_to_the_shell_and_fg_redraws_the_question() {
    use crate::tty::{process_state, wait_for_state};

    let home = tempfile::tempdir().unwrap();
    let draft = draft_path(home.path(), ACME_DRAFT);
    let mut tty = shell(home.path());
    let app = interview_in(&mut tty);
    tty.send("2");
    tty.wait_for(SECOND);

    tty.send(CTRL_Z);
    wait_for_state(app, 'T');
    wait_for_the_shell(&mut tty);
    tty.assert_restored();
    let saved = wait_for_draft(&draft, |d| d["position"]["question"] == "vision.strategy");
    assert_eq!(saved["answers"]["answers"]["vision.objective"], "written-general", "saved before stopping");
    assert_eq!(process_state(app), Some('T'), "still stopped while the shell has the terminal");

    fg_redraws(&mut tty, SECOND);
    // The alternate screen starts blank, so this is a full redraw.
    tty.wait_for("1 of 10 answered");
    assert!(tty.parser.screen().hide_cursor(), "the cursor is hidden again");
    tty.send("1");
    tty.wait_for(THIRD);
    quit_from_the_shell(&mut tty);
    let saved = wait_for_draft(&draft, |d| d["position"]["question"] == "business-case.how");
    assert_eq!(saved["answers"]["answers"]["vision.objective"], "written-general");
    assert_eq!(saved["answers"]["answers"]["vision.strategy"], "customer-first");
}

#[test]
#[cfg(target_os = "linux")]
fn sigtstp_from_outside_suspends_the_same_way() {
    use rustix::process::{Pid, Signal, kill_process};

    let home = tempfile::tempdir().unwrap();
    let mut tty = shell(home.path());
    let app = interview_in(&mut tty);
    // Mid-edit: the note being written survives the suspension.
    tty.send("n");
    tty.wait_for("Note on this answer");
    tty.send("ask the board");
    tty.wait_for("ask the board");

    kill_process(Pid::from_raw(app).unwrap(), Signal::TSTP).unwrap();
    crate::tty::wait_for_state(app, 'T');
    wait_for_the_shell(&mut tty);
    tty.assert_restored();

    fg_redraws(&mut tty, "ask the board");
    assert!(tty.screen().contains("Note on this answer"), "{}", tty.screen());
    tty.send("\r");
    tty.wait_for("Note saved.");
    quit_from_the_shell(&mut tty);
    let saved = wait_for_draft(&draft_path(home.path(), ACME_DRAFT), |d| {
        d["answers"]["notes"]["vision.objective"] == "ask the board"
    });
    assert_eq!(saved["position"]["question"], "vision.objective");
}

/// Started straight in a terminal, with no shell to return to, stopping
/// would freeze the interview for good: Ctrl-Z says so and carries on.
#[test]
fn ctrl_z_without_a_shell_to_return_to_keeps_the_interview_open() {
    let home = tempfile::tempdir().unwrap();
    let mut tty = begin(home.path(), &[]);
    let entered = tty.times_entered();
    tty.send(CTRL_Z);
    tty.wait_for("Ctrl-Z needs a shell with job control");
    assert_eq!(tty.times_entered(), entered, "the terminal was never handed back");
    assert!(tty.parser.screen().alternate_screen());
    tty.send("2");
    tty.wait_for(SECOND);
    tty.send("\x03");
    assert_eq!(tty.wait_exit(), 130);
    tty.assert_restored();
}

/// A signal after the first answer: exit 130, the terminal restored, the
/// answer and the position kept, and the way back printed.
fn a_signal_restores_the_terminal_and_keeps_the_draft(signal: Signal) {
    let home = tempfile::tempdir().unwrap();
    let mut tty = begin(home.path(), &[]);
    tty.send("4");
    tty.wait_for(SECOND);
    let draft = draft_path(home.path(), ACME_DRAFT);
    wait_for_draft(&draft, |d| d["answers"]["answers"]["vision.objective"] == "none");
    tty.session.get_process_mut().signal(signal).unwrap();
    assert_eq!(tty.wait_exit(), 130, "{signal:?}");
    tty.assert_restored();
    let out = tty.after_exit();
    assert!(out.contains("Your answers are saved in"), "{out}");
    assert!(out.contains("--resume --organization 'Acme Ltd'"), "{out}");
    let saved = wait_for_draft(&draft, |d| d["position"]["question"] == "vision.strategy");
    assert_eq!(saved["answers"]["answers"]["vision.objective"], "none");
}

#[test]
fn sigterm_restores_the_terminal_and_keeps_the_draft() {
    a_signal_restores_the_terminal_and_keeps_the_draft(Signal::SIGTERM);
}

#[test]
fn sigint_restores_the_terminal_and_keeps_the_draft() {
    a_signal_restores_the_terminal_and_keeps_the_draft(Signal::SIGINT);
}

#[test]
fn sighup_restores_the_terminal_and_keeps_the_draft() {
    a_signal_restores_the_terminal_and_keeps_the_draft(Signal::SIGHUP);
}

/// Set for `panic_in_the_app` when it runs in the PTY.
const PANIC_HELPER: &str = "CRM_READY_TEST_PANIC_IN_A_PTY";

/// The message `panic_in_the_app` panics with.
const PANIC_MESSAGE: &str = "deliberate panic with the terminal taken over";

/// Run only by `a_panic_restores_the_terminal_before_its_message`, in a PTY:
/// takes the terminal over as the interview does, draws, and panics.
#[test]
#[ignore = "run in a PTY by a_panic_restores_the_terminal_before_its_message"]
fn panic_in_the_app() {
    use ratatui::Terminal;
    use ratatui::backend::CrosstermBackend;
    use ratatui::widgets::Paragraph;

    // Only in the PTY: `--include-ignored` would otherwise run it here.
    if std::env::var_os(PANIC_HELPER).is_none() {
        return;
    }
    let _guard = crm_ready::tui::terminal::TerminalGuard::enter().unwrap();
    let mut terminal = Terminal::new(CrosstermBackend::new(std::io::stdout())).unwrap();
    terminal.draw(|f| f.render_widget(Paragraph::new(APP_SCREEN), f.area())).unwrap();
    panic!("{PANIC_MESSAGE}");
}

/// What `panic_in_the_app` draws (no spaces: ratatui may write those as
/// cursor moves).
const APP_SCREEN: &str = "the-app's-screen";

#[test]
fn a_panic_restores_the_terminal_before_its_message() {
    // The test's name as the harness knows it: its path without the crate.
    let name = format!("{}::panic_in_the_app", module_path!().split_once("::").unwrap().1);
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([name.as_str(), "--exact", "--ignored", "--nocapture", "--test-threads=1"])
        .env("RUST_BACKTRACE", "0")
        .env(PANIC_HELPER, "1");
    let mut tty = Tty::spawn_command(cmd);
    assert_eq!(tty.wait_exit(), 101, "the test harness reports the panic");
    tty.assert_restored();
    // In order: the alternate screen, the app's drawing, the restore, and
    // only then the panic message.
    let raw = String::from_utf8_lossy(&tty.raw);
    let at = |what: &str| raw.find(what).unwrap_or_else(|| panic!("no {what:?} in the output:\n{raw}"));
    let order = [at("\x1b[?1049h"), at(APP_SCREEN), at("\x1b[?1049l"), at(PANIC_MESSAGE)];
    assert!(order.is_sorted(), "{order:?} in:\n{raw}");
    // Raw mode is off again: the terminal turns "\n" into a new line at the
    // left margin, so the message starts a row rather than trailing the
    // panic's location on a staircase.
    let screen = tty.screen();
    assert!(screen.lines().any(|row| row.starts_with(PANIC_MESSAGE)), "{screen}");
}

/// A data directory under a regular file: every save fails. The interview
/// says so at once, warns again before leaving, and exits 3 (a file could
/// not be written) with the terminal restored.
#[test]
fn a_draft_that_cannot_be_written_is_reported_and_leaving_restores_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let blocker = home.path().join("not-a-directory");
    std::fs::write(&blocker, "").unwrap();
    // Beginning writes nothing (there is nothing to keep yet); the first
    // answer is the first save, and it fails.
    let mut tty = begin(&blocker.join("data"), &[]);
    tty.send("1");
    tty.wait_for(SECOND);
    tty.wait_for("Could not save your progress");
    tty.send("q");
    tty.wait_for("Leave the interview?");
    tty.wait_for("the last save failed");
    tty.send("y");
    assert_eq!(tty.wait_exit(), 3);
    tty.assert_restored();
    let out = tty.after_exit();
    assert!(out.contains("the last save failed"), "{out}");
    assert!(out.contains("the most recent answers were not kept"), "{out}");
}
