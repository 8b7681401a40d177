//! The action plan as every renderer shows it: by phase, most urgent first,
//! each action with the question it answers and its priority in words.

use serde::Serialize;

use crate::core::assessment::{ActionItem, Assessment, PriorityLevel, QuestionTexts};

/// One action, ready to show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionView<'a> {
    /// Its place in its phase, from 1.
    pub number: usize,
    pub recommendation: &'a str,
    /// The text of the question whose answer calls for it.
    pub question: &'a str,
    /// The answer that calls for it.
    pub answer: &'a str,
    pub priority: PriorityLevel,
    /// The area's title.
    pub area: &'a str,
}

/// The actions due in one phase.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhasePlan<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub actions: Vec<ActionView<'a>>,
}

/// The phases that have actions, in the assessment's order; actions the
/// phases do not list come last under their phase id.
pub fn phase_plans(a: &Assessment) -> Vec<PhasePlan<'_>> {
    let mut ids: Vec<&str> = a.phases.iter().map(|p| p.id.as_str()).collect();
    for item in &a.actions {
        if !ids.contains(&item.phase.as_str()) {
            ids.push(&item.phase);
        }
    }
    let texts = a.question_texts();
    ids.into_iter()
        .filter_map(|id| {
            let items: Vec<&ActionItem> = a.actions.iter().filter(|x| x.phase == id).collect();
            (!items.is_empty()).then(|| PhasePlan {
                id,
                title: a.phase_title(id),
                actions: items.iter().enumerate().map(|(i, item)| action_view(a, &texts, i + 1, item)).collect(),
            })
        })
        .collect()
}

fn action_view<'a>(
    a: &'a Assessment,
    texts: &QuestionTexts<'a>,
    number: usize,
    item: &'a ActionItem,
) -> ActionView<'a> {
    ActionView {
        number,
        recommendation: &item.recommendation,
        question: texts.get(&item.question),
        answer: &item.because,
        priority: item.priority_level,
        area: a.areas.iter().find(|x| x.id == item.area).map_or(item.area.as_str(), |x| x.title.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::history::testing::record;

    #[test]
    fn actions_name_their_question_and_phase() {
        let a = record("Contoso", "2026-04-01T10:00:00Z", 1).assessment;
        let plans = phase_plans(&a);
        let total: usize = plans.iter().map(|p| p.actions.len()).sum();
        assert_eq!(total, a.actions.len());
        for plan in &plans {
            assert_eq!(plan.title, a.phase_title(plan.id));
            for (i, action) in plan.actions.iter().enumerate() {
                assert_eq!(action.number, i + 1);
                assert!(a.questions.iter().any(|q| q.text == action.question), "{action:?}");
            }
        }
    }
}
