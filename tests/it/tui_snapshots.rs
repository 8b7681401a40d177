//! Every screen of the interview, drawn into ratatui's `TestBackend` and
//! compared with the committed snapshots in `tests/it/snapshots/`: the
//! built-ins as a respondent sees them (crm-quick; crm-readiness for the
//! kinds of question crm-quick does not ask).

use std::path::PathBuf;

use crm_ready::core::answers::{Answer, Answers, Group};
use crm_ready::core::questionnaire::{Questionnaire, builtin};
use crm_ready::core::scoring::score;
use crm_ready::io::drafts::{Draft, Position, Saved};
use crm_ready::tui::app::{Action, App, Details, Effects, Mode, update};
use crm_ready::tui::text_field::Edit;
use crm_ready::tui::view::render;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn quick() -> Questionnaire {
    builtin::find("crm-quick").unwrap().load().unwrap()
}

fn full() -> Questionnaire {
    builtin::find("crm-readiness").unwrap().load().unwrap()
}

/// Draws the app at `width`×`height` and returns the screen as text.
fn draw(app: &mut App<'_>, width: u16, height: u16) -> String {
    update(app, Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| render(f, app)).unwrap();
    terminal.backend().to_string()
}

fn app(q: &Questionnaire) -> App<'_> {
    let details = Details { organization: Some("Acme Ltd".into()), ..Details::default() };
    App::new(q, &details, Vec::new(), Some(PathBuf::from("/home/jo/.local/share/crm-ready/drafts"))).with_color(false)
}

/// Past the start form, with the first `n` questions answered by key 1.
fn begun(q: &Questionnaire, n: usize) -> App<'_> {
    let mut app = app(q);
    for _ in 0..5 {
        update(&mut app, Action::Confirm);
    }
    for _ in 0..n {
        update(&mut app, Action::Digit(1));
    }
    app
}

/// Moves on (→) to the question `id`, which must be shown and ahead.
fn at(app: &mut App<'_>, id: &str) {
    while app.session().current_question().id != id && app.mode() == Mode::Question {
        update(app, Action::Next);
    }
    assert_eq!(app.session().current_question().id, id);
    update(app, Action::Home);
}

/// Scores the answers, as the interview loop does when an update asks.
fn scored(app: &mut App<'_>) {
    let assessment = score(app.questionnaire(), app.session().answers(), jiff::Timestamp::UNIX_EPOCH);
    assert_eq!(update(app, Action::Scored(Box::new(assessment))), Effects::default());
}

#[test]
fn start_screen() {
    let q = quick();
    let mut app = app(&q);
    update(&mut app, Action::FocusNext);
    for c in "Jo Bloggs".chars() {
        update(&mut app, Action::Edit(Edit::Insert(c)));
    }
    insta::assert_snapshot!(draw(&mut app, 80, 24));
}

#[test]
fn start_screen_with_a_group_chosen() {
    let q = quick();
    let mut app = app(&q);
    for action in [Action::FocusNext, Action::FocusNext, Action::FocusNext] {
        update(&mut app, action);
    }
    update(&mut app, Action::Edit(Edit::Right));
    update(&mut app, Action::Edit(Edit::Right));
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("› Your group    ‹ IT ›"), "{screen}");
    insta::assert_snapshot!(screen);
}

/// A saved crm-quick interview of `who` at Acme Ltd.
fn saved_interview(q: &Questionnaire, who: &str, role: Option<&str>, group: Option<Group>, second: i64) -> Saved {
    let mut answers = Answers::for_questionnaire(q);
    answers.organization = Some("Acme Ltd".into());
    answers.respondent = Some(who.into());
    answers.role = role.map(str::to_string);
    answers.group = group;
    answers.answers.insert("vision.objective".into(), Answer::Text("none".into()));
    let draft = Draft::new(q, answers, Position::default(), jiff::Timestamp::from_second(second).unwrap());
    let name = format!("crm-quick@acme-ltd@{}.json", who.to_lowercase().replace(' ', "-"));
    Saved { path: PathBuf::from("/drafts").join(name), draft }
}

/// The resume offer for two respondents' saved crm-quick interviews.
fn resume_offer_app(q: &Questionnaire) -> App<'_> {
    let saved = vec![
        saved_interview(q, "Bob Ray", None, Some(Group::Users), 1_780_000_900),
        saved_interview(q, "Ann Lee", Some("CFO"), Some(Group::Management), 1_780_000_000),
    ];
    App::new(q, &Details::default(), saved, None).with_color(false)
}

