//! `crm-ready compare A B`: what changed between two assessments.

use clap::Args;

use std::path::PathBuf;

use super::brand::BrandArgs;
use super::history::{StoreArgs, load_references};
use super::output::Output;
use crate::core::history::compare;
use crate::exit::{self, UsageError};
use crate::io::store::reference::same_organization;
use crate::report::history_tables::render_comparison;
use crate::report::html::comparison_html;
use crate::report::{HistoryFormat, to_json};

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The earlier assessment: `previous`, `latest`, an id (or its first characters), or a file.
    #[arg(value_name = "BEFORE")]
    pub before: String,
    /// The later assessment, named the same way.
    #[arg(value_name = "AFTER")]
    pub after: String,
    /// The organisation `latest` and `previous` refer to.
    #[arg(long, visible_alias = "organization", value_name = "NAME")]
    pub org: Option<String>,
    /// Compare assessments of different questionnaires, on the questions they share.
    #[arg(long)]
    pub force: bool,
    /// How to write the comparison [default: by the --output file's extension (.json, .html), else table].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<HistoryFormat>,
    /// Write the comparison to this file (atomically) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub brand: BrandArgs,
    #[command(flatten)]
    pub store: StoreArgs,
}

pub fn run(args: CompareArgs, out: &Output) -> anyhow::Result<u8> {
    let brand = args.brand.load()?;
    let loaded = load_references(&[&args.before, &args.after], args.org.as_deref(), &args.store, out)?;
    let [before, after] = loaded.as_slice() else {
        return Err(UsageError::new("compare needs two assessments").into());
    };
    if before.path == after.path {
        out.warn("both names point to the same assessment: nothing can have changed");
    }
    if let (Some(a), Some(b)) = (&before.assessment.organization, &after.assessment.organization)
        && !same_organization(a, b)
    {
        out.warn(&format!("comparing two organisations: `{a}` and `{b}`"));
    }
    let comparison =
        compare((&before.assessment, before.summary.as_ref()), (&after.assessment, after.summary.as_ref()), args.force)
            .map_err(|e| UsageError::new(e.message))?;
    let output = args.output.as_deref();
    let text = match HistoryFormat::resolve(args.format, output) {
        HistoryFormat::Json => to_json(&comparison),
        HistoryFormat::Table => {
            render_comparison(&comparison, if output.is_some() { out.file_style() } else { out.table_style() })
        }
        HistoryFormat::Html => comparison_html(&comparison, &before.assessment, &after.assessment, &brand)?,
    };
    out.data_to(output, &text)?;
    if let Some(path) = output {
        out.note(&format!("comparison written to {}", path.display()));
    }
    Ok(exit::OK)
}
