//! A draft is kept only once there is something in it: beginning the
//! interview and quitting leaves none behind, one answer leaves one.

use std::path::Path;

use crate::tty::{Tty, draft_path, wait_for_draft};

/// crm-quick for Acme Ltd, past the start form, at the first question
/// (whatever its wording).
fn begin(data_home: &Path) -> Tty {
    let mut tty = Tty::spawn(data_home, &["assess", "--questionnaire", "crm-quick"]);
    tty.wait_for("Who is this assessment for?");
    tty.send("Acme Ltd\r\r\r\r\r");
    tty.wait_for("answered (0%)");
    tty
}

/// Every draft file in the throw-away data directory.
fn drafts(data_home: &Path) -> Vec<String> {
    let dir = draft_path(data_home, "");
    std::fs::read_dir(dir)
        .map_or_else(|_| Vec::new(), |d| d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect())
}

#[test]
fn beginning_then_quitting_leaves_no_draft() {
    let home = tempfile::tempdir().unwrap();
    let mut tty = begin(home.path());
    tty.leave();
    assert_eq!(tty.wait_exit(), 130, "left unfinished");
    tty.assert_restored();
    let out = tty.after_exit();
    assert!(out.contains("Nothing was answered, so nothing new was saved."), "{out}");
    assert!(!out.contains("--resume"), "nothing to resume: {out}");
    assert_eq!(drafts(home.path()), Vec::<String>::new());
}

#[test]
fn one_answer_then_quitting_leaves_one_draft() {
    let home = tempfile::tempdir().unwrap();
    let draft = draft_path(home.path(), "crm-quick@acme-ltd.json");
    let mut tty = begin(home.path());
    tty.send("2");
    wait_for_draft(&draft, |d| d["answers"]["answers"]["vision.objective"].is_string());
    tty.leave();
    assert_eq!(tty.wait_exit(), 130, "left unfinished");
    let out = tty.after_exit();
    assert!(out.contains(&format!("Your answers are saved in {}", draft.display())), "{out}");
    let saved = wait_for_draft(&draft, |d| d["position"]["question"].is_string());
    assert_eq!(saved["answers"]["answers"].as_object().unwrap().len(), 1);
    assert_eq!(drafts(home.path()), ["crm-quick@acme-ltd.json"]);
}
