//! The question screen: picking, ticking, typing numbers and text, notes,
//! "don't know", moving between questions and areas.

use super::*;

#[test]
fn a_number_key_picks_and_moves_on() {
    let q = interview();
    let mut app = begun(&q);
    let fx = press(&mut app, KeyCode::Char('2'));
    assert!(fx.save);
    assert_eq!(answer(&app, "vision.objective"), Some(&Answer::Text("written-general".into())));
    assert_eq!(current_id(&app), "vision.strategy");
    assert_eq!(app.cursor(), 0);
    assert_eq!(press(&mut app, KeyCode::Char('9')), Effects::default(), "no ninth choice");
    assert!(app.message().is_some_and(|m| m.warning && m.text.contains("no choice 9")));
}

#[test]
fn arrows_and_enter_choose_the_highlighted_row() {
    let q = interview();
    let mut app = begun(&q);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.cursor(), 1);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(answer(&app, "vision.objective"), Some(&Answer::Text("written-general".into())));
    press(&mut app, KeyCode::Left);
    assert_eq!(current_id(&app), "vision.objective");
    assert_eq!(app.cursor(), 1, "back on an answered question, the cursor sits on the answer");
    press(&mut app, KeyCode::Backspace);
    assert!(app.message().is_some_and(|m| m.text.contains("first question")));
}

#[test]
fn multiple_choice_ticks_and_continues() {
    let q = interview();
    let mut app = begun(&q);
    at(&mut app, "setup.plan-covers");
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
    assert!(app.message().is_some_and(|m| m.text.contains("stays unanswered")));
}

#[test]
fn a_scale_takes_its_number() {
    let q = interview();
    let mut app = begun(&q);
    at(&mut app, "management.alignment");
    press(&mut app, KeyCode::Char('4'));
    assert_eq!(answer(&app, "management.alignment"), Some(&Answer::Number(4.0)));
    assert_eq!(current_id(&app), "setup.plan-covers");
}

#[test]
fn changing_an_answer_drops_hidden_follow_ups_and_says_so() {
    let q = interview();
    let mut app = begun(&q);
    at(&mut app, "vendors.count");
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(current_id(&app), "vendors.prime", "the follow-up appears next");
    assert!(app.message().is_some_and(|m| m.text.contains("follow-up question was added")));
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Left);
    assert_eq!(current_id(&app), "vendors.count");
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(answer(&app, "vendors.prime"), None);
    assert_eq!(current_id(&app), "vendors.named-people");
    let m = app.message().cloned().unwrap();
    assert!(m.warning && m.text.contains("its answer was removed") && m.text.contains("Is one party"), "{m:?}");
}

#[test]
fn dont_know_answers_and_moves_on_unless_refused() {
    let q = fixture();
    let mut app = begun(&q);
    let fx = press(&mut app, KeyCode::Char('d'));
    assert!(fx.save);
    assert_eq!(answer(&app, "basics.goal"), Some(&Answer::DontKnow));
    at(&mut app, "basics.agree");
    let fx = press(&mut app, KeyCode::Char('d'));
    assert!(!fx.save);
    assert_eq!(answer(&app, "basics.agree"), None);
    assert!(app.message().is_some_and(|m| m.warning && m.text.contains("needs a real answer")));
}

#[test]
fn notes_are_written_in_an_editor() {
    let q = interview();
    let mut app = begun(&q);
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.mode(), Mode::Editing);
    typing(&mut app, "ask the board; d and q type");
    let fx = press(&mut app, KeyCode::Enter);
    assert!(fx.save);
    assert_eq!(app.session().note(0), Some("ask the board; d and q type"));
    press(&mut app, KeyCode::Char('n'));
    typing(&mut app, " more");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.session().note(0), Some("ask the board; d and q type"), "Esc discards the edit");
    assert_eq!(app.mode(), Mode::Question);
}

#[test]
fn numbers_are_typed_then_entered() {
    let q = fixture();
    let mut app = begun(&q);
    at(&mut app, "tools.users");
    typing(&mut app, "120");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.typed(), "12");
    press(&mut app, KeyCode::Enter);
    assert_eq!(answer(&app, "tools.users"), Some(&Answer::Number(12.0)));
    press(&mut app, KeyCode::Left);
    typing(&mut app, "5000");
    press(&mut app, KeyCode::Enter);
    assert_eq!(answer(&app, "tools.users"), Some(&Answer::Number(12.0)), "out of range is refused");
    assert!(app.message().is_some_and(|m| m.text.contains("from 1 to 1000")));
}

