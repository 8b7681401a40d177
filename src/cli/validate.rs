//! `crm-ready validate FILE...`: check questionnaires, report all problems.

use std::path::PathBuf;

use clap::Args;

use super::output::Output;
use crate::core::diagnostic::InvalidInput;
use crate::core::questionnaire::parse;
use crate::exit;
use crate::io::input::read_text;

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Questionnaire files to check.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// Prints `FILE: ok` per valid file; every problem of every invalid one on
/// stderr. Exit 2 if any file is invalid, 3 if one could not be read.
pub fn run(args: ValidateArgs, out: &Output) -> anyhow::Result<u8> {
    let mut worst = exit::OK;
    for path in &args.files {
        let shown = path.display().to_string();
        let result = read_text(path).and_then(|text| parse(&text, &shown).map_err(anyhow::Error::from));
        match result {
            Ok(q) => out.data(&format!(
                "{}: ok ({} {}, {} questions)\n",
                crate::core::text::one_line(&shown),
                q.id,
                crate::core::text::one_line(&q.version),
                q.questions.len()
            ))?,
            Err(e) => {
                let code = exit::code_for(&e);
                match e.downcast_ref::<InvalidInput>() {
                    Some(invalid) => out.error(&invalid.to_string()),
                    None => out.error(&format!("{e:#}")),
                }
                worst = worst.max(code);
            }
        }
    }
    Ok(worst)
}
