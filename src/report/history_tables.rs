//! The terminal tables of `history`, `compare` and `trend`. Every string
//! from a stored file passes through `one_line` before it is shown.

use comfy_table::{Cell, Color, ColumnConstraint, Width};

use crate::core::assessment::{ActionItem, RedFlag, Risk, Verdict};
use crate::core::history::compare::{AnswerChange, Comparison, Direction, Side};
use crate::core::history::trend::{Trend, sparkline};
use crate::core::scoring::fmt1;
use crate::core::text::one_line;
use crate::io::store::Entry;
use crate::report::TableStyle;

/// Most assessments shown as columns of the trend table.
pub const TREND_COLUMNS: usize = 8;
/// Most assessments drawn in a trend sparkline.
pub const SPARK_POINTS: usize = 24;
/// Width of a score column in the trend table, border included: a date
/// and its padding.
const SCORE_COLUMN: usize = 13;
/// Width kept in the trend table for the area titles and the change.
const OTHER_COLUMNS: usize = 40;

/// The list of assessments, oldest first.
pub fn render_history(entries: &[&Entry], style: TableStyle) -> String {
    let mut t = style.table();
    t.set_header(
        ["Date", "Organisation", "Label", "Respondent", "Questionnaire", "Score", "Verdict", "Id"]
            .map(|h| style.head(h)),
    );
    for e in entries {
        let s = &e.summary;
        t.add_row(vec![
            Cell::new(s.assessed_at.strftime("%Y-%m-%d")),
            Cell::new(optional(&s.organization)),
            Cell::new(one_line(&s.label)),
            Cell::new(optional(&s.respondent)),
            Cell::new(format!("{}\n{}", one_line(&s.questionnaire.id), one_line(&s.questionnaire.version))),
            Cell::new(fmt1(s.score)),
            verdict_cell(style, s.verdict),
            Cell::new(one_line(s.short_id())),
        ]);
    }
    // Dates and questionnaire ids read badly when broken up.
    for (column, width) in [(0, 12), (4, 15)] {
        if let Some(c) = t.column_mut(column) {
            c.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(width)));
        }
    }
    format!("{t}\n")
}

/// What changed between two assessments.
pub fn render_comparison(c: &Comparison, style: TableStyle) -> String {
    let mut out = String::new();
    // Compared across organisations (with --force), name both.
    let org = match (c.before.organization.as_deref(), c.after.organization.as_deref()) {
        (Some(b), Some(a)) if !a.eq_ignore_ascii_case(b) => Some(format!("{} → {}", one_line(b), one_line(a))),
        (b, a) => a.or(b).map(|o| one_line(o).into_owned()),
    };
    out.push_str(&format!(
        "{}{} → {}\n",
        org.map(|o| format!("{o}: ")).unwrap_or_default(),
        side_name(&c.before),
        side_name(&c.after)
    ));
    let (qa, qb) = (&c.before.questionnaire, &c.after.questionnaire);
    if c.same_questionnaire {
        out.push_str(&format!("{} {}\n", one_line(&qa.id), one_line(&qa.version)));
    } else {
        out.push_str(&format!(
            "{} {} → {} {}: different questionnaires, so only the {} questions they share are compared\n",
            one_line(&qa.id),
            one_line(&qa.version),
            one_line(&qb.id),
            one_line(&qb.version),
            c.questions_compared
        ));
    }
    out.push_str(&format!(
        "\nScore:   {} → {} ({})\nVerdict: {} → {} ({})\n",
        fmt1(c.score.before),
        fmt1(c.score.after),
        signed(c.score.change),
        style.verdict(c.verdict.before),
        style.verdict(c.verdict.after),
        c.verdict.direction.name()
    ));

    let mut areas = style.table();
    areas.set_header(["Area", "Before", "After", "Change", "Risk"].map(|h| style.head(h)));
    for a in &c.areas {
        areas.add_row(vec![
            Cell::new(one_line(&a.title)),
            Cell::new(score_text(a.before)),
            Cell::new(score_text(a.after)),
            change_cell(style, a.change),
            Cell::new(risk_change(a.risk_before, a.risk_after)),
        ]);
    }
    out.push_str(&format!("\nAreas\n{areas}\n"));

    // Worse first: that is what the review must act on.
    let by = |keep: &dyn Fn(Direction) -> bool| -> Vec<&AnswerChange> {
        c.changed_answers.iter().filter(|a| keep(a.direction)).collect()
    };
    let worse = by(&|d| d == Direction::Worse);
    let better = by(&|d| d == Direction::Better);
    let other = by(&|d| !matches!(d, Direction::Worse | Direction::Better));
    section(&mut out, "Answers that got worse", worse.len(), || answers(&worse, style));
    section(&mut out, "Answers that improved", better.len(), || answers(&better, style));
    if !other.is_empty() {
        section(&mut out, "Other answers that changed", other.len(), || answers(&other, style));
    }
    section(&mut out, "Red flags raised", c.red_flags_raised.len(), || flags(&c.red_flags_raised, style));
    section(&mut out, "Red flags cleared", c.red_flags_cleared.len(), || flags(&c.red_flags_cleared, style));
    section(&mut out, "Actions completed (no longer recommended)", c.actions_completed.len(), || {
        actions(&c.actions_completed, style)
    });
    section(&mut out, "New actions", c.actions_new.len(), || actions(&c.actions_new, style));
    section(&mut out, "Actions still open", c.actions_open.len(), || actions(&c.actions_open, style));
    out
}

