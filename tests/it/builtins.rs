//! The built-in questionnaires: they load, they meet the house rules, and
//! every answer of every question can be reached and is scored.

use crm_ready::core::answers::{Answer, Answers};
use crm_ready::core::assessment::QuestionStatus;
use crm_ready::core::conditions::shown;
use crm_ready::core::questionnaire::{Kind, Question, Questionnaire, Test, builtin};
use crm_ready::core::scoring::score;

fn all() -> Vec<Questionnaire> {
    builtin::BUILTINS.iter().map(|b| b.load().unwrap_or_else(|e| panic!("{e}"))).collect()
}

#[test]
fn both_built_ins_load_with_the_expected_size() {
    let qs = all();
    let full = qs.iter().find(|q| q.id == "crm-readiness").expect("crm-readiness");
    let quick = qs.iter().find(|q| q.id == "crm-quick").expect("crm-quick");
    assert!((40..=70).contains(&full.questions.len()), "{}", full.questions.len());
    assert!((10..=15).contains(&quick.questions.len()), "{}", quick.questions.len());
    assert_eq!(full.minutes, Some(20));
    assert_eq!(quick.minutes, Some(3));
    assert_eq!(builtin::DEFAULT, "crm-readiness");
}

#[test]
fn every_question_explains_itself_and_every_risk_has_a_next_step() {
    for q in all() {
        for area in &q.areas {
            assert!(area.why.len() > 40, "{}: area {} needs a real why", q.id, area.id);
        }
        for question in &q.questions {
            assert!(question.help.len() > 40, "{}: {} needs help text", q.id, question.id);
            // On a multiple-choice question a low-scoring item is a good thing
            // to have; the risk is its absence, covered by `if_missing`.
            let outcomes = question
                .choices
                .iter()
                .filter(|c| c.if_missing.is_none() || c.outcome.red_flag.is_some())
                .map(|c| &c.outcome)
                .chain(question.bands.iter().map(|b| &b.outcome));
            for o in outcomes {
                if o.score < 70.0 || o.red_flag.is_some() {
                    assert!(
                        o.recommendation.is_some(),
                        "{}: a risky answer of {} lacks a recommendation",
                        q.id,
                        question.id
                    );
                    assert!(o.phase.is_some(), "{}: a risky answer of {} lacks a phase", q.id, question.id);
                }
            }
            let best = question
                .choices
                .iter()
                .map(|c| c.outcome.score)
                .chain(question.bands.iter().map(|b| b.outcome.score))
                .fold(None::<f64>, |m, s| Some(m.map_or(s, |m| m.max(s))));
            if question.kind != Kind::Multi
                && let Some(best) = best
            {
                assert_eq!(best, 100.0, "{}: the best answer of {} should score 100", q.id, question.id);
            }
        }
    }
}

#[test]
fn the_full_questionnaire_uses_conditions_and_every_kind_of_question() {
    let qs = all();
    let full = qs.iter().find(|q| q.id == "crm-readiness").unwrap();
    assert!(full.questions.iter().filter(|q| !q.when.is_empty()).count() >= 5);
    for kind in Kind::ALL {
        assert!(full.questions.iter().any(|q| q.kind == kind), "no {kind:?} question");
    }
    for q in &qs {
        assert!(q.questions.iter().any(|q| !q.when.is_empty()), "{} has no follow-up questions", q.id);
    }
}

/// An answer to `target` that makes `test` hold.
fn satisfying(target: &Question, test: &Test) -> Answer {
    match test {
        Test::Is(c) => Answer::Text(c.into()),
        Test::IsAny(list) => Answer::Text((&list[0]).into()),
        Test::IsNot(c) => Answer::Text(target.choices.iter().find(|x| &x.id != c).map(|x| (&x.id).into()).unwrap()),
        Test::Includes(c) => Answer::List(vec![c.into()]),
        Test::AtLeast(n) => Answer::Number(n.ceil()),
        Test::Below(n) => {
            Answer::Number(target.min.unwrap_or(n - 1.0).min(n - 1.0).max(target.min.unwrap_or(f64::MIN)))
        }
    }
}

/// Answers that make question `index` visible, following conditions back.
fn reveal(q: &Questionnaire, index: usize, answers: &mut Answers) {
    for c in &q.questions[index].when {
        let target = q.position(&c.question).unwrap();
        reveal(q, target, answers);
        answers.answers.insert((&c.question).into(), satisfying(&q.questions[target], &c.test));
    }
}

/// Every answer a question accepts, bar "don't know".
fn every_answer(question: &Question) -> Vec<Answer> {
    match question.kind {
        Kind::Single | Kind::YesNo => question.choices.iter().map(|c| Answer::Text((&c.id).into())).collect(),
        Kind::Multi => question.choices.iter().map(|c| Answer::List(vec![(&c.id).into()])).collect(),
        Kind::Scale => {
            let (lo, hi) = (question.min.unwrap() as i64, question.max.unwrap() as i64);
            (lo..=hi).map(|v| Answer::Number(v as f64)).collect()
        }
        Kind::Number => question.bands.iter().map(|b| Answer::Number(b.from)).collect(),
        Kind::Text => vec![Answer::Text("Context only.".into())],
    }
}

#[test]
fn every_answer_of_every_question_is_reachable_and_scored() {
    let mut checked = 0;
    for q in all() {
        for (i, question) in q.questions.iter().enumerate() {
            let mut base = Answers::for_questionnaire(&q);
            reveal(&q, i, &mut base);
            assert!(shown(&q, &base.answers)[i], "{}: cannot reveal {}", q.id, question.id);
            for answer in every_answer(question) {
                let mut answers = base.clone();
                answers.answers.insert((&question.id).into(), answer.clone());
                let a = score(&q, &answers, jiff::Timestamp::UNIX_EPOCH);
                let result = &a.questions[i];
                assert_eq!(result.status, QuestionStatus::Answered, "{}: {} with {answer:?}", q.id, question.id);
                if question.is_scored() {
                    let s = result
                        .score
                        .unwrap_or_else(|| panic!("{}: {} with {answer:?} is not scored", q.id, question.id));
                    assert!((0.0..=100.0).contains(&s));
                }
                checked += 1;
            }
            if question.dont_know {
                let mut answers = base.clone();
                answers.answers.insert((&question.id).into(), Answer::DontKnow);
                let a = score(&q, &answers, jiff::Timestamp::UNIX_EPOCH);
                if question.is_scored() {
                    assert!(a.unknowns.iter().any(|u| u.question == question.id));
                }
            }
        }
    }
    assert!(checked > 200, "only {checked} answers checked");
}
