//! Renderers for a [`Round`]: a terminal table and Markdown (its JSON is
//! `to_json`, its HTML page `html::round_html`). What they all show is
//! worked out here, once.

mod markdown;
mod table;

pub use markdown::render_round_markdown;
pub use table::render_round_table;

use crate::core::answers::Group;
use crate::core::in_sentence::lower_first;
use crate::core::round::{
    GivenAnswer, OtherRecommendation, Round, RoundAction, RoundQuestion, SaidBy, UNASSIGNED, group_word,
};
use crate::core::scoring::fmt1;

/// Most names listed before a list of people is given as counts per group.
const NAMES_LISTED: usize = 5;

/// A phase with more actions than this says how many, and leads with the
/// [`LEADING_ACTIONS`] of highest priority.
pub(in crate::report) const MANY_ACTIONS: usize = 12;
pub(in crate::report) const LEADING_ACTIONS: usize = 10;

/// One phase of the merged plan: its actions, highest priority first,
/// split into those a long phase leads with and the rest.
pub(in crate::report) struct PhasePlan<'r> {
    pub title: &'r str,
    pub leading: Vec<&'r RoundAction>,
    /// Empty unless the phase holds more than [`MANY_ACTIONS`].
    pub rest: Vec<&'r RoundAction>,
}

impl PhasePlan<'_> {
    pub fn len(&self) -> usize {
        self.leading.len() + self.rest.len()
    }

    /// `27 actions: the 10 of highest priority first, then 17 more`; `None`
    /// for a phase short enough to read whole.
    pub fn many(&self) -> Option<String> {
        (!self.rest.is_empty()).then(|| {
            format!(
                "{} actions: the {} of highest priority first, then {} more",
                self.len(),
                self.leading.len(),
                self.rest.len()
            )
        })
    }
}

/// The merged plan by phase, in the round's phase order (actions in a
/// phase it does not list last, under their phase's id).
pub(in crate::report) fn phase_plans(r: &Round) -> Vec<PhasePlan<'_>> {
    let mut ids: Vec<&str> = r.phases.iter().map(|p| p.id.as_str()).collect();
    for a in &r.actions {
        if !ids.contains(&a.phase.as_str()) {
            ids.push(&a.phase);
        }
    }
    ids.into_iter()
        .filter_map(|id| {
            let mut leading: Vec<&RoundAction> = r.actions.iter().filter(|a| a.phase == id).collect();
            let rest = if leading.len() > MANY_ACTIONS { leading.split_off(LEADING_ACTIONS) } else { Vec::new() };
            (!leading.is_empty()).then(|| PhasePlan { title: r.phase_title(id), leading, rest })
        })
        .collect()
}

/// Another answer's recommendation for the same question, as detail:
/// `Ask each team lead to brief their team (medium priority, during
/// set-up; raised by Lee Carter (users))`.
pub(in crate::report) fn other_line(r: &Round, o: &OtherRecommendation) -> String {
    format!(
        "{} ({} priority, {}; raised by {})",
        o.recommendation,
        o.priority_level.name(),
        lower_first(r.phase_title(&o.phase)),
        raised_by(&o.raised_by)
    )
}

/// `Round 2026-Q4 — Wide World Importers`.
pub(in crate::report) fn title(r: &Round) -> String {
    format!("Round {} — {}", r.label, r.organization)
}

/// The respondents in a line: `4 respondents (management 1, IT 1, users 2)`.
pub(in crate::report) fn respondents_line(r: &Round) -> String {
    let n = r.respondents.len();
    let groups: Vec<String> = r.group_counts().iter().map(|(g, n)| format!("{} {n}", group_title(g))).collect();
    format!("{n} respondent{} ({})", if n == 1 { "" } else { "s" }, groups.join(", "))
}

/// When the round was held: `2026-11-03 to 2026-11-12`, or one date.
pub(in crate::report) fn dates(r: &Round) -> String {
    let first = r.respondents.iter().map(|x| x.assessed_at).min().unwrap_or(r.assessed_at);
    let (from, to) = (first.strftime("%Y-%m-%d").to_string(), r.assessed_at.strftime("%Y-%m-%d").to_string());
    if from == to { from } else { format!("{from} to {to}") }
}

