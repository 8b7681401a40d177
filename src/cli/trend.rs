//! `crm-ready trend --org NAME`: an organisation's scores over time.

use clap::Args;

use std::path::PathBuf;

use super::brand::BrandArgs;
use super::history::{StoreArgs, list};
use super::output::Output;
use crate::core::history::{Summary, trend};
use crate::exit;
use crate::io::store::reference::of_organization;
use crate::report::history_tables::render_trend;
use crate::report::html::trend_html;
use crate::report::{HistoryFormat, to_json};

#[derive(Debug, Args)]
pub struct TrendArgs {
    /// The organisation (case does not matter).
    #[arg(long, visible_alias = "organization", value_name = "NAME")]
    pub org: String,
    /// How to write the trend [default: by the --output file's extension (.json, .html), else table].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<HistoryFormat>,
    /// Write the trend to this file (atomically) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub brand: BrandArgs,
    #[command(flatten)]
    pub store: StoreArgs,
}

pub fn run(args: TrendArgs, out: &Output) -> anyhow::Result<u8> {
    let brand = args.brand.load()?;
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
    let output = args.output.as_deref();
    let text = match HistoryFormat::resolve(args.format, output) {
        HistoryFormat::Json => to_json(&t),
        HistoryFormat::Table => render_trend(&t, if output.is_some() { out.file_style() } else { out.table_style() }),
        HistoryFormat::Html => trend_html(&t, &brand)?,
    };
    out.data_to(output, &text)?;
    if let Some(path) = output {
        out.note(&format!("trend written to {}", path.display()));
    }
    Ok(exit::OK)
}
