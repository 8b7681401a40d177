//! The history commands end to end: the real binary on temporary stores.
//!
//! The three quarters of Adventure Works Cycles (`examples/quarterly-*.toml`)
//! carry `assessed_at`; the tests that read them wait for the answers reader
//! to accept it. The tests of the store's mechanics use examples without it.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::{Finished, ROOT, Test};

const ORG: &str = "Adventure Works Cycles";

fn example(name: &str) -> PathBuf {
    Path::new(ROOT).join("examples").join(name)
}

/// The binary without colour.
fn crm() -> Test {
    Test::new().env("NO_COLOR", "1")
}

/// Fails the test unless `text` holds `part`.
fn assert_contains(text: &str, part: &str) {
    assert!(text.contains(part), "{part:?} missing from:\n{text}");
}

/// A temporary store.
struct Store {
    dir: tempfile::TempDir,
}

impl Store {
    fn new() -> Self {
        Store { dir: tempfile::tempdir().unwrap() }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `args` against this store.
    fn cmd(&self, args: &[&str]) -> Test {
        crm().args(args).arg("--store").arg(self.path())
    }

    /// Runs `args` against this store.
    fn run(&self, args: &[&str]) -> Finished {
        self.cmd(args).run()
    }

    /// Scores and saves an answers file; returns the saved id.
    fn assess(&self, answers: &str, extra: &[&str]) -> String {
        let out = self.cmd(&["assess", "--answers", example(answers).to_str().unwrap()]).args(extra).run().exits(0);
        let line = out.stderr().lines().find(|l| l.starts_with("saved to the history as "));
        let line = line.unwrap_or_else(|| panic!("no \"saved to the history as\" in:\n{}", out.stderr()));
        line["saved to the history as ".len()..].split(':').next().unwrap().to_string()
    }

    /// The three quarters of the example organisation, in order.
    fn quarters(&self) -> Vec<String> {
        ["quarterly-2026-q1.toml", "quarterly-2026-q2.toml", "quarterly-2026-q3.toml"]
            .iter()
            .map(|f| self.assess(f, &[]))
            .collect()
    }

    fn json(&self, args: &[&str]) -> Value {
        self.cmd(args).args(["--format", "json"]).run().exits(0).json()
    }

    fn files(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.path()).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        files
    }
}

fn strings<'a>(list: &'a Value, key: &str) -> Vec<&'a str> {
    list.as_array().unwrap().iter().map(|x| x[key].as_str().unwrap()).collect()
}

