//! Bounds that hold for every answer set, used to prove a verdict or a
//! risk level unreachable. They relax the questionnaire: a question with
//! conditions (or with an answer that counts for nothing) may be counted
//! or not, independently of the others, and each counted question may take
//! its best (or worst) allowed score. Every real answer set is one of the
//! relaxed ones, so no real area score lies outside these bounds.

use super::options::{Allow, AnswerOption};
use super::showable::Plan;
use crate::core::questionnaire::Questionnaire;

/// Something counted in a weighted mean.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Item {
    weight: f64,
    value: f64,
}

/// The items of a weighted mean: those always counted and those that may be.
#[derive(Debug, Clone, Default, PartialEq)]
struct Mean {
    forced: Vec<Item>,
    optional: Vec<Item>,
}

/// Which way a bound looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    Highest,
    Lowest,
}

impl Mean {
    /// The highest (or lowest) weighted mean over the forced items plus
    /// any of the optional ones: take the optional items best first while
    /// each improves the mean. `None` when nothing can be counted.
    fn bound(&self, side: Side) -> Option<f64> {
        let better = |a: f64, b: f64| if side == Side::Highest { a > b } else { a < b };
        let mut optional = self.optional.clone();
        optional.sort_by(|a, b| match side {
            Side::Highest => b.value.total_cmp(&a.value),
            Side::Lowest => a.value.total_cmp(&b.value),
        });
        let mut sum: f64 = self.forced.iter().map(|i| i.weight * i.value).sum();
        let mut weight: f64 = self.forced.iter().map(|i| i.weight).sum();
        for item in optional {
            if weight > 0.0 && !better(item.value, sum / weight) {
                break;
            }
            sum += item.weight * item.value;
            weight += item.weight;
        }
        (weight > 0.0).then(|| sum / weight)
    }
}

/// What the relaxation says about one area under a flag rule.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct AreaBound {
    /// Positions of always-shown scored questions with no answer the rule
    /// allows: no answer set meets the rule.
    pub impossible: Vec<usize>,
    /// Whether the area is always scored under the rule.
    pub forced: bool,
    /// The bound; `None` when the area is never scored under the rule.
    pub score: Option<f64>,
}

/// The relaxed bound on area `area`'s score, over answers `allow` admits.
pub(super) fn area_bound(
    q: &Questionnaire,
    options: &[Vec<AnswerOption>],
    plans: &[Option<Plan>],
    area: usize,
    allow: Allow,
    side: Side,
) -> AreaBound {
    let mut mean = Mean::default();
    let mut impossible = Vec::new();
    for at in q.areas[area].questions.clone() {
        let question = &q.questions[at];
        if !question.is_scored() || plans[at].is_none() {
            continue;
        }
        let allowed: Vec<&AnswerOption> = options[at].iter().filter(|o| allow.admits(o)).collect();
        let always_shown = question.when.is_empty();
        if allowed.is_empty() {
            if always_shown {
                impossible.push(at);
            }
            continue;
        }
        let scores = allowed.iter().filter_map(|o| o.score);
        let value = match side {
            Side::Highest => scores.fold(f64::NEG_INFINITY, f64::max),
            Side::Lowest => scores.fold(f64::INFINITY, f64::min),
        };
        if !value.is_finite() {
            continue;
        }
        let item = Item { weight: question.weight, value };
        if always_shown && allowed.iter().all(|o| o.score.is_some()) {
            mean.forced.push(item);
        } else {
            mean.optional.push(item);
        }
    }
    AreaBound { impossible, forced: !mean.forced.is_empty(), score: mean.bound(side) }
}

/// The relaxed bound on the overall score, over answers `allow` admits:
/// the areas' bounds, weighted by the areas' weights; an area that may go
/// unscored may be left out, and with no area scored the overall is 0.
pub(super) fn overall_bound(
    q: &Questionnaire,
    options: &[Vec<AnswerOption>],
    plans: &[Option<Plan>],
    allow: Allow,
    side: Side,
) -> Option<f64> {
    let mut mean = Mean::default();
    for (i, area) in q.areas.iter().enumerate() {
        let b = area_bound(q, options, plans, i, allow, side);
        if !b.impossible.is_empty() {
            return None;
        }
        if let Some(value) = b.score {
            let item = Item { weight: area.weight, value };
            if b.forced { mean.forced.push(item) } else { mean.optional.push(item) }
        }
    }
    let bound = mean.bound(side);
    if mean.forced.is_empty() {
        // No area need be scored: the overall score may be 0.
        return Some(match side {
            Side::Highest => bound.unwrap_or(0.0).max(0.0),
            Side::Lowest => 0.0,
        });
    }
    bound
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(weight: f64, value: f64) -> Item {
        Item { weight, value }
    }

    #[test]
    fn optional_items_join_only_while_they_improve_the_mean() {
        let mean =
            Mean { forced: vec![item(1.0, 50.0)], optional: vec![item(1.0, 100.0), item(1.0, 60.0), item(1.0, 0.0)] };
        // 50 and 100 give 75; 60 would lower it.
        assert_eq!(mean.bound(Side::Highest), Some(75.0));
        // 50 and 0 give 25; 60 and 100 would raise it.
        assert_eq!(mean.bound(Side::Lowest), Some(25.0));
        let only_optional = Mean { forced: vec![], optional: vec![item(2.0, 40.0), item(1.0, 90.0)] };
        assert_eq!(only_optional.bound(Side::Highest), Some(90.0));
        assert_eq!(only_optional.bound(Side::Lowest), Some(40.0));
        assert_eq!(Mean::default().bound(Side::Highest), None);
    }
}
