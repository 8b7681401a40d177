//! A round reads like the other reports: the verdict first and again as
//! the last line, and every action's priority in words (high, medium, low),
//! in the terminal and in Markdown.

use crate::round_store::{PENNINE, TempStore, WIDE_WORLD};

const LEVELS: [&str; 3] = ["high", "medium", "low"];

#[test]
fn the_terminal_round_ends_with_its_verdict_and_gives_priorities_in_words() {
    let store = TempStore::new().wide_world().pennine();
    for org in [WIDE_WORLD, PENNINE] {
        let out = store.run(&["round", "--org", org]).exits(0);
        let text = out.stdout();
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        let first = lines.iter().find(|l| l.starts_with("Verdict: ")).unwrap();
        assert_eq!(lines.last().unwrap(), first, "the verdict comes again as the last line:\n{text}");
        let plan = &text[text.find("Action plan (").unwrap()..];
        let priorities: Vec<&str> = plan
            .lines()
            .filter(|l| l.starts_with('│'))
            .map(|l| l.split(['┆', '│']).nth(2).unwrap().trim())
            .filter(|p| !p.is_empty() && *p != "Priority")
            .collect();
        assert!(!priorities.is_empty(), "{plan}");
        for p in priorities {
            assert!(LEVELS.contains(&p), "priority `{p}` is not in words:\n{plan}");
        }
    }
}

#[test]
fn the_markdown_round_ends_with_its_verdict_and_gives_priorities_in_words() {
    let store = TempStore::new().wide_world();
    let md = store.run(&["round", "--org", WIDE_WORLD, "--format", "markdown"]).exits(0).stdout().to_string();
    let heading = md.lines().find(|l| l.starts_with("## Verdict: ")).unwrap();
    let verdict = heading.trim_start_matches("## ");
    assert!(md.trim_end().ends_with(&format!("**{verdict}**")), "{md}");
    let items: Vec<&str> = md.lines().filter(|l| l.contains(" priority; raised by ")).collect();
    assert!(!items.is_empty(), "{md}");
    for item in items {
        assert!(LEVELS.iter().any(|level| item.contains(&format!("*({level} priority; raised by "))), "{item}");
    }
    assert!(!md.contains("*(priority "), "no priority as a number:\n{md}");
}
