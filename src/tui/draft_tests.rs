//! The draft on disk follows what there is to keep: nothing for an
//! interview begun and left untouched, a file once there is an answer or a
//! note, and no file again once the respondent clears everything.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::app::Action;
use super::text_field::Edit;
use super::{App, Details, Events, Mode, run, save_draft};
use crate::core::questionnaire::{Questionnaire, builtin};
use crate::io::drafts;

/// Actions from a script; an empty script interrupts (and saves).
struct Script(VecDeque<Action>);

impl Events for Script {
    fn next(&mut self, _mode: Mode) -> std::io::Result<Option<Action>> {
        Ok(Some(self.0.pop_front().unwrap_or(Action::Interrupt)))
    }
}

/// Runs `app` through `actions` with the real draft writer.
fn play(app: &mut App<'_>, actions: &[Action]) {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut script = Script(actions.iter().cloned().collect());
    run(&mut terminal, app, &mut script, save_draft, || jiff::Timestamp::UNIX_EPOCH).unwrap();
}

fn files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir).map_or_else(|_| Vec::new(), |d| d.map(|e| e.unwrap().path()).collect())
}

fn quick() -> Questionnaire {
    builtin::find("crm-quick").unwrap().load().unwrap()
}

/// Past the start form (four blank details, then "Begin").
const BEGIN: [Action; 5] = [Action::Confirm, Action::Confirm, Action::Confirm, Action::Confirm, Action::Confirm];

fn note(text: &str) -> Vec<Action> {
    let mut actions = vec![Action::Note, Action::Edit(Edit::Clear)];
    actions.extend(text.chars().map(|c| Action::Edit(Edit::Insert(c))));
    actions.push(Action::Confirm);
    actions
}

#[test]
fn beginning_and_leaving_untouched_writes_no_draft() {
    let q = quick();
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::new(&q, &Details::default(), Vec::new(), Some(dir.path().to_path_buf()));
    play(&mut app, &BEGIN);
    assert!(app.has_begun());
    assert_eq!(files(dir.path()), Vec::<PathBuf>::new());
    assert!(!app.draft_kept());
}

#[test]
fn a_note_alone_is_kept_and_clearing_it_removes_the_draft() {
    let q = quick();
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::new(&q, &Details::default(), Vec::new(), Some(dir.path().to_path_buf()));
    let mut actions = BEGIN.to_vec();
    actions.extend(note("ask the board"));
    play(&mut app, &actions);
    let [draft] = files(dir.path()).try_into().expect("one draft");
    assert!(app.draft_kept());

    let saved = drafts::find(dir.path(), &q).saved.remove(0);
    assert_eq!(saved.path, draft);
    let mut resumed = App::resumed(&q, saved);
    assert!(resumed.draft_kept(), "a resumed draft is this interview's");
    play(&mut resumed, &note(""));
    assert_eq!(files(dir.path()), Vec::<PathBuf>::new(), "nothing left to keep");
    assert!(!resumed.draft_kept());
}

#[test]
fn an_untouched_new_interview_leaves_an_earlier_draft_of_the_same_file_alone() {
    let q = quick();
    let dir = tempfile::tempdir().unwrap();
    let mut first = App::new(&q, &Details::default(), Vec::new(), Some(dir.path().to_path_buf()));
    let mut actions = BEGIN.to_vec();
    actions.push(Action::Digit(1));
    play(&mut first, &actions);
    let [draft] = files(dir.path()).try_into().expect("one draft");
    let before = std::fs::read_to_string(&draft).unwrap();

    // Started afresh for the same (no) organisation: same file name.
    let mut second = App::new(&q, &Details::default(), Vec::new(), Some(dir.path().to_path_buf()));
    play(&mut second, &BEGIN);
    assert_eq!(std::fs::read_to_string(&draft).unwrap(), before);
}

#[test]
fn a_damaged_draft_is_named_on_the_first_screen_and_its_file_is_never_taken() {
    let q = quick();
    let dir = tempfile::tempdir().unwrap();
    // Someone else's damaged draft, under the name a new interview with no
    // organisation would take.
    let damaged = dir.path().join("crm-quick.json");
    std::fs::write(&damaged, "{\"draft_version\": 1,").unwrap();
    let found = drafts::find(dir.path(), &q);
    assert!(found.saved.is_empty());
    let unreadable = found.unreadable.into_iter().map(|u| u.path).collect();
    let mut app = App::new(&q, &Details::default(), found.saved, Some(dir.path().to_path_buf()))
        .with_unreadable_drafts(unreadable);

    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| super::view::render(f, &app)).unwrap();
    let screen = terminal.backend().to_string();
    assert!(screen.contains("Who is this assessment for?"), "the interview can start:\n{screen}");
    assert!(screen.contains("A saved interview cannot be continued and is not offered (crm-quick.json)"), "{screen}");

    let mut actions = BEGIN.to_vec();
    actions.push(Action::Digit(1));
    play(&mut app, &actions);
    assert_eq!(app.draft_path(), Some(dir.path().join("crm-quick+2.json").as_path()));
    assert_eq!(std::fs::read_to_string(&damaged).unwrap(), "{\"draft_version\": 1,", "left as it was");
}
