//! The view of one assessment's HTML report: everything the template
//! `assessment.html` shows, worked out from the assessment.

use serde::Serialize;

use super::charts::{BarChart, area_bars};
use super::page::{Frame, bands};
use super::shared_rows::{SmallPrint, UnknownRow};
use crate::core::assessment::{Assessment, QuestionStatus, Risk};
use crate::core::brand::Brand;
use crate::core::json::to_script_json;
use crate::core::questionnaire::Severity;
use crate::core::scoring::fmt1;
use crate::report::plan::{PhasePlan, phase_plans};
use crate::report::sections::{CheckRow, ContextRow, check_rows, context_rows};
use crate::report::summary::ExecutiveSummary;

/// Everything `assessment.html` shows.
#[derive(Debug, Clone, Serialize)]
pub struct AssessmentPage<'a> {
    pub frame: Frame,
    pub heading: Heading<'a>,
    pub summary: ExecutiveSummary<'a>,
    pub area_chart: BarChart,
    pub areas: Vec<AreaRow<'a>>,
    pub red_flags: Vec<FlagRow<'a>>,
    pub unknowns: Vec<UnknownRow<'a>>,
    pub answers_to_check: Vec<CheckRow<'a>>,
    pub plan: Vec<PhasePlan<'a>>,
    pub notes: Vec<ContextRow<'a>>,
    pub appendix: Vec<AppendixArea<'a>>,
    pub small_print: SmallPrint<'a>,
}

/// Whose assessment, of what, when.
#[derive(Debug, Clone, Serialize)]
pub struct Heading<'a> {
    pub questionnaire: &'a str,
    pub organization: Option<&'a str>,
    /// The day it was held, `YYYY-MM-DD` (UTC).
    pub date: String,
    /// The round.
    pub label: Option<&'a str>,
    pub respondent: Option<&'a str>,
    pub role: Option<&'a str>,
    pub group: Option<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AreaRow<'a> {
    pub title: &'a str,
    pub score: String,
    pub risk: Option<Risk>,
    pub answered: usize,
    pub questions: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct FlagRow<'a> {
    pub severity: Severity,
    pub area: &'a str,
    pub question: &'a str,
    pub answer: &'a str,
}

/// An area's questions with their answers, for the appendix.
#[derive(Debug, Clone, Serialize)]
pub struct AppendixArea<'a> {
    pub title: &'a str,
    pub questions: Vec<AppendixQuestion<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AppendixQuestion<'a> {
    pub text: &'a str,
    /// The answer in words, or what stands in for one.
    pub answer: &'a str,
    /// False for "don't know" and unanswered.
    pub answered: bool,
    pub score: Option<String>,
    pub note: Option<&'a str>,
}

impl<'a> AssessmentPage<'a> {
    pub fn new(a: &'a Assessment, brand: &Brand) -> Self {
        let area_title = |id: &'a str| a.areas.iter().find(|x| x.id == id).map_or(id, |x| x.title.as_str());
        let date = a.assessed_at.strftime("%Y-%m-%d").to_string();
        let title = match &a.organization {
            Some(org) => format!("{} — {org} — {date}", a.questionnaire.title),
            None => format!("{} — {date}", a.questionnaire.title),
        };
        let q = &a.questionnaire;
        AssessmentPage {
            frame: Frame::new(title, brand, to_script_json(a)),
            heading: Heading {
                questionnaire: &q.title,
                organization: a.organization.as_deref(),
                date,
                label: a.label.as_deref(),
                respondent: a.respondent.as_deref(),
                role: a.role.as_deref(),
                group: a.group.map(|g| g.title()),
            },
            summary: ExecutiveSummary::of(a),
            area_chart: area_bars(&a.areas, bands(&q.id, &q.version, Some(&q.content_hash)).as_ref()),
            areas: a
                .areas
                .iter()
                .map(|x| AreaRow {
                    title: &x.title,
                    score: x.score.map_or_else(|| "—".into(), fmt1),
                    risk: x.risk,
                    answered: x.answered,
                    questions: x.questions,
                })
                .collect(),
            red_flags: a
                .red_flags
                .iter()
                .map(|f| FlagRow {
                    severity: f.severity,
                    area: area_title(&f.area),
                    question: &f.question_text,
                    answer: &f.answer,
                })
                .collect(),
            unknowns: a
                .unknowns
                .iter()
                .map(|u| {
                    UnknownRow::of(u, area_title(&u.area), |id| {
                        a.questions.iter().find(|x| x.id == id).map(|x| x.text.as_str())
                    })
                })
                .collect(),
            answers_to_check: check_rows(a),
            plan: phase_plans(a),
            notes: context_rows(a),
            appendix: appendix(a),
            small_print: SmallPrint::of(q, a.assessed_at, &a.tool_version),
        }
    }
}

/// Every question shown, by area, with its answer.
fn appendix(a: &Assessment) -> Vec<AppendixArea<'_>> {
    a.areas
        .iter()
        .map(|area| AppendixArea {
            title: &area.title,
            questions: a
                .questions
                .iter()
                .filter(|q| q.area == area.id && q.status != QuestionStatus::Hidden)
                .map(|q| AppendixQuestion {
                    text: &q.text,
                    answer: match q.status {
                        QuestionStatus::DontKnow => "Don't know",
                        QuestionStatus::Unanswered => "Unanswered",
                        QuestionStatus::Waiting => "Not asked yet",
                        _ => q.answer_text.as_deref().unwrap_or("—"),
                    },
                    answered: q.status == QuestionStatus::Answered,
                    score: q.score.map(fmt1),
                    note: q.note.as_deref(),
                })
                .collect(),
        })
        .filter(|area| !area.questions.is_empty())
        .collect()
}
