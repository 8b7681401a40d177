//! `trend`: an organisation's scores over time, one column per round, one
//! sparkline per row, and as many score columns as the width allows.

use comfy_table::{Cell, Table};

use super::cells::{noted_change_cell, score_text, verdict_cell};
use super::words::{
    change_heading, change_note, questionnaires_used, respondents_changed, rounds_and_assessments, row_change,
    same_respondents,
};
use crate::core::history::trend::{Series, Trend, sparkline};
use crate::core::text::one_line;
use crate::report::fit::Fit;
use crate::report::style::TableStyle;

/// Most rounds shown as columns of the trend table.
const TREND_COLUMNS: usize = 8;
/// Most rounds drawn in a trend sparkline.
const SPARK_POINTS: usize = 24;

/// An organisation's scores over time, with a sparkline per row: as many
/// of the latest rounds as columns as fit the width without breaking a
/// word, the oldest left out first.
pub fn render_trend(trend: &Trend, style: TableStyle) -> String {
    let n = trend.assessments.len();
    let offered = n.min(TREND_COLUMNS);
    let mut table = trend_table(trend, offered, style);
    // Area, trend line, the score columns, change.
    let mut fits = vec![Fit::Words, Fit::Whole];
    fits.extend(std::iter::repeat_n(Fit::Words, offered));
    fits.push(Fit::Words);
    // The oldest rounds go first; the latest always stays.
    let dropped_first: Vec<usize> = (2..offered + 1).collect();
    let kept = style.fit(&mut table, &fits, &dropped_first);
    let shown = kept.len() - 3;
    let mut out = style.lines(trend_heading(trend, shown).trim_end_matches('\n'));
    out.push_str(&format!("{table}\n"));
    out
}

/// Whose trend, over which labels, with which questionnaires, what the
/// change is measured from, and what is left out for want of room.
fn trend_heading(trend: &Trend, shown: usize) -> String {
    let n = trend.assessments.len();
    let drawn = n.min(SPARK_POINTS);
    let mut out = format!("Trend for {}: {}", one_line(&trend.organization), rounds_and_assessments(trend));
    match (trend.assessments.first(), trend.assessments.last()) {
        (Some(first), Some(last)) if n > 1 => {
            out.push_str(&format!(", {} to {}", one_line(&first.label), one_line(&last.label)))
        }
        (Some(only), _) => out.push_str(&format!(", {}", one_line(&only.label))),
        _ => {}
    }
    out.push('\n');
    if let Some(used) = questionnaires_used(trend) {
        out.push_str(&format!("Questionnaires: {used}; areas are matched by id.\n"));
    }
    for line in same_respondents(trend.same_respondents.as_deref(), trend.assessments.len())
        .into_iter()
        .chain(respondents_changed(&trend.respondents_changed))
    {
        out.push_str(&format!("{line}\n"));
    }
    if shown < n {
        let line = if drawn == n { "covers all".to_string() } else { format!("shows the last {drawn}") };
        let first = trend.assessments.first().map_or_else(String::new, |p| one_line(&p.label).into_owned());
        out.push_str(&format!(
            "Columns show the last {shown} rounds, the trend line {line} and the change is since {first}; \
             --format json has all {n}.\n"
        ));
    }
    out
}

/// One row per area (and overall) with its sparkline, scores of the
/// last `shown` rounds and change, then the verdicts and respondents.
fn trend_table(trend: &Trend, shown: usize, style: TableStyle) -> Table {
    let n = trend.assessments.len();
    let drawn = n.min(SPARK_POINTS);
    let columns = &trend.assessments[n - shown..];
    let mut t = style.table();
    let mut header = vec![style.head("Area"), style.head("Trend")];
    header.extend(
        columns.iter().map(|p| style.head(&format!("{}\n{}", one_line(&p.label), p.assessed_at.strftime("%Y-%m-%d")))),
    );
    header.push(style.head(&change_heading(trend)));
    t.set_header(header);
    let mut row = |title: Cell, series: &Series| {
        let mut cells = vec![title, Cell::new(sparkline(&series.scores[n - drawn..]))];
        cells.extend(series.scores[n - shown..].iter().map(|s| Cell::new(score_text(*s))));
        cells.push(change(trend, series, style));
        t.add_row(cells);
    };
    row(style.head("Overall"), &trend.overall);
    for area in &trend.areas {
        row(Cell::new(one_line(&area.title)), &area.series);
    }
    let mut verdicts = vec![Cell::new("Verdict"), Cell::new("")];
    verdicts.extend(columns.iter().map(|p| verdict_cell(style, p.verdict, &p.verdict_title)));
    verdicts.push(Cell::new(""));
    t.add_row(verdicts);
    let mut respondents = vec![Cell::new("Respondents"), Cell::new("")];
    respondents.extend(columns.iter().map(|p| Cell::new(p.respondents)));
    respondents.push(Cell::new(""));
    t.add_row(respondents);
    t
}

/// A row's change from its first score to its last, with the rounds it
/// is measured between when they are not the first and the last.
fn change(trend: &Trend, series: &Series, style: TableStyle) -> Cell {
    noted_change_cell(style, row_change(trend, series), &change_note(trend, series))
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
        let rounds = |n: usize| {
            points[..n].iter().map(|s| RoundScores::of_assessment(s, &Default::default())).collect::<Vec<_>>()
        };
        let text = render_trend(&trend("Contoso", rounds(10)), TableStyle::default());
        assert!(text.starts_with("Trend for Contoso: 10 rounds, p0 to p9\n"), "{text}");
        let note = "Columns show the last 4 rounds, the trend line covers all and the change is since p0; \
                    --format json has all 10.";
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(words.contains(note), "{text}");
        assert!(!text.contains(" p5 ") && text.contains(" p6 ") && text.contains(" p9 "), "{text}");
        assert!(text.contains("Change since p0"), "{text}");
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

    #[test]
    fn a_row_that_starts_later_names_the_rounds_its_change_is_measured_between() {
        let points = [
            summary("2026-Q1", Some("Contoso"), "2026-01-01T00:00:00Z", 20.0, &[("old", Some(20.0))]),
            summary(
                "2026-Q2",
                Some("Contoso"),
                "2026-04-01T00:00:00Z",
                40.0,
                &[("old", Some(30.0)), ("new", Some(50.0))],
            ),
            summary(
                "2026-Q3",
                Some("Contoso"),
                "2026-07-01T00:00:00Z",
                60.0,
                &[("old", Some(40.0)), ("new", Some(45.0))],
            ),
        ];
        let t = trend("Contoso", points.iter().map(|s| RoundScores::of_assessment(s, &Default::default())).collect());
        let text = render_trend(&t, TableStyle { color: false, width: 120 });
        let row = |title: &str| text.lines().find(|l| l.contains(title)).unwrap().to_string();
        assert!(text.contains("Change since 2026-Q1"), "{text}");
        assert!(row("OLD").contains("+20 "), "{text}");
        assert!(row("NEW").contains("-5 (2026-Q2 to 2026-Q3)"), "{text}");
    }
}
