//! The bad-input corpus, and inputs too big to commit.
//!
//! Every file in `tests/fixtures/{questionnaires,answers}/bad/` is refused
//! by the real binary with exit code 2, without a panic, and prints exactly
//! the `NAME.toml.stderr` (or `NAME.json.stderr`) beside it: every problem at its `file:line:column` (or
//! against the whole file where there is no place to point at), what is
//! wrong and how to fix it. Every file in `.../good/` passes. Questionnaires
//! are checked with `crm-ready validate FILE`, answers files with
//! `crm-ready assess --questionnaire every-kind.toml --answers FILE`.
//!
//! A new bad file needs its `.stderr`: `UPDATE_EXPECT=1 cargo test --test it
//! bad_inputs` writes (or rewrites) them from the binary's output. Read each
//! one before committing it.
//!
//! Inputs over the size and count caps are generated into a temporary
//! directory instead.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crm_ready::core::limits::{MAX_ANSWERS, MAX_AREAS, MAX_FILE_BYTES, MAX_OPTIONS, MAX_PROBLEMS_SHOWN, MAX_QUESTIONS};
use crm_ready::core::questionnaire::builtin;
use crm_ready::core::text::first_forbidden;

use crate::support::{Finished, ROOT, Test};

const QUESTIONNAIRES: &str = "tests/fixtures/questionnaires";
const ANSWERS: &str = "tests/fixtures/answers";
/// The questionnaire the answers files are checked against.
const EVERY_KIND: &str = "tests/fixtures/questionnaires/good/every-kind.toml";
/// Set to write the `.stderr` files from what the binary prints.
const UPDATE: &str = "UPDATE_EXPECT";

/// Far longer than any run takes: a hostile input must not make one hang.
const DEADLINE: Duration = Duration::from_secs(30);

fn validate(file: &str) -> Finished {
    Test::new().args(["validate", file]).run_within(DEADLINE)
}

fn assess(file: &str) -> Finished {
    Test::new().args(["assess", "--questionnaire", EVERY_KIND, "--answers", file]).run_within(DEADLINE)
}

/// The inputs in `dir` (relative to the project root), sorted: every file
/// but the expected outputs.
fn inputs(dir: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(Path::new(ROOT).join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| !name.ends_with(".stderr"))
        .map(|name| format!("{dir}/{name}"))
        .collect();
    files.sort();
    files
}

/// `tests/.../NAME.toml` -> `tests/.../NAME.toml.stderr`: the full name,
/// as `NAME.toml` and `NAME.json` may both be there.
fn expected_path(input: &str) -> PathBuf {
    Path::new(ROOT).join(format!("{input}.stderr"))
}

/// What is wrong with how the binary refused `input`, if anything; with
/// `UPDATE_EXPECT` set, writes its `.stderr` instead of comparing.
fn refusal_problems(input: &str, out: &Finished) -> Vec<String> {
    let mut wrong = Vec::new();
    if out.code() != 2 {
        wrong.push(format!("exit code {}, expected 2", out.code()));
    }
    if out.stderr().contains("panicked") {
        wrong.push("panicked".to_string());
    }
    if !out.stdout().is_empty() {
        wrong.push(format!("wrote to stdout:\n{}", out.stdout()));
    }
    if let Some(f) = first_forbidden(out.stderr()) {
        wrong.push(format!("stderr holds {} raw", f.describe()));
    }
    wrong.extend(unlocated_lines(input, out.stderr()));
    let path = expected_path(input);
    let name = path.file_name().unwrap().to_string_lossy();
    match std::fs::read_to_string(&path) {
        _ if std::env::var_os(UPDATE).is_some() => std::fs::write(&path, out.stderr()).unwrap(),
        Ok(expected) if expected == out.stderr() => {}
        Ok(expected) => wrong.push(format!(
            "stderr differs from {name} (run with {UPDATE}=1 to rewrite it, then read the diff)\n{}",
            first_difference(&expected, out.stderr())
        )),
        Err(_) => wrong.push(format!(
            "no {name} beside it: run `{UPDATE}=1 cargo test --test it bad_inputs` to write it from the \
             binary's output, then read it"
        )),
    }
    if wrong.is_empty() {
        return wrong;
    }
    vec![format!("{input}:\n    {}\n--- stderr ---\n{}", wrong.join("\n    "), out.stderr())]
}

