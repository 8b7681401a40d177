//! Each area across the respondents.

use super::agreement::weighted_mean;
use super::model::{RoundArea, RoundFlag, RoundQuestion};
use super::{Person, mean, round2};
use crate::core::questionnaire::Questionnaire;
use crate::core::scoring::{AreaEvidence, area_risk, round1};

/// Every area of `q`: the mean of the respondents' scores there, its risk
/// (from that mean and the worst red flag in the round) and agreement.
pub(super) fn read(
    q: &Questionnaire,
    people: &[Person<'_>],
    questions: &[RoundQuestion],
    flags: &[RoundFlag],
) -> Vec<RoundArea> {
    q.areas
        .iter()
        .map(|area| {
            let scores: Vec<f64> =
                people.iter().filter_map(|p| p.assessment.areas.iter().find(|a| a.id == area.id)?.score).collect();
            let score = mean(&scores);
            let worst_flag = flags.iter().filter(|f| f.area == area.id).map(|f| f.severity).max();
            let agreements =
                questions.iter().filter(|x| x.area == area.id).filter_map(|x| Some((x.agreement?, x.weight)));
            RoundArea {
                id: area.id.clone(),
                title: area.title.clone(),
                weight: area.weight,
                score: score.map(round1),
                lowest_score: scores.iter().copied().reduce(f64::min),
                highest_score: scores.iter().copied().reduce(f64::max),
                risk: area_risk(score, worst_flag, &q.scoring),
                agreement: weighted_mean(agreements).map(round2),
            }
        })
        .collect()
}

/// The areas as the verdict sees them.
pub(super) fn evidence(areas: &[RoundArea]) -> Vec<AreaEvidence> {
    areas
        .iter()
        .map(|a| AreaEvidence { id: a.id.clone(), title: a.title.clone(), score: a.score, risk: a.risk })
        .collect()
}
