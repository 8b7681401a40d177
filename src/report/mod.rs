//! Renderers for an [`Assessment`](crate::core::assessment::Assessment): a
//! terminal table, JSON and Markdown. They only turn data into text.

pub mod history_list;
pub mod history_tables;
mod json;
mod markdown;
mod schema;
mod sections;
mod style;
mod table;
pub mod validation;

pub use history_list::HistoryList;
pub use json::to_json;
pub use markdown::render_markdown;
pub use schema::{report_schema, schema_of};
pub use style::TableStyle;
pub use table::render_table;

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

impl Format {
    /// The format asked for, else the one the output file's name implies
    /// (`.json`, `.md`), else a table.
    pub fn resolve(asked: Option<Format>, output: Option<&std::path::Path>) -> Format {
        let by_name = output.and_then(|p| p.extension()).and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        asked.unwrap_or(match by_name.as_deref() {
            Some("json") => Format::Json,
            Some("md" | "markdown") => Format::Markdown,
            _ => Format::Table,
        })
    }
}
