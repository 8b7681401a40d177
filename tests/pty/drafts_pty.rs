//! The drafts directory as a hostile or damaged place: temporary files left
//! by a killed save, a FIFO named like a draft, a draft holding escape
//! sequences, and hostile text pasted into a field. The interview starts
//! (or refuses) at once, and no refused character is ever stored.

use std::path::Path;
use std::time::{Duration, SystemTime};

use crm_ready::core::text::first_forbidden;

use crate::tty::{Tty, draft_path, wait_for_draft};

const BRACKETED_PASTE_START: &str = "\x1b[200~";
const BRACKETED_PASTE_END: &str = "\x1b[201~";

/// Sets a file's modification time `age` into the past.
fn age(path: &Path, age: Duration) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - age).unwrap();
}

#[test]
fn stale_temp_files_of_a_killed_save_are_removed_at_the_next_start() {
    let home = tempfile::tempdir().unwrap();
    let stale = draft_path(home.path(), ".crm-quick@acme-ltd.json.Ab12Cd.tmp");
    let fresh = draft_path(home.path(), ".crm-quick@acme-ltd.json.Zz98Yx.tmp");
    let foreign = draft_path(home.path(), ".notes.tmp");
    std::fs::create_dir_all(stale.parent().unwrap()).unwrap();
    for path in [&stale, &fresh, &foreign] {
        std::fs::write(path, "{\"draft_version\": 1,").unwrap();
    }
    age(&stale, Duration::from_secs(2 * 60 * 60));
    age(&foreign, Duration::from_secs(2 * 60 * 60));

    let mut tty = Tty::spawn(home.path(), &["assess", "-q", "crm-quick"]);
    tty.wait_for("Who is this assessment for?");
    assert!(!stale.exists(), "an old temporary file of ours is removed");
    assert!(fresh.exists(), "a young one may be a save in progress: left alone");
    assert!(foreign.exists(), "a file that is not ours is left alone");
    tty.send("\x03");
    assert_eq!(tty.wait_exit(), 130);
}

#[test]
fn a_fifo_named_like_a_draft_is_skipped_with_a_warning() {
    let home = tempfile::tempdir().unwrap();
    let fifo = draft_path(home.path(), "crm-quick@acme-ltd.json");
    std::fs::create_dir_all(fifo.parent().unwrap()).unwrap();
    let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid, NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);

    // Not read: the interview starts as if there were no draft.
    let mut tty = Tty::spawn(home.path(), &["assess", "-q", "crm-quick"]);
    tty.wait_for("Who is this assessment for?");
    let before = String::from_utf8_lossy(&tty.raw).into_owned();
    let warning = format!("skipped {}: a named pipe (FIFO), not a regular file", fifo.display());
    assert!(before.contains(&warning), "the warning is printed before the interview:\n{before}");
    tty.send("\x03");
    assert_eq!(tty.wait_exit(), 130);

    let mut tty = Tty::spawn(home.path(), &["assess", "-q", "crm-quick", "--resume"]);
    assert_eq!(tty.wait_exit(), 2);
    assert!(tty.screen().contains("no saved interview for `crm-quick`"), "{}", tty.screen());
}

#[test]
fn a_draft_holding_escape_sequences_is_damaged() {
    let home = tempfile::tempdir().unwrap();
    let draft = draft_path(home.path(), "crm-quick@acme-ltd.json");
    let mut tty = Tty::spawn(home.path(), &["assess", "-q", "crm-quick"]);
    tty.wait_for("Who is this assessment for?");
    tty.send("Acme Ltd\r\r\r\r\r");
    tty.wait_for("Question 1 of");
    tty.send("1");
    wait_for_draft(&draft, |d| d["answers"]["answers"]["vision.objective"].is_string());
    tty.send("\x03");
    assert_eq!(tty.wait_exit(), 130);

    let mut json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&draft).unwrap()).unwrap();
    json["answers"]["notes"] = serde_json::json!({ "vision.objective": "\u{1b}]52;c;cm0gLXJmIH4=\u{7}see me" });
    std::fs::write(&draft, serde_json::to_string_pretty(&json).unwrap()).unwrap();
    let mut tty = Tty::spawn(home.path(), &["assess", "-q", "crm-quick", "--resume"]);
    assert_eq!(tty.wait_exit(), 2);
    let screen = tty.screen();
    assert!(screen.contains("the draft is damaged: this string holds an escape character (U+001B)"), "{screen}");
    assert!(screen.contains("move the file away"), "{screen}");
    let raw = String::from_utf8_lossy(&tty.raw);
    assert!(!raw.contains("\x1b]52"), "the clipboard sequence reached the terminal");
}

