//! `crm-ready assess` without `--answers`: run the interview in the
//! terminal, then print the same report the `--answers` path prints.

use super::Output;
use super::assess::{AssessArgs, finish, now};
use super::output::use_color;
use crate::core::questionnaire::Questionnaire;
use crate::exit;
use crate::io::drafts;
use crate::tui::{self, Details, Ending, app::shell_quote};

pub fn run(args: &AssessArgs, out: &Output, q: &Questionnaire) -> anyhow::Result<u8> {
    let mut resume_command = "crm-ready assess".to_string();
    if let Some(spec) = &args.questionnaire {
        resume_command.push_str(&format!(" --questionnaire {}", shell_quote(spec)));
    }
    resume_command.push_str(" --resume");
    let options = tui::Options {
        resume: args.resume,
        color: use_color(out.color_choice, true, std::env::var("NO_COLOR").ok().as_deref()),
        details: Details {
            organization: args.organization.clone(),
            respondent: args.respondent.clone(),
            role: args.role.clone(),
        },
        resume_command,
    };
    match tui::interview(q, &options, now)? {
        Ending::Submitted { answers, draft } => {
            let code = finish(args, out, q, answers).inspect_err(|_| {
                if let Some(path) = &draft {
                    out.note(&format!("Your answers are still saved in {}.", path.display()));
                }
            })?;
            if let Some(path) = draft
                && let Err(e) = drafts::discard(&path)
            {
                out.warn(&format!("could not remove the finished draft {}: {e}", path.display()));
            }
            Ok(code)
        }
        Ending::Left { interrupted, draft, resume_command, save_error } => {
            match draft {
                Some(path) => {
                    out.note(&format!("Your answers are saved in {}.", path.display()));
                    out.note(&format!("To carry on, run: {resume_command}"));
                }
                None => out.note("Left before the interview began; nothing new was saved."),
            }
            let unsaved = save_error.is_some();
            if let Some(e) = save_error {
                out.warn(&format!("the last save failed ({e}); the most recent answers were not kept"));
            }
            // Leaving with answers that could not be written is a failed write.
            Ok(if interrupted {
                exit::INTERRUPTED
            } else if unsaved {
                exit::IO
            } else {
                exit::OK
            })
        }
    }
}
