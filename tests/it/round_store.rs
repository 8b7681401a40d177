//! A temporary store of rounds for the integration tests. The example
//! answers files name their respondent's group and date; the records here
//! are scored in code with those set, the way `assess --answers` stores them
//! once answers files may carry them.

use std::path::{Path, PathBuf};

use crm_ready::core::answers::{Answers, Group};
use crm_ready::core::answers_file::{Syntax, parse_answers};
use crm_ready::core::history::StoredAssessment;
use crm_ready::core::questionnaire::{Questionnaire, builtin};
use crm_ready::core::scoring::score;
use crm_ready::io::store::Store;
use serde_json::Value;

use crate::support::{Finished, ROOT, Test};

pub const WIDE_WORLD: &str = "Wide World Importers";
pub const PENNINE: &str = "Pennine Catering Supplies Ltd";

/// The value of `key = "value"` in an answers file's header.
fn header<'t>(text: &'t str, key: &str) -> Option<&'t str> {
    text.lines().find_map(|l| l.strip_prefix(&format!("{key} = \""))?.strip_suffix('"'))
}

/// A temporary store.
pub struct TempStore {
    dir: tempfile::TempDir,
}

impl TempStore {
    pub fn new() -> Self {
        TempStore { dir: tempfile::tempdir().unwrap() }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Scores an example answers file with its group and date, and saves it
    /// (saved at its date, so saving order says nothing).
    pub fn save(&self, example: &str) {
        self.save_as(example, |_| {});
    }

    /// [`TempStore::save`], after `change` has had its way with the answers.
    pub fn save_as(&self, example: &str, change: impl FnOnce(&mut Answers)) {
        self.save_with(example, change, |_| {});
    }

    /// [`TempStore::save`], scored by an earlier text of its questionnaire
    /// numbered `version`.
    pub fn save_earlier(&self, example: &str, version: &str) {
        self.save_with(
            example,
            |_| {},
            |q| {
                q.version = version.to_string();
                q.content_hash = format!("sha256:{}", "e".repeat(64));
            },
        );
    }

    fn save_with(&self, example: &str, change: impl FnOnce(&mut Answers), text_of: impl FnOnce(&mut Questionnaire)) {
        let text = std::fs::read_to_string(Path::new(ROOT).join("examples").join(example)).unwrap();
        let body: String = text
            .lines()
            .filter(|l| !l.starts_with("group = ") && !l.starts_with("assessed_at = "))
            .map(|l| format!("{l}\n"))
            .collect();
        let mut q = builtin::find(header(&text, "questionnaire").unwrap()).unwrap().load().unwrap();
        let mut answers = parse_answers(&body, example, Syntax::Toml, &q).unwrap().answers;
        text_of(&mut q);
        answers.version.clone_from(&q.version);
        answers.group = header(&text, "group").and_then(Group::from_name);
        change(&mut answers);
        // The date `change` gave, else the file's.
        let at = answers.assessed_at.unwrap_or_else(|| {
            let date: jiff::civil::Date = header(&text, "assessed_at").unwrap().parse().unwrap();
            date.to_zoned(jiff::tz::TimeZone::UTC).unwrap().timestamp()
        });
        let mut record = StoredAssessment::new(answers.clone(), score(&q, &answers, at), at, at.as_second() as u64);
        Store::at(self.path()).save(&mut record, || 7).unwrap();
    }

    /// The four stakeholders of examples/round/.
    pub fn wide_world(self) -> Self {
        for who in ["users", "owners", "management", "it"] {
            self.save(&format!("round/{who}.toml"));
        }
        self
    }

    /// One more respondent of `org`'s round `label`, who answered the quick
    /// check (crm-quick) instead.
    pub fn quick(self, org: &str, label: &str) -> Self {
        self.save_as("answers-quick.toml", |a| {
            a.organization = Some(org.into());
            a.label = Some(label.into());
            a.respondent = Some("Sam Quick".into());
            a.group = Some(Group::Users);
            a.assessed_at = Some("2026-11-20T00:00:00Z".parse().unwrap());
        });
        self
    }

    /// Three quarters of examples/review/, saved newest first.
    pub fn pennine(self) -> Self {
        let mut files: Vec<PathBuf> =
            std::fs::read_dir(Path::new(ROOT).join("examples/review")).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for f in files.iter().rev() {
            self.save(&format!("review/{}", f.file_name().unwrap().to_string_lossy()));
        }
        self
    }

    /// Copies a fixture into the store: a record under the name crm-ready
    /// gives it, a report under its own.
    pub fn copy_fixture(&self, name: &str) -> PathBuf {
        let text = std::fs::read_to_string(Path::new(ROOT).join("tests/fixtures/records").join(name)).unwrap();
        if serde_json::from_str::<StoredAssessment>(&text).is_ok() {
            return self.put_record(&text);
        }
        let to = self.path().join(name);
        std::fs::write(&to, text).unwrap();
        to
    }

    /// Writes a record's JSON into the store, under the name crm-ready
    /// gives it (a listing skips a record kept under another name).
    pub fn put_record(&self, json: &str) -> PathBuf {
        let record: StoredAssessment = serde_json::from_str(json).unwrap();
        let to = self.path().join(record.file_name());
        std::fs::write(&to, json).unwrap();
        to
    }

    pub fn run(&self, args: &[&str]) -> Finished {
        // Wide, so that long heading lines are asserted whole.
        Test::new().env("NO_COLOR", "1").env("COLUMNS", "200").args(args).arg("--store").arg(self.path()).run()
    }

    pub fn json(&self, args: &[&str]) -> Value {
        self.run(&[args, &["--format", "json"]].concat()).exits(0).json()
    }
}

pub fn assert_contains(text: &str, part: &str) {
    assert!(text.contains(part), "{part:?} missing from:\n{text}");
}

pub fn strings<'a>(list: &'a Value, key: &str) -> Vec<&'a str> {
    list.as_array().unwrap().iter().map(|x| x[key].as_str().unwrap()).collect()
}
