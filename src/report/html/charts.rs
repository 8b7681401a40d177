//! The charts' geometry, worked out in Rust: where each bar, line, point
//! and label goes on a 0–100 scale. The SVG markup is drawn by the macros
//! in `templates/charts.html`, so that labels from files are escaped by the
//! engine like every other text. Coordinates are written as strings with
//! one decimal: the same input gives the same bytes.

use serde::Serialize;

use crate::core::assessment::{AreaResult, Risk};
use crate::core::history::compare::AreaChange;
use crate::core::history::trend::Series;
use crate::core::questionnaire::Thresholds;
use crate::core::scoring::fmt1;
use crate::core::text::one_line;
use crate::core::wrap::truncate;

/// Characters of an area's title shown beside its bar; the full title is
/// the bar's tooltip and is in the table below the chart.
pub(super) const LABEL_CHARS: usize = 34;
/// Whole chart width, in SVG units (about pixels on screen).
const WIDTH: f64 = 720.0;
/// Where the plot starts, after the labels, and how wide it is.
const PLOT_X: f64 = 250.0;
const PLOT_WIDTH: f64 = 400.0;
/// Room above the bars for the threshold labels, and below for the axis.
const TOP: f64 = 22.0;
const BOTTOM: f64 = 26.0;

/// A number as SVG writes it.
pub(super) fn n(x: f64) -> String {
    format!("{x:.1}")
}

/// The x of a score on the plot.
fn x_of(score: f64) -> f64 {
    PLOT_X + PLOT_WIDTH * score.clamp(0.0, 100.0) / 100.0
}

/// The CSS class of a risk.
fn risk_class(risk: Option<Risk>) -> &'static str {
    match risk {
        Some(Risk::High) => "risk-high",
        Some(Risk::Medium) => "risk-medium",
        Some(Risk::Low) => "risk-low",
        None => "risk-none",
    }
}

/// A vertical (or, on a line chart, horizontal) line across the plot at a
/// threshold, with its label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mark {
    pub at: String,
    pub label: String,
}

/// The lines that mark where risk changes: below the first an area is at
/// high risk, below the second at medium risk.
pub(super) fn marks(bands: Option<&Thresholds>, place: impl Fn(f64) -> f64) -> Vec<Mark> {
    bands.map_or_else(Vec::new, |t| {
        vec![
            Mark { at: n(place(t.high_risk_below)), label: format!("high < {}", fmt1(t.high_risk_below)) },
            Mark { at: n(place(t.medium_risk_below)), label: format!("medium < {}", fmt1(t.medium_risk_below)) },
        ]
    })
}

/// A score axis tick.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tick {
    pub at: String,
    pub label: &'static str,
}

pub(super) fn ticks(place: impl Fn(f64) -> f64) -> Vec<Tick> {
    [(0.0, "0"), (25.0, "25"), (50.0, "50"), (75.0, "75"), (100.0, "100")]
        .into_iter()
        .map(|(v, label)| Tick { at: n(place(v)), label })
        .collect()
}

/// One bar.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    pub y: String,
    pub height: String,
    pub width: String,
    pub class: &'static str,
    /// The score as shown at the bar's end, "—" for none.
    pub value: String,
    pub value_x: String,
    /// The value's baseline.
    pub value_y: String,
}

fn bar(score: Option<f64>, y: f64, height: f64, class: &'static str) -> Bar {
    let end = x_of(score.unwrap_or(0.0));
    Bar {
        y: n(y),
        height: n(height),
        width: n(end - PLOT_X),
        class,
        value: score.map_or_else(|| "—".into(), fmt1),
        value_x: n(end + 6.0),
        value_y: n(y + height - 3.0),
    }
}

/// One area's row: its label and one bar, or two (before and after).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarRow {
    /// The title, shortened to fit.
    pub label: String,
    /// The full title, for the tooltip.
    pub title: String,
    pub label_y: String,
    pub bars: Vec<Bar>,
}

