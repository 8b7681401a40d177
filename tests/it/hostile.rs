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

    // `-o` names a file to write, never to read: the report is written
    // through the FIFO to its reader, and the FIFO stays one.
    let target = s.path("report.md");
    mkfifo(&target);
    let reader = {
        let target = target.clone();
        std::thread::spawn(move || std::fs::read_to_string(target).unwrap())
    };
    let args = ["report".to_string(), good.display().to_string(), "-o".into(), target.display().to_string()];
    s.run(args).exits(0);
    assert!(reader.join().unwrap().starts_with('#'));
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::symlink_metadata(&target).unwrap().file_type().is_fifo(), "the FIFO is still there");
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

/// Sets `value` at `key` in both the summary and the assessment.
fn both(r: &mut Value, key: &str, value: Value) {
    r["summary"][key] = value.clone();
    r["assessment"][key] = value;
}

/// Forged and damaged records: (the file, what is wrong with it). A listing
/// reads each in full, as naming it does, so both say the same.
fn forgeries(good: &Path) -> Vec<(PathBuf, &'static str)> {
    let action = json!([{
        "phase": "setup", "priority": -5, "priority_level": "low", "area": "plan",
        "question": "plan.owner", "recommendation": "Name one.", "because": "Nobody"
    }]);
    vec![
        (
            forged(good, "a-huge-score.json", |r| both(r, "score", json!(1e308))),
            "the score is 1e308, not a number from 0 to 100",
        ),
        (
            forged(good, "b-nan-string.json", |r| both(r, "score", json!("NaN"))),
            "invalid type: string \"NaN\", expected f64",
        ),
        (forged(good, "c-bad-verdict.json", |r| both(r, "verdict", json!("maybe"))), "unknown variant `maybe`"),
        (
            forged(good, "d-negative-count.json", |r| r["assessment"]["areas"][0]["answered"] = json!(-1)),
            "invalid value: integer `-1`, expected usize",
        ),
        (
            forged(good, "e-tiny-weight.json", |r| r["assessment"]["areas"][0]["weight"] = json!(1e-300)),
            "the weight of area `plan` is 1e-300, not a weight from 0.01 to 1000",
        ),
        (
            forged(good, "f-clipboard.json", |r| {
                r["summary"]["organization"] = json!("Contoso\u{1b}]52;c;cm0gLXJmIH4=\u{7}")
            }),
            "a string holds an escape character (U+001B)",
        ),
        (
            forged(good, "g-bidi.json", |r| {
                r["assessment"]["questions"][0]["text"] = json!("Who owns \u{202e}the project?")
            }),
            "a string holds a right-to-left override (U+202E)",
        ),
        (forged(good, "h-priority.json", |r| r["assessment"]["actions"] = action), "the priority of the action for"),
        (
            forged(good, "i-summary-score.json", |r| r["summary"]["score"] = json!(42.0)),
            "its summary and its assessment disagree on the score",
        ),
        (
            forged(good, "j-verdict-worse.json", |r| both(r, "verdict", json!("not-ready"))),
            "its verdict `not-ready` contradicts its own reason `ready`",
        ),
        (
            forged(good, "j-hidden-flag.json", |r| {
                r["assessment"]["red_flags"] = json!([{
                    "severity": "critical", "area": "plan", "question": "plan.owner", "question_text": "Who?",
                    "answer": "Nobody", "recommendation": "Name one."
                }]);
            }),
            "its verdict `ready` contradicts its own critical red flag on `plan.owner`",
        ),
        (
            forged(good, "k-path-id.json", |r| r["summary"]["id"] = json!("../../../tmp/probe/x")),
            "the id `../../../tmp/probe/x` is not one crm-ready gives",
        ),
        (
            forged(good, "l-long-label.json", |r| {
                r["summary"]["label"] = json!("Q".repeat(301));
                r["assessment"]["label"] = json!("Q".repeat(301));
                r["answers"]["label"] = json!("Q".repeat(301));
            }),
            "label is 301 characters long, more than the 300 allowed",
        ),
        (
            forged(good, "m-held-in-2099.json", |r| both(r, "assessed_at", json!("2099-01-01T00:00:00Z"))),
            "it says it was held (2099-01-01T00:00:00Z) after it was saved",
        ),
        (
            forged(good, "n-nested-schema.json", |r| r["assessment"]["schema_version"] = json!(99)),
            "newer crm-ready (report schema 99)",
        ),
        (
            forged(good, "o-content-hash.json", |r| {
                r["summary"]["questionnaire"]["content_hash"] = json!("x");
                r["assessment"]["questionnaire"]["content_hash"] = json!("x");
            }),
            "content hash is not one crm-ready gives",
        ),
        (
            forged(good, "p-zero-weight.json", |r| r["assessment"]["areas"][0]["weight"] = json!(0)),
            "the weight of area `plan` is 0, not a weight",
        ),
        (
            forged(good, "q-answered-999.json", |r| r["assessment"]["areas"][0]["answered"] = json!(999)),
            "the counts of area `plan` do not add up",
        ),
        (
            forged(good, "t-saved-in-2099.json", |r| {
                let suffix = r["summary"]["id"].as_str().unwrap().split_once('-').unwrap().1.to_string();
                r["summary"]["id"] = json!(format!("20990101T000000Z-{suffix}"));
                r["summary"]["saved_at"] = json!("2099-01-01T00:00:00Z");
            }),
            "it was saved in the future: 2099-01-01T00:00:00Z",
        ),
        (
            forged(good, "u-answer-changed.json", |r| {
                let answers = r["answers"]["answers"].as_object_mut().unwrap();
                let first = answers.keys().next().unwrap().clone();
                answers.insert(first, json!("dont-know"));
            }),
            "its answers and its assessment disagree on question `",
        ),
        (
            forged(good, "r-capped-yes.json", |r| r["assessment"]["capped"] = json!("yes")),
            "invalid type: string \"yes\", expected a boolean",
        ),
        (
            forged(good, "s-answers-org.json", |r| r["answers"]["organization"] = json!("Someone Else")),
            "its answers and its assessment disagree on the organisation",
        ),
    ]
}

