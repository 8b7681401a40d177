//! The view of an organisation's trend for `trend.html`: one small chart
//! per series (overall first, then each area) and the scores as a table.

use serde::Serialize;

use super::charts::{LineChart, line_chart};
use super::page::{Frame, bands};
use crate::core::assessment::Verdict;
use crate::core::history::trend::{Series, Trend};
use crate::core::json::to_script_json;
use crate::core::scoring::fmt1;
use crate::report::history_tables::cells::signed;
use crate::report::history_tables::words::{
    change_heading, change_note, questionnaires_used, respondents_changed, rounds_and_assessments, row_change,
    same_respondents,
};

/// Most assessments shown as columns of the table; the charts show all.
const TABLE_COLUMNS: usize = 8;

/// Everything `trend.html` shows.
#[derive(Debug, Clone, Serialize)]
pub struct TrendPage<'a> {
    pub frame: Frame,
    pub organization: &'a str,
    pub count: usize,
    /// `3 rounds (11 assessments)`, as the terminal says it.
    pub rounds: String,
    /// The questionnaires used, when more than one.
    pub questionnaires: Option<String>,
    /// Who answered in one round and not the next, as the terminal says it.
    pub respondents_changed: Vec<String>,
    /// With `--same-respondents`, who every round was kept to.
    pub same_respondents: Option<String>,
    /// The change column's heading: `Change since 2026-Q1`.
    pub change_heading: String,
    pub first_label: Option<&'a str>,
    pub last_label: Option<&'a str>,
    /// The overall score's chart, then one per area.
    pub charts: Vec<LineChart>,
    pub columns: Vec<Column<'a>>,
    /// Assessments left out of the table (the oldest), if any.
    pub left_out: usize,
    pub rows: Vec<TrendRow<'a>>,
}

/// One assessment in the table.
#[derive(Debug, Clone, Serialize)]
pub struct Column<'a> {
    pub label: &'a str,
    pub date: String,
    pub verdict: Verdict,
    pub verdict_title: &'a str,
    /// How many answered in the round.
    pub respondents: usize,
}

/// One series in the table.
#[derive(Debug, Clone, Serialize)]
pub struct TrendRow<'a> {
    pub title: &'a str,
    pub scores: Vec<String>,
    /// "+12.5", "-3", "0", with the rounds it is measured between when
    /// they are not the first and the last; "—" with one round.
    pub change: String,
}

impl<'a> TrendPage<'a> {
    pub fn new(t: &'a Trend, brand: &crate::core::brand::Brand) -> Self {
        let labels: Vec<&str> = t.assessments.iter().map(|p| p.label.as_str()).collect();
        let bands = t.assessments.last().and_then(|p| bands(&p.questionnaire, &p.questionnaire_version, None));
        let mut charts = vec![line_chart("Overall", &t.overall, &labels, bands.as_ref())];
        charts.extend(t.areas.iter().map(|a| line_chart(&a.title, &a.series, &labels, bands.as_ref())));
        let count = t.assessments.len();
        let shown = count.min(TABLE_COLUMNS);
        let from = count - shown;
        let row = |title: &'a str, series: &Series| TrendRow {
            title,
            scores: series.scores[from..].iter().map(|s| s.map_or_else(|| "—".into(), fmt1)).collect(),
            change: row_change(t, series)
                .map_or_else(|| "—".into(), |c| format!("{}{}", signed(c), change_note(t, series))),
        };
        let mut rows = vec![row("Overall", &t.overall)];
        rows.extend(t.areas.iter().map(|a| row(&a.title, &a.series)));
        TrendPage {
            frame: Frame::new(format!("Readiness trend — {}", t.organization), brand, to_script_json(t)),
            organization: &t.organization,
            count,
            rounds: rounds_and_assessments(t),
            questionnaires: questionnaires_used(t),
            respondents_changed: respondents_changed(&t.respondents_changed),
            same_respondents: same_respondents(t.same_respondents.as_deref(), t.assessments.len()),
            change_heading: change_heading(t),
            first_label: labels.first().copied(),
            last_label: labels.last().copied(),
            charts,
            columns: t.assessments[from..]
                .iter()
                .map(|p| Column {
                    label: &p.label,
                    date: p.assessed_at.strftime("%Y-%m-%d").to_string(),
                    verdict: p.verdict,
                    verdict_title: &p.verdict_title,
                    respondents: p.respondents,
                })
                .collect(),
            left_out: from,
            rows,
        }
    }
}
