//! `round --format html`: the round's page, with the same guarantees as an
//! assessment's (same bytes, nothing loaded, hostile text inert, its JSON
//! embedded), its chart of each area by stakeholder group, `--brand`, and
//! `report` saying plainly that a round's page is not an assessment.

use std::path::Path;

use crate::html_report::{hostile_questionnaire, references, without_data};
use crate::round_store::{TempStore, WIDE_WORLD, assert_contains};
use crate::support::{ROOT, Test};

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `part` in `html` after `from`; where it ends.
fn after(html: &str, from: usize, part: &str) -> usize {
    let at = html[from..].find(part).unwrap_or_else(|| panic!("{part:?} missing, or out of order"));
    from + at + part.len()
}

#[test]
fn the_round_page_leads_with_the_summary_and_shows_each_group() {
    let store = TempStore::new().wide_world();
    let html = store.run(&["round", "--org", WIDE_WORLD, "--format", "html"]).exits(0).stdout().to_string();
    let order = [
        "<title>CRM readiness assessment — Wide World Importers — round 2026-Q4</title>",
        "<h1>Wide World Importers</h1>",
        "<span>Round 2026-Q4</span>",
        "<span>2026-11-03 to 2026-11-12</span>",
        "4 respondents (Management 1, IT 1, Users 1, Owners 1)",
        "Executive summary",
        "<p class=\"verdict-word\">Not ready</p>",
        "Score 43.7 / 100 <span class=\"range-text\">(respondents 34.4 to 53.1)</span>",
        "Critical red flag:",
        "Areas at risk",
        "Groups disagree (7)",
        "What will management require of staff about recording their customer work in the CRM?",
        "management (Catherine Hale): &quot;Required in writing by the managing director",
        "versus IT (Ravi Menon), owners (Margaret Ellison): &quot;It will be required",
        "users (Owen Price): &quot;Each team manager will decide",
        "First actions: Before signing",
        "raised by Owen Price (users), Ravi Menon (IT), Margaret Ellison (owners)",
        "<h2>Respondents</h2>",
        "<td>Catherine Hale</td><td>Managing director</td>",
        "Areas by stakeholder group",
        "<svg class=\"spread\"",
        ">Management</text>",
        ">IT</text>",
        ">Users</text>",
        ">Owners</text>",
        ">range of respondents</text>",
        ">risk threshold</text>",
        "high &lt; 50",
        ">Agreement</text>",
        "Management backing and alignment: Management: 78.3 (1 respondent)",
        "Red flags (19, 7 of them disagreements between groups)",
        "All 4 respondents: In an internal note or slides",
        "<strong>Groups disagree:</strong>",
        "Action plan",
        "raised by all 4 respondents",
        "Appendix: every question and each respondent's answer",
        "Everyone asked",
        "Questionnaire crm-readiness 2.1.0 (sha256:",
        "round complete 2026-11-12T00:00:00Z",
    ];
    let mut from = 0;
    for part in order {
        from = after(&html, from, part);
    }
    // One marker per group on each of the eight areas, with its key in the
    // legend.
    let chart = &html[html.find("<svg class=\"spread\"").unwrap()..];
    let chart = &chart[..chart.find("</svg>").unwrap()];
    for group in ["management", "it", "users", "owners"] {
        assert_eq!(chart.matches(&format!("<path class=\"marker group-{group}\"")).count(), 8, "{group}");
        assert_eq!(chart.matches(&format!("<path class=\"key group-{group}\"")).count(), 1, "{group}");
    }
    assert_eq!(chart.matches("<rect class=\"range\"").count(), 8);
    assert_eq!(chart.matches("<line class=\"round-score\"").count(), 8);
    assert_eq!(chart.matches("<rect class=\"zone ").count(), 3, "high, medium and low risk shaded");
    assert!(html.contains("<span class=\"pill priority-high\">high</span>"), "priorities in words");
}

#[test]
fn the_page_is_the_same_bytes_each_time_by_flag_or_by_name_and_carries_the_rounds_json() {
    let store = TempStore::new().wide_world();
    let printed = store.run(&["round", "--org", WIDE_WORLD, "-f", "html"]).exits(0);
    let dash = store.run(&["round", "--org", WIDE_WORLD, "-f", "html", "-o", "-"]).exits(0);
    assert!(dash.stdout() == printed.stdout(), "`-o -` is stdout");
    assert!(!store.path().join("-").exists());
    let again = store.run(&["round", "--org", WIDE_WORLD, "--label", "2026-Q4", "-f", "html"]).exits(0);
    assert!(printed.stdout() == again.stdout(), "the same round gives other bytes");
    for name in ["round.html", "round.HTM"] {
        let file = store.path().join(name);
        let written = store.run(&["round", "--org", WIDE_WORLD, "-o", file.to_str().unwrap()]).exits(0);
        assert_eq!(written.stdout(), "");
        assert_contains(written.stderr(), "round written to");
        assert!(read(&file) == printed.stdout(), "{name} picks HTML, with the same bytes");
    }
    let data = crm_ready::core::embedded::extract_json(printed.stdout()).expect("the data element");
    let embedded: serde_json::Value = serde_json::from_str(data).unwrap();
    assert_eq!(embedded, store.json(&["round", "--org", WIDE_WORLD]), "the embedded data is the round's JSON");
}

