//! The interview end to end: the real binary in a pseudo-terminal, driven
//! by keystrokes, its screen read through a terminal emulator; see `tty`.

use crate::tty::{ACME_DRAFT, LEFT, QUESTIONNAIRE, RIGHT, Tty, begin, draft_path, wait_for_draft};

#[test]
fn answer_go_back_quit_resume_and_finish() {
    let home = tempfile::tempdir().unwrap();
    let draft = draft_path(home.path(), ACME_DRAFT);

    let mut tty = begin(home.path(), &[]);
    tty.send("2");
    tty.wait_for("When you decide what the CRM should do");
    tty.send("1");
    tty.wait_for("Can you say, specifically, how the CRM");
    tty.send("1");
    tty.wait_for("What is setting the pace of your buying decision?");
    // Back, and change the answer.
    tty.send(LEFT);
    tty.wait_for("Can you say, specifically, how the CRM");
    tty.send("2");
    tty.wait_for("What is setting the pace of your buying decision?");
    let saved = wait_for_draft(&draft, |d| d["answers"]["answers"]["business-case.how"] == "rough");
    assert_eq!(saved["answers"]["answers"]["vision.objective"], "written-general");
    assert_eq!(saved["answers"]["answers"]["vision.strategy"], "customer-first");
    assert_eq!(saved["answers"]["organization"], "Acme Ltd");

    tty.leave();
    assert_eq!(tty.wait_exit(), 130, "left unfinished");
    tty.assert_restored();
    let out = tty.after_exit();
    assert!(out.contains(&format!("Your answers are saved in {}", draft.display())), "{out}");
    let resume = format!("crm-ready assess --questionnaire {QUESTIONNAIRE} --resume --organization 'Acme Ltd'");
    assert!(out.contains(&resume), "{out}");
    let saved = wait_for_draft(&draft, |d| d["position"]["question"] == "business-case.timing");
    assert_eq!(saved["answers"]["answers"].as_object().unwrap().len(), 3);
    assert_eq!(saved["questionnaire"]["id"], "interview");
    assert_eq!(saved["draft_version"], 1);

    let mut tty = Tty::spawn(
        home.path(),
        &["assess", "-q", QUESTIONNAIRE, "--resume", "--organization", "Acme Ltd", "--format", "json"],
    );
    tty.wait_for("Welcome back: 3 of 10 questions answered.");
    tty.wait_for("What is setting the pace of your buying decision?");
    // timing, mandate, alignment (scale)
    for (key, next) in [
        ("1", "Will management require staff"),
        ("2", "How closely do management, IT"),
        ("4", "Which of these does your set-up plan"),
    ] {
        tty.send(key);
        tty.wait_for(next);
    }
    // Multiple choice: tick two, then move on.
    tty.send("2");
    tty.wait_for("[x] Training for every user");
    tty.send("4");
    tty.wait_for("[x] Links to accounting");
    tty.send(RIGHT);
    tty.wait_for("Is there a plan for the first year");
    tty.send("1");
    tty.wait_for("How many suppliers will work on the project");
    tty.send("2");
    tty.wait_for("A follow-up question was added");
    tty.send("1");
    tty.wait_for("Has the supplier named a senior project manager");
    tty.send("1");
    tty.wait_for("That was the last question.");
    tty.wait_for("Review your answers");
    tty.send("s");
    tty.wait_for("Result: Ready with conditions");
    tty.send("\r");
    assert_eq!(tty.wait_exit(), 0);
    tty.assert_restored();

    let out = tty.after_exit();
    let json = &out[out.find('{').expect("a JSON report on stdout")..];
    // The report, then (the terminal mixes in stderr) the note of where it was saved.
    let report: serde_json::Value = serde_json::Deserializer::from_str(json).into_iter().next().unwrap().unwrap();
    assert!(out.contains("saved to the history as "), "{out}");
    assert_eq!(report["verdict"], "ready-with-conditions");
    assert_eq!(report["organization"], "Acme Ltd");
    assert_eq!(report["questionnaire"]["id"], "interview");
    let answer = |id: &str| {
        report["questions"].as_array().unwrap().iter().find(|q| q["id"] == id).map(|q| q["answer"].clone()).unwrap()
    };
    assert_eq!(answer("business-case.how"), "rough", "the changed answer counts");
    assert_eq!(answer("setup.plan-covers"), serde_json::json!(["training", "integration"]));
    assert_eq!(answer("vendors.prime"), "lead");
    assert_eq!(answer("management.alignment"), 4);
    assert!(!draft.exists(), "the draft is removed once the report is out");
}

#[test]
fn ctrl_c_leaves_at_once_with_130() {
    let home = tempfile::tempdir().unwrap();
    let mut tty = begin(home.path(), &[]);
    tty.send("n");
    tty.wait_for("Note on this answer");
    tty.send("\x03");
    assert_eq!(tty.wait_exit(), 130);
    tty.assert_restored();
}

