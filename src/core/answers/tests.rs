use std::fmt::Write as _;

use super::positions::ReadFile;
use super::*;
use crate::core::answers_file::{Syntax, parse_answers, parse_answers_at};
use crate::core::diagnostic::Diagnostics;
use crate::core::limits::MAX_ANSWERS;
use crate::core::questionnaire::{Questionnaire, parse};

fn every_kind() -> Questionnaire {
    let source = include_str!("../../../tests/fixtures/questionnaires/good/every-kind.toml");
    parse(source, "every-kind.toml").unwrap()
}

/// Reads `source` as TOML or JSON; the reader's own problems are returned
/// apart from the checks'.
fn read(source: &str, syntax: Syntax) -> (ReadFile, Diagnostics) {
    let mut errs = Diagnostics::new();
    let file = match syntax {
        Syntax::Toml => super::toml::read(source, &mut errs),
        Syntax::Json => super::json::read(source, &mut errs),
    };
    (file.expect("readable"), errs)
}

/// Each problem's message and help, without its place.
fn messages(errs: &Diagnostics) -> Vec<(String, Option<String>)> {
    errs.iter().map(|d| (d.message.clone(), d.help.clone())).collect()
}

#[test]
fn numbers_are_written_without_a_needless_fraction() {
    assert_eq!(format_number(-0.0), "0");
    assert_eq!(format_number(7.0), "7");
    assert_eq!(format_number(2.5), "2.5");
    assert_eq!(format_number(999_999_999_999_999.0), "999999999999999");
}

#[test]
fn huge_and_tiny_numbers_are_written_short() {
    assert_eq!(format_number(1e15), "1e15");
    assert_eq!(format_number(1e308), "1e308");
    assert_eq!(format_number(-1e308), "-1e308");
    assert_eq!(format_number(1e-300), "1e-300");
    assert_eq!(format_number(9_223_372_036_854_775_808.0), "9.223372036854776e18");
    assert!(format_number(f64::MAX).len() < 30);
}

