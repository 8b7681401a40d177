//! `crm-ready report ID|FILE`: re-render a saved assessment's report; and
//! writing a report, which `assess` shares.

use std::path::{Path, PathBuf};

use clap::Args;

use super::brand::BrandArgs;
use super::history::{StoreArgs, load_references};
use super::offered::Offered;
use super::output::Output;
use crate::core::assessment::Assessment;
use crate::core::brand::Brand;
use crate::exit::{self, UsageError};
use crate::report::html::assessment_html;
use crate::report::{Format, render_markdown, render_table, to_json};

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// `latest`, `previous`, a saved assessment's id (or its first characters), or a file (JSON, or an HTML report).
    #[arg(value_name = "ID|FILE", value_parser = Offered::references(), value_hint = clap::ValueHint::FilePath, hide_possible_values = true)]
    pub reference: String,
    /// The organisation `latest` and `previous` refer to.
    #[arg(long, visible_alias = "organization", value_name = "NAME")]
    pub org: Option<String>,
    /// How to write the report [default: by the --output file's extension (.json, .md, .html), else table].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<Format>,
    /// Write the report to this file (atomically) instead of stdout; `-` is stdout.
    #[arg(long, short = 'o', value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub brand: BrandArgs,
    #[command(flatten)]
    pub store: StoreArgs,
}

pub fn run(args: ReportArgs, out: &Output) -> anyhow::Result<u8> {
    let brand = args.brand.load()?;
    let loaded = load_references(&[&args.reference], args.org.as_deref(), &args.store, out)?;
    let Some(first) = loaded.first() else {
        return Err(UsageError::new("nothing to report").into());
    };
    write_report(&first.assessment, args.format, args.output.as_deref(), &brand, out)?;
    Ok(exit::OK)
}

/// Renders the report in `format` to `output` or stdout (without one, or
/// for `-`).
pub fn write_report(
    a: &Assessment,
    format: Option<Format>,
    output: Option<&Path>,
    brand: &Brand,
    out: &Output,
) -> anyhow::Result<()> {
    let to = out.destination(output)?;
    let style = out.style_for(&to);
    let text = match Format::resolve(format, output) {
        Format::Table => render_table(a, style),
        Format::Json => to_json(a),
        Format::Markdown => render_markdown(a, brand),
        Format::Html => assessment_html(a, brand)?,
    };
    out.write(&to, &text, "report")
}
