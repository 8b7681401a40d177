//! `crm-ready trend --org NAME`: an organisation's scores over time.

use clap::Args;

use super::history::{StoreArgs, list};
use super::output::Output;
use super::show::ListFormat;
use crate::core::history::{Summary, trend};
use crate::exit;
use crate::io::store::reference::of_organization;
use crate::report::history_tables::render_trend;
use crate::report::to_json;

#[derive(Debug, Args)]
pub struct TrendArgs {
    /// The organisation (case does not matter).
    #[arg(long, visible_alias = "organization", value_name = "NAME")]
    pub org: String,
    /// How to write the trend.
    #[arg(long, short = 'f', value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    #[command(flatten)]
    pub store: StoreArgs,
}

pub fn run(args: TrendArgs, out: &Output) -> anyhow::Result<u8> {
    let listing = list(&args.store.open()?, out)?;
    let summaries: Vec<&Summary> = of_organization(&listing, &args.org)?.into_iter().map(|e| &e.summary).collect();
    let mut questionnaires: Vec<(&str, &str)> =
        summaries.iter().map(|s| (s.questionnaire.id.as_str(), s.questionnaire.version.as_str())).collect();
    questionnaires.sort_unstable();
    questionnaires.dedup();
    if questionnaires.len() > 1 {
        out.warn(&format!(
            "these assessments used {} different questionnaires; areas are matched by id, and scores may not compare",
            questionnaires.len()
        ));
    }
    let t = trend(&args.org, &summaries);
    match args.format {
        ListFormat::Json => out.data(&to_json(&t))?,
        ListFormat::Table => out.data(&render_trend(&t, out.table_style()))?,
    }
    Ok(exit::OK)
}
