//! Property tests of the input edge: the loaders never panic, whatever the
//! bytes; valid questionnaires with any answers score within bounds and get
//! a verdict their red flags allow; the sanitiser and the JSON writer never
//! let a control or invisible format character through.

use std::collections::BTreeMap;

use crm_ready::core::answers_file::{Syntax, parse_answers};
use crm_ready::core::assessment::{Risk, Verdict};
use crm_ready::core::questionnaire::{Questionnaire, Severity, builtin, parse};
use crm_ready::core::scoring::score;
use crm_ready::core::text::{one_line, sanitize};
use crm_ready::io::input::decode;
use crm_ready::report::to_json;
use proptest::prelude::*;

use crate::generate;
use crate::properties_text::{hostile_string, leak};

const EVERY_KIND: &str = include_str!("../fixtures/questionnaires/good/every-kind.toml");
const EVERY_KIND_ANSWERS: &str = include_str!("../fixtures/answers/good/every-kind.toml");
const EVERY_KIND_JSON: &str = include_str!("../fixtures/answers/good/byte-order-mark.json");

fn every_kind() -> Questionnaire {
    parse(EVERY_KIND, "every-kind.toml").unwrap()
}

fn crm_quick() -> Questionnaire {
    builtin::find("crm-quick").unwrap().load().unwrap()
}

/// Tokens that make random text look like a questionnaire or answers file.
const TOML_TOKENS: &[&str] = &[
    "[questionnaire]\n",
    "[scoring]\n",
    "[[area]]\n",
    "[[area.question]]\n",
    "[[area.question.choice]]\n",
    "[[area.question.band]]\n",
    "[answers]\n",
    "[notes]\n",
    "id = ",
    "kind = ",
    "text = ",
    "title = ",
    "version = ",
    "weight = ",
    "score = ",
    "min = ",
    "max = ",
    "from = ",
    "to = ",
    "when = ",
    "red_flag = ",
    "\"single\"",
    "\"multi\"",
    "\"scale\"",
    "\"yes_no\"",
    "\"number\"",
    "\"text\"",
    "\"critical\"",
    "\"dont-know\"",
    "{ question = \"plan.owner\", is = \"named\" }",
    "{ question = \"a\", at_least = 3 }",
    "\"",
    "'",
    "'''",
    "\"\"\"",
    "\n",
    " ",
    "=",
    "[",
    "]",
    "{",
    "}",
    ",",
    ".",
    "#",
    "\\",
    "\\u0000",
    "nan",
    "inf",
    "-inf",
    "-1",
    "0",
    "100",
    "1e308",
    "99999999999999999999",
    "0x7f",
    "2024-01-01",
    "true",
    "\u{feff}",
    "\u{1b}[2J",
    "\u{202e}",
    "é",
    "questionnaire = \"every-kind\"\n",
    "version = \"2.1.0\"\n",
    "\"plan.owner\" = ",
    "\"plan.covers\" = [\"training\", ",
    "\"people.users\" = ",
];

const JSON_TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "\"",
    "\"questionnaire\"",
    "\"version\"",
    "\"answers\"",
    "\"notes\"",
    "\"every-kind\"",
    "\"2.1.0\"",
    "\"plan.owner\"",
    "\"plan.covers\"",
    "\"people.users\"",
    "\"named\"",
    "\"dont-know\"",
    "null",
    "true",
    "1",
    "-0",
    "1e400",
    "2.5",
    "\\u0000",
    "\\ud800",
    " ",
    "\n",
];

