//! `history --format json`: the listing of the store, for tools.

use schemars::JsonSchema;
use serde::Serialize;

use std::path::Path;

use crate::core::history::{Entry, HISTORY_SCHEMA_VERSION, Summary};

/// `history --format json`.
#[derive(Debug, Serialize, JsonSchema)]
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
#[derive(Debug, Serialize, JsonSchema)]
pub struct ListedAssessment<'a> {
    #[serde(flatten)]
    pub summary: &'a Summary,
    pub file: String,
}

impl<'a> HistoryList<'a> {
    /// The listing of the store in `store_dir`.
    pub fn new(store_dir: &Path, organization: Option<&'a str>, entries: &[&'a Entry]) -> Self {
        HistoryList {
            schema_version: HISTORY_SCHEMA_VERSION,
            tool_version: crate::VERSION,
            store: store_dir.display().to_string(),
            organization,
            assessments: entries
                .iter()
                .map(|e| ListedAssessment { summary: &e.summary, file: e.path.display().to_string() })
                .collect(),
        }
    }
}
