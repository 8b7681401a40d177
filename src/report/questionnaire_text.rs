//! `show`'s text: a questionnaire as a consultant reads it before using
//! it: the scoring rules with its own thresholds, then every area,
//! question and answer with its score, red flag, action and phase, and
//! what "don't know" raises.

use crate::core::answers::format_number;
use crate::core::questionnaire::{Choice, Kind, Outcome, Question, Questionnaire, Test};
use crate::core::scoring::rules_in_words;
use crate::core::text::{one_line, sanitize};

/// The questionnaire as readable text.
pub fn questionnaire_text(q: &Questionnaire) -> String {
    let mut s = format!("{} ({} {})\n", one_line(&q.title), q.id, one_line(&q.version));
    if let Some(d) = &q.description {
        s.push_str(&format!("{}\n", sanitize(d)));
    }
    s.push_str(&format!(
        "{} areas; {}{}\n",
        q.areas.len(),
        q.counts().describe(),
        q.minutes.map_or_else(String::new, |m| format!("; about {m} minutes"))
    ));
    s.push_str("\nHow answers are scored\n");
    for rule in rules_in_words(q) {
        s.push_str(&format!("  - {rule}\n"));
    }
    for (i, area) in q.areas.iter().enumerate() {
        s.push_str(&format!("\n## {} [{}] weight {}\n", one_line(&area.title), area.id, format_number(area.weight)));
        s.push_str(&format!("   {}\n", one_line(&area.why)));
        for question in q.area_questions(i) {
            s.push_str(&question_text(q, question));
        }
    }
    s
}

/// One question: its wording, when it is shown, what each answer scores
/// and raises, and what "don't know" raises.
fn question_text(q: &Questionnaire, question: &Question) -> String {
    let mut s = format!("\n  {} ({}, weight {})\n", question.id, question.kind.name(), format_number(question.weight));
    s.push_str(&format!("  {}\n", one_line(&question.text)));
    for c in &question.when {
        s.push_str(&format!("    shown when {} {} {}\n", c.question, c.test.key(), test_operand(&c.test)));
    }
    let scored = question.is_scored();
    for ch in &question.choices {
        s.push_str(&choice_text(q, question, ch, scored));
    }
    for b in &question.bands {
        let label = b.label.as_deref().map(|l| format!("  {}", one_line(l))).unwrap_or_default();
        s.push_str(&format!(
            "    - {}..{} {:>3}{label}{}\n",
            format_number(b.from),
            format_number(b.to),
            format_number(b.outcome.score),
            flag(b.outcome.red_flag.map(|f| f.name()))
        ));
        s.push_str(&action(q, b.outcome.recommendation.as_deref(), b.outcome.phase.as_deref(), ""));
    }
    s.push_str(&unknown_text(q, question, scored));
    s
}

fn choice_text(q: &Questionnaire, question: &Question, ch: &Choice, scored: bool) -> String {
    let score = if scored { format_number(ch.outcome.score) } else { String::new() };
    let exclusive = if ch.exclusive { "  (excludes the others)" } else { "" };
    let mut s = format!(
        "    - {:<16} {:>3}  {}{exclusive}{}\n",
        ch.id,
        score,
        one_line(&ch.label),
        flag(ch.outcome.red_flag.map(|f| f.name()))
    );
    let Outcome { recommendation, phase, .. } = &ch.outcome;
    s.push_str(&action(q, recommendation.as_deref(), phase.as_deref(), ""));
    if question.kind == Kind::Multi {
        s.push_str(&action(q, ch.if_missing.as_deref(), phase.as_deref(), "if not ticked: "));
    }
    s
}

/// What "don't know" (or no answer) raises, or that the question is not
/// scored at all.
fn unknown_text(q: &Questionnaire, question: &Question, scored: bool) -> String {
    if !scored {
        let what = if question.kind == Kind::Text { "free text" } else { "context only" };
        return format!("    ({what}: not scored)\n");
    }
    let u = &question.unknown;
    let mut s = if question.dont_know {
        format!("    - (don't know)       0{}\n", flag(u.red_flag.map(|f| f.name())))
    } else {
        format!("    - (unanswered)       0{}  (\"don't know\" is not accepted)\n", flag(u.red_flag.map(|f| f.name())))
    };
    s.push_str(&action(q, u.recommendation.as_deref(), u.phase.as_deref(), ""));
    s
}

/// "      → Before signing: the recommendation", when there is one.
fn action(q: &Questionnaire, recommendation: Option<&str>, phase: Option<&str>, lead: &str) -> String {
    let Some(r) = recommendation else { return String::new() };
    let phase = phase.and_then(|id| q.phases.iter().find(|p| p.id == id)).map_or("", |p| p.title.as_str());
    format!("        {lead}→ {phase}: {}\n", one_line(r))
}

/// What a condition's test compares with: choice ids or a number.
fn test_operand(test: &Test) -> String {
    match test {
        Test::Is(v) | Test::IsNot(v) | Test::Includes(v) => v.clone(),
        Test::IsAny(v) => v.join(", "),
        Test::AtLeast(n) | Test::Below(n) => format_number(*n),
    }
}

fn flag(severity: Option<&str>) -> String {
    severity.map(|f| format!("  [{f} red flag]")).unwrap_or_default()
}
