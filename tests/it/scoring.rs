//! Scoring against hand-computed expectations: weights, conditions,
//! "don't know", each red-flag cap and escalation, thresholds and action
//! priorities.
//!
//! Priorities: 100 × shortfall × severity (critical 1, major 0.75, none
//! 0.5) × weight factor, floors 50 (critical) and 20 (major), at most 100.
//! Weight factors here: the mean area weight is 2 and area a's mean
//! question weight 4/3, so a.one weighs √(3/2 × 2/(4/3)) = 1.5, a.two and
//! a.follow √(3/2 × 1/(4/3)) ≈ 1.061, area b's questions √(1/2) ≈ 0.707.

use crm_ready::core::answers::{Answer, Answers};
use crm_ready::core::assessment::{Assessment, PriorityLevel, QuestionStatus, Risk, UnknownReason, Verdict};
use crm_ready::core::questionnaire::{Questionnaire, Severity, parse};
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
    assess_with(&questionnaire(), pairs)
}

fn assess_with(q: &Questionnaire, pairs: &[(&str, Answer)]) -> Assessment {
    let mut answers = Answers::for_questionnaire(q);
    for (id, a) in pairs {
        answers.answers.insert((*id).into(), a.clone());
    }
    score(q, &answers, jiff::Timestamp::UNIX_EPOCH)
}

/// The test questionnaire with `edit` applied to its text.
fn edited(edit: impl Fn(&str) -> String) -> Questionnaire {
    parse(&edit(SOURCE), "edited.toml").expect("the edited questionnaire is valid")
}

fn rules(a: &Assessment) -> Vec<&str> {
    a.reasons.iter().map(|r| r.rule.as_str()).collect()
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
    // Both areas below 75 without a flag: each is named, then the score.
    let rules: Vec<&str> = a.reasons.iter().map(|r| r.rule.as_str()).collect();
    assert_eq!(rules, ["medium-risk-area", "medium-risk-area", "score-below-ready"]);
    assert_eq!(a.reasons[0].message, "Area A: medium risk (66.7)");
    assert_eq!(a.reasons[0].questions, ["a.one"]);
    // 100 × shortfall 0.5 × no flag 0.5 × weight 1.5.
    assert_eq!(a.actions.len(), 1);
    assert_eq!(a.actions[0].recommendation, "Improve one.");
    assert_eq!(a.actions[0].priority, 37.5);
    assert_eq!(a.actions[0].priority_level, PriorityLevel::Medium);
    assert_eq!(a.actions[0].phase, "setup");
}

#[test]
fn multi_choice_sums_scores_and_lists_missing_items() {
    let a = assess(&with(best(), "b.multi", list(&["y"])));
    let multi = a.questions.iter().find(|q| q.id == "b.multi").unwrap();
    assert_eq!(multi.score, Some(40.0));
    let missing = a.actions.iter().find(|x| x.recommendation == "Put X in place.").expect("if_missing action");
    assert_eq!(missing.because, "Not in place: X in place");
    // 100 × shortfall 0.6 × no flag 0.5 × weight 0.707.
    assert_eq!(missing.priority, 21.2);
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
    // 100 × shortfall 1 × critical 1 × weight 1.5, at most 100.
    assert_eq!(a.actions[0].priority, 100.0);
    assert_eq!(a.actions[0].priority_level, PriorityLevel::High);
    assert_eq!(a.actions[0].phase, "before-signing");
    assert!(a.capped, "the score alone (50) would give ready with conditions");
}

#[test]
fn a_major_red_flag_rules_out_ready_even_with_a_high_score() {
    // Area a: (200 + 20 + 100) / 4 = 80; overall (3×80 + 100) / 4 = 85.
    let a = assess(&with(with(best(), "a.two", choice("no")), "a.follow", choice("yes")));
    assert_eq!(a.score, 85.0);
    assert_eq!(a.verdict, Verdict::ReadyWithConditions);
    // Its action is due before signing, which on its own would rule out ready too.
    assert_eq!(a.reasons.iter().map(|r| r.rule.as_str()).collect::<Vec<_>>(), ["major-red-flag", "actions-due-first"]);
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
    // a.follow waits on a.two, which has no answer: it was not asked, and
    // counts as unknown rather than being dropped. The text question is
    // unscored.
    let ids: Vec<&str> = a.unknowns.iter().map(|u| u.question.as_str()).collect();
    assert_eq!(ids, ["a.one", "a.two", "a.follow", "b.scale", "b.multi"]);
    let reasons: Vec<UnknownReason> = a.unknowns.iter().map(|u| u.reason).collect();
    use UnknownReason::{Unanswered, Waiting};
    assert_eq!(reasons, [Unanswered, Unanswered, Waiting, Unanswered, Unanswered]);
    assert_eq!(a.unknowns[2].waits_on.as_deref(), Some("a.two"));
    let follow = a.questions.iter().find(|q| q.id == "a.follow").unwrap();
    assert_eq!((follow.status, follow.score, follow.answer.as_ref()), (QuestionStatus::Waiting, Some(0.0), None));
}

