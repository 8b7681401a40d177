//! `crm-ready schema [NAME]`: print the JSON Schema of one of the JSON
//! outputs.

use clap::Args;
use clap::builder::{PossibleValue, PossibleValuesParser};

use super::output::Output;
use super::show::ShowJson;
use crate::core::assessment::Assessment;
use crate::core::history::{Comparison, Trend};
use crate::core::lint::LintReport;
use crate::core::round::Round;
use crate::exit;
use crate::report::HistoryList;
use crate::report::schema_of;
use crate::report::validation::Validation;

/// A JSON output: its name on the command line, who writes it, and how to
/// generate its schema. Adding an output is one line in [`SCHEMAS`].
pub struct Schema {
    pub name: &'static str,
    pub written_by: &'static str,
    pub generate: fn() -> String,
}

/// Every JSON output; the first is the default.
pub const SCHEMAS: &[Schema] = &[
    Schema { name: "report", written_by: "assess/report --format json", generate: schema_of::<Assessment> },
    Schema { name: "history", written_by: "history --format json", generate: schema_of::<HistoryList<'static>> },
    Schema { name: "round", written_by: "round --format json", generate: schema_of::<Round> },
    Schema { name: "compare", written_by: "compare --format json", generate: schema_of::<Comparison> },
    Schema { name: "trend", written_by: "trend --format json", generate: schema_of::<Trend> },
    Schema { name: "show", written_by: "show --format json", generate: schema_of::<ShowJson<'static>> },
    Schema { name: "validate", written_by: "validate --format json", generate: schema_of::<Validation> },
    Schema {
        name: "lint",
        written_by: "lint --format json (one document per questionnaire)",
        generate: schema_of::<LintReport>,
    },
];

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which JSON output's schema.
    #[arg(value_name = "NAME", default_value = SCHEMAS[0].name, value_parser = names())]
    pub name: String,
}

fn names() -> PossibleValuesParser {
    PossibleValuesParser::new(SCHEMAS.iter().map(|s| PossibleValue::new(s.name).help(s.written_by)))
}

pub fn run(args: SchemaArgs, out: &Output) -> anyhow::Result<u8> {
    // clap has already refused any other name.
    if let Some(schema) = SCHEMAS.iter().find(|s| s.name == args.name) {
        out.data(&(schema.generate)())?;
    }
    Ok(exit::OK)
}
