//! Key → action → state, with no terminal: each test presses real keys
//! through the keymap (or feeds the outcome of an effect) and checks what
//! the app did.

mod question;
mod screens;

use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::core::answers::{Answer, Answers, Group};
use crate::core::questionnaire::{Questionnaire, parse};
use crate::core::scoring::score;
use crate::io::drafts::{Draft, Position, Saved};
use crate::tui::keymap::action_for;
use crate::tui::rows::Row;

/// A small questionnaire shaped like a quick check (areas, a multiple
/// choice, a scale, a follow-up): the interview's mechanics are tested on it
/// rather than on a built-in, whose wording changes from version to version.
const INTERVIEW: &str = include_str!("../../../../tests/fixtures/questionnaires/good/interview.toml");

fn interview() -> Questionnaire {
    parse(INTERVIEW, "interview.toml").unwrap()
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

/// An app past the start form, as if Enter was pressed five times.
fn begun<'q>(q: &'q Questionnaire) -> App<'q> {
    let mut app = App::new(q, &Details::default(), Vec::new(), Some(PathBuf::from("/drafts")));
    for _ in 0..5 {
        press(&mut app, KeyCode::Enter);
    }
    assert_eq!(app.mode(), Mode::Question);
    app
}

fn answer<'a>(app: &'a App<'_>, id: &str) -> Option<&'a Answer> {
    app.session().answers().answers.get(id)
}

fn current_id(app: &App<'_>) -> String {
    app.session().current_question().id.clone()
}

/// Presses → until the question `id` is on screen (it must be shown, and
/// ahead of the current one).
fn at(app: &mut App<'_>, id: &str) {
    while current_id(app) != id && app.mode() == Mode::Question {
        press(app, KeyCode::Right);
    }
    assert_eq!((app.mode(), current_id(app).as_str()), (Mode::Question, id));
}

/// Scores the answers, as the edge does on [`Effects::score`].
fn scored(app: &mut App<'_>) {
    let assessment = score(app.questionnaire(), app.session().answers(), jiff::Timestamp::UNIX_EPOCH);
    assert_eq!(update(app, Action::Scored(Box::new(assessment))), Effects::default());
}

#[test]
fn the_outcome_of_a_save_is_recorded_and_the_key_s_message_stays() {
    let q = interview();
    let mut app = begun(&q);
    assert_eq!(update(&mut app, Action::SaveFailed("disk full".into())), Effects::default());
    assert_eq!(app.save_error(), Some("disk full"));
    let m = app.message().cloned().unwrap();
    assert!(m.warning && m.text.starts_with("Could not save your progress (disk full)."), "{m:?}");
    at(&mut app, "vendors.count");
    press(&mut app, KeyCode::Char('3'));
    let added = app.message().cloned();
    assert!(added.as_ref().is_some_and(|m| m.text.contains("follow-up question was added")), "{added:?}");
    assert_eq!(update(&mut app, Action::Saved), Effects::default());
    assert_eq!(app.save_error(), None);
    assert_eq!(app.message().cloned(), added, "a successful save says nothing");
}

#[test]
fn a_suspend_that_cannot_happen_says_so_over_any_screen() {
    let q = interview();
    let mut app = begun(&q);
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(update(&mut app, Action::SuspendUnavailable), Effects::default());
    assert!(app.message().is_some_and(|m| m.warning && m.text.starts_with("Ctrl-Z needs a shell with job control")));
    assert_eq!(app.mode(), Mode::Editing, "the note being written stays open");
}
