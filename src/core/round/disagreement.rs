//! Disagreement as risk. When the stakeholder groups' mean scores on a
//! scored question differ by at least `disagreement_at` points, the groups
//! do not share one picture of the project: IT, management, users and
//! owners out of line is how CRM projects fail. The round carries a major
//! red flag naming every group on each side and who in it said what, and
//! an action due in the first phase to bring them together.

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
        let Some(sides) = Sides::of(&rq.groups) else { continue };
        if sides.spread < q.scoring.disagreement_at {
            continue;
        }
        let raised_by: Vec<SaidBy> = real_answers(rq)
            .filter(|a| sides.involves(group_name(a.group)))
            .map(|a| SaidBy { respondent: a.respondent.clone(), group: a.group, answer: a.answer.clone() })
            .collect();
        let recommendation = recommendation(rq, &sides);
        let factor = match (q.question(&rq.id), q.areas.iter().find(|a| a.id == rq.area)) {
            (Some(question), Some(area)) => weights.factor(area, question),
            _ => 1.0,
        };
        let priority = action_priority(Some(Severity::Major), sides.spread / 100.0, factor);
        found.actions.push(RoundAction {
            phase: first_phase.to_string(),
            priority,
            priority_level: PriorityLevel::of(priority),
            area: rq.area.clone(),
            question: rq.id.clone(),
            recommendation: recommendation.clone(),
            raised_by: raised_by.clone(),
            other_recommendations: Vec::new(),
        });
        found.flags.push(RoundFlag {
            kind: FlagKind::Disagreement,
            severity: Severity::Major,
            area: rq.area.clone(),
            question: rq.id.clone(),
            question_text: rq.text.clone(),
            answer: format!("{} versus {}", said(rq, &sides, true), said(rq, &sides, false)),
            recommendation,
            raised_by,
        });
    }
    found
}

/// What a disagreement flag found, for the verdict's reason:
/// `Groups disagree on "…": management (Ann Lee): "…" versus users (Bo Ek): "…"`.
pub(super) fn finding(flag: &RoundFlag) -> String {
    format!("Groups disagree on \"{}\": {}", flag.question_text, flag.answer)
}

/// The two sides of a question: the group with the highest mean score
/// and every group nearer to it than to the lowest, against the lowest
/// and every group nearer to it (or halfway).
struct Sides<'g> {
    high: Vec<&'g GroupView>,
    low: Vec<&'g GroupView>,
    /// The highest group's mean score, and the lowest's.
    top: f64,
    bottom: f64,
    /// The highest group's mean score less the lowest's.
    spread: f64,
}

impl<'g> Sides<'g> {
    /// `None` unless two groups have a score.
    fn of(groups: &'g [GroupView]) -> Option<Self> {
        let scored: Vec<(&GroupView, f64)> = groups.iter().filter_map(|g| Some((g, g.score?))).collect();
        if scored.len() < 2 {
            return None;
        }
        let high = scored.iter().map(|&(_, s)| s).fold(f64::MIN, f64::max);
        let low = scored.iter().map(|&(_, s)| s).fold(f64::MAX, f64::min);
        let (near_high, near_low): (Vec<_>, Vec<_>) = scored.iter().partition(|&&(_, s)| high - s < s - low);
        Some(Sides {
            high: near_high.into_iter().map(|&(g, _)| g).collect(),
            low: near_low.into_iter().map(|&(g, _)| g).collect(),
            top: high,
            bottom: low,
            spread: high - low,
        })
    }

    /// Whether the group named `group` is on either side.
    fn involves(&self, group: &str) -> bool {
        self.high.iter().chain(&self.low).any(|g| g.group == group)
    }
}

/// The real answers on one side (`high`, or the low one), each once after
/// who gave it: `IT (Ravi Menon), owners (Margaret Ellison): "Yes"`. A
/// respondent stands where their own answer does, whatever their group's
/// mean: a split group has people on both sides.
fn said(rq: &RoundQuestion, sides: &Sides<'_>, high: bool) -> String {
    let nearer_top = |s: f64| sides.top - s < s - sides.bottom;
    let theirs: Vec<&GivenAnswer> = real_answers(rq)
        .filter(|a| sides.involves(group_name(a.group)) && a.score.is_some_and(|s| nearer_top(s) == high))
        .collect();
    distinct(theirs.iter().map(|a| a.answer.as_str()))
        .iter()
        .map(|answer| {
            let gave: Vec<&GivenAnswer> = theirs.iter().copied().filter(|a| a.answer == *answer).collect();
            format!("{}: \"{answer}\"", people(&gave))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// `IT (Ravi Menon), users (Owen Price, Ann Bell)`: who, by group, in the
/// order the groups are listed.
fn people(gave: &[&GivenAnswer]) -> String {
    let all = Group::ALL.map(Some).into_iter().chain([None]);
    all.filter_map(|group| {
        let names: Vec<&str> = gave.iter().filter(|a| a.group == group).map(|a| a.respondent.as_str()).collect();
        (!names.is_empty()).then(|| format!("{} ({})", group_word(group), names.join(", ")))
    })
    .collect::<Vec<_>>()
    .join(", ")
}

/// The answers to `rq` that are real answers (not "don't know" or unanswered).
fn real_answers(rq: &RoundQuestion) -> impl Iterator<Item = &GivenAnswer> {
    rq.answers.iter().filter(|a| a.status == QuestionStatus::Answered)
}

/// One concrete next step per disagreement, naming every group involved.
fn recommendation(rq: &RoundQuestion, sides: &Sides<'_>) -> String {
    let question_text = &rq.text;
    // In the order the round lists its groups.
    let names: Vec<&str> = rq.groups.iter().filter(|g| sides.involves(&g.group)).map(|g| in_words(&g.group)).collect();
    format!(
        "Bring {} together before going further to agree on one answer to \"{question_text}\": \
         hear why each answered as it did, check the facts on paper (the quote, the contract, what was \
         decided and by whom), write down the agreed answer and who will see it through, then ask the \
         question again.",
        and_list(&names)
    )
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(parts: &[&str]) -> String {
    match parts {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A group as a sentence names it.
fn in_words(group: &str) -> &str {
    match Group::from_name(group) {
        None => "the respondents without a group",
        some => group_word(some),
    }
}
