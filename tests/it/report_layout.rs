//! The terminal and Markdown reports lead with the summary and end with the
//! verdict; every table fits the width (`COLUMNS` without a terminal), and
//! ids are never wrapped.

use std::path::Path;

use unicode_width::UnicodeWidthStr;

use crate::support::{Finished, Test};

const PITFALLS: [&str; 3] = ["assess", "--answers", "examples/answers-pitfalls.toml"];

fn at_width(columns: &str, args: &[&str]) -> Finished {
    Test::new().env("COLUMNS", columns).args(args).run()
}

fn in_store(store: &Path, columns: &str, args: &[&str]) -> Finished {
    Test::new().env("CRM_READY_STORE", store).env("COLUMNS", columns).args(args).run()
}

/// Fails on the first line wider than `width` terminal cells.
fn assert_fits(text: &str, width: usize) {
    for line in text.lines() {
        assert!(line.width() <= width, "{} cells, wider than {width}:\n{line}\n\n{text}", line.width());
    }
}

#[test]
fn the_terminal_report_starts_and_ends_with_the_verdict_at_80_columns() {
    let out = at_width("80", &[&PITFALLS[..], &["--no-save"]].concat()).exits(0);
    let text = out.stdout();
    assert_fits(text, 80);
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(lines[0].starts_with("Verdict: NOT READY    Score: 19.5 / 100"), "{}", lines[0]);
    let last = lines.iter().rposition(|l| l.starts_with("Verdict: ")).unwrap();
    assert!(last + 3 >= lines.len(), "the verdict comes again at the end:\n{}", lines[lines.len() - 3..].join("\n"));
    assert_eq!(lines[0], lines[last]);
    let order = ["Why", "Areas at risk:", "First actions: Before signing", "Red flags (", "Action plan (", "sha256:"];
    let mut from = 0;
    for part in order {
        from += text[from..].find(part).unwrap_or_else(|| panic!("{part:?} missing or out of order\n{text}"));
    }
    assert!(text.contains("Answers: Where is the objective of the CRM project written down"), "{text}");
    assert!(text.contains("┆ Priority ┆ Action") && text.contains("┆ high     ┆"), "{text}");
    assert!(!text.contains("Because"), "{text}");
}

#[test]
fn the_width_follows_columns_without_a_terminal() {
    let widest = |columns: Option<&str>| {
        let mut t = Test::new().args(PITFALLS).arg("--no-save");
        if let Some(c) = columns {
            t = t.env("COLUMNS", c);
        }
        t.run().stdout().lines().map(|l| l.width()).max().unwrap()
    };
    assert_eq!(widest(None), 100, "100 without COLUMNS, as before");
    assert_eq!(widest(Some("132")), 132);
    assert_eq!(widest(Some("not a number")), 100);
    assert!(widest(Some("60")) <= 60);
}

#[test]
fn the_markdown_report_names_the_organisation_and_ends_with_the_verdict() {
    let out = Test::new().args(PITFALLS).args(["--no-save", "-f", "markdown"]).run().exits(0);
    let md = out.stdout();
    assert!(md.starts_with("# CRM readiness assessment: Contoso Building Supplies\n"), "{md}");
    let verdict = "Verdict: Not ready — score 19.5 / 100";
    assert!(md.contains(&format!("\n## {verdict}")), "{md}");
    let summary_at = md.find("**First actions (Before signing):**").unwrap();
    assert!(summary_at < md.find("## Areas").unwrap());
    assert!(md.find("sha256:").unwrap() > md.find("## Action plan").unwrap(), "the hash is small print at the end");
    assert!(md.trim_end().ends_with(&format!("**{}**", &md[md.find(verdict).unwrap()..].lines().next().unwrap())));
    assert!(md.contains("*high priority · Vision and objectives · answers:* Where is the objective"), "{md}");
}

#[test]
fn history_compare_and_trend_fit_80_columns_and_never_wrap_an_id() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path();
    for (answers, label) in [
        ("examples/answers-pitfalls.toml", "2026-Q1"),
        ("examples/answers-ready.toml", "2026-Q2"),
        ("examples/answers-pitfalls.toml", "2026-Q3"),
    ] {
        in_store(
            store,
            "80",
            &["assess", "--answers", answers, "--org", "Contoso Building Supplies", "--label", label],
        )
        .exits(0);
    }
    let listed = in_store(store, "80", &["history", "-f", "json"]).exits(0).json();
    let ids: Vec<String> =
        listed["assessments"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap().to_string()).collect();
    let history = in_store(store, "80", &["history"]).exits(0);
    assert_fits(history.stdout(), 80);
    for id in &ids {
        let short = id.split_once('-').unwrap().1;
        assert!(
            history.stdout().lines().any(|l| l.contains(&format!(" {short} "))),
            "{short} is cut:\n{}",
            history.stdout()
        );
    }
    let org = ["--org", "Contoso Building Supplies"];
    let compare = in_store(store, "80", &[&["compare", "previous", "latest"][..], &org].concat()).exits(0);
    assert_fits(compare.stdout(), 80);
    for id in &ids[1..] {
        assert!(compare.stdout().contains(id.as_str()), "{id} is cut:\n{}", compare.stdout());
    }
    let trend = in_store(store, "80", &[&["trend"][..], &org].concat()).exits(0);
    assert_fits(trend.stdout(), 80);
    let report = in_store(store, "80", &[&["report", "latest"][..], &org].concat()).exits(0);
    assert_fits(report.stdout(), 80);
    assert_fits(in_store(store, "80", &["questionnaires"]).exits(0).stdout(), 80);
}
