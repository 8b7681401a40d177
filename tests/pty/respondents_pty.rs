//! Several respondents of one organisation, each with an interview under
//! way: every draft is kept apart and each resumes exactly where it was,
//! from the offer and from `--resume --organization O --respondent R`.
//! Question texts are looked up in the questionnaire, not written here.

use std::path::Path;

use serde_json::Value;

use crate::tty::{RIGHT, Tty, draft_path, wait_for_draft};

const DOWN: &str = "\x1b[B";

/// The start of question `id`'s text in crm-quick: what the screen shows
/// when it is the current question.
fn question_start(id: &str) -> String {
    let q = crm_ready::core::questionnaire::builtin::find("crm-quick").unwrap().load().unwrap();
    let text = &q.question(id).unwrap_or_else(|| panic!("no question {id}")).text;
    text.chars().take(24).collect()
}

/// The draft's answers and position.
fn state(draft: &Value) -> (Value, Value) {
    (draft["answers"]["answers"].clone(), draft["position"].clone())
}

fn read(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Starts crm-quick for `who` at Acme Ltd, picks a group with `group_keys`
/// on the start form and answers `n` questions with key `key`, then leaves.
fn interview(home: &Path, who: &str, offer_first: bool, group_keys: &str, key: &str, n: usize) -> String {
    let mut tty = Tty::spawn(home, &["assess", "-q", "crm-quick", "--organization", "Acme Ltd", "--respondent", who]);
    if offer_first {
        tty.wait_for("You have an unfinished interview for this questionnaire.");
        tty.send("n");
    }
    tty.wait_for("Who is this assessment for?");
    tty.send("\r\r\r");
    tty.wait_for("› Your group");
    tty.send(group_keys);
    tty.send("\r\r");
    tty.wait_for("Tip: a number key answers.");
    let draft = draft_path(home, &format!("crm-quick@acme-ltd@{}.json", who.to_lowercase()));
    for answered in 1..=n {
        tty.send(key);
        wait_for_draft(&draft, |d| d["answers"]["answers"].as_object().is_some_and(|a| a.len() == answered));
    }
    tty.leave();
    assert_eq!(tty.wait_exit(), 130, "left unfinished");
    tty.after_exit()
}

#[test]
fn two_respondents_keep_a_draft_each_and_each_resumes_exactly() {
    let home = tempfile::tempdir().unwrap();
    let ann = draft_path(home.path(), "crm-quick@acme-ltd@ann.json");
    let bob = draft_path(home.path(), "crm-quick@acme-ltd@bob.json");

    let left = interview(home.path(), "Ann", false, RIGHT, "1", 4);
    assert!(left.contains(&format!("Your answers are saved in {}", ann.display())), "{left}");
    assert!(
        left.contains("crm-ready assess --questionnaire crm-quick --resume --organization 'Acme Ltd' --respondent Ann"),
        "{left}"
    );
    let ann_saved = state(&wait_for_draft(&ann, |d| d["position"]["question"].is_string()));
    assert_eq!(read(&ann)["answers"]["group"], "management");

    // Bob, the same organisation: Ann's interview is offered; he starts his own beside it.
    interview(home.path(), "Bob", true, "u", "2", 1);
    let bob_saved = state(&wait_for_draft(&bob, |d| d["position"]["question"].is_string()));
    assert_eq!(read(&bob)["answers"]["group"], "users");
    assert_eq!(state(&read(&ann)), ann_saved, "Bob's interview left Ann's draft alone");

    // From the offer: both are listed; Ann's continues where she left.
    let mut tty = Tty::spawn(home.path(), &["assess", "-q", "crm-quick"]);
    tty.wait_for("You have 2 unfinished interviews for this questionnaire.");
    tty.wait_for("Acme Ltd · Bob (Users)");
    tty.wait_for("Acme Ltd · Ann (Management)");
    let detail = |t: &Tty, who: &str| {
        let lines: Vec<String> = t.screen().lines().map(str::to_string).collect();
        let at = lines.iter().position(|l| l.contains(who)).unwrap();
        lines[at + 1].trim().to_string()
    };
    assert!(detail(&tty, "Ann (").starts_with("4 of "), "{}", tty.screen());
    assert!(detail(&tty, "Bob (").starts_with("1 of "), "{}", tty.screen());
    assert!(detail(&tty, "Bob (").contains(" answered · saved 20"), "{}", tty.screen());
    // Newest first; saved within the same second, they are in name order.
    let ann_highlighted = |t: &Tty| t.screen().lines().any(|l| l.contains("› ") && l.contains("Ann"));
    if !ann_highlighted(&tty) {
        tty.send(DOWN);
        tty.wait_until("Ann's interview highlighted", ann_highlighted);
    }
    tty.send("\r");
    tty.wait_for("Welcome back: 4 of");
    tty.wait_for(&question_start(ann_saved.1["question"].as_str().unwrap()));
    tty.send("\x03");
    assert_eq!(tty.wait_exit(), 130);
    assert_eq!(state(&read(&ann)), ann_saved, "resumed and left: the same answers and position");

    // Without a respondent, --resume cannot tell which: it says so and how to pick.
    let mut tty = Tty::spawn(home.path(), &["assess", "-q", "crm-quick", "--resume", "--organization", "Acme Ltd"]);
    assert_eq!(tty.wait_exit(), 2);
    let out = tty.after_exit().replace('\n', " ");
    assert!(out.contains("2 saved interviews for `crm-quick` for Acme Ltd"), "{out}");
    assert!(out.contains("--resume --organization 'Acme Ltd' --respondent Ann"), "{out}");

    // Straight to Bob's with the flags; submitting it removes his draft only.
    let mut tty = Tty::spawn(
        home.path(),
        &["assess", "-q", "crm-quick", "--resume", "--organization", "Acme Ltd", "--respondent", "Bob"],
    );
    tty.wait_for("Welcome back: 1 of");
    tty.wait_for(&question_start(bob_saved.1["question"].as_str().unwrap()));
    tty.send("r");
    tty.wait_for("Review your answers");
    tty.send("s");
    tty.wait_for("Submit now?");
    tty.send("y");
    tty.wait_for("Result:");
    tty.send("\r");
    assert_eq!(tty.wait_exit(), 0);
    assert!(tty.after_exit().contains("saved to the history as "));
    assert!(!bob.exists(), "Bob's submitted interview is discarded");
    assert_eq!(state(&read(&ann)), ann_saved, "Ann's is kept until hers is submitted");
}