#[test]
fn report_says_a_rounds_page_holds_a_round_and_which_command_renders_it() {
    let store = TempStore::new().wide_world();
    let page = store.path().join("round.html");
    let json = store.path().join("round.json");
    store.run(&["round", "--org", WIDE_WORLD, "-o", page.to_str().unwrap()]).exits(0);
    store.run(&["round", "--org", WIDE_WORLD, "-o", json.to_str().unwrap()]).exits(0);
    for file in [&page, &json] {
        let out = Test::new().args(["report", file.to_str().unwrap()]).run().exits(2);
        assert_eq!(out.stdout(), "");
        assert_eq!(
            out.stderr(),
            format!(
                "error: {}: a round of 4 respondents (Wide World Importers, 2026-Q4), not one assessment; \
                 `crm-ready round --org 'Wide World Importers' --label 2026-Q4` renders it from the store of \
                 its assessments\n",
                file.display()
            )
        );
    }
    let compared = Test::new().args(["compare", page.to_str().unwrap(), json.to_str().unwrap()]).run().exits(2);
    assert_contains(compared.stderr(), "a round of 4 respondents");
}

#[test]
fn brand_puts_the_consultants_name_logo_and_footer_on_the_round() {
    let store = TempStore::new().wide_world();
    let brand = Path::new(ROOT).join("examples/brand.toml");
    let brand = brand.to_str().unwrap();
    let plain = store.run(&["round", "--org", WIDE_WORLD, "-f", "html"]).exits(0);
    let branded = store.run(&["round", "--org", WIDE_WORLD, "-f", "html", "--brand", brand]).exits(0);
    let html = branded.stdout();
    assert_contains(html, "<span class=\"brand-name\">Hartley &amp; Moss Advisory</span>");
    assert_contains(html, "src=\"data:image&#x2f;svg+xml;base64,");
    assert_contains(html, ":root { --accent: #1f6f8b; }");
    assert!(!plain.stdout().contains("Hartley"));
    let markdown = store.run(&["round", "--org", WIDE_WORLD, "-f", "markdown", "--brand", brand]).exits(0);
    assert_contains(markdown.stdout(), "- **Prepared by:** Hartley & Moss Advisory\n");
    for (page, name) in [(plain.stdout(), "plain"), (html, "branded")] {
        let markup = without_data(page);
        for reference in references(&markup) {
            assert!(reference.starts_with("data:") || reference.starts_with('#'), "{name}: {reference:?}");
        }
        for scheme in ["http:", "https:", "//", "@import"] {
            assert!(!markup.contains(scheme), "{name}: {scheme} in the page");
        }
        assert_eq!(markup.matches("<script").count(), 1, "{name}: the data element is the only script");
    }
    let missing = store.run(&["round", "--org", WIDE_WORLD, "-f", "html", "--brand", "no-such-brand.toml"]).exits(2);
    assert_eq!(missing.stdout(), "");
}

#[test]
fn hostile_text_in_a_round_is_escaped_and_inert() {
    let store = TempStore::new();
    let dir = store.path();
    let q = hostile_questionnaire(dir);
    for (who, group, answer) in
        [("<b>Mgmt</b>", "management", "yes"), ("</script><script>alert(9)</script>", "users", "no")]
    {
        let answers = dir.join(format!("{group}.toml"));
        std::fs::write(
            &answers,
            format!(
                "questionnaire = \"hostile\"\nversion = \"1.0.0\"\norganization = \"Org <img src=x onerror=alert(6)>\"\n\
                 respondent = \"{who}\"\nrole = \"<svg onload=alert(10)>\"\ngroup = \"{group}\"\nlabel = \"Q1 <iframe>\"\n\
                 [answers]\n\"a.q\" = \"{answer}\"\n[notes]\n\"a.q\" = \"</script><script>alert(7)</script>\"\n"
            ),
        )
        .unwrap();
        store.run(&["assess", "-q", q.to_str().unwrap(), "--answers", answers.to_str().unwrap()]).exits(0);
    }
    let out =
        store.run(&["round", "--org", "Org <img src=x onerror=alert(6)>", "-q", q.to_str().unwrap(), "-f", "html"]);
    let html = out.exits(0).stdout().to_string();
    let markup = without_data(&html);
    for raw in ["<script>alert", "<img src=x", "<svg onload", "<style>body", "<a href=\"javascript", "<iframe", "<b>"] {
        assert!(!markup.contains(raw), "{raw:?} reached the page unescaped");
    }
    assert_contains(&markup, "Groups disagree (1)");
    assert_contains(&markup, "management (&lt;b&gt;Mgmt&lt;&#x2f;b&gt;): &quot;Yes ]]&gt;");
    assert_eq!(markup.matches("<script").count(), 1);
    assert_eq!(html.matches("</script>").count(), 1, "nothing in the data ends its element early");
    let data = crm_ready::core::embedded::extract_json(&html).unwrap();
    let back: serde_json::Value = serde_json::from_str(data).unwrap();
    assert_eq!(back["label"], "Q1 <iframe>", "the data keeps the text as it was");
}

