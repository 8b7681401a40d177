//! Where each part of an answers file is, kept beside the typed answers so
//! that every problem found in them can be pointed at; and the values that
//! could not be typed at all, kept so they are reported against their
//! question.

use std::collections::BTreeMap;

use super::{Answer, Answers, Group};
use crate::core::diagnostic::Span;

/// Where an answer or a note is: its question id and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub key: Span,
    pub value: Span,
}

/// What a value is that can be no answer or note at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A list that is not a list of text, or any list where text is wanted.
    List,
    /// Anything else, in words: "a table", "null", "a date-time"...
    Other(&'static str),
}

impl Shape {
    /// The shape in words, as messages name it.
    pub fn describe(self) -> &'static str {
        match self {
            Shape::List => "a list",
            Shape::Other(what) => what,
        }
    }
}

/// An answer or note whose value could not be typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Untyped {
    pub shape: Shape,
    pub at: Located,
}

/// The positions of an answers file's parts, by key and question id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Positions {
    /// The top-level keys the file has, whatever their values.
    pub keys: Vec<&'static str>,
    /// Each header value that was read (as text, a group or a date).
    pub header: BTreeMap<&'static str, Span>,
    pub answers: BTreeMap<String, Located>,
    pub notes: BTreeMap<String, Located>,
    /// Answers whose values are of no answer's shape.
    pub untyped_answers: BTreeMap<String, Untyped>,
    /// Notes whose values are not text.
    pub untyped_notes: BTreeMap<String, Untyped>,
}

impl Positions {
    /// Where the answer (typed or not) to question `id` is.
    pub fn answer(&self, id: &str) -> Option<&Located> {
        self.answers.get(id).or_else(|| self.untyped_answers.get(id).map(|u| &u.at))
    }

    /// Where the note (typed or not) on question `id` is.
    pub fn note(&self, id: &str) -> Option<&Located> {
        self.notes.get(id).or_else(|| self.untyped_notes.get(id).map(|u| &u.at))
    }

    /// The key of the answer after the first `limit` in file order.
    pub fn answer_past(&self, limit: usize) -> Option<Span> {
        nth_in_file(self.answers.values().chain(self.untyped_answers.values().map(|u| &u.at)), limit)
    }

    /// The key of the note after the first `limit` in file order.
    pub fn note_past(&self, limit: usize) -> Option<Span> {
        nth_in_file(self.notes.values().chain(self.untyped_notes.values().map(|u| &u.at)), limit)
    }
}

/// The key of the entry at index `n` in file order.
fn nth_in_file<'a>(entries: impl Iterator<Item = &'a Located>, n: usize) -> Option<Span> {
    let mut keys: Vec<Span> = entries.map(|e| e.key.clone()).collect();
    keys.sort_by_key(|k| k.start);
    keys.into_iter().nth(n)
}

/// An answers file as read by a syntax reader: the typed answers and where
/// each part of them is.
#[derive(Debug, Default)]
pub(crate) struct ReadFile {
    pub answers: Answers,
    pub positions: Positions,
}

impl ReadFile {
    /// Notes that the file has top-level key `key`.
    pub fn saw_key(&mut self, key: &'static str) {
        self.positions.keys.push(key);
    }

    /// Whether top-level key `key` was seen.
    pub fn has_key(&self, key: &str) -> bool {
        self.positions.keys.contains(&key)
    }

    /// Sets a header value, read as text at `span`.
    pub fn set_header(&mut self, key: &'static str, value: String, span: Span) {
        self.answers.set_header(key, value);
        self.positions.header.insert(key, span);
    }

    /// Sets the respondent's group, read at `span`.
    pub fn set_group(&mut self, group: Group, span: Span) {
        self.answers.group = Some(group);
        self.positions.header.insert("group", span);
    }

    /// Sets when the interview was held, read at `span`.
    pub fn set_assessed_at(&mut self, at: jiff::Timestamp, span: Span) {
        self.answers.assessed_at = Some(at);
        self.positions.header.insert("assessed_at", span);
    }

    /// Whether question `id` already has an answer, typed or not.
    pub fn has_answer(&self, id: &str) -> bool {
        self.positions.answer(id).is_some()
    }

    /// Whether question `id` already has a note, typed or not.
    pub fn has_note(&self, id: &str) -> bool {
        self.positions.note(id).is_some()
    }

    /// Adds the answer to question `id`, or what was found instead.
    pub fn add_answer(&mut self, id: String, value: Result<Answer, Shape>, at: Located) {
        match value {
            Ok(answer) => {
                self.answers.answers.insert(id.clone(), answer);
                self.positions.answers.insert(id, at);
            }
            Err(shape) => {
                self.positions.untyped_answers.insert(id, Untyped { shape, at });
            }
        }
    }

    /// Adds the note on question `id`, or what was found instead.
    pub fn add_note(&mut self, id: String, value: Result<String, Shape>, at: Located) {
        match value {
            Ok(note) => {
                self.answers.notes.insert(id.clone(), note);
                self.positions.notes.insert(id, at);
            }
            Err(shape) => {
                self.positions.untyped_notes.insert(id, Untyped { shape, at });
            }
        }
    }
}