#[test]
fn a_follow_up_waits_on_its_gate_and_counts_as_unknown_until_it_is_answered() {
    // a.two answered "don't know": a.follow waits, whatever was said for
    // it; it scores 0 but raises nothing of its own (the gate carries its
    // flag).
    let pending = assess(&[
        ("a.one", choice("good")),
        ("a.two", Answer::DontKnow),
        ("a.follow", choice("yes")),
        ("b.scale", Answer::Number(5.0)),
        ("b.multi", list(&["x", "y"])),
    ]);
    let follow = pending.questions.iter().find(|q| q.id == "a.follow").unwrap();
    assert_eq!((follow.status, follow.score), (QuestionStatus::Waiting, Some(0.0)));
    assert!(pending.unknowns.iter().any(|u| u.question == "a.follow" && u.reason == UnknownReason::Waiting));
    assert!(pending.actions.iter().all(|x| x.question != "a.follow"), "{:?}", pending.actions);
    assert!(pending.red_flags.iter().all(|f| f.question != "a.follow"), "{:?}", pending.red_flags);
    // Answered for real, the gate decides: "no" asks the follow-up, "yes"
    // hides it; either way the project stands better than left open.
    for (two, status) in [("no", QuestionStatus::Answered), ("yes", QuestionStatus::Hidden)] {
        let decided = assess(&[
            ("a.one", choice("good")),
            ("a.two", choice(two)),
            ("a.follow", choice("yes")),
            ("b.scale", Answer::Number(5.0)),
            ("b.multi", list(&["x", "y"])),
        ]);
        let follow = decided.questions.iter().find(|q| q.id == "a.follow").unwrap();
        assert_eq!(follow.status, status);
        assert!(pending.score < decided.score, "{two}: {} vs {}", pending.score, decided.score);
        assert!(pending.verdict <= decided.verdict);
    }
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
    let order: Vec<(&str, f64)> = a.actions.iter().map(|x| (x.phase.as_str(), x.priority)).collect();
    assert_eq!(
        order,
        [
            ("before-signing", 100.0), // a.one bad: 100 × 1 × 1 × 1.5, at most 100
            ("before-signing", 63.6),  // a.two no: 100 × 0.8 × 0.75 × 1.061
            ("setup", 35.4),           // b.scale 2: 100 × 1 × 0.5 × 0.707
            ("setup", 21.2),           // b.multi missing x: 100 × 0.6 × 0.5 × 0.707
            ("production", 53.0),      // a.follow no: 100 × 1 × 0.5 × 1.061
        ]
    );
    assert_eq!(a.red_flags.iter().map(|f| f.severity).collect::<Vec<_>>(), [Severity::Critical, Severity::Major]);
}

#[test]
fn dont_know_on_a_gate_carries_its_worst_red_flag() {
    // a.one's worst answer is critical: not knowing it is as bad.
    let a = assess(&with(best(), "a.one", Answer::DontKnow));
    assert_eq!(a.verdict, Verdict::NotReady);
    assert_eq!(a.red_flags.len(), 1);
    assert_eq!((a.red_flags[0].severity, a.red_flags[0].answer.as_str()), (Severity::Critical, "Don't know"));
    assert_eq!(a.reasons[0].rule, "critical-red-flag");
    let action = &a.actions[0];
    assert_eq!((action.recommendation.as_str(), action.phase.as_str()), ("Stop and fix one.", "before-signing"));
    assert_eq!((action.because.as_str(), action.priority), ("Don't know", 100.0));
    // Left unanswered, the same.
    let a = assess(&best().into_iter().filter(|(id, _)| *id != "a.one").collect::<Vec<_>>());
    assert_eq!((a.verdict, a.red_flags[0].answer.as_str()), (Verdict::NotReady, "Unanswered"));
}

#[test]
fn an_author_can_say_what_dont_know_raises() {
    let q = edited(|s| s.replace("text = \"One?\"", "text = \"One?\"\nunknown = { red_flag = \"none\" }"));
    let a = assess_with(&q, &with(best(), "a.one", Answer::DontKnow));
    assert!(a.red_flags.is_empty());
    assert_ne!(a.verdict, Verdict::NotReady);
    assert_eq!(a.actions[0].recommendation, "Stop and fix one.", "the riskiest answer's action");
    let q = edited(|s| {
        s.replace(
            "text = \"One?\"",
            "text = \"One?\"\nunknown = { red_flag = \"major\", recommendation = \"Ask the board.\", phase = \"setup\" }",
        )
    });
    let a = assess_with(&q, &with(best(), "a.one", Answer::DontKnow));
    assert_eq!(a.red_flags[0].severity, Severity::Major);
    assert_eq!((a.actions[0].recommendation.as_str(), a.actions[0].phase.as_str()), ("Ask the board.", "setup"));
}

