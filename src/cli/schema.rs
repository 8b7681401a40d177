//! `crm-ready schema`: print the JSON Schema of the `--format json` report.

use super::output::Output;
use crate::exit;
use crate::report::report_schema;

pub fn run(out: &Output) -> anyhow::Result<u8> {
    out.data(&report_schema())?;
    Ok(exit::OK)
}
