//! Which questions are shown, given the answers so far.

use std::collections::BTreeMap;

use crate::answers::Answer;
use crate::questionnaire::{Condition, Questionnaire, Test};

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

/// Whether one condition holds, given the visibility of earlier questions.
pub fn holds(q: &Questionnaire, c: &Condition, answers: &BTreeMap<String, Answer>, visible: &[bool]) -> bool {
    let Some(target) = q.position(&c.question) else {
        return false;
    };
    if !visible.get(target).copied().unwrap_or(false) {
        return false;
    }
    let Some(answer) = answers.get(&c.question) else {
        return false;
    };
    match (&c.test, answer) {
        (Test::Is(want), Answer::Text(got)) => got == want,
        (Test::IsNot(want), Answer::Text(got)) => got != want,
        (Test::IsAny(list), Answer::Text(got)) => list.contains(got),
        (Test::Includes(want), Answer::List(got)) => got.contains(want),
        (Test::AtLeast(n), Answer::Number(got)) => got >= n,
        (Test::Below(n), Answer::Number(got)) => got < n,
        _ => false,
    }
}
