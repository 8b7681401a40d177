//! The report as Markdown, for handing over to a client: the summary
//! first, the detail after, the small print and the verdict at the end.

use super::plan::phase_plans;
use super::sections::{check_rows, context_rows};
use super::summary::ExecutiveSummary;
use crate::core::assessment::Assessment;
use crate::core::brand::Brand;
use crate::core::scoring::fmt1;
use crate::core::text::one_line;

/// Escapes text for a Markdown table cell or line.
pub(super) fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in one_line(text).chars() {
        if matches!(c, '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The full report as Markdown.
pub fn render_markdown(a: &Assessment, brand: &Brand) -> String {
    let summary = ExecutiveSummary::of(a);
    [
        heading(a, brand),
        summary_section(&summary),
        areas(a),
        red_flags(a),
        unknowns(a),
        answers_to_check(a),
        notes(a),
        action_plan(a),
        small_print(a, &summary, brand),
    ]
    .concat()
}

/// The title names the questionnaire and the organisation; then who
/// answered, when, and who prepared the report.
fn heading(a: &Assessment, brand: &Brand) -> String {
    let mut out = format!("# {}", md(&a.questionnaire.title));
    if let Some(org) = &a.organization {
        out.push_str(&format!(": {}", md(org)));
    }
    out.push_str("\n\n");
    let date = a.assessed_at.strftime("%Y-%m-%d").to_string();
    for (name, value) in [
        ("Date", Some(&date)),
        ("Label", a.label.as_ref()),
        ("Respondent", a.respondent.as_ref()),
        ("Role", a.role.as_ref()),
        ("Prepared by", brand.name.as_ref()),
    ] {
        if let Some(v) = value {
            out.push_str(&format!("- **{name}:** {}\n", md(v)));
        }
    }
    out.push('\n');
    out
}

/// "Verdict: Not ready — score 58.7 / 100 (capped: ...)".
fn verdict_words(s: &ExecutiveSummary<'_>) -> String {
    let capped = s.capped.as_deref().map(|c| format!(" ({c})")).unwrap_or_default();
    format!("Verdict: {} — score {} / 100{capped}", s.verdict_title, s.score)
}

/// The verdict, why, the areas at risk and the first actions.
fn summary_section(s: &ExecutiveSummary<'_>) -> String {
    let mut out = format!("## {}\n\n", verdict_words(s));
    for line in &s.reasons {
        out.push_str(&format!("- {}\n", md(line)));
    }
    let at_risk: Vec<String> =
        s.areas_at_risk.iter().map(|x| format!("{} ({}, {})", md(x.title), x.risk.name(), x.score)).collect();
    let at_risk = if at_risk.is_empty() { "none".to_string() } else { at_risk.join("; ") };
    out.push_str(&format!("\n**Areas at risk:** {at_risk}\n"));
    if let Some(phase) = s.first_phase {
        let more = if s.more_actions > 0 { format!(" ({} more in the plan)", s.more_actions) } else { String::new() };
        out.push_str(&format!("\n**First actions ({}):**{more}\n\n", md(phase)));
        for action in &s.first_actions {
            out.push_str(&format!(
                "{}. {} *({} priority; answers: {} → {})*\n",
                action.number,
                md(action.recommendation),
                action.priority.name(),
                md(action.question),
                md(action.answer)
            ));
        }
    }
    out
}

fn areas(a: &Assessment) -> String {
    let mut out = String::from("\n## Areas\n\n| Area | Score | Risk | Answered |\n| --- | ---: | --- | ---: |\n");
    for area in &a.areas {
        out.push_str(&format!(
            "| {} | {} | {} | {}/{} |\n",
            md(&area.title),
            area.score.map_or_else(|| "—".into(), fmt1),
            area.risk.map_or("n/a", |r| r.name()),
            area.answered,
            area.questions
        ));
    }
    out
}

fn red_flags(a: &Assessment) -> String {
    if a.red_flags.is_empty() {
        return String::new();
    }
    let mut out = String::from("\n## Red flags\n\n| Severity | Question | Answer |\n| --- | --- | --- |\n");
    for f in &a.red_flags {
        out.push_str(&format!("| {} | {} | {} |\n", f.severity.name(), md(&f.question_text), md(&f.answer)));
    }
    out
}

fn unknowns(a: &Assessment) -> String {
    if a.unknowns.is_empty() {
        return String::new();
    }
    let mut out = String::from("\n## Unknowns to resolve\n\n");
    for u in &a.unknowns {
        let why = u.reason_in_words(|id| a.questions.iter().find(|x| x.id == id).map(|x| x.text.as_str()));
        out.push_str(&format!("- {} ({why})\n", md(&u.text)));
    }
    out
}

/// Answers that contradict each other: what to check, with the answers.
fn answers_to_check(a: &Assessment) -> String {
    let rows = check_rows(a);
    if rows.is_empty() {
        return String::new();
    }
    let mut out = String::from("\n## Answers to check\n\n");
    for row in &rows {
        out.push_str(&format!("- {}\n", md(row.message)));
        for given in &row.answers {
            out.push_str(&format!("  - *{}* {}\n", md(given.question), md(&given.answer)));
        }
    }
    out
}

/// Free-text answers and notes: what the respondent said in their words.
fn notes(a: &Assessment) -> String {
    let context = context_rows(a);
    if context.is_empty() {
        return String::new();
    }
    let mut out = String::from("\n## Notes and context\n\n");
    for row in &context {
        out.push_str(&format!("- **{}**", md(row.question)));
        if let Some(answer) = row.answer {
            out.push_str(&format!(" {}", md(answer)));
        }
        if let Some(note) = row.note {
            out.push_str(&format!(" *Note:* {}", md(note)));
        }
        out.push('\n');
    }
    out
}

/// The actions, one numbered list per phase, most urgent first, each with
/// its priority in words and the question it answers in full.
fn action_plan(a: &Assessment) -> String {
    let mut out = String::from("\n## Action plan\n");
    if a.actions.is_empty() {
        out.push_str("\nNothing to do. Keep reviewing every quarter.\n");
    }
    for phase in phase_plans(a) {
        out.push_str(&format!("\n### {}\n\n", md(phase.title)));
        for action in &phase.actions {
            out.push_str(&format!(
                "{}. {}  \n   *{} priority · {} · answers:* {} → {}\n",
                action.number,
                md(action.recommendation),
                action.priority.name(),
                md(action.area),
                md(action.question),
                md(action.answer)
            ));
        }
    }
    out
}

/// The questionnaire exactly, the timestamps and the brand's footer, then
/// the verdict once more.
fn small_print(a: &Assessment, s: &ExecutiveSummary<'_>, brand: &Brand) -> String {
    let mut out = format!(
        "\n---\n\n*Questionnaire {} {} (`{}`), assessed {}, crm-ready {}.*\n",
        md(&a.questionnaire.id),
        md(&a.questionnaire.version),
        one_line(&a.questionnaire.content_hash).replace('`', ""),
        a.assessed_at,
        md(&a.tool_version)
    );
    if let Some(footer) = &brand.footer {
        out.push_str(&format!("\n{}\n", md(footer)));
    }
    out.push_str(&format!("\n**{}**\n", verdict_words(s)));
    out
}
