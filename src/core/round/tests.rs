//! The round read from the examples, and its rules on small cases.

use super::*;
use crate::core::answers::{Answer, Answers};
use crate::core::answers_file::{Syntax, parse_answers};
use crate::core::assessment::{PriorityLevel, Verdict};
use crate::core::questionnaire::{Severity, builtin, parse};
use crate::core::scoring::{decided, score};

/// The value of `key = "value"` in an answers file's header.
fn header<'t>(text: &'t str, key: &str) -> Option<&'t str> {
    text.lines().find_map(|l| l.strip_prefix(&format!("{key} = \""))?.strip_suffix('"'))
}

/// An example answers file scored as a stored member of a round. Its group
/// and date are set here, from the file's header, so the test does not
/// depend on the answers reader taking them.
pub(crate) fn example_member(q: &Questionnaire, name: &str, text: &str) -> Member<'static> {
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with("group = ") && !l.starts_with("assessed_at = "))
        .map(|l| format!("{l}\n"))
        .collect();
    let mut answers = parse_answers(&body, name, Syntax::Toml, q).unwrap().answers;
    answers.group = header(text, "group").and_then(Group::from_name);
    let date: jiff::civil::Date = header(text, "assessed_at").unwrap().parse().unwrap();
    let at = date.to_zoned(jiff::tz::TimeZone::UTC).unwrap().timestamp();
    Member { id: Some(name.to_string()), assessment: Cow::Owned(score(q, &answers, at)) }
}

fn readiness() -> Questionnaire {
    builtin::find("crm-readiness").unwrap().load().unwrap()
}

/// The four stakeholders of examples/round/, given in no particular order.
fn wide_world() -> (Questionnaire, Round) {
    let q = readiness();
    let files = [
        ("users", include_str!("../../../examples/round/users.toml")),
        ("it", include_str!("../../../examples/round/it.toml")),
        ("owners", include_str!("../../../examples/round/owners.toml")),
        ("management", include_str!("../../../examples/round/management.toml")),
    ];
    let members = files.iter().map(|(name, text)| example_member(&q, name, text)).collect();
    let round = build(&q, "Wide World Importers", "2026-Q4", members);
    (q, round)
}

#[test]
fn the_example_round_names_every_respondent_in_the_order_assessed() {
    let (_, round) = wide_world();
    let who: Vec<(&str, Option<Group>)> = round.respondents.iter().map(|r| (r.name.as_str(), r.group)).collect();
    assert_eq!(
        who,
        [
            ("Catherine Hale", Some(Group::Management)),
            ("Ravi Menon", Some(Group::It)),
            ("Owen Price", Some(Group::Users)),
            ("Margaret Ellison", Some(Group::Owners)),
        ]
    );
    assert_eq!(round.assessed_at, "2026-11-12T00:00:00Z".parse::<jiff::Timestamp>().unwrap());
    let scores: Vec<f64> = round.respondents.iter().map(|r| r.score).collect();
    let mean = scores.iter().sum::<f64>() / 4.0;
    assert_eq!(round.score, round1(mean));
    assert!(round.lowest_score <= round.score && round.score <= round.highest_score);
    assert_eq!(round.lowest_score, scores.iter().copied().fold(f64::MAX, f64::min));
}

#[test]
fn the_example_groups_disagree_on_the_mandate_and_the_integration() {
    let (_, round) = wide_world();
    let disagreements: Vec<&RoundFlag> = round.red_flags.iter().filter(|f| f.kind == FlagKind::Disagreement).collect();
    let on: Vec<&str> = disagreements.iter().map(|f| f.question.as_str()).collect();
    assert!(on.contains(&"management.mandate") && on.contains(&"setup.integration"), "{on:?}");
    // Exactly the questions whose groups' mean scores lie 50 points apart.
    for x in round.questions.iter().filter(|x| x.scored) {
        let means: Vec<f64> = x.groups.iter().filter_map(|g| g.score).collect();
        let spread = means.iter().copied().fold(f64::MIN, f64::max) - means.iter().copied().fold(f64::MAX, f64::min);
        assert_eq!(on.contains(&x.id.as_str()), means.len() > 1 && spread >= 50.0, "{}: {means:?}", x.id);
    }
    let mandate = disagreements.iter().find(|f| f.question == "management.mandate").unwrap();
    assert_eq!(mandate.severity, Severity::Major);
    assert_eq!(
        mandate.answer,
        "management (Catherine Hale): \"Required in writing by the managing director, with the way it will be \
         checked\" versus IT (Ravi Menon), owners (Margaret Ellison): \"It will be required, but how that will be \
         checked hasn't been decided\"; users (Owen Price): \"Each team manager will decide how far their own \
         team uses it\""
    );
    assert!(
        mandate.recommendation.starts_with("Bring management, IT, users and owners together"),
        "{}",
        mandate.recommendation
    );
    let integration = disagreements.iter().find(|f| f.question == "setup.integration").unwrap();
    assert!(integration.answer.starts_with("management (Catherine Hale)"), "{}", integration.answer);
    assert!(integration.answer.contains(" versus IT (Ravi Menon): \"Yes; people will copy"), "{}", integration.answer);
    // One reason for the question, however many flags it carries: the
    // critical answer's, saying the groups disagree too.
    let on_mandate: Vec<&str> =
        round.reasons.iter().filter(|r| r.questions == ["management.mandate"]).map(|r| r.message.as_str()).collect();
    assert_eq!(
        on_mandate,
        ["Critical red flag: \"What will management require of staff about recording their customer work in the \
          CRM?\" answered \"Each team manager will decide how far their own team uses it\", and the groups disagree"]
    );
    // Each disagreement has its recommendation under its question's
    // action, due before signing.
    for f in &disagreements {
        let action = round.actions.iter().find(|a| a.question == f.question).unwrap();
        assert!(action.recommendations().any(|(phase, r)| r == f.recommendation && phase == "before-signing"));
        assert_eq!(action.phase, "before-signing");
        assert!(action.priority >= 20.0);
    }
}

