//! When an assessment was held and whose view it gives, end to end: the
//! `assessed_at` and `group` of answers files, `--date` and `--group`, what
//! the history keeps and the order it lists in.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::{ROOT, Test};

/// The example answers files that carry a date (and most a group).
fn dated_examples() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in ["examples/round", "examples/review"] {
        for entry in std::fs::read_dir(Path::new(ROOT).join(dir)).unwrap() {
            files.push(entry.unwrap().path());
        }
    }
    files.extend((1..=3).map(|n| Path::new(ROOT).join(format!("examples/quarterly-2026-q{n}.toml"))));
    files.sort();
    files
}

/// A top-level string of a TOML file.
fn header(path: &Path, key: &str) -> Option<String> {
    let doc: toml::Table = std::fs::read_to_string(path).unwrap().parse().unwrap();
    doc.get(key).and_then(|v| v.as_str()).map(str::to_string)
}

fn assess(store: &Path, answers: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["assess", "--format", "json", "--answers", answers.to_str().unwrap(), "--store"];
    args.push(store.to_str().unwrap());
    args.extend_from_slice(extra);
    Test::new().args(args).run().exits(0).json()
}

fn history(store: &Path) -> Value {
    Test::new().args(["history", "--format", "json", "--store", store.to_str().unwrap()]).run().exits(0).json()
}

#[test]
fn every_dated_example_runs_without_an_error_or_a_warning_and_keeps_its_date_and_group() {
    let files = dated_examples();
    assert!(files.len() >= 18, "{files:?}");
    for file in files {
        let out = Test::new().args(["assess", "--no-save", "--format", "json", "--answers"]).arg(&file).run().exits(0);
        assert_eq!(out.stderr(), "", "{}", file.display());
        let report = out.json();
        let day = header(&file, "assessed_at").unwrap_or_else(|| panic!("{}: no assessed_at", file.display()));
        assert_eq!(report["assessed_at"], format!("{day}T00:00:00Z"), "{}", file.display());
        assert_eq!(report["group"].as_str(), header(&file, "group").as_deref(), "{}", file.display());
    }
}

#[test]
fn history_lists_by_assessment_date_whatever_the_order_of_saving_and_shows_groups() {
    let store = tempfile::tempdir().unwrap();
    let review = Path::new(ROOT).join("examples/review");
    for name in ["2026-q3-dev-patel.toml", "2026-q1-helen-marsh.toml", "2026-q2-kirsty-doyle.toml"] {
        assess(store.path(), &review.join(name), &[]);
    }
    let listed = history(store.path());
    let listed = listed["assessments"].as_array().unwrap();
    let column = |key: &str| listed.iter().map(|a| a[key].as_str().unwrap().to_string()).collect::<Vec<_>>();
    assert_eq!(column("assessed_at"), ["2026-03-10T00:00:00Z", "2026-06-17T00:00:00Z", "2026-09-15T00:00:00Z"]);
    assert_eq!(column("label"), ["2026-Q1", "2026-Q2", "2026-Q3"]);
    assert_eq!(column("group"), ["management", "users", "it"]);
    assert!(column("saved_at")[2] < column("saved_at")[0], "the last listed was saved first");
    let keys: Vec<&String> = listed[0].as_object().unwrap().keys().collect();
    let at = |k: &str| keys.iter().position(|x| *x == k).unwrap();
    assert!(at("role") < at("group") && at("group") < at("questionnaire"), "{keys:?}");

    let out = Test::new()
        .env("NO_COLOR", "1")
        .env("COLUMNS", "160")
        .args(["history", "--store"])
        .arg(store.path())
        .run()
        .exits(0);
    let table = out.stdout();
    assert!(table.contains("Group"), "{table}");
    let (management, users, it) =
        (table.find("Management").unwrap(), table.find("Users").unwrap(), table.find("IT ").unwrap());
    assert!(management < users && users < it, "{table}");
}

