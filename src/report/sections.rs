//! What the table and the Markdown report both show, worked out once: the
//! reasons behind the verdict, the respondent's own words, and the answers
//! that contradict each other.

use crate::core::assessment::{Assessment, QuestionStatus, Reason, Verdict};
use crate::core::questionnaire::Kind;
use crate::core::scoring::decided;

/// Most red-flag reasons listed one by one before they are summed up.
const FLAG_REASONS_LISTED: usize = 3;

/// The reasons that decided `verdict`, one line each, for people (the
/// summary of every report, single or round): a not-ready verdict lists
/// only the rules that block (its conditions stay in the JSON `reasons`);
/// each area appears once, its reasons merged by the rules themselves;
/// long runs of red-flag reasons are summed up, since the red-flag table
/// lists them all.
pub fn reason_lines(verdict: Verdict, reasons: &[Reason]) -> Vec<String> {
    let deciding: Vec<&Reason> = reasons.iter().filter(|r| decided(verdict, &r.rule)).collect();
    let mut lines = Vec::new();
    for rule in ["critical-red-flag", "major-red-flag"] {
        let flagged: Vec<_> = deciding.iter().filter(|r| r.rule == rule).collect();
        if flagged.len() > FLAG_REASONS_LISTED {
            let severity = rule.trim_end_matches("-red-flag");
            lines.push((rule, format!("{} {severity} red flags (listed below)", flagged.len())));
        } else {
            lines.extend(flagged.iter().map(|r| (rule, r.message.clone())));
        }
    }
    // Keep the verdict's own order: flags where they stood, the rest as is.
    let mut out = Vec::new();
    let mut flags_done = [false, false];
    for r in deciding {
        match r.rule.as_str() {
            rule @ ("critical-red-flag" | "major-red-flag") => {
                let i = usize::from(rule == "major-red-flag");
                if !flags_done[i] {
                    flags_done[i] = true;
                    out.extend(lines.iter().filter(|(k, _)| *k == rule).map(|(_, l)| l.clone()));
                }
            }
            _ => out.push(r.message.clone()),
        }
    }
    out
}

/// A question's free-text answer or note, for the "Notes and context"
/// section: what the respondent said in their own words.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ContextRow<'a> {
    pub question: &'a str,
    /// The answer in words, for free-text questions.
    pub answer: Option<&'a str>,
    pub note: Option<&'a str>,
}

/// Free-text answers and notes, in questionnaire order.
pub fn context_rows(a: &Assessment) -> Vec<ContextRow<'_>> {
    a.questions
        .iter()
        .filter(|q| q.status != QuestionStatus::Hidden)
        .filter_map(|q| {
            let answer = (q.kind == Kind::Text).then_some(q.answer_text.as_deref()).flatten();
            let note = q.note.as_deref();
            (answer.is_some() || note.is_some()).then_some(ContextRow { question: &q.text, answer, note })
        })
        .collect()
}

/// One set of answers that contradict each other, for the "Answers to
/// check" section: what to check, and the answers given.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CheckRow<'a> {
    pub message: &'a str,
    pub answers: Vec<GivenAnswer<'a>>,
}

/// A question and the answer given to it, in words.
#[derive(Debug, Clone, serde::Serialize)]
pub struct GivenAnswer<'a> {
    pub question: &'a str,
    pub answer: String,
}

/// The answers to check, in the questionnaire's order of its checks.
pub fn check_rows(a: &Assessment) -> Vec<CheckRow<'_>> {
    a.answers_to_check
        .iter()
        .map(|c| CheckRow {
            message: &c.message,
            answers: c
                .questions
                .iter()
                .filter_map(|id| a.questions.iter().find(|q| &q.id == id))
                .map(|q| GivenAnswer { question: &q.text, answer: q.in_words() })
                .collect(),
        })
        .collect()
}
