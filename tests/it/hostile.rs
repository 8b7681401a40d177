//! Hostile inputs the static corpus (`tests/fixtures/*/bad`) cannot hold:
//! special files where a file is read, forged records in the store, hostile
//! names on the command line, and the temporary files of saves that never
//! finished. Every run has a deadline (a hang is a failure, and the program
//! is killed), writes nothing outside its own directories, and prints no
//! raw control, bidi or invisible character.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crm_ready::core::text::first_forbidden;
use serde_json::{Value, json};

use crate::support::{Finished, ROOT, Test};

/// Far longer than any of these runs takes; a blocked read never ends.
const DEADLINE: Duration = Duration::from_secs(20);

const EVERY_KIND: &str = "tests/fixtures/questionnaires/good/every-kind.toml";
const EVERY_KIND_ANSWERS: &str = "tests/fixtures/answers/good/every-kind.toml";

/// A scratch directory to run in, and to put the inputs in.
struct Scratch {
    dir: tempfile::TempDir,
    cwd: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Scratch {
        Scratch { dir: tempfile::tempdir().unwrap(), cwd: tempfile::tempdir().unwrap() }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn store(&self) -> PathBuf {
        self.path("store")
    }

    /// Runs the binary with `args` from an empty directory of its own, and
    /// checks what every run must do: end in time, leave that directory
    /// empty, print nothing the text rule refuses.
    fn run<S: AsRef<std::ffi::OsStr>>(&self, args: impl IntoIterator<Item = S>) -> Finished {
        let out = Test::new().args(args).current_dir(self.cwd.path()).run_within(DEADLINE);
        let left: Vec<_> = std::fs::read_dir(self.cwd.path()).unwrap().collect();
        assert!(left.is_empty(), "wrote into the working directory: {left:?}");
        for (stream, text) in [("stdout", out.stdout()), ("stderr", out.stderr())] {
            if let Some(f) = first_forbidden(text) {
                panic!("{stream} holds {} raw:\n{text}", f.describe());
            }
        }
        assert!(!out.stderr().contains("panicked"), "{}", out.stderr());
        out
    }

    /// Saves the every-kind answers in the store; returns the record's path.
    fn saved_record(&self) -> PathBuf {
        let store = self.store().display().to_string();
        let args = ["assess", "-q", &root(EVERY_KIND), "--answers", &root(EVERY_KIND_ANSWERS), "--store", &store];
        let out = self.run(args);
        assert!(out.code() == 0 || out.code() == 1, "{}", out.stderr());
        let mut records: Vec<PathBuf> = std::fs::read_dir(self.store())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        assert_eq!(records.len(), 1);
        records.remove(0)
    }
}

fn root(relative: &str) -> String {
    Path::new(ROOT).join(relative).display().to_string()
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid, NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0, "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn a_fifo_is_never_read_where_a_file_is_expected() {
    let s = Scratch::new();
    let fifo = s.path("fifo.toml");
    mkfifo(&fifo);
    let shown = fifo.display().to_string();
    let refusal = format!("{shown}: a named pipe (FIFO), not a regular file; only regular files are read");
    for args in [
        vec!["validate".to_string(), shown.clone()],
        vec!["assess".into(), "-q".into(), shown.clone(), "--answers".into(), root(EVERY_KIND_ANSWERS)],
        vec!["assess".into(), "-q".into(), root(EVERY_KIND), "--answers".into(), shown.clone(), "--no-save".into()],
    ] {
        let out = s.run(&args).exits(2);
        assert!(out.stderr().contains(&refusal), "{args:?}:\n{}", out.stderr());
    }

    // A FIFO named like a record: listed around, refused by name.
    let good = s.saved_record();
    let forged = s.store().join("20260101T000000Z-acme-abcdef.json");
    mkfifo(&forged);
    let out = s.run(["history".into(), "--store".into(), s.store().display().to_string()]).exits(0);
    assert_eq!(out.stdout().lines().filter(|l| l.contains("every-kind")).count(), 1, "{}", out.stdout());
    let warning = format!("skipping {}: a named pipe (FIFO), not a regular file", forged.display());
    assert!(out.stderr().contains(&warning), "{}", out.stderr());
    let out = s.run(["report".to_string(), forged.display().to_string()]).exits(2);
    assert!(out.stderr().contains("a named pipe (FIFO), not a regular file"), "{}", out.stderr());
    assert!(s.run(["report".to_string(), good.display().to_string()]).code() == 0);

    // `-o` names a file to write, never to read: the FIFO is replaced.
    let target = s.path("report.md");
    mkfifo(&target);
    let args = ["report".to_string(), good.display().to_string(), "-o".into(), target.display().to_string()];
    s.run(args).exits(0);
    assert!(std::fs::metadata(&target).unwrap().is_file());
    assert!(std::fs::read_to_string(&target).unwrap().starts_with('#'));
}

/// A copy of the record at `good` with `forge` applied to its JSON, saved
/// in the store as `name`.
fn forged(good: &Path, name: &str, forge: impl FnOnce(&mut Value)) -> PathBuf {
    let mut record: Value = serde_json::from_str(&std::fs::read_to_string(good).unwrap()).unwrap();
    forge(&mut record);
    let path = good.with_file_name(name);
    std::fs::write(&path, serde_json::to_string_pretty(&record).unwrap()).unwrap();
    path
}

#[test]
fn forged_records_are_skipped_in_listings_and_refused_by_name() {
    let s = Scratch::new();
    let good = s.saved_record();
    // (file, what the listing says or None when only a full read sees it, what
    // `report` says). A listing reads the summary and the text around it.
    let cases: Vec<(PathBuf, Option<&str>, &str)> = vec![
        (
            forged(&good, "a-huge-score.json", |r| {
                r["summary"]["score"] = json!(1e308);
                r["assessment"]["score"] = json!(1e308);
            }),
            Some("the score is 1e308, not a number from 0 to 100"),
            "the score is 1e308, not a number from 0 to 100",
        ),
        (
            forged(&good, "b-nan-string.json", |r| {
                r["summary"]["score"] = json!("NaN");
                r["assessment"]["score"] = json!("NaN");
            }),
            Some("a damaged assessment record (invalid type: string \"NaN\", expected f64"),
            "invalid type: string \"NaN\", expected f64",
        ),
        (
            forged(&good, "c-bad-verdict.json", |r| {
                r["summary"]["verdict"] = json!("maybe");
                r["assessment"]["verdict"] = json!("maybe");
            }),
            Some("unknown variant `maybe`"),
            "unknown variant `maybe`",
        ),
        (
            forged(&good, "d-negative-count.json", |r| r["assessment"]["areas"][0]["answered"] = json!(-1)),
            None,
            "invalid value: integer `-1`, expected usize",
        ),
        (
            forged(&good, "e-tiny-weight.json", |r| r["assessment"]["areas"][0]["weight"] = json!(1e-300)),
            None,
            "the weight of area `plan` is 1e-300, not a weight from 0.01 to 1000",
        ),
        (
            forged(&good, "f-clipboard.json", |r| {
                r["summary"]["organization"] = json!("Contoso\u{1b}]52;c;cm0gLXJmIH4=\u{7}");
            }),
            Some(": a string holds an escape character (U+001B); not written by crm-ready"),
            "a string holds an escape character (U+001B)",
        ),
        (
            forged(&good, "g-bidi.json", |r| {
                r["assessment"]["questions"][0]["text"] = json!("Who owns \u{202e}the project?");
            }),
            Some("a string holds a right-to-left override (U+202E)"),
            "a string holds a right-to-left override (U+202E)",
        ),
        (
            forged(&good, "h-priority.json", |r| {
                r["assessment"]["actions"] = json!([{
                    "phase": "setup", "priority": -5, "priority_level": "low", "area": "plan",
                    "question": "plan.owner", "recommendation": "Name one.", "because": "Nobody"
                }]);
            }),
            None,
            "the priority of the action for",
        ),
    ];
    let out = s.run(["history", "--store", &s.store().display().to_string()]).exits(0);
    let stdout = out.stdout();
    assert!(!stdout.contains("inf") && !stdout.contains("NaN"), "{stdout}");
    for (path, listing, _) in &cases {
        let warning = format!("skipping {}: ", path.display());
        match listing {
            Some(problem) => {
                let line = out.stderr().lines().find(|l| l.contains(&warning));
                assert!(
                    line.is_some_and(|l| l.contains(problem)),
                    "{problem:?} for {}:\n{}",
                    path.display(),
                    out.stderr()
                );
            }
            // Only the summary is read for a listing: the rest is checked
            // when the record is read in full.
            None => assert!(!out.stderr().contains(&warning), "{}", out.stderr()),
        }
    }
    for (path, _, problem) in &cases {
        let out = s.run(["report", &path.display().to_string()]).exits(2);
        assert!(out.stderr().contains(problem), "{problem:?} for {}:\n{}", path.display(), out.stderr());
        assert!(out.stdout().is_empty());
    }
}

#[test]
fn hostile_names_on_the_command_line_are_refused() {
    let s = Scratch::new();
    for (flag, value, named) in [
        ("--organization", "Acme\u{1b}]0;owned\u{7}", "--organization holds an escape character (U+001B)"),
        ("--respondent", "Jo\u{202e}", "--respondent holds a right-to-left override (U+202E)"),
        ("--label", "Q1\u{3164}", "--label holds a Hangul filler (U+3164)"),
    ] {
        let args =
            ["assess", "-q", &root(EVERY_KIND), "--answers", &root(EVERY_KIND_ANSWERS), "--no-save", flag, value];
        let out = s.run(args).exits(2);
        assert!(out.stderr().contains(named), "{}", out.stderr());
    }
}

/// Sets a file's modification time `age` into the past.
fn age(path: &Path, age: Duration) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - age).unwrap();
}

#[test]
fn stale_temp_files_of_unfinished_saves_are_removed_from_the_store() {
    let s = Scratch::new();
    s.saved_record();
    let stale = s.store().join(".new.Ab12Cd.tmp");
    let young = s.store().join(".new.Zz98Yx.tmp");
    let foreign = s.store().join(".notes.tmp");
    for path in [&stale, &young, &foreign] {
        std::fs::write(path, "{").unwrap();
    }
    age(&stale, Duration::from_secs(2 * 60 * 60));
    age(&foreign, Duration::from_secs(2 * 60 * 60));
    s.run(["history", "--store", &s.store().display().to_string()]).exits(0);
    assert!(!stale.exists(), "an old temporary file of ours is removed");
    assert!(young.exists(), "a save in progress is left alone");
    assert!(foreign.exists(), "a file that is not ours is left alone");
}
