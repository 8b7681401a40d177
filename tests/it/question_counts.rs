//! One counting rule, wherever counts are shown: questions always asked,
//! and follow-ups that appear only when an earlier answer calls for them
//! (`Questionnaire::counts`). The start screen, `questionnaires`, `show`
//! and `validate` agree with each other and with the questionnaire itself,
//! and no built-in description states a count of its own.

use std::path::PathBuf;

use crm_ready::core::questionnaire::{Questionnaire, builtin};
use crm_ready::tui::app::{Action, App, Details, update};
use crm_ready::tui::view::render;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde_json::Value;

use crate::support::Test;

/// Counted from `show --format json`: a question with a `when` is a
/// follow-up.
fn counted_from_show(name: &str) -> (usize, usize) {
    let shown = Test::new().args(["show", name, "--format", "json"]).run().exits(0).json();
    let questions: Vec<&Value> =
        shown["areas"].as_array().unwrap().iter().flat_map(|a| a["questions"].as_array().unwrap()).collect();
    let follow_ups = questions.iter().filter(|q| !q["when"].as_array().unwrap().is_empty()).count();
    (questions.len() - follow_ups, follow_ups)
}

#[test]
fn questionnaires_lists_the_counts_and_states_the_rule() {
    let listed = Test::new().args(["questionnaires", "--format", "json"]).run().exits(0).json();
    let table = Test::new().arg("questionnaires").run().exits(0).stdout().to_string();
    assert!(table.contains("Follow-ups are asked only when an earlier answer calls for them."), "{table}");
    for entry in listed.as_array().unwrap() {
        let id = entry["id"].as_str().unwrap();
        let (always, follow_ups) = counted_from_show(id);
        assert_eq!(entry["always_asked"], always, "{id}");
        assert_eq!(entry["follow_ups"], follow_ups, "{id}");
        assert_eq!(entry["questions"], always + follow_ups, "{id}: every question in the file");
        let row = table.lines().find(|l| l.contains(id)).unwrap();
        assert!(row.contains(&format!(" {always} ")) && row.contains(&format!("up to {follow_ups} ")), "{row}");
    }
}

fn words(q: &Questionnaire) -> String {
    q.counts().describe()
}

#[test]
fn show_and_validate_say_the_same_in_words() {
    for b in &builtin::BUILTINS {
        let q = b.load().unwrap();
        let (always, follow_ups) = counted_from_show(b.name);
        assert_eq!((q.counts().always_asked, q.counts().follow_ups), (always, follow_ups), "{}", b.name);
        let expected = format!("{always} questions, and up to {follow_ups} follow-ups depending on your answers");
        assert_eq!(words(&q), expected);

        let shown = Test::new().args(["show", b.name]).run().exits(0).stdout().to_string();
        assert!(shown.contains(&format!("{} areas; {expected}", q.areas.len())), "{shown}");

        let file = format!("questionnaires/{}.toml", b.name);
        let ok = Test::new().args(["validate", &file]).run().exits(0).stdout().to_string();
        assert_eq!(ok, format!("{file}: ok ({} {}: {expected})\n", q.id, q.version));

        let json = Test::new().args(["validate", &file, "--format", "json"]).run().exits(0).json();
        let checked = &json["files"][0]["questionnaire"];
        assert_eq!(
            (checked["always_asked"].clone(), checked["follow_ups"].clone()),
            (always.into(), follow_ups.into())
        );
    }
}

#[test]
fn the_start_screen_shows_the_same_counts() {
    for b in &builtin::BUILTINS {
        let q = b.load().unwrap();
        let mut app = App::new(&q, &Details::default(), Vec::new(), Some(PathBuf::from("/drafts"))).with_color(false);
        update(&mut app, Action::Resize(160, 40));
        let mut terminal = Terminal::new(TestBackend::new(160, 40)).unwrap();
        terminal.draw(|f| render(f, &app)).unwrap();
        let screen = terminal.backend().to_string();
        // The start form is a column of at most 76: the line may wrap.
        let text = screen.lines().map(|l| l.trim_matches('"').trim()).collect::<Vec<_>>().join(" ");
        assert!(text.contains(&format!("{} areas · {}", q.areas.len(), words(&q))), "{}:\n{screen}", b.name);
    }
}

#[test]
fn no_built_in_description_states_a_count_of_its_own() {
    for b in &builtin::BUILTINS {
        let description = b.load().unwrap().description.unwrap_or_default().to_lowercase();
        let words: Vec<&str> = description.split_whitespace().collect();
        for pair in words.windows(2) {
            let counted = pair[0].chars().all(|c| c.is_ascii_digit()) && pair[1].starts_with("question");
            assert!(!counted, "{}: the description says `{} {}`", b.name, pair[0], pair[1]);
        }
        assert!(
            !description.contains("about 1") && !description.contains("about 2") && !description.contains("about 5")
        );
    }
}

/// What `crm-ready questionnaires --format json` says of each built-in:
/// its id, the questions it always asks and its follow-ups.
fn listed_counts() -> Vec<(String, u64, u64)> {
    let listed = Test::new().args(["questionnaires", "--format", "json"]).run().exits(0).json();
    let count = |entry: &Value, key: &str| entry[key].as_u64().unwrap();
    let entries = listed.as_array().unwrap().iter();
    entries.map(|e| (e["id"].as_str().unwrap().to_string(), count(e, "always_asked"), count(e, "follow_ups"))).collect()
}

#[test]
fn the_readme_table_of_built_ins_gives_the_listed_counts() {
    let readme = include_str!("../../README.md");
    for (id, always, follow_ups) in listed_counts() {
        let row = readme
            .lines()
            .find(|l| l.starts_with(&format!("| `{id}` |")))
            .unwrap_or_else(|| panic!("no README row for {id}"));
        let expected = format!("| `{id}` | {always} | up to {follow_ups} |");
        assert!(row.starts_with(&expected), "README row {row:?} does not start {expected:?}");
    }
}

/// Every count of a built-in's questions in the README follows the one
/// rule: "N questions" is what one always asks, "up to N follow-ups" what
/// one may add, never the two added up. Counts of 1,000 or more are
/// generated questionnaires, and the comparison's message counts the
/// questions two versions share.
#[test]
fn every_count_of_questions_in_the_readme_follows_the_rule() {
    let listed = listed_counts();
    let words: Vec<&str> = include_str!("../../README.md").split_whitespace().collect();
    let mut seen = 0;
    for (i, pair) in words.windows(2).enumerate() {
        let Ok(n) = pair[0].trim_start_matches(['(', '`']).parse::<u64>() else { continue };
        let next = words.get(i + 2).copied().unwrap_or_default();
        if pair[1].starts_with("questions") && !(next == "both" || n >= 1000) {
            assert!(listed.iter().any(|(_, always, _)| *always == n), "README: `{n} questions {next}`: {listed:?}");
            seen += 1;
        }
        if pair[1].starts_with("follow-ups") && i > 0 && words[i - 1] == "to" {
            assert!(listed.iter().any(|(_, _, follow_ups)| *follow_ups == n), "README: `up to {n} follow-ups`");
            seen += 1;
        }
    }
    assert!(seen >= 2, "the README's counts were not found");
    let largest = listed.iter().max_by_key(|(_, always, follow_ups)| always + follow_ups).unwrap();
    let (id, always, follow_ups) = largest;
    let development = format!("the largest, `{id}`, has {always} questions, and up to {follow_ups} follow-ups");
    let readme = words.join(" ");
    assert!(readme.contains(&development), "README does not say: {development}");
}
