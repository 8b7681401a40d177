//! Reading one whole assessment file: a stored record, or a report written
//! by `assess --format json` or `--format html`, checked in full (its
//! text, numbers, identity and agreement with itself: see
//! `core::history::record_check`) before anything is shown of it.

use std::borrow::Cow;
use std::path::Path;

use super::{LoadedAssessment, MAX_RECORD_BYTES, StoreError};
use crate::core::assessment::{Assessment, SCHEMA_VERSION};
use crate::core::diagnostic::position;
use crate::core::embedded::extract_json;
use crate::core::history::record::{RECORD_FORMAT, RECORD_SCHEMA_VERSION, StoredAssessment, word_verdicts_as_builtin};
use crate::core::history::record_check::{CheckContext, check_record, check_report};
use crate::core::json_text::refused_strings;
use crate::core::shell_word::shell_quote;
use crate::core::text::refused_message;
use crate::io::regular_file::{OpenError, open_regular, read_capped};

/// Reads assessment files, all checked against the same clock and the same
/// known questionnaires.
#[derive(Debug, Clone)]
pub struct Reader {
    cx: CheckContext,
}

impl Default for Reader {
    fn default() -> Self {
        Reader::new()
    }
}

impl Reader {
    /// Checks against this machine's clock.
    pub fn new() -> Self {
        Reader { cx: CheckContext { now: jiff::Timestamp::now() } }
    }

    /// Reads a whole file: a stored record, or a report written by
    /// `assess --format json` or `--format html`. A forged or damaged file
    /// is [`StoreError::Invalid`].
    pub fn load(&self, path: &Path) -> Result<LoadedAssessment, StoreError> {
        let invalid = |problem: String| StoreError::Invalid { path: path.to_path_buf(), problem };
        let bytes = read_file(path)?;
        // An HTML report is read through the data it embeds.
        let json: Cow<'_, [u8]> = match embedded_json(&bytes) {
            Some(Ok(json)) => Cow::Owned(json.as_bytes().to_vec()),
            Some(Err(problem)) => return Err(invalid(problem.into())),
            None => Cow::Borrowed(&bytes),
        };
        let bytes = json.as_ref();
        // Valid UTF-8, the common case, is checked once and parsed as text.
        let text = std::str::from_utf8(bytes).ok();
        let refused = match text {
            Some(text) => refused_text(text),
            None => refused_text(&String::from_utf8_lossy(bytes)),
        };
        if let Some(problem) = refused {
            return Err(invalid(problem));
        }
        // A stored record, the common case, is read in one pass; anything
        // else is told apart by its head.
        if let Some(text) = text
            && let Ok(record) = serde_json::from_str::<StoredAssessment>(text)
            && record.format == RECORD_FORMAT
            && record.schema_version <= RECORD_SCHEMA_VERSION
        {
            check_record(&record, &self.cx).map_err(|p| invalid(format!("a damaged assessment record: {p}")))?;
            let mut assessment = record.assessment;
            word_verdicts_as_builtin(&mut assessment);
            return Ok(LoadedAssessment { path: path.to_path_buf(), summary: Some(record.summary), assessment });
        }
        self.load_other(path, bytes)
    }

    /// A file that is not a readable record: a report, or why it is none.
    fn load_other(&self, path: &Path, bytes: &[u8]) -> Result<LoadedAssessment, StoreError> {
        let invalid = |problem: String| StoreError::Invalid { path: path.to_path_buf(), problem };
        let head: Head = match serde_json::from_slice(bytes) {
            Ok(head) => head,
            // Valid JSON of another shape (an array, a `format` that is not
            // a string) is no assessment; anything else is no JSON.
            Err(_) => match serde_json::from_slice::<serde::de::IgnoredAny>(bytes) {
                Ok(_) => Head::default(),
                Err(e) => return Err(invalid(format!("not valid JSON ({e})"))),
            },
        };
        let newer = |kind: &str, v: u64| {
            invalid(format!("written by a newer crm-ready ({kind} schema {v}); upgrade to read it"))
        };
        if head.format.is_none()
            && let Some(round) = head.round()
        {
            return Err(invalid(round));
        }
        match head.format.as_deref() {
            Some(RECORD_FORMAT) => {
                if let Some(v) = head.schema_version.filter(|v| *v > u64::from(RECORD_SCHEMA_VERSION)) {
                    return Err(newer("record", v));
                }
                // Read again for the reason it failed.
                let problem =
                    serde_json::from_slice::<StoredAssessment>(bytes).err().map_or_else(String::new, |e| e.to_string());
                Err(invalid(format!("a damaged assessment record ({problem})")))
            }
            None if head.verdict.is_some() && head.questionnaire.is_some() => {
                if let Some(v) = head.schema_version.filter(|v| *v > u64::from(SCHEMA_VERSION)) {
                    return Err(newer("report", v));
                }
                let mut assessment: Assessment =
                    serde_json::from_slice(bytes).map_err(|e| invalid(format!("a damaged assessment report ({e})")))?;
                check_report(&assessment, &self.cx)
                    .map_err(|p| invalid(format!("a damaged assessment report: {p}")))?;
                word_verdicts_as_builtin(&mut assessment);
                Ok(LoadedAssessment { path: path.to_path_buf(), summary: None, assessment })
            }
            _ => Err(invalid(
                "not a crm-ready assessment (neither a stored record nor `assess --format json` output)".into(),
            )),
        }
    }
}

