//! Key → action → state, with no terminal: each test presses real keys
//! through the keymap and checks what the app did.

use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::core::answers::Answer;
use crate::core::questionnaire::{builtin, parse};
use crate::io::drafts::{Draft, Position};
use crate::tui::keymap::action_for;
use crate::tui::rows::Row;

fn quick() -> Questionnaire {
    builtin::find("crm-quick").unwrap().load().unwrap()
}

fn fixture() -> Questionnaire {
    parse(crate::core::session::tests::FIXTURE, "fixture.toml").unwrap()
}

/// Presses one key; returns the combined effects.
fn press(app: &mut App<'_>, code: KeyCode) -> Effects {
    press_with(app, KeyEvent::new(code, KeyModifiers::NONE))
}

fn press_with(app: &mut App<'_>, key: KeyEvent) -> Effects {
    match action_for(app.mode(), key) {
        Some(action) => update(app, action),
        None => Effects::default(),
    }
}

fn typing(app: &mut App<'_>, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// An app past the start form, as if Enter was pressed four times.
fn begun<'q>(q: &'q Questionnaire) -> App<'q> {
    let mut app = App::new(q, &Details::default(), Vec::new(), Some(PathBuf::from("/drafts")));
    for _ in 0..4 {
        press(&mut app, KeyCode::Enter);
    }
    assert_eq!(app.mode(), Mode::Question);
    app
}

fn answer<'a>(app: &'a App<'_>, id: &str) -> Option<&'a Answer> {
    app.session.answers().answers.get(id)
}

fn current_id(app: &App<'_>) -> String {
    app.session.current_question().id.clone()
}

#[test]
fn the_start_form_takes_optional_details_and_names_the_draft() {
    let q = quick();
    let details = Details { role: Some("Owner".into()), ..Details::default() };
    let mut app = App::new(&q, &details, Vec::new(), Some(PathBuf::from("/drafts")));
    assert_eq!(app.mode(), Mode::Start);
    typing(&mut app, "Acme Ltd");
    press(&mut app, KeyCode::Enter);
    typing(&mut app, "Jo");
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert!(!app.has_begun());
    let fx = press(&mut app, KeyCode::Enter);
    assert!(fx.save, "the draft is written as soon as the interview begins");
    assert_eq!(app.mode(), Mode::Question);
    let a = app.session.answers();
    assert_eq!(
        (a.organization.as_deref(), a.respondent.as_deref(), a.role.as_deref()),
        (Some("Acme Ltd"), Some("J"), Some("Owner"))
    );
    assert_eq!(app.draft_path.as_deref(), Some(Path::new("/drafts/crm-quick@acme-ltd.json")));
    assert_eq!(
        app.resume_hint(),
        "crm-ready assess --resume --organization 'Acme Ltd'",
        "the hint names the organisation so the right draft is picked"
    );
}

#[test]
fn a_number_key_picks_and_moves_on() {
    let q = quick();
    let mut app = begun(&q);
    let fx = press(&mut app, KeyCode::Char('2'));
    assert!(fx.save);
    assert_eq!(answer(&app, "vision.objective"), Some(&Answer::Text("written-general".into())));
    assert_eq!(current_id(&app), "vision.strategy");
    assert_eq!(app.cursor, 0);
    assert_eq!(press(&mut app, KeyCode::Char('9')), Effects::default(), "no ninth choice");
    assert!(app.message.as_ref().is_some_and(|m| m.warning && m.text.contains("no choice 9")));
}

#[test]
fn arrows_and_enter_choose_the_highlighted_row() {
    let q = quick();
    let mut app = begun(&q);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.cursor, 1);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(answer(&app, "vision.objective"), Some(&Answer::Text("written-general".into())));
    press(&mut app, KeyCode::Left);
    assert_eq!(current_id(&app), "vision.objective");
    assert_eq!(app.cursor, 1, "back on an answered question, the cursor sits on the answer");
    press(&mut app, KeyCode::Backspace);
    assert!(app.message.as_ref().is_some_and(|m| m.text.contains("first question")));
}

