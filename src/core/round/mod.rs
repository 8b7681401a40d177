//! A round: the assessments of one organisation's stakeholders, with one
//! label and one questionnaire, read together. Pure: assessments and the
//! questionnaire in, one [`Round`] out.
//!
//! The round's score is the mean of its respondents' scores (so it lies
//! within their range), each area's the mean of the respondents who have a
//! score there. A red flag anyone raised stands in the round, with who
//! raised it; groups that disagree strongly on a question raise one more
//! (see `disagreement`). The verdict then follows the same rules as a
//! single assessment's (`scoring::decide`), on the round's evidence.

mod agreement;
mod areas;
mod disagreement;
mod known;
mod merge;
mod model;
mod questions;
mod refusals;
pub mod select;
mod spread;
mod view;

#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::collections::HashMap;

pub use agreement::agreement;
pub use model::*;
pub use select::{Found, RoundError, rounds};
pub use spread::{AreaSpread, GroupScore};

use crate::core::answers::Group;
use crate::core::assessment::{Assessment, QuestionResult, QuestionnaireRef, Unknown};
use crate::core::questionnaire::Questionnaire;
use crate::core::scoring::{CheckEvidence, Evidence, FlagEvidence, QuestionEvidence, decide, due_first, round1};

/// One respondent's assessment, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Member<'a> {
    /// The stored assessment's id.
    pub id: Option<String>,
    /// Borrowed from the store's listing, or owned where it was made.
    pub assessment: Cow<'a, Assessment>,
}

/// A respondent while the round is read: their name in the round, and
/// their results by question id.
struct Person<'m> {
    name: String,
    group: Option<Group>,
    assessment: &'m Assessment,
    results: HashMap<&'m str, &'m QuestionResult>,
}

impl Person<'_> {
    fn result(&self, question: &str) -> Option<&QuestionResult> {
        self.results.get(question).copied()
    }
}

/// Reads `members` (assessments of `q` by one organisation under `label`)
/// together. The respondents are taken in the order they were assessed
/// (those assessed at the same moment in the order given).
pub fn build(q: &Questionnaire, organization: &str, label: &str, mut members: Vec<Member<'_>>) -> Round {
    members.sort_by_key(|m| m.assessment.assessed_at);
    let respondents = respondents(&members);
    let people: Vec<Person<'_>> = members
        .iter()
        .zip(&respondents)
        .map(|(m, r)| Person {
            name: r.name.clone(),
            group: r.group,
            assessment: &m.assessment,
            results: m.assessment.questions.iter().map(|x| (x.id.as_str(), x)).collect(),
        })
        .collect();
    let questions = questions::read(q, &people);
    let unknowns = known::unknowns(&questions, &people);
    let known_to_some = known::known_to_some(&questions, &people);
    let found = disagreement::find(q, &questions);
    let flags = merge::in_questionnaire_order(q, [merge::flags(&people, &unknowns), found.flags].concat());
    let actions = merge::actions(q, &people, &unknowns, found.actions);
    let areas = areas::read(q, &people, &questions, &flags);

    let scores: Vec<f64> = respondents.iter().map(|r| r.score).collect();
    let overall = mean(&scores).unwrap_or(0.0);
    let mut evidence = evidence(q, overall, &areas, &questions, &flags, &actions, &unknowns);
    evidence.answers_to_check = answers_to_check(&people);
    let decision = decide(&q.scoring, &evidence);
    let mut red_flags = flags;
    red_flags.sort_by_key(|f| std::cmp::Reverse(f.severity));

    Round {
        schema_version: ROUND_SCHEMA_VERSION,
        tool_version: crate::VERSION.to_string(),
        organization: organization.to_string(),
        label: label.to_string(),
        questionnaire: members.first().map_or_else(|| QuestionnaireRef::of(q), |m| m.assessment.questionnaire.clone()),
        assessed_at: members.iter().map(|m| m.assessment.assessed_at).max().unwrap_or_default(),
        verdict: decision.verdict,
        score: round1(overall),
        lowest_score: scores.iter().copied().reduce(f64::min).unwrap_or(0.0),
        highest_score: scores.iter().copied().reduce(f64::max).unwrap_or(0.0),
        capped: decision.capped,
        reasons: decision.reasons,
        respondents,
        areas,
        questions,
        red_flags,
        known_to_some,
        unknowns,
        phases: q.phases.clone(),
        verdicts: q.verdicts.clone(),
        actions,
    }
}

