//! `crm-ready schema NAME` covers every JSON output: each schema is a
//! well-formed draft 2020-12 schema, and the real output of each command
//! validates against it, with no key the schema does not describe.

use std::path::Path;

use serde_json::Value;

use crate::json_schema::{Validator, schema_problems};
use crate::support::Test;

/// Every schema name, and the commands whose output it describes (run
/// against a store holding three assessments of one organisation).
const OUTPUTS: &[(&str, &[&[&str]])] = &[
    ("report", &[&["report", "latest", "--org", "Acme", "--format", "json"]]),
    ("history", &[&["history", "--format", "json"], &["history", "--org", "nobody", "--format", "json"]]),
    (
        "compare",
        &[
            &["compare", "FIRST", "SECOND", "--format", "json"],
            &["compare", "SECOND", "latest", "--force", "-f", "json"],
        ],
    ),
    ("round", &[&["round", "--org", "acme", "--label", "2026-Q4", "--format", "json"]]),
    // Acme answered two questionnaires: a trend follows one.
    ("trend", &[&["trend", "--org", "acme", "-q", "crm-readiness", "--format", "json"]]),
    (
        "show",
        &[
            &["show", "crm-readiness", "--format", "json"],
            &["show", "crm-quick", "--format", "json"],
            &["show", "crm-review", "--format", "json"],
            &["show", "tests/fixtures/questionnaires/good/every-kind.toml", "--format", "json"],
        ],
    ),
    (
        "validate",
        &[&[
            "validate",
            "--format",
            "json",
            "questionnaires/crm-quick.toml",
            "tests/fixtures/questionnaires/bad/condition-typo.toml",
            "tests/fixtures/no-such-file.toml",
        ]],
    ),
    (
        "lint",
        &[
            &["lint", "crm-quick", "--format", "json"],
            &["lint", "tests/fixtures/questionnaires/good/every-kind.toml", "--format", "json"],
        ],
    ),
];

fn schema(name: &str) -> Value {
    Test::new().args(["schema", name]).run().exits(0).json()
}

#[test]
fn every_schema_is_a_well_formed_draft_2020_12_schema() {
    for (name, _) in OUTPUTS {
        assert_eq!(schema_problems(&schema(name)), Vec::<String>::new(), "schema {name}");
    }
    assert_eq!(Test::new().arg("schema").run().exits(0).json(), schema("report"), "the report is the default");
}

#[test]
fn the_well_formedness_check_can_fail() {
    let mut bad = schema("trend");
    bad["properties"]["overall"]["$ref"] = "#/$defs/Nowhere".into();
    bad["properties"]["organization"]["type"] = "text".into();
    bad["required"].as_array_mut().unwrap().push("colour".into());
    bad["properties"]["areas"]["itemz"] = true.into();
    assert_eq!(schema_problems(&bad).len(), 4, "{:#?}", schema_problems(&bad));
}

/// A store with three assessments of Acme: not ready, ready (both of the
/// full questionnaire), then the quick check. Returns the first two ids.
fn store_with_assessments(store: &Path) -> [String; 2] {
    let mut ids = Vec::new();
    for answers in ["examples/answers-pitfalls.toml", "examples/answers-ready.toml", "examples/answers-quick.toml"] {
        // The quick check is a round of its own: a round reads one questionnaire.
        let label = if answers.ends_with("quick.toml") { "2026-Q4 quick" } else { "2026-Q4" };
        let out = Test::new()
            .args(["assess", "--answers", answers, "--org", "Acme", "--label", label, "--format", "json", "--store"])
            .arg(store)
            .run()
            .exits(0);
        let line = out.stderr().lines().find_map(|l| l.strip_prefix("saved to the history as ")).unwrap();
        ids.push(line.split(':').next().unwrap().to_string());
    }
    [ids[0].clone(), ids[1].clone()]
}

#[test]
fn the_real_output_of_each_command_validates_against_its_schema() {
    let store = tempfile::tempdir().unwrap();
    let [first, second] = store_with_assessments(store.path());
    for (name, commands) in OUTPUTS {
        let schema = schema(name);
        let mut validator = Validator::new(&schema);
        validator.closed_objects = true;
        for command in *commands {
            let args = command.iter().map(|a| match *a {
                "FIRST" => first.as_str(),
                "SECOND" => second.as_str(),
                a => a,
            });
            let mut run = Test::new().args(args);
            if ["report", "history", "round", "compare", "trend"].contains(&command[0]) {
                run = run.arg("--store").arg(store.path());
            }
            // validate exits 2 on the bad files it is given, lint 1 on a file
            // with findings; the rest succeed.
            let out = run.run();
            let code = out.code();
            assert!(
                code == 0 || (*name == "validate" && code == 2) || (*name == "lint" && code == 1),
                "{command:?}: {code}\n{}",
                out.stderr()
            );
            assert_eq!(validator.errors(&out.json()), Vec::<String>::new(), "{command:?} against schema {name}");
        }
    }
}

#[test]
fn every_name_the_command_offers_is_tested_here() {
    let help = Test::new().args(["schema", "--help"]).run().exits(0);
    // clap lists each possible value as `- name: what writes it`.
    let offered: Vec<&str> =
        help.stdout().lines().filter_map(|l| l.trim().strip_prefix("- ")?.split_once(':')).map(|(n, _)| n).collect();
    for (name, _) in OUTPUTS {
        assert!(offered.contains(name), "`schema --help` does not offer {name}:\n{}", help.stdout());
    }
    for name in &offered {
        assert!(OUTPUTS.iter().any(|(n, _)| n == name), "schema `{name}` has no output tested in {}", file!());
    }
}

#[test]
fn an_unknown_name_is_a_usage_error_listing_the_names() {
    let out = Test::new().args(["schema", "answers"]).run().exits(2);
    for (name, _) in OUTPUTS {
        assert!(out.stderr().contains(name), "{name} not listed:\n{}", out.stderr());
    }
}