#[test]
fn date_and_group_flags_override_the_file_and_the_label_follows_the_date() {
    let dir = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string(Path::new(ROOT).join("examples/round/it.toml")).unwrap();
    let unlabelled: String = source.lines().filter(|l| !l.starts_with("label =")).map(|l| format!("{l}\n")).collect();
    let answers = dir.path().join("it.toml");
    std::fs::write(&answers, unlabelled).unwrap();
    let store = dir.path().join("store");

    let report = assess(&store, &answers, &["--date", "2025-08-20", "--group", "owners"]);
    assert_eq!(
        (report["assessed_at"].as_str(), report["group"].as_str()),
        (Some("2025-08-20T00:00:00Z"), Some("owners"))
    );
    let report = assess(&store, &answers, &[]);
    assert_eq!(report["assessed_at"], "2026-11-05T00:00:00Z", "the file's own date");

    let listed = history(&store);
    let first = &listed["assessments"][0];
    assert_eq!(
        (first["assessed_at"].as_str(), first["label"].as_str()),
        (Some("2025-08-20T00:00:00Z"), Some("2025-Q3"))
    );
    assert_eq!(first["group"], "owners");
    assert!(first["saved_at"].as_str().unwrap() > "2026-12", "saved_at stays when it was saved: {first}");
    assert_eq!(listed["assessments"][1]["label"], "2026-Q4");
    let record: Value =
        serde_json::from_str(&std::fs::read_to_string(first["file"].as_str().unwrap()).unwrap()).unwrap();
    assert_eq!(record["summary"]["assessed_at"], record["assessment"]["assessed_at"]);
    assert_eq!(record["answers"]["assessed_at"], "2025-08-20T00:00:00Z");
    assert_eq!(record["assessment"]["group"], "owners");
}

#[test]
fn a_bad_date_or_group_on_the_command_line_is_a_usage_error() {
    let answers = Path::new(ROOT).join("examples/round/users.toml");
    for (date, says) in [
        ("last tuesday", "--date must be a date, found \"last tuesday\""),
        ("2026-02-30", "--date names a day that does not exist: 2026-02-30"),
        ("2999-01-01", "--date is in the future: 2999-01-01"),
    ] {
        let out = Test::new().args(["assess", "--no-save", "--date", date, "--answers"]).arg(&answers).run().exits(2);
        assert!(out.stderr().starts_with(&format!("error: {says}")), "{}", out.stderr());
        assert!(out.stdout().is_empty());
    }
    let out = Test::new().args(["assess", "--date", "soon", "--answers"]).arg(&answers).run().exits(2);
    assert!(out.stderr().contains("YYYY-MM-DD"), "says the format expected: {}", out.stderr());
    let out = Test::new().args(["assess", "--no-save", "--group", "sales", "--answers"]).arg(&answers).run().exits(2);
    assert!(out.stderr().contains("[possible values: management, it, users, owners]"), "{}", out.stderr());
}

#[test]
fn the_group_column_appears_only_when_a_group_was_given() {
    let store = tempfile::tempdir().unwrap();
    let table = |store: &Path| {
        let out = Test::new().env("NO_COLOR", "1").args(["history", "--store"]).arg(store).run().exits(0);
        out.stdout().to_string()
    };
    assess(store.path(), &Path::new(ROOT).join("examples/answers-ready.toml"), &[]);
    assert!(!table(store.path()).contains("Group"), "{}", table(store.path()));
    assert_eq!(history(store.path())["assessments"][0]["group"], Value::Null, "the JSON always has the key");
    assess(store.path(), &Path::new(ROOT).join("examples/answers-ready.toml"), &["--group", "it"]);
    let shown = table(store.path());
    assert!(shown.contains("Group") && shown.contains("—") && shown.contains(" IT "), "{shown}");
}

#[test]
fn blank_names_mean_not_given_wherever_they_are_given() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let source = std::fs::read_to_string(Path::new(ROOT).join("examples/round/it.toml")).unwrap();
    // Blank in the file: the organisation and role are not given, the label is the quarter's.
    let blank: String = source
        .lines()
        .map(|l| match l.split_once(" = ") {
            Some(("organization" | "role" | "label", _)) => format!("{} = \"   \"\n", l.split_once(" = ").unwrap().0),
            _ => format!("{l}\n"),
        })
        .collect();
    let answers = dir.path().join("blank.toml");
    std::fs::write(&answers, blank).unwrap();
    let report = assess(&store, &answers, &["--respondent", "  Ravi Menon  "]);
    assert_eq!((report["organization"].as_str(), report["role"].as_str()), (None, None));
    assert_eq!(report["respondent"], "Ravi Menon", "trimmed");
    // Blank on the command line: as if not given, so the file's names stand.
    let answers = Path::new(ROOT).join("examples/round/it.toml");
    let report = assess(&store, &answers, &["--organization", "", "--label", " ", "--respondent", "\t"]);
    assert_eq!(report["organization"].as_str(), header(&answers, "organization").as_deref());
    assert_eq!(report["respondent"].as_str(), header(&answers, "respondent").as_deref());
    let listed = history(&store);
    let labels: Vec<&str> =
        listed["assessments"].as_array().unwrap().iter().map(|a| a["label"].as_str().unwrap()).collect();
    assert!(labels.iter().all(|l| !l.trim().is_empty()), "{labels:?}");
    assert_eq!(labels[0], "2026-Q4", "a blank label is the quarter's");
}
