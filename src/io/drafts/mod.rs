//! A saved, unfinished interview: written after every answer and note so
//! that quitting, a crash or a closed terminal loses nothing, and read back
//! by `crm-ready assess --resume`.
//!
//! Drafts live under the user's data directory (`$XDG_DATA_HOME/crm-ready/
//! drafts` on Linux), one file per questionnaire, organisation and
//! respondent (see `naming`), so one interview never replaces another's.

mod naming;

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::core::answers::{Answers, check, offset_of};
use crate::core::diagnostic::{Diagnostic, InvalidInput};
use crate::core::json_text::refused_strings;
use crate::core::questionnaire::Questionnaire;
use crate::core::text::refused_message;
use crate::io::atomic_write::write_atomic;
use crate::io::input::read_text;
use crate::io::regular_file::NotRegularFile;

pub use naming::{file_name, free_file_name, is_for, same_respondent};

/// Bumped when the draft format changes incompatibly.
pub const DRAFT_VERSION: u32 = 1;

/// What to do with a draft that cannot be read.
const DAMAGED_HELP: &str = "move the file away (or delete it) to start afresh; nothing else depends on it";

/// An unfinished interview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    pub draft_version: u32,
    pub tool_version: String,
    pub questionnaire: Stamp,
    /// UTC, RFC 3339.
    pub saved_at: jiff::Timestamp,
    pub position: Position,
    pub answers: Answers,
}

/// Exactly which questionnaire the draft answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stamp {
    pub id: String,
    pub version: String,
    pub content_hash: String,
}

/// Where the respondent was.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    /// The current question's id.
    pub question: Option<String>,
    /// Whether the review screen was open.
    #[serde(default)]
    pub reviewing: bool,
}

impl Draft {
    pub fn new(q: &Questionnaire, answers: Answers, position: Position, saved_at: jiff::Timestamp) -> Self {
        Draft {
            draft_version: DRAFT_VERSION,
            tool_version: crate::VERSION.to_string(),
            questionnaire: Stamp { id: q.id.clone(), version: q.version.clone(), content_hash: q.content_hash.clone() },
            saved_at,
            position,
            answers,
        }
    }

    pub fn to_json(&self) -> String {
        crate::core::json::to_json(self)
    }
}

/// A draft found on disk.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub path: PathBuf,
    pub draft: Draft,
}

/// The directory drafts are kept in, if the system has a data directory.
pub fn drafts_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "crm-ready").map(|d| d.data_dir().join("drafts"))
}

/// Parses a draft and checks it against `q`. `shown` names the file in
/// messages.
pub fn parse(text: &str, shown: &str, q: &Questionnaire) -> Result<Draft, InvalidInput> {
    let draft: Draft = serde_json::from_str(text).map_err(|e| {
        let at = offset_of(text, e.line(), e.column());
        let what = if e.is_eof() || e.is_syntax() {
            format!("the draft is damaged, perhaps cut short: {e}")
        } else {
            format!("the draft does not have the expected shape: {e}")
        };
        InvalidInput::new(shown, text, vec![Diagnostic::at(at..at, what).with_help(DAMAGED_HELP)])
    })?;
    // Drafts hold only text that passed the text rule: anything else was
    // put there by hand, or by someone else.
    if let Some(r) = refused_strings(text).into_iter().next() {
        let what = format!("the draft is damaged: {}", refused_message("this string", &r.forbidden));
        return Err(InvalidInput::new(shown, text, vec![Diagnostic::at(r.span, what).with_help(DAMAGED_HELP)]));
    }
    let whole = |message: String, help: &str| {
        InvalidInput::new(shown, text, vec![Diagnostic::whole_file(message).with_help(help)])
    };
    if draft.draft_version > DRAFT_VERSION {
        return Err(whole(
            format!("this draft was saved by a newer crm-ready (draft format {})", draft.draft_version),
            "update crm-ready to continue it",
        ));
    }
    let stamp = &draft.questionnaire;
    if stamp.id != q.id || stamp.version != q.version {
        return Err(whole(
            format!(
                "this draft answers version {} of `{}`, but version {} of `{}` is in use",
                stamp.version, stamp.id, q.version, q.id
            ),
            "pass the questionnaire the draft was started with (`--questionnaire NAME|PATH`), or move the draft away to start afresh",
        ));
    }
    // Without positions: each problem names its question, not a line.
    let problems = check(&draft.answers, q, None);
    if !problems.is_empty() {
        return Err(InvalidInput::new(shown, text, problems));
    }
    Ok(draft)
}

