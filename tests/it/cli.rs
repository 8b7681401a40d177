//! The real binary, command by command, with its exit codes.

use std::path::Path;

use crate::support::Test;

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

/// Fails the test unless `text` holds every one of `parts`.
fn assert_contains(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "{part:?} missing from:\n{text}");
    }
}

fn run(args: &[&str]) -> crate::support::Finished {
    Test::new().args(args).run()
}

#[test]
fn questionnaires_lists_the_built_ins() {
    let out = run(&["questionnaires"]).exits(0);
    assert_contains(out.stdout(), &["crm-readiness", "crm-quick", "crm-review", "48", "up to 17"]);
    let v = run(&["questionnaires", "--format", "json"]).exits(0).json();
    let ids: Vec<&str> = v.as_array().unwrap().iter().map(|q| q["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["crm-readiness", "crm-quick", "crm-review"]);
    assert_eq!(v[0]["questions"], 65);
    assert!(v[0]["content_hash"].as_str().unwrap().starts_with("sha256:"));
}

#[test]
fn show_prints_text_and_complete_json() {
    assert_contains(run(&["show"]).exits(0).stdout(), &["crm-readiness", "vision.objective"]);
    // The rules as the verdict applies them, with this questionnaire's own
    // thresholds, and what each answer and "don't know" raise.
    // Wide, so that the rules are asserted on one line each.
    let text = Test::new().env("COLUMNS", "200").args(["show", "crm-review"]).run().exits(0).stdout().to_string();
    assert_contains(
        &text,
        &[
            "How answers are scored",
            "Not ready with a critical red flag, an overall score below 50, more than 2 major red flags in one area",
            "due \"In the next four weeks\"",
            "- (don't know)       0  [major red flag]",
            "→ In the next four weeks: ",
            "(context only: not scored)",
        ],
    );
    let v = run(&["show", "crm-quick", "--format", "json"]).exits(0).json();
    assert_eq!(v["id"], "crm-quick");
    let areas = v["areas"].as_array().unwrap();
    let questions: Vec<&serde_json::Value> = areas.iter().flat_map(|a| a["questions"].as_array().unwrap()).collect();
    assert_eq!(questions.len(), 15);
    let choice = &questions[0]["choices"][0];
    for key in ["id", "label", "score", "red_flag", "recommendation", "phase"] {
        assert!(choice.get(key).is_some(), "choice lacks {key}: {choice}");
    }
    assert!(questions.iter().any(|q| q["when"].as_array().is_some_and(|w| !w.is_empty())));
}

#[test]
fn show_of_an_unknown_name_is_a_usage_error() {
    let out = run(&["show", "nonesuch"]).exits(2);
    assert_contains(out.stderr(), &["no built-in questionnaire `nonesuch`"]);
}

#[test]
fn validate_prints_ok_per_valid_file() {
    let out = run(&["validate", "questionnaires/crm-readiness.toml", "questionnaires/crm-quick.toml"]).exits(0);
    assert_contains(out.stdout(), &["crm-readiness.toml: ok", "crm-quick.toml: ok"]);
}

#[test]
fn validate_reports_every_problem_with_line_and_column_and_exits_2() {
    let t = tmp();
    let bad = write(
        t.path(),
        "bad.toml",
        "[questionnaire]\nid = \"x\"\nversion = \"1\"\ntitle = \"X\"\n\n[[area]]\nid = \"a\"\ntitle = \"A\"\nwhy = \"w\"\nwieght = 2\n\n[[area.question]]\nid = \"a.q\"\nkind = \"yes_no\"\ntext = \"Q?\"\nweight = -1\n[[area.question.choice]]\nid = \"yes\"\nscore = 100\n[[area.question.choice]]\nid = \"no\"\nscore = 120\n",
    );
    let out = run(&["validate", &bad, "questionnaires/crm-quick.toml"]).exits(2);
    assert_contains(out.stdout(), &["crm-quick.toml: ok"]);
    assert_contains(
        out.stderr(),
        &[
            "bad.toml:10:1: unknown key `wieght`",
            "did you mean `weight`?",
            "bad.toml:16:10: weight must be a number from 0.01 to 1000",
            "bad.toml:22:9: score must be from 0 to 100",
            "3 problems",
        ],
    );
}

#[test]
fn validate_of_a_missing_file_is_a_usage_error() {
    assert_contains(run(&["validate", "no/such.toml"]).exits(2).stderr(), &["no such file"]);
}

#[test]
fn assess_scores_an_answers_file_as_a_table() {
    let out = run(&["assess", "--answers", "examples/answers-ready.toml", "--color", "never"]).exits(0);
    assert_contains(out.stdout(), &["Verdict: READY", "Areas", "Vision and objectives"]);
}

#[test]
fn assess_json_has_the_documented_keys_in_order() {
    let v = run(&["assess", "--answers", "examples/answers-pitfalls.toml", "--format", "json"]).exits(0).json();
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
            "group",
            "label",
            "verdict",
            "score",
            "capped",
            "reasons",
            "areas",
            "questions",
            "red_flags",
            "unknowns",
            "answers_to_check",
            "phases",
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
    let out = run(&["assess", "-q", "crm-quick", "--answers", "examples/answers-quick.toml", "--format", "markdown"])
        .exits(0);
    assert_contains(out.stdout(), &["# CRM quick check", "## Verdict: Ready with conditions", "## Action plan"]);
}

#[test]
fn fail_on_trips_the_gate_with_exit_1() {
    for (answers, questionnaire, gate, code) in [
        ("examples/answers-pitfalls.toml", "crm-readiness", "not-ready", 1),
        ("examples/answers-ready.toml", "crm-readiness", "not-ready", 0),
        ("examples/answers-quick.toml", "crm-quick", "conditions", 1),
        ("examples/answers-ready.toml", "crm-readiness", "conditions", 0),
        ("examples/answers-quick.toml", "crm-quick", "high", 0),
        ("examples/answers-pitfalls.toml", "crm-readiness", "high", 1),
        ("examples/answers-ready.toml", "crm-readiness", "high", 0),
    ] {
        run(&["assess", "-q", questionnaire, "--answers", answers, "--fail-on", gate, "-f", "json"]).exits(code);
    }
}

#[test]
fn output_writes_the_report_to_a_file() {
    let t = tmp();
    let path = t.path().join("report.json");
    // No --format: the file's name asks for JSON.
    let out = Test::new().args(["assess", "--answers", "examples/answers-ready.toml", "-o"]).arg(&path).run().exits(0);
    assert_eq!(out.stdout(), "");
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(v["verdict"], "ready");
}

#[test]
fn output_to_an_unwritable_place_is_an_io_error() {
    let t = tmp();
    let blocker = write(t.path(), "file", "x");
    let report = format!("{blocker}/report.txt");
    let out = run(&["assess", "--answers", "examples/answers-ready.toml", "-o", &report]).exits(3);
    assert_contains(out.stderr(), &["cannot write"]);
}

#[test]
fn answers_errors_are_located_and_exit_2() {
    let t = tmp();
    let path = write(
        t.path(),
        "a.toml",
        "questionnaire = \"crm-quick\"\nversion = \"2.0.0\"\n\n[answers]\n\"vision.objectiv\" = \"none\"\n\"vision.objective\" = \"perhaps\"\n",
    );
    let out = run(&["assess", "-q", "crm-quick", "--answers", &path]).exits(2);
    assert_contains(
        out.stderr(),
        &[
            "a.toml:5:1: `crm-quick` has no question `vision.objectiv`",
            "did you mean `vision.objective`?",
            "a.toml:6:22: question `vision.objective` has no choice `perhaps`",
        ],
    );
}

#[test]
fn answers_for_another_questionnaire_or_version_are_refused() {
    let out = run(&["assess", "-q", "crm-quick", "--answers", "examples/answers-ready.toml"]).exits(2);
    assert_contains(out.stderr(), &["these answers are for questionnaire `crm-readiness`, but `crm-quick` is in use"]);
    let t = tmp();
    let old = write(t.path(), "old.toml", "questionnaire = \"crm-quick\"\nversion = \"0.9\"\n[answers]\n");
    let out = run(&["assess", "-q", "crm-quick", "--answers", &old]).exits(2);
    assert_contains(out.stderr(), &["old.toml:2:11: these answers are for version 0.9 of `crm-quick`"]);
}

#[test]
fn json_answers_files_work_and_hidden_answers_are_ignored_with_a_warning() {
    let t = tmp();
    let path = write(
        t.path(),
        "a.json",
        r#"{
  "questionnaire": "crm-quick",
  "version": "2.0.0",
  "organization": "Acme",
  "answers": {
    "vendors.count": "one",
    "vendors.prime": "no"
  }
}"#,
    );
    let out = run(&["assess", "-q", "crm-quick", "--answers", &path, "-f", "json"]).exits(0);
    assert_contains(
        out.stderr(),
        &["warning: ", "a.json:7:5: ignoring the answer to `vendors.prime`", "left unanswered"],
    );
    let v = out.json();
    assert_eq!(v["organization"], "Acme");
    let prime = v["questions"].as_array().unwrap().iter().find(|q| q["id"] == "vendors.prime").unwrap();
    assert_eq!(prime["status"], "hidden");
}

#[test]
fn flags_override_the_answers_file_header() {
    let v = run(&[
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
    .exits(0)
    .json();
    assert_eq!(v["organization"], "Other Ltd");
    assert_eq!(v["label"], "2027-Q1");
}

#[test]
fn without_a_terminal_the_interview_points_at_answers() {
    let out = Test::new().arg("assess").stdin("").run().exits(2);
    assert_contains(out.stderr(), &["--answers FILE"]);
    let out = run(&["assess", "-q", "crm-quick"]).exits(2);
    assert_contains(out.stderr(), &["--answers FILE"]);
    let out = run(&["assess", "--resume", "--answers", "x.toml"]).exits(2);
    assert_contains(out.stderr(), &["--resume", "--answers"]);
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    run(&["assess", "--bogus"]).exits(2);
    run(&["assess", "--format", "yaml", "--answers", "x"]).exits(2);
    assert_contains(run(&["--help"]).exits(0).stdout(), &["Exit codes"]);
    assert_contains(run(&["--version"]).exits(0).stdout(), &[env!("CARGO_PKG_VERSION")]);
}

#[test]
fn a_custom_questionnaire_file_can_be_used() {
    run(&["validate", "examples/custom-questionnaire.toml"]).exits(0);
    let out = run(&["assess", "-q", "examples/custom-questionnaire.toml", "--answers", "examples/answers-custom.toml"])
        .exits(0);
    assert_contains(out.stdout(), &["Verdict:"]);
}

#[test]
fn json_answers_errors_point_at_the_value() {
    let t = tmp();
    let path = write(
        t.path(),
        "a.json",
        "{\n  \"questionnaire\": \"crm-quick\",\n  \"version\": \"2.0.0\",\n  \"answers\": { \"vision.objective\": 7 }\n}\n",
    );
    let out = run(&["assess", "-q", "crm-quick", "--answers", &path]).exits(2);
    assert_contains(out.stderr(), &["a.json:4:36: question `vision.objective` is `single` and takes a choice id"]);
    let truncated = write(t.path(), "t.json", "{\n  \"questionnaire\": \"crm-quick\",\n  \"answ");
    let out = run(&["assess", "-q", "crm-quick", "--answers", &truncated]).exits(2);
    assert_contains(out.stderr(), &["t.json:3:"]);
}

#[test]
fn an_answers_file_picks_the_built_in_it_names() {
    let out = run(&["assess", "--answers", "examples/answers-quick.toml", "--no-save", "--color", "never"]).exits(0);
    assert_contains(out.stdout(), &["crm-quick 2.1.0"]);
    // Named explicitly, a different questionnaire is one clear problem, not
    // a cascade of unknown questions.
    let out = run(&["assess", "-q", "crm-readiness", "--answers", "examples/answers-quick.toml", "--no-save"]).exits(2);
    assert_contains(out.stderr(), &["these answers are for questionnaire `crm-quick`", "1 problem in"]);
}

#[test]
fn a_tripped_gate_says_why_on_stderr() {
    let args =
        ["assess", "--answers", "examples/answers-pitfalls.toml", "--no-save", "--fail-on", "high", "-f", "json"];
    let out = run(&args).exits(1);
    // The message names every high-risk area of the report, in its order.
    let areas = out.json()["areas"].as_array().unwrap().clone();
    let high: Vec<&str> = areas.iter().filter(|a| a["risk"] == "high").map(|a| a["title"].as_str().unwrap()).collect();
    assert!(!high.is_empty(), "{high:?}");
    let why = format!("gate tripped (--fail-on high): high-risk areas: {}\n", high.join(", "));
    assert!(out.stderr().ends_with(&why), "{why:?} missing from:\n{}", out.stderr());
}

#[test]
fn notes_and_free_text_reach_the_table_and_markdown_reports() {
    let args = [
        "assess",
        "-q",
        "examples/custom-questionnaire.toml",
        "--answers",
        "examples/answers-custom.toml",
        "--no-save",
    ];
    let table = Test::new().args(args).args(["--color", "never"]).run().exits(0);
    assert_contains(table.stdout(), &["Notes and context (2)", "Chasing technicians", "Note: Two liked it"]);
    let markdown = Test::new().args(args).args(["-f", "markdown"]).run().exits(0);
    assert_contains(markdown.stdout(), &["## Notes and context", "*Note:* Two liked it"]);
}

#[test]
fn org_and_organization_are_accepted_everywhere() {
    let t = tmp();
    let store = t.path().join("store");
    let args = ["assess", "--answers", "examples/answers-ready.toml", "--org", "Alias Ltd", "-f", "json"];
    let out = Test::new().args(args).env("CRM_READY_STORE", &store).run().exits(0);
    assert_contains(out.stdout(), &["\"organization\": \"Alias Ltd\""]);
    let out = Test::new().args(["history", "--organization", "Alias Ltd"]).env("CRM_READY_STORE", &store).run();
    assert_contains(out.exits(0).stdout(), &["Alias Ltd"]);
}

#[test]
fn a_misspelt_kind_hides_none_of_the_question_s_other_problems() {
    let t = tmp();
    let bad = write(
        t.path(),
        "kind.toml",
        "[questionnaire]\nid = \"x\"\nversion = \"1\"\ntitle = \"X\"\n\n[[area]]\nid = \"a\"\ntitle = \"A\"\nwhy = \"w\"\n\n[[area.question]]\nid = \"a.q\"\nkind = \"singel\"\ntext = \"Q?\"\n[[area.question.choice]]\nid = \"good\"\nlabel = \"Good\"\nscore = 100\n[[area.question.choice]]\nid = \"bad\"\nlabel = \"Bad\"\nscore = 120\n",
    );
    let out = run(&["validate", &bad]).exits(2);
    assert_contains(
        out.stderr(),
        &[
            "kind.toml:13:8: unknown question kind `singel`",
            "did you mean `single`?",
            "kind.toml:22:9: score must be from 0 to 100, found 120",
            "2 problems",
        ],
    );
}