#[test]
fn a_flag_anyone_raised_stands_with_who_raised_it() {
    let (_, round) = wide_world();
    let per_team = round.red_flags.iter().find(|f| f.kind == FlagKind::Answer && f.question == "management.mandate");
    let per_team = per_team.unwrap();
    assert_eq!(per_team.severity, Severity::Critical);
    assert_eq!(per_team.raised_by.len(), 1);
    assert_eq!(per_team.raised_by[0].respondent, "Owen Price");
    assert_eq!(round.verdict, Verdict::NotReady, "a critical flag stands in the round");
    assert_eq!(round.red_flags[0].severity, Severity::Critical, "critical flags first");
}

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
    // Read as one assessment (for `compare`), every recommendation is kept.
    let each = round.as_assessment().actions.len();
    assert_eq!(each, round.actions.iter().map(|a| 1 + a.other_recommendations.len()).sum::<usize>());
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
fn one_question() -> Questionnaire {
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
fn members(q: &Questionnaire, who: &[(&str, Option<Group>, &str)]) -> Vec<Member<'static>> {
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

#[test]
fn a_round_of_one_is_its_assessment() {
    let q = readiness();
    let member = example_member(&q, "it", include_str!("../../../examples/round/it.toml"));
    let a = member.assessment.clone();
    let round = build(&q, "Wide World Importers", "2026-Q4", vec![member]);
    assert_eq!((round.verdict, round.score, round.capped), (a.verdict, a.score, a.capped));
    assert_eq!(round.reasons, a.reasons);
    assert_eq!(round.red_flags.len(), a.red_flags.len());
    let view = round.as_assessment();
    assert_eq!(view.actions.len(), a.actions.len());
    assert_eq!(view.areas, a.areas);
    assert_eq!(view.unknowns, a.unknowns);
}

/// A one-question questionnaire whose worst answer, like "don't know" by
/// default, raises a critical red flag.
fn flagged_question() -> Questionnaire {
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
text = "Who is contractually responsible?"
[[area.question.choice]]
id = "lead"
label = "A lead supplier, named in its contract"
score = 100
[[area.question.choice]]
id = "nobody"
label = "Nobody"
score = 0
red_flag = "critical"
recommendation = "Name a lead in the contract."
phase = "before-signing"
"#;
    parse(source, "t.toml").unwrap()
}

/// A member of the `flagged_question` round, answering `answer` (or not).
fn flagged_member(q: &Questionnaire, name: &str, group: Group, day: u8, answer: Option<Answer>) -> Member<'static> {
    let mut answers = Answers::for_questionnaire(q);
    answers.respondent = Some(name.to_string());
    answers.group = Some(group);
    if let Some(a) = answer {
        answers.answers.insert("q".into(), a);
    }
    let at: jiff::Timestamp = format!("2026-11-0{day}T09:00:00Z").parse().unwrap();
    Member { id: None, assessment: Cow::Owned(score(q, &answers, at)) }
}

