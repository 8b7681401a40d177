//! The one check of an answer set against its questionnaire, whether the
//! answers came from a file (with positions, so every problem is located)
//! or from an interview draft (without: the messages name the question).

use super::positions::{Positions, Shape};
use super::{Answer, Answers};
use crate::core::diagnostic::{Diagnostic, Diagnostics, Span, shown_number};
use crate::core::limits::{MAX_ANSWERS, MAX_COSTLY_HINTS, MAX_LABEL_CHARS, MAX_TEXT_CHARS};
use crate::core::questionnaire::{Kind, Question, Questionnaire, builtin};
use crate::core::suggest::closest;

/// Every problem with `answers` as answers to `q`: the questionnaire and
/// version match, every question exists, every answer and note fits its
/// question, and there are not too many. `positions`, when the answers
/// were read from a file, locates each problem and holds the values that
/// could not be typed at all, which are reported here against their
/// question.
pub fn check(answers: &Answers, q: &Questionnaire, positions: Option<&Positions>) -> Diagnostics {
    let mut checker = Checker { q, positions, errs: Diagnostics::new(), hints: 0 };
    // Answers for another questionnaire, or more than any questionnaire
    // has: checking each would only bury the one problem under false ones.
    if !checker.header(answers) || checker.too_many(answers) {
        return checker.errs;
    }
    for (id, answer) in &answers.answers {
        let at = positions.and_then(|p| p.answers.get(id));
        if let Some(question) = checker.known(id, at.map(|a| a.key.clone()))
            && let Err(problem) = check_answer(question, answer)
        {
            checker.push(at.map(|a| a.value.clone()), problem);
        }
    }
    for (id, untyped) in positions.iter().flat_map(|p| &p.untyped_answers) {
        if let Some(question) = checker.known(id, Some(untyped.at.key.clone())) {
            checker.push(Some(untyped.at.value.clone()), untyped_answer(question, untyped.shape));
        }
    }
    for (id, note) in &answers.notes {
        let at = positions.and_then(|p| p.notes.get(id));
        if checker.known(id, at.map(|a| a.key.clone())).is_some() && note.chars().count() > MAX_TEXT_CHARS {
            let message = format!("note is too long (at most {MAX_TEXT_CHARS} characters) on question `{id}`");
            checker.errs.push(Diagnostic { span: at.map(|a| a.value.clone()), message, help: None });
        }
    }
    for (id, untyped) in positions.iter().flat_map(|p| &p.untyped_notes) {
        if checker.known(id, Some(untyped.at.key.clone())).is_some() {
            let message = format!("a note must be text, found {}", untyped.shape.describe());
            checker.errs.push(Diagnostic::at(untyped.at.value.clone(), message));
        }
    }
    checker.errs
}

/// What is wrong with one answer, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Problem {
    message: String,
    help: String,
}

fn problem(message: impl Into<String>, help: impl Into<String>) -> Problem {
    Problem { message: message.into(), help: help.into() }
}

/// The problems found so far, and where to put them.
struct Checker<'q, 'p> {
    q: &'q Questionnaire,
    positions: Option<&'p Positions>,
    errs: Diagnostics,
    /// "Did you mean" suggestions worked out so far.
    hints: usize,
}

