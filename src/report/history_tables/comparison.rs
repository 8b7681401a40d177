//! `compare`: what changed between two assessments, worse first.

use comfy_table::{Cell, Color};

use super::cells::{change_cell, score_text, signed};
use super::words::{
    SectionTitles, answer_scores, change_column, differing_answers, questionnaires_compared, respondents_changed,
    risks_compared, same_respondents, scores_compared, side_date, side_names, verdict_direction, what_is_compared,
};
use crate::core::assessment::{ActionItem, RedFlag};
use crate::core::history::compare::{AnswerChange, Comparison, Direction, Reading};
use crate::core::text::one_line;
use crate::report::fit::Fit;
use crate::report::style::TableStyle;

/// What changed between two assessments (or rounds). Both sides are named
/// wherever they are set side by side.
pub fn render_comparison(c: &Comparison, style: TableStyle) -> String {
    let (before, after) = side_names(c);
    // The heading is wrapped at spaces: ids stay whole.
    let heading = comparison_heading(c, style);
    let mut out = style.lines(heading.strip_suffix('\n').unwrap_or(&heading));
    let mut areas = style.table();
    areas.set_header(["Area", &before, &after, change_column(c), "Risk"].map(|h| style.head(h)));
    for a in &c.areas {
        areas.add_row(vec![
            Cell::new(one_line(&a.title)),
            Cell::new(score_text(a.before)),
            Cell::new(score_text(a.after)),
            match c.reading {
                Reading::OverTime => change_cell(style, a.change),
                Reading::SideBySide => Cell::new(a.change.map_or_else(|| "—".to_string(), signed)),
            },
            Cell::new(risks_compared(c, a.risk_before, a.risk_after)),
        ]);
    }
    style.fit(&mut areas, &[Fit::Words, Fit::Words, Fit::Words, Fit::Whole, Fit::Words], &[]);
    out.push_str(&format!("\nAreas\n{areas}\n"));
    let titles = SectionTitles::of(c);
    changed_answers(&mut out, c, &titles, style);
    let raised = || flags(&c.red_flags_raised, style);
    let cleared = || flags(&c.red_flags_cleared, style);
    let completed = || actions(&c.actions_completed, style);
    let new = || actions(&c.actions_new, style);
    // Side by side, the first side's own come first, as its column does.
    match c.reading {
        Reading::OverTime => {
            section(&mut out, &titles.raised, c.red_flags_raised.len(), raised);
            section(&mut out, &titles.cleared, c.red_flags_cleared.len(), cleared);
            section(&mut out, &titles.completed, c.actions_completed.len(), completed);
            section(&mut out, &titles.new, c.actions_new.len(), new);
        }
        Reading::SideBySide => {
            section(&mut out, &titles.cleared, c.red_flags_cleared.len(), cleared);
            section(&mut out, &titles.raised, c.red_flags_raised.len(), raised);
            section(&mut out, &titles.completed, c.actions_completed.len(), completed);
            section(&mut out, &titles.new, c.actions_new.len(), new);
        }
    }
    section(&mut out, &titles.open, c.actions_open.len(), || actions(&c.actions_open, style));
    out
}

/// Who and what was compared, and how the score and verdict moved.
fn comparison_heading(c: &Comparison, style: TableStyle) -> String {
    let (before, after) = side_names(c);
    // Compared across organisations (with --force), name both.
    let org = match (c.before.organization.as_deref(), c.after.organization.as_deref()) {
        (Some(b), Some(a)) if !a.eq_ignore_ascii_case(b) => Some(format!("{} → {}", one_line(b), one_line(a))),
        (b, a) => a.or(b).map(|o| one_line(o).into_owned()),
    };
    let mut out = format!("{}{}\n", org.map(|o| format!("{o}: ")).unwrap_or_default(), what_is_compared(c));
    let (dates, verdicts) = match c.reading {
        Reading::OverTime => (
            format!("{} → {}", side_date(&c.before), side_date(&c.after)),
            format!(
                "{} → {}",
                style.verdict(c.verdict.before, &c.before.verdict_title),
                style.verdict(c.verdict.after, &c.after.verdict_title)
            ),
        ),
        Reading::SideBySide => (
            format!("{} and {}", side_date(&c.before), side_date(&c.after)),
            format!(
                "{before} {}, {after} {}",
                style.verdict(c.verdict.before, &c.before.verdict_title),
                style.verdict(c.verdict.after, &c.after.verdict_title)
            ),
        ),
    };
    out.push_str(&format!("Dates: {dates}\n"));
    out.push_str(&format!("{}\n", questionnaires_compared(c)));
    let changed = c.respondents_changed.iter().cloned().collect::<Vec<_>>();
    for line in same_respondents(c.same_respondents.as_deref(), 2).into_iter().chain(respondents_changed(&changed)) {
        out.push_str(&format!("{line}\n"));
    }
    out.push_str(&format!("\nScore:   {}\nVerdict: {verdicts}: {}\n", scores_compared(c), verdict_direction(c)));
    out
}

