//! Whether a comparison reads over time or side by side.

use schemars::JsonSchema;
use serde::Serialize;

use super::Side;

/// How a comparison reads: one party's answers before and after, or two
/// parties' answers set side by side (two respondents, or two of one
/// round): then nothing "got worse" or was "completed", the answers differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Reading {
    OverTime,
    SideBySide,
}

impl Reading {
    /// Two single assessments read side by side when they are not one
    /// party's: different respondents or organisations, or two assessments
    /// of one round that do not name one person. Rounds read over time.
    pub(super) fn of(before: &Side, after: &Side) -> Reading {
        if before.respondents > 1 || after.respondents > 1 {
            return Reading::OverTime;
        }
        let differ = |a: &Option<String>, b: &Option<String>| match (a, b) {
            (Some(a), Some(b)) => a.trim().to_lowercase() != b.trim().to_lowercase(),
            _ => false,
        };
        let same_round = before.label.is_some() && before.label == after.label;
        let same_person = matches!((&before.respondent, &after.respondent), (Some(_), Some(_)))
            && !differ(&before.respondent, &after.respondent);
        if differ(&before.respondent, &after.respondent)
            || differ(&before.organization, &after.organization)
            || (same_round && !same_person)
        {
            Reading::SideBySide
        } else {
            Reading::OverTime
        }
    }
}
