use super::*;
use crate::core::conditions::tests::CHAIN;
use crate::core::questionnaire::parse;

/// Two areas; `tools.lead` follows `tools.count`, and `tools.lead-plan`
/// follows `tools.lead`, so one change can hide a chain.
pub(crate) const FIXTURE: &str = r#"
[questionnaire]
id = "fixture"
version = "1"
title = "Fixture"

[[area]]
id = "basics"
title = "Basics"
why = "Because."

[[area.question]]
id = "basics.goal"
kind = "yes_no"
text = "Is there a goal?"
help = "Goals matter."
[[area.question.choice]]
id = "yes"
score = 100
[[area.question.choice]]
id = "no"
score = 0

[[area.question]]
id = "basics.covers"
kind = "multi"
text = "What is covered?"
help = "Tick all."
[[area.question.choice]]
id = "training"
label = "Training"
score = 50
[[area.question.choice]]
id = "data"
label = "Data"
score = 50
[[area.question.choice]]
id = "none"
label = "None of these"
score = 0
exclusive = true

[[area.question]]
id = "basics.agree"
kind = "scale"
text = "How much do people agree?"
help = "Be honest."
min = 1
max = 5
dont_know = false
[[area.question.band]]
from = 1
to = 5
score = 50

[[area]]
id = "tools"
title = "Tools"
why = "Tools too."

[[area.question]]
id = "tools.count"
kind = "single"
text = "How many suppliers?"
help = "Count them."
[[area.question.choice]]
id = "one"
label = "One"
score = 100
[[area.question.choice]]
id = "several"
label = "Several"
score = 50

[[area.question]]
id = "tools.lead"
kind = "yes_no"
text = "Is there a lead supplier?"
help = "One to answer for all."
when = { question = "tools.count", is = "several" }
[[area.question.choice]]
id = "yes"
score = 100
[[area.question.choice]]
id = "no"
score = 0

[[area.question]]
id = "tools.lead-plan"
kind = "yes_no"
text = "Does the lead keep one plan?"
help = "One plan."
when = { question = "tools.lead", is = "yes" }
[[area.question.choice]]
id = "yes"
score = 100
[[area.question.choice]]
id = "no"
score = 0

[[area.question]]
id = "tools.users"
kind = "number"
text = "How many users?"
help = "Roughly."
min = 1
max = 1000
unit = "people"

[[area.question]]
id = "tools.comment"
kind = "text"
text = "Anything else?"
help = "Free text."
"#;

pub(super) fn fixture() -> Questionnaire {
    parse(FIXTURE, "fixture.toml").unwrap()
}

pub(super) fn session(q: &Questionnaire) -> Session<'_> {
    Session::new(q, Answers::for_questionnaire(q)).0
}

fn at(q: &Questionnaire, id: &str) -> usize {
    q.position(id).unwrap()
}

#[test]
fn starts_at_the_first_question_with_follow_ups_hidden() {
    let q = fixture();
    let s = session(&q);
    assert_eq!(s.current(), 0);
    assert!(!s.is_visible(at(&q, "tools.lead")));
    assert!(!s.is_visible(at(&q, "tools.lead-plan")));
    assert_eq!(s.total_progress(), Progress { shown: 6, answered: 0 });
    assert_eq!(s.area_progress(1), Progress { shown: 3, answered: 0 });
}

#[test]
fn next_and_previous_skip_hidden_questions() {
    let q = fixture();
    let mut s = session(&q);
    s.go_to(at(&q, "tools.count"));
    assert!(s.forward());
    assert_eq!(s.current(), at(&q, "tools.users"));
    assert!(s.back());
    assert_eq!(s.current(), at(&q, "tools.count"));
    s.go_to(0);
    assert!(!s.back(), "nothing before the first question");
    s.go_to(at(&q, "tools.comment"));
    assert!(!s.forward(), "nothing after the last question");
}

#[test]
fn a_follow_up_appears_and_a_chain_disappears_with_its_answers() {
    let q = fixture();
    let mut s = session(&q);
    let count = at(&q, "tools.count");
    let lead = at(&q, "tools.lead");
    let plan = at(&q, "tools.lead-plan");

    let change = s.choose(count, 1);
    assert_eq!(change.appeared, vec![lead]);
    assert!(change.dropped.is_empty());
    let change = s.choose(lead, 0);
    assert_eq!(change.appeared, vec![plan]);
    s.choose(plan, 1);
    assert_eq!(s.area_progress(1), Progress { shown: 5, answered: 3 });

    s.go_to(count);
    let change = s.choose(count, 0);
    assert!(change.appeared.is_empty());
    assert_eq!(
        change.dropped,
        vec![
            Dropped { question: lead, answer: Answer::Text("yes".into()) },
            Dropped { question: plan, answer: Answer::Text("no".into()) },
        ]
    );
    assert!(!s.is_visible(lead) && !s.is_visible(plan));
    assert_eq!(s.area_progress(1), Progress { shown: 3, answered: 1 });
    assert_eq!(s.answers().answers.len(), 1);
}

