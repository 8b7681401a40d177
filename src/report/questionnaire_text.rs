//! `show`'s text: a questionnaire as a consultant reads it before using
//! it: the scoring rules with its own thresholds, then every area,
//! question and answer with its score, red flag, action and phase, and
//! what "don't know" raises.

use crate::core::answers::format_number;
use crate::core::questionnaire::{Choice, Kind, Outcome, Question, Questionnaire, Test};
use crate::core::scoring::rules_in_words;
use crate::core::text::{one_line, sanitize};
use crate::core::wrap::{width, wrap};

/// Narrowest that text is wrapped to, however narrow the terminal.
const MIN_TEXT_WIDTH: usize = 20;
/// Narrowest an answer's id column is: `(don't know)` and the usual ids.
const MIN_ID_COLUMN: usize = 16;
/// Widest an answer's id column grows before its text goes on the next line.
const MAX_ID_COLUMN: usize = 24;

/// Text wrapped to a width at spaces, each line after its lead and the
/// lines after the first under the lead's end.
struct Page {
    out: String,
    width: usize,
}

impl Page {
    /// `text` after `lead`, wrapped under it.
    fn line(&mut self, lead: &str, text: &str) {
        let hang = width(lead);
        // A line that fits keeps its spacing; only a longer one is wrapped.
        if hang + width(text) <= self.width {
            self.push(&format!("{lead}{text}"));
        } else if hang + MIN_TEXT_WIDTH <= self.width {
            self.wrapped(lead, hang, text);
        } else {
            // The lead leaves too little room: it gets a line of its own,
            // and the text goes under it, a little further in.
            let own = lead.trim_end();
            if width(own) <= self.width {
                self.push(own)
            } else {
                self.wrapped("", 0, own)
            }
            let indent = (lead.len() - lead.trim_start().len() + 2).min(self.width.saturating_sub(MIN_TEXT_WIDTH));
            self.wrapped(&" ".repeat(indent), indent, text);
        }
    }

    /// `text` wrapped after `first`, the lines after it `hang` cells in.
    fn wrapped(&mut self, first: &str, hang: usize, text: &str) {
        let room = self.width.saturating_sub(hang).max(MIN_TEXT_WIDTH);
        for (i, part) in wrap(text, room).iter().enumerate() {
            let lead = if i == 0 { first.to_string() } else { " ".repeat(hang) };
            self.push(&format!("{lead}{part}"));
        }
    }

    /// One line, without trailing spaces.
    fn push(&mut self, line: &str) {
        self.out.push_str(line.trim_end());
        self.out.push('\n');
    }

    fn blank(&mut self) {
        self.out.push('\n');
    }
}

/// The questionnaire as readable text, wrapped to `width` columns.
pub fn questionnaire_text(q: &Questionnaire, width: u16) -> String {
    let mut page = Page { out: String::new(), width: usize::from(width) };
    page.line("", &format!("{} ({} {})", one_line(&q.title), one_line(&q.id), one_line(&q.version)));
    if let Some(d) = &q.description {
        for paragraph in sanitize(d).lines() {
            page.line("", paragraph);
        }
    }
    page.line(
        "",
        &format!(
            "{} areas; {}{}",
            q.areas.len(),
            q.counts().describe(),
            q.minutes.map_or_else(String::new, |m| format!("; about {m} minutes"))
        ),
    );
    page.blank();
    page.line("", "How answers are scored");
    for rule in rules_in_words(q) {
        page.line("  - ", &rule);
    }
    if !q.verdicts.is_standard() {
        let v = &q.verdicts;
        page.line(
            "  - ",
            &format!(
                "Reports word the verdicts as this questionnaire names them: ready is \"{}\", ready with conditions \"{}\", not ready \"{}\".",
                one_line(&v.ready),
                one_line(&v.ready_with_conditions),
                one_line(&v.not_ready)
            ),
        );
    }
    for (i, area) in q.areas.iter().enumerate() {
        page.blank();
        let heading =
            format!("{} [{}] weight {}", one_line(&area.title), one_line(&area.id), format_number(area.weight));
        page.line("## ", &heading);
        page.line("   ", &one_line(&area.why));
        for question in q.area_questions(i) {
            question_text(&mut page, q, question);
        }
    }
    checks_text(&mut page, q);
    page.out
}

