//! `crm-ready schema [report|round]`: print the JSON Schema of a
//! `--format json` document.

use clap::Args;

use super::output::Output;
use crate::exit;
use crate::report::{report_schema, round_schema};

/// The JSON documents with a schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Document {
    /// What `assess --format json` and `report --format json` write.
    Report,
    /// What `round --format json` writes.
    Round,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which document's schema.
    #[arg(value_enum, default_value_t = Document::Report)]
    pub document: Document,
}

pub fn run(args: SchemaArgs, out: &Output) -> anyhow::Result<u8> {
    out.data(&match args.document {
        Document::Report => report_schema(),
        Document::Round => round_schema(),
    })?;
    Ok(exit::OK)
}
