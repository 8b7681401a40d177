//! Answers to a questionnaire that is not built in, scored without
//! `--questionnaire`: the message asks for the questionnaire's file, not an
//! id that would fail too.

use crate::support::Test;

#[test]
fn the_hint_for_a_custom_questionnaire_is_its_file() {
    let out = Test::new().args(["assess", "--answers", "examples/answers-custom.toml", "--no-save"]).run().exits(2);
    let stderr = out.stderr();
    assert!(
        stderr.contains("these answers are for questionnaire `field-service-precheck`, but `crm-readiness` is in use"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "= help: `field-service-precheck` is not built in: pass its file with \
             `--questionnaire path/to/field-service-precheck.toml`"
        ),
        "{stderr}"
    );
    // What the hint says works.
    let args = ["assess", "--answers", "examples/answers-custom.toml", "--no-save", "-f", "json"];
    Test::new().args(args).args(["--questionnaire", "examples/custom-questionnaire.toml"]).run().exits(0);
}

#[test]
fn the_hint_for_a_built_in_is_its_name() {
    let out = Test::new()
        .args(["assess", "-q", "crm-readiness", "--answers", "examples/answers-quick.toml", "--no-save"])
        .run()
        .exits(2);
    assert!(out.stderr().contains("= help: pass `--questionnaire crm-quick`"), "{}", out.stderr());
}
