//! The real binary, command by command, with its exit codes.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;

/// The binary, isolated from the user's data directory and colour settings.
fn crm(home: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_crm-ready"));
    cmd.env("XDG_DATA_HOME", home.join("data"))
        .env("HOME", home)
        .env("CRM_READY_STORE", home.join("store"))
        .env_remove("NO_COLOR")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

#[test]
fn questionnaires_lists_both_built_ins() {
    let t = tmp();
    crm(t.path())
        .arg("questionnaires")
        .assert()
        .success()
        .stdout(contains("crm-readiness").and(contains("crm-quick")).and(contains("65")));
    let out = crm(t.path()).args(["questionnaires", "--format", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert_eq!(v[0]["id"], "crm-readiness");
    assert!(v[0]["content_hash"].as_str().unwrap().starts_with("sha256:"));
}

#[test]
fn show_prints_text_and_complete_json() {
    let t = tmp();
    crm(t.path()).arg("show").assert().success().stdout(contains("crm-readiness").and(contains("vision.objective")));
    let out = crm(t.path()).args(["show", "crm-quick", "--format", "json"]).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], "crm-quick");
    let areas = v["areas"].as_array().unwrap();
    let questions: Vec<&serde_json::Value> = areas.iter().flat_map(|a| a["questions"].as_array().unwrap()).collect();
    assert_eq!(questions.len(), 14);
    let choice = &questions[0]["choices"][0];
    for key in ["id", "label", "score", "red_flag", "recommendation", "phase"] {
        assert!(choice.get(key).is_some(), "choice lacks {key}: {choice}");
    }
    assert!(questions.iter().any(|q| q["when"].as_array().is_some_and(|w| !w.is_empty())));
}

#[test]
fn show_of_an_unknown_name_is_a_usage_error() {
    let t = tmp();
    crm(t.path()).args(["show", "nonesuch"]).assert().code(2).stderr(contains("no built-in questionnaire `nonesuch`"));
}

#[test]
fn validate_prints_ok_per_valid_file() {
    let t = tmp();
    crm(t.path())
        .args(["validate", "questionnaires/crm-readiness.toml", "questionnaires/crm-quick.toml"])
        .assert()
        .success()
        .stdout(contains("crm-readiness.toml: ok").and(contains("crm-quick.toml: ok")));
}

#[test]
fn validate_reports_every_problem_with_line_and_column_and_exits_2() {
    let t = tmp();
    let bad = write(
        t.path(),
        "bad.toml",
        "[questionnaire]\nid = \"x\"\nversion = \"1\"\ntitle = \"X\"\n\n[[area]]\nid = \"a\"\ntitle = \"A\"\nwhy = \"w\"\nwieght = 2\n\n[[area.question]]\nid = \"a.q\"\nkind = \"yes_no\"\ntext = \"Q?\"\nweight = -1\n[[area.question.choice]]\nid = \"yes\"\nscore = 100\n[[area.question.choice]]\nid = \"no\"\nscore = 120\n",
    );
    crm(t.path())
        .args(["validate", &bad, "questionnaires/crm-quick.toml"])
        .assert()
        .code(2)
        .stdout(contains("crm-quick.toml: ok"))
        .stderr(
            contains("bad.toml:10:1: unknown key `wieght`")
                .and(contains("did you mean `weight`?"))
                .and(contains("bad.toml:16:10: weight must be a positive number"))
                .and(contains("bad.toml:22:9: score must be from 0 to 100"))
                .and(contains("3 problems")),
        );
}

#[test]
fn validate_of_a_missing_file_is_a_usage_error() {
    let t = tmp();
    crm(t.path()).args(["validate", "no/such.toml"]).assert().code(2).stderr(contains("no such file"));
}

#[test]
fn assess_scores_an_answers_file_as_a_table() {
    let t = tmp();
    crm(t.path())
        .args(["assess", "--answers", "examples/answers-ready.toml", "--color", "never"])
        .assert()
        .success()
        .stdout(contains("Verdict: READY").and(contains("Areas")).and(contains("Vision and objectives")));
}

#[test]
fn assess_json_has_the_documented_keys_in_order() {
    let t = tmp();
    let out = crm(t.path())
        .args(["assess", "--answers", "examples/answers-pitfalls.toml", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "schema_version",
            "tool_version",
            "questionnaire",
            "assessed_at",
            "organization",
            "respondent",
            "role",
            "label",
            "verdict",
            "score",
            "reasons",
            "areas",
            "questions",
            "red_flags",
            "unknowns",
            "actions"
        ]
    );
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["verdict"], "not-ready");
    assert_eq!(v["questionnaire"]["id"], "crm-readiness");
    assert!(v["assessed_at"].as_str().unwrap().ends_with('Z'));
    for area in v["areas"].as_array().unwrap() {
        for key in ["id", "title", "score", "risk"] {
            assert!(area.get(key).is_some());
        }
    }
    assert!(!v["red_flags"].as_array().unwrap().is_empty());
    assert!(!v["actions"].as_array().unwrap().is_empty());
}

