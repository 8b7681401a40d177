//! `compare`: what changed between two assessments, worse first.

use comfy_table::{Cell, Color};

use super::cells::{change_cell, score_text, signed};
use crate::core::assessment::{ActionItem, RedFlag, Risk};
use crate::core::history::compare::{AnswerChange, Comparison, Direction, Side};
use crate::core::scoring::fmt1;
use crate::core::text::one_line;
use crate::report::style::TableStyle;

/// What changed between two assessments.
pub fn render_comparison(c: &Comparison, style: TableStyle) -> String {
    // The line naming both sides is wrapped at spaces: ids stay whole.
    let heading = comparison_heading(c, style);
    let (sides, rest) = heading.split_once('\n').unwrap_or((&heading, ""));
    let mut out = style.lines(sides) + rest;
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
    changed_answers(&mut out, c, style);
    section(&mut out, "Red flags raised", c.red_flags_raised.len(), || flags(&c.red_flags_raised, style));
    section(&mut out, "Red flags cleared", c.red_flags_cleared.len(), || flags(&c.red_flags_cleared, style));
    section(&mut out, "Actions completed (no longer recommended)", c.actions_completed.len(), || {
        actions(&c.actions_completed, style)
    });
    section(&mut out, "New actions", c.actions_new.len(), || actions(&c.actions_new, style));
    section(&mut out, "Actions still open", c.actions_open.len(), || actions(&c.actions_open, style));
    out
}

/// Who and what was compared, and how the score and verdict moved.
fn comparison_heading(c: &Comparison, style: TableStyle) -> String {
    // Compared across organisations (with --force), name both.
    let org = match (c.before.organization.as_deref(), c.after.organization.as_deref()) {
        (Some(b), Some(a)) if !a.eq_ignore_ascii_case(b) => Some(format!("{} → {}", one_line(b), one_line(a))),
        (b, a) => a.or(b).map(|o| one_line(o).into_owned()),
    };
    let mut out = format!(
        "{}{} → {}\n",
        org.map(|o| format!("{o}: ")).unwrap_or_default(),
        side_name(&c.before),
        side_name(&c.after)
    );
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
    out
}

/// The answers that changed, worse first: that is what the review must act
/// on.
fn changed_answers(out: &mut String, c: &Comparison, style: TableStyle) {
    let by = |keep: &dyn Fn(Direction) -> bool| -> Vec<&AnswerChange> {
        c.changed_answers.iter().filter(|a| keep(a.direction)).collect()
    };
    let worse = by(&|d| d == Direction::Worse);
    let better = by(&|d| d == Direction::Better);
    let other = by(&|d| !matches!(d, Direction::Worse | Direction::Better));
    section(out, "Answers that got worse", worse.len(), || answers(&worse, style));
    section(out, "Answers that improved", better.len(), || answers(&better, style));
    if !other.is_empty() {
        section(out, "Other answers that changed", other.len(), || answers(&other, style));
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
            Cell::new(phase_title(&a.phase)),
            style.priority(a.priority_level),
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

fn risk_change(before: Option<Risk>, after: Option<Risk>) -> String {
    let name = |r: Option<Risk>| r.map_or("n/a", Risk::name);
    if before == after { name(after).to_string() } else { format!("{} → {}", name(before), name(after)) }
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
}
