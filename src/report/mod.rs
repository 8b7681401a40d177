//! Renderers for an [`Assessment`](crate::core::assessment::Assessment): a
//! terminal table, JSON and Markdown. They only turn data into text.

pub mod history_list;
pub mod history_tables;
mod json;
mod markdown;
mod schema;
mod style;
mod table;

pub use history_list::HistoryList;
pub use json::to_json;
pub use markdown::render_markdown;
pub use schema::report_schema;
pub use style::TableStyle;
pub use table::render_table;

/// How a report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tables for people, in the terminal.
    Table,
    /// Machine-readable, with a schema version.
    Json,
    /// For handing over: paste into a wiki or convert to PDF.
    Markdown,
}

impl Format {
    /// The format asked for, else the one the output file's name implies
    /// (`.json`, `.md`), else a table.
    pub fn resolve(asked: Option<Format>, output: Option<&std::path::Path>) -> Format {
        let by_name = output.and_then(|p| p.extension()).and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        asked.unwrap_or(match by_name.as_deref() {
            Some("json") => Format::Json,
            Some("md" | "markdown") => Format::Markdown,
            _ => Format::Table,
        })
    }
}

use crate::core::assessment::Assessment;

/// Most red-flag reasons listed one by one before they are summed up.
const FLAG_REASONS_LISTED: usize = 3;

/// The reasons behind the verdict, one line each, for people: long runs of
/// red-flag reasons are summed up, since the red-flag table lists them all.
pub fn reason_lines(a: &Assessment) -> Vec<String> {
    let mut lines = Vec::new();
    for rule in ["critical-red-flag", "major-red-flag"] {
        let flagged: Vec<_> = a.reasons.iter().filter(|r| r.rule == rule).collect();
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
    for r in &a.reasons {
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
        .filter(|q| q.status != crate::core::assessment::QuestionStatus::Hidden)
        .filter_map(|q| {
            let answer =
                (q.kind == crate::core::questionnaire::Kind::Text).then_some(q.answer_text.as_deref()).flatten();
            let note = q.note.as_deref();
            (answer.is_some() || note.is_some()).then_some(ContextRow { question: &q.text, answer, note })
        })
        .collect()
}