/// Problem lines that do not start with the file's name: every problem must
/// point into the file (or at the whole file).
fn unlocated_lines(input: &str, stderr: &str) -> Vec<String> {
    stderr
        .lines()
        // Problems start a line; the source excerpt under one starts with
        // its line number or a space, the help with spaces.
        .filter(|line| !line.is_empty() && !line.starts_with(|c: char| c == ' ' || c.is_ascii_digit()))
        .map(|line| line.strip_prefix("error: ").unwrap_or(line))
        .filter(|line| !line.starts_with(&format!("{input}:")) && !line.ends_with(&format!("in {input}")))
        .filter(|line| !line.starts_with("... and "))
        .map(|line| format!("a problem that names no place in the file: {line}"))
        .collect()
}

/// The first line where `expected` and `actual` part, for the message.
fn first_difference(expected: &str, actual: &str) -> String {
    let (mut expected_lines, mut actual_lines) = (expected.lines(), actual.lines());
    for number in 1.. {
        match (expected_lines.next(), actual_lines.next()) {
            (None, None) => break,
            (e, a) if e == a => {}
            (e, a) => return format!("line {number}: expected {e:?}\n         printed {a:?}"),
        }
    }
    "only the final line ending differs".to_string()
}

/// Runs every bad input of `dir`, and fails on `.stderr` files left without
/// an input.
fn check_bad(dir: &str, run: fn(&str) -> Finished) {
    let bad = format!("{dir}/bad");
    let inputs = inputs(&bad);
    let mut failures: Vec<String> = inputs.iter().flat_map(|input| refusal_problems(input, &run(input))).collect();
    for entry in std::fs::read_dir(Path::new(ROOT).join(&bad)).unwrap() {
        let path = entry.unwrap().path();
        let has_input = inputs.iter().any(|input| expected_path(input) == path);
        if path.extension().is_some_and(|e| e == "stderr") && !has_input {
            failures.push(format!("{} has no input file beside it", path.display()));
        }
    }
    assert!(failures.is_empty(), "{} of {} bad inputs failed:\n{}", failures.len(), inputs.len(), failures.join("\n"));
    assert!(inputs.len() >= 30, "{bad} has only {} files", inputs.len());
}

#[test]
fn bad_questionnaires_print_exactly_their_stderr_file() {
    check_bad(QUESTIONNAIRES, validate);
}

#[test]
fn bad_answers_files_print_exactly_their_stderr_file() {
    check_bad(ANSWERS, assess);
}

#[test]
fn good_questionnaires_and_answers_files_pass() {
    for path in inputs(&format!("{QUESTIONNAIRES}/good")) {
        let out = validate(&path).exits(0);
        assert!(out.stdout().starts_with(&format!("{path}: ok")), "{path}: {}", out.stdout());
    }
    for path in inputs(&format!("{ANSWERS}/good")) {
        let out = assess(&path).exits(0);
        assert!(!out.stderr().contains("error"), "{path}: {}", out.stderr());
    }
}

#[test]
fn several_problems_in_one_file_are_all_reported() {
    for (dir, run) in [(QUESTIONNAIRES, validate as fn(&str) -> Finished), (ANSWERS, assess)] {
        let shown = format!("{dir}/bad/many-problems.toml");
        let stderr = run(&shown).exits(2).stderr().to_string();
        let located = stderr.matches(&format!("{shown}:")).count();
        assert!(located >= 7, "{shown}: {located} problems reported:\n{stderr}");
        assert!(stderr.ends_with(&format!("{located} problems in {shown}\n")), "{stderr}");
    }
}

#[test]
fn answers_for_another_version_of_a_builtin_are_refused() {
    let shown = format!("{ANSWERS}/bad/questionnaire-mismatch.toml");
    let out = Test::new().args(["assess", "--questionnaire", "crm-quick", "--answers", &shown]).run().exits(2);
    let in_use = builtin::find("crm-quick").unwrap().load().unwrap().version;
    assert_ne!(in_use, "3.0.0", "the fixture must name another version than the built-in's");
    for wanted in [
        format!("{shown}:3:11: these answers are for version 3.0.0 of `crm-quick`, but version {in_use} is in use"),
        format!("{shown}:6:1: `crm-quick` has no question `plan.owner`"),
        format!("2 problems in {shown}"),
    ] {
        assert!(out.stderr().contains(&wanted), "{wanted:?} missing from:\n{}", out.stderr());
    }
}

