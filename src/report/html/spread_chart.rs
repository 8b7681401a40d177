//! The round's chart: each area's spread by stakeholder group. One row per
//! area on a 0–100 scale: a grey band from the lowest to the highest
//! respondent, a dark line at the round's score, and one marker per group
//! at its mean, each group in a lane of its own so that none hides
//! another. Groups differ in shape as well as colour, so the chart reads in
//! black-and-white print. The risk zones are shaded behind, their
//! thresholds dashed; a last column shows how far the area's respondents
//! agree (0 to 1). Geometry only: `templates/charts.html` draws it.

use serde::Serialize;

use super::charts::{LABEL_CHARS, Mark, Tick, marks, n, ticks};
use super::markers::{group_class, group_title, marker};
use crate::core::answers::Group;
use crate::core::questionnaire::Thresholds;
use crate::core::round::{AreaSpread, Round, RoundArea};
use crate::core::scoring::fmt1;
use crate::core::text::one_line;
use crate::core::wrap::truncate;

const WIDTH: f64 = 720.0;
const PLOT_X: f64 = 250.0;
const PLOT_WIDTH: f64 = 360.0;
/// The agreement column: a track this wide, then the value.
const AGREE_X: f64 = 634.0;
const AGREE_WIDTH: f64 = 48.0;
/// Each group's lane within a row, and the room above and below the lanes.
const LANE: f64 = 8.0;
const ROW_PAD: f64 = 6.0;
/// A line of the legend, and roughly how wide its text runs per character.
const LEGEND_LINE: f64 = 18.0;
const LEGEND_CHAR: f64 = 7.0;
const LEGEND_GAP: f64 = 14.0;
const BOTTOM: f64 = 26.0;

fn x_of(score: f64) -> f64 {
    PLOT_X + PLOT_WIDTH * score.clamp(0.0, 100.0) / 100.0
}

/// One group's place on an area.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Marker {
    pub path: String,
    pub class: &'static str,
    /// "Management: 62.5 (2 respondents)".
    pub tip: String,
}

/// The lowest to the highest respondent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Band {
    pub x: String,
    pub width: String,
    pub tip: String,
}

/// How far an area's respondents agree: a filled part of a track.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    pub width: String,
    /// "0.91", or "—" when it cannot be worked out.
    pub value: String,
}

/// One area.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpreadRow {
    pub label: String,
    pub title: String,
    pub label_y: String,
    pub top: String,
    pub bottom: String,
    /// The band's top, height and bottom, within the row.
    pub band_y: String,
    pub band_height: String,
    pub band_bottom: String,
    pub band: Option<Band>,
    /// Where the round's score stands, and the score.
    pub score_x: Option<String>,
    pub score: String,
    pub markers: Vec<Marker>,
    pub agreement: Agreement,
    /// The agreement track's top and height.
    pub agree_y: String,
}

/// A shaded risk zone behind the rows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Zone {
    pub x: String,
    pub width: String,
    pub class: &'static str,
}

/// A key of the legend: its swatch as a path, then its text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LegendItem {
    pub path: String,
    pub class: &'static str,
    pub text: String,
    pub text_x: String,
    pub text_y: String,
}

/// Each area's spread by group, with the agreement beside it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpreadChart {
    pub width: String,
    pub height: String,
    pub label_x: String,
    pub plot_x: String,
    pub plot_end: String,
    pub plot_top: String,
    pub plot_bottom: String,
    pub plot_height: String,
    pub mark_y: String,
    pub axis_y: String,
    pub agree_x: String,
    pub agree_width: String,
    pub agree_value_x: String,
    pub agree_height: String,
    pub legend: Vec<LegendItem>,
    pub zones: Vec<Zone>,
    pub marks: Vec<Mark>,
    pub ticks: Vec<Tick>,
    pub rows: Vec<SpreadRow>,
}

/// The chart of `round`, whose areas' scores by group are `spread`.
pub fn spread_chart(round: &Round, spread: &[AreaSpread], bands: Option<&Thresholds>) -> SpreadChart {
    let groups = round.groups();
    let (legend, legend_height) = legend(&groups, bands.is_some());
    let mark_y = legend_height + 14.0;
    let plot_top = mark_y + 6.0;
    let row_height = 2.0 * ROW_PAD + LANE * groups.len().max(1) as f64;
    let rows: Vec<SpreadRow> = round
        .areas
        .iter()
        .zip(spread)
        .enumerate()
        .map(|(i, (area, by_group))| row(area, by_group, plot_top + row_height * i as f64, row_height))
        .collect();
    let plot_bottom = plot_top + row_height * rows.len() as f64;
    SpreadChart {
        width: n(WIDTH),
        height: n(plot_bottom + BOTTOM),
        label_x: n(PLOT_X - 8.0),
        plot_x: n(PLOT_X),
        plot_end: n(PLOT_X + PLOT_WIDTH),
        plot_top: n(plot_top),
        plot_bottom: n(plot_bottom),
        plot_height: n(plot_bottom - plot_top),
        mark_y: n(mark_y),
        axis_y: n(plot_bottom + 16.0),
        agree_x: n(AGREE_X),
        agree_width: n(AGREE_WIDTH),
        agree_value_x: n(AGREE_X + AGREE_WIDTH + 6.0),
        agree_height: n(8.0),
        legend,
        zones: zones(bands),
        marks: marks(bands, x_of),
        ticks: ticks(x_of),
        rows,
    }
}

