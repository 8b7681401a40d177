//! The documentation's examples work as written.

use crm_ready::core::answers::Answer;
use crm_ready::core::answers_file::{Syntax, parse_answers};
use crm_ready::core::questionnaire::builtin;

use crate::support::{Test, tool_available};

/// The first ```toml block in `text` that contains `marker`.
fn toml_block<'a>(text: &'a str, marker: &str) -> &'a str {
    text.split("```toml\n")
        .skip(1)
        .map(|rest| &rest[..rest.find("```").unwrap()])
        .find(|block| block.contains(marker))
        .unwrap_or_else(|| panic!("no toml block with {marker}"))
}

#[test]
fn the_readme_answers_example_is_valid_for_crm_quick() {
    let readme = include_str!("../../README.md");
    let block = toml_block(readme, "[answers]");
    let q = builtin::find("crm-quick").unwrap().load().unwrap();
    let loaded = parse_answers(block, "README.md", Syntax::Toml, &q).unwrap_or_else(|e| panic!("{e}"));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let answers: Vec<&Answer> = loaded.answers.answers.values().collect();
    assert_eq!(answers.len(), 4);
    // One of each shape the text around it explains.
    assert!(answers.iter().any(|a| matches!(a, Answer::Text(_))), "a choice id: {answers:?}");
    assert!(answers.iter().any(|a| matches!(a, Answer::List(l) if l.len() > 1)), "a list: {answers:?}");
    assert!(answers.contains(&&Answer::DontKnow), "a \"dont-know\": {answers:?}");
    let noted: Vec<&String> = loaded.answers.notes.keys().collect();
    assert!(noted.iter().all(|id| q.question(id).is_some()) && !noted.is_empty(), "{noted:?}");
}

#[test]
fn the_format_guide_opens_with_a_valid_header() {
    let guide = include_str!("../../docs/questionnaire-format.md");
    let header = toml_block(guide, "[questionnaire]");
    let area = toml_block(guide, "[[area]]");
    let question = "[[area.question]]\nid = \"vision.objective\"\nkind = \"yes_no\"\ntext = \"Written?\"\n[[area.question.choice]]\nid = \"yes\"\nscore = 100\n[[area.question.choice]]\nid = \"no\"\nscore = 0\nrecommendation = \"Write it.\"\nphase = \"before-signing\"\n";
    let q = crm_ready::core::questionnaire::parse(&format!("{header}\n{area}\n{question}"), "guide")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(q.id, "acme-crm-check");
    assert_eq!(q.scoring.max_unknown_share, 0.15);
}

#[test]
fn the_jq_pipeline_example_runs() {
    if !tool_available("jq", "apt-get install jq") {
        return;
    }
    // The gate trips on not-ready: exit 1.
    let out = Test::program("bash").arg("examples/jq-pipeline.sh").run().exits(1);
    let stdout = out.stdout();
    assert!(stdout.starts_with("crm-readiness 2.0.0: not-ready (score 19.5)\n"), "{stdout}");
    assert!(stdout.contains("High-risk areas:\n  Vision and objectives: 13.5\n"), "{stdout}");
    assert!(stdout.contains("Before signing:\n  [100] Put the signature on hold"), "{stdout}");
    assert_eq!(out.stderr(), "gate: not ready\n");
}