#[test]
fn every_assessment_is_saved_and_listed_oldest_first() {
    let store = Store::new();
    let ids = store.quarters();
    assert_eq!(store.files().len(), 3);
    let files: Vec<PathBuf> = ids
        .iter()
        .map(|id| {
            let (stamp, suffix) = id.split_once('-').unwrap();
            store.path().join(format!("{stamp}-adventure-works-cycles-{suffix}.json"))
        })
        .collect();
    assert!(files.iter().all(|f| f.is_file()), "{files:?}");

    let list = store.json(&["history"]);
    assert_eq!(list["schema_version"], 1);
    assert_eq!(list["tool_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(list["store"], store.path().display().to_string());
    let listed = &list["assessments"];
    assert_eq!(strings(listed, "id"), ids);
    assert_eq!(strings(listed, "label"), ["2026-Q1", "2026-Q2", "2026-Q3"]);
    assert_eq!(strings(listed, "verdict"), ["not-ready", "ready-with-conditions", "ready"]);
    assert_eq!(strings(listed, "organization"), [ORG; 3]);
    assert_eq!(listed[0]["questionnaire"]["id"], "crm-readiness");
    assert!(listed[0]["questionnaire"]["content_hash"].as_str().unwrap().starts_with("sha256:"));
    assert_eq!(listed[0]["areas"].as_array().unwrap().len(), 8);
    assert_eq!(listed[2]["file"], files[2].display().to_string());

    let out = store.run(&["history"]).exits(0);
    let table = out.stdout();
    for id in &ids {
        assert!(table.contains(id.split_once('-').unwrap().1), "short id {id} in\n{table}");
    }
    let q1 = table.find("2026-Q1").unwrap();
    assert!(q1 < table.find("2026-Q2").unwrap() && table.find("2026-Q2").unwrap() < table.find("2026-Q3").unwrap());
}

#[test]
fn the_stored_record_keeps_answers_notes_and_the_assessment() {
    let store = Store::new();
    store.assess("quarterly-2026-q2.toml", &["--respondent", "Mia Chen"]);
    let record: Value = serde_json::from_slice(&std::fs::read(&store.files()[0]).unwrap()).unwrap();
    let keys: Vec<&str> = record.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["format", "schema_version", "summary", "answers", "assessment"]);
    assert_eq!(record["format"], "crm-ready-assessment-record");
    assert_eq!(record["summary"]["respondent"], "Mia Chen");
    assert_eq!(record["answers"]["answers"]["management.groups-agreed"], 3);
    assert!(record["answers"]["notes"]["vendors.warranties"].as_str().unwrap().contains("draft clause"));
    assert_eq!(record["assessment"]["verdict"], "ready-with-conditions");
    assert_eq!(record["assessment"]["respondent"], "Mia Chen");
}

#[test]
fn the_label_defaults_to_the_quarter_and_the_store_to_the_environment() {
    let store = Store::new();
    crm()
        .env("CRM_READY_STORE", store.path())
        .args(["assess", "--answers", example("answers-ready.toml").to_str().unwrap()])
        .run()
        .exits(0);
    let listed = &store.json(&["history"])["assessments"][0];
    let assessed: jiff::Timestamp = listed["assessed_at"].as_str().unwrap().parse().unwrap();
    let date = jiff::tz::TimeZone::UTC.to_datetime(assessed);
    assert_eq!(listed["label"], format!("{}-Q{}", date.year(), (date.month() + 2) / 3));

    let out = crm()
        .env("CRM_READY_STORE", store.path())
        .args(["assess", "--no-save", "--answers", example("answers-ready.toml").to_str().unwrap()])
        .run()
        .exits(0);
    assert!(!out.stderr().contains("saved to the history"), "{}", out.stderr());
    assert_eq!(store.files().len(), 1, "--no-save saves nothing");
}

#[test]
fn history_filters_by_organisation_ignoring_case() {
    let store = Store::new();
    store.quarters();
    store.assess("answers-ready.toml", &[]);
    let listed = &store.json(&["history", "--org", "NORTHWIND traders"])["assessments"];
    assert_eq!(strings(listed, "organization"), ["Northwind Traders"]);
    assert_eq!(store.json(&["history", "--org", "adventure works cycles"])["assessments"].as_array().unwrap().len(), 3);
    assert_eq!(store.json(&["history"])["assessments"].as_array().unwrap().len(), 4);

    let out = store.run(&["history", "--org", "Northwind"]).exits(0);
    assert_eq!(out.stdout(), "");
    assert_contains(out.stderr(), "no assessments of `Northwind` in the store; did you mean `Northwind Traders`?");
}

#[test]
fn compare_reports_every_kind_of_change() {
    let store = Store::new();
    store.quarters();
    let c = store.json(&["compare", "previous", "latest", "--org", ORG]);
    assert_eq!(c["schema_version"], 1);
    assert_eq!(c["tool_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(c["before"]["label"], "2026-Q2");
    assert_eq!(c["after"]["label"], "2026-Q3");
    assert_eq!(
        (c["before"]["name"].as_str(), c["after"]["name"].as_str()),
        (Some("2026-Q2 (Jordan Blake)"), Some("2026-Q3 (Jordan Blake)"))
    );
    assert_eq!(c["same_questionnaire"], true);
    let (before, after, change) = (
        c["score"]["before"].as_f64().unwrap(),
        c["score"]["after"].as_f64().unwrap(),
        c["score"]["change"].as_f64().unwrap(),
    );
    assert!((after - before - change).abs() < 0.051 && change > 30.0, "{}", c["score"]);
    assert_eq!(c["verdict"]["before"], "ready-with-conditions");
    assert_eq!(c["verdict"]["after"], "ready");
    assert_eq!(c["verdict"]["direction"], "better");

    let production = c["areas"].as_array().unwrap().iter().find(|a| a["id"] == "production").unwrap();
    assert_eq!((production["risk_before"].as_str(), production["risk_after"].as_str()), (Some("medium"), Some("low")));
    assert!(production["change"].as_f64().unwrap() > 0.0);

    let plan = c["changed_answers"].as_array().unwrap().iter().find(|a| a["question"] == "production.plan").unwrap();
    assert_eq!(
        plan["before"],
        "An outline of the main steps; we'll fill in the details once the system is live and we know more"
    );
    assert_eq!(plan["direction"], "better");
    assert!(strings(&c["red_flags_cleared"], "question").contains(&"production.plan"));
    assert!(c["red_flags_raised"].as_array().unwrap().is_empty());
    assert!(strings(&c["actions_completed"], "question").contains(&"production.plan"));
    assert!(c["actions_new"].as_array().unwrap().is_empty());
    assert!(!c["actions_open"].as_array().unwrap().is_empty());

    // Backwards, the same story reads as a setback.
    let back = store.json(&["compare", "latest", "previous", "--org", ORG]);
    assert_eq!(back["verdict"]["direction"], "worse");
    assert_eq!(back["red_flags_raised"], c["red_flags_cleared"]);
    assert_eq!(back["actions_new"].as_array().unwrap().len(), c["actions_completed"].as_array().unwrap().len());

    let out = store.run(&["compare", "previous", "latest", "--org", ORG]).exits(0);
    let table = out.stdout();
    for heading in [
        "Adventure Works Cycles: 2026-Q2 (Jordan Blake) → 2026-Q3 (Jordan Blake)\n",
        "Score:   59.9 → 97.3 (+37.4)",
        "Verdict: READY WITH CONDITIONS → READY: 2026-Q3 (Jordan Blake) is better than 2026-Q2 (Jordan Blake)\n",
        "Answers that improved in 2026-Q3 (Jordan Blake) (",
        "Red flags raised in 2026-Q3 (Jordan Blake): none",
        "Red flags cleared since 2026-Q2 (Jordan Blake) (",
        "Actions completed since 2026-Q2 (Jordan Blake) (no longer recommended) (",
        "New actions in 2026-Q3 (Jordan Blake): none",
        "Actions still open in 2026-Q3 (Jordan Blake) (",
    ] {
        assert!(table.contains(heading), "{heading:?} missing from\n{table}");
    }
}

#[test]
fn compare_takes_ids_short_ids_and_files() {
    let store = Store::new();
    let ids = store.quarters();
    let by_id = store.json(&["compare", &ids[0], ids[2].split_once('-').unwrap().1]);
    assert_eq!((by_id["before"]["id"].as_str(), by_id["after"]["id"].as_str()), (Some(&*ids[0]), Some(&*ids[2])));
    let listed = store.json(&["history"]);
    let files = strings(&listed["assessments"], "file");
    let by_file = store.json(&["compare", files[0], files[2]]);
    assert_eq!(by_file["score"], by_id["score"]);

    // A report written by `assess --format json` compares too.
    let report = store.path().join("q1-report.json");
    crm()
        .args(["assess", "--no-save", "--format", "json", "--output", report.to_str().unwrap()])
        .args(["--answers", example("quarterly-2026-q1.toml").to_str().unwrap()])
        .run()
        .exits(0);
    let c = store.json(&["compare", report.to_str().unwrap(), &ids[2]]);
    assert_eq!(c["before"]["id"], Value::Null);
    assert_eq!(c["before"]["label"], "2026-Q1");
    assert_eq!(c["score"], by_id["score"]);
}

#[test]
fn compare_refuses_different_questionnaires_unless_forced() {
    let store = Store::new();
    let full = store.assess("answers-ready.toml", &["--organization", ORG]);
    let quick = store.assess("answers-quick.toml", &["--questionnaire", "crm-quick", "--organization", ORG]);
    let out = store.run(&["compare", &full, &quick]).exits(2);
    assert_eq!(out.stdout(), "");
    assert_contains(out.stderr(), "different questionnaires (`crm-readiness` and `crm-quick`)");
    assert_contains(out.stderr(), "--force");
    let c = store.json(&["compare", &full, &quick, "--force"]);
    assert_eq!(c["same_questionnaire"], false);
    let compared = c["questions_compared"].as_u64().unwrap();
    assert!(compared > 0 && compared < 20, "{compared}");
    let out = store.run(&["compare", &full, &quick, "--force"]).exits(0);
    assert_contains(out.stdout(), "different questionnaires, so only the");
}

#[test]
fn compare_explains_references_it_cannot_follow() {
    let store = Store::new();
    let year = store.quarters()[0][..4].to_string();
    store.assess("answers-ready.toml", &[]);
    let listed = store.json(&["history"]);
    let in_year = strings(&listed["assessments"], "id").iter().filter(|id| id.starts_with(&year)).count();
    assert!(in_year >= 3, "{year}: {in_year}");
    let fails = |args: &[&str], message: &str| {
        assert_contains(store.run(args).exits(2).stderr(), message);
    };
    fails(&["compare", "previous", "latest"], "the store holds assessments of 2 organisations; name one with --org");
    fails(&["compare", "previous", "latest", "--org", "Northwind Traders"], "`previous` needs two assessments");
    fails(&["compare", "previous", "latest", "--org", "Contoso"], "no assessments of `Contoso`");
    fails(&["compare", &year, "latest", "--org", ORG], &format!("`{year}` matches {in_year} assessments"));
    fails(&["compare", "zzzzzz", "latest", "--org", ORG], "no stored assessment has the id `zzzzzz`");
    fails(&["compare", "missing.json", "latest", "--org", ORG], "missing.json: no such file");
}

#[test]
fn trend_shows_each_area_quarter_by_quarter() {
    let store = Store::new();
    let ids = store.quarters();
    store.assess("answers-ready.toml", &[]);
    let t = store.json(&["trend", "--org", "adventure WORKS cycles"]);
    assert_eq!(t["schema_version"], 1);
    assert_eq!(t["tool_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(t["organization"], ORG);
    assert_eq!(strings(&t["assessments"], "id"), ids);
    assert_eq!(strings(&t["assessments"], "label"), ["2026-Q1", "2026-Q2", "2026-Q3"]);
    let overall: Vec<f64> = t["overall"]["scores"].as_array().unwrap().iter().map(|s| s.as_f64().unwrap()).collect();
    assert_eq!(overall, [18.7, 59.9, 97.3]);
    assert_eq!(t["overall"]["change"], 78.6);
    let areas = t["areas"].as_array().unwrap();
    assert_eq!(areas.len(), 8);
    assert_eq!(areas[0]["id"], "vision");
    assert_eq!(areas[0]["scores"].as_array().unwrap().len(), 3);
    assert!(areas.iter().all(|a| a["change"].as_f64().unwrap() > 0.0), "every area improved");

    let out = store.run(&["trend", "--org", ORG]).exits(0);
    let table = out.stdout();
    assert!(table.starts_with("Trend for Adventure Works Cycles: 3 rounds, 2026-Q1 to 2026-Q3"), "{table}");
    let overall_row = table.lines().find(|l| l.contains("Overall")).unwrap();
    assert!(overall_row.contains("▂▅█") && overall_row.contains("+78.6"), "{overall_row}");

    assert_contains(store.run(&["trend", "--org", "Contoso"]).exits(2).stderr(), "no assessments of");
}

#[test]
fn report_renders_a_stored_assessment_again() {
    let store = Store::new();
    let q3 = example("quarterly-2026-q3.toml");
    let original = store.run(&["assess", "--format", "json", "--answers", q3.to_str().unwrap()]).exits(0);
    // Saved out of order: the history goes by when each was held, so Q3 is
    // the latest and Q1 the previous.
    store.assess("quarterly-2026-q1.toml", &[]);
    let id = store.json(&["history"])["assessments"][1]["id"].as_str().unwrap().to_string();

    let again = store.run(&["report", &id, "--format", "json"]).exits(0);
    assert_eq!(again.stdout(), original.stdout());
    assert_contains(store.run(&["report", "previous", "--org", ORG]).exits(0).stdout(), "Verdict: NOT READY");
    let markdown = store.run(&["report", "latest", "--org", ORG, "--format", "markdown"]).exits(0);
    assert_contains(markdown.stdout(), "## Verdict: Ready");
    let out = store.path().join("out").join("q3.md");
    std::fs::create_dir(out.parent().unwrap()).unwrap();
    let written = store.run(&["report", &id, "--format", "markdown", "--output", out.to_str().unwrap()]).exits(0);
    assert_eq!(written.stdout(), "");
    assert!(std::fs::read_to_string(&out).unwrap().contains("- **Label:** 2026-Q3"));
}

#[test]
fn two_processes_saving_at_once_both_land() {
    let store = Store::new();
    let ready = example("answers-ready.toml");
    let spawn = || store.cmd(&["assess", "--answers", ready.to_str().unwrap()]).spawn();
    let children = [spawn(), spawn()];
    for child in children {
        child.finish().exits(0);
    }
    assert_eq!(store.files().len(), 2);
    let listed = store.json(&["history"]);
    let ids = strings(&listed["assessments"], "id");
    assert_eq!(ids.len(), 2);
    assert_ne!(ids[0], ids[1]);
}

#[test]
fn a_corrupt_file_is_reported_and_skipped() {
    let store = Store::new();
    for (answers, label) in [("answers-pitfalls.toml", "2026-Q2"), ("answers-ready.toml", "2026-Q3")] {
        store.assess(answers, &["--organization", ORG, "--label", label]);
    }
    std::fs::write(store.path().join("broken.json"), "{\"format\": \"crm-ready-assessment-record\", \"schema").unwrap();
    std::fs::write(store.path().join("other.json"), "[1, 2, 3]").unwrap();
    let out = store.run(&["history"]).exits(0);
    assert_contains(out.stdout(), "2026-Q3");
    assert_contains(out.stderr(), "warning: skipping ");
    // Listed or named, a file that is no record gets the same words.
    assert_contains(out.stderr(), "broken.json: not valid JSON (EOF while parsing");
    assert_contains(out.stderr(), "other.json: not a crm-ready assessment");
    assert_eq!(store.json(&["history"])["assessments"].as_array().unwrap().len(), 2);
    assert_contains(store.run(&["trend", "--org", ORG]).exits(0).stderr(), "broken.json");
    let out = store.run(&["report", store.path().join("broken.json").to_str().unwrap()]).exits(2);
    assert_contains(out.stderr(), "broken.json: not valid JSON");
}

#[test]
fn a_store_that_cannot_be_written_is_an_io_error() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("file.txt");
    std::fs::write(&file, "a file, not a directory").unwrap();
    let store = file.join("store");
    let out = crm()
        .args(["assess", "--answers", example("answers-pitfalls.toml").to_str().unwrap()])
        .arg("--store")
        .arg(&store)
        .run()
        .exits(3);
    assert_contains(out.stdout(), "Verdict: NOT READY");
    assert_contains(out.stderr(), "the report was written, but the assessment could not be saved to the history");
    assert_contains(out.stderr(), &format!("cannot create the assessment store {}", store.display()));
    let out = crm().args(["history", "--store"]).arg(&file).run().exits(3);
    assert_contains(out.stderr(), &format!("cannot read the assessment store {}", file.display()));
}

#[test]
fn hostile_names_never_reach_the_store_or_the_terminal() {
    // Names with escape sequences and a bidi override are refused at the
    // door; forged records already in a store are tested in `hostile`.
    let store = Store::new();
    let evil = "Evil\u{1b}]0;pwned\u{7}\u{1b}[2J Corp\u{202e}";
    let answers = example("quarterly-2026-q1.toml");
    for (flag, value) in [("--organization", evil), ("--label", "Q\u{1b}[31mred")] {
        let out = store.run(&["assess", "--answers", answers.to_str().unwrap(), flag, value]).exits(2);
        let text = format!("{}{}", out.stdout(), out.stderr());
        assert!(!text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{202e}'), "{text:?}");
        assert!(text.contains(&format!("{flag} holds an escape character (U+001B)")), "{text}");
    }
    assert!(std::fs::read_dir(store.path()).unwrap().next().is_none(), "nothing was saved");
}

#[cfg(unix)]
#[test]
fn the_quarterly_review_example_runs() {
    let out = Test::program("bash").arg(example("quarterly-review.sh")).env("NO_COLOR", "1").run().exits(0);
    let stdout = out.stdout();
    for part in [
        "== Every assessment in the store",
        "== What changed since the previous review",
        "Adventure Works Cycles: 2026-Q2 (Jordan Blake) → 2026-Q3 (Jordan Blake)",
        "Verdict: READY WITH CONDITIONS → READY: 2026-Q3 (Jordan Blake) is better than 2026-Q2 (Jordan Blake)",
        "== The trend, quarter by quarter",
        "Trend for Adventure Works Cycles: 3 rounds, 2026-Q1 to 2026-Q3",
    ] {
        assert!(stdout.contains(part), "{part:?} missing from\n{stdout}");
    }
}

/// Two respondents of one round, compared: side by side in every format,
/// never before and after.
#[test]
fn two_respondents_are_compared_side_by_side_not_before_and_after() {
    use crate::round_store::{TempStore, WIDE_WORLD};
    let store = TempStore::new().wide_world();
    let listed = store.json(&["history", "--org", WIDE_WORLD]);
    let id_of = |name: &str| {
        let all = listed["assessments"].as_array().unwrap();
        all.iter().find(|a| a["respondent"] == name).unwrap()["id"].as_str().unwrap().to_string()
    };
    let (md, user) = (id_of("Catherine Hale"), id_of("Owen Price"));
    let c = store.json(&["compare", &md, &user]);
    assert_eq!(c["reading"], "side-by-side");
    assert_eq!(
        (c["before"]["name"].as_str(), c["after"]["name"].as_str()),
        (Some("2026-Q4 (Catherine Hale)"), Some("2026-Q4 (Owen Price)"))
    );

    let text = store.run(&["compare", &md, &user]).exits(0).stdout().to_string();
    for said in [
        "Wide World Importers: Catherine Hale and Owen Price, side by side\n",
        "Score:   Catherine Hale 53.1, Owen Price 34.4: 18.7 apart\n",
        "Verdict: Catherine Hale NOT READY, Owen Price NOT READY: the same for both\n",
        "Answers that differ: Catherine Hale / Owen Price (",
        "Red flags only Catherine Hale's answers raise",
        "Red flags only Owen Price's answers raise",
        "Actions only Catherine Hale's answers call for",
        "Actions only Owen Price's answers call for",
        "Actions both call for",
        "┆ Difference ┆",
    ] {
        assert_contains(&text, said);
    }
    for never in ["→", "completed", "got worse", "improved", "still open", "New actions"] {
        assert!(!text.contains(never), "{never:?} in a side-by-side comparison:\n{text}");
    }

    let html = store.run(&["compare", &md, &user, "-f", "html"]).exits(0).stdout().to_string();
    let (head, rest) = html.split_once("<section class=\"summary\"").unwrap();
    let page = rest.split_once("<script").unwrap().0;
    assert_contains(head, "Catherine Hale and Owen Price, side by side");
    assert!(!head.contains(&md) && !head.contains(&user), "ids belong in the small print:\n{head}");
    assert_contains(page, &format!("Stored as {md} (Catherine Hale) and {user} (Owen Price)."));
    for said in
        ["Answers that differ: Catherine Hale &#x2f; Owen Price", "Actions only Owen Price&#x27;s answers call for"]
    {
        assert_contains(page, said);
    }
    for never in ["→", "completed", "got worse", "(same)"] {
        assert!(!page.contains(never), "{never:?} in a side-by-side page");
    }

    // One respondent twice is still before and after.
    let again = store.json(&["compare", &md, &md]);
    assert_eq!(again["reading"], "over-time");
}
