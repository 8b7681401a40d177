//! Which questions are shown, given the answers: the one rule, used by the
//! answers loader, the interview session and scoring alike.
//!
//! A question is shown when all its conditions hold. A condition holds
//! only when the question it names is itself shown and has a real answer
//! (not "don't know") that passes the test, and fails when that question
//! is hidden or its real answer fails the test. A condition on a shown
//! question without a real answer is undecided: the follow-up is
//! *pending*. It is not asked (its premise is unknown), and scoring counts
//! it as unknown rather than dropping it: an unknown must never talk a
//! risky project up. Conditions look backwards only (the loader refuses
//! any other), so one pass in file order settles everything.

use std::collections::BTreeMap;

use crate::core::answers::Answer;
use crate::core::questionnaire::{Condition, Questionnaire, Test};

/// Whether a question is asked, given the answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// Its conditions hold (or it has none): it is asked and counts.
    Shown,
    /// None of its conditions fails, but one names a question without a
    /// real answer (`gate`, the position of the earliest such question up
    /// the chain): not asked, and it counts as unknown until `gate` is
    /// answered.
    Pending { gate: usize },
    /// A condition fails: it does not apply and does not count.
    Hidden,
}

/// For each question in file order, whether it is shown (asked). A pending
/// question is not.
pub fn shown(q: &Questionnaire, answers: &BTreeMap<String, Answer>) -> Vec<bool> {
    visibility(q, answers).into_iter().map(|v| v == Visibility::Shown).collect()
}

/// For each question in file order, whether it is shown, pending or hidden.
pub fn visibility(q: &Questionnaire, answers: &BTreeMap<String, Answer>) -> Vec<Visibility> {
    let mut so_far: Vec<Visibility> = Vec::with_capacity(q.questions.len());
    for at in 0..q.questions.len() {
        let v = question_visibility(q, at, answers, &so_far);
        so_far.push(v);
    }
    so_far
}

/// Whether the question at position `at` is shown, given whether each
/// question before it is (`shown_so_far`, which may run past `at`: only the
/// earlier entries are read).
pub fn question_shown(q: &Questionnaire, at: usize, answers: &BTreeMap<String, Answer>, shown_so_far: &[bool]) -> bool {
    q.questions
        .get(at)
        .is_some_and(|question| question.when.iter().all(|c| condition_holds(q, at, c, answers, shown_so_far)))
}

/// Whether condition `c` of the question at `at` holds. A condition naming
/// a question that is not earlier never holds.
fn condition_holds(
    q: &Questionnaire,
    at: usize,
    c: &Condition,
    answers: &BTreeMap<String, Answer>,
    shown_so_far: &[bool],
) -> bool {
    let Some(target) = q.position(&c.question).filter(|&t| t < at) else {
        return false;
    };
    shown_so_far.get(target).copied().unwrap_or(false) && answers.get(&c.question).is_some_and(|a| passes(&c.test, a))
}

/// The visibility of the question at `at`, given that of each question
/// before it (`so_far`).
fn question_visibility(
    q: &Questionnaire,
    at: usize,
    answers: &BTreeMap<String, Answer>,
    so_far: &[Visibility],
) -> Visibility {
    let Some(question) = q.questions.get(at) else { return Visibility::Hidden };
    let mut pending = None;
    for c in &question.when {
        let Some(target) = q.position(&c.question).filter(|&t| t < at) else { return Visibility::Hidden };
        match (so_far.get(target).copied().unwrap_or(Visibility::Hidden), answers.get(&c.question)) {
            (Visibility::Hidden, _) => return Visibility::Hidden,
            (Visibility::Pending { gate }, _) => pending = pending.or(Some(gate)),
            (Visibility::Shown, None | Some(Answer::DontKnow)) => pending = pending.or(Some(target)),
            (Visibility::Shown, Some(given)) if !passes(&c.test, given) => return Visibility::Hidden,
            (Visibility::Shown, Some(_)) => {}
        }
    }
    pending.map_or(Visibility::Shown, |gate| Visibility::Pending { gate })
}

/// Whether condition `c` holds on the answers given, for a reader of all of
/// them (a questionnaire's checks): the question it names is shown
/// (`visibility`, from [`visibility`]) and its real answer passes the test.
pub fn holds(q: &Questionnaire, c: &Condition, answers: &BTreeMap<String, Answer>, visibility: &[Visibility]) -> bool {
    let shown = q.position(&c.question).and_then(|at| visibility.get(at)) == Some(&Visibility::Shown);
    shown && answers.get(&c.question).is_some_and(|a| passes(&c.test, a))
}

