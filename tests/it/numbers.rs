//! Number answers: every answer a question takes has a score (bands tile
//! the line from `min` to `max`; a number between two bands belongs to
//! the band below), numbers have a sane limit, and every message and
//! report writes them short.

use std::path::Path;

use serde_json::Value;

use crate::support::{Finished, ROOT, Test};

/// `examples/answers-ready.toml` with `question` answered `value`, scored.
fn assess_with(question: &str, value: &str) -> Finished {
    let text = std::fs::read_to_string(Path::new(ROOT).join("examples/answers-ready.toml")).unwrap();
    let line = text.lines().find(|l| l.starts_with(&format!("\"{question}\" = "))).unwrap();
    Test::new()
        .args(["assess", "--no-save", "--format", "json", "--answers", "-"])
        .stdin(text.replace(line, &format!("\"{question}\" = {value}")))
        .run()
}

fn question<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["questions"].as_array().unwrap().iter().find(|q| q["id"] == id).unwrap()
}

#[test]
fn a_number_between_two_bands_scores_as_the_band_below() {
    // crm-readiness bands the compulsory fields 0–10 (100), 11–20 (45),
    // 21–500 (15, major flag).
    for (value, score, flag) in
        [("10", 100.0, None), ("10.5", 100.0, None), ("20.5", 45.0, None), ("21", 15.0, Some("major"))]
    {
        let report = assess_with("scope.field-count", value).exits(0).json();
        let q = question(&report, "scope.field-count");
        assert_eq!(q["score"].as_f64(), Some(score), "{value}");
        assert_eq!(q["red_flag"].as_str(), flag, "{value}");
    }
}

#[test]
fn absurd_numbers_are_refused_and_written_short() {
    for (id, value, found) in [
        ("scope.users", "1e308", "found 1e308"),
        ("management.groups-agreed", "1e308", "found 1e308"),
        ("management.groups-agreed", "9223372036854775808", "found 9.223372036854776e18"),
    ] {
        let out = assess_with(id, value).exits(2);
        assert!(out.stderr().contains(found), "{id} = {value}: {}", out.stderr());
        let first = out.stderr().lines().next().unwrap();
        assert!(first.len() < 200, "{first}");
    }
    let out = assess_with("scope.users", "1e308").exits(2);
    assert!(
        out.stderr().contains("question `scope.users` takes a number from 1 to 1000000000, found 1e308"),
        "{}",
        out.stderr()
    );
    let report = assess_with("scope.users", "1000000000").exits(0).json();
    assert_eq!(question(&report, "scope.users")["answer_text"], "1000000000 people");
}
