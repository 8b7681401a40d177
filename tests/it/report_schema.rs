//! `crm-ready schema` describes the JSON report truthfully: real reports of
//! the built-in questionnaires, and of a questionnaire with every kind of
//! question, validate against the schema the binary prints.

use serde_json::Value;

use crate::json_schema::Validator;
use crate::support::Test;

fn printed_schema() -> Value {
    Test::new().arg("schema").run().exits(0).json()
}

fn report(questionnaire: &str, answers: &str) -> Value {
    let args = ["assess", "--questionnaire", questionnaire, "--answers", answers, "--format", "json"];
    Test::new().args(args).run().exits(0).json()
}

const REPORTS: &[(&str, &str)] = &[
    ("crm-readiness", "examples/answers-ready.toml"),
    ("crm-readiness", "examples/answers-pitfalls.toml"),
    ("crm-readiness", "tests/cases/champion-leaving.toml"),
    ("crm-quick", "examples/answers-quick.toml"),
    ("tests/fixtures/questionnaires/good/every-kind.toml", "tests/fixtures/answers/good/every-kind.toml"),
    ("tests/fixtures/questionnaires/good/every-kind.toml", "tests/fixtures/answers/good/byte-order-mark.json"),
    ("tests/fixtures/questionnaires/good/every-kind.toml", "tests/fixtures/answers/good/hidden-answer.toml"),
];

/// Part of a quarterly review (crm-review declares its own phases): one
/// "don't know", some questions left unanswered.
const REVIEW_ANSWERS: &str = r#"questionnaire = "crm-review"
version = "1.0.0"
organization = "Pennine Catering Supplies Ltd"

[answers]
"adoption.old-tools" = "beside"
"adoption.usage-check" = "never"
"data.rules" = "written-stale"
"data.custodian" = "dont-know"
"review.meetings" = "unrecorded"
"ownership.champion" = "named-no-time"
"training.joiners" = 3
"benefits.uses" = ["none"]
"suppliers.contact" = "departed"
"#;

/// Every report the tests check: [`REPORTS`] and a quarterly review.
fn reports() -> Vec<(String, Value)> {
    let mut all: Vec<(String, Value)> = REPORTS.iter().map(|(q, a)| (a.to_string(), report(q, a))).collect();
    let dir = tempfile::tempdir().unwrap();
    let review = dir.path().join("review.toml");
    std::fs::write(&review, REVIEW_ANSWERS).unwrap();
    all.push(("crm-review answers".to_string(), report("crm-review", review.to_str().unwrap())));
    all
}

#[test]
fn real_reports_validate_against_the_printed_schema() {
    let schema = printed_schema();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    let mut validator = Validator::new(&schema);
    // Stricter than JSON Schema: every key written must be described.
    validator.closed_objects = true;
    for (answers, report) in reports() {
        assert_eq!(validator.errors(&report), Vec::<String>::new(), "{answers}");
    }
}

#[test]
fn the_reports_exercise_every_shape_the_schema_allows() {
    // The validation above means something only if the reports hold the
    // interesting cases: red flags, unknowns, hidden questions, every kind
    // of answer (text, list, number, "dont-know"), null scores, capped and
    // uncapped verdicts, every priority level and declared phases.
    let reports: Vec<Value> = reports().into_iter().map(|(_, r)| r).collect();
    let questions: Vec<&Value> = reports.iter().flat_map(|r| r["questions"].as_array().unwrap().iter()).collect();
    let verdicts: Vec<&str> = reports.iter().map(|r| r["verdict"].as_str().unwrap()).collect();
    for verdict in ["ready", "ready-with-conditions", "not-ready"] {
        assert!(verdicts.contains(&verdict), "no report is {verdict}: {verdicts:?}");
    }
    for status in ["answered", "dont-know", "unanswered", "hidden"] {
        assert!(questions.iter().any(|q| q["status"] == status), "no {status} question");
    }
    assert!(questions.iter().any(|q| q["answer"].is_array()));
    assert!(questions.iter().any(|q| q["answer"].is_number()));
    assert!(questions.iter().any(|q| q["answer"] == "dont-know"));
    assert!(questions.iter().any(|q| q["score"].is_null()));
    assert!(reports.iter().any(|r| !r["red_flags"].as_array().unwrap().is_empty()));
    assert!(reports.iter().any(|r| !r["unknowns"].as_array().unwrap().is_empty()));
    for capped in [true, false] {
        assert!(reports.iter().any(|r| r["capped"] == capped), "no report with capped = {capped}");
    }
    let actions: Vec<&Value> = reports.iter().flat_map(|r| r["actions"].as_array().unwrap().iter()).collect();
    for level in ["high", "medium", "low"] {
        assert!(actions.iter().any(|a| a["priority_level"] == level), "no {level} priority");
    }
    let phases: Vec<&Value> = reports.iter().flat_map(|r| r["phases"].as_array().unwrap().iter()).collect();
    assert!(
        phases.iter().any(|p| p["id"] == "before-signing") && phases.iter().any(|p| p["id"] == "now"),
        "{phases:?}"
    );
}

/// A way to damage a good report.
type Breakage = fn(&mut Value);

#[test]
fn the_validator_rejects_reports_that_break_the_schema() {
    let schema = printed_schema();
    let validator = Validator::new(&schema);
    let good = report("crm-quick", "examples/answers-quick.toml");
    let broken: [(&str, Breakage); 11] = [
        ("verdict outside the enum", |r| r["verdict"] = "maybe".into()),
        ("score above 100", |r| r["score"] = 101.into()),
        ("missing required key", |r| {
            r.as_object_mut().unwrap().remove("actions");
        }),
        ("wrong type", |r| r["areas"] = "none".into()),
        ("bad timestamp", |r| r["assessed_at"] = "yesterday".into()),
        ("answer of no allowed shape", |r| r["questions"][0]["answer"] = serde_json::json!({"a": 1})),
        ("integer with a fraction", |r| r["schema_version"] = 1.5.into()),
        ("priority level outside the enum", |r| r["actions"][0]["priority_level"] = "urgent".into()),
        ("capped that is not a boolean", |r| r["capped"] = "yes".into()),
        ("group outside the enum", |r| r["group"] = "sales".into()),
        ("phase without a title", |r| {
            r["phases"][0].as_object_mut().unwrap().remove("title");
        }),
    ];
    assert_eq!(validator.errors(&good), Vec::<String>::new());
    for (what, breaks) in broken {
        let mut bad = good.clone();
        breaks(&mut bad);
        assert!(!validator.errors(&bad).is_empty(), "accepted a report with {what}");
    }
    // A key the schema does not describe: allowed by JSON Schema, caught
    // by the closed check the real reports get.
    let mut extra = good.clone();
    extra["areas"][0]["colour"] = "red".into();
    assert_eq!(validator.errors(&extra), Vec::<String>::new());
    let mut closed = Validator::new(&schema);
    closed.closed_objects = true;
    assert_eq!(closed.errors(&extra), ["$.areas[0]: `colour` is not in the schema"]);
}

#[test]
fn a_default_must_be_valid_where_it_stands() {
    let schema = serde_json::json!({
        "type": "object",
        "properties": {
            "level": { "enum": ["high", "low"], "default": "medium" },
            "capped": { "type": "boolean", "default": false }
        }
    });
    let validator = Validator::new(&schema);
    assert_eq!(
        validator.errors(&serde_json::json!({ "level": "high", "capped": true })),
        ["$.level (default): \"medium\" is not one of [\"high\",\"low\"]"]
    );
}
