//! `round` end to end, on temporary stores: what it shows, its JSON and
//! schema, and what it refuses.

use crate::json_schema::Validator;
use crate::round_store::{TempStore, WIDE_WORLD, assert_contains, strings};
use crate::support::Test;

#[test]
fn a_round_shows_who_said_what_and_where_the_groups_disagree() {
    let store = TempStore::new().wide_world();
    let out = store.run(&["round", "--org", "wide world importers"]).exits(0);
    let text = out.stdout();
    for part in [
        "Round 2026-Q4 — Wide World Importers\ncrm-readiness 2.1.0 · 4 respondents (Management 1, IT 1, Users 1, Owners 1) · 2026-11-03 to 2026-11-12",
        "Verdict: NOT READY    Score: 43.7 / 100 (respondents 34.4 to 53.1)",
        "│ Catherine Hale   ┆ Managing director      ┆ management ┆ Not ready ┆ 53.1  ┆ 2026-11-03 │",
        "Red flags (19, 7 of them disagreements between groups)",
        "Groups disagree: management (Catherine Hale): ",
        "Answers by question",
        "Action plan (",
    ] {
        assert_contains(text, part);
    }
    assert_eq!(out.stderr(), "");

    let markdown = store.run(&["round", "--org", WIDE_WORLD, "--format", "markdown"]).exits(0);
    let md = markdown.stdout();
    assert_contains(md, "# Round 2026-Q4 — Wide World Importers");
    assert_contains(
        md,
        "| major | What will management require of staff about recording their customer work in the CRM? | \
         Groups disagree: management (Catherine Hale): \"Required in writing by the managing director, with the way it \
         will be checked\" versus IT (Ravi Menon), owners (Margaret Ellison): \"It will be required, but how that will \
         be checked hasn't been decided\"; users (Owen Price): \"Each team manager will decide how far their own team \
         uses it\" |",
    );
    assert_contains(
        md,
        "Groups disagree: management (Catherine Hale), owners (Margaret Ellison): \"No: the links are in the quote, \
         or nothing needs entering twice\" versus IT (Ravi Menon): \"Yes;",
    );
    assert_contains(
        md,
        "| critical | What will management require of staff about recording their customer work in the CRM? | Owen Price (users): Each team manager",
    );
    assert_contains(md, "Bring management, IT, users and owners together");
    // Owen Price did not know who is contractually responsible, but the
    // others did: noted, and no critical flag of his "don't know".
    assert_contains(
        md,
        "- Who is contractually responsible for making all your suppliers' parts work together? — not known to Owen Price (users)",
    );
    assert!(!md.contains("| critical | Who is contractually responsible"), "{md}");
    assert_contains(md, "Bring management, IT and owners together");
    let file = store.path().join("out").join("round.md");
    std::fs::create_dir(file.parent().unwrap()).unwrap();
    let written = store.run(&["round", "--org", WIDE_WORLD, "-o", file.to_str().unwrap()]).exits(0);
    assert_eq!(written.stdout(), "");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), markdown.stdout(), "the .md name picks Markdown");
}

#[test]
fn round_json_has_its_keys_in_order_and_validates_against_its_schema() {
    let store = TempStore::new().wide_world();
    let round = store.json(&["round", "--org", WIDE_WORLD, "--label", "2026-Q4"]);
    let keys: Vec<&str> = round.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "schema_version",
            "tool_version",
            "organization",
            "label",
            "questionnaire",
            "assessed_at",
            "respondents",
            "verdict",
            "score",
            "lowest_score",
            "highest_score",
            "capped",
            "reasons",
            "areas",
            "questions",
            "red_flags",
            "unknowns",
            "known_to_some",
            "phases",
            "actions",
        ]
    );
    assert_eq!(round["schema_version"], 1);
    assert_eq!(
        strings(&round["respondents"], "name"),
        ["Catherine Hale", "Ravi Menon", "Owen Price", "Margaret Ellison"]
    );
    let kinds = strings(&round["red_flags"], "kind");
    assert!(kinds.contains(&"disagreement") && kinds.contains(&"answer"), "{kinds:?}");

    let schema = Test::new().args(["schema", "round"]).run().exits(0).json();
    let mut validator = Validator::new(&schema);
    validator.closed_objects = true;
    assert_eq!(validator.errors(&round), Vec::<String>::new());
    let mut broken = round.clone();
    broken["red_flags"][0]["kind"] = "rumour".into();
    assert!(!validator.errors(&broken).is_empty(), "the schema knows the kinds of flag");
    // The schema of the report is still the default.
    let report = Test::new().arg("schema").run().exits(0).json();
    assert!(report["properties"].get("respondent").is_some());
}