#[test]
fn multiple_choice_ticks_and_continues() {
    let q = quick();
    let mut app = begun(&q);
    app.session.go_to(q.position("setup.plan-covers").unwrap());
    app.reset_cursor();
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(answer(&app, "setup.plan-covers"), Some(&Answer::List(vec!["configuration".into(), "data".into()])));
    assert_eq!(current_id(&app), "setup.plan-covers", "ticking stays on the question");
    press(&mut app, KeyCode::Char('6'));
    assert_eq!(answer(&app, "setup.plan-covers"), Some(&Answer::List(vec!["none".into()])), "'none' is exclusive");
    press(&mut app, KeyCode::Char('6'));
    assert_eq!(answer(&app, "setup.plan-covers"), None);
    press(&mut app, KeyCode::End);
    press(&mut app, KeyCode::Enter);
    assert_eq!(current_id(&app), "production.plan", "Continue moves on");
    assert!(app.message.as_ref().is_some_and(|m| m.text.contains("stays unanswered")));
}

#[test]
fn a_scale_takes_its_number() {
    let q = quick();
    let mut app = begun(&q);
    app.session.go_to(q.position("management.alignment").unwrap());
    press(&mut app, KeyCode::Char('4'));
    assert_eq!(answer(&app, "management.alignment"), Some(&Answer::Number(4.0)));
    assert_eq!(current_id(&app), "scope.phasing");
}

#[test]
fn changing_an_answer_drops_hidden_follow_ups_and_says_so() {
    let q = quick();
    let mut app = begun(&q);
    app.session.go_to(q.position("vendors.count").unwrap());
    app.reset_cursor();
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(current_id(&app), "vendors.prime", "the follow-up appears next");
    assert!(app.message.as_ref().is_some_and(|m| m.text.contains("follow-up question was added")));
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Left);
    assert_eq!(current_id(&app), "vendors.count");
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(answer(&app, "vendors.prime"), None);
    assert_eq!(current_id(&app), "vendors.named-people");
    let m = app.message.clone().unwrap();
    assert!(m.warning && m.text.contains("its answer was removed") && m.text.contains("Is one party"), "{m:?}");
}

#[test]
fn dont_know_answers_and_moves_on_unless_refused() {
    let q = fixture();
    let mut app = begun(&q);
    let fx = press(&mut app, KeyCode::Char('d'));
    assert!(fx.save);
    assert_eq!(answer(&app, "basics.goal"), Some(&Answer::DontKnow));
    app.session.go_to(q.position("basics.agree").unwrap());
    let fx = press(&mut app, KeyCode::Char('d'));
    assert!(!fx.save);
    assert_eq!(answer(&app, "basics.agree"), None);
    assert!(app.message.as_ref().is_some_and(|m| m.warning && m.text.contains("needs a real answer")));
}

#[test]
fn notes_are_written_in_an_editor() {
    let q = quick();
    let mut app = begun(&q);
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.mode(), Mode::Editing);
    typing(&mut app, "ask the board; d and q type");
    let fx = press(&mut app, KeyCode::Enter);
    assert!(fx.save);
    assert_eq!(app.session.note(0), Some("ask the board; d and q type"));
    press(&mut app, KeyCode::Char('n'));
    typing(&mut app, " more");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.session.note(0), Some("ask the board; d and q type"), "Esc discards the edit");
    assert_eq!(app.mode(), Mode::Question);
}

#[test]
fn numbers_are_typed_then_entered() {
    let q = fixture();
    let mut app = begun(&q);
    app.session.go_to(q.position("tools.users").unwrap());
    app.reset_cursor();
    typing(&mut app, "120");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.typed, "12");
    press(&mut app, KeyCode::Enter);
    assert_eq!(answer(&app, "tools.users"), Some(&Answer::Number(12.0)));
    press(&mut app, KeyCode::Left);
    typing(&mut app, "5000");
    press(&mut app, KeyCode::Enter);
    assert_eq!(answer(&app, "tools.users"), Some(&Answer::Number(12.0)), "out of range is refused");
    assert!(app.message.as_ref().is_some_and(|m| m.text.contains("from 1 to 1000")));
}