#[test]
fn an_answer_its_condition_hides_is_ignored_with_a_located_warning() {
    let path = format!("{ANSWERS}/good/hidden-answer.toml");
    let out = assess(&path).exits(0);
    let warning = format!("warning: {path}:8:1: ignoring the answer to `people.trainer`");
    assert!(out.stderr().contains(&warning), "{}", out.stderr());
}

/// A generated input's refusal: exit 2, no panic, nothing on stdout, and
/// exactly the problems `expect` (`line:column`, or "" for the whole file;
/// the start of the message).
fn refused_with(out: &Finished, shown: &str, expect: &[(&str, &str)]) {
    assert_eq!(out.code(), 2, "{}", out.stderr());
    assert!(!out.stderr().contains("panicked"), "{}", out.stderr());
    assert_eq!(out.stdout(), "");
    let lines: Vec<&str> = out.stderr().lines().map(|l| l.strip_prefix("error: ").unwrap_or(l)).collect();
    for (at, message) in expect {
        let wanted = if at.is_empty() { format!("{shown}: {message}") } else { format!("{shown}:{at}: {message}") };
        assert!(lines.iter().any(|l| l.starts_with(&wanted)), "no line starting {wanted:?} in:\n{}", out.stderr());
    }
    let count = if expect.len() == 1 { "1 problem in".to_string() } else { format!("{} problems in", expect.len()) };
    assert!(out.stderr().contains(&format!("{count} {shown}")), "not exactly {count} {shown}:\n{}", out.stderr());
}

/// Writes `text` to a new temporary file named `name`.
fn temp_file(dir: &tempfile::TempDir, name: &str, text: &[u8]) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// Line (from 1) of the `n`th (from 0) occurrence of `needle` at a line start.
fn line_of_nth(text: &str, needle: &str, n: usize) -> usize {
    text.lines().enumerate().filter(|(_, l)| l.starts_with(needle)).nth(n).unwrap().0 + 1
}

const HEADER: &str = "[questionnaire]\nid = \"big\"\nversion = \"1\"\ntitle = \"Big\"\n";

fn text_question(out: &mut String, id: &str) {
    write!(out, "\n[[area.question]]\nid = \"{id}\"\nkind = \"text\"\ntext = \"Anything?\"\n").unwrap();
}

#[test]
fn files_over_the_size_cap_are_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let mut big = HEADER.as_bytes().to_vec();
    big.resize(MAX_FILE_BYTES as usize + 1, b'#');
    let mib = MAX_FILE_BYTES / 1024 / 1024;
    let message = format!("file is larger than {mib} MiB");
    let q = temp_file(&dir, "huge.toml", &big);
    refused_with(&validate(&q), &q, &[("", &message)]);
    let a = temp_file(&dir, "huge.json", &big);
    refused_with(&assess(&a), &a, &[("", &message)]);
}