/// The answers that cannot all be true: each check's conditions and what
/// the report then asks to check.
fn checks_text(page: &mut Page, q: &Questionnaire) {
    if q.checks.is_empty() {
        return;
    }
    page.blank();
    page.line("## ", "Answers to check (cannot all be true; ready with conditions at best)");
    for check in &q.checks {
        page.blank();
        page.line("  ", &one_line(&check.id));
        for (i, c) in check.all.iter().enumerate() {
            let lead = if i == 0 { "    when " } else { "     and " };
            page.line(lead, &format!("{} {} {}", one_line(&c.question), c.test.key(), test_operand(&c.test)));
        }
        page.line("    → ", &one_line(&check.message));
    }
}

/// One question: its wording, when it is shown, what each answer scores
/// and raises, and what "don't know" raises.
fn question_text(page: &mut Page, q: &Questionnaire, question: &Question) {
    page.blank();
    let id = one_line(&question.id);
    page.line("  ", &format!("{id} ({}, weight {})", question.kind.name(), format_number(question.weight)));
    page.line("  ", &one_line(&question.text));
    for c in &question.when {
        page.line("    shown when ", &format!("{} {} {}", one_line(&c.question), c.test.key(), test_operand(&c.test)));
    }
    let scored = question.is_scored();
    let widest = question.choices.iter().map(|c| width(&one_line(&c.id))).max().unwrap_or(0);
    // On a narrow terminal the column narrows, and longer ids go on a line
    // of their own, so that the text keeps its room.
    let column = widest.clamp(MIN_ID_COLUMN, MAX_ID_COLUMN).min(page.width.saturating_sub(MIN_TEXT_WIDTH + 12));
    for ch in &question.choices {
        choice_text(page, q, question, ch, scored, column);
    }
    for b in &question.bands {
        let range = format!("{}..{}", format_number(b.from), format_number(b.to));
        let label = b.label.as_deref().map(|l| one_line(l).into_owned()).unwrap_or_default();
        answer_line(
            page,
            &range,
            &format_number(b.outcome.score),
            column,
            &format!("{label}{}", flag(b.outcome.red_flag.map(|f| f.name()))),
        );
        action(page, q, b.outcome.recommendation.as_deref(), b.outcome.phase.as_deref(), "");
    }
    unknown_text(page, q, question, scored, column);
}

/// `    - id      score  text`, the text wrapped under itself; an id wider
/// than the column puts the text on the line after it.
fn answer_line(page: &mut Page, id: &str, score: &str, column: usize, text: &str) {
    let id_width = width(id);
    if id_width > column {
        page.line("    - ", id);
        page.line(&format!("      {:column$} {score:>3}  ", ""), text.trim_start());
        return;
    }
    let pad = " ".repeat(column - id_width);
    page.line(&format!("    - {id}{pad} {score:>3}  "), text.trim_start());
}

fn choice_text(page: &mut Page, q: &Questionnaire, question: &Question, ch: &Choice, scored: bool, column: usize) {
    let score = if scored { format_number(ch.outcome.score) } else { String::new() };
    let exclusive = if ch.exclusive { "  (excludes the others)" } else { "" };
    let text = format!("{}{exclusive}{}", one_line(&ch.label), flag(ch.outcome.red_flag.map(|f| f.name())));
    answer_line(page, &one_line(&ch.id), &score, column, &text);
    let Outcome { recommendation, phase, .. } = &ch.outcome;
    action(page, q, recommendation.as_deref(), phase.as_deref(), "");
    if question.kind == Kind::Multi {
        action(page, q, ch.if_missing.as_deref(), phase.as_deref(), "if not ticked: ");
    }
}

