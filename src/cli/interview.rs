//! `crm-ready assess` without `--answers`: run the interview in the
//! terminal and say how it ended. What was submitted goes back to `assess`,
//! which scores and reports it as it does an answers file.

use std::io::IsTerminal;
use std::path::PathBuf;

use super::clock::now;
use super::output::Output;
use crate::core::answers::Answers;
use crate::core::questionnaire::Questionnaire;
use crate::exit::{self, UsageError};
use crate::tui::{self, Ending};

/// How the interview ended.
#[derive(Debug)]
pub enum InterviewOutcome {
    /// Submitted: score and report these answers, then discard the draft
    /// that holds them (if any). Boxed: they outweigh the other variant.
    Submitted { answers: Box<Answers>, draft: Option<PathBuf> },
    /// Left or interrupted, and told where the answers are: exit with
    /// `code` (130, or 3 when the last save failed).
    Left { code: u8 },
}

/// Runs the interview for `q`; `options` are resolved from the command line.
pub fn run(options: &tui::Options, out: &Output, q: &Questionnaire) -> anyhow::Result<InterviewOutcome> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(UsageError::new(
            "the interview needs a terminal on stdin and stdout; to score without one, pass --answers FILE",
        )
        .into());
    }
    Ok(match tui::interview(q, options, now, &|warning| out.warn(warning))? {
        Ending::Submitted { answers, draft } => InterviewOutcome::Submitted { answers: Box::new(answers), draft },
        Ending::Left { interrupted, draft, resume_command, save_error } => {
            match (draft, &save_error) {
                (Some(path), _) => {
                    out.note(&format!("Your answers are saved in {}.", path.display()));
                    out.note(&format!("To carry on, run: {resume_command}"));
                }
                // A draft is kept only once there is an answer or a note.
                (None, None) => out.note("Nothing was answered, so nothing new was saved."),
                (None, Some(_)) => {}
            }
            let unsaved = save_error.is_some();
            if let Some(e) = save_error {
                out.warn(&format!("the last save failed ({e}); the most recent answers were not kept"));
            }
            // An interview left before it was submitted did not finish: a
            // script wrapping `assess` must not carry on as if it had
            // (`crm-ready assess && send-report`). Leaving with answers that
            // could not be written is a failed write.
            let code = if unsaved && !interrupted { exit::IO } else { exit::INTERRUPTED };
            InterviewOutcome::Left { code }
        }
    })
}
