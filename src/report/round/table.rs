//! A round in the terminal: the respondents, the verdict and scores, the
//! areas with their agreement, the red flags with who raised them, the
//! answers by question, and the merged plan.

use comfy_table::Cell;

use super::{
    agreement_text, answer_lines, dates, notes, other_line, phase_plans, raised_by, range_text, respondents_line,
    score_line, score_text, title, who_said_what,
};
use crate::core::round::{FlagKind, Round, RoundAction};
use crate::core::scoring::fmt1;
use crate::core::text::one_line;
use crate::core::wrap::{width, wrap};
use crate::report::TableStyle;
use crate::report::fit::Fit;
use crate::report::sections::reason_lines;

/// Narrowest the verdict's reasons are wrapped to.
const MIN_REASON_WIDTH: usize = 20;

/// The whole round as text.
pub fn render_round_table(r: &Round, style: TableStyle) -> String {
    [
        heading(r, style),
        respondents(r, style),
        areas(r, style),
        red_flags(r, style),
        answers(r, style),
        plan(r, style),
        format!("\n{}", verdict_line(r, style)),
    ]
    .concat()
}

/// "Verdict: NOT READY    Score: 43.7 / 100 (respondents 34.4 to 53.1)":
/// under the title and again as the last line, so it is in view when the
/// round has scrolled by. Wrapped at spaces when the width is short.
fn verdict_line(r: &Round, style: TableStyle) -> String {
    let plain = format!("Verdict: {}    Score: {}", r.verdict.worded(&r.verdicts).to_uppercase(), score_line(r));
    if width(&plain) <= usize::from(style.width) {
        return format!(
            "Verdict: {}    Score: {}\n",
            style.verdict(r.verdict, r.verdict.worded(&r.verdicts)),
            score_line(r)
        );
    }
    format!(
        "Verdict: {}\n{}",
        style.verdict(r.verdict, r.verdict.worded(&r.verdicts)),
        style.lines(&format!("Score: {}", score_line(r)))
    )
}

fn heading(r: &Round, style: TableStyle) -> String {
    let mut out = style.lines(&format!(
        "{}\n{} {} · {} · {}",
        one_line(&title(r)),
        one_line(&r.questionnaire.id),
        one_line(&r.questionnaire.version),
        one_line(&respondents_line(r)),
        dates(r),
    ));
    out.push('\n');
    out.push_str(&verdict_line(r, style));
    let width = usize::from(style.width).saturating_sub(4).max(MIN_REASON_WIDTH);
    for line in reason_lines(r.verdict, &r.reasons) {
        for (i, part) in wrap(&one_line(&line), width).iter().enumerate() {
            out.push_str(if i == 0 { "  • " } else { "    " });
            out.push_str(part);
            out.push('\n');
        }
    }
    out
}

fn respondents(r: &Round, style: TableStyle) -> String {
    let mut t = style.table();
    t.set_header(["Respondent", "Role", "Group", "Verdict", "Score", "Date"].map(|h| style.head(h)));
    for p in &r.respondents {
        t.add_row(vec![
            Cell::new(one_line(&p.name)),
            Cell::new(p.role.as_deref().map_or_else(|| "—".into(), one_line)),
            Cell::new(p.group.map_or("—", |g| g.name())),
            Cell::new(p.verdict.worded(&r.verdicts)),
            Cell::new(fmt1(p.score)),
            Cell::new(p.assessed_at.strftime("%Y-%m-%d")),
        ]);
    }
    // The role goes first, then the group: the name, verdict, score and
    // date say who answered what.
    let whole = Fit::Whole;
    style.fit(&mut t, &[Fit::Words, Fit::Words, whole, whole, whole, whole], &[1, 2]);
    format!("\nRespondents\n{t}\n")
}

fn areas(r: &Round, style: TableStyle) -> String {
    let mut t = style.table();
    t.set_header(["Area", "Score", "Range", "Risk", "Agreement"].map(|h| style.head(h)));
    for a in &r.areas {
        t.add_row(vec![
            Cell::new(one_line(&a.title)),
            Cell::new(score_text(a.score)),
            Cell::new(range_text(a.lowest_score, a.highest_score)),
            style.risk(a.risk),
            Cell::new(agreement_text(a.agreement)),
        ]);
    }
    style.fit(&mut t, &[Fit::Words, Fit::Whole, Fit::Whole, Fit::Whole, Fit::Whole], &[]);
    format!("\nAreas (agreement: 1 all alike, 0 no better than chance)\n{t}\n")
}

