//! `crm-ready lint FILE|NAME...`: whether each questionnaire's scoring can
//! give a verdict a buyer can trust (see `core::lint`).

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;

use super::output::{Output, is_broken_pipe};
use crate::core::diagnostic::InvalidInput;
use crate::core::lint::{Lint, lint};
use crate::core::questionnaire::Questionnaire;
use crate::exit;
use crate::io::input::load_questionnaire;
use crate::io::named_output::{destination, named_directory};
use crate::report::{render_lint, to_json};

/// The exit code when the lint finds something: the code of a tripped gate.
const FOUND: u8 = exit::GATE;

/// Output formats of `lint`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LintFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Questionnaire files, or built-in names (crm-readiness, crm-quick, crm-review).
    #[arg(required = true, value_name = "FILE|NAME")]
    pub questionnaires: Vec<String>,
    /// Text for people; JSON (one document per questionnaire) for tools.
    #[arg(long, short = 'f', value_enum, default_value_t = LintFormat::Text)]
    pub format: LintFormat,
    /// Write an answers file reaching each reachable verdict and area risk
    /// into DIR, made if need be (into DIR/<questionnaire id>/ when linting several).
    #[arg(long, value_name = "DIR")]
    pub witness: Option<PathBuf>,
}

/// Lints each questionnaire. Exit 0 when nothing is found, 1 with
/// findings, 2 for a file that does not validate, 3 when a file cannot be
/// read or written: the worst over all of them.
pub fn run(args: LintArgs, out: &Output) -> anyhow::Result<u8> {
    if let Some(dir) = &args.witness {
        named_directory(dir, true, "--witness")?;
    }
    let mut worst = exit::OK;
    for spec in &args.questionnaires {
        let code = match lint_one(spec, &args, out) {
            Ok(code) => code,
            Err(e) if is_broken_pipe(&e) => return Err(e),
            Err(e) => {
                match e.downcast_ref::<InvalidInput>() {
                    Some(invalid) => out.error(&invalid.to_string()),
                    None => out.error(&format!("{e:#}")),
                }
                exit::code_for(&e)
            }
        };
        worst = worst.max(code);
    }
    Ok(worst)
}

fn lint_one(spec: &str, args: &LintArgs, out: &Output) -> anyhow::Result<u8> {
    let q = load_questionnaire(Some(spec))?;
    let mut result = lint(&q);
    if let Some(dir) = &args.witness {
        let dir = if args.questionnaires.len() > 1 { dir.join(&q.id) } else { dir.clone() };
        write_witnesses(&q, &mut result, &dir, out)?;
        out.note(&format!("{}: wrote {} witness answers files to {}", spec, result.witnesses.len(), dir.display()));
    }
    match args.format {
        LintFormat::Text => out.data(&render_lint(spec, &result.report, out.table_style()))?,
        LintFormat::Json => out.data(&to_json(&result.report))?,
    }
    Ok(if result.report.findings.is_empty() { exit::OK } else { FOUND })
}

/// Writes each witness as `DIR/NAME.toml`, as any named output is
/// written, and records where.
fn write_witnesses(q: &Questionnaire, result: &mut Lint, dir: &Path, out: &Output) -> anyhow::Result<()> {
    named_directory(dir, true, "--witness")?;
    let written: Vec<(String, PathBuf)> = result
        .witnesses
        .iter()
        .map(|w| {
            let path = dir.join(format!("{}.toml", w.name));
            let text = result.witness_toml(q, w).with_context(|| format!("cannot write the answers for {}", w.name))?;
            out.write_quietly(&destination(&path)?, &text)?;
            Ok((w.name.clone(), path))
        })
        .collect::<anyhow::Result<_>>()?;
    for (name, path) in written {
        result.witness_written(&name, &path.display().to_string());
    }
    Ok(())
}
