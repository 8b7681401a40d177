//! One rule for every terminal table and text: at every width from 80 to
//! 140 columns (`COLUMNS` without a terminal) no line is wider than the
//! width, and no word, name, label, date, score or id is broken: a column
//! is left out first. Checked against the data itself: every word of the
//! stored values appears whole, or its column is gone, and no piece of a
//! word appears where the word was cut.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;
use unicode_width::UnicodeWidthStr;

use crate::round_store::{PENNINE, TempStore, WIDE_WORLD};
use crate::support::Test;

const WIDTHS: [u16; 6] = [80, 90, 100, 110, 120, 140];

/// Words the tool writes only when the width is short: the trend's note on
/// the columns left out.
const NARROW_ONLY: &str =
    "Columns show the last rounds, the trend line covers all and the change is since; json has all";

/// The command's output at `width` columns; the store is added when given.
fn output(store: Option<&Path>, args: &[&str], width: u16) -> String {
    let mut t = Test::new().env("NO_COLOR", "1").env("COLUMNS", width.to_string()).args(args);
    if let Some(s) = store {
        t = t.arg("--store").arg(s);
    }
    t.run().exits(0).stdout().to_string()
}

/// A word without the punctuation around it: `(users),` is `users`.
fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// The words of a text, tables' borders left out.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || ('\u{2500}'..='\u{257f}').contains(&c))
        .map(bare)
        .filter(|w| !w.is_empty())
        .collect()
}

/// Every word of every string in a JSON value.
fn json_words(value: &Value, into: &mut BTreeSet<String>) {
    match value {
        Value::String(s) => into.extend(words(s).into_iter().map(str::to_string)),
        Value::Array(list) => list.iter().for_each(|v| json_words(v, into)),
        Value::Object(map) => map.values().for_each(|v| json_words(v, into)),
        _ => {}
    }
}

/// Checks `args` at every width: lines fit, and no word is cut. The words
/// that may appear are those of the command's JSON and of its widest
/// output; a word that is not one of them but begins or ends one is a
/// piece of a cut word. `values` must appear whole, each word of them,
/// unless the header `column` that holds them is left out.
fn assert_whole(store: Option<&Path>, args: &[&str], values: &[(&str, Vec<String>)]) {
    let mut known = BTreeSet::new();
    let json = Test::new().args(args).args(["--format", "json"]);
    let json = match store {
        Some(s) => json.arg("--store").arg(s),
        None => json,
    };
    json_words(&json.run().exits(0).json(), &mut known);
    let widest = output(store, args, 200);
    known.extend(words(&widest).into_iter().chain(words(NARROW_ONLY)).map(str::to_string));
    for width in WIDTHS {
        let text = output(store, args, width);
        for line in text.lines() {
            assert!(line.width() <= usize::from(width), "{args:?} at {width}: wider than the width:\n{line}\n\n{text}");
        }
        let seen: BTreeSet<&str> = words(&text).into_iter().collect();
        for word in &seen {
            if known.contains(*word) || !word.chars().any(char::is_alphabetic) {
                continue;
            }
            let piece_of = known.iter().find(|k| k.len() > word.len() && (k.starts_with(word) || k.ends_with(word)));
            assert!(piece_of.is_none(), "{args:?} at {width}: `{word}` is a piece of `{}`:\n{text}", piece_of.unwrap());
        }
        for (column, list) in values {
            if !seen.contains(column) {
                continue;
            }
            for value in list {
                for word in words(value) {
                    assert!(seen.contains(word), "{args:?} at {width}: `{word}` of `{value}` is cut:\n{text}");
                }
            }
        }
    }
}

/// The strings under `key` of every item of `list`.
fn strings(list: &Value, key: &str) -> Vec<String> {
    list.as_array().unwrap().iter().filter_map(|x| x[key].as_str().map(str::to_string)).collect()
}

fn store() -> TempStore {
    TempStore::new().wide_world().pennine()
}

#[test]
fn history_keeps_every_word_whole_at_every_width() {
    let store = store();
    let listed = store.json(&["history"]);
    let all = &listed["assessments"];
    let ids: Vec<String> = strings(all, "id").iter().map(|id| id.split_once('-').unwrap().1.to_string()).collect();
    let values = [
        ("Organisation", strings(all, "organization")),
        ("Label", strings(all, "label")),
        ("Respondent", strings(all, "respondent")),
        ("Id", ids),
        ("Date", strings(all, "assessed_at").iter().map(|d| d[..10].to_string()).collect()),
    ];
    assert_whole(Some(store.path()), &["history"], &values);
}

#[test]
fn trend_and_compare_keep_every_word_whole_at_every_width() {
    let store = store();
    for org in [PENNINE, WIDE_WORLD] {
        let trend = store.json(&["trend", "--org", org]);
        let titles = ("Area", strings(&trend["areas"], "title"));
        assert_whole(Some(store.path()), &["trend", "--org", org], &[titles]);
    }
    let compared = store.json(&["compare", "--org", PENNINE, "2026-Q1", "2026-Q3"]);
    let titles = ("Area", strings(&compared["areas"], "title"));
    assert_whole(Some(store.path()), &["compare", "--org", PENNINE, "2026-Q1", "2026-Q3"], &[titles]);
}

#[test]
fn round_keeps_every_word_whole_at_every_width() {
    let store = store();
    for (org, label) in [(WIDE_WORLD, "2026-Q4"), (PENNINE, "2026-Q2")] {
        let args = ["round", "--org", org, "--label", label];
        let round = store.json(&args);
        let values = [
            ("Respondent", strings(&round["respondents"], "name")),
            ("Role", strings(&round["respondents"], "role")),
            ("Area", strings(&round["areas"], "title")),
        ];
        assert_whole(Some(store.path()), &args, &values);
    }
}

#[test]
fn show_and_the_report_keep_every_word_whole_at_every_width() {
    for name in ["crm-quick", "crm-review"] {
        assert_whole(None, &["show", name], &[]);
    }
    let pitfalls = ["assess", "--answers", "examples/answers-pitfalls.toml", "--no-save"];
    assert_whole(None, &pitfalls, &[]);
}

#[test]
fn heading_lines_wrap_at_spaces() {
    let store = store();
    let text = output(Some(store.path()), &["round", "--org", WIDE_WORLD], 80);
    let heading: Vec<&str> = text.lines().take(3).collect();
    assert_eq!(
        heading,
        [
            "Round 2026-Q4 — Wide World Importers",
            "crm-readiness 2.1.0 · 4 respondents (Management 1, IT 1, Users 1, Owners 1) ·",
            "2026-11-03 to 2026-11-12"
        ],
        "{text}"
    );
}
