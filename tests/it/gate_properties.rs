//! Property tests of open gates over the built-in questionnaires: leaving
//! a question that decides which follow-ups apply unanswered (or "don't
//! know") never gives a better verdict or score than answering it, whatever
//! the answer and whatever else was said. An unknown must never talk a
//! risky project up.

use crm_ready::core::answers::{Answer, Answers};
use crm_ready::core::assessment::QuestionStatus;
use crm_ready::core::questionnaire::{Kind, Question, Questionnaire};
use proptest::prelude::*;

use crate::support::{ROOT, Test};
use crate::verdict_properties::{answers_from, builtins, run};

/// The questions some condition names: the gates.
fn gates(q: &Questionnaire) -> Vec<usize> {
    (0..q.questions.len())
        .filter(|&i| q.questions.iter().any(|x| x.when.iter().any(|c| c.question == q.questions[i].id)))
        .collect()
}

/// Real answers a gate can be given: each choice, every plain choice
/// together, each band's ends, and a few plain numbers within the bounds.
fn honest_answers(question: &Question) -> Vec<Answer> {
    match question.kind {
        Kind::Single | Kind::YesNo => question.choices.iter().map(|c| Answer::Text(c.id.clone())).collect(),
        Kind::Multi => {
            let mut all: Vec<Answer> = question.choices.iter().map(|c| Answer::List(vec![c.id.clone()])).collect();
            all.push(Answer::List(question.choices.iter().filter(|c| !c.exclusive).map(|c| c.id.clone()).collect()));
            all
        }
        Kind::Scale | Kind::Number => {
            let mut numbers: Vec<f64> = question.bands.iter().flat_map(|b| [b.from, b.to]).collect();
            numbers.extend([0.0, 1.0, 2.0, 10.0, 100.0]);
            let fits = |n: &f64| question.min.is_none_or(|m| *n >= m) && question.max.is_none_or(|m| *n <= m);
            numbers.into_iter().filter(fits).map(Answer::Number).collect()
        }
        Kind::Text => Vec::new(),
    }
}

/// `answers` with question `id` given `answer`, or left out for `None`.
fn with(answers: &Answers, id: &str, answer: Option<Answer>) -> Answers {
    let mut out = answers.clone();
    match answer {
        Some(a) => out.answers.insert(id.to_string(), a),
        None => out.answers.remove(id),
    };
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn an_open_gate_is_never_better_than_an_honest_answer(
        which in 0usize..3,
        seeds in prop::collection::vec(0usize..64, 1..80),
        pick in 0usize..1000,
        honest in 0usize..1000,
    ) {
        let q = &builtins()[which];
        let gates = gates(q);
        let gate = &q.questions[gates[pick % gates.len()]];
        let answers = honest_answers(gate);
        prop_assume!(!answers.is_empty());
        let base = answers_from(q, &seeds);
        let answered = run(q, &with(&base, &gate.id, Some(answers[honest % answers.len()].clone())));
        let index = q.position(&gate.id).unwrap();
        prop_assume!(answered.questions[index].status != QuestionStatus::Hidden);
        let mut open = vec![with(&base, &gate.id, None)];
        if gate.dont_know {
            open.push(with(&base, &gate.id, Some(Answer::DontKnow)));
        }
        for unknown in open {
            let left = run(q, &unknown);
            prop_assert!(
                left.verdict <= answered.verdict,
                "{}: left open gives {:?}, answered {:?}\n{:#?}\n{:#?}",
                gate.id, left.verdict, answered.verdict, left.reasons, answered.reasons
            );
            prop_assert!(left.score <= answered.score, "{}: left open scores {}, answered {}", gate.id, left.score, answered.score);
        }
    }
}