#[test]
fn a_round_refuses_what_it_cannot_read_with_exit_2() {
    let store = TempStore::new().wide_world();
    let fails = |args: &[&str], message: &str| {
        let out = store.run(args).exits(2);
        assert_eq!(out.stdout(), "", "{args:?}");
        assert_contains(out.stderr(), message);
    };
    fails(
        &["round", "--org", "Wide World"],
        "no assessments of `Wide World` in the store; did you mean `Wide World Importers`?",
    );
    fails(
        &["round", "--org", WIDE_WORLD, "--label", "2026-Q3"],
        "no round labelled `2026-Q3` for `Wide World Importers`. Its labels, oldest first: 2026-Q4.",
    );
    fails(&["round", "--org", WIDE_WORLD, "--format", "pdf"], "invalid value 'pdf' for '--format <FORMAT>'");

    // One more respondent, on another version of the questionnaire.
    let mixed = TempStore::new().wide_world();
    let copied = mixed.copy_fixture("record-crm-readiness-1.0.0.json");
    let text = std::fs::read_to_string(&copied).unwrap();
    std::fs::remove_file(copied).unwrap();
    mixed.put_record(&text.replace("Contoso Building Supplies", WIDE_WORLD).replace("\"2026-Q1\"", "\"2026-Q4\""));
    let out = mixed.run(&["round", "--org", WIDE_WORLD, "--label", "2026-Q4"]).exits(2);
    assert_contains(
        out.stderr(),
        "the round `2026-Q4` of `Wide World Importers` mixes crm-readiness 2.1.0 (4 respondents) and crm-readiness 1.0.0 \
         (1 respondent); a round reads answers to one questionnaire. The odd one out: dd7798, Lee Marsh, \
         crm-readiness 1.0.0, in ",
    );
    // Its file, in the store, so it can be found and moved.
    let file = mixed.path().join("20261207T031608Z-wide-world-importers-dd7798.json");
    assert!(file.exists(), "{}", file.display());
    assert_contains(out.stderr(), &format!("in {}.", file.display()));
    assert_contains(
        out.stderr(),
        "Pass --questionnaire FILE (of crm-readiness 2.1.0) or --questionnaire FILE (of crm-readiness 1.0.0) to read \
         one questionnaire's round without the others, or move the odd file out of the store",
    );
}

#[test]
fn a_round_on_a_questionnaire_no_longer_built_in_asks_for_its_file() {
    let store = TempStore::new();
    store.copy_fixture("record-crm-readiness-1.0.0.json");
    let out = store.run(&["round", "--org", "Contoso Building Supplies"]).exits(2);
    assert_contains(
        out.stderr(),
        "the round `2026-Q1` answered crm-readiness 1.0.0, and this crm-ready has crm-readiness 2.1.0 built in: \
         pass the 1.0.0 questionnaire's file with --questionnaire FILE",
    );
}

#[test]
fn a_round_of_another_text_of_its_version_says_so() {
    let store = TempStore::new().wide_world();
    for entry in std::fs::read_dir(store.path()).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let hash = text.split("\"content_hash\": \"").nth(1).unwrap().split('"').next().unwrap().to_string();
        std::fs::write(&path, text.replace(&hash, &format!("sha256:{}", "0".repeat(64)))).unwrap();
    }
    let out = store.run(&["round", "--org", WIDE_WORLD]).exits(0);
    assert_eq!(
        out.stderr(),
        "warning: crm-readiness 2.1.0 here is not the exact text the round `2026-Q4` answered (the content hashes \
         differ): its answers and scores are read as stored, its thresholds and possible answers from this text\n"
    );
}

#[test]
fn someone_who_answered_twice_counts_once() {
    let store = TempStore::new().wide_world();
    store.save_as("round/it.toml", |a| a.group = None);
    let out = store.run(&["round", "--org", WIDE_WORLD]).exits(0);
    assert_contains(
        out.stderr(),
        "Ravi Menon answered more than once in `2026-Q4`: the round counts their latest answers",
    );
    let round = store.json(&["round", "--org", WIDE_WORLD]);
    assert_eq!(round["respondents"].as_array().unwrap().len(), 4);
}

#[test]
fn records_forged_with_hostile_text_are_skipped_and_never_reach_the_terminal() {
    // A record never holds such text (the door refuses it); one forged by
    // hand is skipped with a warning naming it, and nothing raw is printed.
    let store = TempStore::new();
    let evil = "Evil\u{1b}]0;pwned\u{7}\u{1b}[2J Corp\u{202e}";
    for who in ["users", "management"] {
        store.save_as(&format!("round/{who}.toml"), |a| {
            a.organization = Some(evil.into());
            a.label = Some(format!("Q\u{1b}[31m{who}"));
            a.respondent = Some(format!("{who}\u{1b}[1m"));
        });
    }
    for format in ["table", "markdown"] {
        let out = store.run(&["round", "--org", evil, "--label", "Q\u{1b}[31musers", "--format", format]).exits(2);
        let text = format!("{}{}", out.stdout(), out.stderr());
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{202e}'),
            "{format}: {text:?}"
        );
        assert_eq!(text.matches("warning: skipping ").count(), 2, "{text}");
        assert!(text.contains("holds an escape character (U+001B)"), "{text}");
    }
}
