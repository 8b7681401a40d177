//! Each area's lowest and highest score by real answers: the extremes over
//! every answer set the lint built and scored, after a few rounds aimed at
//! each area's extremes. Each round measures from the best score so far:
//! the sum that `construct` pushes up is positive exactly when an area
//! beats that line, so the next round aims past it.

use super::bounds::{Side, area_bound};
use super::construct::{Aim, Goal};
use super::options::Allow;
use super::proofs::Facts;
use super::report::AreaRange;
use super::search::Search;
use crate::core::scoring::round1;

/// Rounds per direction: enough for follow-ups that pull an area down to
/// be left hidden, which is what a round after the first can change.
const ROUNDS: usize = 3;

pub(super) fn ranges(search: &mut Search<'_>, facts: &Facts<'_>) -> Vec<AreaRange> {
    let q = facts.q;
    for goal in [Goal::Raise, Goal::Lower] {
        let start = if goal == Goal::Raise { 0.0 } else { 100.0 };
        let mut line = vec![Some(start); q.areas.len()];
        for _ in 0..ROUNDS {
            let aim = Aim { goal, line: line.clone(), allow: vec![Allow::Any; q.areas.len()] };
            let picks = search.picks(&aim);
            search.try_picks(&picks);
            for (slot, (lowest, highest)) in line.iter_mut().zip(search.extremes.clone()) {
                let best = if goal == Goal::Raise { highest } else { lowest };
                *slot = best.or(*slot);
            }
        }
    }
    q.areas
        .iter()
        .zip(search.extremes.clone())
        .enumerate()
        .map(|(i, (area, (lowest, highest)))| {
            let bound = |side| area_bound(q, facts.options, facts.plans, i, Allow::Any, side).score.map(round1);
            AreaRange {
                id: area.id.clone(),
                title: area.title.clone(),
                lowest,
                highest,
                exact: lowest == bound(Side::Lowest) && highest == bound(Side::Highest),
            }
        })
        .collect()
}
