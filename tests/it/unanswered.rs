//! The warning after scoring an answers file with questions left out: it
//! counts what the report lists under unknowns as unanswered, from the one
//! assessment, and says it in proper English.

use serde_json::Value;

use crate::support::Test;

/// Scores `answers` (a crm-readiness answers file) unsaved, as JSON; the
/// report's count of unanswered unknowns and the warnings.
fn scored(answers: &str) -> (usize, Vec<String>) {
    let test = Test::new();
    let file = test.home().join("answers.toml");
    std::fs::write(&file, answers).unwrap();
    let out = test.args(["assess", "--no-save", "--format", "json", "--answers"]).arg(&file).run().exits(0);
    let report: Value = out.json();
    let unanswered = report["unknowns"].as_array().unwrap().iter().filter(|u| u["reason"] == "unanswered").count();
    let warnings = out.stderr().lines().filter(|l| l.contains("left unanswered")).map(str::to_string).collect();
    (unanswered, warnings)
}

/// The ready example without the line that answers `id`.
fn ready_without(ids: &[&str]) -> String {
    let full = include_str!("../../examples/answers-ready.toml");
    full.lines().filter(|l| !ids.iter().any(|id| l.starts_with(&format!("\"{id}\" ")))).collect::<Vec<_>>().join("\n")
}

#[test]
fn the_warning_counts_what_the_report_lists_as_unanswered() {
    let (unanswered, warnings) = scored("questionnaire = \"crm-readiness\"\nversion = \"2.0.0\"\n");
    assert!(unanswered > 1);
    assert_eq!(
        warnings,
        [format!(
            "warning: {unanswered} questions were left unanswered: the report lists them under unknowns, and they count as risks"
        )]
    );
}

#[test]
fn one_unanswered_question_is_one() {
    let (unanswered, warnings) = scored(&ready_without(&["vision.communicated"]));
    assert_eq!(unanswered, 1);
    assert_eq!(
        warnings,
        ["warning: 1 question was left unanswered: the report lists it under unknowns, and it counts as a risk"]
    );
}

#[test]
fn a_full_answers_file_gets_no_warning() {
    let (unanswered, warnings) = scored(include_str!("../../examples/answers-ready.toml"));
    assert_eq!((unanswered, warnings.len()), (0, 0));
}

#[test]
fn a_gate_left_out_counts_with_what_the_report_lists_for_it() {
    // Leaving out the gate of the supplier questions: whatever the report
    // lists as unanswered for it, the warning counts the same.
    let (unanswered, warnings) = scored(&ready_without(&["vendors.count"]));
    assert!(unanswered >= 1);
    let said = if unanswered == 1 { "1 question was".to_string() } else { format!("{unanswered} questions were") };
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].starts_with(&format!("warning: {said} left unanswered")), "{warnings:?}");
}
