//! One stored assessment: the file the history keeps for every finished
//! assessment. It carries a small summary first (what `history` and `trend`
//! need), then the answers (to re-score) and the scored assessment (to
//! re-render without the questionnaire file).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::core::answers::{Answers, Group};
use crate::core::assessment::{Assessment, QuestionnaireRef, Risk, Verdict};
use crate::core::questionnaire::{builtin, same_major};

/// Marks a JSON file as a crm-ready assessment record.
pub const RECORD_FORMAT: &str = "crm-ready-assessment-record";

/// Bumped when the record changes incompatibly.
pub const RECORD_SCHEMA_VERSION: u32 = 1;

/// Hex digits of randomness after the timestamp in an id.
const SUFFIX_LEN: usize = 6;

/// Longest organisation slug in a file name.
const SLUG_MAX: usize = 40;

/// The header of a record: enough to list, filter and chart it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Summary {
    /// `20261122T094501Z-3fa9c1`: when it was saved (UTC, to the second)
    /// and a random suffix. Sorts by time; unique in a store.
    pub id: String,
    /// When it was saved, UTC, full precision (orders same-second saves).
    pub saved_at: jiff::Timestamp,
    /// When the assessment was held, UTC: as the answers or `--date` say,
    /// else when it was scored. Listings are ordered by it.
    pub assessed_at: jiff::Timestamp,
    pub organization: Option<String>,
    /// The round, e.g. `2026-Q4`: as given, else the quarter of `assessed_at`.
    pub label: String,
    pub respondent: Option<String>,
    pub role: Option<String>,
    /// The respondent's stakeholder group; `None` in records written before
    /// groups existed.
    #[serde(default)]
    pub group: Option<Group>,
    pub questionnaire: QuestionnaireRef,
    pub verdict: Verdict,
    pub score: f64,
    pub areas: Vec<AreaScore>,
}

impl Summary {
    /// The random part of the id, shown in listings: dates have their own
    /// column, and a few characters are easier to type.
    pub fn short_id(&self) -> &str {
        self.id.split_once('-').map_or(self.id.as_str(), |(_, suffix)| suffix)
    }
}

/// One area's score in a summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AreaScore {
    pub id: String,
    pub title: String,
    pub score: Option<f64>,
    pub risk: Option<Risk>,
}

/// A whole record, as written to the store. Field order is file order: the
/// summary comes first, so a person reading the file sees it first. A
/// listing reads the whole record and checks the summary against the rest
/// (`record_check`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredAssessment {
    pub format: String,
    pub schema_version: u32,
    pub summary: Summary,
    pub answers: Answers,
    pub assessment: Assessment,
}

impl StoredAssessment {
    /// A record of `assessment`, scored from `answers`, saved at `saved_at`.
    /// `entropy` makes the id unique among saves in the same second.
    pub fn new(answers: Answers, assessment: Assessment, saved_at: jiff::Timestamp, entropy: u64) -> Self {
        let summary = Summary {
            id: new_id(saved_at, entropy),
            saved_at,
            assessed_at: assessment.assessed_at,
            organization: assessment.organization.clone(),
            label: assessment.label.clone().unwrap_or_else(|| quarter_label(assessment.assessed_at)),
            respondent: assessment.respondent.clone(),
            role: assessment.role.clone(),
            group: assessment.group,
            questionnaire: assessment.questionnaire.clone(),
            verdict: assessment.verdict,
            score: assessment.score,
            areas: assessment
                .areas
                .iter()
                .map(|a| AreaScore { id: a.id.clone(), title: a.title.clone(), score: a.score, risk: a.risk })
                .collect(),
        };
        StoredAssessment {
            format: RECORD_FORMAT.to_string(),
            schema_version: RECORD_SCHEMA_VERSION,
            summary,
            answers,
            assessment,
        }
    }

    /// Gives the record a fresh id (after a name clash).
    pub fn renew_id(&mut self, entropy: u64) {
        self.summary.id = new_id(self.summary.saved_at, entropy);
    }

    /// The file name: see [`file_name`].
    pub fn file_name(&self) -> String {
        file_name(&self.summary)
    }
}

/// The file a record of `summary` is kept in:
/// `<timestamp>-<organisation slug>-<suffix>.json`, so a directory listing
/// sorts by time and shows whose it is.
pub fn file_name(summary: &Summary) -> String {
    let (stamp, suffix) = summary.id.split_once('-').unwrap_or((&summary.id, ""));
    format!("{stamp}-{}-{suffix}.json", slug(summary.organization.as_deref().unwrap_or("")))
}

/// The quarter a moment falls in, in UTC: `2026-Q4`.
pub fn quarter_label(at: jiff::Timestamp) -> String {
    let date = jiff::tz::TimeZone::UTC.to_datetime(at);
    format!("{}-Q{}", date.year(), (date.month() - 1) / 3 + 1)
}

