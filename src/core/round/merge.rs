//! The respondents' red flags and actions, merged: each once (by question
//! and recommendation), with who raised it; an action at the highest
//! priority any respondent's answers gave it. What an unknown answer raised
//! stands only where nobody answered for real (see `known`).

use super::Person;
use super::known::stands;
use super::model::{FlagKind, RoundAction, RoundFlag, SaidBy};
use crate::core::assessment::{PriorityLevel, Unknown};
use crate::core::questionnaire::Questionnaire;

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

/// Every action that stands, once each, at the highest priority given;
/// the order is set afterwards.
pub(super) fn actions(people: &[Person<'_>], unknowns: &[Unknown]) -> Vec<RoundAction> {
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
