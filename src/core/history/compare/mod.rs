//! What changed between two assessments: scores, verdict, answers, red
//! flags and actions. Pure: two assessments in, one comparison out.

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::Serialize;

use super::HISTORY_SCHEMA_VERSION;
use super::record::Summary;
use super::respondents::{Person, RespondentsChanged, RoundPeople, changed};
use crate::core::assessment::{
    ActionItem, Assessment, QuestionResult, QuestionStatus, QuestionnaireRef, RedFlag, Risk, Verdict,
};
use crate::core::scoring::round1;

mod reading;
pub use reading::Reading;

/// Which way something moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    Better,
    Worse,
    Same,
    /// One side has no score (a text question, or one not asked).
    NotScored,
}

impl Direction {
    fn of(before: Option<f64>, after: Option<f64>) -> Direction {
        match (before, after) {
            (Some(b), Some(a)) if round1(a) > round1(b) => Direction::Better,
            (Some(b), Some(a)) if round1(a) < round1(b) => Direction::Worse,
            (Some(_), Some(_)) => Direction::Same,
            _ => Direction::NotScored,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Direction::Better => "better",
            Direction::Worse => "worse",
            Direction::Same => "same",
            Direction::NotScored => "not scored",
        }
    }
}

/// What one side of a comparison is: an assessment, or a round of several
/// respondents seen as one (see `Round::as_assessment`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Subject<'a> {
    pub assessment: &'a Assessment,
    /// The stored record's summary; `None` for a report file or a round.
    pub summary: Option<&'a Summary>,
    /// How many people answered: 1 for a single assessment.
    pub respondents: usize,
    /// Who answered in a round; empty for a single assessment.
    pub people: &'a [Person],
}

impl<'a> Subject<'a> {
    /// A single assessment, from the store (with its summary) or a file.
    pub fn assessment(assessment: &'a Assessment, summary: Option<&'a Summary>) -> Self {
        Subject { assessment, summary, respondents: 1, people: &[] }
    }

    /// A round that `people` answered, as one assessment.
    pub fn round(assessment: &'a Assessment, people: &'a [Person]) -> Self {
        Subject { assessment, summary: None, respondents: people.len(), people }
    }
}

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Side {
    /// How reports name this side: `2026-Q2 (Mia Chen)` for an assessment,
    /// `2026-Q2 (4 respondents)` for a round.
    pub name: String,
    /// The stored assessment's id; `None` for a report file or a round.
    pub id: Option<String>,
    pub assessed_at: jiff::Timestamp,
    pub organization: Option<String>,
    pub label: Option<String>,
    pub respondent: Option<String>,
    /// How many people answered: more than 1 for a round.
    pub respondents: usize,
    pub questionnaire: QuestionnaireRef,
    pub verdict: Verdict,
    /// The verdict in its questionnaire's words: `Not ready`, `At risk`.
    pub verdict_title: String,
    pub score: f64,
}

impl Side {
    fn of(subject: Subject<'_>) -> Side {
        let (a, summary) = (subject.assessment, subject.summary);
        let label = summary.map(|s| s.label.clone()).or_else(|| a.label.clone());
        let who = match (subject.respondents, &a.respondent) {
            (n, _) if n > 1 => Some(format!("{n} respondents")),
            (_, Some(name)) => Some(name.trim().to_string()),
            (_, None) => None,
        };
        let what = label.clone().unwrap_or_else(|| a.assessed_at.strftime("%Y-%m-%d").to_string());
        Side {
            name: who.map_or_else(|| what.clone(), |who| format!("{what} ({who})")),
            id: summary.map(|s| s.id.clone()),
            assessed_at: a.assessed_at,
            organization: a.organization.clone(),
            label,
            respondent: a.respondent.clone(),
            respondents: subject.respondents,
            questionnaire: a.questionnaire.clone(),
            verdict: a.verdict,
            verdict_title: a.verdict_title().to_string(),
            score: a.score,
        }
    }
}

/// A score before and after.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
pub struct ScoreChange {
    pub before: f64,
    pub after: f64,
    /// `after - before`, to one decimal.
    pub change: f64,
}

/// The verdict before and after.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
pub struct VerdictChange {
    pub before: Verdict,
    pub after: Verdict,
    pub direction: Direction,
}

/// One area's score and risk before and after.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct AreaChange {
    pub id: String,
    pub title: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// `after - before`; `None` when either side has no score.
    pub change: Option<f64>,
    pub risk_before: Option<Risk>,
    pub risk_after: Option<Risk>,
}

