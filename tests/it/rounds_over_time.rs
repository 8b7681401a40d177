//! Rounds over time, end to end: `trend` with one column per round,
//! `compare` of two rounds and of two versions, and the records of the
//! previous release.

use crm_ready::core::questionnaire::builtin;
use serde_json::Value;

use crate::round_store::{PENNINE, TempStore, WIDE_WORLD, assert_contains, strings};
use crate::support::Test;

#[test]
fn trend_has_one_column_per_round_in_date_order() {
    let store = TempStore::new().pennine();
    let t = store.json(&["trend", "--org", PENNINE]);
    assert_eq!(strings(&t["assessments"], "label"), ["2026-Q1", "2026-Q2", "2026-Q3"]);
    let respondents: Vec<u64> =
        t["assessments"].as_array().unwrap().iter().map(|p| p["respondents"].as_u64().unwrap()).collect();
    assert_eq!(respondents, [4, 4, 3]);
    assert_eq!(t["assessments"][0]["respondent"], Value::Null, "a round of several has no one respondent");
    assert_eq!(t["assessments"][2]["assessed_at"], "2026-09-16T00:00:00Z", "a round's date is its latest");
    for key in
        ["id", "assessed_at", "label", "respondent", "questionnaire", "questionnaire_version", "verdict", "score"]
    {
        assert!(t["assessments"][0].get(key).is_some(), "{key} kept");
    }
    // Each point is its round: the same score and verdict `round` gives.
    for (i, label) in ["2026-Q1", "2026-Q2", "2026-Q3"].iter().enumerate() {
        let round = store.json(&["round", "--org", PENNINE, "--label", label]);
        assert_eq!(t["assessments"][i]["score"], round["score"], "{label}");
        assert_eq!(t["assessments"][i]["verdict"], round["verdict"], "{label}");
        assert_eq!(t["overall"]["scores"][i], round["score"]);
    }
    assert_eq!(t["questionnaires"], serde_json::json!([{"id": "crm-review", "version": "1.1.0", "rounds": 3}]));

    let table = store.run(&["trend", "--org", PENNINE]).exits(0);
    assert_contains(
        table.stdout(),
        "Trend for Pennine Catering Supplies Ltd: 3 rounds (11 assessments), 2026-Q1 to 2026-Q3",
    );
    let row = table.stdout().lines().find(|l| l.contains("Respondents")).unwrap();
    assert!(row.contains("4") && row.contains("3"), "{row}");
}

#[test]
fn trend_across_versions_says_which_rounds_used_which() {
    let store = TempStore::new();
    store.copy_fixture("record-crm-readiness-1.0.0.json");
    store.save_as("round/it.toml", |a| a.organization = Some("Contoso Building Supplies".into()));
    let t = store.json(&["trend", "--org", "Contoso Building Supplies"]);
    // By date: the 2.1.0 interview (November) came before the 1.0.0 record (December).
    assert_eq!(strings(&t["assessments"], "questionnaire_version"), ["2.1.0", "1.0.0"]);
    assert_eq!(t["areas"][0]["id"], "vision");
    assert_eq!(t["areas"][0]["scores"].as_array().unwrap().len(), 2, "areas matched by id");
    let out = store.run(&["trend", "--org", "Contoso Building Supplies"]).exits(0);
    assert_contains(
        out.stdout(),
        "Questionnaires: crm-readiness 2.1.0 (1 round), crm-readiness 1.0.0 (1 round); areas are matched by id.",
    );
}

