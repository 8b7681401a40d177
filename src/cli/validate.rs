//! `crm-ready validate FILE...`: check questionnaires, report all problems.

use std::path::{Path, PathBuf};

use clap::Args;

use super::output::Output;
use super::show::ShowFormat;
use crate::core::diagnostic::InvalidInput;
use crate::core::questionnaire::{Questionnaire, builtin, parse};
use crate::core::text::one_line;
use crate::exit::{self, UsageError};
use crate::io::input::read_text;
use crate::report::to_json;
use crate::report::validation::{CheckedFile, Problem, VALIDATION_SCHEMA_VERSION, Validation};

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Questionnaire files to check.
    #[arg(required = true, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub files: Vec<PathBuf>,
    /// text: `FILE: ok` per valid file on stdout, problems on stderr; json: one document on stdout.
    #[arg(long, short = 'f', value_enum, default_value_t = ShowFormat::Text)]
    pub format: ShowFormat,
}

/// Checks every file. Text: `FILE: ok (...)` per valid file; every problem
/// of every invalid one on stderr. JSON: one document with both. Exit 2 if
/// any file is invalid, 3 if one could not be read.
pub fn run(args: ValidateArgs, out: &Output) -> anyhow::Result<u8> {
    let mut worst = exit::OK;
    let mut files = Vec::with_capacity(args.files.len());
    for path in &args.files {
        let shown = path.display().to_string();
        let checked = match read_questionnaire(path, &shown) {
            Ok(q) => {
                if args.format == ShowFormat::Text {
                    out.data(&ok_line(&shown, &q))?;
                }
                CheckedFile::valid(shown, &q)
            }
            Err(e) => {
                worst = worst.max(exit::code_for(&e));
                let invalid = e.downcast_ref::<InvalidInput>();
                if args.format == ShowFormat::Text {
                    out.error(&invalid.map_or_else(|| format!("{e:#}"), InvalidInput::to_string));
                }
                let problems = invalid.map_or_else(|| vec![Problem::whole_file(format!("{e:#}"))], Problem::all_of);
                CheckedFile::invalid(shown, problems)
            }
        };
        files.push(checked);
    }
    if args.format == ShowFormat::Json {
        let validation = Validation { schema_version: VALIDATION_SCHEMA_VERSION, tool_version: crate::VERSION, files };
        out.data(&to_json(&validation))?;
    }
    Ok(worst)
}

/// Reads and checks one file. A built-in's name, or one close to it, is no
/// file: says where built-ins are checked.
fn read_questionnaire(path: &Path, shown: &str) -> anyhow::Result<Questionnaire> {
    let bare_name = !shown.contains(['/', '\\', '.']);
    if bare_name
        && !path.exists()
        && let Some(name) = builtin::meant(shown)
    {
        return Err(UsageError::new(format!(
            "{}: no such file; `validate` checks files, and the built-in `{name}` is always valid \
             (`crm-ready lint {name}` checks its scoring)",
            one_line(shown)
        ))
        .into());
    }
    let text = read_text(path)?;
    Ok(parse(&text, shown)?)
}

/// `FILE: ok (id version: counts)`.
fn ok_line(shown: &str, q: &Questionnaire) -> String {
    format!("{}: ok ({} {}: {})\n", one_line(shown), q.id, one_line(&q.version), q.counts().describe())
}
