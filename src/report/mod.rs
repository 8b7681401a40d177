//! Renderers for an [`Assessment`](crate::core::assessment::Assessment) and
//! a [`Round`](crate::core::round::Round) and the history views: a
//! terminal table, JSON, Markdown and HTML. They only turn data into text;
//! what every report leads with is worked out once, in [`summary`].

pub mod fit;
pub mod history_list;
pub mod history_tables;
pub mod html;
mod lint;
mod markdown;
pub mod plan;
mod questionnaire_text;
mod round;
mod schema;
mod sections;
mod style;
pub mod summary;
mod table;
pub mod validation;

pub use crate::core::json::to_json;
pub use fit::Fit;
pub use history_list::HistoryList;
pub use lint::render_lint;
pub use markdown::render_markdown;
pub use questionnaire_text::questionnaire_text;
pub use round::{render_round_markdown, render_round_table};
pub use schema::{report_schema, schema_of};
pub use sections::reason_lines;
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
    /// One self-contained page with charts, to open in a browser or print to PDF.
    Html,
}

impl Format {
    /// The format asked for, else the one the output file's name implies
    /// (`.json`, `.md`, `.html`), else a table.
    pub fn resolve(asked: Option<Format>, output: Option<&std::path::Path>) -> Format {
        asked.unwrap_or(match extension(output).as_deref() {
            Some("json") => Format::Json,
            Some("md" | "markdown") => Format::Markdown,
            Some("html" | "htm") => Format::Html,
            _ => Format::Table,
        })
    }
}

/// How `compare` and `trend` are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum HistoryFormat {
    /// Tables for people, in the terminal.
    Table,
    /// Machine-readable, with a schema version.
    Json,
    /// One self-contained page with charts.
    Html,
}

impl HistoryFormat {
    /// The format asked for, else the one the output file's name implies
    /// (`.json`, `.html`), else a table.
    pub fn resolve(asked: Option<HistoryFormat>, output: Option<&std::path::Path>) -> HistoryFormat {
        asked.unwrap_or(match extension(output).as_deref() {
            Some("json") => HistoryFormat::Json,
            Some("html" | "htm") => HistoryFormat::Html,
            _ => HistoryFormat::Table,
        })
    }
}

/// The output file's extension, lowercase.
fn extension(output: Option<&std::path::Path>) -> Option<String> {
    output.and_then(|p| p.extension()).and_then(|e| e.to_str()).map(str::to_ascii_lowercase)
}