/// What "don't know" (or no answer) raises, or that the question is not
/// scored at all.
fn unknown_text(page: &mut Page, q: &Questionnaire, question: &Question, scored: bool, column: usize) {
    if !scored {
        let what = if question.kind == Kind::Text { "free text" } else { "context only" };
        page.line("    ", &format!("({what}: not scored)"));
        return;
    }
    let u = &question.unknown;
    let raised = flag(u.red_flag.map(|f| f.name()));
    if question.dont_know {
        answer_line(page, "(don't know)", "0", column, &raised);
    } else {
        answer_line(page, "(unanswered)", "0", column, &format!("{raised}  (\"don't know\" is not accepted)"));
    }
    action(page, q, u.recommendation.as_deref(), u.phase.as_deref(), "");
}

/// "        → Before signing: the recommendation", when there is one.
fn action(page: &mut Page, q: &Questionnaire, recommendation: Option<&str>, phase: Option<&str>, lead: &str) {
    let Some(r) = recommendation else { return };
    let phase = phase.and_then(|id| q.phases.iter().find(|p| p.id == id)).map_or("", |p| p.title.as_str());
    page.line(&format!("        {lead}→ "), &format!("{}: {}", one_line(phase), one_line(r)));
}

/// What a condition's test compares with: choice ids or a number.
fn test_operand(test: &Test) -> String {
    match test {
        Test::Is(v) | Test::IsNot(v) | Test::Includes(v) => one_line(v).into_owned(),
        Test::IsAny(v) => v.iter().map(|x| one_line(x).into_owned()).collect::<Vec<_>>().join(", "),
        Test::AtLeast(n) | Test::Below(n) => format_number(*n),
    }
}

fn flag(severity: Option<&str>) -> String {
    severity.map(|f| format!("  [{f} red flag]")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::questionnaire_text;
    use crate::core::questionnaire::parse;
    use crate::core::wrap::width;

    const LONG_IDS: &str = r#"
[questionnaire]
id = "long-ids"
version = "1.0.0"
title = "Long ids"

[[area]]
id = "plan"
title = "The plan"
why = "Without a plan nothing else holds, and this sentence is long enough to be wrapped at eighty columns."

[[area.question]]
id = "plan.owner"
kind = "single"
text = "Who owns the project?"

[[area.question.choice]]
id = "a-named-person-with-time"
label = "A named person with time for it, written into their objectives for the year"
score = 100

[[area.question.choice]]
id = "an-id-far-too-long-for-any-column-at-all"
label = "Nobody yet"
score = 0
red_flag = "critical"
recommendation = "Name an owner and free up their time before you sign."
phase = "before-signing"
"#;

    #[test]
    fn the_text_fits_the_width_and_the_scores_stay_in_line() {
        let q = parse(LONG_IDS, "long-ids.toml").unwrap();
        for columns in [40u16, 60, 80, 100] {
            let text = questionnaire_text(&q, columns);
            for line in text.lines() {
                assert!(width(line) <= usize::from(columns), "{columns}: {line}\n{text}");
            }
            // Both scores end in the same column: the long id has a line of its own.
            let end_of = |score: &str, label: &str| {
                let line = text.lines().find(|l| l.contains(label)).unwrap();
                line.find(&format!("{score}  {label}")).unwrap() + score.len()
            };
            if columns >= 60 {
                assert_eq!(end_of("100", "A named"), end_of("0", "Nobody yet"), "{columns}:\n{text}");
            }
            if columns >= 60 {
                assert!(text.contains("    - an-id-far-too-long-for-any-column-at-all\n"), "{text}");
            }
        }
    }

    #[test]
    fn the_checks_come_last_with_their_conditions_and_what_to_ask() {
        let q = crate::core::questionnaire::builtin::find("crm-quick").unwrap().load().unwrap();
        let text = questionnaire_text(&q, 100);
        let at = text.find("## Answers to check").expect("a section for the checks");
        let section = &text[at..];
        assert!(section.contains("    when setup.training-budget is not-included\n"), "{section}");
        assert!(section.contains("     and setup.plan-covers includes training\n"), "{section}");
        assert!(section.contains("    → The set-up plan includes training"), "{section}");
        let review = crate::core::questionnaire::builtin::find("crm-review").unwrap().load().unwrap();
        assert!(!questionnaire_text(&review, 100).contains("## Answers to check"));
    }
}