/// Reads a whole file ([`Reader::load`] with a reader of its own).
pub fn load(path: &Path) -> Result<LoadedAssessment, StoreError> {
    Reader::new().load(path)
}

/// The file's bytes: only a regular file, at most [`MAX_RECORD_BYTES`].
fn read_file(path: &Path) -> Result<Vec<u8>, StoreError> {
    let invalid = |problem: String| StoreError::Invalid { path: path.to_path_buf(), problem };
    let file = match open_regular(path) {
        Ok(f) => f,
        Err(OpenError::Missing) => return Err(StoreError::Missing { path: path.to_path_buf() }),
        Err(OpenError::Directory) => return Err(invalid("a directory, not an assessment".into())),
        Err(OpenError::NotRegular(what)) => return Err(invalid(format!("{what}, not a regular file; not read"))),
        Err(OpenError::Io(source)) => return Err(StoreError::Io { action: "open", path: path.to_path_buf(), source }),
    };
    let bytes = read_capped(file, MAX_RECORD_BYTES).map_err(|source| StoreError::Io {
        action: "read",
        path: path.to_path_buf(),
        source,
    })?;
    if bytes.len() as u64 > MAX_RECORD_BYTES {
        return Err(invalid(format!("larger than {} MiB; not an assessment", MAX_RECORD_BYTES / 1024 / 1024)));
    }
    Ok(bytes)
}

/// The JSON inside an HTML report (`--format html`); `None` when the file
/// is not HTML, an error when it is HTML without our data.
fn embedded_json(bytes: &[u8]) -> Option<Result<&str, &'static str>> {
    let text = std::str::from_utf8(bytes).ok()?;
    if !text.trim_start().starts_with('<') {
        return None;
    }
    Some(
        extract_json(text)
            .ok_or("an HTML file without crm-ready's data (only `--format html` reports can be read back)"),
    )
}

/// The first string of a record's JSON `text` that the text rule refuses,
/// as a problem naming its place.
fn refused_text(text: &str) -> Option<String> {
    let r = refused_strings(text).into_iter().next()?;
    let at = position(text, r.span.start);
    Some(format!(
        "line {}, column {}: {}; not written by crm-ready",
        at.line,
        at.column,
        refused_message("a string", &r.forbidden)
    ))
}

/// What says which kind of file a JSON file is, when it is not a readable
/// record.
#[derive(Default, serde::Deserialize)]
#[serde(default)]
struct Head {
    format: Option<String>,
    schema_version: Option<u64>,
    verdict: Option<serde::de::IgnoredAny>,
    questionnaire: Option<serde::de::IgnoredAny>,
    /// A round's (`round --format json` or `html`).
    respondents: Option<Vec<serde::de::IgnoredAny>>,
    organization: Option<String>,
    label: Option<String>,
}

impl Head {
    /// What to say of a round's file where an assessment is wanted: which
    /// round it is, and the command that renders it.
    fn round(&self) -> Option<String> {
        let (respondents, org, label) = (self.respondents.as_ref()?, self.organization.as_ref()?, self.label.as_ref()?);
        let n = respondents.len();
        Some(format!(
            "a round of {n} respondent{} ({org}, {label}), not one assessment; \
             `crm-ready round --org {} --label {}` renders it from the store of its assessments",
            if n == 1 { "" } else { "s" },
            shell_quote(org),
            shell_quote(label),
        ))
    }
}
