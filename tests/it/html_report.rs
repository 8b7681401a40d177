//! `--format html`: one self-contained page that is the same bytes for the
//! same assessment, loads nothing from anywhere, keeps hostile text inert
//! and carries its JSON, so that `crm-ready report FILE.html` reads it back.

use std::path::{Path, PathBuf};

use crate::support::{Finished, Test};

/// Runs the binary with a store in `dir`.
fn run(dir: &Path, args: &[&str]) -> Finished {
    Test::new().env("CRM_READY_STORE", dir.join("store")).args(args).run()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The page without its embedded JSON: the markup and the visible text.
pub fn without_data(html: &str) -> String {
    let open = r#"<script type="application/json" id="crm-ready-data">"#;
    let start = html.find(open).expect("the data element") + open.len();
    let end = start + html[start..].find("</script>").expect("the data element ends");
    format!("{}{}", &html[..start], &html[end..])
}

/// The values of every `src=`, `href=` and `url(` in `html`.
pub fn references(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for opener in ["src=\"", "href=\"", "url("] {
        for (at, _) in html.match_indices(opener) {
            let rest = &html[at + opener.len()..];
            let end = rest.find(['"', ')']).unwrap_or(rest.len());
            found.push(rest[..end].to_string());
        }
    }
    found
}

/// Renders the quick-check example as HTML (saved to the store) and
/// returns the page and its file.
pub fn quick_check_html(dir: &Path) -> (String, PathBuf) {
    let path = dir.join("quick.html");
    let shown = path.to_str().unwrap();
    run(dir, &["assess", "-q", "crm-quick", "--answers", "examples/answers-quick.toml", "-o", shown]).exits(0);
    (read(&path), path)
}

#[test]
fn a_stored_assessment_renders_to_the_same_bytes_and_reads_back() {
    let tmp = tempfile::tempdir().unwrap();
    let (fresh, path) = quick_check_html(tmp.path());
    let again = run(tmp.path(), &["report", "latest", "--org", "Fabrikam Garden Centres", "--format", "html"]).exits(0);
    assert!(fresh == again.stdout(), "re-rendering the stored assessment gives other bytes");
    let by_name = tmp.path().join("again.htm");
    run(tmp.path(), &["report", "latest", "--org", "fabrikam garden centres", "-o", by_name.to_str().unwrap()])
        .exits(0);
    assert_eq!(read(&by_name), fresh, "`.htm` picks HTML too");

    let stored = run(tmp.path(), &["report", "latest", "--org", "Fabrikam Garden Centres", "-f", "json"]).exits(0);
    let from_page = run(tmp.path(), &["report", path.to_str().unwrap(), "-f", "json"]).exits(0);
    assert_eq!(from_page.stdout(), stored.stdout(), "the embedded JSON is the report's JSON");
    let table = run(tmp.path(), &["report", path.to_str().unwrap()]).exits(0);
    assert!(table.stdout().starts_with("Verdict: READY WITH CONDITIONS"), "{}", table.stdout());
}

#[test]
fn the_page_holds_the_summary_first_and_everything_after() {
    let tmp = tempfile::tempdir().unwrap();
    let (html, _) = quick_check_html(tmp.path());
    let order = [
        "<h1>Fabrikam Garden Centres</h1>",
        "Executive summary",
        "Ready with conditions",
        "capped: 2 major red flags",
        "Areas at risk",
        "First actions: Before signing",
        "<svg class=\"bars\"",
        "Red flags (2)",
        "Action plan",
        "Answers the question",
        "Appendix: every question and answer",
        "Questionnaire crm-quick 2.1.0 (sha256:",
    ];
    let mut from = 0;
    for part in order {
        let at = html[from..].find(part).unwrap_or_else(|| panic!("{part:?} missing, or out of order"));
        from += at + part.len();
    }
    assert!(html.contains("<span class=\"pill priority-high\">high</span>"), "priorities in words");
    assert!(html.contains("high &lt; 50"), "the thresholds are marked on the chart");
}

#[test]
fn the_page_loads_nothing_from_anywhere() {
    let tmp = tempfile::tempdir().unwrap();
    let brand = tmp.path().join("brand.toml");
    std::fs::copy("examples/brand.toml", &brand).unwrap();
    std::fs::copy("examples/brand-logo.svg", tmp.path().join("brand-logo.svg")).unwrap();
    let (plain, _) = quick_check_html(tmp.path());
    let branded = run(
        tmp.path(),
        &["report", "latest", "--org", "Fabrikam Garden Centres", "-f", "html", "--brand", brand.to_str().unwrap()],
    )
    .exits(0);
    for html in [plain.as_str(), branded.stdout()] {
        let markup = without_data(html);
        for reference in references(&markup) {
            assert!(reference.starts_with("data:") || reference.starts_with('#'), "refers outside: {reference:?}");
        }
        for scheme in ["http:", "https:", "//", "@import"] {
            assert!(!markup.contains(scheme), "{scheme} in the page");
        }
        assert_eq!(markup.matches("<script").count(), 1, "the data element is the only script");
        assert!(markup.contains("Content-Security-Policy"));
    }
    assert!(branded.stdout().contains("src=\"data:image&#x2f;svg+xml;base64,"), "the logo is inlined");
    assert!(branded.stdout().contains("Hartley &amp; Moss Advisory"));
}

/// A questionnaire whose every text tries to break out of the page, in
/// `dir`; its one question is `a.q`, answered `yes` or `no`.
pub fn hostile_questionnaire(dir: &Path) -> PathBuf {
    let questionnaire = dir.join("hostile.toml");
    std::fs::write(
        &questionnaire,
        r#"[questionnaire]
id = "hostile"
version = "1.0.0"
title = "Quiz </script><script>alert(1)</script>"

[[area]]
id = "a"
title = "\"><img src=x onerror=alert(2)>"
weight = 1
why = "<iframe src=javascript:alert(8)>"

[[area.question]]
id = "a.q"
kind = "single"
text = "<script>alert(3)</script> Who owns it? <!-- "

[[area.question.choice]]
id = "yes"
label = "Yes ]]> <style>body{display:none}</style>"
score = 100

[[area.question.choice]]
id = "no"
label = "No </textarea><svg onload=alert(4)>"
score = 0
red_flag = "critical"
recommendation = "Fix it <a href=\"javascript:alert(5)\">now</a>"
phase = "before-signing"
"#,
    )
    .unwrap();
    questionnaire
}

/// A questionnaire and answers whose every text tries to break out of the
/// page.
pub fn hostile_html(dir: &Path) -> PathBuf {
    let questionnaire = hostile_questionnaire(dir);
    let answers = dir.join("hostile-answers.toml");
    std::fs::write(
        &answers,
        r#"questionnaire = "hostile"
version = "1.0.0"
organization = "Org <img src=x onerror=alert(6)>"
respondent = "'; background:url(//evil.example/x)"
[answers]
"a.q" = "no"
[notes]
"a.q" = "</script><script>alert(7)</script>"
"#,
    )
    .unwrap();
    let page = dir.join("hostile.html");
    let q = questionnaire.to_str().unwrap();
    run(dir, &["assess", "-q", q, "--answers", answers.to_str().unwrap(), "--no-save", "-o", page.to_str().unwrap()])
        .exits(0);
    page
}

#[test]
fn hostile_text_is_escaped_and_inert() {
    let tmp = tempfile::tempdir().unwrap();
    let html = read(&hostile_html(tmp.path()));
    let markup = without_data(&html);
    for raw in ["<script>alert", "<img src=x", "<svg onload", "<style>body", "<a href=\"javascript", "</textarea>"] {
        assert!(!markup.contains(raw), "{raw:?} reached the page unescaped");
    }
    assert!(markup.contains("&lt;script&gt;alert(3)&lt;&#x2f;script&gt; Who owns it?"), "shown as text");
    assert_eq!(markup.matches("<script").count(), 1);
    assert_eq!(html.matches("</script>").count(), 1, "nothing in the data ends its element early");
    let data = crm_ready::core::embedded::extract_json(&html).unwrap();
    let back: serde_json::Value = serde_json::from_str(data).unwrap();
    assert_eq!(back["organization"], "Org <img src=x onerror=alert(6)>", "the data keeps the text as it was");
}

#[test]
fn compare_and_trend_write_html_pages_too() {
    let tmp = tempfile::tempdir().unwrap();
    for (answers, label) in [("examples/answers-pitfalls.toml", "2026-Q1"), ("examples/answers-ready.toml", "2026-Q2")]
    {
        let who = ["--respondent", "Lee Marsh"];
        run(tmp.path(), &[&["assess", "--answers", answers, "--org", "Contoso", "--label", label][..], &who].concat())
            .exits(0);
    }
    let trend = tmp.path().join("trend.html");
    run(tmp.path(), &["trend", "--org", "Contoso", "-o", trend.to_str().unwrap()]).exits(0);
    let trend = read(&trend);
    assert!(trend.contains("<h1>Contoso</h1>") && trend.contains("2026-Q1 to 2026-Q2"));
    // As the terminal says it: rounds, the change since when, who answered.
    for said in ["<span>2 rounds</span>", "Change since 2026-Q1", "<td>Respondents</td>"] {
        assert!(trend.contains(said), "{said} missing:\n{trend}");
    }
    assert_eq!(trend.matches("<svg class=\"lines\"").count(), 9, "overall and each of the eight areas");
    let compare = run(tmp.path(), &["compare", "previous", "latest", "--org", "Contoso", "-f", "html"]).exits(0);
    let compare = compare.stdout();
    assert!(compare.contains("Not ready → Ready"), "{compare}");
    assert!(compare.contains("<svg class=\"bars\""));
    // Both sides named as the terminal names them, in the headings too.
    for said in ["Actions completed since 2026-Q1 (Lee Marsh) (no longer recommended)", "<th class=\"num\">2026-Q2 ("] {
        assert!(compare.contains(said), "{said} missing:\n{compare}");
    }
    let again = run(tmp.path(), &["compare", "previous", "latest", "--org", "Contoso", "-f", "html"]).exits(0);
    assert_eq!(again.stdout(), compare, "the same comparison gives the same bytes");
}

#[test]
fn a_small_assessment_renders_as_the_snapshot_shows() {
    use crm_ready::core::answers_file::{Syntax, parse_answers};
    use crm_ready::core::brand::Brand;
    use crm_ready::core::questionnaire::parse;
    let source = std::fs::read_to_string("tests/fixtures/questionnaires/good/every-kind.toml").unwrap();
    let q = parse(&source, "every-kind.toml").unwrap();
    // With a critical red flag and a missing item, so that every section shows.
    let answers_text = std::fs::read_to_string("tests/fixtures/answers/good/every-kind.toml")
        .unwrap()
        .replace(r#""plan.owner" = "named""#, r#""plan.owner" = "nobody""#)
        .replace(r#"["training", "data"]"#, r#"["data"]"#);
    let answers = parse_answers(&answers_text, "every-kind.toml", Syntax::Toml, &q).unwrap().answers;
    let mut a = crm_ready::core::scoring::score(&q, &answers, "2026-03-02T09:30:00Z".parse().unwrap());
    a.tool_version = "0.0.0-snapshot".into();
    let brand = Brand {
        name: Some("Hartley & Moss".into()),
        accent: Some("#336699".into()),
        footer: Some("Prepared for Contoso; not for circulation.".into()),
        logo: None,
    };
    let html = crm_ready::report::html::assessment_html(&a, &brand).unwrap();
    assert_eq!(html, crm_ready::report::html::assessment_html(&a, &brand).unwrap());
    insta::assert_snapshot!(html);
}

#[test]
fn the_html_trend_and_compare_of_rounds_say_what_the_terminal_says() {
    use crate::round_store::{PENNINE, TempStore};
    let store = TempStore::new().pennine();
    let text = store.run(&["trend", "--org", PENNINE]).exits(0).stdout().to_string();
    let html = store.run(&["trend", "--org", PENNINE, "-f", "html"]).exits(0).stdout().to_string();
    for said in ["3 rounds (11 assessments)", "Change since 2026-Q1"] {
        assert!(text.contains(said), "{said} missing from the terminal:\n{text}");
        assert!(html.contains(said), "{said} missing from the page:\n{html}");
    }
    let args = ["compare", "--org", PENNINE, "2026-Q1", "2026-Q3"];
    let text = store.run(&args).exits(0).stdout().to_string();
    let html = store.run(&[&args[..], &["-f", "html"]].concat()).exits(0).stdout().to_string();
    for said in [
        "2026-Q1 (4 respondents) → 2026-Q3 (3 respondents)",
        "2026-Q3 (3 respondents) is better than 2026-Q1 (4 respondents)",
        "Answers that improved in 2026-Q3 (3 respondents)",
    ] {
        assert!(text.contains(said), "{said} missing from the terminal:\n{text}");
        assert!(html.contains(said), "{said} missing from the page:\n{html}");
    }
    assert!(!html.contains("2026-Q1 (2026-03-11)"), "rounds are named by their respondents, not a date");
}
