//! Comparing assessments: every kind of change, and which questionnaires compare.

use super::*;
use crate::core::answers::{Answer, Answers};
use crate::core::answers_file::{Syntax, parse_answers};
use crate::core::questionnaire::{Questionnaire, parse};
use crate::core::scoring::score;

/// A small questionnaire shaped like a quick check (see the file): the
/// comparison's mechanics should not depend on a built-in's wording.
const INTERVIEW: &str = include_str!("../../../../tests/fixtures/questionnaires/good/interview.toml");

/// Every question answered; the objective is written in general terms
/// and use will be required without a check (each an action, no flag).
const BASE: &str = r#"
questionnaire = "interview"
version = "1.0.0"
organization = "Fabrikam Garden Centres"

[answers]
"vision.objective" = "written-general"
"vision.strategy" = "customer-first"
"business-case.how" = "specific"
"business-case.timing" = "own"
"management.mandate" = "required"
"management.alignment" = 4
"setup.plan-covers" = ["configuration", "training", "data", "integration", "users"]
"production.plan" = "written"
"vendors.count" = "one"
"vendors.named-people" = "named"
"#;

fn interview() -> Questionnaire {
    parse(INTERVIEW, "interview.toml").unwrap()
}

fn base_answers(q: &Questionnaire) -> Answers {
    parse_answers(BASE, "base.toml", Syntax::Toml, q).unwrap().answers
}

fn assess(q: &Questionnaire, answers: &Answers) -> Assessment {
    score(q, answers, "2026-04-01T09:00:00Z".parse().unwrap())
}

fn with(q: &Questionnaire, changes: &[(&str, &str)]) -> Assessment {
    let mut answers = base_answers(q);
    for (id, choice) in changes {
        answers.answers.insert((*id).into(), Answer::Text((*choice).into()));
    }
    assess(q, &answers)
}

#[test]
fn identical_assessments_change_nothing() {
    let q = interview();
    let a = with(&q, &[]);
    assert!(!a.actions.is_empty(), "the base answers leave actions open");
    let c = compare(Subject::assessment(&a, None), Subject::assessment(&a, None), false).unwrap();
    assert!(c.same_questionnaire);
    assert_eq!(c.questions_compared, q.questions.len());
    assert_eq!(c.score.change, 0.0);
    assert_eq!(c.verdict.direction, Direction::Same);
    assert!(c.areas.iter().all(|x| x.change == Some(0.0)), "{:?}", c.areas);
    assert!(c.changed_answers.is_empty());
    assert!(c.red_flags_raised.is_empty() && c.red_flags_cleared.is_empty());
    assert!(c.actions_completed.is_empty() && c.actions_new.is_empty());
    assert_eq!(c.actions_open, a.actions);
}

#[test]
fn an_improvement_shows_in_every_kind_of_delta() {
    let q = interview();
    // Before: no objective (a critical red flag). After: a measurable one.
    let before = with(&q, &[("vision.objective", "none")]);
    let after = with(&q, &[("vision.objective", "written-measurable")]);
    let c = compare(Subject::assessment(&before, None), Subject::assessment(&after, None), false).unwrap();

    assert!(c.score.change > 0.0, "{:?}", c.score);
    assert_eq!(c.score.change, round1(after.score - before.score));
    assert_eq!(c.verdict.before, Verdict::NotReady);
    assert_ne!(c.verdict.after, Verdict::NotReady);
    assert_eq!(c.verdict.direction, Direction::Better);

    let vision = c.areas.iter().find(|a| a.id == "vision").unwrap();
    assert!(vision.change.unwrap() > 0.0);
    assert!(c.areas.iter().filter(|a| a.id != "vision").all(|a| a.change == Some(0.0)));

    assert_eq!(c.changed_answers.len(), 1, "{:?}", c.changed_answers);
    let changed = &c.changed_answers[0];
    assert_eq!(changed.question, "vision.objective");
    let objective = q.question("vision.objective").unwrap();
    assert_eq!(changed.before, objective.choice("none").unwrap().label);
    assert_eq!(changed.after, objective.choice("written-measurable").unwrap().label);
    assert_eq!(changed.direction, Direction::Better);

    assert!(c.red_flags_raised.is_empty());
    assert_eq!(c.red_flags_cleared.len(), 1);
    assert_eq!(c.red_flags_cleared[0].question, "vision.objective");
    assert!(c.actions_completed.iter().any(|x| x.question == "vision.objective"), "{:?}", c.actions_completed);
    assert!(c.actions_new.iter().all(|x| x.question != "vision.objective"));
    assert_eq!(c.actions_open.len() + c.actions_new.len(), after.actions.len());
}

