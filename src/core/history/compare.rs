//! What changed between two assessments: scores, verdict, answers, red
//! flags and actions. Pure: two assessments in, one comparison out.

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::Serialize;

use super::HISTORY_SCHEMA_VERSION;
use super::record::Summary;
use crate::core::assessment::{
    ActionItem, Assessment, QuestionResult, QuestionStatus, QuestionnaireRef, RedFlag, Risk, Verdict,
};
use crate::core::scoring::round1;

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

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Side {
    /// The stored assessment's id; `None` for a report file.
    pub id: Option<String>,
    pub assessed_at: jiff::Timestamp,
    pub organization: Option<String>,
    pub label: Option<String>,
    pub respondent: Option<String>,
    pub questionnaire: QuestionnaireRef,
    pub verdict: Verdict,
    pub score: f64,
}

impl Side {
    fn of(a: &Assessment, summary: Option<&Summary>) -> Side {
        Side {
            id: summary.map(|s| s.id.clone()),
            assessed_at: a.assessed_at,
            organization: a.organization.clone(),
            label: summary.map(|s| s.label.clone()).or_else(|| a.label.clone()),
            respondent: a.respondent.clone(),
            questionnaire: a.questionnaire.clone(),
            verdict: a.verdict,
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
    /// False when the questionnaires differ and `--force` compared only
    /// the questions and areas they share.
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

/// The two assessments used different questionnaires (exit 2 unless
/// `--force`).
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
    } else if a.version != b.version {
        format!("different versions of `{}` ({} and {})", a.id, a.version, b.version)
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

/// Compares `before` with `after`. With different questionnaires this is
/// refused unless `force`, which compares only shared questions and areas.
pub fn compare(
    before: (&Assessment, Option<&Summary>),
    after: (&Assessment, Option<&Summary>),
    force: bool,
) -> Result<Comparison, QuestionnaireMismatch> {
    let ((a, a_summary), (b, b_summary)) = (before, after);
    let same = same_questionnaire(&a.questionnaire, &b.questionnaire);
    if !same && !force {
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
        if (hidden(then) && hidden(now)) || (then.status == now.status && then.answer == now.answer) {
            continue;
        }
        changed_answers.push(AnswerChange {
            question: now.id.to_string(),
            area: now.area.to_string(),
            text: now.text.to_string(),
            before: in_words(then),
            after: in_words(now),
            score_before: then.score,
            score_after: now.score,
            direction: Direction::of(then.score, now.score),
        });
    }

    let (red_flags_raised, red_flags_cleared, _) = split(&a.red_flags, &b.red_flags, &shared);
    let (actions_new, actions_completed, actions_open) = split(&a.actions, &b.actions, &shared);

    Ok(Comparison {
        schema_version: HISTORY_SCHEMA_VERSION,
        tool_version: crate::VERSION,
        before: Side::of(a, a_summary),
        after: Side::of(b, b_summary),
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

fn verdict_direction(before: Verdict, after: Verdict) -> Direction {
    match after.cmp(&before) {
        std::cmp::Ordering::Greater => Direction::Better,
        std::cmp::Ordering::Less => Direction::Worse,
        std::cmp::Ordering::Equal => Direction::Same,
    }
}

/// A question's answer in words, as a reader of the comparison needs it.
fn in_words(q: &QuestionResult) -> String {
    match q.status {
        QuestionStatus::Hidden => "not asked".into(),
        QuestionStatus::Unanswered => "unanswered".into(),
        QuestionStatus::DontKnow => "Don't know".into(),
        QuestionStatus::Answered => q.answer_text.as_deref().unwrap_or_default().to_string(),
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

impl Tied for ActionItem {
    fn question(&self) -> &str {
        &self.question
    }
    fn recommendation(&self) -> &str {
        &self.recommendation
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::answers::{Answer, Answers};
    use crate::core::answers::{Syntax, parse_answers};
    use crate::core::questionnaire::{Questionnaire, builtin};
    use crate::core::scoring::score;

    fn quick() -> Questionnaire {
        builtin::find("crm-quick").unwrap().load().unwrap()
    }

    fn base_answers(q: &Questionnaire) -> Answers {
        let text = include_str!("../../../examples/answers-quick.toml");
        parse_answers(text, "answers-quick.toml", Syntax::Toml, q).unwrap().answers
    }

    fn assess(q: &Questionnaire, answers: &Answers) -> Assessment {
        score(q, answers, "2026-04-01T09:00:00Z".parse().unwrap())
    }

    fn with(q: &Questionnaire, changes: &[(&str, &str)]) -> Assessment {
        let mut answers = base_answers(q);
        for (id, choice) in changes {
            answers.answers.insert((*id).into(), Answer::Text((*choice).into()));
        }
        assess(q, &answers)
    }

    #[test]
    fn identical_assessments_change_nothing() {
        let q = quick();
        let a = with(&q, &[]);
        let c = compare((&a, None), (&a, None), false).unwrap();
        assert!(c.same_questionnaire);
        assert_eq!(c.questions_compared, q.questions.len());
        assert_eq!(c.score.change, 0.0);
        assert_eq!(c.verdict.direction, Direction::Same);
        assert!(c.areas.iter().all(|x| x.change == Some(0.0)), "{:?}", c.areas);
        assert!(c.changed_answers.is_empty());
        assert!(c.red_flags_raised.is_empty() && c.red_flags_cleared.is_empty());
        assert!(c.actions_completed.is_empty() && c.actions_new.is_empty());
        assert_eq!(c.actions_open, a.actions);
    }

    #[test]
    fn an_improvement_shows_in_every_kind_of_delta() {
        let q = quick();
        // Before: no objective (a critical red flag). After: a measurable one.
        let before = with(&q, &[("vision.objective", "none")]);
        let after = with(&q, &[("vision.objective", "written-measurable")]);
        let c = compare((&before, None), (&after, None), false).unwrap();

        assert!(c.score.change > 0.0, "{:?}", c.score);
        assert_eq!(c.score.change, round1(after.score - before.score));
        assert_eq!(c.verdict.before, Verdict::NotReady);
        assert_ne!(c.verdict.after, Verdict::NotReady);
        assert_eq!(c.verdict.direction, Direction::Better);

        let vision = c.areas.iter().find(|a| a.id == "vision").unwrap();
        assert!(vision.change.unwrap() > 0.0);
        assert!(c.areas.iter().filter(|a| a.id != "vision").all(|a| a.change == Some(0.0)));

        assert_eq!(c.changed_answers.len(), 1, "{:?}", c.changed_answers);
        let changed = &c.changed_answers[0];
        assert_eq!(changed.question, "vision.objective");
        let objective = q.question("vision.objective").unwrap();
        assert_eq!(changed.before, objective.choice("none").unwrap().label);
        assert_eq!(changed.after, objective.choice("written-measurable").unwrap().label);
        assert_eq!(changed.direction, Direction::Better);

        assert!(c.red_flags_raised.is_empty());
        assert_eq!(c.red_flags_cleared.len(), 1);
        assert_eq!(c.red_flags_cleared[0].question, "vision.objective");
        assert!(c.actions_completed.iter().any(|x| x.question == "vision.objective"), "{:?}", c.actions_completed);
        assert!(c.actions_new.iter().all(|x| x.question != "vision.objective"));
        assert_eq!(c.actions_open.len() + c.actions_new.len(), after.actions.len());
    }

    #[test]
    fn a_setback_raises_flags_and_new_actions() {
        let q = quick();
        let before = with(&q, &[]);
        let after = with(&q, &[("ownership.owner", "nobody")]);
        let c = compare((&before, None), (&after, None), false).unwrap();
        assert!(c.score.change < 0.0);
        assert_eq!(c.verdict.after, Verdict::NotReady);
        assert_eq!(c.verdict.direction, Direction::Worse);
        assert_eq!(c.red_flags_raised.len(), 1);
        assert_eq!(c.red_flags_raised[0].question, "ownership.owner");
        assert!(c.red_flags_cleared.is_empty());
        assert!(c.actions_new.iter().any(|x| x.question == "ownership.owner"));
        // The old answer's action (a named owner without time) is done with.
        assert!(c.actions_completed.iter().any(|x| x.question == "ownership.owner"));
        assert_eq!(c.changed_answers[0].direction, Direction::Worse);
    }

    #[test]
    fn dont_know_and_unanswered_are_described_in_words() {
        let q = quick();
        let before = with(&q, &[]);
        let mut answers = base_answers(&q);
        answers.answers.remove("vision.strategy");
        answers.answers.insert("business-case.timing".into(), Answer::DontKnow);
        let after = assess(&q, &answers);
        let c = compare((&before, None), (&after, None), false).unwrap();
        let words: Vec<(&str, &str)> =
            c.changed_answers.iter().map(|a| (a.question.as_str(), a.after.as_str())).collect();
        assert_eq!(words, [("vision.strategy", "unanswered"), ("business-case.timing", "Don't know")]);
    }

    #[test]
    fn different_questionnaires_are_refused_unless_forced() {
        let quick = quick();
        let full = builtin::find("crm-readiness").unwrap().load().unwrap();
        let a = with(&quick, &[]);
        let mut full_answers = Answers::for_questionnaire(&full);
        full_answers.answers.insert("vision.objective".into(), Answer::Text("written-measurable".into()));
        let b = assess(&full, &full_answers);

        let err = compare((&a, None), (&b, None), false).unwrap_err();
        assert!(err.message.contains("`crm-quick` and `crm-readiness`"), "{}", err.message);
        assert!(err.message.contains("--force"), "{}", err.message);

        let c = compare((&a, None), (&b, None), true).unwrap();
        assert!(!c.same_questionnaire);
        let shared = quick.questions.iter().filter(|x| full.question(&x.id).is_some()).count();
        assert!(shared > 0 && shared < full.questions.len());
        assert_eq!(c.questions_compared, shared);
        let in_both = |id: &str| quick.question(id).is_some() && full.question(id).is_some();
        assert!(c.changed_answers.iter().all(|x| in_both(&x.question)));
        assert!(c.actions_new.iter().chain(&c.actions_completed).chain(&c.actions_open).all(|x| in_both(&x.question)));
        assert!(c.changed_answers.iter().any(|x| x.question == "vision.objective"));
    }

    #[test]
    fn another_version_or_text_of_the_same_questionnaire_is_refused() {
        let q = quick();
        let a = with(&q, &[]);
        let mut b = a.clone();
        b.questionnaire.version = "2.0.0".into();
        let err = compare((&a, None), (&b, None), false).unwrap_err();
        assert!(err.message.contains("different versions of `crm-quick` (1.0.0 and 2.0.0)"), "{}", err.message);
        let mut c = a.clone();
        c.questionnaire.content_hash = "sha256:0000".into();
        let err = compare((&a, None), (&c, None), false).unwrap_err();
        assert!(err.message.contains("content hashes"), "{}", err.message);
        assert!(compare((&a, None), (&c, None), true).is_ok());
    }
}
