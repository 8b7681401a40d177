//! Rounds end to end: `round`, and `trend` and `compare` by round, on
//! temporary stores. The example answers files name their respondent's
//! group and date; the records here are scored in code with those set, the
//! way `assess --answers` stores them once answers files may carry them.

use std::path::{Path, PathBuf};

use crm_ready::core::answers::{Group, Syntax, parse_answers};
use crm_ready::core::history::StoredAssessment;
use crm_ready::core::questionnaire::builtin;
use crm_ready::core::scoring::score;
use crm_ready::io::store::Store;
use serde_json::Value;

use crate::json_schema::Validator;
use crate::support::{Finished, ROOT, Test};

const WIDE_WORLD: &str = "Wide World Importers";
const PENNINE: &str = "Pennine Catering Supplies Ltd";

/// The value of `key = "value"` in an answers file's header.
fn header<'t>(text: &'t str, key: &str) -> Option<&'t str> {
    text.lines().find_map(|l| l.strip_prefix(&format!("{key} = \""))?.strip_suffix('"'))
}

/// A temporary store.
struct TempStore {
    dir: tempfile::TempDir,
}

impl TempStore {
    fn new() -> Self {
        TempStore { dir: tempfile::tempdir().unwrap() }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Scores an example answers file with its group and date, and saves it
    /// (saved at its date, so saving order says nothing).
    fn save(&self, example: &str) {
        self.save_as(example, |_| {});
    }

    /// [`TempStore::save`], after `change` has had its way with the answers.
    fn save_as(&self, example: &str, change: impl FnOnce(&mut crm_ready::core::answers::Answers)) {
        let text = std::fs::read_to_string(Path::new(ROOT).join("examples").join(example)).unwrap();
        let body: String = text
            .lines()
            .filter(|l| !l.starts_with("group = ") && !l.starts_with("assessed_at = "))
            .map(|l| format!("{l}\n"))
            .collect();
        let q = builtin::find(header(&text, "questionnaire").unwrap()).unwrap().load().unwrap();
        let mut answers = parse_answers(&body, example, Syntax::Toml, &q).unwrap().answers;
        answers.group = header(&text, "group").and_then(Group::from_name);
        change(&mut answers);
        let date: jiff::civil::Date = header(&text, "assessed_at").unwrap().parse().unwrap();
        let at = date.to_zoned(jiff::tz::TimeZone::UTC).unwrap().timestamp();
        let mut record = StoredAssessment::new(answers.clone(), score(&q, &answers, at), at, at.as_second() as u64);
        Store::at(self.path()).save(&mut record, || 7).unwrap();
    }

    /// The four stakeholders of examples/round/.
    fn wide_world(self) -> Self {
        for who in ["users", "owners", "management", "it"] {
            self.save(&format!("round/{who}.toml"));
        }
        self
    }

    /// Three quarters of examples/review/, saved newest first.
    fn pennine(self) -> Self {
        let mut files: Vec<PathBuf> =
            std::fs::read_dir(Path::new(ROOT).join("examples/review")).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for f in files.iter().rev() {
            self.save(&format!("review/{}", f.file_name().unwrap().to_string_lossy()));
        }
        self
    }

    /// Copies a fixture record or report into the store.
    fn copy_fixture(&self, name: &str) -> PathBuf {
        let to = self.path().join(name);
        std::fs::copy(Path::new(ROOT).join("tests/fixtures/records").join(name), &to).unwrap();
        to
    }

    fn run(&self, args: &[&str]) -> Finished {
        Test::new().env("NO_COLOR", "1").args(args).arg("--store").arg(self.path()).run()
    }

    fn json(&self, args: &[&str]) -> Value {
        self.run(&[args, &["--format", "json"]].concat()).exits(0).json()
    }
}

fn assert_contains(text: &str, part: &str) {
    assert!(text.contains(part), "{part:?} missing from:\n{text}");
}

fn strings<'a>(list: &'a Value, key: &str) -> Vec<&'a str> {
    list.as_array().unwrap().iter().map(|x| x[key].as_str().unwrap()).collect()
}

