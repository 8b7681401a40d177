//! The verdict and the reasons for it.
//!
//! Not ready: a critical red flag (an unknown gate included); an overall
//! score below `high_risk_below`; more major red flags in one area than
//! `max_major_flags_per_area`; or (with `escalate_high_risk_areas`) an
//! area at high risk that holds a major red flag due in the first phase.
//! Ready with conditions: any major red flag, high-risk area, too many
//! unknowns, or a score below `ready_at`. Ready otherwise.

use super::fmt1;
use super::tally::AreaTally;
use crate::core::assessment::{AreaResult, QuestionResult, Reason, RedFlag, Risk, Unknown, Verdict};
use crate::core::questionnaire::{Questionnaire, Severity, Thresholds};

/// What the scoring found, for the verdict.
pub(super) struct Found<'a> {
    pub overall: f64,
    pub areas: &'a [AreaResult],
    pub tallies: &'a [AreaTally],
    pub results: &'a [QuestionResult],
    /// In questionnaire order.
    pub red_flags: &'a [RedFlag],
    pub unknowns: &'a [Unknown],
}

/// The verdict, the reasons for it (most decisive first), and whether a
/// rule made it worse than the score alone would.
pub(super) struct Decision {
    pub verdict: Verdict,
    pub reasons: Vec<Reason>,
    pub capped: bool,
}

/// Decides the verdict: anything that blocks makes it not ready; otherwise
/// any condition makes it ready with conditions.
pub(super) fn decide(q: &Questionnaire, found: &Found<'_>) -> Decision {
    let t = q.scoring;
    let mut blocking = Vec::new();
    let mut conditions = Vec::new();
    for flag in found.red_flags {
        let reason = flag_reason(flag);
        if flag.severity == Severity::Critical { blocking.push(reason) } else { conditions.push(reason) }
    }
    blocking.extend(clustered_risks(q, found));
    if found.overall < t.high_risk_below {
        blocking.push(Reason {
            rule: "score-below-minimum".into(),
            message: format!("Overall readiness {} is below {}", fmt1(found.overall), fmt1(t.high_risk_below)),
            questions: weakest(found.results),
        });
    }
    conditions.extend(high_risk_areas(q, found));
    conditions.extend(too_many_unknowns(&t, found));
    if found.overall < t.ready_at && found.overall >= t.high_risk_below {
        conditions.push(Reason {
            rule: "score-below-ready".into(),
            message: format!(
                "Overall readiness {} is below the {} needed for ready",
                fmt1(found.overall),
                fmt1(t.ready_at)
            ),
            questions: weakest(found.results),
        });
    }
    let by_score = by_score_alone(&t, found.overall);
    let (verdict, reasons) = if !blocking.is_empty() {
        blocking.extend(conditions);
        (Verdict::NotReady, blocking)
    } else if !conditions.is_empty() {
        (Verdict::ReadyWithConditions, conditions)
    } else {
        (Verdict::Ready, vec![ready(&t, found.overall)])
    };
    Decision { verdict, reasons, capped: verdict < by_score }
}

/// The verdict the overall score alone would give.
fn by_score_alone(t: &Thresholds, overall: f64) -> Verdict {
    if overall >= t.ready_at {
        Verdict::Ready
    } else if overall >= t.high_risk_below {
        Verdict::ReadyWithConditions
    } else {
        Verdict::NotReady
    }
}

fn ready(t: &Thresholds, overall: f64) -> Reason {
    Reason {
        rule: "ready".into(),
        message: format!(
            "Overall readiness {} reaches {}, with no red flag, no high-risk area and few unknowns",
            fmt1(overall),
            fmt1(t.ready_at)
        ),
        questions: Vec::new(),
    }
}

/// Risks that cluster in one area rule out anything better than not
/// ready: they are settled before signing or not at all.
fn clustered_risks(q: &Questionnaire, found: &Found<'_>) -> Vec<Reason> {
    let t = q.scoring;
    let mut reasons = Vec::new();
    for ((area, tally), result) in q.areas.iter().zip(found.tallies).zip(found.areas) {
        let majors: Vec<String> = found
            .red_flags
            .iter()
            .filter(|f| f.area == area.id && f.severity == Severity::Major)
            .map(|f| f.question.clone())
            .collect();
        if tally.major_flags > t.max_major_flags_per_area as usize {
            reasons.push(Reason {
                rule: "major-flags-clustered".into(),
                message: format!(
                    "{} major red flags in {}: settle them before signing",
                    tally.major_flags, result.title
                ),
                questions: majors,
            });
        } else if t.escalate_high_risk_areas && result.risk == Some(Risk::High) && tally.urgent_major_flag {
            reasons.push(Reason {
                rule: "high-risk-area-with-major-flag".into(),
                message: format!(
                    "{} is high risk at {} and holds a major red flag to settle before signing",
                    result.title,
                    fmt1(result.score.unwrap_or(0.0))
                ),
                questions: majors,
            });
        }
    }
    reasons
}

