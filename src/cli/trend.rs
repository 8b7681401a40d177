//! `crm-ready trend --org NAME`: an organisation's scores over time, one
//! point per round.

use clap::Args;

use super::history::{StoreArgs, list};
use super::output::Output;
use super::rounds::{Organisation, Questionnaires, note_replaced};
use super::show::ListFormat;
use crate::core::history::{RoundScores, trend};
use crate::core::round::rounds;
use crate::exit;
use crate::report::history_tables::render_trend;
use crate::report::to_json;

#[derive(Debug, Args)]
pub struct TrendArgs {
    /// The organisation (case does not matter).
    #[arg(long, visible_alias = "organization", value_name = "NAME")]
    pub org: String,
    /// A questionnaire rounds of several respondents answered, when it is not built in (repeatable).
    #[arg(long, short = 'q', value_name = "NAME|PATH")]
    pub questionnaire: Vec<String>,
    /// How to write the trend.
    #[arg(long, short = 'f', value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    #[command(flatten)]
    pub store: StoreArgs,
}

pub fn run(args: TrendArgs, out: &Output) -> anyhow::Result<u8> {
    let listing = list(&args.store.open()?, out)?;
    let org = Organisation::find(&listing, &args.org)?;
    let summaries = org.summaries();
    let mut questionnaires = Questionnaires::new(&args.questionnaire)?;
    let mut points = Vec::new();
    // A round of one is its assessment; a round of several is read in full.
    for found in rounds(&summaries) {
        note_replaced(&found, out);
        match found.members.as_slice() {
            [only] => points.push(RoundScores::of_assessment(only)),
            _ => points.push(org.read(&found, &mut questionnaires, out)?.trend_scores()),
        }
    }
    let t = trend(&org.name, points);
    match args.format {
        ListFormat::Json => out.data(&to_json(&t))?,
        ListFormat::Table => out.data(&render_trend(&t, out.table_style()))?,
    }
    Ok(exit::OK)
}