/// Leaving out how many suppliers there are, in a file that answers every
/// supplier question badly, keeps the project not ready: the count is
/// listed as an unknown with an action to find it out, the supplier
/// questions count as unknown, and the answers given for them are set
/// aside with a warning that says how to make them count.
#[test]
fn leaving_out_the_number_of_suppliers_keeps_the_project_not_ready() {
    let case = std::path::Path::new(ROOT).join("tests/cases/several-suppliers-no-lead.toml");
    let text = std::fs::read_to_string(&case).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let without = dir.path().join("no-count.toml");
    std::fs::write(&without, text.replace("\"vendors.count\" = \"several\"\n", "")).unwrap();
    let json = |path: &std::path::Path| {
        Test::new().args(["assess", "--no-save", "--format", "json", "--answers"]).arg(path).run().exits(0)
    };
    let answered = json(&case).json();
    let out = json(&without);
    let left = out.json();
    assert_eq!((answered["verdict"].as_str(), left["verdict"].as_str()), (Some("not-ready"), Some("not-ready")));
    assert!(left["score"].as_f64() <= answered["score"].as_f64());
    let unknowns: Vec<&str> =
        left["unknowns"].as_array().unwrap().iter().map(|u| u["question"].as_str().unwrap()).collect();
    assert_eq!(unknowns[..3], ["vendors.count", "vendors.named-people", "vendors.prime"]);
    let first = &left["actions"][0];
    assert_eq!(first["question"], "vendors.count");
    assert!(first["recommendation"].as_str().unwrap().starts_with("Find out the answer to \"How many suppliers"));
    // The gate carries the worst flag its waiting follow-ups would raise
    // (vendors.prime's critical one); they raise nothing of their own.
    let flags = left["red_flags"].as_array().unwrap();
    assert!(flags.iter().any(|f| f["question"] == "vendors.count" && f["severity"] == "critical"), "{flags:?}");
    assert!(flags.iter().all(|f| f["question"] != "vendors.prime"), "{flags:?}");
    let prime = left["questions"].as_array().unwrap().iter().find(|x| x["id"] == "vendors.prime").unwrap();
    assert_eq!((prime["status"].as_str(), prime["score"].as_f64()), (Some("waiting"), Some(0.0)));
    let waiting = left["unknowns"].as_array().unwrap().iter().find(|u| u["question"] == "vendors.prime").unwrap();
    assert_eq!((waiting["reason"].as_str(), waiting["waits_on"].as_str()), (Some("waiting"), Some("vendors.count")));
    assert!(left["actions"].as_array().unwrap().iter().all(|x| x["question"] != "vendors.prime"));
    assert!(
        out.stderr().contains(
            "setting aside the answer to `vendors.prime`: it depends on `vendors.count`, which has no real answer"
        ),
        "{}",
        out.stderr()
    );
}

/// "Don't know" on a scored gate is one finding: the follow-up the
/// interview never showed is listed as not asked, with no red flag or
/// action of its own (the gate's, raised to the worst of them, covers it).
#[test]
fn dont_know_on_a_scored_gate_is_one_finding_not_two() {
    let case = std::path::Path::new(ROOT).join("tests/cases/model-company.toml");
    let text = std::fs::read_to_string(&case).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let dk = dir.path().join("dk.toml");
    let replaced = regex_free_replace(&text, "\"vision.objective\" = ", "\"vision.objective\" = \"dont-know\"");
    std::fs::write(&dk, replaced).unwrap();
    let out = Test::new().args(["assess", "--no-save", "--format", "json", "--answers"]).arg(&dk).run().exits(0);
    let a = out.json();
    let flags: Vec<&str> = a["red_flags"].as_array().unwrap().iter().map(|f| f["question"].as_str().unwrap()).collect();
    assert_eq!(flags, ["vision.objective"]);
    let acted: Vec<&str> = a["actions"].as_array().unwrap().iter().map(|x| x["question"].as_str().unwrap()).collect();
    assert_eq!(acted, ["vision.objective"]);
    let unknowns: Vec<(&str, &str)> = a["unknowns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| (u["question"].as_str().unwrap(), u["reason"].as_str().unwrap()))
        .collect();
    assert_eq!(unknowns, [("vision.objective", "dont-know"), ("vision.baseline", "waiting")]);
    let table = Test::new().args(["assess", "--no-save", "--answers"]).arg(&dk).run().exits(0);
    assert!(table.stdout().contains("not asked: waits on \"Where is"), "{}", table.stdout());
    assert!(!table.stdout().contains("unanswered"), "{}", table.stdout());
}

/// The line of `text` that starts with `key`, replaced by `line`.
fn regex_free_replace(text: &str, key: &str, line: &str) -> String {
    text.lines().map(|l| if l.starts_with(key) { line } else { l }).collect::<Vec<_>>().join("\n") + "\n"
}
