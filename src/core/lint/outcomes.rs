//! Rules `flag-on-high-score` and `low-score-without-recommendation`: an
//! answer's score, red flag and next step must tell one story. The line
//! between a good and a bad answer is the questionnaire's high-risk line
//! (`high_risk_below`, 50 by default).

use super::findings::{Finding, Place, Rule};
use crate::core::answers::format_number;
use crate::core::questionnaire::{Kind, Outcome, Questionnaire};
use crate::core::scoring::fmt1;

pub(super) fn check(q: &Questionnaire) -> Vec<Finding> {
    let line = q.scoring.high_risk_below;
    let mut findings = Vec::new();
    for question in q.questions.iter().filter(|x| x.is_scored()) {
        let area = &q.areas[question.area].id;
        for choice in &question.choices {
            let place = || Place::choice(area, &question.id, &choice.id);
            let what = format!("choice `{}`", choice.id);
            findings.extend(flag_on_high_score(&choice.outcome, line, &what, place));
            // A multiple-choice answer adds up its choices: only an
            // exclusive one stands for a whole answer with a low score.
            if question.kind != Kind::Multi || choice.exclusive {
                findings.extend(without_recommendation(&choice.outcome, line, &what, place));
            }
        }
        for band in &question.bands {
            let range = band_range(band.from, band.to);
            let place = || Place::band(area, &question.id, range.clone());
            let what = format!("band {range}");
            findings.extend(flag_on_high_score(&band.outcome, line, &what, place));
            findings.extend(without_recommendation(&band.outcome, line, &what, place));
        }
    }
    findings
}

/// A band as `from-to`.
pub(super) fn band_range(from: f64, to: f64) -> String {
    format!("{}-{}", format_number(from), format_number(to))
}

fn flag_on_high_score(o: &Outcome, line: f64, what: &str, place: impl Fn() -> Place) -> Option<Finding> {
    let flag = o.red_flag?;
    (o.score >= line).then(|| {
        Finding::new(
            Rule::FlagOnHighScore,
            place(),
            format!(
                "{what} raises a {} red flag but scores {}, at or above the high-risk line {}: a flagged answer that scores well is contradictory",
                flag.name(),
                fmt1(o.score),
                fmt1(line)
            ),
            format!("score it below {}, or drop the red flag if the answer is no risk", fmt1(line)),
        )
    })
}

fn without_recommendation(o: &Outcome, line: f64, what: &str, place: impl Fn() -> Place) -> Option<Finding> {
    (o.score < line && o.recommendation.is_none()).then(|| {
        Finding::new(
            Rule::LowScoreWithoutRecommendation,
            place(),
            format!(
                "{what} scores {}, below the high-risk line {}, but has no recommendation: a risk with no next step",
                fmt1(o.score),
                fmt1(line)
            ),
            "add a `recommendation` (and its `phase`) saying what to do, or raise the score if the answer is no risk",
        )
    })
}
