//! "Did you mean" for the names the command-line parser does not own: the
//! built-in questionnaires, wherever one is named; stored assessments; man
//! pages. Each is a usage error (exit 2) that names the likely one.

use crate::support::Test;

/// Runs `args`, expecting exit 2 with `said` on stderr.
fn refused(args: &[&str], said: &str) {
    let out = Test::new().args(args).run().exits(2);
    assert!(out.stderr().contains(said), "{args:?}: {said:?} missing from:\n{}", out.stderr());
}

#[test]
fn a_misspelt_built_in_is_suggested_wherever_one_is_named() {
    let quick = "no built-in questionnaire `crm-quik` and no such file; did you mean `crm-quick`? \
                 Built-ins: crm-readiness, crm-quick, crm-review";
    refused(&["show", "crm-quik"], quick);
    refused(&["lint", "crm-quik"], quick);
    refused(&["assess", "-q", "crm-quik", "--answers", "examples/answers-ready.toml"], quick);
    refused(&["show", "crm-readines"], "did you mean `crm-readiness`?");
    refused(&["show", "crm-reviw"], "did you mean `crm-review`?");
    // Nothing alike: the list alone, as before.
    refused(&["show", "nonesuch"], "no built-in questionnaire `nonesuch` and no such file; built-ins: crm-readiness,");
}

#[test]
fn validate_says_a_built_in_is_no_file() {
    for name in ["crm-quick", "crm-quik"] {
        refused(
            &["validate", name],
            &format!(
                "{name}: no such file; `validate` checks files, and the built-in `crm-quick` is always valid \
                 (`crm-ready lint crm-quick` checks its scoring)"
            ),
        );
    }
    refused(&["validate", "nonesuch"], "nonesuch: no such file; check the path");
}

#[test]
fn an_answers_file_naming_a_misspelt_built_in_gets_the_likely_one() {
    let test = Test::new();
    let file = test.home().join("answers.toml");
    std::fs::write(&file, "questionnaire = \"crm-quik\"\nversion = \"2.0.0\"\n").unwrap();
    let out = test.args(["assess", "--no-save", "--answers"]).arg(&file).run().exits(2);
    assert!(
        out.stderr().contains("help: `crm-quik` is not built in (did you mean `crm-quick`?): pass its file with"),
        "{}",
        out.stderr()
    );
}

#[test]
fn a_misspelt_keyword_for_a_stored_assessment_is_suggested() {
    refused(
        &["report", "lates"],
        "no stored assessment has the id `lates`; did you mean `latest`? `crm-ready history` lists the ids",
    );
    refused(&["compare", "previus", "latest"], "did you mean `previous`?");
}

#[test]
fn a_misspelt_man_page_is_suggested() {
    refused(&["man", "asses"], "no man page for `asses`; did you mean `assess`? Pages exist for assess, ");
    refused(&["man", "bogus"], "no man page for `bogus`; pages exist for assess, ");
}
