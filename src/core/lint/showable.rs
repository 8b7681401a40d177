//! Which questions can be shown at all, with the answers that show them,
//! and the `condition-never-holds` findings for those that cannot.
//!
//! A question is shown when its conditions hold, and a condition holds
//! only when the question it names is shown and answered so that it
//! passes. So a question can be shown exactly when every question its
//! conditions lead back to (its ancestors) can be given one answer that
//! passes every test the ancestors and the question put on it. The answer
//! options are exact classes for everything a test can ask (see
//! `options`), so looking for one passing option per ancestor decides it:
//! if one is found, those answers show the question (each ancestor is
//! shown in turn, in file order); if none is, no answer set shows it.

use std::collections::BTreeMap;

use super::findings::{Finding, Place, Rule};
use super::options::AnswerOption;
use crate::core::answers::format_number;
use crate::core::conditions::passes;
use crate::core::questionnaire::{Condition, Question, Questionnaire, Test};

/// Answers that show a question: an option index for each ancestor, by
/// question position.
pub(super) type Plan = BTreeMap<usize, usize>;

/// For each question, the answers that show it, or `None` when no answer
/// set does.
pub(super) fn plans(q: &Questionnaire, options: &[Vec<AnswerOption>]) -> Vec<Option<Plan>> {
    (0..q.questions.len()).map(|at| plan(q, options, at)).collect()
}

/// The tests each ancestor of the question at `at` must pass, by position.
fn demands(q: &Questionnaire, at: usize) -> BTreeMap<usize, Vec<&Test>> {
    let mut tests: BTreeMap<usize, Vec<&Test>> = BTreeMap::new();
    let mut todo = vec![at];
    let mut seen = vec![at];
    while let Some(next) = todo.pop() {
        for c in &q.questions[next].when {
            let Some(target) = q.position(&c.question) else { continue };
            tests.entry(target).or_default().push(&c.test);
            if !seen.contains(&target) {
                seen.push(target);
                todo.push(target);
            }
        }
    }
    tests
}

fn plan(q: &Questionnaire, options: &[Vec<AnswerOption>], at: usize) -> Option<Plan> {
    demands(q, at).into_iter().map(|(target, tests)| Some((target, passing(&options[target], &tests)?))).collect()
}

/// The first option that passes every test.
fn passing(options: &[AnswerOption], tests: &[&Test]) -> Option<usize> {
    options.iter().position(|o| tests.iter().all(|t| passes(t, &o.answer)))
}

/// A `condition-never-holds` finding for each question with conditions
/// that no answer set meets, naming the cause.
pub(super) fn never_shown(q: &Questionnaire, options: &[Vec<AnswerOption>], plans: &[Option<Plan>]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (at, question) in q.questions.iter().enumerate() {
        if plans[at].is_some() || question.when.is_empty() {
            continue;
        }
        let area = &q.areas[question.area].id;
        let place = Place::question(area, &question.id);
        let (message, help) = cause(q, options, plans, question);
        findings.push(Finding::new(Rule::ConditionNeverHolds, place, message, help));
    }
    findings
}

/// Why `question`'s conditions never hold, and how to fix it.
fn cause(
    q: &Questionnaire,
    options: &[Vec<AnswerOption>],
    plans: &[Option<Plan>],
    question: &Question,
) -> (String, String) {
    let id = &question.id;
    for c in &question.when {
        let Some(target) = q.position(&c.question) else { continue };
        if passing(&options[target], &[&c.test]).is_none() {
            let message = format!(
                "`{id}` is never shown: its condition {} can never hold, {}",
                describe(c),
                no_answer_passes(&q.questions[target])
            );
            return (message, format!("change the condition so that some answer to `{}` meets it", c.question));
        }
    }
    for c in &question.when {
        if q.position(&c.question).is_some_and(|t| plans[t].is_none()) {
            let message = format!(
                "`{id}` is never shown: its condition {} names `{}`, which is never shown",
                describe(c),
                c.question
            );
            return (message, format!("fix the conditions of `{}` first", c.question));
        }
    }
    let message = format!(
        "`{id}` is never shown: its conditions, with those of the questions they depend on, ask one question for answers that cannot all be given at once"
    );
    (message, "make the conditions along the chain agree, or drop the one that contradicts the others".to_string())
}

/// A condition as written: `{ question = "x", at_least = 5 }`.
fn describe(c: &Condition) -> String {
    let value = match &c.test {
        Test::Is(s) | Test::IsNot(s) | Test::Includes(s) => format!("\"{s}\""),
        Test::IsAny(list) => format!("[{}]", list.iter().map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(", ")),
        Test::AtLeast(n) | Test::Below(n) => format_number(*n),
    };
    format!("{{ question = \"{}\", {} = {value} }}", c.question, c.test.key())
}

/// Why no single answer to `target` passes a test, in words.
fn no_answer_passes(target: &Question) -> String {
    match (target.min, target.max) {
        (Some(lo), Some(hi)) => format!("as `{}` takes {} to {}", target.id, format_number(lo), format_number(hi)),
        (Some(lo), None) => format!("as `{}` takes {} or more", target.id, format_number(lo)),
        (None, Some(hi)) => format!("as `{}` takes at most {}", target.id, format_number(hi)),
        (None, None) => format!("as no answer to `{}` meets it", target.id),
    }
}