#[test]
fn a_small_terminal_gets_a_clear_message_until_it_grows() {
    let home = tempfile::tempdir().unwrap();
    let mut tty = begin(home.path(), &[]);
    tty.session.get_process_mut().set_window_size(40, 10).unwrap();
    tty.parser.screen_mut().set_size(10, 40);
    tty.wait_for("Terminal too small");
    tty.session.get_process_mut().set_window_size(80, 24).unwrap();
    tty.parser.screen_mut().set_size(24, 80);
    tty.wait_for("Has the company written down");
    tty.leave();
    assert_eq!(tty.wait_exit(), 130, "left unfinished");
    tty.assert_restored();
}

#[test]
fn an_offer_to_resume_appears_when_a_draft_exists() {
    let home = tempfile::tempdir().unwrap();
    let mut tty = begin(home.path(), &[]);
    tty.send("1");
    tty.wait_for("When you decide what the CRM should do");
    tty.send("\x03");
    assert_eq!(tty.wait_exit(), 130);

    let mut tty = Tty::spawn(home.path(), &["assess", "-q", QUESTIONNAIRE]);
    tty.wait_for("You have an unfinished interview for this questionnaire.");
    tty.wait_for("›  Acme Ltd");
    tty.wait_for("1 of 10 answered · saved");
    tty.send("\r");
    tty.wait_for("Welcome back: 1 of 10 questions answered.");
    tty.wait_for("When you decide what the CRM should do");
    tty.send("\x03");
    assert_eq!(tty.wait_exit(), 130);
}

#[test]
fn a_damaged_draft_is_a_clear_error() {
    let home = tempfile::tempdir().unwrap();
    let draft = draft_path(home.path(), "crm-quick.json");
    std::fs::create_dir_all(draft.parent().unwrap()).unwrap();
    std::fs::write(&draft, "{\n  \"draft_version\": 1,\n  \"tool_version\": \"0.1").unwrap();
    let mut tty = Tty::spawn(home.path(), &["assess", "-q", "crm-quick", "--resume"]);
    assert_eq!(tty.wait_exit(), 2);
    let out = tty.screen();
    assert!(out.contains("crm-quick.json:3:"), "{out}");
    assert!(out.contains("the draft is damaged"), "{out}");
    assert!(!String::from_utf8_lossy(&tty.raw).contains("\x1b[?1049h"), "the terminal was never taken over");
}

#[test]
fn resume_without_a_draft_says_so() {
    let home = tempfile::tempdir().unwrap();
    let mut tty = Tty::spawn(home.path(), &["assess", "-q", "crm-quick", "--resume"]);
    assert_eq!(tty.wait_exit(), 2);
    assert!(tty.screen().contains("no saved interview for `crm-quick`"), "{}", tty.screen());
}

#[test]
fn details_from_the_command_line_survive_the_resume_offer_and_pick_the_draft() {
    let home = tempfile::tempdir().unwrap();
    let draft = draft_path(home.path(), ACME_DRAFT);
    let mut tty = begin(home.path(), &[]);
    tty.send("2");
    wait_for_draft(&draft, |d| d["answers"]["answers"]["vision.objective"].is_string());
    tty.leave();
    assert_eq!(tty.wait_exit(), 130, "left unfinished");

    // Another organisation: Acme's draft is not offered; the form is filled in.
    let mut tty = Tty::spawn(home.path(), &["assess", "-q", QUESTIONNAIRE, "--organization", "Narrow Co"]);
    tty.wait_for("Who is this assessment for?");
    tty.wait_for("Organisation  Narrow Co");
    assert!(!tty.screen().contains("unfinished interview"), "{}", tty.screen());
    tty.send("\x1b");
    tty.wait_for("Leave the interview?");
    tty.send("y");
    assert_eq!(tty.wait_exit(), 130, "left unfinished");

    // The same organisation: its draft is offered; starting afresh keeps the flags.
    let mut tty =
        Tty::spawn(home.path(), &["assess", "-q", QUESTIONNAIRE, "--organization", "Acme Ltd", "--role", "CFO"]);
    tty.wait_for("You have an unfinished interview");
    tty.send("q");
    tty.wait_for("Your saved interview stays where it is");
    tty.send("n");
    tty.send("n");
    tty.wait_for("Who is this assessment for?");
    tty.wait_for("Organisation  Acme Ltd");
    tty.wait_for("Your role     CFO");
    tty.send("\x1b");
    tty.wait_for("Leave the interview?");
    tty.send("y");
    assert_eq!(tty.wait_exit(), 130, "left unfinished");
    assert!(draft.exists(), "declining the offer keeps the draft");
}
