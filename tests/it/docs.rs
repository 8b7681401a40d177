//! The documentation's examples work as written.

use crm_ready::core::answers::Answer;
use crm_ready::core::answers_file::{Syntax, parse_answers};
use crm_ready::core::questionnaire::builtin;
use crm_ready::core::scoring::fmt1;

use crate::support::{Test, tool_available};

/// The first ```toml block in `text` that contains `marker`.
fn toml_block<'a>(text: &'a str, marker: &str) -> &'a str {
    text.split("```toml\n")
        .skip(1)
        .map(|rest| &rest[..rest.find("```").unwrap()])
        .find(|block| block.contains(marker))
        .unwrap_or_else(|| panic!("no toml block with {marker}"))
}

#[test]
fn the_readme_answers_example_is_valid_for_crm_quick() {
    let readme = include_str!("../../README.md");
    let block = toml_block(readme, "[answers]");
    let q = builtin::find("crm-quick").unwrap().load().unwrap();
    let loaded = parse_answers(block, "README.md", Syntax::Toml, &q).unwrap_or_else(|e| panic!("{e}"));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let answers: Vec<&Answer> = loaded.answers.answers.values().collect();
    assert_eq!(answers.len(), 4);
    // One of each shape the text around it explains.
    assert!(answers.iter().any(|a| matches!(a, Answer::Text(_))), "a choice id: {answers:?}");
    assert!(answers.iter().any(|a| matches!(a, Answer::List(l) if l.len() > 1)), "a list: {answers:?}");
    assert!(answers.contains(&&Answer::DontKnow), "a \"dont-know\": {answers:?}");
    let noted: Vec<&String> = loaded.answers.notes.keys().collect();
    assert!(noted.iter().all(|id| q.question(id).is_some()) && !noted.is_empty(), "{noted:?}");
}

#[test]
fn the_format_guide_opens_with_a_valid_header() {
    let guide = include_str!("../../docs/questionnaire-format.md");
    let header = toml_block(guide, "[questionnaire]");
    let area = toml_block(guide, "[[area]]");
    let question = "[[area.question]]\nid = \"vision.objective\"\nkind = \"yes_no\"\ntext = \"Written?\"\n[[area.question.choice]]\nid = \"yes\"\nscore = 100\n[[area.question.choice]]\nid = \"no\"\nscore = 0\nrecommendation = \"Write it.\"\nphase = \"before-signing\"\n";
    let q = crm_ready::core::questionnaire::parse(&format!("{header}\n{area}\n{question}"), "guide")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(q.id, "acme-crm-check");
    assert_eq!(q.scoring.max_unknown_share, 0.15);
}

#[test]
fn the_jq_pipeline_example_runs() {
    if !tool_available("jq", "apt-get install jq") {
        return;
    }
    // The gate trips on not-ready: exit 1.
    let out = Test::program("bash").arg("examples/jq-pipeline.sh").run().exits(1);
    let stdout = out.stdout();
    assert!(stdout.starts_with("crm-readiness 2.1.0: not-ready (score 19.5)\n"), "{stdout}");
    assert!(stdout.contains("High-risk areas:\n  Vision and objectives: 13.5\n"), "{stdout}");
    assert!(stdout.contains("Before signing:\n  [100] Put the signature on hold"), "{stdout}");
    assert_eq!(out.stderr(), "gate: not ready\n");
}

/// The first ```text block in `text` that contains `marker`.
fn text_block<'a>(text: &'a str, marker: &str) -> &'a str {
    text.split("```text\n")
        .skip(1)
        .map(|rest| &rest[..rest.find("```").unwrap()])
        .find(|block| block.contains(marker))
        .unwrap_or_else(|| panic!("no text block with {marker}"))
}

/// The README's picture of the interview is the screen the interview draws
/// at 80×30: crm-quick, two questions answered, the cursor on the second
/// answer of the third.
#[test]
fn the_readme_interview_screen_is_what_the_interview_draws() {
    use crm_ready::tui::app::{Action, App, Details, update};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    let q = builtin::find("crm-quick").unwrap().load().unwrap();
    let details = Details {
        organization: Some("Acme Ltd".into()),
        respondent: Some("Jo Bloggs".into()),
        role: Some("Managing director".into()),
        ..Details::default()
    };
    let mut app = App::new(&q, &details, Vec::new(), None).with_color(false);
    for action in [Action::Confirm, Action::Confirm, Action::Confirm, Action::Confirm, Action::Confirm] {
        update(&mut app, action);
    }
    for action in [Action::Digit(2), Action::Digit(1), Action::Down, Action::Resize(80, 30)] {
        update(&mut app, action);
    }
    let mut terminal = Terminal::new(TestBackend::new(80, 30)).unwrap();
    terminal.draw(|f| crm_ready::tui::view::render(f, &app)).unwrap();
    let buffer = terminal.backend().buffer();
    let mut screen = String::new();
    for y in 0..30 {
        let row: String = (0..80).map(|x| buffer[(x, y)].symbol().to_string()).collect();
        screen.push_str(row.trim_end());
        screen.push('\n');
    }
    let readme = include_str!("../../README.md");
    let shown: String =
        text_block(readme, "crm-ready · CRM quick check").lines().map(|l| format!("{}\n", l.trim_end())).collect();
    assert_eq!(shown, screen, "README's interview picture differs from the screen; the screen:\n{screen}");
}

