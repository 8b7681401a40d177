//! The lint's rules, each on a small questionnaire that trips it and on
//! one that does not, and witnesses re-scored; `exhaustive` checks the
//! reachability claims against every answer set of small random
//! questionnaires.

mod exhaustive;

use super::*;
use crate::core::answers_file::{Syntax, parse_answers};
use crate::core::assessment::{Risk, Verdict};
use crate::core::questionnaire::parse;
use crate::core::scoring::score;

const HEADER: &str = r#"
[questionnaire]
id = "t"
version = "1"
title = "T"
"#;

/// A questionnaire that lints clean: every verdict and risk reachable.
const CLEAN: &str = r#"
[[area]]
id = "a"
title = "A"
why = "W."

[[area.question]]
id = "a.plan"
kind = "single"
text = "Plan?"
help = "H."
[[area.question.choice]]
id = "partial"
label = "Partly"
score = 60
[[area.question.choice]]
id = "none"
label = "None"
score = 0
red_flag = "critical"
recommendation = "Write a plan."
phase = "before-signing"
[[area.question.choice]]
id = "full"
label = "Fully"
score = 100

[[area.question]]
id = "a.owner"
kind = "yes_no"
text = "Owner?"
help = "H."
[[area.question.choice]]
id = "yes"
score = 100
[[area.question.choice]]
id = "no"
score = 20
red_flag = "major"
recommendation = "Name an owner."
phase = "before-signing"
"#;

pub(super) fn load(body: &str) -> Questionnaire {
    match parse(&format!("{HEADER}{body}"), "t.toml") {
        Ok(q) => q,
        Err(e) => panic!("{e}"),
    }
}

fn rules(l: &Lint) -> Vec<&'static str> {
    l.report.findings.iter().map(|f| f.rule.id()).collect()
}

fn findings_of(l: &Lint, rule: Rule) -> Vec<&Finding> {
    l.report.findings.iter().filter(|f| f.rule == rule).collect()
}

#[test]
fn a_sound_questionnaire_lints_clean_with_every_target_reachable() {
    let l = lint(&load(CLEAN));
    assert_eq!(rules(&l), Vec::<&str>::new());
    assert!(l.report.reachable.verdicts.iter().all(|v| v.reachable == Some(true)));
    assert!(l.report.reachable.area_risks.iter().all(|r| r.reachable == Some(true)));
    let a = &l.report.areas[0];
    assert_eq!((a.lowest, a.highest, a.exact), (Some(10.0), Some(100.0), true));
}

#[test]
fn every_witness_is_valid_and_scores_as_claimed() {
    let q = load(CLEAN);
    let l = lint(&q);
    assert_eq!(l.witnesses.len(), 6);
    for w in &l.witnesses {
        let text = l.witness_toml(&q, w).unwrap();
        let loaded = parse_answers(&text, "w.toml", Syntax::Toml, &q).unwrap();
        assert!(loaded.warnings.is_empty(), "{}: {:?}", w.name, loaded.warnings);
        let a = score(&q, &loaded.answers, jiff::Timestamp::UNIX_EPOCH);
        let claimed = match w.name.as_str() {
            "verdict-ready" => a.verdict == Verdict::Ready,
            "verdict-ready-with-conditions" => a.verdict == Verdict::ReadyWithConditions,
            "verdict-not-ready" => a.verdict == Verdict::NotReady,
            "area-a-low" => a.areas[0].risk == Some(Risk::Low),
            "area-a-medium" => a.areas[0].risk == Some(Risk::Medium),
            "area-a-high" => a.areas[0].risk == Some(Risk::High),
            other => panic!("unexpected witness {other}"),
        };
        assert!(claimed, "{} scores {:?} {:?}", w.name, a.verdict, a.areas[0].risk);
    }
}

#[test]
fn a_question_flagged_on_every_answer_rules_out_ready() {
    let body = CLEAN.replace("id = \"partial\"\nlabel = \"Partly\"\nscore = 60", "id = \"partial\"\nlabel = \"Partly\"\nscore = 30\nred_flag = \"major\"\nrecommendation = \"Finish it.\"\nphase = \"setup\"")
        .replace("id = \"full\"\nlabel = \"Fully\"\nscore = 100", "id = \"full\"\nlabel = \"Fully\"\nscore = 40\nred_flag = \"major\"\nrecommendation = \"Check it.\"\nphase = \"setup\"");
    let l = lint(&load(&body));
    let found = findings_of(&l, Rule::UnreachableVerdict);
    assert_eq!(found.len(), 1, "{:#?}", l.report.findings);
    assert_eq!(found[0].place.question.as_deref(), Some("a.plan"));
    assert!(found[0].message.contains("verdict ready"), "{}", found[0].message);
    assert_eq!(l.report.reachable.verdicts[0].reachable, Some(false));
}

