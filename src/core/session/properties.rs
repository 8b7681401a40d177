//! Property tests of the session: whatever the respondent does, its
//! incremental bookkeeping matches a fresh count and the batch rule.

use proptest::prelude::*;

use super::tests::{fixture, session};
use super::*;
use crate::core::conditions::tests::CHAIN;
use crate::core::questionnaire::{builtin, parse};

/// One step a respondent might take.
#[derive(Debug, Clone)]
enum Step {
    Choose(usize, usize),
    Toggle(usize, usize),
    DontKnow(usize),
    Clear(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..8usize, 0..3usize).prop_map(|(q, c)| Step::Choose(q, c)),
        (0..3usize).prop_map(|c| Step::Toggle(1, c)),
        (0..8usize).prop_map(Step::DontKnow),
        (0..8usize).prop_map(Step::Clear),
    ]
}

proptest! {
    /// The incremental bookkeeping always matches a full recomputation.
    #[test]
    fn incremental_state_matches_a_full_recount(steps in proptest::collection::vec(step(), 0..40)) {
        let q = fixture();
        let mut s = session(&q);
        for st in steps {
            match st {
                Step::Choose(i, c) => { s.choose(i, c); }
                Step::Toggle(i, c) => { s.toggle(i, c); }
                Step::DontKnow(i) => { let _ = s.dont_know(i); }
                Step::Clear(i) => { s.clear(i); }
            }
            let full = shown(&q, &s.answers().answers);
            prop_assert_eq!(&s.visible, &full);
            let fresh = Session::new(&q, s.answers().clone());
            prop_assert!(fresh.1.is_empty(), "no answer to a hidden question is kept");
            prop_assert_eq!(s.total_progress(), fresh.0.total_progress());
            for a in 0..q.areas.len() {
                prop_assert_eq!(s.area_progress(a), fresh.0.area_progress(a));
            }
            prop_assert!(s.is_visible(s.current()));
        }
    }
}

/// One step on any question of a questionnaire: the numbers pick the
/// question, the choice and a value, wrapped to what the question has.
#[derive(Debug, Clone)]
enum AnyStep {
    Pick(usize, usize),
    Number(usize, usize),
    Text(usize),
    DontKnow(usize),
    Clear(usize),
}

fn any_step() -> impl Strategy<Value = AnyStep> {
    prop_oneof![
        4 => (any::<usize>(), any::<usize>()).prop_map(|(q, c)| AnyStep::Pick(q, c)),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(q, v)| AnyStep::Number(q, v)),
        1 => any::<usize>().prop_map(AnyStep::Text),
        1 => any::<usize>().prop_map(AnyStep::DontKnow),
        1 => any::<usize>().prop_map(AnyStep::Clear),
    ]
}

/// Takes one step on the question `step` names among the shown ones, so
/// that most steps change something.
fn take(s: &mut Session<'_>, step: &AnyStep) {
    let shown: Vec<usize> = s.visible_questions().collect();
    let on = |n: usize| shown[n % shown.len()];
    match *step {
        AnyStep::Pick(n, c) => {
            let i = on(n);
            let question = &s.questionnaire().questions[i];
            let c = c % question.choices.len().max(1);
            if question.kind == Kind::Multi {
                s.toggle(i, c)
            } else {
                s.choose(i, c)
            };
        }
        AnyStep::Number(n, v) => {
            let i = on(n);
            let question = &s.questionnaire().questions[i];
            let (lo, hi) = (question.min.unwrap_or(0.0), question.max.unwrap_or(100.0).min(1000.0));
            let value = lo + (v as f64 % (hi - lo + 1.0)).floor();
            let _ = s.enter_number(i, &value.to_string());
        }
        AnyStep::Text(n) => {
            s.enter_text(on(n), "typed");
        }
        AnyStep::DontKnow(n) => {
            let _ = s.dont_know(on(n));
        }
        AnyStep::Clear(n) => {
            s.clear(on(n));
        }
    }
}

/// The built-ins, and the fixtures with chains of follow-ups (the built-ins
/// have none).
fn questionnaires() -> Vec<Questionnaire> {
    let mut all: Vec<Questionnaire> = builtin::BUILTINS.iter().map(|b| b.load().unwrap()).collect();
    all.push(fixture());
    all.push(parse(CHAIN, "chain.toml").unwrap());
    all
}

proptest! {
    /// After every answer, the session's incremental visibility is the
    /// batch rule's over the same answers.
    #[test]
    fn incremental_visibility_matches_the_batch_rule(
        which in 0..builtin::BUILTINS.len() + 2,
        steps in proptest::collection::vec(any_step(), 1..60),
    ) {
        let q = questionnaires().swap_remove(which);
        let mut s = session(&q);
        for step in &steps {
            take(&mut s, step);
            prop_assert_eq!(&s.visible, &shown(&q, &s.answers().answers), "after {:?}", step);
            prop_assert!(Session::new(&q, s.answers().clone()).1.is_empty(), "an answer to a hidden question was kept");
        }
    }
}
