//! The respondents' red flags and actions, merged, with who raised them:
//! a red flag once per question and recommendation; an action once per
//! question, at the earliest phase and highest priority any respondent's
//! answers gave it, the other recommendations for it kept under it. What
//! an unknown answer raised stands only where nobody answered for real
//! (see `known`).

use super::Person;
use super::known::stands;
use super::model::{FlagKind, OtherRecommendation, RoundAction, RoundFlag, SaidBy};
use crate::core::assessment::{PriorityLevel, Unknown};
use crate::core::questionnaire::Questionnaire;
use crate::core::scoring::sort_in_plan_order;

/// Every red flag that stands, once each, in the order first raised.
pub(super) fn flags(people: &[Person<'_>], unknowns: &[Unknown]) -> Vec<RoundFlag> {
    let mut merged: Vec<RoundFlag> = Vec::new();
    for p in people {
        for f in p.assessment.red_flags.iter().filter(|f| stands(p, &f.question, unknowns)) {
            let said = SaidBy { respondent: p.name.clone(), group: p.group, answer: f.answer.clone() };
            match merged.iter_mut().find(|m| m.question == f.question && m.recommendation == f.recommendation) {
                Some(m) => {
                    m.severity = m.severity.max(f.severity);
                    m.raised_by.push(said);
                }
                None => merged.push(RoundFlag {
                    kind: FlagKind::Answer,
                    severity: f.severity,
                    area: f.area.clone(),
                    question: f.question.clone(),
                    question_text: f.question_text.clone(),
                    answer: String::new(),
                    recommendation: f.recommendation.clone(),
                    raised_by: vec![said],
                }),
            }
        }
    }
    for m in &mut merged {
        m.answer = distinct(m.raised_by.iter().map(|s| s.answer.as_str())).join("; ");
    }
    merged
}

/// The plan: one step per question. The same recommendation raised by
/// several respondents is one recommendation (at the highest priority and
/// earliest phase given); the recommendations for one question then make
/// one step, led by the most urgent, at the earliest phase and highest
/// priority any of them has, with the others kept under it. It is raised
/// by everyone whose answers call for any of them; a disagreement (one of
/// `disagreements`, one per question) is raised by everyone on either
/// side, who count as raising the step only when no answer calls for it.
/// In plan order.
pub(super) fn actions(
    q: &Questionnaire,
    people: &[Person<'_>],
    unknowns: &[Unknown],
    disagreements: Vec<RoundAction>,
) -> Vec<RoundAction> {
    let answered = same_recommendations(q, people, unknowns);
    let mut recommendations = [answered.clone(), disagreements].concat();
    sort_in_plan_order(q, &mut recommendations, |a| (&a.phase, a.priority));
    let mut steps: Vec<RoundAction> = Vec::new();
    for r in recommendations {
        match steps.iter_mut().find(|s| s.question == r.question) {
            Some(step) => {
                if r.priority > step.priority {
                    step.priority = r.priority;
                    step.priority_level = PriorityLevel::of(r.priority);
                }
                step.other_recommendations.push(OtherRecommendation {
                    phase: r.phase,
                    priority: r.priority,
                    priority_level: r.priority_level,
                    recommendation: r.recommendation,
                    raised_by: r.raised_by,
                });
            }
            None => steps.push(r),
        }
    }
    for step in &mut steps {
        // The lead's first, then the others', in plan order.
        let theirs = step.recommendations().filter_map(|(_, recommendation)| {
            answered.iter().find(|a| a.question == step.question && a.recommendation == recommendation)
        });
        let mut raised_by: Vec<SaidBy> = Vec::new();
        for said in theirs.flat_map(|a| &a.raised_by) {
            if !raised_by.iter().any(|s| s.respondent == said.respondent) {
                raised_by.push(said.clone());
            }
        }
        if !raised_by.is_empty() {
            step.raised_by = raised_by;
        }
    }
    sort_in_plan_order(q, &mut steps, |a| (&a.phase, a.priority));
    steps
}

/// Every action that stands, once per question and recommendation, at the
/// highest priority and earliest phase given.
fn same_recommendations(q: &Questionnaire, people: &[Person<'_>], unknowns: &[Unknown]) -> Vec<RoundAction> {
    let mut merged: Vec<RoundAction> = Vec::new();
    for p in people {
        for a in p.assessment.actions.iter().filter(|a| stands(p, &a.question, unknowns)) {
            let said = SaidBy { respondent: p.name.clone(), group: p.group, answer: a.because.clone() };
            match merged.iter_mut().find(|m| m.question == a.question && m.recommendation == a.recommendation) {
                Some(m) => {
                    if a.priority > m.priority {
                        m.priority = a.priority;
                        m.priority_level = PriorityLevel::of(a.priority);
                    }
                    if q.phase_rank(&a.phase) < q.phase_rank(&m.phase) {
                        m.phase = a.phase.clone();
                    }
                    m.raised_by.push(said);
                }
                None => merged.push(RoundAction {
                    phase: a.phase.clone(),
                    priority: a.priority,
                    priority_level: PriorityLevel::of(a.priority),
                    area: a.area.clone(),
                    question: a.question.clone(),
                    recommendation: a.recommendation.clone(),
                    raised_by: vec![said],
                    other_recommendations: Vec::new(),
                }),
            }
        }
    }
    merged
}

/// `flags` in questionnaire order (the sort is stable: a question's
/// answer flags before its disagreement).
pub(super) fn in_questionnaire_order(q: &Questionnaire, mut flags: Vec<RoundFlag>) -> Vec<RoundFlag> {
    flags.sort_by_key(|f| q.position(&f.question).unwrap_or(usize::MAX));
    flags
}

/// The distinct texts, in the order first seen.
pub(super) fn distinct<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for t in texts {
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}
