//! The command printed on leaving an interview runs as printed: it names
//! the program the way it was started (its path, unless PATH finds the same
//! program as `crm-ready`) and repeats the round and day given, so the
//! resumed interview is filed where it was meant to go.

use std::path::Path;

use crm_ready::core::shell_word::shell_quote;

use crate::support::{BIN, Test};
use crate::tty::{QUESTIONNAIRE, Tty, draft_path, wait_for_draft};

const DETAILS: [&str; 6] = ["--org", "Acme Ltd", "--label", "Board pre-signing", "--date", "2026-10-02"];

/// Starts an interview with a round and a day, answers the first question
/// and leaves; returns what was printed after.
fn leave_after_one_answer(test: Test, data_home: &Path) -> String {
    let mut tty = Tty::spawn_test(test.env("XDG_DATA_HOME", data_home));
    tty.wait_for("Who is this assessment for?");
    tty.wait_for("Filed under   round Board pre-signing · held 2026-10-02");
    tty.send("\r\r\r\r\r");
    tty.wait_for("Has the company written down");
    tty.send("1");
    let draft = draft_path(data_home, "interview@acme-ltd.json");
    let saved = wait_for_draft(&draft, |d| d["answers"]["answers"].as_object().is_some_and(|a| !a.is_empty()));
    assert_eq!(saved["answers"]["label"], "Board pre-signing");
    tty.leave();
    assert_eq!(tty.wait_exit(), 130);
    tty.after_exit()
}

/// The command after "To carry on, run: ".
fn resume_command(out: &str) -> &str {
    let at = out.find("To carry on, run: ").unwrap_or_else(|| panic!("no resume command:\n{out}"));
    out[at + "To carry on, run: ".len()..].lines().next().unwrap().trim_end()
}

#[test]
fn the_resume_command_runs_as_printed_and_files_the_interview_in_its_round() {
    let home = tempfile::tempdir().unwrap();
    let args = [&["assess", "-q", QUESTIONNAIRE][..], &DETAILS].concat();
    let out = leave_after_one_answer(Test::new().args(&args), home.path());
    let program = std::fs::canonicalize(BIN).unwrap();
    let expected = format!(
        "{} assess --questionnaire {QUESTIONNAIRE} --resume --organization 'Acme Ltd' --label 'Board pre-signing' --date 2026-10-02",
        shell_quote(&program.to_string_lossy())
    );
    let command = resume_command(&out);
    assert_eq!(command, expected, "not on PATH: started by its path");

    // Run exactly that, and finish: the report is filed in the round given.
    let line = format!("{command} --no-save --format json");
    let mut tty = Tty::spawn_test(Test::program("sh").args(["-c", &line]).env("XDG_DATA_HOME", home.path()));
    tty.wait_for("Welcome back: 1 of");
    tty.send("r");
    tty.wait_for("Review your answers");
    tty.send("s");
    tty.wait_for("Submit now?");
    tty.send("y");
    tty.wait_for("Result:");
    tty.send("\r");
    assert_eq!(tty.wait_exit(), 0);
    let out = tty.after_exit();
    let json = &out[out.find('{').expect("a JSON report on stdout")..];
    let report: serde_json::Value = serde_json::Deserializer::from_str(json).into_iter().next().unwrap().unwrap();
    assert_eq!(report["label"], "Board pre-signing");
    assert!(report["assessed_at"].as_str().is_some_and(|at| at.starts_with("2026-10-02")), "{report}");
}

#[test]
fn the_resume_command_says_crm_ready_when_path_finds_this_program() {
    let home = tempfile::tempdir().unwrap();
    let bin = home.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::os::unix::fs::symlink(BIN, bin.join("crm-ready")).unwrap();
    let path = std::env::join_paths([bin]).unwrap();
    let args = [&["assess", "-q", QUESTIONNAIRE][..], &DETAILS].concat();
    let out = leave_after_one_answer(Test::new().args(&args).env("PATH", path), home.path());
    assert!(resume_command(&out).starts_with("crm-ready assess --questionnaire"), "{out}");
}
