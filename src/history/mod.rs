//! The assessment history: every finished assessment kept in a store, and
//! what the quarterly review needs from it — the list, the comparison of
//! two assessments and an organisation's trend.
//!
//! `record`, `compare` and `trend` are pure; `store` is the one part that
//! touches the filesystem.

pub mod compare;
pub mod record;
pub mod reference;
pub mod store;
pub mod summary_reader;
pub mod tables;
#[cfg(test)]
mod testing;
pub mod trend;

use serde::Serialize;

pub use compare::{Comparison, QuestionnaireMismatch, compare};
pub use record::{StoredAssessment, Summary, quarter_label};
pub use reference::{Reference, ReferenceError};
pub use store::{Entry, Listing, LoadedAssessment, Store, StoreError};
pub use trend::{Trend, sparkline, trend};

/// Bumped when the JSON of `history`, `compare` or `trend` changes
/// incompatibly.
pub const HISTORY_SCHEMA_VERSION: u32 = 1;

/// `history --format json`.
#[derive(Debug, Serialize)]
pub struct HistoryList<'a> {
    pub schema_version: u32,
    pub tool_version: &'static str,
    /// The store directory.
    pub store: String,
    /// The `--org` filter, if any.
    pub organization: Option<&'a str>,
    /// Oldest first.
    pub assessments: Vec<ListedAssessment<'a>>,
}

/// One assessment in `history --format json`: its summary and its file.
#[derive(Debug, Serialize)]
pub struct ListedAssessment<'a> {
    #[serde(flatten)]
    pub summary: &'a Summary,
    pub file: String,
}

impl<'a> HistoryList<'a> {
    pub fn new(store: &Store, organization: Option<&'a str>, entries: &[&'a Entry]) -> Self {
        HistoryList {
            schema_version: HISTORY_SCHEMA_VERSION,
            tool_version: crate::VERSION,
            store: store.dir().display().to_string(),
            organization,
            assessments: entries
                .iter()
                .map(|e| ListedAssessment { summary: &e.summary, file: e.path.display().to_string() })
                .collect(),
        }
    }
}
