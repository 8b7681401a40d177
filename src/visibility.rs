//! Which questions are shown, given the answers so far.

use std::collections::BTreeMap;

use crate::answers::Answer;
use crate::questionnaire::{Condition, Question, Questionnaire, Test};

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

/// Whether `question`'s conditions hold, with the answers laid out by
/// position (see [`Questionnaire::by_position`]) and `visible` holding the
/// visibility of the questions before it. Lets a caller settle visibility
/// in the same pass as its own work, with no map search per condition.
pub fn shown(q: &Questionnaire, question: &Question, given: &[Option<&Answer>], visible: &[bool]) -> bool {
    question.when.iter().all(|c| {
        q.position(&c.question).is_some_and(|target| {
            visible.get(target).copied().unwrap_or(false)
                && given.get(target).copied().flatten().is_some_and(|a| passes(&c.test, a))
        })
    })
}

/// Whether one condition holds, given the visibility of earlier questions.
pub fn holds(q: &Questionnaire, c: &Condition, answers: &BTreeMap<String, Answer>, visible: &[bool]) -> bool {
    let Some(target) = q.position(&c.question) else {
        return false;
    };
    if !visible.get(target).copied().unwrap_or(false) {
        return false;
    }
    answers.get(&c.question).is_some_and(|a| passes(&c.test, a))
}

/// Whether an answer passes a condition's test; "don't know" passes none.
fn passes(test: &Test, answer: &Answer) -> bool {
    match (test, answer) {
        (Test::Is(want), Answer::Text(got)) => got == want,
        (Test::IsNot(want), Answer::Text(got)) => got != want,
        (Test::IsAny(list), Answer::Text(got)) => list.contains(got),
        (Test::Includes(want), Answer::List(got)) => got.contains(want),
        (Test::AtLeast(n), Answer::Number(got)) => got >= n,
        (Test::Below(n), Answer::Number(got)) => got < n,
        _ => false,
    }
}
