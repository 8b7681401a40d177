//! An organisation's scores over time, oldest first: overall and per area.
//! Pure: summaries in, series out.

use schemars::JsonSchema;
use serde::Serialize;

use super::HISTORY_SCHEMA_VERSION;
use super::record::Summary;
use crate::core::assessment::Verdict;
use crate::core::scoring::round1;

/// Sparkline glyphs, lowest first.
const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Shown in a sparkline where there is no score.
const GAP: char = '·';

/// One assessment in a trend.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct AreaSeries {
    pub id: String,
    pub title: String,
    #[serde(flatten)]
    pub series: Series,
}

/// An organisation's scores over time.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Trend {
    pub schema_version: u32,
    pub tool_version: &'static str,
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
        tool_version: crate::VERSION,
        organization: ordered.last().and_then(|s| s.organization.as_deref()).unwrap_or(organization).trim().to_string(),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(id: &str, saved_at: &str, score: f64, areas: &[(&str, Option<f64>)]) -> Summary {
        crate::core::history::testing::summary(id, Some("Adventure Works Cycles"), saved_at, score, areas)
    }

    #[test]
    fn series_run_oldest_first_with_gaps_for_missing_scores() {
        let q3 = summary("q3", "2026-07-01T00:00:00Z", 90.0, &[("vision", Some(95.0)), ("scope", Some(85.0))]);
        let q1 = summary("q1", "2026-01-01T00:00:00Z", 30.0, &[("vision", Some(20.0))]);
        let q2 = summary("q2", "2026-04-01T00:00:00Z", 60.0, &[("vision", None), ("scope", Some(55.5))]);
        let t = trend("adventure works cycles", &[&q3, &q1, &q2]);
        assert_eq!(t.organization, "Adventure Works Cycles", "spelled as stored");
        let ids: Vec<&str> = t.assessments.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["q1", "q2", "q3"]);
        assert_eq!(t.overall.scores, [Some(30.0), Some(60.0), Some(90.0)]);
        assert_eq!((t.overall.first, t.overall.last, t.overall.change), (Some(30.0), Some(90.0), Some(60.0)));
        let areas: Vec<&str> = t.areas.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(areas, ["vision", "scope"], "in the order first seen");
        assert_eq!(t.areas[0].series.scores, [Some(20.0), None, Some(95.0)]);
        assert_eq!(t.areas[0].series.change, Some(75.0));
        assert_eq!(t.areas[1].series.scores, [None, Some(55.5), Some(85.0)]);
        assert_eq!(t.areas[1].series.change, Some(29.5));
        assert_eq!(t.areas[0].title, "VISION");
    }

    #[test]
    fn a_single_assessment_has_no_change_to_speak_of() {
        let only = summary("q1", "2026-01-01T00:00:00Z", 42.0, &[("vision", None)]);
        let t = trend("x", &[&only]);
        assert_eq!(t.overall.change, Some(0.0));
        assert_eq!(t.areas[0].series.change, None);
    }

    #[test]
    fn sparkline_uses_a_fixed_scale() {
        assert_eq!(sparkline(&[Some(0.0), Some(12.4), Some(50.0), Some(87.5), Some(100.0)]), "▁▁▅██");
        assert_eq!(sparkline(&[Some(30.0), None, Some(70.0)]), "▃·▆");
        assert_eq!(sparkline(&[Some(-5.0), Some(250.0), Some(f64::NAN)]), "▁█·");
        assert_eq!(sparkline(&[]), "");
    }
}
