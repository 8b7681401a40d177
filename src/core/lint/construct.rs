//! Building answer sets that aim at a target, one pass per set, no search
//! over combinations.
//!
//! An area's score reaches a line `t` exactly when the sum, over its shown
//! scored questions, of weight × (score − t) is at least 0. That sum adds
//! up question by question, so each question's answer can be picked on
//! its own: the option worth most (or least) to the sum, counting the
//! follow-ups it shows at what they are worth in turn (worked out from
//! the last question back, as follow-ups come later). Then one pass in
//! file order answers each shown question with its pick, so the answer
//! set respects `when` exactly as `core::conditions` decides it.

use super::options::{Allow, AnswerOption};
use super::showable::Plan;
use crate::core::answers::Answers;
use crate::core::conditions::{self, passes};
use crate::core::questionnaire::Questionnaire;

/// Which way to push the scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Goal {
    Raise,
    Lower,
}

/// What an answer set aims at, area by area.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Aim {
    pub goal: Goal,
    /// Per area, the line scores are measured from; `None`: the area's
    /// scores do not matter.
    pub line: Vec<Option<f64>>,
    /// Per area, the red flags its answers may raise.
    pub allow: Vec<Allow>,
}

impl Aim {
    /// The same aim for every area of `q`.
    pub fn everywhere(q: &Questionnaire, goal: Goal, line: f64, allow: Allow) -> Aim {
        Aim { goal, line: vec![Some(line); q.areas.len()], allow: vec![allow; q.areas.len()] }
    }

    /// An aim at area `area` alone: the others answer anyhow.
    pub fn at_area(q: &Questionnaire, area: usize, goal: Goal, line: f64, allow: Allow) -> Aim {
        let mut aim = Aim { goal, line: vec![None; q.areas.len()], allow: vec![Allow::Any; q.areas.len()] };
        aim.line[area] = Some(line);
        aim.allow[area] = allow;
        aim
    }
}

/// The option each question is answered with when shown (`None` for
/// questions without options: text).
pub(super) type Picks = Vec<Option<usize>>;

/// Picks an option for every question toward `aim`.
pub(super) fn picks(q: &Questionnaire, options: &[Vec<AnswerOption>], aim: &Aim) -> Picks {
    let n = q.questions.len();
    let mut followers: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (at, question) in q.questions.iter().enumerate() {
        for c in &question.when {
            if let Some(target) = q.position(&c.question).filter(|&t| t < at)
                && followers[target].last() != Some(&at)
            {
                followers[target].push(at);
            }
        }
    }
    // The overall score weighs areas, not questions: a question counts
    // for its area's weight shared among the area's scored questions.
    let mut area_weight = vec![0.0; q.areas.len()];
    for question in q.questions.iter().filter(|x| x.is_scored()) {
        area_weight[question.area] += question.weight;
    }
    let share: Vec<f64> =
        q.areas.iter().zip(&area_weight).map(|(a, &w)| if w > 0.0 { a.weight / w } else { 0.0 }).collect();
    let mut worth = vec![0.0; n];
    let mut picked = vec![None; n];
    for at in (0..n).rev() {
        let question = &q.questions[at];
        let area = question.area;
        let value = |o: &AnswerOption| {
            let own = match (aim.line[area], o.score) {
                (Some(line), Some(score)) => share[area] * question.weight * (score - line),
                _ => 0.0,
            };
            let shown: f64 = followers[at]
                .iter()
                .filter(|&&f| {
                    q.questions[f].when.iter().filter(|c| c.question == question.id).all(|c| passes(&c.test, &o.answer))
                })
                .map(|&f| worth[f])
                .sum();
            own + shown
        };
        let allowed = |o: &AnswerOption| aim.allow[area].admits(o);
        // With no allowed option, the least severe flag will do.
        let candidates: Vec<usize> = if options[at].iter().any(allowed) {
            (0..options[at].len()).filter(|&i| allowed(&options[at][i])).collect()
        } else {
            let least = options[at].iter().map(|o| o.flag).min().flatten();
            (0..options[at].len()).filter(|&i| options[at][i].flag == least).collect()
        };
        let mut best: Option<(usize, f64)> = None;
        for i in candidates {
            let v = value(&options[at][i]);
            let better = match (best, aim.goal) {
                (None, _) => true,
                (Some((_, b)), Goal::Raise) => v > b,
                (Some((_, b)), Goal::Lower) => v < b,
            };
            if better {
                best = Some((i, v));
            }
        }
        picked[at] = best.map(|(i, _)| i);
        // A question with no allowed answer defeats the aim wherever it is
        // shown: whatever shows it is worth nothing to the aim.
        let forbidden = if aim.goal == Goal::Raise { f64::NEG_INFINITY } else { f64::INFINITY };
        worth[at] = match best {
            Some((i, v)) if allowed(&options[at][i]) => v,
            Some(_) => forbidden,
            None => 0.0,
        };
    }
    picked
}

/// `picks` with the answers of `plan` put in, and option `option` of the
/// question at `at`: what shows that question and gives that answer.
pub(super) fn with_forced(mut picks: Picks, plan: &Plan, at: usize, option: usize) -> Picks {
    for (&target, &o) in plan {
        picks[target] = Some(o);
    }
    picks[at] = Some(option);
    picks
}

/// The answer set: every shown question answered with its pick, in file
/// order; hidden questions are left out.
pub(super) fn answer_set(q: &Questionnaire, options: &[Vec<AnswerOption>], picks: &Picks) -> Answers {
    let mut answers = Answers::for_questionnaire(q);
    let mut shown = Vec::with_capacity(q.questions.len());
    for (at, question) in q.questions.iter().enumerate() {
        let is_shown = conditions::question_shown(q, at, &answers.answers, &shown);
        shown.push(is_shown);
        if let (true, Some(o)) = (is_shown, picks[at]) {
            answers.answers.insert(question.id.clone(), options[at][o].answer.clone());
        }
    }
    answers
}
