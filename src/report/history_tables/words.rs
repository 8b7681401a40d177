//! What the terminal and the HTML views of a trend and a comparison both
//! say, worded once, so that the two never tell a different story: how
//! many rounds and assessments, what the change is measured from, and
//! how the two sides of a comparison are named.

use crate::core::history::compare::{Comparison, Direction, Side};
use crate::core::history::trend::{Series, Trend};
use crate::core::text::one_line;

/// `3 rounds (11 assessments)`; `1 round`.
pub(crate) fn rounds_and_assessments(trend: &Trend) -> String {
    let n = trend.assessments.len();
    let assessed: usize = trend.assessments.iter().map(|p| p.respondents).sum();
    let mut out = format!("{n} round{}", if n == 1 { "" } else { "s" });
    if assessed != n {
        out.push_str(&format!(" ({assessed} assessments)"));
    }
    out
}

/// `crm-review 1.0.0 (2 rounds), crm-review 1.1.0 (1 round)` when the
/// rounds used more than one questionnaire or version.
pub(crate) fn questionnaires_used(trend: &Trend) -> Option<String> {
    if trend.questionnaires.len() < 2 {
        return None;
    }
    let used: Vec<String> = trend
        .questionnaires
        .iter()
        .map(|v| {
            let plural = if v.rounds == 1 { "" } else { "s" };
            format!("{} {} ({} round{plural})", one_line(&v.id), one_line(&v.version), v.rounds)
        })
        .collect();
    Some(used.join(", "))
}

/// The change column's heading: it says what the change is measured from.
pub(crate) fn change_heading(trend: &Trend) -> String {
    match trend.assessments.first() {
        Some(first) if trend.assessments.len() > 1 => format!("Change since {}", one_line(&first.label)),
        _ => "Change".to_string(),
    }
}

/// ` (2026-Q2 to 2026-Q3)` after a row's change when the row does not run
/// from the first round to the last (an area a questionnaire gained or
/// lost): the rounds its change is measured between.
pub(crate) fn change_note(trend: &Trend, series: &Series) -> String {
    let n = trend.assessments.len();
    let first = series.scores.iter().position(Option::is_some);
    let last = series.scores.iter().rposition(Option::is_some);
    match (first, last) {
        (Some(f), Some(l)) if f < l && (f != 0 || l + 1 != n) => {
            let label = |i: usize| one_line(&trend.assessments[i].label).into_owned();
            format!(" ({} to {})", label(f), label(l))
        }
        _ => String::new(),
    }
}

/// The change of a row, `None` with one round: nothing to change from yet.
pub(crate) fn row_change(trend: &Trend, series: &Series) -> Option<f64> {
    series.change.filter(|_| trend.assessments.len() > 1)
}

/// The two sides' names, sanitised: `2026-Q1 (4 respondents)`,
/// `2026-Q2 (Mia Chen)`; told apart by date when they read the same (one
/// respondent's two assessments under one label).
pub(crate) fn side_names(c: &Comparison) -> (String, String) {
    let (b, a) = (one_line(&c.before.name).into_owned(), one_line(&c.after.name).into_owned());
    if a != b {
        return (b, a);
    }
    let on = |s: &Side| s.assessed_at.strftime("%Y-%m-%d %H:%M").to_string();
    (format!("{b} of {}", on(&c.before)), format!("{a} of {}", on(&c.after)))
}

/// When one side was assessed, with its id when it is a stored one:
/// `2026-03-11 (20260311-c1b0b2)`.
pub(crate) fn side_date(s: &Side) -> String {
    let date = s.assessed_at.strftime("%Y-%m-%d").to_string();
    match &s.id {
        Some(id) => format!("{date} ({})", one_line(id)),
        None => date,
    }
}

/// Which questionnaires were compared, and on what: `crm-review 1.0.0`,
/// or the questions the two share.
pub(crate) fn questionnaires_compared(c: &Comparison) -> String {
    let (qa, qb) = (&c.before.questionnaire, &c.after.questionnaire);
    let (ida, va, vb) = (one_line(&qa.id), one_line(&qa.version), one_line(&qb.version));
    let n = c.questions_compared;
    if c.same_questionnaire {
        format!("{ida} {va}")
    } else if qa.id == qb.id && qa.version != qb.version {
        format!("{ida} {va} → {vb}: compared on the {n} questions both versions share")
    } else {
        format!(
            "{ida} {va} → {} {vb}: different questionnaires, so only the {n} questions they share are compared",
            one_line(&qb.id),
        )
    }
}

/// How the verdict moved, naming both sides: `2026-Q3 (3 respondents) is
/// better than 2026-Q1 (4 respondents)`.
pub(crate) fn verdict_direction(c: &Comparison) -> String {
    let (before, after) = side_names(c);
    match c.verdict.direction {
        Direction::Same => format!("the same for {after} as for {before}"),
        d => format!("{after} is {} than {before}", d.name()),
    }
}

/// The headings of a comparison's sections, naming the side each is about.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct SectionTitles {
    pub worse: String,
    pub better: String,
    pub other: String,
    pub raised: String,
    pub cleared: String,
    pub completed: String,
    pub new: String,
    pub open: String,
}

impl SectionTitles {
    pub(crate) fn of(c: &Comparison) -> SectionTitles {
        let (before, after) = side_names(c);
        SectionTitles {
            worse: format!("Answers that got worse in {after}"),
            better: format!("Answers that improved in {after}"),
            other: "Other answers that changed".to_string(),
            raised: format!("Red flags raised in {after}"),
            cleared: format!("Red flags cleared since {before}"),
            completed: format!("Actions completed since {before} (no longer recommended)"),
            new: format!("New actions in {after}"),
            open: format!("Actions still open in {after}"),
        }
    }
}
