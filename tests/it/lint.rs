//! `crm-ready lint`: findings in text and JSON, exit codes 0/1/2/3,
//! witnesses that score as claimed, and the built-ins.

use std::path::Path;

use crate::support::{Finished, Test};

fn run(args: &[&str]) -> Finished {
    Test::new().args(args).run()
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

/// Every verdict and risk reachable, nothing contradictory: lints clean.
const CLEAN: &str = r#"
[questionnaire]
id = "lint-test"
version = "1"
title = "Lint test"

[[area]]
id = "a"
title = "Plans"
why = "W."

[[area.question]]
id = "a.plan"
kind = "single"
text = "Plan?"
help = "H."
[[area.question.choice]]
id = "partial"
label = "Partly"
score = 60
[[area.question.choice]]
id = "none"
label = "None"
score = 0
red_flag = "critical"
recommendation = "Write a plan."
phase = "before-signing"
[[area.question.choice]]
id = "full"
label = "Fully"
score = 100

[[area.question]]
id = "a.owner"
kind = "yes_no"
text = "Owner?"
help = "H."
[[area.question.choice]]
id = "yes"
score = 100
[[area.question.choice]]
id = "no"
score = 20
red_flag = "major"
recommendation = "Name an owner."
phase = "before-signing"
"#;

/// A major red flag on an answer scoring 60: one `flag-on-high-score`.
fn flagged() -> String {
    CLEAN.replace(
        "score = 60\n",
        "score = 60\nred_flag = \"major\"\nrecommendation = \"Finish it.\"\nphase = \"setup\"\n",
    )
}

#[test]
fn the_built_ins_lint_clean() {
    for name in ["crm-readiness", "crm-quick", "crm-review"] {
        let out = run(&["lint", name]).exits(0);
        assert!(out.stdout().contains(": no findings"), "{}", out.stdout());
    }
}

#[test]
fn a_clean_file_exits_0_and_prints_the_score_ranges() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "clean.toml", CLEAN);
    let out = run(&["lint", &file]).exits(0);
    let text = out.stdout();
    assert!(text.contains("(lint-test 1): no findings"), "{text}");
    assert!(text.contains("Plans") && text.contains("10") && text.contains("100"), "{text}");
    assert!(text.contains("low yes, medium yes, high yes"), "{text}");
    assert!(text.contains("Verdicts reachable: ready yes, ready-with-conditions yes, not-ready yes"), "{text}");
}

#[test]
fn findings_exit_1_with_a_line_and_a_help_each() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "flagged.toml", &flagged());
    let out = run(&["lint", &file]).exits(1);
    let text = out.stdout();
    assert!(text.contains("(lint-test 1): 1 finding\n"), "{text}");
    assert!(
        text.contains(
            "\nerror flag-on-high-score a.plan/partial: choice `partial` raises a major red flag but scores 60"
        ),
        "{text}"
    );
    assert!(text.contains("\n  help: score it below 50, or drop the red flag"), "{text}");
}

#[test]
fn json_carries_the_findings_ranges_and_reachability_in_a_stable_order() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "flagged.toml", &flagged());
    let out = run(&["lint", &file, "--format", "json"]).exits(1);
    let v = out.json();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["schema_version", "tool_version", "questionnaire", "findings", "areas", "reachable"]);
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["questionnaire"]["id"], "lint-test");
    assert!(v["questionnaire"]["content_hash"].as_str().unwrap().starts_with("sha256:"));
    let f = &v["findings"][0];
    assert_eq!(f["rule"], "flag-on-high-score");
    assert_eq!(f["level"], "error");
    assert_eq!(f["where"]["question"], "a.plan");
    assert_eq!(f["where"]["choice"], "partial");
    assert!(f["help"].as_str().unwrap().contains("score it below 50"));
    assert_eq!(v["areas"][0]["lowest"], 10.0);
    assert_eq!(v["areas"][0]["highest"], 100.0);
    assert_eq!(v["reachable"]["verdicts"][0]["verdict"], "ready");
    assert_eq!(v["reachable"]["verdicts"][0]["reachable"], true);
    assert_eq!(v["reachable"]["area_risks"][1]["risk"], "medium");
}

#[test]
fn an_invalid_file_exits_2_with_the_validation_errors() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "bad.toml", &CLEAN.replace("score = 60", "score = 160"));
    let linted = run(&["lint", &bad]).exits(2);
    let validated = run(&["validate", &bad]).exits(2);
    assert_eq!(linted.stderr(), validated.stderr());
    assert!(linted.stdout().is_empty());
    run(&["lint", "no-such-questionnaire"]).exits(2);
}

#[test]
fn several_files_exit_with_the_worst_code() {
    let dir = tempfile::tempdir().unwrap();
    let clean = write(dir.path(), "clean.toml", CLEAN);
    let flagged = write(dir.path(), "flagged.toml", &flagged());
    let bad = write(dir.path(), "bad.toml", "[questionnaire]\n");
    run(&["lint", &clean, &clean]).exits(0);
    let out = run(&["lint", &clean, &flagged, "--format", "json"]).exits(1);
    let docs: Vec<serde_json::Value> =
        serde_json::Deserializer::from_str(out.stdout()).into_iter().collect::<Result<_, _>>().unwrap();
    assert_eq!(docs.len(), 2, "one JSON document per questionnaire");
    run(&["lint", &flagged, &bad, &clean]).exits(2);
}

#[test]
fn witnesses_are_written_and_score_as_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "clean.toml", CLEAN);
    let witnesses = dir.path().join("witnesses");
    let w = witnesses.display().to_string();
    let out = run(&["lint", &file, "--witness", &w, "--format", "json"]).exits(0);
    assert!(out.stderr().contains("wrote 6 witness answers files to"), "{}", out.stderr());
    let v = out.json();
    let ready = v["reachable"]["verdicts"][0]["witness"].as_str().unwrap().to_string();
    assert!(ready.ends_with("verdict-ready.toml"), "{ready}");
    for (name, verdict) in [
        ("verdict-ready", "ready"),
        ("verdict-ready-with-conditions", "ready-with-conditions"),
        ("verdict-not-ready", "not-ready"),
    ] {
        let answers = witnesses.join(format!("{name}.toml")).display().to_string();
        let scored = run(&["assess", "--answers", &answers, "-q", &file, "--format", "json", "--no-save"]).exits(0);
        assert!(scored.stderr().is_empty(), "{}", scored.stderr());
        assert_eq!(scored.json()["verdict"], verdict, "{name}");
    }
    for risk in ["low", "medium", "high"] {
        let answers = witnesses.join(format!("area-a-{risk}.toml")).display().to_string();
        let scored =
            run(&["assess", "--answers", &answers, "-q", &file, "--format", "json", "--no-save"]).exits(0).json();
        assert_eq!(scored["areas"][0]["risk"], risk);
    }
}

#[test]
fn a_witness_directory_that_cannot_be_made_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "clean.toml", CLEAN);
    let blocker = write(dir.path(), "blocker", "a file, not a directory");
    let out = run(&["lint", &file, "--witness", &format!("{blocker}/sub")]).exits(3);
    assert!(out.stderr().contains("cannot create"), "{}", out.stderr());
}
