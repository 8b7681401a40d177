//! The terminal report: verdict, areas, red flags, unknowns, notes and the
//! action plan, as comfy-table tables. Every string from a file is
//! sanitised.

use comfy_table::Cell;

use super::sections::{context_rows, reason_lines};
use super::style::TableStyle;
use crate::core::assessment::{Assessment, UnknownReason};
use crate::core::scoring::fmt1;
use crate::core::text::one_line;
use crate::core::wrap::wrap;

/// Narrowest the verdict's reasons are wrapped to, however narrow the
/// terminal.
const MIN_REASON_WIDTH: usize = 20;

/// The full report as text.
pub fn render_table(a: &Assessment, style: TableStyle) -> String {
    [
        heading(a),
        verdict(a, style),
        areas(a, style),
        red_flags(a, style),
        unknowns(a, style),
        notes(a, style),
        action_plan(a, style),
    ]
    .concat()
}

/// The questionnaire's title, who answered, and when.
fn heading(a: &Assessment) -> String {
    let mut out = String::new();
    let who = [&a.organization, &a.respondent, &a.role]
        .iter()
        .filter_map(|s| s.as_deref())
        .map(|s| one_line(s).into_owned())
        .collect::<Vec<_>>()
        .join(", ");
    out.push_str(&one_line(&a.questionnaire.title));
    if !who.is_empty() {
        out.push_str(&format!(" — {who}"));
    }
    out.push('\n');
    let label = a.label.as_deref().map(|l| format!(" · {}", one_line(l))).unwrap_or_default();
    out.push_str(&format!(
        "{} {} · assessed {}{label}\n\n",
        one_line(&a.questionnaire.id),
        one_line(&a.questionnaire.version),
        a.assessed_at
    ));
    out
}

/// The verdict and score, then the reasons as wrapped bullets.
fn verdict(a: &Assessment, style: TableStyle) -> String {
    let mut out = format!("Verdict: {}    Score: {} / 100\n", style.verdict(a.verdict), fmt1(a.score));
    let width = usize::from(style.width).saturating_sub(4).max(MIN_REASON_WIDTH);
    for line in reason_lines(&a.reasons) {
        for (i, part) in wrap(&one_line(&line), width).iter().enumerate() {
            out.push_str(if i == 0 { "  • " } else { "    " });
            out.push_str(part);
            out.push('\n');
        }
    }
    out
}

fn areas(a: &Assessment, style: TableStyle) -> String {
    let mut t = style.table();
    t.set_header(vec![style.head("Area"), style.head("Score"), style.head("Risk"), style.head("Answered")]);
    for area in &a.areas {
        t.add_row(vec![
            Cell::new(one_line(&area.title)),
            Cell::new(area.score.map_or_else(|| "—".into(), fmt1)),
            style.risk(area.risk),
            Cell::new(format!("{}/{}", area.answered, area.questions)),
        ]);
    }
    format!("\nAreas\n{t}\n")
}

fn red_flags(a: &Assessment, style: TableStyle) -> String {
    if a.red_flags.is_empty() {
        return String::new();
    }
    let mut t = style.table();
    t.set_header(vec![style.head("Severity"), style.head("Question"), style.head("Answer")]);
    for f in &a.red_flags {
        t.add_row(vec![
            style.severity(f.severity),
            Cell::new(one_line(&f.question_text)),
            Cell::new(one_line(&f.answer)),
        ]);
    }
    format!("\nRed flags ({})\n{t}\n", a.red_flags.len())
}

fn unknowns(a: &Assessment, style: TableStyle) -> String {
    if a.unknowns.is_empty() {
        return String::new();
    }
    let mut t = style.table();
    t.set_header(vec![style.head("Area"), style.head("Question to resolve"), style.head("Status")]);
    for u in &a.unknowns {
        let status = match u.reason {
            UnknownReason::DontKnow => "don't know",
            UnknownReason::Unanswered => "unanswered",
        };
        let area = a.areas.iter().find(|x| x.id == u.area).map_or(u.area.as_str(), |x| x.title.as_str());
        t.add_row(vec![Cell::new(one_line(area)), Cell::new(one_line(&u.text)), Cell::new(status)]);
    }
    format!("\nUnknowns to resolve ({})\n{t}\n", a.unknowns.len())
}

/// Free-text answers and notes: what the respondent said in their words.
fn notes(a: &Assessment, style: TableStyle) -> String {
    let context = context_rows(a);
    if context.is_empty() {
        return String::new();
    }
    let mut t = style.table();
    t.set_header(vec![style.head("Question"), style.head("In their words")]);
    for row in &context {
        let answer = row.answer.map(|s| one_line(s).into_owned());
        let note = row.note.map(|n| format!("Note: {}", one_line(n.trim())));
        let said = [answer, note].into_iter().flatten().collect::<Vec<_>>().join("\n");
        t.add_row(vec![Cell::new(one_line(row.question)), Cell::new(said)]);
    }
    format!("\nNotes and context ({})\n{t}\n", context.len())
}

/// The actions, one table per phase, most urgent first.
fn action_plan(a: &Assessment, style: TableStyle) -> String {
    if a.actions.is_empty() {
        return "\nAction plan: nothing to do. Keep reviewing every quarter.\n".to_string();
    }
    let mut out = format!("\nAction plan ({} actions, most urgent first)\n", a.actions.len());
    for phase in &a.phases {
        let items: Vec<_> = a.actions.iter().filter(|x| x.phase == phase.id).collect();
        if items.is_empty() {
            continue;
        }
        let mut t = style.table();
        t.set_header(vec![style.head("#"), style.head("Priority"), style.head("Action"), style.head("Because")]);
        for (i, item) in items.iter().enumerate() {
            t.add_row(vec![
                Cell::new(i + 1),
                Cell::new(fmt1(item.priority)),
                Cell::new(one_line(&item.recommendation)),
                Cell::new(one_line(&item.because)),
            ]);
        }
        out.push_str(&format!("\n{}\n{t}\n", phase.title));
    }
    out
}