/// Whether an answer passes a condition's test; "don't know" passes none.
pub fn passes(test: &Test, answer: &Answer) -> bool {
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::questionnaire::parse;

    /// `a.start`, then a chain of three follow-ups, each shown only when
    /// the one before is answered "yes".
    pub(crate) const CHAIN: &str = r#"
[questionnaire]
id = "chain"
version = "1"
title = "Chain"

[[area]]
id = "a"
title = "A"
why = "Because."

[[area.question]]
id = "a.start"
kind = "number"
text = "How many?"
help = "Count."
min = 0
max = 10

[[area.question]]
id = "a.one"
kind = "yes_no"
text = "One?"
help = "One."
when = { question = "a.start", at_least = 2 }
[[area.question.choice]]
id = "yes"
score = 100
[[area.question.choice]]
id = "no"
score = 0

[[area.question]]
id = "a.two"
kind = "yes_no"
text = "Two?"
help = "Two."
when = { question = "a.one", is = "yes" }
[[area.question.choice]]
id = "yes"
score = 100
[[area.question.choice]]
id = "no"
score = 0

[[area.question]]
id = "a.three"
kind = "yes_no"
text = "Three?"
help = "Three."
when = { question = "a.two", is = "yes" }
[[area.question.choice]]
id = "yes"
score = 100
[[area.question.choice]]
id = "no"
score = 0
"#;

    fn answers(pairs: &[(&str, Answer)]) -> BTreeMap<String, Answer> {
        pairs.iter().map(|(id, a)| (id.to_string(), a.clone())).collect()
    }

    fn yes() -> Answer {
        Answer::Text("yes".into())
    }

    #[test]
    fn one_change_hides_a_chain_of_three_follow_ups() {
        let q = parse(CHAIN, "chain.toml").unwrap();
        let mut given =
            answers(&[("a.start", Answer::Number(3.0)), ("a.one", yes()), ("a.two", yes()), ("a.three", yes())]);
        assert_eq!(shown(&q, &given), [true, true, true, true]);
        given.insert("a.start".into(), Answer::Number(1.0));
        assert_eq!(shown(&q, &given), [true, false, false, false], "the answers below stay, but count for nothing");
    }

    #[test]
    fn dont_know_and_no_answer_pass_no_condition() {
        let q = parse(CHAIN, "chain.toml").unwrap();
        assert_eq!(shown(&q, &BTreeMap::new()), [true, false, false, false]);
        let given = answers(&[("a.start", Answer::DontKnow), ("a.one", yes())]);
        assert_eq!(shown(&q, &given), [true, false, false, false]);
        let given = answers(&[("a.start", Answer::Number(2.0)), ("a.one", Answer::DontKnow), ("a.two", yes())]);
        assert_eq!(shown(&q, &given), [true, true, false, false]);
    }

    #[test]
    fn a_gate_without_a_real_answer_leaves_its_follow_ups_pending() {
        let q = parse(CHAIN, "chain.toml").unwrap();
        let pending = Visibility::Pending { gate: 0 };
        assert_eq!(visibility(&q, &BTreeMap::new()), [Visibility::Shown, pending, pending, pending]);
        let given = answers(&[("a.start", Answer::DontKnow), ("a.one", yes())]);
        assert_eq!(
            visibility(&q, &given),
            [Visibility::Shown, pending, pending, pending],
            "the chain waits on a.start"
        );
        let given = answers(&[("a.start", Answer::Number(2.0)), ("a.one", Answer::DontKnow)]);
        let on_one = Visibility::Pending { gate: 1 };
        assert_eq!(visibility(&q, &given), [Visibility::Shown, Visibility::Shown, on_one, on_one]);
        let given = answers(&[("a.start", Answer::Number(1.0))]);
        assert_eq!(
            visibility(&q, &given),
            [Visibility::Shown, Visibility::Hidden, Visibility::Hidden, Visibility::Hidden]
        );
    }

    #[test]
    fn the_incremental_check_reads_only_earlier_questions() {
        let q = parse(CHAIN, "chain.toml").unwrap();
        let given = answers(&[("a.start", Answer::Number(5.0)), ("a.one", yes())]);
        // Stale entries at and after the question asked about are ignored.
        assert!(question_shown(&q, 2, &given, &[true, true, false, true]));
        assert!(!question_shown(&q, 2, &given, &[true, false, true, true]));
        assert!(!question_shown(&q, 9, &given, &[true; 4]), "no such question");
    }
}
