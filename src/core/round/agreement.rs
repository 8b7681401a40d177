//! How far the respondents of a round agree, rwg-style: 1 − (the variance of
//! their scores ÷ the variance expected had they picked at random among the
//! question's own possible answers). 1 is full agreement; 0 is no better
//! than chance (a negative value counts as 0). Only real answers count: "don't
//! know" and unanswered are left out, and at least two are needed.
//!
//! The random baseline comes from each question's own scores, because
//! crm-ready's answers score unevenly (0, 40, 100…): a single or yes/no
//! question's choices, a scale's steps (each step scores as its band does),
//! a number question's bands, and for a multiple-choice question every
//! combination of its choices (each exclusive choice on its own), scored as
//! the answer would be: the sum, at most 100.

use std::collections::BTreeMap;

use crate::core::questionnaire::{Kind, Question};

/// The agreement of `scores` (real answers only) on `question`, 0 to 1;
/// `None` with fewer than two scores, or when the question has a single
/// possible score (nothing to disagree about).
pub fn agreement(question: &Question, scores: &[f64]) -> Option<f64> {
    if scores.len() < 2 {
        return None;
    }
    let expected = random_variance(question)?;
    // Scores carry one decimal: anything smaller than this is no spread.
    if expected < 1e-9 {
        return None;
    }
    Some((1.0 - variance(scores) / expected).clamp(0.0, 1.0))
}

/// The weighted mean of `values` (value, weight); `None` when there are none.
pub fn weighted_mean(values: impl IntoIterator<Item = (f64, f64)>) -> Option<f64> {
    let (sum, weight) = values.into_iter().fold((0.0, 0.0), |(s, w), (v, wt)| (s + v * wt, w + wt));
    (weight > 0.0).then(|| sum / weight)
}

/// The population variance of `scores`.
fn variance(scores: &[f64]) -> f64 {
    let n = scores.len() as f64;
    let mean = scores.iter().sum::<f64>() / n;
    scores.iter().map(|s| (s - mean).powi(2)).sum::<f64>() / n
}

/// The variance of the score of an answer picked at random among the
/// question's possible answers; `None` for a question without scores.
fn random_variance(question: &Question) -> Option<f64> {
    if !question.is_scored() {
        return None;
    }
    let outcomes = possible_scores(question);
    let total: f64 = outcomes.iter().map(|o| o.weight).sum();
    if total <= 0.0 {
        return None;
    }
    let mean = outcomes.iter().map(|o| o.score * o.weight).sum::<f64>() / total;
    Some(outcomes.iter().map(|o| (o.score - mean).powi(2) * o.weight).sum::<f64>() / total)
}

/// A score an answer can have, and how many possible answers have it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Outcome {
    score: f64,
    weight: f64,
}

/// The question's possible answers' scores.
fn possible_scores(question: &Question) -> Vec<Outcome> {
    let one = |score: f64| Outcome { score, weight: 1.0 };
    match question.kind {
        Kind::Single | Kind::YesNo => question.choices.iter().map(|c| one(c.outcome.score)).collect(),
        Kind::Scale => {
            let (Some(min), Some(max)) = (question.min, question.max) else { return Vec::new() };
            // A scale has at most 100 whole steps (checked when it is read).
            (0..=(max - min) as i64)
                .filter_map(|step| question.band_for(min + step as f64))
                .map(|band| one(band.outcome.score))
                .collect()
        }
        Kind::Number => question.bands.iter().map(|b| one(b.outcome.score)).collect(),
        Kind::Multi => multi_scores(question),
        Kind::Text => Vec::new(),
    }
}