/// Reads and checks the draft at `path`.
pub fn load(path: &Path, q: &Questionnaire) -> anyhow::Result<Draft> {
    let text = read_text(path)?;
    Ok(parse(&text, &path.display().to_string(), q)?)
}

/// Writes a draft atomically, creating its directory if needed.
pub fn save(path: &Path, draft: &Draft) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    write_atomic(path, draft.to_json().as_bytes())
}

/// Removes a draft once its interview is submitted.
pub fn discard(path: &Path) -> io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Every draft in `dir` for questionnaire `q`, most recently saved first.
/// A damaged draft is an error naming the file; a file named like a draft
/// that is not a regular file (a FIFO) is left unread, and said so in
/// `skipped`.
pub fn find(dir: &Path, q: &Questionnaire, skipped: &mut Vec<String>) -> anyhow::Result<Vec<Saved>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        // A file where a directory should be: no drafts there, and saving
        // reports the problem in the interview.
        Err(e) if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory) => {
            return Ok(Vec::new());
        }
        Err(e) => return Err(anyhow::Error::new(e).context(format!("cannot list {}", dir.display()))),
    };
    let mut found = Vec::new();
    for entry in entries {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else { continue };
        let Some(stem) = name.strip_suffix(".json") else { continue };
        if stem.split('@').next() == Some(q.id.as_str()) {
            match load(&path, q) {
                Ok(draft) => found.push(Saved { draft, path }),
                Err(e) => match e.downcast_ref::<NotRegularFile>() {
                    Some(special) => skipped.push(format!("skipped {special}")),
                    None => return Err(e),
                },
            }
        }
    }
    found.sort_by(|a, b| b.draft.saved_at.cmp(&a.draft.saved_at).then_with(|| a.path.cmp(&b.path)));
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::answers::Answer;
    use crate::core::questionnaire::builtin;

    fn quick() -> Questionnaire {
        builtin::find("crm-quick").unwrap().load().unwrap()
    }

    fn sample(q: &Questionnaire) -> Draft {
        let mut answers = Answers::for_questionnaire(q);
        answers.organization = Some("Acme Ltd".into());
        answers.answers.insert("vision.objective".into(), Answer::Text("none".into()));
        answers.notes.insert("vision.objective".into(), "ask the board".into());
        let position = Position { question: Some("vision.strategy".into()), reviewing: false };
        Draft::new(q, answers, position, jiff::Timestamp::from_second(1_780_000_000).unwrap())
    }

    #[test]
    fn a_draft_round_trips() {
        let q = quick();
        let draft = sample(&q);
        let back = parse(&draft.to_json(), "d.json", &q).unwrap();
        assert_eq!(back, draft);
        assert!(draft.to_json().contains("\"draft_version\": 1"));
    }

    #[test]
    fn a_truncated_draft_is_a_located_error() {
        let q = quick();
        let json = sample(&q).to_json();
        let cut = &json[..json.len() / 2];
        let err = parse(cut, "drafts/crm-quick.json", &q).unwrap_err().to_string();
        assert!(err.starts_with("drafts/crm-quick.json:"), "{err}");
        assert!(err.contains("damaged"), "{err}");
        assert!(err.contains("move the file away"), "{err}");
    }

    #[test]
    fn a_draft_for_another_version_or_with_bad_answers_is_refused() {
        let q = quick();
        let mut draft = sample(&q);
        draft.questionnaire.version = "0.9".into();
        let err = parse(&draft.to_json(), "d.json", &q).unwrap_err().to_string();
        assert!(err.contains("version 0.9 of `crm-quick`"), "{err}");

        let mut draft = sample(&q);
        draft.answers.answers.insert("vision.objective".into(), Answer::Text("perhaps".into()));
        let err = parse(&draft.to_json(), "d.json", &q).unwrap_err().to_string();
        assert!(err.contains("has no choice `perhaps`"), "{err}");
    }

    #[test]
    fn find_lists_drafts_for_the_questionnaire_newest_first() {
        let q = quick();
        let dir = tempfile::tempdir().unwrap();
        assert!(find(&dir.path().join("missing"), &q, &mut Vec::new()).unwrap().is_empty());
        std::fs::write(dir.path().join("a-file"), "").unwrap();
        assert!(
            find(&dir.path().join("a-file").join("drafts"), &q, &mut Vec::new()).unwrap().is_empty(),
            "under a file"
        );
        let mut older = sample(&q);
        older.saved_at = jiff::Timestamp::from_second(1_700_000_000).unwrap();
        save(&dir.path().join(file_name("crm-quick", Some("Older"), None)), &older).unwrap();
        save(&dir.path().join(file_name("crm-quick", Some("Acme Ltd"), None)), &sample(&q)).unwrap();
        std::fs::write(dir.path().join("crm-readiness.json"), "not ours").unwrap();
        let found = find(dir.path(), &q, &mut Vec::new()).unwrap();
        let names: Vec<_> = found.iter().map(|s| s.path.file_name().unwrap().to_str().unwrap()).collect();
        assert_eq!(names, ["crm-quick@acme-ltd.json", "crm-quick@older.json"]);

        std::fs::write(dir.path().join("crm-quick.json"), "{\"draft_version\": 1,").unwrap();
        let err = format!("{:#}", find(dir.path(), &q, &mut Vec::new()).unwrap_err());
        assert!(err.contains("crm-quick.json"), "{err}");
    }

    #[test]
    fn drafts_of_two_respondents_and_an_old_name_are_all_found_and_told_apart() {
        let q = quick();
        let dir = tempfile::tempdir().unwrap();
        let of = |who: &str, second: i64| {
            let mut d = sample(&q);
            d.answers.respondent = Some(who.into());
            d.saved_at = jiff::Timestamp::from_second(second).unwrap();
            d
        };
        // Saved before respondents were in the name: Cy's, under the organisation's name alone.
        save(&dir.path().join("crm-quick@acme-ltd.json"), &of("Cy", 1_700_000_000)).unwrap();
        for (who, at) in [("Ann", 1_700_000_100), ("Bob", 1_700_000_200)] {
            save(&dir.path().join(file_name("crm-quick", Some("Acme Ltd"), Some(who))), &of(who, at)).unwrap();
        }
        let found = find(dir.path(), &q, &mut Vec::new()).unwrap();
        let names: Vec<_> = found.iter().map(|s| s.path.file_name().unwrap().to_str().unwrap()).collect();
        assert_eq!(names, ["crm-quick@acme-ltd@bob.json", "crm-quick@acme-ltd@ann.json", "crm-quick@acme-ltd.json"]);
        let whose = |who: &str| -> Vec<&str> {
            found
                .iter()
                .filter(|s| is_for(&s.draft.answers, Some("Acme Ltd"), Some(who)))
                .map(|s| s.path.file_name().unwrap().to_str().unwrap())
                .collect()
        };
        assert_eq!(whose("Ann"), ["crm-quick@acme-ltd@ann.json"]);
        assert_eq!(whose("cy"), ["crm-quick@acme-ltd.json"], "an old name is found by its content");
        assert_eq!(found.iter().filter(|s| is_for(&s.draft.answers, Some("acme ltd"), None)).count(), 3);
    }

    #[test]
    fn discard_ignores_a_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.json");
        save(&path, &sample(&quick())).unwrap();
        discard(&path).unwrap();
        assert!(!path.exists());
        discard(&path).unwrap();
    }
}
