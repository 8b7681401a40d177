//! A one-line text input with a cursor: the start form's fields, notes and
//! text answers. Pure state; the view wraps long text over several lines.

use crate::core::text::forbidden;

/// Editable text and the cursor's position in characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextField {
    text: String,
    /// Cursor position, in characters from the start.
    cursor: usize,
    /// Longest text accepted, in characters.
    max_chars: usize,
}

/// One editing step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    /// Pasted text: cleaned like typed text (see `clean`).
    Paste(String),
    DeleteBack,
    DeleteForward,
    Left,
    Right,
    Home,
    End,
    /// Clears everything (Ctrl-U).
    Clear,
}

impl TextField {
    pub fn new(text: &str, max_chars: usize) -> Self {
        let text: String = clean(text).chars().take(max_chars).collect();
        let cursor = text.chars().count();
        let mut field = TextField { text, cursor, max_chars };
        field.drop_refused();
        field
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::Insert(c) => self.insert(&clean(&c.to_string())),
            Edit::Paste(s) => self.insert(&clean(&s)),
            Edit::DeleteBack if self.cursor > 0 => {
                self.cursor -= 1;
                self.text.remove(self.byte_at(self.cursor));
            }
            Edit::DeleteForward if self.cursor < self.len() => {
                self.text.remove(self.byte_at(self.cursor));
            }
            Edit::Left => self.cursor = self.cursor.saturating_sub(1),
            Edit::Right => self.cursor = (self.cursor + 1).min(self.len()),
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = self.len(),
            Edit::Clear => *self = TextField { max_chars: self.max_chars, ..TextField::default() },
            Edit::DeleteBack | Edit::DeleteForward => {}
        }
        self.drop_refused();
    }

    /// Drops what an edit left the rule refusing: a joiner whose emoji was
    /// cut by the length cap, deleted, or split by a character typed into it.
    fn drop_refused(&mut self) {
        let refused: Vec<usize> = forbidden(&self.text).map(|f| f.at).collect();
        if refused.is_empty() {
            return;
        }
        let before_cursor = self.text.char_indices().take(self.cursor).filter(|(i, _)| refused.contains(i)).count();
        self.text = self.text.char_indices().filter(|(i, _)| !refused.contains(i)).map(|(_, c)| c).collect();
        self.cursor -= before_cursor;
    }

    fn insert(&mut self, s: &str) {
        let room = self.max_chars.saturating_sub(self.len());
        let s: String = s.chars().take(room).collect();
        let at = self.byte_at(self.cursor);
        self.text.insert_str(at, &s);
        self.cursor += s.chars().count();
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text.char_indices().nth(chars).map_or(self.text.len(), |(i, _)| i)
    }
}

/// Typed or pasted text as the field keeps it: line breaks and tabs become
/// spaces, and every character the text rule refuses (controls, bidi and
/// invisible characters; escape sequences whole) is dropped, so it is never
/// stored. Emoji sequences pasted whole stay whole.
fn clean(s: &str) -> String {
    let folded: String = s.chars().map(|c| if matches!(c, '\n' | '\r' | '\t') { ' ' } else { c }).collect();
    crate::core::text::sanitize(&folded).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_at_the_cursor_in_characters() {
        let mut f = TextField::new("Acmé", 100);
        assert_eq!(f.cursor(), 4);
        f.apply(Edit::Left);
        f.apply(Edit::Insert('x'));
        assert_eq!(f.text(), "Acmxé");
        f.apply(Edit::DeleteBack);
        f.apply(Edit::DeleteForward);
        assert_eq!(f.text(), "Acm");
        f.apply(Edit::Home);
        f.apply(Edit::DeleteBack);
        assert_eq!(f.text(), "Acm");
        f.apply(Edit::End);
        f.apply(Edit::Right);
        assert_eq!(f.cursor(), 3);
        f.apply(Edit::Clear);
        assert_eq!((f.text(), f.cursor()), ("", 0));
    }

    #[test]
    fn paste_is_cleaned_and_capped() {
        let mut f = TextField::new("", 10);
        f.apply(Edit::Paste("line one\nline\u{1b}[31m two".into()));
        assert_eq!(f.text(), "line one l");
        f.apply(Edit::Insert('z'));
        assert_eq!(f.text(), "line one l", "full");
    }

    #[test]
    fn refused_characters_typed_or_pasted_are_never_stored() {
        let mut f = TextField::new("Acme\u{202e}\u{3164}", 100);
        assert_eq!(f.text(), "Acme");
        for c in ['\u{1b}', '\u{7}', '\u{200b}', '\u{2066}', '\u{85}', '\u{e0100}'] {
            f.apply(Edit::Insert(c));
        }
        f.apply(Edit::Paste(" \u{1b}]52;c;ZXZpbA==\u{7}Ltd\u{8}\u{8}\u{115f} 👩\u{200d}💻\u{fe0f}".into()));
        assert_eq!(f.text(), "Acme Ltd 👩\u{200d}💻\u{fe0f}");
        assert_eq!(crate::core::text::first_forbidden(f.text()), None);
    }

    #[test]
    fn an_edit_that_breaks_an_emoji_drops_its_joiner() {
        let mut f = TextField::new("a👩\u{200d}💻", 100);
        f.apply(Edit::DeleteBack);
        assert_eq!((f.text(), f.cursor()), ("a👩", 2));
        let mut f = TextField::new("👩\u{200d}💻", 100);
        f.apply(Edit::Left);
        f.apply(Edit::Insert('x'));
        assert_eq!((f.text(), f.cursor()), ("👩x💻", 2));
        assert_eq!(TextField::new("👩\u{200d}💻", 2).text(), "👩");
    }
}
