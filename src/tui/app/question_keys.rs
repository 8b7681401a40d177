//! What each key does on the question screen: moving between rows and
//! questions, picking, ticking, typing numbers, "don't know", notes.

use crate::core::answers::{Answer, format_number};
use crate::core::limits::MAX_TEXT_CHARS;
use crate::core::questionnaire::Kind;
use crate::core::session::number_range;
use crate::tui::rows::{QuickPick, Row, listed_steps, quick_pick};
use crate::tui::text_field::{Edit, TextField};

use super::action::{Action, Effects};
use super::screen::Overlay;
use super::state::App;

/// Longest number that can be typed.
const MAX_TYPED: usize = 24;

pub(super) fn question_key(app: &mut App<'_>, action: Action, fx: &mut Effects) {
    let rows = app.current_rows();
    let last = rows.len().saturating_sub(1);
    match action {
        Action::Up | Action::Down | Action::Home | Action::End | Action::PageUp | Action::PageDown => {
            app.clear_typed();
            app.cursor = match action {
                Action::Up => app.cursor.saturating_sub(1),
                Action::Down => (app.cursor + 1).min(last),
                Action::Home | Action::PageUp => 0,
                _ => last,
            };
        }
        Action::Choose if !app.typed.is_empty() && picks_by_number(app) => commit_pick(app, fx),
        Action::Choose => {
            if let Some(&row) = rows.get(app.cursor) {
                choose_row(app, row, fx);
            }
        }
        Action::Digit(d) => digit(app, d, fx),
        Action::NumberChar(c) if app.session.current_question().kind == Kind::Number => {
            open_number(app);
            let fits = match c {
                '-' => app.typed.is_empty(),
                '.' => !app.typed.contains('.'),
                _ => false,
            };
            if fits {
                app.typed.push(c);
            }
        }
        Action::Erase if !app.typed.is_empty() => {
            app.typed.pop();
        }
        // A saved answer is edited, as on first entry; with nothing to
        // edit, Backspace goes back like ←.
        Action::Erase if !app.editing_number && saved_number(app).is_some() && typed_entry(app) => {
            open_number(app);
            app.typed.pop();
        }
        Action::Erase if app.session.current_question().kind == Kind::Text && has_saved_text(app) => {
            open_text_editor(app, Edit::DeleteBack);
        }
        Action::Erase | Action::Back => {
            if app.session.back() {
                app.reset_cursor();
            } else {
                app.inform("This is the first question.");
            }
        }
        Action::Next => next(app),
        Action::NextArea => {
            if app.session.next_area() {
                app.reset_cursor();
            } else {
                app.inform("This is the last area. Press r to review your answers.");
            }
        }
        Action::PreviousArea => {
            if app.session.previous_area() {
                app.reset_cursor();
            } else {
                app.inform("This is the first area.");
            }
        }
        Action::Help => app.overlay = Some(Overlay::Help { scroll: 0 }),
        Action::Note => app.overlay = Some(Overlay::Note(note_field(app))),
        Action::DontKnow => dont_know(app, fx, true),
        Action::Review => app.open_review(Some(app.session.current())),
        Action::Quit => app.ask_to_quit(),
        _ => {}
    }
}

/// Whether digits pick a row (choices, listed scale steps) rather than
/// being typed as a number.
fn picks_by_number(app: &App<'_>) -> bool {
    let question = app.session.current_question();
    question.kind.has_choices() || listed_steps(question).is_some()
}

fn digit(app: &mut App<'_>, d: u8, fx: &mut Effects) {
    let question = app.session.current_question();
    if picks_by_number(app) {
        app.typed.push(char::from(b'0' + d));
        match pick_typed(app, false) {
            QuickPick::Pending(row) => app.cursor = row.unwrap_or(app.cursor),
            QuickPick::Pick(_) | QuickPick::NoSuchRow => commit_pick(app, fx),
        }
    } else if question.kind == Kind::Text {
        open_text_editor(app, Edit::Insert(char::from(b'0' + d)));
    } else {
        open_number(app);
        if app.typed.len() < MAX_TYPED {
            app.typed.push(char::from(b'0' + d));
        }
    }
}

/// Whether the question's answer is typed on its entry line (a number or
/// a wide scale), not picked from rows.
fn typed_entry(app: &App<'_>) -> bool {
    let question = app.session.current_question();
    question.kind != Kind::Text && !picks_by_number(app)
}

fn saved_number(app: &App<'_>) -> Option<f64> {
    match app.session.answer(app.session.current()) {
        Some(Answer::Number(n)) => Some(*n),
        _ => None,
    }
}

fn has_saved_text(app: &App<'_>) -> bool {
    matches!(app.session.answer(app.session.current()), Some(Answer::Text(_)))
}

