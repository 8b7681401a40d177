//! The report as Markdown, for handing over to a client.

use super::sections::{context_rows, reason_lines};
use crate::core::assessment::{Assessment, UnknownReason};
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
pub fn render_markdown(a: &Assessment) -> String {
    [heading(a), verdict(a), areas(a), red_flags(a), unknowns(a), notes(a), action_plan(a)].concat()
}

/// The title, then who answered, the questionnaire and when.
fn heading(a: &Assessment) -> String {
    let mut out = format!("# {}\n\n", md(&a.questionnaire.title));
    for (name, value) in
        [("Organisation", &a.organization), ("Respondent", &a.respondent), ("Role", &a.role), ("Label", &a.label)]
    {
        if let Some(v) = value {
            out.push_str(&format!("- **{name}:** {}\n", md(v)));
        }
    }
    out.push_str(&format!(
        "- **Questionnaire:** {} {} (`{}`)\n- **Assessed:** {}\n\n",
        md(&a.questionnaire.id),
        md(&a.questionnaire.version),
        a.questionnaire.content_hash,
        a.assessed_at
    ));
    out
}

fn verdict(a: &Assessment) -> String {
    let mut out = format!("## Verdict: {} — score {} / 100\n\n", a.verdict.title(), fmt1(a.score));
    for line in reason_lines(&a.reasons) {
        out.push_str(&format!("- {}\n", md(&line)));
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
        let why = if u.reason == UnknownReason::DontKnow { "don't know" } else { "unanswered" };
        out.push_str(&format!("- {} ({why})\n", md(&u.text)));
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

/// The actions, one numbered list per phase, most urgent first.
fn action_plan(a: &Assessment) -> String {
    let mut out = String::from("\n## Action plan\n");
    if a.actions.is_empty() {
        out.push_str("\nNothing to do. Keep reviewing every quarter.\n");
    }
    for phase in &a.phases {
        let items: Vec<_> = a.actions.iter().filter(|x| x.phase == phase.id).collect();
        if items.is_empty() {
            continue;
        }
        out.push_str(&format!("\n### {}\n\n", phase.title));
        for (i, item) in items.iter().enumerate() {
            out.push_str(&format!(
                "{}. {} *(priority {}; because: {})*\n",
                i + 1,
                md(&item.recommendation),
                fmt1(item.priority),
                md(&item.because)
            ));
        }
    }
    out
}