/// An answer that changed.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct AnswerChange {
    pub question: String,
    pub area: String,
    pub text: String,
    /// The answer in words, or "not asked", "unanswered".
    pub before: String,
    pub after: String,
    pub score_before: Option<f64>,
    pub score_after: Option<f64>,
    pub direction: Direction,
}

/// Everything that changed from `before` to `after`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Comparison {
    pub schema_version: u32,
    pub tool_version: &'static str,
    pub before: Side,
    pub after: Side,
    /// Over time (`before` then `after`), or two parties side by side.
    pub reading: Reading,
    /// Between two rounds, who answered in one and not in the other: a
    /// change of people moves the scores too. `None` when the same people
    /// answered, or for single assessments.
    pub respondents_changed: Option<RespondentsChanged>,
    /// With `--same-respondents`, the people both rounds were kept to.
    pub same_respondents: Option<Vec<Person>>,
    /// False when the two answered different questionnaires or versions:
    /// only the questions and areas they share are compared.
    pub same_questionnaire: bool,
    /// How many questions were compared.
    pub questions_compared: usize,
    pub score: ScoreChange,
    pub verdict: VerdictChange,
    pub areas: Vec<AreaChange>,
    pub changed_answers: Vec<AnswerChange>,
    pub red_flags_raised: Vec<RedFlag>,
    pub red_flags_cleared: Vec<RedFlag>,
    /// Recommended before, no longer recommended.
    pub actions_completed: Vec<ActionItem>,
    /// Recommended now, not before.
    pub actions_new: Vec<ActionItem>,
    /// Recommended before and still recommended.
    pub actions_open: Vec<ActionItem>,
}

/// The two assessments used different questionnaires, or two texts of one
/// version (exit 2 unless `--force`).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct QuestionnaireMismatch {
    pub message: String,
}

/// Whether two assessments answered exactly the same questionnaire.
pub fn same_questionnaire(a: &QuestionnaireRef, b: &QuestionnaireRef) -> bool {
    a.id == b.id && a.version == b.version && a.content_hash == b.content_hash
}

fn mismatch(a: &QuestionnaireRef, b: &QuestionnaireRef) -> QuestionnaireMismatch {
    let what = if a.id != b.id {
        format!("different questionnaires (`{}` and `{}`)", a.id, b.id)
    } else {
        format!(
            "two different texts of `{}` {} (content hashes {} and {})",
            a.id, a.version, a.content_hash, b.content_hash
        )
    };
    QuestionnaireMismatch {
        message: format!(
            "these assessments answered {what}, so their scores do not measure the same thing; \
             pass --force to compare only the questions they share"
        ),
    }
}

/// Whether two assessments answered two versions of one questionnaire.
pub fn versions_of_one(a: &QuestionnaireRef, b: &QuestionnaireRef) -> bool {
    a.id == b.id && a.version != b.version
}

/// Compares `before` with `after`. Two versions of one questionnaire are
/// compared on the questions and areas they share; different
/// questionnaires (or two texts of one version) only with `force`, the
/// same way.
pub fn compare(before: Subject<'_>, after: Subject<'_>, force: bool) -> Result<Comparison, QuestionnaireMismatch> {
    let (a, b) = (before.assessment, after.assessment);
    let same = same_questionnaire(&a.questionnaire, &b.questionnaire);
    if !same && !force && !versions_of_one(&a.questionnaire, &b.questionnaire) {
        return Err(mismatch(&a.questionnaire, &b.questionnaire));
    }
    let old: BTreeMap<&str, &QuestionResult> = a.questions.iter().map(|q| (q.id.as_str(), q)).collect();
    let new: BTreeSet<&str> = b.questions.iter().map(|q| q.id.as_str()).collect();
    let shared = |question: &str| same || (old.contains_key(question) && new.contains(question));

    let areas = b
        .areas
        .iter()
        .filter_map(|after| {
            let before = a.areas.iter().find(|x| x.id == after.id)?;
            Some(AreaChange {
                id: after.id.clone(),
                title: after.title.clone(),
                before: before.score,
                after: after.score,
                change: before.score.zip(after.score).map(|(x, y)| round1(y - x)),
                risk_before: before.risk,
                risk_after: after.risk,
            })
        })
        .collect();

    let mut questions_compared = 0;
    let mut changed_answers = Vec::new();
    for now in &b.questions {
        let Some(then) = old.get(now.id.as_str()) else { continue };
        questions_compared += 1;
        let hidden = |q: &QuestionResult| q.status == QuestionStatus::Hidden;
        let unchanged = then.status == now.status && then.answer == now.answer && then.answer_text == now.answer_text;
        if (hidden(then) && hidden(now)) || unchanged {
            continue;
        }
        changed_answers.push(AnswerChange {
            question: now.id.to_string(),
            area: now.area.to_string(),
            text: now.text.to_string(),
            before: then.in_words(),
            after: now.in_words(),
            score_before: then.score,
            score_after: now.score,
            direction: Direction::of(then.score, now.score),
        });
    }

    let (red_flags_raised, red_flags_cleared, _) = split(&a.red_flags, &b.red_flags, &shared);
    let (actions_new, actions_completed, actions_open) = split_by_question(&a.actions, &b.actions, &shared);

    let respondents_changed = rounds_people(before, after);
    let (before, after) = (Side::of(before), Side::of(after));
    Ok(Comparison {
        schema_version: HISTORY_SCHEMA_VERSION,
        tool_version: crate::VERSION,
        reading: Reading::of(&before, &after),
        respondents_changed,
        same_respondents: None,
        before,
        after,
        same_questionnaire: same,
        questions_compared,
        score: ScoreChange { before: a.score, after: b.score, change: round1(b.score - a.score) },
        verdict: VerdictChange {
            before: a.verdict,
            after: b.verdict,
            direction: verdict_direction(a.verdict, b.verdict),
        },
        areas,
        changed_answers,
        red_flags_raised,
        red_flags_cleared,
        actions_completed,
        actions_new,
        actions_open,
    })
}

