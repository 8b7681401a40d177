//! Which keys to show: the short hints under each screen, and the full list
//! in the help overlay.

use crate::core::questionnaire::Kind;
use crate::tui::app::{App, Mode, Overlay, Screen, StartForm};
use crate::tui::rows::listed_steps;

/// One key hint; lower priority numbers are kept first when space is short.
#[derive(Debug, Clone, Copy)]
pub struct Hint {
    pub key: &'static str,
    pub label: &'static str,
    pub priority: u8,
}

const fn hint(key: &'static str, label: &'static str, priority: u8) -> Hint {
    Hint { key, label, priority }
}

/// The hints for the current mode, in display order.
pub fn hints(app: &App<'_>) -> Vec<Hint> {
    match app.mode() {
        Mode::TooSmall => vec![hint("q", "quit", 0)],
        Mode::Resume => vec![
            hint("↑↓", "choose", 1),
            hint("Enter", "continue", 0),
            hint("n", "start a new one", 1),
            hint("q", "quit", 0),
        ],
        Mode::Start if matches!(app.screen(), Screen::Start(form) if form.focus() == StartForm::GROUP) => vec![
            hint("Enter", "next", 0),
            hint("← →", "choose a group", 0),
            hint("↑↓", "move", 1),
            hint("Backspace", "clear", 2),
            hint("Esc", "quit", 0),
        ],
        Mode::Start => vec![
            hint("Enter", "next", 0),
            hint("↑↓", "move", 1),
            hint("type", "to fill in (optional)", 2),
            hint("Esc", "quit", 0),
        ],
        Mode::Question => question_hints(app),
        Mode::Review => vec![
            hint("↑↓", "move", 1),
            hint("Enter", "change answer", 0),
            hint("s", "submit", 0),
            hint("r", "back to questions", 2),
            hint("?", "help", 1),
            hint("q", "quit", 0),
        ],
        Mode::Results => vec![
            hint("Enter", "finish and print the report", 0),
            hint("↑↓", "scroll", 1),
            hint("r", "back to your answers", 2),
        ],
        Mode::Help => vec![hint("↑↓", "scroll", 1), hint("Esc", "close", 0)],
        Mode::Editing => match app.overlay() {
            Some(Overlay::Note(_)) => {
                vec![hint("Enter", "save note", 0), hint("Esc", "cancel", 0), hint("Ctrl-U", "clear", 1)]
            }
            _ => vec![hint("Enter", "save answer", 0), hint("Esc", "cancel", 0), hint("Ctrl-U", "clear", 1)],
        },
        Mode::Confirming => vec![hint("y", "yes", 0), hint("n", "no", 0)],
    }
}

fn question_hints(app: &App<'_>) -> Vec<Hint> {
    let question = app.session().current_question();
    let mut v = vec![hint("↑↓", "move", 1)];
    match question.kind {
        Kind::Multi => {
            v.push(hint("Space", "tick", 0));
            v.push(hint("1-9", "tick", 5));
            v.push(hint("→", "next", 0));
        }
        Kind::Text => v.push(hint("Enter", "write answer", 0)),
        Kind::Number => v.push(hint("0-9 Enter", "type answer", 0)),
        Kind::Scale if listed_steps(question).is_none() => v.push(hint("0-9 Enter", "type answer", 0)),
        _ => {
            v.push(hint("Enter", "choose", 0));
            v.push(hint("1-9", "pick", 5));
        }
    }
    v.push(hint("←", "back", 2));
    if question.dont_know {
        v.push(hint("d", "don't know", 3));
    }
    v.push(hint("n", "note", 4));
    v.push(hint("Tab", "next area", 6));
    v.push(hint("r", "review", 3));
    v.push(hint("?", "help", 0));
    v.push(hint("q", "quit", 0));
    v
}

/// Every key, for the help overlay: (keys, what they do).
pub const ALL_KEYS: &[(&str, &str)] = &[
    ("↑ ↓  j k", "move between choices"),
    ("Enter  Space", "choose; on multiple choice, tick or untick"),
    ("1-9", "quick pick; a scale takes its own number"),
    ("0-9  Enter", "type or correct a number answer, then save it"),
    ("← Backspace", "previous question; Backspace first erases what is typed"),
    ("→", "next question (skip this one for now)"),
    ("Tab  Shift-Tab", "next / previous area"),
    ("d", "don't know (counts as a risk to resolve)"),
    ("n", "write or edit a note on this answer"),
    ("r", "review every answer; there, s submits"),
    ("?", "this help"),
    ("q  Esc", "leave (asks first); answers are kept"),
    ("Ctrl-C", "leave at once; answers are kept"),
    ("Ctrl-Z", "suspend to the shell; fg brings the interview back"),
];
