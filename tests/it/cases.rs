//! The case library (`tests/cases/`): companies described by a consultant,
//! with the verdict and the risks the consultant named before any scoring
//! was run. The scoring rules must come to the same verdict and put the
//! same risks in front of the reader.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::support::{ROOT, Test};

const CASES: &str = "tests/cases";
/// How many actions of a phase a reader takes in at a glance.
const FIRST_ACTIONS: usize = 8;

/// One case of `expected.toml`.
struct Case {
    name: String,
    verdict: String,
    risks: Vec<String>,
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(Path::new(ROOT).join(CASES).join("expected.toml")).unwrap();
    let expected: toml::Table = toml::from_str(&text).unwrap();
    let cases = expected["cases"].as_table().expect("a [cases] table");
    let strings = |v: &toml::Value| v.as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect();
    cases
        .iter()
        .map(|(name, case)| Case {
            name: name.clone(),
            verdict: case["verdict"].as_str().unwrap().to_string(),
            risks: strings(&case["risks"]),
        })
        .collect()
}

/// The questions a report puts in front of its reader: every red flag's,
/// the first [`FIRST_ACTIONS`] actions of each phase, and those a verdict
/// reason names.
fn named_first(report: &Value) -> BTreeSet<String> {
    let mut named = BTreeSet::new();
    let text = |v: &Value| v.as_str().unwrap().to_string();
    named.extend(report["red_flags"].as_array().unwrap().iter().map(|f| text(&f["question"])));
    for phase in report["phases"].as_array().unwrap() {
        let of_phase = report["actions"].as_array().unwrap().iter().filter(|a| a["phase"] == phase["id"]);
        named.extend(of_phase.take(FIRST_ACTIONS).map(|a| text(&a["question"])));
    }
    for reason in report["reasons"].as_array().unwrap() {
        named.extend(reason["questions"].as_array().unwrap().iter().map(text));
    }
    named
}

/// Each case gets exactly its expected verdict, without a warning, and
/// every risk the consultant named is among the risks the report names
/// first.
///
/// "The risks a consultant names first" appear in the report among its
/// `red_flags`, or among the first 8 actions of their phase, or among the
/// `questions` a verdict reason names.
#[test]
fn every_case_gets_the_consultants_verdict_and_risks() {
    let cases = cases();
    assert!(cases.len() >= 10, "only {} cases", cases.len());
    let mut wrong = Vec::new();
    for case in &cases {
        let file = format!("{CASES}/{}.toml", case.name);
        let out = Test::new().args(["assess", "--answers", &file, "--no-save", "--format", "json"]).run().exits(0);
        if !out.stderr().is_empty() {
            wrong.push(format!("{}: warned\n{}", case.name, out.stderr()));
        }
        let report = out.json();
        // No story in the library contradicts itself: a check that fires
        // on one cries wolf.
        if report["answers_to_check"] != serde_json::json!([]) {
            wrong.push(format!("{}: answers to check {}", case.name, report["answers_to_check"]));
        }
        if report["verdict"] != case.verdict.as_str() {
            wrong.push(format!("{}: {} instead of {}", case.name, report["verdict"], case.verdict));
        }
        let named = named_first(&report);
        for risk in case.risks.iter().filter(|r| !named.contains(*r)) {
            wrong.push(format!("{}: {risk} is not among the risks named first", case.name));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Every answers file in the library has its expectation, and the other way
/// round.
#[test]
fn every_case_file_has_an_expectation() {
    let expected: BTreeSet<String> = cases().into_iter().map(|c| c.name).collect();
    let files: BTreeSet<String> = std::fs::read_dir(Path::new(ROOT).join(CASES))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name != "expected.toml")
        .map(|name| name.strip_suffix(".toml").unwrap_or_else(|| panic!("{name} is not a case")).to_string())
        .collect();
    assert_eq!(files, expected);
}

#[test]
fn a_report_names_first_its_flags_its_leading_actions_and_its_reasons() {
    let action = |phase: &str, q: &str| serde_json::json!({ "phase": phase, "question": q });
    let mut actions: Vec<Value> = (0..9).map(|i| action("setup", &format!("s.{i}"))).collect();
    actions.insert(0, action("before-signing", "b.0"));
    let report = serde_json::json!({
        "red_flags": [{ "question": "f.0" }],
        "phases": [{ "id": "before-signing" }, { "id": "setup" }],
        "actions": actions,
        "reasons": [{ "questions": ["r.0", "r.1"] }],
    });
    let named = named_first(&report);
    let expected = ["b.0", "f.0", "r.0", "r.1", "s.0", "s.1", "s.2", "s.3", "s.4", "s.5", "s.6", "s.7"];
    assert_eq!(named, expected.map(String::from).into_iter().collect(), "the ninth action of a phase is not");
}
