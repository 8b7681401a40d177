//! An organisation's scores over time, one point per round, oldest first:
//! overall and per area. Pure: the rounds' scores in, series out.

use schemars::JsonSchema;
use serde::Serialize;

use super::HISTORY_SCHEMA_VERSION;
use super::record::{AreaScore, Summary};
use super::respondents::{Person, RespondentsChanged, RoundPeople, changes, people_of};
use crate::core::assessment::Verdict;
use crate::core::questionnaire::VerdictTitles;
use crate::core::scoring::round1;

/// Sparkline glyphs, lowest first.
const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Shown in a sparkline where there is no score.
const GAP: char = '·';

/// One round in a trend.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TrendPoint {
    /// The round's latest assessment's id.
    pub id: String,
    /// The round's date: its latest assessment's.
    pub assessed_at: jiff::Timestamp,
    pub label: String,
    /// The respondent of a round of one; `None` for a round of several.
    pub respondent: Option<String>,
    pub questionnaire: String,
    pub questionnaire_version: String,
    pub verdict: Verdict,
    /// The verdict in its questionnaire's words: `Not ready`, `At risk`.
    pub verdict_title: String,
    pub score: f64,
    /// How many people answered in the round: 1 is a single assessment.
    pub respondents: usize,
}

/// What a trend needs of one round: its point, its areas' scores and who
/// answered.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundScores {
    pub point: TrendPoint,
    pub areas: Vec<AreaScore>,
    pub people: Vec<Person>,
}

impl RoundScores {
    /// A round of one: the assessment itself, its verdict worded by
    /// `verdicts` (its questionnaire's).
    pub fn of_assessment(s: &Summary, verdicts: &VerdictTitles) -> RoundScores {
        RoundScores {
            point: TrendPoint {
                id: s.id.clone(),
                assessed_at: s.assessed_at,
                label: s.label.clone(),
                respondent: s.respondent.clone(),
                questionnaire: s.questionnaire.id.clone(),
                questionnaire_version: s.questionnaire.version.clone(),
                verdict: s.verdict,
                verdict_title: s.verdict.worded(verdicts).to_string(),
                score: s.score,
                respondents: 1,
            },
            areas: s.areas.clone(),
            people: people_of(&[s]),
        }
    }
}

/// How many rounds used one questionnaire version.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct VersionUse {
    pub id: String,
    pub version: String,
    pub rounds: usize,
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
    /// The rounds, oldest first; every series has one score per round, in
    /// this order.
    pub assessments: Vec<TrendPoint>,
    pub overall: Series,
    /// Every area seen, in the order first seen, matched by id.
    pub areas: Vec<AreaSeries>,
    /// The questionnaires and versions the rounds used, in the order first
    /// used.
    pub questionnaires: Vec<VersionUse>,
    /// Who answered in a round and not in the one before, or the other way
    /// round: a change of people moves the scores too.
    pub respondents_changed: Vec<RespondentsChanged>,
    /// With `--same-respondents`, the people every round was kept to.
    pub same_respondents: Option<Vec<Person>>,
}

/// The trend of `organization` over its `rounds`, ordered by date (a
/// round's latest assessment); rounds of the same date stay in the order
/// given.
pub fn trend(organization: &str, mut rounds: Vec<RoundScores>) -> Trend {
    rounds.sort_by_key(|r| r.point.assessed_at);
    let mut areas: Vec<(String, String)> = Vec::new();
    for r in &rounds {
        for a in &r.areas {
            if !areas.iter().any(|(id, _)| *id == a.id) {
                areas.push((a.id.clone(), a.title.clone()));
            }
        }
    }
    let area_series = areas
        .into_iter()
        .map(|(id, title)| {
            let scores = rounds.iter().map(|r| r.areas.iter().find(|a| a.id == id).and_then(|a| a.score)).collect();
            AreaSeries { id, title, series: Series::new(scores) }
        })
        .collect();
    let mut questionnaires: Vec<VersionUse> = Vec::new();
    for r in &rounds {
        let (id, version) = (&r.point.questionnaire, &r.point.questionnaire_version);
        match questionnaires.iter_mut().find(|v| v.id == *id && v.version == *version) {
            Some(v) => v.rounds += 1,
            None => questionnaires.push(VersionUse { id: id.clone(), version: version.clone(), rounds: 1 }),
        }
    }
    let people: Vec<RoundPeople<'_>> =
        rounds.iter().map(|r| RoundPeople { label: &r.point.label, people: &r.people }).collect();
    let respondents_changed = changes(&people);
    Trend {
        schema_version: HISTORY_SCHEMA_VERSION,
        tool_version: crate::VERSION,
        organization: organization.trim().to_string(),
        overall: Series::new(rounds.iter().map(|r| Some(r.point.score)).collect()),
        assessments: rounds.into_iter().map(|r| r.point).collect(),
        areas: area_series,
        questionnaires,
        respondents_changed,
        same_respondents: None,
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

    fn summary(id: &str, saved_at: &str, score: f64, areas: &[(&str, Option<f64>)]) -> RoundScores {
        let s = crate::core::history::testing::summary(id, Some("Adventure Works Cycles"), saved_at, score, areas);
        RoundScores::of_assessment(&s, &VerdictTitles::default())
    }

    #[test]
    fn series_run_oldest_first_with_gaps_for_missing_scores() {
        let q3 = summary("q3", "2026-07-01T00:00:00Z", 90.0, &[("vision", Some(95.0)), ("scope", Some(85.0))]);
        let q1 = summary("q1", "2026-01-01T00:00:00Z", 30.0, &[("vision", Some(20.0))]);
        let q2 = summary("q2", "2026-04-01T00:00:00Z", 60.0, &[("vision", None), ("scope", Some(55.5))]);
        let t = trend("Adventure Works Cycles", vec![q3, q1, q2]);
        assert_eq!(t.organization, "Adventure Works Cycles");
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
        let t = trend("x", vec![only]);
        assert_eq!(t.overall.change, Some(0.0));
        assert_eq!(t.areas[0].series.change, None);
    }

    #[test]
    fn points_are_rounds_with_their_respondents_and_versions() {
        let one = summary("one", "2026-01-01T00:00:00Z", 40.0, &[]);
        let mut four = summary("four", "2026-04-01T00:00:00Z", 60.0, &[]);
        four.point.respondents = 4;
        four.point.respondent = None;
        four.point.questionnaire_version = "2".into();
        let t = trend("X", vec![four, one]);
        let shape: Vec<(&str, usize)> = t.assessments.iter().map(|p| (p.label.as_str(), p.respondents)).collect();
        assert_eq!(shape, [("one", 1), ("four", 4)]);
        let used: Vec<(&str, usize)> = t.questionnaires.iter().map(|v| (v.version.as_str(), v.rounds)).collect();
        assert_eq!(used, [("1", 1), ("2", 1)]);
    }

    #[test]
    fn sparkline_uses_a_fixed_scale() {
        assert_eq!(sparkline(&[Some(0.0), Some(12.4), Some(50.0), Some(87.5), Some(100.0)]), "▁▁▅██");
        assert_eq!(sparkline(&[Some(30.0), None, Some(70.0)]), "▃·▆");
        assert_eq!(sparkline(&[Some(-5.0), Some(250.0), Some(f64::NAN)]), "▁█·");
        assert_eq!(sparkline(&[]), "");
    }
}