#[test]
fn one_respondents_dont_know_raises_nothing_where_others_answered_for_real() {
    let q = flagged_question();
    let lead = || Some(Answer::Text("lead".into()));
    let round = build(
        &q,
        "T",
        "L",
        vec![
            flagged_member(&q, "Ann", Group::Management, 1, lead()),
            flagged_member(&q, "Ian", Group::It, 2, lead()),
            flagged_member(&q, "Una", Group::Users, 3, Some(Answer::DontKnow)),
        ],
    );
    assert!(round.red_flags.is_empty(), "{:?}", round.red_flags);
    assert!(round.actions.is_empty(), "{:?}", round.actions);
    assert!(round.unknowns.is_empty());
    let noted = &round.known_to_some[0];
    assert_eq!((noted.question.as_str(), noted.not_known_by.len()), ("q", 1));
    assert_eq!(
        (noted.not_known_by[0].respondent.as_str(), noted.not_known_by[0].answer.as_str()),
        ("Una", "Don't know")
    );
    assert_ne!(round.verdict, Verdict::NotReady, "{:?}", round.reasons);

    // Nobody knows: then not knowing is the finding, and it stands.
    let round = build(
        &q,
        "T",
        "L",
        vec![
            flagged_member(&q, "Ann", Group::Management, 1, Some(Answer::DontKnow)),
            flagged_member(&q, "Una", Group::Users, 2, None),
        ],
    );
    assert_eq!(round.unknowns.iter().map(|u| u.question.as_str()).collect::<Vec<_>>(), ["q"]);
    assert_eq!(round.red_flags.len(), 1);
    assert_eq!(round.red_flags[0].severity, Severity::Critical);
    assert_eq!(round.red_flags[0].raised_by.len(), 2);
    assert!(round.known_to_some.is_empty());
    assert_eq!(round.verdict, Verdict::NotReady);
}

#[test]
fn in_the_example_round_the_users_dont_know_on_the_lead_supplier_is_a_note_not_a_flag() {
    let (_, round) = wide_world();
    assert!(round.red_flags.iter().all(|f| f.question != "vendors.prime"), "{:?}", round.red_flags);
    assert!(round.reasons.iter().all(|r| !r.message.contains("answered \"Don't know\"")), "{:?}", round.reasons);
    let prime = round.known_to_some.iter().find(|k| k.question == "vendors.prime").unwrap();
    assert_eq!(prime.not_known_by.iter().map(|s| s.respondent.as_str()).collect::<Vec<_>>(), ["Owen Price"]);
    // Every flag and action that stands comes from a real answer, a
    // disagreement, or a question nobody could answer.
    for said in round.red_flags.iter().flat_map(|f| &f.raised_by).chain(round.actions.iter().flat_map(|a| &a.raised_by))
    {
        assert_ne!(said.answer, "Don't know", "{said:?}");
    }
    // Each question counts once towards clustering: the integration's
    // answer flag and its disagreement flag are one question.
    let setup = round
        .reasons
        .iter()
        .find(|r| r.rule == "major-flags-clustered" && r.message.starts_with("Set-up plan"))
        .unwrap();
    let mut questions = setup.questions.clone();
    questions.dedup();
    assert_eq!(questions, setup.questions, "each question once");
    assert!(setup.message.contains(&format!("{} major red flags", setup.questions.len())), "{}", setup.message);
}

#[test]
fn a_disagreement_names_every_group_on_each_side_with_who_is_in_it() {
    let q = one_question();
    let who = [
        ("Ann", Some(Group::Management), "yes"),
        ("Ian", Some(Group::It), "no"),
        ("Una", Some(Group::Users), "no"),
        ("Ulf", Some(Group::Users), "some"),
        ("Olu", Some(Group::Owners), "yes"),
    ];
    let round = build(&q, "T", "L", members(&q, &who));
    let flag = round.red_flags.iter().find(|f| f.kind == FlagKind::Disagreement).unwrap();
    // Users' mean (25) is nearer IT's 0 than management's 100.
    assert_eq!(
        flag.answer,
        "management (Ann), owners (Olu): \"Required and checked\" versus IT (Ian), users (Una): \"Up to each team\"; \
         users (Ulf): \"Required\""
    );
    assert!(
        flag.recommendation.starts_with("Bring management, IT, users and owners together"),
        "{}",
        flag.recommendation
    );
    let raised: Vec<&str> = flag.raised_by.iter().map(|s| s.respondent.as_str()).collect();
    assert_eq!(raised, ["Ann", "Ian", "Una", "Ulf", "Olu"]);
}

#[test]
fn a_question_gives_the_verdict_one_reason_however_many_flags_it_carries() {
    let q = flagged_question();
    let lead = Some(Answer::Text("lead".into()));
    let nobody = Some(Answer::Text("nobody".into()));
    let round = build(
        &q,
        "T",
        "L",
        vec![flagged_member(&q, "Ann", Group::Management, 1, lead), flagged_member(&q, "Una", Group::Users, 2, nobody)],
    );
    let kinds: Vec<FlagKind> = round.red_flags.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, [FlagKind::Answer, FlagKind::Disagreement], "both flags stand");
    let on_q: Vec<&str> = round.reasons.iter().filter(|r| r.questions == ["q"]).map(|r| r.message.as_str()).collect();
    assert_eq!(
        on_q,
        ["Critical red flag: \"Who is contractually responsible?\" answered \"Nobody\", and the groups disagree"]
    );
}

#[test]
fn a_rounds_reasons_are_those_that_decided_its_verdict() {
    let (_, round) = wide_world();
    assert_eq!(round.verdict, Verdict::NotReady);
    assert!(!round.reasons.is_empty());
    for r in &round.reasons {
        assert!(decided(round.verdict, &r.rule), "{r:?}");
    }
}
