//! `trend`: an organisation's scores over time, one column per round, one
//! sparkline per row, and as many score columns as the width allows.

use comfy_table::{Cell, ColumnConstraint, Width};

use super::cells::{change_cell, score_text, verdict_cell};
use crate::core::history::trend::{Trend, sparkline};
use crate::core::text::one_line;
use crate::report::style::TableStyle;

/// Most rounds shown as columns of the trend table.
const TREND_COLUMNS: usize = 8;
/// Most rounds drawn in a trend sparkline.
const SPARK_POINTS: usize = 24;
/// Width of a score column in the trend table, border included: a date
/// and its padding.
const SCORE_COLUMN: usize = 13;
/// Width kept in the trend table for the area titles and the change.
const OTHER_COLUMNS: usize = 40;

/// How many rounds a trend has, and how many of them fit.
#[derive(Debug, Clone, Copy)]
struct TrendLayout {
    /// Rounds in the trend.
    total: usize,
    /// Drawn in the sparkline: the last ones.
    drawn: usize,
    /// Shown as score columns: the last ones.
    shown: usize,
}

impl TrendLayout {
    /// As many score columns as the width allows, after the area titles,
    /// the trend line and the change.
    fn new(total: usize, width: u16) -> Self {
        let drawn = total.min(SPARK_POINTS);
        let room = usize::from(width).saturating_sub(OTHER_COLUMNS + drawn + 3);
        let shown = total.min((room / SCORE_COLUMN).clamp(1, TREND_COLUMNS));
        TrendLayout { total, drawn, shown }
    }
}

/// An organisation's scores over time, with a sparkline per row.
pub fn render_trend(trend: &Trend, style: TableStyle) -> String {
    let layout = TrendLayout::new(trend.assessments.len(), style.width);
    let mut out = style.lines(trend_heading(trend, layout).trim_end_matches('\n'));
    out.push_str(&format!("{}\n", trend_table(trend, layout, style)));
    out
}

/// Whose trend, over which labels, with which questionnaires, and what is
/// left out for want of room.
fn trend_heading(trend: &Trend, layout: TrendLayout) -> String {
    let TrendLayout { total: n, drawn, shown } = layout;
    let assessed: usize = trend.assessments.iter().map(|p| p.respondents).sum();
    let mut out = format!("Trend for {}: {n} round{}", one_line(&trend.organization), if n == 1 { "" } else { "s" });
    if assessed != n {
        out.push_str(&format!(" ({assessed} assessments)"));
    }
    match (trend.assessments.first(), trend.assessments.last()) {
        (Some(first), Some(last)) if n > 1 => {
            out.push_str(&format!(", {} to {}", one_line(&first.label), one_line(&last.label)))
        }
        (Some(only), _) => out.push_str(&format!(", {}", one_line(&only.label))),
        _ => {}
    }
    out.push('\n');
    if trend.questionnaires.len() > 1 {
        let used: Vec<String> = trend
            .questionnaires
            .iter()
            .map(|v| {
                let plural = if v.rounds == 1 { "" } else { "s" };
                format!("{} {} ({} round{plural})", one_line(&v.id), one_line(&v.version), v.rounds)
            })
            .collect();
        out.push_str(&format!("Questionnaires: {}; areas are matched by id.\n", used.join(", ")));
    }
    if shown < n {
        let line = if drawn == n { "covers all".to_string() } else { format!("shows the last {drawn}") };
        out.push_str(&format!(
            "Columns show the last {shown} rounds and the trend line {line}; --format json has all {n}.\n"
        ));
    }
    out
}

/// One row per area (and overall) with its sparkline, scores and change,
/// then the verdicts.
fn trend_table(trend: &Trend, layout: TrendLayout, style: TableStyle) -> comfy_table::Table {
    let TrendLayout { total: n, drawn, shown } = layout;
    let columns = &trend.assessments[n - shown..];
    let mut t = style.table();
    let mut header = vec![style.head("Area"), style.head("Trend")];
    header.extend(
        columns.iter().map(|p| style.head(&format!("{}\n{}", one_line(&p.label), p.assessed_at.strftime("%Y-%m-%d")))),
    );
    header.push(style.head("Change"));
    t.set_header(header);
    // The trend line must never wrap; a score column fits a date.
    let columns_total = shown + 3;
    for (i, column) in t.column_iter_mut().enumerate() {
        match i {
            1 => column.set_constraint(ColumnConstraint::ContentWidth),
            i if i >= 2 && i < columns_total - 1 => {
                column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(SCORE_COLUMN as u16 - 1)))
            }
            _ => column,
        };
    }
    let mut row = |title: Cell, scores: &[Option<f64>], change: Option<f64>| {
        let mut cells = vec![title, Cell::new(sparkline(&scores[n - drawn..]))];
        cells.extend(scores[n - shown..].iter().map(|s| Cell::new(score_text(*s))));
        // With one assessment there is nothing to change from yet.
        cells.push(change_cell(style, change.filter(|_| n > 1)));
        t.add_row(cells);
    };
    row(style.head("Overall"), &trend.overall.scores, trend.overall.change);
    for area in &trend.areas {
        row(Cell::new(one_line(&area.title)), &area.series.scores, area.series.change);
    }
    let mut verdicts = vec![Cell::new("Verdict"), Cell::new("")];
    verdicts.extend(columns.iter().map(|p| verdict_cell(style, p.verdict)));
    verdicts.push(Cell::new(""));
    t.add_row(verdicts);
    let mut respondents = vec![Cell::new("Respondents"), Cell::new("")];
    respondents.extend(columns.iter().map(|p| Cell::new(p.respondents)));
    respondents.push(Cell::new(""));
    t.add_row(respondents);
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::history::testing::summary;
    use crate::core::history::trend::{RoundScores, trend};

    #[test]
    fn a_long_trend_shows_the_latest_columns_and_says_so() {
        let points: Vec<_> = (0..10)
            .map(|i| {
                let at = format!("2026-01-{:02}T00:00:00Z", i + 1);
                summary(&format!("p{i}"), Some("Contoso"), &at, 10.0 * i as f64, &[])
            })
            .collect();
        let rounds = |n: usize| points[..n].iter().map(RoundScores::of_assessment).collect::<Vec<_>>();
        let text = render_trend(&trend("Contoso", rounds(10)), TableStyle::default());
        assert!(text.starts_with("Trend for Contoso: 10 rounds, p0 to p9\n"), "{text}");
        let note = "Columns show the last 3 rounds and the trend line covers all; --format json has all 10.";
        assert!(text.contains(note), "{text}");
        assert!(!text.contains(" p6 ") && text.contains(" p7 ") && text.contains(" p9 "), "{text}");
        assert!(text.contains("2026-01-10"), "dates are not wrapped: {text}");
        let overall = text.lines().find(|l| l.contains("Overall")).unwrap();
        assert!(overall.contains("▁▁▂▃▄▅▅▆▇█") && overall.contains("+90"), "{overall}");

        let one = render_trend(&trend("Contoso", rounds(1)), TableStyle::default());
        let overall = one.lines().find(|l| l.contains("Overall")).unwrap();
        assert!(overall.trim_end().ends_with("—     │") || overall.contains("┆ —"), "no change from one point: {one}");

        let wide = render_trend(&trend("Contoso", rounds(10)), TableStyle { color: false, width: 200 });
        assert!(wide.contains("Columns show the last 8 rounds"), "{wide}");
        assert!(!wide.contains(" p1 ") && wide.contains(" p2 "), "{wide}");
    }
}
