//! Which questions are shown, given the answers so far.

use std::collections::BTreeMap;

use crate::core::answers::Answer;
use crate::core::questionnaire::{Condition, Question, Questionnaire, Test};

/// For each question in order, whether its conditions hold.
///
/// A condition holds only when the question it names is itself visible and
/// has a real answer (not "don't know") that passes the test. Conditions look
/// backwards only, so one pass in file order settles everything.
pub fn visibility(q: &Questionnaire, answers: &BTreeMap<String, Answer>) -> Vec<bool> {
    let mut visible = Vec::with_capacity(q.questions.len());
    for question in &q.questions {
        let shown = question.when.iter().all(|c| holds(q, c, answers, &visible));
        visible.push(shown);
    }
    visible
}

/// Whether `question`, at position `at`, is shown, with the answers laid
/// out by position and `visible` holding the visibility of the answered
/// questions before it (an unanswered one fails every condition on it
/// whether shown or not). Lets a caller settle visibility in the same pass
/// as its own work, with no map search per condition.
pub fn shown(q: &Questionnaire, at: usize, question: &Question, given: &[Option<&Answer>], visible: &[bool]) -> bool {
    question.when.iter().all(|c| {
        target(q, at, &c.question).is_some_and(|t| {
            visible.get(t).copied().unwrap_or(false)
                && given.get(t).copied().flatten().is_some_and(|a| passes(&c.test, a))
        })
    })
}

/// How many questions before a condition's own are compared by id before
/// asking the questionnaire's index: a condition mostly names a question
/// just before, whose id was just read, and comparing a few short ids
/// costs less than hashing one.
const LOOK_BACK: usize = 4;

/// The position of question `id`, named by a condition of the question at
/// `at`: always an earlier one.
fn target(q: &Questionnaire, at: usize, id: &str) -> Option<usize> {
    let start = at.saturating_sub(LOOK_BACK);
    let before = q.questions.get(start..at).unwrap_or_default();
    match before.iter().rposition(|c| c.id == id) {
        Some(i) => Some(start + i),
        None => q.position(id).filter(|&t| t < at),
    }
}

/// Whether one condition holds, given the visibility of earlier questions.
pub fn holds(q: &Questionnaire, c: &Condition, answers: &BTreeMap<String, Answer>, visible: &[bool]) -> bool {
    let Some(target) = q.position(&c.question) else {
        return false;
    };
    if !visible.get(target).copied().unwrap_or(false) {
        return false;
    }
    answers.get(c.question.as_str()).is_some_and(|a| passes(&c.test, a))
}

/// Whether an answer passes a condition's test; "don't know" passes none.
fn passes(test: &Test, answer: &Answer) -> bool {
    match (test, answer) {
        (Test::Is(want), Answer::Text(got)) => got == want,
        (Test::IsNot(want), Answer::Text(got)) => got != want,
        (Test::IsAny(list), Answer::Text(got)) => list.iter().any(|want| want == got),
        (Test::Includes(want), Answer::List(got)) => got.iter().any(|id| id == want),
        (Test::AtLeast(n), Answer::Number(got)) => got >= n,
        (Test::Below(n), Answer::Number(got)) => got < n,
        _ => false,
    }
}
