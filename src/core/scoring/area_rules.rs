//! The rules that look at an area as a whole: risks that cluster in it,
//! a high-risk area holding a major flag due first and more than one weak
//! answer, and a high-risk area.
//! Each reason names its area once, with everything the rule found there,
//! in words true to the thresholds.

use super::fmt1;
use super::verdict::{AreaEvidence, Evidence, FlagEvidence, QuestionEvidence, weakest, weakest_below};
use crate::core::assessment::{Reason, Risk};
use crate::core::counted::counted;
use crate::core::in_sentence::lower_first;
use crate::core::questionnaire::{Severity, Thresholds};

/// Risks that cluster in one area rule out anything better than not
/// ready: they are settled before signing or not at all. Each question
/// counts once, however many major flags it carries (an answer's and a
/// disagreement's, say).
pub(super) fn clustered_risks(t: &Thresholds, e: &Evidence) -> Vec<Reason> {
    let mut reasons = Vec::new();
    for area in &e.areas {
        let majors: Vec<&FlagEvidence> =
            e.flags.iter().filter(|f| f.area == area.id && f.severity == Severity::Major).collect();
        let mut questions: Vec<String> = Vec::new();
        for f in &majors {
            if !questions.contains(&f.question) {
                questions.push(f.question.clone());
            }
        }
        let state = area_in_words(t, e, area);
        if questions.len() > t.max_major_flags_per_area as usize {
            reasons.push(Reason {
                rule: "major-flags-clustered".into(),
                message: format!(
                    "{}: {state}, {} (more than {} in one area)",
                    area.title,
                    counted(questions.len(), "major red flag", "major red flags"),
                    t.max_major_flags_per_area
                ),
                questions,
            });
        } else if t.escalate_high_risk_areas
            && area.risk == Some(Risk::High)
            && majors.iter().any(|f| f.urgent)
            && weak_in_more_than_one_answer(e, &area.id)
        {
            let urgent = distinct(majors.iter().filter(|f| f.urgent).map(|f| f.question.as_str())).len();
            reasons.push(Reason {
                rule: "high-risk-area-with-major-flag".into(),
                message: format!(
                    "{}: {state}, {} due {}",
                    area.title,
                    counted(urgent, "major red flag", "major red flags"),
                    lower_first(&e.first_phase)
                ),
                questions,
            });
        }
    }
    reasons
}

/// Whether an area's high risk rests on more than one answer: at least two
/// of its questions score below 50. A one-question area (a quick check's)
/// is then judged on its flag alone, as the same answer is in a fuller
/// questionnaire.
fn weak_in_more_than_one_answer(e: &Evidence, area: &str) -> bool {
    e.questions.iter().filter(|q| q.area == area && q.score.is_some_and(|s| s < 50.0)).nth(1).is_some()
}

/// A condition for each area at high risk.
pub(super) fn high_risk_areas(t: &Thresholds, e: &Evidence) -> Vec<Reason> {
    e.areas
        .iter()
        .filter(|a| a.risk == Some(Risk::High))
        .map(|area| {
            let its: Vec<QuestionEvidence> = e.questions.iter().filter(|q| q.area == area.id).cloned().collect();
            Reason {
                rule: "high-risk-area".into(),
                message: format!("{}: {}", area.title, area_in_words(t, e, area)),
                questions: weakest(&its),
            }
        })
        .collect()
}

/// A condition for each area at medium risk by its score alone (one with
/// a red flag is named by the flag's reason): ready means every area is
/// sound, not only the mean of them.
pub(super) fn medium_risk_areas(t: &Thresholds, e: &Evidence) -> Vec<Reason> {
    e.areas
        .iter()
        .filter(|a| a.risk == Some(Risk::Medium) && !e.flags.iter().any(|f| f.area == a.id))
        .map(|area| {
            let its: Vec<QuestionEvidence> = e.questions.iter().filter(|q| q.area == area.id).cloned().collect();
            Reason {
                rule: "medium-risk-area".into(),
                message: format!("{}: {}", area.title, area_in_words(t, e, area)),
                questions: weakest_below(&its, t.medium_risk_below),
            }
        })
        .collect()
}

/// An area's risk in words, true to the thresholds: "high risk (42.4)"
/// when the score puts it there, "high risk because it holds a critical
/// red flag (score 70)" when a flag does.
fn area_in_words(t: &Thresholds, e: &Evidence, area: &AreaEvidence) -> String {
    let score = area.score.unwrap_or(0.0);
    let worst = e.flags.iter().filter(|f| f.area == area.id).map(|f| f.severity).max();
    let (risk, flagged) = match area.risk {
        Some(Risk::High) => ("high", score >= t.high_risk_below && worst == Some(Severity::Critical)),
        Some(Risk::Medium) => ("medium", score >= t.medium_risk_below && worst.is_some()),
        _ => ("low", false),
    };
    match worst {
        Some(severity) if flagged => {
            format!("{risk} risk because it holds a {} red flag (score {})", severity.name(), fmt1(score))
        }
        _ => format!("{risk} risk ({})", fmt1(score)),
    }
}

/// The distinct items, in the order first seen.
fn distinct<'a>(items: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}
