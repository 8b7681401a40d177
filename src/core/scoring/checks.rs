//! Answers that cannot all be true: the questionnaire's checks evaluated on
//! the answers, and the verdict's rule on them. A contradiction does not
//! say which answer is wrong, only that one of them flatters: it holds a
//! "ready" back until someone has checked, and never makes it worse than
//! ready with conditions.

use std::collections::BTreeMap;

use super::verdict::Evidence;
use crate::core::answers::Answer;
use crate::core::assessment::{AnswerToCheck, Reason};
use crate::core::conditions::{self, Visibility};
use crate::core::questionnaire::Questionnaire;

/// One set of answers that contradict each other, as the verdict reads it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CheckEvidence {
    /// The ids of the questions whose answers contradict each other.
    pub questions: Vec<String>,
    /// Who gave them, in a round of several respondents; `None` for the
    /// respondent of a single assessment.
    pub respondent: Option<String>,
}

/// The checks of `q` whose conditions all hold on `answers`, in file order.
/// `visibility` is [`conditions::visibility`] of the answers: an answer to
/// a question that was not asked contradicts nothing.
pub fn answers_to_check(
    q: &Questionnaire,
    answers: &BTreeMap<String, Answer>,
    visibility: &[Visibility],
) -> Vec<AnswerToCheck> {
    q.checks
        .iter()
        .filter(|check| check.all.iter().all(|c| conditions::holds(q, c, answers, visibility)))
        .map(|check| {
            let mut questions: Vec<String> = Vec::new();
            for c in &check.all {
                if !questions.contains(&c.question) {
                    questions.push(c.question.clone());
                }
            }
            AnswerToCheck { id: check.id.clone(), message: check.message.clone(), questions }
        })
        .collect()
}

/// The evidence of a single assessment's answers to check.
pub fn evidence(found: &[AnswerToCheck]) -> Vec<CheckEvidence> {
    found.iter().map(|a| CheckEvidence { questions: a.questions.clone(), respondent: None }).collect()
}

