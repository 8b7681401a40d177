//! A round as Markdown, for handing over to a client.

use super::{
    agreement_text, answer_lines, dates, notes, other_line, phase_plans, raised_by, range_text, respondents_line,
    score_line, score_text, title, who_said_what,
};
use crate::core::brand::Brand;
use crate::core::round::{FlagKind, Round, RoundAction, group_word};
use crate::core::scoring::fmt1;
use crate::report::markdown::md;
use crate::report::sections::reason_lines;

/// The whole round as Markdown; `brand` names who prepared it and adds
/// its footer.
pub fn render_round_markdown(r: &Round, brand: &Brand) -> String {
    let footer = brand.footer.as_deref().map(|f| format!("\n---\n\n{}\n", md(f))).unwrap_or_default();
    [heading(r, brand), respondents(r), areas(r), red_flags(r), unknowns(r), answers(r), plan(r), closing(r), footer]
        .concat()
}

/// "Verdict: Not ready — score 43.7 / 100 (respondents 34.4 to 53.1)".
fn verdict_words(r: &Round) -> String {
    format!("Verdict: {} — score {}", r.verdict.worded(&r.verdicts), md(&score_line(r)))
}

/// The verdict once more, as the last line of the report itself.
fn closing(r: &Round) -> String {
    format!("\n---\n\n**{}**\n", verdict_words(r))
}

fn heading(r: &Round, brand: &Brand) -> String {
    let mut out = format!(
        "# {}\n\n- **Questionnaire:** {} {} (`{}`)\n- **Respondents:** {}\n- **Assessed:** {}\n",
        md(&title(r)),
        md(&r.questionnaire.id),
        md(&r.questionnaire.version),
        md(&r.questionnaire.content_hash),
        md(&respondents_line(r)),
        dates(r)
    );
    if let Some(name) = &brand.name {
        out.push_str(&format!("- **Prepared by:** {}\n", md(name)));
    }
    out.push('\n');
    out.push_str(&format!("## {}\n\n", verdict_words(r)));
    for line in reason_lines(r.verdict, &r.reasons) {
        out.push_str(&format!("- {}\n", md(&line)));
    }
    out
}

fn respondents(r: &Round) -> String {
    let mut out = String::from(
        "\n## Respondents\n\n| Respondent | Role | Group | Verdict | Score | Date |\n| --- | --- | --- | --- | ---: | --- |\n",
    );
    for p in &r.respondents {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            md(&p.name),
            p.role.as_deref().map_or_else(|| "—".into(), md),
            p.group.map_or("—", |g| g.name()),
            p.verdict.worded(&r.verdicts),
            fmt1(p.score),
            p.assessed_at.strftime("%Y-%m-%d")
        ));
    }
    out
}

fn areas(r: &Round) -> String {
    let mut out = String::from(
        "\n## Areas\n\nAgreement: 1 when everyone answered alike, 0 when no better than chance.\n\n\
         | Area | Score | Range | Risk | Agreement |\n| --- | ---: | ---: | --- | ---: |\n",
    );
    for a in &r.areas {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            md(&a.title),
            score_text(a.score),
            range_text(a.lowest_score, a.highest_score),
            a.risk.map_or("n/a", |x| x.name()),
            agreement_text(a.agreement)
        ));
    }
    out
}

fn red_flags(r: &Round) -> String {
    if r.red_flags.is_empty() {
        return String::new();
    }
    let mut out = String::from("\n## Red flags\n\n| Severity | Question | Who said what |\n| --- | --- | --- |\n");
    for f in &r.red_flags {
        let said = match f.kind {
            FlagKind::Disagreement => format!("Groups disagree: {}", f.answer),
            FlagKind::Answer => who_said_what(&f.raised_by),
        };
        out.push_str(&format!("| {} | {} | {} |\n", f.severity.name(), md(&f.question_text), md(&said)));
    }
    out
}

fn unknowns(r: &Round) -> String {
    let mut out = String::new();
    if !r.unknowns.is_empty() {
        out.push_str("\n## Unknown to everyone asked\n\n");
        for u in &r.unknowns {
            out.push_str(&format!("- {}\n", md(&u.text)));
        }
    }
    if !r.known_to_some.is_empty() {
        // Others answered these for real: the real answers decide, and
        // not knowing raises nothing in the round.
        out.push_str("\n## Known to some only\n\n");
        for k in &r.known_to_some {
            let who: Vec<String> =
                k.not_known_by.iter().map(|s| format!("{} ({})", s.respondent, group_word(s.group))).collect();
            out.push_str(&format!("- {} — not known to {}\n", md(&k.text), md(&who.join(", "))));
        }
    }
    out
}

/// The answers by question, one section per area.
fn answers(r: &Round) -> String {
    let mut out = String::from("\n## Answers by question\n");
    for area in &r.areas {
        let asked: Vec<_> = r.questions.iter().filter(|q| q.area == area.id && !q.answers.is_empty()).collect();
        if asked.is_empty() {
            continue;
        }
        out.push_str(&format!("\n### {} (agreement {})\n\n", md(&area.title), agreement_text(area.agreement)));
        for q in asked {
            out.push_str(&format!("- **{}** (agreement {})\n", md(&q.text), agreement_text(q.agreement)));
            for line in answer_lines(q) {
                out.push_str(&format!("  - {} — {}\n", md(&line.answer), md(&line.who)));
            }
            for note in notes(q) {
                out.push_str(&format!("  - *Note:* {}\n", md(&note)));
            }
        }
    }
    out
}

/// The merged plan, one numbered list per phase (a long phase's leading
/// actions first, the rest under a heading of their own); under each
/// action, what other answers recommend for the same question.
fn plan(r: &Round) -> String {
    let mut out = String::from("\n## Action plan\n");
    if r.actions.is_empty() {
        out.push_str("\nNothing to do. Keep reviewing every quarter.\n");
    }
    for phase in phase_plans(r) {
        out.push_str(&format!("\n### {}\n\n", md(phase.title)));
        if let Some(many) = phase.many() {
            out.push_str(&format!("{}.\n\n", md(&many)));
        }
        out.push_str(&actions_list(r, &phase.leading, 0));
        if !phase.rest.is_empty() {
            out.push_str(&format!("\n#### {}, {} more\n\n", md(phase.title), phase.rest.len()));
            out.push_str(&actions_list(r, &phase.rest, phase.leading.len()));
        }
    }
    out
}

/// `items` as a list numbered from `first + 1`.
fn actions_list(r: &Round, items: &[&RoundAction], first: usize) -> String {
    let mut out = String::new();
    for (i, a) in items.iter().enumerate() {
        out.push_str(&format!(
            "{}. {} *({} priority; raised by {})*\n",
            first + i + 1,
            md(&a.recommendation),
            a.priority_level.name(),
            md(&raised_by(&a.raised_by))
        ));
        for o in &a.other_recommendations {
            out.push_str(&format!("   - *Also recommended:* {}\n", md(&other_line(r, o))));
        }
    }
    out
}