#[test]
fn an_area_that_jumps_over_medium_is_reported() {
    let body = r#"
[[area]]
id = "a"
title = "A"
why = "W."
[[area.question]]
id = "a.q"
kind = "yes_no"
text = "Q?"
help = "H."
[[area.question.choice]]
id = "yes"
score = 100
[[area.question.choice]]
id = "no"
score = 0
red_flag = "critical"
recommendation = "Fix it."
phase = "setup"
"#;
    let l = lint(&load(body));
    let found = findings_of(&l, Rule::UnreachableRisk);
    assert_eq!(found.len(), 1, "{:#?}", l.report.findings);
    assert_eq!(found[0].place.area.as_deref(), Some("a"));
    assert!(found[0].message.contains("never be medium"), "{}", found[0].message);
    // With a middle answer the same area reaches medium.
    let with_middle = body.replace("kind = \"yes_no\"", "kind = \"single\"").replace(
        "id = \"yes\"\nscore = 100",
        "id = \"yes\"\nlabel = \"Yes\"\nscore = 100\n[[area.question.choice]]\nid = \"partly\"\nlabel = \"Partly\"\nscore = 60",
    );
    let with_middle = with_middle.replace("id = \"no\"\nscore = 0", "id = \"no\"\nlabel = \"No\"\nscore = 0");
    let l = lint(&load(&with_middle));
    assert!(findings_of(&l, Rule::UnreachableRisk).is_empty(), "{:#?}", l.report.findings);
}

const CONDITIONS: &str = r#"
[[area]]
id = "a"
title = "A"
why = "W."

[[area.question]]
id = "a.size"
kind = "scale"
text = "Size?"
help = "H."
min = 1
max = 5
[[area.question.band]]
from = 1
to = 5
score = 100

[[area.question]]
id = "a.kind"
kind = "single"
text = "Kind?"
help = "H."
scored = false
[[area.question.choice]]
id = "x"
label = "X"
[[area.question.choice]]
id = "y"
label = "Y"

[[area.question]]
id = "a.big"
kind = "yes_no"
text = "Big?"
help = "H."
when = { question = "a.size", at_least = THRESHOLD }
[[area.question.choice]]
id = "yes"
score = 100
[[area.question.choice]]
id = "no"
score = 100

[[area.question]]
id = "a.x-detail"
kind = "yes_no"
text = "X detail?"
help = "H."
when = { question = "a.kind", is = "x" }
[[area.question.choice]]
id = "yes"
score = 100
[[area.question.choice]]
id = "no"
score = 100

[[area.question]]
id = "a.chain"
kind = "yes_no"
text = "Chain?"
help = "H."
when = [{ question = "a.x-detail", is = "yes" }, { question = "a.kind", is = "CHOICE" }]
[[area.question.choice]]
id = "yes"
score = 100
[[area.question.choice]]
id = "no"
score = 100

[[area.question]]
id = "a.after-big"
kind = "yes_no"
text = "After big?"
help = "H."
when = { question = "a.big", is = "yes" }
[[area.question.choice]]
id = "yes"
score = 100
[[area.question.choice]]
id = "no"
score = 100
"#;

#[test]
fn conditions_that_can_never_hold_are_named_with_their_cause() {
    let body = CONDITIONS.replace("THRESHOLD", "6").replace("CHOICE", "y");
    let l = lint(&load(&body));
    let found = findings_of(&l, Rule::ConditionNeverHolds);
    let at: Vec<_> = found.iter().map(|f| f.place.question.as_deref().unwrap_or("")).collect();
    assert_eq!(at, ["a.big", "a.chain", "a.after-big"], "{found:#?}");
    assert!(
        found[0].message.contains("at_least = 6") && found[0].message.contains("takes 1 to 5"),
        "{}",
        found[0].message
    );
    assert!(found[1].message.contains("cannot all be given at once"), "{}", found[1].message);
    assert!(found[2].message.contains("names `a.big`, which is never shown"), "{}", found[2].message);
}

