//! What a respondent's page and a round's page show alike: the unknowns to
//! resolve, and the small print naming the questionnaire exactly.

use serde::Serialize;

use crate::core::assessment::{QuestionnaireRef, Unknown};

#[derive(Debug, Clone, Serialize)]
pub struct UnknownRow<'a> {
    pub area: &'a str,
    pub question: &'a str,
    pub status: String,
}

impl<'a> UnknownRow<'a> {
    /// `u` in its area titled `area`; `question_text` finds a question's
    /// text by id (for what a waiting question waits on).
    pub fn of(u: &'a Unknown, area: &'a str, question_text: impl Fn(&str) -> Option<&'a str>) -> Self {
        UnknownRow { area, question: &u.text, status: u.reason_in_words(question_text) }
    }
}

/// The questionnaire exactly and the timestamps: the record's small print.
#[derive(Debug, Clone, Serialize)]
pub struct SmallPrint<'a> {
    pub questionnaire_id: &'a str,
    pub questionnaire_version: &'a str,
    pub content_hash: &'a str,
    /// When it was held; for a round, its latest assessment.
    pub assessed_at: String,
    pub tool_version: &'a str,
}

impl<'a> SmallPrint<'a> {
    pub fn of(q: &'a QuestionnaireRef, assessed_at: jiff::Timestamp, tool_version: &'a str) -> Self {
        SmallPrint {
            questionnaire_id: &q.id,
            questionnaire_version: &q.version,
            content_hash: &q.content_hash,
            assessed_at: assessed_at.to_string(),
            tool_version,
        }
    }
}