#[test]
fn assess_markdown_is_a_hand_over_document() {
    let t = tmp();
    crm(t.path())
        .args(["assess", "-q", "crm-quick", "--answers", "examples/answers-quick.toml", "--format", "markdown"])
        .assert()
        .success()
        .stdout(
            contains("# CRM quick check")
                .and(contains("## Verdict: Ready with conditions"))
                .and(contains("## Action plan")),
        );
}

#[test]
fn fail_on_trips_the_gate_with_exit_1() {
    let t = tmp();
    let run = |answers: &str, q: &str, gate: &str| {
        crm(t.path()).args(["assess", "-q", q, "--answers", answers, "--fail-on", gate, "-f", "json"]).assert()
    };
    run("examples/answers-pitfalls.toml", "crm-readiness", "not-ready").code(1);
    run("examples/answers-ready.toml", "crm-readiness", "not-ready").code(0);
    run("examples/answers-quick.toml", "crm-quick", "conditions").code(1);
    run("examples/answers-ready.toml", "crm-readiness", "conditions").code(0);
    run("examples/answers-quick.toml", "crm-quick", "high").code(1);
    run("examples/answers-ready.toml", "crm-readiness", "high").code(0);
}

#[test]
fn output_writes_the_report_to_a_file() {
    let t = tmp();
    let path = t.path().join("report.json");
    // No --format: the file's name asks for JSON.
    crm(t.path())
        .args(["assess", "--answers", "examples/answers-ready.toml", "-o"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::is_empty());
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(v["verdict"], "ready");
}

#[test]
fn output_to_an_unwritable_place_is_an_io_error() {
    let t = tmp();
    let blocker = write(t.path(), "file", "x");
    crm(t.path())
        .args(["assess", "--answers", "examples/answers-ready.toml", "-o", &format!("{blocker}/report.txt")])
        .assert()
        .code(3)
        .stderr(contains("cannot write"));
}

#[test]
fn answers_errors_are_located_and_exit_2() {
    let t = tmp();
    let path = write(
        t.path(),
        "a.toml",
        "questionnaire = \"crm-quick\"\nversion = \"1.0.0\"\n\n[answers]\n\"vision.objectiv\" = \"none\"\n\"vision.objective\" = \"perhaps\"\n",
    );
    crm(t.path()).args(["assess", "-q", "crm-quick", "--answers", &path]).assert().code(2).stderr(
        contains("a.toml:5:1: `crm-quick` has no question `vision.objectiv`")
            .and(contains("did you mean `vision.objective`?"))
            .and(contains("a.toml:6:22: question `vision.objective` has no choice `perhaps`")),
    );
}

#[test]
fn answers_for_another_questionnaire_or_version_are_refused() {
    let t = tmp();
    crm(t.path())
        .args(["assess", "-q", "crm-quick", "--answers", "examples/answers-ready.toml"])
        .assert()
        .code(2)
        .stderr(contains("these answers are for questionnaire `crm-readiness`, but `crm-quick` is in use"));
    let old = write(t.path(), "old.toml", "questionnaire = \"crm-quick\"\nversion = \"0.9\"\n[answers]\n");
    crm(t.path())
        .args(["assess", "-q", "crm-quick", "--answers", &old])
        .assert()
        .code(2)
        .stderr(contains("old.toml:2:11: these answers are for version 0.9 of `crm-quick`"));
}

#[test]
fn json_answers_files_work_and_hidden_answers_are_ignored_with_a_warning() {
    let t = tmp();
    let path = write(
        t.path(),
        "a.json",
        r#"{
  "questionnaire": "crm-quick",
  "version": "1.0.0",
  "organization": "Acme",
  "answers": {
    "vendors.count": "one",
    "vendors.prime": "no"
  }
}"#,
    );
    let out = crm(t.path()).args(["assess", "-q", "crm-quick", "--answers", &path, "-f", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning: ") && stderr.contains("a.json:7:5: ignoring the answer to `vendors.prime`"),
        "{stderr}"
    );
    assert!(stderr.contains("left unanswered"), "{stderr}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["organization"], "Acme");
    let prime = v["questions"].as_array().unwrap().iter().find(|q| q["id"] == "vendors.prime").unwrap();
    assert_eq!(prime["status"], "hidden");
}

#[test]
fn flags_override_the_answers_file_header() {
    let t = tmp();
    let out = crm(t.path())
        .args([
            "assess",
            "--answers",
            "examples/answers-ready.toml",
            "-f",
            "json",
            "--organization",
            "Other Ltd",
            "--label",
            "2027-Q1",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["organization"], "Other Ltd");
    assert_eq!(v["label"], "2027-Q1");
}

#[test]
fn assess_without_a_terminal_points_at_answers() {
    let t = tmp();
    crm(t.path()).arg("assess").write_stdin("").assert().code(2).stderr(contains("--answers"));
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    let t = tmp();
    crm(t.path()).args(["assess", "--bogus"]).assert().code(2);
    crm(t.path()).args(["assess", "--format", "yaml", "--answers", "x"]).assert().code(2);
    crm(t.path()).arg("--help").assert().success().stdout(contains("Exit codes"));
    crm(t.path()).arg("--version").assert().success().stdout(contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn a_custom_questionnaire_file_can_be_used() {
    let t = tmp();
    crm(t.path()).args(["validate", "examples/custom-questionnaire.toml"]).assert().success();
    crm(t.path())
        .args(["assess", "-q", "examples/custom-questionnaire.toml", "--answers", "examples/answers-custom.toml"])
        .assert()
        .success()
        .stdout(contains("Verdict:"));
}

#[test]
fn json_answers_errors_point_at_the_value() {
    let t = tmp();
    let path = write(
        t.path(),
        "a.json",
        "{\n  \"questionnaire\": \"crm-quick\",\n  \"version\": \"1.0.0\",\n  \"answers\": { \"vision.objective\": 7 }\n}\n",
    );
    crm(t.path())
        .args(["assess", "-q", "crm-quick", "--answers", &path])
        .assert()
        .code(2)
        .stderr(contains("a.json:4:36: question `vision.objective` is `single` and takes a choice id"));
    let truncated = write(t.path(), "t.json", "{\n  \"questionnaire\": \"crm-quick\",\n  \"answ");
    crm(t.path())
        .args(["assess", "-q", "crm-quick", "--answers", &truncated])
        .assert()
        .code(2)
        .stderr(contains("t.json:3:"));
}

#[test]
fn an_answers_file_picks_the_built_in_it_names() {
    let t = tmp();
    crm(t.path())
        .args(["assess", "--answers", "examples/answers-quick.toml", "--no-save", "--color", "never"])
        .assert()
        .success()
        .stdout(contains("crm-quick 1.0.0"));
    // Named explicitly, a different questionnaire is one clear problem, not
    // a cascade of unknown questions.
    crm(t.path())
        .args(["assess", "-q", "crm-readiness", "--answers", "examples/answers-quick.toml", "--no-save"])
        .assert()
        .code(2)
        .stderr(contains("these answers are for questionnaire `crm-quick`").and(contains("1 problem in")));
}

#[test]
fn a_tripped_gate_says_why_on_stderr() {
    let t = tmp();
    crm(t.path())
        .args(["assess", "--answers", "examples/answers-quick.toml", "--no-save", "--fail-on", "high", "-f", "json"])
        .assert()
        .code(1)
        .stderr(contains("gate tripped (--fail-on high): high-risk areas: Management backing"));
}

#[test]
fn notes_and_free_text_reach_the_table_and_markdown_reports() {
    let t = tmp();
    let args = [
        "assess",
        "-q",
        "examples/custom-questionnaire.toml",
        "--answers",
        "examples/answers-custom.toml",
        "--no-save",
    ];
    crm(t.path()).args(args).args(["--color", "never"]).assert().success().stdout(
        contains("Notes and context (2)").and(contains("Chasing technicians")).and(contains("Note: Two liked it")),
    );
    crm(t.path())
        .args(args)
        .args(["-f", "markdown"])
        .assert()
        .success()
        .stdout(contains("## Notes and context").and(contains("*Note:* Two liked it")));
}

#[test]
fn org_and_organization_are_accepted_everywhere() {
    let t = tmp();
    crm(t.path())
        .args(["assess", "--answers", "examples/answers-ready.toml", "--org", "Alias Ltd", "-f", "json"])
        .assert()
        .success()
        .stdout(contains("\"organization\": \"Alias Ltd\""));
    crm(t.path()).args(["history", "--organization", "Alias Ltd"]).assert().success().stdout(contains("Alias Ltd"));
}

#[test]
fn a_misspelt_kind_hides_none_of_the_question_s_other_problems() {
    let t = tmp();
    let bad = write(
        t.path(),
        "kind.toml",
        "[questionnaire]\nid = \"x\"\nversion = \"1\"\ntitle = \"X\"\n\n[[area]]\nid = \"a\"\ntitle = \"A\"\nwhy = \"w\"\n\n[[area.question]]\nid = \"a.q\"\nkind = \"singel\"\ntext = \"Q?\"\n[[area.question.choice]]\nid = \"good\"\nlabel = \"Good\"\nscore = 100\n[[area.question.choice]]\nid = \"bad\"\nlabel = \"Bad\"\nscore = 120\n",
    );
    crm(t.path()).args(["validate", &bad]).assert().code(2).stderr(
        contains("kind.toml:13:8: unknown question kind `singel`")
            .and(contains("did you mean `single`?"))
            .and(contains("kind.toml:22:9: score must be from 0 to 100, found 120"))
            .and(contains("2 problems")),
    );
}