#[test]
fn a_long_resume_offer_scrolls_to_keep_the_highlighted_one_in_view() {
    let q = quick();
    let names = ["Ann", "Bob", "Cy", "Di", "Ed", "Flo", "Gus", "Hal", "Ida"];
    let saved = names.iter().enumerate().map(|(k, who)| saved_interview(&q, who, None, None, 1_780_000_000 - k as i64));
    let mut app = App::new(&q, &Details::default(), saved.collect(), None).with_color(false);
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("›  Acme Ltd · Ann ") && screen.contains("↓ "), "{screen}");
    for _ in 0..names.len() {
        update(&mut app, Action::Down);
    }
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("›  Start a new interview") && screen.contains("Acme Ltd · Ida"), "{screen}");
    assert!(screen.contains("↑ ") && !screen.contains("Acme Ltd · Ann "), "{screen}");
}

#[test]
fn starting_again_for_someone_with_a_saved_interview_asks_first() {
    let q = quick();
    let saved = vec![saved_interview(&q, "Ann Lee", Some("CFO"), Some(Group::Management), 1_780_000_000)];
    let mut app = App::new(&q, &Details::default(), saved, None).with_color(false);
    update(&mut app, Action::No);
    for c in "Acme Ltd".chars() {
        update(&mut app, Action::Edit(Edit::Insert(c)));
    }
    update(&mut app, Action::Confirm);
    for c in "Ann Lee".chars() {
        update(&mut app, Action::Edit(Edit::Insert(c)));
    }
    for _ in 0..4 {
        update(&mut app, Action::Confirm);
    }
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains("Acme Ltd · Ann Lee (CFO,") && screen.contains("answered · saved 2026-05-28 20:26 UTC."),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn resume_offer() {
    let q = quick();
    let mut app = resume_offer_app(&q);
    insta::assert_snapshot!(draw(&mut app, 80, 24));
}

#[test]
fn confirm_quit_on_the_resume_offer() {
    let q = quick();
    let mut app = resume_offer_app(&q);
    update(&mut app, Action::Quit);
    let screen = draw(&mut app, 80, 24);
    assert!(!screen.contains("nothing to keep"), "saved interviews exist:\n{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn editing_a_saved_number_shows_the_entry_being_edited() {
    let q = full();
    let mut app = begun(&q, 0);
    at(&mut app, "scope.field-count");
    for action in [Action::Digit(1), Action::Digit(1), Action::Choose, Action::Back] {
        update(&mut app, action);
    }
    assert!(draw(&mut app, 80, 24).contains("Your answer: 11 fields"));
    update(&mut app, Action::Erase);
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("Your answer: 1\u{258f} fields"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn choices_cut_off_below_say_there_is_more() {
    let q = quick();
    let mut app = begun(&q, 0);
    at(&mut app, "setup.plan-covers");
    let screen = draw(&mut app, 50, 15);
    assert!(screen.contains("\u{2193} more"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn first_question_after_the_start_form() {
    let q = quick();
    let mut app = begun(&q, 0);
    insta::assert_snapshot!(draw(&mut app, 80, 24));
}

#[test]
fn single_choice_question() {
    let q = quick();
    let mut app = begun(&q, 2);
    update(&mut app, Action::Down);
    insta::assert_snapshot!(draw(&mut app, 80, 24));
}

#[test]
fn multiple_choice_question() {
    let q = quick();
    let mut app = begun(&q, 0);
    at(&mut app, "setup.plan-covers");
    update(&mut app, Action::Digit(1));
    update(&mut app, Action::Digit(3));
    insta::assert_snapshot!(draw(&mut app, 80, 24));
}

#[test]
fn scale_question_with_a_note() {
    let q = full();
    let mut app = begun(&q, 0);
    at(&mut app, "management.groups-agreed");
    update(&mut app, Action::Note);
    for c in "IT has not been asked yet".chars() {
        update(&mut app, Action::Edit(Edit::Insert(c)));
    }
    update(&mut app, Action::Confirm);
    insta::assert_snapshot!(draw(&mut app, 80, 24));
}

#[test]
fn help_open() {
    let q = quick();
    let mut app = begun(&q, 3);
    update(&mut app, Action::Help);
    insta::assert_snapshot!(draw(&mut app, 80, 24));
}

#[test]
fn note_editor() {
    let q = quick();
    let mut app = begun(&q, 1);
    update(&mut app, Action::Note);
    for c in "Check with the finance director whether the business case covers licences for year two".chars() {
        update(&mut app, Action::Edit(Edit::Insert(c)));
    }
    insta::assert_snapshot!(draw(&mut app, 80, 24));
}

#[test]
fn follow_up_dropped_message() {
    let q = quick();
    let mut app = begun(&q, 0);
    at(&mut app, "vendors.count");
    update(&mut app, Action::Digit(3));
    update(&mut app, Action::Digit(2));
    update(&mut app, Action::Back);
    update(&mut app, Action::Back);
    update(&mut app, Action::Digit(1));
    insta::assert_snapshot!(draw(&mut app, 80, 24));
}

#[test]
fn review_screen() {
    let q = quick();
    let mut app = begun(&q, 5);
    update(&mut app, Action::DontKnow);
    update(&mut app, Action::Review);
    update(&mut app, Action::Up);
    insta::assert_snapshot!(draw(&mut app, 80, 24));
}

#[test]
fn confirm_quit() {
    let q = quick();
    let mut app = begun(&q, 2);
    update(&mut app, Action::Quit);
    insta::assert_snapshot!(draw(&mut app, 80, 24));
}

#[test]
fn results_screen() {
    let q = quick();
    let mut app = begun(&q, 0);
    // From the objective to the scope: mostly the best answers.
    for key in [3, 2, 3, 2, 1, 4, 4, 3] {
        update(&mut app, Action::Digit(key));
    }
    // Two items of the set-up plan ticked, then on.
    update(&mut app, Action::Digit(1));
    update(&mut app, Action::Digit(2));
    update(&mut app, Action::End);
    update(&mut app, Action::Choose);
    // Training protected, the first year only outlined, two suppliers: the
    // lead is named, the people of each are left open.
    for key in [3, 1, 2, 2] {
        update(&mut app, Action::Digit(key));
    }
    assert_eq!(app.session().current_question().id, "vendors.named-people-each");
    update(&mut app, Action::Review);
    update(&mut app, Action::Submit);
    assert!(update(&mut app, Action::Yes).score, "an open question: asked, then confirmed");
    scored(&mut app);
    insta::assert_snapshot!(draw(&mut app, 80, 24));
}

#[test]
fn terminal_too_small() {
    let q = quick();
    let mut app = begun(&q, 1);
    insta::assert_snapshot!(draw(&mut app, 44, 12));
}

#[test]
fn wide_terminal_shows_help_beside_the_question() {
    let q = quick();
    let mut app = begun(&q, 4);
    insta::assert_snapshot!(draw(&mut app, 120, 32));
}

/// Text from a questionnaire file never reaches the terminal raw. The door
/// refuses such a file; and should hostile text get into a questionnaire
/// all the same, the screens strip escape sequences and control characters
/// (the second line of defence).
#[test]
fn questionnaire_text_is_sanitised_on_every_screen() {
    // TOML escapes, so the file really holds ESC, BEL and a bidi override.
    let escaped = r"\u001b]0;pwned\u0007\u001b[2J\u202e";
    let toml = |evil: &str| {
        format!(
            r#"
[questionnaire]
id = "evil"
version = "1"
title = "Evil{evil}"
description = "Desc{evil}"

[[area]]
id = "a"
title = "Area{evil}"
why = "Why{evil}"

[[area.question]]
id = "a.q"
kind = "single"
text = "Question{evil}?"
help = "Help{evil}"
[[area.question.choice]]
id = "x"
label = "Choice{evil}"
score = 0
red_flag = "critical"
recommendation = "Fix it{evil}"
phase = "setup"
[[area.question.choice]]
id = "y"
label = "Other"
score = 100
"#
        )
    };
    let refused = crm_ready::core::questionnaire::parse(&toml(escaped), "evil.toml").unwrap_err();
    assert_eq!(refused.diagnostics.len(), 8, "{refused}");
    assert!(refused.diagnostics.iter().all(|d| d.message.ends_with("holds an escape character (U+001B)")), "{refused}");

    let evil = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}";
    let mut q = crm_ready::core::questionnaire::parse(&toml(""), "evil.toml").unwrap();
    q.title.push_str(evil);
    q.description = Some(format!("Desc{evil}"));
    q.areas[0].title.push_str(evil);
    q.areas[0].why.push_str(evil);
    let question = &mut q.questions[0];
    question.text = format!("Question{evil}?");
    question.help.push_str(evil);
    question.choices[0].label.push_str(evil);
    if let Some(r) = question.choices[0].outcome.recommendation.as_mut() {
        r.push_str(evil);
    }
    let mut app = app(&q);
    let mut screens = vec![draw(&mut app, 80, 24)];
    for _ in 0..5 {
        update(&mut app, Action::Confirm);
    }
    screens.push(draw(&mut app, 80, 24));
    screens.push(draw(&mut app, 130, 30));
    update(&mut app, Action::Help);
    screens.push(draw(&mut app, 80, 24));
    update(&mut app, Action::Cancel);
    update(&mut app, Action::Digit(1));
    screens.push(draw(&mut app, 80, 24));
    scored(&mut app);
    screens.push(draw(&mut app, 80, 24));
    for screen in &screens {
        assert!(!screen.chars().any(|c| c.is_control() && c != '\n'), "control character on screen:\n{screen}");
        assert!(!screen.contains('\u{202e}'), "bidi override on screen:\n{screen}");
        assert!(!screen.contains("pwned"), "an OSC payload leaked:\n{screen}");
    }
    assert!(screens[1].contains("Question?") && screens[4].contains("Choice"), "{}", screens[4]);
}
