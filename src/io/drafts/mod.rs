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
use crate::core::limits::MAX_FILE_BYTES;
use crate::core::questionnaire::Questionnaire;
use crate::core::text::refused_message;
use crate::io::atomic_write::write_atomic;
use crate::io::input::decode;
use crate::io::regular_file::{OpenError, open_regular_unfollowed, read_capped};

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

/// A file named like a draft that cannot be continued, and why: it is not
/// offered, and a new interview never takes its name.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub path: PathBuf,
    /// Why, with how to put it right: one line, or a located problem.
    pub problem: String,
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "skipped {}", self.problem)
    }
}

/// What the drafts directory holds for one questionnaire.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    /// The drafts that can be continued, most recently saved first.
    pub saved: Vec<Saved>,
    /// Files named like its drafts that cannot be, by name.
    pub unreadable: Vec<Unreadable>,
}

/// The directory drafts are kept in, if the system has a data directory.
pub fn drafts_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "crm-ready").map(|d| d.data_dir().join("drafts"))
}

/// Parses a draft and checks it against `q`. `shown` names the file in
/// messages. Every problem says how to start afresh: the respondent did
/// not write the file, and cannot be asked to mend it.
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
            "update crm-ready to continue it, or move the file away (or delete it) to start afresh",
        ));
    }
    let stamp = &draft.questionnaire;
    if stamp.id != q.id || !q.accepts_answers_for(&stamp.version) {
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
        let problems = problems.into_iter().map(|d| d.with_help(DAMAGED_HELP)).collect();
        return Err(InvalidInput::new(shown, text, problems));
    }
    Ok(draft)
}

/// Reads and checks the draft at `path`. Only a regular file is read, and
/// never through a symbolic link: crm-ready writes its drafts itself, so a
/// link was put there by someone else, and its target is not quoted.
pub fn load(path: &Path, q: &Questionnaire) -> Result<Draft, Unreadable> {
    let shown = path.display().to_string();
    let unreadable = |problem: String| Unreadable { path: path.to_path_buf(), problem };
    let file = open_regular_unfollowed(path).map_err(|e| {
        let what = match e {
            OpenError::Missing => "it has gone".to_string(),
            OpenError::Directory => "a directory, not a draft".to_string(),
            OpenError::NotRegular(what) => format!("{what}, not a regular file; it is not read"),
            OpenError::Io(e) => format!("cannot read it ({e})"),
        };
        unreadable(format!("{shown}: {what}; {DAMAGED_HELP}"))
    })?;
    let damaged = |invalid: InvalidInput| unreadable(format!("a saved interview that cannot be continued:\n{invalid}"));
    let bytes = read_capped(file, MAX_FILE_BYTES).map_err(|e| unreadable(format!("{shown}: cannot read it ({e})")))?;
    let text = decode(&shown, bytes).map_err(|mut invalid| {
        for d in &mut invalid.diagnostics {
            d.help = Some(DAMAGED_HELP.into());
        }
        damaged(invalid)
    })?;
    parse(&text, &shown, q).map_err(damaged)
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

/// Every draft in `dir` for questionnaire `q`, most recently saved first,
/// and the files named like one that cannot be continued (damaged, another
/// version's, a FIFO, a link...). Nothing here stops an interview: a
/// directory that cannot be listed holds no drafts, and saving reports the
/// problem in the interview.
pub fn find(dir: &Path, q: &Questionnaire) -> Found {
    let mut found = Found::default();
    let Ok(entries) = std::fs::read_dir(dir) else { return found };
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else { continue };
        let Some(stem) = name.strip_suffix(".json") else { continue };
        if stem.split('@').next() == Some(q.id.as_str()) {
            match load(&path, q) {
                Ok(draft) => found.saved.push(Saved { draft, path }),
                Err(unreadable) => found.unreadable.push(unreadable),
            }
        }
    }
    found.saved.sort_by(|a, b| b.draft.saved_at.cmp(&a.draft.saved_at).then_with(|| a.path.cmp(&b.path)));
    found.unreadable.sort_by(|a, b| a.path.cmp(&b.path));
    found
}

#[cfg(test)]
mod tests;