fn token_soup(tokens: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![4 => prop::sample::select(tokens).prop_map(String::from), 1 => "[ -~]{0,4}"],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

/// A valid file with a few random edits: deletions, insertions of tokens,
/// duplicated lines. Most results are near-misses the loader must explain.
fn mutated(valid: &'static str, tokens: &'static [&'static str]) -> impl Strategy<Value = String> {
    let edit = (any::<prop::sample::Index>(), 0u8..3, prop::sample::select(tokens), 0usize..40);
    prop::collection::vec(edit, 1..6).prop_map(move |edits| {
        let mut text = valid.to_string();
        for (at, op, token, len) in edits {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            match op {
                0 => {
                    let mut end = (i + len).min(text.len());
                    while !text.is_char_boundary(end) {
                        end -= 1;
                    }
                    text.replace_range(i..end, "");
                }
                1 => text.insert_str(i, token),
                _ => {
                    let start = text[..i].rfind('\n').map_or(0, |n| n + 1);
                    let end = text[i..].find('\n').map_or(text.len(), |n| i + n + 1);
                    let line = text[start..end].to_string();
                    text.insert_str(start, &line);
                }
            }
        }
        text
    })
}

/// Runs every loader on `bytes`; the property is that none panics.
fn load_everything(bytes: Vec<u8>, questionnaires: &[Questionnaire]) {
    let Ok(text) = decode("fuzz", bytes) else { return };
    let _ = parse(&text, "fuzz.toml");
    for q in questionnaires {
        let _ = parse_answers(&text, "fuzz.toml", Syntax::Toml, q);
        let _ = parse_answers(&text, "fuzz.json", Syntax::Json, q);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_a_loader(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        load_everything(bytes, &[every_kind()]);
    }

    #[test]
    fn toml_like_text_never_panics_a_loader(text in token_soup(TOML_TOKENS)) {
        load_everything(text.into_bytes(), &[every_kind(), crm_quick()]);
    }

    #[test]
    fn json_like_text_never_panics_the_answers_loader(text in token_soup(JSON_TOKENS)) {
        load_everything(text.into_bytes(), &[every_kind()]);
    }

    #[test]
    fn edited_valid_files_never_panic_a_loader(
        questionnaire in mutated(EVERY_KIND, TOML_TOKENS),
        toml_answers in mutated(EVERY_KIND_ANSWERS, TOML_TOKENS),
        json_answers in mutated(EVERY_KIND_JSON, JSON_TOKENS),
    ) {
        // Located problems must point inside the file.
        if let Err(e) = parse(&questionnaire, "q.toml") {
            prop_assert!(!e.diagnostics.is_empty());
            for d in &e.diagnostics {
                prop_assert!(d.span.as_ref().is_none_or(|s| s.start <= questionnaire.len()), "{d:?}");
            }
        }
        let q = every_kind();
        let _ = parse_answers(&toml_answers, "a.toml", Syntax::Toml, &q);
        let _ = parse_answers(&json_answers, "a.json", Syntax::Json, &q);
    }

    #[test]
    fn sanitised_text_holds_no_control_or_format_character(s in hostile_string()) {
        let clean = sanitize(&s);
        prop_assert_eq!(leak(&clean), None, "{:?} -> {:?}", s, clean);
        let line = one_line(&s);
        prop_assert!(leak(&line).is_none() && !line.contains('\n'), "{s:?} -> {line:?}");
    }

    #[test]
    fn json_escapes_hostile_text_and_round_trips(s in hostile_string(), key in hostile_string()) {
        let json = to_json(&s);
        let body = json.strip_suffix('\n').unwrap();
        prop_assert!(leak(body).is_none() && !body.contains('\n'), "{json:?}");
        prop_assert_eq!(serde_json::from_str::<String>(&json).unwrap(), s.clone());
        // Keys go through the same escaping as values.
        let map = BTreeMap::from([(key.clone(), vec![s.clone()])]);
        let json = to_json(&map);
        prop_assert_eq!(leak(&json), None, "{:?}", json);
        prop_assert_eq!(serde_json::from_str::<BTreeMap<String, Vec<String>>>(&json).unwrap(), map);
    }
}

proptest! {
    // Each case parses a generated questionnaire and scores it: fewer cases.
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn generated_questionnaires_load_and_score_within_bounds(
        (text, answers) in generate::questionnaire().prop_flat_map(|g| {
            let text = g.to_toml();
            let q = parse(&text, "generated.toml").unwrap_or_else(|e| panic!("{e}\n{text}"));
            (Just(text), generate::answers(&q))
        })
    ) {
        let q = parse(&text, "generated.toml").unwrap();
        let a = score(&q, &answers, jiff::Timestamp::UNIX_EPOCH);
        let in_bounds = |s: f64| (0.0..=100.0).contains(&s);
        prop_assert!(in_bounds(a.score), "overall {}", a.score);
        for area in &a.areas {
            prop_assert!(area.score.is_none_or(in_bounds), "area {area:?}");
        }
        for question in &a.questions {
            prop_assert!(question.score.is_none_or(in_bounds), "question {question:?}");
        }

        let critical = a.red_flags.iter().any(|f| f.severity == Severity::Critical);
        let major = a.red_flags.iter().any(|f| f.severity == Severity::Major);
        if critical {
            prop_assert_eq!(a.verdict, Verdict::NotReady);
        }
        if major {
            prop_assert_ne!(a.verdict, Verdict::Ready);
        }
        if a.verdict == Verdict::Ready {
            prop_assert!(a.red_flags.is_empty());
            prop_assert!(a.score >= q.scoring.ready_at - 0.05, "{} < {}", a.score, q.scoring.ready_at);
            prop_assert!(a.worst_risk() != Some(Risk::High));
        }
        for area in a.areas.iter().filter(|r| r.score.is_some()) {
            let flagged = a.red_flags.iter().any(|f| f.area == area.id && f.severity == Severity::Critical);
            if flagged {
                prop_assert_eq!(area.risk, Some(Risk::High), "{:?}", area);
            }
        }

        // The same answers written as a JSON answers file load back and
        // score the same.
        let json = serde_json::to_string(&answers).unwrap();
        let loaded = parse_answers(&json, "generated.json", Syntax::Json, &q)
            .unwrap_or_else(|e| panic!("{e}\n{json}"));
        let again = score(&q, &loaded.answers, jiff::Timestamp::UNIX_EPOCH);
        prop_assert_eq!(again, a);
    }
}
