//! The merged plan: one action per question, at the earliest phase and
//! the highest priority any answer gives.

use super::*;

#[test]
fn the_merged_plan_holds_one_action_per_question_in_plan_order() {
    let (q, round) = wide_world();
    let mut questions: Vec<&str> = round.actions.iter().map(|a| a.question.as_str()).collect();
    let total = questions.len();
    questions.sort_unstable();
    questions.dedup();
    assert_eq!(questions.len(), total, "each question once");
    let ranks: Vec<(usize, f64)> = round.actions.iter().map(|a| (q.phase_rank(&a.phase), a.priority)).collect();
    assert!(ranks.windows(2).all(|w| w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 >= w[1].1)), "plan order");
    // Three respondents left the data with the champion; their action appears once, raised by all three.
    let shared = round.actions.iter().filter(|a| a.raised_by.len() > 1).count();
    assert!(shared > 5, "{shared}");
    for a in &round.actions {
        // The step is as urgent as the most urgent recommendation under it,
        // and names everyone who raised any, once.
        for o in &a.other_recommendations {
            assert!(q.phase_rank(&a.phase) <= q.phase_rank(&o.phase), "{a:?}");
            assert!(a.priority >= o.priority, "{a:?}");
            if !o.recommendation.starts_with("Bring ") {
                assert!(o.raised_by.iter().all(|s| a.raised_by.iter().any(|r| r.respondent == s.respondent)));
            }
        }
        let mut names: Vec<&str> = a.raised_by.iter().map(|s| s.respondent.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), a.raised_by.len(), "{a:?}");
    }
    // Read as one assessment (for `compare`), the plan is the round's: one
    // action per question, with its lead recommendation.
    let view = round.as_assessment();
    assert_eq!(view.actions.len(), round.actions.len());
    assert!(view.actions.iter().zip(&round.actions).all(|(v, r)| v.recommendation == r.recommendation));
}

/// One question whose two weaker answers recommend different things, due
/// in different phases.
fn two_remedies() -> Questionnaire {
    let source = r#"
[questionnaire]
id = "t"
version = "1"
title = "T"

[[area]]
id = "a"
title = "A"
why = "Why."

[[area.question]]
id = "q"
kind = "single"
text = "Has the MD presented the objectives to every team?"
[[area.question.choice]]
id = "all"
label = "Yes, to every team"
score = 100
[[area.question.choice]]
id = "some"
label = "To some teams"
score = 50
recommendation = "Present them to the rest before signing."
phase = "before-signing"
[[area.question.choice]]
id = "none"
label = "Not yet"
score = 0
recommendation = "Have each team lead brief their team during set-up."
phase = "setup"
"#;
    parse(source, "t.toml").unwrap()
}

#[test]
fn one_action_per_question_at_the_earliest_phase_and_highest_priority_any_answer_gives() {
    let q = two_remedies();
    // No groups: nobody disagrees, so only the answers' actions count.
    let who = [("Ann", None, "none"), ("Bob", None, "some"), ("Cy", None, "none")];
    let round = build(&q, "T", "L", members(&q, &who));
    assert_eq!(round.actions.len(), 1, "{:?}", round.actions);
    let step = &round.actions[0];
    let singles = members(&q, &who);
    let highest = singles.iter().flat_map(|m| &m.assessment.actions).map(|a| a.priority).fold(0.0, f64::max);
    let set_up = singles[0].assessment.actions[0].priority;
    assert!(set_up > singles[1].assessment.actions[0].priority, "the set-up remedy is the more pressing by priority");
    assert_eq!((step.phase.as_str(), step.priority), ("before-signing", highest));
    assert_eq!(step.priority_level, PriorityLevel::of(highest));
    assert_eq!(step.recommendation, "Present them to the rest before signing.");
    let who: Vec<&str> = step.raised_by.iter().map(|s| s.respondent.as_str()).collect();
    assert_eq!(who, ["Bob", "Ann", "Cy"]);
    assert_eq!(step.other_recommendations.len(), 1);
    let other = &step.other_recommendations[0];
    assert_eq!(other.recommendation, "Have each team lead brief their team during set-up.");
    assert_eq!((other.phase.as_str(), other.priority), ("setup", set_up));
    assert_eq!(other.raised_by.iter().map(|s| s.respondent.as_str()).collect::<Vec<_>>(), ["Ann", "Cy"]);
}
