//! What an area's answers can add up to, listed question by question: each
//! distinct (sum of weight × score, sum of weights, major red flags).
//! Small areas, where a score can jump straight over a risk band, have
//! few such sums; large ones, where it cannot, may have many, and past
//! [`MAX_SUMS`] the list is given up.
//!
//! A follow-up may be shown or not as its conditions say; here it may be
//! counted or not, freely. So the list is exact for an area without
//! follow-ups and covers more than can happen otherwise: what is missing
//! from it cannot happen at all.

use std::collections::BTreeSet;

use super::options::{Allow, AnswerOption};
use super::showable::Plan;
use crate::core::questionnaire::{Kind, Questionnaire, Thresholds};

/// Most distinct sums listed for one area.
const MAX_SUMS: usize = 10_000;

/// One way the area's answers add up.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Sum {
    /// Weight × score over the counted questions.
    pub total: f64,
    /// Their weights.
    pub weight: f64,
    /// How many major red flags the answers raise.
    pub majors: usize,
    /// The question positions and the options chosen, in file order; a
    /// follow-up left out is not counted.
    pub picks: Vec<(usize, usize)>,
}

/// One way to answer a question, for the sums.
struct Step {
    total: f64,
    weight: f64,
    majors: usize,
    pick: Option<usize>,
}

/// Every distinct sum the area's answers admitted by `allow` reach;
/// `None` when an always-shown question has no admitted answer, the area
/// has a multiple-choice question with several non-exclusive choices, or
/// the sums are too many.
pub(super) fn area_sums(
    q: &Questionnaire,
    options: &[Vec<AnswerOption>],
    plans: &[Option<Plan>],
    area: usize,
    allow: Allow,
) -> Option<Vec<Sum>> {
    let mut sums = vec![Sum { total: 0.0, weight: 0.0, majors: 0, picks: Vec::new() }];
    for at in q.areas[area].questions.clone() {
        let question = &q.questions[at];
        if !question.is_scored() || plans[at].is_none() {
            continue;
        }
        // A multiple-choice question's options are not all its answers:
        // sums listed from them could miss some.
        if question.kind == Kind::Multi && question.choices.iter().filter(|c| !c.exclusive).count() > 1 {
            return None;
        }
        let mut steps: Vec<Step> = options[at]
            .iter()
            .enumerate()
            .filter(|(_, o)| allow.admits(o))
            .map(|(i, o)| Step {
                total: question.weight * o.score.unwrap_or(0.0),
                weight: if o.score.is_some() { question.weight } else { 0.0 },
                majors: o.majors,
                pick: Some(i),
            })
            .collect();
        if !question.when.is_empty() {
            steps.push(Step { total: 0.0, weight: 0.0, majors: 0, pick: None });
        }
        if steps.is_empty() {
            return None;
        }
        let mut next: Vec<Sum> = Vec::new();
        let mut seen = BTreeSet::new();
        for sum in &sums {
            for step in &steps {
                // The scoring adds weight × score in file order: so does this.
                let total = sum.total + step.total;
                let weight = sum.weight + step.weight;
                let majors = sum.majors + step.majors;
                if !seen.insert((total.to_bits(), weight.to_bits(), majors)) {
                    continue;
                }
                let mut picks = sum.picks.clone();
                picks.extend(step.pick.map(|i| (at, i)));
                next.push(Sum { total, weight, majors, picks });
                if next.len() > MAX_SUMS {
                    return None;
                }
            }
        }
        sums = next;
    }
    Some(sums)
}

impl Sum {
    /// The area's score; `None` when nothing is counted.
    pub fn score(&self) -> Option<f64> {
        (self.weight > 0.0).then(|| self.total / self.weight)
    }
}

/// Whether a sum listed without critical red flags gives the area medium
/// risk: a score from the high-risk line up, and a major red flag or a
/// score below the medium-risk line.
pub(super) fn is_medium(t: &Thresholds, sum: &Sum) -> bool {
    sum.score().is_some_and(|s| s >= t.high_risk_below && (sum.majors > 0 || s < t.medium_risk_below))
}

/// Whether a sum listed without red flags gives the area low risk.
pub(super) fn is_low(t: &Thresholds, sum: &Sum) -> bool {
    sum.score().is_some_and(|s| s >= t.medium_risk_below)
}

/// For a questionnaire of one area, whose score is the overall score:
/// whether a sum listed without critical red flags gives the verdict
/// ready with conditions (not blocked: a score from the high-risk line up
/// and no more major flags than allowed; with a condition: a major flag
/// or a score below ready).
pub(super) fn is_ready_with_conditions(t: &Thresholds, sum: &Sum) -> bool {
    sum.score().is_some_and(|s| {
        s >= t.high_risk_below
            && sum.majors <= t.max_major_flags_per_area as usize
            && (sum.majors > 0 || s < t.ready_at)
    })
}

/// For a questionnaire of one area: whether a sum listed without red flags
/// gives the verdict ready.
pub(super) fn is_ready(t: &Thresholds, sum: &Sum) -> bool {
    sum.score().is_some_and(|s| s >= t.ready_at && s >= t.high_risk_below)
}