/// An organisation's scores over time, with a sparkline per row.
pub fn render_trend(trend: &Trend, style: TableStyle) -> String {
    let n = trend.assessments.len();
    let mut out =
        format!("Trend for {}: {n} assessment{}", one_line(&trend.organization), if n == 1 { "" } else { "s" });
    match (trend.assessments.first(), trend.assessments.last()) {
        (Some(first), Some(last)) if n > 1 => {
            out.push_str(&format!(", {} to {}", one_line(&first.label), one_line(&last.label)))
        }
        (Some(only), _) => out.push_str(&format!(", {}", one_line(&only.label))),
        _ => {}
    }
    out.push('\n');
    let drawn = n.min(SPARK_POINTS);
    // As many score columns as the width allows, after the area titles,
    // the trend line and the change.
    let room = usize::from(style.width).saturating_sub(OTHER_COLUMNS + drawn + 3);
    let shown = n.min((room / SCORE_COLUMN).clamp(1, TREND_COLUMNS));
    if shown < n {
        let line = if drawn == n { "covers all".to_string() } else { format!("shows the last {drawn}") };
        out.push_str(&format!(
            "Columns show the last {shown} assessments and the trend line {line}; --format json has all {n}.\n"
        ));
    }
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
    out.push_str(&format!("{t}\n"));
    out
}

/// A heading with a count, and the table when there is something to show.
fn section(out: &mut String, title: &str, count: usize, table: impl FnOnce() -> String) {
    if count == 0 {
        out.push_str(&format!("\n{title}: none\n"));
    } else {
        out.push_str(&format!("\n{title} ({count})\n{}\n", table()));
    }
}

fn answers(list: &[&AnswerChange], style: TableStyle) -> String {
    let mut t = style.table();
    t.set_header(["Question", "Before", "After", "Score"].map(|h| style.head(h)));
    for a in list {
        let score = match (a.score_before, a.score_after) {
            (None, None) => "—".to_string(),
            (b, n) => format!("{} → {}", score_text(b), score_text(n)),
        };
        let color = match a.direction {
            Direction::Better => Color::Green,
            Direction::Worse => Color::Red,
            _ => Color::Reset,
        };
        t.add_row(vec![
            Cell::new(one_line(&a.text)),
            Cell::new(one_line(&a.before)),
            Cell::new(one_line(&a.after)),
            style.paint(&score, color),
        ]);
    }
    t.to_string()
}

fn flags(list: &[RedFlag], style: TableStyle) -> String {
    let mut t = style.table();
    t.set_header(["Severity", "Question", "Answer"].map(|h| style.head(h)));
    for f in list {
        t.add_row(vec![
            style.severity(f.severity),
            Cell::new(one_line(&f.question_text)),
            Cell::new(one_line(&f.answer)),
        ]);
    }
    t.to_string()
}

fn actions(list: &[ActionItem], style: TableStyle) -> String {
    let mut t = style.table();
    t.set_header(["Phase", "Priority", "Action", "Because"].map(|h| style.head(h)));
    for a in list {
        t.add_row(vec![
            Cell::new(a.phase.title()),
            Cell::new(fmt1(a.priority)),
            Cell::new(one_line(&a.recommendation)),
            Cell::new(one_line(&a.because)),
        ]);
    }
    t.to_string()
}