#[test]
fn hostile_text_pasted_into_a_field_is_never_stored() {
    let home = tempfile::tempdir().unwrap();
    let mut tty = Tty::spawn(home.path(), &["assess", "-q", "crm-quick"]);
    tty.wait_for("Who is this assessment for?");
    let hostile = "Acme\u{7}\u{8}\u{8}\u{202e} Ltd\u{200b}\u{3164}\u{9b}2J";
    tty.send(&format!("{BRACKETED_PASTE_START}{hostile}{BRACKETED_PASTE_END}"));
    tty.wait_for("Organisation  Acme Ltd");
    tty.send("\r\r\r\r\r");
    tty.wait_for("Question 1 of");
    tty.send("1");
    let draft = draft_path(home.path(), "crm-quick@acme-ltd.json");
    let saved = wait_for_draft(&draft, |d| d["answers"]["answers"]["vision.objective"].is_string());
    let organization = saved["answers"]["organization"].as_str().unwrap().to_string();
    assert_eq!(organization, "Acme Ltd");
    assert_eq!(first_forbidden(&organization), None);
    tty.send("\x03");
    assert_eq!(tty.wait_exit(), 130);
}

#[test]
fn damaged_and_linked_drafts_are_skipped_with_a_note_and_never_block_an_interview() {
    let home = tempfile::tempdir().unwrap();
    let dir = draft_path(home.path(), "x").parent().unwrap().to_path_buf();
    std::fs::create_dir_all(&dir).unwrap();
    // Someone else's draft with an answer this questionnaire does not have.
    let damaged = dir.join("crm-quick@other@x.json");
    std::fs::write(
        &damaged,
        r#"{"draft_version":1,"tool_version":"0.1.0","questionnaire":{"id":"crm-quick","version":"2.0.0","content_hash":"x"},"saved_at":"2026-12-07T04:45:02Z","position":{"question":"vision.objective","reviewing":false},"answers":{"questionnaire":"crm-quick","version":"2.0.0","organization":"Other Ltd","answers":{"vision.objective":"nope"}}}"#,
    )
    .unwrap();
    // A link to a file the respondent must not see quoted.
    let secret = home.path().join("secret.txt");
    std::fs::write(&secret, "root:x:0:0:root:/root:/bin/bash\n").unwrap();
    std::os::unix::fs::symlink(&secret, dir.join("crm-quick@a@b.json")).unwrap();

    let mut tty = Tty::spawn(home.path(), &["assess", "-q", "crm-quick"]);
    tty.wait_for("Who is this assessment for?");
    tty.wait_for("2 saved interviews cannot be continued and are not offered");
    let raw = String::from_utf8_lossy(&tty.raw).into_owned();
    let before = &raw[..raw.find("\x1b[?1049h").expect("the interview took the screen")];
    assert!(before.contains(&format!("{}", damaged.display())), "named before the interview:\n{before}");
    assert!(before.contains("has no choice `nope`"), "{before}");
    assert!(before.contains("a symbolic link, not a regular file"), "{before}");
    assert!(before.matches("move the file away").count() >= 2, "{before}");
    assert!(!raw.contains("root:x:0:0"), "a linked file is never quoted");
    tty.send("\x03");
    assert_eq!(tty.wait_exit(), 130);
}
