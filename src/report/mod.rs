//! Renderers for an [`Assessment`](crate::assessment::Assessment): a
//! terminal table, JSON and Markdown. They only turn data into text.

mod json;
mod markdown;
mod schema;
mod table;

pub use json::to_json;
pub use markdown::render_markdown;
pub use schema::report_schema;
pub use table::{TableStyle, render_table};

/// How a report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tables for people, in the terminal.
    Table,
    /// Machine-readable, with a schema version.
    Json,
    /// For handing over: paste into a wiki or convert to PDF.
    Markdown,
}
