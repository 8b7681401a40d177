//! A round reads like the other reports: the verdict first and again as
//! the last line, and every action's priority in words (high, medium, low),
//! in the terminal and in Markdown.

use crate::round_store::{PENNINE, TempStore, WIDE_WORLD, assert_contains};

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

/// The bullets under the first verdict line of a terminal round.
fn reason_bullets(text: &str) -> Vec<&str> {
    let from = text.find("Verdict: ").unwrap();
    text[from..].lines().skip(1).take_while(|l| l.starts_with("  • ") || l.starts_with("    ")).collect()
}

#[test]
fn the_merged_plan_holds_one_action_per_question_with_the_others_recommendations_under_it() {
    let store = TempStore::new().wide_world();
    let round = store.json(&["round", "--org", WIDE_WORLD]);
    let actions = round["actions"].as_array().unwrap();
    let mut questions: Vec<&str> = actions.iter().map(|a| a["question"].as_str().unwrap()).collect();
    let total = questions.len();
    questions.sort_unstable();
    questions.dedup();
    assert_eq!(questions.len(), total, "one action per question");
    // The mandate: the users' answer, the IT answer and the groups'
    // disagreement each recommend something; one step, the rest under it.
    let mandate = actions.iter().find(|a| a["question"] == "management.mandate").unwrap();
    let others = mandate["other_recommendations"].as_array().unwrap();
    assert!(!others.is_empty(), "{mandate}");
    assert!(others.iter().any(|o| o["recommendation"].as_str().unwrap().starts_with("Bring management, IT")));
    let raised: Vec<&str> =
        mandate["raised_by"].as_array().unwrap().iter().map(|s| s["respondent"].as_str().unwrap()).collect();
    // Whose answers call for an action; Catherine Hale's answer calls for
    // none, and taking a side in the disagreement is not raising it.
    assert_eq!(raised, ["Owen Price", "Ravi Menon", "Margaret Ellison"]);
    for o in others {
        assert!(o["priority"].as_f64() <= mandate["priority"].as_f64(), "{mandate}");
    }
    let count = |text: &str, part: &str| text.matches(part).count();
    let all_others: usize = actions.iter().map(|a| a["other_recommendations"].as_array().unwrap().len()).sum();
    let table = store.run(&["round", "--org", WIDE_WORLD]).exits(0).stdout().to_string();
    assert_contains(&table, &format!("Action plan ({total} actions, one per question, most urgent first)"));
    assert_eq!(count(&table, "Also recommended: "), all_others);
    let md = store.run(&["round", "--org", WIDE_WORLD, "--format", "markdown"]).exits(0).stdout().to_string();
    assert_eq!(count(&md, "   - *Also recommended:* "), all_others);
    assert_eq!(count(&md, " priority; raised by "), total, "one numbered item per action");
}

#[test]
fn a_long_phase_says_how_many_and_leads_with_the_highest_priorities() {
    let store = TempStore::new().wide_world();
    let round = store.json(&["round", "--org", WIDE_WORLD]);
    let before: Vec<f64> = round["actions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["phase"] == "before-signing")
        .map(|a| a["priority"].as_f64().unwrap())
        .collect();
    let n = before.len();
    assert!(n > 12, "{n}");
    assert!(before.windows(2).all(|w| w[0] >= w[1]), "highest priority first: {before:?}");
    let table = store.run(&["round", "--org", WIDE_WORLD]).exits(0).stdout().to_string();
    let lead = format!("\nBefore signing: {n} actions: the 10 of highest priority first, then {} more\n", n - 10);
    let rest = format!("\nBefore signing, {} more\n", n - 10);
    let (at_lead, at_rest) = (table.find(&lead), table.find(&rest));
    assert!(at_lead.is_some() && at_rest > at_lead, "{table}");
    let numbers = |from: usize| -> Vec<usize> {
        table[from..]
            .lines()
            .skip(5)
            .take_while(|l| l.starts_with('│'))
            .filter_map(|l| l.trim_start_matches('│').split('┆').next()?.trim().parse().ok())
            .collect()
    };
    assert_eq!(numbers(at_lead.unwrap()), (1..=10).collect::<Vec<_>>());
    assert_eq!(numbers(at_rest.unwrap()).first(), Some(&11), "the rest go on counting");
    let md = store.run(&["round", "--org", WIDE_WORLD, "--format", "markdown"]).exits(0).stdout().to_string();
    assert_contains(
        &md,
        &format!("### Before signing\n\n{n} actions: the 10 of highest priority first, then {} more.\n\n1. ", n - 10),
    );
    assert_contains(&md, &format!("\n#### Before signing, {} more\n\n11. ", n - 10));
}

#[test]
fn the_json_and_the_text_give_the_same_reasons_for_the_verdict() {
    let store = TempStore::new().wide_world().pennine();
    for (org, label) in [(WIDE_WORLD, "2026-Q4"), (PENNINE, "2026-Q1"), (PENNINE, "2026-Q3")] {
        let round = store.json(&["round", "--org", org, "--label", label]);
        let reasons: Vec<&str> =
            round["reasons"].as_array().unwrap().iter().map(|r| r["message"].as_str().unwrap()).collect();
        let text = store.run(&["round", "--org", org, "--label", label]).exits(0).stdout().to_string();
        let bullets = reason_bullets(&text).into_iter().filter(|l| l.starts_with("  • ")).count();
        assert_eq!(bullets, reasons.len(), "{org} {label}: {reasons:#?}\n{text}");
        let md = store.run(&["round", "--org", org, "--label", label, "-f", "markdown"]).exits(0).stdout().to_string();
        for r in &reasons {
            assert_contains(&md, &format!("- {r}\n"));
        }
        // One reason per question.
        let mut flagged: Vec<String> = round["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["rule"].as_str().unwrap().ends_with("-red-flag"))
            .map(|r| r["questions"].to_string())
            .collect();
        let n = flagged.len();
        flagged.sort();
        flagged.dedup();
        assert_eq!(flagged.len(), n, "{org} {label}");
    }
}