impl<'q> Checker<'q, '_> {
    fn push(&mut self, span: Option<Span>, p: Problem) {
        self.errs.push(Diagnostic { span, message: p.message, help: Some(p.help) });
    }

    /// The span of header value `key`, when there are positions.
    fn header_span(&self, key: &str) -> Option<Span> {
        self.positions.and_then(|p| p.header.get(key).cloned())
    }

    /// Whether header value `key` was read: a value of the wrong type is
    /// reported by the reader, and not compared here.
    fn was_read(&self, key: &str) -> bool {
        self.positions.is_none_or(|p| p.header.contains_key(key))
    }

    /// Checks the header; false when the answers are for another
    /// questionnaire.
    fn header(&mut self, answers: &Answers) -> bool {
        let q = self.q;
        for key in ["questionnaire", "version"] {
            if self.positions.is_some_and(|p| !p.keys.contains(&key)) {
                let value = if key == "version" { &q.version } else { &q.id };
                let message = format!("the answers file is missing `{key}`");
                self.push(Some(0..0), problem(message, format!("add `{key} = \"{value}\"` at the top")));
            }
        }
        if self.was_read("questionnaire") && answers.questionnaire != q.id {
            let named = &answers.questionnaire;
            let message = format!("these answers are for questionnaire `{named}`, but `{}` is in use", q.id);
            let help = if builtin::find(named).is_some() {
                format!("pass `--questionnaire {named}` (a built-in name or the file's path)")
            } else {
                let meant = builtin::meant(named).map(|m| format!(" (did you mean `{m}`?)")).unwrap_or_default();
                format!("`{named}` is not built in{meant}: pass its file with `--questionnaire path/to/{named}.toml`")
            };
            self.push(self.header_span("questionnaire"), problem(message, help));
            return false;
        }
        if self.was_read("version") && !q.accepts_answers_for(&answers.version) {
            let message = format!(
                "these answers are for version {} of `{}`, but version {} is in use",
                answers.version, q.id, q.version
            );
            let help = "use the questionnaire file of that version (any version with the same major number accepts them), or update the answers file's `version` after checking them";
            self.push(self.header_span("version"), problem(message, help));
        }
        for (key, value) in answers.header() {
            if value.chars().count() > MAX_LABEL_CHARS {
                let message = format!("`{key}` is too long (at most {MAX_LABEL_CHARS} characters)");
                self.errs.push(Diagnostic { span: self.header_span(key), message, help: None });
            }
        }
        true
    }

    /// Reports more answers or notes than any questionnaire has questions,
    /// at the first entry past the limit; true if there are.
    fn too_many(&mut self, answers: &Answers) -> bool {
        let untyped = self.positions.map_or((0, 0), |p| (p.untyped_answers.len(), p.untyped_notes.len()));
        let span = if answers.answers.len() + untyped.0 > MAX_ANSWERS {
            self.positions.and_then(|p| p.answer_past(MAX_ANSWERS))
        } else if answers.notes.len() + untyped.1 > MAX_ANSWERS {
            self.positions.and_then(|p| p.note_past(MAX_ANSWERS))
        } else {
            return false;
        };
        let message = format!("too many answers or notes (at most {MAX_ANSWERS})");
        self.errs.push(Diagnostic { span, message, help: None });
        true
    }

    /// Question `id`, which an answer or a note (its key at `key`) is for;
    /// reports it when there is none, with a "did you mean" while the
    /// hints stay within their bound.
    fn known(&mut self, id: &str, key: Option<Span>) -> Option<&'q Question> {
        let q = self.q;
        let found = q.question(id);
        if found.is_none() {
            self.hints += 1;
            let best = (self.hints <= MAX_COSTLY_HINTS).then(|| closest(id, q.questions.iter().map(|c| &c.id)));
            let help = match best.flatten() {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!("`crm-ready show {}` lists the question ids", q.id),
            };
            self.push(key, problem(format!("`{}` has no question `{id}`", q.id), help));
        }
        found
    }
}

/// The choice ids of a question, quoted, for help lines.
fn choice_ids(question: &Question) -> String {
    question.choices.iter().map(|c| format!("\"{}\"", c.id)).collect::<Vec<_>>().join(", ")
}

/// ", or \"dont-know\"" where the question accepts it: help only offers it
/// there.
fn or_dont_know(question: &Question) -> String {
    if question.dont_know { format!(", or \"{}\"", super::DONT_KNOW) } else { String::new() }
}

