//! `crm-ready round --org NAME [--label LABEL]`: several stakeholders'
//! assessments read together.

use std::path::PathBuf;

use clap::Args;

use super::brand::BrandArgs;
use super::history::{StoreArgs, list_of};
use super::output::Output;
use super::rounds::{Organisation, Questionnaires, note_replaced};
use crate::core::round::select::pick;
use crate::exit::{self, UsageError};
use crate::report::html::round_html;
use crate::report::{Format, render_round_markdown, render_round_table, to_json};

#[derive(Debug, Args)]
pub struct RoundArgs {
    /// The organisation (case does not matter).
    #[arg(long, visible_alias = "organization", value_name = "NAME")]
    pub org: String,
    /// The round's label, e.g. 2026-Q4 [default: the latest round].
    #[arg(long, value_name = "LABEL")]
    pub label: Option<String>,
    /// The questionnaire the round answered, when it is not built in (a file, or a built-in's name).
    #[arg(long, short = 'q', value_name = "NAME|PATH")]
    pub questionnaire: Option<String>,
    /// How to write the round [default: by the --output file's extension (.json, .md, .html), else table].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<Format>,
    /// Write the round to this file (atomically) instead of stdout; `-` is stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub brand: BrandArgs,
    #[command(flatten)]
    pub store: StoreArgs,
}

pub fn run(args: RoundArgs, out: &Output) -> anyhow::Result<u8> {
    let brand = args.brand.load()?;
    let listing = list_of(&args.store.open()?, &args.org, out)?;
    let org = Organisation::find(&listing, &args.org)?;
    let summaries = org.summaries();
    let found = pick(&summaries, args.label.as_deref(), &org.name).map_err(|e| UsageError::new(e.message))?;
    note_replaced(&found, out);
    let mut questionnaires = Questionnaires::new(args.questionnaire.as_slice())?;
    let round = org.read(&found, &mut questionnaires, out)?;
    let output = args.output.as_deref();
    let to = out.destination(output)?;
    let style = out.style_for(&to);
    let text = match Format::resolve(args.format, output) {
        Format::Table => render_round_table(&round, style),
        Format::Json => to_json(&round),
        Format::Markdown => render_round_markdown(&round, &brand),
        Format::Html => round_html(&round, &brand)?,
    };
    out.write(&to, &text, "round")?;
    Ok(exit::OK)
}
