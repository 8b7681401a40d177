//! `crm-ready round --org NAME [--label LABEL]`: several stakeholders'
//! assessments read together.

use std::path::PathBuf;

use clap::Args;

use super::brand::BrandArgs;
use super::history::{StoreArgs, list_of};
use super::output::Output;
use super::rounds::{Organisation, Questionnaires, note_left_out, note_replaced};
use crate::core::round::select::{Wanted, pick_wanted};
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
    /// The questionnaire the round answered (a built-in's name, or a file): picks its respondents when one
    /// label holds answers to several, and gives its text when it is not built in.
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
    let store = args.store.open()?;
    let listing = list_of(&store, &args.org, out)?;
    let org = Organisation::find(&listing, &args.org)?;
    let summaries = org.summaries();
    let mut questionnaires = Questionnaires::new(args.questionnaire.as_slice())?;
    let named = questionnaires.named();
    let dir = store.dir().display().to_string();
    let wanted = Wanted { label: args.label.as_deref(), questionnaire: named.first(), store: &dir };
    let found = pick_wanted(&summaries, &wanted, &org.name).map_err(|e| UsageError::new(e.message))?;
    note_replaced(&found, out);
    note_left_out(&found, &dir, out);
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