/// Whether `answer` fits `question`.
fn check_answer(question: &Question, answer: &Answer) -> Result<(), Problem> {
    let id = &question.id;
    match (question.kind, answer) {
        (_, Answer::DontKnow) if question.dont_know => Ok(()),
        (_, Answer::DontKnow) => Err(problem(
            format!("question `{id}` does not accept \"don't know\""),
            "give a real answer or leave the question out",
        )),
        (Kind::Single | Kind::YesNo, Answer::Text(choice)) if question.choice(choice).is_none() => Err(problem(
            format!("question `{id}` has no choice `{choice}`"),
            format!("use one of {}{}", choice_ids(question), or_dont_know(question)),
        )),
        (Kind::Single | Kind::YesNo, Answer::Text(_)) => Ok(()),
        (Kind::Multi, Answer::List(ids)) => check_choices(question, ids),
        (Kind::Scale, Answer::Number(n)) => check_scale(question, *n),
        (Kind::Number, Answer::Number(n)) => check_number(question, *n),
        (Kind::Text, Answer::Text(text)) if text.chars().count() > MAX_TEXT_CHARS => Err(problem(
            format!("the answer to `{id}` is too long"),
            format!("keep it under {MAX_TEXT_CHARS} characters"),
        )),
        (Kind::Text, Answer::Text(_)) => Ok(()),
        (_, Answer::Text(_)) => Err(wrong_kind(question, "text")),
        (_, Answer::List(_)) => Err(wrong_kind(question, "a list")),
        (_, Answer::Number(_)) => Err(wrong_kind(question, "a number")),
    }
}

/// The choices of a multiple-choice answer: each known, each once, and an
/// exclusive one alone.
fn check_choices(question: &Question, ids: &[String]) -> Result<(), Problem> {
    let id = &question.id;
    for (i, choice) in ids.iter().enumerate() {
        if question.choice(choice).is_none() {
            let help = format!("use choices from {}", choice_ids(question));
            return Err(problem(format!("question `{id}` has no choice `{choice}`"), help));
        }
        if ids[..i].contains(choice) {
            let message = format!("choice `{choice}` is listed twice in the answer to `{id}`");
            return Err(problem(message, "list each choice once"));
        }
    }
    let exclusive = ids.iter().find(|c| question.choice(c).is_some_and(|c| c.exclusive));
    match exclusive {
        Some(ex) if ids.len() > 1 => Err(problem(
            format!("choice `{ex}` excludes the others, but more are listed in the answer to `{id}`"),
            format!("answer [\"{ex}\"] alone, or drop it"),
        )),
        _ => Ok(()),
    }
}

/// A scale answer: a whole step from `min` to `max`.
fn check_scale(question: &Question, n: f64) -> Result<(), Problem> {
    if question.takes_number(n) {
        return Ok(());
    }
    let (lo, hi) = question.number_bounds();
    let message = format!(
        "question `{}` takes a whole number from {} to {}, found {}",
        question.id,
        shown_number(lo),
        shown_number(hi),
        shown_number(n)
    );
    Err(problem(message, "pick a step on the scale"))
}

/// A number answer: finite, within the question's bounds (and within
/// `MAX_NUMBER` either way where a bound is not set).
fn check_number(question: &Question, n: f64) -> Result<(), Problem> {
    if question.takes_number(n) {
        return Ok(());
    }
    let (lo, hi) = question.number_bounds();
    Err(problem(
        format!(
            "question `{}` takes a number from {} to {}, found {}",
            question.id,
            shown_number(lo),
            shown_number(hi),
            shown_number(n)
        ),
        "correct the number",
    ))
}

/// A value of no answer's shape, given for `question`.
fn untyped_answer(question: &Question, shape: Shape) -> Problem {
    match (question.kind, shape) {
        (Kind::Multi, Shape::List) => problem(
            "a multiple-choice answer must list choice ids (strings)",
            format!("for example [{}]", choice_ids(question)),
        ),
        _ => wrong_kind(question, shape.describe()),
    }
}

/// An answer of the wrong kind for `question`; `found` says what it is.
fn wrong_kind(question: &Question, found: &str) -> Problem {
    let kind = question.kind;
    let (expected, help) = match kind {
        Kind::Single | Kind::YesNo => ("a choice id", format!("use one of {}", choice_ids(question))),
        Kind::Multi => ("a list of choice ids", format!("for example [{}]", choice_ids(question))),
        Kind::Scale | Kind::Number => ("a number", "write a number such as 3, without quotes".into()),
        Kind::Text => ("text", "put the answer in quotes".into()),
    };
    problem(
        format!("question `{}` is `{}` and takes {expected}, found {found}", question.id, kind.name()),
        format!("{help}{}", or_dont_know(question)),
    )
}