#[test]
fn dont_know_on_a_condition_hides_its_follow_ups() {
    let q = fixture();
    let mut s = session(&q);
    let count = at(&q, "tools.count");
    s.choose(count, 1);
    s.choose(at(&q, "tools.lead"), 1);
    let change = s.dont_know(count).unwrap();
    assert_eq!(change.dropped.len(), 1);
    assert_eq!(s.answer(count), Some(&Answer::DontKnow));
}

#[test]
fn toggling_respects_exclusive_choices_and_choice_order() {
    let q = fixture();
    let mut s = session(&q);
    let covers = at(&q, "basics.covers");
    let list = |s: &Session<'_>| s.answer(covers).cloned();
    s.toggle(covers, 1);
    s.toggle(covers, 0);
    assert_eq!(list(&s), Some(Answer::List(vec!["training".into(), "data".into()])));
    s.toggle(covers, 2);
    assert_eq!(list(&s), Some(Answer::List(vec!["none".into()])), "exclusive clears the others");
    s.toggle(covers, 0);
    assert_eq!(list(&s), Some(Answer::List(vec!["training".into()])), "a real choice clears the exclusive one");
    s.toggle(covers, 0);
    assert_eq!(list(&s), None, "unticking the last leaves it unanswered");
    assert_eq!(s.total_progress().answered, 0);
}

#[test]
fn numbers_are_checked_against_the_question() {
    let q = fixture();
    let mut s = session(&q);
    let agree = at(&q, "basics.agree");
    let users = at(&q, "tools.users");
    assert!(s.enter_number(agree, "3").is_ok());
    assert_eq!(s.answer(agree), Some(&Answer::Number(3.0)));
    let err = s.enter_number(agree, "6").unwrap_err();
    assert_eq!(err.0, "6 is out of range: type a whole number from 1 to 5.");
    assert!(s.enter_number(agree, "2.5").is_err(), "a scale takes whole steps");
    assert!(s.enter_number(users, "12.5").is_ok());
    assert!(s.enter_number(users, "abc").is_err());
    assert!(s.enter_number(users, "0").is_err());
    assert!(s.dont_know(agree).is_err(), "this scale refuses don't know");
}

#[test]
fn text_answers_and_notes_blank_means_none() {
    let q = fixture();
    let mut s = session(&q);
    let comment = at(&q, "tools.comment");
    s.enter_text(comment, "  all good ");
    assert_eq!(s.answer(comment), Some(&Answer::Text("all good".into())));
    s.enter_text(comment, "   ");
    assert_eq!(s.answer(comment), None);
    s.set_note(0, "ask the CFO");
    assert_eq!(s.note(0), Some("ask the CFO"));
    s.set_note(0, "");
    assert_eq!(s.note(0), None);
}

#[test]
fn area_jumps_land_on_the_first_shown_question() {
    let q = fixture();
    let mut s = session(&q);
    s.go_to(1);
    assert!(s.next_area());
    assert_eq!(s.current(), at(&q, "tools.count"));
    assert!(!s.next_area());
    assert!(s.previous_area());
    assert_eq!(s.current(), 0);
    assert!(!s.previous_area());
}

#[test]
fn resuming_drops_hidden_and_unknown_answers_and_starts_at_the_first_gap() {
    let q = fixture();
    let mut answers = Answers::for_questionnaire(&q);
    answers.answers.insert("basics.goal".into(), Answer::Text("yes".into()));
    answers.answers.insert("tools.lead".into(), Answer::Text("yes".into()));
    answers.answers.insert("no.such".into(), Answer::Text("x".into()));
    let (s, dropped) = Session::new(&q, answers);
    assert_eq!(dropped, vec![Dropped { question: at(&q, "tools.lead"), answer: Answer::Text("yes".into()) }]);
    assert_eq!(s.answers().answers.len(), 1);
    assert_eq!(s.current(), 1);
    assert_eq!(s.place_in_area(), (2, 3));
}

#[test]
fn details_are_trimmed_and_blank_is_none() {
    let q = fixture();
    let mut s = session(&q);
    s.set_details(" Acme ", "", "  ");
    assert_eq!(s.answers().organization.as_deref(), Some("Acme"));
    assert_eq!(s.answers().respondent, None);
    assert_eq!(s.answers().role, None);
    s.set_group(Some(Group::It));
    let at: jiff::Timestamp = "2026-03-10T00:00:00Z".parse().unwrap();
    s.set_assessed_at(Some(at));
    assert_eq!((s.answers().group, s.answers().assessed_at), (Some(Group::It), Some(at)));
}

#[test]
fn one_change_hides_a_chain_of_three_follow_ups_and_drops_their_answers() {
    let q = parse(CHAIN, "chain.toml").unwrap();
    let mut s = session(&q);
    s.enter_number(0, "3").unwrap();
    for i in 1..4 {
        s.choose(i, 0);
    }
    assert_eq!(s.visible, [true; 4]);
    let change = s.enter_number(0, "1").unwrap();
    assert_eq!(change.dropped.iter().map(|d| d.question).collect::<Vec<_>>(), [1, 2, 3]);
    assert_eq!(s.visible, [true, false, false, false]);
    assert_eq!(s.visible, shown(&q, &s.answers().answers));
    assert_eq!(s.total_progress(), Progress { shown: 1, answered: 1 });
    let change = s.enter_number(0, "5").unwrap();
    assert_eq!(change.appeared, [1], "the rest stay hidden: their answers are gone");
}