/// Horizontal bars on a 0–100 scale, one row per area.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarChart {
    pub width: String,
    pub height: String,
    /// Where the labels end, right-aligned before the plot.
    pub label_x: String,
    /// The baselines of the axis labels and of the threshold labels.
    pub axis_y: String,
    pub mark_y: String,
    pub plot_x: String,
    pub plot_end: String,
    pub plot_top: String,
    pub plot_bottom: String,
    pub rows: Vec<BarRow>,
    pub marks: Vec<Mark>,
    pub ticks: Vec<Tick>,
}

impl BarChart {
    fn new(rows: Vec<BarRow>, row_height: f64, bands: Option<&Thresholds>) -> BarChart {
        let plot_bottom = TOP + row_height * rows.len() as f64;
        BarChart {
            width: n(WIDTH),
            height: n(plot_bottom + BOTTOM),
            label_x: n(PLOT_X - 8.0),
            axis_y: n(plot_bottom + 16.0),
            mark_y: n(TOP - 8.0),
            plot_x: n(PLOT_X),
            plot_end: n(PLOT_X + PLOT_WIDTH),
            plot_top: n(TOP - 4.0),
            plot_bottom: n(plot_bottom),
            rows,
            marks: marks(bands, x_of),
            ticks: ticks(x_of),
        }
    }
}

fn row(title: &str, top: f64, row_height: f64, bars: Vec<Bar>) -> BarRow {
    let title = one_line(title).into_owned();
    BarRow { label: truncate(&title, LABEL_CHARS), title, label_y: n(top + row_height / 2.0 + 4.0), bars }
}

/// The areas' scores, coloured by risk, with the risk thresholds marked.
pub fn area_bars(areas: &[AreaResult], bands: Option<&Thresholds>) -> BarChart {
    const ROW: f64 = 26.0;
    let rows = areas
        .iter()
        .enumerate()
        .map(|(i, area)| {
            let top = TOP + ROW * i as f64;
            row(&area.title, top, ROW, vec![bar(area.score, top + 5.0, 16.0, risk_class(area.risk))])
        })
        .collect();
    BarChart::new(rows, ROW, bands)
}

/// Each area before (grey) and after (coloured by its risk after).
pub fn before_after_bars(areas: &[AreaChange], bands: Option<&Thresholds>) -> BarChart {
    const ROW: f64 = 36.0;
    let rows = areas
        .iter()
        .enumerate()
        .map(|(i, area)| {
            let top = TOP + ROW * i as f64;
            let before = bar(area.before, top + 5.0, 11.0, "before");
            let after = bar(area.after, top + 18.0, 13.0, risk_class(area.risk_after));
            row(&area.title, top, ROW, vec![before, after])
        })
        .collect();
    BarChart::new(rows, ROW, bands)
}

/// A point of a line chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    pub x: String,
    pub y: String,
    pub value: String,
    /// The value's baseline, above the point.
    pub label_y: String,
}

/// A label under the x axis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AxisLabel {
    pub x: String,
    pub text: String,
}

/// One series over time on a 0–100 scale: a small chart of its own.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LineChart {
    pub title: String,
    pub width: String,
    pub height: String,
    pub plot_x: String,
    pub plot_end: String,
    pub plot_top: String,
    pub plot_bottom: String,
    /// Where the score ticks end, left of the plot, and the baseline of
    /// the labels under it.
    pub tick_x: String,
    pub axis_y: String,
    /// `M x y L x y ...`, numbers only; a gap where there is no score.
    pub path: String,
    pub points: Vec<Point>,
    pub labels: Vec<AxisLabel>,
    pub marks: Vec<Mark>,
    pub ticks: Vec<Tick>,
}

