//! Property tests of the verdict rules over the built-in questionnaires:
//! "don't know" is never better than the worst flagged answer, improving
//! one answer never worsens the verdict or the score, and the action plan
//! is ordered as documented.

use std::collections::HashSet;

use crm_ready::core::answers::{Answer, Answers};
use crm_ready::core::assessment::{Assessment, PriorityLevel};
use crm_ready::core::conditions;
use crm_ready::core::questionnaire::{Choice, Kind, Question, Questionnaire, Severity, builtin};
use crm_ready::core::scoring::score;
use proptest::prelude::*;

pub(crate) fn builtins() -> Vec<Questionnaire> {
    builtin::BUILTINS.iter().map(|b| b.load().unwrap()).collect()
}

pub(crate) fn run(q: &Questionnaire, a: &Answers) -> Assessment {
    score(q, a, jiff::Timestamp::from_second(1_790_000_000).unwrap())
}

/// One real answer per option of a question: each choice alone, or each
/// band's lowest value.
fn single_options(q: &Question) -> Vec<(Answer, f64, Option<Severity>)> {
    let choice = |c: &Choice| match q.kind {
        Kind::Multi => Answer::List(vec![c.id.clone()]),
        _ => Answer::Text(c.id.clone()),
    };
    match q.kind {
        Kind::Single | Kind::YesNo | Kind::Multi => {
            q.choices.iter().map(|c| (choice(c), c.outcome.score, c.outcome.red_flag)).collect()
        }
        Kind::Scale | Kind::Number => {
            q.bands.iter().map(|b| (Answer::Number(b.from), b.outcome.score, b.outcome.red_flag)).collect()
        }
        Kind::Text => Vec::new(),
    }
}

/// Answers picked by `seeds`: an option, "don't know", or nothing.
pub(crate) fn answers_from(q: &Questionnaire, seeds: &[usize]) -> Answers {
    let mut answers = Answers::for_questionnaire(q);
    for (question, seed) in q.questions.iter().zip(seeds.iter().cycle()) {
        let opts = single_options(question);
        let pick = seed % (opts.len() + 2);
        if let Some((answer, _, _)) = opts.get(pick) {
            answers.answers.insert(question.id.clone(), answer.clone());
        } else if pick == opts.len() && question.dont_know {
            answers.answers.insert(question.id.clone(), Answer::DontKnow);
        }
    }
    answers
}

/// Answers every shown, unanswered question with its best option, until
/// nothing new is shown: follow-ups an answer reveals count at their best.
fn fill_shown_with_best(q: &Questionnaire, answers: &mut Answers) {
    loop {
        let shown = conditions::shown(q, &answers.answers);
        let mut added = false;
        for (question, shown) in q.questions.iter().zip(shown) {
            if !shown || answers.answers.contains_key(&question.id) || !question.is_scored() {
                continue;
            }
            let best = single_options(question).into_iter().max_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((answer, _, _)) = best {
                answers.answers.insert(question.id.clone(), answer);
                added = true;
            }
        }
        if !added {
            return;
        }
    }
}

