//! The action plan: each raised action as a step with its priority, the
//! red flags that come with them, and the order a plan is read in.

use super::answer::{Because, Raised};
use super::round1;
use crate::core::assessment::{ActionItem, RedFlag};
use crate::core::questionnaire::{Area, Question};

/// The step of the plan `raised` calls for. `answer_text` is the answer in
/// words.
pub(super) fn action(area: &Area, question: &Question, raised: &Raised<'_>, answer_text: &str) -> ActionItem {
    ActionItem {
        phase: raised.phase,
        priority: priority(area, question, raised),
        area: area.id.clone(),
        question: question.id.clone(),
        recommendation: raised.recommendation.to_string(),
        because: match raised.because {
            Because::Answer => answer_text.to_string(),
            Because::Label(label) => label.to_string(),
            Because::Missing(label) => format!("Not in place: {label}"),
        },
    }
}

/// Area weight × question weight × severity: how urgent an action is
/// within its phase.
fn priority(area: &Area, question: &Question, raised: &Raised<'_>) -> f64 {
    round1(area.weight * question.weight * raised.factor)
}

/// The red flag `raised` carries, if any.
pub(super) fn red_flag(area: &Area, question: &Question, raised: &Raised<'_>, answer_text: &str) -> Option<RedFlag> {
    raised.flag.map(|severity| RedFlag {
        severity,
        area: area.id.clone(),
        question: question.id.clone(),
        question_text: question.text.clone(),
        answer: answer_text.to_string(),
        recommendation: raised.recommendation.to_string(),
    })
}

/// The actions in plan order: by phase, then highest priority first,
/// otherwise in the order they were raised (the sort is stable).
pub(super) fn in_plan_order(mut actions: Vec<ActionItem>) -> Vec<ActionItem> {
    actions.sort_by(|a, b| a.phase.cmp(&b.phase).then(b.priority.total_cmp(&a.priority)));
    actions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::questionnaire::Phase;

    fn action(question: &str, phase: Phase, priority: f64) -> ActionItem {
        ActionItem {
            phase,
            priority,
            area: "a".into(),
            question: question.into(),
            recommendation: String::new(),
            because: String::new(),
        }
    }

    #[test]
    fn plan_orders_by_phase_then_priority_then_as_raised() {
        let raised = vec![
            action("late", Phase::Production, 9.0),
            action("low", Phase::BeforeSigning, 1.0),
            action("high", Phase::BeforeSigning, 8.0),
            action("setup", Phase::Setup, 2.0),
            action("tie-first", Phase::BeforeSigning, 4.0),
            action("tie-second", Phase::BeforeSigning, 4.0),
        ];
        let order: Vec<String> = in_plan_order(raised).into_iter().map(|a| a.question).collect();
        assert_eq!(order, ["high", "tie-first", "tie-second", "low", "setup", "late"]);
    }
}
