//! `-` is stdin for `--answers` and stdout for `-o`, as in most Unix tools.
//! Answers on stdin are JSON when they start with `{`, else TOML; messages
//! call them `<stdin>`.

use crate::support::Test;

fn example(name: &str) -> String {
    std::fs::read_to_string(format!("{}/examples/{name}", crate::support::ROOT)).unwrap()
}

/// The quick example's answers as JSON: the same answers in the other syntax.
fn quick_as_json() -> String {
    let toml: toml::Table = toml::from_str(&example("answers-quick.toml")).unwrap();
    serde_json::to_string_pretty(&toml).unwrap()
}

fn score_stdin(input: &str, extra: &[&str]) -> crate::support::Finished {
    Test::new().args(["assess", "--answers", "-", "--no-save", "--format", "json"]).args(extra).stdin(input).run()
}

#[test]
fn answers_from_stdin_score_like_the_file_in_either_syntax() {
    let from_file = Test::new()
        .args(["assess", "--answers", "examples/answers-quick.toml", "--no-save", "--format", "json"])
        .run()
        .exits(0)
        .json();
    for input in [example("answers-quick.toml"), quick_as_json(), format!("\n  {}", quick_as_json())] {
        let report = score_stdin(&input, &[]).exits(0).json();
        // The built-in the answers name is picked from stdin too.
        assert_eq!(report["questionnaire"], from_file["questionnaire"]);
        assert_eq!(report["score"], from_file["score"]);
        assert_eq!(report["questions"], from_file["questions"]);
    }
}

#[test]
fn problems_on_stdin_are_located_in_stdin() {
    let toml = "questionnaire = \"crm-quick\"\nversion = \"2.0.0\"\n[answers]\n\"vision.objective\" = \"nah\"\n";
    let out = score_stdin(toml, &[]).exits(2);
    assert!(
        out.stderr().starts_with("error: <stdin>:4:22: question `vision.objective` has no choice `nah`"),
        "{}",
        out.stderr()
    );
    assert!(out.stderr().ends_with("1 problem in <stdin>\n"), "{}", out.stderr());

    let json = "{\"questionnaire\": \"crm-quick\", \"version\": \"2.0.0\", \"answers\": {\"vision.objective\": 3}}";
    let out = score_stdin(json, &[]).exits(2);
    assert!(out.stderr().starts_with("error: <stdin>:1:"), "read as JSON: {}", out.stderr());
    assert!(!out.stderr().contains("TOML"), "{}", out.stderr());

    let out = score_stdin("", &[]).exits(2);
    assert!(out.stderr().contains("<stdin>: the file is empty"), "{}", out.stderr());
}

#[test]
fn dash_output_is_stdout_not_a_file_named_dash() {
    let dir = tempfile::tempdir().unwrap();
    let answers = format!("{}/examples/answers-quick.toml", crate::support::ROOT);
    let out = Test::new()
        .args(["assess", "--answers", &answers, "--no-save", "-f", "json", "-o", "-"])
        .current_dir(dir.path())
        .run()
        .exits(0);
    assert_eq!(out.json()["questionnaire"]["id"], "crm-quick");
    assert!(!out.stderr().contains("report written"), "{}", out.stderr());
    assert!(!dir.path().join("-").exists(), "no file named -");

    // Without --format, `-` names no extension: the table.
    let out = Test::new().args(["assess", "--answers", &answers, "--no-save", "-o", "-"]).run().exits(0);
    assert!(out.stdout().contains("Verdict:"), "{}", out.stdout());
}

#[test]
fn report_writes_to_stdout_for_dash_too() {
    let store = tempfile::tempdir().unwrap();
    Test::new()
        .args(["assess", "--answers", "examples/answers-quick.toml", "--store"])
        .arg(store.path())
        .run()
        .exits(0);
    let out = Test::new()
        .args(["report", "latest", "-o", "-", "--format", "markdown", "--store"])
        .arg(store.path())
        .run()
        .exits(0);
    assert!(out.stdout().starts_with('#'), "markdown on stdout: {}", out.stdout());
    assert_eq!(out.stderr(), "");
}
