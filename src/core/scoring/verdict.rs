//! The verdict and the reasons for it.

use super::fmt1;
use crate::core::assessment::{AreaResult, QuestionResult, Reason, RedFlag, Risk, Unknown, Verdict};
use crate::core::questionnaire::{Questionnaire, Severity};

/// The verdict and the reasons for it, most decisive first: anything that
/// blocks (a critical flag, a score below the minimum) makes it not ready;
/// otherwise any condition makes it ready with conditions. `red_flags` are
/// in questionnaire order; `shown` counts the scored questions shown.
pub(super) fn decide(
    q: &Questionnaire,
    overall: f64,
    areas: &[AreaResult],
    results: &[QuestionResult],
    red_flags: &[RedFlag],
    unknowns: &[Unknown],
    shown: usize,
) -> (Verdict, Vec<Reason>) {
    let t = q.scoring;
    let mut blocking = Vec::new();
    let mut conditions = Vec::new();
    for flag in red_flags {
        let reason = flag_reason(flag);
        if flag.severity == Severity::Critical { blocking.push(reason) } else { conditions.push(reason) }
    }
    if overall < t.high_risk_below {
        blocking.push(Reason {
            rule: "score-below-minimum".into(),
            message: format!("Overall readiness {} is below {}", fmt1(overall), fmt1(t.high_risk_below)),
            questions: weakest(results),
        });
    }
    // Each area's results are the slice its questions occupy.
    for (area, def) in areas.iter().zip(&q.areas).filter(|(a, _)| a.risk == Some(Risk::High)) {
        conditions.push(Reason {
            rule: "high-risk-area".into(),
            message: format!("{} is high risk at {}", area.title, fmt1(area.score.unwrap_or(0.0))),
            questions: weakest(results.get(def.questions.clone()).unwrap_or_default()),
        });
    }
    let unknown = unknowns.len();
    if shown > 0 && unknown as f64 / shown as f64 > t.max_unknown_share {
        conditions.push(Reason {
            rule: "too-many-unknowns".into(),
            message: format!(
                "{unknown} of {shown} questions are unknown ({:.0}%), more than the {:.0}% allowed",
                100.0 * unknown as f64 / shown as f64,
                100.0 * t.max_unknown_share
            ),
            questions: unknowns.iter().map(|u| u.question.clone()).collect(),
        });
    }
    if overall < t.ready_at && overall >= t.high_risk_below {
        conditions.push(Reason {
            rule: "score-below-ready".into(),
            message: format!("Overall readiness {} is below the {} needed for ready", fmt1(overall), fmt1(t.ready_at)),
            questions: weakest(results),
        });
    }
    if !blocking.is_empty() {
        blocking.extend(conditions);
        return (Verdict::NotReady, blocking);
    }
    if !conditions.is_empty() {
        return (Verdict::ReadyWithConditions, conditions);
    }
    let ready = Reason {
        rule: "ready".into(),
        message: format!(
            "Overall readiness {} reaches {}, with no red flag, no high-risk area and few unknowns",
            fmt1(overall),
            fmt1(t.ready_at)
        ),
        questions: Vec::new(),
    };
    (Verdict::Ready, vec![ready])
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