#[test]
fn an_exclusive_none_raises_its_own_action_only() {
    let q = edited(|s| {
        s.replace(
            "score = 0\nexclusive = true",
            "score = 0\nexclusive = true\nrecommendation = \"Start with X.\"\nphase = \"setup\"",
        )
    });
    let a = assess_with(&q, &with(best(), "b.multi", list(&["none"])));
    let recommendations: Vec<&str> = a.actions.iter().map(|x| x.recommendation.as_str()).collect();
    assert_eq!(recommendations, ["Start with X."], "not also \"Put X in place.\"");
}

#[test]
fn a_context_only_question_never_moves_the_score() {
    let q = edited(|s| {
        s.replace(
            "[[area.question]]\nid = \"b.text\"",
            "[[area.question]]\nid = \"b.context\"\nkind = \"single\"\ntext = \"Which?\"\nscored = false\n\
             [[area.question.choice]]\nid = \"p\"\nlabel = \"P\"\n[[area.question.choice]]\nid = \"q\"\nlabel = \"Q\"\n\n\
             [[area.question]]\nid = \"b.text\"",
        )
    });
    let base = assess_with(&q, &best());
    for answer in [choice("p"), choice("q"), Answer::DontKnow] {
        let a = assess_with(&q, &with(best(), "b.context", answer));
        assert_eq!((a.score, a.verdict, a.areas[1].questions), (base.score, base.verdict, base.areas[1].questions));
        assert!(a.unknowns.is_empty() && a.actions.is_empty());
    }
    assert_eq!(base.areas[1].questions, 2, "b.scale and b.multi only");
}

/// Area b with a major flag on a low scale step, on "y" alone and on a new
/// yes/no question `b.extra`.
fn q_source_with_three_majors(s: &str) -> String {
    s.replace("score = 0\nrecommendation = \"Raise the scale.\"", "score = 0\nred_flag = \"major\"\nrecommendation = \"Raise the scale.\"")
        .replace(
            "id = \"y\"\nlabel = \"Y in place\"\nscore = 40",
            "id = \"y\"\nlabel = \"Y in place\"\nscore = 40\nred_flag = \"major\"\nrecommendation = \"Replace Y.\"\nphase = \"setup\"",
        )
        .replace(
            "[[area.question]]\nid = \"b.text\"",
            "[[area.question]]\nid = \"b.extra\"\nkind = \"yes_no\"\ntext = \"Extra?\"\n[[area.question.choice]]\nid = \"yes\"\nscore = 100\n\
             [[area.question.choice]]\nid = \"no\"\nscore = 60\nred_flag = \"major\"\nrecommendation = \"Fix extra.\"\nphase = \"setup\"\n\n\
             [[area.question]]\nid = \"b.text\"",
        )
}

#[test]
fn several_major_flags_in_one_area_mean_not_ready() {
    // Three major flags in area b; the default allows two.
    let q = edited(q_source_with_three_majors);
    let base = with(best(), "b.extra", choice("yes"));
    let two = assess_with(&q, &with(with(base.clone(), "b.scale", Answer::Number(1.0)), "b.multi", list(&["y"])));
    assert_eq!(two.verdict, Verdict::ReadyWithConditions, "{:?}", rules(&two));
    let three = assess_with(
        &q,
        &with(
            with(with(base.clone(), "b.scale", Answer::Number(1.0)), "b.multi", list(&["y"])),
            "b.extra",
            choice("no"),
        ),
    );
    assert_eq!(three.verdict, Verdict::NotReady);
    let clustered = three.reasons.iter().find(|r| r.rule == "major-flags-clustered").expect("clustered");
    assert_eq!(clustered.questions, ["b.scale", "b.multi", "b.extra"]);
    assert!(clustered.message.starts_with("Area B: "), "{}", clustered.message);
    assert!(clustered.message.ends_with(", 3 major red flags (more than 2 in one area)"), "{}", clustered.message);
    // The threshold is the questionnaire's to set.
    let lenient = edited(|s| {
        q_source_with_three_majors(s)
            .replace("max_unknown_share = 0.25", "max_unknown_share = 0.25\nmax_major_flags_per_area = 3")
    });
    let answers =
        with(with(with(base, "b.scale", Answer::Number(1.0)), "b.multi", list(&["y"])), "b.extra", choice("no"));
    assert_eq!(assess_with(&lenient, &answers).verdict, Verdict::ReadyWithConditions);
}