#[test]
fn forged_records_are_skipped_in_listings_and_refused_by_name() {
    let s = Scratch::new();
    let good = s.saved_record();
    let cases = forgeries(&good);
    // Kept under another name, or with an id another record has: only a
    // store can tell, so only a listing skips these.
    let renamed = forged(&good, "renamed.json", |_| {});
    let out = s.run(["history", "--store", &s.store().display().to_string()]).exits(0);
    let stdout = out.stdout();
    assert!(!stdout.contains("inf") && !stdout.contains("NaN"), "{stdout}");
    assert_eq!(stdout.lines().filter(|l| l.contains("every-kind")).count(), 1, "only the good one:\n{stdout}");
    let renamed_warning =
        format!("skipping {}: its file name does not match its id and organisation", renamed.display());
    assert!(out.stderr().contains(&renamed_warning), "{}", out.stderr());
    for (path, problem) in &cases {
        let warning = format!("skipping {}: ", path.display());
        let line = out.stderr().lines().find(|l| l.contains(&warning));
        assert!(line.is_some_and(|l| l.contains(problem)), "{problem:?} for {}:\n{}", path.display(), out.stderr());
    }
    for (path, problem) in &cases {
        let out = s.run(["report", &path.display().to_string()]).exits(2);
        assert!(out.stderr().contains(problem), "{problem:?} for {}:\n{}", path.display(), out.stderr());
        assert!(out.stdout().is_empty());
    }
}

#[test]
fn a_record_with_a_taken_id_is_skipped_and_the_first_kept() {
    let s = Scratch::new();
    let good = s.saved_record();
    let record: Value = serde_json::from_str(&std::fs::read_to_string(&good).unwrap()).unwrap();
    let id = record["summary"]["id"].as_str().unwrap().to_string();
    let (stamp, suffix) = id.split_once('-').unwrap();
    // Another organisation's record under the same id, named as crm-ready would.
    let twin = forged(&good, &format!("{stamp}-zzz-twin-{suffix}.json"), |r| {
        for part in ["summary", "assessment", "answers"] {
            r[part]["organization"] = json!("ZZZ Twin");
        }
    });
    let out = s.run(["history", "--store", &s.store().display().to_string(), "--format", "json"]).exits(0);
    let listed = out.json();
    assert_eq!(listed["assessments"].as_array().unwrap().len(), 1);
    let warning =
        format!("skipping {}: its id {id} is the id of {} too, which is listed", twin.display(), good.display());
    assert!(out.stderr().contains(&warning), "{}", out.stderr());
    s.run(["report", &id, "--store", &s.store().display().to_string()]).exits(0);
}

