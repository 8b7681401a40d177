//! The action plan: each raised action as a step with its priority, the
//! red flags that come with them, and the order a plan is read in.
//!
//! Priority, 0–100: 100 × how far the answer falls short (0–1) × how
//! severe its red flag is (critical 1, major 0.75, none 0.5) × how much
//! its question and area weigh against the others (the square root of
//! area weight ÷ mean area weight × question weight ÷ mean question
//! weight in its area, kept within 0.5–2). A critical red flag's action is
//! at least 50 (high), a major one's and one due in the first phase at
//! least 20 (medium); nothing goes above 100. In words: high from 50,
//! medium from 20, low below.

use super::answer::{Because, Raised};
use super::round1;
use crate::core::assessment::{ActionItem, PriorityLevel, RedFlag};
use crate::core::questionnaire::{Area, Question, Questionnaire, Severity};

/// The lowest priority of an action that comes with a red flag.
pub(super) const FLOOR_CRITICAL: f64 = PriorityLevel::HIGH_FROM;
pub(super) const FLOOR_MAJOR: f64 = PriorityLevel::MEDIUM_FROM;
/// The lowest priority of an action due in the first phase.
pub(super) const FLOOR_DUE_FIRST: f64 = PriorityLevel::MEDIUM_FROM;

/// How much each area and each question weighs against the others: the
/// mean weights priorities are measured against.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    mean_area: f64,
    /// By area: the mean weight of its questions.
    mean_question: Vec<f64>,
}

impl Weights {
    pub fn of(q: &Questionnaire) -> Weights {
        let mean = |ws: &mut dyn Iterator<Item = f64>| {
            let (sum, n) = ws.fold((0.0, 0), |(s, n), w| (s + w, n + 1));
            if n == 0 { 1.0 } else { sum / f64::from(n) }
        };
        Weights {
            mean_area: mean(&mut q.areas.iter().map(|a| a.weight)),
            mean_question: (0..q.areas.len())
                .map(|a| mean(&mut q.area_questions(a).iter().map(|x| x.weight)))
                .collect(),
        }
    }

    /// How much an action on `question` in `area` weighs, 0.5 to 2.
    pub fn factor(&self, area: &Area, question: &Question) -> f64 {
        let mean_question = self.mean_question.get(question.area).copied().unwrap_or(1.0);
        ((area.weight / self.mean_area) * (question.weight / mean_question)).sqrt().clamp(0.5, 2.0)
    }
}

/// The step of the plan `raised` calls for. `answer_text` is the answer in
/// words.
pub(super) fn action(
    area: &Area,
    question: &Question,
    raised: &Raised<'_>,
    answer_text: &str,
    weights: &Weights,
) -> ActionItem {
    let priority = action_priority(raised.flag, raised.shortfall, weights.factor(area, question));
    ActionItem {
        phase: raised.phase.to_string(),
        priority,
        priority_level: PriorityLevel::of(priority),
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

/// The priority of an action (see the module's documentation): `shortfall`
/// is how far the answer falls short (0–1), `weight` its
/// [`Weights::factor`].
pub fn action_priority(flag: Option<Severity>, shortfall: f64, weight: f64) -> f64 {
    let (severity, floor) = match flag {
        Some(Severity::Critical) => (1.0, FLOOR_CRITICAL),
        Some(Severity::Major) => (0.75, FLOOR_MAJOR),
        None => (0.5, 0.0),
    };
    round1((100.0 * shortfall * severity * weight).clamp(floor, 100.0))
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

/// The actions in plan order: by phase (most urgent first), then highest
/// priority first, otherwise in the order they were raised (the sort is
/// stable). An action due in the first phase is at least medium: it holds
/// the verdict back until it is done.
pub(super) fn in_plan_order(q: &Questionnaire, mut actions: Vec<ActionItem>) -> Vec<ActionItem> {
    if let Some(first) = q.phases.first() {
        for a in actions.iter_mut().filter(|a| a.phase == first.id && a.priority < FLOOR_DUE_FIRST) {
            a.priority = FLOOR_DUE_FIRST;
            a.priority_level = PriorityLevel::of(a.priority);
        }
    }
    sort_in_plan_order(q, &mut actions, |a| (&a.phase, a.priority));
    actions
}

/// Sorts any steps of a plan into plan order; `phase_and_priority` says
/// when each is due and how urgent it is.
pub fn sort_in_plan_order<T>(q: &Questionnaire, items: &mut [T], phase_and_priority: impl Fn(&T) -> (&str, f64)) {
    items.sort_by(|a, b| {
        let ((phase_a, priority_a), (phase_b, priority_b)) = (phase_and_priority(a), phase_and_priority(b));
        q.phase_rank(phase_a).cmp(&q.phase_rank(phase_b)).then(priority_b.total_cmp(&priority_a))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn priority(raised: &Raised<'_>, weight: f64) -> f64 {
        action_priority(raised.flag, raised.shortfall, weight)
    }

    fn raised(flag: Option<Severity>, shortfall: f64) -> Raised<'static> {
        Raised { recommendation: "r", phase: "before-signing", flag, shortfall, because: Because::Answer }
    }

    #[test]
    fn priority_grows_with_shortfall_severity_and_weight() {
        assert_eq!(priority(&raised(None, 0.5), 1.0), 25.0);
        assert_eq!(priority(&raised(Some(Severity::Major), 0.5), 1.0), 37.5);
        assert_eq!(priority(&raised(Some(Severity::Critical), 0.5), 1.0), 50.0);
        assert_eq!(priority(&raised(None, 0.5), 2.0), 50.0);
        assert_eq!(priority(&raised(Some(Severity::Critical), 1.0), 2.0), 100.0, "never above 100");
    }

    #[test]
    fn red_flags_set_a_floor() {
        assert_eq!(priority(&raised(Some(Severity::Critical), 0.1), 0.5), 50.0);
        assert_eq!(priority(&raised(Some(Severity::Major), 0.1), 0.5), 20.0);
        assert_eq!(priority(&raised(None, 0.1), 0.5), 2.5);
        assert_eq!(PriorityLevel::of(50.0), PriorityLevel::High);
        assert_eq!(PriorityLevel::of(20.0), PriorityLevel::Medium);
        assert_eq!(PriorityLevel::of(19.9), PriorityLevel::Low);
    }
}
