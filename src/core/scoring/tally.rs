//! Per-area totals, and the area results and overall score made from them.

use crate::core::assessment::AreaResult;
use crate::core::questionnaire::{Area, Severity, Thresholds};

use super::round1;
use super::verdict::area_risk;

/// What the shown, scored questions of one area add up to.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct AreaTally {
    /// Sum of question weight × score over the answered questions.
    pub weighted_sum: f64,
    /// Sum of question weights, unknown questions included: they count as 0.
    pub weight: f64,
    /// Scored questions shown.
    pub shown: usize,
    /// Of those, answered with a real answer that scores.
    pub answered: usize,
    /// Of those, "don't know" or unanswered.
    pub unknown: usize,
    /// The most severe red flag raised in the area.
    pub worst_flag: Option<Severity>,
}

impl AreaTally {
    /// Counts a question answered "don't know" or not at all: it weighs in
    /// with a score of 0.
    pub fn count_unknown(&mut self, weight: f64) {
        self.shown += 1;
        self.unknown += 1;
        self.weight += weight;
    }

    /// Counts a real answer that scores `score`.
    pub fn count_answer(&mut self, weight: f64, score: f64) {
        self.shown += 1;
        self.answered += 1;
        self.weighted_sum += weight * score;
        self.weight += weight;
    }

    /// Counts a red flag raised in the area.
    pub fn count_flag(&mut self, severity: Severity) {
        self.worst_flag = self.worst_flag.max(Some(severity));
    }

    /// The area's score, 0–100; `None` when no scored question is shown.
    pub fn score(&self) -> Option<f64> {
        (self.weight > 0.0).then(|| self.weighted_sum / self.weight)
    }

    pub fn result(&self, area: &Area, t: &Thresholds) -> AreaResult {
        AreaResult {
            id: area.id.clone(),
            title: area.title.clone(),
            weight: area.weight,
            score: self.score().map(round1),
            risk: area_risk(self.score(), self.worst_flag, t),
            questions: self.shown,
            answered: self.answered,
            unknown: self.unknown,
        }
    }
}

/// The overall score: the areas' scores weighted by the areas' weights,
/// over the areas that have a score; 0 when none has.
pub(super) fn overall(areas: &[Area], tallies: &[AreaTally]) -> f64 {
    let mut weighted = 0.0;
    let mut total = 0.0;
    for (area, tally) in areas.iter().zip(tallies) {
        if tally.weight > 0.0 {
            weighted += area.weight * tally.weighted_sum / tally.weight;
            total += area.weight;
        }
    }
    if total > 0.0 { weighted / total } else { 0.0 }
}