/// A condition for each area at high risk.
fn high_risk_areas(q: &Questionnaire, found: &Found<'_>) -> Vec<Reason> {
    // Each area's results are the slice its questions occupy.
    found
        .areas
        .iter()
        .zip(&q.areas)
        .filter(|(a, _)| a.risk == Some(Risk::High))
        .map(|(area, def)| Reason {
            rule: "high-risk-area".into(),
            message: format!("{} is high risk at {}", area.title, fmt1(area.score.unwrap_or(0.0))),
            questions: weakest(found.results.get(def.questions.clone()).unwrap_or_default()),
        })
        .collect()
}

/// A condition when more of the shown scored questions are unknown than
/// `max_unknown_share` allows.
fn too_many_unknowns(t: &Thresholds, found: &Found<'_>) -> Option<Reason> {
    let shown: usize = found.tallies.iter().map(|tally| tally.shown).sum();
    let unknown = found.unknowns.len();
    (shown > 0 && unknown as f64 / shown as f64 > t.max_unknown_share).then(|| Reason {
        rule: "too-many-unknowns".into(),
        message: format!(
            "{unknown} of {shown} questions are unknown ({:.0}%), more than the {:.0}% allowed",
            100.0 * unknown as f64 / shown as f64,
            100.0 * t.max_unknown_share
        ),
        questions: found.unknowns.iter().map(|u| u.question.clone()).collect(),
    })
}

/// The reason a red flag gives.
fn flag_reason(flag: &RedFlag) -> Reason {
    let (rule, title) = match flag.severity {
        Severity::Critical => ("critical-red-flag", "Critical"),
        Severity::Major => ("major-red-flag", "Major"),
    };
    Reason {
        rule: rule.into(),
        message: format!("{title} red flag: \"{}\" answered \"{}\"", flag.question_text, flag.answer),
        questions: vec![flag.question.clone()],
    }
}

/// How many questions [`weakest`] names.
const WEAKEST: usize = 5;

/// The ids of the lowest-scoring shown questions (below 50), worst first,
/// then heaviest first, then in questionnaire order; at most five: the
/// answers that pull a score down.
fn weakest(results: &[QuestionResult]) -> Vec<String> {
    let mut low: Vec<&QuestionResult> = results.iter().filter(|r| r.score.is_some_and(|s| s < 50.0)).collect();
    low.sort_by(|a, b| {
        let (sa, sb) = (a.score.unwrap_or(0.0), b.score.unwrap_or(0.0));
        sa.total_cmp(&sb).then(b.weight.total_cmp(&a.weight))
    });
    low.into_iter().take(WEAKEST).map(|r| r.id.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::QuestionStatus;
    use crate::core::questionnaire::Kind;

    /// A shown result with this score and weight.
    fn result(id: &str, score: Option<f64>, weight: f64) -> QuestionResult {
        QuestionResult {
            id: id.into(),
            area: "a".into(),
            kind: Kind::Single,
            text: String::new(),
            status: QuestionStatus::Answered,
            answer: None,
            answer_text: None,
            score,
            weight,
            red_flag: None,
            note: None,
        }
    }

    #[test]
    fn weakest_names_five_below_fifty_worst_then_heaviest_then_first() {
        let results = [
            result("fine", Some(80.0), 1.0),
            result("unscored", None, 1.0),
            result("low", Some(40.0), 1.0),
            result("zero-light", Some(0.0), 1.0),
            result("zero-heavy", Some(0.0), 3.0),
            result("ten-a", Some(10.0), 1.0),
            result("ten-b", Some(10.0), 1.0),
            result("forty-nine", Some(49.0), 1.0),
            result("fifty", Some(50.0), 1.0),
        ];
        assert_eq!(weakest(&results), ["zero-heavy", "zero-light", "ten-a", "ten-b", "low"]);
        assert_eq!(weakest(&results[..3]), ["low"]);
        assert!(weakest(&[]).is_empty());
    }
}