/// Who came or went between two rounds; `None` unless both are rounds.
fn rounds_people(before: Subject<'_>, after: Subject<'_>) -> Option<RespondentsChanged> {
    if before.people.is_empty() || after.people.is_empty() {
        return None;
    }
    let label = |s: &Subject<'_>| s.assessment.label.clone().unwrap_or_default();
    let (lb, la) = (label(&before), label(&after));
    changed(RoundPeople { label: &lb, people: before.people }, RoundPeople { label: &la, people: after.people })
}

fn verdict_direction(before: Verdict, after: Verdict) -> Direction {
    match after.cmp(&before) {
        std::cmp::Ordering::Greater => Direction::Better,
        std::cmp::Ordering::Less => Direction::Worse,
        std::cmp::Ordering::Equal => Direction::Same,
    }
}

/// Splits two lists on shared questions by identity (question and
/// recommendation): (only in `after`, only in `before`, in both — as in
/// `after`). Order is kept.
fn split<T: Tied + Clone>(before: &[T], after: &[T], shared: &dyn Fn(&str) -> bool) -> (Vec<T>, Vec<T>, Vec<T>) {
    let keys = |list: &[T]| -> BTreeSet<(String, String)> {
        list.iter().map(|x| (x.question().to_string(), x.recommendation().to_string())).collect()
    };
    let (old, new) = (keys(before), keys(after));
    let key = |x: &T| (x.question().to_string(), x.recommendation().to_string());
    let pick = |list: &[T], keep: &dyn Fn(&(String, String)) -> bool| -> Vec<T> {
        list.iter().filter(|x| shared(x.question()) && keep(&key(x))).cloned().collect()
    };
    (pick(after, &|k| !old.contains(k)), pick(before, &|k| !new.contains(k)), pick(after, &|k| old.contains(k)))
}

/// Splits two plans on shared questions by question: (actions on a
/// question with none before, actions on a question with none after, the
/// actions after on a question with some before). A question that still
/// calls for an action is open, however its recommendation reads now: it
/// is completed only when nothing is left to do on it. Order is kept.
fn split_by_question(
    before: &[ActionItem],
    after: &[ActionItem],
    shared: &dyn Fn(&str) -> bool,
) -> (Vec<ActionItem>, Vec<ActionItem>, Vec<ActionItem>) {
    let has = |list: &[ActionItem], q: &str| list.iter().any(|x| x.question == q);
    let pick = |list: &[ActionItem], keep: &dyn Fn(&str) -> bool| -> Vec<ActionItem> {
        list.iter().filter(|x| shared(&x.question) && keep(&x.question)).cloned().collect()
    };
    (pick(after, &|q| !has(before, q)), pick(before, &|q| !has(after, q)), pick(after, &|q| has(before, q)))
}

/// Items raised by one question's answer.
trait Tied {
    fn question(&self) -> &str;
    fn recommendation(&self) -> &str;
}

impl Tied for RedFlag {
    fn question(&self) -> &str {
        &self.question
    }
    fn recommendation(&self) -> &str {
        &self.recommendation
    }
}

#[cfg(test)]
mod tests;