/// How one side of a comparison is named: its label and id (or date).
fn side_name(s: &Side) -> String {
    let when = s.id.clone().unwrap_or_else(|| s.assessed_at.strftime("%Y-%m-%d").to_string());
    match &s.label {
        Some(label) => format!("{} ({})", one_line(label), one_line(&when)),
        None => one_line(&when).into_owned(),
    }
}

fn optional(text: &Option<String>) -> String {
    text.as_deref().map_or_else(|| "—".to_string(), |t| one_line(t).into_owned())
}

fn score_text(score: Option<f64>) -> String {
    score.map_or_else(|| "—".to_string(), fmt1)
}

/// A change with its sign: `+19.5`, `-3`, `0`.
pub fn signed(change: f64) -> String {
    if change > 0.0 { format!("+{}", fmt1(change)) } else { fmt1(change) }
}

fn change_cell(style: TableStyle, change: Option<f64>) -> Cell {
    match change {
        Some(c) if c > 0.0 => style.paint(&signed(c), Color::Green),
        Some(c) if c < 0.0 => style.paint(&signed(c), Color::Red),
        Some(c) => Cell::new(signed(c)),
        None => Cell::new("—"),
    }
}

fn risk_change(before: Option<Risk>, after: Option<Risk>) -> String {
    let name = |r: Option<Risk>| r.map_or("n/a", Risk::name);
    if before == after { name(after).to_string() } else { format!("{} → {}", name(before), name(after)) }
}

fn verdict_cell(style: TableStyle, v: Verdict) -> Cell {
    let color = match v {
        Verdict::Ready => Color::Green,
        Verdict::ReadyWithConditions => Color::Yellow,
        Verdict::NotReady => Color::Red,
    };
    style.paint(v.name(), color)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::history::testing::summary;
    use crate::core::history::trend::trend;

    #[test]
    fn a_long_trend_shows_the_latest_columns_and_says_so() {
        let points: Vec<_> = (0..10)
            .map(|i| {
                let at = format!("2026-01-{:02}T00:00:00Z", i + 1);
                summary(&format!("p{i}"), Some("Contoso"), &at, 10.0 * i as f64, &[])
            })
            .collect();
        let refs: Vec<_> = points.iter().collect();
        let text = render_trend(&trend("Contoso", &refs), TableStyle::default());
        assert!(text.starts_with("Trend for Contoso: 10 assessments, p0 to p9\n"), "{text}");
        let note = "Columns show the last 3 assessments and the trend line covers all; --format json has all 10.";
        assert!(text.contains(note), "{text}");
        assert!(!text.contains(" p6 ") && text.contains(" p7 ") && text.contains(" p9 "), "{text}");
        assert!(text.contains("2026-01-10"), "dates are not wrapped: {text}");
        let overall = text.lines().find(|l| l.contains("Overall")).unwrap();
        assert!(overall.contains("▁▁▂▃▄▅▅▆▇█") && overall.contains("+90"), "{overall}");

        let one = render_trend(&trend("Contoso", &refs[..1]), TableStyle::default());
        let overall = one.lines().find(|l| l.contains("Overall")).unwrap();
        assert!(overall.trim_end().ends_with("—     │") || overall.contains("┆ —"), "no change from one point: {one}");

        let wide = render_trend(&trend("Contoso", &refs), TableStyle { color: false, width: 200 });
        assert!(wide.contains("Columns show the last 8 assessments"), "{wide}");
        assert!(!wide.contains(" p1 ") && wide.contains(" p2 "), "{wide}");
    }

    #[test]
    fn a_comparison_across_organisations_names_both() {
        let before = crate::core::history::testing::record("Fabrikam", "2026-01-01T00:00:00Z", 1);
        let after = crate::core::history::testing::record("Contoso", "2026-04-01T00:00:00Z", 2);
        let c = crate::core::history::compare::compare((&before.assessment, None), (&after.assessment, None), false)
            .unwrap();
        let text = render_comparison(&c, TableStyle::default());
        assert!(text.starts_with("Fabrikam → Contoso: "), "{text}");
        let same = crate::core::history::testing::record("contoso", "2026-07-01T00:00:00Z", 3);
        let c =
            crate::core::history::compare::compare((&after.assessment, None), (&same.assessment, None), false).unwrap();
        assert!(render_comparison(&c, TableStyle::default()).starts_with("contoso: "));
    }

    #[test]
    fn changes_carry_their_sign() {
        assert_eq!(signed(19.46), "+19.5");
        assert_eq!(signed(-3.0), "-3");
        assert_eq!(signed(0.0), "0");
    }
}