#[test]
fn text_answers_open_an_editor() {
    let q = fixture();
    let mut app = begun(&q);
    app.session.go_to(q.position("tools.comment").unwrap());
    app.reset_cursor();
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.overlay, Some(Overlay::TextAnswer(_))));
    typing(&mut app, "Budget is tight");
    press(&mut app, KeyCode::Enter);
    assert_eq!(answer(&app, "tools.comment"), Some(&Answer::Text("Budget is tight".into())));
    assert_eq!(app.mode(), Mode::Review, "the last question leads to the review");
}

#[test]
fn tab_jumps_between_areas() {
    let q = quick();
    let mut app = begun(&q);
    press(&mut app, KeyCode::Tab);
    assert_eq!(current_id(&app), "business-case.how");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(current_id(&app), "business-case.how");
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::BackTab);
    assert!(app.message.as_ref().is_some_and(|m| m.text.contains("first area")));
}

#[test]
fn review_jumps_to_a_question_and_comes_back_after_the_answer() {
    let q = quick();
    let mut app = begun(&q);
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(app.mode(), Mode::Review);
    assert!(matches!(app.screen, Screen::Review { selected: ReviewItem::Question(1) }));
    assert!(app.position().reviewing);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Enter);
    assert_eq!((app.mode(), current_id(&app).as_str()), (Mode::Question, "vision.objective"));
    press(&mut app, KeyCode::Char('4'));
    assert!(matches!(app.screen, Screen::Review { selected: ReviewItem::Question(0) }));
    assert_eq!(answer(&app, "vision.objective"), Some(&Answer::Text("none".into())));
    press(&mut app, KeyCode::End);
    assert!(matches!(app.screen, Screen::Review { selected: ReviewItem::Submit }));
    press(&mut app, KeyCode::Up);
    assert!(
        matches!(app.screen, Screen::Review { selected: ReviewItem::Question(i) } if q.questions[i].id == "vendors.named-people")
    );
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(app.mode(), Mode::Question);
}

#[test]
fn submitting_with_gaps_asks_then_scores_and_finishes() {
    let q = quick();
    let mut app = begun(&q);
    press(&mut app, KeyCode::Char('r'));
    let fx = press(&mut app, KeyCode::Char('s'));
    assert!(!fx.score);
    assert_eq!(app.overlay, Some(Overlay::ConfirmSubmit { unanswered: 13 }));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.overlay, None);
    press(&mut app, KeyCode::Char('s'));
    let fx = press(&mut app, KeyCode::Char('y'));
    assert!(fx.score && fx.save);
    let assessment = crate::core::scoring::score(&q, app.session.answers(), jiff::Timestamp::UNIX_EPOCH);
    app.show_results(assessment);
    assert_eq!(app.mode(), Mode::Results);
    press(&mut app, KeyCode::Down);
    assert!(matches!(app.screen, Screen::Results { scroll: 1, .. }));
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(app.mode(), Mode::Review, "back from the result to change answers");
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('y'));
    app.show_results(crate::core::scoring::score(&q, app.session.answers(), jiff::Timestamp::UNIX_EPOCH));
    assert_eq!(press(&mut app, KeyCode::Enter).exit, Some(Exit::Finish));
}

#[test]
fn quitting_asks_first_and_keeps_the_draft() {
    let q = quick();
    let mut app = begun(&q);
    press(&mut app, KeyCode::Char('q'));
    assert_eq!(app.overlay, Some(Overlay::ConfirmQuit));
    assert_eq!(press(&mut app, KeyCode::Esc).exit, None);
    press(&mut app, KeyCode::Esc);
    let fx = press(&mut app, KeyCode::Char('y'));
    assert_eq!(fx.exit, Some(Exit::Leave));
    assert!(fx.save, "leaving saves the position");
}

