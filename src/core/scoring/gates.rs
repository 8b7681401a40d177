//! Gates left open. A question that conditions name decides which
//! follow-ups apply; without a real answer it decides nothing, and its
//! follow-ups are pending (see `conditions`): each counts as unanswered,
//! with its own unknown flag and action. A context-only gate (not scored)
//! is then listed as an unknown too, with one action to find out its
//! answer, due first and as urgent as the most urgent action its
//! follow-ups raise (ahead of them on a tie): "you don't know how many
//! suppliers there will be: find out before signing, and until then assume
//! the worst".

use super::plan::{Weights, action_priority};
use crate::core::assessment::{ActionItem, PriorityLevel, QuestionStatus};
use crate::core::conditions::Visibility;
use crate::core::questionnaire::{Area, Question, Questionnaire};

/// A context-only question without a real answer that leaves scored
/// follow-ups pending.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct OpenGate {
    /// Answered "don't know" (else not at all).
    pub dont_know: bool,
    /// How many scored follow-ups wait on it.
    pub pending: usize,
    /// The priority of the most urgent action those follow-ups raise
    /// while they wait.
    pub priority: f64,
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
        let question = q.questions.get(at)?;
        let open = matches!(status, QuestionStatus::Unanswered | QuestionStatus::DontKnow);
        if question.is_scored() || !open || visibility.get(at) != Some(&Visibility::Shown) {
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
                 question{} that depend{} on it count as unknown, with the red flags that go with not knowing.",
                question.text,
                if n == 1 { "" } else { "s" },
                if n == 1 { "s" } else { "" }
            ),
            because: if self.dont_know { "Don't know" } else { "Unanswered" }.to_string(),
        }
    }
}

/// What a pending question's answer reads as, in the red flags and the
/// plan: unanswered, because the gate (the question with text `gate`) is.
/// No quotes: it is quoted itself where it is shown.
pub(super) fn pending_text(gate: &str) -> String {
    format!("Unanswered (it depends on: {gate})")
}