/// What the round found, as the verdict's rules read it.
fn evidence(
    q: &Questionnaire,
    overall: f64,
    areas: &[RoundArea],
    questions: &[RoundQuestion],
    flags: &[RoundFlag],
    actions: &[RoundAction],
    unknowns: &[Unknown],
) -> Evidence {
    let first_phase = q.phases.first().map_or("before-signing", |p| p.id.as_str());
    let flag_due_first = |f: &RoundFlag| {
        actions
            .iter()
            .filter(|a| a.question == f.question)
            .flat_map(RoundAction::recommendations)
            .any(|(phase, recommendation)| recommendation == f.recommendation && phase == first_phase)
    };
    Evidence {
        overall,
        areas: areas::evidence(areas),
        questions: questions
            .iter()
            .map(|x| QuestionEvidence { id: x.id.clone(), area: x.area.clone(), score: x.score, weight: x.weight })
            .collect(),
        flags: one_per_question(flags, flag_due_first),
        shown: questions.iter().filter(|x| x.scored && x.answers.iter().any(|a| a.score.is_some())).count(),
        // The share of unknowns is over scored questions: a context
        // question is listed, not counted.
        unknowns: unknowns
            .iter()
            .filter(|u| questions.iter().any(|x| x.id == u.question && x.scored))
            .map(|u| u.question.clone())
            .collect(),
        first_phase: q.phases.first().map_or_else(|| "Before signing".to_string(), |p| p.title.clone()),
        due_first: due_first(actions.iter().map(|a| (a.question.as_str(), a.phase.as_str())), first_phase),
        answers_to_check: Vec::new(),
    }
}

/// Each respondent's answers that contradict each other, naming who gave
/// them: a contradiction is one person's, so it is checked with them.
fn answers_to_check(people: &[Person<'_>]) -> Vec<CheckEvidence> {
    people
        .iter()
        .flat_map(|p| {
            p.assessment
                .answers_to_check
                .iter()
                .map(|a| CheckEvidence { questions: a.questions.clone(), respondent: Some(p.name.clone()) })
        })
        .collect()
}

/// The red flags as the verdict reads them: one per question (so one
/// reason each), at the worst severity raised there, due first when any
/// of its actions is, naming every answer flagged and whether the groups
/// disagree.
fn one_per_question(flags: &[RoundFlag], due_first: impl Fn(&RoundFlag) -> bool) -> Vec<FlagEvidence> {
    let mut merged: Vec<FlagEvidence> = Vec::new();
    for (i, f) in flags.iter().enumerate() {
        if merged.iter().any(|m| m.question == f.question) {
            continue;
        }
        let theirs: Vec<&RoundFlag> = flags[i..].iter().filter(|g| g.question == f.question).collect();
        let said: Vec<&SaidBy> =
            theirs.iter().filter(|g| g.kind == FlagKind::Answer).flat_map(|g| &g.raised_by).collect();
        let disagreement = theirs.iter().find(|g| g.kind == FlagKind::Disagreement);
        let finding = match (said.is_empty(), disagreement) {
            (true, Some(d)) => disagreement::finding(d),
            (false, Some(_)) => format!("{}, and the groups disagree", answered_by(&f.question_text, &said)),
            _ => answered_by(&f.question_text, &said),
        };
        merged.push(FlagEvidence {
            severity: theirs.iter().map(|g| g.severity).max().unwrap_or(f.severity),
            area: f.area.clone(),
            question: f.question.clone(),
            finding,
            urgent: theirs.iter().any(|g| due_first(g)),
        });
    }
    merged
}

/// `"Who owns it?" answered "Nobody yet" (Lee Carter, Tom Reid); "The MD"
/// (Ann Bell)`: each flagged answer once, with who gave it.
fn answered_by(question_text: &str, said: &[&SaidBy]) -> String {
    let mut answers: Vec<(&str, Vec<&str>)> = Vec::new();
    for s in said {
        match answers.iter_mut().find(|(a, _)| *a == s.answer) {
            Some((_, who)) if !who.contains(&s.respondent.as_str()) => who.push(&s.respondent),
            Some(_) => {}
            None => answers.push((&s.answer, vec![&s.respondent])),
        }
    }
    let parts: Vec<String> = answers.iter().map(|(a, who)| format!("\"{a}\" ({})", who.join(", "))).collect();
    format!("\"{question_text}\" answered {}", parts.join("; "))
}

/// The respondents, named: an unnamed one as `Respondent N`.
fn respondents(members: &[Member<'_>]) -> Vec<Respondent> {
    members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let a = &m.assessment;
            let given = a.respondent.as_deref().map(str::trim).filter(|n| !n.is_empty());
            Respondent {
                name: given.map_or_else(|| format!("Respondent {}", i + 1), str::to_string),
                id: m.id.clone(),
                role: a.role.clone(),
                group: a.group,
                assessed_at: a.assessed_at,
                verdict: a.verdict,
                score: a.score,
            }
        })
        .collect()
}

/// The mean of `values`; `None` when there are none.
fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// Rounds an agreement to the two decimals reports show.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0 + 0.0
}