#[test]
fn a_small_round_renders_as_the_snapshot_shows() {
    use crm_ready::core::answers::Group;
    use crm_ready::core::answers_file::{Syntax, parse_answers};
    use crm_ready::core::brand::Brand;
    use crm_ready::core::questionnaire::parse;
    use crm_ready::core::round::{Member, build};
    let source = std::fs::read_to_string("tests/fixtures/questionnaires/good/every-kind.toml").unwrap();
    let q = parse(&source, "every-kind.toml").unwrap();
    let fixture = std::fs::read_to_string("tests/fixtures/answers/good/every-kind.toml").unwrap();
    // Management as the fixture answers; a user who sees no owner and no
    // mandate, with a note; IT, unnamed, who does not know how confident to be.
    let people = [
        ("Dana Reyes", Group::Management, "2026-03-02T09:30:00Z", fixture.clone()),
        (
            "Sam Ortiz",
            Group::Users,
            "2026-03-03T14:00:00Z",
            fixture
                .replace(r#""plan.owner" = "named""#, r#""plan.owner" = "nobody""#)
                .replace(r#""people.mandate" = "yes""#, r#""people.mandate" = "no""#)
                + "[notes]\n\"plan.owner\" = \"Nobody has been asked yet.\"\n",
        ),
        (
            "",
            Group::It,
            "2026-03-04T11:00:00Z",
            fixture.replace(r#""plan.confidence" = 4"#, r#""plan.confidence" = "dont-know""#),
        ),
    ];
    let members = people
        .iter()
        .map(|(name, group, at, text)| {
            let mut answers = parse_answers(text, "every-kind.toml", Syntax::Toml, &q).unwrap().answers;
            answers.group = Some(*group);
            answers.respondent = (!name.is_empty()).then(|| name.to_string());
            let mut assessment = crm_ready::core::scoring::score(&q, &answers, at.parse().unwrap());
            assessment.tool_version = "0.0.0-snapshot".into();
            Member { id: None, assessment: std::borrow::Cow::Owned(assessment) }
        })
        .collect();
    let mut round = build(&q, "Contoso", "2026-Q1", members);
    round.tool_version = "0.0.0-snapshot".into();
    let brand = Brand { name: Some("Hartley & Moss".into()), accent: Some("#336699".into()), footer: None, logo: None };
    let html = crm_ready::report::html::round_html(&round, &brand).unwrap();
    assert_eq!(html, crm_ready::report::html::round_html(&round, &brand).unwrap());
    assert!(html.contains("Groups disagree (2)"), "the owner and the mandate split management and the users");
    insta::assert_snapshot!(html);
}

#[test]
fn the_round_page_gives_each_question_one_action_and_a_long_phase_its_count() {
    let store = TempStore::new().wide_world();
    let html = store.run(&["round", "--org", WIDE_WORLD, "--format", "html"]).exits(0).stdout().to_string();
    let round = store.json(&["round", "--org", WIDE_WORLD]);
    let actions = round["actions"].as_array().unwrap();
    let before: Vec<&serde_json::Value> = actions.iter().filter(|a| a["phase"] == "before-signing").collect();
    assert!(before.len() > 12, "{}", before.len());
    let plan = &html[html.find("<section class=\"plan\"").unwrap()..html.find("<section class=\"appendix\"").unwrap()];
    // Every action once: its recommendation as an item, the others' under it.
    let items = plan.matches("<span class=\"pill priority-").count();
    assert_eq!(items, actions.len(), "one item per question");
    let others: usize = actions.iter().map(|a| a["other_recommendations"].as_array().unwrap().len()).sum();
    assert!(others > 0);
    assert_eq!(plan.matches("<li>Also recommended: ").count(), others);
    let order = [
        "<h3>Before signing</h3>",
        &format!(
            "<p class=\"many\">{} actions: the 10 of highest priority first, then {} more.</p>",
            before.len(),
            before.len() - 10
        ),
        "<ol class=\"plan-list\">",
        &format!("<h4>Before signing, {} more</h4>", before.len() - 10),
        "<ol class=\"plan-list\" start=\"11\">",
    ];
    let mut from = 0;
    for part in order {
        from = after(plan, from, part);
    }
}
