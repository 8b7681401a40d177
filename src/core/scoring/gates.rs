//! Gates left open. A question that conditions name decides which
//! follow-ups apply; without a real answer it decides nothing, and its
//! follow-ups wait (see `conditions`): they are not asked, each scores 0
//! (the worst is assumed until the gate is answered) and is listed as an
//! unknown, and none raises a red flag or action of its own. The gate
//! carries them instead: its red flag is the worst its waiting follow-ups
//! would raise unknown (or its own, if worse), so one "don't know" is one
//! finding. A context-only gate (not scored) is listed as an unknown too,
//! with one action to find out its answer, due first and as urgent as the
//! most urgent action its follow-ups raise unknown: "you don't know how
//! many suppliers there will be: find out before signing, and until then
//! assume the worst".

use super::plan::{Weights, action_priority};
use crate::core::assessment::{ActionItem, PriorityLevel, QuestionStatus};
use crate::core::conditions::Visibility;
use crate::core::questionnaire::{Area, Question, Questionnaire, Severity};

/// A question without a real answer that scored follow-ups wait on.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct OpenGate {
    /// Answered "don't know" (else not at all).
    pub dont_know: bool,
    /// How many scored follow-ups wait on it.
    pub pending: usize,
    /// The priority of the most urgent action those follow-ups would
    /// raise unknown.
    pub priority: f64,
    /// The worst red flag those follow-ups would raise unknown.
    pub flag: Option<Severity>,
}

impl OpenGate {
    /// The gate the question at `at` leaves open, if it does; `status` is
    /// its result's.
    pub fn of(
        q: &Questionnaire,
        at: usize,
        visibility: &[Visibility],
        status: QuestionStatus,
        weights: &Weights,
    ) -> Option<OpenGate> {
        let open = matches!(status, QuestionStatus::Unanswered | QuestionStatus::DontKnow);
        if !open || visibility.get(at) != Some(&Visibility::Shown) {
            return None;
        }
        let waiting: Vec<&Question> = q
            .questions
            .iter()
            .zip(visibility)
            .filter(|(x, v)| **v == Visibility::Pending { gate: at } && x.is_scored())
            .map(|(x, _)| x)
            .collect();
        (!waiting.is_empty()).then(|| OpenGate {
            dont_know: status == QuestionStatus::DontKnow,
            pending: waiting.len(),
            priority: waiting
                .iter()
                .filter(|x| x.unknown.recommendation.is_some())
                .filter_map(|x| Some(action_priority(x.unknown.red_flag, 1.0, weights.factor(q.areas.get(x.area)?, x))))
                .fold(0.0, f64::max),
            flag: waiting
                .iter()
                .filter(|x| x.unknown.recommendation.is_some())
                .filter_map(|x| x.unknown.red_flag)
                .max(),
        })
    }

    /// The action to find out the gate's answer, due in `first_phase`.
    pub fn action(&self, area: &Area, question: &Question, first_phase: &str) -> ActionItem {
        let (priority, n) = (self.priority, self.pending);
        ActionItem {
            phase: first_phase.to_string(),
            priority,
            priority_level: PriorityLevel::of(priority),
            area: area.id.clone(),
            question: question.id.clone(),
            recommendation: format!(
                "Find out the answer to \"{}\" from whoever can say, and record it: until then the {n} \
                 question{} that depend{} on it can't be asked, and count as their worst answers would.",
                question.text,
                if n == 1 { "" } else { "s" },
                if n == 1 { "s" } else { "" }
            ),
            because: if self.dont_know { "Don't know" } else { "Unanswered" }.to_string(),
        }
    }
}