#[test]
fn ctrl_c_interrupts_at_once_from_anywhere() {
    let q = quick();
    let mut app = begun(&q);
    press(&mut app, KeyCode::Char('n'));
    let fx = press_with(&mut app, KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert_eq!(fx.exit, Some(Exit::Interrupt));
    assert!(fx.save);
    let mut fresh = App::new(&q, &Details::default(), Vec::new(), None);
    let fx = update(&mut fresh, Action::Interrupt);
    assert_eq!(fx, Effects { exit: Some(Exit::Interrupt), ..Effects::default() }, "nothing to save before starting");
}

#[test]
fn ctrl_z_suspends_from_anywhere_and_leaves_the_screen_as_it_was() {
    let q = quick();
    let ctrl_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
    let mut fresh = App::new(&q, &Details::default(), Vec::new(), None);
    let fx = press_with(&mut fresh, ctrl_z);
    assert_eq!(fx, Effects { suspend: true, ..Effects::default() }, "nothing to save before starting");

    let mut app = begun(&q);
    press(&mut app, KeyCode::Char('n'));
    typing(&mut app, "ask IT");
    let before = (app.overlay.clone(), app.message.clone(), app.cursor);
    let fx = press_with(&mut app, ctrl_z);
    assert_eq!(fx, Effects { suspend: true, save: true, ..Effects::default() });
    assert_eq!((app.overlay.clone(), app.message.clone(), app.cursor), before, "the note being written stays open");
    update(&mut app, Action::Resize(30, 8));
    assert!(press_with(&mut app, ctrl_z).suspend, "even when the terminal is too small");
}

#[test]
fn a_too_small_terminal_only_offers_quitting() {
    let q = quick();
    let mut app = begun(&q);
    update(&mut app, Action::Resize(40, 10));
    assert_eq!(app.mode(), Mode::TooSmall);
    assert_eq!(press(&mut app, KeyCode::Char('1')), Effects::default());
    assert_eq!(answer(&app, "vision.objective"), None);
    update(&mut app, Action::Resize(80, 24));
    assert_eq!(app.mode(), Mode::Question);
    update(&mut app, Action::Resize(40, 10));
    assert_eq!(press(&mut app, KeyCode::Char('q')).exit, Some(Exit::Leave));
}

fn saved(q: &Questionnaire) -> Saved {
    let mut answers = Answers::for_questionnaire(q);
    answers.organization = Some("Acme".into());
    answers.answers.insert("vision.objective".into(), Answer::Text("none".into()));
    let position = Position { question: Some("ownership.owner".into()), reviewing: false };
    let draft = Draft::new(q, answers, position, jiff::Timestamp::UNIX_EPOCH);
    Saved { path: PathBuf::from("/drafts/crm-quick@acme.json"), draft }
}

#[test]
fn a_saved_interview_is_offered_and_continues_where_it_was_left() {
    let q = quick();
    let mut app = App::new(&q, &Details::default(), vec![saved(&q)], Some(PathBuf::from("/drafts")));
    assert_eq!(app.mode(), Mode::Resume);
    assert_eq!(app.offers[0].progress.answered, 1);
    press(&mut app, KeyCode::Enter);
    assert_eq!((app.mode(), current_id(&app).as_str()), (Mode::Question, "ownership.owner"));
    assert_eq!(app.draft_path.as_deref(), Some(Path::new("/drafts/crm-quick@acme.json")));
    assert_eq!(answer(&app, "vision.objective"), Some(&Answer::Text("none".into())));

    let mut app = App::new(&q, &Details::default(), vec![saved(&q)], Some(PathBuf::from("/drafts")));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.mode(), Mode::Start);
    assert!(app.offers.is_empty());
}

#[test]
fn resuming_on_the_review_screen_returns_there() {
    let q = quick();
    let mut s = saved(&q);
    s.draft.position.reviewing = true;
    let app = App::resumed(&q, s);
    assert!(matches!(app.screen, Screen::Review { selected: ReviewItem::Question(_) }));
}

#[test]
fn shell_quoting() {
    assert_eq!(shell_quote("acme"), "acme");
    assert_eq!(shell_quote("Acme Ltd"), "'Acme Ltd'");
    assert_eq!(shell_quote("O'Neil & Co"), "'O'\\''Neil & Co'");
}