/// An id: the UTC second of `at` and a suffix derived from `entropy`.
pub fn new_id(at: jiff::Timestamp, entropy: u64) -> String {
    let stamp = at.strftime("%Y%m%dT%H%M%SZ");
    let mut hash = Sha256::new();
    hash.update(entropy.to_le_bytes());
    hash.update(at.as_nanosecond().to_le_bytes());
    let suffix: String = hash.finalize()[..SUFFIX_LEN / 2].iter().map(|b| format!("{b:02x}")).collect();
    format!("{stamp}-{suffix}")
}

/// A file-name-safe form of a name: lowercase ASCII letters and digits,
/// runs of anything else as one `-`, at most [`SLUG_MAX`] characters.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= SLUG_MAX {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() { "unnamed".to_string() } else { out.to_string() }
}

/// Words the verdict of `a`, written before its questionnaire named its
/// verdicts, as the built-in of that questionnaire's major version does:
/// one organisation's reports then use one set of words.
pub fn word_verdicts_as_builtin(a: &mut Assessment) {
    if !a.verdicts.is_standard() {
        return;
    }
    let q = &a.questionnaire;
    if let Some(b) = builtin::find(&q.id).and_then(|b| b.shared().ok())
        && same_major(&b.version, &q.version)
    {
        a.verdicts = b.verdicts.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_from_before_the_verdict_words_takes_its_builtins() {
        let mut a = crate::core::history::testing::record("Contoso", "2026-04-01T10:00:00Z", 1).assessment;
        a.questionnaire.id = "crm-review".into();
        a.questionnaire.version = "1.0.0".into();
        assert!(a.verdicts.is_standard());
        word_verdicts_as_builtin(&mut a);
        assert_eq!(a.verdict.worded(&a.verdicts), builtin_words(a.verdict));
        // Another major version, or a questionnaire with the usual words: as stored.
        let mut other = crate::core::history::testing::record("Contoso", "2026-04-01T10:00:00Z", 2).assessment;
        other.questionnaire.id = "crm-review".into();
        other.questionnaire.version = "2.0.0".into();
        word_verdicts_as_builtin(&mut other);
        assert!(other.verdicts.is_standard());
    }

    fn builtin_words(v: Verdict) -> String {
        let q = builtin::find("crm-review").unwrap().load().unwrap();
        assert!(!q.verdicts.is_standard());
        v.worded(&q.verdicts).to_string()
    }

    fn at(s: &str) -> jiff::Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn label_is_the_utc_quarter() {
        assert_eq!(quarter_label(at("2026-01-01T00:00:00Z")), "2026-Q1");
        assert_eq!(quarter_label(at("2026-03-31T23:59:59Z")), "2026-Q1");
        assert_eq!(quarter_label(at("2026-04-01T00:00:00Z")), "2026-Q2");
        assert_eq!(quarter_label(at("2026-09-30T12:00:00Z")), "2026-Q3");
        assert_eq!(quarter_label(at("2026-11-22T09:45:01Z")), "2026-Q4");
        assert_eq!(quarter_label(at("2026-12-31T23:59:59Z")), "2026-Q4");
        // Late on New Year's Eve in New York is already next year in UTC.
        assert_eq!(quarter_label(at("2026-12-31T20:00:00-05:00")), "2027-Q1");
    }

    #[test]
    fn ids_sort_by_time_and_differ_by_entropy() {
        let a = new_id(at("2026-11-22T09:45:01.5Z"), 1);
        let b = new_id(at("2026-11-22T09:45:01.5Z"), 2);
        let later = new_id(at("2026-11-22T09:45:02Z"), 0);
        assert!(a.starts_with("20261122T094501Z-"), "{a}");
        assert_eq!(a.len(), "20261122T094501Z-".len() + SUFFIX_LEN);
        assert_ne!(a, b);
        assert!(a < later && b < later);
        assert_eq!(a, new_id(at("2026-11-22T09:45:01.5Z"), 1), "same input, same id");
    }

    #[test]
    fn a_summary_written_before_groups_existed_reads_with_none() {
        let mut summary = crate::core::history::testing::summary("x", Some("Acme"), "2026-03-10T00:00:00Z", 50.0, &[]);
        summary.group = Some(Group::Users);
        let mut json = serde_json::to_value(&summary).unwrap();
        assert_eq!(json["group"], "users");
        json.as_object_mut().unwrap().remove("group");
        let old: Summary = serde_json::from_value(json).unwrap();
        assert_eq!(old.group, None);
    }

    #[test]
    fn slugs_are_safe_file_name_parts() {
        assert_eq!(slug("Northwind Traders"), "northwind-traders");
        assert_eq!(slug("  A & B  (UK) Ltd."), "a-b-uk-ltd");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("Zürich AG"), "z-rich-ag");
        assert_eq!(slug(""), "unnamed");
        assert_eq!(slug("日本"), "unnamed");
        assert!(slug(&"x".repeat(500)).len() <= SLUG_MAX);
    }
}