#[test]
fn answers_round_trip_through_json() {
    let mut a = Answers { questionnaire: "q".into(), version: "1".into(), ..Default::default() };
    a.answers.insert("a".into(), Answer::Text("yes".into()));
    a.answers.insert("b".into(), Answer::List(vec!["x".into(), "y".into()]));
    a.answers.insert("c".into(), Answer::Number(4.0));
    a.answers.insert("d".into(), Answer::Number(2.5));
    a.answers.insert("e".into(), Answer::DontKnow);
    let json = serde_json::to_string(&a).unwrap();
    assert!(json.contains(r#""c":4"#), "{json}");
    assert!(json.contains(r#""e":"dont-know""#), "{json}");
    let back: Answers = serde_json::from_str(&json).unwrap();
    assert_eq!(back, a);
}

/// Files whose every problem is in the typed answers, so the check finds
/// all of them with or without positions.
const TYPED_PROBLEMS: &[(&str, &str, Syntax)] = &[
    ("many-problems", include_str!("../../../tests/fixtures/answers/bad/many-problems.toml"), Syntax::Toml),
    ("huge-strings", include_str!("../../../tests/fixtures/answers/bad/huge-strings.toml"), Syntax::Toml),
    ("multi-exclusive", include_str!("../../../tests/fixtures/answers/bad/multi-exclusive.toml"), Syntax::Toml),
    ("multi-repeated", include_str!("../../../tests/fixtures/answers/bad/multi-repeated.toml"), Syntax::Toml),
    ("unknown-choice", include_str!("../../../tests/fixtures/answers/bad/unknown-choice.toml"), Syntax::Toml),
    ("version-mismatch", include_str!("../../../tests/fixtures/answers/bad/version-mismatch.json"), Syntax::Json),
    (
        "questionnaire-mismatch",
        include_str!("../../../tests/fixtures/answers/bad/questionnaire-mismatch.toml"),
        Syntax::Toml,
    ),
    (
        "unknown-question-and-choice",
        include_str!("../../../tests/fixtures/answers/bad/unknown-question-and-choice.json"),
        Syntax::Json,
    ),
];

#[test]
fn check_gives_the_same_messages_with_and_without_positions() {
    let q = every_kind();
    for (name, source, syntax) in TYPED_PROBLEMS {
        let (file, _) = read(source, *syntax);
        let located = check(&file.answers, &q, Some(&file.positions));
        let unlocated = check(&file.answers, &q, None);
        assert!(!located.is_empty(), "{name}: no problem found");
        assert_eq!(messages(&located), messages(&unlocated), "{name}");
        assert!(located.iter().all(|d| d.span.is_some()), "{name}: {located:?}");
        assert!(unlocated.iter().all(|d| d.span.is_none()), "{name}: {unlocated:?}");
    }
}

#[test]
fn without_positions_each_answer_problem_names_its_question() {
    let q = every_kind();
    let mut answers = Answers::for_questionnaire(&q);
    let list = |ids: &[&str]| Answer::List(ids.iter().map(|s| s.to_string()).collect());
    answers.answers.insert("plan.covers".into(), list(&["training", "nothing"]));
    answers.answers.insert("people.comments".into(), Answer::Number(3.0));
    answers.notes.insert("plan.owner".into(), "x".repeat(4001));
    let problems = check(&answers, &q, None);
    let expected = [
        "question `people.comments` is `text` and takes text, found a number",
        "choice `nothing` excludes the others, but more are listed in the answer to `plan.covers`",
        "note is too long (at most 4000 characters) on question `plan.owner`",
    ];
    assert_eq!(problems.iter().map(|d| d.message.as_str()).collect::<Vec<_>>(), expected);
    answers.answers.insert("plan.covers".into(), list(&["data", "data"]));
    let problems = check(&answers, &q, None);
    assert_eq!(problems[1].message, "choice `data` is listed twice in the answer to `plan.covers`");
}

#[test]
fn toml_and_json_read_into_the_same_answers() {
    let toml = "questionnaire = \"every-kind\"\nversion = \"2.1.0\"\nrole = \"IT\"\n\n[answers]\n\
                \"plan.owner\" = \"dont-know\"\n\"plan.covers\" = [\"data\"]\n\"people.users\" = 12\n\n\
                [notes]\n\"plan.owner\" = \"ask\"\n";
    let json = r#"{"questionnaire": "every-kind", "version": "2.1.0", "role": "IT",
        "answers": {"plan.owner": "dont-know", "plan.covers": ["data"], "people.users": 12},
        "notes": {"plan.owner": "ask"}}"#;
    let (from_toml, errs) = read(toml, Syntax::Toml);
    assert!(errs.is_empty(), "{errs:?}");
    let (from_json, errs) = read(json, Syntax::Json);
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(from_toml.answers, from_json.answers);
    assert_eq!(from_toml.answers.answers["plan.owner"], Answer::DontKnow);
    assert_eq!(from_toml.answers.role.as_deref(), Some("IT"));
    let at = &from_toml.positions.answers["people.users"];
    assert_eq!((&toml[at.key.clone()], &toml[at.value.clone()]), ("\"people.users\"", "12"));
}

#[test]
fn values_of_no_answers_shape_are_kept_apart_and_reported_against_their_question() {
    let q = every_kind();
    let toml = "questionnaire = \"every-kind\"\nversion = \"2.1.0\"\n\n[answers]\n\
                \"plan.covers\" = [\"data\", 3]\n\"plan.owner\" = true\n\"no.such\" = {}\n\n\
                [notes]\n\"plan.owner\" = 5\n";
    let (file, errs) = read(toml, Syntax::Toml);
    assert!(errs.is_empty(), "{errs:?}");
    assert!(file.answers.answers.is_empty() && file.answers.notes.is_empty());
    let found: Vec<(&str, Shape)> =
        file.positions.untyped_answers.iter().map(|(id, u)| (id.as_str(), u.shape)).collect();
    assert_eq!(
        found,
        [("no.such", Shape::Other("a table")), ("plan.covers", Shape::List), ("plan.owner", Shape::Other("a boolean"))]
    );
    let problems = check(&file.answers, &q, Some(&file.positions));
    assert_eq!(
        problems.iter().map(|d| d.message.as_str()).collect::<Vec<_>>(),
        [
            "`every-kind` has no question `no.such`",
            "a multiple-choice answer must list choice ids (strings)",
            "question `plan.owner` is `single` and takes a choice id, found a boolean",
            "a note must be text, found a number",
        ]
    );
}

#[test]
fn too_many_notes_are_located_at_the_first_past_the_limit() {
    let q = every_kind();
    let mut text = "questionnaire = \"every-kind\"\nversion = \"2.1.0\"\n\n[notes]\n".to_string();
    for i in 0..=MAX_ANSWERS {
        writeln!(text, "\"n{i:05}\" = \"x\"").unwrap();
    }
    let (file, _) = read(&text, Syntax::Toml);
    let problems = check(&file.answers, &q, Some(&file.positions));
    assert_eq!(problems.len(), 1, "nothing else is checked");
    let span = problems[0].span.clone().unwrap();
    assert_eq!(&text[span], format!("\"n{MAX_ANSWERS:05}\""));
    let unlocated = check(&file.answers, &q, None);
    assert_eq!(messages(&unlocated), messages(&problems));
    assert_eq!(unlocated[0].span, None);
}

#[test]
fn loading_drops_an_answer_its_condition_hides_with_a_located_warning() {
    let q = every_kind();
    let source = include_str!("../../../tests/fixtures/answers/good/hidden-answer.toml");
    let loaded = parse_answers(source, "hidden.toml", Syntax::Toml, &q).unwrap();
    assert!(!loaded.answers.answers.contains_key("people.trainer"));
    assert_eq!(loaded.answers.answers.len(), 2);
    assert_eq!(loaded.warnings.len(), 1);
    assert!(loaded.warnings[0].starts_with("hidden.toml:8:1: ignoring the answer to `people.trainer`"));
}

const HEAD: &str = "questionnaire = \"every-kind\"\nversion = \"2.1.0\"\n";

/// `now` for the checks against the clock: mid-2026.
fn mid_2026() -> jiff::Timestamp {
    "2026-06-01T12:00:00Z".parse().unwrap()
}

#[test]
fn a_date_in_any_accepted_form_means_that_moment_a_day_its_start_in_utc() {
    let day: jiff::Timestamp = "2026-03-10T00:00:00Z".parse().unwrap();
    let nine_thirty: jiff::Timestamp = "2026-03-10T08:30:00Z".parse().unwrap();
    for (value, expected) in [
        ("\"2026-03-10\"", day),
        ("2026-03-10", day),
        ("2026-03-10T09:30:00+01:00", nine_thirty),
        ("\"2026-03-10T08:30:00Z\"", nine_thirty),
        ("2026-03-10 08:30:00Z", nine_thirty),
    ] {
        let source = format!("{HEAD}group = \"it\"\nassessed_at = {value}\n");
        let (file, errs) = read(&source, Syntax::Toml);
        assert!(errs.is_empty(), "{value}: {errs:?}");
        assert_eq!((file.answers.assessed_at, file.answers.group), (Some(expected), Some(Group::It)), "{value}");
        assert_eq!(&source[file.positions.header["assessed_at"].clone()], value);
    }
    let json = r#"{"questionnaire": "every-kind", "version": "2.1.0", "group": "owners", "assessed_at": "2026-03-10"}"#;
    let (file, errs) = read(json, Syntax::Json);
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!((file.answers.assessed_at, file.answers.group), (Some(day), Some(Group::Owners)));
    assert_eq!(&json[file.positions.header["group"].clone()], "\"owners\"");
}

/// Every problem of `source` (TOML or JSON by `origin`), as rendered.
fn refused(source: &str, origin: &str) -> String {
    let q = every_kind();
    let err = parse_answers_at(source, origin, Syntax::from_path(origin), &q, mid_2026()).unwrap_err();
    err.to_string()
}

#[test]
fn bad_dates_and_groups_are_reported_at_their_values_with_the_forms_expected() {
    let source = format!(
        "{HEAD}group = \"managment\"\nassessed_at = \"2026-02-30\"\n\n[answers]\n\"plan.owner\" = \"nobody-at-all\"\n"
    );
    let err = refused(&source, "a.toml");
    assert!(err.contains("a.toml:3:9: unknown group `managment`"), "{err}");
    assert!(
        err.contains("= help: did you mean `management`? The groups are management, it, users and owners"),
        "{err}"
    );
    assert!(err.contains("a.toml:4:15: `assessed_at` names a day that does not exist: 2026-02-30"), "{err}");
    assert!(err.contains("= help: write the day it was held as YYYY-MM-DD"), "{err}");
    assert!(err.contains("a.toml:7:16: question `plan.owner` has no choice"), "every problem at once: {err}");

    for (value, says) in [
        ("\"last tuesday\"", "3:15: `assessed_at` must be a date, found \"last tuesday\""),
        ("2026-03-10T09:30:00", "3:15: `assessed_at` has a time but no UTC offset: 2026-03-10T09:30:00"),
        ("20260310", "3:15: `assessed_at` in the answers file must be a date, found an integer"),
        ("2026-06-02", "3:15: `assessed_at` is in the future: 2026-06-02"),
        ("\"2999-01-01\"", "3:15: `assessed_at` is in the future: 2999-01-01"),
    ] {
        let err = refused(&format!("{HEAD}assessed_at = {value}\n"), "b.toml");
        assert!(err.contains(&format!("b.toml:{says}")), "{value}: {err}");
    }
    let json =
        "{\"questionnaire\": \"every-kind\", \"version\": \"2.1.0\",\n \"group\": 3, \"assessed_at\": \"2026-06-02\"}";
    let err = refused(json, "c.json");
    assert!(err.contains("c.json:2:11: `group` in the answers file must be a string, found a number"), "{err}");
    assert!(err.contains("c.json:2:29: `assessed_at` is in the future: 2026-06-02"), "{err}");
}

#[test]
fn without_a_clock_a_future_date_is_not_judged() {
    let q = every_kind();
    let source = format!("{HEAD}assessed_at = \"2999-01-01\"\n");
    let loaded = parse_answers(&source, "d.toml", Syntax::Toml, &q).unwrap();
    assert_eq!(loaded.answers.assessed_at, Some("2999-01-01T00:00:00Z".parse().unwrap()));
    assert!(parse_answers_at(&source, "d.toml", Syntax::Toml, &q, mid_2026()).is_err());
}

#[test]
fn group_and_date_round_trip_through_json_and_old_answers_without_them_still_read() {
    let mut a = Answers { questionnaire: "q".into(), version: "1".into(), ..Default::default() };
    let old: Answers = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
    assert_eq!((old.group, old.assessed_at), (None, None));
    a.group = Some(Group::Management);
    a.assessed_at = Some("2026-03-10T00:00:00Z".parse().unwrap());
    let json = serde_json::to_string(&a).unwrap();
    assert!(json.contains(r#""group":"management""#) && json.contains(r#""assessed_at":"2026-03-10T00:00:00Z""#));
    assert_eq!(serde_json::from_str::<Answers>(&json).unwrap(), a);
}

#[test]
fn blank_names_mean_not_given_and_names_are_trimmed() {
    assert_eq!(super::given_name("  Acme Ltd \t"), Some("Acme Ltd".to_string()));
    for blank in ["", "   ", "\t", " \r\n "] {
        assert_eq!(super::given_name(blank), None, "{blank:?}");
    }
    let q = crate::core::questionnaire::builtin::find("crm-quick").unwrap().load().unwrap();
    let text = "questionnaire = \"crm-quick\"\nversion = \"2.0.0\"\norganization = \"  \"\nrespondent = \" Ann \"\nrole = \"\"\nlabel = \"   \"\n";
    let answers = crate::core::answers_file::parse_answers(text, "a.toml", crate::core::answers_file::Syntax::Toml, &q)
        .unwrap()
        .answers;
    assert_eq!(
        (answers.organization, answers.respondent.as_deref(), answers.role, answers.label),
        (None, Some("Ann"), None, None)
    );
    let json = r#"{"questionnaire": "crm-quick", "version": "2.0.0", "organization": " ", "label": "\t"}"#;
    let answers = crate::core::answers_file::parse_answers(json, "a.json", crate::core::answers_file::Syntax::Json, &q)
        .unwrap()
        .answers;
    assert_eq!((answers.organization, answers.label), (None, None));
}