#[test]
fn conditions_that_can_hold_are_not_reported() {
    let body = CONDITIONS.replace("THRESHOLD", "5").replace("CHOICE", "x");
    let l = lint(&load(&body));
    assert!(findings_of(&l, Rule::ConditionNeverHolds).is_empty(), "{:#?}", l.report.findings);
    // A threshold at the minimum of a scale always holds: not reported either.
    let l = lint(&load(&CONDITIONS.replace("THRESHOLD", "1").replace("CHOICE", "x")));
    assert!(findings_of(&l, Rule::ConditionNeverHolds).is_empty());
}

#[test]
fn a_flag_on_an_answer_scoring_high_is_contradictory() {
    let flagged = CLEAN.replace("score = 20\nred_flag = \"major\"", "score = 60\nred_flag = \"major\"");
    let l = lint(&load(&flagged));
    let found = findings_of(&l, Rule::FlagOnHighScore);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].place.describe(), "a.owner/no");
    assert_eq!(found[0].level, Level::Error);
    assert!(findings_of(&lint(&load(CLEAN)), Rule::FlagOnHighScore).is_empty());
}

#[test]
fn a_low_score_needs_a_next_step_but_a_multiple_choice_item_does_not() {
    let bare = CLEAN.replace("score = 60\n", "score = 30\n");
    let l = lint(&load(&bare));
    let found = findings_of(&l, Rule::LowScoreWithoutRecommendation);
    assert_eq!(found.len(), 1, "{:#?}", l.report.findings);
    assert_eq!(found[0].place.describe(), "a.plan/partial");
    let multi = format!(
        "{CLEAN}{}",
        r#"
[[area.question]]
id = "a.covers"
kind = "multi"
text = "Covers?"
help = "H."
[[area.question.choice]]
id = "data"
label = "Data"
score = 50
[[area.question.choice]]
id = "training"
label = "Training"
score = 50
"#
    );
    assert!(findings_of(&lint(&load(&multi)), Rule::LowScoreWithoutRecommendation).is_empty());
}

/// A scored single-choice question with choices scoring `scores`, in order.
fn single(id: &str, scores: &[u32]) -> String {
    let mut s = format!("\n[[area.question]]\nid = \"{id}\"\nkind = \"single\"\ntext = \"Q?\"\nhelp = \"H.\"\n");
    for (i, score) in scores.iter().enumerate() {
        s.push_str(&format!("[[area.question.choice]]\nid = \"c{i}\"\nlabel = \"C{i}\"\nscore = {score}\n"));
        if *score < 50 {
            s.push_str(&format!("recommendation = \"Fix {id} {i}.\"\nphase = \"setup\"\n"));
        }
    }
    s
}

#[test]
fn choices_in_score_order_in_most_questions_give_the_best_away() {
    let ordered = format!(
        "{CLEAN}{}{}{}",
        single("a.x", &[100, 60, 0]),
        single("a.y", &[0, 40, 100]),
        single("a.z", &[100, 0, 60])
    );
    let l = lint(&load(&ordered));
    let found = findings_of(&l, Rule::ChoicesGiveBestAway);
    assert_eq!(found.len(), 1);
    assert!(found[0].message.contains("3 of 4") && found[0].message.contains("a.x, a.y, a.z"), "{}", found[0].message);
    let mixed = format!("{CLEAN}{}{}", single("a.x", &[60, 100, 0]), single("a.y", &[100, 0, 60]));
    // Only a.y (best first) of the three tells: not most of them.
    assert!(findings_of(&lint(&load(&mixed)), Rule::ChoicesGiveBestAway).is_empty());
}

#[test]
fn a_repeated_recommendation_names_both_places() {
    let repeated = CLEAN.replace("recommendation = \"Name an owner.\"", "recommendation = \"  write A   plan.\"");
    let l = lint(&load(&repeated));
    let found = findings_of(&l, Rule::RepeatedRecommendation);
    assert_eq!(found.len(), 1, "{:#?}", l.report.findings);
    assert_eq!(found[0].place.describe(), "a.owner/no");
    assert!(found[0].message.contains("`a.plan` choice `none`"), "{}", found[0].message);
    // "Don't know" copying its question's worst answer is the default, not a repeat.
    let q = load(CLEAN);
    assert_eq!(q.questions[0].unknown.recommendation.as_deref(), Some("Write a plan."));
    assert!(findings_of(&lint(&q), Rule::RepeatedRecommendation).is_empty());
}
