//! What the round knows. A question is one of the round's unknowns only
//! when nobody who was shown it gave a real answer: then the "don't know"
//! (or the silence) is the finding, and the flags and actions it raised
//! stand. Where others did answer, a respondent's "don't know" raises
//! nothing in the round (the real answers decide) and is noted instead:
//! who did not know.

use super::Person;
use super::model::{KnownToSome, RoundQuestion, SaidBy};
use super::questions::{is_unknown, unknown_status};
use crate::core::assessment::{QuestionStatus, Unknown, UnknownReason};

/// The questions nobody answered for real that a respondent lists as an
/// unknown (every shown scored question, and a context question whose
/// follow-ups wait on it), as [`unknown_status`] says.
pub(super) fn unknowns(questions: &[RoundQuestion], people: &[Person<'_>]) -> Vec<Unknown> {
    questions
        .iter()
        .filter(|x| !x.answers.is_empty() && x.answers.iter().all(|a| is_unknown(a.status)))
        .filter(|x| people.iter().any(|p| lists_unknown(p, &x.id)))
        .map(|x| {
            let reason = match unknown_status(x) {
                QuestionStatus::DontKnow => UnknownReason::DontKnow,
                QuestionStatus::Waiting => UnknownReason::Waiting,
                _ => UnknownReason::Unanswered,
            };
            let waits_on = (reason == UnknownReason::Waiting)
                .then(|| people.iter().flat_map(|p| &p.assessment.unknowns).find(|u| u.question == x.id))
                .flatten()
                .and_then(|u| u.waits_on.clone());
            Unknown { area: x.area.clone(), question: x.id.clone(), text: x.text.clone(), reason, waits_on }
        })
        .collect()
}

/// The questions some respondents answered for real and others could not,
/// with who could not.
pub(super) fn known_to_some(questions: &[RoundQuestion], people: &[Person<'_>]) -> Vec<KnownToSome> {
    questions
        .iter()
        .filter(|x| x.answers.iter().any(|a| a.status == QuestionStatus::Answered))
        .filter_map(|x| {
            let not_known_by: Vec<SaidBy> = people
                .iter()
                .filter(|p| lists_unknown(p, &x.id))
                .filter_map(|p| {
                    let given = x.answers.iter().find(|a| a.respondent == p.name)?;
                    Some(SaidBy { respondent: p.name.clone(), group: p.group, answer: given.answer.clone() })
                })
                .collect();
            (!not_known_by.is_empty()).then(|| KnownToSome {
                area: x.area.clone(),
                question: x.id.clone(),
                text: x.text.clone(),
                not_known_by,
            })
        })
        .collect()
}

/// Whether what `person`'s answer to `question` raised stands in the
/// round: a real answer always does; an unknown one only when the
/// question is one of the round's `unknowns`.
pub(super) fn stands(person: &Person<'_>, question: &str, unknowns: &[Unknown]) -> bool {
    !lists_unknown(person, question) || unknowns.iter().any(|u| u.question == question)
}

/// Whether `person`'s assessment lists `question` as an unknown.
fn lists_unknown(person: &Person<'_>, question: &str) -> bool {
    person.assessment.unknowns.iter().any(|u| u.question == question)
}
