//! The view of a comparison for `comparison.html`: before and after bars
//! per area, then what changed, worse first.

use serde::Serialize;

use super::charts::{BarChart, before_after_bars};
use super::page::{Frame, bands};
use crate::core::assessment::{ActionItem, Assessment, PriorityLevel, RedFlag, Risk, Verdict};
use crate::core::brand::Brand;
use crate::core::history::compare::{AnswerChange, Comparison, Direction, Reading, Side};
use crate::core::json::to_script_json;
use crate::core::questionnaire::Severity;
use crate::core::scoring::fmt1;
use crate::report::history_tables::cells::signed;
use crate::report::history_tables::words::{
    SectionTitles, answer_scores, change_column, differing_answers, questionnaires_compared, respondents_changed,
    risks_compared, same_respondents, scores_compared, side_names, verdict_direction, what_is_compared,
};

/// Everything `comparison.html` shows.
#[derive(Debug, Clone, Serialize)]
pub struct ComparisonPage<'a> {
    pub frame: Frame,
    pub organization: Option<&'a str>,
    /// True when two parties are set side by side rather than one before
    /// and after: the page then has no arrows and no progress.
    pub side_by_side: bool,
    /// `2026-Q1 (4 respondents) → 2026-Q2 (3 respondents)`, or `Mia Chen
    /// and Ian Hart, side by side`.
    pub compared: String,
    /// `44 → 49.3 (+5.3)`, or `Mia Chen 62.8, Ian Hart 25: 37.8 apart`.
    pub scores: String,
    /// `Change`, or `Difference` side by side.
    pub change_column: &'static str,
    /// Between rounds, who answered in one and not the other, as the
    /// terminal says it.
    pub respondents_changed: Vec<String>,
    /// With `--same-respondents`, who both rounds were kept to.
    pub same_respondents: Option<String>,
    pub before: SideView<'a>,
    pub after: SideView<'a>,
    pub same_questionnaire: bool,
    pub questions_compared: usize,
    /// `crm-review 1.0.0`, or what was compared when the questionnaires differ.
    pub questionnaires: String,
    pub score_change: String,
    pub direction: &'static str,
    /// `2026-Q3 (3 respondents) is better than 2026-Q1 (4 respondents)`.
    pub verdict_change: String,
    pub titles: SectionTitles,
    pub chart: BarChart,
    pub areas: Vec<AreaRow<'a>>,
    /// Answers that got worse, better, and otherwise changed.
    pub worse: Vec<AnswerRow<'a>>,
    pub better: Vec<AnswerRow<'a>>,
    pub other: Vec<AnswerRow<'a>>,
    /// Side by side, every answer that differs, the widest gap first.
    pub differ: Vec<AnswerRow<'a>>,
    pub flags_raised: Vec<FlagRow<'a>>,
    pub flags_cleared: Vec<FlagRow<'a>>,
    pub actions_new: Vec<ActionRow<'a>>,
    pub actions_open: Vec<ActionRow<'a>>,
    pub actions_completed: Vec<ActionRow<'a>>,
}

/// One side, named for people.
#[derive(Debug, Clone, Serialize)]
pub struct SideView<'a> {
    /// As the terminal names it: `2026-Q1 (4 respondents)`.
    pub name: String,
    /// When it was assessed: `2026-03-11`.
    pub dated: String,
    pub label: Option<&'a str>,
    pub id: Option<&'a str>,
    pub date: String,
    pub organization: Option<&'a str>,
    pub questionnaire: String,
    pub score: String,
    pub verdict: Verdict,
    pub verdict_title: &'a str,
}

