//! Scoring against hand-computed expectations: weights, conditions,
//! "don't know", each red-flag cap, thresholds and action priorities.

use crm_ready::core::answers::{Answer, Answers};
use crm_ready::core::assessment::{Assessment, QuestionStatus, Risk, UnknownReason, Verdict};
use crm_ready::core::questionnaire::{Phase, Questionnaire, Severity, parse};
use crm_ready::core::scoring::score;

const SOURCE: &str = r#"
[questionnaire]
id = "t"
version = "1"
title = "Test"

[scoring]
ready_at = 75
high_risk_below = 50
medium_risk_below = 75
max_unknown_share = 0.25

[[area]]
id = "a"
title = "Area A"
weight = 3
why = "Because."

[[area.question]]
id = "a.one"
kind = "single"
text = "One?"
weight = 2
[[area.question.choice]]
id = "good"
label = "Good"
score = 100
[[area.question.choice]]
id = "mid"
label = "Middling"
score = 50
recommendation = "Improve one."
phase = "setup"
[[area.question.choice]]
id = "bad"
label = "Bad"
score = 0
red_flag = "critical"
recommendation = "Stop and fix one."
phase = "before-signing"

[[area.question]]
id = "a.two"
kind = "yes_no"
text = "Two?"
[[area.question.choice]]
id = "yes"
score = 100
[[area.question.choice]]
id = "no"
score = 20
red_flag = "major"
recommendation = "Sort out two."
phase = "before-signing"

[[area.question]]
id = "a.follow"
kind = "yes_no"
text = "Follow-up, only after two is no?"
when = { question = "a.two", is = "no" }
[[area.question.choice]]
id = "yes"
score = 100
[[area.question.choice]]
id = "no"
score = 0
recommendation = "Follow up."
phase = "production"

[[area]]
id = "b"
title = "Area B"
why = "Because."

[[area.question]]
id = "b.scale"
kind = "scale"
text = "Scale?"
min = 1
max = 5
[[area.question.band]]
from = 1
to = 2
score = 0
recommendation = "Raise the scale."
phase = "setup"
[[area.question.band]]
from = 3
to = 3
score = 50
[[area.question.band]]
from = 4
to = 5
score = 100

[[area.question]]
id = "b.multi"
kind = "multi"
text = "Which?"
[[area.question.choice]]
id = "x"
label = "X in place"
score = 60
if_missing = "Put X in place."
phase = "setup"
[[area.question.choice]]
id = "y"
label = "Y in place"
score = 40
[[area.question.choice]]
id = "none"
label = "None of these"
score = 0
exclusive = true

[[area.question]]
id = "b.text"
kind = "text"
text = "Anything else?"
"#;

fn questionnaire() -> Questionnaire {
    parse(SOURCE, "test.toml").expect("the test questionnaire is valid")
}

fn assess(pairs: &[(&str, Answer)]) -> Assessment {
    let q = questionnaire();
    let mut answers = Answers::for_questionnaire(&q);
    for (id, a) in pairs {
        answers.answers.insert((*id).into(), a.clone());
    }
    score(&q, &answers, jiff::Timestamp::UNIX_EPOCH)
}

fn choice(id: &str) -> Answer {
    Answer::Text(id.into())
}

fn list(ids: &[&str]) -> Answer {
    Answer::List(ids.iter().map(|&s| s.into()).collect())
}

fn best() -> Vec<(&'static str, Answer)> {
    vec![
        ("a.one", choice("good")),
        ("a.two", choice("yes")),
        ("b.scale", Answer::Number(5.0)),
        ("b.multi", list(&["x", "y"])),
        ("b.text", Answer::Text("free words".into())),
    ]
}