#[test]
fn compare_takes_two_rounds_by_label_and_names_both_sides() {
    let store = TempStore::new().pennine();
    let c = store.json(&["compare", "--org", PENNINE, "2026-Q1", "2026-Q3"]);
    assert_eq!(c["before"]["name"], "2026-Q1 (4 respondents)");
    assert_eq!(c["after"]["name"], "2026-Q3 (3 respondents)");
    assert_eq!((c["before"]["respondents"].as_u64(), c["after"]["respondents"].as_u64()), (Some(4), Some(3)));
    assert_eq!(c["before"]["id"], Value::Null);
    assert_eq!(c["verdict"]["direction"], "better");
    let q1 = store.json(&["round", "--org", PENNINE, "--label", "2026-Q1"]);
    assert_eq!(c["score"]["before"], q1["score"]);

    let out = store.run(&["compare", "--org", PENNINE, "2026-Q1", "2026-Q3"]).exits(0);
    let text = out.stdout();
    assert_contains(text, "Pennine Catering Supplies Ltd: 2026-Q1 (4 respondents) → 2026-Q3 (3 respondents)");
    assert_contains(
        text,
        // crm-review words its verdicts for a live CRM.
        "Verdict: AT RISK → ON TRACK: 2026-Q3 (3 respondents) is better than 2026-Q1 (4 respondents)\n",
    );
    assert!(!text.contains("(better)") && !text.contains("(worse)"), "{text}");
    assert_contains(text, "│ Area");
    assert_contains(text, "2026-Q1 (4 respondents)");

    // Two assessments are still named by reference, and their respondent named.
    let ids: Vec<String> = strings(&store.json(&["history", "--org", PENNINE])["assessments"], "id")
        .iter()
        .map(|s| s.to_string())
        .collect();
    let c = store.json(&["compare", &ids[0], &ids[10]]);
    assert!(c["before"]["name"].as_str().unwrap().starts_with("2026-Q1 ("), "{}", c["before"]["name"]);
    assert_eq!(c["before"]["respondents"], 1);
}

