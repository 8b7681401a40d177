//! Disagreement as risk. When the stakeholder groups' mean scores on a
//! scored question differ by at least `disagreement_at` points, the groups
//! do not share one picture of the project: IT, management, users and
//! owners out of line is how CRM projects fail. The round carries a major
//! red flag saying who said what, and an action due in the first phase to
//! bring the two groups furthest apart together.

use super::merge::distinct;
use super::model::{
    FlagKind, GivenAnswer, GroupView, RoundAction, RoundFlag, RoundQuestion, SaidBy, group_name, group_word,
};
use crate::core::answers::Group;
use crate::core::assessment::{PriorityLevel, QuestionStatus};
use crate::core::questionnaire::{Questionnaire, Severity};
use crate::core::scoring::{Weights, action_priority};

/// The flags and actions disagreements raise.
#[derive(Debug, Default)]
pub(super) struct Disagreements {
    pub flags: Vec<RoundFlag>,
    pub actions: Vec<RoundAction>,
}

/// The disagreements among `questions`, in questionnaire order.
pub(super) fn find(q: &Questionnaire, questions: &[RoundQuestion]) -> Disagreements {
    let weights = Weights::of(q);
    let first_phase = q.phases.first().map_or("before-signing", |p| p.id.as_str());
    let mut found = Disagreements::default();
    for rq in questions.iter().filter(|x| x.scored) {
        let Some((high, low)) = furthest_apart(&rq.groups) else { continue };
        let spread = high.score.unwrap_or(0.0) - low.score.unwrap_or(0.0);
        if spread < q.scoring.disagreement_at {
            continue;
        }
        let sides = [high.group.as_str(), low.group.as_str()];
        let raised_by: Vec<SaidBy> = real_answers(rq)
            .filter(|a| sides.contains(&group_name(a.group)))
            .map(|a| SaidBy { respondent: a.respondent.clone(), group: a.group, answer: a.answer.clone() })
            .collect();
        let recommendation = recommendation(&rq.text, high, low);
        let factor = match (q.question(&rq.id), q.areas.iter().find(|a| a.id == rq.area)) {
            (Some(question), Some(area)) => weights.factor(area, question),
            _ => 1.0,
        };
        let priority = action_priority(Some(Severity::Major), spread / 100.0, factor);
        found.actions.push(RoundAction {
            phase: first_phase.to_string(),
            priority,
            priority_level: PriorityLevel::of(priority),
            area: rq.area.clone(),
            question: rq.id.clone(),
            recommendation: recommendation.clone(),
            raised_by: raised_by.clone(),
        });
        found.flags.push(RoundFlag {
            kind: FlagKind::Disagreement,
            severity: Severity::Major,
            area: rq.area.clone(),
            question: rq.id.clone(),
            question_text: rq.text.clone(),
            answer: format!("{}; {}", said(rq, high), said(rq, low)),
            recommendation,
            raised_by,
        });
    }
    found
}

/// What a disagreement flag found, for the verdict's reason:
/// `Groups disagree on "…": management: "…"; users: "…"`.
pub(super) fn finding(flag: &RoundFlag) -> String {
    format!("Groups disagree on \"{}\": {}", flag.question_text, flag.answer)
}

/// The group with the highest mean score and the one with the lowest
/// (the first of equals); `None` unless two groups have a score.
fn furthest_apart(groups: &[GroupView]) -> Option<(&GroupView, &GroupView)> {
    let scored: Vec<(&GroupView, f64)> = groups.iter().filter_map(|g| Some((g, g.score?))).collect();
    if scored.len() < 2 {
        return None;
    }
    let mut high = scored[0];
    let mut low = scored[0];
    for &(g, s) in &scored[1..] {
        if s > high.1 {
            high = (g, s);
        }
        if s < low.1 {
            low = (g, s);
        }
    }
    Some((high.0, low.0))
}

/// `management: "Use is required and checked"`: a group and its real
/// answers.
fn said(rq: &RoundQuestion, group: &GroupView) -> String {
    let theirs = real_answers(rq).filter(|a| group_name(a.group) == group.group).map(|a| a.answer.as_str());
    let quoted: Vec<String> = distinct(theirs).iter().map(|a| format!("\"{a}\"")).collect();
    format!("{}: {}", group_word(Group::from_name(&group.group)), quoted.join(", "))
}

/// The answers to `rq` that are real answers (not "don't know" or unanswered).
fn real_answers(rq: &RoundQuestion) -> impl Iterator<Item = &GivenAnswer> {
    rq.answers.iter().filter(|a| a.status == QuestionStatus::Answered)
}

/// One concrete next step per disagreement, naming the two groups.
fn recommendation(question_text: &str, high: &GroupView, low: &GroupView) -> String {
    format!(
        "Bring {} and {} together before going further to agree on one answer to \"{question_text}\": \
         hear why each answered as it did, check the facts on paper (the quote, the contract, what was \
         decided and by whom), write down the agreed answer and who will see it through, then ask the \
         question again.",
        in_words(&high.group),
        in_words(&low.group)
    )
}

/// A group as a sentence names it.
fn in_words(group: &str) -> &str {
    match Group::from_name(group) {
        None => "the respondents without a group",
        some => group_word(some),
    }
}
