//! The round read from the examples, and its rules on small cases.

use super::*;
use crate::core::answers::{Answer, Answers};
use crate::core::answers_file::{Syntax, parse_answers};
use crate::core::assessment::{PriorityLevel, Verdict};
use crate::core::questionnaire::{Severity, builtin, parse};
use crate::core::scoring::{decided, score};

mod agreement;
use agreement::{members, one_question};
mod plan;

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
        ("users", include_str!("../../../../examples/round/users.toml")),
        ("it", include_str!("../../../../examples/round/it.toml")),
        ("owners", include_str!("../../../../examples/round/owners.toml")),
        ("management", include_str!("../../../../examples/round/management.toml")),
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
          CRM?\" answered \"Each team manager will decide how far their own team uses it\" (Owen Price), and the groups disagree"]
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
fn a_round_of_one_is_its_assessment() {
    let q = readiness();
    let member = example_member(&q, "it", include_str!("../../../../examples/round/it.toml"));
    let a = member.assessment.clone();
    let round = build(&q, "Wide World Importers", "2026-Q4", vec![member]);
    assert_eq!((round.verdict, round.score, round.capped), (a.verdict, a.score, a.capped));
    assert_eq!(round.reasons, a.reasons);
    assert_eq!(round.red_flags.len(), a.red_flags.len());
    let view = round.as_assessment();
    // One action per question, as the round's plan holds them.
    let mut questions: Vec<&str> = a.actions.iter().map(|x| x.question.as_str()).collect();
    questions.sort_unstable();
    questions.dedup();
    assert_eq!(view.actions.len(), questions.len());
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

    // A split group: Ulf answers as management does, and stands on that
    // side, whatever his group's mean (50, halfway: the low side).
    let who = [
        ("Ann", Some(Group::Management), "yes"),
        ("Ian", Some(Group::It), "no"),
        ("Una", Some(Group::Users), "no"),
        ("Ulf", Some(Group::Users), "yes"),
    ];
    let round = build(&q, "T", "L", members(&q, &who));
    let flag = round.red_flags.iter().find(|f| f.kind == FlagKind::Disagreement).unwrap();
    assert_eq!(
        flag.answer,
        "management (Ann), users (Ulf): \"Required and checked\" versus IT (Ian), users (Una): \"Up to each team\""
    );
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
        ["Critical red flag: \"Who is contractually responsible?\" answered \"Nobody\" (Una), and the groups disagree"]
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

#[test]
fn each_respondents_answers_to_check_hold_the_round_back_and_name_who() {
    let q = readiness();
    let text = include_str!("../../../../tests/fixtures/answers/contradictions/checked-use-but-old-reports.toml");
    let member = |name: &str, second: i64| {
        let mut answers = parse_answers(text, "contradiction.toml", Syntax::Toml, &q).unwrap().answers;
        answers.respondent = Some(name.to_string());
        let at = jiff::Timestamp::from_second(1_790_000_000 + second).unwrap();
        Member { id: None, assessment: Cow::Owned(score(&q, &answers, at)) }
    };
    let round = build(&q, "Contoso", "2026-Q4", vec![member("Ana", 0), member("Ben", 1)]);
    assert_eq!(round.verdict, Verdict::ReadyWithConditions);
    let reason = round.reasons.iter().find(|r| r.rule == "answers-to-check").expect("an answers-to-check reason");
    assert_eq!(reason.message, "2 pairs of answers contradict each other: check them with Ana and Ben");
    assert_eq!(reason.questions, ["management.mandate", "management.lead-by-example"]);
}