#[test]
fn another_version_compares_on_the_questions_both_share_without_force() {
    let store = TempStore::new();
    let old = store.copy_fixture("record-crm-quick-1.0.0.json");
    let new = store.path().join("quick-2.json");
    Test::new()
        .args([
            "assess",
            "--no-save",
            "-f",
            "json",
            "-o",
            new.to_str().unwrap(),
            "--answers",
            "examples/answers-quick.toml",
        ])
        .run()
        .exits(0);
    let c = store.json(&["compare", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!(c["same_questionnaire"], false);
    let shared = c["questions_compared"].as_u64().unwrap();
    let quick = builtin::find("crm-quick").unwrap().load().unwrap();
    assert!(shared > 0 && shared <= quick.questions.len() as u64, "{shared}");
    let out = store.run(&["compare", old.to_str().unwrap(), new.to_str().unwrap()]).exits(0);
    assert_contains(
        out.stdout(),
        &format!("crm-quick 1.0.0 → 2.1.0: compared on the {shared} questions both versions share"),
    );
    // Different questionnaires still need --force.
    let full = store.copy_fixture("record-crm-readiness-1.0.0.json");
    let out = store.run(&["compare", full.to_str().unwrap(), new.to_str().unwrap()]).exits(2);
    assert_contains(out.stderr(), "different questionnaires (`crm-readiness` and `crm-quick`)");
}

#[test]
fn records_and_reports_of_the_previous_release_still_render() {
    let store = TempStore::new();
    for fixture in ["record-crm-readiness-1.0.0.json", "record-crm-quick-1.0.0.json", "report-crm-quick-1.0.0.json"] {
        let path = store.copy_fixture(fixture);
        let path = path.to_str().unwrap();
        let table = store.run(&["report", path]).exits(0);
        assert_contains(table.stdout(), "Verdict: ");
        let json = store.run(&["report", path, "--format", "json"]).exits(0).json();
        assert_eq!(json["questionnaire"]["version"], "1.0.0");
        assert!(json["actions"].as_array().unwrap().iter().all(|a| a["priority_level"].is_string()), "{fixture}");
        let markdown = store.run(&["report", path, "--format", "markdown"]).exits(0);
        assert_contains(markdown.stdout(), "## Verdict: ");
    }
}

#[cfg(unix)]
#[test]
fn the_rounds_example_runs() {
    let out = Test::program("bash").arg("examples/rounds.sh").env("NO_COLOR", "1").run().exits(0);
    let stdout = out.stdout();
    for part in [
        "== The round before signing: Wide World Importers",
        "Red flags (19, 7 of them disagreements between groups)",
        "Groups disagree: management (Catherine Hale): ",
        "== Pennine Catering Supplies Ltd, quarter by quarter",
        "Trend for Pennine Catering Supplies Ltd: 3 rounds (11 assessments), 2026-Q1 to 2026-Q3",
        "ON TRACK: 2026-Q3 (3 respondents) is better than 2026-Q1 (4 respondents)",
    ] {
        assert!(stdout.contains(part), "{part:?} missing from\n{stdout}");
    }
}

#[test]
fn a_trend_never_sets_one_questionnaires_round_against_anothers() {
    // Sam answered the quick check under the label the four others used.
    let store = TempStore::new().wide_world().quick(WIDE_WORLD, "2026-Q4");
    let out = store.run(&["trend", "--org", WIDE_WORLD]).exits(2);
    assert_eq!(out.stdout(), "");
    assert_contains(
        out.stderr(),
        "error: `Wide World Importers` has rounds of 2 questionnaires: crm-readiness (2026-Q4) and crm-quick (2026-Q4); \
         a trend follows one questionnaire, as the scores of different questionnaires do not compare: \
         pass --questionnaire crm-readiness or --questionnaire crm-quick",
    );
    let picked = store.run(&["trend", "--org", WIDE_WORLD, "-q", "crm-readiness", "--format", "json"]).exits(0);
    let t = picked.json();
    assert_eq!(strings(&t["assessments"], "label"), ["2026-Q4"], "one column per label");
    assert_eq!(strings(&t["assessments"], "questionnaire"), ["crm-readiness"]);
    assert_eq!(t["assessments"][0]["respondents"], 4);
    assert_eq!(
        picked.stderr(),
        "warning: the trend follows crm-readiness; left out, as rounds of another questionnaire: crm-quick 2.1.0 `2026-Q4`\n"
    );
}

#[test]
fn a_questionnaire_picks_the_round_out_of_a_mixed_label_and_names_who_is_left_out() {
    let store = TempStore::new().wide_world().quick(WIDE_WORLD, "2026-Q4");
    let refused = store.run(&["round", "--org", WIDE_WORLD]).exits(2);
    assert_contains(refused.stderr(), "The odd one out: ");
    assert_contains(refused.stderr(), ", Sam Quick (users), crm-quick 2.1.0, in ");
    assert_contains(refused.stderr(), "Pass --questionnaire crm-readiness or --questionnaire crm-quick");
    let out = store.run(&["round", "--org", WIDE_WORLD, "-q", "crm-readiness"]).exits(0);
    assert_contains(out.stdout(), "crm-readiness 2.1.0 · 4 respondents");
    assert!(
        out.stderr().starts_with(
            "warning: the round `2026-Q4` reads the answers to crm-readiness 2.1.0; left out, as answers to another \
             questionnaire: "
        ),
        "{}",
        out.stderr()
    );
    assert_contains(out.stderr(), ", Sam Quick (users), crm-quick 2.1.0, in ");
    let quick = store.json(&["round", "--org", WIDE_WORLD, "-q", "crm-quick"]);
    assert_eq!(strings(&quick["respondents"], "name"), ["Sam Quick"]);
    // `compare` reads such a label the same way.
    store.run(&["compare", "--org", WIDE_WORLD, "2026-Q4", "2026-q4"]).exits(2);
    let c = store
        .run(&["compare", "--org", WIDE_WORLD, "2026-Q4", "2026-q4", "-q", "crm-readiness", "-f", "json"])
        .exits(0);
    assert_eq!(c.json()["after"]["respondents"], 4);
    assert_contains(c.stderr(), ", Sam Quick (users), crm-quick 2.1.0, in ");
}

#[test]
fn labels_match_whatever_the_case() {
    let store = TempStore::new().pennine();
    let lower = store.json(&["round", "--org", PENNINE, "--label", "2026-q2"]);
    assert_eq!(lower["label"], "2026-Q2");
    let c = store.json(&["compare", "--org", PENNINE, "2026-q1", "2026-Q3"]);
    assert_eq!(c["before"]["name"], "2026-Q1 (4 respondents)");
    let out = store.run(&["round", "--org", PENNINE, "--label", "Q4 2026"]).exits(2);
    assert_contains(
        out.stderr(),
        "no round labelled `Q4 2026` for `Pennine Catering Supplies Ltd`. Its labels, oldest first: ",
    );
}

/// The text with its lines joined: a sentence the terminal wrapped reads whole.
fn unwrapped(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn rounds_that_heard_other_people_say_who_in_every_format() {
    let store = TempStore::new().pennine();
    let text = unwrapped(store.run(&["trend", "--org", PENNINE]).exits(0).stdout());
    let html = store.run(&["trend", "--org", PENNINE, "-f", "html"]).exits(0).stdout().to_string();
    for said in [
        "1 respondent in 2026-Q2 was not in 2026-Q1: Robert Ainsworth (owners).",
        "1 respondent in 2026-Q1 was not in 2026-Q2: Tom Brennan (users).",
        "Not heard in 2026-Q1: owners.",
        "1 respondent in 2026-Q2 was not in 2026-Q3: Robert Ainsworth (owners).",
        "--same-respondents keeps to the people heard in every round.",
    ] {
        assert_contains(&text, said);
        assert_contains(&html, said);
    }
    let t = store.json(&["trend", "--org", PENNINE]);
    let first = &t["respondents_changed"][0];
    assert_eq!((first["label"].as_str(), first["since"].as_str()), (Some("2026-Q2"), Some("2026-Q1")));
    assert_eq!(first["joined"][0], serde_json::json!({"name": "Robert Ainsworth", "group": "owners"}));
    assert_eq!(first["left"][0]["name"], "Tom Brennan");
    assert_eq!(first["groups_joined"], serde_json::json!(["owners"]));
    assert_eq!(t["same_respondents"], Value::Null);

    let c = store.json(&["compare", "--org", PENNINE, "2026-Q1", "2026-Q3"]);
    assert_eq!(c["respondents_changed"]["left"][0]["name"], "Tom Brennan");
    assert_eq!(c["respondents_changed"]["joined"], serde_json::json!([]));
    let text = unwrapped(store.run(&["compare", "--org", PENNINE, "2026-Q1", "2026-Q3"]).exits(0).stdout());
    assert_contains(&text, "1 respondent in 2026-Q1 was not in 2026-Q3: Tom Brennan (users).");
    let html = store.run(&["compare", "--org", PENNINE, "2026-Q1", "2026-Q3", "-f", "html"]).exits(0);
    assert_contains(html.stdout(), "1 respondent in 2026-Q1 was not in 2026-Q3: Tom Brennan (users).");

    // The same people throughout: nothing to say.
    let same = store.json(&["compare", "--org", PENNINE, "2026-Q3", "2026-Q3"]);
    assert_eq!(same["respondents_changed"], Value::Null);
}

#[test]
fn same_respondents_keeps_every_round_to_the_people_heard_in_all_of_them() {
    let store = TempStore::new().pennine();
    let t = store.json(&["trend", "--org", PENNINE, "--same-respondents"]);
    let respondents: Vec<u64> =
        t["assessments"].as_array().unwrap().iter().map(|p| p["respondents"].as_u64().unwrap()).collect();
    assert_eq!(respondents, [3, 3, 3]);
    assert_eq!(strings(&t["same_respondents"], "name"), ["Dev Patel", "Helen Marsh", "Kirsty Doyle"]);
    assert_eq!(t["respondents_changed"], serde_json::json!([]), "like for like, nobody came or went");
    let all = store.json(&["trend", "--org", PENNINE]);
    assert_ne!(t["overall"]["scores"][0], all["overall"]["scores"][0], "Tom Brennan's answers left out of 2026-Q1");
    let text = unwrapped(store.run(&["trend", "--org", PENNINE, "--same-respondents"]).exits(0).stdout());
    assert_contains(
        &text,
        "Like for like: only the 3 respondents heard in every round: Dev Patel (IT), Helen Marsh (management), \
         Kirsty Doyle (users).",
    );
    assert!(!text.contains("was not in"), "{text}");

    let c = store.json(&["compare", "--org", PENNINE, "2026-Q1", "2026-Q2", "--same-respondents"]);
    assert_eq!((c["before"]["respondents"].as_u64(), c["after"]["respondents"].as_u64()), (Some(3), Some(3)));
    assert_eq!(c["respondents_changed"], Value::Null);
    assert_eq!(strings(&c["same_respondents"], "name"), ["Dev Patel", "Helen Marsh", "Kirsty Doyle"]);
    let html = store.run(&["compare", "--org", PENNINE, "2026-Q1", "2026-Q2", "--same-respondents", "-f", "html"]);
    assert_contains(html.exits(0).stdout(), "Like for like: only the 3 respondents heard in both rounds:");

    let out = store.run(&["compare", "previous", "latest", "--same-respondents"]).exits(2);
    assert_contains(out.stderr(), "--same-respondents compares two rounds");
}

#[test]
fn the_trend_and_comparison_word_verdicts_as_the_questionnaire_names_them() {
    let store = TempStore::new().pennine();
    let text = store.run(&["trend", "--org", PENNINE]).exits(0).stdout().to_string();
    let row = text.lines().find(|l| l.contains("Verdict")).unwrap();
    assert!(row.contains("At risk") && !row.contains("not-ready") && !row.contains("Not ready"), "{row}");
    let t = store.json(&["trend", "--org", PENNINE]);
    assert_eq!(
        (t["assessments"][0]["verdict"].as_str(), t["assessments"][0]["verdict_title"].as_str()),
        (Some("not-ready"), Some("At risk"))
    );
    let html = store.run(&["trend", "--org", PENNINE, "-f", "html"]).exits(0).stdout().to_string();
    assert_contains(&html, "verdict-not-ready\">At risk</span>");
    let c = store.json(&["compare", "--org", PENNINE, "2026-Q1", "2026-Q3"]);
    assert_eq!(c["before"]["verdict_title"], "At risk");
    let round = store.run(&["round", "--org", PENNINE, "--label", "2026-Q1"]).exits(0).stdout().to_string();
    assert_contains(&round, "Verdict: AT RISK");
    let md = store.run(&["round", "--org", PENNINE, "--label", "2026-Q1", "-f", "markdown"]).exits(0);
    assert_contains(md.stdout(), "Verdict: At risk");
}

/// Records of an earlier minor version of a built-in (answered before an
/// upgrade) are read with the built-in, which asks the same questions, and
/// join a round with records of the current version.
#[test]
fn a_round_answered_with_an_earlier_minor_version_is_read_with_the_built_in() {
    let store = TempStore::new();
    for who in ["users", "owners"] {
        store.save_earlier(&format!("round/{who}.toml"), "2.0.0");
    }
    let out = store.run(&["round", "--org", WIDE_WORLD, "--format", "json"]).exits(0);
    assert_eq!(out.json()["respondents"].as_array().unwrap().len(), 2);
    assert_contains(
        out.stderr(),
        "the round `2026-Q4` answered crm-readiness 2.0.0, read here with crm-readiness 2.1.0, which asks the same questions",
    );
    // The other two answer the current text: one round of four, not two.
    for who in ["management", "it"] {
        store.save(&format!("round/{who}.toml"));
    }
    let round = store.json(&["round", "--org", WIDE_WORLD]);
    assert_eq!(round["respondents"].as_array().unwrap().len(), 4);
    let t = store.json(&["trend", "--org", WIDE_WORLD]);
    assert_eq!(t["assessments"].as_array().unwrap().len(), 1, "one column for the label");
}