fn with(mut base: Vec<(&'static str, Answer)>, id: &'static str, a: Answer) -> Vec<(&'static str, Answer)> {
    base.retain(|(k, _)| *k != id);
    base.push((id, a));
    base
}

#[test]
fn all_best_answers_are_ready() {
    let a = assess(&best());
    assert_eq!(a.score, 100.0);
    assert_eq!(a.verdict, Verdict::Ready);
    assert_eq!(a.reasons.len(), 1);
    assert_eq!(a.reasons[0].rule, "ready");
    assert!(a.areas.iter().all(|x| x.risk == Some(Risk::Low)));
    assert!(a.actions.is_empty() && a.red_flags.is_empty() && a.unknowns.is_empty());
    // The follow-up is hidden and the text question unscored.
    let follow = a.questions.iter().find(|q| q.id == "a.follow").unwrap();
    assert_eq!(follow.status, QuestionStatus::Hidden);
    assert_eq!(follow.score, None);
    let text = a.questions.iter().find(|q| q.id == "b.text").unwrap();
    assert_eq!((text.status, text.score), (QuestionStatus::Answered, None));
}

#[test]
fn weights_combine_questions_and_areas() {
    // Area a: (2×50 + 1×100) / 3 = 66.67; area b: (50 + 60) / 2 = 55;
    // overall: (3×66.67 + 1×55) / 4 = 63.75.
    let answers =
        with(with(with(best(), "a.one", choice("mid")), "b.scale", Answer::Number(3.0)), "b.multi", list(&["x"]));
    let a = assess(&answers);
    assert_eq!(a.areas[0].score, Some(66.7));
    assert_eq!(a.areas[1].score, Some(55.0));
    assert_eq!(a.score, 63.8);
    assert_eq!(a.areas[0].risk, Some(Risk::Medium));
    assert_eq!(a.verdict, Verdict::ReadyWithConditions);
    assert_eq!(a.reasons.iter().map(|r| r.rule.as_str()).collect::<Vec<_>>(), ["score-below-ready"]);
    // Priority = area weight × question weight × severity (score 50 is not below 50: 1).
    assert_eq!(a.actions.len(), 1);
    assert_eq!(a.actions[0].recommendation, "Improve one.");
    assert_eq!(a.actions[0].priority, 6.0);
    assert_eq!(a.actions[0].phase, Phase::Setup);
}

#[test]
fn multi_choice_sums_scores_and_lists_missing_items() {
    let a = assess(&with(best(), "b.multi", list(&["y"])));
    let multi = a.questions.iter().find(|q| q.id == "b.multi").unwrap();
    assert_eq!(multi.score, Some(40.0));
    let missing = a.actions.iter().find(|x| x.recommendation == "Put X in place.").expect("if_missing action");
    assert_eq!(missing.because, "Not in place: X in place");
    // Score 40 is below 50: severity 2; area weight 1, question weight 1.
    assert_eq!(missing.priority, 2.0);
    assert_eq!(assess(&with(best(), "b.multi", list(&["none"]))).questions[4].score, Some(0.0));
}

#[test]
fn a_condition_shows_the_follow_up_and_hidden_questions_leave_the_denominator() {
    // a.two = no shows a.follow; unanswered, it scores 0 and is an unknown.
    // Area a: (2×100 + 1×20 + 1×0) / 4 = 55.
    let a = assess(&with(best(), "a.two", choice("no")));
    let follow = a.questions.iter().find(|q| q.id == "a.follow").unwrap();
    assert_eq!(follow.status, QuestionStatus::Unanswered);
    assert_eq!(a.areas[0].score, Some(55.0));
    assert_eq!(a.unknowns.len(), 1);
    assert_eq!(a.unknowns[0].reason, UnknownReason::Unanswered);
    // Answering it brings area a to (200 + 20 + 100) / 4 = 80.
    let a = assess(&with(with(best(), "a.two", choice("no")), "a.follow", choice("yes")));
    assert_eq!(a.areas[0].score, Some(80.0));
}

#[test]
fn a_critical_red_flag_means_not_ready_whatever_the_average() {
    let a = assess(&with(best(), "a.one", choice("bad")));
    // Area a: (0 + 100) / 3 = 33.3; overall (3×33.3 + 100) / 4 = 50: not below the minimum.
    assert_eq!(a.score, 50.0);
    assert_eq!(a.verdict, Verdict::NotReady);
    assert_eq!(a.reasons[0].rule, "critical-red-flag");
    assert_eq!(a.reasons[0].questions, ["a.one"]);
    assert_eq!(a.red_flags.len(), 1);
    assert_eq!(a.red_flags[0].severity, Severity::Critical);
    assert_eq!(a.areas[0].risk, Some(Risk::High));
    // Critical severity: 3 × 2 × 4.
    assert_eq!(a.actions[0].priority, 24.0);
    assert_eq!(a.actions[0].phase, Phase::BeforeSigning);
}

#[test]
fn a_major_red_flag_rules_out_ready_even_with_a_high_score() {
    // Area a: (200 + 20 + 100) / 4 = 80; overall (3×80 + 100) / 4 = 85.
    let a = assess(&with(with(best(), "a.two", choice("no")), "a.follow", choice("yes")));
    assert_eq!(a.score, 85.0);
    assert_eq!(a.verdict, Verdict::ReadyWithConditions);
    assert_eq!(a.reasons.iter().map(|r| r.rule.as_str()).collect::<Vec<_>>(), ["major-red-flag"]);
    // 80 would be low risk, but the major flag makes the area medium.
    assert_eq!(a.areas[0].risk, Some(Risk::Medium));
}

#[test]
fn dont_know_scores_as_risk_and_too_many_unknowns_rule_out_ready() {
    // One of four shown scored questions unknown: 25%, not above the 25% allowed.
    let a = assess(&with(best(), "b.scale", Answer::DontKnow));
    assert_eq!(a.unknowns.len(), 1);
    assert_eq!(a.unknowns[0].reason, UnknownReason::DontKnow);
    assert_eq!(a.areas[1].score, Some(50.0));
    assert!(!a.reasons.iter().any(|r| r.rule == "too-many-unknowns"));
    // Two of four: 50%.
    let a = assess(&with(with(best(), "b.scale", Answer::DontKnow), "b.multi", Answer::DontKnow));
    let rules: Vec<_> = a.reasons.iter().map(|r| r.rule.as_str()).collect();
    assert!(rules.contains(&"too-many-unknowns"), "{rules:?}");
    assert!(rules.contains(&"high-risk-area"), "{rules:?}");
    assert_eq!(a.areas[1].score, Some(0.0));
    assert_eq!(a.areas[1].unknown, 2);
    assert_ne!(a.verdict, Verdict::Ready);
}

#[test]
fn overall_below_the_high_risk_bar_is_not_ready() {
    // Area a: (2×50 + 20 + 0) / 4 = 30; area b: (0 + 0) / 2 = 0; overall 22.5.
    let a = assess(&[
        ("a.one", choice("mid")),
        ("a.two", choice("no")),
        ("a.follow", choice("no")),
        ("b.scale", Answer::Number(1.0)),
        ("b.multi", list(&["none"])),
    ]);
    assert_eq!(a.score, 22.5);
    assert_eq!(a.verdict, Verdict::NotReady);
    assert!(a.reasons.iter().any(|r| r.rule == "score-below-minimum"));
}

#[test]
fn a_score_exactly_at_the_ready_bar_is_ready() {
    // Change the bar to the score this answer set produces: area a 100,
    // area b (50 + 100) / 2 = 75; overall (300 + 75) / 4 = 93.75.
    let src = SOURCE.replace("ready_at = 75", "ready_at = 93.75");
    let q = parse(&src, "t.toml").unwrap();
    let mut answers = Answers::for_questionnaire(&q);
    for (id, a) in with(best(), "b.scale", Answer::Number(3.0)) {
        answers.answers.insert(id.into(), a);
    }
    let a = score(&q, &answers, jiff::Timestamp::UNIX_EPOCH);
    assert_eq!(a.score, 93.8);
    assert_eq!(a.verdict, Verdict::Ready);
}

#[test]
fn nothing_answered_counts_every_shown_question_as_unknown() {
    let a = assess(&[]);
    assert_eq!(a.score, 0.0);
    assert_eq!(a.verdict, Verdict::NotReady);
    assert_eq!(a.unknowns.len(), 4, "a.one, a.two, b.scale, b.multi; follow-up hidden, text unscored");
    assert!(a.unknowns.iter().all(|u| u.reason == UnknownReason::Unanswered));
}

#[test]
fn actions_are_grouped_by_phase_then_priority() {
    let a = assess(&[
        ("a.one", choice("bad")),
        ("a.two", choice("no")),
        ("a.follow", choice("no")),
        ("b.scale", Answer::Number(2.0)),
        ("b.multi", list(&["y"])),
    ]);
    let order: Vec<(Phase, f64)> = a.actions.iter().map(|x| (x.phase, x.priority)).collect();
    assert_eq!(
        order,
        [
            (Phase::BeforeSigning, 24.0), // a.one bad: 3 × 2 × critical 4
            (Phase::BeforeSigning, 9.0),  // a.two no: 3 × 1 × major 3
            (Phase::Setup, 2.0),          // b.scale 2: 1 × 1 × (score 0) 2
            (Phase::Setup, 2.0),          // b.multi missing x: 1 × 1 × 2
            (Phase::Production, 6.0),     // a.follow no: 3 × 1 × 2
        ]
    );
    assert_eq!(a.red_flags.iter().map(|f| f.severity).collect::<Vec<_>>(), [Severity::Critical, Severity::Major]);
}