fn red_flags(r: &Round, style: TableStyle) -> String {
    if r.red_flags.is_empty() {
        return String::new();
    }
    let mut t = style.table();
    t.set_header(["Severity", "Question", "Who said what"].map(|h| style.head(h)));
    for f in &r.red_flags {
        let said = match f.kind {
            FlagKind::Disagreement => format!("Groups disagree: {}", f.answer),
            FlagKind::Answer => who_said_what(&f.raised_by),
        };
        t.add_row(vec![style.severity(f.severity), Cell::new(one_line(&f.question_text)), Cell::new(one_line(&said))]);
    }
    style.fit(&mut t, &[Fit::Whole, Fit::Words, Fit::Words], &[]);
    let disagreements = r.red_flags.iter().filter(|f| f.kind == FlagKind::Disagreement).count();
    format!("\nRed flags ({}, {disagreements} of them disagreements between groups)\n{t}\n", r.red_flags.len())
}

/// The answers by question, one table per area.
fn answers(r: &Round, style: TableStyle) -> String {
    let mut out = String::from("\nAnswers by question\n");
    for area in &r.areas {
        let asked: Vec<_> = r.questions.iter().filter(|q| q.area == area.id && !q.answers.is_empty()).collect();
        if asked.is_empty() {
            continue;
        }
        let mut t = style.table();
        t.set_header(["Question", "Agreement", "Answers (who)"].map(|h| style.head(h)));
        for q in asked {
            let mut said: Vec<String> =
                answer_lines(q).iter().map(|l| format!("{} — {}", one_line(&l.answer), one_line(&l.who))).collect();
            said.extend(notes(q).iter().map(|n| format!("Note, {}", one_line(n))));
            t.add_row(vec![
                Cell::new(one_line(&q.text)),
                Cell::new(agreement_text(q.agreement)),
                Cell::new(said.join("\n")),
            ]);
        }
        style.fit(&mut t, &[Fit::Words, Fit::Whole, Fit::Words], &[]);
        out.push_str(&format!("\n{} (agreement {})\n{t}\n", one_line(&area.title), agreement_text(area.agreement)));
    }
    out
}

/// The merged plan, one table per phase (a long phase's leading actions
/// in one, the rest in another); under each action, what other answers
/// recommend for the same question.
fn plan(r: &Round, style: TableStyle) -> String {
    if r.actions.is_empty() {
        return "\nAction plan: nothing to do. Keep reviewing every quarter.\n".to_string();
    }
    let mut out = format!("\nAction plan ({} actions, one per question, most urgent first)\n", r.actions.len());
    for phase in phase_plans(r) {
        let title = one_line(phase.title).to_string();
        let heading = phase.many().map_or_else(|| title.clone(), |many| format!("{title}: {many}"));
        out.push_str(&format!("\n{heading}\n{}\n", actions_table(r, &phase.leading, 0, style)));
        if !phase.rest.is_empty() {
            let more = format!("{title}, {} more", phase.rest.len());
            out.push_str(&format!("\n{more}\n{}\n", actions_table(r, &phase.rest, phase.leading.len(), style)));
        }
    }
    out
}

/// `items`, numbered from `first + 1`.
fn actions_table(r: &Round, items: &[&RoundAction], first: usize, style: TableStyle) -> comfy_table::Table {
    let mut t = style.table();
    t.set_header(["#", "Priority", "Action", "Raised by"].map(|h| style.head(h)));
    for (i, a) in items.iter().enumerate() {
        let mut action = one_line(&a.recommendation).to_string();
        for o in &a.other_recommendations {
            action.push_str(&format!("\nAlso recommended: {}", one_line(&other_line(r, o))));
        }
        t.add_row(vec![
            Cell::new(first + i + 1),
            style.priority(a.priority_level),
            Cell::new(action),
            Cell::new(one_line(&raised_by(&a.raised_by))),
        ]);
    }
    style.fit(&mut t, &[Fit::Whole, Fit::Whole, Fit::Words, Fit::Words], &[]);
    t
}