/// Starts writing the number on the entry line, from the saved answer if
/// there is one, so a correction edits it rather than starting over.
fn open_number(app: &mut App<'_>) {
    app.cursor = 0;
    if !app.editing_number {
        app.typed = saved_number(app).map(format_number).unwrap_or_default();
        app.editing_number = true;
    }
}

/// Opens the text answer's editor (holding the saved answer) with `edit`
/// already applied: typing on a text question writes the answer.
fn open_text_editor(app: &mut App<'_>, edit: Edit) {
    let mut field = text_answer_field(app);
    field.apply(edit);
    app.overlay = Some(Overlay::TextAnswer(field));
}

/// Acts on the typed quick pick.
fn commit_pick(app: &mut App<'_>, fx: &mut Effects) {
    let pick = pick_typed(app, true);
    let typed = std::mem::take(&mut app.typed);
    match pick {
        QuickPick::Pick(r) => {
            app.cursor = r;
            if let Some(&row) = app.current_rows().get(r) {
                choose_row(app, row, fx);
            }
        }
        _ => app.warn(format!("There is no choice {typed} here.")),
    }
}

/// Enter or Space on a row.
fn choose_row(app: &mut App<'_>, row: Row, fx: &mut Effects) {
    let i = app.session.current();
    let question = app.session.current_question();
    match row {
        Row::Choice(c) if question.kind == Kind::Multi => {
            let change = app.session.toggle(i, c);
            app.answered(change, fx);
        }
        Row::Choice(c) => {
            let change = app.session.choose(i, c);
            app.answered(change, fx);
            app.advance();
        }
        Row::Step(v) => match app.session.enter_number(i, &v.to_string()) {
            Ok(change) => {
                app.answered(change, fx);
                app.advance();
            }
            Err(rejected) => app.warn(rejected.0),
        },
        Row::Entry if question.kind == Kind::Text => app.overlay = Some(Overlay::TextAnswer(text_answer_field(app))),
        Row::Entry if !app.typed.is_empty() => match app.session.enter_number(i, &app.typed) {
            Ok(change) => {
                app.answered(change, fx);
                app.advance();
            }
            Err(rejected) => app.warn(rejected.0),
        },
        Row::Entry if app.session.answer(i).is_some() => app.advance(),
        Row::Entry => app.inform(format!("Type {}, then press Enter.", number_range(question))),
        // On multiple choice "don't know" is ticked like the rest: it stays.
        Row::DontKnow => dont_know(app, fx, question.kind != Kind::Multi),
        Row::Continue => {
            if app.session.answer(i).is_none() {
                app.inform("Nothing ticked, so that question stays unanswered for now.");
            }
            app.advance();
        }
    }
}

/// Answers "don't know", then moves on if `advance`, saying so when it
/// replaced ticked choices.
fn dont_know(app: &mut App<'_>, fx: &mut Effects, advance: bool) {
    let i = app.session.current();
    let had_ticks = matches!(app.session.answer(i), Some(Answer::List(_)));
    match app.session.dont_know(i) {
        Ok(change) => {
            app.answered(change, fx);
            if app.message.is_none() {
                match (had_ticks, advance) {
                    (true, true) => app.inform("Your ticks were replaced by \u{201c}don't know\u{201d}."),
                    (true, false) => app.inform(
                        "Your ticks were replaced by \u{201c}don't know\u{201d}. Continue (or \u{2192}) moves on.",
                    ),
                    (false, false) => app.inform("Marked \u{201c}don't know\u{201d}. Continue (or \u{2192}) moves on."),
                    (false, true) => {}
                }
            }
            if advance {
                app.advance();
            }
        }
        Err(rejected) => app.warn(rejected.0),
    }
}

/// On to the next question without answering (→).
fn next(app: &mut App<'_>) {
    app.clear_typed();
    if app.back_to_review || !app.session.forward() {
        app.advance();
    } else {
        app.reset_cursor();
    }
}

/// The prompt for a text question's editor, prefilled with the answer.
fn text_answer_field(app: &App<'_>) -> TextField {
    let current = match app.session.answer(app.session.current()) {
        Some(Answer::Text(t)) if app.session.current_question().kind == Kind::Text => t.as_str(),
        _ => "",
    };
    TextField::new(current, MAX_TEXT_CHARS)
}

/// The note editor, prefilled with the current note.
fn note_field(app: &App<'_>) -> TextField {
    TextField::new(app.session.note(app.session.current()).unwrap_or(""), MAX_TEXT_CHARS)
}

/// Reads the typed digits as a quick pick on the current question.
fn pick_typed(app: &App<'_>, final_digit: bool) -> QuickPick {
    quick_pick(app.session.current_question(), &app.typed, final_digit)
}