#[test]
fn a_round_shows_who_said_what_and_where_the_groups_disagree() {
    let store = TempStore::new().wide_world();
    let out = store.run(&["round", "--org", "wide world importers"]).exits(0);
    let text = out.stdout();
    for part in [
        "Round 2026-Q4 — Wide World Importers\ncrm-readiness 2.0.0 · 4 respondents (Management 1, IT 1, Users 1, Owners 1) · 2026-11-03 to 2026-11-12",
        "Verdict: NOT READY    Score: 42.9 / 100 (respondents 33.9 to 52.6)",
        "│ Catherine Hale   ┆ Managing director      ┆ management ┆ not-ready ┆ 52.6  ┆ 2026-11-03 │",
        "Red flags (24, 7 of them disagreements between groups)",
        "Groups disagree: management:",
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
         Groups disagree: management: \"Required in writing by the managing director, with the way it will be checked\"; \
         users: \"Each team manager will decide how far their own team uses it\" |",
    );
    assert_contains(
        md,
        "Groups disagree: management: \"No: the links are in the quote, or nothing needs entering twice\"; IT: \"Yes;",
    );
    assert_contains(
        md,
        "| critical | What will management require of staff about recording their customer work in the CRM? | Owen Price (users): Each team manager",
    );
    assert_contains(md, "Bring management and users together");
    assert_contains(md, "Bring management and IT together");
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
        "no round labelled `2026-Q3` for `Wide World Importers`; did you mean `2026-Q4`? Its labels, oldest first: 2026-Q4.",
    );
    fails(&["round", "--org", WIDE_WORLD, "--format", "pdf"], "invalid value 'pdf' for '--format <FORMAT>'");

    // One more respondent, on another version of the questionnaire.
    let mixed = TempStore::new().wide_world();
    mixed.copy_fixture("record-crm-readiness-1.0.0.json");
    let text = std::fs::read_to_string(mixed.path().join("record-crm-readiness-1.0.0.json")).unwrap();
    let moved = text.replace("Contoso Building Supplies", WIDE_WORLD).replace("\"2026-Q1\"", "\"2026-Q4\"");
    std::fs::write(mixed.path().join("record-crm-readiness-1.0.0.json"), moved).unwrap();
    let out = mixed.run(&["round", "--org", WIDE_WORLD, "--label", "2026-Q4"]).exits(2);
    assert_contains(
        out.stderr(),
        "the round `2026-Q4` of `Wide World Importers` mixes crm-readiness 2.0.0 (4 respondents) and crm-readiness 1.0.0 (1 respondent); \
         a round reads answers to one questionnaire: re-run the odd ones out with the questionnaire the others used, \
         or give them a label of their own",
    );
}

#[test]
fn a_round_on_a_questionnaire_no_longer_built_in_asks_for_its_file() {
    let store = TempStore::new();
    store.copy_fixture("record-crm-readiness-1.0.0.json");
    let out = store.run(&["round", "--org", "Contoso Building Supplies"]).exits(2);
    assert_contains(
        out.stderr(),
        "the round `2026-Q1` answered crm-readiness 1.0.0, and this crm-ready has crm-readiness 2.0.0 built in: \
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
        std::fs::write(&path, text.replace(&hash, "sha256:0000")).unwrap();
    }
    let out = store.run(&["round", "--org", WIDE_WORLD]).exits(0);
    assert_eq!(
        out.stderr(),
        "warning: crm-readiness 2.0.0 here is not the exact text the round `2026-Q4` answered (the content hashes \
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
fn text_from_records_is_sanitised_before_the_terminal() {
    let store = TempStore::new();
    let evil = "Evil\u{1b}]0;pwned\u{7}\u{1b}[2J Corp\u{202e}";
    for who in ["users", "management"] {
        store.save_as(&format!("round/{who}.toml"), |a| {
            a.organization = Some(evil.into());
            a.label = Some(format!("Q\u{1b}[31m{who}"));
            a.respondent = Some(format!("{who}\u{1b}[1m"));
            a.notes.insert("vision.objective".into(), "a note \u{1b}[2J".into());
        });
    }
    store.save_as("round/it.toml", |a| {
        a.organization = Some(evil.into());
        a.label = Some("Q\u{1b}[31musers".into());
    });
    for format in ["table", "markdown"] {
        let out = store.run(&["round", "--org", evil, "--label", "Q\u{1b}[31musers", "--format", format]).exits(0);
        let text = format!("{}{}", out.stdout(), out.stderr());
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{202e}'),
            "{format}: {text:?}"
        );
        assert!(text.contains("Evil") && text.contains("Corp"), "{text}");
    }
}

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
    assert_eq!(t["questionnaires"], serde_json::json!([{"id": "crm-review", "version": "1.0.0", "rounds": 3}]));

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
    // By date: the 2.0.0 interview (November) came before the 1.0.0 record (December).
    assert_eq!(strings(&t["assessments"], "questionnaire_version"), ["2.0.0", "1.0.0"]);
    assert_eq!(t["areas"][0]["id"], "vision");
    assert_eq!(t["areas"][0]["scores"].as_array().unwrap().len(), 2, "areas matched by id");
    let out = store.run(&["trend", "--org", "Contoso Building Supplies"]).exits(0);
    assert_contains(
        out.stdout(),
        "Questionnaires: crm-readiness 2.0.0 (1 round), crm-readiness 1.0.0 (1 round); areas are matched by id.",
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
        "Verdict: NOT READY → READY: 2026-Q3 (3 respondents) is better than 2026-Q1 (4 respondents)\n",
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
        &format!("crm-quick 1.0.0 → 2.0.0: compared on the {shared} questions both versions share"),
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
#[ignore = "needs assessed_at/group in answers files (part 1)"]
fn the_rounds_example_runs() {
    let out = Test::program("bash").arg("examples/rounds.sh").env("NO_COLOR", "1").run().exits(0);
    let stdout = out.stdout();
    for part in [
        "== The round before signing: Wide World Importers",
        "Red flags (24, 7 of them disagreements between groups)",
        "Groups disagree: management:",
        "== Pennine Catering Supplies Ltd, quarter by quarter",
        "Trend for Pennine Catering Supplies Ltd: 3 rounds (11 assessments), 2026-Q1 to 2026-Q3",
        "READY: 2026-Q3 (3 respondents) is better than 2026-Q1 (4 respondents)",
    ] {
        assert!(stdout.contains(part), "{part:?} missing from\n{stdout}");
    }
}
