//! Property tests of the scorer over the built-in questionnaires with
//! arbitrary answers: bounds, monotonicity and JSON round trips.

use std::collections::HashSet;

use crm_ready::core::answers::{Answer, Answers};
use crm_ready::core::assessment::{Assessment, Verdict};
use crm_ready::core::questionnaire::{Kind, Question, Questionnaire, builtin};
use crm_ready::core::scoring::score;
use crm_ready::report::to_json;
use proptest::prelude::*;

fn builtins() -> Vec<Questionnaire> {
    builtin::BUILTINS.iter().map(|b| b.load().unwrap()).collect()
}

/// Every real answer a question accepts.
fn options(q: &Question) -> Vec<Answer> {
    match q.kind {
        Kind::Single | Kind::YesNo => q.choices.iter().map(|c| Answer::Text((&c.id).into())).collect(),
        Kind::Multi => {
            // Each non-exclusive subset of up to three choices, plus each choice alone.
            let plain: Vec<String> = q.choices.iter().filter(|c| !c.exclusive).map(|c| (&c.id).into()).collect();
            let mut out: Vec<Answer> = q.choices.iter().map(|c| Answer::List(vec![(&c.id).into()])).collect();
            for i in 0..plain.len() {
                for j in i + 1..plain.len() {
                    out.push(Answer::List(vec![plain[i].clone(), plain[j].clone()]));
                }
            }
            out.push(Answer::List(plain));
            out
        }
        Kind::Scale => (q.min.unwrap() as i64..=q.max.unwrap() as i64).map(|v| Answer::Number(v as f64)).collect(),
        Kind::Number => {
            let mut v: Vec<_> = q.bands.iter().map(|b| Answer::Number(b.from)).collect();
            v.push(Answer::Number(q.min.unwrap_or(0.0)));
            v
        }
        Kind::Text => vec![Answer::Text("Some context.".into())],
    }
}

/// Answers picked by `seeds`: an option, "don't know", or nothing.
fn answers_from(q: &Questionnaire, seeds: &[usize]) -> Answers {
    let mut answers = Answers::for_questionnaire(q);
    for (question, seed) in q.questions.iter().zip(seeds.iter().cycle()) {
        let opts = options(question);
        let pick = seed % (opts.len() + 2);
        if pick < opts.len() {
            answers.answers.insert((&question.id).into(), opts[pick].clone());
        } else if pick == opts.len() && question.dont_know {
            answers.answers.insert((&question.id).into(), Answer::DontKnow);
        }
    }
    answers
}

fn run(q: &Questionnaire, a: &Answers) -> Assessment {
    score(q, a, jiff::Timestamp::from_second(1_790_000_000).unwrap())
}

/// The score one answer earns on its own question.
fn question_score(q: &Questionnaire, index: usize, answer: &Answer) -> f64 {
    let mut a = Answers::for_questionnaire(q);
    // Reveal nothing: score the question as if shown, via a copy without conditions.
    let mut bare = q.clone();
    bare.questions[index].when.clear();
    a.answers.insert((&q.questions[index].id).into(), answer.clone());
    run(&bare, &a).questions[index].score.unwrap_or(0.0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn scores_stay_within_bounds(which in 0usize..2, seeds in prop::collection::vec(0usize..64, 1..80)) {
        let q = &builtins()[which];
        let a = run(q, &answers_from(q, &seeds));
        prop_assert!((0.0..=100.0).contains(&a.score));
        for area in &a.areas {
            if let Some(s) = area.score {
                prop_assert!((0.0..=100.0).contains(&s), "area {} scored {}", area.id, s);
            }
        }
        for question in &a.questions {
            if let Some(s) = question.score {
                prop_assert!((0.0..=100.0).contains(&s));
            }
        }
        for action in &a.actions {
            prop_assert!(action.priority > 0.0);
        }
        if a.red_flags.iter().any(|f| f.severity == crm_ready::core::questionnaire::Severity::Critical) {
            prop_assert_eq!(a.verdict, Verdict::NotReady);
        }
    }

    #[test]
    fn improving_one_answer_never_lowers_the_overall_score(
        which in 0usize..2,
        seeds in prop::collection::vec(0usize..64, 1..80),
        pick in 0usize..1000,
        better in 0usize..1000,
    ) {
        let q = &builtins()[which];
        // Questions that no condition looks at: changing them cannot
        // reveal or hide a follow-up.
        let referenced: HashSet<&str> = q.questions.iter().flat_map(|x| x.when.iter().map(|c| c.question.as_str())).collect();
        let free: Vec<usize> = (0..q.questions.len())
            .filter(|&i| q.questions[i].is_scored() && !referenced.contains(q.questions[i].id.as_str()))
            .collect();
        let index = free[pick % free.len()];
        let question = &q.questions[index];
        let base = answers_from(q, &seeds);
        let before_answer = base.answers.get(question.id.as_str()).cloned();
        let before_score = match &before_answer {
            Some(Answer::DontKnow) | None => 0.0,
            Some(a) => question_score(q, index, a),
        };
        let opts = options(question);
        let candidate = &opts[better % opts.len()];
        prop_assume!(question_score(q, index, candidate) >= before_score);
        let mut improved = base.clone();
        improved.answers.insert((&question.id).into(), candidate.clone());
        let a = run(q, &base);
        let b = run(q, &improved);
        prop_assert!(b.score >= a.score, "{} -> {:?}: {} fell to {}", question.id, candidate, a.score, b.score);
    }

    #[test]
    fn json_output_round_trips(which in 0usize..2, seeds in prop::collection::vec(0usize..64, 1..80), note in ".{0,40}") {
        let q = &builtins()[which];
        let mut answers = answers_from(q, &seeds);
        answers.organization = Some(note.clone());
        answers.notes.insert(q.questions[0].id.clone(), note);
        let a = run(q, &answers);
        let json = to_json(&a);
        let back: Assessment = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &a);
        // Stable: rendering the parsed copy gives the same bytes.
        prop_assert_eq!(to_json(&back), json);
    }
}
