//! `crm-ready trend --org NAME`: an organisation's scores over time, one
//! point per round.

use std::path::PathBuf;

use clap::Args;

use super::brand::BrandArgs;
use super::history::{StoreArgs, list_of};
use super::output::Output;
use super::rounds::{Organisation, Questionnaires, keep_to_same_respondents, note_replaced};
use crate::core::history::{RoundScores, trend};
use crate::core::round::select::series;
use crate::exit::{self, UsageError};
use crate::report::history_tables::render_trend;
use crate::report::html::trend_html;
use crate::report::{HistoryFormat, to_json};

#[derive(Debug, Args)]
pub struct TrendArgs {
    /// The organisation (case does not matter).
    #[arg(long, visible_alias = "organization", value_name = "NAME")]
    pub org: String,
    /// Like for like: keep every round to the respondents who answered in all of them.
    #[arg(long)]
    pub same_respondents: bool,
    /// The questionnaire whose rounds the trend follows, when the organisation answered several; also the text
    /// of one that is not built in (a built-in's name or a file; repeatable).
    #[arg(long, short = 'q', value_name = "NAME|PATH")]
    pub questionnaire: Vec<String>,
    /// How to write the trend [default: by the --output file's extension (.json, .html), else table].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<HistoryFormat>,
    /// Write the trend to this file (atomically) instead of stdout; `-` is stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub brand: BrandArgs,
    #[command(flatten)]
    pub store: StoreArgs,
}

pub fn run(args: TrendArgs, out: &Output) -> anyhow::Result<u8> {
    let brand = args.brand.load()?;
    let store = args.store.open()?;
    let listing = list_of(&store, &args.org, out)?;
    let org = Organisation::find(&listing, &args.org)?;
    let summaries = org.summaries();
    let mut questionnaires = Questionnaires::new(&args.questionnaire)?;
    let dir = store.dir().display().to_string();
    let series =
        series(&summaries, &questionnaires.named(), &org.name, &dir).map_err(|e| UsageError::new(e.message))?;
    if !series.left_out.is_empty() {
        let others: Vec<String> =
            series.left_out.iter().map(|r| format!("{} `{}`", r.questionnaire_name(), r.label)).collect();
        out.warn(&format!(
            "the trend follows {}; left out, as rounds of another questionnaire: {}",
            series.questionnaire,
            others.join(", ")
        ));
    }
    let mut points = Vec::new();
    let mut found_rounds = series.rounds;
    let same_respondents =
        if args.same_respondents { Some(keep_to_same_respondents(&mut found_rounds, &org.name)?) } else { None };
    // A round of one is its assessment; a round of several is read in full.
    for found in found_rounds {
        note_replaced(&found, out);
        match found.members.as_slice() {
            [only] => points.push(RoundScores::of_assessment(only, &org.verdicts_of(only))),
            _ => points.push(org.read(&found, &mut questionnaires, out)?.trend_scores()),
        }
    }
    let mut t = trend(&org.name, points);
    t.same_respondents = same_respondents;
    let output = args.output.as_deref();
    let to = out.destination(output)?;
    let text = match HistoryFormat::resolve(args.format, output) {
        HistoryFormat::Json => to_json(&t),
        HistoryFormat::Table => render_trend(&t, out.style_for(&to)),
        HistoryFormat::Html => trend_html(&t, &brand)?,
    };
    out.write(&to, &text, "trend")?;
    Ok(exit::OK)
}