fn row(area: &RoundArea, by_group: &AreaSpread, top: f64, height: f64) -> SpreadRow {
    let title = one_line(&area.title).into_owned();
    let band = match (area.lowest_score, area.highest_score) {
        (Some(low), Some(high)) => Some(Band {
            x: n(x_of(low) - 2.0),
            width: n(x_of(high) - x_of(low) + 4.0),
            tip: format!("{title}: respondents {} to {}", fmt1(low), fmt1(high)),
        }),
        _ => None,
    };
    let markers = by_group
        .groups
        .iter()
        .enumerate()
        .filter_map(|(lane, g)| {
            let score = g.score?;
            let y = top + ROW_PAD + LANE * (lane as f64 + 0.5);
            let people =
                if g.respondents == 1 { "1 respondent".to_string() } else { format!("{} respondents", g.respondents) };
            Some(Marker {
                path: marker(g.group, x_of(score), y),
                class: group_class(g.group),
                tip: format!("{}: {} ({people})", group_title(g.group), fmt1(score)),
            })
        })
        .collect();
    SpreadRow {
        label: truncate(&title, LABEL_CHARS),
        label_y: n(top + height / 2.0 + 4.0),
        top: n(top),
        bottom: n(top + height),
        band_y: n(top + 3.0),
        band_height: n(height - 6.0),
        band_bottom: n(top + height - 3.0),
        band,
        score_x: area.score.map(|s| n(x_of(s))),
        score: area.score.map_or_else(|| "—".into(), fmt1),
        markers,
        agreement: Agreement {
            width: n(AGREE_WIDTH * area.agreement.unwrap_or(0.0).clamp(0.0, 1.0)),
            value: area.agreement.map_or_else(|| "—".into(), |a| format!("{a:.2}")),
        },
        agree_y: n(top + height / 2.0 - 4.0),
        title,
    }
}

/// The risk zones: high below the first threshold, medium below the
/// second, low above.
fn zones(bands: Option<&Thresholds>) -> Vec<Zone> {
    let Some(t) = bands else { return Vec::new() };
    let (high, medium) = (x_of(t.high_risk_below), x_of(t.medium_risk_below));
    vec![
        Zone { x: n(PLOT_X), width: n(high - PLOT_X), class: "zone-high" },
        Zone { x: n(high), width: n(medium - high), class: "zone-medium" },
        Zone { x: n(medium), width: n(PLOT_X + PLOT_WIDTH - medium), class: "zone-low" },
    ]
}

/// What a key of the legend stands for.
#[derive(Debug, Clone, Copy)]
enum Key {
    Group(Option<Group>),
    Range,
    RoundScore,
    Threshold,
}

impl Key {
    fn class(self) -> &'static str {
        match self {
            Key::Group(g) => group_class(g),
            Key::Range => "range",
            Key::RoundScore => "round-score",
            Key::Threshold => "mark",
        }
    }

    fn text(self) -> &'static str {
        match self {
            Key::Group(g) => group_title(g),
            Key::Range => "range of respondents",
            Key::RoundScore => "round's score",
            Key::Threshold => "risk threshold",
        }
    }

    /// Its swatch, 16 wide from `x`, centred on `y`.
    fn swatch(self, x: f64, y: f64) -> String {
        match self {
            Key::Group(g) => marker(g, x + 8.0, y),
            Key::Range => format!("M{} {}h16v10h-16Z", n(x), n(y - 5.0)),
            Key::RoundScore | Key::Threshold => format!("M{} {}v14", n(x + 8.0), n(y - 7.0)),
        }
    }
}

/// The legend, left to right, onto a new line when a key would not fit;
/// and its height.
fn legend(groups: &[Option<Group>], thresholds: bool) -> (Vec<LegendItem>, f64) {
    let mut keys: Vec<Key> = groups.iter().map(|&g| Key::Group(g)).collect();
    keys.extend([Key::Range, Key::RoundScore]);
    if thresholds {
        keys.push(Key::Threshold);
    }
    let mut items = Vec::new();
    let (mut x, mut line) = (0.0, 0.0);
    for key in keys {
        let width = 20.0 + LEGEND_CHAR * key.text().chars().count() as f64;
        if x > 0.0 && x + width > WIDTH {
            (x, line) = (0.0, line + 1.0);
        }
        let y = LEGEND_LINE * line + 10.0;
        items.push(LegendItem {
            path: key.swatch(x, y),
            class: key.class(),
            text: key.text().to_string(),
            text_x: n(x + 20.0),
            text_y: n(y + 4.0),
        });
        x += width + LEGEND_GAP;
    }
    (items, LEGEND_LINE * (line + 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_legend_wraps_to_the_width_and_names_every_group() {
        let all: Vec<Option<Group>> = Group::ALL.map(Some).into_iter().chain([None]).collect();
        let (items, height) = legend(&all, true);
        let texts: Vec<&str> = items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Management",
                "IT",
                "Users",
                "Owners",
                "Unassigned",
                "range of respondents",
                "round's score",
                "risk threshold"
            ]
        );
        assert_eq!(height, 2.0 * LEGEND_LINE, "two lines");
        for item in &items {
            let x: f64 = item.text_x.parse().unwrap();
            assert!(x + LEGEND_CHAR * item.text.chars().count() as f64 <= WIDTH, "{item:?}");
        }
        let (four, height) = legend(&Group::ALL.map(Some), true);
        assert_eq!((four.len(), height), (7, LEGEND_LINE), "the four groups and the keys fit one line");
        let (one, height) = legend(&[Some(Group::Users)], false);
        assert_eq!((one.len(), height), (3, LEGEND_LINE));
    }
}
