//! `validate --format json`: one document on stdout with, per file, either
//! the questionnaire it holds or every problem found in it (line, column,
//! message, help); the exit codes are those of the text output.

use serde_json::{Value, json};

use crate::support::{Finished, Test};

const BAD: &str = "tests/fixtures/questionnaires/bad";

fn validate_json(files: &[&str]) -> Finished {
    Test::new().args(["validate", "--format", "json"]).args(files).run()
}

/// The problems the text output prints for `file`, as (line, column,
/// message) from its `file:line:column: message` lines.
fn text_problems(file: &str) -> Vec<(Value, Value, String)> {
    let out = Test::new().args(["validate", file]).run().exits(2);
    let prefix = format!("{file}:");
    out.stderr()
        .lines()
        .filter_map(|l| l.strip_prefix("error: ").unwrap_or(l).strip_prefix(&prefix))
        .map(|rest| {
            let mut parts = rest.splitn(3, ':');
            match (parts.next(), parts.next(), parts.next()) {
                (Some(line), Some(column), Some(message)) if line.parse::<u64>().is_ok() => (
                    json!(line.parse::<u64>().unwrap()),
                    json!(column.parse::<u64>().unwrap()),
                    message.trim().to_string(),
                ),
                _ => (Value::Null, Value::Null, rest.trim().to_string()),
            }
        })
        .collect()
}

#[test]
fn valid_files_give_the_questionnaire_and_exit_0() {
    let out = validate_json(&["questionnaires/crm-quick.toml"]).exits(0);
    assert_eq!(out.stderr(), "");
    let doc = out.json();
    assert_eq!(doc["schema_version"], 1);
    assert!(doc["tool_version"].is_string());
    let file = &doc["files"][0];
    assert_eq!(file["file"], "questionnaires/crm-quick.toml");
    assert_eq!(file["ok"], true);
    assert!(file.get("problems").is_none());
    let q = &file["questionnaire"];
    assert_eq!((q["id"].as_str(), q["version"].as_str()), (Some("crm-quick"), Some("2.1.0")));
    assert_eq!(q["questions"], q["always_asked"].as_u64().unwrap() + q["follow_ups"].as_u64().unwrap());
}

#[test]
fn every_problem_is_listed_where_the_text_output_puts_it() {
    for name in ["condition-typo.toml", "many-problems.toml", "empty.toml", "invalid-utf8.toml"] {
        let path = format!("{BAD}/{name}");
        let out = validate_json(&[&path]).exits(2);
        assert_eq!(out.stderr(), "", "JSON mode keeps stderr quiet");
        let file = &out.json()["files"][0];
        assert_eq!(file["ok"], false);
        assert!(file.get("questionnaire").is_none());
        let problems = file["problems"].as_array().unwrap();
        let from_json: Vec<(Value, Value, String)> = problems
            .iter()
            .map(|p| (p["line"].clone(), p["column"].clone(), p["message"].as_str().unwrap().to_string()))
            .collect();
        assert_eq!(from_json, text_problems(&path), "{name}");
        assert!(problems.iter().all(|p| p.get("help").is_some()), "{name}: help is always there, maybe null");
    }
    let file = &validate_json(&[&format!("{BAD}/condition-typo.toml")]).json()["files"][0];
    assert!(file["problems"][0]["help"].is_string(), "{file}");
}

#[test]
fn files_are_reported_in_order_with_the_worst_exit_code() {
    let files = ["questionnaires/crm-quick.toml", "tests/fixtures/no-such-file.toml", "questionnaires/crm-review.toml"];
    let out = validate_json(&files).exits(2);
    let doc = out.json();
    let listed: Vec<(&str, bool)> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["file"].as_str().unwrap(), f["ok"].as_bool().unwrap()))
        .collect();
    assert_eq!(listed, [(files[0], true), (files[1], false), (files[2], true)]);
    let missing = &doc["files"][1]["problems"][0];
    assert_eq!((&missing["line"], &missing["column"]), (&Value::Null, &Value::Null));
    assert!(missing["message"].as_str().unwrap().contains("no such file"), "{missing}");
}
