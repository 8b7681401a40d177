//! The terminal report: the summary first (verdict, score, why, areas at
//! risk, first actions), then areas, red flags, unknowns, answers to
//! check, notes and the action plan as comfy-table tables, then the small
//! print and the verdict again. Every string from a file is sanitised.

use comfy_table::Cell;
use unicode_width::UnicodeWidthStr;

use super::fit::Fit;
use super::plan::{ActionView, phase_plans};
use super::sections::{check_rows, context_rows};
use super::style::TableStyle;
use super::summary::ExecutiveSummary;
use crate::core::assessment::Assessment;
use crate::core::counted::counted;
use crate::core::scoring::fmt1;
use crate::core::text::one_line;
use crate::core::wrap::{truncate, wrap};

/// Narrowest that text under the summary is wrapped to, however narrow the
/// terminal.
const MIN_TEXT_WIDTH: usize = 20;
/// Widest a question is shown beside its action: the Markdown and HTML
/// reports have it in full.
const QUESTION_SHOWN: usize = 72;

/// The full report as text.
pub fn render_table(a: &Assessment, style: TableStyle) -> String {
    let summary = ExecutiveSummary::of(a);
    [
        verdict_line(&summary, style),
        heading(a, style),
        summary_body(&summary, style),
        areas(a, style),
        red_flags(a, style),
        unknowns(a, style),
        answers_to_check(a, style),
        notes(a, style),
        action_plan(a, style),
        small_print(a, style),
        verdict_line(&summary, style),
    ]
    .concat()
}

/// Width for wrapped text, after an indent.
fn text_width(style: TableStyle, indent: usize) -> usize {
    usize::from(style.width).saturating_sub(indent).max(MIN_TEXT_WIDTH)
}

/// Lines wrapped to the width, the first after `first`, the rest after as
/// many spaces.
fn bullet(out: &mut String, first: &str, text: &str, style: TableStyle) {
    let indent = first.width();
    for (i, part) in wrap(&one_line(text), text_width(style, indent)).iter().enumerate() {
        if i == 0 {
            out.push_str(first);
        } else {
            out.push_str(&" ".repeat(indent));
        }
        out.push_str(part);
        out.push('\n');
    }
}

/// "Verdict: NOT READY    Score: 84.2 / 100 — capped: ...": the report's
/// first line and its last. What caps the score goes on the next lines when
/// the line would be too wide.
fn verdict_line(s: &ExecutiveSummary<'_>, style: TableStyle) -> String {
    let plain = format!("Verdict: {}    ", s.verdict_title.to_uppercase());
    let loud = format!("Verdict: {}    ", style.verdict(s.verdict, s.verdict_title));
    let whole = format!("{plain}{}", s.score_line());
    if whole.width() <= usize::from(style.width) {
        return format!("{loud}{}\n", s.score_line());
    }
    let mut out = format!("{loud}Score: {} / 100\n", s.score);
    if let Some(capped) = &s.capped {
        bullet(&mut out, "  ", capped, style);
    }
    out
}

/// Whose assessment, of what, when: under the verdict.
fn heading(a: &Assessment, style: TableStyle) -> String {
    let who = [&a.organization, &a.respondent, &a.role]
        .iter()
        .filter_map(|s| s.as_deref())
        .map(|s| one_line(s).into_owned())
        .collect::<Vec<_>>()
        .join(", ");
    let mut line = one_line(&a.questionnaire.title).into_owned();
    if !who.is_empty() {
        line.push_str(&format!(" — {who}"));
    }
    line.push_str(&format!(" · {}", a.assessed_at.strftime("%Y-%m-%d")));
    if let Some(label) = &a.label {
        line.push_str(&format!(" · {}", one_line(label)));
    }
    let mut out = String::new();
    bullet(&mut out, "", &line, style);
    out
}

/// Why, the areas at risk and the first actions.
fn summary_body(s: &ExecutiveSummary<'_>, style: TableStyle) -> String {
    let mut out = String::from("\nWhy\n");
    for line in &s.reasons {
        bullet(&mut out, "  • ", line, style);
    }
    let at_risk: Vec<String> =
        s.areas_at_risk.iter().map(|x| format!("{} ({}, {})", one_line(x.title), x.risk.name(), x.score)).collect();
    let at_risk = if at_risk.is_empty() { "none".to_string() } else { at_risk.join("; ") };
    out.push('\n');
    bullet(&mut out, "Areas at risk: ", &at_risk, style);
    if let Some(phase) = s.first_phase {
        let more = if s.more_actions > 0 { format!(" ({} more below)", s.more_actions) } else { String::new() };
        out.push_str(&format!("\nFirst actions: {}{more}\n", one_line(phase)));
        for action in &s.first_actions {
            let head = format!("  {}. ", action.number);
            bullet(&mut out, &head, &format!("[{}] {}", action.priority.name(), action.recommendation), style);
            bullet(&mut out, &" ".repeat(head.width()), &format!("Answers: {}", question_and_answer(action)), style);
        }
    }
    out
}