#[test]
fn backspace_and_digits_edit_a_saved_number_instead_of_going_back() {
    let q = fixture();
    let mut app = begun(&q);
    app.session.go_to(q.position("tools.users").unwrap());
    app.reset_cursor();
    typing(&mut app, "11");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Left);
    assert_eq!(current_id(&app), "tools.users");
    assert!(!app.editing_number, "the saved answer shows until a key edits it");
    press(&mut app, KeyCode::Backspace);
    assert_eq!((current_id(&app).as_str(), app.typed.as_str()), ("tools.users", "1"), "Backspace edits the answer");
    assert!(app.editing_number);
    typing(&mut app, "2");
    press(&mut app, KeyCode::Enter);
    assert_eq!(answer(&app, "tools.users"), Some(&Answer::Number(12.0)));
    assert_eq!(answer(&app, "tools.count"), None);

    press(&mut app, KeyCode::Left);
    typing(&mut app, "0");
    assert_eq!(app.typed, "120", "a digit continues the saved value");
    for _ in 0..3 {
        press(&mut app, KeyCode::Backspace);
    }
    assert_eq!((current_id(&app).as_str(), app.typed.as_str()), ("tools.users", ""));
    press(&mut app, KeyCode::Backspace);
    assert_eq!(current_id(&app), "tools.count", "with the entry empty, Backspace goes back as on first entry");
    assert_eq!(answer(&app, "tools.users"), Some(&Answer::Number(12.0)), "an abandoned edit keeps the answer");
}

#[test]
fn typing_on_a_text_question_edits_its_answer() {
    let q = fixture();
    let mut app = begun(&q);
    let comment = q.position("tools.comment").unwrap();
    app.session.go_to(comment);
    app.reset_cursor();
    press(&mut app, KeyCode::Char('3'));
    assert!(matches!(&app.overlay, Some(Overlay::TextAnswer(f)) if f.text() == "3"), "a digit starts the answer");
    typing(&mut app, " pilots");
    press(&mut app, KeyCode::Enter);
    assert_eq!(answer(&app, "tools.comment"), Some(&Answer::Text("3 pilots".into())));
    app.session.go_to(comment);
    app.open_question();
    press(&mut app, KeyCode::Backspace);
    assert!(matches!(&app.overlay, Some(Overlay::TextAnswer(f)) if f.text() == "3 pilot"), "{:?}", app.overlay);
    assert_eq!(current_id(&app), "tools.comment");
}

#[test]
fn dont_know_on_multiple_choice_is_ticked_like_the_rest_and_says_what_it_replaced() {
    let q = quick();
    let mut app = begun(&q);
    app.session.go_to(q.position("setup.plan-covers").unwrap());
    app.reset_cursor();
    press(&mut app, KeyCode::Char(' '));
    let rows = current_rows(&app);
    app.cursor = rows.iter().position(|r| *r == Row::DontKnow).unwrap();
    let fx = press(&mut app, KeyCode::Char(' '));
    assert!(fx.save);
    assert_eq!(answer(&app, "setup.plan-covers"), Some(&Answer::DontKnow));
    assert_eq!(current_id(&app), "setup.plan-covers", "like a tick, it stays on the question");
    assert!(app.message.as_ref().is_some_and(|m| m.text.contains("ticks were replaced")), "{:?}", app.message);
}

#[test]
fn declining_the_resume_offer_keeps_the_details_given() {
    let q = quick();
    let details = Details { organization: Some("Narrow Co".into()), role: Some("CFO".into()), ..Details::default() };
    let mut app = App::new(&q, &details, vec![saved(&q)], Some(PathBuf::from("/drafts")));
    press(&mut app, KeyCode::Char('n'));
    let Screen::Start { fields, .. } = &app.screen else { panic!("not the start form: {:?}", app.screen) };
    assert_eq!([fields[0].text(), fields[1].text(), fields[2].text()], ["Narrow Co", "", "CFO"]);
}

#[test]
fn the_first_tip_fits_the_first_question() {
    let q = quick();
    let app = begun(&q);
    assert!(app.message.as_ref().is_some_and(|m| m.text.starts_with("Tip: a number key answers")));
    let text_first = parse(
        "[questionnaire]\nid = \"t\"\nversion = \"1\"\ntitle = \"T\"\n[[area]]\nid = \"a\"\ntitle = \"A\"\nwhy = \"w\"\n\
         [[area.question]]\nid = \"a.q\"\nkind = \"text\"\ntext = \"Q\"\nhelp = \"h\"\n",
        "t.toml",
    )
    .unwrap();
    let app = begun(&text_first);
    let m = app.message.clone().unwrap();
    assert!(m.text.starts_with("Tip: press Enter to write") && !m.text.contains("number key"), "{m:?}");
}
