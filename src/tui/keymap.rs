//! Keys to actions, per mode. Pure: a `KeyEvent` in, an `Action` out.
//!
//! Ctrl-C leaves at once in every mode (the draft is already saved) and the
//! process exits with 130, like an interrupted command; `q` and Esc ask first.
//! Ctrl-Z suspends in every mode, as in any other terminal program (raw mode
//! turns off the terminal's own handling of both keys).

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::app::{Action, Mode};
use super::text_field::Edit;

/// The action a key press means in `mode`, if any.
pub fn action_for(mode: Mode, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && matches!(key.code, KeyCode::Char('c' | 'C')) {
        return Some(Action::Interrupt);
    }
    if ctrl && matches!(key.code, KeyCode::Char('z' | 'Z')) {
        return Some(Action::Suspend);
    }
    match mode {
        Mode::TooSmall => matches!(key.code, KeyCode::Char('q') | KeyCode::Esc).then_some(Action::Quit),
        Mode::Start => form_key(key, ctrl),
        Mode::Editing => match key.code {
            KeyCode::Enter => Some(Action::Confirm),
            KeyCode::Esc => Some(Action::Cancel),
            _ => edit_key(key, ctrl).map(Action::Edit),
        },
        Mode::Help => match key.code {
            KeyCode::Up | KeyCode::Char('k') => Some(Action::Up),
            KeyCode::Down | KeyCode::Char('j') => Some(Action::Down),
            KeyCode::PageUp => Some(Action::PageUp),
            KeyCode::PageDown => Some(Action::PageDown),
            KeyCode::Esc | KeyCode::Enter | KeyCode::Char('?' | 'q') => Some(Action::Cancel),
            _ => None,
        },
        // Esc and q close the question without answering it: the same as
        // "no" when leaving or submitting, "not now" when a draft exists.
        Mode::Confirming => match key.code {
            KeyCode::Char('y' | 'Y') | KeyCode::Enter => Some(Action::Yes),
            KeyCode::Char('n' | 'N') => Some(Action::No),
            KeyCode::Char('q') | KeyCode::Esc => Some(Action::Cancel),
            _ => None,
        },
        Mode::Resume => match key.code {
            KeyCode::Char('n') => Some(Action::No),
            _ => list_key(key.code),
        },
        Mode::Question => question_key(key.code),
        Mode::Review => match key.code {
            KeyCode::Char('s') => Some(Action::Submit),
            KeyCode::Char('r') | KeyCode::Left | KeyCode::Backspace => Some(Action::Review),
            KeyCode::Char('?') => Some(Action::Help),
            _ => list_key(key.code),
        },
        Mode::Results => match key.code {
            KeyCode::Char('r') | KeyCode::Left | KeyCode::Backspace => Some(Action::Review),
            KeyCode::Enter | KeyCode::Char('q') | KeyCode::Esc => Some(Action::Confirm),
            _ => list_key(key.code),
        },
    }
}

/// Moving through a list, choosing, leaving.
fn list_key(code: KeyCode) -> Option<Action> {
    match code {
        KeyCode::Up | KeyCode::Char('k') => Some(Action::Up),
        KeyCode::Down | KeyCode::Char('j') => Some(Action::Down),
        KeyCode::PageUp => Some(Action::PageUp),
        KeyCode::PageDown => Some(Action::PageDown),
        KeyCode::Home | KeyCode::Char('g') => Some(Action::Home),
        KeyCode::End | KeyCode::Char('G') => Some(Action::End),
        KeyCode::Enter | KeyCode::Char(' ') => Some(Action::Choose),
        KeyCode::Char('q') | KeyCode::Esc => Some(Action::Quit),
        _ => None,
    }
}

fn question_key(code: KeyCode) -> Option<Action> {
    match code {
        KeyCode::Char(c @ '0'..='9') => Some(Action::Digit(c as u8 - b'0')),
        KeyCode::Char(c @ ('.' | '-')) => Some(Action::NumberChar(c)),
        KeyCode::Backspace => Some(Action::Erase),
        KeyCode::Left => Some(Action::Back),
        KeyCode::Right => Some(Action::Next),
        KeyCode::Tab => Some(Action::NextArea),
        KeyCode::BackTab => Some(Action::PreviousArea),
        KeyCode::Char('?') => Some(Action::Help),
        KeyCode::Char('n') => Some(Action::Note),
        KeyCode::Char('d') => Some(Action::DontKnow),
        KeyCode::Char('r') => Some(Action::Review),
        KeyCode::Home | KeyCode::Char('g') => Some(Action::Home),
        KeyCode::End | KeyCode::Char('G') => Some(Action::End),
        _ => list_key(code),
    }
}

/// The start form: typing fills the focused field.
fn form_key(key: KeyEvent, ctrl: bool) -> Option<Action> {
    match key.code {
        KeyCode::Enter => Some(Action::Confirm),
        KeyCode::Esc => Some(Action::Quit),
        KeyCode::Tab | KeyCode::Down => Some(Action::FocusNext),
        KeyCode::BackTab | KeyCode::Up => Some(Action::FocusPrevious),
        _ => edit_key(key, ctrl).map(Action::Edit),
    }
}

