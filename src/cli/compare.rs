//! `crm-ready compare A B`: what changed between two assessments.

use clap::Args;

use super::history::{StoreArgs, load_references};
use super::offered::Offered;
use super::output::Output;
use super::show::ListFormat;
use crate::core::history::compare;
use crate::exit::{self, UsageError};
use crate::io::store::reference::same_organization;
use crate::report::history_tables::render_comparison;
use crate::report::to_json;

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The earlier assessment: `previous`, `latest`, an id (or its first characters), or a file.
    #[arg(value_name = "BEFORE", value_parser = Offered::references(), value_hint = clap::ValueHint::FilePath, hide_possible_values = true)]
    pub before: String,
    /// The later assessment, named the same way.
    #[arg(value_name = "AFTER", value_parser = Offered::references(), value_hint = clap::ValueHint::FilePath, hide_possible_values = true)]
    pub after: String,
    /// The organisation `latest` and `previous` refer to.
    #[arg(long, visible_alias = "organization", value_name = "NAME")]
    pub org: Option<String>,
    /// Compare assessments of different questionnaires, on the questions they share.
    #[arg(long)]
    pub force: bool,
    /// How to write the comparison.
    #[arg(long, short = 'f', value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    #[command(flatten)]
    pub store: StoreArgs,
}

pub fn run(args: CompareArgs, out: &Output) -> anyhow::Result<u8> {
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
    match args.format {
        ListFormat::Json => out.data(&to_json(&comparison))?,
        ListFormat::Table => out.data(&render_comparison(&comparison, out.table_style()))?,
    }
    Ok(exit::OK)
}
