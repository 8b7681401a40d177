//! The assessment history, pure: the record kept for every finished
//! assessment, and what the quarterly review needs from the records: the
//! comparison of two assessments and an organisation's trend. The store
//! that keeps the records on disk is `io::store`.

pub mod compare;
pub mod record;
pub mod record_check;
pub mod record_consistency;
pub mod record_identity;
pub mod respondents;
#[cfg(test)]
pub(crate) mod testing;
pub mod trend;

pub use compare::{Comparison, QuestionnaireMismatch, Subject, compare};
pub use record::{StoredAssessment, Summary, quarter_label};
pub use respondents::{Person, RespondentsChanged};
pub use trend::{RoundScores, Trend, TrendPoint, sparkline, trend};

/// Bumped when the JSON of `history`, `compare` or `trend` changes
/// incompatibly.
pub const HISTORY_SCHEMA_VERSION: u32 = 1;

/// A stored assessment as a listing shows it: its file and its summary,
/// and the whole assessment where the listing was asked to keep it (so a
/// round or trend does not read its records twice).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub path: std::path::PathBuf,
    pub summary: Summary,
    pub assessment: Option<Box<crate::core::assessment::Assessment>>,
}