#[test]
fn too_many_areas_is_refused() {
    let mut text = HEADER.to_string();
    for i in 0..=MAX_AREAS {
        write!(text, "\n[[area]]\nid = \"a{i}\"\ntitle = \"A\"\nwhy = \"W\"\n").unwrap();
        text_question(&mut text, &format!("a{i}.q"));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = temp_file(&dir, "areas.toml", text.as_bytes());
    let at = format!("{}:1", line_of_nth(&text, "[[area]]", MAX_AREAS));
    let message = format!("too many areas: {} (at most {MAX_AREAS})", MAX_AREAS + 1);
    refused_with(&validate(&path), &path, &[(&at, &message)]);
}

#[test]
fn too_many_questions_is_refused() {
    let mut text = format!("{HEADER}\n[[area]]\nid = \"a\"\ntitle = \"A\"\nwhy = \"W\"\n");
    for i in 0..=MAX_QUESTIONS {
        text_question(&mut text, &format!("q{i}"));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = temp_file(&dir, "questions.toml", text.as_bytes());
    let at = format!("{}:1", line_of_nth(&text, "[[area.question]]", MAX_QUESTIONS));
    let message = format!("too many questions (at most {MAX_QUESTIONS})");
    refused_with(&validate(&path), &path, &[(&at, &message)]);
}

#[test]
fn too_many_choices_and_bands_are_refused() {
    let mut text = format!("{HEADER}\n[[area]]\nid = \"a\"\ntitle = \"A\"\nwhy = \"W\"\n");
    text.push_str("\n[[area.question]]\nid = \"a.pick\"\nkind = \"single\"\ntext = \"Pick\"\n");
    for i in 0..=MAX_OPTIONS {
        write!(text, "\n[[area.question.choice]]\nid = \"c{i}\"\nlabel = \"C\"\nscore = 50\n").unwrap();
    }
    text.push_str("\n[[area.question]]\nid = \"a.count\"\nkind = \"number\"\ntext = \"How many?\"\n");
    for i in 0..=MAX_OPTIONS {
        write!(text, "\n[[area.question.band]]\nfrom = {i}\nto = {i}\nscore = 50\n").unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let path = temp_file(&dir, "options.toml", text.as_bytes());
    let pick = format!("{}:1", line_of_nth(&text, "[[area.question]]", 0));
    let count = format!("{}:1", line_of_nth(&text, "[[area.question]]", 1));
    let expect = [
        (pick.as_str(), format!("too many choices in question `a.pick` (at most {MAX_OPTIONS})")),
        (count.as_str(), format!("too many bands in question `a.count` (at most {MAX_OPTIONS})")),
    ];
    let expect: Vec<(&str, &str)> = expect.iter().map(|(at, m)| (*at, m.as_str())).collect();
    refused_with(&validate(&path), &path, &expect);
}

#[test]
fn a_file_with_hundreds_of_problems_shows_the_first_hundred_and_counts_all() {
    let mut text = HEADER.to_string();
    for i in 0..250 {
        writeln!(text, "colour{i} = 1").unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let path = temp_file(&dir, "noisy.toml", text.as_bytes());
    let out = validate(&path).exits(2);
    let stderr = out.stderr();
    // 250 unknown keys and the missing areas.
    let shown = stderr.matches(&format!("{path}:")).count();
    assert_eq!(shown, MAX_PROBLEMS_SHOWN, "{stderr}");
    assert!(stderr.contains(&format!("... and {} more, not shown", 251 - MAX_PROBLEMS_SHOWN)), "{stderr}");
    assert!(stderr.ends_with(&format!("251 problems in {path}\n")), "{stderr}");
}

#[test]
fn too_many_answers_is_refused() {
    let mut text = "questionnaire = \"every-kind\"\nversion = \"2.1.0\"\n\n[answers]\n".to_string();
    for i in 0..=MAX_ANSWERS {
        writeln!(text, "\"q{i}\" = \"x\"").unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let path = temp_file(&dir, "answers.toml", text.as_bytes());
    let at = format!("{}:1", line_of_nth(&text, "\"q", MAX_ANSWERS));
    let message = format!("too many answers or notes (at most {MAX_ANSWERS})");
    refused_with(&assess(&path), &path, &[(&at, &message)]);
}

#[test]
fn missing_files_and_directories_are_usage_errors() {
    for (args, named) in [
        (vec!["validate", "tests/fixtures/no-such-file.toml"], "tests/fixtures/no-such-file.toml: no such file"),
        (vec!["validate", "tests/fixtures"], "tests/fixtures is a directory"),
        (vec!["assess", "--answers", "tests/no-such.toml"], "tests/no-such.toml: no such file"),
        (
            vec!["assess", "--questionnaire", "no-such-builtin", "--answers", "examples/answers-ready.toml"],
            "no built-in questionnaire `no-such-builtin`",
        ),
    ] {
        let out = Test::new().args(&args).run().exits(2);
        let stderr = out.stderr();
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(stderr.contains(named), "{args:?}: {stderr}");
    }
}

#[test]
fn a_problem_that_names_no_place_in_the_file_is_caught() {
    let stderr =
        "error: x.toml:3:1: located\n  |\n3 | a = 1\n  |\n  = help: fix it\nsomething broke\n2 problems in x.toml\n";
    assert_eq!(unlocated_lines("x.toml", stderr), ["a problem that names no place in the file: something broke"]);
}
