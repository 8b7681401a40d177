//! Checking a record read back from the store (or a report read back from
//! a file): anyone who can write to a shared store can put a file there, so
//! a record is checked in full before it is listed, compared or printed.
//! Here: every number against what scoring can produce (a score of 1e308
//! would print as "inf"). Its identity (id, dates, formats, text lengths)
//! is checked in `record_identity`, its agreement with itself (summary,
//! answers, verdict) in `record_consistency`.
//!
//! Enums and timestamps are checked by their types as the file is read,
//! negative counts by theirs; the text by the text rule, on the file's text
//! (`core::json_text`).

use crate::core::assessment::{Assessment, QuestionnaireRef};
use crate::core::diagnostic::shown_number;
use crate::core::history::record::{StoredAssessment, Summary};
use crate::core::limits::{MAX_QUESTIONS, MAX_WEIGHT, MIN_WEIGHT};
use crate::core::questionnaire::{Thresholds, builtin};

use super::record_consistency::{check_answers_match, check_summary_matches, check_verdict};
use super::record_identity::{check_identity, check_report_identity};

/// What a record is checked against besides itself.
#[derive(Debug, Clone, Copy)]
pub struct CheckContext {
    /// Nothing was held or saved after now (give or take a clock's skew).
    pub now: jiff::Timestamp,
}

impl CheckContext {
    /// The thresholds of `q` when it is a built-in questionnaire, known
    /// exactly by its content hash: a record of it is held to them too.
    fn thresholds_of(&self, q: &QuestionnaireRef) -> Option<&'static Thresholds> {
        builtin::by_content_hash(&q.content_hash)?.shared().ok().map(|q| &q.scoring)
    }
}

/// What is wrong with a record, in words.
pub type Problem = String;

// `what` names the number in the message, and is only written for one:
// stores hold thousands of numbers, nearly all of them sound.

/// A score: finite, from 0 to 100.
fn score(what: impl FnOnce() -> String, value: f64) -> Result<(), Problem> {
    if value.is_finite() && (0.0..=100.0).contains(&value) {
        Ok(())
    } else {
        Err(format!("{} is {}, not a number from 0 to 100", what(), shown_number(value)))
    }
}

fn optional_score(what: impl FnOnce() -> String, value: Option<f64>) -> Result<(), Problem> {
    value.map_or(Ok(()), |v| score(what, v))
}

/// A weight within the limits a questionnaire may set.
fn weight(what: impl FnOnce() -> String, value: f64) -> Result<(), Problem> {
    if value.is_finite() && (MIN_WEIGHT..=MAX_WEIGHT).contains(&value) {
        Ok(())
    } else {
        Err(format!("{} is {}, not a weight from {MIN_WEIGHT} to {MAX_WEIGHT}", what(), shown_number(value)))
    }
}

/// The numbers of the summary.
fn summary_numbers(s: &Summary) -> Result<(), Problem> {
    score(|| "the score".into(), s.score)?;
    for area in &s.areas {
        optional_score(|| format!("the score of area `{}`", area.id), area.score)?;
    }
    Ok(())
}

/// The numbers of a scored assessment: scores, weights, priorities and
/// counts.
fn assessment_numbers(a: &Assessment) -> Result<(), Problem> {
    score(|| "the score".into(), a.score)?;
    if a.questions.len() > MAX_QUESTIONS {
        return Err(format!("it lists {} questions, more than a questionnaire may have", a.questions.len()));
    }
    for area in &a.areas {
        let what = |field: &str| format!("the {field} of area `{}`", area.id);
        optional_score(|| what("score"), area.score)?;
        weight(|| what("weight"), area.weight)?;
        if area.questions > MAX_QUESTIONS || area.answered + area.unknown > area.questions {
            return Err(format!(
                "{} do not add up: {} answered and {} unknown of {} questions",
                what("counts"),
                area.answered,
                area.unknown,
                area.questions
            ));
        }
    }
    for q in &a.questions {
        optional_score(|| format!("the score of question `{}`", q.id), q.score)?;
        weight(|| format!("the weight of question `{}`", q.id), q.weight)?;
    }
    for action in &a.actions {
        score(|| format!("the priority of the action for `{}`", action.question), action.priority)?;
    }
    Ok(())
}

/// A report read back on its own (`assess --format json`, or the data of
/// an HTML report): its numbers, identity and verdict.
pub fn check_report(a: &Assessment, cx: &CheckContext) -> Result<(), Problem> {
    assessment_numbers(a)?;
    check_report_identity(a, cx.now)?;
    check_verdict(a, cx.thresholds_of(&a.questionnaire))
}

/// A whole stored record: the report it holds, and its summary and answers
/// against it.
pub fn check_record(r: &StoredAssessment, cx: &CheckContext) -> Result<(), Problem> {
    summary_numbers(&r.summary)?;
    assessment_numbers(&r.assessment)?;
    check_identity(r, cx.now)?;
    check_summary_matches(r)?;
    check_answers_match(r)?;
    check_verdict(&r.assessment, cx.thresholds_of(&r.assessment.questionnaire))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::history::testing::record;

    fn cx() -> CheckContext {
        CheckContext { now: "2026-12-01T00:00:00Z".parse().unwrap() }
    }

    #[test]
    fn a_scored_record_passes_and_is_held_to_its_built_in_thresholds() {
        let r = record("Contoso", "2026-04-01T10:00:00Z", 1);
        assert_eq!(check_record(&r, &cx()), Ok(()));
        assert_eq!(check_report(&r.assessment, &cx()), Ok(()));
        assert!(cx().thresholds_of(&r.assessment.questionnaire).is_some(), "crm-quick is built in");
    }

    #[test]
    fn forged_numbers_are_named() {
        let fresh = || record("Contoso", "2026-04-01T10:00:00Z", 1);
        let mut r = fresh();
        r.summary.score = 1e308;
        assert_eq!(check_record(&r, &cx()).unwrap_err(), "the score is 1e308, not a number from 0 to 100");
        let mut r = fresh();
        r.assessment.areas[0].weight = 1e-300;
        assert!(check_record(&r, &cx()).unwrap_err().contains("not a weight from 0.01 to 1000"));
        let mut r = fresh();
        r.assessment.areas[0].answered = r.assessment.areas[0].questions + 1;
        assert!(check_record(&r, &cx()).unwrap_err().contains("do not add up"));
        let mut r = fresh();
        r.assessment.questions[0].score = Some(f64::NAN);
        assert!(check_record(&r, &cx()).unwrap_err().starts_with("the score of question"));
        let mut r = fresh();
        if let Some(action) = r.assessment.actions.first_mut() {
            action.priority = 200.0;
            assert!(check_record(&r, &cx()).unwrap_err().starts_with("the priority of the action"));
        }
    }
}
