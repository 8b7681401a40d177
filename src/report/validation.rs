//! `validate --format json`: every file checked, and for each either the
//! questionnaire it holds or every problem found in it.

use schemars::JsonSchema;
use serde::Serialize;

use crate::core::diagnostic::{InvalidInput, LineIndex};
use crate::core::questionnaire::{QuestionCounts, Questionnaire};

/// Raised when a key is removed or changed.
pub const VALIDATION_SCHEMA_VERSION: u32 = 1;

/// `validate --format json`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Validation {
    pub schema_version: u32,
    pub tool_version: &'static str,
    /// In the order given on the command line.
    pub files: Vec<CheckedFile>,
}

/// One file and what its check found.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CheckedFile {
    /// The path as given.
    pub file: String,
    pub ok: bool,
    /// What the file holds, when it is valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub questionnaire: Option<CheckedQuestionnaire>,
    /// Every problem, in file order, when it is not.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Problem>,
}

/// A valid questionnaire: what it is and how many questions it asks.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CheckedQuestionnaire {
    pub id: String,
    pub version: String,
    pub title: String,
    pub areas: usize,
    /// Every question in the file: always asked, and follow-ups.
    pub questions: usize,
    #[serde(flatten)]
    pub counts: QuestionCounts,
}

/// One problem in a file.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Problem {
    /// From 1; null when the problem concerns the whole file.
    pub line: Option<usize>,
    /// From 1, in characters; null with `line`.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

impl CheckedFile {
    pub fn valid(file: String, q: &Questionnaire) -> CheckedFile {
        let questionnaire = CheckedQuestionnaire {
            id: q.id.clone(),
            version: q.version.clone(),
            title: q.title.clone(),
            areas: q.areas.len(),
            questions: q.questions.len(),
            counts: q.counts(),
        };
        CheckedFile { file, ok: true, questionnaire: Some(questionnaire), problems: Vec::new() }
    }

    /// A file with these problems.
    pub fn invalid(file: String, problems: Vec<Problem>) -> CheckedFile {
        CheckedFile { file, ok: false, questionnaire: None, problems }
    }
}

impl Problem {
    /// Every problem of an invalid file, located.
    pub fn all_of(invalid: &InvalidInput) -> Vec<Problem> {
        let index = LineIndex::new(&invalid.source_text);
        invalid
            .diagnostics
            .iter()
            .map(|d| {
                let at = d.span.as_ref().map(|s| index.position(s.start));
                Problem {
                    line: at.map(|p| p.line),
                    column: at.map(|p| p.column),
                    message: d.message.clone(),
                    help: d.help.clone(),
                }
            })
            .collect()
    }

    /// A problem with the file as a whole: it is missing, or unreadable.
    pub fn whole_file(message: String) -> Problem {
        Problem { line: None, column: None, message, help: None }
    }
}
