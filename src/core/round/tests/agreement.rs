//! Agreement between respondents, and the flag raised where groups are far
//! apart.

use super::*;

#[test]
fn agreement_is_high_where_they_agree_and_low_where_they_do_not() {
    let (_, round) = wide_world();
    let question = |id: &str| round.questions.iter().find(|x| x.id == id).unwrap();
    // Everyone answered "named-no-time" for the owner.
    assert_eq!(question("ownership.owner").agreement, Some(1.0));
    assert!(question("management.mandate").agreement.unwrap() < 0.5);
    // "Don't know" is left out and counted apart.
    let integration = question("setup.integration");
    assert_eq!((integration.answered, integration.unknown), (3, 1));
    assert_eq!(
        integration.groups.iter().map(|g| g.group.as_str()).collect::<Vec<_>>(),
        ["management", "it", "users", "owners"]
    );
    assert_eq!(integration.groups[2].score, None, "users only said they don't know");
    assert!(round.areas.iter().all(|a| a.agreement.is_none_or(|x| (0.0..=1.0).contains(&x))));
}

/// A one-question questionnaire whose answers score 0, 50 and 100.
pub(super) fn one_question() -> Questionnaire {
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
text = "Will use be required?"
[[area.question.choice]]
id = "no"
label = "Up to each team"
score = 0
[[area.question.choice]]
id = "some"
label = "Required"
score = 50
[[area.question.choice]]
id = "yes"
label = "Required and checked"
score = 100
"#;
    parse(source, "t.toml").unwrap()
}

/// Members answering `one_question`: (name, group, choice).
pub(super) fn members(q: &Questionnaire, who: &[(&str, Option<Group>, &str)]) -> Vec<Member<'static>> {
    who.iter()
        .enumerate()
        .map(|(i, (name, group, choice))| {
            let mut answers = Answers::for_questionnaire(q);
            answers.respondent = Some(name.to_string());
            answers.group = *group;
            answers.answers.insert("q".into(), Answer::Text(choice.to_string()));
            let at: jiff::Timestamp = format!("2026-11-0{}T09:00:00Z", i + 1).parse().unwrap();
            Member { id: None, assessment: Cow::Owned(score(q, &answers, at)) }
        })
        .collect()
}

#[test]
fn groups_far_apart_raise_a_flag_and_groups_in_line_do_not() {
    let q = one_question();
    let apart = members(&q, &[("Ann", Some(Group::Management), "yes"), ("Bob", Some(Group::Users), "no")]);
    let round = build(&q, "T", "L", apart);
    assert_eq!(round.red_flags.len(), 1);
    let flag = &round.red_flags[0];
    assert_eq!(flag.kind, FlagKind::Disagreement);
    assert_eq!(flag.answer, "management (Ann): \"Required and checked\" versus users (Bob): \"Up to each team\"");
    assert_eq!(round.verdict, Verdict::ReadyWithConditions, "a major flag; the score, 50, is not below 50");
    assert_eq!(round.actions.len(), 1);
    assert_eq!(round.actions[0].priority, 75.0, "a full-scale disagreement on the only question");

    let in_line = members(&q, &[("Ann", Some(Group::Management), "yes"), ("Bob", Some(Group::Users), "yes")]);
    let round = build(&q, "T", "L", in_line);
    assert!(round.red_flags.is_empty());
    assert_eq!(round.verdict, Verdict::Ready);

    // Without groups everyone is "unassigned": one group cannot disagree with itself.
    let no_groups = members(&q, &[("Ann", None, "yes"), ("Bob", None, "no")]);
    assert!(build(&q, "T", "L", no_groups).red_flags.is_empty());
    // Just under the bar: 50 points apart is a disagreement, 49.9 is not.
    let half = members(&q, &[("Ann", Some(Group::Management), "yes"), ("Bob", Some(Group::It), "some")]);
    assert_eq!(build(&q, "T", "L", half).red_flags.len(), 1);
}

#[test]
fn agreement_of_three_on_a_question_scoring_0_50_100() {
    let q = one_question();
    let who = [("Ann", None, "yes"), ("Bob", None, "yes"), ("Cy", None, "no")];
    let round = build(&q, "T", "L", members(&q, &who));
    // Observed 2222.2 against 1666.7 expected: 1 − 1.333 counts as 0.
    assert_eq!(round.questions[0].agreement, Some(0.0));
    assert_eq!(round.areas[0].agreement, Some(0.0));
    let who = [("Ann", None, "yes"), ("Bob", None, "some")];
    assert_eq!(build(&q, "T", "L", members(&q, &who)).questions[0].agreement, Some(0.63));
}
