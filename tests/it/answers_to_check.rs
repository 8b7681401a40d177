//! Answers that cannot all be true (a questionnaire's `[[check]]`s): the
//! built-in crm-readiness notices the contradictions a new user slipped
//! into otherwise excellent answers, lists them in every report, and never
//! calls such a company ready.

use serde_json::Value;

use crate::support::Test;

const DIR: &str = "tests/fixtures/answers/contradictions";

/// Each file, with the checks it must set off.
const FILES: &[(&str, &[&str])] = &[
    ("budget-without-cost", &["budget-without-cost"]),
    ("checked-use-but-old-reports", &["checked-use-but-old-reports"]),
    ("general-objectives-with-baselines", &["general-objectives-with-baselines"]),
    ("training-planned-but-not-bought", &["training-planned-but-not-bought"]),
];

fn assess(file: &str, format: &str) -> String {
    let out = Test::new().args(["assess", "--answers", file, "--no-save", "--format", format]).run().exits(0);
    out.stdout().to_string()
}

fn ids(report: &Value) -> Vec<&str> {
    report["answers_to_check"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect()
}

#[test]
fn contradicting_answers_are_listed_and_rule_out_ready() {
    for (name, expected) in FILES {
        let file = format!("{DIR}/{name}.toml");
        let report: Value = serde_json::from_str(&assess(&file, "json")).unwrap();
        assert_eq!(ids(&report), *expected, "{name}");
        assert_eq!(report["verdict"], "ready-with-conditions", "{name}: {}", report["reasons"]);
        let reason = report["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["rule"] == "answers-to-check")
            .unwrap_or_else(|| panic!("{name}: {}", report["reasons"]));
        let n = expected.len();
        let pairs = if n == 1 { "1 pair" } else { "2 pairs" };
        assert_eq!(
            reason["message"],
            format!("{pairs} of answers contradict each other: check them with the respondent"),
            "{name}"
        );
        let check = &report["answers_to_check"][0];
        assert_eq!(check["questions"].as_array().unwrap().len(), 2, "{name}");
        assert!(!check["message"].as_str().unwrap().is_empty());
    }
}

/// Two questions whose every answer is fine on its own, and a check on
/// two of those answers together.
const ALONE: &str = r#"
[questionnaire]
id = "alone"
version = "1"
title = "Alone"

[[area]]
id = "a"
title = "A"
why = "Because."

[[area.question]]
id = "a.budget"
kind = "yes_no"
text = "Has the board agreed a budget line?"
[[area.question.choice]]
id = "yes"
score = 100
[[area.question.choice]]
id = "no"
score = 100

[[area.question]]
id = "a.cost"
kind = "yes_no"
text = "Is the total cost written down?"
[[area.question.choice]]
id = "yes"
score = 100
[[area.question.choice]]
id = "no"
score = 100

[[check]]
id = "budget-without-cost"
all = [
  { question = "a.budget", is = "yes" },
  { question = "a.cost", is = "no" },
]
message = "A budget agreed without a cost: ask what the board was shown."
"#;

#[test]
fn the_check_alone_holds_back_an_otherwise_ready_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let questionnaire = dir.path().join("alone.toml");
    std::fs::write(&questionnaire, ALONE).unwrap();
    let run = |cost: &str| -> Value {
        let answers = dir.path().join(format!("{cost}.toml"));
        let text = format!(
            "questionnaire = \"alone\"\nversion = \"1\"\n[answers]\n\"a.budget\" = \"yes\"\n\"a.cost\" = \"{cost}\"\n"
        );
        std::fs::write(&answers, text).unwrap();
        let q = questionnaire.to_str().unwrap();
        let out = Test::new()
            .args([
                "assess",
                "--questionnaire",
                q,
                "--answers",
                answers.to_str().unwrap(),
                "--no-save",
                "--format",
                "json",
            ])
            .run()
            .exits(0);
        serde_json::from_str(out.stdout()).unwrap()
    };
    let consistent = run("yes");
    assert_eq!(consistent["verdict"], "ready", "{}", consistent["reasons"]);
    let report = run("no");
    assert_eq!(report["verdict"], "ready-with-conditions");
    let rules: Vec<&str> = report["reasons"].as_array().unwrap().iter().map(|r| r["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["answers-to-check"]);
    assert_eq!(report["capped"], true);
    assert_eq!(report["answers_to_check"][0]["questions"], serde_json::json!(["a.budget", "a.cost"]));
}

#[test]
fn every_report_shows_what_to_check_with_the_answers_given() {
    let file = format!("{DIR}/training-planned-but-not-bought.toml");
    let message = "The set-up plan includes training for every user by role, yet the quote includes no training";
    let answer = "None; the system is easy to use";
    for format in ["table", "markdown", "html"] {
        let out = assess(&file, format);
        let flat = out.split_whitespace().collect::<Vec<_>>().join(" ").replace("│ ", "").replace(" │", "");
        assert!(out.contains("Answers to check"), "{format}:\n{out}");
        assert!(flat.contains(message) || format == "table", "{format}:\n{out}");
        assert!(flat.contains(answer) || format == "table", "{format}:\n{out}");
    }
    let table = assess(&file, "table");
    assert!(table.contains("Answers to check (1)"), "{table}");
    assert!(table.contains("What to check"), "{table}");
}

#[test]
fn no_section_without_answers_to_check() {
    let file = "examples/answers-pitfalls.toml";
    let report: Value = serde_json::from_str(&assess(file, "json")).unwrap();
    assert_eq!(report["answers_to_check"], serde_json::json!([]));
    for format in ["table", "markdown", "html"] {
        let out = assess(file, format);
        assert!(!out.contains("Answers to check"), "{format}:\n{out}");
    }
}