#[test]
fn a_bare_report_forged_to_ready_is_refused() {
    let s = Scratch::new();
    let report = s.path("pitfalls.json");
    let out = s.run(["assess", "--answers", &root("examples/answers-pitfalls.toml"), "--no-save", "-f", "json"]);
    assert_eq!(out.code(), 0, "{}", out.stderr());
    let mut json: Value = serde_json::from_str(out.stdout()).unwrap();
    json["verdict"] = json!("ready");
    std::fs::write(&report, serde_json::to_string_pretty(&json).unwrap()).unwrap();
    let out = s.run(["report", &report.display().to_string()]).exits(2);
    assert!(
        out.stderr().contains("a damaged assessment report: its verdict `ready` contradicts its own critical red flag"),
        "{}",
        out.stderr()
    );
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
    // Held to the length a file's names are held to, so no record holds more.
    let long = "Q".repeat(301);
    let args =
        ["assess", "-q", &root(EVERY_KIND), "--answers", &root(EVERY_KIND_ANSWERS), "--no-save", "--label", &long];
    let out = s.run(args).exits(2);
    assert!(out.stderr().contains("--label is 301 characters long; keep it to at most 300"), "{}", out.stderr());
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

#[test]
fn messages_show_refused_characters_escaped_instead_of_dropping_them() {
    let s = Scratch::new();
    let quick = root("examples/answers-quick.toml");
    let output = s.path("o\u{1b}[2J.json");
    let out = s.run(["assess", "--answers", &quick, "--no-save", "-o", output.to_str().unwrap()]).exits(0);
    let shown = format!("report written to {}", s.path("o\\u{1b}[2J.json").display());
    assert!(out.stderr().contains(&shown), "the message names the file that exists:\n{}", out.stderr());
    assert!(output.exists());

    let store = s.store().display().to_string();
    let out = s.run(["history", "--org", "X\u{1b}[2JY", "--store", &store]).exits(0);
    assert!(out.stderr().contains("no assessments of `X\\u{1b}[2JY`"), "{}", out.stderr());
    // clap's own messages, too.
    let out = s.run(["\u{1b}[2Jassess"]).exits(2);
    assert!(out.stderr().contains("unrecognized subcommand '\\u{1b}[2Jassess'"), "{}", out.stderr());
    let out = s.run(["assess", "--format", "\u{1b}[2J\u{202e}"]).exits(2);
    assert!(out.stderr().contains("invalid value '\\u{1b}[2J\\u{202e}' for '--format"), "{}", out.stderr());
    // A bad answers file named with an escape: its messages name it as given.
    let answers = s.path("a\u{7}.toml");
    std::fs::write(&answers, "questionnaire = \"crm-quick\"\nversion = \"2.0.0\"\nbogus = 1\n").unwrap();
    let out = s.run(["assess", "--answers", answers.to_str().unwrap(), "--no-save"]).exits(2);
    assert!(out.stderr().contains(&format!("{}:3:1: ", s.path("a\\u{7}.toml").display())), "{}", out.stderr());
}

#[test]
fn one_damaged_record_is_skipped_and_the_rest_of_the_round_and_trend_go_on() {
    use crate::round_store::{TempStore, WIDE_WORLD};
    let store = TempStore::new().wide_world();
    let mut files: Vec<PathBuf> = std::fs::read_dir(store.path()).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut record: Value = serde_json::from_str(&std::fs::read_to_string(&files[0]).unwrap()).unwrap();
    record["assessment"]["actions"][0]["priority"] = json!(200);
    std::fs::write(&files[0], serde_json::to_string_pretty(&record).unwrap()).unwrap();
    let warning =
        format!("skipping {}: a damaged assessment record: the priority of the action for", files[0].display());
    for args in [&["history"][..], &["round", "--org", WIDE_WORLD], &["trend", "--org", WIDE_WORLD]] {
        let out = store.run(args).exits(0);
        assert!(out.stderr().contains(&warning), "{args:?}:\n{}", out.stderr());
    }
    let round = store.json(&["round", "--org", WIDE_WORLD]);
    assert_eq!(round["respondents"].as_array().unwrap().len(), 3, "the other three are read");
}