/// The scored questions whose "don't know" carries, by default, their worst
/// answer's red flag.
fn default_gates(q: &Questionnaire) -> Vec<usize> {
    (0..q.questions.len())
        .filter(|&i| {
            let question = &q.questions[i];
            let worst = single_options(question).iter().filter_map(|o| o.2).max();
            question.is_scored() && question.dont_know && worst.is_some() && question.unknown.red_flag == worst
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn dont_know_is_never_better_than_the_worst_flagged_answer(
        which in 0usize..3,
        seeds in prop::collection::vec(0usize..64, 1..80),
        pick in 0usize..1000,
    ) {
        let q = &builtins()[which];
        let gates = default_gates(q);
        let index = gates[pick % gates.len()];
        let question = &q.questions[index];
        let worst_flag = single_options(question).iter().filter_map(|o| o.2).max();
        let (worst, _, _) = single_options(question)
            .into_iter()
            .filter(|o| o.2 == worst_flag)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap();
        let mut with_worst = answers_from(q, &seeds);
        with_worst.answers.insert(question.id.clone(), worst.clone());
        fill_shown_with_best(q, &mut with_worst);
        let mut with_dont_know = with_worst.clone();
        with_dont_know.answers.insert(question.id.clone(), Answer::DontKnow);
        let (w, d) = (run(q, &with_worst), run(q, &with_dont_know));
        prop_assume!(w.questions[index].status != crm_ready::core::assessment::QuestionStatus::Hidden);
        prop_assert!(d.verdict <= w.verdict, "{}: don't know gives {:?}, the worst answer {:?}", question.id, d.verdict, w.verdict);
        prop_assert!(d.score <= w.score, "{}: don't know scores {}, the worst answer {}", question.id, d.score, w.score);
    }

    #[test]
    fn improving_one_answer_never_worsens_the_verdict_or_the_score(
        which in 0usize..3,
        seeds in prop::collection::vec(0usize..64, 1..80),
        pick in 0usize..1000,
        better in 0usize..1000,
    ) {
        let q = &builtins()[which];
        // Questions no condition looks at: changing them cannot reveal or
        // hide a follow-up.
        let referenced: HashSet<&str> = q.questions.iter().flat_map(|x| x.when.iter().map(|c| c.question.as_str())).collect();
        let free: Vec<usize> = (0..q.questions.len())
            .filter(|&i| q.questions[i].is_scored() && !referenced.contains(q.questions[i].id.as_str()))
            .collect();
        let question = &q.questions[free[pick % free.len()]];
        let base = answers_from(q, &seeds);
        let options = single_options(question);
        // Where the current answer stands: "don't know" and no answer stand
        // with the question's `unknown` flag and score nothing.
        let (before_score, before_flag) = match base.answers.get(&question.id) {
            Some(Answer::DontKnow) | None => (0.0, question.unknown.red_flag),
            Some(given) => options.iter().find(|o| &o.0 == given).map(|o| (o.1, o.2)).unwrap(),
        };
        let (candidate, score_after, flag_after) = options[better % options.len()].clone();
        prop_assume!(score_after >= before_score && flag_after <= before_flag);
        let mut improved = base.clone();
        improved.answers.insert(question.id.clone(), candidate.clone());
        let (a, b) = (run(q, &base), run(q, &improved));
        prop_assert!(b.verdict >= a.verdict, "{} -> {:?}: {:?} fell to {:?}", question.id, candidate, a.verdict, b.verdict);
        prop_assert!(b.score >= a.score, "{} -> {:?}: {} fell to {}", question.id, candidate, a.score, b.score);
    }

    #[test]
    fn the_plan_is_ordered_as_documented(which in 0usize..3, seeds in prop::collection::vec(0usize..64, 1..80)) {
        let q = &builtins()[which];
        let a = run(q, &answers_from(q, &seeds));
        let rank = |phase: &str| a.phases.iter().position(|p| p.id == phase).unwrap();
        for pair in a.actions.windows(2) {
            let (x, y) = (&pair[0], &pair[1]);
            prop_assert!(rank(&x.phase) <= rank(&y.phase), "phases out of order: {} before {}", x.phase, y.phase);
            if x.phase == y.phase {
                prop_assert!(x.priority >= y.priority, "{} ({}) before {} ({})", x.question, x.priority, y.question, y.priority);
            }
        }
        let flag_of = |question: &str| a.red_flags.iter().filter(|f| f.question == question).map(|f| f.severity).max();
        for action in &a.actions {
            prop_assert!(action.priority > 0.0 && action.priority <= 100.0);
            prop_assert_eq!(action.priority_level, PriorityLevel::of(action.priority));
            match flag_of(&action.question) {
                Some(Severity::Critical) if action.recommendation == a.red_flags.iter().find(|f| f.question == action.question).unwrap().recommendation => {
                    prop_assert_eq!(action.priority_level, PriorityLevel::High);
                }
                _ => {}
            }
        }
    }
}