/// The answers that changed, worse first: that is what the review must act
/// on.
fn changed_answers(out: &mut String, c: &Comparison, titles: &SectionTitles, style: TableStyle) {
    let by = |keep: &dyn Fn(Direction) -> bool| -> Vec<&AnswerChange> {
        c.changed_answers.iter().filter(|a| keep(a.direction)).collect()
    };
    let worse = by(&|d| d == Direction::Worse);
    let better = by(&|d| d == Direction::Better);
    let other = by(&|d| !matches!(d, Direction::Worse | Direction::Better));
    let (before, after) = side_names(c);
    let columns = [before.as_str(), after.as_str()];
    if c.reading == Reading::SideBySide {
        let differ = differing_answers(c);
        section(out, &titles.differ, differ.len(), || answers(c, &differ, columns, style));
        return;
    }
    section(out, &titles.worse, worse.len(), || answers(c, &worse, columns, style));
    section(out, &titles.better, better.len(), || answers(c, &better, columns, style));
    if !other.is_empty() {
        section(out, &titles.other, other.len(), || answers(c, &other, columns, style));
    }
}

/// A heading with a count, and the table when there is something to show.
fn section(out: &mut String, title: &str, count: usize, table: impl FnOnce() -> String) {
    if count == 0 {
        out.push_str(&format!("\n{title}: none\n"));
    } else {
        out.push_str(&format!("\n{title} ({count})\n{}\n", table()));
    }
}

/// The answers that changed; `columns` names the two sides.
fn answers(c: &Comparison, list: &[&AnswerChange], columns: [&str; 2], style: TableStyle) -> String {
    let mut t = style.table();
    t.set_header(["Question", columns[0], columns[1], "Score"].map(|h| style.head(h)));
    for a in list {
        let score = answer_scores(c, a);
        // Side by side, neither answer is progress nor a setback.
        let color = match (c.reading, a.direction) {
            (Reading::OverTime, Direction::Better) => Color::Green,
            (Reading::OverTime, Direction::Worse) => Color::Red,
            _ => Color::Reset,
        };
        t.add_row(vec![
            Cell::new(one_line(&a.text)),
            Cell::new(one_line(&a.before)),
            Cell::new(one_line(&a.after)),
            style.paint(&score, color),
        ]);
    }
    style.fit(&mut t, &[Fit::Words; 4], &[]);
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
    style.fit(&mut t, &[Fit::Whole, Fit::Words, Fit::Words], &[]);
    t.to_string()
}

fn actions(list: &[ActionItem], style: TableStyle) -> String {
    let mut t = style.table();
    t.set_header(["Phase", "Priority", "Action", "Because"].map(|h| style.head(h)));
    for a in list {
        t.add_row(vec![
            Cell::new(phase_title(&a.phase)),
            style.priority(a.priority_level),
            Cell::new(one_line(&a.recommendation)),
            Cell::new(one_line(&a.because)),
        ]);
    }
    style.fit(&mut t, &[Fit::Words, Fit::Whole, Fit::Words, Fit::Words], &[]);
    t.to_string()
}

/// A phase's title, for actions listed without their assessment: the
/// standard phases by title, any other by its id.
fn phase_title(id: &str) -> String {
    crate::core::questionnaire::default_phases()
        .into_iter()
        .find(|p| p.id == id)
        .map_or_else(|| id.to_string(), |p| p.title)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::history::compare::{Subject, compare};

    #[test]
    fn a_comparison_across_organisations_names_both() {
        let before = crate::core::history::testing::record("Fabrikam", "2026-01-01T00:00:00Z", 1);
        let after = crate::core::history::testing::record("Contoso", "2026-04-01T00:00:00Z", 2);
        let c =
            compare(Subject::assessment(&before.assessment, None), Subject::assessment(&after.assessment, None), false)
                .unwrap();
        let text = render_comparison(&c, TableStyle::default());
        assert!(text.starts_with("Fabrikam → Contoso: "), "{text}");
        let same = crate::core::history::testing::record("contoso", "2026-07-01T00:00:00Z", 3);
        let c =
            compare(Subject::assessment(&after.assessment, None), Subject::assessment(&same.assessment, None), false)
                .unwrap();
        assert!(render_comparison(&c, TableStyle::default()).starts_with("contoso: "));
    }
}