/// Editing keys of a text field.
fn edit_key(key: KeyEvent, ctrl: bool) -> Option<Edit> {
    match key.code {
        KeyCode::Char('u') if ctrl => Some(Edit::Clear),
        KeyCode::Char('a') if ctrl => Some(Edit::Home),
        KeyCode::Char('e') if ctrl => Some(Edit::End),
        KeyCode::Char(_) if ctrl || key.modifiers.contains(KeyModifiers::ALT) => None,
        KeyCode::Char(c) => Some(Edit::Insert(c)),
        KeyCode::Backspace => Some(Edit::DeleteBack),
        KeyCode::Delete => Some(Edit::DeleteForward),
        KeyCode::Left => Some(Edit::Left),
        KeyCode::Right => Some(Edit::Right),
        KeyCode::Home => Some(Edit::Home),
        KeyCode::End => Some(Edit::End),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ch(c: char) -> KeyEvent {
        key(KeyCode::Char(c))
    }

    #[test]
    fn question_keys_follow_the_issue() {
        let m = Mode::Question;
        assert_eq!(action_for(m, key(KeyCode::Up)), Some(Action::Up));
        assert_eq!(action_for(m, ch('k')), Some(Action::Up));
        assert_eq!(action_for(m, ch('j')), Some(Action::Down));
        assert_eq!(action_for(m, key(KeyCode::Enter)), Some(Action::Choose));
        assert_eq!(action_for(m, ch(' ')), Some(Action::Choose));
        assert_eq!(action_for(m, ch('3')), Some(Action::Digit(3)));
        assert_eq!(action_for(m, key(KeyCode::Left)), Some(Action::Back));
        assert_eq!(action_for(m, key(KeyCode::Backspace)), Some(Action::Erase));
        assert_eq!(action_for(m, key(KeyCode::Tab)), Some(Action::NextArea));
        assert_eq!(action_for(m, key(KeyCode::BackTab)), Some(Action::PreviousArea));
        assert_eq!(action_for(m, ch('?')), Some(Action::Help));
        assert_eq!(action_for(m, ch('n')), Some(Action::Note));
        assert_eq!(action_for(m, ch('d')), Some(Action::DontKnow));
        assert_eq!(action_for(m, ch('r')), Some(Action::Review));
        assert_eq!(action_for(m, ch('q')), Some(Action::Quit));
        assert_eq!(action_for(m, key(KeyCode::Esc)), Some(Action::Quit));
        assert_eq!(action_for(m, ch('x')), None);
    }

    #[test]
    fn ctrl_c_interrupts_and_ctrl_z_suspends_everywhere_and_releases_are_ignored() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for m in [Mode::Start, Mode::Question, Mode::Editing, Mode::Confirming, Mode::TooSmall, Mode::Results] {
            assert_eq!(action_for(m, ctrl_c), Some(Action::Interrupt), "{m:?}");
        }
        let ctrl_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
        for m in [Mode::Start, Mode::Question, Mode::Editing, Mode::Help, Mode::TooSmall, Mode::Review] {
            assert_eq!(action_for(m, ctrl_z), Some(Action::Suspend), "{m:?}");
        }
        let mut release = ch('q');
        release.kind = KeyEventKind::Release;
        assert_eq!(action_for(Mode::Question, release), None);
    }

    #[test]
    fn letters_type_in_fields_and_editors() {
        assert_eq!(action_for(Mode::Start, ch('q')), Some(Action::Edit(Edit::Insert('q'))));
        assert_eq!(action_for(Mode::Start, key(KeyCode::Esc)), Some(Action::Quit));
        assert_eq!(action_for(Mode::Start, key(KeyCode::Tab)), Some(Action::FocusNext));
        assert_eq!(action_for(Mode::Editing, ch('d')), Some(Action::Edit(Edit::Insert('d'))));
        assert_eq!(action_for(Mode::Editing, key(KeyCode::Left)), Some(Action::Edit(Edit::Left)));
        assert_eq!(action_for(Mode::Editing, key(KeyCode::Esc)), Some(Action::Cancel));
        let ctrl_u = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
        assert_eq!(action_for(Mode::Editing, ctrl_u), Some(Action::Edit(Edit::Clear)));
    }

    #[test]
    fn dialogs_and_review() {
        assert_eq!(action_for(Mode::Confirming, ch('y')), Some(Action::Yes));
        assert_eq!(action_for(Mode::Confirming, ch('n')), Some(Action::No));
        assert_eq!(action_for(Mode::Confirming, key(KeyCode::Esc)), Some(Action::Cancel));
        assert_eq!(action_for(Mode::Review, ch('s')), Some(Action::Submit));
        assert_eq!(action_for(Mode::Review, key(KeyCode::Enter)), Some(Action::Choose));
        assert_eq!(action_for(Mode::Results, key(KeyCode::Enter)), Some(Action::Confirm));
        assert_eq!(action_for(Mode::TooSmall, ch('q')), Some(Action::Quit));
        assert_eq!(action_for(Mode::TooSmall, ch('j')), None);
    }
}