/// The score with the respondents' range: `52.3 / 100 (respondents 41.2 to 68)`.
fn score_line(r: &Round) -> String {
    if r.respondents.len() < 2 {
        return format!("{} / 100", fmt1(r.score));
    }
    format!("{} / 100 (respondents {} to {})", fmt1(r.score), fmt1(r.lowest_score), fmt1(r.highest_score))
}

/// A group as a heading names it; `unassigned` for none.
fn group_title(name: &str) -> &str {
    Group::from_name(name).map_or(UNASSIGNED, Group::title)
}

/// A person and their group: `Owen Price (users)`.
pub(in crate::report) fn person(name: &str, group: Option<Group>) -> String {
    match group {
        Some(_) => format!("{name} ({})", group_word(group)),
        None => name.to_string(),
    }
}

/// Who: up to five names with their groups, else the count per group.
pub(in crate::report) fn who<'a>(people: impl Iterator<Item = (&'a str, Option<Group>)>) -> String {
    let people: Vec<(&str, Option<Group>)> = people.collect();
    if people.len() <= NAMES_LISTED {
        return people.iter().map(|(name, group)| person(name, *group)).collect::<Vec<_>>().join(", ");
    }
    let mut counts: Vec<(Option<Group>, usize)> = Vec::new();
    for (_, group) in &people {
        match counts.iter_mut().find(|(g, _)| g == group) {
            Some((_, n)) => *n += 1,
            None => counts.push((*group, 1)),
        }
    }
    counts.iter().map(|(g, n)| format!("{} {n}", group_word(*g))).collect::<Vec<_>>().join(", ")
}

/// Who raised a flag or an action.
pub(in crate::report) fn raised_by(said: &[SaidBy]) -> String {
    who(said.iter().map(|s| (s.respondent.as_str(), s.group)))
}

/// Who said what: each distinct answer once, after who gave it:
/// `Ravi Menon (IT): Yes…; Owen Price (users): Don't know`.
pub(in crate::report) fn who_said_what(said: &[SaidBy]) -> String {
    let mut distinct: Vec<(&str, Vec<&SaidBy>)> = Vec::new();
    for s in said {
        match distinct.iter_mut().find(|(answer, _)| *answer == s.answer) {
            Some((_, gave)) => gave.push(s),
            None => distinct.push((&s.answer, vec![s])),
        }
    }
    distinct
        .iter()
        .map(|(answer, gave)| format!("{}: {answer}", who(gave.iter().map(|s| (s.respondent.as_str(), s.group)))))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A question's answers, each distinct answer once with who gave it.
struct AnswerLine {
    answer: String,
    who: String,
}

fn answer_lines(q: &RoundQuestion) -> Vec<AnswerLine> {
    let mut distinct: Vec<(&str, Vec<&GivenAnswer>)> = Vec::new();
    for a in &q.answers {
        match distinct.iter_mut().find(|(text, _)| *text == a.answer) {
            Some((_, gave)) => gave.push(a),
            None => distinct.push((&a.answer, vec![a])),
        }
    }
    distinct
        .into_iter()
        .map(|(answer, gave)| AnswerLine {
            answer: answer.to_string(),
            who: who(gave.iter().map(|a| (a.respondent.as_str(), a.group))),
        })
        .collect()
}

/// An agreement, two decimals; `—` when there is none.
pub(in crate::report) fn agreement_text(agreement: Option<f64>) -> String {
    agreement.map_or_else(|| "—".to_string(), |a| format!("{a:.2}"))
}

/// A score, `—` when there is none.
pub(in crate::report) fn score_text(score: Option<f64>) -> String {
    score.map_or_else(|| "—".to_string(), fmt1)
}

/// The lowest and highest score, `—` when there is none.
pub(in crate::report) fn range_text(lowest: Option<f64>, highest: Option<f64>) -> String {
    match (lowest, highest) {
        (Some(l), Some(h)) if l == h => fmt1(l),
        (Some(l), Some(h)) => format!("{}–{}", fmt1(l), fmt1(h)),
        _ => "—".to_string(),
    }
}

/// The respondents' notes on a question: `Owen Price (users): …`.
pub(in crate::report) fn notes(q: &RoundQuestion) -> Vec<String> {
    q.answers
        .iter()
        .filter_map(|a| Some(format!("{}: {}", person(&a.respondent, a.group), a.note.as_deref()?.trim())))
        .collect()
}