#[test]
fn a_setback_raises_flags_and_new_actions() {
    let q = interview();
    let before = with(&q, &[]);
    let after = with(&q, &[("management.mandate", "not-required")]);
    let c = compare(Subject::assessment(&before, None), Subject::assessment(&after, None), false).unwrap();
    assert!(c.score.change < 0.0);
    assert_ne!(c.verdict.before, Verdict::NotReady);
    assert_eq!(c.verdict.after, Verdict::NotReady);
    assert_eq!(c.verdict.direction, Direction::Worse);
    assert_eq!(c.red_flags_raised.len(), 1);
    assert_eq!(c.red_flags_raised[0].question, "management.mandate");
    assert!(c.red_flags_cleared.is_empty());
    // The question still calls for an action, in the new answer's words: it
    // is open, neither new nor completed.
    let on_mandate = |list: &[ActionItem]| list.iter().filter(|x| x.question == "management.mandate").count();
    assert_eq!((on_mandate(&c.actions_new), on_mandate(&c.actions_completed)), (0, 0));
    assert_eq!(on_mandate(&c.actions_open), 1);
    let open = c.actions_open.iter().find(|x| x.question == "management.mandate").unwrap();
    assert!(after.actions.contains(open), "as the later assessment words it");
    assert_eq!(c.changed_answers[0].direction, Direction::Worse);
}

#[test]
fn dont_know_and_unanswered_are_described_in_words() {
    let q = interview();
    let before = with(&q, &[]);
    let mut answers = base_answers(&q);
    answers.answers.remove("vision.strategy");
    answers.answers.insert("business-case.timing".into(), Answer::DontKnow);
    let after = assess(&q, &answers);
    let c = compare(Subject::assessment(&before, None), Subject::assessment(&after, None), false).unwrap();
    let words: Vec<(&str, &str)> = c.changed_answers.iter().map(|a| (a.question.as_str(), a.after.as_str())).collect();
    assert_eq!(words, [("vision.strategy", "unanswered"), ("business-case.timing", "Don't know")]);
}

#[test]
fn different_questionnaires_are_refused_unless_forced() {
    // A shorter questionnaire of another id that shares every question
    // but the suppliers' with the fixture.
    let cut = INTERVIEW.find("[[area]]\nid = \"vendors\"").unwrap();
    let short =
        parse(&INTERVIEW[..cut].replace("id = \"interview\"", "id = \"interview-short\""), "short.toml").unwrap();
    let full = interview();
    let mut short_answers = Answers::for_questionnaire(&short);
    short_answers.answers =
        base_answers(&full).answers.into_iter().filter(|(id, _)| short.question(id).is_some()).collect();
    let a = assess(&short, &short_answers);
    let mut full_answers = Answers::for_questionnaire(&full);
    full_answers.answers.insert("vision.objective".into(), Answer::Text("written-measurable".into()));
    let b = assess(&full, &full_answers);

    let err = compare(Subject::assessment(&a, None), Subject::assessment(&b, None), false).unwrap_err();
    assert!(err.message.contains("`interview-short` and `interview`"), "{}", err.message);
    assert!(err.message.contains("--force"), "{}", err.message);

    let c = compare(Subject::assessment(&a, None), Subject::assessment(&b, None), true).unwrap();
    assert!(!c.same_questionnaire);
    let shared = short.questions.iter().filter(|x| full.question(&x.id).is_some()).count();
    assert!(shared > 0 && shared < full.questions.len());
    assert_eq!(c.questions_compared, shared);
    let in_both = |id: &str| short.question(id).is_some() && full.question(id).is_some();
    assert!(c.changed_answers.iter().all(|x| in_both(&x.question)));
    assert!(c.actions_new.iter().chain(&c.actions_completed).chain(&c.actions_open).all(|x| in_both(&x.question)));
    assert!(c.changed_answers.iter().any(|x| x.question == "vision.objective"));
}