/// Size of one small line chart.
const LINE_WIDTH: f64 = 340.0;
const LINE_HEIGHT: f64 = 190.0;
const LINE_LEFT: f64 = 40.0;
const LINE_RIGHT: f64 = 34.0;
const LINE_TOP: f64 = 14.0;
const LINE_BOTTOM: f64 = 150.0;
/// Most x-axis labels drawn; the table under the charts has them all.
const MAX_AXIS_LABELS: usize = 6;
/// Characters of a round's label under the axis, at most.
const AXIS_LABEL_CHARS: usize = 10;
/// Room between the score axis's labels and the first point, and between
/// the last point and the edge: a point's value is drawn centred above it
/// and must not run into the "50" of the axis.
const LINE_INSET: f64 = 18.0;
/// Width of one character of a label, roughly, in SVG units (11px type).
const CHAR_WIDTH: f64 = 6.5;
/// Closest two points may be and still both carry their value.
const VALUE_ROOM: f64 = 30.0;

/// `series` over the assessments labelled `labels`, oldest first.
pub fn line_chart(title: &str, series: &Series, labels: &[&str], bands: Option<&Thresholds>) -> LineChart {
    let count = series.scores.len();
    let first_x = LINE_LEFT + LINE_INSET;
    let last_x = LINE_WIDTH - LINE_RIGHT - LINE_INSET;
    let step = (last_x - first_x) / (count.max(2) - 1) as f64;
    let x_at = |i: usize| if count == 1 { (first_x + last_x) / 2.0 } else { first_x + step * i as f64 };
    let y_of = |score: f64| LINE_BOTTOM - (LINE_BOTTOM - LINE_TOP) * score.clamp(0.0, 100.0) / 100.0;
    let last_scored = series.scores.iter().rposition(Option::is_some);
    let mut path = String::new();
    let mut points = Vec::new();
    let mut pen_down = false;
    for (i, score) in series.scores.iter().enumerate() {
        match score {
            Some(s) => {
                path.push_str(&format!("{}{} {} ", if pen_down { "L" } else { "M" }, n(x_at(i)), n(y_of(*s))));
                // Packed points keep only the latest value: the table has them all.
                let value = if step >= VALUE_ROOM || Some(i) == last_scored { fmt1(*s) } else { String::new() };
                points.push(Point { x: n(x_at(i)), y: n(y_of(*s)), value, label_y: n(y_of(*s) - 7.0) });
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    let shown = axis_labels(count);
    let gap = shown.windows(2).map(|w| w[1] - w[0]).min().unwrap_or(count.max(1));
    // A label is cut to the room between two labels, so that none overlaps the next.
    let chars = if count == 1 { AXIS_LABEL_CHARS } else { ((step * gap as f64 - 6.0) / CHAR_WIDTH) as usize };
    let chars = chars.clamp(4, AXIS_LABEL_CHARS);
    let labels = shown
        .iter()
        .filter_map(|&i| Some(AxisLabel { x: n(x_at(i)), text: truncate(&one_line(labels.get(i)?), chars) }))
        .collect();
    LineChart {
        title: one_line(title).into_owned(),
        width: n(LINE_WIDTH),
        height: n(LINE_HEIGHT),
        plot_x: n(LINE_LEFT),
        plot_end: n(LINE_WIDTH - LINE_RIGHT),
        plot_top: n(LINE_TOP),
        plot_bottom: n(LINE_BOTTOM),
        tick_x: n(LINE_LEFT - 5.0),
        axis_y: n(LINE_BOTTOM + 17.0),
        path: path.trim_end().to_string(),
        points,
        labels,
        marks: marks(bands, y_of),
        ticks: [(0.0, "0"), (50.0, "50"), (100.0, "100")]
            .into_iter()
            .map(|(v, label)| Tick { at: n(y_of(v)), label })
            .collect(),
    }
}

/// Which of `count` rounds are labelled under the axis: evenly spread,
/// at most [`MAX_AXIS_LABELS`], the first and the last always, and never
/// two closer together than the rest.
fn axis_labels(count: usize) -> Vec<usize> {
    let every = count.div_ceil(MAX_AXIS_LABELS).max(1);
    let mut shown: Vec<usize> = (0..count).step_by(every).collect();
    if let Some(&last) = shown.last()
        && last + 1 < count
    {
        if count - 1 - last < every && shown.len() > 1 {
            shown.pop();
        }
        shown.push(count - 1);
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(title: &str, score: Option<f64>, risk: Option<Risk>) -> AreaResult {
        AreaResult {
            id: title.to_lowercase(),
            title: title.into(),
            weight: 1.0,
            score,
            risk,
            questions: 1,
            answered: 1,
            unknown: 0,
        }
    }

    #[test]
    fn bars_scale_to_the_plot_and_carry_their_risk() {
        let areas = [
            area("Vision", Some(100.0), Some(Risk::Low)),
            area("A very long area title that goes on and on", Some(25.0), Some(Risk::High)),
            area("None", None, None),
        ];
        let chart = area_bars(&areas, Some(&Thresholds::default()));
        assert_eq!(chart.rows[0].bars[0].width, n(PLOT_WIDTH));
        assert_eq!(chart.rows[1].bars[0].width, n(PLOT_WIDTH / 4.0));
        assert_eq!(chart.rows[1].bars[0].class, "risk-high");
        assert!(chart.rows[1].label.ends_with('…') && chart.rows[1].title.ends_with("on and on"));
        assert_eq!((chart.rows[2].bars[0].value.as_str(), chart.rows[2].bars[0].class), ("—", "risk-none"));
        assert_eq!(chart.marks.iter().map(|m| m.at.as_str()).collect::<Vec<_>>(), [n(x_of(50.0)), n(x_of(75.0))]);
        assert!(area_bars(&areas, None).marks.is_empty(), "no thresholds known, none marked");
    }

    #[test]
    fn a_line_breaks_where_a_score_is_missing() {
        let series =
            Series { scores: vec![Some(10.0), None, Some(50.0), Some(60.0)], first: None, last: None, change: None };
        let chart = line_chart("Overall", &series, &["Q1", "Q2", "Q3", "Q4"], None);
        assert_eq!(chart.points.len(), 3);
        assert_eq!(chart.path.matches('M').count(), 2, "{}", chart.path);
        assert_eq!(chart.path.matches('L').count(), 1, "{}", chart.path);
        assert_eq!(chart.labels.len(), 4);
        assert_eq!(chart.points[2].value, "60");
    }

    #[test]
    fn values_and_labels_keep_clear_of_the_axis_and_of_each_other() {
        for count in 1..=30 {
            let shown = axis_labels(count);
            let every = count.div_ceil(MAX_AXIS_LABELS).max(1);
            assert!(shown[0] == 0 && shown.last() == Some(&(count - 1)) && shown.len() <= MAX_AXIS_LABELS);
            assert!(shown.windows(2).all(|w| w[1] - w[0] >= every), "{count}: {shown:?}");
            let series = Series { scores: vec![Some(46.4); count], first: None, last: None, change: None };
            let labels: Vec<String> = (0..count).map(|i| format!("2026-Q{i} review")).collect();
            let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
            let chart = line_chart("Overall", &series, &labels, None);
            // The first value, centred on its point, ends right of the score axis's labels.
            let first: f64 = chart.points[0].x.parse().unwrap();
            let half = CHAR_WIDTH * 4.0 / 2.0;
            assert!(first - half > LINE_LEFT - 5.0, "{count}: {first}");
            // Axis labels, centred, do not overlap.
            let xs: Vec<(f64, usize)> =
                chart.labels.iter().map(|l| (l.x.parse().unwrap(), l.text.chars().count())).collect();
            for w in xs.windows(2) {
                let ((a, an), (b, bn)) = (w[0], w[1]);
                assert!(a + CHAR_WIDTH * an as f64 / 2.0 <= b - CHAR_WIDTH * bn as f64 / 2.0, "{count}: {xs:?}");
            }
            // Values drawn are at least VALUE_ROOM apart.
            let drawn: Vec<f64> =
                chart.points.iter().filter(|p| !p.value.is_empty()).map(|p| p.x.parse().unwrap()).collect();
            assert!(drawn.windows(2).all(|w| w[1] - w[0] >= VALUE_ROOM), "{count}: {drawn:?}");
            assert!(!chart.points.last().unwrap().value.is_empty());
        }
    }
}