#[test]
fn text_answers_open_an_editor() {
    let q = fixture();
    let mut app = begun(&q);
    at(&mut app, "tools.comment");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.overlay(), Some(Overlay::TextAnswer(_))));
    typing(&mut app, "Budget is tight");
    press(&mut app, KeyCode::Enter);
    assert_eq!(answer(&app, "tools.comment"), Some(&Answer::Text("Budget is tight".into())));
    assert_eq!(app.mode(), Mode::Review, "the last question leads to the review");
}

#[test]
fn tab_jumps_between_areas() {
    let q = interview();
    let mut app = begun(&q);
    press(&mut app, KeyCode::Tab);
    assert_eq!(current_id(&app), "business-case.how");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(current_id(&app), "business-case.how");
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::BackTab);
    assert!(app.message().is_some_and(|m| m.text.contains("first area")));
}

#[test]
fn backspace_and_digits_edit_a_saved_number_instead_of_going_back() {
    let q = fixture();
    let mut app = begun(&q);
    at(&mut app, "tools.users");
    typing(&mut app, "11");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Left);
    assert_eq!(current_id(&app), "tools.users");
    assert!(!app.editing_number(), "the saved answer shows until a key edits it");
    press(&mut app, KeyCode::Backspace);
    assert_eq!((current_id(&app).as_str(), app.typed()), ("tools.users", "1"), "Backspace edits the answer");
    assert!(app.editing_number());
    typing(&mut app, "2");
    press(&mut app, KeyCode::Enter);
    assert_eq!(answer(&app, "tools.users"), Some(&Answer::Number(12.0)));
    assert_eq!(answer(&app, "tools.count"), None);

    press(&mut app, KeyCode::Left);
    typing(&mut app, "0");
    assert_eq!(app.typed(), "120", "a digit continues the saved value");
    for _ in 0..3 {
        press(&mut app, KeyCode::Backspace);
    }
    assert_eq!((current_id(&app).as_str(), app.typed()), ("tools.users", ""));
    press(&mut app, KeyCode::Backspace);
    assert_eq!(current_id(&app), "tools.count", "with the entry empty, Backspace goes back as on first entry");
    assert_eq!(answer(&app, "tools.users"), Some(&Answer::Number(12.0)), "an abandoned edit keeps the answer");
}

#[test]
fn typing_on_a_text_question_edits_its_answer() {
    let q = fixture();
    let mut app = begun(&q);
    at(&mut app, "tools.comment");
    press(&mut app, KeyCode::Char('3'));
    assert!(matches!(app.overlay(), Some(Overlay::TextAnswer(f)) if f.text() == "3"), "a digit starts the answer");
    typing(&mut app, " pilots");
    press(&mut app, KeyCode::Enter);
    assert_eq!(answer(&app, "tools.comment"), Some(&Answer::Text("3 pilots".into())));
    assert_eq!(app.mode(), Mode::Review, "the last question leads to the review");
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Backspace);
    assert!(matches!(app.overlay(), Some(Overlay::TextAnswer(f)) if f.text() == "3 pilot"), "{:?}", app.overlay());
    assert_eq!(current_id(&app), "tools.comment");
}

#[test]
fn dont_know_on_multiple_choice_is_ticked_like_the_rest_and_says_what_it_replaced() {
    let q = interview();
    let mut app = begun(&q);
    at(&mut app, "setup.plan-covers");
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::End);
    press(&mut app, KeyCode::Up);
    assert_eq!(app.current_rows()[app.cursor()], Row::DontKnow);
    let fx = press(&mut app, KeyCode::Char(' '));
    assert!(fx.save);
    assert_eq!(answer(&app, "setup.plan-covers"), Some(&Answer::DontKnow));
    assert_eq!(current_id(&app), "setup.plan-covers", "like a tick, it stays on the question");
    assert!(app.message().is_some_and(|m| m.text.contains("ticks were replaced")), "{:?}", app.message());
}
