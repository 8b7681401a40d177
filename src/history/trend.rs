//! An organisation's scores over time, oldest first: overall and per area.
//! Pure: summaries in, series out.

use serde::Serialize;

use super::HISTORY_SCHEMA_VERSION;
use super::record::Summary;
use crate::assessment::Verdict;
use crate::scoring::round1;

/// Sparkline glyphs, lowest first.
const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Shown in a sparkline where there is no score.
const GAP: char = '·';

/// One assessment in a trend.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendPoint {
    pub id: String,
    pub assessed_at: jiff::Timestamp,
    pub label: String,
    pub respondent: Option<String>,
    pub questionnaire: String,
    pub questionnaire_version: String,
    pub verdict: Verdict,
    pub score: f64,
}

/// Scores over time, one per assessment (`None` where there is none).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub scores: Vec<Option<f64>>,
    /// The first and last scores there are.
    pub first: Option<f64>,
    pub last: Option<f64>,
    /// `last - first`.
    pub change: Option<f64>,
}

impl Series {
    fn new(scores: Vec<Option<f64>>) -> Series {
        let first = scores.iter().flatten().next().copied();
        let last = scores.iter().flatten().next_back().copied();
        Series { change: first.zip(last).map(|(f, l)| round1(l - f)), first, last, scores }
    }
}

/// One area's scores over time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaSeries {
    pub id: String,
    pub title: String,
    #[serde(flatten)]
    pub series: Series,
}

/// An organisation's scores over time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trend {
    pub schema_version: u32,
    pub organization: String,
    /// Oldest first; every series has one score per assessment, in this order.
    pub assessments: Vec<TrendPoint>,
    pub overall: Series,
    /// Every area seen, in the order first seen.
    pub areas: Vec<AreaSeries>,
}

/// The trend of `organization` over `summaries` (its assessments).
pub fn trend(organization: &str, summaries: &[&Summary]) -> Trend {
    let mut ordered = summaries.to_vec();
    ordered.sort_by(|a, b| (a.saved_at, &a.id).cmp(&(b.saved_at, &b.id)));
    let mut areas: Vec<(String, String)> = Vec::new();
    for s in &ordered {
        for a in &s.areas {
            if !areas.iter().any(|(id, _)| *id == a.id) {
                areas.push((a.id.clone(), a.title.clone()));
            }
        }
    }
    let area_series = areas
        .into_iter()
        .map(|(id, title)| {
            let scores = ordered.iter().map(|s| s.areas.iter().find(|a| a.id == id).and_then(|a| a.score)).collect();
            AreaSeries { id, title, series: Series::new(scores) }
        })
        .collect();
    Trend {
        schema_version: HISTORY_SCHEMA_VERSION,
        organization: ordered.last().and_then(|s| s.organization.clone()).unwrap_or_else(|| organization.to_string()),
        assessments: ordered
            .iter()
            .map(|s| TrendPoint {
                id: s.id.clone(),
                assessed_at: s.assessed_at,
                label: s.label.clone(),
                respondent: s.respondent.clone(),
                questionnaire: s.questionnaire.id.clone(),
                questionnaire_version: s.questionnaire.version.clone(),
                verdict: s.verdict,
                score: s.score,
            })
            .collect(),
        overall: Series::new(ordered.iter().map(|s| Some(s.score)).collect()),
        areas: area_series,
    }
}

/// One glyph per score on a fixed 0–100 scale (so rows compare with each
/// other), `·` where there is none.
pub fn sparkline(scores: &[Option<f64>]) -> String {
    scores
        .iter()
        .map(|s| match s {
            Some(v) if v.is_finite() => BARS[((v.clamp(0.0, 100.0) / 100.0 * 8.0) as usize).min(BARS.len() - 1)],
            _ => GAP,
        })
        .collect()
}