impl<'a> SideView<'a> {
    fn of(s: &'a Side, name: String) -> Self {
        SideView {
            name,
            dated: s.assessed_at.strftime("%Y-%m-%d").to_string(),
            label: s.label.as_deref(),
            id: s.id.as_deref(),
            date: s.assessed_at.strftime("%Y-%m-%d").to_string(),
            organization: s.organization.as_deref(),
            questionnaire: format!("{} {}", s.questionnaire.id, s.questionnaire.version),
            score: fmt1(s.score),
            verdict: s.verdict,
            verdict_title: &s.verdict_title,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct AreaRow<'a> {
    pub title: &'a str,
    pub before: String,
    pub after: String,
    pub change: String,
    pub risk_before: Option<Risk>,
    pub risk_after: Option<Risk>,
    /// `high → medium`, `high / medium` side by side, or one risk.
    pub risks: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AnswerRow<'a> {
    pub text: &'a str,
    pub before: &'a str,
    pub after: &'a str,
    /// "40 → 75" ("40 / 75" side by side), or "—" when neither side is
    /// scored.
    pub score: String,
}

impl<'a> AnswerRow<'a> {
    fn of(c: &Comparison, a: &'a AnswerChange) -> Self {
        AnswerRow { text: &a.text, before: &a.before, after: &a.after, score: answer_scores(c, a) }
    }
}

fn score_text(score: Option<f64>) -> String {
    score.map_or_else(|| "—".into(), fmt1)
}

#[derive(Debug, Clone, Serialize)]
pub struct FlagRow<'a> {
    pub severity: Severity,
    pub question: &'a str,
    pub answer: &'a str,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActionRow<'a> {
    pub recommendation: &'a str,
    pub question: &'a str,
    pub answer: &'a str,
    pub priority: PriorityLevel,
    pub phase: &'a str,
}

impl<'a> ComparisonPage<'a> {
    /// The page for `c`, made from `before` and `after` (which name the
    /// questions the actions answer).
    pub fn new(c: &'a Comparison, before: &'a Assessment, after: &'a Assessment, brand: &Brand) -> Self {
        let changed = |keep: fn(Direction) -> bool| {
            c.changed_answers.iter().filter(|a| keep(a.direction)).map(|a| AnswerRow::of(c, a)).collect()
        };
        let flags = |list: &'a [RedFlag]| {
            list.iter()
                .map(|f| FlagRow { severity: f.severity, question: &f.question_text, answer: &f.answer })
                .collect()
        };
        // An action's question and phase are named by the side it comes from.
        let actions = |list: &'a [ActionItem], side: &'a Assessment| {
            let texts = side.question_texts();
            list.iter()
                .map(|x| ActionRow {
                    recommendation: &x.recommendation,
                    question: texts.get(&x.question),
                    answer: &x.because,
                    priority: x.priority_level,
                    phase: side.phase_title(&x.phase),
                })
                .collect()
        };
        let org = c.after.organization.as_deref().or(c.before.organization.as_deref());
        let (before_name, after_name) = side_names(c);
        let q = &c.after.questionnaire;
        ComparisonPage {
            frame: Frame::new(
                format!("Readiness compared — {}", org.unwrap_or(&c.after.questionnaire.title)),
                brand,
                to_script_json(c),
            ),
            organization: org,
            side_by_side: c.reading == Reading::SideBySide,
            compared: what_is_compared(c),
            scores: scores_compared(c),
            change_column: change_column(c),
            respondents_changed: respondents_changed(&c.respondents_changed.iter().cloned().collect::<Vec<_>>()),
            same_respondents: same_respondents(c.same_respondents.as_deref(), 2),
            before: SideView::of(&c.before, before_name),
            after: SideView::of(&c.after, after_name),
            same_questionnaire: c.same_questionnaire,
            questions_compared: c.questions_compared,
            questionnaires: questionnaires_compared(c),
            score_change: signed(c.score.change),
            direction: c.verdict.direction.name(),
            verdict_change: verdict_direction(c),
            titles: SectionTitles::of(c),
            chart: before_after_bars(&c.areas, bands(&q.id, &q.version, Some(&q.content_hash)).as_ref()),
            areas: c
                .areas
                .iter()
                .map(|a| AreaRow {
                    title: &a.title,
                    before: score_text(a.before),
                    after: score_text(a.after),
                    change: a.change.map_or_else(|| "—".into(), signed),
                    risk_before: a.risk_before,
                    risk_after: a.risk_after,
                    risks: risks_compared(c, a.risk_before, a.risk_after),
                })
                .collect(),
            worse: changed(|d| d == Direction::Worse),
            better: changed(|d| d == Direction::Better),
            other: changed(|d| !matches!(d, Direction::Worse | Direction::Better)),
            differ: differing_answers(c).into_iter().map(|a| AnswerRow::of(c, a)).collect(),
            flags_raised: flags(&c.red_flags_raised),
            flags_cleared: flags(&c.red_flags_cleared),
            actions_new: actions(&c.actions_new, after),
            actions_open: actions(&c.actions_open, after),
            actions_completed: actions(&c.actions_completed, before),
        }
    }
}