/// Every combination of a multiple-choice question's choices, by score.
/// Scores are never negative, so a running sum that reaches 100 stays
/// there: the distinct sums stay few (at most one per hundredth of a
/// point), whatever the number of choices.
fn multi_scores(question: &Question) -> Vec<Outcome> {
    let key = |score: f64| (score.min(100.0) * 100.0).round() as i64;
    let mut sums: BTreeMap<i64, f64> = BTreeMap::from([(0, 1.0)]);
    for choice in question.choices.iter().filter(|c| !c.exclusive) {
        let mut next = sums.clone();
        for (&sum, &count) in &sums {
            *next.entry(key(sum as f64 / 100.0 + choice.outcome.score)).or_default() += count;
        }
        sums = next;
    }
    for choice in question.choices.iter().filter(|c| c.exclusive) {
        *sums.entry(key(choice.outcome.score)).or_default() += 1.0;
    }
    sums.into_iter().map(|(sum, weight)| Outcome { score: sum as f64 / 100.0, weight }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::questionnaire::parse;

    /// A questionnaire with one question of each shape the baseline knows.
    fn questions() -> crate::core::questionnaire::Questionnaire {
        let source = r#"
[questionnaire]
id = "t"
version = "1"
title = "T"

[[area]]
id = "a"
title = "A"
why = "Why."

[[area.question]]
id = "three"
kind = "single"
text = "Three choices?"
[[area.question.choice]]
id = "none"
label = "None"
score = 0
[[area.question.choice]]
id = "half"
label = "Half"
score = 50
[[area.question.choice]]
id = "all"
label = "All"
score = 100

[[area.question]]
id = "scale"
kind = "scale"
text = "A scale?"
min = 1
max = 4
[[area.question.band]]
from = 1
to = 3
score = 0
[[area.question.band]]
from = 4
to = 4
score = 100

[[area.question]]
id = "multi"
kind = "multi"
text = "Which?"
[[area.question.choice]]
id = "a"
label = "A"
score = 60
[[area.question.choice]]
id = "b"
label = "B"
score = 60
[[area.question.choice]]
id = "none"
label = "None of these"
score = 0
exclusive = true

[[area.question]]
id = "same"
kind = "yes_no"
text = "Either way?"
[[area.question.choice]]
id = "yes"
score = 100
[[area.question.choice]]
id = "no"
score = 100
"#;
        parse(source, "t.toml").unwrap()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    #[test]
    fn the_baseline_is_the_questions_own_scores() {
        let q = questions();
        let three = q.question("three").unwrap();
        // var{0, 50, 100} = 1666.7; observed var{100, 100, 0} = 2222.2:
        // 1 − 1.333 is below 0, so no agreement at all.
        assert!(close(random_variance(three).unwrap(), 5000.0 / 3.0));
        assert!(close(variance(&[100.0, 100.0, 0.0]), 20000.0 / 9.0));
        assert_eq!(agreement(three, &[100.0, 100.0, 0.0]), Some(0.0));
        assert_eq!(agreement(three, &[50.0, 50.0, 50.0]), Some(1.0));
        // var{100, 50} = 625: 1 − 625 / 1666.7 = 0.625.
        assert!(close(agreement(three, &[100.0, 50.0]).unwrap(), 0.625));
    }

    #[test]
    fn a_scale_counts_each_step_at_its_bands_score() {
        let q = questions();
        // Steps 1–4 score 0, 0, 0, 100: mean 25, variance 1875.
        assert!(close(random_variance(q.question("scale").unwrap()).unwrap(), 1875.0));
    }

    #[test]
    fn multiple_choice_counts_every_combination_capped_at_100() {
        let q = questions();
        // {} 0, {a} 60, {b} 60, {a, b} 120 → 100, and "none" alone 0.
        let scores = multi_scores(q.question("multi").unwrap());
        assert_eq!(
            scores,
            [
                Outcome { score: 0.0, weight: 2.0 },
                Outcome { score: 60.0, weight: 2.0 },
                Outcome { score: 100.0, weight: 1.0 }
            ]
        );
        let mean: f64 = 220.0 / 5.0;
        let expected = (2.0 * mean.powi(2) + 2.0 * (60.0 - mean).powi(2) + (100.0 - mean).powi(2)) / 5.0;
        assert!(close(random_variance(q.question("multi").unwrap()).unwrap(), expected));
    }

    #[test]
    fn agreement_needs_two_answers_and_something_to_disagree_about() {
        let q = questions();
        assert_eq!(agreement(q.question("three").unwrap(), &[100.0]), None);
        assert_eq!(agreement(q.question("three").unwrap(), &[]), None);
        assert_eq!(agreement(q.question("same").unwrap(), &[100.0, 100.0]), None, "every answer scores 100");
    }

    #[test]
    fn areas_weigh_their_questions() {
        assert_eq!(weighted_mean([(1.0, 3.0), (0.0, 1.0)]), Some(0.75));
        assert_eq!(weighted_mean([]), None);
    }
}