/// The README with every run of white space as one space, so that a
/// sentence is found whatever its line breaks.
fn readme_words() -> String {
    include_str!("../../README.md").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A count in words, as the README writes small ones.
fn in_words(n: usize) -> &'static str {
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"][n]
}

#[test]
fn the_readme_says_what_the_built_ins_are() {
    let readme = readme_words();
    let names: Vec<&str> = builtin::BUILTINS.iter().map(|b| b.name).collect();
    let option = readme.split("| `-q, --questionnaire NAME\\|PATH` |").nth(1).unwrap();
    let option = &option[..option.find(" | ").unwrap()];
    for name in &names {
        assert!(option.contains(&format!("`{name}`")), "-q does not name {name}: {option}");
    }
    let all = format!("All {} are embedded in the binary", in_words(names.len()));
    assert!(readme.contains(&all), "README does not say: {all}");
    for b in &builtin::BUILTINS {
        let q = b.load().unwrap();
        let minutes = q.minutes.unwrap();
        let row =
            include_str!("../../README.md").lines().find(|l| l.starts_with(&format!("| `{}` |", b.name))).unwrap();
        assert!(row.contains(&format!("| ~{minutes} min |")), "{row}: {minutes} minutes");
        if b.name == "crm-quick" {
            let check = format!("`-q crm-quick` for the {}-minute check", in_words(minutes as usize));
            assert!(readme.contains(&check), "README does not say: {check}");
        }
    }
}

/// Scores an example answers file as `assess` does, unsaved.
fn scored(answers: &str) -> serde_json::Value {
    Test::new().args(["assess", "--answers", answers, "--no-save", "--format", "json"]).run().exits(0).json()
}

#[test]
fn the_readme_quotes_the_quarterly_example_as_it_scores() {
    let [q1, q2, q3] = ["q1", "q2", "q3"].map(|q| scored(&format!("examples/quarterly-2026-{q}.toml")));
    let score = |v: &serde_json::Value| fmt1(v["score"].as_f64().unwrap());
    assert_eq!([&q1["verdict"], &q2["verdict"], &q3["verdict"]], ["not-ready", "ready-with-conditions", "ready"]);
    let said = format!(
        "The company goes from not ready ({}) through ready with conditions ({}) to ready ({}).",
        score(&q1),
        score(&q2),
        score(&q3)
    );
    assert!(readme_words().contains(&said), "README does not say: {said}");
}

#[test]
fn the_readme_quotes_the_example_round_as_it_scores() {
    let store = crate::round_store::TempStore::new().wide_world();
    let round = store.json(&["round", "--org", crate::round_store::WIDE_WORLD]);
    let said = format!(
        "(\"{} / 100 (respondents {} to {})\")",
        fmt1(round["score"].as_f64().unwrap()),
        fmt1(round["lowest_score"].as_f64().unwrap()),
        fmt1(round["highest_score"].as_f64().unwrap())
    );
    assert!(readme_words().contains(&said), "README does not say: {said}");
}

/// The README's commands that write into a directory of the home (shell
/// completions, man pages) make it first: on a fresh machine it may not
/// exist, and the shell's redirection would fail.
#[test]
fn the_readme_makes_each_directory_it_writes_into() {
    let readme = include_str!("../../README.md");
    let commands: Vec<&str> = readme.lines().map(|l| l.split(" #").next().unwrap_or(l).trim()).collect();
    let mut checked = 0;
    for (i, line) in commands.iter().enumerate() {
        let target = match (line.split_once(" > "), line.split_once(" --dir ")) {
            (Some((command, file)), _) if command.starts_with("crm-ready completions") => {
                file.rsplit_once('/').map(|(dir, _)| dir).unwrap()
            }
            (_, Some((command, dir))) if command.starts_with("crm-ready man") && dir.starts_with('~') => dir,
            _ => continue,
        };
        let made = commands[..i].iter().any(|earlier| *earlier == format!("mkdir -p {target}"));
        assert!(made, "README writes into {target} without `mkdir -p {target}` before: {line}");
        checked += 1;
    }
    assert!(checked >= 3, "the README's completions and man commands were not found");
}
