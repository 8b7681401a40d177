//! Checking a record read back from the store (or a report read back from
//! a file): anyone who can write to a shared store can put a file there, so
//! every number is checked against what scoring can produce before it is
//! listed, compared or printed. A score of 1e308 would print as "inf".
//!
//! Enums and timestamps are checked by their types as the file is read,
//! negative counts by theirs; the text by the text rule, on the file's text
//! (`core::json_text`).

use crate::core::assessment::Assessment;
use crate::core::diagnostic::shown_number;
use crate::core::history::record::{StoredAssessment, Summary};
use crate::core::limits::{MAX_QUESTIONS, MAX_WEIGHT, MIN_WEIGHT};

/// What is wrong with a record, in words.
pub type Problem = String;

/// A score: finite, from 0 to 100.
fn score(what: &str, value: f64) -> Result<(), Problem> {
    if value.is_finite() && (0.0..=100.0).contains(&value) {
        Ok(())
    } else {
        Err(format!("{what} is {}, not a number from 0 to 100", shown_number(value)))
    }
}

fn optional_score(what: &str, value: Option<f64>) -> Result<(), Problem> {
    value.map_or(Ok(()), |v| score(what, v))
}

/// A weight within the limits a questionnaire may set.
fn weight(what: &str, value: f64) -> Result<(), Problem> {
    if value.is_finite() && (MIN_WEIGHT..=MAX_WEIGHT).contains(&value) {
        Ok(())
    } else {
        Err(format!("{what} is {}, not a weight from {MIN_WEIGHT} to {MAX_WEIGHT}", shown_number(value)))
    }
}

/// The summary a listing reads.
pub fn check_summary(s: &Summary) -> Result<(), Problem> {
    score("the score", s.score)?;
    for area in &s.areas {
        optional_score(&format!("the score of area `{}`", area.id), area.score)?;
    }
    Ok(())
}

/// A scored assessment: scores, weights, priorities and counts.
pub fn check_assessment(a: &Assessment) -> Result<(), Problem> {
    score("the score", a.score)?;
    if a.questions.len() > MAX_QUESTIONS {
        return Err(format!("it lists {} questions, more than a questionnaire may have", a.questions.len()));
    }
    for area in &a.areas {
        let what = |field: &str| format!("the {field} of area `{}`", area.id);
        optional_score(&what("score"), area.score)?;
        weight(&what("weight"), area.weight)?;
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
        optional_score(&format!("the score of question `{}`", q.id), q.score)?;
        weight(&format!("the weight of question `{}`", q.id), q.weight)?;
    }
    for action in &a.actions {
        score(&format!("the priority of the action for `{}`", action.question), action.priority)?;
    }
    Ok(())
}

/// A whole stored record.
pub fn check_record(r: &StoredAssessment) -> Result<(), Problem> {
    check_summary(&r.summary)?;
    check_assessment(&r.assessment)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::history::testing::record;

    #[test]
    fn a_scored_record_passes() {
        let r = record("Contoso", "2026-04-01T10:00:00Z", 1);
        assert_eq!(check_record(&r), Ok(()));
    }

    #[test]
    fn forged_numbers_are_named() {
        let fresh = || record("Contoso", "2026-04-01T10:00:00Z", 1);
        let mut r = fresh();
        r.summary.score = 1e308;
        assert_eq!(check_record(&r).unwrap_err(), "the score is 1e308, not a number from 0 to 100");
        let mut r = fresh();
        r.assessment.areas[0].weight = 1e-300;
        assert!(check_record(&r).unwrap_err().contains("not a weight from 0.01 to 1000"));
        let mut r = fresh();
        r.assessment.areas[0].answered = r.assessment.areas[0].questions + 1;
        assert!(check_record(&r).unwrap_err().contains("do not add up"));
        let mut r = fresh();
        r.assessment.questions[0].score = Some(f64::NAN);
        assert!(check_record(&r).unwrap_err().starts_with("the score of question"));
        let mut r = fresh();
        if let Some(action) = r.assessment.actions.first_mut() {
            action.priority = -1.0;
            assert!(check_record(&r).unwrap_err().starts_with("the priority of the action"));
        }
    }
}