/// "<question, shortened> → <answer>": what an action answers.
fn question_and_answer(action: &ActionView<'_>) -> String {
    format!("{} → {}", truncate(&one_line(action.question), QUESTION_SHOWN), one_line(action.answer))
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
    style.fit(&mut t, &[Fit::Words, Fit::Whole, Fit::Whole, Fit::Whole], &[]);
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
    style.fit(&mut t, &[Fit::Whole, Fit::Words, Fit::Words], &[]);
    format!("\nRed flags ({})\n{t}\n", a.red_flags.len())
}

fn unknowns(a: &Assessment, style: TableStyle) -> String {
    if a.unknowns.is_empty() {
        return String::new();
    }
    let mut t = style.table();
    t.set_header(vec![style.head("Area"), style.head("Question to resolve"), style.head("Status")]);
    for u in &a.unknowns {
        let status = u.reason_in_words(|id| a.questions.iter().find(|x| x.id == id).map(|x| x.text.as_str()));
        let area = a.areas.iter().find(|x| x.id == u.area).map_or(u.area.as_str(), |x| x.title.as_str());
        t.add_row(vec![Cell::new(one_line(area)), Cell::new(one_line(&u.text)), Cell::new(status)]);
    }
    style.fit(&mut t, &[Fit::Words, Fit::Words, Fit::Words], &[]);
    format!("\nUnknowns to resolve ({})\n{t}\n", a.unknowns.len())
}

/// Answers that contradict each other: what to check, with the answers.
fn answers_to_check(a: &Assessment, style: TableStyle) -> String {
    let rows = check_rows(a);
    if rows.is_empty() {
        return String::new();
    }
    let mut t = style.table();
    t.set_header(vec![style.head("What to check"), style.head("Answers given")]);
    for row in &rows {
        let given: Vec<String> =
            row.answers.iter().map(|g| format!("{} → {}", one_line(g.question), one_line(&g.answer))).collect();
        t.add_row(vec![Cell::new(one_line(row.message)), Cell::new(given.join("\n"))]);
    }
    style.fit(&mut t, &[Fit::Words, Fit::Words], &[]);
    format!("\nAnswers to check ({})\n{t}\n", rows.len())
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
    style.fit(&mut t, &[Fit::Words, Fit::Words], &[]);
    format!("\nNotes and context ({})\n{t}\n", context.len())
}

/// The actions, one table per phase, most urgent first, each with the
/// question it answers.
fn action_plan(a: &Assessment, style: TableStyle) -> String {
    if a.actions.is_empty() {
        return "\nAction plan: nothing to do. Keep reviewing every quarter.\n".to_string();
    }
    let mut out = format!("\nAction plan ({}, most urgent first)\n", counted(a.actions.len(), "action", "actions"));
    for phase in phase_plans(a) {
        let mut t = style.table();
        t.set_header(vec![style.head("#"), style.head("Priority"), style.head("Action"), style.head("Answers")]);
        for action in &phase.actions {
            t.add_row(vec![
                Cell::new(action.number),
                style.priority(action.priority),
                Cell::new(one_line(action.recommendation)),
                Cell::new(question_and_answer(action)),
            ]);
        }
        style.fit(&mut t, &[Fit::Whole, Fit::Whole, Fit::Words, Fit::Words], &[]);
        out.push_str(&format!("\n{}\n{t}\n", one_line(phase.title)));
    }
    out
}

/// Which questionnaire, exactly, and when: for the record, at the end.
fn small_print(a: &Assessment, style: TableStyle) -> String {
    let mut out = String::from("\n");
    let line = format!(
        "Questionnaire {} {}, assessed {}, crm-ready {}",
        one_line(&a.questionnaire.id),
        one_line(&a.questionnaire.version),
        a.assessed_at,
        one_line(&a.tool_version)
    );
    bullet(&mut out, "", &line, style);
    bullet(&mut out, "  ", &one_line(&a.questionnaire.content_hash), style);
    out.push('\n');
    out
}