/// A condition while answers contradict each other: until someone has
/// checked them with whoever gave them, "ready" would rest on a claim
/// that cannot be true.
pub(super) fn answers_to_check_reason(e: &Evidence) -> Option<Reason> {
    let found = &e.answers_to_check;
    let n = found.len();
    if n == 0 {
        return None;
    }
    let mut who: Vec<&str> = Vec::new();
    let mut questions: Vec<String> = Vec::new();
    for check in found {
        if let Some(name) = check.respondent.as_deref().filter(|name| !who.contains(name)) {
            who.push(name);
        }
        for q in &check.questions {
            if !questions.contains(q) {
                questions.push(q.clone());
            }
        }
    }
    let with = if who.is_empty() { "the respondent".to_string() } else { and_list(&who) };
    Some(Reason {
        rule: "answers-to-check".into(),
        message: format!(
            "{n} pair{} of answers contradict each other: check them with {with}",
            if n == 1 { "" } else { "s" }
        ),
        questions,
    })
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[&str]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => items.join(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::{Risk, Verdict};
    use crate::core::questionnaire::{Thresholds, parse};
    use crate::core::scoring::{AreaEvidence, FlagEvidence, QuestionEvidence, decide};

    const TWO: &str = r#"
[questionnaire]
id = "two"
version = "1"
title = "Two"

[[area]]
id = "a"
title = "A"
why = "Because."

[[area.question]]
id = "a.budget"
kind = "yes_no"
text = "Budget agreed?"
help = "Board."
[[area.question.choice]]
id = "yes"
score = 100
[[area.question.choice]]
id = "no"
score = 0

[[area.question]]
id = "a.cost"
kind = "single"
text = "Total cost written down?"
help = "Cost."
when = { question = "a.budget", is_any = ["yes", "no"] }
[[area.question.choice]]
id = "total"
label = "A two-year total"
score = 100
[[area.question.choice]]
id = "nothing"
label = "Nothing yet"
score = 20

[[check]]
id = "budget-without-cost"
all = [
  { question = "a.budget", is = "yes" },
  { question = "a.cost", is = "nothing" },
]
message = "A budget agreed with no cost written down: which is it?"
"#;

    fn answers(pairs: &[(&str, Answer)]) -> BTreeMap<String, Answer> {
        pairs.iter().map(|(id, a)| (id.to_string(), a.clone())).collect()
    }

    fn found(q: &Questionnaire, given: &BTreeMap<String, Answer>) -> Vec<AnswerToCheck> {
        answers_to_check(q, given, &conditions::visibility(q, given))
    }

    fn text(s: &str) -> Answer {
        Answer::Text(s.into())
    }

    #[test]
    fn a_check_holds_only_when_every_condition_holds_on_a_real_answer() {
        let q = parse(TWO, "two.toml").unwrap();
        let both = found(&q, &answers(&[("a.budget", text("yes")), ("a.cost", text("nothing"))]));
        assert_eq!(both.len(), 1);
        assert_eq!(both[0].id, "budget-without-cost");
        assert_eq!(both[0].questions, ["a.budget", "a.cost"]);
        assert_eq!(both[0].message, "A budget agreed with no cost written down: which is it?");
        assert!(found(&q, &answers(&[("a.budget", text("yes")), ("a.cost", text("total"))])).is_empty());
        assert!(found(&q, &answers(&[("a.budget", text("no")), ("a.cost", text("nothing"))])).is_empty());
        assert!(found(&q, &answers(&[("a.budget", text("yes"))])).is_empty(), "one answer missing");
        assert!(found(&q, &answers(&[("a.budget", text("yes")), ("a.cost", Answer::DontKnow)])).is_empty());
    }

    #[test]
    fn an_answer_to_a_question_not_asked_contradicts_nothing() {
        let q = parse(TWO, "two.toml").unwrap();
        // a.cost waits on a.budget, which is unknown: its answer does not count.
        let given = answers(&[("a.budget", Answer::DontKnow), ("a.cost", text("nothing"))]);
        assert!(found(&q, &given).is_empty());
    }

    fn evidence_with(checks: Vec<CheckEvidence>) -> Evidence {
        Evidence {
            overall: 95.0,
            areas: vec![AreaEvidence { id: "a".into(), title: "A".into(), score: Some(95.0), risk: Some(Risk::Low) }],
            questions: vec![QuestionEvidence {
                id: "a.budget".into(),
                area: "a".into(),
                score: Some(95.0),
                weight: 1.0,
            }],
            shown: 1,
            first_phase: "Before signing".into(),
            answers_to_check: checks,
            ..Evidence::default()
        }
    }

    fn check(questions: &[&str], respondent: Option<&str>) -> CheckEvidence {
        CheckEvidence {
            questions: questions.iter().map(|q| q.to_string()).collect(),
            respondent: respondent.map(str::to_string),
        }
    }

    #[test]
    fn answers_to_check_make_ready_ready_with_conditions() {
        let t = Thresholds::default();
        assert_eq!(decide(&t, &evidence_with(Vec::new())).verdict, Verdict::Ready);
        let d = decide(&t, &evidence_with(vec![check(&["a.budget", "a.cost"], None), check(&["x", "a.cost"], None)]));
        assert_eq!(d.verdict, Verdict::ReadyWithConditions);
        assert!(d.capped, "the score alone says ready");
        assert_eq!(d.reasons.len(), 1, "{:?}", d.reasons);
        assert_eq!(d.reasons[0].rule, "answers-to-check");
        assert_eq!(d.reasons[0].message, "2 pairs of answers contradict each other: check them with the respondent");
        assert_eq!(d.reasons[0].questions, ["a.budget", "a.cost", "x"]);
    }

    #[test]
    fn answers_to_check_never_make_a_verdict_not_ready() {
        let t = Thresholds::default();
        let mut e = evidence_with(vec![check(&["a"], None); 5]);
        e.overall = 60.0;
        assert_eq!(decide(&t, &e).verdict, Verdict::ReadyWithConditions);
        e.flags = vec![FlagEvidence {
            severity: crate::core::questionnaire::Severity::Critical,
            area: "a".into(),
            question: "a.budget".into(),
            finding: "it".into(),
            urgent: true,
        }];
        let d = decide(&t, &e);
        assert_eq!(d.verdict, Verdict::NotReady);
        assert!(d.reasons.iter().all(|r| r.rule != "answers-to-check"), "only the blocking rules decide it");
    }

    #[test]
    fn in_a_round_the_reason_names_who_gave_the_answers() {
        let t = Thresholds::default();
        let e = evidence_with(vec![check(&["a"], Some("Ana")), check(&["b"], Some("Ben")), check(&["c"], Some("Ana"))]);
        let d = decide(&t, &e);
        assert_eq!(d.reasons[0].message, "3 pairs of answers contradict each other: check them with Ana and Ben");
        let one = decide(&t, &evidence_with(vec![check(&["a"], Some("Ana"))]));
        assert_eq!(one.reasons[0].message, "1 pair of answers contradict each other: check them with Ana");
    }
}