#[test]
fn a_high_risk_area_with_a_major_flag_due_before_signing_means_not_ready() {
    // A major flag on the lowest scale step, due before signing. Area b:
    // (0 + 40) / 2 = 20, high risk; overall (300 + 20) / 4 = 80.
    let major_scale = |s: &str| {
        s.replace(
            "score = 0\nrecommendation = \"Raise the scale.\"\nphase = \"setup\"",
            "score = 0\nred_flag = \"major\"\nrecommendation = \"Raise the scale.\"\nphase = \"before-signing\"",
        )
    };
    let answers = with(with(best(), "b.scale", Answer::Number(1.0)), "b.multi", list(&["y"]));
    let a = assess_with(&edited(major_scale), &answers);
    assert_eq!((a.score, a.areas[1].risk), (80.0, Some(Risk::High)));
    assert_eq!(a.verdict, Verdict::NotReady);
    assert!(rules(&a).contains(&"high-risk-area-with-major-flag"), "{:?}", rules(&a));
    assert!(a.capped);
    let off = |s: &str| {
        major_scale(s).replace("max_unknown_share = 0.25", "max_unknown_share = 0.25\nescalate_high_risk_areas = false")
    };
    let a = assess_with(&edited(off), &answers);
    assert_eq!(a.verdict, Verdict::ReadyWithConditions, "{:?}", rules(&a));
}

/// A single weaker answer whose action is due before signing: the verdict
/// says "not yet", and the action is never low, since it holds the verdict
/// back.
#[test]
fn an_action_due_before_signing_holds_ready_back_and_is_never_low() {
    let q = crm_ready::core::questionnaire::builtin::find("crm-readiness").unwrap().load().unwrap();
    let case =
        std::fs::read_to_string(format!("{}/tests/cases/model-company.toml", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let text =
        case.replace("\"vision.objective\" = \"written-measurable\"", "\"vision.objective\" = \"measurable-unsigned\"");
    assert_ne!(text, case, "the case names its objective");
    let loaded = crm_ready::core::answers_file::parse_answers(
        &text,
        "model.toml",
        crm_ready::core::answers_file::Syntax::Toml,
        &q,
    )
    .unwrap();
    let a = score(&q, &loaded.answers, jiff::Timestamp::UNIX_EPOCH);
    assert_eq!(a.verdict, Verdict::ReadyWithConditions);
    assert!(a.capped, "the score alone says ready: {}", a.score);
    let due: Vec<&str> =
        a.reasons.iter().filter(|r| r.rule == "actions-due-first").map(|r| r.message.as_str()).collect();
    assert_eq!(due, ["The plan has actions due before signing on 1 question"]);
    let first = &a.actions[0];
    assert_eq!((first.phase.as_str(), first.question.as_str()), ("before-signing", "vision.objective"));
    assert_eq!(first.priority_level, PriorityLevel::Medium, "{first:?}");
}

/// A scored gate with no action of its own for "don't know" still carries
/// its waiting follow-up's flag, with the action to find out its answer.
#[test]
fn a_gate_without_an_unknown_action_still_carries_its_follow_ups_flag() {
    let src = r#"
[questionnaire]
id = "g"
version = "1"
title = "G"

[[area]]
id = "a"
title = "A"
why = "W."

[[area.question]]
id = "a.gate"
kind = "yes_no"
text = "Several suppliers?"
[[area.question.choice]]
id = "yes"
score = 100
[[area.question.choice]]
id = "no"
score = 100

[[area.question]]
id = "a.lead"
kind = "yes_no"
text = "Is one of them in charge?"
when = { question = "a.gate", is = "yes" }
[[area.question.choice]]
id = "yes"
score = 100
[[area.question.choice]]
id = "no"
score = 0
red_flag = "critical"
recommendation = "Name a lead supplier."
phase = "before-signing"
"#;
    let q = parse(src, "g.toml").unwrap();
    let mut answers = Answers::for_questionnaire(&q);
    answers.answers.insert("a.gate".into(), Answer::DontKnow);
    let a = score(&q, &answers, jiff::Timestamp::UNIX_EPOCH);
    assert_eq!(a.verdict, Verdict::NotReady, "{:?}", a.reasons);
    assert_eq!(a.red_flags.len(), 1);
    assert_eq!((a.red_flags[0].question.as_str(), a.red_flags[0].severity), ("a.gate", Severity::Critical));
    assert_eq!(a.actions.len(), 1);
    assert!(a.actions[0].recommendation.starts_with("Find out the answer to \"Several suppliers?\""));
    let gate = a.questions.iter().find(|x| x.id == "a.gate").unwrap();
    assert_eq!(gate.red_flag, Some(Severity::Critical));
    let listed: Vec<&str> = a.unknowns.iter().map(|u| u.question.as_str()).collect();
    assert_eq!(listed, ["a.gate", "a.lead"], "each once");
}