#[test]
fn another_version_compares_on_what_both_share_and_another_text_is_refused() {
    let q = interview();
    let a = with(&q, &[]);
    let mut b = with(&q, &[("vision.objective", "none")]);
    b.questionnaire.version = "2.0.0".into();
    // Version 2 has no `production.plan` and no production area.
    b.questions.retain(|x| x.id != "production.plan");
    b.areas.retain(|x| x.id != "production");
    b.actions.retain(|x| x.question != "production.plan");
    let c = compare(Subject::assessment(&a, None), Subject::assessment(&b, None), false).unwrap();
    assert!(!c.same_questionnaire);
    assert_eq!(c.questions_compared, q.questions.len() - 1);
    assert!(c.areas.iter().all(|x| x.id != "production"));
    assert!(c.actions_completed.iter().all(|x| x.question != "production.plan"), "only shared questions");
    assert_eq!(c.changed_answers.iter().map(|x| x.question.as_str()).collect::<Vec<_>>(), ["vision.objective"]);
    let mut c = a.clone();
    c.questionnaire.content_hash = "sha256:0000".into();
    let err = compare(Subject::assessment(&a, None), Subject::assessment(&c, None), false).unwrap_err();
    assert!(err.message.contains("content hashes"), "{}", err.message);
    let mut other = a.clone();
    other.questionnaire.id = "crm-other".into();
    let err = compare(Subject::assessment(&a, None), Subject::assessment(&other, None), false).unwrap_err();
    assert!(err.message.contains("different questionnaires (`interview` and `crm-other`)"), "{}", err.message);
    assert!(compare(Subject::assessment(&a, None), Subject::assessment(&c, None), true).is_ok());
}

#[test]
fn two_people_or_two_of_one_round_read_side_by_side_one_person_over_time() {
    let q = interview();
    let person = |name: Option<&str>, label: &str| {
        let mut a = with(&q, &[]);
        a.respondent = name.map(str::to_string);
        a.label = Some(label.to_string());
        a
    };
    let reading = |a: &Assessment, b: &Assessment| {
        compare(Subject::assessment(a, None), Subject::assessment(b, None), false).unwrap().reading
    };
    let (md, user) = (person(Some("Gareth Lloyd"), "2026-Q4"), person(Some("Lee Carter"), "2026-Q4"));
    assert_eq!(reading(&md, &user), Reading::SideBySide, "two respondents of one round");
    assert_eq!(reading(&md, &person(Some("Lee Carter"), "2026-Q3")), Reading::SideBySide, "two people, two rounds");
    assert_eq!(reading(&person(None, "2026-Q4"), &person(None, "2026-Q4")), Reading::SideBySide, "two of one round");
    assert_eq!(
        reading(&md, &person(Some("gareth lloyd "), "2026-Q4")),
        Reading::OverTime,
        "one person answering again"
    );
    assert_eq!(reading(&md, &person(Some("Gareth Lloyd"), "2027-Q1")), Reading::OverTime, "one person a quarter on");
    assert_eq!(reading(&person(None, "2026-Q3"), &person(None, "2026-Q4")), Reading::OverTime, "one unnamed champion");
    let people = [
        crate::core::history::Person::new("Gareth Lloyd", None),
        crate::core::history::Person::new("Lee Carter", None),
    ];
    let round = compare(Subject::round(&md, &people), Subject::round(&user, &people), false).unwrap();
    assert_eq!(round.reading, Reading::OverTime, "rounds are compared over time");
}
